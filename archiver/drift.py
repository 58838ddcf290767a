"""Drift: did a page's readable text change between two captures?

Pages change every time they are fetched in ways nobody cares about: the date in the
header, "1,234 views", a session token in a form, a rotating "Related articles" box.
Comparing raw text would call almost every page `changed` and bury the pages whose
argument was rewritten, so both texts are first reduced by `normalize` and only then
compared. Similarity is a multiset Dice coefficient over word 3-grams: linear in the
text length (10,000 pages compare in seconds), sensitive to word order locally, and
deaf to paragraphs merely moving around.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter

# The score at or above which two normalised texts count as the same page. Noise is
# removed by `normalize`, so whatever differs after it is a change a reader may care about.
UNCHANGED_AT = 1.0

_MONTHS = (
    # English, French, German, Spanish, Russian (nominative and genitive), abbreviations
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre"
    r"|januar|februar|märz|maerz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
    r"|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья]"
)
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?=\.?,)|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo|понедельник|вторник|среда|четверг"
    r"|пятница|суббота|воскресенье"
)
_COUNTED = (
    r"views?|comments?|likes?|shares?|reads?|followers?|votes?|points?|repl(?:y|ies)"
    r"|reactions?|downloads?|subscribers?|visits?|clicks?|retweets?|stars?|forks?"
    r"|vues|commentaires?|partages|lectures|aufrufe|kommentare?|leser|visitas"
    r"|comentarios?|lecturas|vistas|просмотр(?:ов|а)?|комментари(?:ев|я|й)"
)
_UNITS = (
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
    r"|secondes?|heures?|jours?|semaines?|mois|ans?"
    r"|sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?"
    r"|segundos?|minutos?|horas?|días?|semanas?|meses|años?"
    r"|секунд[ыу]?|минут[ыу]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[иья]|месяц(?:а|ев)?"
)

_NOISE_PATTERNS = (
    # tokens and identifiers
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
    r"\b(?:sid|sessionid|session|token|csrf|nonce|jsessionid|phpsessid)\s*[=:]\s*\S+",
    r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b",
    r"\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{20,}\b",
    # dates and times
    r"\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?",
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b",
    rf"\b(?:{_WEEKDAYS})\b\.?,?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?:{_MONTHS})\b\.?(?:,?\s+(?:de\s+)?\d{{4}})?",
    rf"\b(?:{_MONTHS})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b(?:{_MONTHS})\b\.?\s+\d{{4}}\b",
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:utc|gmt|cet|cest|est|edt|pst|pdt|bst|msk|ist|[+-]\d{2}:?\d{2})\b)?",
    rf"\b\d+\s+(?:{_UNITS})\s+(?:ago|auparavant)\b",
    rf"\b(?:il y a|vor|hace)\s+\d+\s+(?:{_UNITS})\b",
    rf"\b\d+\s+(?:{_UNITS})\s+назад",
    r"\b(?:just now|yesterday|today|hier|aujourd'hui|gestern|heute|ayer|hoy"
    r"|вчера|сегодня)\b",
    r"©\s*(?:\d{4}\s*[-–]\s*)?\d{4}",
    # counters: "1,234 views", "Views: 1.2k", "12 комментариев"
    rf"\b\d[\d,. \u00a0\u202f]*[km]?\s*(?:{_COUNTED})\b",
    rf"\b(?:{_COUNTED})\s*:?\s*\d[\d,. \u00a0\u202f]*[km]?\b",
)
# Most noise carries a digit; the few patterns that do not are run on every line, the
# rest only on lines with a digit, each set as one alternation: one pass per line.
_WORDY = {1, 6, 14}  # session tokens, weekday names, "yesterday"-like words
# Lines are case-folded first: lowercase patterns without re.IGNORECASE run faster.
_NOISE_WORDS = re.compile(
    "|".join(f"(?:{p})" for i, p in enumerate(_NOISE_PATTERNS) if i in _WORDY)
)
_NOISE_DIGITS = re.compile(
    "|".join(f"(?:{p})" for i, p in enumerate(_NOISE_PATTERNS) if i not in _WORDY)
)
_DIGIT = re.compile(r"\d")

# Headings of blocks whose content rotates from one request to the next.
_ROTATING_HEADING = re.compile(
    r"^\W*(?:related(?: articles| posts| stories| content| reading| links)?"
    r"|you (?:may|might) also (?:like|enjoy)|read (?:more|next|also)|recommended(?: .{0,20})?"
    r"|more (?:from|stories|articles|on|in|like this)(?: .{0,30})?|most (?:popular|read|viewed"
    r"|shared|commented)|trending(?: now| stories)?|popular(?: now| posts| articles)?"
    r"|latest (?:news|posts|articles|stories)|top stories|what to read next|don't miss"
    r"|à lire aussi|lire aussi|articles similaires|sur le même sujet|les plus lus"
    r"|das könnte sie auch interessieren|ähnliche artikel|mehr zum thema|weitere artikel"
    r"|meistgelesen|artículos relacionados|te puede interesar|también te puede interesar"
    r"|lo más leído|похожие статьи|читайте также|популярное|самое читаемое)\W*$",
    re.IGNORECASE,
)
_SHORT_LINE_WORDS = 20  # a line in a rotating block is a headline, not a paragraph

_WORD = re.compile(r"\w+")


def _rotating_mask(lines: list[str]) -> list[bool]:
    """True for a rotating-block heading and the run of headline-sized lines after it."""
    mask: list[bool] = []
    skipping = False
    for line in lines:
        stripped = line.strip()
        if len(stripped) <= 60 and _ROTATING_HEADING.match(stripped):
            skipping = True
        elif skipping and stripped and len(stripped.split()) >= _SHORT_LINE_WORDS:
            skipping = False
        mask.append(skipping)
    return mask


def _normalize_line(line: str) -> str:
    line = line.casefold()
    if _DIGIT.search(line):
        line = _NOISE_DIGITS.sub(" ", line)
    line = _NOISE_WORDS.sub(" ", line)
    return " ".join(line.split())


@functools.lru_cache(maxsize=1024)
def normalize(text: str) -> str:
    """Text with the noise that changes on every request taken out.

    Case, Unicode compatibility forms and whitespace are folded too: they change when a
    site redeploys its templates, not when an author edits the page.
    """
    if not text:
        return ""
    lines = unicodedata.normalize("NFKC", text).splitlines()
    out: list[str] = []
    for line, rotating in zip(lines, _rotating_mask(lines), strict=True):
        line = "" if rotating else _normalize_line(line)
        if _WORD.search(line):
            out.append(line)
    return "\n".join(out)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 (nothing shared) to 1 (same words, same order).

    Multiset Dice coefficient over word 3-grams (shorter texts use shorter grams).
    Linear time, unlike an edit distance, so a run over 10,000 pages stays fast.
    """
    if a == b:  # the common answer on a rerun, without tokenising two long texts
        return 1.0
    ta, tb = _tokens(a), _tokens(b)
    if ta == tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    k = min(3, len(ta), len(tb))
    ga = Counter(zip(*(ta[i:] for i in range(k)), strict=False))
    gb = Counter(zip(*(tb[i:] for i in range(k)), strict=False))
    common = sum((ga & gb).values())
    total = sum(ga.values()) + sum(gb.values())
    return round(2 * common / total, 4) if total else 1.0


