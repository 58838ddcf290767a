"""The read stage: raw bodies decoded under a cap, type dispatch, HTML text and metadata,
PDF and plain text, records read back from real WARC files, and quality on the gold set."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections import Counter
from pathlib import Path

import brotli
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.model import Readable
from archiver.read import (
    decode_body,
    head_metadata,
    page_metadata,
    parse_date,
    parse_html,
    read_payload,
    read_record,
    read_response,
)

GOLD = Path(__file__).parent / "data" / "gold"
ARTICLE = " ".join(
    f"Paragraph {i} of the article tells the reader something new about river defences, "
    "flood walls and the people who kept watch over them through the night."
    for i in range(12)
)
PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Flood wall holds | The Ledger</title>
<base href="https://news.example/section/">
<link rel="canonical" href="/story/flood-wall">
<meta name="author" content="Helen Marsh">
<meta property="article:published_time" content="2024-01-08T06:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="CookieBanner_root" role="dialog"><p>We use cookies to personalise advertising
and measure audiences. Accept all or reject non-essential cookies.</p></div>
<article><h1>Flood wall holds</h1><p>{ARTICLE}</p>
<p>See <a href="report.pdf#page=2">the report</a>, <a href="//cdn.example/map">the map</a>,
<a href="mailto:desk@news.example">the desk</a> and <a href="#top">top</a>.</p></article>
<div id="comments" class="comments"><h3>Comments</h3><p>Reader one: fascinating, thanks
for writing this up, I walked along the wall today.</p></div>
<footer><a href="https://news.example/privacy">Privacy</a>
<a href="https://news.example/privacy">Privacy again</a></footer>
</body></html>"""


# --------------------------------------------------------------------------- decode_body


def deflate_raw(data: bytes) -> bytes:
    comp = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return comp.compress(data) + comp.flush()


def chunk(data: bytes, size: int = 1000) -> bytes:
    parts = [
        f"{len(data[i : i + size]):x}\r\n".encode() + data[i : i + size] + b"\r\n"
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


BODY = PAGE.encode()


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", deflate_raw),
        ("br", brotli.compress),
        ("gzip, br", lambda b: brotli.compress(gzip.compress(b))),
        ("identity", lambda b: b),
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "br", "gzip-then-br", "identity"],
)
def test_content_encodings_are_undone(coding: str, encode) -> None:
    body, truncated = decode_body(encode(BODY), [("Content-Encoding", coding)])
    assert (body, truncated) == (BODY, False)


def test_chunked_gzip_with_extensions_and_headers_in_any_case() -> None:
    raw = chunk(gzip.compress(BODY), 77).replace(b"\r\n", b";ext=1\r\n", 1)
    headers = [("transfer-encoding", "Chunked"), ("CONTENT-ENCODING", "GZIP")]
    assert decode_body(raw, headers) == (BODY, False)


