"""Reading articles: every input kind, and every bad input reported with file and line."""

from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest

from kg.articles import read_paths
from kg.errors import InputError
from kg.records import Article


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def write(path, data):
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_txt_with_sidecar(tmp_path):
    write(tmp_path / "a1.txt", "Envoys met in Geneva on Monday.\n")
    write(
        tmp_path / "a1.json",
        json.dumps(
            {"published": "2022-05-02", "title": "T", "source": "S", "url": "https://example.org/a1", "actors": []}
        ),
    )
    (article,), errors = split(read_paths([tmp_path / "a1.txt"]))
    assert errors == []
    assert article.id == "a1"
    assert article.published == date(2022, 5, 2)
    assert (article.title, article.source, article.url) == ("T", "S", "https://example.org/a1")
    assert article.text == "Envoys met in Geneva on Monday.\n"


def test_sidecar_id_overrides_stem(tmp_path):
    write(tmp_path / "file.txt", "Text.")
    write(tmp_path / "file.json", '{"id": "real-id"}')
    (article,), _ = split(read_paths([tmp_path]))
    assert article.id == "real-id"


def test_txt_without_sidecar_has_no_metadata(tmp_path):
    write(tmp_path / "b.txt", "Some text.")
    (article,), _ = split(read_paths([tmp_path / "b.txt"]))
    assert (article.id, article.published, article.title) == ("b", None, None)


def test_folder_is_read_recursively_and_ignores_other_files(tmp_path):
    write(tmp_path / "one.txt", "First.")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    write(tmp_path / "sub" / "deeper" / "two.txt", "Second.")
    write(tmp_path / "sub" / "corpus.jsonl", '{"id": "three", "text": "Third."}\n')
    write(tmp_path / "README.md", "# not an article")
    articles, errors = split(read_paths([tmp_path]))
    assert sorted(a.id for a in articles) == ["one", "three", "two"]
    assert errors == []


def test_jsonl_corpus(tmp_path):
    lines = [{"id": "x1", "text": "A.", "published": "2020-01-01", "extra": 1}, {"id": "x2", "text": "B."}]
    write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    articles, errors = split(read_paths([tmp_path / "c.jsonl"]))
    assert [a.id for a in articles] == ["x1", "x2"] and errors == []
    assert articles[0].origin.endswith("c.jsonl:1")


def test_stdin_dash(monkeypatch):
    data = b'{"id": "s1", "text": "Talks."}\n{"id": "s2"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, errors = split(read_paths(["-"]))
    assert [a.id for a in articles] == ["s1"]
    assert str(errors[0]) == "<stdin>:2: missing 'text'"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"id": "e", "text": ""}', "empty text"),
        (b'{"id": "e", "text": "   \\n "}', "empty text"),
        (b'{"id": "e", "text": "x", ', "invalid JSON"),
        (b'{"id": "e"}', "missing 'text'"),
        (b'{"id": "e", "text": 5}', "'text' must be a string"),
        (b'{"id": "e", "text": "x", "published": "last Tuesday"}', "'published' is not an ISO date"),
        (b'{"id": "e", "text": "x", "published": "2021-02-30"}', "'published' is not an ISO date"),
        (b'{"id": "e", "text": "x", "published": 2021}', "'published' is not an ISO date"),
        (b'{"id": "", "text": "x"}', "missing 'id'"),
        (b'{"id": "e", "text": "caf\xe9"}', "invalid UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
    ],
)
def test_bad_jsonl_line_is_named_and_the_rest_goes_in(tmp_path, line, message):
    write(tmp_path / "c.jsonl", b'{"id": "ok1", "text": "Fine."}\n' + line + b'\n{"id": "ok2", "text": "Fine."}\n')
    articles, errors = split(read_paths([tmp_path / "c.jsonl"]))
    assert [a.id for a in articles] == ["ok1", "ok2"]
    (error,) = errors
    assert str(error).startswith(f"{tmp_path / 'c.jsonl'}:2: ")
    assert message in str(error)


@pytest.mark.parametrize(
    ("files", "message", "where"),
    [
        ({"e.txt": b""}, "empty text", "e.txt"),
        ({"e.txt": b"line one\nline \xff two"}, "invalid UTF-8 at byte 14", "e.txt:2"),
        ({"e.txt": b"ok", "e.json": b'{"published": "soon"}'}, "'published' is not an ISO date", "e.txt"),
        ({"e.txt": b"ok", "e.json": b'{"published":\n  }'}, "invalid JSON in sidecar", "e.json:2"),
        ({"e.json": b'{"id": "orphan"}'}, "sidecar without its text file e.txt", "e.json"),
    ],
)
def test_bad_file_is_named(tmp_path, files, message, where):
    for name, data in files.items():
        write(tmp_path / name, data)
    write(tmp_path / "good.txt", "Delegations met.")
    articles, errors = split(read_paths([tmp_path]))
    assert [a.id for a in articles] == ["good"]
    (error,) = errors
    assert message in str(error)
    assert str(error).startswith(str(tmp_path / where) + ":")


def test_missing_path_and_unknown_kind(tmp_path):
    write(tmp_path / "notes.md", "x")
    _, errors = split(read_paths([tmp_path / "nope.txt", tmp_path / "notes.md"]))
    assert "no such file or folder" in str(errors[0])
    assert "not an article" in str(errors[1])


def test_bom_is_not_part_of_the_text(tmp_path):
    write(tmp_path / "bom.txt", "\ufeffTalks resumed.".encode())
    (article,), _ = split(read_paths([tmp_path / "bom.txt"]))
    assert article.text == "Talks resumed."
