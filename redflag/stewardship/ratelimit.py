"""Rate limits of the public grievance portal: per client address and per network prefix, no global ceiling.

The model (docs/MONITORING.md, "Limits of the public portal"):

- Only requests that could store or reveal something are counted: a submission that passed validation and is
  about to be stored, and a status check that reaches the receipt lookup. Junk (wrong method, wrong content
  type, malformed or oversized bodies, invalid forms) is refused before it is counted, so it cannot use up
  anyone's allowance.
- Each counted request is charged to its client address and to the address's network: the /24 of an IPv4
  address, the /64 of an IPv6 address (an IPv4-mapped IPv6 address counts as IPv4). A request is allowed only
  if both are below their limit within the sliding window; a refused request is not charged.
- There is no global ceiling: one attacker fills at most the allowance of their own addresses and networks,
  and reporters elsewhere are not affected. A flood from one host or one network is contained by these two
  limits; a flood spread over many networks is bounded by the portal's worker pool and request deadline.
- A charge is given back when the request could not be served (the graph was unavailable), so a reporter who
  retries during an outage is not locked out by it.

State is kept in memory only (no address is written to disk); a restart forgets it.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from dataclasses import dataclass

IPV4_PREFIX = 24  # the usual size of one site's or one provider customer's IPv4 block
IPV6_PREFIX = 64  # one IPv6 subnet (RFC 4291): a single host may use any address in it


def network_of(address: str) -> str:
    """The network prefix an address is charged to, as text: ``"192.0.2.0/24"`` or ``"2001:db8::/64"``.

    A string that is not an IP address (e.g. a malformed X-Forwarded-For entry) is its own network.
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return f"other:{address[:64]}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


@dataclass(frozen=True)
class Decision:
    """The answer for one request: allowed (and charged at ``at``), or refused because of ``by`` ("address" or
    "network") with ``retry_after`` seconds until one charge of that key leaves the window."""

    allowed: bool
    at: float = 0.0
    by: str = ""
    retry_after: float = 0.0


class SlidingWindow:
    """At most ``limit`` events per ``window`` seconds for each key; events are monotonic timestamps."""

    def __init__(self, limit: int, window: float) -> None:
        if limit < 1 or window <= 0:
            raise ValueError(f"a rate limit needs limit >= 1 and window > 0 (got {limit}, {window})")
        self.limit = limit
        self.window = window
        self._events: dict[str, deque[float]] = {}

    def _current(self, key: str, now: float) -> deque[float]:
        q = self._events.get(key)
        if q is None:
            return deque()
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._events[key]
        return q

    def wait(self, key: str, now: float) -> float:
        """0 if ``key`` may have one more event now, else the seconds until it may."""
        q = self._current(key, now)
        return 0.0 if len(q) < self.limit else q[0] + self.window - now

    def add(self, key: str, now: float) -> None:
        self._events.setdefault(key, deque()).append(now)

    def remove(self, key: str, at: float) -> None:
        q = self._events.get(key)
        if q is not None and at in q:
            q.remove(at)
            if not q:
                del self._events[key]

    def sweep(self, now: float) -> None:
        for key in list(self._events):
            self._current(key, now)

    def __len__(self) -> int:
        return len(self._events)


class ClientLimiter:
    """Per-address and per-network sliding-window limits (see the module docstring for the model).

    ``per_address`` and ``per_network`` are counts per ``window`` seconds; thread-safe.
    """

    SWEEP_ABOVE = 10_000  # tracked keys before expired ones are dropped (memory stays bounded)

    def __init__(self, per_address: int, per_network: int, window: float = 3600.0) -> None:
        self.by_address = SlidingWindow(per_address, window)
        self.by_network = SlidingWindow(max(per_network, per_address), window)
        self._lock = threading.Lock()
        self._sweep_at = self.SWEEP_ABOVE

    def take(self, address: str, now: float | None = None) -> Decision:
        """Charge one counted request to ``address`` and its network, or refuse it (nothing charged)."""
        t = time.monotonic() if now is None else now
        net = network_of(address)
        with self._lock:
            if len(self.by_address) + len(self.by_network) > self._sweep_at:
                self.by_address.sweep(t)
                self.by_network.sweep(t)  # then sweep again only after the live keys have doubled
                self._sweep_at = max(self.SWEEP_ABOVE, 2 * (len(self.by_address) + len(self.by_network)))
            wait = self.by_address.wait(address, t)
            if wait > 0:
                return Decision(False, by="address", retry_after=wait)
            wait = self.by_network.wait(net, t)
            if wait > 0:
                return Decision(False, by="network", retry_after=wait)
            self.by_address.add(address, t)
            self.by_network.add(net, t)
            return Decision(True, at=t)

    def give_back(self, address: str, decision: Decision) -> None:
        """Undo the charge of an allowed request that could not be served."""
        if decision.allowed:
            with self._lock:
                self.by_address.remove(address, decision.at)
                self.by_network.remove(network_of(address), decision.at)
