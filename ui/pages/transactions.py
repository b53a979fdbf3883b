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
    DealChange,
    DealPartiesDropped,
    DealValidationError,
    ItemRef,
    PartyRef,
    check_items,
    dropped_errors,
    import_deals,
    parse_deals,
    plan_changes,
    registered_items,
    write_deals,
)
from redflag.reports.model import build_report
from redflag.reports.render import write_report
from redflag.rules.checklist import ANSWERS
from redflag.rules.engine import evaluate
from redflag.screening_ops.grounds import NoListLoaded
from redflag.services import explore
from redflag.services.findings import (
    RESOLUTION_STATUSES,
    answer_checklist,
    persist_findings,
    record_decision,
    resolve,
    stored_findings,
)
from redflag.services.list_versions import screening_grounds
from redflag.services.screening import deal_screening, screen_deal_parties
from ui import maps
from ui.auth import current_user, require_login
from ui.common import md_escape, run_safely, settings, store, subject_from_url, subject_to_url
from ui.findings_view import decision_rows, party_names, show_finding

require_login()  # the sign-in, also when Streamlit runs this page file on its own



def _score_text(score: object) -> str:
    return "not scored" if score is None else f"{float(str(score)):.1f} / 100"


def _hard_stop_text(stop: object, score: object) -> str:
    if score is None:
        return "not scored"
    return "yes" if stop else "no"


st.title("Transactions")
db = store()
STATUSES = list(RESOLUTION_STATUSES)
DECISIONS = sorted(decision_values())



def _show_screening(db: Any, deal_ids: list[str]) -> None:
    """Screen every deal party, then per deal its findings, or what was searched (parties, list versions)."""
    grounds = screening_grounds(db, settings())  # raises NoListLoaded: nothing screened
    screen_deal_parties(db, settings())
    for w in grounds.warnings:
        st.warning(f"Lists stale: {md_escape(w)}")
    st.info("Every deal party screened and logged (Screening page, screening log).")
    st.text("\n".join(line for ds in deal_screening(db, deal_ids) for line in ds.lines(grounds.brief())))


work, create = st.tabs(["Screen a deal", "Create or import deals"])

