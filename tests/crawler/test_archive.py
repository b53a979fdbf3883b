"""The archive: content addressing, versions, idempotent list storage, pending documents."""

from __future__ import annotations

from crawler.archive import Archive
from crawler.parsers.common import ParsedList
from ontology.records import CountryIndicator, Document, ListEntity, RowError


def doc(url: str, sha: str, text: str = "t") -> Document:
    return Document(id=Document.id_for(url), url=url, source_id="s", publisher="p", tier=1, title="T",
                    text=text, sha256=sha, retrieved_at="2025-01-01")  # fmt: skip


def test_a_changed_page_is_a_new_version_linked_to_the_old_one(tmp_path):
    a = Archive(tmp_path)
    run = a.start_run("s")
    url = "http://h.invalid/p"
    o1, sha1 = a.record_fetch(run, "s", url, 200, b"one", etag='"1"')
    o2, _ = a.record_fetch(run, "s", url, 200, b"one", etag='"1"')
    o3, sha3 = a.record_fetch(run, "s", url, 200, b"two", etag='"2"')
    o4, sha4 = a.record_fetch(run, "s", url, 304, None, not_modified=True)
    assert (o1, o2, o3, o4) == ("new", "unchanged", "changed", "unchanged")
    assert sha4 == sha3
    assert a.versions(url) == [(sha1, None), (sha3, sha1)]
    assert a.get_blob(sha1) == b"one" and a.latest_body(url) == b"two"
    assert a.conditional_headers(url) == {"If-None-Match": '"2"'}
    assert not list(tmp_path.glob("blobs/*/.tmp-*"))
    a.finish_run(run, "ok")
    r = a.runs("s")[0]
    assert (r.fetched, r.new, r.changed, r.unchanged, r.outcome) == (4, 1, 1, 2, "ok")


def test_latest_documents_and_pending_for_a_marker(tmp_path):
    a = Archive(tmp_path)
    run = a.start_run("s")
    url = "http://h.invalid/d"
    _, sha1 = a.record_fetch(run, "s", url, 200, b"v1")
    a.store_document(doc(url, sha1, "first"))
    assert [d.text for d in a.documents_pending("nlp-1")] == ["first"]
    a.mark_processed(Document.id_for(url), sha1, "nlp-1")
    assert a.documents_pending("nlp-1") == []
    assert len(a.documents_pending("nlp-2")) == 1
    _, sha2 = a.record_fetch(run, "s", url, 200, b"v2")
    assert a.store_document(doc(url, sha2, "second")) is True
    assert a.store_document(doc(url, sha2, "second")) is False
    assert [d.text for d in a.latest_documents()] == ["second"]
    assert [d.sha256 for d in a.documents_pending("nlp-1")] == [sha2]


def test_list_sets_are_stored_once_per_input_and_the_latest_set_wins(tmp_path):
    a = Archive(tmp_path)
    run = a.start_run("lists")
    p1 = ParsedList(entities=[ListEntity(id="x-1", schema="Company", name="Old Name", dataset="x")],
                    indicators=[CountryIndicator("XE", "fiw_F1", 0.0, 2025, "fiw")],
                    errors=[RowError("f.csv", 3, "name", "empty name")])  # fmt: skip
    assert a.store_list("k", "x", "sha-a", p1, run_id=run) is True
    version = a.data_version()
    assert a.store_list("k", "x", "sha-a", p1, run_id=run) is False
    assert a.data_version() == version
    p2 = ParsedList(entities=[ListEntity(id="x-1", schema="Company", name="New Name", dataset="x")])
    assert a.store_list("k", "x", "sha-b", p2) is True
    assert a.data_version() != version
    assert [e.name for e in a.list_entities()] == ["New Name"]
    assert a.list_entities("other") == []
    assert a.indicators() == []  # the current set has none
    errors = a.errors(run)
    assert [(e.location, e.line, e.field, e.reason) for e in errors][0] == ("f.csv", 3, "name", "empty name")


