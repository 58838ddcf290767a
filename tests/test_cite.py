"""Citations in text, Markdown and HTML: what a careful reader would take as the URL."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from archiver.cite import (
    CiteError,
    collect,
    extract,
    extract_files,
    read_links,
    sniff,
    to_json,
    to_links_txt,
)


def urls(text: str, kind: str | None = "text") -> list[str]:
    return [c.url for c in extract(text, "t.txt", kind)]


# --------------------------------------------------------------------- broken URLs


def test_space_before_a_hyphenated_continuation_is_repaired() -> None:
    text = "Second statement: https://news.example.org/against-the-troops-of-member -states\nNext."
    [c] = extract(text, "t.txt", "text")
    assert c.url == "https://news.example.org/against-the-troops-of-member-states"
    assert c.written == "https://news.example.org/against-the-troops-of-member -states"
    assert c.cited == "https://news.example.org/against-the-troops-of-member-states"
    assert any("joined across a space" in r and "-states" in r for r in c.repairs)


def test_space_after_a_trailing_hyphen_is_repaired_and_the_iri_encoded() -> None:
    text = "Read https://zine.example.com/2022/01/06/a-talk-with- the-authors-and-évaluation\nThen."
    [c] = extract(text, "t.txt", "text")
    assert (
        c.url == "https://zine.example.com/2022/01/06/a-talk-with-the-authors-and-%C3%A9valuation"
    )
    assert c.cited.endswith("the-authors-and-évaluation")
    assert any("joined across a space" in r for r in c.repairs)


def test_line_break_after_a_hyphen_is_repaired() -> None:
    text = "See https://example.org/reports/annual-\nreview-2021.html for details."
    assert urls(text) == ["https://example.org/reports/annual-review-2021.html"]
    assert "line break" in extract(text, "t", "text")[0].repairs[0]


def test_line_break_after_a_slash_joins_only_a_path_like_word() -> None:
    joined = "Survey: https://example.org/publications/\n2020/web-survey.pdf and more."
    assert urls(joined) == ["https://example.org/publications/2020/web-survey.pdf"]
    prose = "The map is at https://map.example.com/\nThey also run a feed."
    assert urls(prose) == ["https://map.example.com/"]


def test_a_query_continued_on_the_next_line_is_joined() -> None:
    text = "Feed: https://example.org/post/\n?id=42&page=2\nend"
    assert urls(text) == ["https://example.org/post/?id=42&page=2"]


def test_quoted_email_lines_do_not_stop_a_repair() -> None:
    text = "> https://example.de/ausland/a-long-article-title-\n> 1234abcd-5678\n> Gruss"
    assert urls(text) == ["https://example.de/ausland/a-long-article-title-1234abcd-5678"]


@pytest.mark.parametrize(
    "text",
    [
        "The live map https://map.example.com/ They also have a feed.",
        "See https://example.org/page and tell me.",
        "See https://example.org/a-page-slug well-known words follow.",
        "End of line https://example.org/page\nnext line starts here",
        "Host only https://example.org -odd word",
        "Dash https://example.org/page - then prose",
        "Two links https://a.example/x https://b.example/y",
        "List https://a.example/some-page\n-https://b.example/y",
        "- https://a.example/x\n- https://b.example/y",
    ],
)
def test_an_ordinary_next_word_is_never_glued(text: str) -> None:
    for c in extract(text, "t", "text"):
        assert not c.repairs, c
        assert " " not in c.written and "\n" not in c.written


def test_a_blank_line_is_never_crossed() -> None:
    assert urls("https://example.org/annual-\n\nreview") == ["https://example.org/annual-"]


# --------------------------------------------------------------------- punctuation


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Go to https://example.org/a.", "https://example.org/a"),
        ("Go to https://example.org/a, then", "https://example.org/a"),
        ("Really https://example.org/a?!", "https://example.org/a"),
        ("(see https://example.org/a)", "https://example.org/a"),
        ("[https://example.org/a]", "https://example.org/a"),
        ("«https://example.org/a»", "https://example.org/a"),
        ("“https://example.org/a”", "https://example.org/a"),
        ("'https://example.org/a'", "https://example.org/a"),
        ('"https://example.org/a";', "https://example.org/a"),
        ("It is https://example.org/a…", "https://example.org/a"),
        ("It is https://example.org/a: yes", "https://example.org/a"),
        ("詳細はhttps://example.jp/a。", "https://example.jp/a"),
        ("（https://example.jp/a）", "https://example.jp/a"),
        ("「https://example.jp/a」", "https://example.jp/a"),
        ("記事https://example.jp/news/123をご覧ください", "https://example.jp/news/123"),
        (
            "Film https://en.wikipedia.org/wiki/Bolt_(2008_film).",
            "https://en.wikipedia.org/wiki/Bolt_(2008_film)",
        ),
        (
            "(https://en.wikipedia.org/wiki/Bolt_(2008_film))",
            "https://en.wikipedia.org/wiki/Bolt_(2008_film)",
        ),
        (
            "Wildcard https://web.archive.org/web/2019*/example.org/*",
            "https://web.archive.org/web/2019*/example.org/*",
        ),
        ("**https://example.org/bold**", "https://example.org/bold"),
        ("Visit www.example.org/faq.", "http://www.example.org/faq"),
        ("A&amp;B https://example.org/?a=1&amp;b=2 there", "https://example.org/?a=1&b=2"),
    ],
)
def test_trailing_punctuation_belongs_to_the_sentence(text: str, url: str) -> None:
    assert urls(text) == [url]


@pytest.mark.parametrize(
    "text",
    [
        "write to someone@www.example.org please",
        "no scheme example.org/page here",
        "defanged hxxp://bad.example/x",
        "empty «http://» here",
        "ftp://files.example.org/pub is not http",
        "mailto:someone@example.org",
        "www.nodot is no host",
    ],
)
def test_non_urls_are_not_cited(text: str) -> None:
    assert urls(text) == []


# --------------------------------------------------------------------- provenance


def test_provenance_line_column_context_and_tracking_repair() -> None:
    text = (
        "A first line without links.\n"
        "Some intro. The report is at https://example.org/r?fbclid=AbC&id=3 and it is long.\n"
        "Another sentence."
    )
    [c] = extract(text, "notes.txt", "text")
    assert (c.source, c.line, c.column) == ("notes.txt", 2, 30)
    assert c.url == "https://example.org/r?id=3"
    assert c.cited == "https://example.org/r?fbclid=AbC&id=3"
    assert c.context == "The report is at https://example.org/r?fbclid=AbC&id=3 and it is long."
    assert c.repairs == ("removed tracking parameter fbclid",)


def test_fragment_is_kept_in_the_citation_but_not_in_the_url() -> None:
    [c] = extract("See https://example.org/p#part-2 now", "t", "text")
    assert c.cited == "https://example.org/p#part-2"
    assert c.url == "https://example.org/p"


def test_idn_host_keeps_the_written_form_in_the_citation() -> None:
    [c] = extract("Site: https://президент.рф/новости", "t", "text")
    assert c.cited == "https://президент.рф/новости"
    assert c.url == "https://xn--d1abbgf6aiiy.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"


def test_crlf_and_invisible_characters() -> None:
    text = "line one\r\nhttps://example.org/a\u200bb c\r\n"
    [c] = extract(text, "t", "text")
    assert (c.line, c.column, c.url) == (2, 1, "https://example.org/ab")
    assert any("invisible" in r for r in c.repairs)


# --------------------------------------------------------------------- Markdown


def test_markdown_links_autolinks_references_and_escapes() -> None:
    text = (
        "# Title\n"
        'A [link](https://example.org/a "title") and <https://example.org/b>.\n'
        "![img](https://example.org/c.png)\n"
        "[https://example.org/d](https://example.org/d) counts once.\n"
        "Escaped https://example.org/web\\_archive\\_policy.pdf here.\n"
        "[rel](/about) and [mail](mailto:x@example.org) are not sources.\n"
        "[1]: https://example.org/e\n"
    )
    assert sniff(text) == "markdown"
    assert urls(text, None) == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/c.png",
        "https://example.org/d",
        "https://example.org/web_archive_policy.pdf",
        "https://example.org/e",
    ]


# --------------------------------------------------------------------- HTML


def test_html_attributes_entities_base_and_visible_text() -> None:
    page = (
        "<!doctype html><html><head><base href='https://site.example/dir/'>\n"
        '<link rel="stylesheet" href="https://site.example/s.css">'
        "<script src=https://cdn.example/app.js></script>"
        "<script>var u = 'https://api.example/x';</script></head><body>\n"
        '<p><a href="https://example.org/q?a=1&amp;b=2&amp;utm_source=x">A</a>\n'
        "<A HREF=https://example.org/unquoted>B</A> <a href='page.html'>rel</a>\n"
        '<a href="https://example.org/same">https://example.org/same</a>\n'
        "<!-- https://example.org/commented -->\n"
        "Text: &lt;https://example.org/in-text&gt; and https://example.org/long-<wbr>path.\n"
        '<img src="//img.example/p.png"> <a href="mailto:a@b.c">m</a> <a href="#x">x</a></p>\n'
        "</body></html>"
    )
    assert sniff(page) == "html"
    cites = extract(page, "p.html")
    assert [c.url for c in cites] == [
        "https://example.org/q?a=1&b=2",
        "https://example.org/unquoted",
        "https://site.example/dir/page.html",
        "https://example.org/same",
        "https://example.org/in-text",
        "https://example.org/long-path",
        "https://img.example/p.png",
    ]
    first = cites[0]
    assert (first.line, first.column) == (3, 13)
    assert first.written == "https://example.org/q?a=1&amp;b=2&amp;utm_source=x"
    assert first.repairs == ("removed tracking parameter utm_source",)
    assert "resolved against" in cites[2].repairs[0]
    assert any("invisible" in r for r in cites[5].repairs)  # the <wbr>


def test_html_line_break_inside_an_attribute_is_removed_and_noted() -> None:
    page = '<p><a href="https://example.org/a-long-\nslug/">x</a></p>'
    [c] = extract(page, "p.html", "html")
    assert c.url == "https://example.org/a-long-slug/"
    assert "line breaks" in c.repairs[0]


def test_html_without_base_skips_relative_links() -> None:
    assert urls('<html><body><a href="/about">a</a></body></html>', "html") == []


# --------------------------------------------------------------------- collect and files


def test_collect_dedupes_in_first_cited_order_and_keeps_every_place() -> None:
    text = "https://b.example/x then https://a.example/ then HTTPS://B.EXAMPLE/x#frag"
    links = collect(extract(text, "t", "text"))
    assert [link.url for link in links] == ["https://b.example/x", "https://a.example/"]
    assert [c.column for c in links[0].citations] == [1, 50]


def test_links_txt_is_comments_and_urls(tmp_path: Path) -> None:
    text = "One https://a.example/p?fbclid=1\nTwo https://b.example/ and https://a.example/p"
    links = collect(extract(text, "doc.txt", "text"))
    out = to_links_txt(links)
    assert out.splitlines() == [
        "# cited in doc.txt:1, doc.txt:2",
        "# repaired: removed tracking parameter fbclid",
        "https://a.example/p",
        "",
        "# cited in doc.txt:2",
        "https://b.example/",
    ]
    assert out.endswith("https://b.example/\n")
    path = tmp_path / "links.txt"
    path.write_text(out, encoding="utf-8")
    assert [link.url for link in read_links(str(path))] == [
        "https://a.example/p",
        "https://b.example/",
    ]


def test_json_round_trip_keeps_provenance(tmp_path: Path) -> None:
    links = collect(extract("Sentence with https://a.example/ä in it.", "d.md", "text"))
    data = json.loads(to_json(links))
    assert data[0]["url"] == "https://a.example/%C3%A4"
    assert data[0]["citations"][0]["context"] == "Sentence with https://a.example/ä in it."
    path = tmp_path / "c.json"
    path.write_text(to_json(links), encoding="utf-8")
    [back] = read_links(str(path))
    assert back.url == links[0].url
    assert back.citations == links[0].citations


def test_read_links_accepts_hand_edits_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "links.txt"
    path.write_text(
        "# my links\n\nwww.example.org/a\nhttps://b.example/?utm_source=x  # note\n"
        "https://b.example/\n",
        encoding="utf-8",
    )
    assert [link.url for link in read_links(str(path))] == [
        "http://www.example.org/a",
        "https://b.example/",
    ]
    path.write_text("https://ok.example/\nnot a url\n", encoding="utf-8")
    with pytest.raises(CiteError, match=r"links.txt:2: not an http\(s\) URL"):
        read_links(str(path))
    path.write_text('[{"url": 3}]', encoding="utf-8")
    with pytest.raises(CiteError, match="entry 1"):
        read_links(str(path))


def test_extract_files_errors_are_one_line(tmp_path: Path) -> None:
    plain = tmp_path / "f.txt"
    plain.write_text("x", encoding="utf-8")
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(plain / "child.txt"): "cannot read",
    }
    for path, message in cases.items():
        with pytest.raises(CiteError, match=message) as info:
            extract_files([path])
        assert "\n" not in str(info.value)
        assert str(info.value).startswith(path)


def test_extract_files_reads_stdin_sniffs_kinds_and_charsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cyrillic = tmp_path / "old.txt"
    cyrillic.write_bytes(
        "Старый файл в кодировке Windows-1251, ссылка https://пример.рф/новости и ещё "
        "немного русского текста, чтобы кодировку можно было узнать.\n".encode("cp1251")
    )
    page = tmp_path / "page.htm"
    page.write_text('<p><a href="https://a.example/x">x</a></p>', encoding="utf-8")
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from stdin https://s.example/"))
    )
    links = extract_files([str(cyrillic), str(page), "-"])
    assert [link.url for link in links] == [
        "https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
        "https://a.example/x",
        "https://s.example/",
    ]
    assert links[2].citations[0].source == "-"
