"""Round 24 speed work (branch speed28): the short cuts keep the extractor's output as it was.

Each test pins a short cut's behaviour: English told by its function words before langdetect, the gazetteer's
demonym index worked out again when a country gains a demonym, cited sources found with or without the report
words the costly scans need, and anaphors resolved the same with the unit's facts worked out once. Firm and person
names are fictional.
"""

from __future__ import annotations

import pytest

from nlp.components.cited_sources import cited_sources
from nlp.extract import Extractor
from nlp.gazetteer import CountryEntry, Gazetteer
from nlp.text import _plainly_english, check_language

ENGLISH = ("The interior ministry bought the interception system from Kestrel Dynamics in 2021, according to "
           "documents which reporters have seen. The firm said that its products are sold to governments only and "
           "that it has no say over their use.")
OTHERS = {
    "fr": "Le ministère de l'Intérieur a acheté un logiciel espion auprès de la société Kestrel en 2021, selon des "
          "documents consultés par des journalistes. La police nationale a utilisé le système pour surveiller des "
          "opposants politiques.",
    "es": "El Ministerio del Interior compró un programa espía a la empresa Kestrel en 2021, según documentos "
          "consultados por periodistas. La policía nacional usó el sistema para vigilar a opositores políticos.",
    "de": "Das Innenministerium hat die Spionagesoftware im Jahr 2021 von der Firma Kestrel gekauft, wie Dokumente "
          "zeigen, die Journalisten einsehen konnten. Die Polizei hat das System verwendet, um Oppositionelle zu "
          "überwachen.",
    "ro": "Ministerul de Interne a cumpărat un program spion de la compania Kestrel în 2021, potrivit documentelor "
          "consultate de jurnaliști. Poliția are acces la sistem și l-a folosit pentru a supraveghea opozanți.",
}


def test_english_prose_is_told_by_its_function_words() -> None:
    assert _plainly_english(ENGLISH)
    assert check_language(ENGLISH).language == "en"


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_other_languages_are_left_to_langdetect(lang: str) -> None:
    assert not _plainly_english(OTHERS[lang])
    assert check_language(OTHERS[lang]).language == lang


def test_a_short_english_line_still_goes_to_langdetect() -> None:
    assert not _plainly_english("Kestrel Dynamics sold the cameras to the police.")  # (under 20 words)


def test_the_demonym_index_follows_a_new_demonym() -> None:
    gaz = Gazetteer.default()
    before = gaz.people_demonyms()
    assert "Ruritanians" not in before
    gaz.countries["XR"] = CountryEntry(code="XR", name="Ruritania", demonyms=["Ruritanian"])
    assert gaz.people_demonyms().get("Ruritanians") == "XR"
    gaz.countries["XR"].demonyms.append("Kelvoran")  # (a demonym more, no country more)
    assert gaz.people_demonyms().get("Kelvorans") == "XR"


def test_a_source_cited_without_report_words_is_found() -> None:
    text = "The cameras were bought in 2020, according to Kestrelwatch."
    found = cited_sources(text, [])
    assert [text[s:e] for s, e, *_ in found] == ["Kestrelwatch"]


def test_a_source_before_a_report_verb_is_found() -> None:
    text = "Kestrelwatch reported that the cameras were bought in 2020."
    found = cited_sources(text, [])
    assert [text[s:e] for s, e, *_ in found] == ["Kestrelwatch"]


def test_the_company_opening_a_later_sentence_is_the_firm_named_before(extractor: Extractor) -> None:
    text = ("Kestrel Dynamics is an Italian surveillance firm. The company sold an interception system to the "
            "Ruritanian Interior Ministry in 2019.")
    sales = [e for e in extractor.extract_text(text).events if e.type == "supply"]
    assert any("Kestrel Dynamics" in str(e.roles.get("supplier")) for e in sales)
