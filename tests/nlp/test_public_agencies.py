"""The gazetteer of real government bodies from published lists (nlp/data/agencies_public.tsv, nlp/public_agencies.py).

Texts are quoted as published by the lists the table was built from: entries of Wikipedia's "List of intelligence
agencies" (en.wikipedia.org/wiki/List_of_intelligence_agencies, CC BY-SA 4.0) and GOV.UK's organisation list.
"""

from __future__ import annotations

import pycountry

from nlp.extract import Extractor
from nlp.gazetteer import _agency_rows
from nlp.public_agencies import acronym_kept, name_kept
from ontology.records import DocumentExtraction


def _agencies(ext: DocumentExtraction) -> dict[str, str | None]:
    return {e.text: e.country for e in ext.entities if e.label == "GOV_AGENCY"}


def test_intelligence_agencies_of_several_countries_carry_their_country(extractor: Extractor) -> None:
    # Wikipedia, List of intelligence agencies: the entries for Australia, Sweden and the Netherlands, in one text
    ext = extractor.extract_text(
        "Australian Signals Directorate (ASD). Swedish Security Service – Säkerhetspolisen (Säpo). "
        "National Defence Radio Establishment – Försvarets Radioanstalt (FRA).")
    agencies = _agencies(ext)
    assert agencies["Australian Signals Directorate"] == "AU"
    assert agencies["Swedish Security Service"] == "SE"
    assert agencies["National Defence Radio Establishment"] == "SE"


def test_a_uk_body_from_the_govuk_list_and_its_acronym(extractor: Extractor) -> None:
    # GOV.UK organisations: "Competition and Markets Authority" (abbreviation CMA)
    ext = extractor.extract_text("The Competition and Markets Authority opened an inquiry. The CMA said it would "
                                 "publish its findings.")
    agencies = _agencies(ext)
    assert agencies["Competition and Markets Authority"] == "GB"
    assert agencies["CMA"] == "GB"


def test_acronyms_match_case_sensitively(extractor: Extractor) -> None:
    # "ASD" is the Australian Signals Directorate; "asd" in lower case is no mention of it
    assert "ASD" in _agencies(extractor.extract_text("The ASD said the intrusion began in March."))
    assert "asd" not in {e.text for e in extractor.extract_text("The file was named asd and deleted.").entities}


def test_an_acronym_that_is_an_english_word_is_not_kept() -> None:
    # Australian Geospatial-Intelligence Organisation (AGO) and the UK's Attorney General's Office: "AGO" is "ago"
    assert not acronym_kept("AGO")
    assert not acronym_kept("ACT") and not acronym_kept("USA") and not acronym_kept("ED")
    assert acronym_kept("ASIO") and acronym_kept("ASD")
    assert not acronym_kept("FRA")  # Sweden's FRA is also France's ISO alpha-3 code
    public = {form for name, aliases, _ in _agency_rows() for form in aliases}
    assert "AGO" not in public


def test_an_english_word_acronym_is_not_tagged(extractor: Extractor) -> None:
    ext = extractor.extract_text("Two years AGO the ministry bought the software.")
    assert "AGO" not in _agencies(ext)


def test_common_noun_and_place_names_are_left_to_the_generic_rules() -> None:
    assert not name_kept("Army") and not name_kept("Coast Guard") and not name_kept("Alabama")
    assert name_kept("Home Office") and name_kept("Australian Signals Directorate")
    names = {name for name, _, _ in _agency_rows()}
    assert "Coast Guard" not in names and "Alabama" not in names


def test_every_row_loads_with_a_valid_iso_country_and_a_source() -> None:
    rows = list(_agency_rows())
    assert len(rows) > 1000  # the hand-made table (81) and the published lists
    for name, _aliases, country in rows:
        valid = not country or country == "EU" or pycountry.countries.get(alpha_2=country) is not None  # "EU": reserved
        assert valid, (name, country)
    for line in (_agency_rows.__globals__["_DATA"] / "agencies_public.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert line.split("\t")[3] in {"usagov-az", "govuk-orgs", "wikipedia-intel"}, line
