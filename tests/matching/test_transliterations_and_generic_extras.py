"""Spellings of one name that screening must see as the same, and words that only describe.

Person names: transliterations of one given or family name that rigour's person-name data links (Wikidata ids
shared by the spellings), as OFAC's own a.k.a.s write them ("Usama bin Ladin", "Qasem Soleimani"). Companies: a
list name that is the distinctive word of a longer name made of generic words, places and legal forms (the Entity
List's "NSO Group"). And the other way: different names stay apart.
"""

from __future__ import annotations

import pytest

from redflag.matching.analysis import analyze_name
from redflag.matching.evaluate import LabelledPair, score_pair
from redflag.matching.features import align_tokens

MATCH = 0.80
REVIEW = 0.65  # REDFLAG_SCREEN_REVIEW_THRESHOLD's default


def _score(query: str, listed: str) -> float:
    return score_pair(LabelledPair(query, listed, "", "", 1, "", 0)).score


@pytest.mark.parametrize("query,listed", [
    ("Osama bin Laden", "Usama bin Ladin"),
    ("Ghassem Soleimani", "Qasem Soleimani"),
    ("Abdel Aziz", "Abdulaziz"),
    ("Mohammed Abdul Rahman Al-Hashimi", "Muhammad Abdulrahman Hashimi"),
])  # fmt: skip
def test_transliterations_of_one_persons_name_match(query: str, listed: str) -> None:
    assert _score(query, listed) >= MATCH


def test_a_given_name_in_another_transliteration_is_at_least_a_review() -> None:
    assert _score("Yousef Mohammed", "Yusuf Muhammad") >= REVIEW


def test_a_name_written_apart_pairs_with_the_same_name_written_together() -> None:
    alignment = align_tokens(analyze_name("Abdel Aziz"), analyze_name("Abdulaziz"))
    assert alignment.kinds() == {"name"} and not alignment.unmatched_a and not alignment.unmatched_b


@pytest.mark.parametrize("query,listed", [
    ("Mohammad Reza Naqdi", "Mohammad Reza Nazari"),  # same given names, another family name
    ("Helix Integrators", "Felix Integrators"),
    ("Ali Hassan Bakr", "Ali Hassan Omar"),
])  # fmt: skip
def test_different_names_stay_below_review(query: str, listed: str) -> None:
    assert _score(query, listed) < REVIEW


def test_a_short_listed_name_inside_generic_words_is_at_least_a_review() -> None:
    # Entity List: "NSO Group"; a customer file writes the full company name
    assert _score("NSO Group Technologies Ltd", "NSO Group") >= REVIEW


def test_a_short_listed_name_with_a_distinctive_extra_word_is_not_a_review() -> None:
    assert _score("ZTE Kangxun Telecom", "ZTE") < REVIEW


def test_places_and_generic_words_count_less_than_a_distinctive_extra_word() -> None:
    described = _score("Dahua", "Zhejiang Dahua Technology Co., Ltd.")
    other_name = _score("Dahua", "Dahua Kangxun Meridian Co., Ltd.")
    assert described > other_name


def test_the_blocking_index_finds_a_name_written_in_two_words_and_together() -> None:
    from redflag.matching.screening import Candidate, Screener

    screener = Screener([Candidate("listed", "Abdulaziz")] + [Candidate(f"other-{i}", f"Filler Trading {i}")
                                                             for i in range(50)])  # fmt: skip
    assert [m.id for m in screener.screen("Abdel Aziz", threshold=REVIEW).matches] == ["listed"]
