"""Wrong parties, talks read as deals and a firm's nationality read as the buyer's state (round 14, second wave).

Minimal sentences about fictional firms and people (Korvant Systems, Zolmera Vision and the officials Jon Kelwin
and Dana Whitford are made up, marked so here; no wrongdoing is said of anyone) with real states as buyers and
sellers: each checks what an investigator reads and fails on the rules before this round."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels, names, supplies


def test_negotiating_a_purchase_is_reported_hedged_not_as_a_deal(extractor: Extractor) -> None:
    ext = extractor.extract_text("Pakistan has been negotiating a deal for the purchase of drones from Korvant "
                                 "Systems, a fictional firm.")
    evs = supplies(ext)
    assert evs and all(ev.hedged for ev in evs)


def test_a_purchase_after_negotiations_is_still_a_deal(extractor: Extractor) -> None:
    ext = extractor.extract_text("After months of negotiations, Kenya bought radars from Korvant Systems.")
    evs = supplies(ext)
    assert [names(ev.roles.get("supplier")) for ev in evs] == [{"Korvant Systems"}]
    assert not evs[0].hedged


def test_two_bodies_of_one_country_joined_by_and_are_two_recipients(extractor: Extractor) -> None:
    ext = extractor.extract_text("The United States has provided 20 vessels to the Ghana Navy and Ghana Coast Guard.")
    found = agencies(ext)
    assert found.get("Ghana Navy") == "GH" and found.get("Ghana Coast Guard") == "GH"
    assert "Ghana Navy and Ghana Coast Guard" not in labels(ext)
    assert [names(ev.roles.get("recipient")) for ev in supplies(ext)] == [{"Ghana Navy", "Ghana Coast Guard"}]


def test_and_inside_one_body_name_is_not_cut(extractor: Extractor) -> None:
    ext = extractor.extract_text("Korvant Systems supplied radars to the Bangladesh Bureau of Science and Technology.")
    assert "Bangladesh Bureau of Science and Technology" in agencies(ext)


def test_an_ambassador_handing_over_goods_acts_for_his_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("US ambassador Jon Kelwin handed over the 20 vessels to the Ghana Navy.")
    evs = supplies(ext)
    assert [(names(ev.roles.get("supplier")), names(ev.roles.get("recipient"))) for ev in evs] == [
        ({"US"}, {"Ghana Navy"})]


def test_a_chief_executive_selling_is_his_firm_not_a_second_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("Korvant Systems chief executive Jon Kelwin sold the cameras to the Ghana Police "
                                 "Service.")
    evs = supplies(ext)
    assert [names(ev.roles.get("supplier")) for ev in evs] == [{"Korvant Systems"}]


def test_a_person_without_a_title_naming_a_body_stays_the_party(extractor: Extractor) -> None:
    ext = extractor.extract_text("Dana Whitford sold the cameras to the Ghana Police Service.")
    assert {n for ev in supplies(ext) for n in names(ev.roles.get("supplier"))} == {"Dana Whitford"}


def test_the_second_of_two_coordinated_sellers_is_no_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Japanese and US governments have committed to supplying radars.")
    for ev in supplies(ext):
        assert not names(ev.roles.get("recipient")) & {"JP", "US"}


def test_two_sellers_giving_to_a_third_state_keep_that_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Japan and Germany will be providing drones to the Philippines.")
    for ev in supplies(ext):
        assert not names(ev.roles.get("recipient")) & {"JP", "DE"}
    assert any(names(ev.roles.get("recipient")) == {"PH"} for ev in supplies(ext))


def test_coordinated_buyers_stay_buyers(extractor: Extractor) -> None:
    ext = extractor.extract_text("Japan will supply radars to the Philippines and Vietnam.")
    assert [names(ev.roles.get("recipient")) for ev in supplies(ext)] == [{"PH", "VN"}]


def test_a_firms_nationality_does_not_give_the_buyers_bodies_its_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Financial Intelligence Unit reported that contracts were paid to the Israeli "
                                 "software company, Korvant Systems. The Israeli company used front companies, the "
                                 "Ministry of the Interior said.")
    found = agencies(ext)
    assert "Financial Intelligence Unit" in found and "Ministry of the Interior" in found
    assert found["Financial Intelligence Unit"] != "IL" and found["Ministry of the Interior"] != "IL"


def test_a_story_about_one_state_still_gives_its_bodies_that_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("Kenya bought radars from Zolmera Vision, a fictional firm. The Ministry of the "
                                 "Interior said the radars work.")
    assert agencies(ext).get("Ministry of the Interior") == "KE"


def test_a_technical_term_spelt_out_before_goods_is_no_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("The army will receive FPV (First-Person View) drones from Korvant Systems.")
    sellers = {n for ev in supplies(ext) for n in names(ev.roles.get("supplier"))}
    assert sellers == {"Korvant Systems"}
