"""``redflag fetch URL``: archive one page or file, extract it, load it, and say what it held."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape

from crawler.sources import SourceError
from redflag.cli.app import CliError, app, settings
from redflag.services.crawling import CrawlError


@app.command("fetch")
def fetch_cmd(
    url: str = typer.Argument(..., help="A page, PDF or list file (ofac, csl, ftm, fiw, shutdowns) by URL."),
    publisher: str = typer.Option(None, "--publisher", help="Who published it (default: the host name)."),
    tier: int = typer.Option(4, "--tier", help="1 official/UN, 2 established NGO or lab, 3 press, 4 other."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Fetch one link into the archive (robots.txt obeyed), extract it, load it into the graph, print what it held."""
    from redflag.services.fetching import fetch_link

    try:
        result = fetch_link(settings(), url, publisher=publisher, tier=tier)
    except (ValueError, SourceError, CrawlError) as exc:
        raise CliError(str(exc)) from exc
    if as_json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    out = Console()
    run = result.runs[-1] if result.runs else None
    out.print(f"{escape(url)}: source {result.source_id}, " + (
        f"run {run.outcome} (new {run.new}, changed {run.changed}, unchanged {run.unchanged})" if run else "no run"))
    for err in result.errors:
        out.print(f"  error: {escape(err)}")
    for d in result.documents:
        out.print(f"  document: {escape(d['title'] or d['url'])} ({d['kind']}, {d['chars']} characters"
                  + (f", by {escape(str(d['author']))}" if d["author"] else "")
                  + (f", published {d['published']}" if d["published"] else "") + ")")
    if result.documents:
        out.print(f"  entities: {len(result.entities)}")
        for e in result.entities:
            out.print(f"    {escape(str(e['name']))} ({escape(str(e['label'] or ''))})")
        out.print(f"  events: {len(result.events)}")
        for ev in result.events:
            out.print(f"    {escape(str(ev['type']))}: {escape(str(ev['sentence'] or '')[:160])}")
    if result.list_entries:
        out.print(f"  list entries: {len(result.list_entries)}")
        for r in result.list_entries[:50]:
            out.print(f"    {escape(str(r['id']))} {escape(str(r['schema']))} {escape(str(r['name']))}")
        if len(result.list_entries) > 50:
            out.print(f"    ... and {len(result.list_entries) - 50} more")
    if not result.documents and not result.list_entries:
        raise CliError(f"{url}: nothing parsed from it" + (f" ({result.errors[0]})" if result.errors else ""))
