"""``redflag archive verify``: read back every stored blob and record and say what is damaged."""

from __future__ import annotations

import json
import sys

import typer

from redflag.cli.app import CliError, app, settings

archive_app = typer.Typer(help="The archive of fetched documents and lists: verify.", no_args_is_help=True)
app.add_typer(archive_app, name="archive")


@archive_app.command("verify")
def verify_cmd(as_json: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """Compare every stored blob with its SHA-256, read back every document and list record, check the
    index; one line per damaged item, exit 1 if anything is damaged."""
    from crawler.archive import Archive

    cfg = settings()
    if not (cfg.archive_dir / "archive.sqlite").exists():
        raise CliError(f"there is no archive in {cfg.archive_dir}: nothing to verify")
    with Archive(cfg.archive_dir) as archive:
        report = archive.verify()
    if as_json:
        print(json.dumps({"ok": report.ok, "blobs": report.blobs, "documents": report.documents,
                          "list_records": report.list_records,
                          "damaged": [d.__dict__ for d in report.damaged]}, indent=2))  # fmt: skip
    else:
        print(f"checked {report.blobs} blob(s), {report.documents} document record(s), "
              f"{report.list_records} list record(s) in {cfg.archive_dir}")  # fmt: skip
        for d in report.damaged:
            print(f"error: {d.line()}", file=sys.stderr)
    if not report.ok:
        raise CliError(f"{len(report.damaged)} damaged item(s) in the archive; re-crawl or re-import their sources")
    if not as_json:
        print("archive intact: every blob matches its SHA-256 and every record reads back")
