"""Scratch files carry their owner's process id; those of dead processes are removed."""

from __future__ import annotations

import os
import subprocess
import sys

from kg import scratch


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_sweep_removes_only_what_dead_processes_left(tmp_path):
    dead = _dead_pid()
    (tmp_path / f"peacekg-x-{dead}-a").mkdir()
    (tmp_path / f"peacekg-x-{dead}-a" / "data.nq").write_text("<a> <b> <c> .")
    (tmp_path / f"peacekg-x-{dead}-b.trig").write_text("")
    (tmp_path / f"peacekg-x-{os.getpid()}-c").mkdir()  # alive: this process
    (tmp_path / "peacekg-x-unowned").mkdir()  # no owner in the name: not ours to judge
    (tmp_path / f"other-{dead}-d").mkdir()  # another prefix

    assert scratch.sweep("peacekg-x-", str(tmp_path)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"other-{dead}-d",
        f"peacekg-x-{os.getpid()}-c",
        "peacekg-x-unowned",
    ]


def test_new_scratch_names_carry_the_process_id(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    folder = scratch.make_folder("peacekg-y-")
    with scratch.make_file("peacekg-y-", ".trig") as f:
        name = f.name
    for path in (folder, name):
        assert os.path.basename(path).startswith(f"peacekg-y-{os.getpid()}-")
        assert os.path.dirname(path) == str(tmp_path)
