"""No command writes over an audit file: :func:`refuse_audit_target` is called before any ``--out`` is written.

Audit files: everything under ``<data_dir>/screening/`` (the screening log and its SQLite companions), the anchor
file ``<data_dir>/state/audit-anchor.json`` and its lock, the audit key file, and any existing SQLite database
(an audit log copied elsewhere for safekeeping is still an audit log).
"""

from __future__ import annotations

from pathlib import Path

from redflag.audit import AuditError
from redflag.settings import Settings

SQLITE_MAGIC = b"SQLite format 3\x00"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def audit_file_reason(path: Path, settings: Settings) -> str | None:
    """Why ``path`` is an audit file (None when it is not one). Symlinks are followed."""
    target = Path(path).expanduser().resolve()
    if _inside(target, (settings.data_dir / "screening").resolve()):
        return "it is in the screening audit log's folder"
    anchor = settings.audit_anchor_file.resolve()
    if target in (anchor, anchor.with_name(anchor.name + ".lock")):
        return "it is the audit anchor file"
    if target == settings.audit_key_file.resolve():
        return "it is the audit key file"
    try:
        with target.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                return "it is an existing SQLite database (an audit log or archive)"
    except OSError:
        pass
    return None


def refuse_audit_target(path: Path, settings: Settings, option: str = "--out") -> None:
    """Raise :class:`AuditError` (one line) when ``path`` is an audit file; otherwise return."""
    reason = audit_file_reason(path, settings)
    if reason:
        raise AuditError(f"{option} {path}: refused, {reason}; no command writes over an audit file (choose another "
                         "file name)")
