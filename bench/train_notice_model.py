"""Train the notice model (`archiver/notice_model.py`) on the labelled pages and write it.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python bench/train_notice_model.py [--upto BATCH] [--out FILE]

It reads each labelled page the way a run does (`soft404_quality.load_cases`, the
pipeline's own reader), fits scikit-learn's TF-IDF over character n-grams (hashed into
the buckets the package scores with) and a logistic regression, and writes each bucket's
inverse document frequency and weight. Then it
scores every training page again with the package's plain-Python scorer and prints the
largest difference from scikit-learn's probability, so a change in either arithmetic
shows at once. Training is deterministic: the same pages give the same file.

`--upto` keeps only the batches up to that number, which is how a model is measured on
batches it has not seen (train up to N, then run `soft404_quality.py` on the later ones).

Beside the labelled pages it learns from a phrasebook (`bench/data/notice_phrasebook.jsonl`):
1,803 short page openings, a title and one to three lines, in 70 languages, half of them
removal notices as sites word them ("Ilan yayından kaldırılmıştır") and half live pages that
look alike ("Only 2 left in stock", a news line about a cancelled festival). The labelled
pages are whole pages but hold each language's notices a few times at most; the phrasebook
gives the model the words of notices in languages the pages rarely show, and the live
look-alikes keep those words from standing for shortness alone. It was written as training
examples, apart from every labelled batch, and is never used to measure.
"""

from __future__ import annotations

import argparse
import json
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

from soft404_quality import Case, load_cases

from archiver.model import Readable
from archiver.notice_model import (
    BUCKETS,
    LEAD_WORDS,
    MODEL_FILE,
    NoticeModel,
    buckets,
    notice_text,
    save_model,
    score,
)

NGRAM_RANGE = (2, 5)
MIN_PAGES = 2  # a bucket filled by one page only is that page's, not a notice's
C = 3.0  # inverse regularisation, chosen on batches 95-112 each trained on those before it
PHRASEBOOK = Path(__file__).resolve().parent / "data" / "notice_phrasebook.jsonl"


@dataclass(frozen=True)
class Example:
    """One phrasebook entry as the model reads a page: its title and its lines."""

    readable: Readable
    soft404: bool


def load_phrasebook(path: Path = PHRASEBOOK) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            page = Readable(title=entry["title"], text="\n".join(entry["lines"]))
            examples.append(Example(page, bool(entry["label"])))
    return examples


def train(
    cases: list[Case], phrasebook: list[Example] | None = None
) -> tuple[NoticeModel, list[float]]:
    """The model fitted on these pages (and phrasebook entries), and scikit-learn's
    probability for each page."""
    extra = phrasebook or []
    docs = [notice_text(c.readable, c.probe, LEAD_WORDS) for c in cases]
    docs += [notice_text(e.readable, None, LEAD_WORDS) for e in extra]
    vectorizer = TfidfVectorizer(
        analyzer=lambda doc: [str(b) for b in buckets(doc, NGRAM_RANGE)],
        min_df=MIN_PAGES,
        sublinear_tf=True,
    )
    matrix = vectorizer.fit_transform(docs)
    labels = [c.soft404 for c in cases] + [e.soft404 for e in extra]
    fitted = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)
    idf, coef = array("f", bytes(4 * BUCKETS)), array("f", bytes(4 * BUCKETS))
    for token, column in vectorizer.vocabulary_.items():
        idf[int(token)] = float(vectorizer.idf_[column])
        coef[int(token)] = float(fitted.coef_[0][column])
    batches = sorted({c.batch for c in cases})
    model = NoticeModel(
        idf=idf,
        coef=coef,
        intercept=float(fitted.intercept_[0]),
        ngram_range=NGRAM_RANGE,
        lead_words=LEAD_WORDS,
        trained_on=f"batches {batches[0]}-{batches[-1]}, {len(cases)} pages"
        + (f", {len(extra)} phrasebook entries" if extra else ""),
    )
    return model, [float(p) for p in fitted.predict_proba(matrix)[: len(cases), 1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upto", type=int, default=None, help="last batch to train on")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--phrasebook", type=Path, default=PHRASEBOOK)
    parser.add_argument("--no-phrasebook", action="store_true", help="the labelled pages only")
    args = parser.parse_args()

    cases = [c for c in load_cases() if args.upto is None or c.batch <= args.upto]
    phrasebook = None if args.no_phrasebook else load_phrasebook(args.phrasebook)
    model, reference = train(cases, phrasebook)
    save_model(model, args.out)
    filled = sum(1 for v in model.idf if v)
    print(
        f"trained on {model.trained_on}: {filled} of {BUCKETS} buckets filled,"
        f" {args.out.stat().st_size} bytes"
    )
    worst = max(
        abs((score(c.readable, c.probe, model) or _none()).probability - p)
        for c, p in zip(cases, reference, strict=True)
    )
    print(f"largest difference from scikit-learn's probability: {worst:.2e}")


def _none():  # pragma: no cover - score() only returns None without a model
    raise SystemExit("the scorer returned no score with a model given")


if __name__ == "__main__":
    main()
