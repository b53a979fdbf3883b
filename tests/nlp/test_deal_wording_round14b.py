"""Deal wordings of round 14's second wave (issue 13; kinds of the round-16 probe, a probe of news passages kept
outside the project).

Minimal sentences with fictional firms and bodies, marked so. The families (nlp/components/deal_wording.py and the
tokenizer of nlp/pipeline.py):

- a currency written "Rs." or "Tk." before the amount ends no sentence: the buyer's own deal verb keeps the firm
  it signs with ("signed a deal worth Rs. 500 crore with X to cover the city");
- a vendor's denial of wrongdoing that goes on "saying it delivered the project to Y" reports a supply, not a denied
  one; a denial of the delivery itself stays denied;
- a state announcing the provision of goods to a body gives them;
- the maker a participle names on goods a state uses or deploys ("used in <country> was manufactured by A and B",
  "invested in deploying CCTV, developed by A and B") supplies the state; goods made by a firm with no state user
  make no supply;
- a contract "awarded to X" in a sentence naming no state body goes to the one body that said in an earlier
  sentence of the paragraph that it buys ("announced that 2,000 body cameras will be purchased", "plans to
  procure"); a body that only held a meeting is no buyer.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def _pairs(text: str, extractor: Extractor, negated: bool = False) -> set[tuple[str, str]]:
    """(supplier, recipient) of every supply with both parties, said (default) or negated."""
    return {(s, r) for ev in supplies(extractor.extract_text(text), negated=negated)
            for s in names(ev.roles.get("supplier")) for r in names(ev.roles.get("recipient"))}


# ------------------------------------------------------------------ a currency abbreviation ends no sentence
def test_a_deal_worth_rupees_abbreviated_keeps_the_firm_it_was_signed_with(extractor: Extractor) -> None:
    # minimal sentence, fictional state government and firm
    text = ("The Fictown State Government on Monday signed a deal worth Rs. 500 crore with Fictive Infra to cover "
            "the entire city under CCTV surveillance.")
    assert ("Fictive Infra", "Fictown State Government") in _pairs(text, extractor)


def test_an_amount_in_taka_abbreviated_is_one_sentence(extractor: Extractor) -> None:
    # minimal sentence, fictional authority and firm
    doc = extractor.nlp("The Fictown Road Authority paid Tk. 150 crore to Fictive Systems for the cameras.")
    assert len(list(doc.sents)) == 1


# ------------------------------------------------------------------ a denial that says what was delivered
def test_a_denial_of_wrongdoing_saying_the_project_was_delivered_is_a_supply(extractor: Extractor) -> None:
    # minimal sentence, fictional firm and police force
    text = "Fictive Systems has denied any wrongdoing, saying it delivered the project to the Fictland Police Force."
    assert ("Fictive Systems", "Fictland Police Force") in _pairs(text, extractor)
    assert not _pairs(text, extractor, negated=True)


def test_a_denial_of_the_delivery_itself_stays_denied(extractor: Extractor) -> None:
    # minimal sentence, fictional firm and police force
    text = "Fictive Systems has denied that it delivered the cameras to the Fictland Police Force."
    assert ("Fictive Systems", "Fictland Police Force") not in _pairs(text, extractor)


# ------------------------------------------------------------------ a state announces the provision of goods
def test_a_state_announcing_the_provision_of_drones_to_a_navy_gives_them(extractor: Extractor) -> None:
    # minimal sentence, fictional navy
    text = "Japan has announced the provision of two unmanned aerial vehicles to the Fictland Navy."
    assert ("JP", "Fictland Navy") in _pairs(text, extractor)


# ------------------------------------------------------------------ the maker named by a participle
def test_a_system_used_in_a_country_manufactured_jointly_by_two_firms_comes_from_both(extractor: Extractor) -> None:
    # minimal sentence, fictional system and firms
    text = "The VX-9 system used in Ecuador was manufactured jointly by Fictive Electronics and Fictive Telecom."
    got = _pairs(text, extractor)
    assert ("Fictive Electronics", "EC") in got
    assert ("Fictive Telecom", "EC") in got


def test_cctv_states_deploy_developed_by_two_groups_comes_from_both(extractor: Extractor) -> None:
    # minimal sentence, fictional firms
    text = ("Nigeria and Ghana have each invested over $350 million in deploying CCTV, developed by the groups "
            "Fictive Telecom and Fictive Networks, for public spaces.")
    got = _pairs(text, extractor)
    assert {("Fictive Telecom", "NG"), ("Fictive Telecom", "GH"), ("Fictive Networks", "NG"),
            ("Fictive Networks", "GH")} <= got


def test_goods_made_by_a_firm_with_no_state_using_them_make_no_supply(extractor: Extractor) -> None:
    # minimal sentence, fictional firms
    text = "The VX-9 camera sold in shops was manufactured jointly by Fictive Electronics and Fictive Telecom."
    assert not _pairs(text, extractor)


# ------------------------------------------------------------------ the buyer said in an earlier sentence
def test_a_contract_awarded_after_a_body_announced_a_purchase_goes_to_that_body(extractor: Extractor) -> None:
    # minimal text, fictional police and firm
    text = ("The Fictland National Police announced on Friday that 2,000 body cameras will be purchased. According "
            "to the chief, the supply contract has been awarded to Fictive Distribution, a Fictown-based company.")
    assert ("Fictive Distribution", "Fictland National Police") in _pairs(text, extractor)


def test_a_contract_awarded_after_a_body_planned_to_procure_goes_to_that_body(extractor: Extractor) -> None:
    # minimal text, fictional police and firm
    text = "The Fictland Police plans to procure 50 drones. The contract has been awarded to Fictive Distribution."
    assert ("Fictive Distribution", "Fictland Police") in _pairs(text, extractor)


def test_a_contract_awarded_after_a_body_only_met_has_no_buyer(extractor: Extractor) -> None:
    # minimal text, fictional police and firm
    text = "The Fictland Police held a meeting on Friday. The contract has been awarded to Fictive Distribution."
    assert not _pairs(text, extractor)
