"""Feature weights of the screening algorithm as a setting: ``REDFLAG_SCREEN_WEIGHTS``.

The value is a comma-separated list of ``feature=weight`` (``bias=...`` sets the intercept), for example
``REDFLAG_SCREEN_WEIGHTS="country_mismatch=-2.5,address_overlap=1.0"``. Unset means the documented defaults of
``logic-v1`` (``redflag screening-weights`` prints them). An unknown feature or a value that is not a finite
number is an error naming the variable and the entry.
"""

from __future__ import annotations

import hashlib
import json
import math
import os

from redflag.matching.screening.algorithm import LOGIC_V1
from redflag.matching.table import Weights
from redflag.settings import SettingsError

ENV = "REDFLAG_SCREEN_WEIGHTS"


def parse_weights(raw: str, source: str = ENV) -> Weights | None:
    """``"a=1.5,bias=-3"`` -> :class:`Weights`; None for an empty value."""
    raw = raw.strip()
    if not raw:
        return None
    known = {f.name for f in LOGIC_V1.features}
    bias: float | None = None
    features: dict[str, float] = {}
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep:
            raise SettingsError(f"{source}: {part!r} is not feature=weight")
        try:
            number = float(value)
        except ValueError:
            raise SettingsError(f"{source}: weight of {name!r} is {value.strip()!r}, not a number") from None
        if not math.isfinite(number):
            raise SettingsError(f"{source}: weight of {name!r} must be finite")
        if name == "bias":
            bias = number
        elif name in known:
            features[name] = number
        else:
            raise SettingsError(f"{source}: unknown feature {name!r}; known: bias, {', '.join(sorted(known))}")
    return Weights(bias=bias, features=features)


def weights_from_env() -> Weights | None:
    return parse_weights(os.environ.get(ENV, ""))


def weights_digest(weights: Weights | None) -> str:
    """A short digest of the weights in force (recorded with every screening); ``default`` for none."""
    if weights is None or (weights.bias is None and not weights.features):
        return "default"
    data = {"bias": weights.bias, "features": dict(sorted(weights.features.items()))}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:12]
