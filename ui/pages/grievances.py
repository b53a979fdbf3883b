"""Grievances: record what came by mail, phone or hotline; move each grievance through its statuses with
reasons and actions; see the audit trail and the time to acknowledge and to close. Reporter contacts are shown
only to a signed-in grievance officer."""

from __future__ import annotations

import streamlit as st

from redflag.stewardship import grievances as G
from redflag.stewardship.config import load_grievance_settings
from redflag.stewardship.contacts import ContactAccessDenied, read_contact
from ui.auth import require_login
from ui.common import md_escape, settings, store, user

signed_in_as = require_login()

st.title("Grievances")
db = store()
cfg = settings()

m = G.metrics(db)
c1, c2, c3, c4 = st.columns(4)
c1.metric("Grievances", m["total"])
c2.metric("Waiting for acknowledgement", m["waiting_for_acknowledgement"]["count"])
ack, close = m["time_to_acknowledge"], m["time_to_close"]
c3.metric("Median days to acknowledge", "-" if ack["median_days"] is None else ack["median_days"])
c4.metric("Median days to close", "-" if close["median_days"] is None else close["median_days"])

with st.expander("Record a grievance received by mail, phone or hotline"):
    with st.form("record_grievance", clear_on_submit=True):
        subject = st.text_input("Subject", max_chars=200)
        text = st.text_area("What was reported", max_chars=8000)
        channel = st.selectbox("Channel", [c for c in G.CHANNELS if c != "web_form"])
        entities = st.text_input("Entity ids it concerns (comma-separated)")
        items = st.text_input("Item ids (comma-separated)")
        countries = st.text_input("Country codes (comma-separated)")
        txs = st.text_input("Transaction ids (comma-separated)")
        reporter_name = st.text_input("Reporter's name (optional, kept apart)", max_chars=200)
        reporter_contact = st.text_input("Reporter's contact (optional, kept apart)", max_chars=300)
        if st.form_submit_button("Record grievance"):

            def ids(value: str) -> list[str]:
                return [v.strip() for v in value.split(",") if v.strip()]

            try:
                receipt = G.record_grievance(
                    db, cfg.data_dir,
                    G.Intake(subject=subject, text=text, channel=str(channel), received_by=user(),
                             named=G.Named(ids(entities), ids(items), [c.upper() for c in ids(countries)], ids(txs)),
                             reporter_name=reporter_name, reporter_contact=reporter_contact),
                )  # fmt: skip
            except G.GrievanceError as exc:
                st.error(str(exc))
            else:
                st.success(f"Recorded {receipt.grievance_id}. Give the reporter this receipt code once:")
                st.code(receipt.receipt_code, language=None)

rows = G.list_grievances(db)
if not rows:
    st.info("No grievance yet. Outsiders report through `redflag grievance-portal`; staff record them above.")
    st.stop()

st.dataframe(
    [{"id": r["id"], "status": r["grievance_status"], "received": str(r["received_at"])[:10], "channel": r["channel"],
      "owner": r["owner"] or "", "subject": r["subject"]} for r in rows],
    hide_index=True, use_container_width=True,
)  # fmt: skip

chosen = st.selectbox("Open a grievance", [r["id"] for r in rows], key="grievance_pick")
g = G.get_grievance(db, str(chosen))
st.subheader(f"{g['id']}: {g['grievance_status']}")
st.markdown(f"**Subject:** {md_escape(g.get('subject'))}")
st.text(str(g.get("text") or ""))
st.caption(
    md_escape(f"received {g.get('received_at')} by {g.get('received_by')} via {g.get('channel')}; "
              f"evidence status: {g.get('status')}")
)  # fmt: skip
if g["named"]:
    st.markdown("**Concerns:** " + ", ".join(md_escape(f"{n['name']} ({n['label']})") for n in g["named"]))
if g["transactions"]:
    st.markdown("**Transactions:** " + ", ".join(md_escape(t) for t in g["transactions"]))

next_statuses = G.TRANSITIONS[str(g["grievance_status"])]
with st.form("move_grievance"):
    to = st.selectbox("Move to", next_statuses)
    reason = st.text_input("Reason")
    actions = st.multiselect("Actions taken", G.ACTIONS)
    owner = st.text_input("Owner", value=str(g.get("owner") or ""))
    note = st.text_input("Message the reporter sees with the receipt code (optional)")
    if st.form_submit_button("Save status"):
        try:
            res = G.transition(db, g["id"], str(to), by=user(), reason=reason, actions=actions, owner=owner,
                               public_note=note or None)  # fmt: skip
        except G.GrievanceError as exc:
            st.error(str(exc))
        else:
            st.success(f"{res['from']} -> {res['to']}; re-evaluated: {', '.join(res['transactions_reevaluated']) or 'none'}")
            st.rerun()

st.markdown("**Audit trail**")
st.dataframe(
    [{"#": s["seq"], "at": s["at"], "by": s["by"], "from": s["from_status"], "to": s["to_status"],
      "reason": s["reason"], "actions": ", ".join(s.get("actions") or [])} for s in g["history"]],
    hide_index=True, use_container_width=True,
)  # fmt: skip

officers = load_grievance_settings().officers
if signed_in_as and signed_in_as in officers:
    if st.button("Show reporter contact (logged)"):
        try:
            contact = read_contact(cfg.data_dir, g["id"], signed_in_as, officers)
        except ContactAccessDenied as exc:
            st.error(str(exc))
        else:
            st.text(str(contact or "The reporter left no contact."))
else:
    st.caption("Reporter details are kept apart and shown only to a signed-in grievance officer.")
