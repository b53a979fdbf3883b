"""A short name screened alone ("Hikvision") against the full legal name on a list.

Customer files and deal forms often give a company's brand name alone. Every word of it is in the listed name, but
the listed name's other words ("Hangzhou ... Digital Technology Co., Ltd.") lower the name score below review: the
answer was a silent clear for a company on the US non-SDN CMIC list. Such a candidate is now kept at the review
threshold, with a note saying why, when the shared word is distinctive (rare on the lists, not a generic or common
English word); never a match on that ground alone. Names: real list entries (OFAC non-SDN CMIC list and SDN list,
public domain).
"""

import pytest

from redflag.matching.screening import Candidate, Screener

REVIEW = 0.65
WORLD = [
    Candidate(id="hikvision", name="HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", countries=["CN"],
              lists=["NS-CMIC"]),
    Candidate(id="greenwave", name="GREEN WAVE TELECOMMUNICATION", countries=["MY"], lists=["SDN"]),
    Candidate(id="dahua", name="ZHEJIANG DAHUA TECHNOLOGY CO., LTD.", countries=["CN"], lists=["EL"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(WORLD, match_threshold=0.80)


def test_a_brand_name_alone_is_kept_for_review_with_its_reason(screener):
    (hit,) = screener.screen("Hikvision", threshold=REVIEW).matches
    assert hit.id == "hikvision" and hit.score == REVIEW < screener.match_threshold
    assert any("'hikvision' is in 1 listed name only" in note for note in hit.notes), hit.notes


def test_the_floor_never_makes_a_match(screener):
    assert screener.screen("Hikvision").matches == []  # at the match threshold the short name alone is no match


@pytest.mark.parametrize("query", ["Green", "Digital Technology", "Hikvision Europe"])
def test_common_words_and_names_with_words_of_their_own_are_not_kept(screener, query):
    """"green" is common English (it names too many things); "digital" and "technology" are generic; "Europe" is
    not in the listed name, so the listed name does not hold every word screened."""
    assert all(not m.notes for m in screener.screen(query, threshold=REVIEW).matches)


def test_a_name_that_scores_above_review_on_its_own_is_left_as_it_is(screener):
    (hit,) = screener.screen("Dahua Technology", threshold=REVIEW).matches
    assert hit.id == "dahua" and hit.score > REVIEW and not hit.notes
