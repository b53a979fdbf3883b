"""A state's bodies named by their remit after a demonym (issue 13 round 19; ruler._ACTOR_HEADS): "state security
forces", "law enforcement agencies", "police intelligence service" are GOV_AGENCY with the demonym's country, and
"security" before another noun stays a word. The sentences are written for these tests; "Ruritanian" is fictional
and the real demonyms name no real event."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.readings import agencies


@pytest.mark.parametrize(("text", "body", "country"), [
    ("The phones were seized by Iranian state security forces.", "Iranian state security forces", "IR"),
    ("Italian law enforcement agencies bought the tool.", "Italian law enforcement agencies", "IT"),
    ("Italian law enforcement bought the tool.", "Italian law enforcement", "IT"),
    ("The Colombian police intelligence service watched the reporters.", "Colombian police intelligence service", "CO"),
])
def test_a_body_named_by_its_remit_after_a_demonym_is_that_states_agency(
        extractor: Extractor, text: str, body: str, country: str) -> None:
    assert agencies(extractor.extract_text(text)).get(body) == country


@pytest.mark.parametrize("text", [
    "Israeli security researchers found the flaw.",
    "The law enforcement community was briefed.",
])
def test_a_remit_word_before_another_noun_or_without_a_state_is_no_agency(extractor: Extractor, text: str) -> None:
    assert agencies(extractor.extract_text(text)) == {}
