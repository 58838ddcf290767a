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
from archiver.read import decode_body, read_payload, read_record

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


def test_page_without_article_structure_falls_back_to_page_text() -> None:
    html = b"<html><body><div>Opening hours</div><div>Mon-Fri 9-5</div></body></html>"
    r = read_payload(html, [("Content-Type", "text/html")], "http://shop.example/")
    assert "Mon-Fri 9-5" in r.text
    assert r.kind == "html"


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
