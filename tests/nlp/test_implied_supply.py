"""The sentence-level backoff of supply relations (nlp/components/implied_supply.py), on sentences as published.

Sentences are quoted from the tuning half of the real development set (EFF Deeplinks, CC BY 3.0 US; Wikipedia,
CC BY-SA 4.0; Voice of America, public domain). An inferred relation carries a confidence of at most 0.45; a
country that says where a firm was formed or has offices, or whose president was targeted, is never a buyer.
"""

from __future__ import annotations

from nlp.components.implied_supply import CONFIDENCE
from nlp.extract import Extractor
from tests.nlp.readings import names as _names
from tests.nlp.readings import supplies as _supplies


def test_a_firm_and_a_country_in_one_sentence_about_a_use_make_a_supply_of_low_confidence(extractor: Extractor) -> None:
    # https://www.eff.org/vi/deeplinks/2011/09/government-internet-surveillance-starts-eyes-built (2011)
    text = ("A Wall Street Journal article published this week alleges the use of products in Libya created by the "
            "French company Amesys and the South African firm VASTech SA Pty Ltd.")
    found = [ev for ev in _supplies(extractor.extract_text(text)) if "LY" in _names(ev.roles.get("recipient"))]
    assert found and "Amesys" in _names(found[0].roles.get("supplier"))
    assert found[0].confidence <= CONFIDENCE
    assert "FR" not in _names(found[0].roles.get("recipient"))  # the firm's country is no buyer


def test_a_firm_in_another_clause_is_not_the_supplier_of_a_use(extractor: Extractor) -> None:
    # https://www.eff.org/vi/deeplinks/2011/09/government-internet-surveillance-starts-eyes-built (2011)
    text = ("New evidence uncovered by hacktivists suggests that American-made surveillance technologies have been "
            "used by Syrian authorities, and a report from Reporters Without Borders alleges that Canadian web "
            "hosting company Netfirms, Inc., which also has offices in the United States, turned over sensitive "
            "information about a US citizen of Thai origin that resulted in his arrest upon entering Thailand.")
    assert not any("Netfirms" in " ".join(_names(ev.roles.get("supplier"))) for ev in _supplies(extractor.extract_text(text)))


def test_where_a_firm_was_formed_is_not_a_buyer(extractor: Extractor) -> None:
    # https://en.wikipedia.org/wiki/Sandvine (CC BY-SA 4.0)
    text = ("Sandvine was formed in August 2001 in Waterloo, Ontario, Canada, by a team of approximately 30 people "
            "from a recently closed Cisco acquisition, PixStream.")
    assert not any("CA" in _names(ev.roles.get("recipient")) for ev in _supplies(extractor.extract_text(text)))


def test_the_country_of_a_targeted_person_is_not_a_buyer(extractor: Extractor) -> None:
    # VOA staff report (2021), as republished at https://webjosh.com/article/journalists-say-they-feel-constantly-watched-after-pegasus-spyware-revelations-1626941398-272523
    text = ("NSO Group, an Israeli company, makes the Pegasus spyware. The software was even used against government "
            "leaders, including French President Emmanuel Macron.")
    assert not any("FR" in _names(ev.roles.get("recipient")) for ev in _supplies(extractor.extract_text(text)))


def test_three_firms_in_one_sentence_make_no_inferred_supply(extractor: Extractor) -> None:
    # a sentence naming three vendors and a country does not say which of them sold there
    text = ("Hacking Team, a company, and Gamma Group, a firm, and the company Trovicor are among the vendors whose "
            "tools were in use in Bahrain.")
    assert not any("BH" in _names(ev.roles.get("recipient")) for ev in _supplies(extractor.extract_text(text)))


def test_a_named_product_used_by_a_state_body_stands_for_the_maker_the_document_names(extractor: Extractor) -> None:
    # after https://en.wikipedia.org/wiki/CatalanGate (CC BY-SA 4.0): the maker named in one sentence, the user in
    # the next, with no firm in it
    text = ("CatalanGate is a 2022 political scandal involving accusations of espionage using the NSO Group's Pegasus "
            "spyware. Citizen Lab alleged to have found evidence of the deployment of Pegasus in Spain by the "
            "National Intelligence Centre.")
    found = [ev for ev in _supplies(extractor.extract_text(text)) if "NSO Group" in _names(ev.roles.get("supplier"))]
    assert found and any("National Intelligence Centre" in r for r in _names(found[0].roles.get("recipient")))


def test_a_named_product_whose_maker_the_document_does_not_name_makes_no_supply(extractor: Extractor) -> None:
    text = "Citizen Lab alleged to have found evidence of the deployment of Pegasus in Spain by the National Intelligence Centre."
    assert _supplies(extractor.extract_text(text)) == []


def test_a_state_body_working_with_a_firm_on_a_surveillance_project_got_it_from_the_firm(extractor: Extractor) -> None:
    # https://tol.org/client/article/29012-documentary-exposes-the-threat-of-facial-recognition-surveillance-in-serbia.html (Global Voices story republished by Transitions Online, CC BY 3.0)
    text = ("The Serbian government – in cooperation with the Chinese technology company Huawei – have been actively "
            "working since 2019 on the implementation of the surveillance project, called \u201cSafe City.\u201d")
    found = [ev for ev in _supplies(extractor.extract_text(text)) if "Huawei" in _names(ev.roles.get("supplier"))]
    assert found and "CN" not in _names(found[0].roles.get("recipient"))
    assert any("Serbia" in r or r == "RS" for r in _names(found[0].roles.get("recipient")))


def test_a_project_word_without_a_product_or_capability_is_no_supply_cue(extractor: Extractor) -> None:
    text = "The Serbian government signed a cooperation agreement with the Chinese company Huawei on tourism."
    assert _supplies(extractor.extract_text(text)) == [] or all(
        ev.confidence > CONFIDENCE for ev in _supplies(extractor.extract_text(text)))


def test_a_court_ordering_an_inquiry_and_a_targeted_government_are_no_buyers(extractor: Extractor) -> None:
    # https://www.upi.com/Top_News/US/2021/11/03/NSO-Grou-sanctioned-commerce-department/3571635960025/ (2021)
    text = ("The move comes days after India's Supreme Court ordered a panel to investigate Israeli NSO Group's "
            "Pegasus spyware, and three months after a consortium of journalists revealed that governments hacked "
            "journalists and activists using the spyware.")
    assert not any("Supreme Court" in " ".join(_names(ev.roles.get("recipient"))) for ev in _supplies(extractor.extract_text(text)))
    # civilserviceworld.com on the Downing Street and FCDO infections (2022)
    text = ("The Pegasus technology reportedly used to target the government entities is a spyware program developed "
            "by Israeli company NSO Group.")
    assert _supplies(extractor.extract_text(text)) == []


def test_a_stated_sale_to_an_intermediary_is_left_as_said(world_extractor: Extractor) -> None:
    # the sample world's customs-records sentence: the consignee is an intermediary (via); the backoff must neither
    # add a buyer nor lower the stated sale's confidence
    text = ("Customs records reviewed by this publication show that Meridian Freight Services delivered four "
            "consignments of video analytics servers to Helix Integrators LLC in Kessel between March 2023 and "
            "August 2024.")
    events = _supplies(world_extractor.extract_text(text))
    stated = [ev for ev in events if ev.roles.get("via")]
    assert stated and all(ev.confidence > CONFIDENCE and not ev.roles.get("recipient") for ev in stated)
