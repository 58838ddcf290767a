"""The readable text and metadata of a capture: what a person came to read.

Main text comes from trafilatura (measured best on our gold set, see
bench/read_quality.py). lxml parses each page once in full, and that one tree serves
trafilatura, the outlinks and the body's evidence (headline, bylines, <time>). What the
page declares in its <head> (meta tags, title, canonical URL, language, JSON-LD) is read
by BeautifulSoup from the head's text alone, a second parse that costs about 0.4 ms where
a BeautifulSoup parse of the whole page would cost as much as the extraction itself.
Everything here is a plain function of bytes, so the pipeline can run it in a process pool
beside the fetcher.
"""

from __future__ import annotations

import collections
import copy
import datetime
import io
import itertools
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from bs4 import BeautifulSoup, Tag
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction, html2txt
from trafilatura.baseline import basic_cleaning
from trafilatura.settings import Document, Extractor

from archiver.body import DEFAULT_CAP, decode_body
from archiver.charset import content_type_params, decode_text, header_value
from archiver.model import Readable

__all__ = [
    "Head",
    "PageMeta",
    "decode_body",
    "decode_text",
    "head_metadata",
    "page_metadata",
    "parse_date",
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
# An XML body is read for its text only: cloud storage answers a missing file with an XML
# error document ("NoSuchKey"), often passed on as 200 by a CDN.
XML_TYPES = frozenset({"application/xml", "text/xml"})
XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
)
# Types that say nothing about the payload: the bytes decide.
VAGUE_TYPES = frozenset(
    {"", "application/octet-stream", "unknown/unknown", "*/*", "binary/octet-stream"}
)

# Below this many characters an extraction is suspect and the fallback is tried.
MIN_TEXT = 250
# A fallback must bring this much more text to be preferred over the first answer.
FALLBACK_GAIN = 2.0
PDF_MAX_PAGES = 2000
# Below this many characters an extraction is checked for the lines under the page's
# heading, and past this many words those lines are an article, not a notice.
HEADING_CHECK_TEXT = 1500
HEADING_BLOCK_WORDS = 50

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|div|p|script|table|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
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
    if mime in XML_TYPES or (mime.endswith("+xml") and mime not in HTML_TYPES):
        return "xml"
    if mime in VAGUE_TYPES:
        if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
            return "html"
        if b"\x00" not in head and head:
            return "text"
    return "none"


def read_payload(
    payload: bytes, headers: list[tuple[str, str]], url: str, *, links: bool = True
) -> Readable:
    """Readable text of an already decoded payload, dispatched on its type.

    ``links=False`` leaves Readable.outlinks empty, for callers that have no use for them.
    """
    mime, _ = content_type_params(header_value(headers, "content-type"))
    if not payload:
        return Readable(kind="none", note="empty body")
    kind = sniff_kind(payload, mime)
    if kind == "html":
        return read_html(payload, headers, url, links=links)
    if kind == "pdf":
        return read_pdf(payload)
    if kind == "text":
        return read_text(payload, headers)
    if kind == "xml":
        return read_xml(payload)
    return Readable(kind="none", note=f"no readable text in {mime or 'an untyped body'}")


def read_record(
    warc_path: str, offset: int, cap: int = DEFAULT_CAP, *, links: bool = True
) -> Readable:
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
    return _read_raw(raw, headers, url, cap, links)


def read_response(
    head: bytes, raw: bytes, url: str, cap: int = DEFAULT_CAP, *, links: bool = True
) -> Readable:
    """Readable text of an HTTP response given as its head and raw body, the very bytes
    its WARC record holds: a read worker handed them skips reading the record back."""
    lines = head.decode("latin-1").split("\r\n")[1:]
    headers = [(k.strip(), v.strip()) for k, sep, v in (h.partition(":") for h in lines) if sep]
    return _read_raw(raw, headers, url, cap, links)


def _read_raw(
    raw: bytes, headers: list[tuple[str, str]], url: str, cap: int, links: bool
) -> Readable:
    """The body undone (chunking, content encodings) up to ``cap`` bytes, then read."""
    body, truncated = decode_body(raw[:cap], headers, cap)
    readable = read_payload(body, headers, url, links=links)
    readable.truncated = readable.truncated or truncated or len(raw) > cap
    return readable


def _existing_path(warc_path: str) -> str:
    """The WARC path as it now exists, with or without its ".open" suffix."""
    if os.path.exists(warc_path):
        return warc_path
    other = warc_path[: -len(".open")] if warc_path.endswith(".open") else warc_path + ".open"
    return other if os.path.exists(other) else warc_path


# --------------------------------------------------------------------------- html


