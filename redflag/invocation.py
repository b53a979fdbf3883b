"""How the user calls this installation's command, for the hints the CLI prints."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path


def cli_command() -> str:
    """The ``redflag`` command as the user can paste it: ``redflag`` when that name on PATH is this installation's,
    else its path, relative to the working folder when that is shorter (``.venv/bin/redflag``), shell-quoted."""
    here = Path(sys.executable).parent / "redflag"
    on_path = shutil.which("redflag")
    if on_path and Path(on_path).resolve() == here.resolve():
        return "redflag"
    try:
        relative = os.path.relpath(here)
    except ValueError:  # another drive (Windows)
        relative = str(here)
    return shlex.quote(min(relative, str(here), key=len))