def test_truncated_chunked_gzip_keeps_what_arrived() -> None:
    raw = chunk(gzip.compress(BODY * 20), 500)
    body, _ = decode_body(
        raw[: len(raw) // 2], [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]
    )
    assert 0 < len(body) < len(BODY * 20)
    assert (BODY * 20).startswith(body)


def test_body_labelled_chunked_but_not_chunked_is_kept() -> None:
    assert decode_body(BODY, [("Transfer-Encoding", "chunked")]) == (BODY, False)


def test_body_labelled_gzip_but_plain_is_kept() -> None:
    assert decode_body(BODY, [("Content-Encoding", "gzip")]) == (BODY, False)


def test_concatenated_gzip_members() -> None:
    raw = gzip.compress(b"first half, ") + gzip.compress(b"second half")
    assert decode_body(raw, [("Content-Encoding", "gzip")])[0] == b"first half, second half"


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_decompression_bomb_stops_at_cap(coding: str) -> None:
    zeros = b"\0" * 20_000_000
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[coding](zeros)
    assert len(packed) < 100_000
    body, truncated = decode_body(packed, [("Content-Encoding", coding)], cap=1_000_000)
    assert truncated is True
    assert len(body) == 1_000_000


@settings(max_examples=150, deadline=None)
@given(
    raw=st.binary(max_size=400),
    codings=st.lists(
        st.sampled_from(["gzip", "deflate", "br", "x-gzip", "bogus", "identity"]), max_size=3
    ),
    chunked=st.booleans(),
)
def test_garbage_never_raises(raw: bytes, codings: list[str], chunked: bool) -> None:
    headers = [("Content-Encoding", ", ".join(codings))]
    if chunked:
        headers.append(("Transfer-Encoding", "chunked"))
    body, truncated = decode_body(raw, headers, cap=1000)
    assert isinstance(body, bytes) and len(body) <= 1000
    assert truncated in (True, False)


# --------------------------------------------------------------------------- HTML


def test_html_text_and_metadata() -> None:
    r = read_payload(BODY, [("Content-Type", "text/html")], "https://news.example/section/a")
    assert r.kind == "html"
    assert r.title == "Flood wall holds"
    assert r.text.startswith("Flood wall holds\n")
    assert "Paragraph 11 of the article" in r.text
    assert "cookies" not in r.text  # consent dialog
    assert "Reader one" not in r.text  # comments
    assert "Sport" not in r.text  # navigation
    assert r.author == "Helen Marsh"
    assert r.date == "2024-01-08"
    assert r.language == "en"
    assert r.canonical == "https://news.example/story/flood-wall"
    assert r.charset == "utf-8"


def test_outlinks_absolute_deduplicated_without_fragments() -> None:
    r = read_payload(BODY, [("Content-Type", "text/html")], "https://news.example/section/a")
    assert r.outlinks == [
        "https://news.example/",
        "https://news.example/news",
        "https://news.example/sport",
        "https://news.example/section/report.pdf",
        "https://cdn.example/map",
        "https://news.example/privacy",
    ]


@settings(max_examples=400, deadline=None)
@given(
    href=st.text(alphabet="/.?#&=%;:@ab\t\n\x01 \u00a0é\\", max_size=14).map(lambda h: "/" + h),
    base=st.sampled_from(
        ["https://x.example/s/p?q=1", "http://X.example:8080/", "https://u@x.example/a/b/"]
    ),
)
def test_root_relative_links_join_exactly_as_urljoin_does(href: str, base: str) -> None:
    """The concatenation shortcut either agrees with urljoin or steps aside."""
    from urllib.parse import urldefrag, urljoin, urlsplit

    from archiver.read import _join_root_relative

    parts = urlsplit(base)
    fast = _join_root_relative(f"{parts.scheme}://{parts.netloc}", href)
    if fast:
        assert fast == urldefrag(urljoin(base, href))[0]


def test_page_text_whitespace_is_tidied() -> None:
    html = (
        "<html><body><div>Opening\u00a0 \t hours</div><div>\u2003Mon-Fri  9-5 </div></body></html>"
    ).encode()
    r = read_payload(html, [("Content-Type", "text/html")], "http://shop.example/")
    assert "Opening hours\nMon-Fri 9-5" in r.text


def test_page_without_article_structure_falls_back_to_page_text() -> None:
    html = b"<html><body><div>Opening hours</div><div>Mon-Fri 9-5</div></body></html>"
    r = read_payload(html, [("Content-Type", "text/html")], "http://shop.example/")
    assert "Mon-Fri 9-5" in r.text
    assert r.kind == "html"


def test_dropped_elements_keep_the_text_that_follows_them() -> None:
    filler = "The council met again on Tuesday to settle the matter of the bridge. " * 6
    html = (
        f"<html><body><article><p>Before the widget <script>track()</script>after the widget."
        f"<svg><text>chart label</text></svg> After the chart.</p><p>{filler}</p>"
        "<aside><p>Related: other bridges</p></aside></article>"
        '<div class="ForumSignature">Sent from my phone</div></body></html>'
    ).encode()
    r = read_payload(html, [("Content-Type", "text/html")], "")
    assert "Before the widget after the widget. After the chart." in r.text
    assert not any(s in r.text for s in ("track()", "chart label", "other bridges", "phone"))


def test_html_fragment_is_read_as_a_page() -> None:
    r = read_payload(b"<p>Opening hours: Mon-Fri 9-5.</p>", [("Content-Type", "text/html")], "")
    assert (r.kind, r.text) == ("html", "Opening hours: Mon-Fri 9-5.")


def test_control_characters_and_xml_noncharacters_are_dropped() -> None:
    filler = "Sentences of the article keep the reader busy for a while. " * 8
    html = (
        f"<html><body><article><p>Bell\x07 and \x01form\x0cfeed \ufffehere. {filler}</p>"
        "</article></body></html>"
    ).encode()
    r = read_payload(html, [("Content-Type", "text/html")], "")
    assert r.text.startswith("Bell and formfeed here.")


def test_xhtml_doctype_and_self_closed_html_element() -> None:
    html = (
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml" lang="nl"/>\n'
        b"<head><title>Dienstregeling</title></head><body><p>Bus 12 rijdt elk kwartier.</p></body>"
    )
    r = read_payload(html, [("Content-Type", "application/xhtml+xml")], "")
    assert (r.title, r.language) == ("Dienstregeling", "nl")
    assert "Bus 12 rijdt elk kwartier." in r.text


def test_xhtml_with_xml_declaration() -> None:
    words = "Текст статьи. " * 40
    html = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru"><head><title>Т</title></head>'
        f"<body><article><p>{words}</p></article></body></html>"
    ).encode("windows-1251")
    r = read_payload(html, [("Content-Type", "application/xhtml+xml")], "http://ru.example/")
    assert (r.charset, r.language) == ("windows-1251", "ru")
    assert "Текст статьи." in r.text


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2024-01-08T06:00:00+00:00", "2024-01-08"),
        ("2024/1/8", "2024-01-08"),
        ("20240108", "2024-01-08"),
        ("20240108T060000Z", "2024-01-08"),
        ("30.05.2024 14:35", "2024-05-30"),
        ("01/08/2024", "2024-01-08"),  # month first, as US pages write it
        ("31/01/2024", "2024-01-31"),  # ... unless the month would be impossible
        ("Posted on 8 January 2024", "2024-01-08"),
        ("January 8th, 2024 at 10:20", "2024-01-08"),
        ("Mon, 08 Jan 2024 06:00:00 GMT", "2024-01-08"),
        ("3. März 2024", "2024-03-03"),
        ("12 de marzo de 2024", "2024-03-12"),
        ("30 мая 2024 г.", "2024-05-30"),
        ("1er février 2024", "2024-02-01"),
        ("2024-02-30", ""),  # no such day
        ("1776-07-04", ""),  # not a web page's date
        ("Join Date: Apr 2010", ""),  # no day
        ("page 12 of 2024 results", ""),
        ("", ""),
    ],
)
def test_parse_date(written: str, date: str) -> None:
    assert parse_date(written) == date


