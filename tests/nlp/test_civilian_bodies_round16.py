"""Civilian state bodies of South and Southeast Asia, Africa and Europe that surveillance reporting names, from the
hand-made nlp/data/agencies.tsv (round 16): interior departments, police and investigation agencies, regulators,
election and identity authorities, with the short forms news uses. Acronyms that are other bodies' or firms' too
("FIA", "PNP", "NTC") count only after their long form or in brackets (nlp/data/guarded_names.txt).

News sentences are quoted as published, with their source; the development set's are from its tuning half.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies as _agencies


def test_the_philippine_interior_department_and_police_by_their_acronyms(extractor: Extractor) -> None:
    # CNN Philippines, "DILG launches Chinese CCTV surveillance system in Metro Manila", 22 Nov 2019
    ext = extractor.extract_text(
        "Metro Manila (CNN Philippines, November 22)— The Department of the Interior and Local Government (DILG) "
        "launched on Friday a CCTV-based surveillance system project in Metro Manila.")
    agencies = _agencies(ext)
    assert agencies["Department of the Interior and Local Government"] == "PH" and agencies["DILG"] == "PH"
    # Philstar, "DILG wants local governments to pass 'no CCTV, no business permit' ordinances", 23 May 2022
    ext = extractor.extract_text("In DILG Memorandum Circular No. 2022-060, Año said that among the establishments "
                                 "that should have CCTVs are financial establishments.")
    assert _agencies(ext).get("DILG") == "PH"
    # The Freeman (via PressReader), 25 May 2022: the department named without "the"
    ext = extractor.extract_text("The Department of Interior and Local Government (DILG) has urged all local "
                                 "government units to enact an ordinance requiring the installation of "
                                 "closed-circuit television (CCTV) systems.")
    assert _agencies(ext)["Department of Interior and Local Government"] == "PH"


def test_pakistan_investigation_agency_and_its_guarded_acronym(extractor: Extractor) -> None:
    # The News (thenews.com.pk), "FIA arrests journalist Mohsin Baig", 16 Feb 2022
    ext = extractor.extract_text(
        "ISLAMABAD: The Federal Investigation Agency has arrested journalist Mohsin Baig from his home, his son "
        "confirmed on Wednesday. The FIA “faced resistance” during the raid and “dragged” the journalist to the van.")
    agencies = _agencies(ext)
    assert agencies["Federal Investigation Agency"] == "PK" and agencies["FIA"] == "PK"
    # fictional sentence: "FIA" alone is the motor-sport federation's initials too
    ext = extractor.extract_text("The FIA confirmed the Formula One calendar for next season.")
    assert "FIA" not in _agencies(ext)


def test_italy_privacy_regulator_by_its_informal_name(extractor: Extractor) -> None:
    # Wikipedia, "Clearview AI" (nlp/devset/real/wikipedia-clearview-ai-law-enforcement.json, tuning half)
    ext = extractor.extract_text(
        "In March 2022 Clearview AI was fined $20M by the Italian Privacy Regulator (\"Garante della privacy\") in "
        "violation of the GDPR and has been required to delete all Italian records from its database.")
    assert _agencies(ext)["Garante della privacy"] == "IT"


def test_state_crypto_and_informatics_bodies_named_in_citizen_lab_reports(extractor: Extractor) -> None:
    # Citizen Lab, 2016, on a FinFisher proxy in Australia (nlp/devset/real, tuning half)
    ext = extractor.extract_text(
        "He added, “We were able to identify one specific government user inside Indonesia, the National Crypto "
        "Agency (Lembaga Sandi Negara) but we also found evidence that there were many other government users "
        "inside Indonesia.”")
    assert _agencies(ext)["Lembaga Sandi Negara"] == "ID"
    # Citizen Lab, "Planet Blue Coat", Appendix A, 2013 (nlp/devset/real, tuning half)
    ext = extractor.extract_text("The internet service and databases provided by db4 and maxmind identify the ISP as "
                                 "“Central Informatics Organisation.”")
    assert _agencies(ext)["Central Informatics Organisation"] == "BH"


def test_regulators_and_election_authorities_by_their_short_forms(extractor: Extractor) -> None:
    # fictional sentences naming real bodies by the short forms their own sites use
    ext = extractor.extract_text("PEMRA suspended the channel's licence, and UIDAI said the Aadhaar data was safe.")
    agencies = _agencies(ext)
    assert agencies["PEMRA"] == "PK" and agencies["UIDAI"] == "IN"
    ext = extractor.extract_text("CERT-In and MeitY issued the directions; NATGRID links 21 databases.")
    agencies = _agencies(ext)
    assert agencies["CERT-In"] == "IN" and agencies["MeitY"] == "IN" and agencies["NATGRID"] == "IN"
    ext = extractor.extract_text("COMELEC and the IEBC bought biometric voter kits.")
    agencies = _agencies(ext)
    assert agencies["COMELEC"] == "PH" and agencies["IEBC"] == "KE"
