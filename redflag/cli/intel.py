"""Graph intelligence commands: load, extract, resolve, judge, screen, paths, demo."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from redflag.cli.app import CliError, app, data_store, settings
from redflag.services.store import open_store

if TYPE_CHECKING:
    from redflag.deals import PartyMatch

console = Console(stderr=True)


@contextmanager
def _progress(description: str) -> Iterator[object]:
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[label]}"),
        TimeElapsedColumn(), console=console, transient=False,
    ) as bar:
        task = bar.add_task(description, total=None, label="")

        def update(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, label=label[:50])

        yield update


@app.command("load")
def load_cmd(
    restart: bool = typer.Option(False, "--restart", help="Load from the first record even if an interrupted load left a checkpoint."),
) -> None:
    """Load every list and indicator in the archive into the graph (idempotent).

    Interrupted (Ctrl-C), what was written stays and the same command resumes after the last whole batch."""
    from redflag.services.load_checkpoint import LoadCheckpointError
    from redflag.services.pipeline import archive_for, load_lists

    cfg = settings()
    try:
        with open_store(cfg) as store, _progress("loading lists") as update:
            report = load_lists(store, archive_for(cfg), update, checkpoint=cfg.list_load_checkpoint_file,  # type: ignore[arg-type]
                                restart=restart)
    except LoadCheckpointError as exc:
        raise CliError(str(exc)) from exc
    except KeyboardInterrupt:
        typer.echo("interrupted: what was loaded is kept; run the same command again to resume", err=True)
        raise typer.Exit(130) from None
    if report.resumed_from:
        print(f"resumed an interrupted load: {report.resumed_from} record(s) already in the graph were passed over")
    with open_store(cfg) as store:
        # lists changed: every party screened before is screened again; new matches become alerts
        from redflag.screening_ops.grounds import NoListLoaded
        from redflag.services.screening_ops import RescreenReport, rescreen

        try:
            again = rescreen(store, cfg, cfg.user, only_if_changed=True)
        except NoListLoaded:  # indicators only: nothing to re-screen against
            again = RescreenReport()
    print(f"loaded {report.nodes} nodes, {report.relationships} relationships; {len(report.errors)} problem(s)")
    for e in report.errors[:50]:
        print(f"  {e.source}: {e.field}: {e.reason}")
    if again.screened:
        print(f"re-screened {again.screened} part(ies): {len(again.alerts)} new alert(s) (redflag screening-alerts)")
    with open_store(cfg) as store:  # documents extracted before any list was loaded are redone now
        from redflag.services.pipeline import extract_pending, needs_reextraction

        archive = archive_for(cfg)
        if needs_reextraction(store, archive, cfg):
            with _progress("re-extracting") as update:
                redo = extract_pending(store, archive, cfg, update)  # type: ignore[arg-type]
            print(f"re-extracted {redo.processed} document(s) extracted before the lists were loaded")


@app.command("extract")
def extract_cmd(
    workers: int = typer.Option(
        None, "--workers", min=0,
        help="Extraction processes (default: REDFLAG_EXTRACT_WORKERS, else the cores, capped by memory; 0 = that cap).",
    ),
) -> None:
    """Run NLP over archived documents not processed yet (or changed) and load the results with evidence.

    Interrupted (Ctrl-C), the workers stop and what was stored stays; run it again to resume."""
    from concurrent.futures.process import BrokenProcessPool

    from redflag.services.pipeline import ExtractReport, archive_for, extract_pending

    cfg = settings()
    report = ExtractReport()
    try:
        with open_store(cfg) as store, _progress("extracting") as update:
            report = extract_pending(store, archive_for(cfg), cfg, update, workers=workers)  # type: ignore[arg-type]
    except KeyboardInterrupt:
        raise CliError("interrupted: the documents extracted so far are stored; run `redflag extract` again to "
                       "resume with the rest") from None
    except BrokenProcessPool:
        raise CliError("an extraction process died (out of memory?); the documents extracted so far are stored: "
                       "run `redflag extract --workers` with fewer processes to resume") from None
    print(f"processed {report.processed} document(s): {report.mentions} mentions, {report.events} events")
    if report.workers:
        peaks = ", ".join(f"{mb:.0f}" for mb in report.peak_rss_mb.values()) or "-"
        print(f"{report.workers} extraction process(es); peak memory per process (MB): {peaks}")
    for url, reason in report.skipped:
        print(f"  skipped {url}: {reason}")
    for d in report.damaged:
        print(f"error: {d.line()}; skipped", file=sys.stderr)
    for where, error in report.failed:
        print(f"error: {where}: {error}", file=sys.stderr)
    if report.failed:
        raise CliError(
            f"the extractor failed on {len(report.failed)} document(s), named above (a fault in redflag: please "
            "report it); the rest was processed. Those keep their earlier extraction and are tried again by the next "
            "`redflag extract`"
        )
    if report.damaged:
        raise CliError(
            f"{len(report.damaged)} archive record(s) damaged and skipped; the rest was processed. "
            "`redflag archive verify` lists what is damaged; re-crawl or re-import those sources"
        )


@app.command("resolve-entities")
def resolve_entities_cmd() -> None:
    """Entity resolution and party screening: SAME_AS and POSSIBLY_SAME_AS links with explanations."""
    from redflag.screening_ops.grounds import NoListLoaded
    from redflag.services.screening import resolve_entities, screen_deal_parties

    cfg = settings()
    with data_store(cfg) as store:
        r1 = resolve_entities(store, cfg)
        print(f"resolution: {r1.same} same, {r1.possible} for review")
        try:
            r2 = screen_deal_parties(store, cfg)
        except NoListLoaded as exc:
            raise CliError(f"parties not screened: {exc}") from None
    print(f"screening of parties: {r2.same} matches, {r2.possible} for review")


@app.command("judge")
def judge_cmd(
    a: str = typer.Argument(..., help="Entity id or name."),
    b: str = typer.Argument(..., help="Entity id or name."),
    judgement: str = typer.Option(..., "--judgement", help="same or different"),
    reason: str = typer.Option(..., "--reason"),
    by: str = typer.Option(None, "--by", help="Who judges (default: $REDFLAG_USER)."),
) -> None:
    """Record an analyst's judgement on a possibly-same pair; respected on every later run."""
    from redflag.cli.lookup import entity_arg
    from redflag.services.screening import judge

    cfg = settings()
    with data_store(cfg) as store:
        a, b = entity_arg(store, a), entity_arg(store, b)
        try:
            ok = judge(store, a, b, judgement, by or cfg.user, reason, datetime.now(UTC).isoformat())
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    if not ok:
        raise CliError(f"no scored link between {a} and {b}")
    print(f"recorded: {a} {judgement} {b}")


