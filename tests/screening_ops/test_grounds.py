"""No "clear" without grounds: screening refuses to run with no list loaded, names the list versions it ran
against (source, date, SHA-256 of every file, entity count) in every output and audit entry, and warns and
marks the result stale when a list is older than REDFLAG_LIST_MAX_AGE_DAYS.

The list is a real one: rows of OFAC's SDN, ADD and ALT files (tests/fixtures/crawler/ofac), imported and
loaded through the real CLI (a child process per command) into a real embedded FalkorDB.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from graph import falkordb_server
from redflag.screening_ops.audit import AuditLog

ROOT = Path(__file__).resolve().parents[2]
OFAC = ROOT / "tests" / "fixtures" / "crawler" / "ofac"
OLD = datetime(2024, 5, 3, tzinfo=UTC).timestamp()  # the SDN sample's publication day


def cli(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    full_env.update({"REDFLAG_USER": "tester", **(env or {})})
    return subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), *args], env=full_env,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def ofac_copy(folder: Path, mtime: float | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in OFAC.glob("*.csv"):
        shutil.copyfile(f, folder / f.name)
        if mtime is not None:
            os.utime(folder / f.name, (mtime, mtime))
    return folder


def loaded(data_dir: Path, files: Path) -> None:
    for args in (("import", "ofac", str(files)), ("load",)):
        res = cli(data_dir, *args)
        assert res.returncode == 0, res.stderr


def screenings(data_dir: Path) -> list[dict[str, object]]:
    with AuditLog.for_data_dir(data_dir) as log:
        return [e.body for e in log.entries(kinds=("screening",))]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    data = tmp_path / "data"
    files = ofac_copy(tmp_path / "ofac")
    try:
        loaded(data, files)
        yield data, files
    finally:
        falkordb_server.stop(data / "graph")


@pytest.fixture
def stale(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    data = tmp_path / "data"
    files = ofac_copy(tmp_path / "ofac", OLD)
    try:
        loaded(data, files)
        yield data, files
    finally:
        falkordb_server.stop(data / "graph")


def sha256_of(folder: Path) -> set[str]:
    return {hashlib.sha256(f.read_bytes()).hexdigest() for f in folder.glob("*.csv")}


def test_results_audit_entries_and_status_name_the_list_versions_with_the_files_sha256(fresh) -> None:  # noqa: ANN001
    data, files = fresh
    res = cli(data, "screen", "HIJAZI, Riad", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["stale"] is False and doc["warnings"] == []
    [version] = doc["list_versions"]
    assert version["source_id"] == "import:ofac" and version["dataset"] == "ofac"
    assert {f["sha256"] for f in version["files"]} == sha256_of(files)
    # the version's date is its newest file's date (UTC), read from the files rather than taken to be today: a
    # run that copied the files just before midnight UTC and screens just after would otherwise fail
    # (the SDN sample's publication day, 2024-05-03, is not what it names: the copies carry no publication date)
    newest = max(datetime.fromtimestamp(f.stat().st_mtime, UTC) for f in files.glob("*.csv"))
    assert version["entity_count"] > 0 and version["date"][:10] == newest.date().isoformat()
    assert doc["matches"][0]["name"] == "HIJAZI, Riad"
    [entry] = screenings(data)
    assert {f["sha256"] for f in entry["list_versions"][0]["files"]} == sha256_of(files)  # type: ignore[index]
    assert entry["stale"] is False
    assert cli(data, "screening-verify").returncode == 0

    text = cli(data, "screen", "HIJAZI, Riad")
    assert "screened against: import:ofac (ofac) file dated" in text.stdout  # copies state no publication date
    assert all(sha in text.stdout for sha in sha256_of(files))

    status = cli(data, "status", "--json")
    assert status.returncode == 0, status.stderr
    info = json.loads(status.stdout)
    [v] = info["list_versions"]
    assert {f["sha256"] for f in v["files"]} == sha256_of(files)
    assert 0 <= v["age_days"] < 1 and v["stale"] is False and info["listed_entities"] == v["entity_count"]
    shown = cli(data, "status").stdout
    assert "import:ofac" in shown and "ok" in shown and next(iter(sha256_of(files))) in shown


def test_a_list_older_than_the_limit_warns_in_every_output_and_marks_results_stale(stale, tmp_path) -> None:  # noqa: ANN001
    data, files = stale
    text = cli(data, "screen", "SAYADI, Nabil Abdul Salam")
    assert text.returncode == 0, text.stderr
    assert "WARNING (lists stale)" in text.stdout and "2024-05-03" in text.stdout
    assert "REDFLAG_LIST_MAX_AGE_DAYS=30" in text.stdout

    doc = json.loads(cli(data, "screen", "SAYADI, Nabil Abdul Salam", "--json").stdout)
    assert doc["stale"] is True and "2024-05-03" in doc["warnings"][0]
    assert doc["list_versions"][0]["date"].startswith("2024-05-03")

    parties = tmp_path / "parties.csv"
    parties.write_text("name,country\nSAYADI Nabil Abdul Salam,BE\nHarbor Lane Bakery,XV\n", encoding="utf-8")
    bulk_text = cli(data, "screen", "--file", str(parties))
    assert bulk_text.returncode == 0, bulk_text.stderr
    assert "WARNING (lists stale)" in bulk_text.stdout
    report = json.loads(cli(data, "screen", "--file", str(parties), "--json").stdout)
    assert report["stale"] is True and report["warnings"]
    assert all(r["stale"] is True for r in report["results"])
    lines = cli(data, "screen", "--file", str(parties), "--jsonl").stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["stale"] is True for line in lines)
    out_csv, out_html = tmp_path / "r.csv", tmp_path / "r.html"
    assert cli(data, "screen", "--file", str(parties), "--out", str(out_csv)).returncode == 0
    assert cli(data, "screen", "--file", str(parties), "--out", str(out_html)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert {r["stale"] for r in rows} == {"yes"} and all("2024-05-03" in r["warnings"] for r in rows)
    assert all(sha in rows[0]["list_versions"] for sha in sha256_of(files))
    page = out_html.read_text(encoding="utf-8")
    assert "Stale or unknown list versions" in page and "2024-05-03" in page

    logged = screenings(data)
    assert logged and all(e["stale"] is True and e["warnings"] for e in logged)
    audit = cli(data, "screening-log", "--format", "csv").stdout
    assert {r["stale"] for r in csv.DictReader(io.StringIO(audit)) if r["kind"] == "screening"} == {"yes"}

    status = json.loads(cli(data, "status", "--json").stdout)
    assert status["list_versions"][0]["stale"] is True and status["list_versions"][0]["age_days"] > 30


def test_a_zero_day_limit_makes_a_fresh_list_stale(fresh) -> None:  # noqa: ANN001
    data, _ = fresh
    doc = json.loads(cli(data, "screen", "HIJAZI, Riad", "--json", env={"REDFLAG_LIST_MAX_AGE_DAYS": "0"}).stdout)
    assert doc["stale"] is True and "REDFLAG_LIST_MAX_AGE_DAYS=0" in doc["warnings"][0]
    bad = cli(data, "screen", "HIJAZI, Riad", env={"REDFLAG_LIST_MAX_AGE_DAYS": "-1"})
    assert bad.returncode == 1 and "REDFLAG_LIST_MAX_AGE_DAYS" in bad.stderr


def test_single_screen_shows_review_candidates_marked_as_review(fresh) -> None:  # noqa: ANN001
    data, _ = fresh
    # a variant of "SAYADI, Nabil Abdul Salam" scoring between the review (0.65) and match (0.80) thresholds:
    # before, the single-name screen cut at 0.80 and answered "no match"
    doc = json.loads(cli(data, "screen", "Nabil Sayed", "--json").stdout)
    assert doc["threshold"] == 0.65 and doc["match_threshold"] == 0.8
    best = doc["matches"][0]
    assert best["name"] == "SAYADI, Nabil Abdul Salam" and best["band"] == "review" and 0.65 <= best["score"] < 0.8
    assert all(m["band"] == "review" for m in doc["matches"]) and doc["status"] == "review"
    text = cli(data, "screen", "Nabil Sayed").stdout
    assert "SAYADI, Nabil Abdul Salam" in text and "[review]" in text and "no match" not in text
