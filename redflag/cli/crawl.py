"""``redflag crawl`` and ``redflag import``: fetching sources into the archive (``sources``: sources_cmd)."""

from __future__ import annotations

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
    revalidate: bool = typer.Option(
        False, "--revalidate",
        help="Request every page (conditional requests), also articles, reports and PDFs whose archived copy is "
        "still fresh by HTTP caching rules and would otherwise not be requested.",
    ),
) -> None:
    """Fetch sources into the archive (conditional requests; unchanged pages are not stored again).

    Start and index pages, feeds and list files are always revalidated; a leaf page (article, report, PDF)
    whose archived response is still fresh (RFC 9111: Cache-Control max-age, Expires, or 10% of its age since
    Last-Modified, at most the source's cadence) is not requested: the table counts it under "fresh"."""
    since_date = None
    if since:
        try:
            since_date = date.fromisoformat(since)
        except ValueError as exc:
            raise CliError(f"--since {since!r} is not a date (YYYY-MM-DD)") from exc
    archive_dir = settings().archive_dir
    counts = {"fetched": 0, "fresh": 0, "errors": 0}
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(), console=console, transient=False,
    ) as progress:  # fmt: skip
        task = progress.add_task("crawling", total=None, status="")

        def on_event(ev: CrawlEvent) -> None:
            if ev.event == "fetch":
                counts["fetched"] += 1
            elif ev.event == "fresh":
                counts["fresh"] += 1
            elif ev.event == "error":
                counts["errors"] += 1
            url = str(ev.data.get("url", ev.data.get("key", "")))
            progress.update(
                task,
                description=f"{ev.source}",
                status=f"{counts['fetched']} fetched, {counts['fresh']} fresh, {counts['errors']} errors  {url[-60:]}",
            )

        try:
            runs = run_crawl(archive_dir, sources or [], sample=sample, since=since_date, on_event=on_event,
                             updates=updates, user_sources=settings().user_sources_file,
                             revalidate=revalidate)  # fmt: skip
        except SourceError as exc:
            raise CliError(str(exc)) from exc
        except CrawlError as exc:
            raise CliError(str(exc)) from exc
    table = Table(title="crawl runs")
    cols = ("source", "outcome", "downloaded", "revalidated (304)", "fresh (not requested)", "new", "changed",
            "unchanged", "failed", "row errors")  # fmt: skip
    for col in cols:
        table.add_column(col)
    for r in runs:
        table.add_row(
            r.source_id,
            r.outcome,
            *(str(v) for v in (r.downloaded, r.not_modified, r.fresh, r.new, r.changed, r.unchanged, r.failed,
                               r.row_errors)),
        )  # fmt: skip
    Console().print(table)
    fresh = sum(r.fresh for r in runs)
    if fresh:
        console.print(
            f"{fresh} page(s) not requested: their archived copy is still fresh by the server's caching headers "
            "(run again with --revalidate to request every page)"
        )


@app.command("import")
def import_cmd(
    fmt: str = typer.Argument(..., help=f"Format: {', '.join(FORMATS)}, or deals."),
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (ofac: the folder as published: sdn/add/alt/sdn_comments, cons_*)."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="deals only: let the file remove parties a stored deal has (see import-deals)."
    ),
) -> None:
    """Import structured list files into the archive and the graph: screenable at once (or, with `deals`, deals).

    Idempotent: a second run of the same files changes nothing; a run cut short is completed by running it again.
    """
    if fmt == "deals":
        from redflag.cli.intel import import_deals_cmd

        if len(paths) != 1:
            raise CliError("import deals takes one file (.csv or .json)")
        import_deals_cmd(paths[0], unscreened=False, replace=replace)
        return
    if replace:
        raise CliError("--replace applies to `import deals` only")
    from crawler.archive import Archive
    from redflag.cli.intel import _progress
    from redflag.services.list_versions import load_list_versions
    from redflag.services.pipeline import load_list_set, load_parsed
    from redflag.services.screening_ops import rescreen
    from redflag.services.store import open_store

    cfg = settings()
    if not Path(cfg.data_dir).exists():  # a first import creates the folder: say so, a mistyped --data-dir shows
        typer.echo(f"new data folder {cfg.data_dir}: it did not exist and is created by this import", err=True)
    try:
        with Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=Console(stderr=True), transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task(f"import {fmt}", total=None)

            def update(stage: str, done: int, total: int) -> None:
                bar.update(task, description=f"import {fmt}: {stage}", completed=done, total=total or None)

            try:
                result = import_files(cfg.archive_dir, fmt, paths, update)
            except ValueError as exc:
                raise CliError(str(exc)) from exc
        with open_store(cfg) as store:
            with _progress(f"loading {fmt}") as load_update:
                if result.parsed is not None:
                    report = load_parsed(store, result.parsed, load_update)  # type: ignore[arg-type]
                else:  # streamed (FtM): the records go from the archive into the graph in batches
                    with Archive(cfg.archive_dir) as archive:
                        report = load_list_set(store, archive, result.key, load_update,  # type: ignore[arg-type]
                                               checkpoint=cfg.list_load_checkpoint_file)
                    if report.resumed_from:
                        typer.echo(f"resumed an interrupted graph load after {report.resumed_from} record(s)", err=True)
            # the list's version (files, SHA-256, dates) goes into the graph with its records: screenings name it
            with Archive(cfg.archive_dir) as archive:
                load_list_versions(store, archive)
            again = rescreen(store, cfg, cfg.user, only_if_changed=True)
    except KeyboardInterrupt:
        typer.echo("interrupted: what was stored is kept; run the same command again to resume", err=True)
        raise typer.Exit(130) from None
    typer.echo(
        f"{fmt}: {len(result.files)} file(s), {result.entities} entities, {result.relations} relations, "
        f"{result.indicators} indicators, {len(result.errors)} rejected row(s), {len(result.warnings)} warning(s)"
        + ("" if result.stored else " (already imported: nothing new stored)")
    )
    typer.echo(
        f"graph: {report.nodes} nodes, {report.relationships} relationships merged (keyed on ids: none duplicated); "
        "screenable now"
    )
    for v in result.versions:
        typer.echo(f"  version: {v.name} modified {v.modified} sha256 {v.sha256}")
    for err in result.errors:
        typer.echo(f"  rejected {_row(err)}")
    for warn in result.warnings[:50]:
        typer.echo(f"  warning {_row(warn)}")
    if len(result.warnings) > 50:
        typer.echo(f"  ... and {len(result.warnings) - 50} more warning(s)")
    for err in report.errors[:50]:
        typer.echo(f"  not loaded: {err.source}: {err.field}: {err.reason}")
    if again.screened:
        typer.echo(f"re-screened {again.screened} part(ies): {len(again.alerts)} new alert(s) (redflag screening-alerts)")


def _row(err: object) -> str:
    return f"{getattr(err, 'source', '')}:{getattr(err, 'line', 0)}: {getattr(err, 'field', '') or '-'}: {getattr(err, 'reason', '')}"


# `redflag sources` (list, add, edit, remove) lives in its own module; importing this area registers it too
import redflag.cli.sources_cmd  # noqa: E402,F401
