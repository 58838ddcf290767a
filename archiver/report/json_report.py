"""JSON: one object per link, for scripts and CI jobs.

The fields of DESIGN.md come first (url, status, reason, http_status, final_url,
drift, similarity, warc_file, warc_offset, title); after them: run, text_path, diff
(the word diff when changed, else ""), history (this link across runs, oldest first:
run, date, status, drift) and cited_in (where the texts cite it, when known). Run-level
facts (offline, dates) are not repeated here: an offline run is an empty list.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from archiver.report import LinkEntry, ReportData
from archiver.report.common import clean_history


def link_object(data: ReportData, entry: LinkEntry) -> dict[str, Any]:
    v = entry.verdict
    return {
        "url": v.url,
        "status": v.status,
        "reason": v.reason,
        "http_status": v.http_status,
        "final_url": v.final_url,
        "drift": v.drift,
        "similarity": v.similarity,
        "warc_file": v.warc_file,
        "warc_offset": v.warc_offset,
        "title": v.title,
        "run": data.run_id,
        "text_path": v.text_path,
        "diff": v.diff,
        "history": clean_history(entry.history),
        "cited_in": list(entry.cited),
    }


def json_chunks(data: ReportData) -> Iterator[str]:
    """One link per line: grep-able, and written by the C encoder (indent= is 5x slower)."""
    sep = "[\n"
    for entry in data.entries():
        yield sep + json.dumps(link_object(data, entry), ensure_ascii=False)
        sep = ",\n"
    yield "[]\n" if sep == "[\n" else "\n]\n"


def render_json(data: ReportData) -> str:
    return "".join(json_chunks(data))