with create:
    upload = st.file_uploader("Import deals (.json or .csv, the format of redflag/sample_world/deals.*)",
                              type=["json", "csv"], key="deals_upload")  # fmt: skip
    unscreened = st.checkbox("Import even if no screening list is loaded (new parties stay unscreened)",
                             key="deals_unscreened")
    replace = st.checkbox("Let the file remove parties a stored deal has (a column left out, a cell emptied)",
                          key="deals_replace")
    if upload is not None and st.button("Import", key="deals_import"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            try:
                deals_in_file = parse_deals(path, registered_items(db))  # every error at once; none writes
                if not unscreened:
                    screening_grounds(db, settings())  # no list: refused before anything is written
                for warning in check_items(db, deals_in_file, path.name):
                    st.warning(md_escape(warning))
                changes: list[DealChange] = []
                deals, ids = import_deals(db, path, replace=replace, changes=changes)
                st.success(f"Imported {len(deals)} deal(s): {md_escape(', '.join(d.id for d in deals))}.")
                st.text("\n".join(line for c in changes for line in c.lines()))
                if not unscreened:
                    _show_screening(db, [d.id for d in deals])
                else:
                    st.warning("Not screened (import without a screening list): no screening result for any party.")
            except DealPartiesDropped as exc:
                st.error("The file was not imported: it would remove parties stored deals have (tick the box to "
                         "let it):")
                st.text(str(exc))
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
            planned = plan_changes(db, [deal])
            dropped = dropped_errors(planned, [deal], "new deal")
            try:
                for warning in check_items(db, [deal], "new deal"):
                    st.warning(md_escape(warning))
            except DealValidationError as exc:
                st.error(f"The deal was not created: {md_escape(exc)}")
            else:
                if dropped:  # the form has a customer and an end-user only: it must not drop a stored deal's others
                    st.error("Not saved: deal " + md_escape(deal.id) + " is already stored with parties this form "
                             "would remove; import a deals file with the box ticked to replace them.")
                    st.text("\n".join(f"{e.field}: {e.reason}" for e in dropped))
                    saved = False
                else:
                    saved = run_safely("Creating the deal", write_deals, db, [deal]) is not None
                if saved:
                    st.success(f"Saved deal {md_escape(deal.id)}.")
                    st.text("\n".join(line for c in planned for line in c.lines()))
                    try:
                        _show_screening(db, [deal.id])
                    except NoListLoaded as exc:
                        st.error(f"Its parties are NOT screened: {md_escape(exc)}")

with work:
    txs = explore.transactions(db)
    if not txs:
        st.info("No transactions yet: import deals in the next tab or run `redflag demo --no-ui`.")
        st.stop()
    st.dataframe(
        [{"id": t["id"], "title": t["title"], "destination": t["destination_name"] or t["destination"],
          "risk score": _score_text(t["risk_score"]), "band": t["risk_band"] or "not scored",
          "hard stop": _hard_stop_text(t["hard_stop"], t["risk_score"]), "active findings": t["findings"],
          "status": t["status"]} for t in txs],
        hide_index=True,
    )  # fmt: skip
    titles = {t["id"]: f"{t['id']} · {t['title'] or ''}" for t in txs}
    subject_from_url("transaction", "tx_pick", titles)
    tx_id = st.selectbox("Transaction", list(titles), index=None, format_func=lambda i: titles[i], key="tx_pick",
                         placeholder="Choose a transaction")  # fmt: skip
    subject_to_url("transaction", tx_id)
    if tx_id is None:
        st.info("Choose a transaction above (or open a link such as /transactions?transaction=ID).")
        st.stop()

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
            if run_safely("Saving the findings", persist_findings, db, report) is not None:
                st.success(f"Flags run and stored: risk score {report.risk_score}, band {report.breakdown.band}.")
        bar.progress(1.0, text="Done")

    # what the due-diligence report shows (redflag report): the same service, the same findings section
    dd = run_safely("Reading the findings", build_report, db, tx_id)
    if dd is None:
        st.stop()
    stored_tx = db.get_node("Transaction", tx_id) or {}
    stored_ids = set(stored_findings(db, tx_id))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Risk score", _score_text(stored_tx.get("risk_score")))
    m2.metric("Band", str(stored_tx.get("risk_band") or "not scored"))
    m3.metric("Hard stop", _hard_stop_text(stored_tx.get("hard_stop"), stored_tx.get("risk_score")))
    m4.metric("Findings", len(dd.findings))
    if stored_tx.get("risk_score") is None:
        st.warning("This transaction has not been scored yet: press “Run screening and flags” to score it and store "
                   "its findings. The findings below are a fresh evaluation.")
    else:
        st.caption(f"Scored {md_escape(str(stored_tx.get('scored_at') or '')[:19].replace('T', ' '))}; lists judged "
                   f"as of {md_escape(stored_tx.get('lists_judged_on') or 'unknown')}.")
    st.page_link("pages/paths.py", label="Diversion paths of this deal", icon=":material/route:",
                 query_params={"transaction": tx_id})
    for hs in dd.flags.breakdown.hard_stops:
        st.error(f"Hard stop ({md_escape(hs.get('rule'))}): {md_escape(hs.get('reason'))}")
    for gap in dd.flags.errors:
        st.warning(f"Not evaluated: {md_escape(gap.get('message'))}")

    st.subheader("Route")
    stops = maps.route_stops(dict(dd.transaction), list(dd.parties))
    if stops:
        st.pydeck_chart(maps.route_deck(stops), height=420, key=f"route_map_{tx_id}")
        st.dataframe([{"step": i + 1, "role": s_["role"], "where": s_["label"],
                       "on the map": "fictional placement (sample world)" if s_["fictional"]
                       else ("yes" if s_["position"] else "no position known")} for i, s_ in enumerate(stops)],
                     hide_index=True)  # fmt: skip
        st.caption("Offline map: Natural Earth country shapes shipped with the tool, no tile server. The sample "
                   "world's fictional countries are hollow rings in open sea, not real places.")  # fmt: skip
    else:
        st.info("The deal names no exporter country, transit, destination or end-user country to draw.")
    if dd.findings:
        headings = dict(dd.considerations)
        tally: dict[tuple[str, str], int] = {}
        for f in dd.findings:
            key = (str(headings.get(str(f.get("consideration") or "red_flags"), f.get("consideration"))), str(f["severity"]))
            tally[key] = tally.get(key, 0) + 1
        st.subheader("Findings by consideration")
        st.altair_chart(maps.findings_chart([{"consideration": c, "severity": sev, "findings": n}
                                             for (c, sev), n in sorted(tally.items())]))  # fmt: skip

    st.subheader("Checklist by consideration")
    raised: dict[str, list[dict[str, Any]]] = {}
    for f in dd.findings:
        raised.setdefault(str(f.get("consideration") or "red_flags"), []).append(f)
    for cid, heading in dd.considerations:
        rows = dd.checklist.get(cid, [])
        with st.expander(f"{heading} · {len(raised.get(cid, []))} raised, {len(rows)} question(s)",
                         expanded=bool(raised.get(cid))):  # fmt: skip
            for f in raised.get(cid, []):
                st.markdown(f"- {md_escape(f['rule'])} {md_escape(f['title'])}: raised ({md_escape(f['severity'])}, "
                            f"{md_escape(f['status'])})")  # fmt: skip
            if rows:
                st.dataframe([{"flag": r["flag"], "question": r["question"],
                               "answer": r["answer"] if r.get("by") else "not answered", "note": r["note"],
                               "by": r["by"], "at": str(r["at"])[:19].replace("T", " ")} for r in rows],
                             hide_index=True)  # fmt: skip
            if not rows and not raised.get(cid):
                st.caption("Nothing raised or asked under this consideration.")
    questions = {r["flag"]: f"{r['flag']} · {r['question']}" for rows in dd.checklist.values() for r in rows}
    if questions:
        with st.form("checklist_answer"):
            st.markdown("**Answer a checklist question** (stored on the deal and shown in the report)")
            q_id = st.selectbox("Question", list(questions), index=None, format_func=lambda i: questions[i],
                                key="checklist_flag", placeholder="Choose a question")  # fmt: skip
            answer = st.radio("Answer", ANSWERS, index=None, horizontal=True, key="checklist_value")
            note = st.text_input("Note (what the answer rests on)", key="checklist_note")
            if st.form_submit_button("Record the answer", key="checklist_submit"):
                if q_id is None or answer is None:
                    st.error("Choose a question and an answer: nothing was recorded.")
                elif run_safely("Recording the answer", answer_checklist, db, tx_id, q_id, answer,
                                by=current_user(), note=note.strip()) is not None:  # fmt: skip
                    st.success(f"Answer recorded: {md_escape(q_id)} {answer} by {md_escape(current_user())}. "
                               "Run the flags to re-score.")

    st.subheader("Findings")
    if not dd.findings:  # say what was checked: a bare "no red flag" reads as clear without its grounds
        checked = "; ".join(f"{'/'.join(p['roles'])} {p['name']}" for p in dd.parties) or "no party"
        try:
            searched = screening_grounds(db, settings()).brief()
        except NoListLoaded as exc:
            st.warning(f"No red flag fired, but NO screening list is loaded, so no party was checked against a list: "
                       f"{md_escape(exc)}")
        else:
            st.success(f"No red flag fired for this transaction. Checked: its parties ({md_escape(checked)}), items "
                       f"and route, against the graph and the lists {md_escape(searched)}.")
    known = {str(p["id"]): str(p["name"] or p["id"]) for p in dd.parties}
    for f in dd.findings:
        show_finding(f, f["id"] in stored_ids, known)
    resolvable = [f for f in dd.findings if f["id"] in stored_ids]
    if resolvable:
        with st.form("resolve_finding_form"):
            st.markdown("**Resolve a finding**")
            labels = {str(f["id"]): f"{f['rule']} · {f['title']} · {party_names(f, known)}" for f in resolvable}
            fid = st.selectbox("Finding", list(labels), index=None, key="resolve_finding",
                               format_func=lambda i: labels[i], placeholder="Choose a finding")  # fmt: skip
            status = st.selectbox("Outcome", STATUSES, index=None, key="resolve_status", placeholder="Choose an outcome")
            reason = st.text_area("Reason (kept with your name and the time)", key="resolve_reason")
            if st.form_submit_button("Resolve finding", key="resolve_submit"):
                if fid is None or status is None:
                    st.error("Choose a finding and an outcome: nothing was recorded.")
                elif not reason.strip():
                    st.error("Give a reason: resolutions without one are not recorded.")
                elif run_safely("Resolving the finding", resolve, db, fid, status, reason.strip(), current_user(),
                                settings=settings()) is not None:
                    st.success(f"Recorded: {status} by {current_user()} at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")

    st.subheader("Decision")
    if dd.decisions:
        st.dataframe(decision_rows(dd.decisions), hide_index=True)
    else:
        st.caption("No decision recorded yet.")
    with st.form("decision"):
        decision = st.selectbox("Decision", DECISIONS, index=None, key="decision_value", placeholder="Choose a decision",
                                format_func=lambda d: d.replace("_", " "))  # fmt: skip
        why = st.text_area("Reason for the decision", key="decision_reason")
        if st.form_submit_button("Record decision", key="decision_submit"):
            if decision is None:
                st.error("Choose a decision: nothing was recorded.")
            elif not why.strip():
                st.error("Give a reason for the decision.")
            elif run_safely("Recording the decision", record_decision, db, tx_id, decision, why.strip(), current_user(),
                            settings=settings()) is not None:
                st.success(f"Decision recorded: {decision} by {current_user()}")

    st.subheader("Due-diligence report")
    fmt = st.radio("Format", ["html", "pdf"], horizontal=True, key="report_fmt")
    if st.button("Prepare the report", key="prepare_report"):
        try:
            grounds_now: dict[str, Any] | None = screening_grounds(db, settings()).to_dict()
        except NoListLoaded:
            grounds_now = None
        full = run_safely("Building the report", build_report, db, tx_id, grounds=grounds_now)
        if full is not None:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / f"report.{fmt}"
                if run_safely("Writing the report", write_report, full, fmt, out) is None and out.exists():
                    st.session_state["report_bytes"] = (tx_id, fmt, out.read_bytes())
    ready = st.session_state.get("report_bytes")
    if ready and ready[0] == tx_id:
        st.download_button(f"Download {md_escape(ready[1]).upper()} report", ready[2],
                           file_name=f"{tx_id}-due-diligence.{ready[1]}", key="download_report")  # fmt: skip
