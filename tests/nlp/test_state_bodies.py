"""Courts, legislatures, their committees and police forces found by the shape of their names
(nlp/components/state_bodies.py, the ruler's country-and-kind phrases), on sentences quoted from public pages
outside the dev set (source URL on each test), and the precision cases: a firm named "Court ...", India's
Congress party, "the Committee" alone, "the police" without a country, international courts and parliaments.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels


# ------------------------------------------------------------------------------------------ courts
def test_us_federal_district_court_named_with_its_district_takes_the_us(extractor: Extractor) -> None:
    # https://globalcybersecurityreport.com/industry-commerce/2025/01/07/unpacking-whatsapps-legal-triumph-over-nso-group
    text = ("On Dec. 20, 2024, the U.S. District Court for the Northern District of California handed down a decisive "
            "legal win for the tech giant\u2019s subsidiary, the messaging service WhatsApp, in its long-running battle "
            "against NSO Group, the embattled Israeli spyware maker.")
    ext = extractor.extract_text(text)
    assert agencies(ext) == {"U.S. District Court for the Northern District of California": "US"}
    assert "ORG" in labels(ext)["NSO Group"]


def test_district_court_written_with_of_and_the_countrys_long_name(extractor: Extractor) -> None:
    # http://www.jpost.com/israel-news/us-federal-court-rules-lawsuit-against-israeli-nso-can-continue-635547
    text = ("Phyllis Hamilton, chief judge of the United States District Court of the Northern District of California, "
            "denied most of the arguments NSo Group made in its request in April, according to TechCrunch.")
    ext = extractor.extract_text(text)
    assert agencies(ext) == {"United States District Court of the Northern District of California": "US"}


def test_supreme_court_after_a_country_and_a_court_without_one(extractor: Extractor) -> None:
    # https://webpronews.com/whatsapp-wins-major-victory-against-nso-group
    ext = extractor.extract_text("The Biden administration urged the US Supreme Court to deny the defense, as the US "
                                 "State department has never given sovereign immunity to a private company.")
    assert agencies(ext)["US Supreme Court"] == "US"
    # https://www.kenyans.co.ke/news/38418-high-court-stops-mandatory-huduma-namba-registration?page=1 : the text
    # does not say which state's court it is, so no country is guessed
    ext = extractor.extract_text("The High Court on Monday ruled that the mandatory Huduma Namba registration decree "
                                 "by the govt was no longer compulsory.")
    assert agencies(ext) == {"High Court": None}


def test_an_international_court_is_an_organisation_with_its_acronym(extractor: Extractor) -> None:
    # https://dig.watch/updates/echr-ruled-bulk-interception-violation-right-privacy-freedom-expression
    text = ("The European Court of Human Rights (ECHR) has issued judgement in the case of Big Brother Watch and Others "
            "v. the United Kingdom (application nos. 58170/13, 62322/14 and 24969/15) ruling that the bulk intercept "
            "regime and regime for obtaining communications data from communication service providers in the United "
            "Kingdom violates Art. 8 (right to respect for private and family life/communications) and Art. 10 "
            "(freedom of expression) of the European Convention of Human Rights.")
    found = labels(extractor.extract_text(text))
    assert found["European Court of Human Rights"] == {"ORG"}
    assert found["ECHR"] == {"ORG"}


# ------------------------------------------------------------------------------------------ legislatures
def test_us_congress_and_a_house_committee_named_in_full(extractor: Extractor) -> None:
    # https://www.maketecheasier.com/congress-fights-foreign-spyware/
    ext = extractor.extract_text("With this overabundance, the U.S. Congress is finally going to start looking into "
                                 "foreign spyware, specifically Pegasus.")
    assert agencies(ext) == {"U.S. Congress": "US"}
    # https://democrats-intelligence.house.gov/news/documentsingle.aspx?DocumentID=1211 (US Government work): the
    # passage names no country, so the committee has none
    ext = extractor.extract_text("Today, Congressman Adam Schiff (D-Calif.), Chairman of the House Permanent Select "
                                 "Committee on Intelligence, delivered an opening statement at an open hearing on "
                                 "commercial cyber surveillance:")
    assert agencies(ext) == {"House Permanent Select Committee on Intelligence": None}


def test_a_house_committee_takes_the_us_where_the_text_names_the_us(extractor: Extractor) -> None:
    # https://www.nextgov.com/cybersecurity/2022/07/human-rights-advocate-congress-stop-federal-procurement-commercial-spyware/375037/
    # (first sentence quoted; the second is shortened from the article's quotation of John Scott-Railton)
    text = ("The U.S. government should prohibit federal agencies from purchasing commercial spyware products in order "
            "to address the counterintelligence threat posed by foreign firms, a key witness told lawmakers.\n\n"
            "Citizen Labs\u2019 John Scott-Railton, a senior researcher at the tech savvy human rights group, told "
            "members of the House Intelligence Committee.")
    found = agencies(extractor.extract_text(text))
    assert found["House Intelligence Committee"] == "US"
    assert found["U.S. government"] == "US"


def test_parliaments_committee_and_national_assembly_and_senate_without_a_guessed_country(extractor: Extractor) -> None:
    # https://www.secjure.nl/2021/11/19/the-strasbourg-court-on-article-8-and-the-bulk-interception-of-data/
    ext = extractor.extract_text(
        "While the existence of this program was neither confirmed nor denied by the GCHQ, the March 2015 Report of the "
        "Intelligence and Security Committee of Parliament revealed that two major processing systems for the bulk "
        "interception of communications were (indeed) being operated.")
    assert agencies(ext)["Intelligence and Security Committee of Parliament"] is None
    # https://nation.africa/kenya/news/Court-to-issue-judgment-on-Huduma-Namba/1056-5437888-mv7pqi/index.html
    ext = extractor.extract_text(
        "They sued the Attorney-General, the Cabinet Secretaries for Interior as well as the Information Communication "
        "Technology, the Director of National Registration and the Speaker of the National Assembly.")
    assert agencies(ext)["National Assembly"] is None
    # https://www.tuko.co.ke/337741-huduma-namba-court-throws-petition-challenging-registration-process.html
    ext = extractor.extract_text(
        "The court condensed the issues raised by the petitioners into three key sections that included determination "
        "on whether the process met legislative requirements by leaving out the Senate, discriminating the Nubian "
        "community and whether it infringed of the right of privacy of Kenyans.")
    assert agencies(ext) == {"Senate": None}


def test_legislatures_known_by_their_own_names_carry_their_country(extractor: Extractor) -> None:
    # https://www.moneycontrol.com/news/politics/pegasus-row-congress-demands-probe-by-joint-parliamentary-committee-7196421.html
    text = ("\"We had given adjournment notices in both Rajya Sabha and Lok Sabha to hold a discussion on the violation "
            "of national security and the fundamental rights under the Constitution over the phone tapping issue,\" "
            "Gohil told reporters.")
    assert agencies(extractor.extract_text(text)) == {"Rajya Sabha": "IN", "Lok Sabha": "IN"}


def test_the_european_parliament_is_an_organisation(extractor: Extractor) -> None:
    # https://trueviralnews.com/127468-experts-tell-congress-to-blacklist-abusive-spyware-cos-like-nso.html
    ext = extractor.extract_text("A senior member of the European Union and several high-ranking staff of the European "
                                 "Parliament may have been targeted with sophisticated spyware last year.")
    assert labels(ext)["European Parliament"] == {"ORG"}
    assert not agencies(ext)


# ------------------------------------------------------------------------------------------ police by place
def test_city_police_with_a_country_only_where_the_place_is_known(extractor: Extractor) -> None:
    # https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/india-citizenship-law-protest-surveillance
    ext = extractor.extract_text("The Delhi Police defended their use of the technology, stating it was based on "
                                 "credible intelligence inputs about possible disruptions.")
    assert agencies(ext) == {"Delhi Police": "IN"}
    # http://kvpr.org/post/fresno-pd-drops-color-coded-threat-assessments : Fresno is no place the project knows,
    # and the sentence does not name the state, so the body has no country rather than a guessed one
    ext = extractor.extract_text("The Fresno Police Department is rolling back a controversial threat prediction "
                                 "program after public backlash.")
    assert agencies(ext) == {"Fresno Police Department": None}


def test_country_its_bracketed_acronym_and_security_services_are_one_body(extractor: Extractor) -> None:
    # written for the test in the phrasing of the Alhathloul v. DarkMatter complaint (the dev set holds the original)
    ext = extractor.extract_text("The United Arab Emirates (UAE) security services detained her in 2018.")
    assert agencies(ext) == {"United Arab Emirates (UAE) security services": "AE"}


# ------------------------------------------------------------------------------------------ precision
def test_a_firm_named_court_is_no_court(extractor: Extractor) -> None:
    # https://www.citybiz.co/article/393597/court-square-partners-makes-strategic-investment-in-kentuckys-five-star-parks/
    text = ("New York\u2019s Court Square Capital Partners, a middle market-focused private equity firm with $7.4 billion "
            "in assets under management, has made a strategic capital investment in Kentucky\u2019s Five Star Parks & "
            "Attractions.")
    ext = extractor.extract_text(text)
    assert not agencies(ext)
    assert labels(ext)["Court Square Capital Partners"] == {"ORG"}


def test_indias_congress_party_is_no_legislature(extractor: Extractor) -> None:
    # https://www.moneycontrol.com/news/politics/pegasus-row-congress-demands-probe-by-joint-parliamentary-committee-7196421.html
    for text in ("The Congress on Tuesday stepped up its attack on the government over the Pegasus snooping controversy "
                 "and demanded a probe by a Joint Parliamentary Committee.",
                 "Congress spokesperson Shaktisinh Gohil said the government should clearly tell whether it has "
                 "purchased the Pegasus spyware or not and hold a joint parliamentary probe."):
        assert "Congress" not in agencies(extractor.extract_text(text))


def test_the_committee_alone_and_the_police_alone_are_no_mentions(extractor: Extractor) -> None:
    # https://democrats-intelligence.house.gov/news/documentsingle.aspx?DocumentID=1211
    assert not agencies(extractor.extract_text("Good morning and welcome.  The Committee will come to order."))
    # https://www.thequint.com/voices/opinion/delhi-police-facial-recognition-software-technology-how-to-avoid
    ext = extractor.extract_text("The police do not have any authority to mass surveil general public, especially with "
                                 "no law on surveillance as ordered by the Supreme Court in the Right to Privacy "
                                 "judgment, Puttuswamy Vs Union of India (2017).")
    # (India is the one state the text names: the court is India's, round 13's one-state rule)
    assert agencies(ext) == {"Supreme Court": "IN"}


def test_a_countrys_parliament_in_lower_or_title_case_and_its_committee(extractor: Extractor) -> None:
    # https://globalpolitics.info/eu/greek-parliament-investigates-watergate-spying-scandal.html (EURACTIV)
    ext = extractor.extract_text(
        "The Greek parliament\u2019s inquiry committee will hold a crucial meeting on Monday to investigate the "
        "wiretapping scandal which has rocked the country, with the Greek prime minister\u2019s former chief of staff and "
        "nephew, Grigoris Dimitriadis, set to testify.")
    assert agencies(ext) == {"Greek parliament": "GR"}
    # https://www.bebuzee.com/blog/news-greek-parliament-refuses-to-question-supreme-court-over-spyware-ruling
    ext = extractor.extract_text(
        "The Greek Parliament's Special Permanent Committee on Institutions and Transparency has rejected a request "
        "from opposition parties to summon Supreme Court prosecutors to explain their decision regarding a "
        "high-profile telephone surveillance case.")
    found = agencies(ext)
    assert found["Greek Parliament"] == "GR"
    assert "Special Permanent Committee on Institutions and Transparency" in found


def test_a_regional_court_with_a_demonym_inside_its_name_is_an_organisation(extractor: Extractor) -> None:
    # https://privacyinternational.org/advocacy/5330/new-historic-judgment-members-jose-alvear-restrepo-lawyers-collective-v-colombia
    ext = extractor.extract_text(
        "On 18 October 2023, the Inter-American Court of Human Rights (IACtHR or Court) issued a historic judgment "
        "declaring the Republic of Colombia internationally responsible for human rights violations against several "
        "members of the human rights non-profit Colectivo de Abogados y Abogadas Jos\u00e9 Alvear Restrepo (CAJAR)and "
        "their relatives.")
    assert labels(ext)["Inter-American Court of Human Rights"] == {"ORG"}
    assert not agencies(ext)


def test_a_countrys_authorities_are_a_government_actor_and_the_authorities_alone_are_none(extractor: Extractor) -> None:
    # Reuters, 16 December 2021, as republished by Middle East Monitor ("Prominent Egyptian opposition activist's
    # phone hacked, says watchdog"): "X authorities" is the state acting, as "X government" and "X police" are
    ext = extractor.extract_text("Egyptian authorities did not immediately respond to a request for comment.")
    assert agencies(ext) == {"Egyptian authorities": "EG"}
    # the same report's bare "authorities" names no state: no agency mention
    assert not agencies(extractor.extract_text("The authorities did not immediately respond to a request for comment."))


# ------------------------------------------------------------------ bodies whose names a country opens
def test_a_regulator_named_with_its_country_first_is_one_body_with_that_country(extractor: Extractor) -> None:
    # https://telecomlive.com/web/bangladesh-govt-shuts-down-mobile-networks-along-indias-borders
    text = ("The Bangladesh Telecommunication Regulatory Commission (BTRC), in its order to telecommunications service "
            "providers- Grameenphone, Teletalk, Robi and Banglalink- on Sunday, said network coverage in the border "
            "areas should be suspended until further notice.")
    ext = extractor.extract_text(text)
    assert agencies(ext) == {"Bangladesh Telecommunication Regulatory Commission": "BD", "BTRC": "BD"}
    assert "COUNTRY" not in labels(ext).get("Bangladesh", set())
    # http://pta.gov.pk/en/media-center/single-media/facebook-blocked (the regulator's own release)
    ext = extractor.extract_text("Islamabad: Pakistan Telecommunication Authority (PTA) has directed all concerned "
                                 "operators in Pakistan to block website www.facebook.com till further orders.")
    assert agencies(ext) == {"Pakistan Telecommunication Authority": "PK", "PTA": "PK"}


def test_a_police_force_and_a_bureau_named_with_their_country_first(extractor: Extractor) -> None:
    # http://www.topix.com/world/uganda/2017/04/uganda-police-seeks-u-s-54-million-for-surveillance-cameras
    ext = extractor.extract_text("The Uganda Police Force needs at least Shs 203 billion to procure video "
                                 "surveillance cameras to cover Kampala Metropolitan area, municipalities and major "
                                 "highways in a bid to enhance proactive policing.")
    assert agencies(ext) == {"Uganda Police Force": "UG"}
    # a complement after the head belongs to the name
    ext = extractor.extract_text("The Bangladesh Bureau of Statistics published the census figures.")
    assert agencies(ext) == {"Bangladesh Bureau of Statistics": "BD"}


def test_a_demonym_opens_a_bodys_name_only_where_its_acronym_says_so(extractor: Extractor) -> None:
    # https://iafrikan.com/tag/nigerian-communications-commission/ : "NCC" spells the demonym's initial too; "FG"
    # (Federal Government) does not, and "the Bahraini Interior Ministry" is a country and a body it describes
    ext = extractor.extract_text("The Nigerian Federal Government (FG) has instructed the Nigerian Communications "
                                 "Commission (NCC) to issue a directive to all mobile network operators in the "
                                 "northern state of Zamfara, to shut down mobile services for two weeks.")
    assert agencies(ext)["Nigerian Communications Commission"] == "NG"
    assert agencies(ext)["NCC"] == "NG"
    ext = extractor.extract_text("The Bahraini Interior Ministry bought the spyware.")
    assert agencies(ext) == {"Interior Ministry": "BH"}
    assert "COUNTRY" in labels(ext)["Bahraini"]


def test_a_firm_or_a_longer_name_that_a_country_opens_is_no_body(extractor: Extractor) -> None:
    # https://en.wikipedia.org/wiki/Pakistan_Telecommunication_Company_Limited : a company, whatever its words
    ext = extractor.extract_text("Pakistan Telecommunication Company Limited (PTCL) is the largest telecommunication "
                                 "company in Pakistan.")
    assert not agencies(ext)
    # a name running on past the head word is some other name (a title and a person here), not a longer body
    ext = extractor.extract_text("Bangladesh Police Chief Benazir Ahmed said the cameras were lawful.")
    assert agencies(ext) == {"Bangladesh Police": "BD"}
    assert "PERSON" in labels(ext)["Benazir Ahmed"]


def test_a_field_of_work_inside_a_state_only_name_does_not_make_it_a_firm(extractor: Extractor) -> None:
    # written for the test after the regulator's notice (https://ncc.gov.ng/media-centre/public-notices/689-
    # expression-of-interest-for-transaction-advisor-on-the-deployment-of-a-device-management-system-dms-solution),
    # named after a possessive: "Communications" is the body's remit, not a firm's trade
    ext = extractor.extract_text("Nigeria's National Communications Commission approved the device management system.")
    assert agencies(ext) == {"National Communications Commission": "NG"}
    # (a firm with the same words and a firm's head stays a firm)
    ext = extractor.extract_text("Cisco Systems sold routers to the ministry.")
    assert labels(ext)["Cisco Systems"] == {"ORG"}


def test_a_provinces_body_and_a_countrys_defence_forces(extractor: Extractor) -> None:
    # https://propakistani.pk/2022/03/11/psca-lahore-to-link-thousands-of-cctv-cameras-to-control-center/
    ext = extractor.extract_text("The Punjab Safe Cities Authority (PSCA) will link over 100,000 CCTVs installed by "
                                 "the Mass Transit Authority, DHA, Ring Road, Smart City, and private societies in "
                                 "Lahore with its control center.")
    assert {"Punjab Safe Cities Authority", "PSCA"} <= set(agencies(ext))
    # written for the test in AIAAIC's phrasing (Hebron entry): "defence forces" after a country's possessive
    ext = extractor.extract_text("Israel's defence forces use the Blue Wolf app to photograph Palestinians.")
    assert agencies(ext) == {"Israel's defence forces": "IL"}


def test_a_heading_alone_on_its_line_is_no_organisation(extractor: Extractor) -> None:
    # https://www.state.gov/reports/2022-country-reports-on-human-rights-practices/bangladesh (section 5 heading)
    ext = extractor.extract_text("Section 5. Governmental Attitude Regarding International and Nongovernmental "
                                 "Investigation of Alleged Violations of Human Rights\n\nA number of domestic and "
                                 "international human rights groups generally operated with some government "
                                 "restrictions.")
    assert not [e for e in ext.entities if e.label in ("ORG", "GOV_AGENCY")]
    # a firm's name alone on its line (a list of parties) stays a firm
    ext = extractor.extract_text("The following entity is added:\nComputer Security Initiative Consultancy PTE\n")
    assert "ORG" in labels(ext)["Computer Security Initiative Consultancy PTE"]


def test_city_of_before_a_place_led_government_is_part_of_its_name(extractor: Extractor) -> None:
    # AIAAIC Repository entry on Buenos Aires' fugitive facial recognition system (CC BY-SA 4.0), shortened
    ext = extractor.extract_text("In April 2022, Judge Andrés Gallardo discovered through a legal injunction that the "
                                 "City of Buenos Aires Government had also signed a side deal.")
    assert agencies(ext) == {"City of Buenos Aires Government": "AR"}
    assert "City" not in labels(ext)


def test_a_province_name_several_countries_share_gives_no_country() -> None:
    # ISO 3166-2 (pycountry): Punjab is IN-PB and PK-PB; Florida is only US-FL
    from nlp.gazetteer import shared_subdivisions, subdivision_code

    assert subdivision_code("Punjab") is None and "punjab" in shared_subdivisions()
    assert subdivision_code("Florida") == "US"
    assert "central" not in shared_subdivisions()  # a compass word in many names is no place


def test_a_sheriffs_office_is_a_us_county_body_and_county_of_opens_its_name(extractor: Extractor) -> None:
    # https://www.potomaclocal.com/2020/04/08/stafford-first-responders-to-get-new-in-car-cameras-upgraded-cell-service
    ext = extractor.extract_text("The Stafford County Sheriff\u2019s Department is about to get a tech upgrade.")
    assert agencies(ext) == {"Stafford County Sheriff\u2019s Department": "US"}
    # written for the test, in the form of a court case's name
    ext = extractor.extract_text("The case is Pen-Link v. County of San Joaquin Sheriff's Office.")
    assert agencies(ext) == {"County of San Joaquin Sheriff's Office": "US"}
    # a firm's name over a hyphen is one name where ner saw one half (Pen-Link, Lincoln, Nebraska)
    ext = extractor.extract_text("Pen-Link, a company based in Lincoln, Nebraska, sells phone-data analysis tools.")
    assert labels(ext)["Pen-Link"] == {"ORG"}


def test_bodies_whose_names_firms_share_words_with(extractor: Extractor) -> None:
    # written for the test: a demonym-led name with a firm-like head, spelt whole by its acronym; a ministry's
    # department named for its remit; prosecutors of a country; a watchdog named after a country
    ext = extractor.extract_text("The South African Revenue Service (SARS) and the Department of Communications "
                                 "reviewed the contract. German prosecutors opened an investigation after Bahrain "
                                 "Watch published the files.")
    assert agencies(ext) == {"South African Revenue Service": "ZA", "SARS": "ZA",
                             "Department of Communications": None, "German prosecutors": "DE"}
    assert labels(ext)["Bahrain Watch"] == {"ORG"}
    # an acronym that does not spell the demonym leaves the demonym a country ("ESAT" is no "ESTS")
    ext = extractor.extract_text("The Ethiopian Satellite Television Service (ESAT) reported the attack.")
    assert not agencies(ext)
