"""ORG/agency precision on unseen news text (issue 13 round 24, brief precision28): nlp/components/party_precision.py
with nlp/data/party_precision.txt, the new generic acronyms of nlp/data/not_parties.txt, a law's acronym after a
number (``org_precision.acronyms_of_things``) and the newsroom words that ``ruler._media_name`` now reads from
nlp/data/outlet_words.tsv.

The sentences are written in the shape of real news and agency passages read for the round (spyware sales to a
state's agencies, "in coordination with ... government partners", an executive order's acronym, a news agency
cited by name); every firm and person name is fictional.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels


def test_government_agency_buyer_is_the_country_not_its_government(extractor: Extractor) -> None:
    ext = extractor.extract_text("The spyware was operated by an Indonesian government agency through a server "
                                 "rented from Corvane Hosting.")
    found = labels(ext)
    assert "Indonesian government" not in found
    assert found.get("Indonesian") == {"COUNTRY"}


def test_government_agencies_as_buyers_name_the_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("Bangladeshi government agencies have been identified as buyers of the "
                                 "interception tools sold by Varnel Systems.")
    found = labels(ext)
    assert "Bangladeshi government" not in found
    assert found.get("Bangladeshi") == {"COUNTRY"}


def test_government_partners_give_the_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Bureau acted in coordination with U.S. government partners to hold Kestrel "
                                 "Dynamics accountable for the shipments.")
    found = labels(ext)
    assert "U.S. government" not in found
    assert found.get("U.S.") == {"COUNTRY"}


def test_government_before_a_thing_stays_the_government(extractor: Extractor) -> None:
    ext = extractor.extract_text("Velmora Systems exported the cameras without U.S. government authorization.")
    assert labels(ext).get("U.S. government") == {"GOV_AGENCY"}


def test_executive_order_acronym_after_its_number_is_no_party(extractor: Extractor) -> None:
    ext = extractor.extract_text("The agency paused the contract with Norvale Labs to check that it complied with "
                                 "Executive Order 14093 (EO). This EO bars federal agencies from using spyware that "
                                 "poses risks to national security.")
    assert "EO" not in labels(ext)


def test_trade_and_parliament_abbreviations_are_no_organisations(extractor: Extractor) -> None:
    ext = extractor.extract_text("The sanctions delayed Kestrel Vision's planned IPO in Hong Kong, the MEP said "
                                 "on Tuesday.")
    found = labels(ext)
    assert "IPO" not in found
    assert "MEP" not in found


def test_ict_alone_is_no_organisation_but_stays_in_a_body_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Chinese ICT firm teamed up with Corvane Telecom on the project. The ICT "
                                 "Authority approved the contract.")
    found = labels(ext)
    assert "ICT" not in found
    assert "ICT Authority" in found


def test_news_agency_after_a_country_keeps_its_whole_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("A reporter of the Kuwait News Agency was detained after the broadcast.")
    assert "Kuwait News" not in labels(ext)


def test_country_and_a_newsroom_word_of_the_data_file_are_a_newspaper(extractor: Extractor) -> None:
    ext = extractor.extract_text("According to Pakistan Today, the police bought the cameras from Varnel Systems.")
    assert labels(ext).get("Pakistan Today") == {"ORG"}


def test_report_title_opening_with_a_preposition_is_no_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Combined with the evidence presented in Behind Corvane Networks, these findings "
                                 "show that the devices are filtering content in the country.")
    assert not any(name.startswith("Behind") for name in labels(ext))
