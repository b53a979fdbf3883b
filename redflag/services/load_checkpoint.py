"""How far an interrupted graph load of the archived lists got, so the same command resumes it.

The checkpoint (``Settings.list_load_checkpoint_file``, JSON) names the archive's current list sets it was taken
against and, per record kind, how many records were written to the graph in whole batches. A run resumes only
against the same sets (a new import in between starts the load over: the records to load are not the same) and
only an unfinished run: a finished load leaves no checkpoint, so the next ``load`` writes every record again (MERGE,
nothing duplicated), which is what a cleared or new graph needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redflag.services.state_file import write_json_atomic

VERSION = 1


class LoadCheckpointError(RuntimeError):
    """The checkpoint file exists but cannot be read; the message names the file and the way out."""


@dataclass
class ListLoadCheckpoint:
    """Records written per kind (``entity``, ``relation``) by an unfinished load of the sets ``set_ids``."""

    path: Path
    set_ids: list[int]
    done: dict[str, int] = field(default_factory=dict)
    resumed: bool = False

    @classmethod
    def open(cls, path: Path, set_ids: list[int], restart: bool = False) -> ListLoadCheckpoint:
        """The checkpoint to continue for SET_IDS: the stored one when it was taken against the same sets (and
        RESTART is false), else a fresh one. Raises LoadCheckpointError when the file is damaged."""
        if restart or not path.exists():
            return cls(path, list(set_ids))
        try:
            state: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LoadCheckpointError(
                f"the list-load checkpoint {path} cannot be read ({exc}); delete it or run with --restart"
            ) from exc
        if not isinstance(state, dict) or state.get("version") != VERSION or not isinstance(state.get("done"), dict):
            raise LoadCheckpointError(f"the list-load checkpoint {path} has an unknown format; run with --restart")
        if [int(x) for x in state.get("set_ids") or []] != list(set_ids):
            return cls(path, list(set_ids))  # the archive changed since: a different load, start over
        done = {str(k): int(v) for k, v in state["done"].items()}
        return cls(path, list(set_ids), done, resumed=any(done.values()))

    def skip(self, kind: str) -> int:
        """Records of KIND an earlier run wrote, in the archive's order: the loader passes over that many."""
        return self.done.get(kind, 0)

    def record(self, kind: str, written: int) -> None:
        """Note that the first WRITTEN records of KIND are in the graph (after a batch), durably."""
        self.done[kind] = written
        write_json_atomic(self.path, {"version": VERSION, "set_ids": self.set_ids, "done": self.done})

    def finish(self) -> None:
        """The load completed: no checkpoint is left, so the next run loads everything again."""
        self.path.unlink(missing_ok=True)
