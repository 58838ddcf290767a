"""CLI conventions every command keeps: help with an example, version, stdout for data,
stderr for logs, exit 2 with one line (never a traceback) on bad usage or input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archiver import __version__

COMMANDS = ["extract", "snapshot", "report", "diff", "show", "run", "reindex", "export"]


def archiver(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a child process, as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("ARCHIVER_TRACEBACK", None)
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_version() -> None:
    proc = archiver("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"archiver, version {__version__}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_an_example(command: str | None) -> None:
    proc = archiver(*([command] if command else []), "--help")
    assert proc.returncode == 0, proc.stderr
    assert "Example" in proc.stdout
    assert proc.stderr == ""


def test_unknown_command_is_usage_error() -> None:
    proc = archiver("frobnicate")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "No such command" in proc.stderr


@pytest.mark.parametrize("command", ["extract", "snapshot", "run"])
def test_missing_file(command: str, tmp_path: Path) -> None:
    line = assert_one_line_error(archiver(command, str(tmp_path / "nope.txt"), cwd=tmp_path))
    assert "nope.txt: no such file" in line


@pytest.mark.parametrize("command", ["extract", "snapshot"])
def test_directory_where_a_file_is_expected(command: str, tmp_path: Path) -> None:
    (tmp_path / "adir").mkdir()
    line = assert_one_line_error(archiver(command, "adir", cwd=tmp_path))
    assert "adir: is a directory" in line


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads every file: no unreadable file can be made for this user"
)
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("https://example.org/\n")
    f.chmod(0)
    line = assert_one_line_error(archiver("extract", str(f)))
    assert "not readable" in line


def test_archive_folder_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "links.txt").write_text("http://127.0.0.1:9/\n")
    (tmp_path / "afile").write_text("not a folder")
    line = assert_one_line_error(
        archiver("snapshot", "links.txt", "--archive", "afile/archive", cwd=tmp_path)
    )
    assert "cannot create the archive folder" in line


def test_archive_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "links.txt").write_text("http://127.0.0.1:9/\n")
    (tmp_path / "afile").write_text("not a folder")
    line = assert_one_line_error(
        archiver("snapshot", "links.txt", "--archive", "afile", cwd=tmp_path)
    )
    assert "exists and is not a folder" in line


def test_report_without_archive(tmp_path: Path) -> None:
    line = assert_one_line_error(archiver("report", "--archive", "nothing", cwd=tmp_path))
    assert "not an archive" in line


def test_bad_option_value(tmp_path: Path) -> None:
    (tmp_path / "links.txt").write_text("http://127.0.0.1:9/\n")
    line = assert_one_line_error(
        archiver("snapshot", "links.txt", "--max-body", "lots", cwd=tmp_path)
    )
    assert "not a size" in line
    line = assert_one_line_error(
        archiver("snapshot", "links.txt", "--fail-on", "purple", cwd=tmp_path)
    )
    assert "unknown condition purple" in line


def test_extract_data_on_stdout_logs_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("See https://example.org/a, and www.example.com/b.\n")
    proc = archiver("extract", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    urls = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    assert urls == ["https://example.org/a", "http://www.example.com/b"]
    assert "2 links" in proc.stderr
    quiet = archiver("-q", "extract", "a.txt", cwd=tmp_path)
    assert quiet.stderr == ""
    assert quiet.stdout == proc.stdout


def test_extract_from_stdin() -> None:
    proc = archiver("extract", "-", input="cited: https://example.org/x?utm_source=feed\n")
    assert proc.returncode == 0, proc.stderr
    assert "https://example.org/x\n" in proc.stdout
