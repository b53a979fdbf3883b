"""The screening algorithm ``logic-v2``: a declarative feature table over a query and one list name.

v2 (over v1): typed identifiers (an equal one is evidence for, a different one of the same type evidence
against), weak aliases, generic-word subsets, generic abbreviations and ordinals compared by their meaning, exact
short names not penalised. Figures before and after: docs/PERFORMANCE.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from redflag.matching import features as ft
from redflag.matching.analysis import AnalyzedName
from redflag.matching.features import Alignment
from redflag.matching.table import Feature, FeatureTable

ALGORITHM = "logic-v2"
DEFAULT_THRESHOLD = 0.80
"""Default minimum score for a match (callers pass their own, usually from settings)."""


@dataclass
class ScreeningPair:
    """A query and one candidate name, with the other facts both sides may carry."""

    query: AnalyzedName
    candidate: AnalyzedName
    query_countries: list[str] = field(default_factory=list)
    candidate_countries: list[str] = field(default_factory=list)
    query_identifiers: list[tuple[str, str]] = field(default_factory=list)
    candidate_identifiers: list[tuple[str, str]] = field(default_factory=list)
    query_addresses: list[str] = field(default_factory=list)
    candidate_addresses: list[str] = field(default_factory=list)
    candidate_weak: bool = False  # the candidate name is a weak alias (OFAC's "weak AKA", FtM weakAlias)

    @cached_property
    def alignment(self) -> Alignment:
        return ft.align_tokens(self.query, self.candidate)


def _names(func: Callable[[AnalyzedName, AnalyzedName], float]) -> Callable[[ScreeningPair], float]:
    def feature(pair: ScreeningPair) -> float:
        return func(pair.query, pair.candidate)

    feature.__qualname__ = func.__qualname__
    return feature


def _aligned(
    func: Callable[[AnalyzedName, AnalyzedName, Alignment | None], float],
) -> Callable[[ScreeningPair], float]:
    def feature(pair: ScreeningPair) -> float:
        return func(pair.query, pair.candidate, pair.alignment)

    feature.__qualname__ = func.__qualname__
    return feature


def _generic_subset(p: ScreeningPair) -> float:
    return ft.generic_subset(p.query, p.candidate, p.alignment, p.candidate_countries)


def _country_match(p: ScreeningPair) -> float:
    return ft.country_match(p.query_countries, p.candidate_countries)


def _country_mismatch(p: ScreeningPair) -> float:
    return ft.country_mismatch(p.query_countries, p.candidate_countries)


def _identifier_match(p: ScreeningPair) -> float:
    return ft.identifier_match(p.query_identifiers, p.candidate_identifiers)


def _identifier_mismatch(p: ScreeningPair) -> float:
    return ft.identifier_mismatch(p.query_identifiers, p.candidate_identifiers)


def _weak_alias(p: ScreeningPair) -> float:
    """1 when the name compared is a weak alias and the query is not that very name."""
    return 1.0 if p.candidate_weak and p.query.compact != p.candidate.compact else 0.0


def _address_overlap(p: ScreeningPair) -> float:
    return ft.address_overlap(p.query_addresses, p.candidate_addresses)


LOGIC_V1: FeatureTable[ScreeningPair] = FeatureTable(
    bias=-2.71,
    features=[
        Feature("name_exact", _names(ft.name_exact), 0.5,
                "Names equal after normalization and legal-form stripping."),
        Feature("token_sort", _names(ft.token_sort), 0.5,
                "Character similarity of the words in sorted order (word order does not matter)."),
        Feature("jaro_winkler", _names(ft.jaro_winkler), 1.0,
                "Jaro-Winkler similarity of the joined words (catches split or merged words)."),
        Feature("token_overlap", _aligned(ft.token_overlap), 2.5,
                "Words paired exactly, phonetically, fuzzily or as initials, over the longer name."),
        Feature("token_set", _names(ft.token_set), 0.3,
                "One name's words contained in the other's (kept small: addresses contain names)."),
        Feature("subset_match", _aligned(ft.subset_match), 1.0,
                "Every word of the shorter name (2+ words) has a partner: a name given without middle names."),
        Feature("initials_match", _aligned(ft.initials_match), 3.0,
                "Initials stand for whole words ('D. Varga' / 'Daniel Varga') and all words pair up."),
        Feature("phonetic", _names(ft.phonetic), 0.5,
                "Overlap of Metaphone keys (respellings such as Bogachev / Bogatchev)."),
        Feature("extra_tokens", _aligned(ft.extra_tokens), -2.0,
                "Share of words left without a partner on either side (penalty)."),
        Feature("distinctive_disagreement", _aligned(ft.distinctive_disagreement), -4.0,
                "Each name keeps a word the other lacks: sister companies, not spellings (penalty)."),
        Feature("number_mismatch", _names(ft.number_mismatch), -4.0,
                "The names carry different numbers (penalty)."),
        Feature("legal_form_mismatch", _names(ft.legal_form_mismatch), -1.0,
                "Kinds of legal form disagree (Ltd vs S.A., Holding vs none); small, mostly for ranking."),
        Feature("short_name", _aligned(ft.short_name), -3.5,
                "The shorter name is only initials or under 4 letters, and not the very name (penalty)."),
        Feature("generic_subset", _generic_subset, -2.5,
                "The shorter name is only generic words ('National Bank') inside a longer one (penalty)."),
        Feature("weak_alias", _weak_alias, -2.0,
                "The list name compared is a weak alias and the query is not that very name (penalty)."),
        Feature("country_match", _country_match, 0.9,
                "Query country is one of the list entity's countries."),
        Feature("country_mismatch", _country_mismatch, -1.7,
                "Both sides name countries and none agree (homonym abroad) (penalty)."),
        Feature("identifier_match", _identifier_match, 4.0,
                "Same identifier (type and normalized value) on both sides."),
        Feature("identifier_mismatch", _identifier_mismatch, -1.5,
                "Identifiers of the same type on both sides and none agree (1: IMO, LEI...; 0.5: passport, tax)."),
        Feature("address_overlap", _address_overlap, 0.6,
                "Similarity of the query address to the list entity's best address."),
    ],
)
