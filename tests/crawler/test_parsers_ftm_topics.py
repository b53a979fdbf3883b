"""An FtM entity whose topics say it is listed is screened even when its Sanction record is not in the file.

OpenSanctions marks listed entities with topics (``sanction``, ``export.control``, ``debarment``...); a filtered
export or a nested one carries the entity without a separate Sanction entity. Such an entity used to load with no
listing, so it was "not listed" and never screened: a silent clear of a listed company.
"""

from pathlib import Path

from crawler.parsers.ftm import parse_ftm

FIXTURE = Path(__file__).parent.parent / "fixtures" / "crawler" / "ftm_topics" / "entities.ftm.json"


def test_an_entity_with_a_listing_topic_and_no_sanction_record_is_listed():
    parsed = parse_ftm(FIXTURE.read_bytes())
    by_id = {e.id: e for e in parsed.entities}
    hik, dahua = by_id["NK-hikvision"], by_id["NK-dahua"]
    assert hik.listings and dahua.listings
    assert hik.listings[0].authority == "us_ofac_cons"
    assert "topic sanction" in hik.listings[0].remarks
    assert "no Sanction record" in hik.listings[0].remarks
    assert dahua.listings[0].authority == "us_trade_csl"


def test_an_entity_without_a_listing_topic_stays_unlisted():
    parsed = parse_ftm(FIXTURE.read_bytes())
    assert {e.id: e for e in parsed.entities}["NK-plain"].listings == []