def meta_of(html: str, url: str = "https://x.example/a") -> tuple[str, str, str, str]:
    tree = parse_html(html)
    assert tree is not None
    m = page_metadata(tree, head_metadata(html), url)
    return m.title, m.author, m.date, m.language


def test_metadata_from_json_ld_graph_skips_organisations_and_invalid_blocks() -> None:
    html = """<html><head><title>Ignored | Site</title>
    <script type="application/ld+json">{"broken": </script>
    <script type="Application/LD+JSON">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "The Site"},
      {"@type": ["NewsArticle"], "headline": "  Tide  tables revised ",
       "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Organization",
       "name": "Newsroom"}, "Bo Ek"], "datePublished": "2023-11-02T08:00:00Z",
       "dateModified": "2024-01-01", "inLanguage": "pt-BR"}]}</script>
    </head><body><h1>Other</h1><p>x</p></body></html>"""
    assert meta_of(html) == ("Tide tables revised", "Ana Lima; Bo Ek", "2023-11-02", "pt-BR")


def test_metadata_from_meta_tags() -> None:
    html = """<html><head><title>Page title - Site</title>
    <meta property="og:title" content="Headline from Open Graph">
    <meta property="article:author" content="https://facebook.com/someone">
    <meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, R.">
    <meta name="DC.date.issued" content="2021-06-30">
    </head><body><h1>A</h1><h1>B</h1></body></html>"""
    assert meta_of(html) == ("Headline from Open Graph", "Doe, Jane; Roe, R.", "2021-06-30", "")


def test_metadata_from_markup_skips_comment_threads() -> None:
    html = """<html><head><title>Why record shops are thriving &raquo; Vinyl Notes</title></head>
    <body><h1>Why record shops are thriving<a class="headerlink" href="#x">¶</a></h1>
    <div class="entry-meta"><span class="byline">Written by Clara Jensen, 3 May 2024</span></div>
    <p>Body.</p><div id="comments"><div class="comment-author">Spammer Bob</div>
    <time datetime="2024-05-09">9 May</time></div></body></html>"""
    # The only <time> is a comment's, so the date comes from the byline's text.
    assert meta_of(html) == ("Why record shops are thriving", "Clara Jensen", "2024-05-03", "")
    only_comments = (
        '<html><body><ol class="comment-list"><b class="author">Bob Spam</b></ol></body>'
    )
    assert meta_of(only_comments)[1] == ""


def test_marked_publication_time_beats_the_first_time_element() -> None:
    html = """<html><body><div class="ticker"><time datetime="2024-06-01">now</time></div>
    <h1>T</h1><time class="entry-date published" datetime="2024-05-28T09:00">28 May</time>
    </body></html>"""
    assert meta_of(html)[2] == "2024-05-28"


def test_title_from_title_element_drops_the_site_name() -> None:
    one = "<html><head><title>Sourdough loaves coming out flat - Bench Forums</title></head></html>"
    short = "<html><head><title>Home | The Wendbridge Ledger Online</title></head></html>"
    assert meta_of(one)[0] == "Sourdough loaves coming out flat"
    assert meta_of(short)[0] == "The Wendbridge Ledger Online"


def test_one_h1_is_the_title_unless_it_is_the_site_name_in_the_banner() -> None:
    head = "<head><title>145/2023. Kt. határozat - Füzesvár Önkormányzata</title></head>"
    banner = f"<html>{head}<body><h1>Füzesvár Önkormányzata</h1><h2>145/2023.</h2></body></html>"
    assert meta_of(banner)[0] == "145/2023. Kt. határozat"
    own = f"<html>{head}<body><h1>A könyvtár nyitvatartása</h1></body></html>"
    assert meta_of(own)[0] == "A könyvtár nyitvatartása"


