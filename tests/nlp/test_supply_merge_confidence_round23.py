"""A sale whose one side was inferred from the document keeps the confidence of the sentences that state it
(issue 13, round 23): when a later reading states the side the first only inferred, the fact is no longer an
inference and must not be stored at the lowered confidence."""

from __future__ import annotations

from nlp.components.seller_only import DOCUMENT_BUYER_FACTOR
from nlp.components.supply_precision import inferred_role, merge_repeated_readings, refine_supplies
from ontology.records import EventMention


def _supply(roles: dict[str, str | list[str]], start: int, confidence: float = 0.7) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="s", start=start, end=start + 50, confidence=confidence)


def test_a_buyer_only_sale_given_the_one_seller_says_so_and_is_lowered() -> None:
    events = refine_supplies([
        _supply({"supplier": "Orvane Systems Ltd", "capability": "video_analytics", "via": "Telvik Integrators"}, 0),
        _supply({"recipient": "Kestrel Police", "product": "servers"}, 100),
    ])
    filled = next(ev for ev in events if ev.roles.get("recipient"))
    assert inferred_role(filled) == "supplier"
    assert filled.confidence == round(0.7 * DOCUMENT_BUYER_FACTOR, 3)


def test_the_seller_stated_in_another_sentence_restores_the_sentences_confidence() -> None:
    buyer_only = refine_supplies([
        _supply({"supplier": "Orvane Systems Ltd", "capability": "video_analytics"}, 0, 0.7),
        _supply({"recipient": "Kestrel Police", "capability": "video_analytics"}, 100, 0.7),
    ])
    host = next(ev for ev in buyer_only if ev.roles.get("recipient"))
    seller_said = _supply({"supplier": "Orvane Systems Ltd", "capability": "video_analytics"}, 200, 0.65)
    merged = merge_repeated_readings([host, seller_said])
    assert len(merged) == 1
    assert merged[0].confidence == 0.65  # the weaker of the two stating sentences, above the inferred 0.49
    assert "supplier also stated at 200-250" in merged[0].explanation
    assert [200, 250] in merged[0].evidence


def test_a_reading_that_states_no_inferred_side_leaves_the_confidence_alone() -> None:
    host = _supply({"supplier": "Orvane Systems Ltd", "recipient": "Kestrel Police",
                    "capability": "video_analytics"}, 0, 0.6)
    other = _supply({"supplier": "Orvane Systems Ltd", "capability": "video_analytics"}, 100, 0.9)
    merged = merge_repeated_readings([host, other])
    assert len(merged) == 1
    assert merged[0].confidence == 0.6
    assert inferred_role(merged[0]) is None


def test_the_states_buyer_put_in_is_an_inferred_recipient() -> None:
    ev = _supply({"supplier": "Orvane Systems Ltd", "recipient": "KE"}, 0, 0.49)
    ev = EventMention(**{**ev.__dict__, "explanation":
                         "recipient: KE, the state the document is about, for a sale that names no buyer"})
    assert inferred_role(ev) == "recipient"
    stated = _supply({"recipient": "KE", "capability": "video_analytics"}, 100, 0.8)
    merged = merge_repeated_readings([ev, stated])
    assert merged[0].confidence == 0.7  # 0.49 / 0.7: the sale's own sentence, now that the buyer is stated
