"""Entity resolution (algorithm ``resolve-v1``): explained pairwise scores, blocking and clustering."""

from redflag.matching.resolution.algorithm import ALGORITHM, RESOLVE_V1, RecordPair
from redflag.matching.resolution.model import DIFFERENT, SAME, EntityRecord, PairScore, Resolution
from redflag.matching.resolution.resolver import pair_score, resolve

__all__ = [
    "ALGORITHM",
    "DIFFERENT",
    "RESOLVE_V1",
    "SAME",
    "EntityRecord",
    "PairScore",
    "RecordPair",
    "Resolution",
    "pair_score",
    "resolve",
]