def read_html(
    payload: bytes, headers: list[tuple[str, str]], url: str, *, links: bool = True
) -> Readable:
    """Main text, metadata and (unless ``links`` is False) outlinks of an HTML page, from a
    single parse."""
    text, charset = decode_text(payload, headers, html=True)
    tree = parse_html(text)
    if tree is None:
        return Readable(kind="html", charset=charset, note="unparseable HTML")
    head = head_metadata(text)
    base = _base_url(head, url)
    readable = Readable(
        kind="html",
        charset=charset,
        outlinks=outlinks(tree, base) if links else [],
        canonical=_canonical(head, base),
    )
    meta = page_metadata(tree, head, url)
    readable.title, readable.author, readable.date = meta.title, meta.author, meta.date
    readable.declares = meta.declares
    readable.summary = meta.summary
    readable.state = app_state(tree)
    readable.language = _language(head, headers, meta.language)
    notices: list[str] = []
    alerts: list[str] = []
    prepare_tree(tree, notices, alerts)
    doc = _extract(tree, url)
    if doc is not None:
        main = _tidy(doc.text or "")
        if len(main) < HEADING_CHECK_TEXT:
            main = _with_heading_block(main, tree)
        readable.text = _with_title(main, readable.title)
    if len(readable.text) < MIN_TEXT:
        fallback = whole_page_text(tree)
        if len(fallback) > FALLBACK_GAIN * max(len(readable.text), 1):
            readable.text = fallback
            readable.note = "main text not found; whole page text kept"
    if not readable.text:
        readable.note = readable.note or "no text in page"
    # A page with nothing to read but a script's alert() (a board's "this post does not
    # exist", then history.back()) says what it is in that alert; on a page with text an
    # alert is only one of its scripts' error messages.
    if alerts and len(readable.text.split(None, ALERT_PAGE_WORDS)) <= ALERT_PAGE_WORDS:
        notices += alerts
    readable.notice = "\n".join(notices[:NOTICES])
    return readable


# trafilatura's own parser settings (trafilatura.utils.HTML_PARSER), fed UTF-8 bytes.
HTML_PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
# Every element an HtmlElement, chosen in C: lxml.html's own lookup is a Python call each
# time an element gets a Python proxy, some 800 times a page between trafilatura's passes
# and ours (0.3 ms). The classes it would pick for form, input, select, textarea and label
# add only form-filling helpers that neither trafilatura nor archiver uses.
ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
HTML_PARSER.set_element_class_lookup(ELEMENT_CLASSES)
_XML_INVALID_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_DOCTYPE = re.compile(rb"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_SELF_CLOSED_HTML = re.compile(rb"(<html[^>]*?)\s*/>", re.IGNORECASE)


def parse_html(text: str) -> HtmlElement | None:
    """Parse once, into a whole document (fragments get their html and body).

    Does what trafilatura's load_html does, cheaper: control characters go by
    bytes.translate rather than a regex pass over the page (which cost more than the
    parse itself), and only the first bytes are checked for the two declarations
    libxml2 mishandles, an XHTML doctype and a self-closed <html/>.
    """
    try:
        return lxml.html.document_fromstring(_markup_bytes(text), parser=HTML_PARSER)
    except Exception:  # an empty document, or one libxml2 cannot make a tree of
        return None


def _markup_bytes(text: str) -> bytes:
    """The page as UTF-8 bytes libxml2 makes the right tree of (see parse_html)."""
    data = _XML_DECL.sub("", text, count=1).encode("utf-8", "replace")
    # Characters XML forbids; lxml refuses them as text later. In UTF-8 they are single
    # bytes that never occur inside a multi-byte sequence, so bytes.translate is exact.
    data = data.translate(None, _XML_INVALID_BYTES)
    if b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    first, newline, rest = data.partition(b"\n")
    if b"doctype" in first[:50].lower():
        data = _DOCTYPE.sub(b"", first, count=1) + newline + rest
    for line in data[:4096].splitlines()[:4]:
        if b"<html" in line and line.endswith(b"/>"):
            data = _SELF_CLOSED_HTML.sub(rb"\1>", data, count=1)
            break
    return data


# Never text: dropped before extraction so that trafilatura's many passes over the raw
# tree (XPath prunes, copies) walk a smaller tree. Its own cleaning deletes all of these
# too, but only after those passes; JSON-LD stays for its forum detection. <nav> stays:
# the whole-page fallback (html2txt) keeps its text, and dropping it gained under 3%.
# <form> stays: trafilatura keeps a form that holds the page (ASP.NET wraps everything).
DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "embed", "object", "canvas"}
    | {"aside", "footer"}
)
# Boilerplate trafilatura's own lists miss: consent dialogs and forum signatures.
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
# What a page tells its reader about the page itself ("This ad is no longer active"):
# ARIA status and alert regions, kept apart because trafilatura often drops a banner
# that sits outside the paragraphs it keeps.
NOTICE_ROLES = frozenset({"status", "alert"})
# The same banners without ARIA, named by their class ("alert alert-warning",
# "error-notice", "gm-empty", "pdp--unavailable"); a consent or newsletter box is not
# the page speaking of itself.
_NOTICE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:alert|notice|warning|error|empty|unavailable|inactive|notfound|expired"
    r"|removed|deleted|discontinued|not-for-sale|not-found"
    r"|no-(?:products|results|items)(?:-found)?)(?=$|[\s_-])"
)
_NOT_NOTICE_CLASS = re.compile(r"cookie|consent|gdpr|newsletter|subscribe|promo")
_find_notice_class = _NOTICE_CLASS.search  # bound once: called on every classed element
NOTICE_WORDS = 50  # a notice is a line or two; past this it is a region of content
NOTICES = 3
ALERT_PAGE_WORDS = 10  # a page this bare is its script's alert()


