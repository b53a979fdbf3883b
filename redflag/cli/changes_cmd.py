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
    if report.documents:
        table = Table(title=f"documents {window}")
        for col in ("source", "change", "title", "url", "at"):
            table.add_column(col)
        for d in report.documents:
            table.add_row(*(escape(v) for v in (d.source_id, d.change, d.title, d.url, d.at)))
        out.print(table)
    if report.entries:
        table = Table(title=f"list entries {window}")
        for col in ("list", "change", "entity", "fields", "at"):
            table.add_column(col)
        for row, e in zip(report.rows()[len(report.documents) :], report.entries, strict=True):
            table.add_row(*(escape(v) for v in (e.source_id, e.change, row["item"], row["detail"], e.at)))
        out.print(table)
    for note in report.notes:
        out.print(f"note: {escape(note)}")
