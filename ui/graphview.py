"""Drawing graphs with the streamlit-cytoscape component.

Names from data go into element data and are drawn by Cytoscape on a canvas (and shown in its info
panel as text nodes), so a hostile name is displayed literally. Colours come from the node type or risk.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit_cytoscape import EdgeStyle, Event, InfopanelAction, NodeStyle, streamlit_cytoscape

from redflag.rules.score import band

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
}
RISK_COLOURS = {"critical": "#7b0d1e", "high": "#d62728", "medium": "#ff7f0e", "low": "#2ca02c", "unknown": "#7f7f7f"}
EDGE_TYPES = [
    "OWNS", "DIRECTOR_OF", "LINKED_TO", "SUPPLIED", "REEXPORTS_TO", "HAS_LISTING", "LOCATED_IN", "HAS_ADDRESS",
    "SAME_AS", "POSSIBLY_SAME_AS", "PARTICIPANT", "HAS_PARTY", "INCLUDES", "DESTINED_FOR", "TRANSITS", "MAKES",
    "HAS_CAPABILITY", "CONCERNS", "HAS_INDICATOR",
]  # fmt: skip


def risk_band(score: Any) -> str:
    """The band of a 0-100 risk score (the deals' bands, redflag/rules/score.py), or ``unknown`` if there is none."""
    try:
        value = float(score)
    except (TypeError, ValueError):
        return "unknown"
    return band(value)


def elements(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], colour_by: str = "type"
) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements: node data ``label`` is the style group, ``name`` the caption (plain text)."""
    out_nodes = []
    for n in nodes:
        group = n.get("label") or "Node"
        if colour_by == "risk":
            group = f"risk_{risk_band(n.get('risk'))}"
        out_nodes.append(
            {"data": {"id": str(n["id"]), "label": group, "name": str(n.get("name") or n["id"])[:80],
                      "type": str(n.get("label") or ""), "node_id": str(n["id"])}}
        )  # fmt: skip
    known = {n["data"]["id"] for n in out_nodes}
    out_edges = []
    for e in edges:
        if str(e["source"]) not in known or str(e["target"]) not in known:
            continue
        data = {"id": str(e["id"]), "source": str(e["source"]), "target": str(e["target"]), "label": str(e["type"])}
        for k, v in (e.get("props") or {}).items():
            if k not in data and k not in ("id", "source", "target", "label"):
                data[k] = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        out_edges.append({"data": data})
    return {"nodes": out_nodes, "edges": out_edges}


_TEXT = {"label": "data(name)", "color": "#1a1a1a", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
         "min-zoomed-font-size": 0, "text-wrap": "ellipsis", "text-max-width": 160}  # fmt: skip


def _styles(colour_by: str) -> tuple[list[NodeStyle], list[EdgeStyle]]:
    if colour_by == "risk":
        node_styles = [NodeStyle(f"risk_{band}", colour, "name", custom_styles=_TEXT) for band, colour in RISK_COLOURS.items()]
    else:
        node_styles = [NodeStyle(label, colour, "name", custom_styles=_TEXT) for label, colour in TYPE_COLOURS.items()]
        node_styles.append(NodeStyle("Node", "#7f7f7f", "name", custom_styles=_TEXT))
    edge_styles = [EdgeStyle(t, caption="label", directed=True, custom_styles={"font-size": 9, "color": "#555"}) for t in EDGE_TYPES]
    return node_styles, edge_styles


def draw(graph: dict[str, list[dict[str, Any]]], key: str, colour_by: str = "type", height: int = 560) -> Any:
    """Draw the elements; returns the component's last event ({action, data}) or None."""
    node_styles, edge_styles = _styles(colour_by)
    layout = "cose" if len(graph["nodes"]) <= 200 else "grid"
    return streamlit_cytoscape(
        graph,
        layout=layout,
        node_styles=node_styles,
        edge_styles=edge_styles,
        height=height,
        key=key,
        node_actions=["expand"],
        events=[Event("tap_edge", "tap", "edge"), Event("tap_node", "tap", "node")],
        infopanel_actions=[InfopanelAction("open_profile", "Open profile")],
    )


def legend(colour_by: str) -> None:
    colours = RISK_COLOURS if colour_by == "risk" else TYPE_COLOURS
    st.caption("Colours: " + ", ".join(f"{k} {v}" for k, v in colours.items()))
