"""Post-shipment monitoring: the alerts `redflag monitor` recorded, one row per finding (deduplicated), with their
evidence on the transaction page, their delivery by e-mail and webhook, and an acknowledge action (who, when)."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from redflag.stewardship.alerts import acknowledge, grouped, list_alerts
from redflag.stewardship.monitoring import monitored_transactions
from ui.auth import current_user, require_login
from ui.common import md_escape, run_safely, store

require_login()

st.title("Monitoring alerts")
db = store()
st.markdown("**Monitored (shipped, support running):** " + (", ".join(md_escape(t) for t in monitored_transactions(db)) or "none"))
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