def drift(
    previous_text: str | None,
    text: str | None,
    had_content_before: bool,
    *,
    unchanged_at: float = UNCHANGED_AT,
) -> tuple[str, float | None]:
    """The drift label and similarity of a capture against the one before it.

    `previous_text` is None when there was no earlier capture with text;
    `had_content_before` says whether any earlier capture of the URL had content, so
    that a page whose text vanished is `gone` rather than quietly `new`.
    """
    has_now = bool(text and text.strip())
    has_before = bool(previous_text and previous_text.strip())
    if not has_now:
        if has_before or had_content_before:
            return "gone", 0.0
        if previous_text is None:
            return "new", None
        return "unchanged", None
    if previous_text is None and not had_content_before:
        return "new", None
    if not has_before:
        return "changed", 0.0 if previous_text is not None else None
    # A page that did not change at all, the usual case on a rerun, skips the normalising
    # (about 4 ms for a 50 KB article, each side) and scores what identical texts score.
    score = (
        1.0
        if previous_text == text
        else similarity(normalize(previous_text or ""), normalize(text or ""))
    )
    return ("unchanged" if score >= unchanged_at else "changed"), score


# --------------------------------------------------------------------------- diff

_DIFF_TOKEN = re.compile(r"\S+")
_RED, _GREEN, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


