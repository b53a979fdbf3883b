"""Screen one name: every list entity scored against it, matches and review candidates explained, the list
versions it was screened against, logged in the screening audit log like `redflag screen NAME`."""

from __future__ import annotations

import streamlit as st

from redflag.screening_ops.grounds import NoListLoaded, versions_text
from redflag.screening_ops.parties import PartyQuery, parse_identifiers, party_country
from redflag.services.screening_ops import screen_one
from ui.auth import current_user, require_login
from ui.common import md_escape, settings, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Screen a name")
cfg = settings()
db = store()
with st.form("screen_name"):
    name = st.text_input("Name (person, company, vessel...)", key="screen_name_q")
    c1, c2 = st.columns(2)
    country = c1.text_input("Country (ISO code or name; optional)", key="screen_name_country")
    ids = c2.text_input("Identifiers (scheme:value; ...; optional)", key="screen_name_ids", placeholder="imo:9569683")
    go = st.form_submit_button("Screen", type="primary")
if go:
    if not name.strip():
        st.error("Type a name to screen.")
        st.stop()
    try:
        party = PartyQuery(name.strip(), party_country(country) if country.strip() else "",
                           identifiers=tuple(parse_identifiers(ids)))  # fmt: skip
        result, logged = screen_one(db, cfg, party, current_user(), cfg.screen_review_threshold)
    except NoListLoaded as exc:  # no list: "no match" would have no grounds
        st.error(f"Nothing was screened: {md_escape(exc)}")
        st.stop()
    except ValueError as exc:
        st.error(f"The input cannot be screened: {md_escape(exc)}")
        st.stop()
    st.session_state["screen_name_result"] = {
        "name": name.strip(), "status": logged.status, "at": logged.at, "id": logged.screening_id,
        "warnings": list(logged.warnings), "query_warnings": list(logged.query_warnings), "versions": versions_text(logged.grounds.get("list_versions", [])),
        "rows": [{"score": round(o.match.score, 3), "band": o.band, "decision in force": o.status,
                  "list entity": o.match.name, "matched name": o.match.matched_name,
                  "lists": ", ".join(o.match.lists), "programmes": ", ".join(o.match.programs),
                  "why": "; ".join(o.match.notes), "id": o.match.id} for o in logged.matches],
    }  # fmt: skip

done = st.session_state.get("screen_name_result")
if done:
    for warning in done["warnings"]:
        st.warning(f"Lists stale: {md_escape(warning)}")
    for warning in done.get("query_warnings", []):
        st.warning(f"About this name: {md_escape(warning)}")
    st.caption("Screened against: " + md_escape(done["versions"] or "list versions unknown")
               + f" · logged as {md_escape(done['id'])} at {md_escape(str(done['at'])[:19].replace('T', ' '))}")
    if done["rows"]:
        st.subheader(f"{len(done['rows'])} candidate(s) for “{done['name']}”: {done['status']}", anchor=False)
        st.dataframe(done["rows"], hide_index=True)
        st.caption(f"Scores at or above {cfg.screen_threshold} are matches; from {cfg.screen_review_threshold}, "
                   "review candidates. Decide on a match on the Bulk screening page.")
    else:
        st.info(f"No list entity scores {cfg.screen_review_threshold} or more for this name in the list versions "
                "above. This is the answer for these lists only.")
