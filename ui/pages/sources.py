"""Sources: every source (built-in and the analyst's own) with last run, counts, errors, next due; refresh with
progress; what changed since the previous refresh or a date; run history."""

from __future__ import annotations

import streamlit as st

from redflag.services.changes import archive_changes, parse_since
from redflag.services.crawling import CrawlError, CrawlEvent, catalog, run_crawl, source_statuses
from redflag.services.pipeline import archive_for, load_lists
from ui.auth import require_login
from ui.common import md_escape, run_safely, settings, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

st.title("Sources")
cfg = settings()
sample = st.toggle("Bundled sample catalog (served locally; no network)", value=True, key="sources_sample")
sources = run_safely("Reading the source catalog", catalog, sample, cfg.user_sources_file)
if not sources:
    st.stop()

with archive_for(cfg) as archive:
    statuses = [s.to_dict() for s in source_statuses(archive, sources)]
    runs = archive.runs()

st.dataframe(
    [{"source": s["id"], "publisher": s["publisher"], "kind": s["kind"], "tier": s["tier"],
      "last run": (s["last_run"] or {}).get("finished") or (s["last_run"] or {}).get("started"),
      "outcome": s["outcome"] or "never run", "next due": s["next_due"]} for s in statuses],
    hide_index=True,
)  # fmt: skip

st.subheader("Refresh")
ids = [s["id"] for s in statuses]
chosen = st.multiselect("Sources to refresh (none = all)", ids, key="sources_pick")
if st.button("Refresh now", key="sources_refresh", type="primary"):
    targets = chosen or ids
    bar = st.progress(0.0, text="Starting the crawl...")
    seen: set[str] = set()

    def on_event(ev: CrawlEvent) -> None:
        if ev.event == "finish":
            seen.add(ev.source)
        bar.progress(min(len(seen) / max(len(targets), 1), 1.0), text=f"{ev.event}: {ev.source}")

    try:
        made = run_crawl(cfg.archive_dir, targets, sample=sample, on_event=on_event,
                         user_sources=cfg.user_sources_file)
        bar.progress(1.0, text="Loading the lists into the graph...")
        with archive_for(cfg) as archive:
            loaded = load_lists(store(), archive)
        st.success(f"{len(made)} run(s) finished; graph updated ({loaded.nodes} node(s), {loaded.relationships} "
                   f"relation(s) written, {len(loaded.errors)} row error(s)).")
    except CrawlError as exc:
        st.error(f"The crawl stopped: {exc}. What was archived is kept; press Refresh again to resume.")

st.subheader("What changed")
st.caption("Documents new, changed or removed, and list entries added, removed or changed (which fields), "
           "since each source's previous refresh, or since a date. Same as `redflag changes`.")
since_text = st.text_input("Since (ISO date or time, UTC; empty = previous refresh)", key="sources_since")
since_value = None
if since_text.strip():
    try:
        since_value = parse_since(since_text)
    except ValueError as exc:
        st.error(md_escape(str(exc)))
        st.stop()
with archive_for(cfg) as archive:
    change_report = archive_changes(archive, since_value)
if change_report.documents or change_report.entries:
    st.dataframe(change_report.rows(), hide_index=True)
else:
    st.info("No change " + (f"since {since_value}." if since_value else "since each source's previous refresh."))
for note in change_report.notes:
    st.caption(md_escape(note))

st.subheader("Run history")
if not runs:
    st.info("No run yet: press Refresh now, or run `redflag crawl --sample`.")
else:
    st.dataframe([r.to_dict() for r in reversed(runs)], hide_index=True)
    run_ids = [r.run_id for r in reversed(runs)]
    rid = st.selectbox("Errors of run", run_ids, key="sources_run")
    with archive_for(cfg) as archive:
        errors = archive.errors(rid)
    if errors:
        st.dataframe([{"location": e.location, "line": e.line, "field": e.field, "reason": e.reason} for e in errors],
                     hide_index=True)  # fmt: skip
    else:
        st.text("No error recorded for this run.")
