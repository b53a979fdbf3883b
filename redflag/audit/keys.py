"""The audit key: the secret that keys every audit chain (HMAC-SHA256, RFC 2104 via Python's ``hmac``).

Where it comes from (settings in :mod:`redflag.settings`):

1. ``REDFLAG_AUDIT_KEY``: the key itself (at least 32 characters);
2. otherwise the file ``REDFLAG_AUDIT_KEY_FILE``, default ``$XDG_CONFIG_HOME/redflag/audit.key``
   (``~/.config/redflag/audit.key``). The default file is created on first use (64 hex digits from
   :func:`secrets.token_hex`, mode 600) with one message saying where it is and that it must be kept and backed up.

Refused, each with one clear line (:class:`AuditKeyError`): a key file readable or writable by group or others, an
empty or short key, and a key file inside the data folder (whoever can change the data could then re-key the log).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from redflag.settings import Settings, SettingsError

MIN_KEY_CHARS = 32


class AuditKeyError(SettingsError):
    """The audit key cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class AuditKey:
    """The key bytes (never shown), where they came from, and a short public id of the key."""

    secret: bytes = field(repr=False)
    source: str

    @property
    def key_id(self) -> str:
        """16 hex digits identifying the key (HMAC of a fixed label), safe to store and show."""
        return hmac.new(self.secret, b"redflag audit key id", hashlib.sha256).hexdigest()[:16]

    def mac(self, *parts: str) -> str:
        """HMAC-SHA256 (hex) over ``parts`` joined with the unit separator 0x1F."""
        h = hmac.new(self.secret, digestmod=hashlib.sha256)
        for part in parts:
            h.update(part.encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _check_secret(text: str, where: str) -> bytes:
    if len(text) < MIN_KEY_CHARS:
        raise AuditKeyError(f"{where} holds a key of {len(text)} character(s); the audit key needs at least "
                            f"{MIN_KEY_CHARS} (e.g. python -c 'import secrets; print(secrets.token_hex(32))')")
    return text.encode("utf-8")


def _create(path: Path) -> None:
    """Write a new random key to ``path`` (mode 600) without ever replacing an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_hex(32) + "\n")
        try:
            os.link(tmp, path)  # fails if another process created the key meanwhile: theirs is kept
        except FileExistsError:
            return
    finally:
        tmp.unlink(missing_ok=True)
    print(f"created the audit key {path} (mode 600). Keep this file and back it up outside the data folder: "
          "without it the audit logs can no longer be verified.", file=sys.stderr)


def load_audit_key(settings: Settings) -> AuditKey:
    """The audit key in force for ``settings``; creates the default key file on first use.

    Raises :class:`AuditKeyError` (one line) for a key file with group/other permissions, a short or empty key,
    a key file that cannot be read, or a key file inside the data folder.
    """
    if settings.audit_key:
        return AuditKey(_check_secret(settings.audit_key, "REDFLAG_AUDIT_KEY"), "REDFLAG_AUDIT_KEY")
    path = settings.audit_key_file
    if _inside(path, settings.data_dir):
        raise AuditKeyError(f"the audit key file {path} is inside the data folder {settings.data_dir}; keep it "
                            "outside (set REDFLAG_AUDIT_KEY_FILE to a path elsewhere)")
    if not path.exists():
        if os.environ.get("REDFLAG_AUDIT_KEY_FILE", "").strip():
            raise AuditKeyError(f"REDFLAG_AUDIT_KEY_FILE points to {path}, which does not exist; restore the key "
                                "from its backup (or unset REDFLAG_AUDIT_KEY_FILE to create a new default key)")
        _create(path)
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise AuditKeyError(f"the audit key file {path} is accessible to group or others (mode "
                                f"{stat.S_IMODE(mode):03o}); chmod 600 it")
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise AuditKeyError(f"the audit key file {path} cannot be read: {exc.strerror}") from None
    return AuditKey(_check_secret(text, f"the audit key file {path}"), str(path))
