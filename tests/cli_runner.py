"""The `cli` fixture: `redflag --data-dir DATA ARGS...` through Typer's runner on the test's own data folder, with
the embedded graph (REDFLAG_GRAPH=redflag); the embedded server the commands start is stopped at teardown.

Registered for every test by ``pytest_plugins`` in tests/conftest.py; a test module may define its own ``cli``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import redflag.cli.core  # noqa: F401
import redflag.cli.crawl  # noqa: F401  (registers the commands)
import redflag.cli.flags  # noqa: F401
import redflag.cli.intel  # noqa: F401
import redflag.cli.screening_ops  # noqa: F401
from graph import falkordb_server
from redflag.cli.app import app


@pytest.fixture
def cli(data_dir: Path) -> Iterator[Any]:
    """A function ``run(*args) -> Result`` for the CLI on ``data_dir``."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, ["--data-dir", str(data_dir), *args], env={"REDFLAG_GRAPH": "redflag"})

    try:
        yield run
    finally:
        falkordb_server.stop(data_dir / "graph")
