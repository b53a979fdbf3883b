"""The item register: each product's capabilities, classification, safeguards and gaps, misuse potential."""

from __future__ import annotations

import streamlit as st

from redflag.stewardship.items import item_profile, list_items
from ui.auth import require_login
from ui.common import md_escape, store

require_login()

st.title("Item register")
db = store()
rows = list_items(db)
if not rows:
    st.info("No registered item: import them with `redflag items import FILE` (CSV or JSON).")
    st.stop()
st.dataframe(
    [{"id": r["id"], "name": r["name"], "ECCN": r["eccn"], "EU Annex I": r["eu_annex"],
      "cyber-surveillance": "yes" if r["cyber_surveillance"] else "no", "gaps": len(r["gaps"])} for r in rows],
    hide_index=True, use_container_width=True,
)  # fmt: skip
chosen = st.selectbox("Item", [r["id"] for r in rows], key="item_pick")
p = item_profile(db, str(chosen))
st.subheader(str(p["name"]))
st.text(str(p.get("description") or ""))
st.markdown("**Capabilities:** " + ", ".join(md_escape(v) for v in p["capability_labels"].values()))
st.markdown("**Safeguards**")
st.dataframe(
    [{"safeguard": s["label"], "state": s["state"], "gap": "yes" if s["gap"] else ""} for s in p["safeguard_detail"]],
    hide_index=True, use_container_width=True,
)  # fmt: skip
if p["gaps"]:
    st.warning(f"{len(p['gaps'])} safeguard(s) the guidance expects are missing or partial; they raise DOS-I3.")
st.markdown("**Misuse potential** (abuse types the capabilities could serve)")
st.dataframe(
    [{"abuse type": m["label"], "documented events in the graph": m["documented_events"]} for m in p["misuse_potential"]],
    hide_index=True, use_container_width=True,
)  # fmt: skip
st.markdown("**Transactions that include it:** " + (", ".join(md_escape(t["id"]) for t in p["transactions"]) or "none"))
