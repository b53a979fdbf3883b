"""Stewardship commands: `redflag items ...`, `redflag grievance ...`, `redflag grievance-portal`, `redflag monitor`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer

from ontology.countries import country_code
from redflag.cli.app import CliError, app, settings
from redflag.cli.children import Stopped, stop_signals
from redflag.services.store import open_store

items_app = typer.Typer(help="The item register: list, show, import.", no_args_is_help=True)
grievance_app = typer.Typer(help="The grievance mechanism: record, list, show, move, link.", no_args_is_help=True)
app.add_typer(items_app, name="items")
app.add_typer(grievance_app, name="grievance")


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# ------------------------------------------------------------------------------------------ items
@items_app.command("list")
def items_list(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every registered item with its classification, safeguards and gaps."""
    from redflag.stewardship.items import list_items

    with open_store(settings()) as store:
        rows = list_items(store)
    if as_json:
        _print(rows)
        return
    for r in rows:
        gaps = ", ".join(r["gaps"]) or "none"
        print(f"{r['id']:<16} {r['name']:<24} ECCN {r['eccn']:<10} EU {r['eu_annex']:<10} "
              f"cyber-surveillance {'yes' if r['cyber_surveillance'] else 'no'}  gaps: {gaps}")  # fmt: skip


@items_app.command("show")
def items_show(item_id: str, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """One item: capabilities, safeguards and gaps, misuse potential, transactions that include it."""
    from redflag.stewardship.items import ItemNotFound, item_profile

    with open_store(settings()) as store:
        try:
            p = item_profile(store, item_id)
        except ItemNotFound as exc:
            raise CliError(str(exc)) from None
    if as_json:
        _print(p)
        return
    print(f"{p['name']} ({p['id']})  ECCN {p['eccn']}  EU Annex I {p['eu_annex']}  "
          f"cyber-surveillance item: {'yes' if p['cyber_surveillance'] else 'no'}")  # fmt: skip
    print("capabilities: " + ", ".join(p["capability_labels"].values()))
    print("safeguards:")
    for s in p["safeguard_detail"]:
        print(f"  {s['label']:<48} {s['state']}{'  <- gap' if s['gap'] else ''}")
    print("misuse potential:")
    for m in p["misuse_potential"]:
        print(f"  {m['label']:<48} documented events in the graph: {m['documented_events']}")
    print("transactions: " + (", ".join(t["id"] for t in p["transactions"]) or "none"))


@items_app.command("import")
def items_import(path: Path = typer.Argument(..., help="Items file (.json or .csv).")) -> None:
    """Validate an items file (every error names row and field; any error writes nothing) and load it."""
    from redflag.stewardship.items import ItemValidationError, import_items

    with open_store(settings()) as store:
        try:
            res = import_items(store, path)
        except ItemValidationError as exc:
            raise CliError(str(exc)) from None
    print(f"imported {len(res['items'])} item(s); re-evaluated: {', '.join(res['transactions_reevaluated']) or 'none'}")


# ------------------------------------------------------------------------------------------ grievances
def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@grievance_app.command("record")
def grievance_record(
    subject: str = typer.Option(..., "--subject"),
    text_file: Path = typer.Option(..., "--text-file", help="File with what was reported ('-' for stdin)."),
    channel: str = typer.Option(..., "--channel", help="email, phone, hotline, letter, in_person, web_form, other."),
    by: str | None = typer.Option(None, "--by", help="Who received it (default $REDFLAG_USER)."),
    entity: list[str] = typer.Option([], "--entity", help="Entity id or name it names (repeatable)."),
    item: list[str] = typer.Option([], "--item", help="Item id (repeatable)."),
    country: list[str] = typer.Option([], "--country", help="Country code (repeatable)."),
    transaction: list[str] = typer.Option([], "--transaction", help="Transaction id (repeatable)."),
    link: list[str] = typer.Option([], "--link", help="Link to material (repeatable)."),
    received_at: str | None = typer.Option(None, "--received-at", help="ISO date-time (default now)."),
    reporter_name: str = typer.Option("", "--reporter-name", help="Kept apart; only grievance officers see it."),
    reporter_contact: str = typer.Option("", "--reporter-contact", help="Kept apart, like the name."),
) -> None:
    """Record a grievance received by mail, phone or hotline; prints its id and the receipt code for the reporter."""
    import sys

    from redflag.stewardship.grievances import GrievanceError, Intake, Named, record_grievance

    text = sys.stdin.read() if str(text_file) == "-" else _read(text_file)
    cfg = settings()
    with open_store(cfg) as store:
        from redflag.cli.lookup import entity_args

        named = Named(entity_args(store, entity), _split(item), [country_code(c) or c.upper() for c in _split(country)],
                      _split(transaction))
        try:
            r = record_grievance(
                store, cfg.data_dir,
                Intake(subject=subject, text=text, channel=channel, received_by=by or cfg.user, named=named,
                       links=link, received_at=received_at, reporter_name=reporter_name,
                       reporter_contact=reporter_contact),
            )  # fmt: skip
        except GrievanceError as exc:
            raise CliError(str(exc)) from None
    _print({"id": r.grievance_id, "receipt_code": r.receipt_code, "transactions_reevaluated": r.transactions_reevaluated})


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read: {exc}") from None


@grievance_app.command("list")
def grievance_list(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every grievance with its status and dates, and the time-to-acknowledge / time-to-close figures."""
    from redflag.stewardship.grievances import list_grievances, metrics

    with open_store(settings()) as store:
        rows, m = list_grievances(store), metrics(store)
    if as_json:
        _print({"grievances": rows, "metrics": m})
        return
    for g in rows:
        print(f"{g['id']:<20} {g['grievance_status']:<18} {str(g['received_at'])[:10]}  {g['channel']:<9} {g['subject']}")
    ack, close = m["time_to_acknowledge"], m["time_to_close"]
    print(f"time to acknowledge: median {ack['median_days']} days ({ack['count']}); "
          f"time to close: median {close['median_days']} days ({close['count']})")  # fmt: skip


@grievance_app.command("show")
def grievance_show(grievance_id: str) -> None:
    """A grievance with what it names and its audit trail (no reporter details; see `grievance contact`)."""
    from redflag.stewardship.grievances import GrievanceError, get_grievance

    with open_store(settings()) as store:
        try:
            _print(get_grievance(store, grievance_id))
        except GrievanceError as exc:
            raise CliError(str(exc)) from None


@grievance_app.command("move")
def grievance_move(
    grievance_id: str,
    status: str = typer.Option(..., "--to", help="acknowledged, investigating, substantiated, not_substantiated, remedied."),
    reason: str = typer.Option(..., "--reason"),
    by: str | None = typer.Option(None, "--by", help="Default $REDFLAG_USER."),
    action: list[str] = typer.Option([], "--action", help="Action taken (repeatable), e.g. updates_denied."),
    owner: str | None = typer.Option(None, "--owner", help="Who owns the grievance from now on."),
    note: str | None = typer.Option(None, "--public-note", help="A message the reporter sees with the receipt code."),
) -> None:
    """Move a grievance to its next status (appended to its audit trail); re-evaluates affected transactions."""
    from redflag.stewardship.grievances import GrievanceError, transition

    cfg = settings()
    with open_store(cfg) as store:
        try:
            _print(transition(store, grievance_id, status, by=by or cfg.user, reason=reason, actions=action,
                              owner=owner, public_note=note))  # fmt: skip
        except GrievanceError as exc:
            raise CliError(str(exc)) from None


@grievance_app.command("link")
def grievance_link(
    grievance_id: str,
    entity: list[str] = typer.Option([], "--entity", help="Entity id or name (repeatable)."),
    item: list[str] = typer.Option([], "--item"),
    country: list[str] = typer.Option([], "--country"),
    transaction: list[str] = typer.Option([], "--transaction"),
    by: str | None = typer.Option(None, "--by"),
) -> None:
    """Link a grievance to entities, items, countries or transactions it concerns."""
    from redflag.stewardship.grievances import GrievanceError, Named, link

    cfg = settings()
    with open_store(cfg) as store:
        from redflag.cli.lookup import entity_args

        named = Named(entity_args(store, entity), _split(item), [country_code(c) or c.upper() for c in _split(country)],
                      _split(transaction))
        try:
            _print({"transactions_reevaluated": link(store, grievance_id, named, by=by or cfg.user)})
        except GrievanceError as exc:
            raise CliError(str(exc)) from None


@grievance_app.command("contact")
def grievance_contact(grievance_id: str) -> None:
    """The reporter's contact details: only for users listed in REDFLAG_GRIEVANCE_OFFICERS (every read is logged)."""
    from redflag.stewardship.config import load_grievance_settings
    from redflag.stewardship.contacts import ContactAccessDenied, read_contact

    cfg = settings()
    try:
        _print(read_contact(cfg.data_dir, grievance_id, cfg.user, load_grievance_settings().officers))
    except ContactAccessDenied as exc:
        raise CliError(str(exc)) from None


@grievance_app.command("status")
def grievance_status(receipt: str = typer.Argument(..., help="The reporter's receipt code.")) -> None:
    """What the reporter sees for a receipt code."""
    from redflag.stewardship.grievances import status_by_receipt

    with open_store(settings()) as store:
        st = status_by_receipt(store, receipt)
    if st is None:
        raise CliError("no grievance has this receipt code")
    _print(st)


@app.command("grievance-portal")
def grievance_portal(
    host: str | None = typer.Option(None, "--host", help="Default $REDFLAG_PORTAL_HOST or 127.0.0.1."),
    port: int | None = typer.Option(None, "--port", help="Default $REDFLAG_PORTAL_PORT or 8502."),
    trust_proxy: bool = typer.Option(
        False, "--trust-proxy", help="Rate-limit by the last X-Forwarded-For address (behind a reverse proxy)."
    ),
) -> None:
    """Serve the public grievance submission page (only: submit a report, check a status by receipt code)."""
    from redflag.stewardship.config import load_grievance_settings
    from ui.public_submit import build_portal

    g = load_grievance_settings()
    try:
        server = build_portal(settings().data_dir, host or g.portal_host, port or g.portal_port, trust_proxy=trust_proxy)
    except OSError as exc:
        raise CliError(f"cannot listen on {host or g.portal_host}:{port or g.portal_port}: {exc.strerror}") from None
    print(f"grievance portal on {server.url} (Ctrl-C stops it)", flush=True)
    try:
        with stop_signals():  # SIGTERM/SIGHUP leave serve_forever like Ctrl-C: socket and store closed
            server.serve_forever()
    except (KeyboardInterrupt, Stopped):
        print("grievance portal stopped", flush=True)
    finally:
        server.server_close()


# ------------------------------------------------------------------------------------------ monitoring
@app.command("monitor")
def monitor_cmd(
    sample: bool = typer.Option(False, "--sample", help="Crawl the bundled sample site."),
    updates: bool = typer.Option(False, "--updates", help="With --sample: include its later publications."),
    all_sources: bool = typer.Option(False, "--all-sources", help="Crawl every source, not only those due."),
    no_crawl: bool = typer.Option(False, "--no-crawl", help="Only re-extract and re-evaluate."),
    no_send: bool = typer.Option(False, "--no-send", help="Record alerts without sending them."),
    as_of: str | None = typer.Option(None, "--as-of", help="Evaluation date (default today)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Post-shipment monitoring: re-crawl due sources, re-extract, re-evaluate shipped deals, alert on changes."""
    from redflag.stewardship.monitoring import run_monitor

    when = None
    if as_of:
        try:
            when = date.fromisoformat(as_of)
        except ValueError:
            raise CliError(f"--as-of {as_of!r} is not a date (YYYY-MM-DD)") from None
    if updates and not sample:
        raise CliError("--updates only applies to --sample")
    from redflag.services.crawling import CrawlError

    try:
        rep = run_monitor(settings(), sample=sample, updates=updates, crawl=not no_crawl, all_sources=all_sources,
                          deliver=not no_send, as_of=when)  # fmt: skip
    except CrawlError as exc:
        raise CliError(str(exc)) from None
    if as_json:
        _print(rep.to_dict())
    else:
        print(rep.render())
    if rep.extraction_failed:  # those documents keep their earlier extraction and are tried again next run
        raise CliError(f"the extractor failed on {len(rep.extraction_failed)} document(s), listed above (a fault in "
                       "redflag: please report it); the rest of the run completed")
    if rep.undelivered:  # the alerts stay pending and are sent again on the next run
        raise CliError("alert(s) not delivered by " + "; ".join(f"{k}: {v}" for k, v in sorted(rep.undelivered.items()))
                       + " (kept; sent again on the next `redflag monitor`)")