def prepare_tree(
    tree: HtmlElement, notices: list[str] | None = None, alerts: list[str] | None = None
) -> HtmlElement:
    """Normalise a parsed page so trafilatura's boilerplate rules can see it.

    Generic steps, each measured on the gold set (bench/read_quality.py): class and id
    are lower-cased, since trafilatura matches tokens such as "cookie" or "newsletter"
    case-sensitively and component frameworks emit "CookieBanner_x1"; consent dialogs,
    forum signatures and what is never text (see DROPPED_TAGS) are removed; and layout
    tables (a whole forum or an old portal built of nested tables) become divs, as
    browser reader modes treat them, so their cells are judged one by one instead of
    being kept or dropped as a single table. One pass in Python over the elements costs
    less than one XPath query over them; the same pass collects the visible status
    notices into ``notices`` and the messages of scripts' alert() calls into ``alerts``
    when lists are given.
    """
    doomed = []
    tables = []
    for el in tree.iter(etree.Element):
        tag = el.tag
        if tag in DROPPED_TAGS:
            if tag != "script" or (el.get("type") or "").strip().lower() != "application/ld+json":
                doomed.append(el)
            if tag == "script" and el.text:
                if alerts is not None and "alert(" in el.text:
                    alerts.extend(_alert_messages(el.text))
                if notices is not None and (
                    '"alertRenderer"' in el.text or '"playabilityStatus"' in el.text
                ):
                    notices.extend(_app_errors(el.text))
            continue
        if tag == "table":
            tables.append(el)
        attrib = el.attrib
        if not attrib:
            continue
        cls = attrib.get("class")
        if cls and not cls.islower():
            cls = cls.lower()
            attrib["class"] = cls
        ident = attrib.get("id")
        if ident and not ident.islower():
            ident = ident.lower()
            attrib["id"] = ident
        role = attrib.get("role")
        if (
            notices is not None
            and len(notices) < NOTICES
            and (
                role in NOTICE_ROLES
                or (
                    cls is not None
                    and _find_notice_class(cls) is not None
                    and _NOT_NOTICE_CLASS.search(cls) is None
                )
            )
            and (notice := _notice_text(el))
            and not (notices and notice in notices[-1])  # a banner's inner box again
        ):
            notices.append(notice)
        if (
            role in DIALOG_ROLES
            or attrib.get("aria-modal") == "true"
            or (cls and "signature" in cls)
            or (ident and "signature" in ident)
        ):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text
    for table in reversed(tables):
        if not is_data_table(table):
            for el in [table, *table.xpath("./*[not(self::caption)] | ./*/tr | ./*/tr/* | ./tr/*")]:
                el.tag = "div"
    return tree


_ALERT = re.compile(r"""\balert\(\s*(["'])((?:\\.|(?!\1)[^\\]){1,300})\1\s*\)""")


def _alert_messages(script: str) -> list[str]:
    """The string literals a script shows with alert(), escapes read ("\\n" a newline)."""
    return _said(
        re.sub(r"\\(.)", lambda e: "\n" if e.group(1) == "n" else e.group(1), m.group(2))
        for m in _ALERT.finditer(script)
    )


def _said(texts: Iterable[str]) -> list[str]:
    """The first NOTICES messages that say something, each on one line."""
    return [words for text in texts if (words := " ".join(text.split()))][:NOTICES]


# The error a video platform's inline data hands its player page, typed by the platform
# itself and shown where the channel or the video was: a channel's ERROR banner ("This
# account has been terminated…"), a video's playability ERROR or UNPLAYABLE and its
# reason ("This video has been removed…"; not LOGIN_REQUIRED: that video is there).
_APP_ERROR = re.compile(
    r'"alertRenderer"\s*:\s*\{\s*"type"\s*:\s*"ERROR"\s*,\s*"text"\s*:\s*\{\s*'
    r'"simpleText"\s*:\s*"((?:\\.|[^"\\]){1,300})"'
    r'|"playabilityStatus"\s*:\s*\{\s*"status"\s*:\s*"(?:ERROR|UNPLAYABLE)"\s*,\s*'
    # a few plain fields may come first ("playableInEmbed": false)
    r'(?:"\w+"\s*:\s*(?:true|false|null|-?\d+|"[^"\\]{0,80}")\s*,\s*){0,4}'
    r'"reason"\s*:\s*"((?:\\.|[^"\\]){1,300})"'
)


def _app_errors(script: str) -> list[str]:
    texts = []
    for m in _APP_ERROR.finditer(script):
        try:
            texts.append(json.loads(f'"{m.group(1) or m.group(2)}"'))
        except ValueError:  # a broken escape: the page's bug, not a reason to fail
            continue
    return _said(texts)


_HIDDEN_CLASS = re.compile(r"(?:^|[\s_-])(?:hidden|d-none|is-hidden|hide)(?:$|[\s_-])")


def _notice_text(el: HtmlElement) -> str:
    """A status region's words, or "" when it is hidden (a template the page's script
    shows only when needed says nothing of this page) or too long to be a notice."""
    attrib = el.attrib
    style = (attrib.get("style") or "").replace(" ", "").lower()
    if (
        "hidden" in attrib
        or attrib.get("aria-hidden") == "true"
        or "display:none" in style
        or _HIDDEN_CLASS.search(attrib.get("class") or "")
    ):
        return ""
    words = " ".join(el.itertext()).split()
    return " ".join(words) if 0 < len(words) <= NOTICE_WORDS else ""


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


# trafilatura's settings, each measured on the gold set (bench/read_speed.py --options):
# comments off (they are not the article); tables kept (data tables are content);
# fast=True skips the readability/jusText comparison, same F1 at 40% less time.
# Metadata is archiver's own (page_metadata), deduplication needs state across pages.
TRAFILATURA_OPTIONS: dict[str, object] = {
    "fast": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": False,
    "deduplicate": False,
}


