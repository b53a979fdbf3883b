"""Transactions: create or import deals, run the flags, work the checklist, resolve findings, decide, report."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import streamlit as st

from ontology.countries import country_code
from ontology.vocab import decision_values
from redflag.deals import (
    Deal,
    DealValidationError,
    ItemRef,
    PartyRef,
    check_items,
    import_deals,
    parse_deals,
    write_deals,
)
from redflag.reports.model import build_report
from redflag.reports.render import write_report
from redflag.rules.engine import evaluate
from redflag.screening_ops.grounds import NoListLoaded
from redflag.services import explore
from redflag.services.findings import RESOLUTION_STATUSES, persist_findings, record_decision, resolve
from redflag.services.list_versions import screening_grounds
from redflag.services.screening import screen_deal_parties
from ui.auth import current_user, require_login
from ui.common import as_plain, md_escape, run_safely, settings, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

CONSIDERATIONS = ["item", "third_parties", "red_flags", "mitigation", "grievances"]

st.title("Transactions")
db = store()
STATUSES = list(RESOLUTION_STATUSES)
DECISIONS = sorted(decision_values())

work, create = st.tabs(["Screen a deal", "Create or import deals"])

with create:
    upload = st.file_uploader("Import deals (.json or .csv, the format of redflag/sample_world/deals.*)",
                              type=["json", "csv"], key="deals_upload")  # fmt: skip
    unscreened = st.checkbox("Import even if no screening list is loaded (new parties stay unscreened)",
                             key="deals_unscreened")
    if upload is not None and st.button("Import", key="deals_import"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            try:
                deals_in_file = parse_deals(path)  # row errors first: they write nothing
                if not unscreened:
                    screening_grounds(db, settings())  # no list: refused before anything is written
                for warning in check_items(db, deals_in_file, path.name):
                    st.warning(md_escape(warning))
                deals, ids = import_deals(db, path)
                st.success(f"Imported {len(deals)} deal(s): {md_escape(', '.join(d.id for d in deals))}.")
                if not unscreened:
                    links = screen_deal_parties(db, settings())
                    st.info(f"Every deal party screened and logged: {links.same} match(es), {links.possible} for "
                            "review.")
            except DealValidationError as exc:
                st.error("The file was not imported; fix these rows and try again:")
                st.text(str(exc))
            except NoListLoaded as exc:
                st.error(f"The file was not imported: its parties cannot be screened: {md_escape(exc)}")
    st.subheader("New deal")
    with st.form("new_deal"):
        c1, c2 = st.columns(2)
        deal_id = c1.text_input("Deal id", placeholder="DEAL-2027-001")
        title = c2.text_input("Title")
        customer = c1.text_input("Customer (entity id or name)")
        end_user = c2.text_input("End user (entity id or name)")
        item = c1.text_input("Item id", placeholder="facetrace-city")
        destination = c2.text_input("Destination (country name or ISO code)", max_chars=80)
        transit = c1.text_input("Transit countries (names or ISO codes, ';'-separated)")
        end_use = c2.text_input("Declared end use")
        submitted = st.form_submit_button("Create deal")
    if submitted:
        problems = [n for n, v in (("deal id", deal_id), ("customer", customer), ("item", item),
                                   ("destination", destination)) if not v.strip()]  # fmt: skip
        given = [destination, *(t for t in transit.split(";") if t.strip())]
        unknown = [g.strip() for g in given if g.strip() and country_code(g) is None]
        if problems:
            st.error(f"Fill in: {', '.join(problems)}.")
        elif unknown:
            st.error(f"Not a known country: {', '.join(md_escape(u[:40]) for u in unknown)}.")
        else:
            parties = [PartyRef("customer", customer.strip())] + ([PartyRef("end_user", end_user.strip())] if end_user.strip() else [])
            deal = Deal(id=deal_id.strip(), title=title.strip(), parties=parties, items=[ItemRef(item.strip())],
                        destination=country_code(destination) or "",
                        transit_countries=[country_code(t) or "" for t in transit.split(";") if t.strip()],
                        declared_end_use=end_use.strip())  # fmt: skip
            try:
                for warning in check_items(db, [deal], "new deal"):
                    st.warning(md_escape(warning))
            except DealValidationError as exc:
                st.error(f"The deal was not created: {md_escape(exc)}")
            else:
                ids = run_safely("Creating the deal", write_deals, db, [deal])
                if ids is not None:
                    st.success(f"Created deal {md_escape(deal.id)}.")
                    try:
                        links = screen_deal_parties(db, settings())
                        st.info(f"Its parties were screened and logged: {links.same} match(es), {links.possible} for "
                                "review.")
                    except NoListLoaded as exc:
                        st.error(f"Its parties are NOT screened: {md_escape(exc)}")

with work:
    txs = explore.transactions(db)
    if not txs:
        st.info("No transactions yet: import deals in the next tab or run `redflag demo --no-ui`.")
        st.stop()
    st.dataframe(
        [{"id": t["id"], "title": t["title"], "destination": t["destination_name"] or t["destination"],
          "risk score": t["risk_score"], "active findings": t["findings"], "status": t["status"]} for t in txs],
        hide_index=True,
    )  # fmt: skip
    titles = {t["id"]: f"{t['id']} · {t['title'] or ''}" for t in txs}
    tx_id = st.selectbox("Transaction", list(titles), format_func=lambda i: titles[i], key="tx_pick")

    reports: dict[str, Any] = st.session_state.setdefault("flag_reports", {})
    if st.button("Run screening and flags", key="run_flags", type="primary"):
        bar = st.progress(0.0, text="Screening the parties and evaluating the rules...")
        try:
            grounds = screening_grounds(db, settings())
            for warning in grounds.warnings:
                st.warning(f"Lists stale: {md_escape(warning)}")
            report = run_safely("Running the flags", evaluate, db, tx_id)
        except NoListLoaded as exc:  # no list: "not listed" would have no grounds
            st.error(f"The flags were not run: {md_escape(exc)}")
            report = None
        if report is not None:
            bar.progress(0.8, text="Saving the findings...")
            run_safely("Saving the findings", persist_findings, db, report)
            reports[tx_id] = as_plain(report)
        bar.progress(1.0, text="Done")
    report = reports.get(tx_id)
    if report is None:
        st.info("Press “Run screening and flags” to evaluate this transaction.")
        st.stop()

    m1, m2, m3 = st.columns(3)
    m1.metric("Risk score", report.get("risk_score"))
    m2.metric("Hard stop", "yes" if report.get("hard_stop") else "no")
    m3.metric("Findings", len(report.get("findings") or []))

    st.subheader("Checklist by consideration")
    checklist = report.get("checklist") or []
    groups: dict[str, list[Any]] = {}
    if isinstance(checklist, dict):
        groups = {str(k): list(v) if isinstance(v, list) else [v] for k, v in checklist.items()}
    else:
        for row in checklist:
            key = str(row.get("consideration") or "other") if isinstance(row, dict) else "other"
            groups.setdefault(key, []).append(row)
    for name in sorted(groups, key=lambda g: (CONSIDERATIONS.index(g) if g in CONSIDERATIONS else 99, g)):
        with st.expander(name.replace("_", " ").capitalize(), expanded=True):
            st.dataframe([r if isinstance(r, dict) else {"item": str(r)} for r in groups[name]], hide_index=True)

    st.subheader("Findings")
    findings = [f for f in (report.get("findings") or []) if isinstance(f, dict)]
    if not findings:
        st.success("No red flag fired for this transaction.")
    else:
        st.dataframe(
            [{k: f.get(k) for k in ("id", "rule", "title", "severity", "status", "consideration")} for f in findings],
            hide_index=True,
        )
        with st.form("resolve_finding"):
            fid = st.selectbox("Finding", key="resolve_finding", options=[str(f.get("id")) for f in findings],
                               format_func=lambda i: next(f"{f.get('rule')} · {f.get('title')}" for f in findings
                                                          if str(f.get("id")) == i))  # fmt: skip
            status = st.selectbox("Status", STATUSES, key="resolve_status")
            reason = st.text_area("Reason (kept with your name and the time)", key="resolve_reason")
            if st.form_submit_button("Resolve finding", key="resolve_submit"):
                if not reason.strip():
                    st.error("Give a reason: resolutions without one are not recorded.")
                elif run_safely("Resolving the finding", resolve, db, fid, status, reason.strip(), current_user(),
                                settings=settings()) is not None:
                    st.success(f"Recorded: {status} by {current_user()} at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")

    st.subheader("Decision")
    with st.form("decision"):
        decision = st.selectbox("Decision", DECISIONS, key="decision_value")
        why = st.text_area("Reason for the decision", key="decision_reason")
        if st.form_submit_button("Record decision", key="decision_submit"):
            if not why.strip():
                st.error("Give a reason for the decision.")
            elif run_safely("Recording the decision", record_decision, db, tx_id, decision, why.strip(), current_user(),
                            settings=settings()) is not None:
                st.success(f"Decision recorded: {decision} by {current_user()}")

    st.subheader("Due-diligence report")
    fmt = st.radio("Format", ["html", "pdf"], horizontal=True, key="report_fmt")
    if st.button("Prepare the report", key="prepare_report"):
        dd = run_safely("Building the report", build_report, db, tx_id)
        if dd is not None:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / f"report.{fmt}"
                if run_safely("Writing the report", write_report, dd, fmt, out) is None and out.exists():
                    st.session_state["report_bytes"] = (tx_id, fmt, out.read_bytes())
    ready = st.session_state.get("report_bytes")
    if ready and ready[0] == tx_id:
        st.download_button(f"Download {md_escape(ready[1]).upper()} report", ready[2],
                           file_name=f"{tx_id}-due-diligence.{ready[1]}", key="download_report")  # fmt: skip
