"""Charset decided in browser order: BOM, HTTP header, <meta>, then detection."""

from __future__ import annotations

import codecs

import pytest

from archiver.charset import decode_text, normalize_charset
from archiver.read import read_payload

RUSSIAN = (
    "Депутаты городской думы на заседании во вторник утвердили бюджет города на следующий "
    "год. Больше всего средств, как и в прошлом году, направят на образование: почти сорок "
    "два процента расходов. Из этих денег будут построены две новые школы в Заречном районе "
    "и отремонтированы кровли в одиннадцати детских садах. На ремонт дорог выделено почти "
    "два миллиарда рублей, в первую очередь отремонтируют улицу Ленина и проспект Мира."
)


def page(meta: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>Бюджет города</title></head>"
        f"<body><article><h1>Бюджет города</h1><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article>"
        "</body></html>"
    )


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_charset_only_in_meta(charset: str) -> None:
    raw = page(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    text, used = decode_text(raw.encode(charset), [("Content-Type", "text/html")])
    assert used == charset
    assert RUSSIAN in text


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_charset_only_in_meta_charset_attribute(charset: str) -> None:
    raw = page(f'<meta charset="{charset}">')
    text, used = decode_text(raw.encode(charset), [])
    assert (used, RUSSIAN in text) == (charset, True)


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_charset_only_in_header(charset: str) -> None:
    raw = page().encode(charset)
    text, used = decode_text(raw, [("Content-Type", f"text/html; charset={charset.upper()}")])
    assert used == charset
    assert RUSSIAN in text


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_charset_declared_nowhere_is_detected(charset: str) -> None:
    text, used = decode_text(page().encode(charset), [("Content-Type", "text/html")])
    assert used == charset
    assert RUSSIAN in text


def test_bom_overrides_a_wrong_header() -> None:
    raw = codecs.BOM_UTF8 + page('<meta charset="koi8-r">').encode("utf-8")
    text, used = decode_text(raw, [("Content-Type", "text/html; charset=windows-1251")])
    assert used == "utf-8"
    assert text.startswith("<!DOCTYPE html>")  # the mark itself is not text
    assert RUSSIAN in text


def test_utf16_bom() -> None:
    raw = codecs.BOM_UTF16_LE + page().encode("utf-16-le")
    text, used = decode_text(raw, [("Content-Type", "text/html; charset=iso-8859-1")])
    assert used == "utf-16-le"
    assert RUSSIAN in text


def test_header_beats_meta() -> None:
    raw = page('<meta charset="windows-1251">').encode("koi8-r")
    text, used = decode_text(raw, [("content-type", 'text/html; charset="koi8-r"')])
    assert used == "koi8-r"
    assert RUSSIAN in text


def test_unknown_header_label_falls_through_to_meta() -> None:
    raw = page('<meta charset="windows-1251">').encode("windows-1251")
    text, used = decode_text(raw, [("Content-Type", "text/html; charset=utf8mb4-nonsense")])
    assert used == "windows-1251"
    assert RUSSIAN in text


def test_meta_inside_a_comment_is_ignored() -> None:
    raw = page('<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">')
    _, used = decode_text(raw.encode("windows-1251"), [])
    assert used == "windows-1251"


def test_latin1_label_means_windows_1252_as_on_the_web() -> None:
    raw = b'<html><head><meta charset="iso-8859-1"></head><body>\x93quoted\x94 caf\xe9</body>'
    text, used = decode_text(raw, [])
    assert used == "windows-1252"
    assert "\u201cquoted\u201d café" in text


def test_meta_claiming_utf16_means_utf8() -> None:
    assert normalize_charset("UTF-16") == "utf-8"
    raw = '<html><head><meta charset="utf-16"></head><body>Привет</body></html>'
    text, used = decode_text(raw.encode("utf-8"), [])
    assert (used, "Привет" in text) == ("utf-8", True)


def test_plain_text_ignores_meta_like_text() -> None:
    raw = '<meta charset="koi8-r"> is how a page declares it. Привет'.encode()
    text, used = decode_text(raw, [("Content-Type", "text/plain")], html=False)
    assert used == "utf-8"
    assert text.endswith("Привет")


@pytest.mark.parametrize(
    ("charset", "where"),
    [("windows-1251", "meta"), ("koi8-r", "meta"), ("windows-1251", "header"), ("koi8-r", "none")],
)
def test_read_payload_reports_charset_and_cyrillic_text(charset: str, where: str) -> None:
    meta = f'<meta charset="{charset}">' if where == "meta" else ""
    header = f"text/html; charset={charset}" if where == "header" else "text/html"
    readable = read_payload(
        page(meta).encode(charset), [("Content-Type", header)], "http://gazeta.example/a"
    )
    assert readable.charset == charset
    assert readable.title == "Бюджет города"
    assert "утвердили бюджет города" in readable.text
