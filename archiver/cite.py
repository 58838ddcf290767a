"""Citations: every URL a text cites, repaired and canonical, with where it was cited.

This is the first stage of the pipeline. It reads plain text, Markdown and HTML, and
hands on Links (one per canonical URL, remembering every place it was cited) and the
two files a person or the next stage reads: links.txt (wget -i readable) and JSON.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, fields
from pathlib import Path

from charset_normalizer import from_bytes

from archiver.cite_html import extract_html
from archiver.cite_text import Scanner
from archiver.model import Citation, Link
from archiver.urls import canonicalize, is_fetchable

KINDS = ("text", "markdown", "html")
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".text": "text",
}
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAGS = re.compile(r"<(?:a|p|div|br|span|li|td|img)\b[^>]*>", re.I)
_MD_SNIFF = re.compile(
    r"\]\(<?https?://|^#{1,6}\s+\S|^\s{0,3}\[[^\]]+\]:\s*\S|<https?://[^>\s]+>", re.M | re.I
)


class CiteError(Exception):
    """An input that cannot be read: the message is one line, ready for a person."""


def sniff(text: str) -> str:
    """Guess the kind of a text from its first 64 kB: "html", "markdown" or "text"."""
    head = text[:65536]
    if _HTML_SNIFF.search(head[:4096]) or len(_HTML_TAGS.findall(head, 0, 8192)) >= 3:
        return "html"
    if _MD_SNIFF.search(head):
        return "markdown"
    return "text"


def kind_of(path: str, text: str) -> str:
    """By extension when it says, otherwise by content."""
    return _EXTENSIONS.get(Path(path).suffix.lower()) or sniff(text)


def extract(text: str, source: str = "-", kind: str | None = None) -> list[Citation]:
    """Every citation in ``text``, in the order they stand; ``source`` names the file."""
    if kind is None:
        kind = sniff(text)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    if "\r" in text:  # one line break per line, whatever the platform wrote
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "html":
        return extract_html(text, source)
    return [c for _, c in Scanner(text, source, kind).scan()]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it is; otherwise the most plausible charset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("latin-1")


def read_text(path: str) -> str:
    """The decoded content of a file ("-" is standard input); CiteError when unreadable."""
    if path == "-":
        return decode(sys.stdin.buffer.read())
    p = Path(path)
    if p.is_dir():
        raise CiteError(f"{path}: is a directory, not a text")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise CiteError(f"{path}: no such file") from None
    except OSError as exc:
        raise CiteError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data)


def extract_file(path: str, kind: str | None = None) -> list[Citation]:
    """The citations of one file, its kind taken from the extension or the content."""
    text = read_text(path)
    return extract(text, path, kind or kind_of(path, text))


def collect(citations: list[Citation]) -> list[Link]:
    """One Link per canonical URL, in first-cited order, holding every citation of it."""
    links: dict[str, Link] = {}
    for c in citations:
        link = links.get(c.url)
        if link is None:
            links[c.url] = link = Link(c.url)
        link.citations.append(c)
    return list(links.values())


def extract_files(paths: list[str], kind: str | None = None) -> list[Link]:
    """The links all the files cite, de-duplicated across files in first-cited order."""
    citations: list[Citation] = []
    for path in paths:
        citations.extend(extract_file(path, kind))
    return collect(citations)


def to_links_txt(links: list[Link]) -> str:
    """links.txt: each URL under a comment naming where it was cited and what was repaired.

    Only comment lines, blank lines and URLs, so wget -i and a person can both read it.
    """
    out: list[str] = []
    for link in links:
        places = list(dict.fromkeys(f"{c.source}:{c.line}" for c in link.citations))
        if places:
            out.append("# cited in " + ", ".join(places))
        for note in dict.fromkeys(n for c in link.citations for n in c.repairs):
            out.append("# repaired: " + " ".join(note.split()))
        out.append(link.url)
        out.append("")
    return "\n".join(out)


def to_json(links: list[Link]) -> str:
    """Every link with every citation in full: provenance, context and repairs."""
    data = [{"url": link.url, "citations": [asdict(c) for c in link.citations]} for link in links]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CITATION_FIELDS = {f.name for f in fields(Citation)}
_REQUIRED = {"url", "written", "source", "line", "column"}


def _from_json(path: str, text: str) -> list[Link]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CiteError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if isinstance(data, dict):
        data = data.get("links", data.get("citations"))
    if not isinstance(data, list):
        raise CiteError(f"{path}: expected a JSON list of links")
    links: list[Link] = []
    for i, item in enumerate(data, 1):
        url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else None
        if not isinstance(url, str) or not is_fetchable(url):
            raise CiteError(f"{path}: entry {i}: not an http(s) URL: {url!r}")
        citations: list[Citation] = []
        raw = item.get("citations", []) if isinstance(item, dict) else []
        for c in raw if isinstance(raw, list) else []:
            if (
                not isinstance(c, dict)
                or not {"url", "written", "source", "line", "column"} <= c.keys()
            ):
                raise CiteError(f"{path}: entry {i}: malformed citation")
            values = {k: v for k, v in c.items() if k in _CITATION_FIELDS}
            values["repairs"] = tuple(values.get("repairs", ()))
            citations.append(Citation(**values))
        links.append(Link(canonicalize(url), citations))
    return links


def _from_txt(path: str, text: str) -> list[Link]:
    links: list[Link] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = re.split(r"\s+#", line, maxsplit=1)[0].strip()  # "URL  # note"
        if any(c.isspace() for c in url) or not (
            re.match(r"(?:https?://|www\.)", url, re.I) and is_fetchable(url)
        ):
            raise CiteError(f"{path}:{number}: not an http(s) URL: {line[:80]!r}")
        links.append(Link(canonicalize(url)))
    return links


def read_links(path: str) -> list[Link]:
    """The links of a links.txt or of a JSON citations file (as to_json writes it).

    URLs are canonicalised and duplicates merged, so a hand-edited file works too.
    """
    text = read_text(path)
    stripped = text.lstrip()
    links = _from_json(path, text) if stripped[:1] in ("[", "{") else _from_txt(path, text)
    merged: dict[str, Link] = {}
    for link in links:
        if link.url in merged:
            merged[link.url].citations.extend(link.citations)
        else:
            merged[link.url] = link
    return list(merged.values())
