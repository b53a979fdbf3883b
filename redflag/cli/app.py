"""The typer application object and the error type every command uses.

Area modules (``redflag/cli/<area>.py``) import ``app`` and register their commands on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from redflag.settings import Settings, load_settings

if TYPE_CHECKING:
    from graph.store import GraphStore

app = typer.Typer(
    name="redflag",
    help="Red-flag investigation for exporters of surveillance-capable items.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class CliError(Exception):
    """An error to show the user as one line (no traceback); the command exits with status 1."""


class _State:
    data_dir: Path | None = None


state = _State()


@app.callback()
def _global_options(
    data_dir: Path | None = typer.Option(
        None, "--data-dir", help="Data folder (default: $REDFLAG_DATA_DIR, else ./data)."
    ),
) -> None:
    state.data_dir = data_dir


def settings() -> Settings:
    """The settings for this invocation (``--data-dir`` wins over the environment)."""
    return load_settings(state.data_dir)


@contextmanager
def data_store(cfg: Settings) -> Iterator[GraphStore]:
    """The graph store of a data folder that holds data: the one check every command that reads the graph
    uses (an empty or mistyped folder is an error that names it and says how to fill it)."""
    from redflag.services.store import EmptyDataFolder, open_data_store

    try:
        with open_data_store(cfg) as store:
            yield store
    except EmptyDataFolder as exc:
        raise CliError(str(exc)) from None
