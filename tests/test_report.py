"""Reports: every format shows the same facts; nothing from a page escapes its cell."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re

import pytest
from lxml import html as lxml_html

from archiver.drift import word_diff
from archiver.model import Verdict
from archiver.report import FORMATS, ReportData, render
from archiver.report.table import width

EVIL_TITLE = "<script>document.title='PWNED'</script>\x1b[2J\x1b]0;owned\x07 =cmd|' /C calc'!A0"
LONG_URL = "https://example.org/" + "very-long-path-segment/" * 8 + "end.html"


def verdicts() -> list[Verdict]:
    before = "The survey covered four hundred households.\nContamination rose at every step."
    after = "The survey covered five hundred households.\nContamination rose at every step."
    return [
        Verdict("https://a.test/fine", "ok", "200 OK", 200, "https://a.test/fine", "unchanged",
                1.0, "a.warc.gz", 10, "Fine page"),
        Verdict("https://a.test/evil", "ok", "200 OK", 200, "https://a.test/evil", "changed",
                0.81, "a.warc.gz", 20, EVIL_TITLE, diff=word_diff(before, after),
                text_path="text/evil-r2.txt"),
        Verdict("https://a.test/gone", "dead", "404 Not Found", 404, "https://a.test/gone",
                "gone", 0.0, "a.warc.gz", 30, ""),
        Verdict("https://b.test/moved", "redirected", "moved permanently to https://c.test/",
                200, "https://c.test/", "new", None, "a.warc.gz", 40, "Moved"),
        Verdict(LONG_URL, "soft-404", "same page as a random path on this host", 200, LONG_URL,
                "new", None, "a.warc.gz", 50, "页面不存在 " * 12),
        Verdict("javascript:alert(1)", "dead", "the URL cannot be fetched", None, "", "new"),
        Verdict("https://d.test/x", "unreachable", "timed out after 30 s, 3 attempts", None,
                "https://d.test/x", "new"),
    ]  # fmt: skip


def data(**kw: object) -> ReportData:
    values: dict[str, object] = {
        "run_id": 2,
        "started": "2026-11-25T12:00:00Z",
        "finished": "2026-11-25T12:01:00Z",
        "settings": {"concurrency": 8, "dead_after": 3},
        "verdicts": verdicts(),
        "history": {
            "https://a.test/gone": [
                (2, "2026-11-25", "dead", "gone"),
                (1, "2026-10-01", "ok", "new"),
            ]
        },
        "texts_base": "/srv/archive",
    }
    values.update(kw)
    return ReportData(**values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- table


def test_table_fits_80_columns_and_sorts_problems_first() -> None:
    out = render(data(), "table")
    lines = out.splitlines()
    assert max(width(line) for line in lines) <= 80
    rows = [line.split()[0] for line in lines if line[:1].isalpha() and line.split()[0] in (
        "ok", "redirected", "soft-404", "blocked", "dead", "unreachable")]  # fmt: skip
    assert rows == ["dead", "dead", "soft-404", "unreachable", "redirected", "ok", "ok"]
    assert "https://a.test/gone" in out
    assert "404 Not Found" in out
    assert "changed 81%" in out


@pytest.mark.parametrize("color", [False, True])
def test_table_strips_terminal_control_from_page_text(color: bool) -> None:
    out = render(data(), "table", color=color)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out
    if not color:
        assert "\x1b" not in out
    else:
        # only our own colour codes remain
        assert set(re.findall(r"\x1b\[[0-9;]*m", out)) <= {
            "\x1b[0m", "\x1b[1;31m", "\x1b[35m", "\x1b[33m", "\x1b[36m", "\x1b[32m",
            "\x1b[1m", "\x1b[31m",
        }  # fmt: skip
        assert not re.sub(r"\x1b\[[0-9;]*m", "", out).count("\x1b")


def test_offline_run_says_so_in_every_format() -> None:
    d = data(offline=True, verdicts=[], history={})
    assert "Offline" in render(d, "table")
    assert json.loads(render(d, "json")) == []
    assert "Offline" in render(d, "md")
    assert "Offline run" in render(d, "html")
    assert render(d, "csv").splitlines() == [render(d, "csv").splitlines()[0]]


# --------------------------------------------------------------------------- json, csv


def test_json_has_the_design_fields_and_history() -> None:
    links = json.loads(render(data(), "json"))
    assert isinstance(links, list) and len(links) == 7
    required = {"url", "status", "reason", "http_status", "final_url", "drift", "similarity",
                "warc_file", "warc_offset", "title"}  # fmt: skip
    assert all(required <= set(link) for link in links)
    by_url = {link["url"]: link for link in links}
    gone = by_url["https://a.test/gone"]
    assert (gone["status"], gone["http_status"], gone["drift"]) == ("dead", 404, "gone")
    assert (gone["warc_file"], gone["warc_offset"]) == ("a.warc.gz", 30)
    assert [h["run"] for h in gone["history"]] == [1, 2]
    evil = by_url["https://a.test/evil"]
    assert evil["title"] == EVIL_TITLE  # JSON keeps the data; its escaping keeps it inert
    assert "[-four-] {+five+}" in evil["diff"]
    assert links[0]["status"] == "dead"


def test_csv_rows_and_formula_guard() -> None:
    rows = list(csv.DictReader(io.StringIO(render(data(), "csv"))))
    assert len(rows) == 7
    evil = next(r for r in rows if r["url"] == "https://a.test/evil")
    assert "\x1b" not in evil["title"] and "\x07" not in evil["title"]
    assert evil["similarity"] == "0.8100"
    formula = data(verdicts=[Verdict("https://a.test/f", "ok", "200 OK", title="=1+1")])
    (row,) = list(csv.DictReader(io.StringIO(render(formula, "csv"))))
    assert row["title"] == "'=1+1"


# --------------------------------------------------------------------------- markdown


def test_markdown_escapes_page_text() -> None:
    out = render(data(), "md")
    table_rows = [line for line in out.splitlines() if line.startswith("| **")]
    assert len(table_rows) == 7
    assert all(line.count(" | ") == 3 for line in table_rows)  # a title cannot add a column
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\x1b" not in out
    assert "javascript:alert" in out and "](javascript:" not in out
    assert "## What changed" in out and "[-four-] {+five+}" in out


# --------------------------------------------------------------------------- html


def test_html_is_self_contained_and_escapes_page_text() -> None:
    out = render(data(), "html")
    doc = lxml_html.fromstring(out)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and not scripts[0].get("src")
    assert "PWNED" not in scripts[0].text
    # the injected title is text inside the table, not markup
    titles = [t.text_content() for t in doc.xpath("//div[@class='title']")]
    assert any("<script>document.title='PWNED'</script>" in t for t in titles)
    # nothing is loaded from elsewhere
    assert not doc.xpath("//*[@src] | //link | //iframe | //object | //embed")
    assert not re.search(r"url\(|@import", out)
    for el in doc.xpath("//*"):
        assert not [a for a in el.attrib if a.lower().startswith("on")]
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    assert hrefs and all(re.match(r"^(https?|file)://", h) for h in hrefs)
    assert "file:///srv/archive/text/evil-r2.txt" in hrefs
    # the policy allows exactly the report's own script
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_html_has_history_diff_and_controls() -> None:
    doc = lxml_html.fromstring(render(data(), "html"))
    bodies = doc.xpath("//tbody[@class='link']")
    assert [b.get("data-status") for b in bodies][:2] == ["dead", "dead"]
    gone = next(b for b in bodies if b.get("data-url") == "https://a.test/gone")
    assert len(gone.xpath(".//span[@class='sq']")) == 2
    assert [td.text_content() for td in gone.xpath(".//tr[@class='detail']//table//td[1]")] == [
        "2", "1",
    ]  # fmt: skip
    evil = next(b for b in bodies if b.get("data-url") == "https://a.test/evil")
    assert [d.text_content() for d in evil.xpath(".//del")] == ["four"]
    assert [i.text_content() for i in evil.xpath(".//ins")] == ["five"]
    assert doc.xpath("//input[@id='q']") and doc.xpath("//select[@id='status']")
    assert doc.xpath("//th[@data-key='s']")


def test_every_format_renders_and_unknown_is_refused() -> None:
    for fmt in FORMATS:
        assert render(data(), fmt)
    with pytest.raises(ValueError, match="xml"):
        render(data(), "xml")
