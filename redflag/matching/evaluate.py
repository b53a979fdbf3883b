"""Evaluate a screening feature table on labelled name pairs: precision, recall and F1 at a threshold.

The pairs file is a CSV with columns ``query, candidate, candidate_country, query_country, label,
kind`` (label 1 = same entity, 0 = different). ``python -m redflag.matching.evaluate FILE`` prints
the figures and the pairs that were scored wrongly.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redflag.matching.analysis import analyze_name
from redflag.matching.screening.algorithm import DEFAULT_THRESHOLD, LOGIC_V1, ScreeningPair
from redflag.matching.table import FeatureTable

REQUIRED_COLUMNS = ("query", "candidate", "candidate_country", "query_country", "label", "kind")


@dataclass(frozen=True)
class LabelledPair:
    query: str
    candidate: str
    candidate_country: str
    query_country: str
    label: int
    kind: str
    line: int


@dataclass(frozen=True)
class ScoredPair:
    pair: LabelledPair
    score: float
    explanation: dict[str, float]


@dataclass
class Evaluation:
    """Counts and rates at one threshold, with the wrongly scored pairs for inspection."""

    threshold: float
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    errors: list[ScoredPair] = field(default_factory=list)

    @property
    def precision(self) -> float:
        hits = self.true_positives + self.false_positives
        return self.true_positives / hits if hits else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_pairs(path: str | Path) -> list[LabelledPair]:
    """Read a labelled pairs CSV; a bad row raises ValueError naming the file, line and column."""
    p = Path(path)
    with p.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
        pairs: list[LabelledPair] = []
        for line, row in enumerate(reader, start=2):
            label = (row.get("label") or "").strip()
            if label not in ("0", "1"):
                raise ValueError(f"{p}: line {line}, column label: expected 0 or 1, got {label!r}")
            for col in ("query", "candidate"):
                if not (row.get(col) or "").strip():
                    raise ValueError(f"{p}: line {line}, column {col}: empty")
            pairs.append(
                LabelledPair(
                    query=row["query"],
                    candidate=row["candidate"],
                    candidate_country=(row.get("candidate_country") or "").strip(),
                    query_country=(row.get("query_country") or "").strip(),
                    label=int(label),
                    kind=(row.get("kind") or "").strip(),
                    line=line,
                )
            )
    return pairs


def score_pair(pair: LabelledPair, table: FeatureTable[ScreeningPair] = LOGIC_V1) -> ScoredPair:
    """Score one labelled pair with a screening feature table."""
    context = ScreeningPair(
        query=analyze_name(pair.query),
        candidate=analyze_name(pair.candidate),
        query_countries=[pair.query_country] if pair.query_country else [],
        candidate_countries=[pair.candidate_country] if pair.candidate_country else [],
    )
    explanation = table.explain(context)
    return ScoredPair(pair, table.score(explanation), explanation)


def evaluate(
    pairs: Sequence[LabelledPair],
    threshold: float = DEFAULT_THRESHOLD,
    table: FeatureTable[ScreeningPair] = LOGIC_V1,
) -> Evaluation:
    """Precision, recall and F1 of ``table`` on ``pairs`` at ``threshold``."""
    result = Evaluation(threshold=threshold)
    for pair in pairs:
        scored = score_pair(pair, table)
        predicted = scored.score >= threshold
        if predicted and pair.label:
            result.true_positives += 1
        elif predicted:
            result.false_positives += 1
            result.errors.append(scored)
        elif pair.label:
            result.false_negatives += 1
            result.errors.append(scored)
        else:
            result.true_negatives += 1
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m redflag.matching.evaluate PAIRS.csv [THRESHOLD]", file=sys.stderr)
        return 2
    threshold = float(args[1]) if len(args) > 1 else DEFAULT_THRESHOLD
    ev = evaluate(load_pairs(args[0]), threshold)
    print(f"threshold {ev.threshold:.2f}  precision {ev.precision:.3f}  recall {ev.recall:.3f}  F1 {ev.f1:.3f}")
    print(f"TP {ev.true_positives}  FP {ev.false_positives}  FN {ev.false_negatives}  TN {ev.true_negatives}")
    for err in ev.errors:
        kind = "FN" if err.pair.label else "FP"
        print(f"{kind} {err.score:.3f} [{err.pair.kind}] {err.pair.query!r} ~ {err.pair.candidate!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
