"""Screening operations commands: bulk screening (``redflag screen --file``), the audit log, decisions on
matches, re-screening after list changes, alerts.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from redflag.cli.app import CliError, app, data_store, settings

console = Console(stderr=True)


def _bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(), TextColumn("{task.fields[label]}"), console=console, transient=False,
    )


def screen_file_cmd(
    path: Path, *, as_json: bool, jsonl: bool, out: Path | None, threshold: float | None, limit: int, by: str | None,
) -> None:
    """``redflag screen --file PARTIES.csv``: every row screened and logged, malformed rows reported by line."""
    from ontology.records import RowError
    from redflag.screening_ops.parties import PartyFileError, decode_party_file, iter_party_rows
    from redflag.screening_ops.reports import jsonl_line, report_csv, report_html, report_json
    from redflag.screening_ops.session import PartyResult
    from redflag.services.screening_ops import open_log, open_session

    if sum([as_json, jsonl]) > 1:
        raise CliError("choose one of --json and --jsonl")
    if out is not None and out.suffix.lower() not in (".csv", ".html", ".htm", ".json"):
        raise CliError(f"--out {out}: the report is written as .csv, .html or .json; name the file accordingly")
    cfg = settings()
    if out is not None:
        from redflag.audit.files import refuse_audit_target

        refuse_audit_target(out, cfg)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        items = list(iter_party_rows(decode_party_file(data, str(path)), str(path)))
    except PartyFileError as exc:
        raise CliError(str(exc)) from exc
    results: list[PartyResult] = []
    errors: list[RowError] = []
    with data_store(cfg) as store, open_log(cfg, store) as log:
        try:  # no list loaded: an error before anything is screened or logged
            session = open_session(store, cfg, log, by or cfg.user, "cli-bulk", threshold, limit)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        if session.grounds["warnings"] and (as_json or jsonl):
            for w in session.grounds["warnings"]:
                print(f"warning: {w}", file=sys.stderr)
        with _bar() as bar:
            task = bar.add_task("screening", total=len(items), label="")
            for item in session.screen_all(items):
                if isinstance(item, RowError):
                    errors.append(item)
                else:
                    results.append(item)
                if jsonl:
                    sys.stdout.write(jsonl_line(item) + "\n")
                    sys.stdout.flush()
                label = item.party.name if isinstance(item, PartyResult) else f"line {item.line} malformed"
                bar.update(task, advance=1, label=label[:40])
        run = session.log_run(str(path), hashlib.sha256(data).hexdigest(), len(results), errors)
    for e in errors:
        print(f"{path} line {e.line}" + (f", column {e.field}" if e.field else "") + f": {e.reason} (skipped)",
              file=sys.stderr)
    meta = {"file": str(path), "run_id": run.body["run_id"], "data_version": session.data_version,
            "list_version": session.list_version, "threshold": session.threshold,
            "match_threshold": session.match_threshold, "screened": len(results), "malformed": len(errors),
            "stale": session.grounds["stale"], "warnings": session.grounds["warnings"],
            "list_versions": session.grounds["list_versions"]}
    if out is not None:
        suffix = out.suffix.lower()
        if suffix == ".csv":
            text = report_csv(results, errors)
        elif suffix == ".json":
            text = report_json(results, errors, meta)
        else:
            text = report_html(results, errors, f"Screening of {path.name}", meta)
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"--out {out}: cannot be written ({exc.strerror})") from exc
    if as_json:
        print(report_json(results, errors, meta))
    elif not jsonl:
        from redflag.screening_ops.grounds import versions_text

        for w in session.grounds["warnings"]:
            print(f"WARNING (lists stale): {w}")
        print(f"screened against: {versions_text(session.grounds['list_versions']) or 'list versions unknown'}")
        counts: dict[str, int] = {}
        for r in results:
            counts[r.status] = counts.get(r.status, 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing screened"
        print(f"screened {len(results)} part(ies) from {path} ({summary}); {len(errors)} malformed row(s) skipped; "
              f"every screening logged (run {run.body['run_id']})" + (f"; report: {out}" if out else ""))
        for r in results:
            if r.status in ("match", "review", "confirmed_match"):
                best = r.matches[0]
                print(f"  line {r.party.line}: {r.party.name} -> {best.match.name} {best.match.score:.3f} "
                      f"[{r.status}] ({'; '.join(best.match.lists)})")
        limited = [r for r in results if r.query_warnings]
        for r in limited:  # a "clear" that rests on transliteration alone is said to be one
            print(f"  WARNING (name) line {r.party.line}: {r.party.name} [{r.status}]: {r.query_warnings[0]}")


@app.command("screening-log")
def screening_log_cmd(
    party: str = typer.Option(None, "--party", help="Party key, own reference or name (default: every party)."),
    fmt: str = typer.Option("csv", "--format", help="csv or json"),
    out: Path = typer.Option(None, "--out", help="Write to this file instead of standard output."),
) -> None:
    """Export the screening audit log (screenings, decisions, alerts, runs) for an auditor."""
    from redflag.audit.files import refuse_audit_target
    from redflag.services.screening_ops import ScreeningOpsError, export_log

    cfg = settings()
    if out is not None:
        refuse_audit_target(out, cfg)
    try:
        text = export_log(cfg, fmt, party)
    except ScreeningOpsError as exc:
        raise CliError(str(exc)) from exc
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"--out {out}: cannot be written ({exc.strerror})") from exc
    print(f"wrote {out}")


def _decide(party: str, entity: str, decision: str, reason: str, by: str | None) -> None:
    from redflag.cli.lookup import entity_arg
    from redflag.services.screening_ops import ScreeningOpsError, record_match_decision

    cfg = settings()
    with data_store(cfg) as store:
        entity = entity_arg(store, entity)
        try:
            entry = record_match_decision(store, cfg, party, entity, decision, reason, by or cfg.user)
        except ScreeningOpsError as exc:
            raise CliError(str(exc)) from exc
    print(f"recorded: {entry.party_key} / {entry.body.get('entity_name') or entity} ({entity}): {decision} by {entry.by} "
          f"(entity data {entry.body['entity_hash']}; re-opens if it changes)")


@app.command("clear-match")
def clear_match_cmd(
    party: str = typer.Argument(..., help="Party key, own reference or name as screened."),
    entity: str = typer.Argument(..., help="List entity id or name of the match."),
    reason: str = typer.Option(..., "--reason", help="Why this party is not this list entity."),
    by: str = typer.Option(None, "--by", help="Who decides (default: $REDFLAG_USER)."),
) -> None:
    """Clear a false positive: later screenings show the match as cleared until the list entry changes."""
    _decide(party, entity, "false_positive", reason, by)


@app.command("match-decision")
def match_decision_cmd(
    party: str = typer.Argument(..., help="Party key, own reference or name as screened."),
    entity: str = typer.Argument(..., help="List entity id or name of the match."),
    decision: str = typer.Option(..., "--decision", help="true_match, false_positive or needs_review"),
    reason: str = typer.Option(..., "--reason"),
    by: str = typer.Option(None, "--by", help="Who decides (default: $REDFLAG_USER)."),
) -> None:
    """Record a decision on a screening match (appended to the audit log)."""
    _decide(party, entity, decision, reason, by)


@app.command("rescreen")
def rescreen_cmd(
    if_changed: bool = typer.Option(False, "--if-changed", help="Only when the loaded lists changed."),
    by: str = typer.Option(None, "--by", help="Recorded as who ran it (default: $REDFLAG_USER)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Re-screen every party screened before; new matches become alerts for their transactions."""
    from redflag.services.screening_ops import rescreen

    cfg = settings()
    with data_store(cfg) as store, _bar() as bar:
        task = bar.add_task("re-screening", total=None, label="")

        def update(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, label=label[:40])

        try:
            report = rescreen(store, cfg, by or cfg.user, if_changed, update)
        except ValueError as exc:  # no list loaded: nothing re-screened, nothing logged
            raise CliError(str(exc)) from exc
    warnings = list(report.grounds.get("warnings", []))
    if as_json:
        print(json.dumps({"screened": report.screened, "skipped": report.skipped, "list_version": report.list_version,
                          "stale": bool(report.grounds.get("stale")), "warnings": warnings,
                          "list_versions": report.grounds.get("list_versions", []),
                          "alerts": [a.to_dict() for a in report.alerts]}, indent=2, ensure_ascii=False))
        return
    for w in warnings:
        print(f"WARNING (lists stale): {w}")
    if report.skipped:
        print(f"lists unchanged (list version {report.list_version}); nothing re-screened")
        return
    print(f"re-screened {report.screened} part(ies) against list version {report.list_version}: "
          f"{len(report.alerts)} new alert(s)")
    for a in report.alerts:
        tx = ", ".join(t["id"] for t in a.body["transactions"]) or "no transaction"
        print(f"  {a.body['query']} -> {a.body['entity_name']} {a.body['score']:.3f} ({a.body['reason']}; {tx})")