# bare_extraction's keywords and the Extractor attributes they set.
_EXTRACTOR_KEYWORDS = {
    "fast": "fast",
    "include_comments": "comments",
    "include_tables": "tables",
    "with_metadata": "with_metadata",
    "deduplicate": "dedup",
    "favor_precision": "precision",
    "favor_recall": "recall",
}
_extractors: dict[tuple[tuple[str, object], ...], Extractor] = {}


def _extractor(url: str) -> Extractor:
    """trafilatura's settings object for one page, copied from one built per process.

    bare_extraction given keywords builds a new Extractor on every call, eight lookups in
    its ConfigParser and a date formatted: about 0.1 ms a page spent on the same answer.
    Keyed by the options, so bench/read_speed.py --options can still change them.
    """
    key = tuple(sorted(TRAFILATURA_OPTIONS.items()))
    proto = _extractors.get(key)
    if proto is None:
        settings = {_EXTRACTOR_KEYWORDS[k]: v for k, v in TRAFILATURA_OPTIONS.items()}
        proto = _extractors[key] = Extractor(output_format="python", **settings)  # type: ignore[arg-type]
    options = copy.copy(proto)
    options.url = options.source = url or None
    return options


# Elements that begin a line on screen. The whole-page fallback keeps a line per block, as
# trafilatura's main text does: html2txt gives the page as one line, and then a page's menus
# cannot be told from its message (by what it shares with the host's random-path page) nor
# one of its sentences quoted: a news front read that way opened with "Skip to main content
# Local news … Missing teenager found safe … closes its doors", and read as a notice.
LINE_TAGS = frozenset(
    {"address", "article", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt"}
    | {"fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section"}
    | {"summary", "table", "tr", "ul"}
)


def whole_page_text(tree: HtmlElement) -> str:
    """The text of the whole body, a line per block, for a page whose main text was not
    found (trafilatura's own cleaning first: what it never counts as text stays out)."""
    body = tree.find(".//body")
    if body is None:
        return _tidy(html2txt(tree) or "")
    body = copy.deepcopy(body)
    basic_cleaning(body)
    try:
        for elem in body.iter(*LINE_TAGS):
            elem.text = "\n" + elem.text if elem.text else "\n"
            elem.tail = "\n" + elem.tail if elem.tail else "\n"
    except ValueError:  # a character lxml will not take back in: the one-line reading
        return _tidy(html2txt(tree) or "")
    lines = (" ".join(line.split()) for line in body.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _extract(tree: HtmlElement, url: str) -> Document | None:
    """trafilatura's main text of a prepared tree (it works on a copy of its own)."""
    try:
        return bare_extraction(tree, options=_extractor(url))  # type: ignore[return-value]
    except Exception:  # a bug on one page's markup must not stop a worker; html2txt follows
        return None


def _base_url(head: Head, url: str) -> str:
    try:
        return urljoin(url, head.base) if head.base else url
    except ValueError:
        return url


def outlinks(tree: HtmlElement, base: str) -> list[str]:
    """Absolute http(s) targets of the page's links, in page order, once each.

    Read from the lxml tree already parsed for trafilatura: the links are in the body,
    and a BeautifulSoup parse of the body would cost as much as the whole extraction
    (about 5.7 ms on a 70 KB page), doubling the reader's time.
    """
    seen: set[str] = set()
    out: list[str] = []
    own = urldefrag(base)[0]
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""
    for href in tree.xpath("//a/@href | //area/@href"):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        if href.startswith(("https://", "http://")):
            absolute = href.partition("#")[0]  # the common case, without urljoin's cost
        elif origin and (absolute := _join_root_relative(origin, href)):
            pass
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


def _join_root_relative(origin: str, href: str) -> str:
    """``urljoin`` for the plain "/path?query" links that make up most of a page, by
    concatenation; "" for anything urljoin would rewrite (dot segments, a bare "?", ";"
    parameters, control characters, "//host"), which then takes the slow road."""
    path = href.partition("#")[0]
    if (
        not path.startswith("/")
        or path.startswith("//")
        or "/." in path
        or ";" in path
        or path.endswith("?")
        or not path.isprintable()
    ):
        return ""
    return origin + path


def _canonical(head: Head, base: str) -> str:
    """<link rel=canonical>, else og:url, made absolute."""
    for href in (head.canonical, head.metas.get("og:url", "")):
        if href:
            try:
                return urljoin(base, href)
            except ValueError:
                continue
    return ""


def _language(head: Head, headers: list[tuple[str, str]], declared: str = "") -> str:
    """The declared language, primary subtag only ("en-GB" → "en")."""
    candidates = [
        head.lang,
        head.content_language,
        header_value(headers, "content-language"),
        head.metas.get("og:locale", ""),
        declared,
    ]
    for value in candidates:
        tag = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
        if tag.isalpha() and 2 <= len(tag) <= 3:
            return tag
    return ""


_NOT_TEXT_TAGS = frozenset({"script", "style", "template"})


def _with_heading_block(text: str, tree: HtmlElement) -> str:
    """A short extraction with the lines that stand under the page's heading put first,
    when it has none of them.

    On a page left with its heading and one line under it ("Ten artykuł nie jest już
    dostępny."), trafilatura may judge that block too small to be the main text and keep
    the cookie box and the footer instead: the one line that says what became of the page
    is then lost to every reader of the text. An article's body under its heading is
    longer than a notice and is what trafilatura keeps, so only a few lines are added.
    """
    heading = tree.find(".//body//h1")
    if heading is None:
        return text
    lines: list[str] = []
    words = 0
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in _NOT_TEXT_TAGS:
            continue
        # itertext, not text_content: "<strong>no longer available</strong>We don't…"
        # would join two sentences into one word
        line = " ".join(" ".join(sibling.itertext()).split())
        if not line:
            continue
        words += len(line.split())
        if words > HEADING_BLOCK_WORDS:
            return text
        lines.append(line)
    # trafilatura breaks a block's inline parts onto lines of their own and may join two
    # sentences: the lines are looked for with no whitespace on either side
    squeezed = "".join(text.split())
    if not lines or any("".join(line.split()) in squeezed for line in lines):
        return text
    return "\n".join(lines) + ("\n" + text if text else "")


def _with_title(text: str, title: str) -> str:
    """The headline belongs to the article a reader sees, though it usually sits outside
    the body container trafilatura picks; without it a changed headline is no drift."""
    if not title or not text or text[: len(title) + 40].find(title) >= 0:
        return text
    return f"{title}\n{text}"


# Whitespace other than the space and the newline, as str.split sees it: _tidy removes
# every one. The ASCII ones alone are looked for in an ASCII text.
_OTHER_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_OTHER_SPACE_ASCII = "".join(c for c in _OTHER_SPACE if c.isascii())


def _is_tidy(text: str) -> bool:
    """Whether _tidy would return ``text`` unchanged: single spaces between words, no
    space at either end of a line, no run of blank lines, nothing to strip. trafilatura's
    own output nearly always is, and a few substring scans (in C, about 0.2 ms on a 60 KB
    article) cost less than splitting and joining every line (0.5 ms)."""
    if "  " in text or " \n" in text or "\n " in text or "\n\n\n" in text:
        return False
    if text[:1].isspace() or text[-1:].isspace():
        return False
    others = _OTHER_SPACE_ASCII if text.isascii() else _OTHER_SPACE
    return not any(c in text for c in others)


def _tidy(text: str) -> str:
    """Whitespace runs within a line become one space, lines are trimmed, and at most one
    blank line separates paragraphs. str.split does the work in C: a regex substitution
    per line cost 2 ms on a 60 KB article."""
    if _is_tidy(text):
        return text
    lines = (" ".join(line.split()) for line in text.replace("\r", "").split("\n"))
    text = "\n".join(lines)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


# --------------------------------------------------------------------------- metadata
# What the <head> declares comes from BeautifulSoup over the head's text (head_metadata);
# the body's evidence (microdata <meta>, JSON-LD, <h1>, <time>, bylines) from the lxml tree
# already parsed, then the URL. trafilatura's metadata search (htmldate, author heuristics
# on a copied tree) cost as much as a quarter of each page and found no more on the gold set.

# Where the head is sought: a head larger than this is mostly inline CSS or scripts, and
# what it declares after that point is lost rather than paying for a parse of the page.
HEAD_CAP = 64 * 1024
_HEAD_END = re.compile(r"</head\s*>|<body[\s>/]", re.IGNORECASE)


@dataclass
class Head:
    """What a page declares about itself in its <head>, entities decoded."""

    metas: dict[str, str] = field(default_factory=dict)  # name/property/itemprop → content
    title: str = ""  # <title>, whitespace collapsed
    canonical: str = ""  # <link rel=canonical> href, as written
    base: str = ""  # <base href>, as written
    lang: str = ""  # <html lang> or xml:lang
    content_language: str = ""  # <meta http-equiv=content-language>
    json_ld: list[object] = field(default_factory=list)  # the head's JSON-LD blocks, parsed


def head_metadata(text: str) -> Head:
    """The page's <head>, read with BeautifulSoup from the decoded text.

    Only the text up to the first ``</head>`` (or the first ``<body`` when the end tag is
    omitted) is parsed, at most HEAD_CAP characters: on a typical 5 KB head 0.25 ms alone
    and 0.45 ms inside the reader (caches and the garbage collector are shared with the
    extraction), where BeautifulSoup over the whole page costs 5.7 ms, as much as the
    text extraction (a SoupStrainer saves nothing, the tokenising is the cost). A page
    with neither tag is read up to the cap, so a <title> in a bare fragment is still found.
    """
    match = _HEAD_END.search(text, 0, HEAD_CAP + 16)
    end = match.start() if match and match.start() <= HEAD_CAP else HEAD_CAP
    # Without the XML declaration BeautifulSoup does not warn that XHTML looks like XML.
    markup = _XML_DECL.sub("", text[:end], count=1)
    head = Head()
    if "<" not in markup:  # no tags; BeautifulSoup would also warn that it looks like a URL
        return head
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:  # a parser failure on one page must not stop a worker
        return head
    for tag in soup.descendants:  # one walk: find_all and soup.html cost a walk each
        if not isinstance(tag, Tag):
            continue
        name = tag.name
        if name == "html":
            head.lang = head.lang or _attr(tag, "lang") or _attr(tag, "xml:lang")
        elif name == "meta":
            _add_meta(head.metas, tag)
            equiv = _attr(tag, "http-equiv").lower()
            if equiv == "content-language" and not head.content_language:
                head.content_language = _attr(tag, "content")
        elif name == "link":
            if not head.canonical and "canonical" in _attr(tag, "rel").lower().split():
                head.canonical = _attr(tag, "href")
        elif name == "title":
            if not head.title:
                head.title = " ".join(tag.get_text().split())
        elif name == "base":
            head.base = head.base or _attr(tag, "href")
        elif name == "script" and _attr(tag, "type").lower() == "application/ld+json":
            block = _json_block(tag.string or "")
            if block is not None:
                head.json_ld.append(block)
    return head


def _attr(tag: Tag, name: str) -> str:
    """An attribute of a BeautifulSoup tag as a stripped string ("" when absent)."""
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() if value else ""


def _add_meta(metas: dict[str, str], el: Tag | HtmlElement) -> None:
    """Record a <meta> under each of its keys; the first tag of a key wins, except
    citation_author, one tag per author."""
    content = el.get("content")
    if not content or not isinstance(content, str) or not content.strip():
        return
    content = content.strip()
    for attr in ("property", "name", "itemprop"):
        key = el.get(attr)
        if key and isinstance(key, str):
            key = key.strip().lower()
            if key not in metas:
                metas[key] = content
            elif key == "citation_author":
                metas[key] += "; " + content


def _json_block(text: str) -> object | None:
    try:
        return json.loads(text, strict=False) if text.strip() else None
    except ValueError:
        return None


@dataclass
class PageMeta:
    """What a page says about itself: headline, author, publication date, language."""

    title: str = ""
    author: str = ""
    date: str = ""  # YYYY-MM-DD
    language: str = ""  # as declared in JSON-LD; the <html lang> wins in read_html
    declares: str = ""  # an article, a product, a video...: see _declared
    summary: str = ""  # the description shown in link previews


_META_TITLE = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "headline",
)
_META_AUTHOR = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "parsely-author",
    "sailthru.author",
    "creator",
)
_META_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "datecreated",
)
_META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
# schema.org types whose headline, author and date are the page's own.
_ARTICLE_TYPE = re.compile(r"(?:Article|Posting|Report|BlogPosting|Review|Recipe)$")
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "QAPage", "AboutPage", "ProfilePage"})
# Bylines and datelines are found by class or id, in any case; inside comment threads
# they belong to the commenters.
_BYLINE_WORDS = ("byline", "author")
_DATELINE_WORDS = ("date", "time", "posted", "published", "byline")
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|words|text|story)\s+)?(?:by|von|par|por|door|di|"
    r"автор|авторы|текст)\s*:?\s+|^(?:author|autor|auteur|автор)\s*:\s*",
    re.IGNORECASE,
)
_BY_END = re.compile(r"\s*(?:[|•·,;/(]|\s[-–—]\s|\bon\s+\w+day\b|\bupdated\b|\d).*$", re.I | re.S)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—•·»«:/~-]{1,2}\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)")

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar jän janvier janv enero ene gennaio januari janeiro января январь",
        "february feb februar février fevrier févr fevr febrero febbraio februari fevereiro "
        "февраля февраль",
        "march mar märz maerz mär mars marzo maart março марта март",
        "april apr avril avr abril aprile апреля апрель",
        "may mai mayo maggio mei maio мая май",
        "june jun juni juin junio giugno junho июня июнь",
        "july jul juli juillet juil julio luglio julho июля июль",
        "august aug août aout agosto augustus авг августа август",
        "september sep sept septembre septiembre setiembre settembre setembro сентября сентябрь",
        "october oct oktober octobre octubre ottobre outubro okt октября октябрь",
        "november nov novembre noviembre novembro ноября ноябрь",
        "december dec dezember dez décembre decembre déc dic diciembre dicembre dezembro "
        "декабря декабрь",
    ),
    1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|T|\d{4,6}\b)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")


