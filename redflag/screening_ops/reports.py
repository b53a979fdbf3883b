"""Bulk screening reports (CSV, HTML, JSON, JSON lines) and audit log exports (CSV, JSON).

Every value that came from input or list data is escaped in HTML; CSV cells that a spreadsheet would read
as a formula are prefixed with a quote (``ontology.neutralize.csv_cell``, shared by every CSV the tool writes).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from typing import Any

from ontology.neutralize import csv_cell
from ontology.records import RowError
from redflag.screening_ops.audit import Entry
from redflag.screening_ops.grounds import versions_text
from redflag.screening_ops.session import PartyResult

REPORT_COLUMNS = [
    "line", "reference", "name", "country", "status", "party_key", "matches", "best_match", "best_match_id",
    "matched_name", "score", "band", "match_status", "lists", "programs", "explanation", "cleared_by",
    "cleared_reason", "other_matches", "screening_id", "stale", "warnings", "list_versions",
]

AUDIT_COLUMNS = [
    "seq", "kind", "at", "by", "party_key", "query", "normalized_query", "country", "reference", "data_version",
    "list_version", "threshold", "match_threshold", "algorithm", "weights", "entity_id", "entity_name", "score",
    "entity_hash", "status", "decision", "reason", "transactions", "entry_id", "hash", "stale", "warnings",
    "list_versions",
]


def report_row(result: PartyResult) -> dict[str, Any]:
    """One report row per party: the best match in full, the others by name and score."""
    p = result.party
    row: dict[str, Any] = {
        "line": p.line, "reference": p.reference, "name": p.name, "country": p.country, "status": result.status,
        "party_key": p.key, "matches": len(result.matches), "screening_id": result.screening_id,
        "stale": "yes" if result.stale else "no", "warnings": " | ".join(result.warnings),
        "list_versions": versions_text(result.grounds.get("list_versions", [])),
    }
    if result.matches:
        best = result.matches[0]
        m = best.match
        row.update({
            "best_match": m.name, "best_match_id": m.id, "matched_name": m.matched_name, "score": f"{m.score:.4f}",
            "band": best.band, "match_status": best.status, "lists": "; ".join(m.lists),
            "programs": "; ".join(m.programs), "explanation": best.explanation_text(),
            "cleared_by": (best.decision or {}).get("by", "") if best.status == "cleared" else "",
            "cleared_reason": (best.decision or {}).get("reason", "") if best.status == "cleared" else "",
            "other_matches": "; ".join(f"{o.match.name} ({o.match.score:.4f}, {o.status})" for o in result.matches[1:]),
        })
    return row


def error_row(error: RowError) -> dict[str, Any]:
    return {"line": error.line, "status": "malformed", "name": "", "explanation": f"{error.field}: {error.reason}"
            if error.field else error.reason}


def report_csv(results: Iterable[PartyResult], errors: Iterable[RowError] = ()) -> str:
    rows = [report_row(r) for r in results] + [error_row(e) for e in errors]
    rows.sort(key=lambda r: int(r.get("line") or 0))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k, "")) for k in REPORT_COLUMNS})
    return out.getvalue()


def report_json(results: Iterable[PartyResult], errors: Iterable[RowError] = (), meta: dict[str, Any] | None = None) -> str:
    data = {
        **(meta or {}),
        "results": [r.to_dict() for r in results],
        "malformed": [{"line": e.line, "field": e.field, "reason": e.reason} for e in errors],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def jsonl_line(item: PartyResult | RowError) -> str:
    """One JSON line per input line: the result, or the error that made the row malformed."""
    if isinstance(item, RowError):
        return json.dumps({"line": item.line, "status": "malformed", "field": item.field, "error": item.reason},
                          ensure_ascii=False)
    return json.dumps(item.to_dict(), ensure_ascii=False)


def report_html(results: Iterable[PartyResult], errors: Iterable[RowError] = (), title: str = "Screening report",
                meta: dict[str, Any] | None = None) -> str:
    esc = html.escape
    results = list(results)
    rows = [report_row(r) for r in results]
    cols = ["line", "reference", "name", "country", "status", "best_match", "score", "band", "match_status",
            "lists", "programs", "explanation", "cleared_by", "cleared_reason", "other_matches"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{esc(title)}</title>",
        "<style>body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}.match{background:#fde2e2}"
        ".review{background:#fff4d6}.cleared{color:#777}.stale{border:2px solid #c00;padding:4px 8px}"
        "</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    warnings = list((meta or {}).get("warnings") or [])
    if not meta:
        for r in results:
            warnings = r.warnings
            break
    if warnings:
        parts.append("<div class='stale'><strong>Stale or unknown list versions: results may miss recent "
                     "listings.</strong><ul>" + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul></div>")
    if meta:
        shown = {k: v for k, v in meta.items() if k not in ("warnings", "list_versions")}
        shown["list_versions"] = versions_text(list(meta.get("list_versions") or []))
        parts.append("<p>" + "<br>".join(f"{esc(str(k))}: {esc(str(v))}" for k, v in shown.items()) + "</p>")
    parts.append("<table><tr>" + "".join(f"<th>{esc(c)}</th>" for c in cols) + "</tr>")
    for row in rows:
        cls = esc(str(row.get("status", "")))
        parts.append(f"<tr class='{cls}'>" + "".join(f"<td>{esc(str(row.get(c, '')))}</td>" for c in cols) + "</tr>")
    parts.append("</table>")
    errs = list(errors)
    if errs:
        parts.append(f"<h2>Malformed rows ({len(errs)}), not screened</h2><table><tr><th>line</th><th>column</th>"
                     "<th>reason</th></tr>")
        for e in errs:
            parts.append(f"<tr><td>{e.line}</td><td>{esc(e.field)}</td><td>{esc(e.reason)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- audit exports
def audit_rows(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """Flat rows for an auditor: one per screening match (or per screening without match), decision, alert, run."""
    rows: list[dict[str, Any]] = []
    for e in entries:
        b = e.body
        base = {"seq": e.seq, "kind": e.kind, "at": e.at, "by": e.by, "party_key": e.party_key,
                "entry_id": e.id, "hash": e.hash}
        if "list_versions" in b:  # entries written before list versions were recorded leave these empty
            base.update({"stale": "yes" if b.get("stale") else "no", "warnings": " | ".join(b.get("warnings", [])),
                         "list_versions": versions_text(b.get("list_versions", []))})
        if e.kind == "screening":
            common = {**base, **{k: b.get(k, "") for k in ("query", "normalized_query", "country", "reference",
                                                          "data_version", "list_version", "threshold",
                                                          "match_threshold", "algorithm", "weights")}}
            if not b.get("matches"):
                rows.append({**common, "status": b.get("status", "clear")})
            for m in b.get("matches", []):
                d = m.get("decision") or {}
                rows.append({**common, "entity_id": m["id"], "entity_name": m["name"], "score": m["score"],
                             "entity_hash": m.get("entity_hash", ""), "status": m.get("status", ""),
                             "decision": d.get("decision", ""), "reason": d.get("reason", "")})
        elif e.kind == "decision":
            rows.append({**base, "entity_id": b.get("entity_id"), "entity_name": b.get("entity_name", ""),
                         "entity_hash": b.get("entity_hash"), "decision": b.get("decision"), "reason": b.get("reason")})
        elif e.kind == "alert":
            rows.append({**base, "query": b.get("query", ""), "reference": b.get("reference", ""),
                         "entity_id": b.get("entity_id"), "entity_name": b.get("entity_name", ""),
                         "score": b.get("score"), "entity_hash": b.get("entity_hash"), "status": b.get("reason"),
                         "data_version": b.get("data_version", ""), "list_version": b.get("list_version", ""),
                         "transactions": "; ".join(t["id"] for t in b.get("transactions", []))})
        else:
            rows.append({**base, "query": b.get("file", ""), "status": f"run: {b.get('screened', 0)} screened, "
                         f"{len(b.get('malformed', []))} malformed", "data_version": b.get("data_version", ""),
                         "list_version": b.get("list_version", "")})
    return rows


def audit_csv(entries: Iterable[Entry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=AUDIT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in audit_rows(entries):
        writer.writerow({k: csv_cell(row.get(k, "")) for k in AUDIT_COLUMNS})
    return out.getvalue()


def audit_json(entries: Iterable[Entry]) -> str:
    return json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False)
