"""The one exception a user should ever see: a one-line message, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path


class ArchiverError(Exception):
    """Bad usage or input: the CLI prints the message on one line and exits with 2."""


def readable_file(path: str) -> Path:
    """Check an input file up front so the user gets one clear line, not an OSError later."""
    if path == "-":
        return Path(path)
    p = Path(path)
    if not p.exists():
        raise ArchiverError(f"{path}: no such file")
    if p.is_dir():
        raise ArchiverError(f"{path}: is a directory, expected a file")
    if not os.access(p, os.R_OK):
        raise ArchiverError(f"{path}: not readable (permission denied)")
    return p


def writable_dir(path: str | Path) -> Path:
    """Create the archive folder (and check it can be written) before any fetching starts."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise ArchiverError(f"{p}: exists and is not a folder")
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiverError(f"{p}: cannot create the archive folder ({exc.strerror})") from None
    if not os.access(p, os.W_OK | os.X_OK):
        raise ArchiverError(f"{p}: archive folder is not writable")
    return p