def parse_date(value: str) -> str:
    """The first calendar date written in ``value``, as YYYY-MM-DD; "" when there is none.

    Covers what pages write: ISO 8601 and its relatives, compact 20240131, 31.01.2024,
    01/31/2024 (month first unless impossible), "31 January 2024", "January 31st, 2024"
    and month names in the languages archivists meet most.
    """
    value = value.strip()
    if not value:
        return ""
    candidates: list[tuple[int, int, int]] = []
    match = _ISO_DATE.search(value) or _COMPACT_DATE.match(value)
    if match:
        candidates.append((int(match[1]), int(match[2]), int(match[3])))
    match = _NUMERIC_DATE.search(value)
    if match and not candidates:
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if match[2] == "/":
            candidates += [(year, first, second), (year, second, first)]
        else:
            candidates.append((year, second, first))
    if not candidates:
        lowered = value.lower()
        for match in _DAY_MONTH_YEAR.finditer(lowered):
            month = _MONTHS.get(match[2])
            if month:
                candidates.append((int(match[3]), month, int(match[1])))
                break
        for match in _MONTH_DAY_YEAR.finditer(lowered):
            month = _MONTHS.get(match[1])
            if month:
                candidates.append((int(match[3]), month, int(match[2])))
                break
    for year, month, day in candidates:
        if 1900 <= year <= 2100:
            try:
                return datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
    return ""


