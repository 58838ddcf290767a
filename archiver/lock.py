"""One writer per archive: an exclusive ``flock`` on ``archive/.lock``.

Two snapshots appending to the same catalog and WARC folder would interleave runs and
race on file names; the second one must wait or refuse, never write. ``flock`` is released
by the kernel when the holder dies (even by ``kill -9``), so a stale lock cannot outlive
its process; the pid written into the file is only there to name the holder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".lock"


class ArchiveBusy(Exception):
    """Another process holds the archive."""


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


@contextlib.contextmanager
def archive_lock(archive_dir: Path, wait: bool = False) -> Iterator[Path]:
    """Hold the archive exclusively; raise ``ArchiveBusy`` at once unless ``wait``."""
    archive_dir = Path(archive_dir)
    archive_dir.mkdir(parents=True, exist_ok=True)
    path = archive_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            pid = _holder(fd)
            who = f"process {pid}" if pid else "another process"
            raise ArchiveBusy(
                f"{archive_dir} is in use by {who} (another snapshot?); "
                "wait for it to finish or pass --wait"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield path
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
