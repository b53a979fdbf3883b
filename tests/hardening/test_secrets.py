"""Secrets (the Neo4j password, the UI password hash) come from the environment or a mode-600 file and never
appear in CLI output, the embedded server's log and files, the archive, any export format, or the status output."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from redflag.passwords import hash_password
from redflag.settings import SettingsError, load_settings

NEO4J_SECRET = "planted-neo4j-secret-7f3a9c"
UI_PASSWORD = "planted-ui-password-51d2"
UI_HASH = hash_password(UI_PASSWORD)
SECRETS = (NEO4J_SECRET, UI_PASSWORD, UI_HASH, UI_HASH.split("$")[-1])


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    return {**env, "NEO4J_PASSWORD": NEO4J_SECRET, "REDFLAG_UI_PASSWORD_HASH": UI_HASH, **extra}


def _run(data: Path, *args: str, **extra: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "redflag", "--data-dir", str(data), *args],
        env=_env(**extra), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return f"{done.returncode}\n{done.stdout}\n{done.stderr}"


def _leaks(text: str | bytes) -> list[str]:
    blob = text.encode("utf-8", "replace") if isinstance(text, str) else text
    return [s for s in SECRETS if s.encode() in blob]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """A demo run with the secrets planted in the environment, then status and every export."""
    data = tmp_path_factory.mktemp("secrets")
    out = tmp_path_factory.mktemp("exports")
    outputs = [_run(data, "demo", "--no-ui")]
    try:
        outputs += [_run(data, "status"), _run(data, "status", "--json")]
        outputs += [_run(data, "flags", "--transaction", "DEMO-DIVERSION", "--json")]
        for fmt in ("turtle", "ftm", "graphml", "csv"):
            outputs.append(_run(data, "export", "--format", fmt, "--out", str(out / f"graph.{fmt}")))
        outputs.append(
            _run(data, "report", "--transaction", "DEMO-DIVERSION", "--out", str(out / "report.html"))
        )
        yield data, outputs
    finally:
        falkordb_server.stop(data / "graph")


def test_cli_output_holds_no_secret(world: tuple[Path, list[str]]) -> None:
    _, outputs = world
    assert all(o.startswith("0\n") for o in outputs), [o[-300:] for o in outputs if not o.startswith("0\n")]
    for text in outputs:
        assert _leaks(text) == [], text[:500]


def test_no_file_in_the_data_folder_or_the_exports_holds_a_secret(world: tuple[Path, list[str]]) -> None:
    data, _ = world
    files = [p for p in data.rglob("*") if p.is_file() and not p.is_socket()]
    exports = [p for p in data.parent.parent.rglob("*") if p.is_file() and "exports" in str(p)]
    assert any("graph" in str(p) for p in files) and any("archive" in str(p) for p in files)
    assert any(p.suffix == ".log" or "log" in p.name for p in files), "the embedded server log is checked"
    for path in files + exports:
        assert _leaks(path.read_bytes()) == [], path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_failed_neo4j_connection_does_not_print_the_password(tmp_path: Path) -> None:
    text = _run(tmp_path, "status", REDFLAG_BACKEND="neo4j", NEO4J_URI=f"bolt://127.0.0.1:{_closed_port()}")
    assert not text.startswith("0\n") or "neo4j" in text
    assert _leaks(text) == []


def test_the_password_file_must_not_be_readable_by_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "neo4j-password"
    secret.write_text(NEO4J_SECRET + "\n", encoding="utf-8")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(secret))
    secret.chmod(0o644)
    with pytest.raises(SettingsError, match="chmod 600") as err:
        load_settings(tmp_path)
    assert NEO4J_SECRET not in str(err.value)
    secret.chmod(0o600)
    cfg = load_settings(tmp_path)
    assert cfg.neo4j.password == NEO4J_SECRET
    assert _leaks(repr(cfg)) == [] and _leaks(str(cfg)) == []


def test_the_ui_hash_can_come_from_a_restricted_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "ui-hash"
    secret.write_text(UI_HASH, encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.delenv("REDFLAG_UI_PASSWORD_HASH", raising=False)
    monkeypatch.setenv("REDFLAG_UI_PASSWORD_HASH_FILE", str(secret))
    cfg = load_settings(tmp_path)
    assert cfg.ui_password_hash == UI_HASH and _leaks(repr(cfg)) == []
