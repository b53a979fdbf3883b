"""Validate an exported RDF graph against the SHACL shapes (ontology/shapes.ttl) with pySHACL.

The ontology (model, capabilities, red flags, tiers) is passed as ``ont_graph`` with RDFS inference, so
subclasses count (a ``rf:Company`` is an ``rf:Entity``) and the shapes can look values up in the schemes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH

from ontology.vocab import ontology_graph, shapes_graph

__all__ = ["ValidationOutcome", "validate_file", "validate_graph"]


@dataclass(frozen=True)
class ValidationOutcome:
    conforms: bool
    report_text: str
    violations: int


def validate_graph(data: Graph) -> ValidationOutcome:
    """Validate an in-memory RDF graph against the shapes."""
    # pySHACL copies only the ontology's class and property axioms into the data graph, not the SKOS concepts
    # (red flags, capabilities, roles, tiers) that several shapes look up, so the whole ontology is mixed in here.
    mixed = Graph()
    mixed += data
    mixed += ontology_graph()
    conforms, report_graph, report_text = validate(
        mixed,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="rdfs",
        advanced=True,
        allow_warnings=False,
    )
    assert isinstance(report_graph, Graph)
    violations = sum(1 for _ in report_graph.subjects(SH.resultSeverity, SH.Violation))
    return ValidationOutcome(conforms=bool(conforms), report_text=str(report_text), violations=violations)


def validate_file(path: str | Path, format: str | None = None) -> ValidationOutcome:
    """Validate an RDF file (Turtle unless the suffix or ``format`` says otherwise).

    Raises FileNotFoundError for a missing file and ValueError naming the file for one that does not parse.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such file")
    data = Graph()
    try:
        data.parse(p, format=format or ("turtle" if p.suffix in {".ttl", ""} else None))
    except Exception as exc:  # rdflib raises several parser error types
        raise ValueError(f"{p}: cannot parse as RDF: {exc}") from exc
    return validate_graph(data)
