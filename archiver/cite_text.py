"""Finding URLs in running text the way a careful reader would.

One compiled pattern finds every candidate in a single pass; the few characters around
each hit then decide what a reader would decide: which trailing marks belong to the
sentence, whether a URL cut by a space or a line break goes on in the next word, and
what sentence it sits in. Markdown and HTML reuse this scanner (HTML on a copy with its
tags blanked out), so the rules live in one place.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from archiver.model import Citation
from archiver.urls import canonicalize, fetchable_canonical, strip_tracking

# Characters that end a URL in prose: whitespace, ASCII a URI cannot hold, brackets a
# URL rarely carries unencoded, and the quotation marks and CJK punctuation of the
# languages we read. Everything else, non-ASCII letters included, may be part of an IRI.
_STOP = '\\s"<>\\\\^`{|}\\[\\]\\x00-\\x1f\\x7f«»“”„‹›「」『』【】〈〉《》〔〕，。、；：！？（）'
_BODY = f"[^{_STOP}]"
# Written so the first character is a plain class: the engine then skips ahead fast.
_START = r"[hHwW](?:(?<=[hH])[tT][tT][pP][sS]?://(?:\[[0-9A-Fa-f:.]+\])?|(?<=[wW])[wW][wW]\.)"
URL_RE = re.compile(f"{_START}{_BODY}*")
# Markdown lets a backslash escape punctuation inside a URL ("a\_b" is "a_b").
MD_URL_RE = re.compile(f"{_START}(?:{_BODY}|\\\\[!-/:-@\\[-`{{-~])*")
TOKEN_RE = re.compile(f"{_BODY}+")
# A break that may split a URL: one or two spaces, or one line break (with the "> "
# quote markers of an e-mail reply) but never a blank line.
GAP_RE = re.compile(r"[ \t\xa0]{1,2}(?=\S)|[ \t]*\n(?:[ \t]*>)*[ \t]*(?=[^\s>])")
STARTS_URL = re.compile(r"(?:https?://|www\.)", re.I)

# Marks a sentence puts after a URL. Closing parentheses are handled apart: a URL may
# hold balanced ones (Wikipedia titles).
_TRAIL = frozenset(".,;:!?…‥'\"»›”’“‘")
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Japanese writes no space between a URL and the particle after it; a hiragana right
# after an ASCII letter or digit is taken as the sentence going on (titles in IRIs rarely
# switch from ASCII to hiragana mid-word).
_PARTICLE = re.compile(r"(?<=[A-Za-z0-9])[\u3040-\u309f]")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What makes a word after a break plainly part of a URL rather than prose.
_STRONG = re.compile(
    r"=|%[0-9A-Fa-f]{2}|[^/]/[^/]+/|^[^/]{2,}/$|\w/\w*[\d-]"
    r"|\.(?:s?html?|php\d?|aspx?|jsp|cgi|pdf|xml|json|txt|docx?|xlsx?|pptx?|png|jpe?g"
    r"|gif|svg|webp|mp[34]|zip|rss)$",
    re.I,
)
_MAY_CONTINUE = frozenset("-_/?&")  # only these, either side of a space, may signal a cut
_EMPTY_VALUE = re.compile(r"[?&][^=&/?]+=$")
_HOST_OK = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[^\W_](?:[\w.-]*[^\W_])?)(?::\d*)?$")
_WWW_OK = re.compile(r"^www\.[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}\.?(?::\d+)?$", re.I)
# Sentence ends; a line break ends a sentence too when the next line opens a paragraph,
# a list item, a heading or a capitalised sentence (hard-wrapped prose goes on in lower case).
# "\x00" marks where HTML had a block tag.
_SENT_END = re.compile(
    r"[.!?…。！？\x00\n](?:(?<=[.!?…])[\"'»”’)\]]*(?=\s)|(?<=[。！？\x00])"
    r"|(?<=\n)(?=[ \t]*(?:[\n\-*#•>|]|\d+[.)]\s|[A-ZÀ-ÖØ-ÞА-ЯЁ])))"
)
_ODD_SPACES = ("\n", "\t", "\x00", "\xa0", "\u3000", "\u2028", "\u2029", "\x0b", "\x0c")
_WINDOW = 300


def trim(url: str, before: str) -> str:
    """Drop what the sentence put after the URL; keep balanced parentheses."""
    while url:
        c = url[-1]
        if c in _TRAIL or c in INVISIBLE:
            url = url[:-1]
        elif c == ")":
            if url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        elif c in "*_~" and before == c:  # emphasis: **https://...**, _https://..._
            url = url[:-1]
        else:
            break
    return url


def _host_part(url: str) -> str:
    rest = url.split("://", 1)[1] if "://" in url[:8] else url
    for sep in "/?#":
        rest = rest.split(sep, 1)[0]
    return rest.rpartition("@")[2]


def plausible(url: str) -> bool:
    """A real host after the scheme (www. URLs need a dotted name ending in letters)."""
    host = _host_part(url)
    if "://" not in url[:8]:
        return bool(_WWW_OK.match(host))
    return bool(host) and bool(_HOST_OK.match(host))


def joins(left: str, token: str, newline: bool) -> bool:
    """Whether ``token``, after a space or line break, plainly continues URL ``left``.

    Only evidence a reader would accept counts: a URL left hanging on "-" or "_"; a
    word that starts with "-" after a hyphenated slug, or with "/", "?", "&"; at a line
    end, a query cut after "&" or an empty "name="; after a trailing "/" (or across a
    line break) a word that itself looks like a path or query. An ordinary next word is
    never glued on; a "=" that may be base64 padding does not count.
    """
    if not token or STARTS_URL.match(token) or "://" in token:
        return False  # the next word is a URL of its own
    rest = left.split("://", 1)[-1]
    slash = rest.find("/")
    if slash == -1 and "?" not in rest:
        return False  # a bare host: nothing says the next word belongs to it
    last, first = left[-1], token[0]
    if last in "-_" and first.isalnum():
        return True
    if first in "-_" and len(token) > 1 and token[1].isalnum():
        segment = rest[slash:].rstrip("/").rsplit("/", 1)[-1]
        return "-" in segment or "_" in segment
    if first == "/" and len(token) > 1 and (token[1].isalnum() or token[1] in "%-_"):
        return True
    if first in "?&" and "=" in token:
        return True
    if newline and (last == "&" or _EMPTY_VALUE.search(left)):
        return True  # "?q=" or "&" at a line end: the wrap cut the query
    if last == "/" or newline:
        return bool(_STRONG.search(token))
    return False


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], whitespace collapsed (capped at a window).

    Written for speed (it runs once per citation): one pattern with a plain first
    character class, and whitespace collapsed with str.replace, many times faster here
    than a regex or split().
    """
    lo = max(0, start - _WINDOW)
    begin = lo
    for m in _SENT_END.finditer(text, lo, start):
        begin = m.end()
    hi = min(len(text), end + _WINDOW)
    m = _SENT_END.search(text, end, hi)
    context = text[begin : m.end() if m else hi]
    if not context.isprintable():  # one quick pass tells whether any odd space is there
        for space in _ODD_SPACES:
            if space in context:
                context = context.replace(space, " ")
    while "  " in context:
        context = context.replace("  ", " ")
    return context.strip()


