"""``redflag crawl`` and ``redflag import``: fetching sources into the archive (``sources``: sources_cmd)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from crawler.parsers.lists import FORMATS
from crawler.sources import SourceError
from redflag.cli.app import CliError, app, settings
from redflag.services.crawling import (
    CrawlError,
    CrawlEvent,
    import_files,
    run_crawl,
)

console = Console(stderr=True)


@app.command("crawl")
def crawl_cmd(
    sources: list[str] = typer.Argument(
        None, help="Source ids to crawl, built-in or added with `sources add` (default: all of the catalog)."
    ),
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
                             updates=updates, user_sources=settings().user_sources_file)  # fmt: skip
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
        import_deals_cmd(paths[0], unscreened=False)
        return
    try:
        result = import_files(settings().archive_dir, fmt, paths)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    out = Console()
    out.print(
        f"{fmt}: {len(result.files)} file(s), {result.entities} entities, {result.relations} relations, "
        f"{result.indicators} indicators, {len(result.errors)} rejected row(s)"
        + ("" if result.stored else " (already imported: nothing new stored)")
    )
    for err in result.errors:
        typer.echo(f"  {err.source}:{err.line}: {err.field or '-'}: {err.reason}")


# `redflag sources` (list, add, edit, remove) lives in its own module; importing this area registers it too
import redflag.cli.sources_cmd  # noqa: E402,F401
