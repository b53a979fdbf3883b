"""Export a property-graph dump to RDF, typed by the ontology.

Input is the store's dump: nodes ``{"id", "labels", "props"}`` and relationships ``{"type", "source",
"target", "props"}``. Labels become classes (``rf:graphLabel``), relationship types object properties
(``rf:relationshipType``), property keys datatype properties (``rf:propertyKey``, otherwise
``rf:<lowerCamelCase>``); Entity nodes are also typed by the class of their FtM ``schema``. A relationship
with properties is also written as a reified ``rdf:Statement`` carrying them. Strings are cleaned of the
characters XML 1.0 forbids so that the Turtle (and any RDF/XML) serialisation stays valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ontology import vocab

ID_BASE = "https://redflag.example.org/id/"
SKIPPED_KEYS = frozenset({"password", "secret", "token"})

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; everything else goes.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")

__all__ = ["ID_BASE", "clean_text", "node_iri", "to_rdf", "write_turtle"]


class ExportError(ValueError):
    """A node or relationship of the dump cannot be exported; the message names it."""


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls except tab/LF/CR, surrogates, U+FFFE/F)."""
    return _FORBIDDEN.sub("", text)


def node_iri(node_id: str) -> URIRef:
    """The IRI of a graph node: ``https://redflag.example.org/id/<percent-encoded id>``."""
    cleaned = clean_text(str(node_id))
    if not cleaned:
        raise ExportError(f"node id {node_id!r} is empty")
    return URIRef(ID_BASE + quote(cleaned, safe=""))


def _is_skipped(key: str) -> bool:
    k = key.lower()
    return k in SKIPPED_KEYS or any(k.endswith("_" + s) for s in SKIPPED_KEYS)


def _literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        if math.isnan(value):
            return Literal("NaN", datatype=XSD.double)
        if math.isinf(value):
            return Literal("INF" if value > 0 else "-INF", datatype=XSD.double)
        return Literal(repr(value), datatype=XSD.double)
    if isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, str):
        text = clean_text(value)
        if _DATE.match(text):
            try:
                dt.date.fromisoformat(text)
                return Literal(text, datatype=XSD.date)
            except ValueError:
                pass
        elif _DATETIME.match(text):
            try:
                dt.datetime.fromisoformat(text)
                return Literal(text, datatype=XSD.dateTime)
            except ValueError:
                pass
        return Literal(text)
    # dicts and anything else: a JSON string, so nothing is lost
    return Literal(clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)))


def _values(value: Any) -> list[Any]:
    if isinstance(value, list | tuple | set | frozenset):
        return [v for v in value if v is not None]
    return [value]


def _reference(kind: str, value: Any) -> URIRef:
    text = clean_text(str(value))
    if kind == "node":
        return node_iri(text)
    # red flags and capability concepts live in the ontology namespace
    return URIRef(str(vocab.NS) + quote(text, safe="-_."))


def _add_props(g: Graph, subject: URIRef, props: Mapping[str, Any], where: str) -> None:
    for key, value in props.items():
        if not isinstance(key, str):
            raise ExportError(f"{where}: property key {key!r} is not a string")
        if key == "id" or value is None or _is_skipped(key):
            continue
        try:
            prop = vocab.property_for_key(key)
        except ValueError as exc:
            raise ExportError(f"{where}: {exc}") from None
        refers = vocab.property_refers_to(prop)
        for v in _values(value):
            g.add((subject, prop, _reference(refers, v) if refers else _literal(v)))


