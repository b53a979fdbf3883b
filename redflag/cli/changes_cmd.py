"""``redflag changes``: documents and list entries new, changed or removed since a time or the previous refresh."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crawler.archive import Archive
from redflag.cli.app import CliError, app, settings
from redflag.services.changes import archive_changes, parse_since


@app.command("changes")
def changes_cmd(
    since: str = typer.Option(
        None, "--since", help="ISO 8601 date or time (UTC unless an offset is given); default: each source's "
        "previous refresh."
    ),
    source: str = typer.Option(None, "--source", help="Only this source id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    limit: int = typer.Option(200, "--limit", help="Rows shown per table (JSON lists everything)."),
) -> None:
    """List new, changed and removed documents, and list entries added, removed and changed (which fields)."""
    try:
        when = parse_since(since) if since else None
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    archive_dir = settings().archive_dir
    if not (archive_dir / "archive.sqlite").exists():
        raise CliError(f"no archive in {archive_dir}: run `redflag crawl` or `redflag fetch URL` first")
    with Archive(archive_dir) as archive:
        report = archive_changes(archive, when, source)
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    out = Console()
    window = f"since {when}" if when else "since each source's previous refresh"
    if not report.documents and not report.entries:
        out.print(escape(f"no change {window}" + (f" for {source}" if source else "")))
    else:
        counts: dict[str, int] = {}
        for change in [d.change for d in report.documents]:
            counts[f"documents {change}"] = counts.get(f"documents {change}", 0) + 1
        for change in [e.change for e in report.entries]:
            counts[f"entries {change}"] = counts.get(f"entries {change}", 0) + 1
        out.print(escape(f"{window}: " + ", ".join(f"{n} {k}" for k, n in counts.items())))
    if report.documents:
        table = Table(title=f"documents {window}")
        for col in ("source", "change", "title", "url", "at"):
            table.add_column(col)
        for d in report.documents[:limit]:
            table.add_row(*(escape(v) for v in (d.source_id, d.change, d.title, d.url, d.at)))
        out.print(table)
    if report.entries:
        table = Table(title=f"list entries {window}")
        for col in ("list", "change", "entity", "fields", "at"):
            table.add_column(col)
        rows = report.rows()[len(report.documents) :]
        for row, e in list(zip(rows, report.entries, strict=True))[:limit]:
            table.add_row(*(escape(v) for v in (e.source_id, e.change, row["item"], row["detail"], e.at)))
        out.print(table)
    for what, n in (("documents", len(report.documents)), ("list entries", len(report.entries))):
        if n > limit:
            out.print(f"... {n - limit} more {what} not shown (--limit, or --json for all)")
    for note in report.notes:
        out.print(f"note: {escape(note)}")
