"""The demo's closing lines name a command the user can paste as it is (a newcomer's run printed ``redflag flags``
while only ``.venv/bin/redflag`` existed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from redflag.services.demo import DemoSummary, cli_command


def test_the_command_is_this_installations_path_when_not_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    here = Path(sys.executable).parent / "redflag"
    assert cli_command() == os.path.relpath(here)
    assert Path(cli_command()).resolve() == here.resolve()


def test_the_bare_name_when_path_finds_this_installation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    assert cli_command() == "redflag"


def test_the_closing_hint_uses_the_runnable_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    text = DemoSummary(monitoring_baseline=["s1"]).render()
    hint = [line for line in text.splitlines() if line.startswith("next:")]
    assert hint == [f"next: {cli_command()} flags --transaction DEMO-DIVERSION ; "
                    f"{cli_command()} paths --transaction DEMO-DIVERSION"]
    assert f"then: {cli_command()} monitor" in text
