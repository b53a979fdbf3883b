"""Supply relations told in generic grammar (issue 13 items 3 and 7, round 18, brief supply20), one test per kind
found in the supply misses of the dev set's tuning half and of the round-17 news probe, each with a sentence that
must not give a supply:

- a firm putting up or making goods "for" a state body, active or passive (nlp/components/made_for.py);
- a participle set before the goods' clause that names the maker ("Built by X, the network is run by Y") and,
  when no user is named, the one country where the goods work (nlp/components/deal_wording.py);
- a firm putting up goods "across", "throughout" or "all over" a country or its capital, and the firms "together
  with" it in the work (nlp/components/place_recipients.py).

Sentences are written for these tests; every firm (Zentrivo Systems Ltd, Zentrivo Systems Corp, Korvath Labs Inc)
and the "Freedonian" bodies are fictional; the real countries only name where fictional goods stand.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies

FIRM = "Zentrivo Systems Ltd"
POLICE = "Freedonian National Police"


def _pairs(extractor: Extractor, text: str, negated: bool = False) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {(frozenset(names(s.roles.get("supplier"))), frozenset(names(s.roles.get("recipient"))))
            for s in supplies(extractor.extract_text(text), negated=negated)}


def _full(extractor: Extractor, text: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(supplier, recipient) of the said supplies with both parties."""
    return [p for p in _pairs(extractor, text) if p[0] and p[1]]


# --- a firm's work for a state body ------------------------------------------------------------------------------

def test_a_firm_that_deploys_cameras_for_a_police_force_supplies_it(extractor: Extractor) -> None:
    text = f"{FIRM} has deployed 900 surveillance cameras for the {POLICE}."
    [sale] = [s for s in supplies(extractor.extract_text(text)) if s.roles.get("recipient")]
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {POLICE}
    assert sale.rule == "made_for" and "for" in sale.explanation
    assert text[sale.start : sale.end] == sale.sentence
    assert 0 < sale.confidence <= 0.6


def test_a_system_rolled_out_for_a_ministry_names_the_ministry_as_buyer(extractor: Extractor) -> None:
    text = f"{FIRM} has rolled out a facial recognition system for the Freedonian Interior Ministry."
    assert (frozenset({FIRM}), frozenset({"Freedonian Interior Ministry"})) in _pairs(extractor, text)


def test_work_for_no_state_body_or_on_no_goods_is_no_supply(extractor: Extractor) -> None:
    assert not _full(extractor, f"{FIRM} developed a new training course for the {POLICE}.")  # no goods
    assert not _full(extractor, f"{FIRM} developed the facial recognition system for Korvath Labs Inc.")  # a firm
    assert not _full(extractor, f"The {POLICE} deployed 900 surveillance cameras for the national festival.")
    assert not _full(extractor, f"{FIRM} has deployed 900 surveillance cameras for years.")


def test_goods_designed_by_a_firm_for_a_ministry_are_its_supply(extractor: Extractor) -> None:
    text = f"The monitoring system was designed by {FIRM} for the Freedonian Interior Ministry."
    assert _full(extractor, text) == [(frozenset({FIRM}), frozenset({"Freedonian Interior Ministry"}))]


def test_goods_built_by_a_firm_for_export_name_no_buyer(extractor: Extractor) -> None:
    assert not _full(extractor, f"The platform was built by {FIRM} for export.")


def test_a_firm_that_designed_and_built_a_system_for_a_ministry_supplies_it(extractor: Extractor) -> None:
    text = f"{FIRM} designed and built the monitoring system for the Freedonian Interior Ministry."
    assert (frozenset({FIRM}), frozenset({"Freedonian Interior Ministry"})) in _pairs(extractor, text)


