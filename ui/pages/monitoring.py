"""Post-shipment monitoring: the alerts `redflag monitor` recorded, one row per finding (deduplicated), with their
evidence on the transaction page, their delivery by e-mail and webhook, and an acknowledge action (who, when)."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from redflag.stewardship.alerts import acknowledge, grouped, list_alerts
from redflag.stewardship.monitoring import monitored_transactions
from ui.auth import current_user, require_login
from ui.common import md_escape, run_safely, settings, store

require_login()

st.title("Monitoring alerts")
db = store()
st.markdown("**Monitored (shipped, support running):** " + (", ".join(md_escape(t) for t in monitored_transactions(db)) or "none"))
STEPS = ("crawling", "loading lists", "extracting", "re-evaluating", "checking list refreshes")

with st.expander("Run the monitor now", expanded=not list_alerts(db)):
    st.caption("Like `redflag monitor` on this data folder: re-extract, re-evaluate the shipped deals under support "
               "and alert on new or changed findings; with the box ticked, first re-crawl the sources that are due.")
    crawl_first = st.checkbox("Re-crawl due sources first (reaches the sources' web sites)", value=False,
                              key="monitor_crawl")  # fmt: skip
    send = st.checkbox("Send the alerts by the configured e-mail and webhook", value=True, key="monitor_send")
    if st.button("Run the monitor", key="monitor_run", type="primary"):
        from redflag.services.crawling import CrawlError
        from redflag.stewardship.monitoring import run_monitor

        with st.status("Running the monitor...", expanded=True) as status:
            bar = st.progress(0.0, text="starting")

            def progress(message: str) -> None:
                step = next((i for i, s in enumerate(STEPS) if message.startswith(s)), 0)
                bar.progress((step + 1) / (len(STEPS) + 1), text=message)
                st.write(message)

            try:
                report = run_monitor(settings(), crawl=crawl_first, deliver=send, progress=progress)
            except (CrawlError, OSError, ValueError) as exc:
                status.update(label="The monitor stopped", state="error")
                st.error(f"The monitor stopped: {md_escape(exc)}. Nothing it had finished is lost; run it again.")
            else:
                bar.progress(1.0, text="done")
                status.update(label=f"Monitor run done: {len(report.transactions)} deal(s) re-evaluated, "
                                    f"{len(report.alerts)} new alert(s)", state="complete")  # fmt: skip
                st.text(f"Sources crawled: {', '.join(report.crawled) or 'none'}; documents extracted: "
                        f"{report.extracted}; deals re-evaluated: {', '.join(report.transactions) or 'none'}; "
                        f"new alerts: {len(report.alerts)}")  # fmt: skip
                for channel, outcome in report.delivery.items():
                    st.text(f"Delivery by {channel}: {outcome}")

alerts = list_alerts(db)
if not alerts:
    st.info("No alert yet. `redflag monitor` re-crawls due sources and re-evaluates shipped deals (docs/MONITORING.md).")
    st.stop()
groups = grouped(alerts)
show_all = st.toggle("Show acknowledged alerts too", key="alerts_all")
shown = [g for g in groups if show_all or g["open"]]
st.caption(f"{len(alerts)} alert(s) on {len(groups)} finding(s); {sum(1 for g in groups if g['open'])} not acknowledged.")
st.dataframe(
    [{"latest": str(g["created_at"])[:19].replace("T", " "), "transaction": g["transaction_id"], "rule": g["rule"],
      "title": g["title"], "change": g["change"], "alerts": g["count"],
      "acknowledged": (f"{g.get('acknowledged_by')} at {str(g.get('acknowledged_at'))[:19].replace('T', ' ')}"
                       if not g["open"] else "no"),
      "e-mail": g.get("email_status"), "webhook": g.get("webhook_status"),
      "evidence": f"./transactions?transaction={quote(str(g['transaction_id']))}"} for g in shown],
    hide_index=True, use_container_width=True,
    column_config={"evidence": st.column_config.LinkColumn("evidence", display_text="open the deal")},
)  # fmt: skip
if not shown:
    st.success("Every alert is acknowledged.")
    st.stop()
for i, g in enumerate(shown[:30]):
    with st.expander(f"{g['transaction_id']} {g['rule']}: {g['title']} ({g['count']} alert(s))"):
        st.text(str(g.get("explanation") or ""))
        st.page_link("pages/transactions.py", label="The finding with its evidence", icon=":material/receipt_long:",
                     query_params={"transaction": str(g["transaction_id"])})  # fmt: skip
        if g["open"] and st.button("Acknowledge", key=f"ack_{i}"):
            n = run_safely("Acknowledging", acknowledge, db, g["ids"], current_user())
            if n is not None:
                st.success(f"Acknowledged {n} alert(s) by {md_escape(current_user())}.")
                st.rerun()
