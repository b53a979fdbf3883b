"""Small JSON state files in the data folder (checkpoints), written so a crash never leaves half a file."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json_atomic(path: Path, data: Any) -> None:
    """Write DATA as JSON to PATH: a temporary file is written, flushed to disk and renamed over PATH, then the
    folder is synced, so PATH holds either the old or the new state, never a part of one (POSIX rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # a temporary file of this writer's own: two processes checkpointing at once (two `redflag load` runs on one
    # data folder) must not rename each other's file away (the second rename failed with FileNotFoundError)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    tmp = Path(name)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
