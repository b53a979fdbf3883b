"""Precision and recall of logic-v1 on the labelled name pairs (positives and hard negatives)."""

from collections import Counter
from pathlib import Path

import pytest

from redflag.matching.evaluate import evaluate, load_pairs
from redflag.matching.screening import DEFAULT_THRESHOLD

PAIRS = Path(__file__).parent.parent / "fixtures" / "matching" / "name_pairs.csv"


def test_the_evaluation_set_is_large_and_balanced():
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 150
    labels = Counter(p.label for p in pairs)
    assert labels[0] >= 50 and labels[1] >= 50
    kinds = {p.kind for p in pairs}
    assert {"homonym", "sister_company", "address_contains_name", "transliteration", "initials"} <= kinds


def test_precision_and_recall_at_the_default_threshold():
    ev = evaluate(load_pairs(PAIRS), DEFAULT_THRESHOLD)
    assert ev.precision >= 0.9, [(e.pair.query, e.pair.candidate, e.score) for e in ev.errors]
    assert ev.recall >= 0.85, [(e.pair.query, e.pair.candidate, e.score) for e in ev.errors]


def test_hard_negative_kinds_stay_below_threshold():
    pairs = [p for p in load_pairs(PAIRS) if p.kind in ("sister_company", "homonym", "address_contains_name")]
    ev = evaluate(pairs, DEFAULT_THRESHOLD)
    assert ev.false_positives <= 1


def test_a_bad_pairs_file_names_line_and_column(tmp_path):
    bad = tmp_path / "pairs.csv"
    bad.write_text("query,candidate,candidate_country,query_country,label,kind\nA,B,,,yes,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2, column label"):
        load_pairs(bad)
    bad.write_text("query,candidate\nA,B\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        load_pairs(bad)