@app.command("screening-alerts")
def screening_alerts_cmd(
    party: str = typer.Option(None, "--party"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Alerts from re-screening, newest first, with the transactions they concern and any decision since."""
    from redflag.services.screening_ops import ScreeningOpsError, list_alerts

    try:
        alerts = list_alerts(settings(), party)
    except ScreeningOpsError as exc:
        raise CliError(str(exc)) from exc
    if as_json:
        print(json.dumps(alerts, indent=2, ensure_ascii=False))
        return
    if not alerts:
        print("no screening alerts")
    for a in alerts:
        tx = ", ".join(t["id"] for t in a["transactions"]) or "no transaction"
        d = a["decision"]
        state = f"{d['decision']} by {d['by']}" if d else "open"
        print(f"{a['at'][:19]}  {a['query']} -> {a['entity_name']} ({a['entity_id']}) {a['score']:.3f}  "
              f"{a['reason']}; {tx}; {state}")


@app.command("screening-weights")
def screening_weights_cmd(as_json: bool = typer.Option(False, "--json")) -> None:
    """The screening features with the weights in force ($REDFLAG_SCREEN_WEIGHTS over the defaults)."""
    from redflag.matching.screening.algorithm import LOGIC_V1
    from redflag.screening_ops.weights import weights_from_env

    rows = LOGIC_V1.with_weights(weights_from_env()).describe()
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    for r in rows:
        print(f"{r['name']:<26}{r['weight']:>7.2f}  {r['description']}")


@app.command("screening-verify")
def screening_verify_cmd(
    expect_head: str = typer.Option(None, "--expect-head", help="The head hash recorded elsewhere earlier."),
    expect_count: int = typer.Option(None, "--expect-count", help="The entry count recorded elsewhere earlier."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Check the audit log: its HMAC chain under the audit key, the anchors kept outside it (state file and
    graph), and the count/head you recorded. Prints the entry count and head hash to record elsewhere; any
    problem is one line and exit status 1."""
    from redflag.services.screening_ops import verify_log
    from redflag.services.store import open_store

    cfg = settings()
    with open_store(cfg) as store:
        report = verify_log(cfg, store, expect_count, expect_head)
    if as_json:
        print(json.dumps({"ok": report.problem is None, "entries": report.count, "head": report.head,
                          "legacy_unkeyed": report.legacy, "log_id": report.log_id, "problem": report.problem}))
    if report.problem:
        raise CliError(f"the screening audit log is NOT intact: {report.problem}")
    if as_json:
        return
    if report.count == 0:
        print(f"the screening audit log {report.path} has no entries (no anchor records any); head {report.head}")
        return
    print(f"the screening audit log is intact: {report.count} entries, head {report.head}")
    print(f"record these elsewhere and check later with: redflag screening-verify --expect-count {report.count} "
          f"--expect-head {report.head}")
    if report.legacy:
        print(f"entries 1-{report.legacy} are unkeyed legacy entries (plain SHA-256 chain from before the audit "
              f"key; whoever could write the file could have recomputed them); entries from {report.legacy + 1} "
              "on are keyed")
