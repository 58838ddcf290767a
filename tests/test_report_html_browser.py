"""The HTML report in a real browser (headless Chromium): its own script runs, an injected
one does not, filters work, and opening it makes no network request.

Chromium is started with every host name resolving to nothing and a dead proxy, so the
browser's own background requests cannot leave the machine either. The links in the
report point at a loopback server the test runs: if the page fetched anything by
itself (an image, a prefetch), that server would see it.

    .venv/bin/python tests/test_report_html_browser.py docs/report.png

writes the README screenshot of a demonstration report.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from archiver.drift import word_diff
from archiver.model import Verdict
from archiver.report import ReportData, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian package 'chromium')"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-pings",
    "--disable-domain-reliability",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--hide-scrollbars",
    "--virtual-time-budget=3000",
]

INJECTIONS = [
    "<script>document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
]


def chromium(page: Path, *args: str, fragment: str = "") -> str:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + fragment],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    return done.stdout


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def hostile_report(base: str) -> ReportData:
    verdicts = [
        Verdict(f"{base}/a{i}", "ok", "200 OK", 200, f"{base}/a{i}", "new", title=t)
        for i, t in enumerate(INJECTIONS)
    ]
    verdicts += [
        Verdict(f"{base}/dead", "dead", "404 Not Found", 404, f"{base}/dead", "gone", 0.0),
        Verdict(f"{base}/soft", "soft-404", "redirected to the site's home page", 200,
                f"{base}/", "new"),
    ]  # fmt: skip
    return ReportData(run_id=1, verdicts=verdicts, texts_base="")


@needs_chromium
def test_injected_markup_does_not_run_and_nothing_is_fetched(web, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    host = web.host("cited.test")
    host.route("/", body="<h1>home</h1>")
    page = tmp_path / "report.html"
    page.write_text(render(hostile_report(host.url("").rstrip("/")), "html"), encoding="utf-8")

    dom = chromium(page, "--dump-dom")
    body_tag = re.search(r"<body[^>]*>", dom)
    assert body_tag, dom[:500]
    assert 'data-ready="1"' in body_tag.group(0)  # the report's own script ran
    assert "data-pwned" not in body_tag.group(0)  # no injected one did
    assert "<script>document.body.setAttribute('data-pwned'" not in dom
    assert "&lt;script&gt;document.body.setAttribute('data-pwned','script')" in dom
    assert host.log == []  # opening the report fetched nothing, not even the cited links


@needs_chromium
def test_filter_from_fragment_and_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(demo_report(), "html"), encoding="utf-8")

    dom = chromium(page, "--dump-dom", fragment="#status=dead")
    bodies = re.findall(r'<tbody class="link"[^>]*>', dom)
    assert len(bodies) == len(demo_report().verdicts)
    shown = [b for b in bodies if " hidden" not in b]
    assert shown and all('data-status="dead"' in b for b in shown)
    assert re.search(r'id="shown">2 of \d+ links shown<', dom)

    shot = tmp_path / "shot.png"
    chromium(page, f"--screenshot={shot}", "--window-size=1200,900")
    assert shot.exists() and png_size(shot) == (1200, 900)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


# --------------------------------------------------------------------------- demo


def demo_report() -> ReportData:
    """A small run that shows every status, a diff and some history."""
    before = (
        "Households with access to a shared water pump reported fewer days of illness among "
        "children under five.\nContamination rose at every step between the source and the cup."
    )
    after = (
        "Households with a shared pump reported no fewer days of illness once distance to the "
        "nearest clinic was taken into account.\nContamination rose at every step between the "
        "source and the cup."
    )
    v = [
        Verdict("https://journal.example.org/articles/2014/soil-carbon.pdf", "dead",
                "404 Not Found", 404, "", "gone", 0.0, "archive-20261125-00001.warc.gz", 18342),
        Verdict("http://old-lab.example.net/data/survey-2011", "dead",
                "DNS: no such host", None, "", "new"),
        Verdict("https://news.example.com/2019/05/pump-study", "soft-404",
                "redirected to the site's home page", 200, "https://news.example.com/",
                "gone", 0.0, "archive-20261125-00001.warc.gz", 40211, "Example News"),
        Verdict("https://shop.example.net/products/water-test-kit", "soft-404",
                "same page as a random path on this host", 200,
                "https://shop.example.net/products/water-test-kit", "new", None,
                "archive-20261125-00001.warc.gz", 61022, "Example Store — Home"),
        Verdict("https://papers.example.com/abs/1234", "blocked",
                "redirected to a sign-in page (login.example.com/sso)", 200,
                "https://login.example.com/sso", "new"),
        Verdict("https://stats.example.org/tables/water", "unreachable",
                "timed out after 30 s, 3 attempts", None, "", "new"),
        Verdict("https://blog.example.dev/2020/field-notes", "redirected",
                "moved permanently to https://notes.example.dev/field-notes", 200,
                "https://notes.example.dev/field-notes", "unchanged", 1.0,
                "archive-20261125-00001.warc.gz", 80320, "Field notes"),
        Verdict("https://www.example.org/reports/water-2018", "ok", "200 OK", 200,
                "https://www.example.org/reports/water-2018", "changed", 0.71,
                "archive-20261125-00001.warc.gz", 99213, "Shared pumps and child health",
                diff=word_diff(before, after), text_path="text/3f9c2a77e1b04d5c-r3.txt"),
        Verdict("https://en.example.org/wiki/Water_pump", "ok", "200 OK", 200,
                "https://en.example.org/wiki/Water_pump", "unchanged", 1.0,
                "archive-20261125-00001.warc.gz", 120877, "Water pump – Example Encyclopedia"),
    ]  # fmt: skip
    history = {
        x.url: [(1, "2026-09-25", "ok", "new"), (2, "2026-10-25", "ok", "unchanged"),
                (3, "2026-11-25", x.status, x.drift)]
        for x in v
    }  # fmt: skip
    return ReportData(
        run_id=3,
        started="2026-11-25T09:00:04Z",
        finished="2026-11-25T09:00:41Z",
        settings={"concurrency": 16, "per_host": 2, "retries": 3, "dead_after": 3},
        verdicts=v,
        history=history,
        texts_base="/home/me/archive",
    )


def main(out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render(demo_report(), "html"), encoding="utf-8")
        # open the changed page's details so the screenshot shows a diff and a history
        chromium(
            page, f"--screenshot={Path(out).resolve()}", "--window-size=1280,1000",
            fragment="#expand=changed",
        )  # fmt: skip
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "report.png")