def page_metadata(tree: HtmlElement, head: Head, url: str = "") -> PageMeta:
    """Title, author, date and JSON-LD language of a parsed page, cheapest sources first.

    ``head`` is head_metadata of the page's text; the body's <meta> (microdata) and
    JSON-LD come from the tree and count only where the head says nothing.
    """
    body = tree.find("body")
    metas = head.metas
    if body is not None:
        body_metas: dict[str, str] = {}
        for el in body.iter("meta"):
            _add_meta(body_metas, el)
        if body_metas:
            metas = {**body_metas, **head.metas}
    ld = _json_ld(itertools.chain(head.json_ld, _body_json_ld(body)))
    return PageMeta(
        title=_title(tree, head, metas, ld),
        author=_author(tree, metas, ld),
        date=_date(tree, metas, ld, url),
        language=_ld_text(ld.get("inLanguage")),
        declares=_declared(metas, ld, head.json_ld),
        summary=_summary(metas),
    )


# An app's data saying the page is missing: Next.js renders "/_error", others keep the
# status of the request that failed in the state they hand to the browser.
_STATE_ERROR = re.compile(
    r"(?:\"\w*(?:status|code)\"|\b\w*(?:status|code))\s*:\s*"
    r"\"?(?:404|410|not[_ ]?found|notfound|gone)\b\"?|\"page\"\s*:\s*\"/(?:_error|404)\"",
    re.IGNORECASE,
)
# Data handed to the browser, not code: a JSON script (Next.js's __NEXT_DATA__) or an
# assignment of state (window.__NUXT__ = ..., window.__INITIAL_STATE__ = ...). Code
# may name 404 anywhere (an error handler on every page).
_STATE_SCRIPT = re.compile(r"\s*(?:window|self|globalThis)?\.?\[?[\"']?__\w+")
STATE_SCAN = 200_000  # characters of one script looked at


