"""Lists in explanations say no word twice (``join_words`` in redflag/rules/base.py)."""

from __future__ import annotations

from redflag.rules.base import join_words


def test_a_repeated_value_is_said_once_whatever_its_case_and_spacing() -> None:
    assert join_words(["journalists", "Journalists ", "lawyers"]) == "journalists, lawyers"


def test_a_value_whose_words_a_longer_one_already_says_is_dropped() -> None:
    victims = ["journalists", "journalists, lawyers, opposition, activists", "activists"]
    assert join_words(victims) == "journalists, lawyers, opposition, activists"


def test_a_word_inside_another_word_is_not_a_repeat() -> None:
    assert join_words(["SDN", "SDNTK"]) == "SDN, SDNTK"
    assert join_words(["CYBER2", "CYBER"]) == "CYBER2, CYBER"


def test_nothing_gives_an_empty_text() -> None:
    assert join_words([]) == "" and join_words(["", " "]) == ""
