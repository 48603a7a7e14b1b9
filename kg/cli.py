"""The ``peacekg`` command: thin wrappers that parse arguments and call library functions.

Every :class:`~kg.errors.KgError` becomes a one-line message on stderr and a non-zero exit.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rdflib import Dataset

from kg.errors import KgError
from kg.settings import Settings, load_settings

EXIT_SKIPPED, EXIT_ERROR = 1, 2


def fail_cleanly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a KgError into ``peacekg: error: ...`` and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as e:
            click.echo(f"peacekg: error: {e}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--store", "store", metavar="DIR", help="Store folder [env PEACEKG_STORE; default ./data/store].")
@click.option(
    "--config",
    "config",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="TOML settings file [env PEACEKG_CONFIG].",
)
@click.option("--base-iri", metavar="IRI", help="Namespace of minted resources [env PEACEKG_BASE_IRI].")
@click.option("--model", metavar="NAME", help="spaCy model package [env PEACEKG_MODEL].")
@click.version_option(package_name="peacekg")
@click.pass_context
@fail_cleanly
def cli(ctx: click.Context, store: str | None, config: str | None, base_iri: str | None, model: str | None) -> None:
    """PeaceKG: news about peace talks as a knowledge graph of actors, meetings and agreements."""
    ctx.obj = load_settings({"store": store, "base_iri": base_iri, "model": model}, config_file=config)


@contextmanager
def open_dataset(settings: Settings, must_exist: bool = False) -> Iterator[Dataset]:
    """The store of the settings, released on exit; reading commands ask that it exists."""
    from kg.errors import StoreError
    from kg.store import close_store, open_store

    if must_exist and not Path(settings.store).is_dir():
        raise StoreError(
            f"no store at {settings.store}: ingest articles first (peacekg ingest PATH) "
            "or point --store / PEACEKG_STORE at one"
        )
    ds = open_store(settings.store)
    try:
        yield ds
    finally:
        close_store(ds)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(1, 64), help="Processes that parse articles [default 1].")
@click.option("--batch-size", type=click.IntRange(1, 4096), help="Articles per spaCy batch [default 16].")
@click.pass_obj
@fail_cleanly
def ingest(settings: Settings, paths: tuple[str, ...], workers: int | None, batch_size: int | None) -> None:
    """Read articles and store what they say.

    PATHS are .txt files (with an optional .json sidecar of the same stem), .jsonl corpora,
    folders (read recursively) or - for JSON Lines on stdin. Re-ingesting an id replaces it.
    """
    from kg.articles import read_paths
    from kg.ingest import ingest as run

    settings = settings.replace(workers=workers, batch_size=batch_size)
    with open_dataset(settings) as ds:
        report = run(ds, read_paths(paths), settings)
    for error in report.errors:
        click.echo(f"{error}", err=True)
    rate = len(report.ingested) / report.seconds if report.seconds else 0.0
    click.echo(
        f"ingested {len(report.ingested)} article(s), {report.triples} triples, "
        f"in {report.seconds:.1f} s ({rate:.1f} articles/s); skipped {len(report.errors)}",
        err=True,
    )
    if report.errors:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_obj
@fail_cleanly
def remove(settings: Settings, article_ids: tuple[str, ...]) -> None:
    """Drop articles, by id, with everything they said."""
    from kg.ingest import remove as run

    with open_dataset(settings, must_exist=True) as ds:
        removed, unknown = run(ds, article_ids, settings)
    for article_id in unknown:
        click.echo(f"{article_id}: no such article in the store", err=True)
    click.echo(f"removed {len(removed)} article(s)", err=True)
    if unknown:
        sys.exit(EXIT_SKIPPED)


EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "xml")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="trig",
    show_default=True,
    help="trig, nquads and jsonld keep the named graphs; the others merge them.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File to write [default: stdout].",
)
@click.option("--graph", "article_id", metavar="ID", help="Only this article's graph.")
@click.pass_obj
@fail_cleanly
def export(settings: Settings, fmt: str, output: str, article_id: str | None) -> None:
    """Write the graph in an RDF format, streaming."""
    from kg.errors import NotFound
    from kg.rdf.ids import Ids
    from kg.store import dump, graph_names

    graph = str(Ids(settings.base_iri).graph(article_id)) if article_id else None
    with open_dataset(settings, must_exist=True) as ds:
        if graph and graph not in graph_names(ds):
            raise NotFound(f"no article {article_id!r} in the store")
        if output == "-":
            dump(ds, sys.stdout.buffer, fmt, graph)
            sys.stdout.buffer.flush()
            return
        with open(output, "wb") as f:
            dump(ds, f, fmt, graph)


@cli.command()
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv", "xml"]),
    default="table",
    show_default=True,
    help="Result format for SELECT/ASK (CONSTRUCT always prints Turtle).",
)
@click.pass_obj
@fail_cleanly
def query(settings: Settings, query: str, fmt: str) -> None:
    """Run a SPARQL query, given as text or as a file path, over the union of all graphs."""
    from kg.query import render, run_query

    text = Path(query).read_text(encoding="utf-8") if _is_file(query) else query
    with open_dataset(settings, must_exist=True) as ds:
        sys.stdout.buffer.write(render(run_query(ds, text), fmt))


def _is_file(arg: str) -> bool:
    try:
        return len(arg) < 4096 and "\n" not in arg and Path(arg).is_file()
    except OSError:
        return False


@cli.command()
@click.pass_obj
@fail_cleanly
def validate(settings: Settings) -> None:
    """Check every article graph against the SHACL shapes; exit 1 on violations."""
    from kg.rdf.validate import validate as run

    with open_dataset(settings, must_exist=True) as ds:
        report = run(ds)
    click.echo(report.text)
    if not report.conforms:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_obj
@fail_cleanly
def stats(settings: Settings, as_json: bool) -> None:
    """Count articles, actors, places, meetings, agreements and triples."""
    import json

    from kg.query import stats as run

    with open_dataset(settings, must_exist=True) as ds:
        figures = run(ds)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    width = max(map(len, figures))
    for name, value in figures.items():
        click.echo(f"{name:<{width}}  {value}")


@cli.command("settings")
@click.pass_obj
def show_settings(settings: Settings) -> None:
    """List every setting with its value, its environment variable and what it does."""
    from kg.settings import SETTINGS

    for s in SETTINGS:
        click.echo(f"{s.name} = {getattr(settings, s.name)!r}    [PEACEKG_{s.name.upper()}] {s.help}")


@cli.command()
@click.option("--host", help="Address to listen on [default 127.0.0.1].")
@click.option("--port", type=click.IntRange(0, 65535), help="Port [default 8000].")
@click.option("--threads", type=click.IntRange(1, 256), help="Server threads [default 8].")
@click.pass_obj
@fail_cleanly
def serve(settings: Settings, host: str | None, port: int | None, threads: int | None) -> None:
    """Serve the SPARQL endpoint, exports and linked-data pages."""
    from kg.web import serve as run

    run(settings.replace(host=host, port=port, threads=threads))


def main() -> None:
    cli(prog_name="peacekg")
