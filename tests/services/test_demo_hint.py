"""The CLI's hints name a command the user can paste as it is (a newcomer's run printed ``redflag flags`` while
only ``.venv/bin/redflag`` existed; a breaker's run from a folder with a space in its path got an unquoted one)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest

from redflag.invocation import cli_command
from redflag.services.demo import DemoSummary


def test_the_command_is_this_installations_path_when_not_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    here = Path(sys.executable).parent / "redflag"
    assert Path(shlex.split(cli_command())[0]).resolve() == here.resolve()
    assert len(shlex.split(cli_command())[0]) <= len(os.path.relpath(here))


def test_the_bare_name_when_path_finds_this_installation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    assert cli_command() == "redflag"


def test_a_path_with_a_space_is_quoted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    spaced = tmp_path / "my dir"
    spaced.mkdir()
    monkeypatch.chdir(spaced)
    command = cli_command()
    assert shlex.split(command) == [min(os.path.relpath(Path(sys.executable).parent / "redflag"),
                                        str(Path(sys.executable).parent / "redflag"), key=len)]
    if " " in shlex.split(command)[0]:
        assert command.startswith("'")


def test_the_closing_hint_uses_the_runnable_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    text = DemoSummary(monitoring_baseline=["s1"]).render()
    hint = [line for line in text.splitlines() if line.startswith("next:")]
    assert hint == [f"next: {cli_command()} flags --transaction DEMO-DIVERSION ; "
                    f"{cli_command()} paths --transaction DEMO-DIVERSION"]
    assert f"then: {cli_command()} monitor" in text