def _line_keys(lines: list[str]) -> list[str]:
    mask = _rotating_mask(lines)
    return ["\x00" if rot else _normalize_line(line) for line, rot in zip(lines, mask, strict=True)]


def _blocks(a: str, b: str) -> list[list[tuple[str, str]]]:
    """Line blocks of (op, text) pieces: "=", "-" or "+"; paragraphs matched first.

    Paragraphs are matched on their normalised form, so a line whose only change is
    noise (a date, a counter, a rotating headline) shows as unchanged, in its new
    wording. Matching paragraphs first also keeps the quadratic word matcher on small
    pieces, so a long article with one rewritten paragraph diffs quickly.
    """
    la, lb = a.splitlines(), b.splitlines()
    blocks: list[list[tuple[str, str]]] = []
    lines = difflib.SequenceMatcher(None, _line_keys(la), _line_keys(lb), autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            blocks.append([("=", "\n".join(lb[j1:j2]))])
            continue
        wa = _DIFF_TOKEN.findall("\n".join(la[i1:i2]).replace("\n", " \n "))
        wb = _DIFF_TOKEN.findall("\n".join(lb[j1:j2]).replace("\n", " \n "))
        pieces: list[tuple[str, str]] = []
        words = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        for wtag, a1, a2, b1, b2 in words.get_opcodes():
            if wtag == "equal":
                pieces.append(("=", " ".join(wa[a1:a2])))
            if wtag in ("delete", "replace"):
                pieces.append(("-", " ".join(wa[a1:a2])))
            if wtag in ("insert", "replace"):
                pieces.append(("+", " ".join(wb[b1:b2])))
        blocks.append([p for p in pieces if p[1].strip()])
    return [blk for blk in blocks if blk]


def _elide(text: str, context: int, first: bool, last: bool) -> str:
    words = text.split(" ")
    if len(words) <= 2 * context + 1:
        return text
    head = [] if first else words[:context]
    tail = [] if last else words[-context:]
    return " ".join([*head, "…", *tail])


def word_diff(a: str, b: str, color: bool = False, *, context: int | None = 12) -> str:
    """A word-level diff: removed words as [-…-], added as {+…+} (red/green with colour).

    Unchanged stretches longer than 2×`context` words are shortened to their edges;
    `context=None` keeps the whole text.
    """
    blocks = _blocks(a or "", b or "")
    if all(op == "=" for blk in blocks for op, _ in blk):
        return ""
    rendered: list[str] = []
    for n, blk in enumerate(blocks):
        out: list[str] = []
        for i, (op, piece) in enumerate(blk):
            if op == "=":
                if context is not None:
                    first = n == 0 and i == 0
                    last = n == len(blocks) - 1 and i == len(blk) - 1
                    piece = _elide(piece.replace("\n", " \n "), context, first, last)
                out.append(piece)
            elif op == "-":
                out.append(f"{_RED}[-{piece}-]{_RESET}" if color else f"[-{piece}-]")
            else:
                out.append(f"{_GREEN}{{+{piece}+}}{_RESET}" if color else f"{{+{piece}+}}")
        rendered.append(" ".join(out))
    return re.sub(r" *\n *", "\n", "\n".join(rendered))