def test_dateline_text_and_url_are_the_last_resorts() -> None:
    dateline = '<html><body><div class="date">30.05.2024 14:35 | 1591 views</div></body></html>'
    bare = "<html><body><p>Nothing dated here.</p></body></html>"
    assert meta_of(dateline)[2] == "2024-05-30"
    assert meta_of(bare, "https://x.example/2019/04/07/story.html")[2] == "2019-04-07"
    assert meta_of(bare, "https://x.example/story-2019.html")[2] == ""


def test_russian_gold_page_metadata() -> None:
    r = read_payload((GOLD / "ru-tram.html").read_bytes(), [("Content-Type", "text/html")], "")
    assert (r.title, r.date) == ("По новой трамвайной линии пустили первые вагоны", "2024-05-30")


def test_code_sample_dates_are_not_the_page_date() -> None:
    r = read_payload(
        (GOLD / "docs-tutorial.html").read_bytes(), [("Content-Type", "text/html")], ""
    )
    assert "2024-04-01 03:12" in r.text  # the date is in the page, as sample output
    assert (r.title, r.date) == ("Tutorial: your first prediction", "")


# --------------------------------------------------------------------------- head


def test_head_metadata_reads_meta_link_title_base_and_language() -> None:
    head = head_metadata(
        """<!DOCTYPE html><html xml:lang="pt-BR"><head>
        <meta charset="utf-8"><meta http-equiv="Content-Language" content=" de-AT ">
        <meta property="og:title" content=" First "><meta property="OG:TITLE" content="Second">
        <meta name="citation_author" content="Doe, J."><meta name="citation_author"
        content="Roe, R."><meta itemprop="datePublished" name="date" content="2020-02-02">
        <meta name="description" content="  "><meta property="og:locale" content="de_AT">
        <meta property="og:url" content="https://x.example/og">
        <link rel="stylesheet" href="/s.css"><link rel="Alternate CANONICAL" href=" /c ">
        <link rel="canonical" href="/second"><base href="https://cdn.example/b/">
        <title> Two\n  words </title><title>Later</title>
        </head><body><meta name="author" content="Body Author"></body></html>"""
    )
    assert head.metas == {
        "og:title": "First",
        "citation_author": "Doe, J.; Roe, R.",
        "datepublished": "2020-02-02",
        "date": "2020-02-02",
        "og:locale": "de_AT",
        "og:url": "https://x.example/og",
    }
    assert (head.title, head.canonical, head.base) == ("Two words", "/c", "https://cdn.example/b/")
    assert (head.lang, head.content_language, head.json_ld) == ("pt-BR", "de-AT", [])


def test_head_entities_are_decoded_in_title_and_meta() -> None:
    html = (
        "<html><head><title>Fish &amp; chips, 1860&#8211;1960 &raquo; Caf&eacute;&nbsp;Blog"
        '</title><meta name="author" content="Ana &quot;Ann&quot; L&oacute;pez"></head>'
        "<body><p>Text.</p></body></html>"
    )
    head = head_metadata(html)
    assert head.title == "Fish & chips, 1860–1960 » Café Blog"  # no-break space collapsed
    assert head.metas["author"] == 'Ana "Ann" López'
    r = read_payload(html.encode(), [("Content-Type", "text/html")], "")
    assert (r.title, r.author) == ("Fish & chips, 1860–1960", 'Ana "Ann" López')


def test_json_ld_in_the_head_wins_and_the_body_is_read_when_the_head_has_none() -> None:
    def ld(headline: str) -> str:
        return (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"headline": "{headline}", "datePublished": "2022-03-04"}}</script>'
        )

    both = f"<html><head>{ld('From the head')}</head><body>{ld('From the body')}</body></html>"
    body_only = f"<html><head><title>T</title></head><body>{ld('From the body')}</body></html>"
    assert [b["headline"] for b in head_metadata(both).json_ld] == ["From the head"]
    assert head_metadata(body_only).json_ld == []
    assert meta_of(both)[0] == "From the head"
    assert meta_of(body_only)[:3] == ("From the body", "", "2022-03-04")


def test_body_microdata_meta_counts_where_the_head_is_silent() -> None:
    html = """<html><head><meta name="author" content="Head Author"></head><body>
    <div itemscope itemtype="https://schema.org/Article">
    <meta itemprop="author" content="Body Author">
    <meta itemprop="datePublished" content="2023-04-05"></div></body></html>"""
    assert head_metadata(html).metas == {"author": "Head Author"}
    assert meta_of(html)[1:3] == ("Head Author", "2023-04-05")


def test_head_without_end_tag_stops_at_body_and_a_fragment_is_read_to_the_cap() -> None:
    no_end = (
        '<html lang="fr"><title>Sans fin</title><meta name="author" content="Head">'
        '<BODY class="x"><meta name="keywords" content="body"><title>Not this</title>'
    )
    head = head_metadata(no_end)
    assert (head.title, head.lang, head.metas) == ("Sans fin", "fr", {"author": "Head"})
    fragment = head_metadata('<title>Bare</title><p>Text</p><link rel="canonical" href="/f">')
    assert (fragment.title, fragment.canonical) == ("Bare", "/f")


