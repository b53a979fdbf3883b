"""Supply events of issue 13, round 21: one fact per pair of parties, with every sentence that tells it as evidence.
"Korvane Analytics" and the states "Ruritania" and "Freedonia" are fictional; the sentences are written for these
tests (no sentence of a probe or of the development set)."""

from __future__ import annotations

from nlp.components.supply_precision import refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"


# --------------------------------------------------------------------------- kind 1: one pair read again
def test_one_pair_read_with_other_goods_is_one_event_with_both_sentences(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold its Nightjar suite to the Ruritanian Interior Ministry. "
            f"The Ruritanian Interior Ministry then bought a data extraction kit from {FIRM}.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Ruritanian Interior Ministry"}
    second = text.index("The Ruritanian")
    assert [sale.start, *[s for s, _ in sale.evidence]] == [0, second]
    assert text[sale.evidence[0][0]:sale.evidence[0][1]].startswith("The Ruritanian")


def test_one_pair_in_two_years_is_one_event_with_both_dates(extractor: Extractor) -> None:
    text = (f"{FIRM} sold spyware to the Ruritanian police in 2019. "
            f"In 2021 {FIRM} sold spyware to the Ruritanian police.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("date")) == {"2019", "2021"}
    assert len(sale.evidence) == 1


def test_a_body_named_with_and_without_its_qualifier_is_one_buyer(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold phone-cracking kits to the Ruritanian federal police in 2020. "
            f"The Ruritanian police have bought more technology from {FIRM} since.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert len(sale.evidence) == 1


def _supply(roles: dict[str, str | list[str]], start: int, confidence: float, negated: bool = False) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="(a sentence)", start=start, end=start + 12,
                        confidence=confidence, negated=negated)


def test_a_state_by_its_code_and_by_a_body_named_after_it_is_one_buyer() -> None:
    # records built by hand (no text): the fictional firm's one sale read once with the state's code and once with
    # a three-word body of that state; a body of another state stays apart
    coded = _supply({"supplier": FIRM, "recipient": "PE"}, 0, 0.7)
    body = _supply({"supplier": FIRM, "recipient": "Peruvian national police", "product": "kits"}, 40, 0.5)
    other = _supply({"supplier": FIRM, "recipient": "Chilean national police"}, 80, 0.5)
    [sale, apart] = refine_supplies([coded, body, other])
    assert sale.start == 0 and sale.evidence == [[40, 52]] and sale.roles.get("product") == "kits"
    assert apart == other


def test_two_buyers_stay_two_sales_and_a_denial_stays_apart_from_a_sale() -> None:
    sold = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 0, 0.7)
    other = _supply({"supplier": FIRM, "recipient": "Freedonian army"}, 40, 0.7)
    denied = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 80, 0.7, negated=True)
    assert refine_supplies([sold, other, denied]) == [sold, other, denied]


# --------------------------------------------------------------------------- kind 2: denials
def test_no_before_the_goods_denies_the_purchase(extractor: Extractor) -> None:
    for text in ("No such device was ever purchased by the Ruritanian Interior Ministry, the minister said.",
                 "No spyware was purchased by the Ruritanian Interior Ministry, the minister said.",
                 "The Ruritanian Interior Ministry bought no spyware, the minister said."):
        ext = extractor.extract_text(text)
        assert supplies(ext) == [], text
        [denied] = supplies(ext, negated=True)
        assert any("Interior Ministry" in n for n in names(denied.roles.get("recipient"))), text


def test_goods_referred_back_with_such_are_a_purchase_when_not_denied(extractor: Extractor) -> None:
    ext = extractor.extract_text("Such a device was purchased by the Ruritanian Interior Ministry, the minister said.")
    assert supplies(ext, negated=True) == []
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Ruritanian Interior Ministry"}


