"""Wrong and reversed supply events of issue 13 round 19 (a false supply is a false red flag to a due-diligence
user), one test per kind, each with the similar sentence that must still give its sale: a seller read as the buyer
after "from", a denial said with "neither ... nor", a sale only asked about ("whether"), an attempted sale with no
buyer, a "sale" between a government and its own state, a country adjective of the goods read as their seller, a
business line sold off read as goods, a vendor named on its goods ("the X package") read as a firm taken over, and
a sale in a time clause ("years after X bought it") read as denied by a negated main clause, a denial naming no
buyer, and a currency's country ("US $") read as a party.
"Korvane Analytics", its "Nightjar" suite and the group "Velmont" are fictional, as is the
state "Ruritania"; the sentences are written for these tests."""

from __future__ import annotations

from dataclasses import replace

from nlp.components.supply_precision import (
    adjective_only_seller,
    currency_only,
    named_after_from,
    not_goods,
    refine_supplies,
)
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"


def test_a_party_after_from_is_the_seller_never_the_buyer(extractor: Extractor) -> None:
    text = "The purchase from the fictional firm Korvane Analytics shows how simple it is for a state to buy spy gear."
    assert all(FIRM not in names(ev.roles.get("recipient")) for ev in extractor.extract_text(text).events)
    [sale] = supplies(extractor.extract_text("The Ruritanian police's purchase of spyware from Korvane Analytics, a "
                                             "fictional firm, was reported in 2020."))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert "Korvane" not in " ".join(names(sale.roles.get("recipient")))


def test_named_after_from() -> None:
    assert named_after_from(FIRM, "The purchase from US-based firm Korvane Analytics was costly.")
    assert not named_after_from(FIRM, "Korvane Analytics bought the suite from a reseller.")
    assert not named_after_from(FIRM, "The police bought it from a reseller.")  # not in the sentence at all


def test_neither_bought_nor_used_is_a_denied_sale(extractor: Extractor) -> None:
    text = ("In those years the Ruritanian Security Service neither purchased nor used Nightjar spyware from "
            "Korvane Analytics, a fictional firm.")
    ext = extractor.extract_text(text)
    assert supplies(ext) == []
    assert any(names(ev.roles.get("supplier")) == {FIRM} for ev in supplies(ext, negated=True))
    said = supplies(extractor.extract_text(text.replace("neither purchased nor used", "purchased and used")))
    assert any(names(ev.roles.get("supplier")) == {FIRM} for ev in said)


def test_never_used_alone_is_no_denial_of_a_sale(extractor: Extractor) -> None:
    text = "The Ruritanian Security Service never used Nightjar spyware from Korvane Analytics, a fictional firm."
    assert supplies(extractor.extract_text(text), negated=True) == []


def test_a_sale_only_asked_about_is_no_sale(extractor: Extractor) -> None:
    asked = "Korvane Analytics, a fictional firm, declined to say whether it sold the Ruritanian police its Nightjar suite."
    assert supplies(extractor.extract_text(asked)) == []
    stated = "Korvane Analytics, a fictional firm, confirmed that it sold the Ruritanian police its Nightjar suite."
    [sale] = supplies(extractor.extract_text(stated))
    assert "police" in " ".join(names(sale.roles.get("recipient")))


def test_an_attempted_sale_with_no_buyer_is_no_sale(extractor: Extractor) -> None:
    attempt = "Korvane Analytics, a fictional firm, was charged with attempting to export drones with no licence."
    assert supplies(extractor.extract_text(attempt)) == []
    [sale] = supplies(extractor.extract_text(attempt.replace("drones", "drones to the Ruritanian army")))
    assert names(sale.roles.get("supplier")) == {FIRM} and sale.hedged


def _event(roles: dict[str, str | list[str]], sentence: str) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence=sentence, start=0, end=len(sentence), confidence=0.8)