@app.command("screen")
def screen_cmd(
    name: str = typer.Argument(None, help="A name to screen against every list entity."),
    country: str = typer.Option(None, "--country", help="Country of the party: ISO code or name (RU, Russia)."),
    threshold: float = typer.Option(None, "--threshold", help="Minimum score (default $REDFLAG_SCREEN_THRESHOLD)."),
    limit: int = typer.Option(10, "--limit"),
    as_json: bool = typer.Option(False, "--json"),
    file: Path = typer.Option(None, "--file", help="A parties CSV (name, country, identifiers, address, reference)."),
    jsonl: bool = typer.Option(False, "--jsonl", help="With --file: one JSON result per input line, streamed."),
    out: Path = typer.Option(None, "--out", help="With --file: write the report (.csv, .html or .json)."),
    by: str = typer.Option(None, "--by", help="Who screens (default: $REDFLAG_USER)."),
    ids: list[str] = typer.Option(None, "--id", help="An identifier TYPE:VALUE (imo:9569683, lei:..., swift:...); "
                                  "repeatable. An equal one is strong evidence, a different one of the type counts against."),
) -> None:
    """Screen a name against every list entity (names and aliases), best first, each match explained.

    Every screening goes to the screening audit log (`redflag screening-log`), with the decisions in force.
    With --file, screen every party of a CSV (bulk): malformed rows are reported by line and skipped.
    """
    from redflag.screening_ops.parties import PartyQuery, party_country
    from redflag.services.screening_ops import screen_one

    if file is not None:
        if name:
            raise CliError("give either a NAME or --file, not both")
        from redflag.cli.screening_ops import screen_file_cmd

        screen_file_cmd(file, as_json=as_json, jsonl=jsonl, out=out, threshold=threshold, limit=limit, by=by)
        return
    if jsonl or out is not None:
        raise CliError("--jsonl and --out go with --file")
    if not name or not name.strip():
        raise CliError("give a NAME to screen")
    from redflag.screening_ops.grounds import versions_text
    from redflag.screening_ops.parties import parse_identifiers

    try:
        identifiers = tuple(parse_identifiers(";".join(ids or [])))
    except ValueError as exc:
        raise CliError(f"--id: {exc}") from exc
    cfg = settings()
    # review candidates are shown from the review threshold up (as in bulk screening), marked as review
    cut = cfg.screen_review_threshold if threshold is None else threshold
    with data_store(cfg) as store:
        try:
            party = PartyQuery(name, party_country(country), identifiers=identifiers)
            result, logged = screen_one(store, cfg, party, by or cfg.user, cut, limit)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    match_cut = max(cut, cfg.screen_threshold)
    if as_json:
        data = result.to_dict()
        data["screening_id"], data["screened_at"] = logged.screening_id, logged.at
        data["match_threshold"], data["status"] = match_cut, logged.status
        for m, o in zip(data["matches"], logged.matches, strict=True):
            m["status"] = o.status  # open, cleared, reopened, confirmed or needs_review (decisions in force)
            m["band"] = o.band  # match (>= the match threshold) or review
        data["stale"], data["warnings"] = logged.stale, logged.warnings
        data["list_versions"] = logged.grounds.get("list_versions", [])
        print(json.dumps(data, indent=2, ensure_ascii=False))
        for w in [*logged.warnings, *logged.query_warnings]:
            print(f"warning: {w}", file=sys.stderr)
        return
    for w in logged.warnings:
        print(f"WARNING (lists stale): {w}")
    for w in logged.query_warnings:
        print(f"WARNING (name): {w}")
    if not result.matches:
        print(f"no match for {name!r} at or above {cut}")
    for o in logged.matches:
        m = o.match
        mark = f"  [{o.band}]" + ("" if o.status == "open" else f" [{o.status}]")
        print(f"{m.score:.3f}  {m.name}  (matched {m.matched_name!r}; {', '.join(m.lists)} {', '.join(m.programs)})"
              + mark)
        for note in m.notes:
            print(f"       {note}")
    print(f"screened against: {versions_text(logged.grounds.get('list_versions', [])) or 'list versions unknown'}")
    print(f"logged as screening {logged.screening_id}", file=sys.stderr)