def _require(d: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in d:
        raise ExportError(f"{where}: missing {key!r}")
    if not isinstance(d[key], kind):
        wanted = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise ExportError(f"{where}: {key!r} must be {wanted}, got {type(d[key]).__name__}")
    return d[key]


def _add_node(g: Graph, index: int, node: Mapping[str, Any]) -> None:
    where = f"node #{index}"
    if not isinstance(node, Mapping):
        raise ExportError(f"{where}: must be a mapping, got {type(node).__name__}")
    node_id = _require(node, "id", str, where)
    where = f"node #{index} (id {node_id!r})"
    node_labels = _require(node, "labels", (list, tuple), where)
    props = node.get("props") or {}
    if not isinstance(props, Mapping):
        raise ExportError(f"{where}: 'props' must be a mapping")
    subject = node_iri(node_id)
    g.add((subject, vocab.NS.id, Literal(clean_text(node_id))))
    for label in node_labels:
        try:
            g.add((subject, RDF.type, vocab.class_for_label(str(label))))
        except KeyError as exc:
            raise ExportError(f"{where}: {exc.args[0]}") from None
    if "Entity" in node_labels and isinstance(props.get("schema"), str):
        # an undeclared schema is left to SHACL (EntityShape) to report
        try:
            g.add((subject, RDF.type, vocab.class_for_schema(props["schema"])))
        except KeyError:
            pass
    if "Capability" in node_labels:
        try:
            vocab.capability(node_id)
            g.add((subject, vocab.NS.concept, vocab.NS[node_id]))
        except KeyError:
            pass  # CapabilityShape reports a Capability without a concept
    _add_props(g, subject, props, where)


def _statement_iri(rel_type: str, source: str, target: str, props: Mapping[str, Any]) -> URIRef:
    payload = json.dumps([rel_type, source, target, props], sort_keys=True, default=str, ensure_ascii=True)
    return URIRef(ID_BASE + "rel/" + hashlib.sha256(payload.encode("ascii")).hexdigest()[:24])


def _add_relationship(g: Graph, index: int, rel: Mapping[str, Any]) -> None:
    where = f"relationship #{index}"
    if not isinstance(rel, Mapping):
        raise ExportError(f"{where}: must be a mapping, got {type(rel).__name__}")
    rel_type = _require(rel, "type", str, where)
    source = _require(rel, "source", str, where)
    target = _require(rel, "target", str, where)
    where = f"relationship #{index} ({source!r} -[{rel_type}]-> {target!r})"
    props = rel.get("props") or {}
    if not isinstance(props, Mapping):
        raise ExportError(f"{where}: 'props' must be a mapping")
    try:
        prop = vocab.property_for_relationship(rel_type)
    except KeyError as exc:
        raise ExportError(f"{where}: {exc.args[0]}") from None
    s, o = node_iri(source), node_iri(target)
    g.add((s, prop, o))
    kept = {k: v for k, v in props.items() if v is not None and not (isinstance(k, str) and _is_skipped(k))}
    if not kept:
        return
    statement = _statement_iri(rel_type, source, target, kept)
    g.add((statement, RDF.type, RDF.Statement))
    reified = vocab.ontology_graph().value(prop, vocab.NS.reifiedAs)
    if isinstance(reified, URIRef):
        g.add((statement, RDF.type, reified))
    g.add((statement, RDF.subject, s))
    g.add((statement, RDF.predicate, prop))
    g.add((statement, RDF.object, o))
    _add_props(g, statement, kept, where)


def to_rdf(nodes: Iterable[Mapping[str, Any]], relationships: Iterable[Mapping[str, Any]]) -> Graph:
    """The RDF graph of a property-graph dump. Raises :class:`ExportError` (a ValueError) naming the bad
    node or relationship when a label, relationship type or property key cannot be mapped."""
    g = Graph(bind_namespaces="none")
    g.bind("rf", vocab.NS)
    g.bind("rdf", RDF)
    g.bind("xsd", XSD)
    g.bind("skos", SKOS)
    for i, node in enumerate(nodes):
        _add_node(g, i, node)
    for i, rel in enumerate(relationships):
        _add_relationship(g, i, rel)
    return g


def write_turtle(graph: Graph, path: str | Path) -> Path:
    """Write ``graph`` as UTF-8 Turtle to ``path`` (parent directories are created); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = graph.serialize(format="turtle", encoding="utf-8")
    out.write_bytes(data)
    return out
