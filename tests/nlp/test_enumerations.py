"""Recipients named as a list after a generic noun ("governments including Bahrain, Ethiopia and Turkmenistan").

``nlp/components/enumerations.py`` reads the named parties a generic state or customer noun lists; the supply rules
of ``nlp/components/events.py`` make them the recipients instead of the generic noun. Sentences quoted from a
public page name it above the test (found with the project's search of stored public pages; none is a passage of
the real development set); the others are the project's own wording of a frame, and say so. The precision cases
check that a list of victims, products, dates, firms or places is never read as the buyers.
"""

from __future__ import annotations

from spacy.tokens import Doc

from nlp.components.enumerations import listed_parties, member_labels
from nlp.components.events import Mention
from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names, supplies


def _supplies(ext: DocumentExtraction) -> list[EventMention]:
    return supplies(ext) + supplies(ext, negated=True)


def _recipients(ext: DocumentExtraction) -> list[set[str]]:
    return [names(ev.roles.get("recipient")) for ev in _supplies(ext)]


# ------------------------------------------------------------------ recipients listed after a generic noun
def test_purchasers_listed_after_including_are_the_recipients(extractor: Extractor) -> None:
    # https://privacyinternational.org/node/1395
    text = ("In fact, at least 45 countries are purchasers of Hacking Team's RCS malware, including, Azerbaijan, "
            "Bahrain, Colombia, Egypt, Ethiopia, Kazakhstan, Morocco, Oman, Russia, Saudi Arabia, Sudan, Turkey, UAE, "
            "and Uzbekistan.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"Hacking Team"}
    assert names(ev.roles["recipient"]) == {"AZ", "BH", "CO", "EG", "ET", "KZ", "MA", "OM", "RU", "SA", "SD", "TR",
                                            "AE", "UZ"}


def test_every_country_of_a_long_list_after_agencies_in_is_a_recipient(extractor: Extractor) -> None:
    # https://firstethiopia.wordpress.com/2015/07/08/hacking-team-hackedhacking-teams-technology-allowed-the-ethiopian-government-to-hack-into-the-computers-and-accounts-esat-employees/
    # (the list is longer than the parse walk of one name: the last five countries were "where", not buyers)
    text = ("Internal emails and financial records show that in the past five years, Hacking Team's Remote Control "
            "System software — which can infect a target's computer or phone from afar and steal files, read emails, "
            "take photos and record conversations — has been sold to government agencies in Ethiopia, Bahrain, Egypt, "
            "Kazakhstan, Morocco, Russia, Saudi Arabia, South Sudan, Azerbaijan and Turkey.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["recipient"]) == {"ET", "BH", "EG", "KZ", "MA", "RU", "SA", "SS", "AZ", "TR"}
    assert "country" not in ev.roles


def test_governments_listed_between_dashes_bought_the_named_tool(extractor: Extractor) -> None:
    # http://smex.silk.co/page/Hacking-Team-sold-surveillance-software-to-repressive-regimes-in-the-Arab-region
    text = ("For Arab human rights defenders, the Hacking Team files confirm what they already knew: That Arab "
            "governments—including Tunisia, Morocco, Sudan, Bahrain, Egypt, and Saudi Arabia—had purchased and used "
            "Hacking Team's remote intrusion tool, often against activists.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"Hacking Team"}
    assert names(ev.roles["recipient"]) == {"TN", "MA", "SD", "BH", "EG", "SA"}
    assert ev.confidence > 0.45  # read from the sentence's own verbs, not the sentence backoff


def test_a_list_the_parser_hung_on_the_victims_is_the_users_when_it_names_states(extractor: Extractor) -> None:
    # the project's own wording of a frame of Citizen Lab's summaries; the maker is said in the sentence before
    text = ("FinFisher spyware is marketed and produced by Gamma Group. Researchers found that several countries with "
            "poor human rights records were using FinFisher spyware to target dissidents and activists, including "
            "Kenya, Angola and Saudi Arabia.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"Gamma Group"}
    assert names(ev.roles["recipient"]) == {"KE", "AO", "SA"}


def test_countries_that_use_a_tool_listed_after_such_as(extractor: Extractor) -> None:
    # the project's own wording: the relative clause on "countries" says the use, "such as" names them
    text = ("FinFisher, produced by Gamma International, is sold to governments. Among the countries that use "
            "FinFisher, many have poor human rights records, such as Bahrain, Ethiopia and Vietnam.")
    assert {"BH", "ET", "VN"} in _recipients(extractor.extract_text(text))


def test_customers_include_police_forces_in_named_countries(extractor: Extractor) -> None:
    # the project's own wording of the "X's customers include <generic> in/such as ..." frame
    ext = extractor.extract_text("Hikvision's customers include police forces in Kenya and Uganda.")
    (ev,) = _supplies(ext)
    assert names(ev.roles["supplier"]) == {"Hikvision"}
    assert names(ev.roles["recipient"]) == {"KE", "UG"}
    ext = extractor.extract_text("Hacking Team's customers include security agencies, such as the Mexican Army and "
                                 "Panama's National Security Council.")
    (ev,) = _supplies(ext)
    assert names(ev.roles["recipient"]) == {"Mexican Army", "National Security Council"}


def test_agencies_in_countries_that_are_listed(extractor: Extractor) -> None:
    # the project's own wording: the states listed by the place noun of the buyers ("in" hung on the verb by the
    # parser); before, every country of the sentence was read as a buyer, now only those the buyers' noun lists
    text = ("Cellebrite sells its products to law enforcement agencies in over 150 countries, including Bangladesh and "
            "Belarus.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["recipient"]) == {"BD", "BY"}
    text = "NSO Group said its customers are government agencies in 40 countries, such as Mexico and Panama."
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"NSO Group"} and names(ev.roles["recipient"]) == {"MX", "PA"}
    assert ev.confidence > 0.45  # the agent noun's rule, not the sentence backoff


def test_unnamed_buyers_the_parser_made_a_title_apposition_of(extractor: Extractor) -> None:
    # the project's own wording of a report-citing sentence: the parser reads the quoted title as the subject and
    # the buyers as its apposition; the buyers stay unnamed but said
    text = ("In Freedom House\u2019s 2019 report \u201cFreedom on the Net,\u201d 18 out of 65 countries analyzed had "
            "bought cameras from Hikvision.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"Hikvision"}
    assert names(ev.roles["recipient"]) == {"18 out of 65 countries analyzed"}


def test_clients_with_no_owner_said_are_the_one_trade_firm_of_the_sentence(extractor: Extractor) -> None:
    # the project's own wording of the frame "... installations of X ... A, B and C are likely government clients"
    text = ("Researchers scanned the internet for installations of Cytrox servers and found that Armenia, Egypt and "
            "Serbia are likely government clients.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"Cytrox"}
    assert names(ev.roles["recipient"]) == {"AM", "EG", "RS"}
    assert ev.hedged  # "likely"
    # a research group is no seller: with no firm in the sentence, nobody is guessed
    assert _supplies(extractor.extract_text("Researchers at Citizen Lab found that Armenia, Egypt and Serbia are "
                                            "likely government clients.")) == []


def test_the_event_keeps_its_sentence_marks_and_offsets(extractor: Extractor) -> None:
    # the project's own wording: the hedge and the denial of the sale hold for every listed recipient
    text = "NSO Group reportedly sold Pegasus to governments including Mexico and Panama."
    (ev,) = _supplies(extractor.extract_text(text))
    assert ev.hedged and not ev.negated and ev.sentence == text and (ev.start, ev.end) == (0, len(text))
    (ev,) = _supplies(extractor.extract_text("Gamma Group denied selling FinFisher to governments such as Bahrain and "
                                             "Ethiopia."))
    assert ev.negated and names(ev.roles["recipient"]) == {"BH", "ET"}
    doc = extractor.nlp("Hikvision supplied cameras to several countries, such as Kenya and Uganda.")
    (raw,) = [e for e in doc._.redflag_events if e["type"] == "supply"]
    assert [(doc.text[s:e], label) for s, e, label, _ in raw["roles"]["recipient"]] == [("Kenya", "COUNTRY"),
                                                                                         ("Uganda", "COUNTRY")]


def test_a_client_list_said_with_include_is_a_supply_not_a_listing(extractor: Extractor) -> None:
    # the project's own wording of the "client list" frame (nlp/devset/real/README.md: one supply event)
    for text in ("Hacking Team's customer list includes Sudan, Ethiopia and Morocco.",
                 "The leaked list of Hacking Team clients includes Sudan, Ethiopia and Morocco.",
                 "Hacking Team's clients, which include Sudan, Ethiopia and Morocco, used the spyware against "
                 "journalists."):
        ext = extractor.extract_text(text)
        (ev,) = _supplies(ext)
        assert names(ev.roles["supplier"]) == {"Hacking Team"}, text
        assert names(ev.roles["recipient"]) == {"SD", "ET", "MA"}, text
        assert [e for e in ext.events if e.type == "listing"] == [], text


# ------------------------------------------------------------------ lists that are not the recipients
def test_a_plain_list_that_includes_countries_is_no_listing_by_the_firm(extractor: Extractor) -> None:
    # https://techraptor.net/technology/news/hacking-team-exposed-hack (the list of a leak, not a sanctions list: the
    # firm was made the listing authority of 35 countries before)
    text = ("What was immediately revealed was the rather long list of nations who have utilized the services of "
            "Hacking Team, a list which includes Egypt, Ethiopia, Morocco, Nigeria, Sudan, Chile, Colombia, Ecuador, "
            "Honduras, Mexico, Panama, United States, Azerbaijan, Kazakhstan, Malaysia, Mongolia, Singapore, South "
            "Korea, Thailand, Uzbekistan, Vietnam, Australia, Cyprus, Czech Republic, Germany, Hungary, Italy, "
            "Luxemburg, Poland, Russia, Spain, Switzerland, Bahrain, Oman, Saudi Arabia, UAE.")
    assert [e for e in extractor.extract_text(text).events if e.type == "listing"] == []


def test_spyware_found_in_listed_countries_is_no_sale(extractor: Extractor) -> None:
    # https://www.apr.org/2015-07-06/a-hacker-is-hacked-controversial-italian-cyber-espionage-company-is-targeted
    text = ("Over the years, Citizen Lab, a lab that studies surveillance at the Munk School of Global Affairs at the "
            "University of Toronto, says that it has found Hacking Team's spyware in 21 countries, including Sudan, "
            "Egypt, Ethiopia, Turkey and Malaysia.")
    assert _supplies(extractor.extract_text(text)) == []


def test_firms_listed_after_such_as_are_the_suppliers_not_the_buyers(extractor: Extractor) -> None:
    # https://carnegieendowment.org/research/2023/03/why-does-the-global-spyware-industry-continue-to-thrive-trends-explanations-and-responses?lang=en
    text = ("Israel is the leading exporter of spyware and digital forensics tools documented in the global "
            "inventory: fifty-six out of seventy-four governments have procured commercial spyware and digital "
            "forensics technologies from firms that are either based in or connected to Israel, such as NSO Group, "
            "Cellebrite, Cytrox, and Candiru.")
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["supplier"]) == {"NSO Group", "Cellebrite", "Cytrox", "Candiru"}
    assert names(ev.roles["recipient"]) == {"fifty-six out of seventy-four governments"}


def test_servers_found_in_listed_countries_are_no_sale(extractor: Extractor) -> None:
    # http://news.firedoglake.com/2013/03/15/intrusive-surveillance-software-finspy-found-in-25-countries-including-america/
    text = ("We have found command and control servers for FinSpy backdoors, part of Gamma International's FinFisher "
            "\"remote monitoring solution,\" in a total of 25 countries: Australia, Bahrain, Bangladesh, Brunei, "
            "Canada, Czech Republic, Estonia, Ethiopia, Germany, India, Indonesia, Japan, Latvia, Malaysia, Mexico, "
            "Mongolia, Netherlands, Qatar, Serbia, Singapore, Turkmenistan, United Arab Emirates, United Kingdom, "
            "United States, Vietnam.")
    assert _supplies(extractor.extract_text(text)) == []


def test_countries_listed_as_places_of_a_crackdown_buy_nothing(extractor: Extractor) -> None:
    # https://qz.com/africa/1940897/nigeria-kenya-use-israeli-surveillance-tool-to-listen-to-calls
    text = ("As African governments crack down on protestors and opposition leaders in countries such as Nigeria and "
            "Uganda, it is emerging that state security agencies in seven regional countries are among 25 around the "
            "world using an Israeli surveillance platform to snoop on private communications of citizens.")
    assert not any(r & {"NG", "UG"} for r in _recipients(extractor.extract_text(text)))


def test_states_listed_as_places_are_no_recipients(extractor: Extractor) -> None:
    # http://thesaturnherald.com/us-military-site-use-chinese-cameras-despite-ban-of-huawei-ban/
    text = ("Police departments in states like Massachusetts, Colorado and Tenessee are also still relying on "
            "Hikvision cameras.")
    assert not any(r & {"Massachusetts", "Colorado", "Tenessee"} for r in _recipients(extractor.extract_text(text)))


def test_a_list_of_victims_products_or_dates_leaves_the_generic_buyer(extractor: Extractor) -> None:
    # the project's own wording, one sentence per kind of list
    for text, kept in [
        ("NSO Group sold Pegasus to governments, which used it against journalists, including Rana Ayyub and Omar "
         "Radi.", {"governments"}),
        ("Hacking Team sold spyware products, including Galileo and Da Vinci, to governments.", {"governments"}),
        ("Sandvine sold its equipment to governments in 2019, 2020 and 2021.", {"governments"}),
    ]:
        assert _recipients(extractor.extract_text(text)) == [kept], text


def test_countries_where_victims_were_targeted_are_not_the_buyers(extractor: Extractor) -> None:
    # the project's own wording: the list hangs on "countries" of another clause (fails on the rules before)
    text = "Gamma sold FinFisher to governments, and activists in countries including Bahrain and Ethiopia were targeted."
    (ev,) = _supplies(extractor.extract_text(text))
    assert names(ev.roles["recipient"]) == {"governments"}


# ------------------------------------------------------------------ the reader itself
def _mentions(doc: Doc) -> list[Mention]:
    return [Mention(e, e.label_, e.kb_id_ or e.text) for e in doc.ents]


def test_listed_parties_reads_only_generic_state_and_customer_nouns(extractor: Extractor) -> None:
    doc = extractor.nlp("Gamma sold FinFisher to governments including Bahrain, Ethiopia and Turkmenistan.")
    governments = next(t for t in doc if t.lower_ == "governments")
    assert member_labels(governments) == {"COUNTRY", "GOV_AGENCY"}
    assert [m.span.text for m in listed_parties(governments, _mentions(doc))] == ["Bahrain", "Ethiopia", "Turkmenistan"]
    doc = extractor.nlp("Gamma sold spyware tools including FinSpy and FinFly to Bahrain.")
    tools = next(t for t in doc if t.lower_ == "tools")
    assert member_labels(tools) == frozenset()
    assert listed_parties(tools, _mentions(doc)) == []