def test_head_larger_than_the_cap_is_read_up_to_the_cap() -> None:
    from archiver.read import HEAD_CAP

    style = "<style>" + ".rule{color:red}\n" * (HEAD_CAP // 17 + 100) + "</style>"
    html = (
        '<html lang="sv"><head><title>Stor</title><meta name="author" content="Before Cap">'
        f'{style}<meta name="description" content="after the cap"></head>'
        "<body><article><p>"
        + "Texten i artikeln fortsätter en stund. " * 20
        + "</p></article></body></html>"
    )
    assert html.index("after the cap") > HEAD_CAP
    head = head_metadata(html)
    assert (head.title, head.lang, head.metas) == ("Stor", "sv", {"author": "Before Cap"})
    r = read_payload(html.encode(), [("Content-Type", "text/html")], "")
    assert (r.title, r.author, r.language) == ("Stor", "Before Cap", "sv")
    assert "Texten i artikeln fortsätter en stund." in r.text


def test_head_of_xhtml_and_of_tagless_text_raises_no_warnings() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        xhtml = head_metadata(
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"'
            ' xml:lang="nl"><head><title>Rooster</title></head><body/></html>'
        )
        assert (xhtml.title, xhtml.lang) == ("Rooster", "nl")
        assert head_metadata("https://x.example/page.html") == head_metadata("")


# --------------------------------------------------------------------------- other types


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand with a correct xref table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Annual report) /Author (Jane Doe) /CreationDate (D:20240131120000Z) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_pdf_text_and_info() -> None:
    r = read_payload(minimal_pdf("Tide tables for 2024"), [("Content-Type", "application/pdf")], "")
    assert (r.kind, r.title, r.author, r.date) == ("pdf", "Annual report", "Jane Doe", "2024-01-31")
    assert "Tide tables for 2024" in r.text


def test_pdf_served_as_html_is_read_as_pdf() -> None:
    r = read_payload(minimal_pdf("Hello"), [("Content-Type", "text/html")], "")
    assert r.kind == "pdf"
    assert "Hello" in r.text


def test_broken_pdf_says_why() -> None:
    r = read_payload(b"%PDF-1.4\nthis is not a pdf", [("Content-Type", "application/pdf")], "")
    assert r.kind == "pdf"
    assert r.text == ""
    assert r.note


def test_plain_text_is_kept_as_is() -> None:
    text = "Line one.\nСтрока два.\n"
    r = read_payload(text.encode("koi8-r"), [("Content-Type", "text/plain; charset=koi8-r")], "")
    assert (r.kind, r.text, r.charset) == ("text", text.strip(), "koi8-r")


@pytest.mark.parametrize(
    ("payload", "content_type", "kind"),
    [
        (BODY, "application/octet-stream", "html"),
        (BODY, "", "html"),
        (b"just some words", "", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "none"),
        (b"\x00\x01binary", "application/octet-stream", "none"),
        (b"{}", "application/json", "none"),
    ],
)
def test_type_dispatch_and_sniffing(payload: bytes, content_type: str, kind: str) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    r = read_payload(payload, headers, "http://x.example/")
    assert r.kind == kind
    if kind == "none":
        assert r.note and not r.text


def test_empty_body() -> None:
    assert read_payload(b"", [("Content-Type", "text/html")], "") == Readable(
        kind="none", note="empty body"
    )


# --------------------------------------------------------------------------- WARC


def write_warc(path: Path, records: list[tuple[str, list[tuple[str, str]], bytes]]) -> list[int]:
    """Write warcinfo then one response per record; return each response's offset."""
    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, headers, raw in records:
            offsets.append(fh.tell())
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(raw), length=len(raw), http_headers=http
            )
            writer.write_record(rec)
    return offsets


def test_read_record_undoes_chunked_gzip_from_the_raw_stream(tmp_path: Path) -> None:
    warc = tmp_path / "run-1.warc.gz"
    offsets = write_warc(
        warc,
        [
            ("https://x.example/plain", [("Content-Type", "text/plain")], b"first record"),
            (
                "https://news.example/section/a",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Encoding", "gzip"),
                    ("Transfer-Encoding", "chunked"),
                ],
                chunk(gzip.compress(BODY), 300),
            ),
        ],
    )
    r = read_record(str(warc), offsets[1])
    assert r.kind == "html"
    assert r.title == "Flood wall holds"
    assert "Paragraph 11 of the article" in r.text
    assert r.truncated is False
    assert read_record(str(warc), offsets[0]).text == "first record"


