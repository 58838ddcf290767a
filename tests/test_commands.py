"""The reading-back commands on a real two-run archive: report, diff, show, reindex, export."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import run_in_terminal
from tests.web import Web

PARA = "The archive keeps every page that a text cites, with enough words to be the article."


def article(title: str, para: str = PARA) -> bytes:
    body = "".join(f"<p>{para} Part {i} of the story.</p>" for i in range(5))
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article><footer>Contact</footer></body></html>"
    ).encode()


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """One archive with two runs, shared by the tests here: they only read it back."""
    with Web() as web:
        yield _two_runs(tmp_path_factory.mktemp("two-runs"), web)


def _two_runs(tmp_path: Path, web: Web) -> dict[str, object]:
    a = web.host("a.test")
    a.route("/article", body=article("Kept article"))
    a.route("/edited", body=article("Edited article"))
    a.route("/gone", status=404)
    a.route("/tricky", body=article("<script>alert(1)</script>\x1b[2J title"))
    urls = {name: a.named_url(f"/{name}") for name in ("article", "edited", "gone", "tricky")}
    (tmp_path / "links.txt").write_text("\n".join(urls.values()) + "\n")
    opts = ["--resolve", f"a.test:{a.ip}", "--resolve-only", "--retries", "0", "-q"]
    first = cli("snapshot", "links.txt", *opts, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    a.set_body(
        "/edited",
        article(
            "Edited article",
            "An entirely rewritten paragraph now says "
            "something else about other events and other people.",
        ),
    )
    second = cli("snapshot", "links.txt", *opts, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    return {"dir": tmp_path, "urls": urls, "host": a}


def test_report_formats(two_runs: dict) -> None:
    cwd, urls = two_runs["dir"], two_runs["urls"]
    table = cli("report", cwd=cwd)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in table.stdout  # no colour into a pipe, and no page control chars
    body = "\n".join(lines)
    assert body.index("dead") < body.index("ok")  # problems first

    data = json.loads(cli("report", "--format", "json", cwd=cwd).stdout)
    by_url = {row["url"]: row for row in data}
    for field in (
        "url",
        "status",
        "reason",
        "http_status",
        "final_url",
        "drift",
        "similarity",
        "warc_file",
        "warc_offset",
        "title",
    ):
        assert all(field in row for row in data), field
    assert by_url[urls["gone"]]["status"] == "dead"
    assert by_url[urls["gone"]]["http_status"] == 404
    assert by_url[urls["edited"]]["drift"] == "changed"
    assert by_url[urls["article"]]["drift"] == "unchanged"

    rows = list(csv.DictReader(io.StringIO(cli("report", "--format", "csv", cwd=cwd).stdout)))
    assert {r["url"] for r in rows} == set(urls.values())

    md = cli("report", "--format", "md", cwd=cwd).stdout
    assert "| " in md and urls["gone"] in md

    out = cwd / "r.html"
    made = cli("report", "--format", "html", "-o", str(out), cwd=cwd)
    assert made.returncode == 0, made.stderr
    page = out.read_text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

    first = json.loads(cli("report", "--run", "1", "--format", "json", cwd=cwd).stdout)
    assert {row["drift"] for row in first} == {"new"}


def test_fail_on_sets_exit_code(two_runs: dict) -> None:
    cwd = two_runs["dir"]
    assert cli("report", "--fail-on", "dead", cwd=cwd).returncode == 1
    assert cli("report", "--fail-on", "changed", cwd=cwd).returncode == 1
    assert cli("report", "--fail-on", "soft-404,blocked", cwd=cwd).returncode == 0
    bad = cli("report", "--run", "99", cwd=cwd)
    assert bad.returncode == 2 and "no run 99" in bad.stderr


def test_diff_plain_and_coloured(two_runs: dict) -> None:
    cwd, urls = two_runs["dir"], two_runs["urls"]
    plain = cli("diff", urls["edited"], cwd=cwd)
    assert plain.returncode == 0, plain.stderr
    assert "run 1 → run 2" in plain.stdout
    assert "rewritten" in plain.stdout and "\x1b[" not in plain.stdout

    cmd = [sys.executable, "-m", "archiver", "diff", urls["edited"]]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, coloured = run_in_terminal(cmd, cwd, env=env)
    assert code == 0 and b"\x1b[" in coloured
    code, uncoloured = run_in_terminal(cmd, cwd, env={**env, "NO_COLOR": "1"})
    assert code == 0 and b"rewritten" in uncoloured and b"\x1b[" not in uncoloured


def test_show_text_headers_raw(two_runs: dict) -> None:
    cwd, urls, host = two_runs["dir"], two_runs["urls"], two_runs["host"]
    text = cli("show", urls["article"], "--text", cwd=cwd)
    assert text.returncode == 0 and "Part 3 of the story" in text.stdout
    assert "Contact" not in text.stdout
    headers = cli("show", urls["gone"], "--headers", cwd=cwd)
    assert headers.stdout.startswith("HTTP/1.1 404")
    raw = subprocess.run(
        [sys.executable, "-m", "archiver", "show", urls["edited"], "--raw"],
        cwd=cwd,
        capture_output=True,
        timeout=60,
    )
    assert raw.returncode == 0
    assert raw.stdout == host.sent("/edited")  # byte for byte what the server sent
    missing = cli("show", "http://a.test/never", cwd=cwd)
    assert missing.returncode == 2 and "not captured" in missing.stderr


def test_reindex_rebuilds_the_same_catalog(two_runs: dict) -> None:
    cwd = two_runs["dir"]
    db = cwd / "archive" / "catalog.sqlite"

    def dump() -> dict[str, list]:
        with sqlite3.connect(db) as conn:
            names = [
                r[0]
                for r in conn.execute(
                    "select name from sqlite_master where type='table' and name not like 'sqlite%'"
                )
            ]
            return {n: sorted(map(repr, conn.execute(f"select * from {n}"))) for n in names}

    before = dump()
    before_report = cli("report", "--format", "json", cwd=cwd).stdout
    db.unlink()
    assert cli("report", cwd=cwd).returncode == 2
    proc = cli("reindex", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert dump() == before
    assert cli("report", "--format", "json", cwd=cwd).stdout == before_report


def test_export_wacz(two_runs: dict) -> None:
    cwd = two_runs["dir"]
    out = cwd / "run.wacz"
    proc = cli("export", "--wacz", str(out), cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert "datapackage.json" in names and any(n.startswith("archive/") for n in names)
        pages = z.read("pages/pages.jsonl").decode()
    assert two_runs["urls"]["article"] in pages


def test_report_since_lists_only_what_changed(two_runs: dict) -> None:
    cwd, urls = two_runs["dir"], two_runs["urls"]
    proc = cli("report", "--since", "1", "--format", "json", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert [row["url"] for row in json.loads(proc.stdout)] == [urls["edited"]]
    bad = cli("report", "--since", "7", cwd=cwd)
    assert bad.returncode == 2 and "no run 7" in bad.stderr
