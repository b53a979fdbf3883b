"""Drawing graphs with the streamlit-cytoscape component (Cytoscape.js, served from the package, no CDN).

Names from data go into element data and are drawn by Cytoscape on a canvas, so a hostile name is displayed
literally. Positions come from ``ui.graphlayout`` (Cytoscape's ``preset`` layout, fitted to the view after
every change); nodes are not selectable inside the component, so its own info panel never opens over the
drawing: a click is sent back to the page, which shows the details beside the graph. Colours come from the
node type or from the node's risk level (``redflag.services.node_risk``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import streamlit as st
from streamlit_cytoscape import EdgeStyle, Event, NodeStyle, streamlit_cytoscape

from redflag.rules.score import band
from redflag.services.node_risk import LEVELS
from ui import graphlayout

TYPE_COLOURS = {
    "Entity": "#1f77b4",
    "Country": "#2ca02c",
    "Transaction": "#9467bd",
    "Item": "#8c564b",
    "Address": "#7f7f7f",
    "Listing": "#d62728",
    "Event": "#ff7f0e",
    "Finding": "#e377c2",
    "Capability": "#17becf",
    "Document": "#bcbd22",
    "Indicator": "#aec7e8",
    "Node": "#c7c7c7",
}
RISK_COLOURS = dict(zip(LEVELS, ("#3b0a45", "#7b0d1e", "#d62728", "#ff7f0e", "#2ca02c", "#c7c7c7", "#7f7f7f"), strict=True))
EDGE_TYPES = [
    "OWNS", "DIRECTOR_OF", "LINKED_TO", "SUPPLIED", "REEXPORTS_TO", "HAS_LISTING", "LOCATED_IN", "HAS_ADDRESS",
    "SAME_AS", "POSSIBLY_SAME_AS", "PARTICIPANT", "HAS_PARTY", "INCLUDES", "DESTINED_FOR", "TRANSITS", "MAKES",
    "HAS_CAPABILITY", "CONCERNS", "HAS_INDICATOR",
]  # fmt: skip


def risk_band(score: Any) -> str:
    """The band of a 0-100 risk score (the deals' bands, redflag/rules/score.py), or ``not scored``."""
    try:
        value = float(score)
    except (TypeError, ValueError):
        return "not scored"
    return band(value)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)


def relation_words(edge_type: str, props: dict[str, Any] | None = None) -> str:
    """A relationship type in words, with the deal role when there is one: ``has party (customer)``."""
    words = str(edge_type or "").replace("_", " ").lower()
    role = (props or {}).get("role")
    return f"{words} ({str(role).replace('_', ' ')})" if role else words


