"""Every node label and relationship type of docs/GRAPH-MODEL.md is declared in the ontology, and back."""

import re
from pathlib import Path

from ontology import vocab

DOC = Path(__file__).resolve().parents[2] / "docs" / "GRAPH-MODEL.md"


def _table_first_column(heading: str) -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            not line.startswith("|")
            or not cells[0]
            or set(cells[0]) <= {"-"}
            or cells[0] in {"label", "type"}
        ):
            continue
        names.update(n.strip() for n in cells[0].split("/"))
    return names


def test_document_tables_are_found():
    assert "Entity" in _table_first_column("Node labels")
    assert {"SAME_AS", "POSSIBLY_SAME_AS"} <= _table_first_column("Relationship types")


def test_every_documented_label_is_declared():
    assert _table_first_column("Node labels") == vocab.labels()


def test_every_documented_relationship_type_is_declared():
    assert _table_first_column("Relationship types") == vocab.relationship_types()


def test_documented_schemas_are_declared():
    text = DOC.read_text(encoding="utf-8")
    listed = re.search(r"`schema` \(FtM: ([^)]*)\)", text)
    assert listed is not None
    assert {s.strip() for s in listed.group(1).split(",")} == vocab.ftm_schemas()


def test_labels_and_types_are_graph_names():
    assert all(re.fullmatch(r"[A-Z][A-Za-z]*", label) for label in vocab.labels())
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", t) for t in vocab.relationship_types())