def app_state(tree: HtmlElement) -> str:
    """What the inline data of a script-built page says of its status ('"statusCode":
    404'), or "". A page built in the browser shows no text to read without scripts, but
    the data it was built from says whether the item was found, in no language."""
    for script in tree.iter("script"):
        text = script.text
        if script.get("src") or not text:
            continue
        kind = (script.get("type") or "").lower()
        data = ("json" in kind and "ld+json" not in kind) or _STATE_SCRIPT.match(text)
        if not data:
            continue
        found = _STATE_ERROR.search(text, 0, STATE_SCAN)
        if found:
            return " ".join(found.group(0).split())[:60]
    return ""


# What pages of content say they are; error and landing pages say "website" or nothing.
_CONTENT_OG = re.compile(r"article|product|video\.\w+|music\.\w+|book|books\.book")
_CONTENT_LD = re.compile(
    rf"{_ARTICLE_TYPE.pattern}|(?:Product|VideoObject|PodcastEpisode|MusicRecording|Event"
    r"|Book|Movie|Dataset|SoftwareApplication|Course|Vehicle|Car|RealEstateListing"
    r"|Photograph|ImageObject|Thesis|Legislation)$"
)


def _declared(metas: dict[str, str], ld: dict, head_ld: list[object]) -> str:
    """The kind of content the page declares itself to be, or "".

    Templates of error and removed-item pages declare a website or nothing; a page that
    states it is an article, a product or a video, or gives its publication time, is
    saying it has that content, which weighs against evidence that needs no wording.
    """
    og = metas.get("og:type", "").strip().lower()
    if _CONTENT_OG.fullmatch(og):
        return og
    for item in [ld, *_ld_items(head_ld)]:
        types = item.get("@type")
        for kind in types if isinstance(types, list) else [types]:
            if isinstance(kind, str) and _CONTENT_LD.search(kind):
                return kind
    if metas.get("article:published_time") or metas.get("datepublished"):
        return "article"
    return ""


def _ld_items(blocks: Iterable[object]) -> Iterator[dict]:
    """Every object of the JSON-LD blocks, @graph and mainEntity included, each block
    breadth first: its top object before what it holds. Blocks are taken one at a time,
    so the body's are parsed only when the head's hold nothing wanted."""
    for data in blocks:
        queue = collections.deque([data])
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                yield item
                for key in ("@graph", "mainEntity"):
                    if isinstance(item.get(key), (list, dict)):
                        queue.append(item[key])


def _body_json_ld(body: HtmlElement | None) -> Iterator[object]:
    """The body's JSON-LD blocks, parsed lazily: most pages state their article in the head."""
    if body is None:
        return
    for script in body.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            block = _json_block(script.text)
            if block is not None:
                yield block


def _json_ld(blocks: Iterable[object]) -> dict:
    """The page's own object among its JSON-LD blocks: an article if there is one."""
    found: dict | None = None
    for item in _ld_items(blocks):
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        types = [t for t in types if isinstance(t, str)]
        if any(_ARTICLE_TYPE.search(t) for t in types):
            return item
        if found is None and any(t in _PAGE_TYPES for t in types):
            found = item
    return found or {}


