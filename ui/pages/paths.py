"""Diversion paths: ranked paths from a transaction or a party to risky end-users and destinations."""

from __future__ import annotations

from typing import Any

import streamlit as st

from redflag.paths import path_text
from redflag.services import explore
from ui import graphview, pathdraw
from ui.auth import require_login
from ui.common import (
    md_escape,
    missing,
    optional,
    pick_entity,
    run_safely,
    store,
    subject_from_url,
    subject_to_url,
)
from ui.findings_view import show_evidence

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Diversion paths")
db = store()
find_paths = optional("redflag.paths", "find_paths")

MODES = ["a transaction", "a party"]
if "party" in st.query_params and "transaction" not in st.query_params and st.session_state.get("_paths_party_url") != st.query_params["party"]:
    st.session_state["paths_mode"] = "a party"  # a link to a party's paths opens in party mode
    st.session_state["_paths_party_url"] = st.query_params["party"]
elif "transaction" in st.query_params and st.session_state.get("_paths_tx_url") != st.query_params["transaction"]:
    st.session_state["paths_mode"] = "a transaction"
    st.session_state["_paths_tx_url"] = st.query_params["transaction"]
mode = st.radio("Start from", MODES, horizontal=True, key="paths_mode")
tx_id: str | None = None
party_id: str | None = None
if mode == "a transaction":
    txs = explore.transactions(db)
    if not txs:
        st.info("No transactions yet: import deals on the Transactions page or run `redflag demo --no-ui`.")
        st.stop()
    titles = {t["id"]: f"{t['id']} · {t['title'] or ''}" for t in txs}
    subject_from_url("transaction", "paths_tx_pick", titles)
    tx_id = st.selectbox("Transaction", list(titles), index=None, format_func=lambda i: titles[i],
                         key="paths_tx_pick", placeholder="Choose a transaction")  # fmt: skip
    subject_to_url("transaction", tx_id, drop=("party",))
    if tx_id is None:
        st.info("Choose a transaction (or open a link such as /paths?transaction=ID).")
        st.stop()
else:
    if "transaction" in st.query_params:
        del st.query_params["transaction"]
    party_id = pick_entity("paths", "Party", param="party")
    if party_id is None:
        st.info("Search a party by name and click it (or open a link such as /paths?party=ID).")
        st.stop()
    st.text(f"Party: {(db.get_node('Entity', party_id) or {}).get('name') or party_id} (id {party_id})")
depth = st.slider("Longest path (hops)", 2, 6, 4, key="paths_depth")

if find_paths is None:
    missing("Path search (redflag.paths)", "It arrives with the path-finding service; until then use the Network explorer.")
    st.stop()

result: dict[str, Any] | None = run_safely(
    "Path search", find_paths, db, transaction_id=tx_id, party_id=party_id, max_depth=depth, limit=20
)
if not result:
    st.stop()
paths = result.get("paths") or []
st.text(f"{len(paths)} path(s) found; {result.get('explored', 0)} explored" + (" (partial: search was capped)" if result.get("partial") else ""))
if not paths:
    st.info("No path to a risky end-user or destination was found within that many hops. This is not a clearance: "
            "it covers only the relations in the graph; see the transaction's findings for the other checks.")
    st.stop()

labels = [f"#{i + 1} risk {p.get('risk')}: " + path_text(p) for i, p in enumerate(paths)]  # names, same-as said once
chosen = st.radio("Paths, highest risk first", range(len(paths)), format_func=lambda i: labels[i], key="paths_choice")
path = paths[int(chosen or 0)]

start = None
if tx_id:
    start = {"id": tx_id, "name": f"Transaction {tx_id}", "label": "Transaction"}
nodes, edges, positions, captions = pathdraw.drawing(path, start)
graphview.draw(graphview.elements(nodes, edges, positions=positions, edge_captions=captions),
               key=f"path_graph_{tx_id or party_id}_{chosen}", height=300, min_padding=130)  # fmt: skip
st.caption("Read from left to right: from the transaction to the end of the path; each hop says why it is "
           "there. Two records of one name joined by a same-as hop are drawn once.")  # fmt: skip

st.subheader("Why this path is risky")
for reason in path.get("reasons") or []:
    st.markdown(f"- {md_escape(reason)}")
st.subheader("Evidence for each step")
names = {str(n.get("id")): str(n.get("name") or n.get("id")) for n in path.get("nodes", [])}
for r in path.get("relationships", []):
    with st.container(border=True):
        st.text(f"{names.get(str(r.get('source')), r.get('source'))} —{str(r.get('type') or '').replace('_', ' ').lower()}→ "
                f"{names.get(str(r.get('target')), r.get('target'))}")  # fmt: skip
        evidence = r.get("evidence") or []
        ids = [e for e in evidence if isinstance(e, str)]
        rows = [e for e in evidence if isinstance(e, dict)] + explore.passages(db, ids)
        if not rows:
            st.caption("From master data, a list or a deal (no document passage).")
        for e in rows:
            show_evidence({**e, "passage": e.get("passage") or e.get("text") or e.get("quote") or ""})