def test_read_record_finds_a_file_renamed_from_or_to_open(tmp_path: Path) -> None:
    warc = tmp_path / "run-2.warc.gz"
    (offset,) = write_warc(warc, [("https://x.example/", [("Content-Type", "text/plain")], b"hi")])
    assert read_record(str(warc) + ".open", offset).text == "hi"
    opened = warc.rename(tmp_path / "run-2.warc.gz.open")
    assert read_record(str(warc), offset).text == "hi"
    assert read_record(str(opened), offset).text == "hi"


def test_read_record_brotli_bomb_is_capped(tmp_path: Path) -> None:
    warc = tmp_path / "bomb.warc.gz"
    bomb = brotli.compress(b"<html><body><p>" + b"a " * 5_000_000)
    (offset,) = write_warc(
        warc,
        [("https://x.example/", [("Content-Type", "text/html"), ("Content-Encoding", "br")], bomb)],
    )
    r = read_record(str(warc), offset, cap=200_000)
    assert r.truncated is True
    assert r.kind == "html"


def test_read_record_revisit_has_no_payload(tmp_path: Path) -> None:
    warc = tmp_path / "revisit.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        rec = writer.create_revisit_record(
            "https://x.example/", "sha1:AAAA", "https://x.example/", "2024-01-01T00:00:00Z"
        )
        writer.write_record(rec)
    r = read_record(str(warc), 0)
    assert r.kind == "none"
    assert "revisit" in r.note


# --------------------------------------------------------------------------- gold set


def f1(gold: str, got: str) -> float:
    g = Counter(re.findall(r"\w+", gold.lower()))
    p = Counter(re.findall(r"\w+", got.lower()))
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_gold_set_quality() -> None:
    """Guards the figure bench/read_quality.py reports against regressions."""
    pages = sorted(GOLD.glob("*.html"))
    sites = {p.name.split("-")[0] for p in pages}
    assert len(pages) >= 30 and len(sites) >= 5
    scores = {}
    for page in pages:
        r = read_payload(
            page.read_bytes(), [("Content-Type", "text/html")], f"https://g/{page.stem}"
        )
        scores[page.stem] = f1(page.with_suffix(".txt").read_text(encoding="utf-8"), r.text)
    assert sum(scores.values()) / len(scores) >= 0.94, scores
    assert min(scores.values()) >= 0.7, scores


def test_gold_russian_page_in_windows_1251_declared_in_meta() -> None:
    raw = (GOLD / "ru-tram.html").read_bytes()
    r = read_payload(raw, [("Content-Type", "text/html")], "http://vecher.example/news/1.html")
    assert r.charset == "windows-1251"
    assert r.title == "По новой трамвайной линии пустили первые вагоны"
    assert "Интервал движения в часы пик составит пять минут." in r.text


def test_read_record_runs_in_a_process_pool(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    warc = tmp_path / "pool.warc.gz"
    offsets = write_warc(
        warc,
        [
            (f"https://x.example/{i}", [("Content-Type", "text/plain")], f"page {i}".encode())
            for i in range(3)
        ],
    )
    with ProcessPoolExecutor(max_workers=2) as pool:
        texts = [r.text for r in pool.map(read_record, [str(warc)] * 3, offsets)]
    assert texts == ["page 0", "page 1", "page 2"]


def test_an_xml_error_document_is_read_for_its_text(tmp_path: Path) -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
        b"<Message>The specified key does not exist.</Message><Key>data/v2.csv</Key></Error>"
    )
    r = read_payload(body, [("Content-Type", "application/xml")], "https://b.test/data/v2.csv")
    assert r.text.splitlines() == ["NoSuchKey", "The specified key does not exist.", "data/v2.csv"]


def test_xml_entities_never_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<r><a>before</a><b>&x;</b></r>"
    ).encode()
    r = read_payload(body, [("Content-Type", "text/xml")], "https://b.test/feed.xml")
    assert "TOP-SECRET" not in r.text
    assert "before" in r.text


@pytest.mark.parametrize(("chunked", "gzipped"), [(False, False), (True, True), (True, False)])
def test_a_response_handed_over_reads_as_its_warc_record(
    tmp_path: Path, chunked: bool, gzipped: bool
) -> None:
    """The read workers read the bytes the fetcher still holds instead of the record it
    wrote: the same bytes, so the same text, title and flags."""
    from archiver.warc import WarcWriter
    from tests.exchanges import exchange

    page = "<html><head><title>Поле</title></head><body><article><p>Опыт полевой работы. " * 40
    ex = exchange("http://a.test/p", page.encode(), chunked=chunked, gzipped=gzipped)
    head, raw = ex.response_head, ex.body.read()
    ex.body.seek(0)
    with WarcWriter(tmp_path, run_id=1, settings={}) as w:
        ref, _ = w.write_exchange(ex)
    assert ref is not None
    from_record = read_record(str(tmp_path / ref.warc_file), ref.offset)
    handed = read_response(head, raw, "http://a.test/p")
    assert handed == from_record and handed.title == "Поле" and "полевой" in handed.text


