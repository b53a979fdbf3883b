"""The portal's rate-limit model: per address and per /24 (IPv4) or /64 (IPv6) network, a sliding window, no
global ceiling, refused requests not charged, a charge given back when the request could not be served."""

from __future__ import annotations

import pytest

from redflag.stewardship.ratelimit import ClientLimiter, network_of


def test_addresses_are_charged_to_their_24_or_64_network() -> None:
    assert network_of("192.0.2.77") == "192.0.2.0/24"
    assert network_of("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert network_of("::ffff:198.51.100.9") == "198.51.100.0/24"  # IPv4-mapped counts as IPv4
    assert network_of("not an address") == "other:not an address"


def test_an_address_gets_its_allowance_and_waits_for_the_window() -> None:
    rl = ClientLimiter(per_address=2, per_network=10, window=60)
    assert [rl.take("192.0.2.1", now=t).allowed for t in (0, 1, 2)] == [True, True, False]
    refused = rl.take("192.0.2.1", now=30)
    assert (refused.by, refused.retry_after) == ("address", 30)
    assert rl.take("192.0.2.1", now=60.5).allowed  # the first charge has left the window


def test_a_network_is_contained_but_other_networks_are_not_affected() -> None:
    rl = ClientLimiter(per_address=2, per_network=5, window=60)
    allowed = [rl.take(f"192.0.2.{i}", now=1).allowed for i in range(1, 11)]
    assert allowed.count(True) == 5 and rl.take("192.0.2.200", now=2).by == "network"
    # no global ceiling: a thousand refused requests from that network leave everyone else their allowance
    for _ in range(1000):
        assert not rl.take("192.0.2.1", now=3).allowed
    assert [rl.take(f"198.51.{n}.7", now=4).allowed for n in range(50)] == [True] * 50
    # one IPv6 host may use any address of its /64: the /64 is charged as one network
    assert [rl.take(f"2001:db8::{i}", now=4).allowed for i in range(1, 8)] == [True] * 5 + [False] * 2
    assert rl.take("2001:db8:0:1::1", now=4).allowed


def test_a_refused_request_is_not_charged_and_a_failed_one_is_given_back() -> None:
    rl = ClientLimiter(per_address=1, per_network=1, window=60)
    first = rl.take("203.0.113.5", now=0)
    assert first.allowed and not rl.take("203.0.113.5", now=1).allowed
    rl.give_back("203.0.113.5", first)  # the graph was down: the reporter may try again at once
    assert rl.take("203.0.113.5", now=2).allowed


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="limit >= 1"):
        ClientLimiter(per_address=0, per_network=5)


def test_addresses_whose_charges_have_left_the_window_are_forgotten() -> None:
    class Small(ClientLimiter):
        SWEEP_ABOVE = 50  # tracked keys before a sweep (10,000 in the portal)

    rl = Small(per_address=1, per_network=256, window=10)
    assert all(rl.take(f"10.0.0.{i}", now=0).allowed for i in range(40))
    assert all(rl.take(f"192.0.2.{i}", now=11).allowed for i in range(10))  # the tenth crosses the threshold
    assert (len(rl.by_address), len(rl.by_network)) == (10, 1)  # only what is still in the window is kept
