"""Settings of the stewardship features, read from the environment like redflag/settings.py.

Kept in this module (not in the shared Settings) so that the alerting and grievance options stay together;
every value has a documented default (docs/MONITORING.md lists them). The SMTP password is a secret: read
from REDFLAG_SMTP_PASSWORD or a mode-600 file named by REDFLAG_SMTP_PASSWORD_FILE, never printed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ontology.redact import redact_url
from redflag.settings import SettingsError, _secret


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r} is not an integer") from exc


def _list(name: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in os.environ.get(name, "").split(",") if v.strip())


@dataclass(frozen=True)
class AlertSettings:
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_starttls: bool
    mail_from: str
    mail_to: tuple[str, ...]
    webhook_url: str = field(repr=False)  # may carry a token (userinfo or path): never shown
    timeout: float
    smtp_password: str = field(default="", repr=False)

    @property
    def email_enabled(self) -> bool:
        return bool(self.smtp_host and self.mail_to)

    @property
    def webhook_enabled(self) -> bool:
        return bool(self.webhook_url)


@dataclass(frozen=True)
class GrievanceSettings:
    officers: tuple[str, ...]  # users who may see reporter contact details
    portal_host: str
    portal_port: int
    portal_submissions_per_hour: int  # per client address, per rate window
    portal_status_checks_per_hour: int  # per client address, per rate window
    portal_network_submissions_per_hour: int = 20  # per /24 (IPv4) or /64 (IPv6) network, per rate window
    portal_network_status_checks_per_hour: int = 120  # per network, per rate window
    portal_rate_window: float = 3600.0  # seconds of the sliding window of the rate limits
    portal_request_timeout: float = 10.0  # seconds for a whole request (request line, headers and body)
    portal_workers: int = 16  # connections served at once (one thread each)
    portal_queue: int = 32  # accepted connections waiting for a worker; beyond that: 503 at once


def load_alert_settings() -> AlertSettings:
    starttls = os.environ.get("REDFLAG_SMTP_STARTTLS", "no").strip().lower()
    if starttls not in ("yes", "no", "true", "false", "1", "0"):
        raise SettingsError(f"REDFLAG_SMTP_STARTTLS={starttls!r}: choose yes or no")
    url = os.environ.get("REDFLAG_ALERT_WEBHOOK", "").strip()
    if url and not url.startswith(("http://", "https://")):
        shown = redact_url(url, keep_path=False)
        raise SettingsError(f"REDFLAG_ALERT_WEBHOOK={shown!r} must be an http:// or https:// URL")
    return AlertSettings(
        smtp_host=os.environ.get("REDFLAG_SMTP_HOST", "").strip(),
        smtp_port=_int("REDFLAG_SMTP_PORT", 25),
        smtp_user=os.environ.get("REDFLAG_SMTP_USER", "").strip(),
        smtp_starttls=starttls in ("yes", "true", "1"),
        mail_from=os.environ.get("REDFLAG_ALERT_FROM", "redflag@localhost").strip(),
        mail_to=_list("REDFLAG_ALERT_TO"),
        webhook_url=url,
        timeout=float(_int("REDFLAG_ALERT_TIMEOUT", 10)),
        smtp_password=_secret("REDFLAG_SMTP_PASSWORD"),
    )


def _positive(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r} is not a number") from exc
    if not value > 0:
        raise SettingsError(f"{name}={raw!r} must be greater than 0")
    return value


def _count(name: str, default: int) -> int:
    value = _int(name, default)
    if value < 1:
        raise SettingsError(f"{name}={value} must be at least 1")
    return value


def load_grievance_settings() -> GrievanceSettings:
    return GrievanceSettings(
        officers=_list("REDFLAG_GRIEVANCE_OFFICERS"),
        portal_host=os.environ.get("REDFLAG_PORTAL_HOST", "127.0.0.1"),
        portal_port=_int("REDFLAG_PORTAL_PORT", 8502),
        portal_submissions_per_hour=_count("REDFLAG_PORTAL_SUBMISSIONS_PER_HOUR", 5),
        portal_status_checks_per_hour=_count("REDFLAG_PORTAL_STATUS_CHECKS_PER_HOUR", 30),
        portal_network_submissions_per_hour=_count("REDFLAG_PORTAL_NETWORK_SUBMISSIONS_PER_HOUR", 20),
        portal_network_status_checks_per_hour=_count("REDFLAG_PORTAL_NETWORK_STATUS_CHECKS_PER_HOUR", 120),
        portal_rate_window=_positive("REDFLAG_PORTAL_RATE_WINDOW", 3600.0),
        portal_request_timeout=_positive("REDFLAG_PORTAL_REQUEST_TIMEOUT", 10.0),
        portal_workers=_count("REDFLAG_PORTAL_WORKERS", 16),
        portal_queue=_count("REDFLAG_PORTAL_QUEUE", 32),
    )