@app.command("paths")
def paths_cmd(
    transaction: str = typer.Option(None, "--transaction"),
    party: str = typer.Option(None, "--party", help="Entity id or name (an ambiguous name lists the candidates)."),
    max_depth: int = typer.Option(4, "--max-depth"),
    limit: int = typer.Option(10, "--limit"),
    relations: str = typer.Option("", "--relations", help="Comma-separated relation types to follow."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Diversion paths from a transaction's parties (or a party) to risky end-users, with evidence."""
    from redflag.cli.lookup import entity_arg
    from redflag.paths import FOLLOW, find_paths, path_text

    rel = tuple(r.strip().upper() for r in relations.split(",") if r.strip()) or None
    if rel and any(r not in FOLLOW for r in rel):
        raise CliError(f"relation types must be among {', '.join(FOLLOW)}")
    with data_store(settings()) as store:
        if party:
            party = entity_arg(store, party)
        try:
            result = find_paths(store, transaction, party, max_depth, limit, rel)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        return
    if not result["paths"]:
        print("no path to a risky end-user or destination")
    for p in result["paths"]:
        print(f"{p['risk']:5.1f} {p['risk_band']:<8} " + path_text(p))
        print("      " + "; ".join(p["reasons"]))


def _print_party_matches(matches: Sequence[PartyMatch]) -> None:
    """One line per party given by name: what it was resolved to (ids given as ids are not repeated)."""
    seen: set[tuple[str, str]] = set()
    for m in matches:
        if m.how == "id" or (m.ref, m.entity) in seen:
            continue
        seen.add((m.ref, m.entity))
        what = {"name": f"matched {m.entity} (same name, curated record)",
                "new": f"no curated record: new party {m.entity} (unscreened until screened below)"}[m.how]
        cands = "; ".join(f"{name} ({eid})" for eid, name in m.candidates)
        extra = f"; candidate duplicate of {cands} (same name; not confirmed)" if cands else ""
        print(f"party {m.ref[:80]!r} ({m.deal}, {m.role}): {what}{extra}")


@app.command("import-deals")
def import_deals_cmd(
    path: Path = typer.Argument(..., help="A deals file (.csv or .json)."),
    unscreened: bool = typer.Option(
        False, "--unscreened", help="Import even with no screening list loaded (new parties stay unscreened)."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Let the file remove parties a stored deal has (a column left out, a cell emptied)."
    ),
) -> None:
    """Import deals, then screen every deal party against the lists loaded (logged; matches linked).

    CSV columns: id, title, exporter, customer, consignee, intermediary, freight_forwarder, end_user, payer
    (parties: entity ids or names, several joined by ';'), items (ITEM_ID[:QUANTITY];... from the item
    register), destination and transit_countries (ISO alpha-2 codes), free_trade_zones, order_date and
    ship_date (YYYY-MM-DD), status, use_limits/termination/update_denial/remote_disable/binds_end_user (yes/no),
    support_status (active, ended, none), declared_end_use. JSON: the same fields, parties and items as lists
    of objects. Every column and its allowed values: docs/DEALS.md.

    Every error names the row and column, and a file with any error writes nothing. For a deal already stored,
    what changes in its parties is printed; a file that would remove a party the stored deal has is refused
    (nothing written) unless --replace is given. With no screening list loaded the import is refused (nothing
    written) unless --unscreened is given. Each deal then gets one screening line: its findings, or, when none,
    which parties were screened against which list versions.
    """
    from redflag.deals import (
        DealChange,
        DealPartiesDropped,
        DealValidationError,
        check_items,
        formula_warnings,
        import_deals,
        parse_deals,
        registered_items,
    )
    from redflag.screening_ops.grounds import NoListLoaded
    from redflag.services.list_versions import screening_grounds
    from redflag.services.screening import deal_screening, screen_deal_parties

    cfg = settings()
    with open_store(cfg) as store:
        try:
            deals_in_file = parse_deals(path, registered_items(store))  # every error at once; none writes
            grounds = None if unscreened else screening_grounds(store, cfg)
            item_warnings = check_items(store, deals_in_file, path.name)
            matches: list[PartyMatch] = []
            changes: list[DealChange] = []
            deals, created = import_deals(store, path, matches, replace=replace, changes=changes)
        except DealPartiesDropped as exc:
            for e in exc.errors:
                print(f"{e.source} row {e.line}, column {e.field}: {e.reason}")
            raise CliError(f"{path}: {len(exc.errors)} stored party(ies) would be removed; nothing was imported "
                           "(--replace removes them)") from exc
        except DealValidationError as exc:
            for e in exc.errors:
                print(f"{e.source} row {e.line}, column {e.field}: {e.reason}")
            raise CliError(f"{path}: {len(exc.errors)} error(s); nothing was imported") from exc
        except NoListLoaded as exc:
            raise CliError(f"{path}: nothing imported: the deal parties cannot be screened: {exc} "
                           "(or import with --unscreened)") from None
        for change in changes:
            for line in change.lines():
                print(line + (" (--replace)" if " removed " in line else ""))
        _print_party_matches(matches)
        for w in [*item_warnings, *formula_warnings(deals, path.name)]:
            print(f"WARNING: {w}")
        if grounds is None:
            print(f"imported {len(deals)} deal(s); {len(created)} new party(ies) marked unscreened; NOT screened "
                  "(--unscreened): no screening result for any party")
            return
        screen_deal_parties(store, cfg)
        screened = deal_screening(store, [d.id for d in deals])
    for w in grounds.warnings:
        print(f"WARNING (lists stale): {w}")
    searched = grounds.brief()
    with_findings = 0
    for ds in screened:
        for line in ds.lines(searched):
            print(line)
        with_findings += bool(ds.finding_lines())
    listed = sum(len(ds.listed) for ds in screened)
    parts = [f"{n} {what}" for n, what in ((listed, "party(ies) that are list records themselves"),
                                           (sum(len(ds.matched) for ds in screened), "party(ies) matched"),
                                           (sum(len(ds.review) for ds in screened), "party(ies) for review")) if n]
    found = (f"{with_findings} of {len(screened)} deal(s) with a finding: {', '.join(parts)}" if with_findings
             else f"none of the {len(screened)} deal(s) has a party on a list or matching one")
    print(f"imported {len(deals)} deal(s) ({len(created)} new party(ies)); every party of every stored deal "
          f"screened and logged (redflag screening-log); this file: "
          f"{found}; lists searched: {searched}")


@app.command("demo")
def demo_cmd(
    no_ui: bool = typer.Option(False, "--no-ui", help="Print a summary instead of starting the UI."),
    port: int = typer.Option(None, "--port"),
) -> None:
    """The whole flow on the bundled sample world: crawl, import, extract, load, resolve, screen, flag."""
    from redflag.services.demo import run_demo

    cfg = settings()
    with _progress("demo") as update:
        summary = run_demo(cfg, update)  # type: ignore[arg-type]
    print(summary.render())
    if not no_ui:
        from redflag.cli import ui_cmd  # the UI command of the ui area

        ui_cmd.serve(cfg, host=cfg.ui_host, port=port or cfg.ui_port)
