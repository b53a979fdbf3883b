"""Due-diligence and annual reports: citations, escaping, valid PDF, no confidential detail."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pypdf import PdfReader

from redflag.reports.annual import build_annual, write_annual
from redflag.reports.model import build_report
from redflag.reports.render import pdf_text, to_html, to_markdown, write_report
from redflag.rules.engine import evaluate
from redflag.services.findings import persist_findings, record_decision, resolve

_spec = importlib.util.spec_from_file_location(
    "rules_world", Path(__file__).resolve().parents[1] / "rules" / "rules_world.py"
)
assert _spec and _spec.loader
W = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(W)

EVIL = 'Helix <script>alert("x")</script> Integrators — Ünïcødé 北京'


def _world(store) -> None:  # noqa: ANN001
    W.diversion_world(store)
    W.write(store, [W.N("Entity", "helix", {"name": EVIL})])
    report = evaluate(store, "DIV")
    persist_findings(store, report)
    resolve(store, report.findings[0].id, "confirmed", "checked with customs", "ana")
    record_decision(store, "DIV", "refuse", "diversion to a security service", "ben")


def test_report_cites_sources_and_shows_resolutions_and_decision(falkordb_store) -> None:  # noqa: ANN001
    _world(falkordb_store)
    md = to_markdown(build_report(falkordb_store, "DIV"))
    assert "identify protesters" in md and "https://ngo.example.org/p-abuse" in md
    assert "checked with customs" in md and "refuse by ben" in md
    for title in ("1. Consider the item", "2. Third-party due diligence", "4. Mitigation", "5. Grievance"):
        assert title in md
    assert "Meridian Freight Services FZE" in md


def test_html_escapes_markup_in_names(falkordb_store) -> None:  # noqa: ANN001
    _world(falkordb_store)
    page = to_html(build_report(falkordb_store, "DIV"))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_pdf_is_valid_and_survives_unsupported_characters(falkordb_store, tmp_path) -> None:  # noqa: ANN001
    _world(falkordb_store)
    out = tmp_path / "r.pdf"
    write_report(build_report(falkordb_store, "DIV"), "pdf", out)
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Due-diligence report" in text and "Helix" in text
    converted = pdf_text("北京 — café")
    converted.encode("latin-1")  # drawable by the core font
    assert converted.endswith("café") and "Bei" in converted


def test_annual_report_counts_without_names(falkordb_store, tmp_path) -> None:  # noqa: ANN001
    _world(falkordb_store)
    grievances = [
        {
            "received_at": "2026-11-16T09:42:00Z",
            "channel": "web_form",
            "text": "secret text",
            "resolution": {"status": "investigated"},
        }
    ]
    rep = build_annual(falkordb_store, 2026, grievances)
    assert rep.decisions == {"refuse": 1}
    assert rep.grievances_received == 1 and rep.grievances_by_outcome == {"investigated": 1}
    assert rep.resolutions == {"confirmed": 1}
    for suffix in (".md", ".html", ".pdf"):
        out = tmp_path / f"annual{suffix}"
        write_annual(rep, out)
        body = (
            out.read_text(errors="ignore")
            if suffix != ".pdf"
            else "".join(p.extract_text() for p in PdfReader(str(out)).pages)
        )
        for secret in ("Helix", "Meridian", "DIV", "secret text", "ben"):
            assert secret not in body, (suffix, secret)
        assert "counts only" in body
