"""Search any entity by name (fuzzy, aliases) and read its profile with the evidence behind each fact."""

from __future__ import annotations

import streamlit as st

from redflag.services import explore
from ui.auth import require_login
from ui.common import kv_table, md_escape, md_link, pick_entity, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Search & profile")
db = store()
entity_id = pick_entity("search", param="entity", text_param="q")
if entity_id is None:
    st.info("Type a name above and click a match to open it: companies, agencies, people, vessels; aliases and "
            "misspellings are matched.")
    st.stop()

profile = explore.entity_profile(db, entity_id)
if profile is None:
    st.warning("That entity is no longer in the graph. Search again.")
    st.stop()

st.header(profile["name"] or profile["id"], anchor=False)
st.text(f"id {profile['id']} · {profile['schema']} · countries {', '.join(profile['countries']) or 'unknown'}")
st.page_link("pages/paths.py", label="Diversion paths from this party", icon=":material/route:",
             query_params={"party": entity_id})
if st.button("Open in network explorer", key="to_network"):
    st.session_state["network_center"] = entity_id
    st.session_state["network_expanded"] = [entity_id]
    st.switch_page("pages/network.py", query_params={"entity": entity_id})

c1, c2 = st.columns(2)
with c1:
    st.subheader("Aliases")
    st.dataframe([{"alias": a} for a in profile["aliases"]] or [{"alias": "(none)"}], hide_index=True)
    st.subheader("Identifiers and roles")
    kv_table({**profile["identifiers"], "roles": profile["roles"], "origin": profile["origin"]})
with c2:
    st.subheader("List entries")
    if profile["listings"]:
        st.dataframe(
            [{k: lst.get(k) for k in ("authority", "list_code", "program", "start_date", "end_date", "source_url")}
             for lst in profile["listings"]],
            hide_index=True, column_config={"source_url": st.column_config.LinkColumn("source")},
        )  # fmt: skip
    else:
        st.text("Not on any loaded list.")
    st.subheader("Transactions")
    st.dataframe(profile["transactions"] or [{"id": "(none)"}], hide_index=True)

st.subheader("Mentions")
if not profile["mentions"]:
    st.caption("No document mentions this entity yet (run `redflag extract` after a crawl).")
for m in profile["mentions"]:
    with st.container(border=True):
        st.text(m["text"] or "")
        st.markdown(f"Source: {md_escape(m['title'] or m['publisher'] or '')} · tier {md_escape(m['tier'] or '?')} · "
                    + md_link(m["url"], m["url"]))

st.subheader("Events")
st.dataframe(profile["events"] or [{"type": "(none)"}], hide_index=True)
st.subheader("Findings")
st.dataframe(profile["findings"] or [{"rule": "(none)"}], hide_index=True)
st.subheader("Connections")
st.dataframe(
    [{"relation": e["type"], "direction": e["direction"], "other": e["other_name"], "type": e["other_label"],
      "other id": e["other"]} for e in profile["connections"]],
    hide_index=True,
)  # fmt: skip
