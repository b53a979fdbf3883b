"""Core commands: status, stop, export, validate."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from graph import falkordb_server
from redflag.cli.app import CliError, app, settings
from redflag.invocation import cli_command
from redflag.services.store import open_store

console = Console()


@app.command()
def status(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Backend, data folder, server state, node counts per label, relationship counts per type."""
    from redflag.screening_ops.grounds import dated
    from redflag.services.list_versions import listed_entities, status_versions

    cfg = settings()
    before = None
    if cfg.backend == "falkordb":
        if not cfg.data_dir.exists():  # opening the store would create it and start a server there
            raise CliError(f"no data folder at {cfg.data_dir}: nothing is stored there (run the demo or load data "
                           "first, or give --data-dir / REDFLAG_DATA_DIR); status does not create it")
        # every command opens the store, which starts the embedded server: say so when this one did
        before = falkordb_server.status(cfg.graph_dir)
    with open_store(cfg) as store:
        info = {"data_dir": str(cfg.data_dir), **store.describe(), **store.counts(), "server_before": before,
                "list_versions": status_versions(store, cfg), "listed_entities": listed_entities(store),
                "list_max_age_days": cfg.list_max_age_days}
    if as_json:
        print(json.dumps(info, indent=2, sort_keys=True))
        return
    console.print(f"backend [bold]{info['backend']}[/]  data {info['data_dir']}  server {info.get('server')}")
    if before in ("stopped", "stale"):
        why = "stopped" if before == "stopped" else "not running (a process that died had left its pid or socket)"
        print(f"the embedded graph server was {why}: this command started it and left it running "
              f"(`{cli_command()} stop` stops it)")
    print(f"lists loaded: {len(info['list_versions'])} version(s), {info['listed_entities']} listed entities "
          f"(stale after {cfg.list_max_age_days:g} days, REDFLAG_LIST_MAX_AGE_DAYS)")
    if not info["list_versions"]:
        print("  none: screening refuses to run until a list is imported and loaded")
    for v in info["list_versions"]:
        age = "unknown" if v["age_days"] is None else f"{v['age_days']:.1f} day(s)"
        print(f"  {v['source_id']} ({v['dataset']}): {dated(v)}, age {age}, "
              f"{v['entity_count']} entities, {'STALE' if v['stale'] else 'ok'}; loaded {v['loaded_at']}")
        for f in v["files"] or [{"sha256": v["sha256"], "name": "(set digest; file versions not recorded)"}]:
            print(f"    sha256 {f['sha256']}  {f['name']}")
    for key in ("labels", "relationships"):
        table = Table(key)
        table.add_column("count", justify="right")
        for name, n in sorted(info[key].items()):
            table.add_row(name, str(n))
        console.print(table)


@app.command()
def stop() -> None:
    """Stop the embedded graph server left running for the data folder."""
    cfg = settings()
    if cfg.backend != "falkordb":
        raise CliError("stop applies to the embedded backend only (REDFLAG_BACKEND=falkordb)")
    stopped = falkordb_server.stop(cfg.graph_dir)
    print("stopped the embedded graph server" if stopped else "no embedded graph server was running")


@app.command()
def export(
    fmt: str = typer.Option("turtle", "--format", help="turtle, ftm, graphml or csv."),
    out: Path = typer.Option(..., "--out", help="File (or folder, for csv) to write."),
) -> None:
    """Export the graph (Turtle in the ontology's terms, FollowTheMoney JSON, GraphML, CSV)."""
    from redflag.audit.files import refuse_audit_target
    from redflag.services.exports import export_graph

    cfg = settings()
    refuse_audit_target(out, cfg)
    with open_store(cfg) as store:
        try:
            written = export_graph(store, fmt, out)
        except (ValueError, OSError) as exc:
            raise CliError(f"export failed: {exc}") from exc
    print(f"wrote {written}")


@app.command()
def validate(path: Path = typer.Argument(..., help="A Turtle file exported by `redflag export`.")) -> None:
    """Check an exported Turtle file against the ontology's SHACL shapes."""
    from ontology.validate import validate_file

    if not path.exists():
        raise CliError(f"{path} does not exist")
    outcome = validate_file(path)
    if outcome.conforms:
        print(f"{path}: conforms to the SHACL shapes")
        return
    print(outcome.report_text)
    raise CliError(f"{path}: {outcome.violations} SHACL violation(s)")
