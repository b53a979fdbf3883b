"""A government named by its leader (issue 13 round 11): "the fallen Sheikh Hasina government", "the previous
authoritarian Hasina regime", "Modi's government" are the state acting, a GOV_AGENCY mention, as "the Bukele
administration" is; in the possessive form the leader is a PERSON inside it. Real sentences name their source; the
possessive shapes are minimal sentences with a fictional firm.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels, names, supplies


def test_a_leaders_government_after_modifiers_is_a_state_body(extractor: Extractor) -> None:
    # https://www.dhakastream.net/node/184454 (Bangladesh, 2025)
    ext = extractor.extract_text(
        "The interim government has formed a committee to investigate the purchase of surveillance equipment during "
        "the regime of the fallen Sheikh Hasina government.")
    assert "Sheikh Hasina government" in agencies(ext)
    # New Age (Bangladesh) as republished at
    # http://www.privremenetetovaze.com/post/Country/273010/govt-to-probe-purchase-of-spy-equipment-during-hasina-govt
    ext = extractor.extract_text(
        "Shafiq alleged that spyware, collected under those purchases, was used for illegal monitoring and "
        "undermining citizens\u2019 constitutional right to privacy during the tenure of the previous authoritarian "
        "Hasina regime.")
    assert "Hasina regime" in agencies(ext)


def test_a_leaders_government_in_the_possessive_is_the_buyer_and_the_leader_a_person(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("Modi's government purchased spyware from Veltrana Analytics, the newspaper reported.")
    assert "Modi's government" in agencies(ext)
    assert labels(ext).get("Modi") == {"PERSON"}
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Modi's government"}
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}


def test_a_firms_government_customers_are_no_government(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the noun after "government" makes it the firm's clients, no state body
    ext = extractor.extract_text("Veltrana Analytics's government customers include Mexico.")
    assert not [a for a in agencies(ext) if "government" in a]


def test_a_military_junta_is_the_state_acting(extractor: Extractor) -> None:
    # minimal sentence, fictional firm ("military" alone before a noun is a modifier: "China's military junta" is
    # the body, as "China's military" is)
    ext = extractor.extract_text("Veltrana Analytics sold interception systems to Myanmar's military junta.")
    assert agencies(ext) == {"Myanmar's military junta": "MM"}
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Myanmar's military junta"}


def test_latin_america_is_a_region_not_the_united_states(extractor: Extractor) -> None:
    # https://newsroompanama.com/2015/07/08/digital-mercenary-sold-spy-equipment-to-martinelli-government
    ext = extractor.extract_text(
        "The technology was also sold to other countries in Latin America, including Colombia, Chile, Ecuador and "
        "Honduras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"CO", "CL", "EC", "HN"}
    assert "America" not in labels(ext)
    ext = extractor.extract_text("America's NSA bought it.")  # alone, America is still the United States
    assert agencies(ext) == {"NSA": "US"}


def test_the_government_of_a_named_leader_is_a_state_body_and_of_a_province_is_not_a_person(extractor: Extractor) -> None:
    # https://pledgetimes.com/abin-used-a-program-to-monitor-peoples-location/ (Brazil; shortened)
    ext = extractor.extract_text(
        "With no need for bidding, the program was acquired during the government of Michel Temer (MDB), for BRL "
        "5.7 million.")
    assert "government of Michel Temer" in agencies(ext) and labels(ext).get("Michel Temer") == {"PERSON"}
    # minimal sentence: ner reads a state's name as a person's; a place after "government of" is no leader
    ext = extractor.extract_text("The government of Tamil Nadu bought cameras from Veltrana Analytics.")
    assert "PERSON" not in labels(ext).get("Tamil Nadu", set())


def test_people_with_titles_ranks_and_roles_are_persons_without_them(extractor: Extractor) -> None:
    # https://www.ghanabusinessnews.com/2025/03/25/another-israeli-company-isc-holdings-ltd-named-in-ghana-spyware-corruption-scandal/
    # (shortened)
    ext = extractor.extract_text(
        "In a press briefing Monday March 24, 2025, the Attorney-General of Ghana, Dr Dominic Ayine, said the "
        "contracts were authorised.")
    assert labels(ext).get("Dominic Ayine") == {"PERSON"} and "Dr Dominic Ayine" not in labels(ext)
    assert "press" not in labels(ext)  # a press briefing targets nobody
    # minimal sentences: a rank before a name is no organisation; a role noun before an untagged name
    ext = extractor.extract_text("The minister, Major-General Abdusalom Azizov, discussed the system.")
    assert "Major-General" not in labels(ext)
    ext = extractor.extract_text("Security researcher Bill Marczak found the spyware.")
    assert labels(ext).get("Bill Marczak") == {"PERSON"}


def test_ranks_before_a_name_and_a_hyphenated_leader_are_read(extractor: Extractor) -> None:
    ext = extractor.extract_text("The team was led by Brigadier General Mohammad Baker, the director.")
    assert labels(ext).get("Mohammad Baker") == {"PERSON"}
    ext = extractor.extract_text("The firm was accused over widespread oppression under the Al-Sissi regime.")
    assert "Al-Sissi regime" in agencies(ext)


def test_an_agencys_initials_used_alone_are_that_agency_and_a_countrys_department_is_a_state_body(
    extractor: Extractor,
) -> None:
    ext = extractor.extract_text("The Defence Intelligence Agency of Nigeria bought the kit. Later the DIA denied it.")
    assert agencies(ext) == {"Defence Intelligence Agency of Nigeria": "NG", "DIA": "NG"}
    ext = extractor.extract_text("Veltrana Analytics got a contract from the Indian Department of Telecommunications.")
    assert agencies(ext) == {"Department of Telecommunications": "IN"}