def test_reopening_the_archive_keeps_everything(tmp_path):
    a = Archive(tmp_path)
    run = a.start_run("s")
    a.record_fetch(run, "s", "http://h.invalid/x", 200, b"body", last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    a.close()
    b = Archive(tmp_path)
    assert b.latest_body("http://h.invalid/x") == b"body"
    assert b.conditional_headers("http://h.invalid/x") == {"If-Modified-Since": "Wed, 01 Jan 2025 00:00:00 GMT"}


def test_runs_left_open_by_a_dead_crawler_are_closed_as_interrupted(tmp_path):
    import subprocess
    import sys

    archive = Archive(tmp_path)
    mine = archive.start_run("src-a")  # this process is alive: its run stays open
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    dead = f"src-b:20260101T000000:{dead_pid}:1"
    with archive._tx() as db:
        db.execute("INSERT INTO runs(run_id, source_id, started) VALUES (?, 'src-b', ?)", (dead, "2026-01-01T00:00:00+00:00"))

    assert archive.close_open_runs() == [dead]
    outcomes = {r.run_id: r.outcome for r in archive.runs()}
    assert outcomes == {mine: "running", dead: "interrupted"}
    assert archive.close_open_runs() == []  # nothing left to close, nothing closed twice


def test_runs_of_a_crawl_that_ended_are_closed_with_the_given_outcome(tmp_path):
    archive = Archive(tmp_path)
    open_run, other = archive.start_run("src-a"), archive.start_run("src-b")
    archive.finish_run(other, "ok")
    assert archive.close_open_runs([open_run, other], "failed") == [open_run]
    assert {r.run_id: r.outcome for r in archive.runs()} == {open_run: "failed", other: "ok"}


def test_an_archive_made_before_caching_fields_gains_them_and_keeps_its_rows(tmp_path):
    import sqlite3

    old = sqlite3.connect(tmp_path / "archive.sqlite")
    old.executescript(
        "CREATE TABLE runs (run_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, "
        "fetched INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0, "
        "unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, row_errors INTEGER NOT NULL DEFAULT 0, "
        "duration REAL, outcome TEXT NOT NULL DEFAULT 'running');"
        "INSERT INTO runs(run_id, source_id, started, fetched, outcome) VALUES ('s:1', 's', '2025-01-01', 3, 'ok');"
        "CREATE TABLE fetches (id INTEGER PRIMARY KEY, url TEXT NOT NULL, source_id TEXT NOT NULL, run_id TEXT NOT NULL, "
        "status INTEGER NOT NULL, etag TEXT, last_modified TEXT, sha256 TEXT, retrieved_at TEXT NOT NULL, "
        "content_type TEXT, outcome TEXT NOT NULL);"
    )
    old.close()
    a = Archive(tmp_path)
    (before,) = a.runs("s")
    assert (before.fetched, before.not_modified, before.fresh) == (3, 0, 0)
    Archive(tmp_path).close()  # a second opening finds the columns there
    run = a.start_run("s")
    url = "http://h.invalid/r"
    a.record_fetch(run, "s", url, 200, b"page", etag='"e"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT",
                   response_date="Tue, 01 Oct 2024 00:00:00 GMT", cache_control="max-age=60")  # fmt: skip
    a.record_fetch(run, "s", url, 304, None, not_modified=True, response_date="Wed, 02 Oct 2024 00:00:00 GMT")
    assert a.record_fresh(run, "s", url) and not a.record_fresh(run, "s", url)  # once per run
    assert not a.record_fresh(run, "s", "http://h.invalid/never-archived")
    r = a.runs("s")[-1]
    assert (r.fetched, r.not_modified, r.downloaded, r.fresh) == (2, 1, 1, 1)
    stored, parsed = a.stored_response(url) or (None, True)
    assert stored is not None and not parsed
    assert stored.date == "Wed, 02 Oct 2024 00:00:00 GMT"  # the 304's row: the latest exchange
    assert a.run_urls(run) == {url} and a.fresh_urls(run) == {url}
