"""Agencies' countries, names built on a country word, and agencies and products of the hand tables (issue 13,
round 11: a probe of news passages from Africa, Latin America, the Middle East and Central and Southeast Asia).

Each test quotes a sentence as published and names its source (found with the project's page search), or uses a
minimal sentence with a fictional firm, marked so. The kinds: a country given to the second of two bodies after one
possessive, by "of <country>" after a body, to an acronym in brackets and, at lower confidence, by the document's
one state; firm names that a country word opens or closes; real agencies and products whose names are common words
or other bodies' acronyms, named only in context.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies as _agencies
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------------ a body's country
def test_the_second_of_two_bodies_after_a_possessive_takes_its_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text(
        "Kenya's Ministry of Interior (MOI) and Ministry of Defence (MOD) signed the contract with Fictive Systems Ltd.")
    agencies = _agencies(ext)
    assert agencies["Ministry of Interior"] == "KE" and agencies["MOI"] == "KE"
    assert agencies["Ministry of Defence"] == "KE" and agencies["MOD"] == "KE"


def test_a_body_after_an_article_keeps_its_own_state(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "A's X and the Y of B" names two states' bodies
    ext = extractor.extract_text("Kenya's Ministry of Interior and the Ministry of Defence of Uganda met Fictive Systems Ltd.")
    agencies = _agencies(ext)
    assert agencies["Ministry of Interior"] == "KE"
    assert agencies["Ministry of Defence of Uganda"] == "UG"


def test_of_a_country_after_a_body_is_part_of_its_name_and_gives_its_country(extractor: Extractor) -> None:
    # https://bigasia.ru/en/content/news/society/ministry-vnutrennikh-del-tadzhikistana-i-rf-vstretyatsya-v-dushanbe/
    ext = extractor.extract_text(
        "The Head of the Ministry of Internal Affairs of Tajikistan stressed earlier that the agencies of the two "
        "countries closely cooperate in the fight against crime, in particular, by working to detain members of "
        "terrorist groups, systematically exchanging information and experience.")
    assert _agencies(ext) == {"Ministry of Internal Affairs of Tajikistan": "TJ"}


def test_an_acronym_in_brackets_after_a_body_shares_its_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the acronym of the body's own language ("PNC") spells no English initials
    ext = extractor.extract_text(
        "Reporters found that El Salvador's police (PNC) had obtained equipment from Fictive Solutions.")
    agencies = _agencies(ext)
    assert agencies["El Salvador's police"] == "SV" and agencies["PNC"] == "SV"


def test_a_body_without_its_state_takes_the_documents_one_state_at_lower_confidence(extractor: Extractor) -> None:
    # https://rks.news/?p=29397
    ext = extractor.extract_text(
        "According to Amnesty International's forensic analysis, it is believed to be primarily used by Serbian state "
        "institutions, such as the Security Information Agency (BIA) and the Ministry of Internal Affairs.")
    agencies = _agencies(ext)
    assert agencies["Security Information Agency"] == "RS" and agencies["BIA"] == "RS"
    assert agencies["Ministry of Internal Affairs"] == "RS"
    conf = {e.text: e.confidence for e in ext.entities if e.label == "GOV_AGENCY"}
    assert conf["Ministry of Internal Affairs"] < conf["Security Information Agency"]


def test_no_state_is_given_where_the_bodies_of_two_states_are_named(extractor: Extractor) -> None:
    # minimal sentence: a bare ministry beside two states' bodies could be either's
    ext = extractor.extract_text(
        "Kenya's Ministry of Interior (MOI) and Uganda's Ministry of Defence met the Ministry of Finance.")
    agencies = _agencies(ext)
    assert agencies["Ministry of Interior"] == "KE" and agencies["Ministry of Defence"] == "UG"
    assert agencies["Ministry of Finance"] is None


# ------------------------------------------------------------------------------------------ names on a country word
def test_a_generic_firm_name_of_a_country_is_one_organisation(extractor: Extractor) -> None:
    # https://financialtribune.com/articles/sci-tech/87474/tci-to-invest-904m-in-fiber-optic-network
    ext = extractor.extract_text(
        "Major landline service provider Telecommunication Company of Iran is planning to invest 38 trillion rials "
        "($904.760 million) in the expansion of its Fiber to the X (FTTX) network during the current fiscal which "
        "started in March.")
    labels = _labels(ext)
    assert labels["Telecommunication Company of Iran"] == {"ORG"}
    assert "Iran" not in labels


def test_a_demonym_opening_a_generic_firm_name_is_part_of_it(extractor: Extractor) -> None:
    # http://www.bi-me.com/main.php?id=192&t=1
    ext = extractor.extract_text(
        "Line telephony overall is managed by a public monopoly, the Syrian Telecommunications Establishment (STE).")
    labels = _labels(ext)
    assert labels["Syrian Telecommunications Establishment"] == {"ORG"}
    assert "Syrian" not in labels


def test_a_demonym_before_a_firms_own_name_stays_a_country(extractor: Extractor) -> None:
    # minimal sentence: "Israeli NSO Group" is a firm described, not a name the demonym opens
    labels = _labels(extractor.extract_text("The Israeli NSO Group sold it, and so did the Canadian Paragon."))
    assert labels["Israeli"] == {"COUNTRY"} and labels["NSO Group"] == {"ORG"}


def test_a_firm_followed_by_a_country_is_its_local_subsidiary(extractor: Extractor) -> None:
    # https://www.israeldefense.co.il/en/content/actionable-intelligence
    ext = extractor.extract_text(
        "\"Our solution is sold to the government sector, business corporations, critical infrastructures and Managed "
        "Security Service Providers (MSSP),\" explains Hanan Gino, CEO of Verint Israel and head of the Company's "
        "defense division.")
    labels = _labels(ext)
    assert labels["Verint Israel"] == {"ORG"}
    assert "Israel" not in labels


def test_a_firm_before_a_countrys_possessive_stays_apart(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    labels = _labels(extractor.extract_text("Fictive Networks sold Kenya's police a monitoring centre."))
    assert "Fictive Networks Kenya" not in labels and labels["Fictive Networks"] == {"ORG"}


# ------------------------------------------------------------------------------------------ agencies of the table
def test_central_asian_and_brazilian_services_with_their_countries(extractor: Extractor) -> None:
    # https://jamestown.org/program/high-level-spy-arrested-in-kazakhstan/; https://interlira-reports.com/news/
    # federal-police-investigates-the-use-of-spying-software-by-brazilian-intelligence/06/11/2023/;
    # https://altsean.org/faq.html
    ext = extractor.extract_text(
        "Kazakhstan's National Security Committee (KNB) announced yesterday the arrest of an unnamed retired KNB "
        "major-general on charges of spying for an unnamed foreign power.\n\n"
        "The Federal Police (PF) is investigating the possible use of spying software by agents of the Brazilian "
        "Intelligence Agency (Abin).\n\n"
        "The Tatmadaw is the official name of the armed forces of Burma.")
    agencies = _agencies(ext)
    assert agencies["KNB"] == "KZ" and agencies["Abin"] == "BR" and agencies["Tatmadaw"] == "MM"


def test_an_ambiguous_acronym_names_the_body_after_its_long_form_or_its_country(extractor: Extractor) -> None:
    # https://warsawpoint.com/news/60126-coalition-agreement-calls-for-end-of-polands-cba.html;
    # http://www.4vf.net/colombian-spy-agency-no-longer-to-control-wiretaps/; minimal sentence, fictional firm
    ext = extractor.extract_text(
        "The Central Anti-Corruption Bureau (CBA) will be dismantled under a coalition agreement signed on Friday by "
        "three opposition groupings.\n\n"
        "The Administrative Department of Security, known by its Spanish acronym DAS, is under investigation over "
        "allegations that it illegally wiretapped judges, opposition politicians, members of the ruling party and "
        "journalists.\n\n"
        "Fictive Monitoring sold monitoring centres to Uzbekistan's SNB in 2010.")
    agencies = _agencies(ext)
    assert agencies["CBA"] == "PL" and agencies["DAS"] == "CO" and agencies["SNB"] == "UZ"


def test_an_ambiguous_acronym_alone_is_no_state_body(extractor: Extractor) -> None:
    # minimal sentences: the Swiss National Bank, the U.S. Bureau of Indian Affairs
    ext = extractor.extract_text("The SNB raised interest rates again.\n\nThe BIA approved a tribal land transfer.")
    assert "GOV_AGENCY" not in _labels(ext).get("SNB", set()) | _labels(ext).get("BIA", set())


# ------------------------------------------------------------------------------------------ products of the table
def test_surveillance_products_of_the_table(extractor: Extractor) -> None:
    # https://interlira-reports.com/news/federal-police-investigates-the-use-of-spying-software-by-brazilian-
    # intelligence/06/11/2023/; https://digit.site36.net/2022/05/30/third-accident-in-three-years-hermes-900-becomes-
    # a-crash-drone/; http://www.theinfolist.com/html/ALL/s/F/Forensic_Toolkit.html
    ext = extractor.extract_text(
        "The FirstMile software, produced by the Israeli company Cognyte, is at the heart of the PF's Last Mile "
        "operation.\n\n"
        "An unmanned aerial vehicle of the type Hermes 900 suffered total damage in an accident in the Philippines on "
        "Saturday.\n\n"
        "Forensic Toolkit, or FTK, is computer forensics software originally developed by AccessData, and now owned "
        "and actively developed by Exterro.")
    labels = _labels(ext)
    for product in ("FirstMile", "Hermes 900", "Forensic Toolkit", "FTK"):
        assert labels[product] == {"PRODUCT"}, product
    assert labels["Cognyte"] == {"ORG"} and labels["AccessData"] == {"ORG"}


def test_a_product_named_by_a_common_word_counts_only_as_a_product(extractor: Extractor) -> None:
    # http://www.statewatch.org/news/2011/december/france-libya-french-firm-amesys-criticised-for-selling-to-
    # gaddafi-s-libya-offers-customers-lawful-or-massive-interception-of-telecommunications-1/; minimal sentence
    ext = extractor.extract_text(
        "Numerous articles have been written about the French firm Amesys in recent months, following revelations "
        "that its Eagle surveillance system was sold to the regime of Muammar Gaddafi.\n\n"
        "The Eagle has landed in the park.")
    eagles = [e.label for e in ext.entities if e.text == "Eagle"]
    assert eagles[0] == "PRODUCT" and "PRODUCT" not in eagles[1:]


# ------------------------------------------------------------------------------------------ more context
def test_a_capital_set_off_after_a_body_gives_its_state(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text(
        "The Defence Intelligence Agency, Abuja, has acquired equipment from Fictive Systems Ltd.")
    assert _agencies(ext) == {"Defence Intelligence Agency": "NG"}


def test_an_ambiguous_acronym_before_a_state_bodys_noun_is_that_body(extractor: Extractor) -> None:
    # minimal sentences: "the CBA anti-corruption agency"; a bank's acronym before "bank" stays no state body
    ext = extractor.extract_text(
        "In 2017 the funds went to the CBA anti-corruption agency.\n\nThe PNC bank reported profits.")
    assert _agencies(ext) == {"CBA": "PL"}


def test_a_software_firm_located_beside_another_firm_is_a_firm(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "X Software in the UK and Huawei in China had sold ..."
    ext = extractor.extract_text(
        "This comes after revelations that Fictive Software in the UK and Huawei in China had sold the Iranians "
        "location tracking equipment.")
    assert _labels(ext)["Fictive Software"] == {"ORG"}
    ext = extractor.extract_text("Police used the Fictive Extraction Software in Kenya and Uganda.")
    assert _labels(ext)["Fictive Extraction Software"] == {"PRODUCT"}


def test_a_committee_a_parliament_owns_is_a_state_body(extractor: Extractor) -> None:
    # minimal sentence
    ext = extractor.extract_text(
        "The chairman of the parliament's Committee on Defense and Law Enforcement said the ministry had bought it.")
    assert _labels(ext)["Committee on Defense and Law Enforcement"] == {"GOV_AGENCY"}


def test_a_country_joins_the_longest_body_name_after_it(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "Kenya" opens "National Police Service", not the "National Police" inside it
    ext = extractor.extract_text("The Kenya National Police Service bought the cameras from Fictive Systems Ltd.")
    assert _agencies(ext) == {"Kenya National Police Service": "KE"}


def test_telecommunications_regulators_of_the_table(extractor: Extractor) -> None:
    # https://tra.gov.eg/en/media-center/news/Pages/NTRA-%20Is-Considering-Issuing-a-New-Regulatory-Framework-for-
    # Licensing-the-Mobile-Towers-Construction.aspx; https://www.commsupdate.com/articles/2017/01/03/enacom-signs-new-
    # decree-aimed-at-boosting-competition-in-argentina/
    ext = extractor.extract_text(
        "It is worth mentioning that NTRA is the national authority responsible for managing and regulating the ICT "
        "sector in Egypt, by virtue of the Law No. (10) of 2003.\n\n"
        "The National Entity for Communications (Ente Nacional de Comunicaciones, ENACOM) has announced that it has "
        "signed a new decree - Decreto 1340/2016 - which establishes guidelines aimed at improving convergence within "
        "the Argentinian telecoms market.")
    agencies = _agencies(ext)
    assert agencies["NTRA"] == "EG" and agencies["ENACOM"] == "AR"


def test_african_intelligence_services_of_the_table(extractor: Extractor) -> None:
    # https://www.stears.co/article/the-dss-presidential-handyman/; minimal sentence
    ext = extractor.extract_text(
        "Most Nigerians following the news must have seen the Department of State Services (DSS) involved in "
        "investigations, arrests and 'questionings'.\n\n"
        "Uganda's CMI detained him; the ISO 27001 standard did not apply.")
    agencies = _agencies(ext)
    assert agencies["Department of State Services"] == "NG" and agencies["DSS"] == "NG" and agencies["CMI"] == "UG"
    assert "GOV_AGENCY" not in _labels(ext).get("ISO", set())
