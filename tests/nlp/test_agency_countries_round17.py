"""Agencies' countries, issue 13 round 17: capitals written with their accents, a native name two states' bodies
share, and a body's state read from the rest of a news story (its one named state, a place opening a body's name,
a dateline after the headline, a firm's nationality that is no state of the story, a leader's other spelling).

Every sentence here is minimal and fictional (marked so), with fictional firms; no wrongdoing is said of anyone.
The names of real bodies and places are the published ones (GeoNames for the capitals, Datenanfragen.de for the
data-protection authorities).
"""

from __future__ import annotations

from nlp.extract import Extractor, _places_states
from nlp.gazetteer import Gazetteer, capital_cities, capital_countries, capitals_by_country
from tests.nlp.readings import agencies as _agencies
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------ capitals with accents
def test_capitals_are_also_known_by_their_accented_spelling() -> None:
    # countries.tsv keeps "Bogota", "Yaounde", "Brasilia", "Asuncion"; GeoNames writes the same cities with accents
    for capital, code in (("Bogotá", "CO"), ("Yaoundé", "CM"), ("Brasília", "BR"), ("Asunción", "PY"),
                          ("São Tomé", "ST"), ("Bogota", "CO")):
        assert capital in capitals_by_country()[code], capital
        assert capital_countries()[capital.casefold()] == code
        assert capital.casefold() in capital_cities()
        assert Gazetteer.default().country_code(capital) == code


def test_an_accented_spelling_is_added_only_for_the_tables_own_capital() -> None:
    # the plain spelling stays first and no other city of the country comes in ("Medellín" is no capital)
    assert capitals_by_country()["CO"] == ("Bogota", "Bogotá")
    assert "medellín" not in capital_cities()
    assert capitals_by_country()["DE"] == ("Berlin",)  # a capital without accents gets nothing more


def test_a_body_named_in_an_accented_capital_takes_its_state(extractor: Extractor) -> None:
    # fictional sentence
    ext = extractor.extract_text("The Ministry of Defence said in Bogotá on Monday that the new radios work well.")
    assert _agencies(ext)["Ministry of Defence"] == "CO"
    assert "COUNTRY" not in _labels(ext).get("Bogotá", set())  # a capital is a city, never a COUNTRY mention
    ext = extractor.extract_text("The Ministry of Interior said in Yaoundé that the cameras were installed.")
    assert _agencies(ext)["Ministry of Interior"] == "CM"


def test_places_are_read_with_accents_and_where_they_open_a_bodys_name() -> None:
    assert _places_states("Police officers in Asunción said so.") == {"PY"}
    assert _places_states("An Accra High Court ruled on Monday.") == {"GH"}  # the place opening a body's name
    assert _places_states("The Islamabad office opened.") == {"PK"}  # after an article it opens no sentence
    assert _places_states("Male officers said so.") == set()  # the Maldives' capital opening a sentence: a word
    assert _places_states("The New York Times reported it.") == set()  # a newspaper's name is no body's
    assert _places_states("The Nassau County Police said so.") == set()  # a county, no city of the Bahamas


# ------------------------------------------------------------------------ a native name two states share
def test_a_native_name_two_states_share_is_an_agency_without_a_country(extractor: Extractor) -> None:
    # "Datatilsynet" is Denmark's and Norway's data-protection authority: a body, its state from the text only
    ext = extractor.extract_text("Datatilsynet opened an inquiry into the app last week.")  # fictional sentence
    assert _agencies(ext) == {"Datatilsynet": None}
    ext = extractor.extract_text("Norway's Datatilsynet opened an inquiry into the app last week.")  # fictional
    assert _agencies(ext)["Datatilsynet"] == "NO"
    ext = extractor.extract_text("The Danish Datatilsynet opened an inquiry into the app last week.")  # fictional
    assert _agencies(ext)["Datatilsynet"] == "DK"


# --------------------------------------------------------------------------- a body's state from the story
def test_one_body_of_known_state_and_a_story_naming_only_it_gives_the_others(extractor: Extractor) -> None:
    # fictional story: one body's state is known, Egypt is named again, the second body is named bare
    text = ("The Egyptian authorities blocked more websites this year. Readers in Egypt noticed it quickly.\n\n"
            "The publisher had registered with the Ministry of Communications in 2018.")
    agencies = _agencies(extractor.extract_text(text))
    assert agencies["Egyptian authorities"] == "EG"
    assert agencies["Ministry of Communications"] == "EG"


def test_a_firms_nationality_does_not_stop_the_story_state(extractor: Extractor) -> None:
    # fictional story with a fictional firm: "the Israeli-based Zolvane Group" names the firm's country only
    text = ("The Thai government said the software was bought lawfully. Critics in Thailand asked for the papers, "
            "which name the Israeli-based Zolvane Group as the maker.\n\n"
            "The Ministry of Defence declined to comment.")
    agencies = _agencies(extractor.extract_text(text))
    assert agencies["Ministry of Defence"] == "TH"


def test_a_second_state_named_keeps_the_bare_body_without_a_country(extractor: Extractor) -> None:
    # fictional story: Egypt's body is known, but Sudan is named too; the bare body may be either state's
    text = ("The Egyptian authorities blocked more websites this year, and Sudan did the same.\n\n"
            "The publisher had registered with the Ministry of Communications in 2018.")
    assert _agencies(extractor.extract_text(text))["Ministry of Communications"] is None


def test_a_dateline_after_the_headline_and_standfirst_gives_the_state(extractor: Extractor) -> None:
    # fictional story and firm: the dateline opens the third paragraph; "Chinese company" is the firm's nationality
    text = ("Safe roads: cameras for the city\n\n"
            "Chinese company Zolvane Vision will supply the cameras\n\n"
            "LAHORE: The two sides signed a deal on Friday. Chinese company Zolvane Vision will install 800 "
            "cameras.\n\n"
            "Ministry of Interior officials attended the ceremony.")
    assert _agencies(extractor.extract_text(text))["Ministry of Interior"] == "PK"


def test_a_long_first_paragraph_is_no_headline(extractor: Extractor) -> None:
    # fictional story: a dateline after a full paragraph of story is a quotation or a second story, not this one's
    text = ("The Ministry of Interior has opened a new control room, officials said on Friday, adding that the "
            "cameras in its network would be replaced over the next two years and that the old ones would be kept "
            "as spares for the smaller towns of the province.\n\n"
            "LAHORE: The two sides signed a deal on Friday.")
    assert _agencies(extractor.extract_text(text))["Ministry of Interior"] is None


def test_a_place_opening_a_court_gives_the_story_its_state(extractor: Extractor) -> None:
    # fictional story: the only state the text names is the court's city's (Accra, Ghana's capital)
    text = ("An Accra High Court heard the case on Monday. The National Communications Authority (NCA) had bought "
            "the equipment in 2016, the court heard.")
    agencies = _agencies(extractor.extract_text(text))
    assert agencies["National Communications Authority"] == "GH" and agencies["NCA"] == "GH"


def test_a_leaders_belarusian_spelling_names_his_state(extractor: Extractor) -> None:
    # "Lukashenka" is the Belarusian romanisation of Lukashenko (en.wikipedia.org/wiki/Alexander_Lukashenko)
    ext = extractor.extract_text("The officials say the firm benefits by supporting Lukashenka's regime.")  # fictional
    assert _agencies(ext)["Lukashenka's regime"] == "BY"
