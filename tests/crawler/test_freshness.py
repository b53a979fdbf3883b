"""Freshness of an archived response (RFC 9111 section 4.2), as a re-crawl decides whether to request a leaf page."""

from __future__ import annotations

from email.utils import formatdate

import pytest

from crawler.freshness import StoredResponse, freshness

T0 = 1_750_000_000.0  # when the response was received (epoch seconds)
HOUR = 3600.0
DAY = 86400.0


def http_date(t: float) -> str:
    return formatdate(t, usegmt=True)


def stored(**fields: str) -> StoredResponse:
    return StoredResponse(retrieved_at=T0, date=fields.pop("date", http_date(T0)), **fields)


def test_max_age_is_fresh_until_it_runs_out():
    r = stored(cache_control="public, max-age=3600")
    assert freshness(r, T0 + 3599, cadence_days=7).fresh
    late = freshness(r, T0 + 3600, cadence_days=7)
    assert not late.fresh and late.lifetime == 3600 and late.basis == "Cache-Control: max-age"


def test_s_maxage_wins_over_max_age_for_the_shared_archive():
    r = stored(cache_control="max-age=60, s-maxage=7200")
    v = freshness(r, T0 + HOUR, cadence_days=1)
    assert v.fresh and v.lifetime == 7200 and "s-maxage" in v.basis


@pytest.mark.parametrize("directive", ["no-cache", "no-store", "private, max-age=600", "max-age=600, no-cache"])
def test_no_cache_no_store_and_private_are_never_fresh(directive):
    r = stored(cache_control=directive, last_modified=http_date(T0 - 365 * DAY))
    v = freshness(r, T0 + 1, cadence_days=30)
    assert not v.fresh and v.basis.startswith("Cache-Control: ")


def test_must_revalidate_with_an_expired_age_is_revalidated():
    r = stored(cache_control="max-age=0, must-revalidate", last_modified=http_date(T0 - 365 * DAY))
    assert not freshness(r, T0 + 1, cadence_days=30).fresh  # the explicit lifetime, not the heuristic


def test_invalid_max_age_counts_as_stale():
    v = freshness(stored(cache_control="max-age=soon"), T0 + 1, cadence_days=30)
    assert not v.fresh and "invalid max-age" in v.basis


def test_expires_counts_from_the_date_header_and_an_unreadable_one_is_in_the_past():
    r = stored(expires=http_date(T0 + 2 * HOUR))
    assert freshness(r, T0 + HOUR, cadence_days=1).fresh
    assert not freshness(r, T0 + 2 * HOUR + 1, cadence_days=1).fresh
    v = freshness(stored(expires="0"), T0 + 1, cadence_days=1)
    assert not v.fresh and "invalid Expires" in v.basis


def test_heuristic_is_a_tenth_of_the_time_since_last_modified():
    r = stored(last_modified=http_date(T0 - 10 * DAY))
    v = freshness(r, T0 + DAY - 60, cadence_days=30)
    assert v.fresh and v.lifetime == pytest.approx(DAY) and v.basis.startswith("heuristic")
    assert not freshness(r, T0 + DAY + 60, cadence_days=30).fresh


def test_heuristic_is_capped_at_the_sources_cadence():
    r = stored(last_modified=http_date(T0 - 1000 * DAY))  # 100 days by the 10 % rule
    v = freshness(r, T0 + 2 * DAY, cadence_days=3)
    assert v.fresh and v.lifetime == 3 * DAY and "cadence of 3 day(s)" in v.basis
    assert not freshness(r, T0 + 3 * DAY + 1, cadence_days=3).fresh


def test_without_lifetime_or_last_modified_nothing_is_fresh():
    v = freshness(stored(), T0 + 1, cadence_days=365)
    assert not v.fresh and v.lifetime == 0


def test_age_header_and_a_late_date_add_to_the_current_age():
    # an intermediary held it for 50 minutes already: 10 minutes of a one-hour lifetime are left
    r = stored(cache_control="max-age=3600", age="3000")
    assert freshness(r, T0 + 500, cadence_days=1).fresh
    assert not freshness(r, T0 + 700, cadence_days=1).fresh
    # the server's Date lags the receipt by 1000 s (apparent age)
    late = StoredResponse(T0, date=http_date(T0 - 1000), cache_control="max-age=1200")
    assert freshness(late, T0 + 100, cadence_days=1).fresh and not freshness(late, T0 + 300, cadence_days=1).fresh


def test_missing_date_counts_from_the_retrieval_time():
    r = StoredResponse(T0, date=None, last_modified=http_date(T0 - 20 * DAY))
    v = freshness(r, T0 + DAY, cadence_days=30)
    assert v.fresh and v.lifetime == pytest.approx(2 * DAY)


def test_real_header_sets():
    # developer.mozilla.org's 304 of 2024-08-28, as MDN's page on 304 Not Modified shows it
    # (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/304): a CDN copy already 3279 s old with
    # max-age 3600 has 321 s left (max-age wins over the Expires also sent)
    mdn = StoredResponse(
        retrieved_at=1724838755.0,  # Wed, 28 Aug 2024 09:52:35 GMT, the answer's own Date
        date="Wed, 28 Aug 2024 09:52:35 GMT", expires="Wed, 28 Aug 2024 10:01:53 GMT", age="3279",
        cache_control="public, max-age=3600",
    )  # fmt: skip
    assert freshness(mdn, mdn.retrieved_at + 300, cadence_days=1).fresh
    late = freshness(mdn, mdn.retrieved_at + 330, cadence_days=1)
    assert not late.fresh and late.basis == "Cache-Control: max-age"
    # PHP's session "nocache" headers, as a 2011 nginx/PHP answer shown in a `curl -I` how-to sent them
    # (https://e-com-net.com/article/4682940.htm; an Expires in 1981 and no-store): never fresh, whatever its age
    php = StoredResponse(
        retrieved_at=1318210574.0, date="Mon, 10 Oct 2011 01:36:14 GMT", expires="Thu, 19 Nov 1981 08:52:00 GMT",
        cache_control="no-store, no-cache, must-revalidate, post-check=0, pre-check=0",
        last_modified="Tue, 17 Apr 2001 06:46:28 GMT",
    )  # fmt: skip
    assert not freshness(php, php.retrieved_at + 1, cadence_days=365).fresh
