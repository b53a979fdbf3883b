"""``redflag crawl``, ``redflag sources`` and ``redflag import``: fetching sources into the archive."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from crawler.archive import Archive
from crawler.parsers.lists import FORMATS
from crawler.sources import SourceError
from redflag.cli.app import CliError, app, settings
from redflag.services.crawling import (
    CrawlError,
    CrawlEvent,
    catalog,
    import_files,
    run_crawl,
    source_statuses,
)

console = Console(stderr=True)


@app.command("crawl")
def crawl_cmd(
    sources: list[str] = typer.Argument(None, help="Source ids to crawl (default: all of the catalog)."),
    sample: bool = typer.Option(
        False, "--sample", help="Serve and crawl the bundled sample site on 127.0.0.1."
    ),
    updates: bool = typer.Option(
        False, "--updates", help="With --sample: include the site's later publications."
    ),
    since: str = typer.Option(
        None, "--since", help="Only follow feed entries published on or after DATE (YYYY-MM-DD)."
    ),
) -> None:
    """Fetch sources into the archive (conditional requests; unchanged pages are not stored again)."""
    since_date = None
    if since:
        try:
            since_date = date.fromisoformat(since)
        except ValueError as exc:
            raise CliError(f"--since {since!r} is not a date (YYYY-MM-DD)") from exc
    archive_dir = settings().archive_dir
    counts = {"fetched": 0, "errors": 0}
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(), console=console, transient=False,
    ) as progress:  # fmt: skip
        task = progress.add_task("crawling", total=None, status="")

        def on_event(ev: CrawlEvent) -> None:
            if ev.event == "fetch":
                counts["fetched"] += 1
            elif ev.event == "error":
                counts["errors"] += 1
            url = str(ev.data.get("url", ev.data.get("key", "")))
            progress.update(
                task,
                description=f"{ev.source}",
                status=f"{counts['fetched']} fetched, {counts['errors']} errors  {url[-60:]}",
            )

        try:
            runs = run_crawl(archive_dir, sources or [], sample=sample, since=since_date, on_event=on_event,
                             updates=updates)  # fmt: skip
        except SourceError as exc:
            raise CliError(str(exc)) from exc
        except CrawlError as exc:
            raise CliError(str(exc)) from exc
    table = Table(title="crawl runs")
    for col in ("source", "outcome", "fetched", "new", "changed", "unchanged", "failed", "row errors"):
        table.add_column(col)
    for r in runs:
        table.add_row(
            r.source_id,
            r.outcome,
            *(str(v) for v in (r.fetched, r.new, r.changed, r.unchanged, r.failed, r.row_errors)),
        )
    Console().print(table)


@app.command("sources")
def sources_cmd(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    sample: bool = typer.Option(False, "--sample", help="The bundled sample site's catalog."),
) -> None:
    """List the sources with their last run, outcome, counts and when each is next due."""
    try:
        sources = catalog(sample)
    except SourceError as exc:
        raise CliError(str(exc)) from exc
    archive = Archive(settings().archive_dir)
    if not sample:
        # sources crawled from the sample catalog show up too once they have runs
        sample_ids = {s.id for s in catalog(True)}
        crawled = {r.source_id for r in archive.runs()}
        if crawled & sample_ids:
            sources = sources + [s for s in catalog(True) if s.id in crawled]
    statuses = source_statuses(archive, sources)
    if as_json:
        print(json.dumps([s.to_dict() for s in statuses], indent=2))
        return
    table = Table(title="sources")
    for col in (
        "id",
        "kind",
        "tier",
        "last run",
        "outcome",
        "fetched/new/changed/unchanged/failed",
        "next due",
    ):
        table.add_column(col)
    for st in statuses:
        r = st.last_run
        counts = "" if r is None else f"{r.fetched}/{r.new}/{r.changed}/{r.unchanged}/{r.failed}"
        table.add_row(st.source.id, st.source.kind, str(st.source.tier), "" if r is None else r.started,
                      "never" if r is None else r.outcome, counts, st.next_due or "")  # fmt: skip
    Console().print(table)


@app.command("import")
def import_cmd(
    fmt: str = typer.Argument(..., help=f"Format: {', '.join(FORMATS)}, or deals."),
    paths: list[Path] = typer.Argument(..., help="Files (ofac: the folder or the sdn/add/alt files)."),
) -> None:
    """Parse structured list files from disk into the archive (or, with format `deals`, import deals)."""
    if fmt == "deals":
        from redflag.cli.intel import import_deals_cmd

        if len(paths) != 1:
            raise CliError("import deals takes one file (.csv or .json)")
        import_deals_cmd(paths[0])
        return
    with Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(f"import {fmt}", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"import {fmt}: {stage}", completed=done, total=total or None)

        try:
            result = import_files(settings().archive_dir, fmt, paths, update)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        except KeyboardInterrupt:
            bar.stop()
            typer.echo("interrupted: what was stored is kept; run the same command again to resume", err=True)
            raise typer.Exit(130) from None
    out = Console()
    out.print(
        f"{fmt}: {len(result.files)} file(s), {result.entities} entities, {result.relations} relations, "
        f"{result.indicators} indicators, {len(result.errors)} rejected row(s)"
        + ("" if result.stored else " (already imported: nothing new stored)")
    )
    for err in result.errors:
        typer.echo(f"  {err.source}:{err.line}: {err.field or '-'}: {err.reason}")
