"""Quality and speed of citation extraction.

Quality: precision and recall against the hand-written expected lists of the messy
corpus in tests/data/citations/ (each document's citations compared as a multiset of
canonical URLs). Speed: MB/s of extract() on a generated plain text (default 20 MB)
of prose in several languages with a URL every few hundred bytes, some of them broken
across a space or a line, some followed by punctuation.

    .venv/bin/python bench/extract.py [--mb 20] [--words 20 60] [--runs 3] [--profile]
                                      [--quality-only]
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
from archiver.model import Citation  # noqa: E402
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


def generate(size: int, words: tuple[int, int] = (20, 60), seed: int = 7) -> tuple[str, list[str]]:
    """A text of about ``size`` characters and the URLs planted in it, unbroken."""
    rng = random.Random(seed)
    parts: list[str] = []
    planted: list[str] = []
    total = 0
    while total < size:
        line_words = rng.choices(WORDS, k=rng.randint(*words))
        url = _url(rng)
        planted.append(url)
        roll = rng.random()
        if roll < 0.05:
            url = url.replace("-", "- ", 1) if "-" in url else url  # broken after a hyphen
        elif roll < 0.1:
            url = url + rng.choice([".", ",", ")", "»", "!"])
        line_words.insert(rng.randint(0, len(line_words)), url)
        line = " ".join(line_words) + ("\n" if rng.random() < 0.5 else ". ")
        parts.append(line)
        total += len(line)
    return "".join(parts), planted


def speed(mb: float, words: tuple[int, int], runs: int, profile: bool) -> None:
    """Best of ``runs``: wall and CPU time of extract() on one core, caches cleared."""
    from archiver.cite import extract
    from archiver.cite_text import _resolve

    text, planted = generate(int(mb * 1_000_000), words)
    size = len(text.encode("utf-8")) / 1_000_000
    best_wall = best_cpu = float("inf")
    found: list[Citation] = []
    for _ in range(runs):
        canonicalize.cache_clear()
        _resolve.cache_clear()
        profiler = cProfile.Profile() if profile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        found = extract(text, "generated.txt", "text")
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    right = sum((Counter(c.url for c in found) & Counter(map(canonicalize, planted))).values())
    print(
        f"speed: {size:.1f} MB ({len(text):,} characters), one URL per "
        f"{size * 1e6 / len(planted):.0f} bytes; {len(found):,} citations, {right:,} of the "
        f"{len(planted):,} planted found exactly; "
        f"best of {runs}: {best_wall:.2f} s wall = {size / best_wall:.1f} MB/s, "
        f"{best_cpu:.2f} s CPU = {size / best_cpu:.1f} MB/s (one core)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated text")
    parser.add_argument(
        "--words",
        type=int,
        nargs=2,
        default=(20, 60),
        metavar=("MIN", "MAX"),
        help="words of prose between two URLs (default 20 60: one URL per ~280 bytes)",
    )
    parser.add_argument("--runs", type=int, default=3, help="take the best of this many runs")
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
        speed(args.mb, tuple(args.words), args.runs, args.profile)


if __name__ == "__main__":
    main()
