"""Overview: what is in the graph, latest source runs, transactions by risk, newest findings, charts."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from redflag.services import explore
from redflag.services.pipeline import archive_for
from ui import maps
from ui.auth import require_login
from ui.common import settings, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Overview")
db = store()
counts = explore.counts(db)
labels = counts.get("labels", {})
if not labels:
    st.info("The graph is empty. Run `redflag demo --no-ui` for the sample world, or `redflag crawl` then `redflag load`.")
    st.stop()

cols = st.columns(5)
for col, label in zip(cols, ["Entity", "Transaction", "Listing", "Document", "Finding"], strict=True):
    col.metric(label, labels.get(label, 0))

left, right = st.columns(2)
with left:
    st.subheader("Nodes by type")
    st.dataframe([{"label": k, "count": v} for k, v in sorted(labels.items())], hide_index=True)
with right:
    st.subheader("Relationships by type")
    st.dataframe([{"type": k, "count": v} for k, v in sorted(counts.get("relationships", {}).items())], hide_index=True)

st.subheader("Transactions by risk")
txs = explore.transactions(db)
st.dataframe(
    [{"id": t["id"], "title": t["title"], "destination": t["destination_name"] or t["destination"],
      "risk score": t["risk_score"], "band": t["risk_band"] or "not scored",
      "hard stop": "not scored" if t["risk_score"] is None else ("yes" if t["hard_stop"] else "no"),
      "active findings": t["findings"], "status": t["status"],
      "open": f"./transactions?transaction={quote(str(t['id']))}"}
     for t in sorted(txs, key=lambda t: -(t["risk_score"] or 0))],
    hide_index=True, column_config={"open": st.column_config.LinkColumn("open", display_text="open")},
)  # fmt: skip

st.subheader("Risk by destination country")
if txs:
    deck, unplaced = maps.risk_deck(txs)
    st.pydeck_chart(deck, height=420, key="risk_map")
    st.caption("Circle size: number of deals; colour: the highest stored risk band (grey: not scored). Offline map; "
               "the sample world's fictional countries are placed in open sea."
               + (f" Not on the map (no position known): {', '.join(unplaced)}." if unplaced else ""))  # fmt: skip
by_country = explore.risk_by_country(db)
if by_country:
    st.bar_chart(by_country, x="country", y=["findings", "transactions"], stack=False)
events = explore.events_over_time(db)
if events:
    st.subheader("Extracted events over time")
    st.bar_chart(events, x="year", y="events", color="type")

st.subheader("Newest findings")
SEVERITY_ORDER = {"hard-stop": 0, "high": 1, "medium": 2, "low": 3, "context": 4}
recent = explore.newest_findings(db, limit=500)
recent.sort(key=lambda f: str(f.get("first_seen") or ""), reverse=True)
recent.sort(key=lambda f: SEVERITY_ORDER.get(str(f.get("severity")), 9))  # by severity, then newest first
findings = [{"severity": f["severity"], "rule": f["rule"], "title": f["title"], "transaction": f["transaction"],
             "status": f["status"], "first seen": str(f.get("first_seen") or "")[:19].replace("T", " "),
             "open": f"./transactions?transaction={quote(str(f['transaction']))}"} for f in recent[:15]]  # fmt: skip
if findings:
    st.dataframe(findings, hide_index=True,
                 column_config={"open": st.column_config.LinkColumn("open", display_text="open the deal")})
else:
    st.info("No findings yet: open Transactions and run the flags on a deal.")

st.subheader("Latest source runs")
cfg = settings()
if cfg.archive_dir.exists():
    with archive_for(cfg) as archive:
        runs = archive.runs()[-10:]
    if runs:
        st.dataframe([{k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in r.to_dict().items()
                       if not isinstance(v, dict)} for r in reversed(runs)], hide_index=True)  # fmt: skip
    else:
        st.info("No crawl has run yet: use the Sources page or `redflag crawl --sample`.")
else:
    st.info("No crawl archive yet: use the Sources page or `redflag crawl --sample`.")
