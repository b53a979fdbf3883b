"""The :class:`Screener`: list entities indexed once, then any number of names screened against them."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz
from rigour.names import remove_obj_prefixes
from rigour.text.scripts import text_scripts
from wordfreq import zipf_frequency

from ontology.identifiers import identifiers_in_name
from redflag.matching import features as ft
from redflag.matching.analysis import AnalyzedName, analyze_cached, analyze_name, is_generic, list_name_parts
from redflag.matching.blocking import BlockingIndex, name_keys
from redflag.matching.screening.algorithm import ALGORITHM, DEFAULT_THRESHOLD, LOGIC_V1, ScreeningPair
from redflag.matching.screening.model import Candidate, Match, ScreeningResult
from redflag.matching.table import Weights

BLOCK_SIZE = 300
"""How many indexed names (primary names and aliases) the blocking index proposes per query."""

FULL_SCORE_SIZE = 20
"""How many of those, ranked by a quick rapidfuzz similarity, are scored with every feature."""


DISTINCTIVE_WORD_MAX_NAMES = 25
"""A word of at least DISTINCTIVE_WORD_MIN_LETTERS letters, not generic and not a place, filed under at most this
many indexed names is distinctive: a name screened whose every word is in a listed name, one of them distinctive,
is never dropped in silence (see :meth:`Screener.screen`). 25 names covers a brand and its listed subsidiaries
(a group's entries on OFAC's lists)."""

DISTINCTIVE_WORD_MIN_LETTERS = 4

COMMON_WORD_ZIPF = 4.0
"""A word at least this frequent in English text (wordfreq's Zipf scale: 4.0 is once per 100,000 words, e.g.
"green", "vision", "signal") names too many things to be distinctive, however few listed names hold it."""

WEAK_ALIAS_MARGIN = 0.0001
"""A match that rests on a weak alias alone is held this far below the match threshold (a review at most)."""


class Screener:
    """Screens names against list entities (primary names, aliases, weak aliases) with ``logic-v2``.

    Indexed for each entity: its name and aliases, the acronyms lists write in brackets after a name
    ("... (FSB)") as names of their own, and its weak aliases, marked weak. A weak alias that is not the very
    name screened never makes a match on its own: its score is held below ``match_threshold`` (unless an
    identifier agrees too) and the match's notes say that it rests on a weak alias. Candidates that share an
    identifier with the query are always scored, whatever their names; an equal identifier of a type an entity
    holds one value of (IMO, MMSI, LEI, INN, OGRN, USCC...) makes a match at least at ``match_threshold`` even
    under another name (a ship keeps its IMO number when it is renamed); an equal identifier of another type (a
    tax, registration or passport number, which an entity may hold several of) keeps the candidate listed at
    least at ``threshold`` when that is below ``match_threshold``: a review candidate, never dropped in silence.
    So does a listed name that holds every word of the name screened, one of them distinctive (the short name
    "Hikvision" for "Hangzhou Hikvision Digital Technology Co., Ltd.", a surname alone): the extra words lower
    the name score below review, but the name screened can name nothing else on the lists.

    >>> s = Screener([Candidate(id="x1", name="Cytrox Holdings ZRT", countries=["HU"])])
    >>> [m.id for m in s.screen("CYTROX HOLDINGS Zrt.").matches]
    ['x1']
    """

    algorithm = ALGORITHM

    def __init__(
        self, entities: Iterable[Candidate], weights: Weights | None = None, match_threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.table = LOGIC_V1.with_weights(weights)
        self._weights_given = weights
        self.match_threshold = match_threshold
        self._candidates: list[Candidate] = []
        self._entries: list[tuple[int, AnalyzedName, bool]] = []
        self._index = BlockingIndex()
        self._by_identifier: dict[tuple[str, str], list[int]] = {}
        self._scripts: set[str] = set()  # the writing systems the indexed names use (rigour: "Latin", "Arabic"...)
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
            first_entry = len(self._entries)
            names: list[tuple[str, bool]] = []
            for raw in [cand.name, *cand.aliases]:
                names.append((raw, False))
                names += [(acronym, False) for acronym in list_name_parts(raw)[1]]
            names += [(raw, True) for raw in cand.weak_aliases]
            for raw, weak in names:
                self._scripts |= text_scripts(raw)
                analyzed = analyze_name(raw)
                if not analyzed.core or analyzed.normalized in seen_names:
                    continue
                seen_names.add(analyzed.normalized)
                self._index.add(len(self._entries), name_keys(analyzed))
                self._entries.append((ci, analyzed, weak))
            if len(self._entries) > first_entry:
                for family, values in ft.typed_identifiers(cand.identifiers).items():
                    for value in values:
                        self._by_identifier.setdefault((family, value), []).append(first_entry)

    def __len__(self) -> int:
        return len(self._candidates)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without its feature table (functions made at import): it is made again from the weights."""
        state = dict(self.__dict__)
        del state["table"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.table = LOGIC_V1.with_weights(self._weights_given)

    def script_warnings(self, name: str) -> list[str]:
        """What limits an answer for NAME: a writing system it uses that no indexed name uses.

        Names are compared as transliterated into Latin letters, so a name in Arabic, Persian, Cyrillic or Han
        script still finds a list entry the list itself spells in Latin letters the same way; it does not find one
        the list spells as a translation ("Internet Research Agency") or another transliteration. When the lists
        hold no name in that script, a "no match" rests on transliteration alone, and the answer says so."""
        missing = sorted(text_scripts(name) - self._scripts - {"Latin"})
        return [
            f"the name is written in {script} script and the lists loaded hold no name in that script: it was "
            "compared only as transliterated into Latin letters, so a list entry spelled as a translation or "
            "another transliteration can be missed; screen the name also as the lists would spell it"
            for script in missing
        ]

    def _contained_note(self, query: AnalyzedName, listed: AnalyzedName) -> str:
        """Why ``listed`` is kept for review although its name score is below it, or '' when it is not: every word
        of ``query`` is a word of ``listed`` and one of them is distinctive (DISTINCTIVE_WORD_MAX_NAMES)."""
        words = set(listed.tokens)
        if not query.tokens or not words.issuperset(query.tokens) or len(words) == len(set(query.tokens)):
            return ""
        listed_places = {listed.tokens[i] for i in listed.places}
        for i, token in enumerate(query.tokens):
            if len(token) < DISTINCTIVE_WORD_MIN_LETTERS or not token.isalpha():
                continue
            if i in query.places or token in listed_places:  # "Hangzhou" names a city, not the company
                continue
            if is_generic(token) or zipf_frequency(token, "en") >= COMMON_WORD_ZIPF:
                continue
            names = self._index.frequency("t:" + token)
            if 0 < names <= DISTINCTIVE_WORD_MAX_NAMES:
                return (
                    f"every word of the name screened is in the listed name {listed.original!r}, and {token!r} is "
                    f"in {names} listed name{'s' if names != 1 else ''} only: kept for review although the listed "
                    "name's other words lower the score"
                )
        return ""

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
        # "MT DANIEL (IMO 9569683)": an identifier a customer file wrote into the name is compared as an identifier
        written, embedded = identifiers_in_name(name)
        query = analyze_cached(written)
        # "MT DANIEL", "M/V DANIEL": a vessel's type prefix is not part of its name (rigour's object prefixes)
        unprefixed = remove_obj_prefixes(written)
        vessel_query = analyze_cached(unprefixed) if unprefixed.strip() and unprefixed != written else query
        result = ScreeningResult(
            query=name, normalized_query=query.normalized, matches=[], threshold=cut, algorithm=ALGORITHM,
            query_warnings=self.script_warnings(name),
        )
        if not query.core:
            return result
        q_countries = [country] if country else []
        q_ids = [(str(s), str(v)) for s, v in identifiers]
        q_ids += [i for i in embedded if i not in q_ids]
        q_addresses = [address] if address else []
        best: dict[int, tuple[float, tuple[float, ...], dict[str, float], str, bool, str]] = {}
        proposed = self._index.candidates(name_keys(query), BLOCK_SIZE)
        by_id = {e for family, values in ft.typed_identifiers(q_ids).items() for v in values
                 for e in self._by_identifier.get((family, v), [])}  # fmt: skip
        if len(proposed) > FULL_SCORE_SIZE:
            quick = {
                e: max(fuzz.token_sort_ratio(query.core, self._entries[e][1].core),
                       fuzz.ratio(query.compact, self._entries[e][1].compact))
                for e in proposed
            }
            proposed = heapq.nlargest(FULL_SCORE_SIZE, proposed, key=lambda e: (quick[e], -e))
        proposed = list(proposed) + sorted(by_id - set(proposed))
        for entry in proposed:
            ci, analyzed, weak = self._entries[entry]
            cand = self._candidates[ci]
            pair = ScreeningPair(
                query=vessel_query if cand.schema == "Vessel" else query,
                candidate=analyzed,
                query_countries=q_countries,
                candidate_countries=cand.countries,
                query_identifiers=q_ids,
                candidate_identifiers=cand.identifiers,
                query_addresses=q_addresses,
                candidate_addresses=cand.addresses,
                candidate_weak=weak,
            )
            explanation = self.table.explain(pair)
            score = self.table.score(explanation)
            weak_only = bool(explanation.get("weak_alias")) and not explanation.get("identifier_match")
            if weak_only:
                score = min(score, round(self.match_threshold - WEAK_ALIAS_MARGIN, 4))
            if explanation.get("identifier_match"):
                if ft.single_value_match(q_ids, cand.identifiers):
                    score = max(score, self.match_threshold)  # the same ship / LEI / INN whatever the name (renamed)
                elif cut < self.match_threshold:
                    score = max(score, cut)  # an equal tax, registration or passport number is never a silent clear
            contained = ""
            if score < cut < self.match_threshold:
                contained = self._contained_note(pair.query, analyzed)
                if contained:
                    score = cut
            rank = (score, self.table.tie_break(explanation))
            if ci not in best or rank > best[ci][:2]:
                best[ci] = (score, rank[1], explanation, analyzed.original, weak_only, contained)
        ranked = sorted(
            ((v, ci) for ci, v in best.items() if v[0] >= cut),
            key=lambda item: (-item[0][0], tuple(-x for x in item[0][1]), self._candidates[item[1]].id),
        )
        for (score, _, explanation, matched, weak_only, contained), ci in ranked[:limit]:
            cand = self._candidates[ci]
            notes = ft.identifier_evidence(q_ids, cand.identifiers)
            if weak_only:
                notes.append(f"rests on the weak alias {matched!r}: a review at most, never a match on its own")
            if contained:
                notes.append(contained)
            result.matches.append(
                Match(
                    id=cand.id,
                    name=cand.name,
                    matched_name=matched,
                    score=score,
                    lists=list(cand.lists),
                    programs=list(cand.programs),
                    explanation=explanation,
                    notes=notes,
                )
            )
        return result
