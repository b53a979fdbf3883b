"""A text may end on any word: a headline ending "... Vietnam's Police", a cut-off passage ending "the City". The
components look at the word after a head ("City Council", "Police Headquarters", "Chamber of Commerce"); at the
end of a text there is none, and extraction must read it, not fail (probe23 of round 22 found one such
crash: a text ending on "Police"). Each sentence below is cut after every one of its words and extracted; the
firms are fictional (Quobrix, Velmora)."""
from __future__ import annotations

import pytest

from nlp.extract import Extractor
from nlp.public_agencies import BODY_WORDS

SENTENCES = [
    "Quobrix Ltd. sold interception gear to Vietnam's Police",
    "The City Council of Springfield approved the Police Headquarters contract with Velmora (VLM) Inc",
    "The Town Council and the County Council met the Chamber of Commerce about Khyber Pakhtunkhwa (KP) Police",
    "Velmora Pte Ltd, a Cyprus-based firm, supplied the Ministry of Interior's Anti-Corruption Commission",
    "According to example.com news Quobrix said the Dubai Police bought 20 CCTV cameras from the Senate",
]


def _prefixes(sentence: str) -> list[str]:
    words = sentence.split()
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_text_cut_after_any_word_is_extracted_without_error(extractor: Extractor, sentence: str) -> None:
    for text in _prefixes(sentence):
        result = extractor.extract_text(text)
        assert result.error is None, result.error
        assert all(0 <= m.start < m.end <= len(text) for m in result.entities), text


def test_a_text_ending_on_a_head_word_of_a_government_body_is_extracted(extractor: Extractor) -> None:
    for word in sorted(BODY_WORDS):
        for text in (f"The contract went to the {word.title()}", f"Quobrix sold spyware to Vietnam's {word.title()}"):
            assert extractor.extract_text(text).error is None, text


def test_a_headline_ending_on_police_still_yields_the_seller(extractor: Extractor) -> None:
    result = extractor.extract_text("Quobrix Ltd sold interception gear to Vietnam's Police")
    assert any(m.text.startswith("Quobrix") for m in result.entities)
