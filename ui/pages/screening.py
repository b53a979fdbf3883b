"""Bulk screening: upload a parties CSV, watch progress, download the report; decide on matches (false positives
are cleared until the list entry changes); each party's audit history; alerts from re-screening."""

from __future__ import annotations

from typing import Any

import streamlit as st

from redflag.screening_ops.grounds import NoListLoaded, versions_text
from redflag.screening_ops.parties import PartyFileError
from redflag.screening_ops.reports import audit_rows, report_csv, report_html, report_row
from redflag.services import screening_ops as ops
from ui.auth import current_user, require_login
from ui.common import md_escape, run_safely, settings, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Bulk screening")
cfg = settings()
db = store()

UPLOAD_KEY = "screening_upload"  # (file name, bytes) of the last upload
REPORT_KEY = "screening_report"


def _progress_bar() -> Any:
    bar = st.progress(0.0, text="Screening...")

    def update(done: int, total: int, label: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"{done} / {total}: {label[:60]}")

    return update


# ------------------------------------------------------------------------------------------ upload and screen
st.caption("Columns: name (required), country (ISO code or name, e.g. RU or Russia), identifiers (scheme:value; ...), address, "
           "reference (your own reference). Malformed rows are listed by line and skipped; every screening is logged.")
uploaded = st.file_uploader("Parties CSV", type=["csv"], key="screening_file")
if uploaded is not None:
    st.session_state[UPLOAD_KEY] = (uploaded.name, uploaded.getvalue())
threshold = st.slider("Show matches from score", 0.30, 1.00, float(cfg.screen_review_threshold), 0.01,
                      help=f"Scores at or above {cfg.screen_threshold} are matches; below, review candidates.")
pending = st.session_state.get(UPLOAD_KEY)
if st.button("Screen the file", type="primary", disabled=pending is None, key="screening_run") and pending:
    name, data = pending
    try:
        report = ops.screen_file(db, cfg, data, name, current_user(), origin="ui-bulk", threshold=threshold,
                                 progress=_progress_bar())
    except PartyFileError as exc:
        st.error(f"The file cannot be screened: {exc}")
    except NoListLoaded as exc:  # no grounds for "clear": nothing screened, nothing logged
        st.session_state.pop(REPORT_KEY, None)
        st.error(f"Nothing was screened: {md_escape(exc)}")
    else:
        st.session_state[REPORT_KEY] = {
            "meta": report.meta(),
            "rows": [report_row(r) for r in report.results],
            "errors": [{"line": e.line, "column": e.field, "reason": e.reason} for e in report.errors],
            "csv": report_csv(report.results, report.errors),
            "html": report_html(report.results, report.errors, f"Screening of {name}", report.meta()),
            "matches": {r.party.key: [(m.match.id, f"{m.match.name} ({m.match.score:.3f}, {m.status})")
                                      for m in r.matches] for r in report.results if r.matches},
        }

done = st.session_state.get(REPORT_KEY)
if done:
    meta = done["meta"]
    st.success(f"Screened {meta['screened']} part(ies) from {meta['file']}; {meta['malformed']} malformed row(s) "
               "skipped; every screening is in the audit log.")
    for warning in meta.get("warnings", []):
        st.warning(f"Lists stale: {md_escape(warning)}")
    st.caption("Screened against: " + md_escape(versions_text(meta.get("list_versions", []))
                                                or "list versions unknown"))
    cols = st.columns(5)
    for col, status in zip(cols, ("match", "review", "confirmed_match", "cleared", "clear"), strict=True):
        col.metric(status.replace("_", " "), meta.get(status, 0))
    if done["errors"]:
        st.subheader("Malformed rows (not screened)")
        st.dataframe(done["errors"], hide_index=True)
    st.subheader("Results")
    st.dataframe(
        [{k: r.get(k, "") for k in ("line", "reference", "name", "country", "status", "best_match", "score",
                                    "match_status", "lists", "programs", "explanation", "cleared_by")}
         for r in done["rows"]],
        hide_index=True,
    )  # fmt: skip
    d1, d2 = st.columns(2)
    d1.download_button("Download report (CSV)", done["csv"], "screening-report.csv", "text/csv", key="dl_csv")
    d2.download_button("Download report (HTML)", done["html"], "screening-report.html", "text/html", key="dl_html")

    if done["matches"]:
        st.subheader("Decide on a match")
        party = st.selectbox("Party", sorted(done["matches"]), key="decide_party")
        options = dict(done["matches"][party])
        entity = st.selectbox("List entity", list(options), format_func=lambda e: options[e], key="decide_entity")
        decision = st.radio("Decision", ["false_positive", "true_match", "needs_review"], horizontal=True,
                            key="decide_kind", index=None, format_func=lambda d: d.replace("_", " "))
        reason = st.text_input("Reason (required)", key="decide_reason")
        if st.button("Record decision", key="decide_go"):
            if decision is None:
                st.error("Choose a decision: nothing was recorded.")
                st.stop()
            entry = run_safely("Recording the decision", ops.record_match_decision, db, cfg, party, entity,
                               decision, reason, current_user())
            if entry is not None:
                st.success(f"Recorded {decision} on {party} / {entity}. A false positive stays cleared until the "
                           "list entity's data changes.")

# ------------------------------------------------------------------------------------------ history and alerts
st.subheader("Audit history of a party")
keys = ops.party_keys(cfg)
if not keys:
    st.info("Nothing screened yet: upload a file above or run `redflag screen --file PARTIES.csv`.")
else:
    chosen = st.selectbox("Party key (normalized name | country | reference)", keys, key="history_party")
    rows = audit_rows(ops.history(cfg, chosen))
    st.dataframe(
        [{k: r.get(k, "") for k in ("at", "kind", "by", "entity_name", "score", "status", "decision", "reason",
                                    "data_version", "list_version")} for r in rows],
        hide_index=True,
    )  # fmt: skip
    st.download_button("Download the whole audit log (CSV)", ops.export_log(cfg, "csv"), "screening-audit.csv",
                       "text/csv", key="dl_log")

st.subheader("Alerts from re-screening")
if st.button("Re-screen every party now", key="rescreen_go"):
    result = run_safely("Re-screening", ops.rescreen, db, cfg, current_user(), False, _progress_bar())
    if result is not None:
        st.success(f"Re-screened {result.screened} part(ies): {len(result.alerts)} new alert(s).")
alerts = ops.list_alerts(cfg)
if not alerts:
    st.info("No alerts. After a list refresh (`redflag load`), `redflag rescreen` or the button above re-screens "
            "every party screened before; new matches appear here with their transactions.")
else:
    st.dataframe(
        [{"at": a["at"][:19], "party": a["query"], "reference": a["reference"], "list entity": a["entity_name"],
          "score": a["score"], "why": a["reason"], "transactions": ", ".join(t["id"] for t in a["transactions"]),
          "decision": (a["decision"] or {}).get("decision", "open")} for a in alerts],
        hide_index=True,
    )  # fmt: skip
