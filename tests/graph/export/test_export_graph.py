"""``export_graph`` and ``redflag export``: every format from a loaded store, confidential data kept out,
and the Turtle export validates against the ontology's SHACL shapes (``redflag validate``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import falkordb_server
from graph.store import GraphStore, NodeRecord, RelRecord
from redflag.services.exports import FORMATS, export_graph, redact
from redflag.services.store import open_store
from redflag.settings import load_settings

SECRET = "s3cr3t-t0ken-value"
REPORTER = "Reporter Name Withheld"


def _load(store: GraphStore) -> None:
    store.merge_nodes(
        [
            NodeRecord(
                "Entity",
                "ent-vendor",
                {
                    "schema": "Company",
                    "name": "Vantor Optics",
                    "countries": ["XA"],
                    "api_token": SECRET,
                    "reporter_name": REPORTER,
                },
            ),
            NodeRecord("Entity", "ent-agency", {"schema": "PublicBody", "name": "Bureau of Order"}),
            NodeRecord("Country", "XA", {"name": "Arcadia"}),
        ]
    )
    store.merge_rels(
        [
            RelRecord("LOCATED_IN", "Entity", "ent-vendor", "Country", "XA"),
            RelRecord(
                "OWNS", "Entity", "ent-agency", "Entity", "ent-vendor", {"share": 51.0, "password": SECRET}
            ),
        ]
    )


@pytest.fixture
def loaded(data_dir: Path) -> Iterator[GraphStore]:
    settings = load_settings(data_dir)
    try:
        with open_store(settings) as store:
            _load(store)
            yield store
    finally:
        falkordb_server.stop(settings.graph_dir)


def _all_text(path: Path) -> str:
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "".join(f.read_text(encoding="utf-8") for f in files)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exports_the_graph_without_secrets_or_reporter_data(
    loaded: GraphStore, tmp_path: Path, fmt: str
) -> None:
    written = export_graph(loaded, fmt, tmp_path / f"export-{fmt}")
    text = _all_text(written)
    assert "Vantor Optics" in text
    assert "Bureau of Order" in text
    assert SECRET not in text
    assert REPORTER not in text


def test_an_unknown_format_names_the_allowed_ones(loaded: GraphStore, tmp_path: Path) -> None:
    with pytest.raises(
        ValueError, match="unknown export format 'pdf': choose one of turtle, ftm, graphml, csv"
    ):
        export_graph(loaded, "pdf", tmp_path / "x")


def test_grievance_nodes_and_their_relationships_are_never_exported() -> None:
    nodes = [
        {"id": "g1", "labels": ["Grievance"], "props": {"text": "confidential complaint"}},
        {
            "id": "e1",
            "labels": ["Entity"],
            "props": {"name": "A", "reporter_email": "x@example.org", "token": "t"},
        },
    ]
    rels = [
        {"type": "CONCERNS", "source": "g1", "target": "e1", "props": {}},
        {"type": "LINKED_TO", "source": "e1", "target": "e1", "props": {"db_secret": "s", "status": "ok"}},
    ]
    kept_nodes, kept_rels = redact(nodes, rels)
    assert kept_nodes == [{"id": "e1", "labels": ["Entity"], "props": {"name": "A"}}]
    assert kept_rels == [{"type": "LINKED_TO", "source": "e1", "target": "e1", "props": {"status": "ok"}}]


def test_cli_export_turtle_then_validate_succeeds(loaded: GraphStore, data_dir: Path, tmp_path: Path) -> None:
    from redflag.cli import _load_areas
    from redflag.cli.app import app

    _load_areas()
    runner = CliRunner()
    out = tmp_path / "graph.ttl"

    exported = runner.invoke(
        app, ["--data-dir", str(data_dir), "export", "--format", "turtle", "--out", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    assert out.exists()

    validated = runner.invoke(app, ["--data-dir", str(data_dir), "validate", str(out)])
    assert validated.exit_code == 0, validated.output
    assert "conforms" in validated.output