class Scanner:
    """Turns pattern hits into Citations, counting lines as it goes (hits come in order)."""

    def __init__(self, text: str, source: str, kind: str, raw: str | None = None) -> None:
        self.text = text
        self.raw = text if raw is None else raw  # what "written" quotes (HTML: unmasked)
        self.source = source
        self.kind = kind
        self.line = 1
        self.line_start = 0
        self.pos = 0

    def where(self, start: int) -> tuple[int, int]:
        """1-based line and column of ``start`` (never called with a smaller start)."""
        breaks = self.text.count("\n", self.pos, start)
        if breaks:
            self.line += breaks
            self.line_start = self.text.rfind("\n", self.pos, start) + 1
        self.pos = start
        return self.line, start - self.line_start + 1

    def scan(self) -> list[tuple[int, Citation]]:
        """Every citation with its offset in the text, in order."""
        text = self.text
        pattern = MD_URL_RE if self.kind == "markdown" else URL_RE
        out: list[tuple[int, Citation]] = []
        done = 0
        for m in pattern.finditer(text):
            if m.start() < done:
                continue  # inside a continuation already joined to the previous URL
            cite = self.finish(m.start(), m.end())
            if cite is not None:
                out.append((m.start(), cite[0]))
                done = cite[1]
        return out

    def finish(self, start: int, end: int) -> tuple[Citation, int] | None:
        """Trim, repair and canonicalise one hit; None when it is no fetchable URL."""
        text = self.text
        before = text[start - 1] if start else ""
        if text[start] in "wW" and (before.isalnum() or before in "._@/-"):
            return None  # "www." inside a word, an address or a path
        if self.kind == "html":
            end = _cut_entity(text, start, end)
        raw = text[start:end]
        if not raw.isascii():
            particle = _PARTICLE.search(raw)
            if particle is not None:  # "…/123をご覧ください": the sentence goes on in Japanese
                raw = raw[: particle.start()]
                end = start + len(raw)
        url = trim(raw, before)
        if text[start] in "wW" and not plausible(url):
            return None  # (an http(s) host is checked once canonical, by fetchable_canonical)
        end = start + len(url)
        notes: list[str] = []
        stripped = raw[len(url) :]
        while end < len(text) and (not stripped or (stripped == "?" and _query_next(text, end))):
            gap = GAP_RE.match(text, end + len(stripped))
            if gap is None:
                break
            if (
                "\n" not in gap.group()
                and text[gap.end()] not in _MAY_CONTINUE
                and (stripped or url)[-1] not in _MAY_CONTINUE
            ):
                break  # a space, and neither side hints at a cut: the common case, decided fast
            tok = TOKEN_RE.match(text, gap.end())
            if tok is None:
                break
            left = url + stripped
            token = trim(tok.group(), "")
            newline = "\n" in gap.group()
            if not joins(left, token, newline):
                break
            notes.append(
                f"joined across a {'line break' if newline else 'space'}: "
                f'"{_tail(left)}" + "{token[:24]}{"…" if len(token) > 24 else ""}"'
            )
            url = left + token
            stripped = tok.group()[len(token) :]
            end = gap.end() + len(token)
        return self.make(start, end, url, notes)

    def make(self, start: int, end: int, url: str, notes: list[str]) -> tuple[Citation, int] | None:
        """Undo what the medium did to the URL (entities, escapes, invisible breaks)."""
        cited = url
        if self.kind == "html":
            if "&" in cited:
                cited = html.unescape(cited)  # entities are HTML's own spelling: no note
        elif "&amp;" in cited:
            cited = cited.replace("&amp;", "&")
            notes.append('decoded "&amp;" left over from HTML')
        if not cited.isascii() and _INVISIBLE_RE.search(cited):
            cited = _INVISIBLE_RE.sub("", cited)
            notes.append(
                "removed invisible break characters (soft hyphen, zero-width space, <wbr>)"
            )
        if self.kind == "markdown" and "\\" in cited:
            cited = _MD_ESCAPE.sub(r"\1", cited)
            notes.append("removed Markdown backslash escapes")
        if self.kind == "markdown" and self._label_of_same_link(end, cited):
            return None
        line, column = self.where(start)
        cite = citation(
            self.text, self.source, line, column, start, end, cited, notes, self.raw[start:end]
        )
        return None if cite is None else (cite, end)

    def _label_of_same_link(self, end: int, cited: str) -> bool:
        """[https://x](https://x): the label repeats the destination, one citation only."""
        text = self.text
        if not text.startswith("](", end):
            return False
        at = end + 2 + (text.startswith("<", end + 2))
        dest = MD_URL_RE.match(text, at)
        if dest is None:
            return False
        return canonicalize(trim(dest.group(), "")) == canonicalize(cited)


