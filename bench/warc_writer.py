"""Throughput of the WARC writer alone, at several gzip levels (figures, no assertions).

    .venv/bin/python bench/warc_writer.py [--records 3000] [--levels 1,6,9]

Pages are synthetic article-like HTML of about 60 KB, so the compression ratio is that of
real boilerplate-heavy pages rather than of random or repeated bytes.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from archiver.model import Exchange
from archiver.warc import WarcWriter

WORDS = [
    "archive",
    "link",
    "citation",
    "page",
    "web",
    "record",
    "history",
    "network",
    "server",
    "content",
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "for",
    "it",
    "as",
    "with",
    "was",
    "on",
    "be",
    "by",
    "this",
    "are",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
]


def page(rng: random.Random, size: int) -> bytes:
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    parts = [
        f"<!DOCTYPE html><html><head><title>Article {rng.random()}</title>"
        f"<link rel=stylesheet href=/s.css></head><body><nav><ul>{nav}</ul></nav><main>"
    ]
    n = len(parts[0])
    while n < size:
        para = "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + "</p>\n"
        parts.append(para)
        n += len(para)
    parts.append("</main><footer>&copy; Example</footer></body></html>")
    return "".join(parts).encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--levels", default="1,6,9")
    args = ap.parse_args()
    rng = random.Random(7)
    bodies = [page(rng, int(rng.lognormvariate(11.0, 0.35))) for _ in range(200)]
    mean = sum(map(len, bodies)) / len(bodies)
    print(f"{args.records} exchanges, mean body {mean / 1000:.0f} KB")
    for level in (int(x) for x in args.levels.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            raw = 0
            t0, c0 = time.perf_counter(), time.process_time()
            with WarcWriter(Path(tmp), run_id=1, settings={}, gzip_level=level) as w:
                for i in range(args.records):
                    body = bodies[i % len(bodies)]
                    head = (
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(body)
                    )
                    raw += len(head) + len(body)
                    w.write_exchange(
                        Exchange(
                            url=f"http://bench.test/p/{i}",
                            date=datetime.now(UTC),
                            request=b"GET /p HTTP/1.1\r\nHost: bench.test\r\n\r\n",
                            response_head=head,
                            body=io.BytesIO(body),
                            body_size=len(body),
                            ip="127.0.0.1",
                            status=200,
                        )
                    )
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            size = sum(p.stat().st_size for p in Path(tmp).glob("*.warc.gz"))
        print(
            f"level {level}: {args.records / wall:7.0f} records/s  {raw / wall / 1e6:6.1f} MB/s in"
            f"  cpu {cpu / args.records * 1e3:.2f} ms/record  output {size / 1e6:.1f} MB"
            f" ({size / raw:.1%} of input)"
        )


if __name__ == "__main__":
    main()
