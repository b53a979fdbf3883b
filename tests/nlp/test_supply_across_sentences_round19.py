"""Supply relations whose seller is a pronoun, a description or a customer list's owner (issue 13 items 3 and 7,
round 19, brief supply21): one test per kind found in the misses of the news probes, each with a near text that
must not give the supply. Sentences are written for these tests; every firm (Korvath Labs Inc, Korvath Group, Valtrix Oy,
Zentrivo Systems Ltd), person (Vladan Orlic) and the "Ruritanian" nationality in them is fictional; the real
countries only stand where a fictional firm's buyers stand."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies

FIRM = "Korvath Labs Inc"


def sellers_to(text: str, extractor: Extractor) -> dict[frozenset[str], set[str]]:
    """Buyers (as a set of names) -> the sellers of the supply to them."""
    return {frozenset(names(s.roles.get("recipient"))): names(s.roles.get("supplier"))
            for s in supplies(extractor.extract_text(text))}


# --- customer lists whose owner is a pronoun: "their" for a firm, in the sentence or paragraph after its name

def test_their_customers_are_the_buyers_of_the_firm_named_before(extractor: Extractor) -> None:
    text = (f"{FIRM} sells intrusion software. Among their customers were several harsh regimes, for instance "
            "Ethiopia, Sudan and Bahrain.")
    [sale] = [s for s in supplies(extractor.extract_text(text)) if s.roles.get("recipient")]
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"ET", "SD", "BH"}
    # a party read from a pronoun is less sure than a named one, and the event says whom the pronoun stands for
    assert sale.confidence < 0.8
    assert f"'their' stands for {FIRM}" in sale.explanation
    assert text[sale.start : sale.end] == sale.sentence and sale.sentence.startswith("Among their customers")


def test_a_client_list_with_as_were_names_every_buyer(extractor: Extractor) -> None:
    text = (f"A secretive spyware vendor called {FIRM} was hacked on Monday.\n\n"
            "The firm has been selling malware to repressive regimes. Rich autocracies like Russia and Qatar were on "
            "their client list as well, as were Turkey and Morocco.")
    sellers = sellers_to(text, extractor)
    assert sellers[frozenset({"RU", "QA", "TR", "MA"})] == {FIRM}


def test_its_client_list_names_the_firms_buyers(extractor: Extractor) -> None:
    text = f"{FIRM} sells spyware to police forces. Ethiopia and Sudan were also on its client list."
    assert sellers_to(text, extractor)[frozenset({"ET", "SD"})] == {FIRM}


def test_their_after_two_firms_names_no_seller(extractor: Extractor) -> None:
    text = f"{FIRM} and Valtrix Oy make cameras. Among their customers were Ethiopia and Sudan."
    assert all(not s.roles.get("supplier") for s in supplies(extractor.extract_text(text)))


def test_their_suppliers_and_a_rival_list_are_no_customer_list(extractor: Extractor) -> None:
    bought = "The Ethiopian police use cameras. Among their suppliers were Korvath Labs Inc and Valtrix Oy."
    rivals = f"{FIRM} makes cameras. Among their rivals were Valtrix Oy and Zentrivo Systems Ltd."
    competitors = f"{FIRM} makes cameras. Its competitors include Valtrix Oy and Zentrivo Systems Ltd."
    for text in (bought, rivals, competitors):
        # (the police's suppliers do not buy from the police; a rival is no customer)
        assert not any(FIRM in names(s.roles.get("supplier")) for s in supplies(extractor.extract_text(text)))
        assert not any(FIRM in names(s.roles.get("recipient")) for s in supplies(extractor.extract_text(text)))


# --- an appositive description: "X, a company known for selling ... to A and B"

def test_a_company_known_for_selling_is_the_firm_it_describes(extractor: Extractor) -> None:
    text = f"The network was rebuilt by {FIRM}, a company known for selling spyware to Ethiopia and Sudan."
    assert sellers_to(text, extractor)[frozenset({"ET", "SD"})] == {FIRM}


def test_a_company_known_for_buying_does_not_sell(extractor: Extractor) -> None:
    text = f"{FIRM}, a company known for buying chips from Valtrix Oy, opened an office in Vienna."
    assert not any(FIRM in names(s.roles.get("supplier")) for s in supplies(extractor.extract_text(text)))


# --- a relative clause on a firm noun, and "it" later in the sentence

def test_it_after_the_company_that_sold_is_the_company(extractor: Extractor) -> None:
    text = (f"{FIRM} is a Ruritanian company. The company that sold Sudan the interception system is facing a "
            "probe, amid claims that it supplied the same systems to Ethiopia and Bahrain.")
    assert sellers_to(text, extractor)[frozenset({"ET", "BH"})] == {FIRM}


def test_it_never_stands_for_a_person(extractor: Extractor) -> None:
    text = "Vladan Orlic said it supplied the same systems to Ethiopia and Sudan."
    assert all("Vladan Orlic" not in names(s.roles.get("supplier")) for s in supplies(extractor.extract_text(text)))


# --- "it" in a later sentence: the firm that is the topic, not a buyer's seller

def test_it_after_a_firm_that_sold_is_that_firm(extractor: Extractor) -> None:
    text = f"{FIRM} sold cameras to the Ethiopian Ministry of Interior. It also sold drones to Sudan."
    assert sellers_to(text, extractor)[frozenset({"SD"})] == {FIRM}


def test_it_after_a_state_body_that_bought_is_that_body(extractor: Extractor) -> None:
    text = f"The Ethiopian Ministry of Interior bought cameras from {FIRM} in 2019. It then sold them to Sudan."
    sellers = sellers_to(text, extractor)
    assert sellers[frozenset({"Ethiopian Ministry of Interior"})] == {FIRM}  # (the firm is named, as the seller)
    assert FIRM not in sellers.get(frozenset({"SD"}), set())


# --- a deal named once with both parties, its goods in the next sentence

def test_a_contract_between_a_firm_and_a_ministry_is_a_supply(extractor: Extractor) -> None:
    text = (f"A contract between {FIRM} and the Ethiopian Ministry of Interior was signed in 2019. It covered the "
            "supply of interception equipment.")
    sales = supplies(extractor.extract_text(text))
    assert any(names(s.roles.get("supplier")) == {FIRM} and "Ethiopian Ministry of Interior" in names(
        s.roles.get("recipient")) for s in sales)


def test_a_contract_between_two_firms_names_no_state_buyer(extractor: Extractor) -> None:
    text = (f"A contract between {FIRM} and Valtrix Oy was signed in 2019. It covered the supply of interception "
            "equipment.")
    assert all(not (names(s.roles.get("supplier")) and names(s.roles.get("recipient")))
               for s in supplies(extractor.extract_text(text)))


# --- buyers "among the governments using" a tool whose maker the sentence before names

def test_governments_using_the_tool_bought_it_from_its_maker_named_before(extractor: Extractor) -> None:
    text = f"{FIRM} makes the Orvex spyware. Ethiopia and Sudan are among the governments using the tool."
    assert sellers_to(text, extractor)[frozenset({"ET", "SD"})] == {FIRM}


def test_an_indefinite_tool_or_another_maker_is_not_the_firm_named_before(extractor: Extractor) -> None:
    other = (f"{FIRM} makes cameras. Ethiopia and Sudan are among the governments using Orvex, a spyware tool "
             "made by Valtrix Oy.")
    assert sellers_to(other, extractor)[frozenset({"ET", "SD"})] == {"Valtrix Oy"}
    unnamed = f"{FIRM} makes cameras. Ethiopia and Sudan are among the governments using a spyware tool."
    assert not any(FIRM in names(s.roles.get("supplier")) for s in supplies(extractor.extract_text(unnamed)))


# --- a use of an unnamed tool closing a paragraph, its maker named where the next paragraph opens on the tool

USE_CLOSING = ("Reporters say Ugandan authorities are among the states using a covert surveillance tool "
               "against critics.\n\n")


def test_the_next_paragraph_opening_on_the_tool_names_its_seller(extractor: Extractor) -> None:
    text = USE_CLOSING + "The spyware, developed by Ruritanian hackers for a company called the Korvath Group, is sold abroad."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Korvath Group"}
    assert names(sale.roles.get("recipient")) == {"Ugandan authorities"}
    assert sale.confidence <= 0.6  # (inferred across a paragraph, below a sale said in one sentence)
    assert "next paragraph" in sale.explanation and "Korvath Group" in sale.explanation
    assert sale.sentence.startswith("Reporters say Ugandan authorities")


def test_a_next_paragraph_about_something_else_names_no_seller(extractor: Extractor) -> None:
    text = USE_CLOSING + f"{FIRM} opened an office in Vienna in 2019."
    assert not supplies(extractor.extract_text(text))
