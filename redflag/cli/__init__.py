"""The ``redflag`` command line: one console script over every stage."""

from __future__ import annotations

import errno
import importlib
import logging
import sqlite3
import sys

from graph.errors import StoreError
from redflag.audit import AuditError
from redflag.cli.app import CliError, app
from redflag.settings import SettingsError, redact_secrets

# Area modules register their commands on ``app`` when imported.
_AREAS = ["core", "crawl", "nlp", "intel", "lookup", "flags", "ui_cmd", "items", "screening_ops", "migrate_cmd",
          "archive_cmd", "sources_cmd", "fetch_cmd", "changes_cmd"]


def _load_areas() -> None:
    for area in _AREAS:
        try:
            importlib.import_module(f"redflag.cli.{area}")
        except ModuleNotFoundError as exc:
            if exc.name != f"redflag.cli.{area}":
                raise


class _RedactingFormatter(logging.Formatter):
    """Log lines (of the libraries under the CLI: the Neo4j driver, Scrapy's parent side...) never carry
    the credentials of a URL setting."""

    def format(self, record: logging.LogRecord) -> str:
        return redact_secrets(super().format(record))


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_RedactingFormatter("%(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger().addHandler(handler)


def disk_full_message(exc: BaseException) -> str | None:
    """One line naming a full disk (ENOSPC, EDQUOT, SQLite's SQLITE_FULL), or None for other errors."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk quota is exhausted" if exc.errno == errno.EDQUOT else "the disk is full"
        where = f" writing {exc.filename}" if exc.filename else ""
    elif isinstance(exc, sqlite3.OperationalError) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        what, where = "the disk is full", " (SQLite: database or disk is full)"
    else:
        return None
    return (f"{what}{where}: No space left on device. What was finished is kept: free space on that disk, "
            "then run the same command again")  # fmt: skip


def main() -> None:
    _load_areas()
    _logging()
    try:
        app()
    except (CliError, SettingsError, StoreError, AuditError) as exc:
        print(f"error: {redact_secrets(str(exc))}", file=sys.stderr)
        raise SystemExit(1) from None
    except (OSError, sqlite3.OperationalError) as exc:
        full = disk_full_message(exc)
        if full is None:
            raise
        print(f"error: {full}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("interrupted: what was finished is kept; run the same command again to resume", file=sys.stderr)
        raise SystemExit(130) from None
