"""JSON: one object per link, for scripts and CI jobs.

The fields of DESIGN.md come first (url, status, reason, http_status, final_url,
drift, similarity, warc_file, warc_offset, title); after them: run, text_path, diff
(the word diff when changed, else ""), history (this link across runs, oldest first:
run, date, status, drift) and cited_in (where the texts cite it, when known). Run-level
facts (offline, dates) are not repeated here: an offline run is an empty list.
"""

from __future__ import annotations

import json
from typing import Any

from archiver.report import ReportData
from archiver.report.common import history_rows, ordered


def link_objects(data: ReportData) -> list[dict[str, Any]]:
    out = []
    for v in ordered(data.verdicts):
        out.append(
            {
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
                "history": history_rows(data, v.url),
                "cited_in": list(data.citations.get(v.url, [])),
            }
        )
    return out


def render_json(data: ReportData) -> str:
    """One link per line: grep-able, and written by the C encoder (indent= is 5x slower)."""
    lines = [json.dumps(obj, ensure_ascii=False) for obj in link_objects(data)]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
