"""Supplies told as a state body's use of a named vendor's product (issue 13, round 15 work on the round-14 probe's
kind R3, a probe of news passages kept outside the project).

The buyer is told as a user, the vendor as the maker, and no verb of sale is said. Minimal sentences with fictional
firms, products and people, marked so. The families:

- a relative clause of making names the firm, and the used thing is that clause's object or in apposition to it:
  "X, the same company that developed the Y software, a facial recognition app that the police uses";
- a report names states as the users: "names A, B and C as the countries that have been employing X's platforms"
  (reported, so hedged), "A has been listed ... as one of seven countries using tools developed by X";
- a state said to be one of, or among, the countries using a firm's tools: "A is one of seven African countries
  using ICT tools developed by X", "A is among the countries that use cameras from X";
- the maker named on a used tool supplies it, not a word before the tool the tagger read as a name ("ICT tools");
- adoption is a use: "the X app, developed by Y, was first adopted ... by the Chennai police"; so are running
  and relying on a firm's software, and using a named provider;
- unnamed police units after a passive use verb are its users ("used by police stations in eight Indian states");
- an acronym of lower-case words ("automated border control (ABC)") is a term, never a supplier (kind R9).
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels as _labels
from tests.nlp.readings import names, supplies


def _pairs(text: str, extractor: Extractor) -> set[tuple[str, str, bool]]:
    """(supplier, recipient, hedged) of every said supply in the text."""
    return {(s, r, ev.hedged) for ev in supplies(extractor.extract_text(text))
            for s in names(ev.roles.get("supplier")) for r in names(ev.roles.get("recipient"))}


# ------------------------------------------------------------------ the maker in a relative clause of making
def test_the_app_a_state_body_uses_comes_from_the_company_that_developed_it(extractor: Extractor) -> None:
    # minimal sentence, fictional firm and product
    text = ("The app has been developed by Fictive Technologies, the same company that developed the Facebox "
            "software, a facial recognition app that the Kerala police uses to identify criminals.")
    assert _pairs(text, extractor) == {("Fictive Technologies", "Kerala police", False)}


def test_a_relative_clause_of_making_with_no_firm_gives_no_supply(extractor: Extractor) -> None:
    # minimal sentence, fictional product: the clause's subject is a person, no firm makes the app
    text = ("The tool was written by a student who developed the Facebox software, a facial recognition app that the "
            "Kerala police uses.")
    assert not [ev for ev in supplies(extractor.extract_text(text)) if ev.roles.get("supplier")]


# ------------------------------------------------------------------ states a report names as users
def test_states_a_report_names_as_users_of_a_firms_platforms_are_its_hedged_buyers(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    text = ("A new report names Nigeria, Kenya and Zambia as the African countries that have been employing "
            "Fictive Circles' surveillance platforms.")
    assert _pairs(text, extractor) == {("Fictive Circles", code, True) for code in ("NG", "KE", "ZM")}


def test_states_named_passively_as_users_are_buyers(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    text = "Kenya and Uganda were named as the countries that use spyware from Fictive Labs."
    assert _pairs(text, extractor) == {("Fictive Labs", "KE", True), ("Fictive Labs", "UG", True)}


def test_a_state_listed_as_one_of_the_countries_using_a_firms_tools(extractor: Extractor) -> None:
    # minimal sentence, fictional firm and report title: the parser hangs "as" on the title's verb
    text = ("Zambia has been listed in a research report titled: \u201cRunning in Rings,\u201d as one of seven "
            "African countries using tools developed by Fictive Rings, an Israeli telecoms company.")
    assert {(s, r) for s, r, _ in _pairs(text, extractor)} == {("Fictive Rings", "ZM")}


def test_the_names_of_states_and_naming_a_chief_are_no_report_of_use(extractor: Extractor) -> None:
    # minimal sentences, fictional firm and person: no supply, and "named ... as" of a person hedges nothing
    text = "The names of the countries were not published. Fictive Corp named Ann Example as its chief."
    assert not supplies(extractor.extract_text(text))


# ------------------------------------------------------------------ one of, among the countries using
def test_a_state_that_is_one_of_the_countries_using_a_firms_tools(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "ICT" is tagged a name but only says what kind of tools they are
    text = "Zambia is one of seven African countries using ICT tools developed by Fictive Circles."
    assert _pairs(text, extractor) == {("Fictive Circles", "ZM", False)}


def test_a_state_among_the_countries_that_use_a_firms_cameras(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    text = "Kenya is among the countries that use cameras from Fictive Vision."
    assert _pairs(text, extractor) == {("Fictive Vision", "KE", False)}


def test_a_state_one_of_the_countries_that_banned_a_firms_tools_is_no_buyer(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: banning is no use
    text = "Kenya is one of the countries that banned tools developed by Fictive Circles."
    assert not [ev for ev in supplies(extractor.extract_text(text)) if ev.roles.get("recipient")]


# ------------------------------------------------------------------ adoption
def test_a_tool_adopted_by_a_police_body_comes_from_its_maker(extractor: Extractor) -> None:
    # minimal sentences, fictional firms and product
    text = "The Facebox app, developed by Fictive Labs, was first adopted in October 2017 by the Chennai police."
    assert _pairs(text, extractor) == {("Fictive Labs", "Chennai police", False)}
    text = "The Kenyan police adopted cameras from Fictive Vision in 2019."
    assert _pairs(text, extractor) == {("Fictive Vision", "Kenyan police", False)}


def test_a_government_adopting_a_law_is_no_supply(extractor: Extractor) -> None:
    # minimal sentence: no firm, no goods
    assert not supplies(extractor.extract_text("The Kenyan government adopted a new law on surveillance."))


# ------------------------------------------------------------------ running, relying on a firm's software
def test_police_relying_on_or_running_a_firms_software_got_it_from_the_firm(extractor: Extractor) -> None:
    # minimal sentences, fictional firm and product
    text = "The Bavarian police and the Hesse police all rely on Fictive Analytics software."
    assert _pairs(text, extractor) == {("Fictive Analytics", "Bavarian police", False),
                                       ("Fictive Analytics", "Hesse police", False)}
    text = "The Hesse police has been running the Gotham software of the US company Fictive Analytics since 2017."
    assert _pairs(text, extractor) == {("Fictive Analytics", "Hesse police", False)}


def test_a_police_agency_named_in_apposition_is_the_user(extractor: Extractor) -> None:
    # minimal sentence, fictional firm, body and product: the state noun's name is the buyer, not the phrase
    text = "The police agency Fictopol in The Hague has been running the Gotham software of the company Fictive Analytics."
    assert _pairs(text, extractor) == {("Fictive Analytics", "Fictopol", False)}


def test_a_firm_running_cameras_for_the_police_is_no_use_by_the_firm(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: a state body runs nothing here
    text = "The ministry runs the program. Fictive Corp runs cameras for the Kenyan police."
    assert not [ev for ev in supplies(extractor.extract_text(text)) if ev.roles.get("recipient")
                and "Fictive Corp" in names(ev.roles.get("recipient"))]


def test_a_state_using_a_named_provider_got_its_goods_from_it(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: using a provider is using what it provides
    text = "Researchers accused Ethiopia of using another spyware provider, Fictive Spy, to target the opposition."
    assert {(s, r) for s, r, _h in _pairs(text, extractor)} == {("Fictive Spy", "ET")}


# ------------------------------------------------------------------ unnamed users after "used by"
def test_a_firms_system_used_by_unnamed_police_stations(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: the users are named only by their kind; the country of their states is
    # no buyer, and users who are no state body make no supply
    text = "Fictive Labs' system is now used by police stations in eight Indian states."
    assert _pairs(text, extractor) == {("Fictive Labs", "police stations", False)}
    assert not supplies(extractor.extract_text("Fictive Labs' spyware was used by criminals."))


def test_a_generic_state_noun_after_used_by_is_no_buyer_unless_it_lists_some(extractor: Extractor) -> None:
    # minimal sentences, fictional firms: a habit said of unnamed regimes names no buyer; the bodies listed do
    text = "The spyware, produced by Fictive Solutions, was commonly used by repressive regimes."
    assert not [ev for ev in supplies(extractor.extract_text(text)) if ev.roles.get("recipient")]
    text = "The Fictive Labs software is used by law enforcement agencies such as the Kenyan police and the Ugandan police."
    assert _pairs(text, extractor) == {("Fictive Labs", "Kenyan police", False), ("Fictive Labs", "Ugandan police", False)}


# ------------------------------------------------------------------ a term's acronym is no supplier
def test_the_acronym_of_lower_case_words_is_a_term_not_an_organisation(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: "ABC" spells "automated border control", it is no firm to supply anything
    text = ("The airport installed automated border control (ABC) gates with facial recognition. The ABC gates "
            "open in May.")
    ext = extractor.extract_text(text)
    assert "ABC" not in _labels(ext)
    assert not [ev for ev in supplies(ext) if "ABC" in names(ev.roles.get("supplier"))]
    ext = extractor.extract_text("The gates were built by the Fictive Border Company (FBC) for the national police.")
    assert _labels(ext)["FBC"] == {"ORG"}


# ------------------------------------------------------------------ the end user after "for use by"
def test_the_end_user_after_for_use_by_gets_the_goods(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: the body named as the end user is a recipient beside "the government"
    text = ("The government bought the snooping equipment from Fictive Group in 2019 for use by the Central "
            "Intelligence Organisation.")
    assert ("Fictive Group", "Central Intelligence Organisation") in {(s, r) for s, r, _h in _pairs(text, extractor)}
    text = "The Kenyan police bought the cameras from Fictive Vision for use by the Kenyan Defence Forces."
    assert {(s, r) for s, r, _h in _pairs(text, extractor)} == {("Fictive Vision", "Kenyan police")}
