"""Long-running commands (``redflag ui``, ``redflag grievance-portal``) and the processes they own.

- :func:`run_child` runs a server child (Streamlit) in its own session and stops it when the command gets
  SIGTERM, SIGINT or SIGHUP: the child gets one SIGTERM and ``grace`` seconds to exit, then SIGKILL. On Linux the child also gets SIGTERM from the kernel if the command dies without a chance to pass
  anything on (``kill -9``; ``prctl(PR_SET_PDEATHSIG)``).
- :func:`stop_signals` turns SIGTERM and SIGHUP into :class:`Stopped` in the main thread, so an in-process
  server (the grievance portal) leaves its ``serve_forever`` loop and closes its socket and store the same
  way as on Ctrl-C.

The embedded graph server is not such a child: it is the data folder's shared server, left running for the
next command by design and stopped by ``redflag stop`` (docs/ARCHITECTURE.md, "Embedded server life").
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

FORWARDED = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


class Stopped(Exception):
    """The command was asked to stop (SIGTERM or SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass


@contextmanager
def _handlers(handler: Any, signals: Sequence[signal.Signals]) -> Iterator[None]:
    previous = {s: signal.signal(s, handler) for s in signals}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@dataclass(frozen=True)
class ChildExit:
    """How a child ended: its exit status (negative: killed by that signal) and the stop signal we got."""

    code: int
    stopped_by: int | None = None


def run_child(cmd: Sequence[str], env: Mapping[str, str] | None = None, grace: float = 10.0) -> ChildExit:
    """Run ``cmd`` until it exits or this process is asked to stop.

    On SIGTERM/SIGINT/SIGHUP the child is sent SIGTERM once and gets ``grace`` seconds, then its session gets
    SIGKILL; either way no child outlives the call.
    """
    child = subprocess.Popen(  # noqa: S603 - our own command line
        list(cmd), env=dict(env) if env is not None else None, start_new_session=True,
        preexec_fn=_die_with_parent,  # noqa: PLW1509 - no threads start before this in the CLI
    )  # fmt: skip
    received: list[int] = []

    def forward(signum: int, frame: FrameType | None) -> None:
        if not received:  # pass exactly one signal on, as SIGTERM: Streamlit stops cleanly on it, while a
            received.append(signum)  # SIGINT during its start-up ends in a traceback
            try:
                child.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass

    with _handlers(forward, FORWARDED):
        try:
            while True:
                try:
                    code = child.wait(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    if received:
                        code = _wait_or_kill(child, grace)
                        break
        finally:
            if child.poll() is None:  # an exception of our own: never leave the child behind
                _wait_or_kill(child, 0)
    return ChildExit(code, received[0] if received else None)


def _wait_or_kill(child: subprocess.Popen[bytes], grace: float) -> int:
    try:
        return child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(child.pid, signal.SIGKILL)  # the child's whole session (it may have started helpers)
        except ProcessLookupError:
            pass
        return child.wait()


@contextmanager
def stop_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped` in the main thread (SIGINT stays
    KeyboardInterrupt)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Stopped(signum)

    with _handlers(stop, (signal.SIGTERM, signal.SIGHUP)):
        yield
