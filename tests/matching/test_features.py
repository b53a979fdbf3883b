"""Feature functions: each returns 0..1 and says what it claims to say."""

import pytest

from redflag.matching import features as ft
from redflag.matching.analysis import analyze_name as n


def test_exact_ignores_legal_form_order_and_word_splits():
    assert ft.name_exact(n("Intellexa Ltd."), n("INTELLEXA LIMITED")) == 1.0
    assert ft.name_exact(n("FATHI, Ahmad"), n("Ahmad Fathi")) == 1.0
    assert ft.name_exact(n("Second Eye Solution"), n("SECONDEYE SOLUTION")) == 1.0
    assert ft.name_exact(n("Intellexa"), n("Intellexa Labs")) == 0.0


def test_alignment_pairs_initials_phonetics_and_joined_words():
    al = ft.align_tokens(n("D. Varga"), n("Daniel Varga"))
    assert {k for *_, k in al.pairs} == {"initial", "exact"}
    assert ft.initials_match(n("D. Varga"), n("Daniel Varga")) == 1.0
    assert ft.initials_match(n("D V"), n("Daniel Varga")) == 0.0
    assert ft.align_tokens(n("Bogatchev"), n("Bogachev")).pairs[0][3] == "phonetic"
    assert ft.token_overlap(n("MK Soft Tech"), n("MKSOFTTECH")) == 1.0


def test_distinctive_disagreement_separates_sister_companies():
    assert ft.distinctive_disagreement(n("Helix Integrators"), n("Helix Security Holdings")) == 1.0
    assert ft.distinctive_disagreement(n("Special Technology Center"), n("Special Technology Institute")) == 0.5
    assert ft.distinctive_disagreement(n("Tal Dilian"), n("DILIAN, Tal Jonathan")) == 0.0


def test_a_function_word_left_over_is_no_disagreement():
    # "of" twice in one name, once in the other: the second "of" is not a word the other name lacks
    assert ft.distinctive_disagreement(n("Ministry of Intelligence of Iran"),
                                       n("IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY")) == 0.0
    assert ft.distinctive_disagreement(n("Helix Security of Vienna"), n("Helix Integrators")) == 1.0


def test_legal_form_mismatch_by_kind():
    assert ft.legal_form_mismatch(n("Optima LLC"), n("OPTIMA, OOO")) == 0.0
    assert ft.legal_form_mismatch(n("Intellexa Ltd"), n("Intellexa S.A.")) == 1.0
    assert ft.legal_form_mismatch(n("Cytrox Holdings ZRT"), n("Cytrox AD")) == 0.5
    assert ft.legal_form_mismatch(n("Intellexa"), n("Intellexa S.A.")) == 0.0


def test_numbers_extra_words_and_short_names():
    assert ft.number_mismatch(n("Optima 2"), n("Optima 3")) == 1.0
    assert ft.extra_tokens(n("Hydra Market"), n("Hydra Market Square 10 Tallinn")) == pytest.approx(3 / 7)
    assert ft.short_name(n("I. R. A."), n("Internet Research Agency")) == 1.0


def test_countries_identifiers_addresses_neighbours():
    assert ft.country_match(["hu"], ["HU", "AT"]) == 1.0
    assert ft.country_mismatch(["US"], ["RU"]) == 1.0
    assert ft.country_mismatch([], ["RU"]) == 0.0
    assert ft.identifier_match([("Tax ID", "801-326-153")], [("tax id", "801326153")]) == 1.0
    assert ft.identifier_mismatch([("tax", "1")], [("tax", "2")]) == 0.5  # a company may have several
    assert ft.identifier_mismatch([("imo", "9569683")], [("imo", "IMO 9321483")]) == 1.0  # a ship has one
    assert ft.address_overlap(["12 Fo utca, Budapest"], ["12 Fő utca Budapest"]) == 1.0
    assert ft.neighbour_overlap(["a", "b"], ["b"]) == 0.5


@pytest.mark.parametrize("a,b", [("", "x"), ("\x00", "Acme"), ("x" * 5000, "x"), ("Ω", "ω")])
def test_every_name_feature_stays_in_range(a, b):
    for func in (ft.name_exact, ft.token_set, ft.token_sort, ft.jaro_winkler, ft.token_overlap, ft.initials_match,
                 ft.phonetic, ft.extra_tokens, ft.distinctive_disagreement, ft.number_mismatch,
                 ft.legal_form_mismatch, ft.short_name, ft.subset_match):
        assert 0.0 <= func(n(a), n(b)) <= 1.0
