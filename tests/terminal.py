"""Run a command with one of its streams on a pseudo-terminal, as a user at a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path


def run_in_terminal(
    cmd: list[str], cwd: Path, *, stream: str = "stdout", env: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """Exit code and everything written to ``stream`` (which is a tty; the other is not).

    ``env`` replaces the environment entirely, so a test decides whether NO_COLOR is set.
    """
    main, child = pty.openpty()
    ends = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: child}
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=ends["stdout"],
        stderr=ends["stderr"],
        env=os.environ.copy() if env is None else env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=60)
    os.close(main)
    return code, b"".join(chunks)