def elements(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    colour_by: str = "type",
    *,
    positions: dict[str, tuple[float, float]] | None = None,
    risks: dict[str, dict[str, str]] | None = None,
    focus: str | None = None,
    edge_captions: dict[str, str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements: node data ``label`` is the style group, ``name`` the caption (plain text).

    ``positions`` (id -> (x, y) px) places the nodes; ``risks`` (``node_risk.node_risks``) gives each node's
    level when ``colour_by`` is ``risk``; ``focus`` is the node or edge id drawn highlighted; edges whose ends
    are not both drawn are left out; ``edge_captions`` replaces the relation words on an edge.
    """
    out_nodes = []
    for n in nodes:
        nid = str(n["id"])
        kind = str(n.get("label") or "Node")
        group = kind if kind in TYPE_COLOURS else "Node"
        if colour_by == "risk":
            level = (risks or {}).get(nid, {}).get("level") or "not scored"
            group = f"risk_{_slug(level)}"
        classes = " ".join(c for c in ("focus" if nid == focus else "", str(n.get("classes") or "")) if c)
        el: dict[str, Any] = {"data": {"id": nid, "label": group, "name": str(n.get("name") or nid)[:120], "type": kind},
                              "selectable": False, "classes": classes}  # fmt: skip
        if positions and nid in positions:
            el["position"] = {"x": positions[nid][0], "y": positions[nid][1]}
        out_nodes.append(el)
    known = {n["data"]["id"] for n in out_nodes}
    out_edges = []
    for e in edges:
        if str(e["source"]) not in known or str(e["target"]) not in known:
            continue
        eid = str(e["id"])
        caption = (edge_captions or {}).get(eid) or relation_words(str(e["type"]), e.get("props"))
        data = {"id": eid, "source": str(e["source"]), "target": str(e["target"]), "label": "rel", "caption": caption}
        classes = " ".join(c for c in ("focus" if eid == focus else "", str(e.get("classes") or "")) if c)
        out_edges.append({"data": data, "selectable": False, "classes": classes})
    return {"nodes": out_nodes, "edges": out_edges}


class _Rule(NodeStyle):
    """A style for any Cytoscape selector (the package's NodeStyle only selects by label)."""

    def __init__(self, selector: str, style: dict[str, Any]) -> None:
        super().__init__(label="")
        self.selector, self.style = selector, style

    def dump(self) -> dict[str, Any]:
        return {"selector": self.selector, "style": self.style}


_TEXT = {"label": "data(name)", "color": "#1a1a1a", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
         "min-zoomed-font-size": 0, "text-wrap": "ellipsis", "text-max-width": graphlayout.CAPTION_WIDTH,
         "width": 26, "height": 26}  # fmt: skip


def _styles(colour_by: str) -> tuple[list[NodeStyle], list[EdgeStyle]]:
    if colour_by == "risk":
        node_styles = [NodeStyle(f"risk_{_slug(level)}", colour, "name", custom_styles=_TEXT) for level, colour in RISK_COLOURS.items()]
    else:
        node_styles = [NodeStyle(label, colour, "name", custom_styles=_TEXT) for label, colour in TYPE_COLOURS.items()]
    node_styles.append(_Rule("node.focus", {"border-width": 4, "border-color": "#111", "width": 34, "height": 34,
                                            "font-weight": "bold"}))  # fmt: skip
    node_styles.append(_Rule("edge.focus", {"width": 4, "line-color": "#111", "target-arrow-color": "#111"}))
    # a path drawing (ui/pathdraw.py): larger type, captions above and below in turn so neighbours never collide
    node_styles.append(_Rule("node.path", {"font-size": 17, "text-max-width": 2 * graphlayout.HOP - 30, "width": 30,
                                           "height": 30}))  # fmt: skip
    node_styles.append(_Rule("node.up", {"text-valign": "top", "text-margin-y": -4}))
    node_styles.append(_Rule("edge.path", {"font-size": 14, "text-max-width": graphlayout.HOP - 40, "width": 2.5}))
    edge_styles = [EdgeStyle("rel", caption="caption", directed=True,
                             custom_styles={"font-size": 10, "color": "#444", "min-zoomed-font-size": 0, "text-wrap": "wrap", "text-max-width": 200,
                                            "text-background-color": "#ffffff", "text-background-opacity": 0.85,
                                            "text-rotation": "autorotate"})]  # fmt: skip
    return node_styles, edge_styles


def draw(graph: dict[str, list[dict[str, Any]]], key: str, colour_by: str = "type", height: int = 560,
         min_padding: int = 0) -> Any:
    """Draw the elements at their positions and fit them to the view; returns the last click event or None.

    Events: ``{"action": "tap_node"|"tap_edge"|"expand_node", "data": {"target_id": ID}, "timestamp": ms}``
    (``expand_node`` on a double click). ``min_padding`` (px) keeps wide end captions inside the view.
    """
    node_styles, edge_styles = _styles(colour_by)
    node_styles.append(_Rule("node.spacer", {"opacity": 0, "events": "no", "label": "", "width": 1, "height": 1}))
    points = [(n["position"]["x"], n["position"]["y"]) for n in graph["nodes"] if "position" in n]
    revision = hashlib.sha256(json.dumps(graph, sort_keys=True).encode()).hexdigest()[:16]
    layout = {"name": "preset", "fit": True, "animate": False, "revision": revision, "padding": 10}
    if points and len(points) == len(graph["nodes"]):
        # Two invisible corner nodes hold the margin: the component also fits the view on its own (on every
        # resize, without padding), so captions at the edges and a small drawing's zoom are kept by them
        graph = {"nodes": graph["nodes"] + _spacers(points, max(min_padding, 90), graphlayout.fit_padding(points, height)),
                 "edges": graph["edges"]}  # fmt: skip
    if len(points) < len(graph["nodes"]) - 2:  # no positions given: let Cytoscape lay them out
        layout = {"name": "breadthfirst", "directed": True, "fit": True, "animate": False, "padding": 30,
                  "revision": revision}  # fmt: skip
    return streamlit_cytoscape(
        graph,
        layout=layout,
        node_styles=node_styles,
        edge_styles=edge_styles,
        height=height,
        key=key,
        events=[Event("tap_edge", "tap", "edge"), Event("tap_node", "tap", "node"),
                Event("expand_node", "dblclick", "node")],  # fmt: skip
    )


def _spacers(points: list[tuple[float, float]], margin: int, padding: int) -> list[dict[str, Any]]:
    """Invisible nodes at the corners of the drawing plus ``margin`` (and the small-drawing ``padding``), px."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad = margin + max(0, padding - 60)
    corners = ((min(xs) - pad - 70, min(ys) - pad), (max(xs) + pad + 50, max(ys) + pad))  # the panel strip, the zoom bar
    return [{"data": {"id": f"_spacer{i}", "label": "spacer", "name": ""}, "position": {"x": x, "y": y},
             "selectable": False, "grabbable": False, "classes": "spacer"} for i, (x, y) in enumerate(corners)]  # fmt: skip


def legend(colour_by: str, present: dict[str, int]) -> None:
    """Coloured chips for the groups drawn (type or risk level) with how many nodes each has."""
    colours = RISK_COLOURS if colour_by == "risk" else TYPE_COLOURS
    chips = []
    for name, colour in colours.items():
        if present.get(name):
            chips.append(
                f'<span style="display:inline-flex;align-items:center;margin:0 14px 4px 0">'
                f'<span style="width:14px;height:14px;border-radius:50%;background:{colour};'
                f'display:inline-block;margin-right:6px;border:1px solid #555"></span>{name} ({int(present[name])})</span>'
            )
    # only the constant names and colours above and integers reach this HTML, never data from the graph
    st.markdown('<div data-testid="graph-legend">' + "".join(chips) + "</div>", unsafe_allow_html=True)
