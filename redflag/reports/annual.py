"""The public annual report the guidance asks for: what diligence was done and how complaints were handled.

Counts only. Policy (stated in the report's header): no party names, no transaction ids or titles, no
reasons written by analysts, no grievance text or submitter details, for any deal (approved or refused);
refused deals are counted, not described, since naming a refused buyer could expose people and breach
confidentiality.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store import GraphStore
from ontology import vocab
from redflag.rules import queries as Q

POLICY = (
    "This report gives counts only. It names no customer, end-user or other party, gives no transaction "
    "identifiers, and quotes no analyst notes or grievance text, for approved and refused deals alike."
)


@dataclass
class AnnualReport:
    year: int
    transactions_screened: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    findings_by_family: dict[str, int] = field(default_factory=dict)
    findings_by_severity: dict[str, int] = field(default_factory=dict)
    resolutions: dict[str, int] = field(default_factory=dict)
    grievances_received: int = 0
    grievances_by_channel: dict[str, int] = field(default_factory=dict)
    grievances_by_outcome: dict[str, int] = field(default_factory=dict)
    monitoring: dict[str, int] = field(default_factory=dict)


def _in_year(value: Any, year: int) -> bool:
    return str(value or "")[:4] == str(year)


def load_grievances(folder: Path) -> list[dict[str, Any]]:
    """Grievance records (JSON files) from a folder; a file that is not a JSON object is an error naming it."""
    out: list[dict[str, Any]] = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{path}: not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a grievance file must hold one JSON object")
        out.append(data)
    return out


def build_annual(
    store: GraphStore, year: int, grievances: Iterable[Mapping[str, Any]] | None = None
) -> AnnualReport:
    """The public annual report; grievances default to those recorded in the graph (counts only)."""
    if grievances is None:
        from redflag.stewardship.grievances import annual_records

        grievances = annual_records(store)
    rep = AnnualReport(year=year)
    txs = store.run(Q.ALL_TRANSACTIONS)
    findings = store.run(Q.ALL_FINDINGS)
    decisions = [d for d in store.run(Q.ALL_DECISIONS) if _in_year(d["at"], year)]
    screened = {
        f["tx"] for f in findings if _in_year(f["first_seen"], year) or _in_year(f["last_seen"], year)
    }
    screened |= {t["id"] for t in txs if _in_year(t["order_date"], year)}
    screened |= {d["tx"] for d in decisions}
    rep.transactions_screened = len(screened)
    latest: dict[str, dict[str, Any]] = {}
    for d in sorted(decisions, key=lambda d: str(d["at"])):
        latest[str(d["tx"])] = d
    rep.decisions = dict(Counter(str(d["decision"]) for d in latest.values()))
    year_findings = [f for f in findings if _in_year(f["first_seen"], year)]
    rep.findings_by_family = dict(Counter(str(f["family"] or "checklist") for f in year_findings))
    levels: Counter[str] = Counter()
    for f in year_findings:
        try:
            levels[vocab.red_flag(str(f["rule"])).severity.split(" ")[0].split("/")[0]] += 1
        except KeyError:
            levels["unknown"] += 1
    rep.findings_by_severity = dict(levels)
    rep.resolutions = dict(
        Counter(str(r["status"]) for r in store.run(Q.ALL_RESOLUTIONS) if _in_year(r["at"], year))
    )
    g_year = [g for g in grievances if _in_year(g.get("received_at"), year)]
    rep.grievances_received = len(g_year)
    rep.grievances_by_channel = dict(Counter(str(g.get("channel") or "unspecified") for g in g_year))
    rep.grievances_by_outcome = dict(
        Counter(str((g.get("resolution") or {}).get("status") or g.get("status") or "open") for g in g_year)
    )
    rep.monitoring = {
        "post-shipment misuse findings (DOS-P1)": sum(1 for f in year_findings if f["rule"] == "DOS-P1"),
        "transaction reviews completed": sum(1 for t in txs if _in_year(t["last_review_at"], year)),
        "shipped transactions under review": sum(1 for t in txs if str(t["status"] or "") == "shipped"),
        "decisions taken after shipment": sum(
            1
            for d in latest.values()
            for t in txs
            if t["id"] == d["tx"] and str(t["ship_date"] or "9999") < str(d["at"])[:10]
        ),
    }
    from redflag.stewardship.monitoring import monitoring_counts

    rep.monitoring.update(monitoring_counts(store, year))
    return rep


def _table(title: str, counts: Mapping[str, int]) -> list[str]:
    lines = [f"## {title}", ""]
    if not counts:
        return [*lines, "None.", ""]
    lines += ["| | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items())]
    return [*lines, ""]


def annual_markdown(rep: AnnualReport) -> str:
    lines = [f"# Human-rights due diligence: annual report {rep.year}", "", f"_{POLICY}_", ""]
    lines += [f"Transactions screened: **{rep.transactions_screened}**", ""]
    lines += _table("Decisions (latest per transaction)", rep.decisions)
    lines += _table("Red-flag findings by rule family", rep.findings_by_family)
    lines += _table("Red-flag findings by severity", rep.findings_by_severity)
    lines += _table("Resolutions of findings", rep.resolutions)
    lines += ["## Grievances", "", f"Received: **{rep.grievances_received}**", ""]
    lines += _table("Grievances by channel", rep.grievances_by_channel)
    lines += _table("Grievances by outcome", rep.grievances_by_outcome)
    lines += _table("Monitoring after shipment", rep.monitoring)
    return "\n".join(lines)


def write_annual(rep: AnnualReport, path: Path) -> None:
    """Markdown, HTML or PDF by the file's extension (.md, .html, .pdf)."""
    suffix = path.suffix.lower()
    text = annual_markdown(rep)
    if suffix in (".md", ".markdown", ".txt", ""):
        path.write_text(text, encoding="utf-8")
        return
    from redflag.reports.render import Block, write_pdf

    blocks: list[Block] = []
    for line in text.splitlines():
        if line.startswith("#"):
            level = min(3, len(line) - len(line.lstrip("#")))
            blocks.append((f"h{level}", line.lstrip("#").strip()))
        elif line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1][1].append(cells)
            else:
                blocks.append(("table", (cells, [])))
        elif line.strip() and not line.startswith("|---"):
            blocks.append(("p", line.replace("**", "").strip("_")))
    if suffix == ".pdf":
        write_pdf(iter(blocks), path, f"Annual report {rep.year}")
    elif suffix in (".html", ".htm"):
        import html

        e = html.escape
        parts = []
        for kind, value in blocks:
            if kind == "table":
                head, rows = value
                parts.append(
                    "<table><tr>"
                    + "".join(f"<th>{e(h)}</th>" for h in head)
                    + "</tr>"
                    + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
                    + "</table>"
                )
            else:
                parts.append(f"<{kind}>{e(str(value))}</{kind}>")
        path.write_text(
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Annual report {rep.year}</title></head><body>\n'
            + "\n".join(parts)
            + "\n</body></html>\n",
            encoding="utf-8",
        )
    else:
        raise ValueError(f"{path}: unknown report format {suffix!r}; use .md, .html or .pdf")
