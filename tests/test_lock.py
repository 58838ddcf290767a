"""The archive lock, between real processes."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archiver.lock import ArchiveBusy, archive_lock

HOLDER = textwrap.dedent("""
    import sys
    from archiver.lock import archive_lock
    wait = sys.argv[2] == "wait"
    print("trying", flush=True)
    with archive_lock(sys.argv[1], wait=wait):
        print("locked", flush=True)
        sys.stdin.readline()  # hold until the test says so
    print("released", flush=True)
""")


def start(archive: Path, mode: str = "nowait") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(archive), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )


def test_second_process_refuses_naming_the_holder(tmp_path: Path) -> None:
    first = start(tmp_path)
    assert first.stdout is not None and first.stdin is not None
    try:
        assert first.stdout.readline().strip() == "trying"
        assert first.stdout.readline().strip() == "locked"
        with (
            pytest.raises(ArchiveBusy, match=rf"in use by process {first.pid}\b"),
            archive_lock(tmp_path),
        ):
            pass
        second = start(tmp_path)
        _, err = second.communicate(timeout=30)
        assert second.returncode != 0
        assert f"ArchiveBusy: {tmp_path} is in use by process {first.pid}" in err
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "released"
    finally:
        first.kill()
        first.wait(timeout=10)
    with archive_lock(tmp_path) as path:  # free again
        assert path.read_text().strip() == str(os.getpid())


def test_waiter_gets_the_lock_when_the_holder_lets_go(tmp_path: Path) -> None:
    first = start(tmp_path)
    assert first.stdout is not None and first.stdin is not None
    assert first.stdout.readline().strip() == "trying"
    assert first.stdout.readline().strip() == "locked"
    waiter = start(tmp_path, "wait")
    assert waiter.stdout is not None and waiter.stdin is not None
    try:
        assert waiter.stdout.readline().strip() == "trying"
        # the waiter stays blocked (says nothing more) while the first holds the lock
        readable, _, _ = select.select([waiter.stdout], [], [], 1.0)
        assert readable == []
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "released"
        assert waiter.stdout.readline().strip() == "locked"
        waiter.stdin.write("\n")
        waiter.stdin.flush()
        assert waiter.wait(timeout=30) == 0
    finally:
        for p in (first, waiter):
            p.kill()
            p.wait(timeout=10)


def test_a_killed_holder_never_leaves_a_stale_lock(tmp_path: Path) -> None:
    first = start(tmp_path)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "trying"
    assert first.stdout.readline().strip() == "locked"
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    with archive_lock(tmp_path):  # the kernel released it with the process
        pass