def test_a_denial_of_buying_a_firms_software_is_a_denied_supply_not_a_takeover(extractor: Extractor) -> None:
    ext = extractor.extract_text(f"The Ruritanian Interior Ministry denies having bought {FIRM}'s software.")
    assert not [ev for ev in ext.events if ev.type == "ownership"]
    [denied] = supplies(ext, negated=True)
    assert names(denied.roles.get("supplier")) == {FIRM}
    # the same words without the denial stay an affirmed purchase of the firm's goods
    [sale] = supplies(extractor.extract_text(f"The Ruritanian Interior Ministry bought {FIRM}'s software."))
    assert names(sale.roles.get("supplier")) == {FIRM}


def test_a_denial_that_names_only_the_buyer_takes_the_one_vendor_of_the_text() -> None:
    # records built by hand (no text): a text whose supply events name one seller, the fictional firm
    sold = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 0, 0.7)
    denied = _supply({"recipient": "Ruritanian Interior Ministry", "product": "surveillance equipment"}, 40, 0.7,
                     negated=True)
    [_, read] = refine_supplies([sold, denied])
    assert read.roles.get("supplier") == FIRM and read.negated
    assert "the one seller" in read.explanation


def test_a_denial_in_a_text_of_several_vendors_keeps_no_seller() -> None:
    sold = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 0, 0.7)
    other = _supply({"supplier": "Velmont Systems", "recipient": "Freedonian army"}, 20, 0.7)
    denied = _supply({"recipient": "Ruritanian Interior Ministry", "product": "surveillance equipment"}, 40, 0.7,
                     negated=True)
    assert "supplier" not in refine_supplies([sold, other, denied])[2].roles


# --------------------------------------------------------------------------- kind 4: no goods handed over
def test_papers_or_money_handed_over_are_no_supply(extractor: Extractor) -> None:
    # "Ruritania Justice" is a fictional advocacy group
    for text in ("Among the documents Ruritania Justice provided to Velmont Systems and Korvane Analytics on the "
                 "tender was an invoice.",
                 "The deputy minister decided to transfer $25 million from the Victims Fund to the Ruritanian "
                 "Anti-Graft Bureau.",
                 "A bank statement showed a transfer of financial resources from the Victims Fund to the "
                 "Ruritanian Anti-Graft Bureau."):
        assert supplies(extractor.extract_text(text)) == [], text


def test_goods_handed_over_stay_a_supply(extractor: Extractor) -> None:
    [sale] = supplies(extractor.extract_text(
        f"{FIRM} provided interception equipment to the Ruritanian Anti-Graft Bureau in 2019."))
    assert names(sale.roles.get("supplier")) == {FIRM}


# --------------------------------------------------------------------------- kind 3: a licence refused or revoked
def test_a_licence_refused_for_a_sale_makes_that_sale_negated(extractor: Extractor) -> None:
    text = f"The Freedonian defence ministry refused to license {FIRM} to export spyware to the Ruritanian police."
    ext = extractor.extract_text(text)
    assert not supplies(ext)
    [sale] = supplies(ext, negated=True)
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Ruritanian police"}
    assert "refused or revoked" in sale.explanation


def test_a_revoked_licence_that_allowed_a_sale_makes_it_negated(extractor: Extractor) -> None:
    text = f"The ministry revoked the licence that allowed {FIRM} to sell spyware to the Ruritanian police."
    ext = extractor.extract_text(text)
    assert not supplies(ext)
    [sale] = supplies(ext, negated=True)
    assert names(sale.roles.get("supplier")) == {FIRM}


def test_a_granted_licence_and_a_refusal_to_comment_leave_the_sale_affirmed(extractor: Extractor) -> None:
    granted = f"The ministry licensed {FIRM} to export spyware to the Ruritanian police."
    no_comment = f"The ministry refused to comment on reports that {FIRM} sold spyware to the Ruritanian police."
    for text in (granted, no_comment):
        [sale] = supplies(extractor.extract_text(text))
        assert names(sale.roles.get("supplier")) == {FIRM} and not sale.negated, text
