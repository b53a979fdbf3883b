"""Is an archived response still fresh? HTTP caching's freshness rules (RFC 9111 section 4.2) for re-crawls.

The archive is a shared cache (it serves every analyst of an installation): a leaf page whose archived
response is still fresh need not be requested again. The rules, in RFC 9111's order:

- ``no-store``, ``no-cache`` or ``private`` in the stored ``Cache-Control``: never fresh (always revalidated;
  a shared cache may not reuse a ``private`` answer, section 5.2.2.7).
- freshness lifetime (section 4.2.1): ``s-maxage`` (a shared cache's own directive), else ``max-age``, else
  ``Expires`` minus ``Date``; an invalid value of any of them means stale (sections 4.2.1 and 5.3).
- without any of these, a heuristic lifetime (section 4.2.2): 10 % of the time between ``Last-Modified`` and
  ``Date``, capped at the source's cadence (never trusted longer than the analyst's own refresh interval);
  no ``Last-Modified``: zero (stale).
- current age (section 4.2.3): ``max(apparent age, Age)`` at retrieval plus the time it has been archived.

``must-revalidate`` and ``proxy-revalidate`` need nothing more: a stale response is never reused here, it is
always revalidated. Header parsing is Scrapy's (:func:`scrapy.extensions.httpcache.parse_cachecontrol`,
:func:`~scrapy.extensions.httpcache.rfc1123_to_epoch`), as its ``RFC2616Policy`` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.extensions.httpcache import parse_cachecontrol, rfc1123_to_epoch

HEURISTIC_FRACTION = 0.1
"""RFC 9111 section 4.2.2: "a typical setting of this fraction might be 10%"."""
DAY = 86400.0


@dataclass(frozen=True)
class StoredResponse:
    """The caching header fields of the response that stored (or last revalidated) an archived version.

    ``retrieved_at``: when it was received, seconds since the epoch (RFC 9111's ``response_time``); the
    others are the header values as sent (None when absent).
    """

    retrieved_at: float
    date: str | None = None
    cache_control: str | None = None
    expires: str | None = None
    age: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Freshness:
    """The verdict: ``fresh`` when ``age`` < ``lifetime`` (both in seconds); ``basis`` names the rule applied."""

    fresh: bool
    lifetime: float
    age: float
    basis: str

    def describe(self) -> str:
        state = "fresh" if self.fresh else "stale"
        return f"{state}: age {self.age:.0f} s, lifetime {self.lifetime:.0f} s ({self.basis})"


def _seconds(value: bytes | None) -> int | None:
    """A delta-seconds directive value (RFC 9111 section 1.2.2); None when missing or invalid."""
    if value is None:
        return None
    text = value.strip().strip(b'"')
    return int(text) if text.isdigit() else None


def freshness(stored: StoredResponse, now: float, cadence_days: float) -> Freshness:
    """Freshness of STORED at NOW (epoch seconds) for a source refreshed every CADENCE_DAYS days."""
    cc = parse_cachecontrol((stored.cache_control or "").encode("latin-1", "replace"))
    date = rfc1123_to_epoch(stored.date) or stored.retrieved_at
    # current age, RFC 9111 section 4.2.3 (the request time is not kept: response_delay counts as 0)
    apparent = max(0.0, stored.retrieved_at - date)
    age_value = _seconds(stored.age.encode("latin-1", "replace")) if stored.age else None
    age = max(apparent, float(age_value or 0)) + max(0.0, now - stored.retrieved_at)
    for directive in (b"no-store", b"no-cache", b"private"):
        if directive in cc:
            return Freshness(False, 0.0, age, f"Cache-Control: {directive.decode()}")
    for directive in (b"s-maxage", b"max-age"):
        if directive in cc:
            seconds = _seconds(cc[directive])
            if seconds is None:
                return Freshness(False, 0.0, age, f"invalid {directive.decode()} (treated as stale)")
            return Freshness(age < seconds, float(seconds), age, f"Cache-Control: {directive.decode()}")
    if stored.expires is not None:
        expires = rfc1123_to_epoch(stored.expires)
        if expires is None:
            return Freshness(False, 0.0, age, "invalid Expires (a time in the past)")
        lifetime = max(0.0, float(expires - date))
        return Freshness(age < lifetime, lifetime, age, "Expires")
    modified = rfc1123_to_epoch(stored.last_modified)
    if modified is None or modified > date:
        return Freshness(False, 0.0, age, "no explicit lifetime and no usable Last-Modified")
    cap = cadence_days * DAY
    lifetime = min(HEURISTIC_FRACTION * (date - modified), cap)
    basis = "heuristic: 10% of the time since Last-Modified" + (
        f", capped at the source's cadence of {cadence_days:g} day(s)" if lifetime == cap else ""
    )
    return Freshness(age < lifetime, lifetime, age, basis)
