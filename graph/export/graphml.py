"""Export a property-graph dump as GraphML (XML), readable by Gephi, yEd, NetworkX and Cytoscape.

Each property key becomes a ``<key>`` with a GraphML type (boolean, long, double, string); lists are written
as JSON text. Node labels go in the ``labels`` key (``;``-joined), relationship types in ``type``. Text is
escaped by the XML writer and cleaned of the characters XML 1.0 forbids.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

Row = Mapping[str, Any]
NS = "http://graphml.graphdrawing.org/xmlns"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return _clean(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return _clean(str(value))


class _Keys:
    """GraphML ``<key>`` declarations per (domain, property); a key seen with two types becomes a string."""

    def __init__(self) -> None:
        self.types: dict[tuple[str, str], str] = {}

    def see(self, domain: str, name: str, value: Any) -> None:
        kind = _kind(value)
        old = self.types.setdefault((domain, name), kind)
        if old != kind:
            self.types[(domain, name)] = "string"

    def ids(self) -> dict[tuple[str, str], str]:
        return {dk: f"{dk[0][0]}{i}" for i, dk in enumerate(sorted(self.types))}


def to_graphml(nodes: Iterable[Row], relationships: Iterable[Row]) -> ET.ElementTree:
    node_list = list(nodes)
    rel_list = list(relationships)
    keys = _Keys()
    for node in node_list:
        keys.see("node", "labels", "")
        for k, v in (node.get("props") or {}).items():
            keys.see("node", k, v)
    for rel in rel_list:
        keys.see("edge", "type", "")
        for k, v in (rel.get("props") or {}).items():
            keys.see("edge", k, v)
    ids = keys.ids()

    root = ET.Element("graphml", {"xmlns": NS})
    for (domain, name), key_id in ids.items():
        ET.SubElement(
            root,
            "key",
            {"id": key_id, "for": domain, "attr.name": _clean(name), "attr.type": keys.types[(domain, name)]},
        )
    graph = ET.SubElement(root, "graph", {"id": "redflag", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, name: str, value: Any) -> None:
        ET.SubElement(parent, "data", {"key": ids[(domain, name)]}).text = _text(value)

    for node in node_list:
        el = ET.SubElement(graph, "node", {"id": _clean(str(node["id"]))})
        data(el, "node", "labels", ";".join(node.get("labels") or []))
        for k, v in sorted((node.get("props") or {}).items()):
            data(el, "node", k, v)
    for i, rel in enumerate(rel_list):
        el = ET.SubElement(
            graph,
            "edge",
            {"id": f"e{i}", "source": _clean(str(rel["source"])), "target": _clean(str(rel["target"]))},
        )
        data(el, "edge", "type", rel["type"])
        for k, v in sorted((rel.get("props") or {}).items()):
            data(el, "edge", k, v)
    return ET.ElementTree(root)


def write_graphml(nodes: Iterable[Row], relationships: Iterable[Row], path: str | Path) -> Path:
    """Write the dump as a UTF-8 GraphML file; returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tree = to_graphml(nodes, relationships)
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out
