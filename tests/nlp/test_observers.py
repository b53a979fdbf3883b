"""The table of watchdogs, research groups and newsrooms that report on surveillance (nlp/data/observers.tsv,
nlp/public_observers.py, scripts/build_observers.py): names found whole, never a party of a supply.

News sentences are quoted as published, with their source; none of them is in the passages the table was built
from nor in the development set.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

from nlp.errors import GazetteerError
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, _agency_rows, observer_keys, observer_rows, vendor_rows
from nlp.normalize import name_key
from nlp.public_observers import Observer, finalize, form_kept
from tests.nlp.readings import labels, names, supplies

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "nlp" / "data" / "observers.tsv"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_observers", ROOT / "scripts" / "build_observers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _parties(ext: object) -> set[str]:
    """Every name that is a supplier, recipient or intermediary of a supply read in ``ext``."""
    return {n for ev in supplies(ext) for role in ("supplier", "recipient", "via")  # type: ignore[arg-type]
            for n in names(ev.roles.get(role, []))}


def test_watchdogs_and_newsrooms_are_found_whole(extractor: Extractor) -> None:
    # Digital Rights Asia, "Bangladesh: internet blockade amid protests", 26 July 2024
    found = labels(extractor.extract_text(
        "Among those who have made statements are the Aapti Institute, Access Now, Amnesty International, OONI (Open "
        "Observatory of Network Interference), Human Rights Watch and other international groups."))
    assert found.get("Access Now") == {"ORG"} and found.get("Human Rights Watch") == {"ORG"}  # bare spaCy: missed
    # UNB, "Leaked Myanmar Ministry of Defence documents reveal military's systemic corruption", December 2020
    found = labels(extractor.extract_text(
        "The documents were also provided to the Organized Crime and Corruption Reporting Project (OCCRP), an "
        "international consortium of investigative journalists, which investigated some of the companies and exposed "
        "loopholes in the EU sanctions regulations."))
    assert found.get("Organized Crime and Corruption Reporting Project") == {"ORG"}  # bare spaCy: a PRODUCT
    assert found.get("OCCRP") == {"ORG"}
    # Justice For Myanmar, "Tools of digital repression", 2 March 2021
    found = labels(extractor.extract_text(
        "Justice For Myanmar has provided copies of all documents to the New York Times."))
    assert found.get("Justice For Myanmar") == {"ORG"} and "Justice" not in found  # bare spaCy: ORG "Justice"


def test_documents_obtained_by_a_watchdog_make_it_no_buyer(extractor: Extractor) -> None:
    # Justice For Myanmar, "Tools of digital repression", 2 March 2021: the group obtained documents, it bought
    # nothing, and "Myanmar" inside its name is no buyer either (before: recipients "Justice" and MM)
    ext = extractor.extract_text(
        "Justice For Myanmar has also obtained a procurement document from the Myanmar military related to spare "
        "parts and maintenance for Skylark drones, procured from Elbit Systems of Israel, in likely breach of "
        "Israeli law.")
    assert not {"Justice For Myanmar", "Justice", "MM"} & _parties(ext)
    assert "Myanmar military" not in {n for ev in supplies(ext) for n in names(ev.roles.get("supplier", []))}
    # TRT World, "How global tech companies prop up Myanmar's digital dictatorship", 25 June 2021 (before: a supply
    # from "Justice" to JFM and MM)
    ext = extractor.extract_text(
        "Obtained by the research and advocacy group Justice for Myanmar (JFM), the leaks were passed onto Lighthouse "
        "Reports which initiated an investigation with several media outlets and identified 40 international "
        "manufacturers and developers.")
    assert labels(ext).get("Justice for Myanmar") == {"ORG"}
    assert not supplies(ext)


def test_an_outlet_is_an_organisation_and_no_party_of_the_sale_it_reports(extractor: Extractor) -> None:
    # Middle East Monitor, "Bangladesh: repressive regime is hooked on Israeli spyware", 10 January 2023
    ext = extractor.extract_text(
        "Israeli spy firms have sold advanced surveillance equipment to Bangladesh in clandestine transactions over "
        "several years, an investigation by Haaretz has revealed.")
    assert labels(ext).get("Haaretz") == {"ORG"}  # bare spaCy: missed
    assert "Haaretz" not in _parties(ext)
    # washington365.info, "FBI raids Washington Post reporter's home", 17 January 2026
    found = labels(extractor.extract_text(
        "The FBI operation, conducted under a court‑approved warrant and first detailed by Al Jazeera, targeted a "
        "journalist known for coverage of national security matters."))
    assert found.get("Al Jazeera") == {"ORG"}


def test_an_outlet_named_by_a_common_word_is_not_matched_in_its_word(extractor: Extractor) -> None:
    # capwolf.com, "Federal judge blocks search of journalist's seized devices" (2026)
    ext = extractor.extract_text("Imagine waking up to the sound of pounding on your door at dawn.")
    assert not [e for e in ext.entities if e.text.casefold() == "dawn"]
    assert "Dawn" not in {f for _n, forms, _c, _k in observer_rows() for f in forms}


def test_an_observer_stays_a_victim_of_abuse() -> None:
    # the rule is about the parties of a supply only: an abuse's target keeps every name
    from nlp.components.events import _PARTY_ROLES
    assert _PARTY_ROLES == {"supplier", "recipient", "via"}
    assert name_key("Citizen Lab") in observer_keys() and name_key("Reuters") in observer_keys()


@pytest.mark.parametrize("form", ["Dawn", "Nation", "The Nation", "The News", "AP", "APP", "Reuters", "Article 19",
                                  "Bangladesh", "Lebanon", "Express"])
def test_words_short_acronyms_and_places_are_not_matched_alone(form: str) -> None:
    assert not form_kept(form)


@pytest.mark.parametrize("form", ["OCCRP", "EFF", "CPJ", "RSF", "HRW", "R3D", "Haaretz", "Xinhua", "The Wire",
                                  "The Hindu", "ARTICLE 19", "Access Now", "Justice for Myanmar", "Dawn newspaper",
                                  "SocialTIC", "KICTANet", "News24"])
def test_rare_names_acronyms_and_longer_forms_are_matched(form: str) -> None:
    assert form_kept(form)


def test_the_table_guards_hold() -> None:
    rows = list(observer_rows())
    forms = [f for _n, fs, _c, _k in rows for f in fs]
    assert 150 <= len(rows) <= 250 and len(forms) == len(set(forms))  # one body per form
    assert {"OCCRP", "EFF", "CPJ", "RSF", "HRW", "ARTICLE 19", "Access Now", "Justice for Myanmar", "Haaretz",
            "Prothom Alo", "Daily Star", "New Age", "The Wire", "Tech Global Institute", "Netra News",
            "SMEX", "R3D", "SocialTIC", "Paradigm Initiative", "CIPESA", "KICTANet", "Digital Rights Foundation",
            "Bytes for All", "Lighthouse Reports", "Forbidden Stories", "Rest of World", "TheMarker"} <= set(forms)
    assert not {"AP", "Dawn", "Wire", "The News", "The Nation", "Article 19", "Nation"} & set(forms)
    taken = {f for _n, fs, _c, _any in vendor_rows() for f in fs} | {f for n, a, _c in _agency_rows() for f in (n, *a)}
    assert not taken & set(forms)  # never a firm's or a state body's form
    gaz = Gazetteer.default()
    places = {f for c in gaz.countries.values() for f in (c.name, *c.aliases, *c.demonyms, *c.capitals, *c.places)}
    assert not places & set(forms)
    kinds = {k for _n, _f, _c, k in rows}
    assert kinds == {"ngo", "research", "media"}
    assert all(not c or pycountry.countries.get(alpha_2=c) is not None for _n, _f, c, _k in rows)


def test_a_form_is_claimed_once_and_the_article_goes_where_the_rest_is_a_form() -> None:
    rows = finalize([Observer("The Washington Post", "US", "media", "a", ["Washington Post"]),
                     Observer("Post Media Network", "US", "media", "b", ["Washington Post"]),
                     Observer("The Hindu", "IN", "media", "a", [])])
    by_name = {r.name: r.forms for r in rows}
    assert by_name["The Washington Post"] == ["Washington Post"]
    assert by_name["Post Media Network"] == ["Post Media Network"]  # the form stays with the first row
    assert by_name["The Hindu"] == ["The Hindu"]


def test_a_malformed_row_is_one_error_naming_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "observers.tsv"
    table.write_text("# a comment\nCitizen Lab\tCitizen Lab\tCA\tresearch\tsrc\nHaaretz\tHaaretz\tIsrael\tmedia\tsrc\n",
                     encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"^.*observers\.tsv line 3: expected name, forms \(\|\), a two-letter"):
        list(observer_rows(table))
    table.write_text("Citizen Lab\tCitizen Lab\tCA\tlab\tsrc\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 1:"):
        list(observer_rows(table))


def test_the_shipped_table_is_the_build_of_the_saved_sources(tmp_path: Path) -> None:
    builder = _builder()
    out = tmp_path / "observers.tsv"
    sys_argv = sys.argv
    sys.argv = ["build_observers.py", "--out", str(out)]
    try:
        builder.main()
    finally:
        sys.argv = sys_argv
    assert out.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")
    text = TABLE.read_text(encoding="utf-8")
    described = {line.split()[2].rstrip(":") for line in text.splitlines() if line.startswith("# source ")}
    assert {line.split("\t")[4] for line in text.splitlines() if line and not line.startswith("#")} <= described
    for header in (line for line in text.splitlines() if line.startswith("# source ")):
        assert "read 2026-" in header and ("CC BY" in header or "copyright" in header)


def test_a_source_row_not_written_in_its_passage_is_refused(tmp_path: Path) -> None:
    builder = _builder()
    source = tmp_path / "made-up.txt"
    source.write_text("# id: x\n# title: t\n# url: u\n# published: 2020-01-01\n# read: 2026-12-06\n# licence: l\n"
                      "# passage:\nThe Committee to Protect Journalists said.\n# rows:\n"
                      "Committee to Protect Journalists\tCPJ\tUnited States\tngo\nCitizen Lab\t\tCanada\tresearch\n",
                      encoding="utf-8")
    with pytest.raises(ValueError, match="made-up.txt line 11: 'Citizen Lab' is not written in the passage"):
        builder.read_source(source)
    source.write_text(source.read_text(encoding="utf-8").replace("\tresearch", "\tlab"), encoding="utf-8")
    with pytest.raises(ValueError, match="made-up.txt line 11: expected name, forms"):
        builder.read_source(source)
