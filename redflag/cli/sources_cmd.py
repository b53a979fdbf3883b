"""``redflag sources``: list the catalog, and add, edit or remove the analyst's own sources."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crawler.archive import Archive
from crawler.sources import LIST_PARSERS, SourceError
from crawler.user_sources import USER_KINDS, add_source, edit_source, make_source, remove_source, user_kind
from redflag.cli.app import CliError, app, settings
from redflag.services.crawling import catalog, source_statuses

sources_app = typer.Typer(
    help="The source catalog: built-in sources and the analyst's own (in the data folder's sources.toml).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(sources_app, name="sources")

_KIND_HELP = f"One of {', '.join(USER_KINDS)}."
_FORMAT_HELP = f"List format (with --kind list): {', '.join(LIST_PARSERS)}."


def _list(as_json: bool, sample: bool) -> None:
    cfg = settings()
    try:
        sources = catalog(sample, cfg.user_sources_file)
    except SourceError as exc:
        raise CliError(str(exc)) from exc
    archive = Archive(cfg.archive_dir)
    if not sample:
        # sources crawled from the sample catalog show up too once they have runs
        sample_ids = {s.id for s in catalog(True)}
        crawled = {r.source_id for r in archive.runs()}
        if crawled & sample_ids:
            sources = sources + [s for s in catalog(True) if s.id in crawled]
    user_ids = set() if sample else {s.id for s in catalog(False, cfg.user_sources_file)} - {
        s.id for s in catalog(False)
    }
    statuses = source_statuses(archive, sources)
    if as_json:
        rows = []
        for st in statuses:
            d = st.to_dict()
            d.update(origin="user" if st.source.id in user_ids else "built-in", url=st.source.start_urls[0],
                     user_kind=user_kind(st.source))  # fmt: skip
            rows.append(d)
        print(json.dumps(rows, indent=2))
        return
    table = Table(title="sources")
    for col in ("id", "kind", "tier", "origin", "last run", "outcome", "fetched/new/changed/unchanged/failed",
                "revalidated (304)/fresh (not requested)", "next due"):  # fmt: skip
        table.add_column(col)
    for st in statuses:
        r = st.last_run
        counts = "" if r is None else f"{r.fetched}/{r.new}/{r.changed}/{r.unchanged}/{r.failed}"
        checked = "" if r is None else f"{r.not_modified}/{r.fresh}"
        cells = (st.source.id, user_kind(st.source), str(st.source.tier),
                 "user" if st.source.id in user_ids else "built-in", "" if r is None else r.started,
                 "never" if r is None else r.outcome, counts, checked, st.next_due or "")  # fmt: skip
        table.add_row(*(escape(c) for c in cells))
    Console().print(table)


@sources_app.callback()
def sources_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    sample: bool = typer.Option(False, "--sample", help="The bundled sample site's catalog."),
) -> None:
    """List the sources with their last run, outcome, counts and when each is next due."""
    if ctx.invoked_subcommand is None:
        _list(as_json, sample)


@sources_app.command("list")
def sources_list_cmd(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    sample: bool = typer.Option(False, "--sample", help="The bundled sample site's catalog."),
) -> None:
    """List the sources (built-in and the analyst's) with last run, outcome and next due date."""
    _list(as_json, sample)


_REVALIDATE_HELP = ("Request every page on every crawl (conditional requests), also articles and reports whose "
                    "archived copy is still fresh by HTTP caching rules (catalog field revalidate = true).")


@sources_app.command("add")
def sources_add_cmd(
    source_id: str = typer.Argument(..., metavar="ID", help="A new id (lower case, digits, . _ -)."),
    url: str = typer.Argument(..., help="Start page, feed or list file URL."),
    kind: str = typer.Option(..., "--kind", help=_KIND_HELP),
    publisher: str = typer.Option(..., "--publisher", help="Who publishes it."),
    tier: int = typer.Option(..., "--tier", help="1 official/UN, 2 established NGO or lab, 3 press, 4 other."),
    cadence_days: int = typer.Option(..., "--cadence-days", help="Days between refreshes."),
    fmt: str = typer.Option("", "--format", help=_FORMAT_HELP),
    max_depth: int = typer.Option(None, "--max-depth", help="Site sources: links followed from the start page."),
    max_pages: int = typer.Option(None, "--max-pages", help="Site sources: pages fetched per run."),
    link_pattern: str = typer.Option("", "--link-pattern", help="Site sources: regex article URLs must match."),
    revalidate: bool = typer.Option(False, "--revalidate", help=_REVALIDATE_HELP),
) -> None:
    """Add a source of your own (news, NGO or research site, feed, State report, list file)."""
    path = settings().user_sources_file
    try:
        src = make_source(source_id, url, kind=kind, publisher=publisher, tier=tier, cadence_days=cadence_days,
                          fmt=fmt, max_depth=max_depth, max_pages=max_pages, link_pattern=link_pattern,
                          revalidate=revalidate)  # fmt: skip
        add_source(path, src)
    except (ValueError, SourceError) as exc:
        raise CliError(str(exc)) from exc
    Console().print(escape(f"added {src.id} ({kind}, spider {src.spider}) to {path}; crawl it with `redflag crawl {src.id}`"))


@sources_app.command("edit")
def sources_edit_cmd(
    source_id: str = typer.Argument(..., metavar="ID"),
    url: str = typer.Option(None, "--url", help="New start URL."),
    kind: str = typer.Option(None, "--kind", help=_KIND_HELP),
    publisher: str = typer.Option(None, "--publisher"),
    tier: int = typer.Option(None, "--tier"),
    cadence_days: int = typer.Option(None, "--cadence-days"),
    fmt: str = typer.Option(None, "--format", help=_FORMAT_HELP),
    max_depth: int = typer.Option(None, "--max-depth"),
    max_pages: int = typer.Option(None, "--max-pages"),
    link_pattern: str = typer.Option(None, "--link-pattern"),
    revalidate: bool = typer.Option(None, "--revalidate/--no-revalidate", help=_REVALIDATE_HELP),
) -> None:
    """Change fields of one of your sources (options not given stay as they are)."""
    path = settings().user_sources_file
    try:
        src = edit_source(path, source_id, url=url, kind=kind, publisher=publisher, tier=tier,
                          cadence_days=cadence_days, fmt=fmt, max_depth=max_depth, max_pages=max_pages,
                          link_pattern=link_pattern, revalidate=revalidate)  # fmt: skip
    except (ValueError, SourceError) as exc:
        raise CliError(str(exc)) from exc
    Console().print(escape(f"updated {src.id} in {path}"))


@sources_app.command("remove")
def sources_remove_cmd(source_id: str = typer.Argument(..., metavar="ID")) -> None:
    """Remove one of your sources from the catalog (what it archived stays in the archive)."""
    path = settings().user_sources_file
    try:
        remove_source(path, source_id)
    except SourceError as exc:
        raise CliError(str(exc)) from exc
    Console().print(escape(f"removed {source_id} from {path} (its archived pages and runs are kept)"))
