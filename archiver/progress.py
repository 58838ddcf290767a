"""Progress on stderr: a live bar on a terminal, nothing in a pipe or a log file.

rich draws the bar because it redraws in place, degrades cleanly when stderr is not a
terminal and honours NO_COLOR, which a hand-written carriage-return bar would not.
"""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from archiver.model import Capture


class SnapshotProgress:
    """Links done and failed, bytes and rate while a snapshot runs."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal
        self.done = 0
        self.failed = 0
        self.bytes = 0
        self.started = time.monotonic()
        self._bar: Progress | None = None
        self._task = None

    def start(self, total: int) -> None:
        self.started = time.monotonic()
        if not self.enabled:
            return
        self._bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[size]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self._task = self._bar.add_task("capturing", total=total, failed=0, size="0 B", rate="")
        self._bar.start()

    def advance(self, capture: Capture) -> None:
        self.done += 1
        if capture.error or capture.status is None or capture.status >= 400:
            self.failed += 1
        self.bytes += sum(h.size for h in capture.hops)
        if self._bar is not None and self._task is not None:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self._bar.update(
                self._task,
                advance=1,
                failed=self.failed,
                size=human_bytes(self.bytes),
                rate=f"{self.done / elapsed:.0f} links/s",
            )

    def stage(self, text: str) -> None:
        """What the run does once every link is fetched ("probing 12 folders")."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description=text)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
