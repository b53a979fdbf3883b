"""Entity kinds that cost ORG/agency and country precision on news (issue 13, round 7), in real sentences.

Each test quotes a sentence as published (or shortened, said so) and names its source. The kinds: capitals and
cities read as countries, operating systems, apps and devices read as people or firms, states and places read as
parties, names broken by a shorter match or run into a role, and people's names read as firms.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------------ capitals and cities
def test_a_capital_standing_for_its_government_is_no_country(extractor: Extractor) -> None:
    # https://strategicstudyindia.blogspot.com/2018/06/in-chinas-far-west-companies-cash-in-on.html (Charles
    # Rollet); https://www.ekathimerini.com/news/1190298/spyware-case-is-potentially-explosive/
    ext = extractor.extract_text(
        "Part of what Beijing calls its anti-terrorism campaign, the system includes mandatory facial-recognition "
        "scans at gas stations and Wi-Fi sniffers that secretly collect data from network devices.\n\n"
        "After Dilian ran afoul of Cypriot authorities, which finally dropped pursuits against him, he moved his "
        "company's headquarters to Athens.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Beijing", set()) and "GOV_AGENCY" not in labels.get("Beijing", set())
    assert "COUNTRY" not in labels.get("Athens", set())
    assert labels["Cypriot"] == {"COUNTRY"}  # the demonym stays a country


def test_a_capital_after_a_country_is_a_place_and_the_country_stays(extractor: Extractor) -> None:
    # https://insidestory.gr/article/predators-control-centre-has-its-roots-skopje (shortened)
    ext = extractor.extract_text(
        "A set of classified intelligence documents from North Macedonia show that Predator spyware was illegally "
        "developed by Cytrox, in Skopje, North Macedonia.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Skopje", set())
    assert labels["North Macedonia"] == {"COUNTRY"}


def test_a_capital_before_a_noun_is_no_country_and_the_agency_stays(extractor: Extractor) -> None:
    # https://www.occrp.org/ru/daily/17174-spyware-firms-in-athens-raided-after-greece-bans-their-sale
    ext = extractor.extract_text(
        "Greek police raided the Athens office of an Israeli company behind the Predator spyware, local media "
        "reported.")
    labels = _labels(ext)
    assert "COUNTRY" not in labels.get("Athens", set())
    assert labels["Greek police"] == {"GOV_AGENCY"}


def test_the_sample_worlds_declared_capitals_keep_their_meaning(world_extractor: Extractor) -> None:
    # the fictional sample world's gazetteer declares its capitals; its dev set annotates them as its countries
    ext = world_extractor.extract_text("Police in Kessel reportedly used facial recognition cameras.")
    assert {e.text: e.label for e in ext.entities}.get("Kessel") == "COUNTRY"


# ------------------------------------------------------------------------------------------ software and devices
def test_phones_and_operating_systems_are_products_not_firms(extractor: Extractor) -> None:
    # https://www.sott.net/article/455738-What-is-the-Israeli-developed-Pegasus-spyware-and-why-are-the-worlds-journalists-so-angry-and-spooked-by-it
    ext = extractor.extract_text(
        "A worldwide scandal has broken after it emerged that thousands of journalists around the world may have been "
        "spied on by their governments using their iPhones or Android phones.")
    labels = _labels(ext)
    assert labels["iPhones"] == {"PRODUCT"} and labels["Android"] == {"PRODUCT"}


def test_linux_and_mac_versions_are_products_not_people(extractor: Extractor) -> None:
    # the title of Amnesty International's report of 25 September 2020,
    # https://www.amnesty.org/en/latest/research/2020/09/german-made-finspy-spyware-found-in-egypt-and-mac-and-linux-versions-revealed/
    ext = extractor.extract_text("German-made FinSpy spyware found in Egypt, and Mac and Linux versions revealed")
    labels = _labels(ext)
    assert labels["Linux"] == {"PRODUCT"} and labels["Mac"] == {"PRODUCT"}  # "Mac": one word beside a product


def test_a_name_before_a_noun_only_software_has_is_a_product(extractor: Extractor) -> None:
    # https://citizenlab.ca/2017/12/champing-cyberbit-ethiopian-dissidents-targeted-commercial-spyware/ (shortened);
    # EFF, "The Atlas of Surveillance Expands Its Data on Police Surveillance Technology: 2024 in Review" (Beryl
    # Lipton, in the dev set as eff-2024-atlas-surveillance-ring-fusus)
    ext = extractor.extract_text(
        "Dissidents were targeted with emails containing sophisticated commercial spyware posing as Adobe Flash "
        "updates and PDF plugins.\n\n"
        "In January, Amazon announced that it would no longer facilitate warrantless requests for doorbell camera "
        "footage through the company\u2019s Neighbors app.")
    labels = _labels(ext)
    assert labels["Adobe Flash"] == {"PRODUCT"}
    assert labels["Neighbors"] == {"PRODUCT"} and labels["Amazon"] == {"ORG"}


# ------------------------------------------------------------------------------------------ states and provinces
def test_a_state_or_province_is_no_party(extractor: Extractor) -> None:
    # https://www.vice.com/en/article/jmbd7d/how-the-justice-department-keeps-its-cell-phone-snooping-a-secret;
    # https://www.washingtonpost.com/world/asia_pacific/security-tech-companies-once-flocked-to-myanmar-one-firms-tools-were-used-against-two-journalists-/2019/05/04/d4e9f7f0-5b5d-11e9-b8e3-b03311fbbbfe_story.html
    ext = extractor.extract_text(
        "Florida also happens to be the home of Harris Corporation, the defense contractor that manufactures IMSI "
        "technologies such as Stingray and Hailstorm.\n\n"
        "YANGON, Myanmar \u2014 Myanmar police had two Reuters journalists behind bars, but they wanted more.")
    labels = _labels(ext)
    assert "Florida" not in labels and "YANGON" not in labels  # ISO 3166-2 states and regions (pycountry)
    assert labels["Harris Corporation"] == {"ORG"} and labels["Myanmar police"] == {"GOV_AGENCY"}


def test_a_firm_named_like_a_district_stays_a_firm(extractor: Extractor) -> None:
    # "Meta" is also a Colombian department: districts and departments are not read as places
    # https://deibert.citizenlab.ca/2025/03/paragons-spyware-a-first-look-at-infrastructure-customers-and-victims
    ext = extractor.extract_text(
        "We shared our analysis of Paragon\u2019s infrastructure with Meta (WhatsApp\u2019s parent company), who told us "
        "that the details were pivotal to their ongoing investigation into Paragon.")
    assert _labels(ext).get("Meta") == {"ORG"}


# ------------------------------------------------------------------------------------------ names cut or run on
def test_a_place_or_demonym_opening_an_institutes_name_leaves_the_name_whole(extractor: Extractor) -> None:
    # https://www.fidh.org/en/region/north-africa-middle-east/egypt/surveillance-and-torture-in-egypt-and-libya-amesys-and-nexa
    ext = extractor.extract_text(
        "These indictments arise from two separate complaints filed by the International Federation for Human Rights "
        "(FIDH) and the French League for Human Rights (LDH), which denounced the companies for the sale of "
        "surveillance technology to the Libyan regime of Muammar Gaddafi (in 2007) and the Egyptian regime of Abdel "
        "Fattah al-Sisi (in 2014).\n\n"
        "On 9 November 2017, FIDH and LDH, with the support of the Cairo Institute for Human Rights Studies, filed a "
        "complaint.")
    labels = _labels(ext)
    assert labels["French League for Human Rights"] == {"ORG"} and "French League" not in labels
    assert labels["Cairo Institute for Human Rights Studies"] == {"ORG"} and "Cairo Institute" not in labels


def test_a_body_named_over_and_is_one_body(extractor: Extractor) -> None:
    # https://www.biometricupdate.com/201908/uganda-invests-126m-in-cctv-with-facial-biometrics-from-huawei
    ext = extractor.extract_text(
        "A spokesperson for the Criminal Intelligence and Investigations Department said authorities must rely on "
        "witness interviews due to low numbers of law enforcement personnel and lack of forensics experts.")
    labels = _labels(ext)
    assert labels["Criminal Intelligence and Investigations Department"] == {"GOV_AGENCY"}
    assert "Criminal Intelligence" not in labels and "Investigations Department" not in labels


def test_a_role_written_before_a_name_is_no_part_of_it(extractor: Extractor) -> None:
    # https://ft.csccsc.cc/story/001084140/en (Financial Times, on Huawei in Uganda);
    # https://www.altusintel.com/public-yy6wxh/ (a translation of Liberation's report, as published)
    ext = extractor.extract_text(
        "Spokesperson Fred Enanga denied that the police force was using Huawei\u2019s technology to monitor opposition "
        "figures but confirmed that a new surveillance system was in use.\n\n"
        "The investigators discovered, in June, that the French company Nexa Technologies had illegally sold "
        "surveillance equipment Pointe at Marshal Hatar, leader of the Libyan national army, reveals Liberation.")
    labels = _labels(ext)
    assert labels["Fred Enanga"] == {"PERSON"} and "Spokesperson Fred Enanga" not in labels
    assert "Marshal Hatar" not in labels


# ------------------------------------------------------------------------------------------ people read as firms
def test_a_surname_without_its_arabic_article_is_the_person_named_before(extractor: Extractor) -> None:
    # https://www.fidh.org/en/region/north-africa-middle-east/egypt/surveillance-and-torture-in-egypt-and-libya-amesys-and-nexa
    # (two sentences of the release, the second shortened)
    ext = extractor.extract_text(
        "These indictments arise from two separate complaints filed by the International Federation for Human Rights "
        "(FIDH) and the French League for Human Rights (LDH), which denounced the companies for the sale of "
        "surveillance technology to the Libyan regime of Muammar Gaddafi (in 2007) and the Egyptian regime of Abdel "
        "Fattah al-Sisi (in 2014).\n\n"
        "On 9 November 2017, FIDH and LDH filed a complaint regarding the participation of this same company (which "
        "has since become Nexa Technologies) in the repressive operations carried out by Sisi's regime.")
    sisi = [e for e in ext.entities if e.text == "Sisi"]
    assert sisi and {e.label for e in sisi} == {"PERSON"}


# ------------------------------------------------------------------------------------------ places by their kind
def test_a_square_is_a_place_not_a_person(extractor: Extractor) -> None:
    # https://www.cybersecurityinformer.com (WIRED, "Dictators Used Sandvine Tech to Censor the Internet. The US
    # Finally Did Something About It")
    ext = extractor.extract_text(
        "Younis, then a journalist with daily newspaper Al-Masry Al-Youm, found a working internet connection at the "
        "InterContinental Cairo Semiramis Hotel that overlooked Tahrir Square, the heart of the protests.")
    labels = _labels(ext)
    assert "Tahrir Square" not in labels
    assert labels["Al-Masry Al-Youm"] == {"ORG"}


def test_a_country_ending_an_outlets_name_is_part_of_it(extractor: Extractor) -> None:
    # https://ibtimes.sg/A000FKU (on the Pegasus Project's list)
    ext = extractor.extract_text(
        "Also on the list are phone numbers of overseas journalists for news organizations, including CNN, the "
        "Associated Press, Voice of America, the New York Times, the Wall Street Journal, Bloomberg News, Le Monde in "
        "France and Al Jazeera in Qatar.")
    labels = _labels(ext)
    assert labels["Voice of America"] == {"ORG"} and "Voice" not in labels and "America" not in labels
    assert labels["France"] == {"COUNTRY"} and labels["Qatar"] == {"COUNTRY"}


def test_a_tool_known_by_another_name_stays_a_product(extractor: Extractor) -> None:
    # https://www.dabangasudan.org/en/all-news/article/hacking-team-company-sold-surveillance-tools-to-sudan
    ext = extractor.extract_text(
        "Research published by Citizen Lab in 2014 highlighted the powerful nature of Hacking Team's \u201clawful "
        "intercept tool\u201d known as Da Vinci, which allows those using it to implant a piece of malware on smart "
        "phones and take control of the devices\u2019 microphones, cameras, keyboards, and even services like "
        "Facebook, WhatsApp and Skype.")
    labels = _labels(ext)
    assert labels["Da Vinci"] == {"PRODUCT"} and labels["Hacking Team"] == {"ORG"}


def test_a_name_described_as_a_suburb_is_a_place(extractor: Extractor) -> None:
    # https://therecord.media/spyware-company-intellexa-fined-e50000-for-holding-up-greek-inquiry
    ext = extractor.extract_text(
        "When the authority subsequently attempted to conduct another inspection at the company\u2019s offices in "
        "Elliniko, a coastal suburb just south of Athens, they found the three-storey building was \u201ccompletely "
        "empty and without a functional network infrastructure or IT system.\u201d")
    assert "Elliniko" not in _labels(ext)
