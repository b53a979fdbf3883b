"""Supply events with wrong roles and names that break them (issue 13, round 24, brief supplyroles28:
nlp/components/firm_goods.py, nlp/components/supply_roles.py, ``_denial_denied`` and the ``[excluding]`` words in
nlp/components/events.py). The sentences are written for these tests in the shapes of news and procurement
reports; every firm name is fictional (no sentence of a probe or of the development set)."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels, names, supplies


def test_a_firm_before_its_goods_is_the_seller_not_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("Last year the agency bought 12 Zentrova Labs drones for border patrol.")
    assert labels(ext).get("Zentrova Labs") == {"ORG"}
    [ev] = supplies(ext)
    assert names(ev.roles.get("supplier")) == {"Zentrova Labs"}
    assert not ev.roles.get("product")


def test_a_counted_purchase_of_a_firms_cameras_names_the_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The police bought 40 Ardent Dynamics cameras in 2020.")
    [ev] = supplies(ext)
    assert names(ev.roles.get("supplier")) == {"Ardent Dynamics"}
    assert "PRODUCT" not in labels(ext).get("Ardent Dynamics", set())


def test_a_sector_acronym_before_goods_is_no_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Skyvane Corp said the company sold ICT systems to police.")
    assert "ICT" not in labels(ext)
    [ev] = supplies(ext)
    assert names(ev.roles.get("supplier")) == {"Skyvane Corp"}
    assert "ICT" not in names(ev.roles.get("recipient"))


def test_a_sector_acronym_describing_the_company_is_no_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("Nairobi now boasts the ICT company's Safe City solution.")
    assert "ICT" not in labels(ext)
    assert all("ICT" not in names(ev.roles.get("supplier")) for ev in ext.events)


def test_a_sector_acronym_inside_a_firms_name_joins_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("Local companies Linn IT Solution are providing the control center to the police.")
    assert labels(ext).get("Linn IT Solution") == {"ORG"}
    assert "Linn" not in labels(ext) and "Solution" not in labels(ext)


def test_a_denial_not_made_admits_the_purchase(extractor: Extractor) -> None:
    ext = extractor.extract_text("The ministry did not deny that it bought the interception kit from Helvor GmbH.")
    assert not supplies(ext, negated=True)
    [ev] = supplies(ext)
    assert names(ev.roles.get("supplier")) == {"Helvor GmbH"}


def test_a_firm_that_has_not_denied_a_sale_made_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("Talvora Ltd has not denied selling the system to the Ruritanian police.")
    assert not supplies(ext, negated=True)
    assert [names(ev.roles.get("supplier")) for ev in supplies(ext)] == [{"Talvora Ltd"}]


def test_a_plain_denial_stays_negated(extractor: Extractor) -> None:
    ext = extractor.extract_text("Talvora Ltd denied selling the system to the Ruritanian police.")
    assert [names(ev.roles.get("supplier")) for ev in supplies(ext, negated=True)] == [{"Talvora Ltd"}]


def test_a_bloc_outside_which_the_buyers_lie_is_no_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Prosecutors were asked to investigate exports of spyware from Greece to countries outside the EU.")
    assert all("EU" not in names(ev.roles.get("recipient")) for ev in ext.events)


def test_a_datelines_date_is_not_the_sales_date(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "BERLIN, 3 May 2021 - Helvor GmbH sold surveillance software to the Ruritanian police in 2019.")
    [ev] = supplies(ext)
    assert names(ev.roles.get("date")) == {"2019"}


def test_a_date_in_the_sentence_stays_the_sales_date(extractor: Extractor) -> None:
    ext = extractor.extract_text("Helvor GmbH sold surveillance software to the Ruritanian police on 3 May 2021.")
    [ev] = supplies(ext)
    assert names(ev.roles.get("date")) == {"3 May 2021"}
