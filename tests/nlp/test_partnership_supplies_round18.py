"""Supplies told without a sale verb (issue 13, round 18, brief deals20), as minimal sentences with fictional firms
(Veltrix Networks Ltd, Korvane Telecom Ltd: invented names) and state bodies: a partnership, a deal the two enter
into together and help given for surveillance make the firm the supplier and the body the recipient when goods or a
surveillance capability is in the clause; without them, no supply. A firm a report says "is thought to have set
up" a system for a body is read by the made_for rule, hedged."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Veltrix Networks Ltd"
OTHER_FIRM = "Korvane Telecom Ltd"

# (sentence, state body that receives): the firm supplies in every one
SUPPLIED = {
    "the body partnered with the firm to deploy goods": (
        f"The Kenya Police partnered with {FIRM} to deploy facial recognition cameras in Nairobi.", "Kenya Police"),
    "the body partnered with the firm for a camera system": (
        f"The Department of Public Order has partnered with {FIRM} for the Safe Harbour Project, a 5,000-camera "
        "surveillance system.", "Department of Public Order"),
    "the firm teamed up with the body on a system": (
        f"{FIRM} teamed up with the Ministry of Interior on a new surveillance camera network.",
        "Ministry of Interior"),
    "the body and the firm entered into an agreement on goods": (
        f"The Department of Public Order and {FIRM} have entered into a $40 million agreement that covers "
        "new security cameras across the capital.", "Department of Public Order"),
    "the firm helps the body monitor": (
        f"{FIRM} helps the Interior Ministry monitor citizens through a national identity card database.",
        "Interior Ministry"),
}

# sentences naming a firm and a state body together with no goods and no surveillance: no supply
NOT_SUPPLIED = {
    "a partnership on a literacy campaign": (
        f"The Ministry of Education partnered with {FIRM} on a literacy campaign."),
    "a partnership on a health program": (
        f"The Ministry of Health partnered with {FIRM} on a vaccination program."),
    "an agreement on school meals": (
        f"The Department of Public Order and {FIRM} entered into an agreement on school meals."),
    "help with road safety": (
        f"{FIRM} helps the Interior Ministry improve road safety."),
}


def _sale(sentence: str, extractor: Extractor, recipient: str) -> EventMention:
    """The one supply whose recipient is ``recipient``; fails (naming what was found) when there is none."""
    found = [s for s in supplies(extractor.extract_text(sentence)) if recipient in names(s.roles.get("recipient"))]
    assert len(found) == 1, [(s.roles.get("supplier"), s.roles.get("recipient")) for s in found]
    return found[0]


@pytest.mark.parametrize(("sentence", "recipient"), list(SUPPLIED.values()), ids=list(SUPPLIED))
def test_the_firm_supplies_the_state_body(extractor: Extractor, sentence: str, recipient: str) -> None:
    sale = _sale(sentence, extractor, recipient)
    assert FIRM in names(sale.roles.get("supplier"))
    assert not sale.hedged and not sale.negated


@pytest.mark.parametrize(("sentence", "recipient"), list(SUPPLIED.values()), ids=list(SUPPLIED))
def test_the_rule_is_named_and_its_confidence_capped(extractor: Extractor, sentence: str, recipient: str) -> None:
    sale = _sale(sentence, extractor, recipient)
    assert sale.rule == "partnerships"
    assert sale.explanation.startswith("partnerships:")
    assert FIRM in sale.explanation and recipient in sale.explanation
    assert sale.confidence <= 0.6


@pytest.mark.parametrize("sentence", list(NOT_SUPPLIED.values()), ids=list(NOT_SUPPLIED))
def test_no_goods_no_supply(extractor: Extractor, sentence: str) -> None:
    ext = extractor.extract_text(sentence)
    assert not supplies(ext) and not supplies(ext, negated=True)


def test_both_partner_firms_supply_in_one_event(extractor: Extractor) -> None:
    sale = _sale(f"The Kenya Police partnered with {FIRM} and {OTHER_FIRM} to deploy facial recognition cameras.",
                 extractor, "Kenya Police")
    assert names(sale.roles.get("supplier")) == {FIRM, OTHER_FIRM}


def test_a_bank_signing_a_loan_agreement_lends_and_does_not_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ministry of Finance and the Korvane Development Bank entered into a credit "
                                 "agreement that covers new security cameras.")
    assert not any("Korvane Development Bank" in names(s.roles.get("supplier")) for s in supplies(ext))


def test_a_planned_partnership_is_hedged(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        f"The Kenya Police plans to partner with {FIRM} to deploy surveillance cameras in Nairobi.")
    assert supplies(ext)
    assert all(s.hedged for s in supplies(ext))


def test_a_partnership_that_did_not_happen_is_negated(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        f"The Kenya Police never partnered with {FIRM} to deploy surveillance cameras in Nairobi.")
    assert not supplies(ext)
    assert supplies(ext, negated=True)


def test_help_with_a_surveillance_verb_after_to(extractor: Extractor) -> None:
    sale = _sale(f"{FIRM} helped the National Intelligence Directorate to track dissidents abroad.", extractor,
                 "National Intelligence Directorate")
    assert names(sale.roles.get("supplier")) == {FIRM}


def test_a_system_a_firm_is_thought_to_have_set_up_for_a_body(extractor: Extractor) -> None:
    sale = _sale(f"{FIRM} is thought to have set up an internet-monitoring "
                 "system for the National Intelligence Directorate.", extractor, "National Intelligence Directorate")
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert sale.rule == "made_for"
    assert sale.hedged


def test_a_system_a_firm_set_up_for_itself_is_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(f"{FIRM} is thought to have set up a camera network for its own offices.")
    assert not supplies(ext)
