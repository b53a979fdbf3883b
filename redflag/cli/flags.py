"""Red-flag commands: flags, resolve, decide, report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from redflag.cli.app import CliError, app, data_store, settings

out = Console()


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"--as-of {value!r} is not a date (YYYY-MM-DD)") from None


def _finding_json(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f["id"],
        "rule": f["rule"],
        "title": f["title"],
        "severity": f["severity"],
        "parties": f["parties"],
        "evidence": f["evidence"],
        "path": f["path"],
        "status": f["status"],
        "hard_stop": f["hard_stop"],
        "explanation": f["explanation"],
        "confidence": f["confidence"],
    }


@app.command("flags")
def flags_cmd(
    transaction: str = typer.Option(..., "--transaction", help="Transaction id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    changes: bool = typer.Option(
        False, "--changes", help="Only what is new or changed since the last review."
    ),
    reviewed: bool = typer.Option(
        False, "--mark-reviewed", help="Record a review now (baseline for --changes)."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Evaluation date (default today); lists use the ship date. List ages (staleness) "
        "count from now, the time the stored lists are checked, never from this date."
    ),
) -> None:
    """Evaluate every red-flag rule on a transaction, store the findings and print them."""
    from redflag.rules.context import TransactionNotFound
    from redflag.rules.engine import evaluate
    from redflag.screening_ops.grounds import NoListLoaded
    from redflag.services.findings import changes_since_review, mark_reviewed, persist_findings
    from redflag.services.list_versions import screening_grounds

    cfg = settings()
    with data_store(cfg) as store:
        try:
            # the screening rules judge parties against the lists loaded: none loaded, no grounds for "not listed"
            grounds = screening_grounds(store, cfg).to_dict()
        except NoListLoaded as exc:
            raise CliError(f"{exc} (the red flags need the parties screened against a list)") from None
        try:
            report = evaluate(store, transaction, _as_of(as_of))
        except TransactionNotFound as exc:
            raise CliError(str(exc)) from None
        persist_findings(store, report)
        data = report.to_dict()
        findings = [_finding_json(f) for f in data["findings"]]
        change: dict[str, Any] | None = None
        if changes:
            change = changes_since_review(store, transaction)
            kinds = {f["id"]: "new" for f in change["new"]} | {f["id"]: "changed" for f in change["changed"]}
            findings = [{**f, "change": kinds[f["id"]]} for f in findings if f["id"] in kinds]
        if reviewed:
            mark_reviewed(store, transaction, cfg.user)
    doc: dict[str, Any] = {
        "transaction": data["transaction"],
        "risk_score": data["risk_score"],
        "risk_band": data["risk_band"],
        "hard_stop": data["hard_stop"],
        "hard_stops": data["hard_stops"],
        "as_of": data["as_of"],
        "lists_judged_on": data["lists_judged_on"],
        "findings": findings,
        "not_evaluated": data["errors"],
        "score": data["score"],
        # staleness says how fresh the stored lists are when used, so ages count from the check, not from --as-of
        "lists_checked_at": grounds["checked_at"],
        "lists_stale": grounds["stale"],
        "warnings": grounds["warnings"],
        "list_versions": grounds["list_versions"],
    }
    if change is not None:
        doc["since"] = change["since"]
        doc["gone"] = [f["id"] for f in change["gone"]]
    if as_json:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    from redflag.screening_ops.grounds import versions_text

    head = f"{transaction}: risk {doc['risk_score']} ({doc['risk_band']})" + ("  HARD STOP" if doc["hard_stop"] else "")
    out.print(head, markup=False)
    for w in doc["warnings"]:
        print(f"  WARNING (lists stale): {w}")
    print(f"  lists: {versions_text(doc['list_versions']) or 'versions unknown'}")
    print(f"  judged as of {doc['as_of'] or 'now'} on the lists in force on {doc['lists_judged_on'] or 'the date above'}")
    for hs in doc["hard_stops"]:
        out.print(f"  hard stop {hs['rule']}: {hs['reason']}", markup=False)
    for gap in doc["not_evaluated"]:
        out.print(f"  NOT EVALUATED: {gap['message']}", markup=False)
    if change is not None:
        out.print(f"changes since {change['since'] or 'never reviewed'}", markup=False)
    if not findings and change is None:
        gaps = "; some checks were NOT evaluated (above)" if doc["not_evaluated"] else ""
        out.print(f"  no red flag found: the parties, items and route were checked against the graph and the lists "
                  f"above{gaps}", markup=False)
    for f in findings:
        state = f.get("change", f["status"])
        out.print(f"[{f['severity']:>9}] {f['rule']:<8} {state:<9} {f['id']}", markup=False, highlight=False)
        out.print(f"            {f['explanation']}", markup=False, highlight=False)
        for ev in f["evidence"][:2]:
            cite = ev.get("publisher") or ev.get("source")
            passage = str(ev.get("passage") or "")
            text = passage if len(passage) <= 140 else passage[:139].rstrip() + "\u2026"
            out.print(f"            - {cite}: {text} {ev.get('url') or ''}", markup=False, highlight=False)


@app.command("resolve")
def resolve_cmd(
    finding: str = typer.Argument(..., help="Finding id (from `redflag flags`)."),
    status: str = typer.Option(..., "--status", help="confirmed, dismissed or mitigated."),
    reason: str = typer.Option(..., "--reason", help="Why (required)."),
    by: str = typer.Option(..., "--by", help="Who resolves it."),
    as_json: bool = typer.Option(False, "--json", help="Print the resolution recorded as JSON."),
) -> None:
    """Add a resolution to a finding. Resolutions are never edited: a new one is appended."""
    from redflag.services.findings import FindingError, resolve

    cfg = settings()
    with data_store(cfg) as store:
        try:
            res = resolve(store, finding, status, reason, by, settings=cfg)
        except FindingError as exc:
            raise CliError(str(exc)) from None
    if as_json:
        print(json.dumps(res, ensure_ascii=False, default=str))
        return
    print(_confirmation("finding", finding, res))


@app.command("decide")
def decide_cmd(
    transaction: str = typer.Option(..., "--transaction", help="Transaction id."),
    decision: str = typer.Option(..., "--decision", help="proceed, proceed_with_safeguards, hold or refuse."),
    reason: str = typer.Option(..., "--reason", help="Why (required)."),
    by: str = typer.Option(..., "--by", help="Who decides."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision recorded as JSON."),
) -> None:
    """Record a decision on a transaction (kept with every earlier one)."""
    from redflag.services.findings import FindingError, record_decision

    cfg = settings()
    with data_store(cfg) as store:
        try:
            res = record_decision(store, transaction, decision, reason, by, settings=cfg)
        except FindingError as exc:
            raise CliError(str(exc)) from None
    if as_json:
        print(json.dumps(res, ensure_ascii=False, default=str))
        return
    print(_confirmation("transaction", transaction, res))


def _confirmation(kind: str, subject: str, res: dict[str, Any]) -> str:
    """One readable line for a resolution or decision just recorded (what, on what, by whom, when, why)."""
    what = res.get("status") or res.get("decision") or "recorded"
    when = str(res.get("at") or res.get("decided_at") or res.get("resolved_at") or "")
    by = res.get("by") or res.get("decided_by") or res.get("resolved_by") or ""
    line = f"recorded: {kind} {subject} {what}" + (f" by {by}" if by else "") + (f" at {when[:19]}" if when else "")
    if res.get("reason"):
        line += f"; reason: {res['reason']}"
    return line + " (kept with every earlier one)"


@app.command("report")
def report_cmd(
    out_file: Path = typer.Option(..., "--out", help="File to write."),
    transaction: str | None = typer.Option(
        None, "--transaction", help="Due-diligence report for this transaction."
    ),
    fmt: str = typer.Option("md", "--format", help="md, html or pdf (transaction report)."),
    annual: int | None = typer.Option(
        None, "--annual", help="Public annual report for this year (format from --out's extension)."
    ),
    grievances: Path | None = typer.Option(
        None, "--grievances", help="Folder of grievance JSON files (default: the grievances recorded in the graph)."
    ),
) -> None:
    """Write the due-diligence report of a transaction, or the public annual report."""
    if (transaction is None) == (annual is None):
        raise CliError("give exactly one of --transaction ID or --annual YEAR")
    if fmt not in ("md", "html", "pdf"):
        raise CliError(f"--format {fmt!r}: choose md, html or pdf")
    suffix = out_file.suffix.lower().lstrip(".")
    if transaction is not None and suffix != fmt and not (fmt == "md" and suffix == "markdown") and \
            not (fmt == "html" and suffix == "htm"):
        import sys

        print(f"warning: --out {out_file} ends in {out_file.suffix or 'no extension'} but the report is written "
              f"as --format {fmt} (name it .{fmt}, or give --format {suffix if suffix in ('md', 'html', 'pdf') else fmt})",
              file=sys.stderr)
    cfg = settings()
    with data_store(cfg) as store:
        if transaction is not None:
            from redflag.reports.model import build_report
            from redflag.reports.render import write_report
            from redflag.rules.context import TransactionNotFound
            from redflag.screening_ops.grounds import NoListLoaded
            from redflag.services.list_versions import screening_grounds

            try:
                grounds = screening_grounds(store, cfg).to_dict()
            except NoListLoaded as exc:
                raise CliError(f"{exc} (the report's red flags need the parties screened against a list)") from None
            from redflag.audit import transaction_chain
            from redflag.audit.files import refuse_audit_target
            from redflag.audit.keys import load_audit_key

            refuse_audit_target(out_file, cfg)
            chain = transaction_chain.verify(store, transaction, load_audit_key(cfg), cfg.audit_anchor_file)
            try:
                rep = build_report(store, transaction, grounds=grounds, audit_chain=chain.to_dict() | {
                    "text": chain.text()})
            except TransactionNotFound as exc:
                raise CliError(str(exc)) from None
            write_report(rep, fmt, out_file)
        else:
            from redflag.audit.files import refuse_audit_target
            from redflag.reports.annual import build_annual, load_grievances, write_annual

            refuse_audit_target(out_file, cfg)

            try:
                griefs = load_grievances(grievances) if grievances else None  # default: the graph's
                write_annual(build_annual(store, int(annual or 0), griefs), out_file)
            except ValueError as exc:
                raise CliError(str(exc)) from None
    print(f"wrote {out_file}")


@app.command("audit-verify")
def audit_verify_cmd(
    transaction: str | None = typer.Option(None, "--transaction", help="Transaction id (default: every one)."),
    as_json: bool = typer.Option(False, "--json", help="Print the status of every chain as JSON."),
) -> None:
    """Check the audit chain of resolutions and decisions of a transaction (or of every transaction): each
    record's MAC under the audit key, the links between them and the anchor kept outside the graph. One line per
    transaction; exit status 1 when any chain is broken."""
    from redflag.audit import transaction_chain
    from redflag.audit.keys import load_audit_key
    from redflag.reports.model import transaction_ids

    cfg = settings()
    key = load_audit_key(cfg)
    with data_store(cfg) as store:
        ids = [transaction] if transaction else transaction_ids(store)
        if transaction and store.get_node("Transaction", transaction) is None:
            raise CliError(f"no transaction with id {transaction!r}")
        results = [transaction_chain.verify(store, tx, key, cfg.audit_anchor_file) for tx in ids]
    broken = [r for r in results if r.state == "broken"]
    if as_json:
        print(json.dumps([r.to_dict() for r in results], indent=2))
    elif len(results) > 1 or not broken:
        for r in results:
            print(f"{r.transaction}: {r.text()}")
    if broken:
        first = broken[0]
        raise CliError(f"the audit chain of transaction {first.transaction} is {first.text()}"
                       + (f" ({len(broken) - 1} more transaction(s) broken)" if len(broken) > 1 else ""))
