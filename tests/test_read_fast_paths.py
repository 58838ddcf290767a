"""The reader's shortcuts give the answers of the long way: the tidy check, the reader
without outlinks, trafilatura's settings built once, and the head read by lxml."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import archiver.read as read
from archiver.read import head_metadata, read_payload

HTML = [("Content-Type", "text/html")]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab \n\t\r\xa0\u2009\u3000\x0b\x1f.", max_size=30))
def test_is_tidy_says_exactly_when_tidy_changes_nothing(text: str) -> None:
    assert read._is_tidy(text) == (read._tidy(text) == text)
    assert read._is_tidy(read._tidy(text))


def test_other_space_is_every_whitespace_character_but_space_and_newline() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(read._OTHER_SPACE) == every - {" ", "\n"}


def test_reading_without_links_changes_nothing_else() -> None:
    page = (
        '<html><head><title>T</title></head><body><nav><a href="/a">A</a></nav><article>'
        + "<p>Words of the article, long enough to be the main text of the page.</p>" * 8
        + '<p><a href="https://other.example/x#y">elsewhere</a></p></article></body></html>'
    ).encode()
    full = read_payload(page, HTML, "https://site.example/p")
    bare = read_payload(page, HTML, "https://site.example/p", links=False)
    assert full.outlinks == ["https://site.example/a", "https://other.example/x"]
    assert bare.outlinks == []
    bare.outlinks = full.outlinks
    assert bare == full


def test_trafilatura_settings_follow_the_options_and_are_not_shared() -> None:
    saved = dict(read.TRAFILATURA_OPTIONS)
    try:
        first = read._extractor("https://site.example/a")
        read.TRAFILATURA_OPTIONS.update(include_tables=False, favor_precision=True)
        changed = read._extractor("https://site.example/b")
    finally:
        read.TRAFILATURA_OPTIONS.clear()
        read.TRAFILATURA_OPTIONS.update(saved)
    again = read._extractor("")
    assert (first.tables, first.focus, first.fast, first.comments) == (
        True,
        "balanced",
        True,
        False,
    )
    assert (changed.tables, changed.focus) == (False, "precision")
    assert (first.url, changed.url, again.url) == (
        "https://site.example/a",
        "https://site.example/b",
        None,
    )
    assert first is not again and again.tables and first.format == "python"


def test_head_comments_are_skipped_and_the_first_of_each_wins() -> None:
    head = head_metadata(
        '<html lang="da"><!-- <title>Commented out</title> --><head>'
        "<title>Fjord <!-- note -->report</title>"
        '<meta name="author" content="First"><!-- <meta name="author" content="No"> -->'
        '<meta name="author" content="Second"><link rel="canonical" href="/one">'
        '<link rel="canonical" href="/two"><html lang="en"></head><body></body></html>'
    )
    # <title> holds raw text, as in a browser: a comment there is part of the title
    assert (head.title, head.lang, head.canonical) == ("Fjord <!-- note -->report", "da", "/one")
    assert head.metas == {"author": "First"}


def test_head_after_a_self_closed_html_element_is_read() -> None:
    head = head_metadata(
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
        '<html lang="nl"/>\n<head><title>Rooster</title><meta name="author" content="Jan">'
    )
    assert (head.title, head.lang, head.metas) == ("Rooster", "nl", {"author": "Jan"})
