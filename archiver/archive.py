"""Reading an archive back: a run's report, one capture, the diff between two captures.

Everything here reads the catalog and the files it points at; nothing fetches. The
snapshot pipeline calls `write_reports` at the end of a run, the CLI calls the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archiver.catalog import Catalog
from archiver.errors import ArchiverError
from archiver.report import ReportData, render


def read_text(archive: Path, rel: str | None) -> str | None:
    """The stored text at an archive-relative path, or None when there is none."""
    if not rel:
        return None
    try:
        return (archive / rel).read_text(encoding="utf-8")
    except OSError:
        return None


def _run_number(catalog: Any, run: str | int | None) -> int:
    if run is None or str(run) == "latest":
        latest = catalog.latest_run(finished_only=True)
        if latest is None:
            raise ArchiverError("the archive has no finished run yet")
        return int(latest)
    try:
        n = int(run)
    except ValueError:
        raise ArchiverError(f"--run {run!r}: expected a run number or 'latest'") from None
    if n not in {int(r["id"]) for r in catalog.runs()}:
        raise ArchiverError(f"no run {n} in this archive")
    return n


def load_report(archive: Path, run: str | int | None, since: str | None = None) -> Any:
    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        run_id = _run_number(catalog, run)
        info = next(r for r in catalog.runs() if int(r["id"]) == run_id)
        verdicts = catalog.verdicts(run_id)
        if since is not None:
            base = {
                v.url: (v.status, v.drift) for v in catalog.verdicts(_run_number(catalog, since))
            }
            verdicts = [
                v
                for v in verdicts
                if base.get(v.url, (None, None))[0] != v.status or v.drift == "changed"
            ]
        history = catalog.history([v.url for v in verdicts])
        cited = {
            link.url: [f"{c.source}:{c.line}" for c in link.citations]
            for link in catalog.run_links(run_id)
        }
    finally:
        catalog.close()
    return ReportData(
        run_id=run_id,
        started=str(info.get("started", "")),
        finished=str(info.get("finished", "")),
        offline=bool(info.get("offline")),
        settings=info.get("settings") or {},
        verdicts=verdicts,
        history=history,
        texts_base=str(archive.resolve()),
        citations=cited,
    )


def render_report(data: ReportData, fmt: str, color: bool = False) -> str:
    return render(data, fmt, color=color)


def write_reports(archive: Path, run_id: int, data: ReportData | None = None) -> list[Path]:
    """Every run leaves its JSON and HTML report beside the WARCs it describes."""
    data = data or load_report(archive, run_id)
    out = []
    for fmt, ext in (("json", "json"), ("html", "html")):
        path = archive / "reports" / f"run-{run_id:04d}.{ext}"
        path.write_text(render_report(data, fmt), encoding="utf-8")
        out.append(path)
    return out


def diff_text(
    archive: Path, url: str, from_run: str | None, to_run: str | None, color: bool = False
) -> str:
    from archiver.drift import similarity, word_diff
    from archiver.urls import canonicalize

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        key = canonicalize(url)
        caps = [c for c in catalog.captures_of(key) if c.get("text_path")]
        if len(caps) < 1:
            raise ArchiverError(f"{url}: no captured text in this archive")
        by_run = {int(c["run_id"]): c for c in caps}
        runs = sorted(by_run)
        to_n = _run_number(catalog, to_run) if to_run else runs[-1]
        if to_n not in by_run:
            raise ArchiverError(f"{url}: no text captured in run {to_n}")
        if from_run:
            from_n = _run_number(catalog, from_run)
        else:
            earlier = [r for r in runs if r < to_n]
            if not earlier:
                raise ArchiverError(f"{url}: only one capture (run {to_n}); nothing to compare")
            from_n = earlier[-1]
        if from_n not in by_run:
            raise ArchiverError(f"{url}: no text captured in run {from_n}")
    finally:
        catalog.close()
    a = read_text(archive, by_run[from_n]["text_path"]) or ""
    b = read_text(archive, by_run[to_n]["text_path"]) or ""
    head = f"{key}: run {from_n} → run {to_n}, similarity {similarity(a, b):.3f}\n"
    return head + word_diff(a, b, color=color) + "\n"


def show_capture(archive: Path, url: str, run: str | None, what: str) -> str | bytes:
    from warcio.archiveiterator import ArchiveIterator

    from archiver.urls import canonicalize

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        key = canonicalize(url)
        caps = catalog.captures_of(key)
        if run is not None:
            n = _run_number(catalog, run)
            caps = [c for c in caps if int(c["run_id"]) == n]
    finally:
        catalog.close()
    if not caps:
        raise ArchiverError(f"{url}: not captured in this archive")
    cap = caps[-1]
    if what == "text":
        text = read_text(archive, cap.get("text_path"))
        if text is None:
            raise ArchiverError(
                f"{url}: no readable text for this capture"
                + (f" ({cap['text_note']})" if cap.get("text_note") else "")
            )
        return text
    if not cap.get("warc_file"):
        raise ArchiverError(
            f"{url}: this capture has no response record ({cap.get('error') or 'no answer'})"
        )
    path = archive / "warc" / cap["warc_file"]
    if not path.exists():
        path = path.with_name(path.name + ".open")
    with open(path, "rb") as fh:
        fh.seek(int(cap["warc_offset"]))
        # no_record_parse: the block exactly as stored, HTTP head included, byte for byte
        record = next(iter(ArchiveIterator(fh, no_record_parse=True)))
        block = record.raw_stream.read()
    if what == "raw":
        return block
    head, sep, _ = block.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/"):
        return "(no HTTP headers: the peer did not answer in HTTP)\n"
    return head.decode("iso-8859-1").replace("\r\n", "\n") + "\n"


def export_run(archive: Path, run: str, out: Path) -> Path:
    from archiver.export import export_wacz

    catalog = Catalog.open(archive / "catalog.sqlite")
    try:
        run_id = _run_number(catalog, run)
    finally:
        catalog.close()
    export_wacz(archive, run_id, out)
    return out
