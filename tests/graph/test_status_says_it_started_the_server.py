"""``redflag status`` opens the store like every command, so on the embedded backend it starts the graph server;
right after ``redflag stop`` that surprised a newcomer. It now says when it was the one that started it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graph import falkordb_server

ROOT = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env["REDFLAG_BACKEND"] = "falkordb"
    return subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), *args], env=env,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_status_says_when_it_started_the_stopped_server_and_not_when_it_was_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    try:
        first = _cli(data, "status")
        assert first.returncode == 0, first.stderr
        assert "the embedded graph server was stopped: this command started it" in first.stdout
        second = _cli(data, "status", "--json")
        assert second.returncode == 0, second.stderr
        assert json.loads(second.stdout)["server_before"] == "running"
        assert "this command started it" not in _cli(data, "status").stdout
    finally:
        _cli(data, "stop")
    assert falkordb_server.status(data / "graph") == "stopped"


def test_status_of_a_data_folder_that_does_not_exist_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo"
    result = _cli(missing, "status")
    assert result.returncode != 0
    assert f"no data folder at {missing}" in result.stderr + result.stdout
    assert not missing.exists()
