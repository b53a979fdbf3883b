"""Generic words cut short in ways no table lists, and legal forms written as other jurisdictions write them,
screened against real OFAC SDN rows (tests/fixtures/crawler/ofac, sdn.csv of 2024-05-03).

Customer and auditor files cut generic words short as they please (nomenklatura issues #245 and #274): "RES" for
Research, "FIN" for Financial, "INVTS" for Investments, "ACCTG" for Accounting. A word the other name lacks is
an extra word, and these names came back as silent clears (0.02-0.05). A word rigour has no symbol for is now
paired with a generic word of the other name that it abbreviates (same first two letters, every letter in order:
``features._pair_abbreviations``). Legal forms written with dots ("S.A. DE C.V."), Ukrainian "PrJSC" and "Corpn"
were left in the name ("INTELLEXA S.A. DE C.V." 0.63 against INTELLEXA S.A.; "EVIL CORPN" 0.77).
"""

from __future__ import annotations

import pytest

from redflag.matching.analysis import analyze_name
from redflag.matching.features import align_tokens
from redflag.matching.screening import DEFAULT_THRESHOLD
from tests.matching.test_field_case_variants import sdn_screener


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("KVANT SCIENTIFIC RES INST", "ofac-24646"),  # KVANT SCIENTIFIC RESEARCH INSTITUTE
        ("DAY IRANIAN FIN AND ACCTG SVCS CO", "ofac-25626"),  # DAY IRANIAN FINANCIAL AND ACCOUNTING SERVICES COMPANY
        ("RIM GRP INVTS II CORP", "ofac-26203"),  # RIM GROUP INVESTMENTS II CORP.
        ("EMAXON FIN INTL INC", "ofac-23265"),  # EMAXON FINANCE INTERNATIONAL INC.
        ("EVIL CORPN", "ofac-26664"),  # EVIL CORP
        ("INTELLEXA S.A. DE C.V.", "ofac-48059"),  # INTELLEXA S.A.
        ("Scientific Industrial Company Dipaul PrJSC", "ofac-45029"),  # ... DIPAUL PRIVATE JOINT STOCK COMPANY
        ("SOVFRACHT MNG CO LLC", "ofac-20291"),  # SOVFRACHT MANAGING COMPANY LLC: a consonant skeleton
        ("IRANIAN OIL PIPELINES & TELECOMMS CO", "ofac-29794"),  # ... TELECOMMUNICATION CO.: a plural abbreviation
        # JSC OBNINSK RESEARCH AND PRODUCTION ENTERPRISE ...: "PROD", which rigour reads as Product, cut from Production
        ("JSC OBNINSK RES AND PROD ENTERPRISE TECHNOLOGIYA NAMED AFTER A G ROMASHIN", "ofac-37669"),
        # AUTONOMOUS NONCOMMERCIAL ORGANIZATION PROFESSIONAL ASSOCIATION ...: the Russian form ANO
        ("ANO PROFESSIONAL ASSOCIATION OF DESIGNERS OF DATA PROCESSING SYSTEMS", "ofac-21334"),
    ],
)
def test_a_name_with_a_generic_word_cut_short_or_a_form_written_another_way_matches_its_entity(
    query: str, entity: str
) -> None:
    best = sdn_screener().screen(query, threshold=0.0).matches[0]
    assert best.id == entity and best.score >= DEFAULT_THRESHOLD, (best.id, best.score)


def test_an_abbreviation_pairs_only_with_a_generic_word_it_spells_in_order() -> None:
    kinds = align_tokens(analyze_name("Kvant Res Institute"), analyze_name("Kvant Research Institute")).kinds()
    assert "abbreviation" in kinds
    # "Resko" is no abbreviation of Research (letters out of order), "Ra" too short, "Rsearch" a different start.
    for query in ("Kvant Resko Institute", "Kvant Ra Institute"):
        alignment = align_tokens(analyze_name(query), analyze_name("Kvant Research Institute"))
        assert "abbreviation" not in alignment.kinds(), query


def test_a_trade_word_cut_short_is_at_least_a_review_candidate() -> None:
    # ZHE JIANG JIAYI SMALL COMMODITIES TRADE COMPANY LIMITED: "COMMOD" was an extra word (0.03, a silent clear)
    best = sdn_screener().screen("ZHE JIANG JIAYI SMALL COMMOD TRADE CO LTD", threshold=0.0).matches[0]
    assert best.id == "ofac-29120" and best.score >= 0.65, (best.id, best.score)


def test_a_distinctive_word_is_not_taken_for_an_abbreviation_of_another_distinctive_word() -> None:
    # "Sinbad" and "Sinbadco" are names, not generic words: no abbreviation pairing.
    alignment = align_tokens(analyze_name("Sin Trading"), analyze_name("Sinbad Trading"))
    assert "abbreviation" not in alignment.kinds()


@pytest.mark.parametrize(
    "query",
    [
        "Research Institute",  # generic words alone still do not make a match for a longer listed name
        "KVANT SCIENTIFIC RES CENTER",  # a different generic word is still a different word
    ],
)
def test_abbreviation_pairing_does_not_make_other_names_matches(query: str) -> None:
    result = sdn_screener().screen(query, threshold=0.0)
    assert not [m for m in result.matches if m.score >= DEFAULT_THRESHOLD], [(m.id, m.score) for m in result.matches[:3]]
