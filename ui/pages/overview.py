"""Overview: what is in the graph, latest source runs, transactions by risk, newest findings, charts."""

from __future__ import annotations

import streamlit as st

from redflag.services import explore
from redflag.services.pipeline import archive_for
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
      "risk score": t["risk_score"], "hard stop": t["hard_stop"], "active findings": t["findings"],
      "status": t["status"]} for t in sorted(txs, key=lambda t: -(t["risk_score"] or 0))],
    hide_index=True,
)  # fmt: skip

st.subheader("Risk by destination country")
by_country = explore.risk_by_country(db)
if by_country:
    st.bar_chart(by_country, x="country", y=["findings", "transactions"], stack=False)
events = explore.events_over_time(db)
if events:
    st.subheader("Extracted events over time")
    st.bar_chart(events, x="year", y="events", color="type")

st.subheader("Newest findings")
findings = explore.newest_findings(db)
if findings:
    st.dataframe(findings, hide_index=True)
else:
    st.info("No findings yet: open Transactions and run the flags on a deal.")

st.subheader("Latest source runs")
cfg = settings()
if cfg.archive_dir.exists():
    with archive_for(cfg) as archive:
        runs = archive.runs()[-10:]
    if runs:
        st.dataframe([r.to_dict() for r in reversed(runs)], hide_index=True)
    else:
        st.info("No crawl has run yet: use the Sources page or `redflag crawl --sample`.")
else:
    st.info("No crawl archive yet: use the Sources page or `redflag crawl --sample`.")
