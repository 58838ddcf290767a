"""The readable text and metadata of a capture: what a person came to read.

Main text comes from trafilatura (measured best on our gold set, see
bench/read_quality.py); metadata and outlinks come from the same lxml tree, so each
page is parsed exactly once. Everything here is a plain function of bytes, so the
pipeline can run it in a process pool beside the fetcher.
"""

from __future__ import annotations

import io
import logging
import os
import re
from urllib.parse import urldefrag, urljoin

from lxml.html import HtmlElement
from trafilatura import bare_extraction, html2txt
from trafilatura.utils import load_html

from archiver.body import DEFAULT_CAP, decode_body
from archiver.charset import content_type_params, decode_text, header_value
from archiver.model import Readable

__all__ = [
    "decode_body",
    "decode_text",
    "read_html",
    "read_payload",
    "read_pdf",
    "read_record",
    "read_text",
    "sniff_kind",
]

# trafilatura logs every page it finds too short at WARNING; a pool of workers
# reading thousands of pages would drown real problems in that noise.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
TEXT_TYPES = frozenset(
    {"text/plain", "text/markdown", "text/x-markdown", "text/csv", "text/tab-separated-values"}
)
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
# Types that say nothing about the payload: the bytes decide.
VAGUE_TYPES = frozenset(
    {"", "application/octet-stream", "unknown/unknown", "*/*", "binary/octet-stream"}
)

# Below this many characters an extraction is suspect and the fallback is tried.
MIN_TEXT = 250
# A fallback must bring this much more text to be preferred over the first answer.
FALLBACK_GAIN = 2.0
PDF_MAX_PAGES = 2000

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|div|p|script|table|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


# --------------------------------------------------------------------------- dispatch