@pytest.mark.parametrize(
    ("head", "declares"),
    [
        ('<meta property="og:type" content="article">', "article"),
        ('<meta property="og:type" content="video.other">', "video.other"),
        ('<meta property="og:type" content="website">', ""),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},'
            ' {"@type": "WebPage", "mainEntity": {"@type": "Product", "name": "Kettle"}}]}'
            "</script>",
            "Product",
        ),
        ('<script type="application/ld+json">{"@type": "JobPosting"}</script>', "JobPosting"),
        ('<meta property="article:published_time" content="2024-03-01">', "article"),
        ('<script type="application/ld+json">{"@type": "Organization"}</script>', ""),
        ("", ""),
    ],
)
def test_what_a_page_declares_itself_to_be(head: str, declares: str) -> None:
    html = f"<html><head><title>T</title>{head}</head><body><p>Some text.</p></body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.declares == declares


def test_status_notices_are_kept_apart_unless_hidden() -> None:
    body = (
        "<div role='status' class='Alert'><!-- shown server-side --><strong>Oglas više nije"
        " aktivan.</strong> Oglašivač je uklonio oglas.</div>"
        "<div role='alert' hidden>Hidden template</div>"
        "<div role='alert' class='alert d-none'>Shown by script only</div>"
        "<div role='alert' style='display: none'>Also script only</div>"
        "<div role='status' aria-hidden='true'>Not for the reader</div>"
        f"<div role='status'>{'riječ ' * 51}</div>"
        "<p>The flat is on the second floor, with a view of the sea and the old harbour.</p>"
    )
    html = f"<html><head><title>Stan</title></head><body>{body}</body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.notice == "Oglas više nije aktivan. Oglašivač je uklonio oglas."
    plain = read_payload(b"<p>No notice here at all.</p>", [("Content-Type", "text/html")], "")
    assert plain.notice == ""


def test_banners_named_by_their_class_are_notices_too() -> None:
    body = (
        "<div class='cookie-notice'>We use cookies to improve the site.</div>"
        "<div class='error-notice'><div class='error-notice-hd'>很抱歉，您查看的宝贝不存在"
        "</div></div>"
        "<div class='alert alert-warning mensagem-vazia'><strong>Processo não encontrado."
        "</strong></div>"
        "<div class='woocommerce-info is-hidden'>Shown by script only</div>"
        "<div class='product-info'>Cast iron, 4.2 kg, made in Sheffield.</div>"
        "<p class='prod-not-for-sale-message'>판매가 종료된 상품입니다.</p>"
        "<p>The stove heats a room of 40 square metres and burns wood or briquettes.</p>"
    )
    html = f"<html><head><title>Stove</title></head><body>{body}</body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    # the outer banner once (not again for its inner part); no consent box, no hidden
    # template, no box whose class only says it holds information
    assert readable.notice == (
        "很抱歉，您查看的宝贝不存在\nProcesso não encontrado.\n판매가 종료된 상품입니다."
    )


def test_a_video_platforms_error_banner_in_its_inline_data_is_a_notice() -> None:
    data = (
        '{"alerts":[{"alertRenderer":{"type":"ERROR","text":{"simpleText":"This account '
        'has been terminated for violating the \\u201cspam\\u201d policy."}}}],'
        '"x":[{"alertRenderer":{"type":"INFO","text":{"simpleText":"Subscribed"}}}],'
        '"y":[{"alertRenderer":{"type":"ERROR","text":{"simpleText":"broken \\x escape"}}}]}'
    )
    html = f"<html><head><script>var ytInitialData = {data};</script></head><body><p>About"
    html += " Press Copyright</p></body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://v.test/c")
    assert readable.notice == "This account has been terminated for violating the “spam” policy."
    # a video's player status: removed or blocked is said, an age check is not
    for status, said in (("ERROR", True), ("UNPLAYABLE", True), ("LOGIN_REQUIRED", False)):
        player = f'{{"playabilityStatus": {{"status": "{status}", "reason": "Video gone"}}}}'
        html = f"<html><head><script>var p = {player};</script></head><body></body></html>"
        page = read_payload(html.encode(), [("Content-Type", "text/html")], "https://v.test/w")
        assert (page.notice == "Video gone") is said
    # the reason after a few plain fields of the status
    player = '{"playabilityStatus": {"status": "ERROR", "playableInEmbed": false, "reason": "Go"}}'
    html = f"<html><head><script>var p = {player};</script></head><body></body></html>"
    page = read_payload(html.encode(), [("Content-Type", "text/html")], "https://v.test/w")
    assert page.notice == "Go"


