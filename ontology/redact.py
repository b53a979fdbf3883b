"""Secrets inside URL settings (``bolt://user:password@host``, ``https://token@hooks.example/...``) never shown.

:func:`redact_url` is what every message, log line, status output and stored note uses in place of a URL
setting; :func:`redact_text` cleans a message that may quote the URL or its password (a driver's or a
library's exception text) before it is shown. Shared by graph/ (the Neo4j adapter) and the application layer.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

MASK = "***"
# scheme://[userinfo@]host...: the userinfo is everything up to the last "@" before the path
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<netloc>[^/?#]*)(?P<rest>.*)$", re.DOTALL)


def url_userinfo(url: str) -> tuple[str, str] | None:
    """``(user, password)`` written in the URL (percent-decoded; password may be ""), None without userinfo."""
    m = _URL.match(url.strip())
    if not m or "@" not in m["netloc"]:
        return None
    userinfo = m["netloc"].rsplit("@", 1)[0]
    user, _, password = userinfo.partition(":")
    return unquote(user), unquote(password)


def strip_userinfo(url: str) -> str:
    """The URL without its userinfo (what a client should connect to once the credentials are taken out)."""
    m = _URL.match(url.strip())
    if not m or "@" not in m["netloc"]:
        return url
    return m["scheme"] + m["netloc"].rsplit("@", 1)[1] + m["rest"]


def redact_url(url: str, *, keep_path: bool = True) -> str:
    """``url`` with its userinfo replaced by ``***`` (``bolt://***@db:7687``).

    ``keep_path=False`` also hides path and query (``https://hooks.example/***``), for webhook URLs whose
    path is itself the secret (Slack, Teams, Discord style). A string that is not a URL is returned as is.
    """
    m = _URL.match(url.strip())
    if not m:
        return url
    netloc = m["netloc"]
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rsplit("@", 1)[1]
    rest = m["rest"]
    if not keep_path and rest not in ("", "/"):
        rest = "/" + MASK
    return m["scheme"] + netloc + rest


def redact_text(text: str, *urls: str, keep_path: bool = True) -> str:
    """``text`` with every occurrence of each URL replaced by its redacted form and every password written in
    those URLs (raw and percent-decoded) replaced by ``***``."""
    out = text
    for url in urls:
        if not url:
            continue
        shown = redact_url(url, keep_path=keep_path)
        out = out.replace(url.strip(), shown)
        if not keep_path:
            m = _URL.match(url.strip())
            if m and m["rest"] not in ("", "/"):
                out = out.replace(m["rest"], "/" + MASK)
        creds = url_userinfo(url)
        m = _URL.match(url.strip())
        if creds and m:
            raw_userinfo = m["netloc"].rsplit("@", 1)[0]
            out = out.replace(raw_userinfo + "@", MASK + "@")
            for secret in {creds[1], raw_userinfo.partition(":")[2]}:
                if secret:
                    out = out.replace(secret, MASK)
    return out
