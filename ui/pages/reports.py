"""Reports: the annual public report and graph exports (Turtle, FollowTheMoney JSON, GraphML, CSV)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from redflag.reports.annual import annual_markdown, build_annual, write_annual
from ui.auth import require_login
from ui.common import missing, optional, run_safely, store

require_login()  # the sign-in, also when Streamlit runs this page file on its own

FORMATS = {"turtle": "ttl", "ftm": "ftm.json", "graphml": "graphml", "csv": "zip"}

st.title("Reports")
db = store()

st.subheader("Annual public report")
year = int(st.number_input("Year", min_value=2000, max_value=2100, value=2026, key="annual_year"))
fmt_annual = st.radio("Format", ["html", "pdf", "md"], horizontal=True, key="annual_fmt")
if st.button("Build the annual report", key="annual_build"):
    rep = run_safely("Building the annual report", build_annual, db, year)
    if rep is not None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"annual-report-{year}.{fmt_annual}"
            run_safely("Writing the annual report", write_annual, rep, out)
            if out.exists():
                st.session_state["annual_bytes"] = (out.name, out.read_bytes())
                st.session_state["annual_preview"] = annual_markdown(rep)
ready_annual = st.session_state.get("annual_bytes")
if ready_annual:
    st.download_button("Download the annual report", ready_annual[1], file_name=ready_annual[0], key="annual_download")
    with st.expander("Preview (Markdown source)"):
        st.text(st.session_state.get("annual_preview", ""))

st.subheader("Export the graph")
export_graph = optional("redflag.services.exports", "export_graph")
if export_graph is None:
    missing("Graph exports (redflag.services.exports)", "They arrive with the export service (`redflag export`).")
    st.stop()
fmt = st.selectbox("Format", list(FORMATS), key="export_fmt")
if st.button("Export", key="export_run"):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("export" if fmt == "csv" else f"graph.{FORMATS[fmt]}")
        written = run_safely("Exporting the graph", export_graph, db, fmt, out)
        if written is not None:
            if out.is_dir():
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w") as zf:
                    for f in sorted(out.rglob("*")):
                        if f.is_file():
                            zf.write(f, f.relative_to(out))
                st.session_state["export_bytes"] = (fmt, buf.getvalue())
            else:
                st.session_state["export_bytes"] = (fmt, out.read_bytes())
ready = st.session_state.get("export_bytes")
if ready:
    st.download_button(f"Download the {ready[0]} export", ready[1], file_name=f"redflag-graph.{FORMATS[ready[0]]}",
                       key="export_download")  # fmt: skip
