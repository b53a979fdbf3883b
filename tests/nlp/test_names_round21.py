"""Names by kind (issue 13 round 21): a country's people named by the plural of its demonym, and brands written in
camel case. "Zolara Systems", "KestrelOS", "FalconWatch", "iKestrel", "Quobrix", "Kestrelnet Initiative" and "KestrelGate" are
fictional, and the sentences are written for these tests; "Ruritania" stands for a country."""

from __future__ import annotations

from nlp.components.written_names import camel_case_names, people_by_nationality
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, demonym_plurals
from tests.nlp.readings import labels, names, supplies

Raw = tuple[int, int, str, str, float]


# ---------------------------------------------------------------- plural demonyms


def test_the_plural_of_a_demonym_names_the_country() -> None:
    people = Gazetteer.default().people_demonyms()
    assert people["Nigerians"] == "NG"
    assert people["Israelis"] == "IL"
    assert people["Greeks"] == "GR"
    assert people["Filipinos"] == "PH"


def test_demonyms_without_a_plural_s_get_none() -> None:
    # "Chinese", "British", "French", "Swiss" are their own plurals; "Malagasy" and "Basotho" do not inflect
    assert demonym_plurals(["Chinese", "British", "French", "Swiss", "Malagasy", "Basotho"]) == []
    assert demonym_plurals(["Peruvian", "Saudi", "Cypriot", "Uzbek"]) == ["Peruvians", "Saudis", "Cypriots", "Uzbeks"]


def test_a_plural_the_victim_groups_table_holds_stays_a_group() -> None:
    # "Kazakhs" is a minority group of nlp/data/victim_groups.tsv: no country is read from it
    assert "Kazakhs" not in demonym_plurals(["Kazakh"])
    assert "Kazakhs" not in Gazetteer.default().people_demonyms()


def test_people_named_by_their_nationality_are_tagged_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("Thousands of Peruvians and several Americans were among the people the tool watched.")
    got = labels(ext)
    assert got.get("Peruvians") == {"COUNTRY"}
    assert got.get("Americans") == {"COUNTRY"}


def test_a_people_is_no_party_of_a_sale(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Ruritanians learned last month that Zolara Systems had contracted with the government to provide a new "
        "street-level surveillance system.")
    assert all(not names(s.roles.get("recipient")) & {"Ruritanians", "RU"} for s in supplies(ext))


def test_only_untagged_whole_words_are_added() -> None:
    text = "Nigerians-only forums and the NigeriansFirst group; many Nigerians left."
    got = people_by_nationality(text, [], {"Nigerians": "NG"})
    assert [(text[s:e], lab, code) for s, e, lab, code, _ in got] == [("Nigerians", "COUNTRY", "NG")]
    assert got[0][0] == text.rindex("Nigerians")


def test_a_capitalised_word_ending_like_a_plural_demonym_is_no_country() -> None:
    people = Gazetteer.default().people_demonyms()
    assert "Veterans" not in people
    assert "Guardians" not in people


# ---------------------------------------------------------------- camel-case brands


def added(text: str, raw: list[Raw] | None = None) -> list[tuple[str, str]]:
    before = raw or []
    return [(text[s:e], lab) for s, e, lab, *_ in camel_case_names(text, before) if (s, e, lab, *_) not in before]


def test_an_untagged_camel_case_word_is_a_product() -> None:
    text = "The agency paid for KestrelOS, and users of iKestrel complained."
    assert added(text) == [("KestrelOS", "PRODUCT"), ("iKestrel", "PRODUCT")]


def test_a_camel_case_name_ending_in_an_organisation_word_is_an_organisation() -> None:
    text = "Data came from the Kestrelnet Initiative and from FalconWatch Inc in May."
    assert added(text) == [("FalconWatch Inc", "ORG")]  # ("Kestrelnet" has no inner capital: no name by its spelling)
    text = "Data came from the KestrelNet Initiative in May."
    assert added(text) == [("KestrelNet Initiative", "ORG")]
    text = "Data came from KestrelLabs and from the \u201cFalconEye\u201d security firm in May."
    assert added(text) == [("KestrelLabs", "ORG"), ("FalconEye", "ORG")]  # (an organisation word inside, a firm noun after)


def test_short_forms_scandals_and_addresses_are_left_alone() -> None:
    text = ("She holds a PhD and signed an MoU on VoIP with SoEs. The KestrelGate affair grew. "
            "See www.KestrelOS.com or mail press@FalconWatch.org today.")
    assert added(text) == []


def test_a_mention_already_made_is_kept_as_it_is() -> None:
    text = "Quobrix sells FalconWatch to police forces."
    start = text.index("FalconWatch")
    raw: list[Raw] = [(start, start + len("FalconWatch"), "ORG", "falconwatch", 0.8)]
    assert camel_case_names(text, raw) == raw


def test_capitalised_sentence_starts_and_headings_are_no_camel_case_names() -> None:
    text = "RURITANIA BUYS CAMERAS\nThe Ministry of Interior said. Officials met in Ruritania."
    assert added(text) == []


def test_a_camel_case_product_is_tagged_in_a_text(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quobrix Systems built KestrelOS for the Ruritanian immigration service last year.")
    assert "KestrelOS" in labels(ext)


# ---------------------------------------------------------------- bodies whose names hold a hyphen (side branch)


def test_a_demonym_opens_a_hyphened_body_name_its_acronym_spells(extractor: Extractor) -> None:
    from tests.nlp.readings import agencies

    ext = extractor.extract_text("The Malaysian Anti-Corruption Commission (MACC) said it never bought the tool. "
                                 "MACC officers said so again on Monday.")
    got = agencies(ext)
    assert got.get("Malaysian Anti-Corruption Commission") == "MY"
    assert got.get("MACC") == "MY"


def test_a_demonym_before_a_hyphened_name_without_its_acronym_stays_apart(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ruritanian Anti-Graft Commission said it never bought the tool.")
    assert "Ruritanian Anti-Graft Commission" not in labels(ext)


def test_the_prime_ministers_department_is_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Prime Minister's Department said on Monday that it had not bought the software.")
    assert labels(ext).get("Prime Minister's Department") == {"GOV_AGENCY"}