def sniff_kind(payload: bytes, mime: str) -> str:
    """html, pdf, text or none: the declared type, corrected by the bytes when vague or wrong.

    A PDF is recognised by its magic whatever the header says (servers often send PDFs
    as text/html from download scripts); HTML and text are sniffed only when the
    header says nothing useful, as browsers do.
    """
    head = payload[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if mime in PDF_TYPES:
        return "pdf"
    if mime in HTML_TYPES:
        return "html"
    if mime in TEXT_TYPES:
        return "text"
    if mime in VAGUE_TYPES:
        if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
            return "html"
        if b"\x00" not in head and head:
            return "text"
    return "none"


def read_payload(payload: bytes, headers: list[tuple[str, str]], url: str) -> Readable:
    """Readable text of an already decoded payload, dispatched on its type."""
    mime, _ = content_type_params(header_value(headers, "content-type"))
    if not payload:
        return Readable(kind="none", note="empty body")
    kind = sniff_kind(payload, mime)
    if kind == "html":
        return read_html(payload, headers, url)
    if kind == "pdf":
        return read_pdf(payload)
    if kind == "text":
        return read_text(payload, headers)
    return Readable(kind="none", note=f"no readable text in {mime or 'an untyped body'}")


def read_record(warc_path: str, offset: int, cap: int = DEFAULT_CAP) -> Readable:
    """Readable text of the WARC record at ``offset``.

    Top-level and built from plain arguments so a process-pool worker can run it.
    The body is decoded here from the raw stream rather than by warcio, so the size
    cap holds. A file renamed from ".open" while the task was queued is still found.
    """
    from warcio.archiveiterator import ArchiveIterator

    path = _existing_path(warc_path)
    with open(path, "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)), None)
        if record is None:
            return Readable(kind="none", note=f"no WARC record at offset {offset}")
        rtype = record.rec_type
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if rtype == "revisit":
            return Readable(kind="none", note="revisit: the payload is in the original record")
        if record.http_headers is not None and rtype in ("response", "request"):
            headers = list(record.http_headers.headers)
        elif rtype in ("resource", "conversion"):
            headers = [("Content-Type", record.rec_headers.get_header("Content-Type") or "")]
        else:
            return Readable(kind="none", note=f"no payload in a {rtype} record")
        raw = record.raw_stream.read(cap + 1)
        cut = len(raw) > cap
    body, truncated = decode_body(raw[:cap], headers, cap)
    readable = read_payload(body, headers, url)
    readable.truncated = readable.truncated or truncated or cut
    return readable


def _existing_path(warc_path: str) -> str:
    """The WARC path as it now exists, with or without its ".open" suffix."""
    if os.path.exists(warc_path):
        return warc_path
    other = warc_path[: -len(".open")] if warc_path.endswith(".open") else warc_path + ".open"
    return other if os.path.exists(other) else warc_path


# --------------------------------------------------------------------------- html


def read_html(payload: bytes, headers: list[tuple[str, str]], url: str) -> Readable:
    """Main text, metadata and outlinks of an HTML page, from a single parse."""
    text, charset = decode_text(payload, headers, html=True)
    tree = parse_html(text)
    if tree is None:
        return Readable(kind="html", charset=charset, note="unparseable HTML")
    base = _base_url(tree, url)
    readable = Readable(
        kind="html",
        charset=charset,
        outlinks=outlinks(tree, base),
        canonical=_canonical(tree, base),
        language=_language(tree, headers),
    )
    doc = _extract(tree, url)
    if doc is not None:
        readable.title = " ".join((doc.title or "").split())
        readable.text = _with_title(_tidy(doc.text or ""), readable.title)
        readable.author = (doc.author or "").strip()
        readable.date = (doc.date or "").strip()
    if len(readable.text) < MIN_TEXT:
        fallback = _tidy(html2txt(tree) or "")
        if len(fallback) > FALLBACK_GAIN * max(len(readable.text), 1):
            readable.text = fallback
            readable.note = "main text not found; whole page text kept"
    if not readable.title:
        readable.title = _first_text(tree, "//title")
    if not readable.text:
        readable.note = readable.note or "no text in page"
    return readable


def parse_html(text: str) -> HtmlElement | None:
    """Parse once, with the parser settings trafilatura itself uses."""
    # lxml refuses str input that carries an XML encoding declaration.
    text = _XML_DECL.sub("", text, count=1)
    try:
        tree = load_html(text)
    except Exception:
        tree = None
    if tree is None:
        # Stray control characters make lxml give up on str input; bytes go through.
        try:
            tree = load_html(text.encode("utf-8", "replace"))
        except Exception:
            return None
    return tree


# Boilerplate trafilatura's own lists miss: consent dialogs and forum signatures.
PRUNE_XPATH = [
    "//*[@role='dialog' or @role='alertdialog' or @aria-modal='true']",
    "//*[contains(@class, 'signature') or contains(@id, 'signature')]",
]


def prepare_tree(tree: HtmlElement) -> HtmlElement:
    """Normalise a parsed page so trafilatura's boilerplate rules can see it.

    Two generic steps, each measured on the gold set (bench/read_quality.py):
    class and id are lower-cased, since trafilatura matches tokens such as "cookie"
    or "newsletter" case-sensitively and component frameworks emit "CookieBanner_x1";
    and layout tables (a whole forum or an old portal built of nested tables) become
    divs, as browser reader modes treat them, so their cells are judged one by one
    instead of being kept or dropped as a single table.
    """
    for el in tree.iter():
        for attr in ("class", "id"):
            value = el.get(attr)
            if value and not value.islower():
                el.set(attr, value.lower())
    for table in reversed(tree.xpath("//table")):
        if not is_data_table(table):
            for el in [table, *table.xpath("./*[not(self::caption)] | ./*/tr | ./*/tr/* | ./tr/*")]:
                el.tag = "div"
    return tree


def is_data_table(table: HtmlElement) -> bool:
    """Readability's test: does this table hold data, or only lay out the page?"""
    if table.get("role") in ("presentation", "none") or table.get("datatable") == "0":
        return False
    if table.get("summary") or table.xpath("./caption"):
        return True
    if table.xpath("./thead | ./tfoot | ./colgroup | ./col | .//th"):
        return not table.xpath(".//table")
    if table.xpath(".//table"):
        return False
    rows = table.xpath("./tr | ./tbody/tr")
    columns = max((len(row.xpath("./td | ./th")) for row in rows), default=0)
    return len(rows) >= 10 or columns > 4 or len(rows) * columns > 10


def _extract(tree: HtmlElement, url: str):  # -> trafilatura.settings.Document | None
    """trafilatura with the settings the gold set favours (see bench/read_quality.py)."""
    try:
        return bare_extraction(
            prepare_tree(tree),
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # readability/justext comparison: no gain on the gold set, 40% of the time.
            fast=True,
            prune_xpath=PRUNE_XPATH,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a bug in one page's metadata must not cost its text
        try:
            return bare_extraction(tree, url=url or None, include_comments=False)
        except Exception:
            return None


def _base_url(tree: HtmlElement, url: str) -> str:
    href = tree.xpath("string(//base/@href)").strip()
    return urljoin(url, href) if href else url


def outlinks(tree: HtmlElement, base: str) -> list[str]:
    """Absolute http(s) targets of the page's links, in page order, once each."""
    seen: set[str] = set()
    out: list[str] = []
    own = urldefrag(base)[0]
    for href in tree.xpath("//a/@href | //area/@href"):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        if href.startswith(("https://", "http://")):
            absolute = href.partition("#")[0]  # the common case, without urljoin's cost
        else:
            try:
                absolute = urldefrag(urljoin(base, href))[0]
            except ValueError:
                continue
            if not absolute.startswith(("https://", "http://")):
                continue
        if absolute == own or absolute in seen:
            continue
        seen.add(absolute)
        out.append(absolute)
    return out


def _canonical(tree: HtmlElement, base: str) -> str:
    for xpath in (
        "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
        "'canonical')), ' '), ' canonical ')]/@href",
        "//meta[@property='og:url']/@content",
    ):
        for href in tree.xpath(xpath):
            href = href.strip()
            if href:
                try:
                    return urljoin(base, href)
                except ValueError:
                    continue
    return ""


def _language(tree: HtmlElement, headers: list[tuple[str, str]]) -> str:
    """The declared language, primary subtag only ("en-GB" → "en")."""
    candidates = [
        tree.get("lang") or tree.get("xml:lang") or "",
        tree.xpath(
            "string(//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', "
            "'content-language')='content-language']/@content)"
        ),
        header_value(headers, "content-language"),
        tree.xpath("string(//meta[@property='og:locale']/@content)"),
    ]
    for value in candidates:
        tag = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
        if tag.isalpha() and 2 <= len(tag) <= 3:
            return tag
    return ""


def _first_text(tree: HtmlElement, xpath: str) -> str:
    return " ".join(tree.xpath(f"string({xpath})").split())


def _with_title(text: str, title: str) -> str:
    """The headline belongs to the article a reader sees, though it usually sits outside
    the body container trafilatura picks; without it a changed headline is no drift."""
    if not title or not text or text[: len(title) + 40].find(title) >= 0:
        return text
    return f"{title}\n{text}"


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "").split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


# --------------------------------------------------------------------------- other types


def read_text(payload: bytes, headers: list[tuple[str, str]]) -> Readable:
    """Plain text is its own readable text; only its charset needs deciding."""
    text, charset = decode_text(payload, headers, html=False)
    return Readable(text=text.strip(), charset=charset, kind="text")


def read_pdf(payload: bytes) -> Readable:
    """Text and document info of a PDF; an unreadable one says why instead."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(payload), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        pages = []
        for number, page in enumerate(reader.pages):
            if number >= PDF_MAX_PAGES:
                break
            try:
                pages.append(page.extract_text() or "")
            except Exception:
                pages.append("")
        info = reader.metadata or {}
    except Exception as err:
        return Readable(kind="pdf", note=f"unreadable PDF: {type(err).__name__}: {err}"[:200])
    text = _tidy("\n\n".join(pages))
    readable = Readable(
        text=text,
        title=str(info.get("/Title") or "").strip(),
        author=str(info.get("/Author") or "").strip(),
        date=_pdf_date(str(info.get("/CreationDate") or "")),
        kind="pdf",
    )
    if not text:
        readable.note = "PDF has no text layer (scanned?)"
    elif len(reader.pages) > PDF_MAX_PAGES:
        readable.note = f"first {PDF_MAX_PAGES} of {len(reader.pages)} pages"
    return readable


def _pdf_date(value: str) -> str:
    """ "D:20240131..." → "2024-01-31"."""
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", value)
    if not match:
        return ""
    year, month, day = match.groups()
    return "-".join(p for p in (year, month, day) if p)
