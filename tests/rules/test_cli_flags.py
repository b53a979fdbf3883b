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
