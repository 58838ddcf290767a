"""Word-level quality and speed of main-text extraction on the gold set.

Usage: .venv/bin/python bench/read_quality.py [--gold tests/data/gold] [--repeat 3] [--pages]

For every page of the gold set (tests/data/gold/<name>.html with its hand-written main
text in <name>.txt) each extractor's output is compared with the gold text as bags of
words, as published article-extraction benchmarks do: precision is the share of
extracted words that belong to the article, recall the share of the article's words
that were extracted, F1 their harmonic mean. Figures are means over pages. Speed is
pages per second in this one process, best of --repeat runs.

archiver's reader gets the raw bytes and a bare "text/html" header, so its charset
handling is measured too; the alternatives get the same text already decoded, so they
are judged on extraction alone. Alternatives that are not installed are listed and
skipped.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.charset import decode_text  # noqa: E402
from archiver.read import read_payload  # noqa: E402

HEADERS = [("Content-Type", "text/html")]
WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower()))


def score(gold: str, got: str) -> tuple[float, float, float]:
    g, p = words(gold), words(got)
    common = sum((g & p).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------- extractors
# Each takes (raw bytes, decoded text, url) and returns the main text.


def ex_archiver(raw: bytes, text: str, url: str) -> str:
    return read_payload(raw, HEADERS, url).text


def _trafilatura(**options: object) -> Callable[[bytes, str, str], str]:
    import trafilatura

    def run(raw: bytes, text: str, url: str) -> str:
        return trafilatura.extract(text, url=url, **options) or ""

    return run


def ex_readability(raw: bytes, text: str, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(text, url=url).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def ex_justext(raw: bytes, text: str, url: str) -> str:
    import justext

    language = "Russian" if re.search("[а-яА-Я]{4}", text) else "English"
    # jusText follows the page's <meta charset> whatever it is given, so it gets the raw bytes.
    paragraphs = justext.justext(raw, justext.get_stoplist(language))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def ex_soup(raw: bytes, text: str, url: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n")


EXTRACTORS: list[tuple[str, Callable[[], Callable[[bytes, str, str], str]]]] = [
    ("archiver (trafilatura 2.3, tuned + fallback)", lambda: ex_archiver),
    ("trafilatura default", lambda: _trafilatura()),
    ("trafilatura no comments", lambda: _trafilatura(include_comments=False)),
    ("trafilatura favor_precision", lambda: _trafilatura(favor_precision=True)),
    ("trafilatura favor_recall", lambda: _trafilatura(favor_recall=True)),
    ("trafilatura fast", lambda: _trafilatura(fast=True, include_comments=False)),
    ("readability-lxml", lambda: ex_readability),
    ("jusText", lambda: ex_justext),
    ("BeautifulSoup get_text (whole page)", lambda: ex_soup),
]


def load(gold_dir: Path) -> list[tuple[str, bytes, str, str]]:
    pages = []
    for html_path in sorted(gold_dir.glob("*.html")):
        gold = html_path.with_suffix(".txt").read_text(encoding="utf-8")
        raw = html_path.read_bytes()
        text, _ = decode_text(raw, HEADERS)
        pages.append((html_path.stem, raw, text, gold))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--repeat", type=int, default=5, help="speed runs, best kept")
    parser.add_argument("--pages", action="store_true", help="per-page F1 of every extractor")
    args = parser.parse_args()

    pages = load(args.gold)
    sites = sorted({name.split("-")[0] for name, *_ in pages})
    print(f"gold set: {len(pages)} pages from {len(sites)} sites ({', '.join(sites)})\n")
    header = f"| {'extractor':<44} | precision | recall |   F1  | worst page F1 | pages/s |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    per_page: dict[str, list[float]] = {}
    runners: dict[str, Callable[[bytes, str, str], str]] = {}
    missing: dict[str, str] = {}
    for label, factory in EXTRACTORS:
        try:
            extract = factory()
            per_page[label] = [
                score(gold, extract(raw, text, f"https://{name}.example/{name}"))[2]
                for name, raw, text, gold in pages
            ]
            runners[label] = extract
        except ImportError as err:
            missing[label] = str(err.name)
    # Speed runs take turns, so a load spike on a shared machine hits every extractor alike.
    best = dict.fromkeys(runners, float("inf"))
    for _ in range(max(args.repeat, 1)):
        for label, extract in runners.items():
            start = time.perf_counter()
            for name, raw, text, _gold in pages:
                extract(raw, text, f"https://{name}.example/{name}")
            best[label] = min(best[label], time.perf_counter() - start)
    for label, _factory in EXTRACTORS:
        if label in missing:
            print(f"| {label:<44} | not installed ({missing[label]}) |")
            continue
        results = [
            score(gold, runners[label](raw, text, f"https://{name}.example/{name}"))
            for name, raw, text, gold in pages
        ]
        p, r, f = (statistics.mean(x[i] for x in results) for i in range(3))
        worst = min(x[2] for x in results)
        print(
            f"| {label:<44} |   {p:.3f}   | {r:.3f}  | {f:.3f} |     {worst:.3f}     "
            f"| {len(pages) / best[label]:7.1f} |"
        )
    ours = EXTRACTORS[0][0]
    if ours in per_page:
        print(f"\n{ours}: F1 by site")
        for site in sites:
            scores = [
                f
                for (name, *_), f in zip(pages, per_page[ours], strict=True)
                if name.startswith(site + "-")
            ]
            print(f"  {site:<8} {statistics.mean(scores):.3f}  ({len(scores)} pages)")
    if args.pages:
        print("\nper page F1:")
        labels = list(per_page)
        for i, (name, *_rest) in enumerate(pages):
            print(f"  {name:<28} " + " ".join(f"{per_page[lb][i]:.2f}" for lb in labels))


if __name__ == "__main__":
    main()
