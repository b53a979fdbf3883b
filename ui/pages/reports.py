"""Reports: the annual public report and graph exports (Turtle, FollowTheMoney JSON, GraphML, CSV)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from ui.common import missing, optional, run_safely, store

FORMATS = {"turtle": "ttl", "ftm": "ftm.json", "graphml": "graphml", "csv": "zip"}

st.title("Reports")
db = store()

st.subheader("Annual public report")
annual = optional("redflag.reports", "annual_report")
if annual is None:
    missing("The annual report (redflag.reports)", "It arrives with the reports module (`redflag annual-report`).")
else:
    year = int(st.number_input("Year", min_value=2000, max_value=2100, value=2026, key="annual_year"))
    if st.button("Build the annual report", key="annual_build"):
        data = run_safely("Building the annual report", annual, db, year)
        if data is not None:
            body = data if isinstance(data, bytes) else str(data).encode("utf-8")
            st.download_button("Download the annual report", body, file_name=f"annual-report-{year}.html",
                               key="annual_download")  # fmt: skip

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
