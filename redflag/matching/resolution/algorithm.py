"""Pairwise scoring for entity resolution: a declarative feature table over two records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from redflag.matching import features as ft
from redflag.matching.analysis import AnalyzedName, analyze_cached
from redflag.matching.features import Alignment
from redflag.matching.resolution.model import EntityRecord
from redflag.matching.table import Feature, FeatureTable

ALGORITHM = "resolve-v1"


@dataclass
class RecordPair:
    """Two records and their best-matching pair of names (primary or alias)."""

    a: EntityRecord
    b: EntityRecord
    name_a: AnalyzedName
    name_b: AnalyzedName

    @cached_property
    def alignment(self) -> Alignment:
        return ft.align_tokens(self.name_a, self.name_b)


def _name_similarity(a: AnalyzedName, b: AnalyzedName) -> float:
    """Quick similarity used to pick the best pair of names before scoring."""
    return 0.5 * ft.token_sort(a, b) + 0.5 * ft.jaro_winkler(a, b) + ft.name_exact(a, b)


def best_names(a: EntityRecord, b: EntityRecord) -> tuple[AnalyzedName, AnalyzedName]:
    """The pair of names (primary or alias, one from each record) that are most alike."""
    names_a = [analyze_cached(n) for n in [a.name, *a.aliases] if n]
    names_b = [analyze_cached(n) for n in [b.name, *b.aliases] if n]
    if not names_a or not names_b:
        return analyze_cached(a.name), analyze_cached(b.name)
    return max(
        ((x, y) for x in names_a for y in names_b),
        key=lambda xy: _name_similarity(xy[0], xy[1]),
    )


def _n_exact(p: RecordPair) -> float:
    return ft.name_exact(p.name_a, p.name_b)


def _n_sort(p: RecordPair) -> float:
    return ft.token_sort(p.name_a, p.name_b)


def _n_jw(p: RecordPair) -> float:
    return ft.jaro_winkler(p.name_a, p.name_b)


def _n_overlap(p: RecordPair) -> float:
    return ft.token_overlap(p.name_a, p.name_b, p.alignment)


def _n_extra(p: RecordPair) -> float:
    return ft.extra_tokens(p.name_a, p.name_b, p.alignment)


def _n_distinct(p: RecordPair) -> float:
    return ft.distinctive_disagreement(p.name_a, p.name_b, p.alignment)


def _n_number(p: RecordPair) -> float:
    return ft.number_mismatch(p.name_a, p.name_b)


def _n_form(p: RecordPair) -> float:
    return ft.legal_form_mismatch(p.name_a, p.name_b)


def _country_match(p: RecordPair) -> float:
    return ft.country_match(p.a.countries, p.b.countries)


def _country_mismatch(p: RecordPair) -> float:
    return ft.country_mismatch(p.a.countries, p.b.countries)


def _identifier_match(p: RecordPair) -> float:
    return ft.identifier_match(p.a.identifiers, p.b.identifiers)


def _identifier_mismatch(p: RecordPair) -> float:
    return ft.identifier_mismatch(p.a.identifiers, p.b.identifiers)


def _address_overlap(p: RecordPair) -> float:
    return ft.address_overlap(p.a.addresses, p.b.addresses)


def _neighbours(p: RecordPair) -> float:
    return ft.neighbour_overlap(p.a.neighbours, p.b.neighbours)


def _schema_mismatch(p: RecordPair) -> float:
    person = {"Person"}
    return 1.0 if (p.a.schema in person) != (p.b.schema in person) else 0.0


RESOLVE_V1: FeatureTable[RecordPair] = FeatureTable(
    bias=-2.6,
    features=[
        Feature("name_exact", _n_exact, 0.5, "Best names equal after normalization and legal-form stripping."),
        Feature("token_sort", _n_sort, 0.5, "Character similarity of the best names' sorted words."),
        Feature("jaro_winkler", _n_jw, 1.0, "Jaro-Winkler of the best names' joined words."),
        Feature("token_overlap", _n_overlap, 2.5, "Words paired (exact, phonetic, fuzzy, initials) over the shorter name."),
        Feature("extra_tokens", _n_extra, -2.0, "Share of words left without a partner (penalty)."),
        Feature("distinctive_disagreement", _n_distinct, -4.0,
                "Each name keeps a distinctive word the other lacks: sister companies (penalty)."),
        Feature("number_mismatch", _n_number, -4.0, "The names carry different numbers (penalty)."),
        Feature("legal_form_mismatch", _n_form, -1.0, "Kinds of legal form disagree (penalty)."),
        Feature("country_match", _country_match, 0.7, "The records share a country."),
        Feature("country_mismatch", _country_mismatch, -1.2, "Both records name countries and none agree (penalty)."),
        Feature("identifier_match", _identifier_match, 4.0, "Same identifier (scheme and value) on both records."),
        Feature("identifier_mismatch", _identifier_mismatch, -3.0,
                "Same identifier scheme on both records with different values (penalty)."),
        Feature("address_overlap", _address_overlap, 1.0, "Similarity of the records' best pair of addresses."),
        Feature("shared_neighbours", _neighbours, 2.0, "Overlap of the records' linked ids (directors, owners...)."),
        Feature("schema_mismatch", _schema_mismatch, -5.0, "One record is a person and the other is not (penalty)."),
    ],
)
