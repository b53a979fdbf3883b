"""Grievances: record what came by mail, phone or hotline; move each grievance through its statuses with
reasons and actions; see the audit trail and the time to acknowledge and to close. Reporter contacts are shown
only to a signed-in grievance officer."""

from __future__ import annotations

import streamlit as st

from redflag.services.explore import transactions as G_transactions
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

FIELDS = ("grv_subject", "grv_text", "grv_orgs", "grv_items", "grv_places", "grv_txs", "grv_rep_name", "grv_rep_contact")
if st.session_state.pop("_grv_clear", False):  # after a recorded grievance the form starts empty again
    for k in FIELDS:
        st.session_state.pop(k, None)


def _lines(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", "\n").splitlines() if v.strip()]


def _resolve_named(orgs: str, items: str, places: str, txs: list[str]) -> tuple[G.Named, dict[str, list[str]], list[str]]:
    """Names typed by staff -> graph ids, through the project's one entity resolver (an exact id, a name or
    alias, else the one candidate above the match threshold), the item register's names and the country
    authority. Returns the ids, the names as given, and one line per name that could not be resolved."""
    from ontology.countries import country_code
    from redflag.services.lookup import AmbiguousEntity, UnknownEntity, resolve_entity

    named, problems = G.Named(transactions=list(txs)), []
    for name in _lines(orgs):
        try:
            named.entities.append(resolve_entity(db, name).id)
        except AmbiguousEntity as exc:
            options = "; ".join(f"{c['name']} ({c['schema'] or 'entity'}, {', '.join(c['countries']) or 'no country'}, "
                                f"id {c['id']})" for c in exc.candidates[:4])  # fmt: skip
            problems.append(f"“{name}” matches several entities: {options}. Type the one meant more fully, or its id.")
        except UnknownEntity:
            problems.append(f"“{name}”: no entity of that name in the graph.")
    for name in _lines(items):
        found = G.match_names(db, [], name).items
        named.items += found
        if not found:
            problems.append(f"“{name}”: no product of that name in the item register.")
    for name in _lines(places):
        code = country_code(name)
        if code:
            named.countries.append(code)
        else:
            problems.append(f"“{name}”: not a country name or code the tool knows.")
    given = {"organisations": _lines(orgs), "item": _lines(items), "places": _lines(places)}
    return named, given, problems


if st.session_state.get("_grv_done"):
    st.success(st.session_state.pop("_grv_done"))
    st.code(st.session_state.pop("_grv_receipt", ""), language=None)
with st.expander("Record a grievance received by mail, phone or hotline", expanded=bool(st.session_state.get("grv_text"))):
    tx_titles = {t["id"]: f"{t['id']} · {t['title'] or ''}" for t in G_transactions(db)}
    with st.form("record_grievance", clear_on_submit=False):  # what was typed stays on any error
        subject = st.text_input("Subject", max_chars=200, key="grv_subject")
        text = st.text_area("What was reported", max_chars=8000, key="grv_text")
        channel = st.selectbox("Channel", [c for c in G.CHANNELS if c != "web_form"], key="grv_channel")
        orgs = st.text_area("Organisations or people it concerns (names, one per line)", key="grv_orgs",
                            help="Resolved to the graph's entities by name or alias; a name that fits several "
                                 "is listed so you can type it more fully.")  # fmt: skip
        items = st.text_input("Products concerned (names, comma-separated)", key="grv_items")
        places = st.text_input("Countries (names or codes, comma-separated)", key="grv_places")
        txs = st.multiselect("Transactions it concerns", list(tx_titles), format_func=lambda i: tx_titles[i],
                             key="grv_txs")  # fmt: skip
        reporter_name = st.text_input("Reporter's name (optional, kept apart)", max_chars=200, key="grv_rep_name")
        reporter_contact = st.text_input("Reporter's contact (optional, kept apart)", max_chars=300, key="grv_rep_contact")
        if st.form_submit_button("Record grievance"):
            named, given, problems = _resolve_named(orgs, items, places, list(txs))
            if problems:
                st.error("Nothing was recorded; what you typed is kept. " + " ".join(problems))
            else:
                try:
                    receipt = G.record_grievance(
                        db, cfg.data_dir,
                        G.Intake(subject=subject, text=text, channel=str(channel), received_by=user(), named=named,
                                 names_given=given, reporter_name=reporter_name, reporter_contact=reporter_contact),
                    )  # fmt: skip
                except G.GrievanceError as exc:
                    st.error(f"Nothing was recorded; what you typed is kept. {exc}")
                else:
                    st.session_state["_grv_done"] = (f"Recorded {receipt.grievance_id}. Give the reporter this receipt "
                                                     "code once:")  # fmt: skip
                    st.session_state["_grv_receipt"] = receipt.receipt_code
                    st.session_state["_grv_clear"] = True
                    st.rerun()

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
