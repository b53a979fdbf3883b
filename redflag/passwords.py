"""Salted password hashes for the UI login, and the accounts the settings configure.

Format (one line, no secrets in clear): ``scrypt$N$r$p$SALT$KEY`` where N, r, p are the scrypt cost
parameters in decimal and SALT (16 random bytes) and KEY (32 bytes) are URL-safe base64 without padding.
``redflag ui-hash-password`` prints one. The standard library's ``hashlib.scrypt`` computes it; comparison
is constant-time.

Accounts: ``REDFLAG_UI_PASSWORD_HASH`` (or ``REDFLAG_UI_PASSWORD_HASH_FILE``) is the hash of the single
account named ``REDFLAG_USER``; ``REDFLAG_UI_USERS`` names a file (mode 600) with one ``user:hash`` per line
for several accounts (blank lines and lines starting with ``#`` are ignored).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stat
from pathlib import Path

from redflag.settings import Settings, SettingsError

SCHEME = "scrypt"
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
_MAX_N = 2**20


class PasswordHashError(ValueError):
    """A configured password hash is not in the documented format."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=256 * n * r + 2**20
    )


def hash_password(password: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """A new salted scrypt hash of PASSWORD in the documented one-line format."""
    if not password:
        raise ValueError("the password is empty")
    salt = os.urandom(SALT_BYTES)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(_derive(password, salt, n, r, p))}"


def parse_hash(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    """(N, r, p, salt, key) of a hash; PasswordHashError says which part is wrong."""
    parts = encoded.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PasswordHashError("expected scrypt$N$r$p$SALT$KEY (make one with `redflag ui-hash-password`)")
    try:
        n, r, p = (int(x) for x in parts[1:4])
    except ValueError:
        raise PasswordHashError("N, r and p must be integers") from None
    if n < 2 or n > _MAX_N or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
        raise PasswordHashError(
            f"cost parameters out of range (N a power of two up to {_MAX_N}, r 1-64, p 1-16)"
        )
    try:
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, TypeError):
        raise PasswordHashError("salt and key must be URL-safe base64") from None
    if len(salt) < 8 or len(key) != KEY_BYTES:
        raise PasswordHashError(f"salt must have at least 8 bytes and the key {KEY_BYTES}")
    return n, r, p, salt, key


def verify_password(password: str, encoded: str) -> bool:
    """True when PASSWORD matches the hash (constant-time comparison); a malformed hash raises PasswordHashError."""
    n, r, p, salt, key = parse_hash(encoded)
    return hmac.compare_digest(_derive(password, salt, n, r, p), key)


def _read_users_file(path: str) -> dict[str, str]:
    p = Path(path)
    try:
        mode = p.stat().st_mode
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(
            f"REDFLAG_UI_USERS points to {path}, which cannot be read: {exc.strerror}"
        ) from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SettingsError(f"REDFLAG_UI_USERS {path} is readable by group or others; chmod 600 it")
    users: dict[str, str] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, encoded = line.partition(":")
        if not sep or not name.strip():
            raise SettingsError(f"REDFLAG_UI_USERS {path} line {lineno}: expected user:hash")
        try:
            parse_hash(encoded)
        except PasswordHashError as exc:
            raise SettingsError(f"REDFLAG_UI_USERS {path} line {lineno} ({name.strip()}): {exc}") from None
        users[name.strip()] = encoded.strip()
    return users


def accounts(cfg: Settings) -> dict[str, str]:
    """User name -> password hash for every configured account (empty: no password login configured)."""
    users: dict[str, str] = {}
    if cfg.ui_password_hash:
        try:
            parse_hash(cfg.ui_password_hash)
        except PasswordHashError as exc:
            raise SettingsError(f"REDFLAG_UI_PASSWORD_HASH: {exc}") from None
        users[cfg.user] = cfg.ui_password_hash
    if cfg.ui_users_file:
        users.update(_read_users_file(cfg.ui_users_file))
    return users


def check_login(cfg: Settings, user: str, password: str) -> bool:
    """True when USER is a configured account and PASSWORD is its password."""
    encoded = accounts(cfg).get(user)
    if encoded is None:
        _derive(password, b"\0" * SALT_BYTES, DEFAULT_N, DEFAULT_R, DEFAULT_P)  # same work for unknown users
        return False
    return verify_password(password, encoded)


def oidc_problem(cwd: Path | None = None) -> str | None:
    """Why Streamlit's OIDC login (st.login) cannot work here, or None when it is configured.

    Streamlit reads ``[auth]`` from ``.streamlit/secrets.toml`` in the working folder or the home folder,
    and needs the Authlib package.
    """
    import importlib.util
    import tomllib

    if importlib.util.find_spec("authlib") is None:
        return "Streamlit's OIDC login needs the Authlib package (pip install 'Authlib>=1.3.2')"
    for folder in (cwd or Path.cwd(), Path.home()):
        secrets = folder / ".streamlit" / "secrets.toml"
        if not secrets.is_file():
            continue
        try:
            auth = tomllib.loads(secrets.read_text(encoding="utf-8")).get("auth")
        except (OSError, tomllib.TOMLDecodeError) as exc:
            return f"{secrets} cannot be read as TOML: {exc}"
        if not isinstance(auth, dict):
            continue
        missing = [k for k in ("redirect_uri", "cookie_secret") if not auth.get(k)]
        if missing:
            return f"{secrets} [auth] lacks {', '.join(missing)}"
        if not auth.get("server_metadata_url") and not any(
            isinstance(v, dict) and v.get("server_metadata_url") for v in auth.values()
        ):
            return f"{secrets} [auth] names no provider (server_metadata_url, client_id, client_secret)"
        return None
    return "no [auth] section in .streamlit/secrets.toml (working folder or home folder)"


def auth_mode(cfg: Settings) -> str:
    """``none``, ``password`` or ``oidc``: how the UI authenticates with these settings."""
    if cfg.ui_auth == "oidc":
        return "oidc"
    if accounts(cfg):
        return "password"
    if cfg.ui_auth == "password":
        raise SettingsError(
            "REDFLAG_UI_AUTH=password but neither REDFLAG_UI_PASSWORD_HASH nor REDFLAG_UI_USERS is set"
        )
    return "none"
