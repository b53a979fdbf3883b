"""Anchors: the newest (count, head) of each audit chain, kept outside the chain itself.

An anchor says "chain NAME had at least ``count`` records and record ``count`` has MAC ``head``"; it carries its
own MAC under the audit key, so it cannot be rewritten without the key. Checking a chain against an anchor
detects the newest records deleted (the chain is shorter than the anchor, or its record ``count`` differs) and
a chain replaced by another (a different ``log_id``). An anchor may lag behind its chain (it is written after
the record); it never runs ahead of an untouched chain.

The anchors live in one small JSON file, ``<data_dir>/state/audit-anchor.json`` (written atomically under a lock,
only ever moved forward); the screening log's anchor is also kept in the graph (an ``AuditAnchor`` node).
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from redflag.audit import AuditError
from redflag.audit.keys import AuditKey

SCREENING_LOG = "screening-log"


class AnchorError(AuditError):
    """The anchor file cannot be read or its content was altered."""


@dataclass(frozen=True)
class Anchor:
    """The newest known state of one chain; ``mac`` binds every other field to the audit key."""

    name: str
    count: int
    head: str
    log_id: str = ""
    keyed_from: int = 1
    at: str = ""
    mac: str = ""

    def _parts(self) -> tuple[str, ...]:
        return ("anchor", self.name, str(self.count), self.head, self.log_id, str(self.keyed_from), self.at)

    def signed(self, key: AuditKey) -> Anchor:
        return Anchor(self.name, self.count, self.head, self.log_id, self.keyed_from, self.at, key.mac(*self._parts()))

    def valid(self, key: AuditKey) -> bool:
        import hmac

        return bool(self.mac) and hmac.compare_digest(self.mac, key.mac(*self._parts()))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Anchor:
        return cls(str(d["name"]), int(d["count"]), str(d["head"]), str(d.get("log_id") or ""),
                   int(d.get("keyed_from") or 1), str(d.get("at") or ""), str(d.get("mac") or ""))


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_anchors(path: Path) -> dict[str, Anchor]:
    """Every anchor in the file by chain name ({} when the file does not exist).

    Raises :class:`AnchorError` naming the file when it is not the JSON this module writes."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise AnchorError(f"the audit anchor file {path} cannot be read: {exc.strerror}") from None
    try:
        data = json.loads(raw)
        return {name: Anchor.from_dict(d) for name, d in data["anchors"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise AnchorError(f"the audit anchor file {path} is damaged (not the anchors this tool writes); "
                          "restore it from a backup") from None


def advance(path: Path, anchor: Anchor, key: AuditKey) -> None:
    """Record ``anchor`` (signed with ``key``) unless the file already holds a newer one for that chain of the
    same log. Atomic (temporary file + rename) and serialised by a lock file next to it."""
    with _locked(path):
        try:
            anchors = read_anchors(path)
        except AnchorError:  # kept aside as evidence; the verify commands report it until then
            os.replace(path, path.with_name(f"{path.name}.damaged-{os.getpid()}"))
            anchors = {}
        old = anchors.get(anchor.name)
        if old is not None and old.log_id == anchor.log_id and old.count >= anchor.count:
            return
        if old is not None and old.log_id != anchor.log_id and old.count > 0:
            return  # another log's anchor is never overwritten (the writers refuse such a log before this)
        anchors[anchor.name] = anchor.signed(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": 1, "anchors": {k: v.to_dict() for k, v in sorted(anchors.items())}},
                                  indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)


def check(
    anchor: Anchor, key: AuditKey, where: str, log_id: str, count: int, head_at: dict[int, str],
    noun: tuple[str, str, str] = ("entry", "entries", "log"),
) -> str | None:
    """One line saying how the chain disagrees with ``anchor`` (None when it agrees).

    ``count`` is the chain's number of records, ``head_at`` the MAC of its records by position (1-based);
    ``noun`` names a record, records and the chain in the message."""
    one, many, chain = noun
    if not anchor.valid(key):
        return f"the anchor in {where} was altered (its MAC does not match under the audit key)"
    if anchor.log_id and log_id and anchor.log_id != log_id:
        return (f"the {chain} was replaced: {where} records {chain} {anchor.log_id} with {anchor.count} {many}, "
                f"this file is {chain} {log_id}")
    if count < anchor.count:
        return (f"the newest {many} are missing: {where} records {anchor.count} {many} (head {anchor.head}), "
                f"the {chain} has {count}")
    if anchor.count and head_at.get(anchor.count) != anchor.head:
        return (f"{one} {anchor.count} is not the one recorded in {where} (head {anchor.head}): the {chain} was "
                "replaced or rewritten")
    return None