def test_a_government_and_its_own_state_are_no_sale() -> None:
    sentence = "Korvane Analytics, a fictional firm, got a licence from the U.S. government in 2015."
    assert refine_supplies([_event({"supplier": "U.S. government", "recipient": "US", "product": "licence"},
                                   sentence)]) == []
    sale = _event({"supplier": "U.S. government", "recipient": "Ruritanian police", "product": "drones"},
                  "The U.S. government gave drones to the Ruritanian police.")
    assert refine_supplies([sale]) == [sale]


def test_the_goods_country_adjective_is_not_their_seller() -> None:
    sentence = "The Ruritanian army bought the Israeli equipment in 2018 through a middleman."
    [sale] = refine_supplies([_event({"supplier": "IL", "recipient": "Ruritanian army",
                                      "product": "Israeli equipment"}, sentence)])
    assert "supplier" not in sale.roles and sale.roles["product"] == "Israeli equipment"
    named = "The Ruritanian army bought the Israeli equipment from Israel in 2018."
    assert adjective_only_seller("IL", ["Israeli equipment"], sentence)
    assert not adjective_only_seller("IL", ["Israeli equipment"], named)
    assert not adjective_only_seller("IL", ["spyware"], "An Israeli firm sold spyware to the Ruritanian army.")


def test_a_business_line_sold_off_is_no_goods() -> None:
    sentence = "A fictional parent group, Velmont, is selling off the activities of Korvane Analytics."
    assert refine_supplies([_event({"supplier": "Velmont", "recipient": FIRM, "product": "activities"},
                                   sentence)]) == []
    sale = _event({"supplier": "Velmont", "recipient": FIRM, "product": "interception software"},
                  "A fictional parent group, Velmont, is selling interception software to Korvane Analytics.")
    assert refine_supplies([sale]) == [sale]
    assert not_goods("its activities") and not not_goods("interception activities software")


def test_a_vendor_named_on_its_goods_is_their_seller_not_a_firm_taken_over(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ruritanian Security Service acquired the Korvane Analytics package in 2018.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert "Security Service" in names(sale.roles.get("recipient"))
    assert all(ev.type != "ownership" for ev in ext.events)
    takeover = extractor.extract_text("The Ruritanian Security Service acquired Korvane Analytics in 2018.")
    assert supplies(takeover) == []  # the firm itself acquired: no goods sold


def test_a_sale_in_a_time_clause_is_not_denied_by_the_main_clause(extractor: Extractor) -> None:
    later = ("Two years after the Ruritanian police acquired the Korvane Analytics package, it is still not working, "
             "the new minister said.")
    [sale] = supplies(extractor.extract_text(later))
    assert names(sale.roles.get("supplier")) == {FIRM}
    denied = "The Ruritanian police did not acquire the Korvane Analytics package."
    assert supplies(extractor.extract_text(denied)) == []
    [no_sale] = supplies(extractor.extract_text(denied), negated=True)
    assert names(no_sale.roles.get("supplier")) == {FIRM}


def test_a_denial_that_names_no_buyer_is_dropped() -> None:
    sentence = "Korvane Analytics, a fictional firm, later denied that it provided the recognition software."
    assert refine_supplies([replace(_event({"supplier": FIRM, "product": "recognition software"}, sentence),
                                    negated=True)]) == []
    denied = _event({"supplier": FIRM, "recipient": "Ruritanian police", "product": "recognition software"},
                    "Korvane Analytics, a fictional firm, denied that it provided the Ruritanian police with software.")
    denied = replace(denied, negated=True)
    assert refine_supplies([denied]) == [denied]


def test_a_currency_names_no_party() -> None:
    sentence = "The fictional firm Korvane Analytics was offered more than US $15,000 to install the spyware."
    assert currency_only("US", sentence)
    [sale] = refine_supplies([_event({"supplier": FIRM, "recipient": "US", "capability": "spyware"}, sentence)])
    assert "recipient" not in sale.roles
    assert refine_supplies([_event({"supplier": "US", "capability": "surveillance_cameras"},
                                   "Some 9 million US dollars will be spent on new cameras.")]) == []
    sold = "The US sold the cameras to the Ruritanian police for 9 million US dollars."
    assert not currency_only("US", sold)