def test_the_marks_of_the_verb_carry_over(extractor: Extractor) -> None:
    denied = f"{FIRM} did not deploy any cameras for the {POLICE}."
    assert (frozenset({FIRM}), frozenset({POLICE})) in _pairs(extractor, denied, negated=True)
    assert not _full(extractor, denied)
    [hedged] = [s for s in supplies(extractor.extract_text(
        f"{FIRM} reportedly deployed 900 surveillance cameras for the {POLICE}.")) if s.roles.get("recipient")]
    assert hedged.hedged


# --- a participle set before the goods' clause ------------------------------------------------------------------

def test_the_maker_a_fronted_participle_names_supplies_the_user_of_the_clause(extractor: Extractor) -> None:
    text = f"Built by {FIRM}, the camera network is run by the {POLICE}."
    assert _full(extractor, text) == [(frozenset({FIRM}), frozenset({POLICE}))]


def test_a_network_run_by_a_firm_is_no_sale_to_a_state(extractor: Extractor) -> None:
    assert not _full(extractor, f"Built by {FIRM}, the camera network is run by Korvath Labs Inc.")


def test_the_one_country_the_goods_cover_is_the_buyer(extractor: Extractor) -> None:
    text = ("Designed by Zentrivo Systems Corp.(ZSC), the system is now covering the whole country via 16 control "
            "rooms in Kenya.")
    # one sale: the name and its acronym in brackets are one maker
    assert _full(extractor, text) == [(frozenset({"Zentrivo Systems Corp."}), frozenset({"KE"}))]


def test_a_country_named_for_something_else_or_two_countries_give_no_buyer(extractor: Extractor) -> None:
    assert not _full(extractor, "Designed by Zentrivo Systems Corp.(ZSC), the system was criticised via a report "
                                "published in Kenya.")
    assert not _full(extractor, "Designed by Zentrivo Systems Corp.(ZSC), the system now covers the whole country "
                                "via control rooms in Kenya and Uganda.")


# --- a place told with "across" or "throughout" -----------------------------------------------------------------

def test_cameras_a_firm_deploys_across_a_country_are_sold_to_it(extractor: Extractor) -> None:
    for prep in ("across", "throughout"):
        assert _full(extractor, f"{FIRM} has deployed over 900 CCTV cameras {prep} Kenya.") == [
            (frozenset({FIRM}), frozenset({"KE"}))]


def test_work_across_a_country_on_no_goods_is_no_supply(extractor: Extractor) -> None:
    assert not _full(extractor, f"{FIRM} has trained 900 officers across Kenya.")


def test_cameras_put_up_all_over_a_capital_are_sold_to_its_state(extractor: Extractor) -> None:
    # (a capital is read as its country; "all over X" hangs on the goods, not the verb)
    text = f"{FIRM} has deployed over 900 CCTV cameras all over downtown Nairobi."
    assert _full(extractor, text) == [(frozenset({FIRM}), frozenset({"KE"}))]


# --- partners in the work ---------------------------------------------------------------------------------------

def test_a_partner_named_with_together_with_supplies_too(extractor: Extractor) -> None:
    text = f"Together with Korvath Labs Inc, {FIRM} has deployed over 900 CCTV cameras across Nairobi."
    assert set(_full(extractor, text)) == {(frozenset({FIRM}), frozenset({"KE"})),
                                           (frozenset({"Korvath Labs Inc"}), frozenset({"KE"}))}
    text = f"Together with Korvath Labs Inc, {FIRM} has deployed 900 surveillance cameras for the {POLICE}."
    assert set(_full(extractor, text)) == {(frozenset({FIRM}), frozenset({POLICE})),
                                           (frozenset({"Korvath Labs Inc"}), frozenset({POLICE}))}


def test_a_firm_met_for_talks_is_no_partner_in_the_work(extractor: Extractor) -> None:
    text = f"{FIRM} has deployed 900 surveillance cameras for the {POLICE} after talks with Korvath Labs Inc."
    assert _full(extractor, text) == [(frozenset({FIRM}), frozenset({POLICE}))]
