"""Export the graph store to a file (or folder): Turtle in the ontology's terms, FtM JSON lines, GraphML, CSV.

Confidential material never leaves through an export: nodes labelled Grievance (and the relationships
touching them), properties whose key starts with ``reporter_``, and credentials (keys password, secret,
token, or ending in ``_password``/``_secret``/``_token``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.store import GraphStore

FORMATS = ("turtle", "ftm", "graphml", "csv")
CONFIDENTIAL_LABELS = frozenset({"Grievance"})
_SECRET_KEYS = ("password", "secret", "token")


def _secret_or_confidential(key: str) -> bool:
    k = key.lower()
    return k.startswith("reporter_") or any(k == s or k.endswith("_" + s) for s in _SECRET_KEYS)


def _clean_props(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if not _secret_or_confidential(k)}


def redact(
    nodes: Iterable[Mapping[str, Any]], relationships: Iterable[Mapping[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The dump without confidential nodes, their relationships, and secret or reporter properties."""
    kept: list[dict[str, Any]] = []
    dropped: set[str] = set()
    for node in nodes:
        if CONFIDENTIAL_LABELS & set(node.get("labels") or []):
            dropped.add(str(node["id"]))
            continue
        props = _clean_props(node.get("props") or {})
        if "Finding" in (node.get("labels") or []):
            # a finding may cite a grievance; exports keep only the count of grievances, never their content
            from redflag.stewardship.grievances import scrub_finding_props

            props = scrub_finding_props(props)
        kept.append({**node, "props": props})
    rels = [
        {**rel, "props": _clean_props(rel.get("props") or {})}
        for rel in relationships
        if str(rel["source"]) not in dropped and str(rel["target"]) not in dropped
    ]
    return kept, rels


def export_graph(store: GraphStore, fmt: str, out: Path) -> Path:
    """Write the whole graph in ``fmt`` (turtle, ftm, graphml: a file; csv: a folder) to ``out``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    node_iter, rel_iter = store.dump()
    nodes, rels = redact(node_iter, rel_iter)
    if fmt == "turtle":
        from graph.export.rdf import to_rdf, write_turtle

        return write_turtle(to_rdf(nodes, rels), out)
    if fmt == "ftm":
        from graph.export.ftm import write_ftm

        return write_ftm(nodes, rels, out)
    if fmt == "graphml":
        from graph.export.graphml import write_graphml

        return write_graphml(nodes, rels, out)
    from graph.export.csv import write_csv

    return write_csv(nodes, rels, out)
