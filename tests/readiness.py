"""Waiting for a server a test started (``redflag ui``, ``redflag grievance-portal``, ``streamlit run``) to answer.

A server's start is bounded by time, not by a count of attempts (an attempt that waits out its own timeout takes
longer than one refused at once), with a bound a loaded 2-core machine meets; a server that exits while it is
waited for fails the test at once, with the end of its output. Its output goes to a file, never to a pipe
nobody reads (a full pipe would block the server).
"""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

START_TIMEOUT = 180.0  # seconds: Streamlit and the graph server start in ~10 s on an idle machine


def wait_until_answers(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = START_TIMEOUT) -> None:
    """Return once ``url`` answers 200; fail if ``proc`` exits first or nothing answers within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None:
            pytest.fail(f"the server exited ({proc.returncode}) before {url} answered: {_tail(log)}")
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer within {timeout:.0f} s: {_tail(log)}")
        time.sleep(0.5)


def _tail(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        return "(no output)"
