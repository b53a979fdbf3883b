"""Review queue: confirm or reject extracted relations and "possibly same as" pairs, passages side by side."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from redflag.services import explore
from ui.auth import require_login
from ui.common import features_text, md_escape, md_link, store, user

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Review queue")
db = store()
queue = explore.review_queue(db)
now = datetime.now(UTC).isoformat(timespec="seconds")


def _passages(rows: list[dict[str, object]]) -> None:
    if not rows:
        st.caption("No passage recorded.")
    for p in rows:
        st.text(str(p.get("text") or ""))
        st.caption(" · ".join(x for x in (md_escape(p.get("publisher") or ""), md_link(p.get("url"), p.get("url")))
                              if x))  # fmt: skip


st.subheader(f"Extracted relations ({len(queue['relations'])})")
if not queue["relations"]:
    st.info("Nothing to review: extracted relations appear here after `redflag extract` on crawled documents.")
for i, r in enumerate(queue["relations"]):
    with st.container(border=True):
        st.text(f"{r['source_name']} -[{r['type']}]-> {r['target_name']}   confidence {r['confidence']}")
        _passages(r["passages"])
        yes, no = st.columns(2)
        if yes.button("Confirm", key=f"rel_yes_{i}"):
            explore.judge_relation(db, r["source"], r["type"], r["target"], r["key"], True, user(), now)
            st.rerun()
        if no.button("Reject", key=f"rel_no_{i}"):
            explore.judge_relation(db, r["source"], r["type"], r["target"], r["key"], False, user(), now)
            st.rerun()

st.subheader(f"Possibly the same ({len(queue['same_as'])})")
if not queue["same_as"]:
    st.info("No candidate pairs: they appear after `redflag resolve` finds names that may be one entity.")
for i, pair in enumerate(queue["same_as"]):
    with st.container(border=True):
        st.text(f"Match score {float(pair['score'] or 0):.2f}")
        left, right = st.columns(2)
        with left:
            st.text(pair["source_name"] or pair["source"])
            _passages(pair["source_passages"])
        with right:
            st.text(pair["target_name"] or pair["target"])
            _passages(pair["target_passages"])
        if pair.get("explanation"):
            st.caption(md_escape(features_text(pair["explanation"])))
        yes, no = st.columns(2)
        if yes.button("Same entity", key=f"same_yes_{i}"):
            explore.judge_same_as(db, pair["source"], pair["target"], True, user(), now)
            st.rerun()
        if no.button("Different entities", key=f"same_no_{i}"):
            explore.judge_same_as(db, pair["source"], pair["target"], False, user(), now)
            st.rerun()
