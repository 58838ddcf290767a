"""Package one run as WACZ 1.1.1, the zip that ReplayWeb.page opens.

Layout (https://specs.webrecorder.net/wacz/1.1.1/): ``archive/`` the run's WARC files
(stored, not deflated, so a reader can seek into them), ``indexes/index.cdx`` one sorted
CDXJ for them all, ``pages/pages.jsonl`` one entry per captured link, ``datapackage.json``
listing every file with its sha256, and ``datapackage-digest.json`` the sha256 of that.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from archiver import __version__
from archiver.catalog import Catalog
from archiver.warc import cdxj_name, index_file, warc_files

WACZ_VERSION = "1.1.1"


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return "sha256:" + h.hexdigest()


def _run_of(path: Path) -> int | None:
    """The run a WARC belongs to, from its first record (its warcinfo)."""
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "warcinfo":
                return None
            for line in rec.content_stream().read().decode("utf-8", "replace").splitlines():
                name, _, value = line.partition(":")
                if name.strip() == "archiver-run-id" and value.strip().isdigit():
                    return int(value.strip())
            return None
    return None


def run_files(archive_dir: Path, run_id: int, catalog: Catalog) -> list[Path]:
    """The run's WARCs, plus those holding originals its revisit records point to."""
    warc_dir = archive_dir / "warc"
    every = warc_files(warc_dir)
    files = [p for p in every if _run_of(p) == run_id]
    names = {p.name for p in files}
    for (name,) in catalog.conn.execute(
        "SELECT DISTINCT h.original_file FROM hops h JOIN captures c ON c.id = h.capture_id "
        "WHERE c.run_id = ? AND h.original_file IS NOT NULL",
        (run_id,),
    ):
        if name not in names and (warc_dir / name).is_file():
            files.append(warc_dir / name)
            names.add(name)
    order = {p: i for i, p in enumerate(every)}
    return sorted(files, key=lambda p: order.get(p, len(order)))


def _pages(catalog: Catalog, run_id: int) -> list[dict[str, Any]]:
    pages = []
    for r in catalog.conn.execute(
        "SELECT c.id, c.url, c.final_url, h.record_date, h.url AS first_url, t.title "
        "FROM captures c JOIN hops h ON h.capture_id = c.id AND h.position = 0 "
        "LEFT JOIN texts t ON t.id = (SELECT max(id) FROM texts "
        "  WHERE texts.run_id = c.run_id AND texts.url = c.url) "
        "WHERE c.run_id = ? AND c.status IS NOT NULL AND h.record_date IS NOT NULL "
        "ORDER BY c.id",
        (run_id,),
    ):
        page = {"id": f"{run_id}-{r['id']}", "url": r["first_url"], "ts": r["record_date"]}
        if r["title"]:
            page["title"] = r["title"]
        pages.append(page)
    return pages


def export_wacz(archive_dir: Path, run_id: int, out_path: Path) -> Path:
    """Write ``out_path`` (a .wacz) holding run ``run_id`` of the archive; returns it."""
    archive_dir = Path(archive_dir)
    out_path = Path(out_path)
    catalog = Catalog.open(archive_dir / "catalog.sqlite")
    try:
        files = run_files(archive_dir, run_id, catalog)
        pages = _pages(catalog, run_id)
        info = next((r for r in catalog.runs() if int(r["id"]) == run_id), {})
    finally:
        catalog.close()
    if not files:
        raise ValueError(f"run {run_id} has no WARC file in {archive_dir / 'warc'}")

    lines: list[str] = []
    for path in files:
        cdxj = path.with_name(cdxj_name(path.name))
        if not cdxj.is_file():
            index_file(path)
        lines.extend(cdxj.read_text(encoding="utf-8").splitlines(keepends=True))
    index = "".join(sorted(lines)).encode("utf-8")
    header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    pages_jsonl = "".join(json.dumps(p) + "\n" for p in [header, *pages]).encode("utf-8")

    resources = []
    for path in files:
        resources.append(
            {
                "name": path.name,
                "path": f"archive/{path.name}",
                "hash": _file_sha256(path),
                "bytes": path.stat().st_size,
            }
        )
    for rel, data in (("indexes/index.cdx", index), ("pages/pages.jsonl", pages_jsonl)):
        resources.append(
            {"name": rel.rsplit("/", 1)[1], "path": rel, "hash": _sha256(data), "bytes": len(data)}
        )
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    package: dict[str, Any] = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": f"archiver run {run_id}",
        "description": f"Links captured by archiver in run {run_id}"
        + (f", started {info['started']}." if info.get("started") else "."),
        "created": now,
        "modified": now,
        "software": f"archiver/{__version__}",
        "resources": resources,
    }
    if pages:
        package["mainPageUrl"] = pages[0]["url"]
        package["mainPageDate"] = pages[0]["ts"]
    package_bytes = json.dumps(package, indent=2).encode("utf-8")
    digest = {"path": "datapackage.json", "hash": _sha256(package_bytes)}

    tmp = out_path.with_name(out_path.name + ".part")
    with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
        for path in files:
            zf.write(path, f"archive/{path.name}", compress_type=zipfile.ZIP_STORED)
        zf.writestr("indexes/index.cdx", index, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("pages/pages.jsonl", pages_jsonl, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("datapackage.json", package_bytes, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr(
            "datapackage-digest.json",
            json.dumps(digest, indent=2),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    tmp.replace(out_path)
    return out_path
