"""The :class:`Screener`: list entities indexed once, then any number of names screened against them."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz

from redflag.matching.analysis import AnalyzedName, analyze_cached, analyze_name
from redflag.matching.blocking import BlockingIndex, name_keys
from redflag.matching.screening.algorithm import ALGORITHM, DEFAULT_THRESHOLD, LOGIC_V1, ScreeningPair
from redflag.matching.screening.model import Candidate, Match, ScreeningResult
from redflag.matching.table import Weights

BLOCK_SIZE = 300
"""How many indexed names (primary names and aliases) the blocking index proposes per query."""

FULL_SCORE_SIZE = 20
"""How many of those, ranked by a quick rapidfuzz similarity, are scored with every feature."""


class Screener:
    """Screens names against list entities (primary names and aliases) with ``logic-v1``.

    >>> s = Screener([Candidate(id="x1", name="Cytrox Holdings ZRT", countries=["HU"])])
    >>> [m.id for m in s.screen("CYTROX HOLDINGS Zrt.").matches]
    ['x1']
    """

    algorithm = ALGORITHM

    def __init__(self, entities: Iterable[Candidate], weights: Weights | None = None) -> None:
        self.table = LOGIC_V1.with_weights(weights)
        self._candidates: list[Candidate] = []
        self._entries: list[tuple[int, AnalyzedName]] = []
        self._index = BlockingIndex()
        seen_ids: set[str] = set()
        for cand in entities:
            if not isinstance(cand, Candidate):
                raise TypeError(f"Screener expects Candidate objects, got {type(cand).__name__}")
            if cand.id in seen_ids:
                raise ValueError(f"duplicate candidate id {cand.id!r}")
            seen_ids.add(cand.id)
            ci = len(self._candidates)
            self._candidates.append(cand)
            seen_names: set[str] = set()
            for raw in [cand.name, *cand.aliases]:
                analyzed = analyze_name(raw)
                if not analyzed.core or analyzed.normalized in seen_names:
                    continue
                seen_names.add(analyzed.normalized)
                self._index.add(len(self._entries), name_keys(analyzed))
                self._entries.append((ci, analyzed))

    def __len__(self) -> int:
        return len(self._candidates)

    @property
    def name_count(self) -> int:
        """How many names (primary names and aliases) are indexed."""
        return len(self._entries)

    def describe(self) -> list[dict[str, Any]]:
        """The feature table in use: name, function, weight, description per feature."""
        return self.table.describe()

    def screen(
        self,
        name: str,
        country: str | None = None,
        threshold: float | None = None,
        limit: int = 10,
        identifiers: Iterable[tuple[str, str]] = (),
        address: str | None = None,
    ) -> ScreeningResult:
        """Matches for ``name`` scoring at least ``threshold``, best first, at most ``limit``."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, got {type(name).__name__}")
        cut = DEFAULT_THRESHOLD if threshold is None else threshold
        if not (isinstance(cut, int | float) and math.isfinite(cut) and 0.0 <= cut <= 1.0):
            raise ValueError(f"threshold must be a number between 0 and 1, got {threshold!r}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        query = analyze_cached(name)
        result = ScreeningResult(
            query=name, normalized_query=query.normalized, matches=[], threshold=cut, algorithm=ALGORITHM
        )
        if not query.core:
            return result
        q_countries = [country] if country else []
        q_ids = [(str(s), str(v)) for s, v in identifiers]
        q_addresses = [address] if address else []
        best: dict[int, tuple[float, tuple[float, ...], dict[str, float], str]] = {}
        proposed = self._index.candidates(name_keys(query), BLOCK_SIZE)
        if len(proposed) > FULL_SCORE_SIZE:
            quick = {
                e: max(fuzz.token_sort_ratio(query.core, self._entries[e][1].core),
                       fuzz.ratio(query.compact, self._entries[e][1].compact))
                for e in proposed
            }
            proposed = heapq.nlargest(FULL_SCORE_SIZE, proposed, key=lambda e: (quick[e], -e))
        for entry in proposed:
            ci, analyzed = self._entries[entry]
            cand = self._candidates[ci]
            pair = ScreeningPair(
                query=query,
                candidate=analyzed,
                query_countries=q_countries,
                candidate_countries=cand.countries,
                query_identifiers=q_ids,
                candidate_identifiers=cand.identifiers,
                query_addresses=q_addresses,
                candidate_addresses=cand.addresses,
            )
            explanation = self.table.explain(pair)
            score = self.table.score(explanation)
            rank = (score, self.table.tie_break(explanation))
            if ci not in best or rank > best[ci][:2]:
                best[ci] = (score, rank[1], explanation, analyzed.original)
        ranked = sorted(
            ((v, ci) for ci, v in best.items() if v[0] >= cut),
            key=lambda item: (-item[0][0], tuple(-x for x in item[0][1]), self._candidates[item[1]].id),
        )
        for (score, _, explanation, matched), ci in ranked[:limit]:
            cand = self._candidates[ci]
            result.matches.append(
                Match(
                    id=cand.id,
                    name=cand.name,
                    matched_name=matched,
                    score=score,
                    lists=list(cand.lists),
                    programs=list(cand.programs),
                    explanation=explanation,
                )
            )
        return result
