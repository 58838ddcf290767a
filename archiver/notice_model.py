"""How much a page's opening reads like a not-found or removed-item notice, scored by a
linear model over character n-grams learnt from the labelled pages and a phrasebook of
short notices and their live look-alikes in 70 languages.

Why a model beside the wording rules: each set of unseen pages brought notices in words no
list held yet ("Annoncen er udløbet", "งานนี้จบไปแล้ว", "Bu otel artıq mövcud deyil"), and
a list only learns a phrase after it has missed it. Pieces of words carry further than
whole phrases: "udløb" is shared by the expired ad in every Danish inflection, "-ваний"
by Russian and Ukrainian participles alike. The rules stay the first judges, since they
can tell a notice from a sentence that only mentions one; the model is asked about short
pages they let through, and its verdict quotes the page's sentence that weighed most so
that a person can check.

N-grams are hashed (CRC-32) into a fixed number of buckets, so the model is two arrays of
floats, an inverse document frequency and a weight per bucket: 8 MB in memory where a
table keyed by the 350,000 n-grams themselves took 150 MB and a second to load.
`bench/train_notice_model.py` writes the file next to this module with scikit-learn
(`TfidfVectorizer(sublinear_tf=True)` over the buckets, `LogisticRegression`); scoring
here is the same arithmetic in plain Python, so a run needs neither scikit-learn nor numpy.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import sys
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from archiver.model import Readable

MODEL_FILE = Path(__file__).with_name("notice_model.json.gz")
LEAD_WORDS = 80  # the opening words of the text, where a notice sits after the menus

_SPACES = re.compile(r"\s\s+")


BUCKETS = 1 << 20  # hashed n-gram slots: few collisions among the ~350,000 n-grams seen


def bucket(gram: str) -> int:
    """The slot of an n-gram: CRC-32 is in the standard library, fast and the same on
    every machine and run (Python's own str hash is salted per process)."""
    return zlib.crc32(gram.encode("utf-8")) & (BUCKETS - 1)


@dataclass(frozen=True)
class NoticeModel:
    """The learnt weights per bucket: inverse document frequency (0 for a bucket no
    training page filled) and coefficient."""

    idf: array
    coef: array
    intercept: float
    ngram_range: tuple[int, int] = (2, 5)
    lead_words: int = LEAD_WORDS
    trained_on: str = ""


@dataclass(frozen=True)
class NoticeScore:
    """The model's probability that the page is a notice, and the line behind it."""

    probability: float
    read: str = ""  # what the model read (`notice_text`), for the checks that follow it
    # every line read with its pull towards "notice", in page order: the judge quotes the
    # strongest line it can stand on, which is not always the strongest (a title, a menu)
    pulls: tuple[tuple[str, float], ...] = ()

    @property
    def line(self) -> str:
        """The line that reads most like a notice."""
        return strongest_line(self.pulls)


def notice_text(
    readable: Readable, probe: Readable | None = None, lead_words: int = LEAD_WORDS
) -> str:
    """What the model reads: the title, the page's status banners and its opening words,
    without the lines it shares with the host's random-path page.

    A notice sits in one of these; the rest of a long page would only dilute it. Lines
    the host prints on every page, its cookie banner and menus, say nothing of this one.
    """
    return " \n ".join(_lines(readable, probe, lead_words)).lower()


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """The n-grams of each word padded with one space on each side, as scikit-learn's
    "char_wb" analyser makes them (a word shorter than n gives itself once)."""
    grams: list[str] = []
    for word in _SPACES.sub(" ", text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:
                break
    return grams


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> NoticeModel | None:
    """The model shipped with the package, or None when its file is missing or unreadable
    (the rules then judge alone: a broken model file must not stop a run).

    The file is gzip of one JSON line (the settings) and then the two arrays as
    little-endian float32.
    """
    try:
        raw = gzip.decompress(path.read_bytes())
        head, _, body = raw.partition(b"\n")
        settings = json.loads(head)
        idf, coef = array("f"), array("f")
        size = int(settings["buckets"]) * idf.itemsize
        idf.frombytes(body[:size])
        coef.frombytes(body[size : 2 * size])
        if sys.byteorder != "little":
            idf.byteswap()
            coef.byteswap()
        if len(idf) != BUCKETS or len(coef) != BUCKETS:
            return None
        low, high = settings["ngram_range"]
        return NoticeModel(
            idf=idf,
            coef=coef,
            intercept=float(settings["intercept"]),
            ngram_range=(int(low), int(high)),
            lead_words=int(settings["lead_words"]),
            trained_on=str(settings.get("trained_on", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None


def save_model(model: NoticeModel, path: Path) -> None:
    """Write a model in the form `load_model` reads."""
    settings = {
        "trained_on": model.trained_on,
        "ngram_range": list(model.ngram_range),
        "lead_words": model.lead_words,
        "intercept": model.intercept,
        "buckets": BUCKETS,
    }
    idf, coef = array("f", model.idf), array("f", model.coef)
    if sys.byteorder != "little":
        idf.byteswap()
        coef.byteswap()
    data = json.dumps(settings).encode("utf-8") + b"\n" + idf.tobytes() + coef.tobytes()
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def score(
    readable: Readable, probe: Readable | None = None, model: NoticeModel | None = None
) -> NoticeScore | None:
    """The probability that the page's opening is a not-found or removed-item notice.

    None when no model is available. Each line read (title, banners, opening lines) comes
    with its share of the weight towards "notice", so the verdict can quote the line it
    rests on.
    """
    model = model if model is not None else load_model()
    if model is None:
        return None
    lines = _lines(readable, probe, model.lead_words)
    # n-grams never cross a space, so the lines' buckets together are the whole text's
    per_line = [buckets(line.lower(), model.ngram_range) for line in lines]
    counts = Counter(slot for slots in per_line for slot in slots)
    read = " \n ".join(lines).lower()
    pull: dict[int, float] = {}  # each bucket's share of the margin
    norm = 0.0
    for slot, count in counts.items():
        idf = model.idf[slot]
        if not idf:
            continue
        value = (1.0 + math.log(count)) * idf
        pull[slot] = value * model.coef[slot]
        norm += value * value
    if not norm:
        return NoticeScore(probability=_sigmoid(model.intercept), read=read)
    norm = math.sqrt(norm)
    margin = model.intercept + sum(pull.values()) / norm
    pulls = tuple(
        (line, sum(pull.get(b, 0.0) / counts[b] for b in slots) / norm)
        for line, slots in zip(lines, per_line, strict=True)
    )
    return NoticeScore(_sigmoid(margin), read, pulls)


def buckets(text: str, ngram_range: tuple[int, int]) -> list[int]:
    """The buckets of the text's n-grams, one per occurrence."""
    return [bucket(g) for g in char_ngrams(text, *ngram_range)]


def strongest_line(pulls: tuple[tuple[str, float], ...] | list[tuple[str, float]]) -> str:
    """The first of the lines that pull hardest towards a notice, or "" when none pulls
    towards it (an n-gram found on several lines shares its pull among them)."""
    best, best_pull = "", 0.0
    for line, weight in pulls:
        if weight > best_pull:
            best, best_pull = line, weight
    return best


def _lines(readable: Readable, probe: Readable | None, lead_words: int) -> list[str]:
    """The title, then the banners and the opening lines not also on the host's
    random-path page, up to `lead_words` words of text, as the page shows them."""
    shared = set() if probe is None else set(_clean(probe.text) + _clean(probe.notice))
    lines = [" ".join(readable.title.split())]
    lines += [line for line in _clean(readable.notice) if line not in shared]
    left = lead_words
    for line in _clean(readable.text):
        if left <= 0:
            break
        if line in shared:
            continue
        words = line.split()[:left]
        lines.append(" ".join(words))
        left -= len(words)
    return [line for line in lines if line]


def _clean(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _sigmoid(margin: float) -> float:
    if margin >= 0:
        return 1.0 / (1.0 + math.exp(-margin))
    e = math.exp(margin)
    return e / (1.0 + e)
