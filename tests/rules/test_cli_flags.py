"""The flags / resolve / decide / report commands, through the real typer app."""

from __future__ import annotations

import json

import rules_world as W
from typer.testing import CliRunner

import redflag.cli.flags  # noqa: F401 - registers the commands
from graph.falkordb_store import FalkorDBStore
from ontology import vocab
from redflag.cli.app import app


def test_flags_json_shape_resolve_and_report(data_dir, tmp_path) -> None:  # noqa: ANN001
    from graph import falkordb_server

    store = FalkorDBStore(data_dir / "graph", "redflag", vocab.labels(), vocab.relationship_types())
    try:
        W.diversion_world(store)
    finally:
        store.close()
    runner = CliRunner()
    env = {"REDFLAG_GRAPH": "redflag"}
    try:
        res = runner.invoke(
            app, ["--data-dir", str(data_dir), "flags", "--transaction", "DIV", "--json"], env=env
        )
        assert res.exit_code == 0, res.output
        doc = json.loads(res.stdout)
        assert {"transaction", "risk_score", "hard_stop", "findings"} <= set(doc)
        f = doc["findings"][0]
        assert {"id", "rule", "title", "severity", "parties", "evidence", "path", "status"} <= set(f)
        assert all({"source", "url", "passage"} <= set(e) for x in doc["findings"] for e in x["evidence"])
        res = runner.invoke(
            app,
            [
                "--data-dir",
                str(data_dir),
                "resolve",
                f["id"],
                "--status",
                "dismissed",
                "--reason",
                "checked",
                "--by",
                "ana",
            ],
            env=env,
        )
        assert res.exit_code == 0, res.output
        bad = runner.invoke(
            app,
            [
                "--data-dir",
                str(data_dir),
                "resolve",
                f["id"],
                "--status",
                "gone",
                "--reason",
                "x",
                "--by",
                "ana",
            ],
            env=env,
        )
        assert bad.exit_code != 0
        out = tmp_path / "r.html"
        res = runner.invoke(
            app,
            [
                "--data-dir",
                str(data_dir),
                "report",
                "--transaction",
                "DIV",
                "--format",
                "html",
                "--out",
                str(out),
            ],
            env=env,
        )
        assert res.exit_code == 0, res.output
        assert "checked" in out.read_text()
    finally:
        falkordb_server.stop(data_dir / "graph")


def test_flags_as_of_changes_the_evaluation_date_not_the_age_of_the_lists(data_dir) -> None:  # noqa: ANN001
    """``--as-of`` moves the evaluation date; the lists' ages say how fresh the stored lists are when checked, so
    they count from the check (``lists_checked_at``) with or without ``--as-of``."""
    import hashlib
    from datetime import UTC, datetime, timedelta

    from crawler.archive import Archive, ListFileInfo
    from crawler.parsers.common import ParsedList
    from graph import falkordb_server
    from ontology.records import ListEntity, Listing
    from redflag.services.pipeline import load_lists

    body = b"name,list\nListed Company 0,EL\n"
    dated = (datetime.now(UTC) - timedelta(days=45)).isoformat(timespec="seconds")
    listed = ParsedList(entities=[ListEntity(id="e0", schema="Company", name="Listed Company 0", dataset="csl",
                                             listings=[Listing(authority="Bureau of Industry and Security",
                                                               list_code="EL", program="EL")])])
    store = FalkorDBStore(data_dir / "graph", "redflag", vocab.labels(), vocab.relationship_types())
    try:
        W.diversion_world(store)
        with Archive(data_dir / "archive") as archive:
            info = ListFileInfo("/lists/csl.csv", hashlib.sha256(body).hexdigest(), len(body), dated)
            archive.store_list("import:csl:csl.csv", "csl", "set-1", listed, run_id=archive.start_run("import:csl"),
                               files=[info])
            load_lists(store, archive)
    finally:
        store.close()
    runner = CliRunner()
    env = {"REDFLAG_GRAPH": "redflag"}
    base = ["--data-dir", str(data_dir), "flags", "--transaction", "DIV", "--json"]
    try:
        now = runner.invoke(app, base, env=env)
        past = runner.invoke(app, [*base, "--as-of", "2019-06-30"], env=env)
        assert now.exit_code == 0, now.output
        assert past.exit_code == 0, past.output
        doc_now, doc_past = json.loads(now.stdout), json.loads(past.stdout)
        assert doc_past["as_of"] == "2019-06-30"
        assert doc_now["as_of"] != "2019-06-30"
        assert doc_past["lists_checked_at"][:4] >= "2026"
        ages_now = [v.get("age_days") for v in doc_now["list_versions"]]
        ages_past = [v.get("age_days") for v in doc_past["list_versions"]]
        assert ages_past and all(a is not None and 44.9 < a < 45.1 for a in ages_past)  # not 45 days + 7 years
        assert [round(a) for a in ages_past] == [round(a) for a in ages_now]
        assert doc_past["lists_stale"] is True and "45 day(s) old" in doc_past["warnings"][0]
    finally:
        falkordb_server.stop(data_dir / "graph")
