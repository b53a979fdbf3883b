"""Render a due-diligence report as Markdown or HTML (every value escaped) or PDF (fpdf2, core font)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ontology.neutralize import markdown_text
from redflag.reports.model import DueDiligenceReport

# ----------------------------------------------------------------------------- a neutral document model
# Blocks: ("h1"|"h2"|"h3"|"p"|"quote", text) | ("table", (headers, rows)) | ("list", [text, ...])
Block = tuple[str, Any]


def _cite(ev: dict[str, Any]) -> str:
    bits = [str(ev.get("publisher") or ev.get("source") or "source")]
    if ev.get("tier"):
        bits.append(f"tier {ev['tier']}")
    if ev.get("status") and ev["status"] not in ("curated", "record"):
        bits.append(str(ev["status"]))
    if ev.get("hedged"):
        bits.append("hedged")
    if ev.get("confidence") is not None and float(ev["confidence"]) < 1.0:
        bits.append(f"confidence {float(ev['confidence']):.2f}")
    return ", ".join(bits)


def blocks(report: DueDiligenceReport) -> Iterator[Block]:
    tx = report.transaction
    yield ("h1", f"Due-diligence report: {tx.get('title') or tx.get('id')}")
    yield (
        "p",
        f"Transaction {tx.get('id')}; destination {tx.get('destination') or '?'}; ordered {tx.get('order_date') or '?'}; "
        f"ship date {tx.get('ship_date') or '?'}; status {tx.get('status') or '?'}. Report generated {report.generated}; "
        f"lists judged as of {report.flags.list_date}.",
    )
    if report.grounds:
        from redflag.screening_ops.grounds import versions_text

        for warning in report.grounds.get("warnings", []):
            yield ("p", f"WARNING (lists stale): {warning}")
        yield ("p", "Parties screened against: "
               + (versions_text(report.grounds.get("list_versions", [])) or "list versions unknown") + ".")
    verdict = "HARD STOP" if report.flags.hard_stop else "no hard stop"
    yield (
        "p",
        f"Risk score {report.flags.risk_score} / 100, band {report.flags.breakdown.band} ({verdict}); "
        f"{len(report.findings)} finding(s).",
    )
    considerations = report.flags.breakdown.considerations
    if considerations:
        parts = ", ".join(f"{k.replace('_', ' ')} {v:.2f}" for k, v in sorted(considerations.items(), key=lambda kv: -kv[1]))
        yield ("p", f"Score by guidance consideration (log-odds points, docs/RISK-SCORE.md): {parts}.")
    for hs in report.flags.breakdown.hard_stops:
        yield ("p", f"Hard stop ({hs['rule']}): {hs['reason']}")
    for gap in report.flags.errors:
        yield ("p", f"Not evaluated: {gap['message']}")
    if tx.get("declared_end_use"):
        yield ("p", f"Declared end use: {tx['declared_end_use']}")

    yield ("h2", "Parties")
    yield (
        "table",
        (
            ["Party", "Role in the deal", "Kind", "Countries", "Screened"],
            [
                [
                    p["name"],
                    ", ".join(p["roles"]),
                    p["kind"],
                    p["countries"],
                    "no" if p["unscreened"] else "yes",
                ]
                for p in report.parties
            ],
        ),
    )

    yield ("h2", "Items and safeguards")
    for it in report.items:
        yield ("h3", f"{it['name']} ({it['eccn'] or 'no ECCN'})")
        yield ("p", "Capabilities: " + (", ".join(it["capabilities"]) or "none recorded"))
        yield (
            "table",
            (["Design safeguard", "State"], [[s["safeguard"], s["state"]] for s in it["safeguards"]]),
        )
        if it["gaps"]:
            yield ("p", "Gaps: " + ", ".join(it["gaps"]))
    yield ("table", (["Contract clause", "State"], [[c["clause"], c["state"]] for c in report.contract]))

    yield ("h2", "Checklist by guidance consideration")
    computed: dict[str, list[dict[str, Any]]] = {}
    for f in report.findings:
        computed.setdefault(f["consideration"] or "red_flags", []).append(f)
    for cid, title in report.considerations:
        yield ("h3", title)
        raised = computed.get(cid, [])
        if raised:
            yield (
                "list",
                [f"{f['rule']} {f['title']}: raised ({f['severity']}, {f['status']})" for f in raised],
            )
        rows = report.checklist.get(cid, [])
        if rows:
            yield (
                "table",
                (
                    ["Flag", "Question", "Answer", "Note"],
                    [[r["flag"], r["question"], r["answer"], r["note"]] for r in rows],
                ),
            )
        if not raised and not rows:
            yield ("p", "Nothing raised or asked under this consideration.")

    yield ("h2", "Findings")
    if not report.findings:
        yield ("p", "No findings.")
    for f in report.findings:
        yield ("h3", f"{f['rule']}: {f['title']} [{f['severity']}; {f['status']}]")
        yield ("p", f["explanation"])
        path = f["path"]
        names = {n["id"]: n["name"] for n in path["nodes"] if n.get("name")}  # names, not internal ids
        parties = ", ".join(dict.fromkeys(str(names.get(p, p)) for p in f["parties"])) or "the transaction"
        yield ("p", f"Concerns: {parties}. Confidence {f['confidence']}.")
        if path["relationships"]:
            yield (
                "list",
                [
                    f"{names.get(r['source'], r['source'])} -{r['type']}-> {names.get(r['target'], r['target'])}"
                    for r in path["relationships"]
                ],
            )
        for ev in f["evidence"]:
            yield (
                "quote",
                f"\u201c{ev.get('passage') or ''}\u201d ({_cite(ev)}){(' ' + ev['url']) if ev.get('url') else ''}",
            )
        for r in f["resolutions"]:
            yield (
                "p",
                f"Resolution {r.get('seq')}: {r.get('status')} by {r.get('by')} at {r.get('at')}: {r.get('reason')}",
            )

    yield ("h2", "Decision")
    if not report.decisions:
        yield ("p", "No decision recorded yet.")
    for d in report.decisions:
        yield ("p", f"{d.get('decision')} by {d.get('by')} at {d.get('at')}: {d.get('reason')}")
    chain = report.audit_chain
    yield ("p", "Audit chain of resolutions and decisions: " + (
        str(chain.get("text")) if chain else f"not verified for this report (run `redflag audit-verify "
                                             f"--transaction {report.transaction.get('id')}`)"))


# ----------------------------------------------------------------------------- Markdown
def to_markdown(report: DueDiligenceReport) -> str:
    """The report as Markdown; every value is inert text (``ontology.neutralize.markdown_text``: HTML
    escaped, link/image/emphasis/table syntax backslash-escaped), so deal data cannot inject markup."""
    m = markdown_text
    out: list[str] = []
    for kind, value in blocks(report):
        if kind in ("h1", "h2", "h3"):
            out += ["#" * int(kind[1]) + " " + m(value), ""]
        elif kind == "p":
            out += [m(value), ""]
        elif kind == "quote":
            out += ["> " + m(value), ""]
        elif kind == "list":
            out += [f"- {m(x)}" for x in value] + [""]
        elif kind == "table":
            headers, rows = value
            out.append("| " + " | ".join(m(h) for h in headers) + " |")
            out.append("|" + "---|" * len(headers))
            out += ["| " + " | ".join(m(c) for c in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------------- HTML
def to_html(report: DueDiligenceReport) -> str:
    e = html.escape
    body: list[str] = []
    for kind, value in blocks(report):
        if kind in ("h1", "h2", "h3", "p"):
            body.append(f"<{kind}>{e(str(value))}</{kind}>")
        elif kind == "quote":
            body.append(f"<blockquote>{e(str(value))}</blockquote>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{e(str(x))}</li>" for x in value) + "</ul>")
        elif kind == "table":
            headers, rows = value
            head = "".join(f"<th>{e(str(h))}</th>" for h in headers)
            trs = "".join(
                "<tr>" + "".join(f"<td>{e(str(c if c is not None else ''))}</td>" for c in row) + "</tr>"
                for row in rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>")
    title = e(str(report.transaction.get("title") or report.transaction.get("id")))
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}"
        "blockquote{border-left:3px solid #888;margin:.3em 0;padding-left:.8em;color:#333}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Due-diligence report: {title}</title><style>{style}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


# ----------------------------------------------------------------------------- PDF
def pdf_text(text: Any) -> str:
    """Text the PDF core fonts can draw: transliterate what Latin-1 lacks, replace what is left."""
    from anyascii import anyascii

    raw = str(text if text is not None else "")
    out = []
    for ch in raw:
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(anyascii(ch) or "?")
    return "".join(out)


def write_pdf(blocks_iter: Iterator[Block], path: Path, title: str) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(pdf_text(title))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    sizes = {"h1": 16, "h2": 13, "h3": 11}
    for kind, value in blocks_iter:
        pdf.set_x(pdf.l_margin)
        if kind in sizes:
            pdf.set_font("Helvetica", "B", sizes[kind])
            pdf.multi_cell(width, sizes[kind] * 0.5, pdf_text(value))
            pdf.ln(1)
        elif kind in ("p", "quote"):
            pdf.set_font("Helvetica", "I" if kind == "quote" else "", 9)
            pdf.multi_cell(width, 4.5, pdf_text(value))
            pdf.ln(1)
        elif kind == "list":
            pdf.set_font("Helvetica", "", 9)
            for x in value:
                pdf.set_x(pdf.l_margin)
                pdf.multi_cell(width, 4.5, pdf_text(f"- {x}"))
            pdf.ln(1)
        elif kind == "table":
            headers, rows = value
            pdf.set_font("Helvetica", "", 8)
            with pdf.table(width=width, text_align="LEFT") as table:
                head = table.row()
                for h in headers:
                    head.cell(pdf_text(h))
                for row in rows:
                    r = table.row()
                    for c in row:
                        r.cell(pdf_text(c if c is not None else ""))
            pdf.ln(2)
    pdf.output(str(path))


def to_pdf(report: DueDiligenceReport, path: Path) -> None:
    write_pdf(blocks(report), path, f"Due-diligence report {report.transaction.get('id')}")


def write_report(report: DueDiligenceReport, fmt: str, path: Path) -> None:
    if fmt == "md":
        path.write_text(to_markdown(report), encoding="utf-8")
    elif fmt == "html":
        path.write_text(to_html(report), encoding="utf-8")
    elif fmt == "pdf":
        to_pdf(report, path)
    else:
        raise ValueError(f"report format {fmt!r}: choose md, html or pdf")
