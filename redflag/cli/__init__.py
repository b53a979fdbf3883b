"""The ``redflag`` command line: one console script over every stage."""

from __future__ import annotations

import importlib
import sys

from graph.errors import StoreError
from redflag.cli.app import CliError, app
from redflag.settings import SettingsError

# Area modules register their commands on ``app`` when imported.
_AREAS = ["core", "crawl", "nlp", "intel", "flags", "ui_cmd", "items", "screening_ops", "migrate_cmd"]


def _load_areas() -> None:
    for area in _AREAS:
        try:
            importlib.import_module(f"redflag.cli.{area}")
        except ModuleNotFoundError as exc:
            if exc.name != f"redflag.cli.{area}":
                raise


def main() -> None:
    _load_areas()
    try:
        app()
    except (CliError, SettingsError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("interrupted: what was finished is kept; run the same command again to resume", file=sys.stderr)
        raise SystemExit(130) from None
