"""The gazetteer of real surveillance-trade firms from published sources (nlp/data/vendors_public.tsv,
nlp/public_vendors.py, scripts/build_vendors_public.py).

News sentences are quoted as published, with their source; none of them is in the sources the table was built from
nor in the development set.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, vendor_rows
from nlp.public_vendors import (
    PublicVendor,
    caseless_form_kept,
    country_code,
    finalize,
    match_form_kept,
    without_legal_form,
)
from tests.nlp.readings import labels, names, supplies

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_vendors_public", ROOT / "scripts" / "build_vendors_public.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_firms_spacy_does_not_tag_are_found_in_news_sentences(extractor: Extractor) -> None:
    # Biometric Update, "Megvii, Yitu among companies slapped with fresh U.S. sanctions", February 2024
    found = labels(extractor.extract_text(
        "Washington has added more names to a list of Chinese firms that could be supporting Beijing's "
        "military-industrial complex, including facial recognition companies Megvii and Yitu."))
    assert found.get("Megvii") == {"ORG"} and found.get("Yitu") == {"ORG"}
    # thestartup.report, "Spyware startup Variston is losing staff — some say it's closing", February 2024
    found = labels(extractor.extract_text(
        "Researchers from Google's Threat Analysis Group recently identified Variston as the source of malicious code "
        "that targeted Chrome, Firefox, and Microsoft Defender."))
    assert found.get("Variston") == {"ORG"}  # bare spaCy: a PERSON
    # NDTV Profit (Reuters), "US Adds Eight Chinese Firms To Trade Blacklist", October 2019
    ext = extractor.extract_text(
        "Hikvision does not disclose suppliers, but Japan's video interface firm Techpoint Inc said in a regulatory "
        "filing in March that Hikvision accounted for 62 per cent of its annual revenue in 2018.")
    assert [e.text for e in ext.entities if e.label == "ORG"].count("Hikvision") == 2  # at the sentence's start too
    # sokwanele.com, "U.S. government bans 8 more Chinese tech firms", 9 October 2019
    found = labels(extractor.extract_text(
        "Hikvision is a facial recognition technology that’s already working with the government of Zimbabwe and "
        "the Harare City Council."))
    assert found.get("Hikvision") == {"ORG"}


def test_rare_firm_names_are_found_in_any_case(extractor: Extractor) -> None:
    # SemiMedia, "US adds 28 Chinese entities including Hikvision to entity list", October 2019
    found = labels(extractor.extract_text(
        "In addition to Hikvision, China's artificial intelligence companies MEGVII and Sensetime have also been "
        "added to the entity list."))
    assert found.get("MEGVII") == {"ORG"} and found.get("Sensetime") == {"ORG"}  # the table writes Megvii, SenseTime
    # TechCrunch's headline (comparemela.com reprint, 15 February 2024), in title case: the form as written still
    found = labels(extractor.extract_text("Spyware Startup Variston Is Losing Staff — Some Say It's Closing"))
    assert found.get("Variston") == {"ORG"}


def test_vendors_of_networks_cameras_and_analytics_are_found_in_news_sentences(extractor: Extractor) -> None:
    # Fox Business, "FCC bans Huawei and ZTE equipment from being sold in US", 25 November 2022
    found = labels(extractor.extract_text(
        "FCC Commissioner Brendan Carr said in the announcement that devices made by Hytera Communications, Hangzhou "
        "Hikvision Digital Technology, and Dahua Technology will not be approved for sale in the U.S."))
    assert found.get("Hytera Communications") == {"ORG"}
    # VICE, "An Internet Censorship Company Tried to Sue the Researchers Who Exposed Them", 26 July 2016
    found = labels(extractor.extract_text(
        "Netsweeper is a small Canadian company with a disarmingly boring name and an office nestled among the squat "
        "buildings of Waterloo, Ontario."))
    assert found.get("Netsweeper") == {"ORG"}
    # drivtu.com, "AI Vision Startup Metropolis Acquires Oosto in Major Industry Consolidation"
    found = labels(extractor.extract_text(
        "In a move that underscores the accelerating consolidation within the AI vision industry, Metropolis, a "
        "leading AI-powered urban technology platform, has acquired Oosto (formerly AnyVision)."))
    assert found.get("Oosto") == {"ORG"} and found.get("AnyVision") == {"ORG"}
    # Inc42, "Delhi, UP Police Used Facial Recognition To Identify Anti-CAA Protestors", December 2019
    found = labels(extractor.extract_text("Police forces used facial recognition technology of Staqu and Innefu Labs"))
    assert found.get("Staqu") == {"ORG"} and found.get("Innefu Labs") == {"ORG"}
    # Brennan Center for Justice, FOIA requests on DHS's social media monitoring tools, 7 February 2022
    found = labels(extractor.extract_text(
        "The Brennan Center for Justice filed FOIA requests with DHS and three of its components seeking information "
        "about their use of tools from Voyager Labs, ShadowDragon, and Logically Inc."))
    assert found.get("ShadowDragon") == {"ORG"} and found.get("Voyager Labs") == {"ORG"}


def test_vendors_selling_in_africa_asia_and_latin_america_are_found_in_news_sentences(extractor: Extractor) -> None:
    # inkl (Newslaundry), "Indian monitoring systems creating 'backdoor' for surveillance firms: FT report"
    found = labels(extractor.extract_text("The report identifies these companies as Vehere, Cognyte and Septier."))
    assert found.get("Vehere") == {"ORG"} and found.get("Septier") == {"ORG"}
    # vpncompare.co.uk, "Western companies selling internet surveillance to central Asia"
    found = labels(extractor.extract_text(
        "One such country is Uzbekistan which, along with Kazakhstan, has been sold intercept technology by companies "
        "such as Verint (an Israeli-American business) and Nice Systems."))
    assert found.get("Nice Systems") == {"ORG"} and found.get("Verint") == {"ORG"}
    # Skopje Diem, "SEC: Contract for Procurement of Fingerprint Scanning Terminals Signed", 2021
    found = labels(extractor.extract_text(
        "President of the State Electoral Commission (SEC) informed that he has signed on Thursday the contract with "
        "the German company “Dermalog” for procurement of the fingerprint scanning terminals."))
    assert found.get("Dermalog") == {"ORG"}
    # NoCamels, "Israeli-Made Spyware Used by Ethiopian Government To Track Dissidents", 7 December 2017
    found = labels(extractor.extract_text(
        "The spyware, a commercial product known as PC Surveillance System (PSS) and posing as Adobe updates and "
        "plugins, was developed by Israel-based Cyberbit, a wholly-owned subsidiary of Elbit Systems."))
    assert found.get("Cyberbit") == {"ORG"} and found.get("Elbit Systems") == {"ORG"}
    # Sputnik, "Pakistan to install nationwide web monitoring system", 26 October 2019
    found = labels(extractor.extract_text(
        "Minister for Parliamentary Affairs Azam Khan Swati told the Senate earlier the PTA had asked Inbox Business "
        "Technologies and Sandvine Inc to provide equipment for monitoring grey traffic."))
    assert found.get("Inbox Business Technologies") == {"ORG"}
    # explica.co (El País), "Mexico bought massive spyware for mobile phones", April 2021
    found = labels(extractor.extract_text(
        "The Attorney General’s Office made four contracts with the Neolinx company, an intermediary of the Israeli "
        "Rayzone Group, who is the responsibility of the NSO Group."))
    assert found.get("Neolinx") == {"ORG"}
    # 1minut.info (AFP), "Israeli company develops body cameras with facial recognition"
    found = labels(extractor.extract_text(
        "He said he has partnered with Tel Aviv-based Corsight AI to develop a body-worn police camera that could "
        "instantly identify people in a crowd."))
    assert found.get("Corsight AI") == {"ORG"}
    # Biometric Update, "Bitventure, VerifyMe, CompuLynx offer new digital ID and biometrics solutions", May 2020
    found = labels(extractor.extract_text(
        "The DRC will not renew its passport contract with Belgian firm Semlex once it expires on June 11 according "
        "to Reuters."))
    assert found.get("Semlex") == {"ORG"}


def test_a_legal_form_after_a_comma_belongs_to_the_firm_before_it(extractor: Extractor) -> None:
    # the copyright line of Palantir's Blueprint source files (GitHub palantir/blueprint, 2017)
    found = labels(extractor.extract_text("Copyright 2017 Palantir Technologies, Inc. All rights reserved."))
    assert found.get("Palantir Technologies, Inc.") == {"ORG"} and "Palantir Technologies" not in found


@pytest.mark.parametrize(("form", "any_case"), [("Candiru", True), ("Hikvision", True), ("NSO", False),
                                                ("Intellexa S.A.", False), ("Paragon", False), ("Axon", False)])
def test_only_rare_one_word_names_are_matched_in_any_case(form: str, any_case: bool) -> None:
    assert caseless_form_kept(form) is any_case


def test_entity_list_names_keep_their_legal_forms_whole(extractor: Extractor) -> None:
    # UPI, "U.S. blacklists NSO Group, three other foreign companies", 3 November 2021
    found = labels(extractor.extract_text(
        "Russia-based Positive Technologies, Singapore-based Computer Security Initiative Consultancy PTE. LTD. and "
        "Israel-based Candiru are others on the Entity List."))
    assert found.get("Computer Security Initiative Consultancy PTE. LTD.") == {"ORG"}
    assert found.get("Positive Technologies") == {"ORG"} and found.get("Candiru") == {"ORG"}


def test_a_firms_country_from_the_table_is_never_a_party(extractor: Extractor) -> None:
    # democracyastray.blogspot.com on WikiLeaks' Spy Files (Gamma Group is GB in the table, from RSF's list)
    ext = extractor.extract_text(
        "Hampshire-based Gamma Group was shown to have been providing spying programs to Hosni Mubarak’s regime in "
        "Egypt through a third party.")
    [supply] = supplies(ext)
    assert names(supply.roles.get("supplier")) == {"Gamma Group"}
    assert "GB" not in {n for ms in supply.roles.values() for n in names(ms)}
    # Reuters (economic-news.space reprint), "US restricts exports to Canada's Sandvine over Egypt censorship", 2024
    ext = extractor.extract_text(
        "Sandvine, a networking equipment company, was added to the Commerce Department's “Entity List” for "
        "supplying technology to the Egyptian government, “where it is used in mass web-monitoring and censorship "
        "to block news as well as target political actors and human rights activists,” according to a posting in "
        "the Federal Register.")
    [supply] = supplies(ext)
    assert names(supply.roles.get("supplier")) == {"Sandvine"}
    assert "CA" not in {n for ms in supply.roles.values() for n in names(ms)}


@pytest.mark.parametrize("form", ["Nice", "Gamma", "Leon", "Paragon", "Axon", "Circles", "Dawning", "Blue Coat",
                                  "DJI", "Egypt", "Florida", "Huawei", "Ability", "Area", "Axis Communications"])
def test_words_names_places_and_country_codes_are_not_matched_alone(form: str) -> None:
    assert not match_form_kept(form)


@pytest.mark.parametrize("form", ["Candiru", "Hikvision", "Bluecoat", "iFlytek", "NSO", "ZTE", "Blue Coat Systems",
                                  "Positive Technologies", "Gamma Group", "Hacking Team", "Paragon Solutions",
                                  "Axon Enterprise", "Flock Safety", "Netsweeper", "Hytera", "Huawei Technologies",
                                  "Oxygen Forensics", "Elbit", "CEIEC"])
def test_rare_names_acronyms_and_forms_ending_in_a_firm_word_are_matched(form: str) -> None:
    assert match_form_kept(form)


def test_guarded_words_are_no_gazetteer_phrases() -> None:
    forms = {form for _, row_forms, _, _ in vendor_rows() for form in row_forms}
    assert not forms & {"Nice", "Gamma", "Leon", "Circles", "Dawning", "Axon", "Blue Coat", "DJI"}
    assert {"Cytrox", "Intellexa", "Bluecoat", "Aventiv", "Hikvision", "Trovicor", "Amesys"} <= forms


def test_finalize_keeps_two_firms_of_one_key_and_two_countries_apart() -> None:
    rows = finalize([PublicVendor("Intellexa S.A.", "GR", "a", ["Intellexa"]),
                     PublicVendor("Intellexa Limited", "IE", "a", []),
                     PublicVendor("Megvii Technology Ltd.", "CN", "a", ["Megvii"]),
                     PublicVendor("Megvii Technology Limited", "CN", "b", ["Megvii"]),
                     PublicVendor("Nice", "", "c", [])])
    by_name = {r.name: r for r in rows}
    assert by_name["Intellexa S.A."].country == "GR" and by_name["Intellexa S.A."].aliases == ["Intellexa"]
    assert "Intellexa Limited" not in by_name  # its one form, "Intellexa", is the Greek firm's already
    assert [r.name for r in rows].count("Megvii Technology Ltd.") == 1 and "Megvii Technology Limited" not in by_name
    assert by_name["Megvii Technology Ltd."].aliases == ["Megvii Technology", "Megvii"]
    assert "Nice" not in by_name  # no form of it may be matched


def test_legal_forms_are_left_to_the_ruler_and_group_stays() -> None:
    assert without_legal_form("SZ DJI Technology Co., Ltd.") == "SZ DJI Technology"
    assert without_legal_form("Thalestris Limited") == "Thalestris"
    assert without_legal_form("NSO Group") == "NSO Group"


def test_countries_are_iso_codes_from_countrynames() -> None:
    assert country_code("North Macedonia") == "MK" and country_code("United Kingdom") == "GB"
    assert country_code("") == ""
    with pytest.raises(ValueError, match="Atlantis"):
        country_code("Atlantis")


def test_the_shipped_table_is_the_build_of_the_saved_sources(tmp_path: Path) -> None:
    builder = _builder()
    out = tmp_path / "vendors_public.tsv"
    sys_argv = sys.argv
    sys.argv = ["build_vendors_public.py", "--out", str(out)]
    try:
        builder.main()
    finally:
        sys.argv = sys_argv
    assert out.read_text(encoding="utf-8") == (ROOT / "nlp" / "data" / "vendors_public.tsv").read_text(encoding="utf-8")


def test_every_row_has_forms_an_iso_country_or_none_and_a_described_source() -> None:
    text = (ROOT / "nlp" / "data" / "vendors_public.tsv").read_text(encoding="utf-8")
    described = {line.split()[2].rstrip(":") for line in text.splitlines() if line.startswith("# source ")}
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 40
    for name, forms, country, source, any_case in rows:
        assert forms and source in described and set(any_case.split("|")) - {""} <= set(forms.split("|")), name
        assert not country or pycountry.countries.get(alpha_2=country) is not None, name
    for header in (line for line in text.splitlines() if line.startswith("# source ")):
        assert "read 2026-" in header and ("public domain" in header or "CC BY" in header or "copyright" in header)


def test_a_source_row_not_written_in_its_passage_is_refused(tmp_path: Path) -> None:
    builder = _builder()
    source = tmp_path / "made-up.txt"
    source.write_text("# id: x\n# title: t\n# url: u\n# published: 2020-01-01\n# read: 2026-12-05\n# licence: l\n"
                      "# passage:\nCandiru was added.\n# rows:\nCytrox\t\tIsrael\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'Cytrox' is not written in the passage"):
        builder.read_source(source)
    source.write_text(source.read_text(encoding="utf-8").replace("Cytrox\t\tIsrael", "Candiru\t\tAtlantis"),
                      encoding="utf-8")
    with pytest.raises(ValueError, match="made-up.txt line 10: not a country name"):
        builder.read_source(source)


def test_the_gazetteer_gives_a_firm_its_country_as_an_org_only() -> None:
    gaz = Gazetteer.default()
    assert gaz.entry_country("ORG", "cytrox ad") == "MK"
    assert gaz.entry_country("GOV_AGENCY", "cytrox ad") is None