def test_an_alert_is_the_notice_of_a_page_with_nothing_else_to_read() -> None:
    script = (
        '<script>alert("글이 존재하지 않습니다.\\n\\n글이 삭제되었거나 이동된 경우입니다.");'
        "history.back();</script>"
    )
    bare = f"<html><head><title></title>{script}</head><body></body></html>"
    readable = read_payload(bare.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.notice == "글이 존재하지 않습니다. 글이 삭제되었거나 이동된 경우입니다."
    # on a page with text of its own, an alert is one of its scripts' error messages
    article = "<p>" + "Der Artikel beschreibt die Sanierung der alten Brücke. " * 3 + "</p>"
    full = f"<html><head><title>Brücke</title>{script}</head><body>{article}</body></html>"
    readable = read_payload(full.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.notice == ""


@pytest.mark.parametrize(
    ("head", "summary"),
    [
        ('<meta property="og:description" content="  Sailing\n updates ">', "Sailing updates"),
        (
            '<meta name="description" content="Site default">'
            '<meta name="twitter:description" content="The post itself">',
            "The post itself",
        ),
        ('<meta name="description" content="Site default">', "Site default"),
        ('<meta property="og:description" content="">', ""),
        ("", ""),
    ],
)
def test_how_a_page_describes_itself_to_link_previews(head: str, summary: str) -> None:
    html = f"<html><head><title>T</title>{head}</head><body><p>Some text.</p></body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.summary == summary


@pytest.mark.parametrize(
    ("script", "state"),
    [
        (
            '<script id="__NEXT_DATA__" type="application/json">{"page":"/_error",'
            '"props":{"pageProps":{"statusCode":404}}}</script>',
            '"page":"/_error"',
        ),
        ("<script>window.__NUXT__={error:{statusCode:404,message:'x'}}</script>", "statusCode:404"),
        (
            '<script>window.__INITIAL_STATE__ = {"item": {"httpStatus": "NOT_FOUND"}}</script>',
            '"httpStatus": "NOT_FOUND"',
        ),
        # code that handles errors, schema data and a found item say nothing
        ("<script>if (r.status === 404) { show({code: 404}) }</script>", ""),
        ('<script type="application/ld+json">{"code": 404}</script>', ""),
        ('<script type="application/json">{"status": 200, "items": [404]}</script>', ""),
    ],
)
def test_the_status_an_apps_inline_data_gives_the_page(script: str, state: str) -> None:
    html = f"<html><head><title>T</title></head><body><div id=app></div>{script}</body></html>"
    readable = read_payload(html.encode(), [("Content-Type", "text/html")], "https://x.test/a")
    assert readable.state == state


def test_the_whole_page_fallback_keeps_a_line_per_block() -> None:
    """A news front whose main text trafilatura does not find is read whole, a line per
    block: read as one line, its menus could not be told from the rest, and "Skip to main
    content … Missing teenager found safe … closes its doors" read like a notice."""
    page = Path(__file__).parent / "data" / "soft404" / "b154_wex_home.html"
    got = read_payload(
        page.read_bytes(), [("Content-Type", "text/html")], "https://www.wexmoorcourier.example/"
    )
    assert got.note == "main text not found; whole page text kept"
    lines = got.text.splitlines()
    assert lines[0] == "Skip to main content"
    assert "Missing Wexmoor teenager found safe" in lines
    assert "Hallam's Hardware closes its doors after 62 years" in lines


EMPTIED = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>Dni Kultury nad Zalewem: program</title></head><body>
<div class="rodo"><p><strong>Drodzy Czytelnicy,</strong> na naszej stronie używamy plików
cookies. Korzystając ze strony wyrażasz zgodę na ich używanie zgodnie z ustawieniami
przeglądarki. Administratorem danych jest Wydawnictwo Zalew Sp. z o.o.</p></div>
<ul id="menu"><li><a href="/miasto/">Miasto</a></li><li><a href="/sport/">Sport</a></li></ul>
<div id="main"><div class="artykul">
<div class="okruszki"><a href="/">Kurier</a> &raquo; <a href="/miasto/">Miasto</a></div>
<h1>Dni Kultury nad Zalewem: program</h1>
<div class="komunikat">Ten artykuł nie jest już dostępny.</div>
</div></div>
<div id="stopka"><p>&copy; 2003-2024 Kurier Zalewu. Wszelkie prawa zastrzeżone. Wydawca:
Wydawnictwo Zalew Sp. z o.o., ul. Portowa 12, 10-522 Olsztyn.</p>
<p><a href="/redakcja">Redakcja</a> | <a href="/reklama">Reklama</a></p></div>
</body></html>"""


def test_the_line_under_the_heading_of_an_emptied_page_is_kept() -> None:
    """trafilatura keeps the cookie box and the footer of a page left with its heading and
    one line, and drops that line: the only one that says what became of the page."""
    r = read_payload(EMPTIED.encode(), [("Content-Type", "text/html")], "https://k.test/a/1")
    assert "Ten artykuł nie jest już dostępny." in r.text.splitlines()
    # an article's body under its heading is trafilatura's to keep, and is not doubled
    article = read_payload(PAGE.encode(), [("Content-Type", "text/html")], "https://n.test/a")
    assert article.text.count("Paragraph 3 of the article") == 1
