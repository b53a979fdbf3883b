"""The screening index kept on disk between runs, so one name screened against a large list does not rebuild it.

Building a :class:`~redflag.matching.screening.Screener` analyses every list name (about 92 s of CPU for a
million names, docs/PERFORMANCE.md); a ``redflag screen NAME``, a UI screening or a deal import each opened a new
session and paid it again. The index is stored in ``<data_dir>/cache/screening-index.pickle`` and reused only when
everything it was built from is the same:

- the list entities, to the byte: the session's ``list_version`` (a digest of every entity's id and content hash:
  names, aliases, weak aliases, countries, identifiers, addresses, listings; :func:`~redflag.screening_ops.session.list_version`);
- the match threshold and the feature weights in force;
- the matching code and its data: a digest of the source files of ``redflag/matching`` and ``ontology`` (names,
  legal forms, generic words, countries) and the versions of Python, rigour, rapidfuzz, numpy and wordfreq.

The file is a pickle, which runs code when read, so it carries an HMAC-SHA256 tag made with the audit key
(kept outside the data folder): a file that was not written by a holder of that key is never unpickled, only
rebuilt. Any mismatch or unreadable file means a rebuild, never an error; the caller learns which happened.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from redflag.matching.screening import ALGORITHM, Screener

CACHE_FILE = Path("cache") / "screening-index.pickle"
"""Where the index is kept, relative to the data folder."""

_TAG = 32  # bytes of an HMAC-SHA256 tag, written before the pickle
_ROOT = Path(__file__).resolve().parents[2]
_CODE = (_ROOT / "redflag" / "matching", _ROOT / "ontology")
_LIBRARIES = ("rigour", "rapidfuzz", "numpy", "wordfreq", "normality")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the matching code and data and of the libraries it rests on (see the module docstring)."""
    h = hashlib.sha256(f"{ALGORITHM}|{sys.version_info[:2]}".encode())
    for lib in _LIBRARIES:
        try:
            h.update(f"{lib}={metadata.version(lib)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=none\n".encode())
    for root in _CODE:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".tsv", ".csv", ".json", ".txt", ".ttl", ".yaml", ".yml"}:
                h.update(str(path.relative_to(_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def index_key(list_version: str, match_threshold: float, weights: Any) -> dict[str, str]:
    """What an index must have been built from to be reused."""
    return {"list_version": list_version, "match_threshold": repr(match_threshold), "weights": repr(weights),
            "code": code_digest()}  # fmt: skip


def _tag(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(hmac.new(secret, b"redflag screening index", hashlib.sha256).digest(), payload,
                    hashlib.sha256).digest()  # fmt: skip


def load_or_build(
    path: Path, secret: bytes, key: dict[str, str], build: Callable[[], Screener],
) -> tuple[Screener, str]:
    """The screener stored at ``path`` when its tag verifies with ``secret`` and it was built from ``key``;
    otherwise ``build()``, stored there for next time. Returns the screener and what happened: ``"reused"``,
    ``"built"`` (no file), ``"rebuilt"`` (the lists, settings or code changed) or ``"rebuilt: <why>"`` (a file
    that could not be read or whose tag did not verify), with ``"; not stored (<why>)"`` added when the new index
    could not be written (the screening goes on)."""
    how = "built"
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raw = None
    except OSError as exc:
        raw, how = None, f"rebuilt: {path} could not be read ({exc.strerror})"
    if raw is not None:
        if len(raw) <= _TAG or not hmac.compare_digest(raw[:_TAG], _tag(secret, raw[_TAG:])):
            how = "rebuilt: the stored index was not written with this audit key"
        else:
            try:
                stored_key, screener = pickle.loads(raw[_TAG:])  # noqa: S301 - tag verified above
            except Exception as exc:  # an index from an older layout of the classes
                how = f"rebuilt: the stored index could not be read ({type(exc).__name__})"
            else:
                if stored_key == key and isinstance(screener, Screener):
                    return screener, "reused"
                how = "rebuilt"
    screener = build()
    payload = pickle.dumps((key, screener), protocol=pickle.HIGHEST_PROTOCOL)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(_tag(secret, payload) + payload)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only data folder: screening still works, it builds the index each time
        how += f"; not stored ({exc.strerror or exc})"
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return screener, how
