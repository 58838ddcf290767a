"""Quality and speed of citation extraction.

Quality: precision and recall against the hand-written expected lists of the messy
corpus in tests/data/citations/ (each document's citations compared as a multiset of
canonical URLs). Speed: MB/s of extract() on a generated plain text (default 20 MB)
of prose in several languages with a URL every few hundred bytes, some of them broken
across a space or a line, some followed by punctuation.

    .venv/bin/python bench/extract.py [--mb 20] [--profile] [--quality-only]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archiver.cite import extract_file  # noqa: E402
from archiver.urls import canonicalize  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "citations"

_PROSE = (
    "the of and a to in is was that for it with as on his be at by this had not are but from "
    "le la les des une est pour dans qui sur pas plus par avec tout faire son "
    "и в не на я быть он с что а по это она этот к но они мы как из у который "
    "der die und in den von zu das mit sich des auf für ist im dem nicht ein "
    "manifestation police gouvernement протест правительство Regierung archive citation"
)
WORDS = _PROSE.split()
HOSTS = ["example.org", "news.example.com", "пример.рф", "blog.example.net", "www.example.de"]
SLUGS = ["uprising", "report", "статья", "évaluation", "2022", "01", "interview", "notes"]


def expected_pairs(doc: Path) -> Counter[str]:
    """The hand-written list: one canonical URL per citation, '#' lines are comments."""
    lines = doc.with_name(doc.name + ".expected").read_text(encoding="utf-8").splitlines()
    return Counter(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def corpus_docs() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith(".expected"))


def quality(verbose: bool = True) -> tuple[float, float, int, int]:
    """Micro-averaged precision and recall over the corpus; prints every disagreement."""
    tp = found_n = expected_n = 0
    for doc in corpus_docs():
        expected = expected_pairs(doc)
        found = Counter(c.url for c in extract_file(str(doc)))
        hit = sum((expected & found).values())
        tp += hit
        found_n += sum(found.values())
        expected_n += sum(expected.values())
        if verbose:
            print(
                f"  {doc.name:28} expected {sum(expected.values()):4}  found "
                f"{sum(found.values()):4}  correct {hit:4}"
            )
            for url, n in (found - expected).items():
                print(f"      extra   x{n} {url}")
            for url, n in (expected - found).items():
                print(f"      missed  x{n} {url}")
    precision = tp / found_n if found_n else 0.0
    recall = tp / expected_n if expected_n else 0.0
    return precision, recall, expected_n, len(corpus_docs())


def _url(rng: random.Random) -> str:
    path = "/".join(
        "-".join(rng.choice(SLUGS) for _ in range(rng.randint(1, 4)))
        for _ in range(rng.randint(1, 3))
    )
    url = f"https://{rng.choice(HOSTS)}/{path}"
    if rng.random() < 0.2:
        url += f"?id={rng.randint(1, 99999)}&utm_source=feed"
    return url


def generate(size: int, seed: int = 7) -> tuple[str, int]:
    """A text of about ``size`` characters and the number of URLs planted in it."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = planted = 0
    while total < size:
        words = rng.choices(WORDS, k=rng.randint(20, 60))
        url = _url(rng)
        roll = rng.random()
        if roll < 0.05:
            url = url.replace("-", "- ", 1) if "-" in url else url  # broken after a hyphen
        elif roll < 0.1:
            url = url + rng.choice([".", ",", ")", "»", "!"])
        words.insert(rng.randint(0, len(words)), url)
        line = " ".join(words) + ("\n" if rng.random() < 0.5 else ". ")
        parts.append(line)
        total += len(line)
        planted += 1
    return "".join(parts), planted


def speed(mb: float, profile: bool) -> None:
    from archiver.cite import extract

    text, planted = generate(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1_000_000
    canonicalize.cache_clear()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    found = extract(text, "generated.txt", "text")
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    print(
        f"speed: {size:.1f} MB ({len(text):,} characters, {planted:,} URLs planted), "
        f"{len(found):,} citations in {elapsed:.2f} s = {size / elapsed:.1f} MB/s (one core)"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated text")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument("--quality-only", action="store_true")
    args = parser.parse_args()
    if CORPUS.is_dir():
        print("quality on tests/data/citations/:")
        precision, recall, expected, docs = quality()
        print(
            f"quality: {docs} documents, {expected} expected citations: "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )
    if not args.quality_only:
        speed(args.mb, args.profile)


if __name__ == "__main__":
    main()
