"""Declarative feature tables and the logistic calibration that turns features into a score.

An algorithm is a list of :class:`Feature` rows (name, function, weight, description) plus a bias.
The score is ``1 / (1 + exp(-(bias + sum(weight * value))))``: a logistic curve, so that scores
spread out below 1.0 instead of piling up there, and mean the same from one run to the next.
The explanation of a score is the value of every feature that went into it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

C = TypeVar("C")

SCORE_DIGITS = 4
"""Scores and feature values are rounded to this many decimals (stable, comparable output)."""


@dataclass(frozen=True)
class Feature(Generic[C]):
    """One row of a feature table: what is compared, how much it counts, and what it means."""

    name: str
    func: Callable[[C], float]
    weight: float
    description: str


@dataclass(frozen=True)
class Weights:
    """Overrides for a feature table: ``bias`` and per-feature weights by name.

    >>> Weights(features={"country_mismatch": -2.5})
    Weights(bias=None, features={'country_mismatch': -2.5})
    """

    bias: float | None = None
    features: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FeatureTable(Generic[C]):
    """A bias and a list of features; :meth:`score` applies them, :meth:`describe` documents them."""

    bias: float
    features: Sequence[Feature[C]]

    def with_weights(self, weights: Weights | None) -> FeatureTable[C]:
        """A copy with the given overrides; an unknown feature name is an error that names it."""
        if weights is None:
            return self
        known = {f.name for f in self.features}
        unknown = sorted(set(weights.features) - known)
        if unknown:
            raise ValueError(f"unknown feature name(s) in weights: {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for name, value in weights.features.items():
            if not math.isfinite(value):
                raise ValueError(f"weight for feature {name!r} must be a finite number, got {value!r}")
        feats = [replace(f, weight=weights.features.get(f.name, f.weight)) for f in self.features]
        bias = self.bias if weights.bias is None else weights.bias
        return FeatureTable(bias=bias, features=feats)

    def explain(self, context: C) -> dict[str, float]:
        """The value (0..1) of every feature for this context, rounded."""
        return {f.name: round(_clip(f.func(context)), SCORE_DIGITS) for f in self.features}

    def score(self, explanation: Mapping[str, float]) -> float:
        """The calibrated score for feature values (as returned by :meth:`explain`)."""
        z = self.bias + sum(f.weight * explanation.get(f.name, 0.0) for f in self.features)
        return round(logistic(z), SCORE_DIGITS)

    def tie_break(self, explanation: Mapping[str, float]) -> tuple[float, ...]:
        """Weighted contributions of positive features, largest weight first (for ranking ties)."""
        ordered = sorted(self.features, key=lambda f: -abs(f.weight))
        return tuple(f.weight * explanation.get(f.name, 0.0) for f in ordered)

    def describe(self) -> list[dict[str, Any]]:
        """One dict per feature (name, function, weight, description), then the bias."""
        rows: list[dict[str, Any]] = [
            {
                "name": f.name,
                "function": getattr(f.func, "__qualname__", repr(f.func)),
                "weight": f.weight,
                "description": f.description,
            }
            for f in self.features
        ]
        rows.append(
            {
                "name": "bias",
                "function": "constant",
                "weight": self.bias,
                "description": "Intercept of the logistic calibration (score of a pair with every feature at 0).",
            }
        )
        return rows


def logistic(z: float) -> float:
    """The logistic function, safe for any finite z."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _clip(value: float) -> float:
    if value != value:  # NaN
        return 0.0
    return min(1.0, max(0.0, float(value)))
