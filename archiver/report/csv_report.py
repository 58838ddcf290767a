"""CSV: one row per link, for spreadsheets.

Page-supplied text is cleaned of control characters, and a cell that a spreadsheet
would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe: a
page titled "=HYPERLINK(...)" must stay text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from archiver.report import ReportData
from archiver.report.common import clean

COLUMNS = (
    "url", "status", "reason", "http_status", "final_url", "drift", "similarity",
    "warc_file", "warc_offset", "title", "text_path",
)  # fmt: skip


def _cell(value: object) -> str:
    text = clean(value)
    if text[:1] in ("=", "+", "-", "@"):
        return "'" + text
    return text


class _Row:
    """csv.writer's file: holds what one writerow wrote until it is taken."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def csv_chunks(data: ReportData) -> Iterator[str]:
    """The header row, then one row per link as it comes from the run."""
    row = _Row()
    writer = csv.writer(row, lineterminator="\n")
    writer.writerow(COLUMNS)
    yield row.take()
    for entry in data.entries(details=False):
        v = entry.verdict
        sim = "" if v.similarity is None else f"{v.similarity:.4f}"
        writer.writerow(
            [
                _cell(v.url), v.status, _cell(v.reason),
                "" if v.http_status is None else v.http_status,
                _cell(v.final_url), v.drift, sim, _cell(v.warc_file),
                "" if v.warc_offset is None else v.warc_offset,
                _cell(v.title), _cell(v.text_path),
            ]
        )  # fmt: skip
        yield row.take()


def render_csv(data: ReportData) -> str:
    return "".join(csv_chunks(data))
