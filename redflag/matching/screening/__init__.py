"""Screening of a name against list entities (algorithm ``logic-v1``)."""

from redflag.matching.screening.algorithm import ALGORITHM, DEFAULT_THRESHOLD, LOGIC_V1, ScreeningPair
from redflag.matching.screening.model import Candidate, Match, ScreeningResult
from redflag.matching.screening.screener import Screener

__all__ = [
    "ALGORITHM",
    "DEFAULT_THRESHOLD",
    "LOGIC_V1",
    "Candidate",
    "Match",
    "ScreeningPair",
    "ScreeningResult",
    "Screener",
]
