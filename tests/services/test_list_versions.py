"""List versions: the archive records each list file's SHA-256 and date with its set, `load` writes them to the
graph as ListVersion nodes, and screening reads its grounds from there. Real archive, real embedded FalkorDB."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.archive import Archive, ListFileInfo
from crawler.parsers.common import ParsedList
from graph.falkordb_store import FalkorDBStore
from ontology.records import ListEntity, Listing
from redflag.services.list_versions import read_list_versions, screening_grounds, status_versions
from redflag.services.pipeline import load_lists
from redflag.settings import load_settings


def _parsed(n: int) -> ParsedList:
    return ParsedList(entities=[
        ListEntity(id=f"e{i}", schema="Company", name=f"Listed Company {i}", dataset="csl",
                   listings=[Listing(authority="Bureau of Industry and Security", list_code="EL", program="EL")])
        for i in range(n)
    ])


def test_file_versions_travel_from_the_archive_to_the_graph_and_to_the_grounds(
    falkordb_store: FalkorDBStore, data_dir: Path,
) -> None:
    data = b"name,list\nListed Company 0,EL\n"
    old = (datetime.now(UTC) - timedelta(days=45)).isoformat(timespec="seconds")
    with Archive(data_dir / "archive") as archive:
        run = archive.start_run("import:csl")
        info = ListFileInfo("/lists/csl.csv", hashlib.sha256(data).hexdigest(), len(data), old)
        assert archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(3), run_id=run, files=[info])
        load_lists(falkordb_store, archive)
    [version] = read_list_versions(falkordb_store)
    assert version.source_id == "import:csl" and version.entity_count == 3
    assert version.files[0].sha256 == hashlib.sha256(data).hexdigest() and version.date == old

    settings = load_settings(data_dir)
    grounds = screening_grounds(falkordb_store, settings)
    assert grounds.stale and "45 day(s) old" in grounds.warnings[0] and grounds.listed_entities == 3
    [shown] = status_versions(falkordb_store, settings)
    assert shown["stale"] is True and 44.9 < shown["age_days"] < 45.1


def test_a_set_archived_before_file_versions_gets_them_when_imported_again(tmp_path: Path) -> None:
    with Archive(tmp_path / "archive") as archive:
        assert archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(2))  # no file versions (old code)
        assert archive.list_versions()[0]["files"] == []
        info = ListFileInfo("/lists/csl.csv", "ab" * 32, 10, "2026-01-01T00:00:00+00:00")
        assert archive.store_list("import:csl:csl.csv", "csl", "set-1", _parsed(2), files=[info]) is False
        [v] = archive.list_versions()
        assert v["files"] == [info.to_dict()] and v["entity_count"] == 2


def test_a_crawled_file_is_dated_by_its_last_modified_header(tmp_path: Path) -> None:
    body = b"[]"
    with Archive(tmp_path / "archive") as archive:
        run = archive.start_run("csl")
        archive.record_fetch(run, "csl", "https://example.org/csl.json", 200, body,
                             last_modified="Tue, 03 Nov 2026 10:00:00 GMT")
        info = archive.fetched_file("https://example.org/csl.json", body)
    assert info.sha256 == hashlib.sha256(body).hexdigest() and info.published == "2026-11-03T10:00:00+00:00"
    assert info.file_date == info.published
