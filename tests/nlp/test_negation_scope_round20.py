"""A "never" denies the sale it governs, not a sale set against it by "but", "yet" or "while" in the same sentence
(issue 13 round 20; events._negated; found by a newcomer's test with invented sentences). "Zorvex Ltd" is a
fictional firm; the sentences are written for these tests and attach no act to a real body."""

from __future__ import annotations

from nlp.extract import Extractor


def supplies(extractor: Extractor, text: str) -> dict[str, bool]:
    """recipient -> negated, for the supply events of ``text``."""
    out = {}
    for ev in extractor.extract_text(text).events:
        if ev.type == "supply":
            rec = ev.roles.get("recipient")
            out[rec if isinstance(rec, str) else ", ".join(rec or [])] = ev.negated
    return out


def test_a_sale_after_but_is_not_denied_by_a_never_before_it(extractor: Extractor) -> None:
    got = supplies(extractor, "Zorvex Ltd said it never sells to Kenya, but it sold spyware to Bahrain's Ministry "
                              "of Interior.")
    assert got.get("Ministry of Interior") is False
    assert got.get("KE") is True


def test_a_never_in_the_sales_own_clause_still_denies_it(extractor: Extractor) -> None:
    assert supplies(extractor, "Zorvex Ltd said it has never sold spyware to Kenya.") == {"KE": True}
