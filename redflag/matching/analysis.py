"""A name taken apart once (normalized, legal forms split off, tokens, phonetic keys) for comparison."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ontology.names import normalize_name, phonetic_key, split_legal_forms

MAX_TOKENS = 32
"""Names are compared on at most this many words (keeps token alignment bounded)."""

GENERIC_WORDS_FILE = Path(__file__).parent / "data" / "generic_words.txt"


@cache
def generic_words() -> frozenset[str]:
    """Words that describe a business rather than identify it (``data/generic_words.txt``)."""
    lines = GENERIC_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True, slots=True)
class AnalyzedName:
    """A name ready for comparison; ``core`` is the normalized name without legal forms."""

    original: str
    normalized: str
    core: str
    tokens: tuple[str, ...]
    phonetics: tuple[str, ...]
    forms: tuple[str, ...]
    form_types: frozenset[str]
    compact: str  # core without spaces
    numbers: frozenset[str]  # words containing a digit

    @property
    def is_initials_only(self) -> bool:
        return bool(self.tokens) and all(len(t) == 1 for t in self.tokens)


def analyze_name(name: str) -> AnalyzedName:
    """Take a name apart: see :class:`AnalyzedName`."""
    normalized = normalize_name(name)
    core_tokens, forms = split_legal_forms(normalized.split())
    tokens = tuple(core_tokens[:MAX_TOKENS])
    return AnalyzedName(
        original=name,
        normalized=normalized,
        core=" ".join(tokens),
        tokens=tokens,
        phonetics=tuple(phonetic_key(t) for t in tokens),
        forms=tuple(f.canonical for f in forms),
        form_types=frozenset(f.type for f in forms),
        compact="".join(tokens),
        numbers=frozenset(t for t in tokens if any(c.isdigit() for c in t)),
    )


@lru_cache(maxsize=4096)
def analyze_cached(name: str) -> AnalyzedName:
    """:func:`analyze_name` with a small cache for repeated query strings."""
    return analyze_name(name)
