"""The gazetteer of real government bodies from published lists (nlp/data/agencies_public.tsv, nlp/public_agencies.py).

News sentences are quoted as published, with their source; where no news sentence is quoted the names are quoted
from the lists the table was built from (Wikipedia's "List of intelligence agencies", GOV.UK's organisation list,
OpenSanctions' publisher metadata) in a minimal frame.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pycountry

from nlp.extract import Extractor
from nlp.gazetteer import _agency_rows
from nlp.public_agencies import (
    PublicAgency,
    acronym_kept,
    finalize,
    name_kept,
    names_a_body,
    split_aliases,
    tidy_form,
)
from tests.nlp.readings import agencies as _agencies

ROOT = Path(__file__).resolve().parents[2]
FACTBOOK = ROOT / "tests" / "fixtures" / "sources" / "agencies" / "factbook"
GOVDIRECTORY = ROOT / "tests" / "fixtures" / "sources" / "agencies" / "govdirectory"
DPAS = ROOT / "tests" / "fixtures" / "sources" / "agencies" / "dpas"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_agencies_public", ROOT / "scripts" / "build_agencies_public.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_intelligence_agencies_of_several_countries_carry_their_country(extractor: Extractor) -> None:
    # AFP, "Australia spooks emerge from shadows with tweets, China warning", 30 Oct 2018 (spacewar.com reprint)
    ext = extractor.extract_text(
        "The Australian Signals Directorate, a sister agency to Britain's GCHQ or America's NSA, took to the social "
        "network as part of what they said was a new, more public-facing communications strategy.")
    agencies = _agencies(ext)
    assert agencies["Australian Signals Directorate"] == "AU"
    assert agencies["GCHQ"] == "GB" and agencies["NSA"] == "US"  # the hand-made table's, unchanged
    # Euractiv, "Swedish PM's security jeopardised by bodyguards' fitness app data", 8 Jul 2025
    ext = extractor.extract_text(
        "Swedish Security Service (Säpo) bodyguards inadvertently exposed sensitive information through the fitness "
        "tracking app Strava on at least 35 accounts, allowing users to trace Kristersson's movements, residence, "
        "jogging routes – even his running pace, Swedish daily Dagens Nyheter reported.")
    assert _agencies(ext)["Swedish Security Service"] == "SE"
    # Wikipedia, List of intelligence agencies: three entries for Australia and Sweden, as listed
    ext = extractor.extract_text("Australian Signals Directorate (ASD). Swedish Security Service – Säkerhetspolisen "
                                 "(Säpo). National Defence Radio Establishment – Försvarets Radioanstalt (FRA).")
    agencies = _agencies(ext)
    assert agencies["ASD"] == "AU"
    assert agencies["National Defence Radio Establishment"] == "SE"


def test_uk_bodies_from_the_govuk_list_and_their_acronyms(extractor: Extractor) -> None:
    # GOV.UK organisations: "HM Revenue & Customs" (HMRC), "Competition and Markets Authority" (CMA); neither
    # acronym is rare enough in English text to be matched alone, so each links where the text introduces it
    ext = extractor.extract_text("HM Revenue & Customs (HMRC) opened an inquiry. HMRC said it would publish its "
                                 "findings.")
    agencies = _agencies(ext)
    assert agencies["HM Revenue & Customs"] == "GB"
    assert agencies["HMRC"] == "GB"
    # a name of common words only may be another state's too: the table gives it no country, the text may
    ext = extractor.extract_text("The Competition and Markets Authority (CMA) opened an inquiry. The CMA said it "
                                 "would publish its findings.")
    agencies = _agencies(ext)
    assert agencies["Competition and Markets Authority"] is None
    assert "CMA" in agencies


def test_official_publishers_of_sanctions_and_wanted_lists(extractor: Extractor) -> None:
    # OpenSanctions dataset metadata: publisher "Policja" (name_en "Police of Poland"), "Financial Crimes
    # Enforcement Network" (FinCEN), "Defence Intelligence of Ukraine" (GUR)
    ext = extractor.extract_text("Policja published the list. FinCEN and the Defence Intelligence of Ukraine named "
                                 "the same firms.")
    agencies = _agencies(ext)
    assert agencies["Policja"] == "PL"
    assert agencies["FinCEN"] == "US"
    assert agencies["Defence Intelligence of Ukraine"] == "UA"


def test_acronyms_match_case_sensitively(extractor: Extractor) -> None:
    # "FinCEN" (OpenSanctions publisher metadata) is the Financial Crimes Enforcement Network; "fincen" is no mention
    assert _agencies(extractor.extract_text("FinCEN said the transfers began in March."))["FinCEN"] == "US"
    assert "fincen" not in {e.text for e in extractor.extract_text("The file was named fincen and deleted.").entities}


def test_an_acronym_with_another_reading_is_not_matched_alone(extractor: Extractor) -> None:
    # the UK's Civil Nuclear Constabulary (CNC) is in the GOV.UK list, but in export-control texts "CNC" is the
    # machine tool: Federal Register 2024-19132 (BIS, Russia and Belarus; nlp/devset/real, tuning half)
    assert not acronym_kept("CNC") and not acronym_kept("ASD") and not acronym_kept("SFO")
    ext = extractor.extract_text(
        "This final rule also adds controls on the export, reexport, or transfer (in-country) to or within Russia or "
        "Belarus of \u2018\u2018software\u2019\u2019 for the operation of computer numerical control (CNC) machine "
        "tools.")
    assert "CNC" not in _agencies(ext)


def test_an_acronym_that_is_an_english_word_is_not_kept() -> None:
    # Australian Geospatial-Intelligence Organisation (AGO) and the UK's Attorney General's Office: "AGO" is "ago"
    assert not acronym_kept("AGO")
    assert not acronym_kept("ACT") and not acronym_kept("USA") and not acronym_kept("ED")
    assert acronym_kept("ASIO") and acronym_kept("FinCEN") and acronym_kept("GUR")
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


def test_publications_and_programmes_of_the_usagov_index_are_no_agencies() -> None:
    # USA.gov's A-Z index lists "Federal Register" (the journal) and "Energy Star Program" beside the agencies
    assert not names_a_body("Federal Register") and not names_a_body("Energy Star Program")
    assert names_a_body("Defense Intelligence Agency")
    names = {name for name, _, _ in _agency_rows()}
    assert "Federal Register" not in names and "Defense Intelligence Agency" in names


def test_every_row_loads_with_a_valid_iso_country_and_a_source() -> None:
    rows = list(_agency_rows())
    assert len(rows) > 1000  # the hand-made table (81) and the published lists
    for name, _aliases, country in rows:
        valid = not country or country == "EU" or pycountry.countries.get(alpha_2=country) is not None  # "EU": reserved
        assert valid, (name, country)
    for line in (_agency_rows.__globals__["_DATA"] / "agencies_public.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert line.split("\t")[3] in {"usagov-az", "govuk-orgs", "wikipedia-intel", "opensanctions-publishers",
                                              "factbook-forces", "govdirectory", "datenanfragen-dpas"}, line


def test_an_acronym_another_list_entry_claims_is_not_matched_alone(extractor: Extractor) -> None:
    # "VOA" is the UK's Valuation Office Agency in the GOV.UK list and Voice of America in USA.gov's index (an entry
    # that is no agency): claimed twice, so not matched alone. Voice of America, "Pegasus Spyware Targets Moroccan
    # Journalist", June 2020 (nlp/devset/real, tuning half):
    ext = extractor.extract_text("\u201cThe situation of journalists in Morocco is very tough,\u201d Radi told VOA "
                                 "earlier this week.")
    assert "VOA" not in _agencies(ext)
    rows = {name: aliases for name, aliases, _ in _agency_rows()}
    assert "VOA" not in rows["Valuation Office Agency"]


def test_list_text_is_split_into_names_and_descriptions_left_out() -> None:
    # Wikipedia's list writes "Swedish Security Service – Säkerhetspolisen (Säpo)" and, for a Mexican entry,
    # "National Defense Ministry (Inteligencia Militar – SEDENA / Ejercito y Fuerza Aerea)"; one entry's alias is
    # "military intelligence" in lower case
    assert split_aliases(["Säkerhetspolisen (Säpo)"]) == ["Säkerhetspolisen", "Säpo"]
    assert split_aliases(["National Defense Ministry (Inteligencia Militar (SEDENA))"]) == []
    assert not name_kept("military intelligence")
    rows = {name: aliases for name, aliases, _ in _agency_rows()}
    assert rows["Swedish Security Service"] == ["Säkerhetspolisen", "Säpo"]
    assert all(not a[:1].islower() for aliases in rows.values() for a in aliases)


def test_a_native_short_name_from_the_list_is_matched(extractor: Extractor) -> None:
    # tellerreport.com (SVT report, 22 Jun 2020): "The police and Säpo do not want to say anything about who they
    # are negotiating with."
    ext = extractor.extract_text("The police and Säpo do not want to say anything about who they are negotiating "
                                 "with.")
    assert _agencies(ext)["Säpo"] == "SE"


def test_factbook_forces_are_read_with_their_state_and_generic_names_refused() -> None:
    # CIA World Factbook, "Military and security forces" (tests/fixtures/sources/agencies/factbook, excerpts)
    rows = {r.name: r for r in _builder().factbook(FACTBOOK)}
    assert rows["Sri Lanka Navy"].country == "LK" and rows["Sri Lanka Police"].country == "LK"
    assert rows["Border Guard Bangladesh"].country == "BD"
    assert rows["Border Guard Bangladesh"].aliases == []  # "BGB", initials of "Border Guard" and the state: refused
    assert rows["Nigeria Security and Civil Defense Corps"].aliases == ["NSCDC"]
    assert rows["Rapid Action Battalion"].country == "BD"
    assert rows["Punjab Rangers"].country == "PK"  # "Punjab (Pakistan) Rangers": the bracketed state is no alias
    assert rows["Punjab Rangers"].aliases == []
    assert rows["Nigeria Police Force"].aliases == []  # "NPF": the initials of "Police Force" and the state
    assert rows["Indonesian National Police"].aliases == ["State Police of the Republic of Indonesia", "POLRI"]  # no article
    # a parent ministry's name is cut at its colon, not at its commas
    assert rows["Coordinating Ministry for Political, Legal, and Security Affairs"].country == "ID"
    assert "Coordinating Ministry for Political" not in rows
    # every state's ministry or service named without its state; a sentence of the entry; one English word
    for generic in ("Ministry of Home Affairs", "Ministry of Interior", "Department of the Interior", "Army", "Navy",
                    "National Guard", "Air Force"):
        assert generic not in rows, generic
    assert not any(name.startswith(("the ", "Mexican Armed Forces are")) for name in rows)


def test_factbook_bodies_in_the_table_carry_their_country() -> None:
    rows = {name: (aliases, country) for name, aliases, country in _agency_rows()}
    assert rows["Sri Lanka Navy"][1] == "LK" and rows["Nepal Police"][1] == "NP"
    # "RMP", the initials of "Royal Malaysia Police", is also the Rajshahi Metropolitan Police: not matched alone
    assert rows["Royal Malaysia Police"] == (["Polis Diraja Malaysia", "PDRM"], "MY")
    assert rows["Philippine Coast Guard"][1] == "PH" and rows["Indian Armed Forces"][1] == "IN"
    assert "Ministry of Interior" not in rows or rows["Ministry of Interior"][1] == ""
    # "AFP" (Armed Forces of the Philippines) is also the news agency: too frequent in English text to match alone
    assert "AFP" not in rows["Armed Forces of the Philippines"][0]


def test_south_and_southeast_asian_forces_in_news_sentences(extractor: Extractor) -> None:
    # Sri Lanka Navy News, "Nine Indian fishermen arrested in Sri Lankan waters", 31 Jan 2016 (slnnews.navy.lk)
    ext = extractor.extract_text(
        "Sri Lanka Navy assisted the Sri Lanka Coast Guard to arrest nine Indian fishermen along with two Indian "
        "fishing trawlers poaching in Sri Lankan waters North West of Analative Island on 30th January 2016.")
    agencies = _agencies(ext)
    assert agencies["Sri Lanka Navy"] == "LK" and agencies["Sri Lanka Coast Guard"] == "LK"
    # malaysiainternet.my, "Is PDRM spying on Malaysians Online? - 10 Questions", July 2018
    ext = extractor.extract_text("While I am grateful that PDRM has a special unit focused on this issue, I have a "
                                 "few questions about how they operate and, if they are violating our privacy "
                                 "online.")
    assert _agencies(ext)["PDRM"] == "MY"


def test_govdirectory_pages_give_national_bodies_with_their_state() -> None:
    # Govdirectory country pages (tests/fixtures/sources/agencies/govdirectory, excerpts): name, Wikidata id, type
    rows = {r.name: r for r in _builder().govdirectory(GOVDIRECTORY)}
    # the state in the name, or a word rare enough to be one state's coinage
    assert rows["Swedish Police Authority"].country == "SE"
    assert rows["Electoral Commission of South Africa"].country == "ZA"
    assert rows["Department of Health of the Philippines"].country == "PH"
    assert rows["Ministry of Fisheries, Animal Husbandry and Dairying"].country == "IN"
    # a university and a hospital (Moroccan public institutions), a municipality: no agency acting as the state
    assert not any("University" in name or "hospital" in name for name in rows)
    assert not any("municipality" in name.lower() or "Kommun" in name for name in rows)
    # every state's ministry, named without it: left to the ruler's generic rules
    assert "Department of Justice" not in rows and "Ministry of Home Affairs" not in rows


def test_the_european_unions_agencies_from_govdirectory() -> None:
    # www.govdirectory.org/european-union/ (excerpt): agencies named for the Union carry it ("EU", as in agencies.tsv)
    rows = {r.name: r for r in _builder().govdirectory(GOVDIRECTORY)}
    assert rows["European Union Agency for Cybersecurity"].country == "EU"
    assert rows["European Border and Coast Guard Agency"].country == "EU"
    assert rows["Anti-Money Laundering Authority"].country == ""  # no "European" in it: any state's may be so named
    # an institution (the Parliament), a delegation abroad, a name without a body word ("Europol") are not read
    assert "European Parliament" not in rows and "Europol" not in rows
    assert not any(name.startswith("Delegation") for name in rows)


def test_a_govdirectory_name_without_its_state_gets_none() -> None:
    # New Zealand's "Department of Corrections" is also many U.S. states' prison department; India's and
    # Bangladesh's health ministries are both the "Ministry of Health and Family Welfare"; Morocco's telecom
    # regulator's English name is a description any state's regulator may bear
    rows = {r.name: r for r in _builder().govdirectory(GOVDIRECTORY)}
    for name in ("Department of Corrections", "Ministry of Health and Family Welfare",
                 "National Telecommunications Regulatory Agency"):
        assert rows[name].country == "", name


def test_a_name_of_several_states_gets_no_country_in_a_sentence(extractor: Extractor) -> None:
    # fictional sentence: no state named, so none is given
    ext = extractor.extract_text("The Department of Corrections bought phone-monitoring software from the firm.")
    assert _agencies(ext) == {"Department of Corrections": None}


def test_swedish_authorities_from_govdirectory_in_a_sentence(extractor: Extractor) -> None:
    # IMY (Swedish Authority for Privacy Protection), "Police unlawfully used facial recognition app", 11 Feb 2021
    # (www.imy.se/en/news/police-unlawfully-used-facial-recognition-app/)
    ext = extractor.extract_text(
        "The Swedish Authority for Privacy Protection finds that the Swedish Police Authority has processed personal "
        "data in breach of the Swedish Criminal Data Act when using Clearview AI to identify individuals.")
    agencies = _agencies(ext)
    assert agencies["Swedish Authority for Privacy Protection"] == "SE"
    assert agencies["Swedish Police Authority"] == "SE"


def test_data_protection_authorities_are_read_from_their_records() -> None:
    # Datenanfragen.de records (tests/fixtures/sources/agencies/dpas): "native name (English name)"
    rows = {r.name: r for r in _builder().dpas(DPAS)}
    assert rows["Italian Data Protection Authority"].country == "IT"
    assert rows["Italian Data Protection Authority"].aliases == ["Garante per la protezione dei dati personali"]
    french = rows["French National Commission on Informatics and Liberty"]
    assert french.country == "FR" and "CNIL" in french.aliases
    assert rows["Personal Data Protection Office of Poland"].aliases == ["UODO", "Urząd Ochrony Danych Osobowych"]
    assert rows["National Commission for Data Protection"].country == "LU"  # ", Grand-Duchy of Luxembourg" cut
    # a Catholic diocese's and the public broadcasters' data-protection officers are no state bodies
    assert len(rows) == 7
    assert not any("datenschutz" in name.lower() for name in rows)


def test_an_alias_two_states_share_is_no_alias() -> None:
    # "Datatilsynet" is Denmark's and Norway's data-protection authority (Datenanfragen.de records dkdi, nods)
    rows = {name: aliases for name, aliases, _ in _agency_rows()}
    assert "Datatilsynet" not in rows["Data Inspectorate of Denmark"]
    assert "Datatilsynet" not in rows["Norwegian Data Protection Authority"]
    assert "Forsvaret" not in rows["Danish Armed Forces"]  # both states' armed forces (CIA World Factbook)


def test_a_data_protection_authority_in_news_sentences(extractor: Extractor) -> None:
    # TechSpot, "Clearview AI fined again for violating GDPR", Oct 2022
    ext = extractor.extract_text(
        "The Commission nationale de l'informatique et des libertés (CNIL), France's data protection authority, "
        "imposed a 20 million euros penalty against the American company after a lengthy investigation and an "
        "unfruitful cooperation attempt.")
    assert _agencies(ext)["CNIL"] == "FR"
    # OODA Loop, "France punishes Clearview AI for failing to pay fine", 12 May 2023
    ext = extractor.extract_text("Clearview AI, a US-based facial recognition company, has been fined €10 million by "
                                 "French data privacy regulator CNIL for violating EU data protection laws.")
    assert _agencies(ext)["CNIL"] == "FR"


def test_factbook_aliases_keep_no_quotes_article_or_units() -> None:
    # CIA World Factbook, "Military and security forces" of Norway and Hong Kong (2025), as published
    norway = ('Norwegian Armed Forces (Forsvaret or "the Defense"): Norwegian Army (Haeren), Royal Norwegian Navy '
              "(Kongelige Norske Sjoeforsvaret; includes Coastal Rangers and Coast Guard (Kystvakt)) (2025)")
    rows = dict(_builder().factbook_forces(norway))
    assert rows["Norwegian Armed Forces"] == ["Forsvaret", "Defense"]  # no quotes, no article: name_kept then refuses
    hong_kong = ("Hong Kong Police Force (specialized units include the Police Counterterrorism Response Unit, the "
                 "Explosive Ordnance Disposal Bureau, the Special Duties Unit, the Airport Security Unit, and the VIP "
                 "Protection Unit) (2025)")
    rows = dict(_builder().factbook_forces(hong_kong))
    assert rows["Hong Kong Police Force"] == []  # its units are bodies of their own, not other names of it
    assert "Explosive Ordnance Disposal Bureau" in rows


def test_every_name_and_alias_of_the_table_is_written_as_text_reads() -> None:
    # no quotes, typographic apostrophes, leading article or end punctuation; no bracket in an alias
    for name, aliases, _country in _agency_rows():
        for form in (name, *aliases):
            assert tidy_form(form) == form, form
        for alias in aliases:
            assert not any(ch in alias for ch in "()[]"), alias
    rows = {name: aliases for name, aliases, _ in _agency_rows()}
    assert rows["Norwegian Armed Forces"] == []  # was '"the Defense"'
    assert "Information Commissioner's Office" in rows and "Insolvency Service" in rows


def test_tidy_form_writes_a_name_as_prepared_text_does() -> None:
    assert tidy_form('"the Defense"') == "Defense"
    assert tidy_form("The Insolvency Service") == "Insolvency Service"
    assert tidy_form("Information Commissioner\u2019s Office") == "Information Commissioner's Office"
    assert tidy_form("Royal Malaysia Police, ") == "Royal Malaysia Police"
    assert tidy_form("Theatre Board") == "Theatre Board"  # "The" only as a word of its own


def test_an_alias_several_states_share_becomes_a_countryless_row() -> None:
    # Datenanfragen.de records dkdi and nods: both authorities are "Datatilsynet" in their own language
    rows = finalize([PublicAgency("Danish Data Protection Agency", "DK", "datenanfragen-dpas", ["Datatilsynet"]),
                     PublicAgency("Norwegian Data Protection Authority", "NO", "datenanfragen-dpas", ["Datatilsynet"]),
                     PublicAgency("Danish Armed Forces", "DK", "factbook-forces", ["Military intelligence"]),
                     PublicAgency("Norwegian Armed Forces", "NO", "factbook-forces", ["Military intelligence"])], [])
    by_name = {r.name: r for r in rows}
    assert by_name["Datatilsynet"].country == "" and by_name["Datatilsynet"].aliases == []
    assert by_name["Danish Data Protection Agency"].aliases == []
    assert "Military intelligence" not in by_name  # a description in lower case is no name of its own


def test_a_body_with_a_country_takes_no_alias_several_states_use() -> None:
    # CIA World Factbook, Nepal: "Nepalese Armed Forces (Ministry of Defense): Nepali Army ...": the bracket names
    # the parent ministry, a name every state's ministry bears, which would give Nepal to any "Ministry of Defense"
    factbook = "Nepalese Armed Forces (Ministry of Defense): Nepali Army (includes Air Wing) (2025)"
    parsed = [_builder().PublicAgency(name, "NP", "factbook-forces", aliases)
              for name, aliases in _builder().factbook_forces(factbook)]
    rows = {r.name: r for r in finalize(parsed, [])}
    assert rows["Nepalese Armed Forces"].aliases == []
    table = {name: aliases for name, aliases, _ in _agency_rows()}
    assert "Ministry of Defense" not in table["Nepalese Armed Forces"]
    table = {name: country for name, _aliases, country in _agency_rows()}
    assert table["Datatilsynet"] == "" and table["Forsvaret"] == ""
