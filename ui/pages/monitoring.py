"""Post-shipment monitoring: the alerts `redflag monitor` recorded, with their delivery by e-mail and webhook."""

from __future__ import annotations

import streamlit as st

from redflag.stewardship.alerts import list_alerts
from redflag.stewardship.monitoring import monitored_transactions
from ui.auth import require_login
from ui.common import md_escape, store

require_login()

st.title("Monitoring alerts")
db = store()
st.markdown("**Monitored (shipped, support running):** " + (", ".join(md_escape(t) for t in monitored_transactions(db)) or "none"))
alerts = list_alerts(db)
if not alerts:
    st.info("No alert yet. `redflag monitor` re-crawls due sources and re-evaluates shipped deals (docs/MONITORING.md).")
    st.stop()
st.dataframe(
    [{"created": a["created_at"], "transaction": a["transaction_id"], "rule": a["rule"], "title": a["title"],
      "change": a["change"], "e-mail": a.get("email_status"), "webhook": a.get("webhook_status")} for a in alerts],
    hide_index=True, use_container_width=True,
)  # fmt: skip
for a in alerts[:20]:
    with st.expander(f"{a['transaction_id']} {a['rule']}: {a['title']}"):
        st.text(str(a.get("explanation") or ""))
