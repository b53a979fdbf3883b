"""A name taken apart once (normalized, legal forms split off, tokens, phonetic keys) for comparison.

Before comparison a name loses what lists write around it (boilerplate such as "; and any successor, sub-unit,
or subsidiary thereof", a bracketed acronym, both kept apart by :func:`list_name_parts`), and each word is taken
in its compared form (:func:`ontology.names.word_symbol`): generic words and their abbreviations ("TECH",
"TECHNOL", "TECHNOLOGY"; "NATL", "NATIONAL"; "GRP", "GROUP"), and ordinals written with digits ("13th" -> "13"),
compare as one word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ontology.names import (
    bracketed_acronyms,
    is_symbol_form,
    normalize_name,
    phonetic_key,
    place_word_indexes,
    split_legal_forms,
    split_list_boilerplate,
    word_symbol,
    word_symbols,
)

MAX_TOKENS = 32
"""Names are compared on at most this many words (keeps token alignment bounded)."""

GENERIC_WORDS_FILE = Path(__file__).parent / "data" / "generic_words.txt"


@cache
def generic_words() -> frozenset[str]:
    """Words that describe a business rather than identify it (``data/generic_words.txt``, in compared form).

    Together with every word rigour's tagger gives a symbol (see :func:`is_generic`).
    """
    lines = GENERIC_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return frozenset(words | {word_symbol(w) for w in words})


def is_generic(token: str) -> bool:
    """A word that describes rather than names: in the generic-words list, or a generic word rigour knows
    (Bank, Oil, Group, National, Technology...). Numbers are not generic words."""
    if token in generic_words():
        return True
    return not token.isdigit() and is_symbol_form(token)


def list_name_parts(name: str) -> tuple[str, list[str], str]:
    """A name as lists write it, taken apart: (the name, its bracketed acronyms, the boilerplate note).

    >>> list_name_parts("FEDERALNAYA SLUZHBA BEZOPASNOSTI (FSB)")
    ('FEDERALNAYA SLUZHBA BEZOPASNOSTI', ['FSB'], '')
    """
    text, note = split_list_boilerplate(name)
    text, acronyms = bracketed_acronyms(text)
    return text, acronyms, note


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
    symbols: tuple[frozenset[str], ...] = ()  # per token: what the word stands for (rigour symbols), maybe empty
    words: tuple[str, ...] = ()  # the core words as written (normalized, before the compared form), like tokens
    written: str = ""  # words without spaces
    places: frozenset[int] = frozenset()  # indexes of tokens that name a place (rigour LOC: "shanghai", "dubai")

    @property
    def is_initials_only(self) -> bool:
        return bool(self.tokens) and all(len(t) == 1 for t in self.tokens)


def analyze_name(name: str) -> AnalyzedName:
    """Take a name apart: see :class:`AnalyzedName`. ``normalized`` is the whole name normalized; ``tokens`` are
    the words compared: without boilerplate, bracketed acronyms and legal forms, each in its compared form."""
    normalized = normalize_name(name)
    text, _, _ = list_name_parts(name)
    core_tokens, forms = split_legal_forms(normalize_name(text).split())
    tokens = tuple(word_symbol(t) for t in core_tokens[:MAX_TOKENS])
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
        symbols=tuple(word_symbols(t) for t in core_tokens[:MAX_TOKENS]),
        words=tuple(core_tokens[:MAX_TOKENS]),
        written="".join(core_tokens[:MAX_TOKENS]),
        places=place_word_indexes(tuple(core_tokens[:MAX_TOKENS])),
    )


@lru_cache(maxsize=4096)
def analyze_cached(name: str) -> AnalyzedName:
    """:func:`analyze_name` with a small cache for repeated query strings."""
    return analyze_name(name)
