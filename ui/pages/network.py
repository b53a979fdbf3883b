"""Network explorer: the neighbourhood of an entity; expand and collapse nodes, filter relations by type and
date, colour by type or risk, the details of a clicked node or relation beside the graph."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from redflag.services import explore
from redflag.services.node_risk import node_risks
from ui import graphlayout, graphview
from ui.auth import require_login
from ui.common import features_text, kv_table, md_escape, pick_entity, store, subject_to_url
from ui.findings_view import show_evidence

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Network explorer")
db = store()

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HIDDEN_PROPS = ("evidence", "explanation", "key")


def _reset(centre: str) -> None:
    st.session_state["network_center"] = centre
    st.session_state["network_expanded"] = [centre]
    st.session_state["network_positions"] = {}
    st.session_state["network_limits"] = {}
    st.session_state["network_focus"] = {"kind": "node", "id": centre}


chosen = pick_entity("network", "Centre entity", param="entity")
if chosen and chosen != st.session_state.get("network_center"):  # a new centre (clicked, or from a link)
    _reset(chosen)
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
d1, d2 = st.columns([3, 2])
since = d1.text_input("Only relations dated on or after (YYYY, YYYY-MM or YYYY-MM-DD; blank = all)",
                      key="network_since").strip()  # fmt: skip
keep_undated = d2.checkbox("Keep relations without a date", value=True, key="network_undated")
if since and not DATE.match(since):
    st.error(f"“{md_escape(since[:40])}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD. The date filter is off.")
    since = ""

expanded: list[str] = list(st.session_state.get("network_expanded") or [centre])
positions: dict[str, tuple[float, float]] = dict(st.session_state.get("network_positions") or {})
limits: dict[str, int] = dict(st.session_state.get("network_limits") or {})
nodes: dict[str, dict[str, Any]] = {}
edges: dict[str, dict[str, Any]] = {}
brought_by: dict[str, str] = {}  # node -> the expanded node whose neighbourhood first drew it
hubs: list[tuple[str, str, int, int]] = []
totals: dict[str, int] = {}
before_date = undated = 0
for node_id in expanded:
    hood = explore.neighbours(db, node_id, limit=limits.get(node_id, cap), rel_types=types)
    if hood["center"] is None:
        continue
    nodes.setdefault(node_id, hood["center"])
    totals[node_id] = hood["total"]
    for e in hood["edges"]:
        date = str(e["props"].get("date") or e["props"].get("start_date") or e["props"].get("published") or "")
        if date and not re.match(r"^\d{4}", date):  # free text ("March 2023"): its year, else undated
            year = re.search(r"\b(1[89]|20)\d{2}\b", date)
            date = year.group(0) if year else ""
        if since and date and date[: len(since)] < since:
            before_date += 1
            continue
        if since and not date and not keep_undated:
            undated += 1
            continue
        edges.setdefault(e["id"], e)
        other = e["other"]
        if other not in nodes:
            nodes[other] = {"id": other, "name": e["other_name"], "label": e["other_label"], "risk": None}
            brought_by[other] = node_id
    if hood["total"] > hood["shown"]:
        hubs.append((node_id, hood["center"]["name"], hood["shown"], hood["total"]))
expanded = [n for n in expanded if n in nodes]

# What the filters left out, said plainly (a filter that leaves nothing never looks like "no relations")
if types or since:
    what = []
    if types:
        what.append("of type " + ", ".join(types))
    if since:
        what.append(f"dated on or after {since}" + ("" if keep_undated else " (undated ones hidden)"))
    if not edges:
        unfiltered = sum(explore.neighbours(db, n, limit=1)["total"] for n in expanded)
        st.warning(f"No relation {' and '.join(what)} around the {len(expanded)} expanded node(s): the filters leave "
                   f"nothing to draw. Without them there are {unfiltered} relation(s); clear the filters to see them.")
    elif before_date or undated:
        st.caption(f"The date filter hides {before_date} relation(s) dated before {since}"
                   + (f" and {undated} without a date." if undated else "."))  # fmt: skip

# Stable positions: nodes already drawn keep their places; new ones go around the node that brought them
positions = {k: v for k, v in positions.items() if k in nodes}
positions.update(graphlayout.place(positions, None, [centre]))
for parent in expanded:
    fresh = sorted((n for n, p in brought_by.items() if p == parent and n not in positions),
                   key=lambda n: (str(nodes[n].get("label")), str(nodes[n].get("name")), n))  # fmt: skip
    positions.update(graphlayout.place(positions, parent, fresh))
st.session_state["network_positions"] = positions
st.session_state["network_expanded"] = expanded

risks = node_risks(db, list(nodes.values()))
focus: dict[str, str] = dict(st.session_state.get("network_focus") or {})
if focus.get("kind") == "node" and focus.get("id") not in nodes or focus.get("kind") == "edge" and focus.get("id") not in edges:
    focus = {}

st.text(f"Centre: {nodes.get(centre, {}).get('name', centre)} · {len(nodes)} nodes · {len(edges)} relations · "
        f"{len(expanded)} expanded")  # fmt: skip
left, right = st.columns([5, 2])
with left:
    graph = graphview.elements(list(nodes.values()), list(edges.values()), colour_by, positions=positions,
                               risks=risks, focus=focus.get("id"))  # fmt: skip
    event = graphview.draw(graph, key="network_graph", colour_by=colour_by, height=640)
    present: dict[str, int] = {}
    for n in nodes.values():
        group = risks[n["id"]]["level"] if colour_by == "risk" else str(n.get("label") or "Node")
        group = group if colour_by == "risk" or group in graphview.TYPE_COLOURS else "Node"
        present[group] = present.get(group, 0) + 1
    graphview.legend(colour_by, present)
    st.caption("Click a node for its details, double-click it to add its neighbours; click a relation for its "
               "evidence. The drawing fits the view after every change.")

if isinstance(event, dict) and event.get("timestamp") != st.session_state.get("network_last_ts"):
    st.session_state["network_last_ts"] = event.get("timestamp")
    action, target = event.get("action"), str((event.get("data") or {}).get("target_id") or "")
    if action == "expand_node" and target in nodes:
        if target not in expanded:
            st.session_state["network_expanded"] = [*expanded, target]
        st.session_state["network_focus"] = {"kind": "node", "id": target}
        st.rerun()
    elif action in ("tap_node", "tap_edge") and (target in nodes or target in edges):
        st.session_state["network_focus"] = {"kind": "node" if action == "tap_node" else "edge", "id": target}
        st.rerun()


def _open_view(node: dict[str, Any]) -> None:
    """A link or button to the page that shows the node (entity profile, transaction, the finding's deal)."""
    kind, nid = str(node.get("label") or ""), str(node["id"])
    if kind == "Entity":
        st.page_link("pages/search.py", label="Open the entity profile", icon=":material/person_search:",
                     query_params={"entity": nid})  # fmt: skip
        st.page_link("pages/paths.py", label="Diversion paths from this party", icon=":material/route:",
                     query_params={"party": nid})  # fmt: skip
    elif kind == "Transaction":
        st.page_link("pages/transactions.py", label="Open the transaction", icon=":material/receipt_long:",
                     query_params={"transaction": nid})  # fmt: skip
    elif kind == "Finding":
        tx = (db.get_node("Finding", nid) or {}).get("transaction_id")
        if tx:
            st.page_link("pages/transactions.py", label=f"Open the finding on transaction {tx}",
                         icon=":material/flag:", query_params={"transaction": str(tx)})  # fmt: skip


def _node_panel(node: dict[str, Any]) -> None:
    nid, kind = str(node["id"]), str(node.get("label") or "node")
    st.subheader(str(node.get("name") or nid), anchor=False)
    st.text(f"{kind} · id {nid}")
    risk = risks.get(nid, {})
    st.text(f"Risk: {risk.get('level', 'not scored')} ({risk.get('why', '')})")
    if nid in totals:
        st.text(f"Expanded: {totals[nid]} relation(s) around it in the graph.")
    b1, b2 = st.columns(2)
    if nid not in expanded and b1.button("Expand", key="network_expand_btn"):
        st.session_state["network_expanded"] = [*expanded, nid]
        st.rerun()
    if nid in expanded and nid != centre and b1.button("Collapse", key="network_collapse_btn"):
        st.session_state["network_expanded"] = [n for n in expanded if n != nid]
        st.rerun()
    if kind == "Entity" and nid != centre and b2.button("Make it the centre", key="network_centre_btn"):
        _reset(nid)
        st.session_state["network_id"] = nid
        st.query_params["entity"] = nid
        st.rerun()
    _open_view(node)
    props = db.get_node(kind, nid) if kind in graphview.TYPE_COLOURS and kind != "Node" else None
    if kind == "Country" and props is not None:
        st.markdown("**Country**")
        kv_table({k: props[k] for k in ("name", "aliases", "region", "free_trade_zones") if props.get(k)} | {"code": nid})
        related = [e for e in edges.values() if nid in (e["source"], e["target"])]
        if related:
            st.markdown("**Drawn relations**")
            st.dataframe([{"from": nodes[e["source"]]["name"], "relation": graphview.relation_words(e["type"], e["props"]),
                           "to": nodes[e["target"]]["name"]} for e in related], hide_index=True)  # fmt: skip
    elif kind == "Listing" and props is not None:
        from ui.findings_view import list_entry_line

        st.markdown(list_entry_line(props))
    elif props and kind not in ("Entity", "Transaction", "Finding"):
        kv_table({k: v for k, v in props.items() if k not in HIDDEN_PROPS and v not in (None, "", [])})


def _edge_panel(e: dict[str, Any]) -> None:
    src, dst = nodes[e["source"]], nodes[e["target"]]
    st.subheader("Relation", anchor=False)
    st.text(f"{src['name']} —{graphview.relation_words(e['type'], e['props'])}→ {dst['name']}")
    props = e["props"]
    facts = {k: v for k, v in props.items() if k not in HIDDEN_PROPS and v not in (None, "", [])}
    if facts:
        kv_table(facts)
    if props.get("explanation"):
        st.text("Why the records may be one: " + features_text(props["explanation"]))
    evidence = props.get("evidence") or []
    found = explore.passages(db, [str(x) for x in (evidence if isinstance(evidence, list) else [evidence])])
    if found:
        st.markdown("**Evidence**")
        for p in found:
            show_evidence({**p, "passage": p.get("text") or "", "source": p.get("publisher") or "",
                           "confidence": props.get("confidence"), "status": props.get("status")})  # fmt: skip
    else:
        origin = props.get("dataset") or props.get("origin") or props.get("source") or "master data, a list or a deal"
        st.text(f"No document passage is attached: the relation comes from {origin}.")


with right:
    if focus.get("kind") == "node":
        _node_panel(nodes[focus["id"]])
    elif focus.get("kind") == "edge":
        _edge_panel(edges[focus["id"]])
    else:
        st.info("Click a node for its details and its view, double-click it to expand it; click a relation for "
                "its evidence (source, passage, confidence).")

for node_id, name, shown, total in hubs:
    if st.button(f"Show more around {name} ({shown} of {total})", key=f"more_{node_id}"):
        limits[node_id] = limits.get(node_id, cap) + cap
        st.session_state["network_limits"] = limits
        st.rerun()

st.subheader("Relations shown")
st.dataframe(
    [{"from": nodes[e["source"]]["name"], "relation": graphview.relation_words(e["type"], e["props"]),
      "to": nodes[e["target"]]["name"], "date": str(e["props"].get("date") or e["props"].get("start_date") or "")}
     for e in edges.values()],
    hide_index=True,
)  # fmt: skip


def _picked() -> None:
    if st.session_state.get("network_pick"):
        st.session_state["network_focus"] = {"kind": "node", "id": st.session_state["network_pick"]}


st.selectbox("Show a node's details", sorted(nodes), index=None, key="network_pick", on_change=_picked,
             format_func=lambda i: f"{nodes[i]['name']} ({nodes[i].get('label') or 'node'})")  # fmt: skip
if st.button("Reset the view", key="network_reset"):
    _reset(centre)
    st.rerun()
