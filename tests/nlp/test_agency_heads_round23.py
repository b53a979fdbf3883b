"""State bodies named by a lower-case head with their country (issue 13, round 23, brief agencyheads26): an
adverb and adjective describing the body after a country's possessive, a body's common head with "of" and its
country, the police named with its own common head ("police department", "police force"), and the kinds of state
body read from nlp/data/agency_terms.txt. "Veltrax Systems" and "Orlen Sensing" are fictional firms; the sentences
are written for these tests in the shape of news and NGO reports found in round 23 (no sentence of a probe or of
the development set)."""

from __future__ import annotations

from nlp.components.document_parties import kinds_differ
from nlp.extract import Extractor
from nlp.gazetteer import agency_kinds

FIRM = "Veltrax Systems"


def _agencies(extractor: Extractor, text: str) -> dict[str, str | None]:
    """The GOV_AGENCY mentions of ``text``: their text -> their country."""
    return {e.text: e.country for e in extractor.extract_text(text).entities if e.label == "GOV_AGENCY"}


# --------------------------------------------------------------------------- an adverb before the body's adjective
def test_a_possessive_body_described_by_an_adverb_and_adjective_is_one_mention(extractor: Extractor) -> None:
    text = f"Spain's typically cautious intelligence agency bought interception software from {FIRM} in 2019."
    assert _agencies(extractor, text) == {"Spain's typically cautious intelligence agency": "ES"}


# --------------------------------------------------------------------------- "<the> [adjective] <body> of <country>"
def test_the_national_police_of_a_country_is_one_body_of_that_country(extractor: Extractor) -> None:
    text = f"The national police of Colombia acquired phone extraction kits from {FIRM} in 2020."
    assert _agencies(extractor, text) == {"national police of Colombia": "CO"}


def test_the_armed_forces_of_a_country_are_one_body_of_that_country(extractor: Extractor) -> None:
    text = f"The armed forces of Ukraine received reconnaissance drones from {FIRM} last year."
    assert _agencies(extractor, text) == {"armed forces of Ukraine": "UA"}


def test_a_rebel_army_of_a_country_is_no_state_body(extractor: Extractor) -> None:
    text = f"The rebel army of Myanmar bought drones from {FIRM} in 2022."
    assert not _agencies(extractor, text)


# --------------------------------------------------------------------------- the police with its own common head
def test_a_possessive_police_department_is_one_mention_with_the_possessive(extractor: Extractor) -> None:
    text = f"Kenya's police department bought a licence plate reader from {FIRM} in 2021."
    assert _agencies(extractor, text) == {"Kenya's police department": "KE"}


def test_a_demonym_police_force_is_one_mention(extractor: Extractor) -> None:
    text = f"The Ugandan police force deployed cameras supplied by {FIRM} before the election."
    assert _agencies(extractor, text) == {"Ugandan police force": "UG"}


def test_police_and_military_words_that_qualify_other_nouns_are_no_bodies(extractor: Extractor) -> None:
    text = ("Critics said the measures turned the region into a police state. A former police officer said "
            f"military-grade tools bought from {FIRM} served intelligence gathering on journalists.")
    assert not _agencies(extractor, text)


# --------------------------------------------------------------------------- one source for head words and kinds
def test_the_kinds_of_state_body_are_read_from_the_agency_terms_file() -> None:
    kinds = agency_kinds()
    assert list(kinds) == ["police", "defence", "intelligence"]
    assert {"police", "gendarmerie", "sheriff"} <= set(kinds["police"])
    assert {"army", "navy", "military"} <= set(kinds["defence"])
    assert not kinds_differ("army", "ruritanian military intelligence")  # the first kind named (defence) wins
    assert kinds_differ("army", "ruritanian constabulary")