def citation(
    text: str,
    source: str,
    line: int,
    column: int,
    start: int,
    end: int,
    cited: str,
    notes: list[str],
    written: str,
) -> Citation | None:
    """Build the record; tracking parameters removed by canonicalisation are noted."""
    url, removed = _resolve(cited)
    if url is None:
        return None
    if removed:
        notes.append(
            "removed tracking parameter" + ("s " if len(removed) > 1 else " ") + ", ".join(removed)
        )
    return Citation(
        url=url,
        written=written,
        source=source,
        line=line,
        column=column,
        context=sentence(text, start, end),
        cited=cited,
        repairs=tuple(notes),
    )


@lru_cache(maxsize=65536)
def _resolve(cited: str) -> tuple[str | None, tuple[str, ...]]:
    """Canonical form (None when unfetchable) and tracking parameters removed; cached
    because texts cite the same URLs again and again."""
    url = canonicalize(cited)
    if not fetchable_canonical(url):
        return None, ()
    return url, tuple(strip_tracking(cited)[1])


def _tail(left: str) -> str:
    return ("…" + left[-24:]) if len(left) > 24 else left


def _query_next(text: str, end: int) -> bool:
    """A "?" at a line end followed by name=value: the query was cut, not the sentence."""
    gap = GAP_RE.match(text, end + 1)
    return gap is not None and re.match(r"[\w.%-]+=", text[gap.end() : gap.end() + 64]) is not None


_STOP_ENTITY = re.compile(
    r"&(?:lt|gt|quot|raquo|laquo|ldquo|rdquo|lsquo|rsquo|nbsp|#0*(?:34|60|62|160)|#x0*(?:22|3c|3e|a0));",
    re.I,
)


def _cut_entity(text: str, start: int, end: int) -> int:
    """In HTML text "&gt;" or "&quot;" end a URL just as ">" or '"' would."""
    if "&" not in text[start:end]:
        return end
    m = _STOP_ENTITY.search(text, start, end)
    return m.start() if m else end
