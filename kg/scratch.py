"""Scratch files in the temporary folder that do not outlive their process.

A process that is killed (``SIGKILL``, a machine that stops) runs no clean-up, so its scratch
files would stay behind: a server's snapshot is as large as the store. Each name here carries
the owner's process id, and making a new one first removes those whose owner is gone.

>>> folder = make_folder("peacekg-doc-")
>>> Path(folder).name.startswith(f"peacekg-doc-{os.getpid()}-")
True
>>> sweep("peacekg-doc-")  # the owner (this process) is alive: kept
0
>>> os.rmdir(folder)
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def sweep(prefix: str, folder: str | None = None) -> int:
    """Remove the scratch files and folders named ``prefix<pid>-...`` whose process is gone;
    the number removed."""
    owner = re.compile(re.escape(prefix) + r"(\d+)-")
    removed = 0
    for path in Path(folder or tempfile.gettempdir()).glob(f"{prefix}*"):
        found = owner.match(path.name)
        if not found or _alive(int(found[1])):
            continue
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
    return removed


def make_folder(prefix: str) -> str:
    """A new folder in the temporary folder, after removing the ones dead processes left."""
    sweep(prefix)
    return tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-")


def make_file(prefix: str, suffix: str = "") -> IO[bytes]:
    """A new file opened for binary writing, kept when closed (the caller removes it), after
    removing the ones dead processes left."""
    sweep(prefix)
    return tempfile.NamedTemporaryFile("wb", prefix=f"{prefix}{os.getpid()}-", suffix=suffix, delete=False)
