"""``redflag migrate --to neo4j``: copy the embedded graph into the Neo4j database named by NEO4J_*."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import StoreError
from redflag.cli.app import CliError, app, settings
from redflag.services.migrate import (
    MigrationError,
    MigrationReport,
    checkpoint_path_for,
    describe_target,
    migrate_graph,
)

console = Console()
TARGETS = ("neo4j",)


@app.command()
def migrate(
    to: str = typer.Option(..., "--to", help="Where to copy the graph: neo4j (NEO4J_URI, NEO4J_USER, ...)."),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, help="Rows per write transaction (default: $REDFLAG_BATCH_SIZE, 2000)."
    ),
    resume: bool = typer.Option(
        True, "--resume/--restart", help="Continue an interrupted migration (default), or start over."
    ),
    cypher_dialect: str = typer.Option(
        "neo4j",
        "--cypher-dialect",
        hidden=True,
        help="Test bench only: 'falkordb' when the target is FalkorDB's Bolt endpoint (its index DDL differs).",
    ),
) -> None:
    """Copy the embedded graph into Neo4j: schema, nodes label by label, relationships type by type, then
    compare counts per label and relationship type (exit 1 on any difference). Idempotent and resumable."""
    if to not in TARGETS:
        raise CliError(f"--to {to!r}: the only target is neo4j")
    if cypher_dialect not in ("neo4j", "falkordb"):
        raise CliError(f"--cypher-dialect {cypher_dialect!r}: choose neo4j or falkordb")
    cfg = settings()
    neo = cfg.neo4j
    if not neo.uri:
        raise CliError("set NEO4J_URI (for example bolt://localhost:7687), NEO4J_USER and NEO4J_PASSWORD")
    if not cfg.graph_dir.exists():
        raise CliError(f"there is no embedded graph in {cfg.graph_dir}: nothing to migrate")

    from graph.factory import open_store
    from graph.neo4j_store import Neo4jStore
    from ontology import vocab

    target_name = describe_target(neo.uri, neo.database)
    with open_store(
        "falkordb",
        graph_dir=cfg.graph_dir,
        graph_name=cfg.graph_name,
        start_timeout=cfg.falkordb_start_timeout,
    ) as source:
        with Neo4jStore(
            neo.uri,
            neo.user,
            neo.password,
            neo.database,
            vocab.labels(),
            vocab.relationship_types(),
            dialect=cypher_dialect,
        ) as target:
            console.print(f"migrating {cfg.graph_dir} (graph {cfg.graph_name}) to {target_name}")
            with Progress(
                TextColumn("{task.description:<34}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            ) as bar:
                task = bar.add_task("starting", total=None)

                def on_progress(done: int, total: int, what: str) -> None:
                    bar.update(task, completed=done, total=total, description=what)

                try:
                    report = migrate_graph(
                        source,
                        target,
                        checkpoint_path_for(cfg.data_dir),
                        target_name=target_name,
                        batch_size=batch_size or cfg.batch_size,
                        restart=not resume,
                        progress=on_progress,
                    )
                except MigrationError as exc:
                    raise CliError(str(exc)) from exc
                except StoreError as exc:
                    raise CliError(
                        f"migration stopped: {exc}; what was copied is recorded, run the same command to resume"
                    ) from exc
    _print_report(report)
    if not report.ok:
        names = ", ".join(f"{c.kind} {c.name}" for c in report.mismatches)
        raise CliError(f"verification failed: counts differ for {names}")


def _print_report(report: MigrationReport) -> None:
    for note in report.notes:
        console.print(f"note: {note}")
    how = "resumed" if report.resumed else "full copy"
    console.print(
        f"{how}: {report.nodes_written} nodes and {report.rels_written} relationships written in "
        f"{report.batches} batches; {report.indexes_created} indexes/constraints created"
    )
    table = Table("kind", "name", title=f"verification: embedded graph vs {report.target}")
    table.add_column("embedded", justify="right")
    table.add_column("neo4j", justify="right")
    table.add_column("", justify="center")
    for check in report.checks:
        table.add_row(
            check.kind, check.name, str(check.source), str(check.target), "ok" if check.ok else "DIFFERS"
        )
    console.print(table)
    if report.ok:
        console.print("verified: every label and relationship type has the same count on both sides")
