"""GraphML: well-formed XML with typed keys; awkward text is escaped, forbidden characters dropped."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from sample_dump import NODES, RELS

from graph.export.graphml import NS, write_graphml

G = f"{{{NS}}}"


def _parse(path: Path) -> tuple[dict[str, tuple[str, str, str]], ET.Element]:
    root = ET.parse(path).getroot()
    keys = {
        k.get("id", ""): (k.get("for", ""), k.get("attr.name", ""), k.get("attr.type", ""))
        for k in root.iter(f"{G}key")
    }
    graph = root.find(f"{G}graph")
    assert graph is not None
    return keys, graph


def _data(el: ET.Element, keys: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    return {keys[d.get("key", "")][1]: d.text or "" for d in el.findall(f"{G}data")}


def test_nodes_and_edges_round_trip_through_an_xml_parser(tmp_path: Path) -> None:
    keys, graph = _parse(write_graphml(NODES, RELS, tmp_path / "g.graphml"))
    nodes = {n.get("id"): _data(n, keys) for n in graph.findall(f"{G}node")}
    assert nodes["ent-vendor"]["name"] == 'Vantor "Optics" <GmbH> & Co'
    assert json.loads(nodes["ent-vendor"]["aliases"]) == ["Vantor", "VOG"]
    assert nodes["ent-vendor"]["labels"] == "Entity"
    assert nodes["ent-vendor"]["unscreened"] == "false"
    edges = [(e.get("source"), e.get("target"), _data(e, keys)["type"]) for e in graph.findall(f"{G}edge")]
    assert ("ent-agency", "ent-vendor", "OWNS") in edges
    assert len(edges) == 4
    types = {(dom, name): typ for dom, name, typ in keys.values()}
    assert types[("edge", "share")] == "double"
    assert types[("node", "unscreened")] == "boolean"


def test_control_characters_are_dropped_and_markup_is_escaped(tmp_path: Path) -> None:
    nodes = [{"id": "a\x01b", "labels": ["Entity"], "props": {"name": "</data><x>\x00\x0b ok &amp;"}}]
    path = write_graphml(nodes, [], tmp_path / "g.graphml")
    keys, graph = _parse(path)
    (node,) = graph.findall(f"{G}node")
    assert node.get("id") == "ab"
    assert _data(node, keys)["name"] == "</data><x> ok &amp;"
