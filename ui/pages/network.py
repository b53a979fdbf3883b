"""Network explorer: the neighbourhood of an entity; expand nodes, filter relations, colour by type or risk."""

from __future__ import annotations

from typing import Any

import streamlit as st

from redflag.services import explore
from ui import graphview
from ui.auth import require_login
from ui.common import md_escape, pick_entity, store, subject_to_url

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Network explorer")


def _open_view(node_id: str) -> None:
    """Open the page that shows a node: an entity's profile, a transaction, or say that there is none."""
    kind = str(nodes.get(node_id, {}).get("label") or "")
    if kind == "Transaction":
        st.switch_page("pages/transactions.py", query_params={"transaction": node_id})
    elif kind == "Finding":
        tx = (db.get_node("Finding", node_id) or {}).get("transaction_id")
        if tx:
            st.switch_page("pages/transactions.py", query_params={"transaction": str(tx)})
    elif kind in ("Entity", ""):
        if db.get_node("Entity", node_id) is not None:
            st.session_state["search_id"] = node_id
            st.switch_page("pages/search.py", query_params={"entity": node_id})
    st.info(f"A {md_escape(kind.lower() or 'node')} has no page of its own; its relations are in the table below.")


db = store()

chosen = pick_entity("network", "Centre entity", param="entity")
if chosen and chosen != st.session_state.get("network_center"):  # a new centre (clicked, or from a link)
    st.session_state["network_center"] = chosen
    st.session_state["network_expanded"] = [chosen]
    st.session_state["network_limits"] = {}
centre = chosen or st.session_state.get("network_center")
if not centre:
    st.info("Search an entity above and click it, or open one from its profile (Search & profile > Open in network "
            "explorer), or open a link such as /network?entity=ID.")
    st.stop()
subject_to_url("entity", centre)
f1, f2, f3 = st.columns([3, 1, 1])
types = f1.multiselect("Relation types (none = all)", graphview.EDGE_TYPES, key="network_types")
colour_by = f2.radio("Colour by", ["type", "risk"], horizontal=True, key="network_colour")
cap = int(f3.number_input("Neighbours per node", min_value=5, max_value=200, value=25, step=5, key="network_cap"))
since = st.text_input("Only relations dated on or after (YYYY or YYYY-MM-DD; blank = all)", key="network_since")

expanded: list[str] = list(st.session_state.get("network_expanded") or [centre])
limits: dict[str, int] = dict(st.session_state.get("network_limits") or {})
nodes: dict[str, dict[str, Any]] = {}
edges: dict[str, dict[str, Any]] = {}
hubs: list[tuple[str, str, int, int]] = []
for node_id in expanded:
    hood = explore.neighbours(db, node_id, limit=limits.get(node_id, cap), rel_types=types)
    if hood["center"] is None:
        continue
    for n in hood["nodes"]:
        nodes.setdefault(n["id"], n)
    for e in hood["edges"]:
        date = str(e["props"].get("date") or e["props"].get("start_date") or "")
        if since and date and date < since:
            continue
        edges.setdefault(e["id"], e)
    if hood["total"] > hood["shown"]:
        hubs.append((node_id, hood["center"]["name"], hood["shown"], hood["total"]))

st.text(f"Centre: {nodes.get(centre, {}).get('name', centre)} · {len(nodes)} nodes · {len(edges)} relations")
for node_id, name, shown, total in hubs:
    if st.button(f"Show more around {name} ({shown} of {total})", key=f"more_{node_id}"):
        limits[node_id] = limits.get(node_id, cap) + cap
        st.session_state["network_limits"] = limits
        st.rerun()

graph = graphview.elements(list(nodes.values()), list(edges.values()), colour_by)
event = graphview.draw(graph, key="network_graph", colour_by=colour_by)
graphview.legend(colour_by)
st.caption("Double-click a node (or select it and press expand) to add its neighbours; click an edge for its evidence.")

if isinstance(event, dict) and event.get("timestamp") != st.session_state.get("network_last_ts"):
    st.session_state["network_last_ts"] = event.get("timestamp")
    action, data = event.get("action"), event.get("data") or {}
    if action == "expand":
        for nid in data.get("node_ids", []):
            if nid not in expanded:
                expanded.append(nid)
        st.session_state["network_expanded"] = expanded
        st.rerun()
    elif action == "tap_edge":
        st.session_state["network_edge"] = data.get("target_id")
    elif action == "open_profile":
        _open_view(str((data.get("element_data") or {}).get("node_id") or data.get("element_id")))

edge_id = st.session_state.get("network_edge")
if edge_id and edge_id in edges:
    e = edges[edge_id]
    st.subheader("Evidence for the selected relation")
    st.text(f"{nodes.get(e['source'], {}).get('name', e['source'])} -[{e['type']}]-> "
            f"{nodes.get(e['target'], {}).get('name', e['target'])}")  # fmt: skip
    evidence = e["props"].get("evidence") or []
    found = explore.passages(db, evidence if isinstance(evidence, list) else [evidence])
    if not found:
        st.text("No passage is attached to this relation (it comes from a list, a deal or the master data).")
    for p in found:
        with st.container(border=True):
            st.text(p["text"] or "")
            st.caption(f"{md_escape(p['publisher'])} · tier {md_escape(p['tier'])} · {md_escape(p['url'])}")

st.subheader("Relations shown")
st.dataframe(
    [{"from": nodes.get(e["source"], {}).get("name", e["source"]), "relation": e["type"],
      "to": nodes.get(e["target"], {}).get("name", e["target"]), "id": e["id"]} for e in edges.values()],
    hide_index=True,
)  # fmt: skip
pick = st.selectbox("Open a node's page", sorted(nodes), index=None, key="network_pick",
                    format_func=lambda i: f"{nodes[i]['name']} ({nodes[i].get('label') or 'node'})")  # fmt: skip
if pick and st.button("Open", key="network_open_profile"):
    _open_view(pick)
if st.button("Reset the view", key="network_reset"):
    st.session_state["network_expanded"] = [centre]
    st.session_state["network_limits"] = {}
    st.rerun()
