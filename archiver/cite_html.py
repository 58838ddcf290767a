"""Citations in HTML: the links its elements point to and the URLs its visible text shows.

Rather than parse into a tree and lose where things stood, the tags are blanked out of a
copy of the page, same length, same line breaks; the plain-text scanner then reads the
visible text with exact lines and columns, and the attributes are read from the tags
themselves. A URL in the text of a link to that same URL counts once.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import replace
from urllib.parse import urljoin

from archiver.cite_text import Scanner, citation
from archiver.model import Citation
from archiver.urls import canonicalize

_TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|template)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</\1\s*>|\Z)"
    r"|<![^>]*>?|<\?[^>]*>?"
    r"|</?([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I,
)
_ATTR_RE = re.compile(
    r"[\s\"'/]([A-Za-z_:][-\w:.]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>`]+))"
)
# Elements whose attribute cites something a reader follows or sees. <link>, <script>
# and <meta> point at the page's own machinery, not at sources, and are left out.
CITING = {
    "a": "href",
    "area": "href",
    "blockquote": "cite",
    "q": "cite",
    "ins": "cite",
    "del": "cite",
    "img": "src",
    "iframe": "src",
    "embed": "src",
    "video": "src",
    "audio": "src",
    "source": "src",
}
# Tags that break the flow of text: a sentence (and a URL) cannot run across them.
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
        "option",
        "select",
    ]
)


class _Lines:
    """Offset → (line, column) by binary search: attributes and text come interleaved."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i] + 1


def _blank(tag: str, char: str) -> str:
    return "".join("\n" if c == "\n" else char for c in tag)


def extract_html(text: str, source: str) -> list[Citation]:
    """Every citation in an HTML document, in document order."""
    masked: list[str] = []
    found: list[tuple[int, Citation]] = []
    anchors: list[tuple[int, int, str]] = []  # (start, end, canonical href) of <a> elements
    open_a: tuple[int, str] | None = None
    base: str | None = None
    lines = _Lines(text)
    pending: list[tuple[int, str, str]] = []  # (offset, raw value, element) until base known
    last = 0
    for m in _TAG_RE.finditer(text):
        masked.append(text[last : m.start()])
        last = m.end()
        tag = m.group(0)
        name = (m.group(2) or "").lower()
        closing = tag.startswith("</")
        if name == "wbr":
            masked.append(_blank(tag, "\u200b"))  # a break opportunity inside a word or URL
            continue
        block = m.group(1) or tag.startswith("<!") or name in _BLOCK
        masked.append("\x00" + _blank(tag[1:], " ") if block else _blank(tag, " "))
        if not name:
            continue
        if name == "a" and closing:
            if open_a is not None:
                anchors.append((open_a[0], m.start(), open_a[1]))
                open_a = None
            continue
        if closing:
            continue
        for attr in _ATTR_RE.finditer(tag):
            key = attr.group(1).lower()
            value = next(v for v in attr.group(2, 3, 4) if v is not None)
            offset = m.start() + attr.start(attr.lastindex or 2)
            if name == "base" and key == "href" and base is None:
                base = html.unescape(value).strip()
            elif CITING.get(name) == key:
                pending.append((offset, value, name))
                if name == "a":
                    open_a = (m.end(), value)
    masked.append(text[last:])
    plain = "".join(masked)

    resolved_anchors = []
    for a_start, a_end, value in anchors:
        url = _absolute(html.unescape(value).strip(), base)[0]
        if url:
            resolved_anchors.append((a_start, a_end, canonicalize(url)))
    for offset, value, _element in pending:
        cite = _attribute(plain, source, lines, offset, value, base)
        if cite is not None:
            found.append((offset, cite))
    for offset, cite in Scanner(plain, source, "html", raw=text).scan():
        if any(s <= offset < e and url == cite.url for s, e, url in resolved_anchors):
            continue
        found.append((offset, cite))
    found.sort(key=lambda item: item[0])
    return [replace(c, context=html.unescape(c.context)) for _, c in found]


def _absolute(value: str, base: str | None) -> tuple[str | None, list[str]]:
    """The absolute http(s) URL an attribute points to, with the notes of what it took."""
    notes: list[str] = []
    if any(c in value for c in "\t\n\r"):
        value = value.replace("\n", "").replace("\t", "").replace("\r", "")
        notes.append("removed line breaks inside the attribute")
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme in ("http", "https"):
        return value, notes
    if scheme and re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme):
        return None, notes  # mailto:, javascript:, data:, ...
    if value.startswith("#") or not value:
        return None, notes  # a place in this same page
    if base and base.split(":", 1)[0].lower() in ("http", "https"):
        notes.append(f"resolved against <base href={base}>")
        return urljoin(base, value), notes
    if value.startswith("//"):
        notes.append("protocol-relative: https: assumed")
        return "https:" + value, notes
    return None, notes  # relative, and nothing to resolve it against


def _attribute(
    plain: str, source: str, lines: _Lines, offset: int, value: str, base: str | None
) -> Citation | None:
    url, notes = _absolute(html.unescape(value).strip(), base)
    if url is None:
        return None
    line, column = lines.at(offset)
    return citation(plain, source, line, column, offset, offset, url, notes, value)
