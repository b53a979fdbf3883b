"""A deal denied by its noun's determiner ("has no contract with") is reported negated, never as a supply said
(issue 13 item 3: each relation keeps its hedged/negated marks). The firm ("Zentrix Systems Ltd") and the
"Ruritanian" state are fictional; a real state appears only as one the fictional firm has no dealings with."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies

FIRM = "Zentrix Systems Ltd"


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix Systems Ltd said it has no contract with the Ruritanian police.",
        "Zentrix Systems Ltd has no business relationship with the Sudanese government, a spokesperson said.",
        "Zentrix Systems Ltd had no agreement with the Ruritanian Interior Ministry, it said.",
    ],
)
def test_a_deal_its_noun_denies_is_negated(extractor: Extractor, text: str) -> None:
    ext = extractor.extract_text(text)
    assert supplies(ext) == []
    [denied] = supplies(ext, negated=True)
    assert names(denied.roles.get("supplier")) == {FIRM}


def test_the_same_deal_said_is_a_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zentrix Systems Ltd said it has a contract with the Ruritanian police.")
    [said] = supplies(ext)
    assert names(said.roles.get("supplier")) == {FIRM}
    assert supplies(ext, negated=True) == []


def test_no_before_another_noun_denies_nothing(extractor: Extractor) -> None:
    # "no" on another noun of the sentence does not deny the deal
    ext = extractor.extract_text(
        "Zentrix Systems Ltd signed a contract with the Ruritanian police, and no details were published.")
    assert [names(s.roles.get("supplier")) for s in supplies(ext)] == [{FIRM}]
