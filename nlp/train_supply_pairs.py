"""Training of the supply-pair scorer (:mod:`nlp.components.supply_pairs`) on the tuning half of a gold set.

Every candidate pair of the tuning half's texts is labelled positive when a gold supply event of its document has
the firm among its suppliers and the state among its recipients (:func:`nlp.evaluate._same` matching: a list role
is any of its values). A scikit-learn LogisticRegression (liblinear solver, ``random_state=0``, inputs sorted by
document id, features sorted by name: two trainings give the same weights) is chosen by 5-fold cross-validation
grouped by document over the regularisation ``C`` and the class weighting, and its threshold is the one with the
best F1 of pairs on the out-of-fold scores. The counted half is never read here.

Output: a JSON file ``{"weights": {feature: weight}, "intercept", "threshold", "meta": {"training_set",
"trained_on", "documents", "pairs", "positives", "C", "class_weight", "cv_f1", "cv_precision", "cv_recall"}}``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.evaluate import GoldText, Score, _gold_values, _same, _values, load_gold

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
CLASS_WEIGHTS: tuple[str | None, ...] = (None, "balanced")
FOLDS = 5


@dataclass
class Row:
    doc_id: str
    features: dict[str, float]
    label: int
    firm: str
    state: str


def label_pair(gold: GoldText, firm: str, state: str) -> int:
    """1 when a gold supply event of the text has ``firm`` among its suppliers and ``state`` among its recipients."""
    for ev in gold.events:
        if ev["type"] != "supply":
            continue
        roles = ev["roles"]
        sup, rec = _gold_values(roles.get("supplier")), _gold_values(roles.get("recipient"))
        if sup and rec and _same(sup, _values(firm)) and _same(rec, _values(state)):
            return 1
    return 0


def collect_rows(gold: Sequence[GoldText], model: str, gazetteer: Any = None) -> list[Row]:
    """The labelled candidate pairs of ``gold`` (sorted by document id), read by the full pipeline of ``model``."""
    from nlp.extract import Extractor
    from nlp.text import clean, prepare, split_units

    extractor = Extractor(model, gazetteer)
    events = extractor.nlp.get_pipe("redflag_events")
    events.collect_pairs = True  # type: ignore[attr-defined]
    rows: list[Row] = []
    units: list[tuple[GoldText, str]] = []  # the units the extractor reads: paragraphs, each repeated one once
    for g in sorted(gold, key=lambda g: g.id):
        read = prepare(clean(g.text)).text
        seen: set[str] = set()
        for unit in split_units(read, extractor.unit_chars):
            piece = read[unit.start : unit.end]
            if piece not in seen:
                seen.add(piece)
                units.append((g, piece))
    for (g, _), doc in zip(units, extractor.nlp.pipe(piece for _, piece in units), strict=True):
        for c in doc._.redflag_pairs or []:
            rows.append(Row(g.id, dict(c["features"]), label_pair(g, c["firm"], c["state"]), c["firm"], c["state"]))
    events.collect_pairs = False  # type: ignore[attr-defined]
    return rows


def _fit(rows: Sequence[Row], c: float, class_weight: str | None) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform([r.features for r in rows])
    y = [r.label for r in rows]
    clf = LogisticRegression(C=c, solver="liblinear", class_weight=class_weight, random_state=0, max_iter=1000)
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0], strict=True)}
    return weights, round(float(clf.intercept_[0]), 6)


def _predict(weights: dict[str, float], intercept: float, rows: Sequence[Row]) -> list[float]:
    import math

    out = []
    for r in rows:
        z = intercept + sum(weights.get(f, 0.0) * v for f, v in r.features.items())
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def _folds(rows: Sequence[Row]) -> list[list[int]]:
    """Row indices of each of :data:`FOLDS` folds, whole documents per fold (documents dealt by sorted id)."""
    docs = sorted({r.doc_id for r in rows})
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    return [[i for i, r in enumerate(rows) if fold_of[r.doc_id] == k] for k in range(FOLDS)]


def out_of_fold(rows: Sequence[Row], c: float, class_weight: str | None) -> list[float]:
    """The grouped cross-validated score of every row."""
    scores = [0.0] * len(rows)
    for test in _folds(rows):
        held = set(test)
        train = [r for i, r in enumerate(rows) if i not in held]
        if not any(r.label for r in train) or all(r.label for r in train):
            continue
        w, b = _fit(train, c, class_weight)
        for i, p in zip(test, _predict(w, b, [rows[i] for i in test]), strict=True):
            scores[i] = p
    return scores


def best_threshold(rows: Sequence[Row], scores: Sequence[float]) -> tuple[float, float, float, float]:
    """(threshold, F1, precision, recall) of the threshold with the best F1 of pairs (ties: the higher threshold)."""
    best = (0.5, 0.0, 0.0, 0.0)
    positives = sum(r.label for r in rows)
    for t in [x / 100 for x in range(10, 91, 5)]:
        tp = sum(1 for r, s in zip(rows, scores, strict=True) if s >= t and r.label)
        fp = sum(1 for r, s in zip(rows, scores, strict=True) if s >= t and not r.label)
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / positives if positives else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        if f1 >= best[1]:
            best = (t, f1, p, rec)
    return best


def train(rows: Sequence[Row], trained_on: str | None = None) -> dict[str, Any]:
    """The weights JSON object (see the module docstring) for ``rows`` of the tuning half."""
    if not rows or not any(r.label for r in rows) or all(r.label for r in rows):
        raise ValueError("training needs candidate pairs of both labels (is the gold set's tuning half empty?)")
    chosen: tuple[float, float, str | None, tuple[float, float, float, float]] | None = None
    for c in C_GRID:
        for cw in CLASS_WEIGHTS:
            thr = best_threshold(rows, out_of_fold(rows, c, cw))
            if chosen is None or thr[1] > chosen[0]:
                chosen = (thr[1], c, cw, thr)
    assert chosen is not None
    _, c, cw, (threshold, f1, precision, recall) = chosen
    weights, intercept = _fit(rows, c, cw)
    docs = sorted({r.doc_id for r in rows})
    return {
        "weights": weights,
        "intercept": intercept,
        "threshold": threshold,
        "meta": {
            "training_set": hashlib.sha256("\n".join(docs).encode("utf-8")).hexdigest()[:16],
            "trained_on": trained_on or dt.date.today().isoformat(),
            "documents": len(docs),
            "pairs": len(rows),
            "positives": sum(r.label for r in rows),
            "C": c,
            "class_weight": cw,
            "cv_f1": round(f1, 3),
            "cv_precision": round(precision, 3),
            "cv_recall": round(recall, 3),
        },
    }


def train_from_gold(folder: str | Path, model: str, trained_on: str | None = None) -> dict[str, Any]:
    """Weights trained on the tuning half of the gold set in ``folder`` (its ``gazetteer.json`` used if present)."""
    from nlp.gazetteer import Gazetteer

    root = Path(folder)
    gaz_file = root / "gazetteer.json"
    gaz = Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None
    tuning = [g for g in load_gold(root) if g.half == "tuning"]
    return train(collect_rows(tuning, model, gaz), trained_on)


def write_weights(data: dict[str, Any], out: str | Path) -> None:
    Path(out).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


@dataclass
class EventCv(Score):
    """Supply events of the tuning half with out-of-fold weights: one mode and threshold of the scorer (counts
    and precision/recall as :class:`nlp.evaluate.Score`)."""

    mode: str = ""
    threshold: float = 0.0


def cross_validated_events(
    folder: str | Path, model: str, data: dict[str, Any], modes: Sequence[str] = ("off", "replace", "both"),
    thresholds: Sequence[float] = (0.45, 0.55, 0.65, 0.75),
) -> list[EventCv]:
    """Supply precision and recall of the tuning half (:func:`nlp.evaluate.score`, role-level matching) when each
    text is read with weights trained on the other folds (``data``'s C and class weighting), per scorer mode and
    threshold: the integration measured without reading a text the weights were fitted on."""
    from nlp.components.supply_pairs import PairScorer
    from nlp.evaluate import score
    from nlp.extract import Extractor
    from nlp.gazetteer import Gazetteer

    root = Path(folder)
    gaz_file = root / "gazetteer.json"
    gaz = Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None
    tuning = sorted((g for g in load_gold(root) if g.half == "tuning"), key=lambda g: g.id)
    rows = collect_rows(tuning, model, gaz)
    fold_of = {d: i % FOLDS for i, d in enumerate(sorted({r.doc_id for r in rows}))}
    extractor = Extractor(model, gaz)
    comp = extractor.nlp.get_pipe("redflag_events")
    totals: dict[tuple[str, float], list[int]] = {}
    for k in range(FOLDS):
        train_rows = [r for r in rows if fold_of.get(r.doc_id) != k]
        w, b = _fit(train_rows, data["meta"]["C"], data["meta"]["class_weight"])
        # texts without any candidate pair go to fold 0 (their extraction does not depend on the weights)
        fold_docs = [g for g in tuning if fold_of.get(g.id, 0) == k]
        for mode in modes:
            for t in (thresholds if mode != "off" else (0.0,)):
                comp.set_supply_pairs(mode, PairScorer(w, b, t))  # type: ignore[attr-defined]
                report = score(fold_docs, [extractor.extract_text(g.text) for g in fold_docs])
                s = report.events["supply"]
                acc = totals.setdefault((mode, t), [0, 0, 0])
                acc[0] += s.tp
                acc[1] += s.fp
                acc[2] += s.fn
    return [EventCv(tp=v[0], fp=v[1], fn=v[2], mode=m, threshold=t) for (m, t), v in totals.items()]