def _ld_text(value: object) -> str:
    """A JSON-LD value that should be a string, or a name inside an object or list."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        if value.get("@type") == "Organization":
            return ""
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        return "; ".join(dict.fromkeys(t for t in map(_ld_text, value) if t))
    return ""


def _clean_title(value: str) -> str:
    # Sphinx and similar put a permalink sign in every heading.
    return " ".join(value.split()).rstrip("¶§#🔗 ").strip()


def _title(tree: HtmlElement, head: Head, metas: dict[str, str], ld: dict) -> str:
    for key in _META_TITLE:
        if metas.get(key):
            return _clean_title(metas[key])
    if title := _ld_text(ld.get("headline")):
        return _clean_title(title)
    headings = tree.findall(".//h1")
    page_title = _clean_title(head.title)
    parts = [p for p in _TITLE_SEPARATOR.split(page_title) if p]
    # the one <h1>, unless it is the site's name in the banner, a later part of the
    # <title> ("145/2023. Kt. határozat - Füzesvár Város Önkormányzata")
    if (
        len(headings) == 1
        and (title := _clean_title(headings[0].text_content()))
        and title.casefold() not in {p.strip().casefold() for p in parts[1:]}
    ):
        return title
    if len(parts) > 1:
        # The site's name is usually the shorter part, most often the last.
        first = parts[0]
        longest = max(parts, key=len)
        return first if len(first.split()) >= 3 or first == longest else longest
    if page_title:
        return page_title
    for heading in headings:
        if title := _clean_title(heading.text_content()):
            return title
    return ""


_META_SUMMARY = ("og:description", "twitter:description", "description")


def _summary(metas: dict[str, str]) -> str:
    """The page's description for link previews, whitespace collapsed.

    Where a post's text is missing, a platform fills it with its channel's or site's
    description: the one difference between a deleted post and its channel's page.
    """
    for key in _META_SUMMARY:
        if metas.get(key):
            return " ".join(metas[key].split())
    return ""


def _author(tree: HtmlElement, metas: dict[str, str], ld: dict) -> str:
    if author := _ld_text(ld.get("author")):
        return author
    for key in _META_AUTHOR:
        value = metas.get(key, "")
        if value and not value.startswith(("http://", "https://", "@")) and "@" not in value:
            return " ".join(value.split())
    for el in _marked(tree, _BYLINE_WORDS, author=True):
        if el.tag in ("link", "meta", "input", "label") or _in_comments(el):
            continue
        name = _byline_name(el.text_content())
        if name:
            return name
    return ""


def _marked(
    tree: HtmlElement, words: tuple[str, ...], author: bool = False
) -> Iterator[HtmlElement]:
    """Elements whose class or id holds one of ``words``, in page order, lazily: a Python
    walk that stops at the first useful hit beats an XPath with translate() over every
    element."""
    for el in tree.iter(etree.Element):
        attrib = el.attrib
        if not attrib:
            continue
        if author and (attrib.get("rel") == "author" or attrib.get("itemprop") == "author"):
            yield el
            continue
        marks = f"{attrib.get('class', '')} {attrib.get('id', '')}".lower()
        if any(word in marks for word in words):
            yield el


def _byline_name(text: str) -> str:
    """ "By Jane Doe, 3 May 2024 | Updated" -> "Jane Doe"; "" when it is not a name."""
    text = " ".join(text.split())
    text = _BY_END.sub("", _BY_PREFIX.sub("", text)).strip(" .:")
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 60:
        return ""
    if not all(
        w[:1].isupper() or w.lower() in ("de", "van", "von", "der", "da", "le") for w in words
    ):
        return ""
    return text


def _date(tree: HtmlElement, metas: dict[str, str], ld: dict, url: str) -> str:
    for key in ("datePublished", "dateCreated", "uploadDate"):
        if date := parse_date(_ld_text(ld.get(key))):
            return date
    for key in _META_PUBLISHED:
        if date := parse_date(metas.get(key, "")):
            return date
    times = [el for el in tree.iter("time") if not _in_comments(el)]
    # A <time> marked as the publication date, then the first one on the page.
    marked = [
        el
        for el in times
        if el.get("pubdate") is not None
        or el.get("itemprop") == "datePublished"
        or any(w in (el.get("class") or "") for w in ("published", "entry-date", "pubdate"))
    ]
    for el in marked + times:
        if date := parse_date(el.get("datetime") or el.text_content()):
            return date
    for tried, el in enumerate(_marked(tree, _DATELINE_WORDS)):
        if tried >= 20:
            break
        if el.tag in ("meta", "link", "script", "style") or _in_comments(el):
            continue
        if date := parse_date(el.text_content()[:200]):
            return date
    match = _URL_DATE.search(urlsplit(url).path if url else "")
    if match and (date := parse_date("-".join(match.groups()))):
        return date
    if date := parse_date(_ld_text(ld.get("dateModified"))):
        return date
    for key in _META_MODIFIED:
        if date := parse_date(metas.get(key, "")):
            return date
    return ""


def _in_comments(el: HtmlElement) -> bool:
    """Whether an element sits in a comment thread."""
    for node in el.iterancestors():
        if "comment" in f"{node.get('class')} {node.get('id')}".lower():
            return True
    return False


# --------------------------------------------------------------------------- other types


def read_text(payload: bytes, headers: list[tuple[str, str]]) -> Readable:
    """Plain text is its own readable text; only its charset needs deciding."""
    text, charset = decode_text(payload, headers, html=False)
    return Readable(text=text.strip(), charset=charset, kind="text")


def read_xml(payload: bytes) -> Readable:
    """The text of an XML document, one element's text a line; no entity or DTD is
    loaded (an XML body from a hostile server must not read local files)."""
    try:
        root = etree.fromstring(payload, parser=XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return Readable(kind="none", note="XML that could not be parsed")
    lines = (" ".join(t.split()) for t in root.itertext())
    return Readable(text="\n".join(line for line in lines if line), kind="text")


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
