"""WACZ export: structure, hashes, index pointing into the packaged WARCs, py-wacz validation."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archiver.export import export_wacz
from tests.exchanges import PAGE, build_archive


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_wacz_structure_hashes_and_index(tmp_path: Path) -> None:
    build_archive(tmp_path, runs=2, max_size=10**9)
    out = export_wacz(tmp_path, 2, tmp_path / "run2.wacz")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        warcs = [n for n in names if n.startswith("archive/")]
        # run 2's own file, and run 1's, which holds the originals of its revisits
        assert len(warcs) == 2
        assert {
            "indexes/index.cdx",
            "pages/pages.jsonl",
            "datapackage.json",
            "datapackage-digest.json",
        } <= set(names)
        for n in warcs:
            assert zf.getinfo(n).compress_type == zipfile.ZIP_STORED
        package_bytes = zf.read("datapackage.json")
        package = json.loads(package_bytes)
        assert package["profile"] == "data-package" and package["wacz_version"] == "1.1.1"
        listed = {r["path"]: r for r in package["resources"]}
        assert set(listed) == set(names) - {"datapackage.json", "datapackage-digest.json"}
        for path, res in listed.items():
            data = zf.read(path)
            assert res["hash"] == sha256(data) and res["bytes"] == len(data), path
        digest = json.loads(zf.read("datapackage-digest.json"))
        assert digest == {"path": "datapackage.json", "hash": sha256(package_bytes)}

        pages = [json.loads(x) for x in zf.read("pages/pages.jsonl").splitlines()]
        assert pages[0]["format"] == "json-pages-1.0"
        assert {p["url"] for p in pages[1:]} == {
            "http://site.test/same",
            "http://site.test/changing",
            "http://site.test/old",
            "http://site.test/zipped",
        }
        assert all(p["ts"].endswith("Z") for p in pages[1:])

        lines = zf.read("indexes/index.cdx").decode().splitlines()
        assert lines == sorted(lines)
        # every index line leads to its record inside the packaged WARC
        same = None
        for line in lines:
            entry = json.loads(line.split(" ", 2)[2])
            blob = zf.read(f"archive/{entry['filename']}")
            start = int(entry["offset"])
            member = blob[start : start + int(entry["length"])]
            rec = next(iter(ArchiveIterator(io.BytesIO(member))))
            assert rec.rec_headers.get_header("WARC-Target-URI") == entry["url"]
            if entry["url"] == "http://site.test/same" and rec.rec_type == "response":
                same = rec.content_stream().read()
        assert same == PAGE  # the revisit's original came along


def test_py_wacz_validator_accepts_it(tmp_path: Path) -> None:
    build_archive(tmp_path, runs=1)
    out = export_wacz(tmp_path, 1, tmp_path / "run1.wacz")
    result = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation succeeded" in result.stdout
