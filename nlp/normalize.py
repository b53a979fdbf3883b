"""Name normalisation: canonical keys for names, legal-form stripping, acronyms and in-document coreference."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

_PUNCT = re.compile(r"[^\w\s&+/-]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_LEADING = ("the ", "a ", "an ")


@lru_cache(maxsize=1)
def legal_forms() -> tuple[tuple[str, ...], ...]:
    """Legal-form suffixes as token tuples, longest first (from nlp/data/legal_forms.txt)."""
    text = (Path(__file__).resolve().parent / "data" / "legal_forms.txt").read_text(encoding="utf-8")
    forms = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            forms.add(tuple(_tokens(line)))
    return tuple(sorted(forms, key=len, reverse=True))


def _tokens(text: str) -> list[str]:
    text = anyascii(text).casefold().replace("'s ", " ").replace("\u2019s ", " ")
    text = _PUNCT.sub(" ", text.replace(".", ""))
    return [t for t in _SPACE.split(text) if t]


def strip_legal_form(tokens: list[str]) -> list[str]:
    """Drop trailing legal forms ("Ltd", "LLC", "GmbH", "FZE"...) while a name remains."""
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for form in legal_forms():
            n = len(form)
            if len(tokens) > n and tuple(tokens[-n:]) == form:
                tokens = tokens[:-n]
                changed = True
                break
    return tokens


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparison key of a name: transliterated, case-folded, punctuation and legal form removed.

    >>> name_key("NSO Group Technologies Ltd.")
    'nso group technologies'
    """
    lowered = name.strip()
    for lead in _LEADING:
        if lowered.casefold().startswith(lead):
            lowered = lowered[len(lead) :]
            break
    return " ".join(strip_legal_form(_tokens(lowered)))


@lru_cache(maxsize=65536)
def display_name(text: str) -> str:
    """The surface form tidied for display: whitespace collapsed, a leading article and possessive removed."""
    text = _SPACE.sub(" ", text).strip().strip(",;:")
    for lead in ("The ", "the "):
        if text.startswith(lead):
            text = text[len(lead) :]
    for tail in ("'s", "\u2019s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text


def acronym(name: str) -> str:
    """The initials of the significant words of ``name`` ("State Security Directorate" -> "SSD")."""
    words = [w for w in re.split(r"[\s-]+", anyascii(name)) if w]
    stop = {"of", "the", "and", "for", "de", "du", "la", "le", "&"}
    return "".join(w[0].upper() for w in words if w.casefold() not in stop and w[0].isalpha())


def is_short_form(short: str, full: str) -> bool:
    """True when ``short`` is a plausible short form of ``full`` in the same document.

    Short forms are: the acronym of the full name, or a leading run of its words ("NSO" for
    "NSO Group Technologies", "Helix" for "Helix Integrators LLC"), compared on name keys.
    """
    s_key, f_key = name_key(short), name_key(full)
    if not s_key or s_key == f_key or len(s_key) >= len(f_key):
        return False
    stripped = short.strip()
    if stripped.isupper() and 2 <= len(stripped) <= 6 and stripped == acronym(full):
        return True
    s_words, f_words = s_key.split(), f_key.split()
    return len(s_words) < len(f_words) and f_words[: len(s_words)] == s_words and len(s_key) >= 3


class Coreference:
    """Resolves mentions in reading order to the first full name they abbreviate (one document)."""

    def __init__(self) -> None:
        self._full: dict[str, list[tuple[str, str]]] = {}  # label -> [(surface, canonical)]

    def resolve(self, label: str, surface: str, canonical: str) -> str:
        """The canonical name for this mention; remembers it as a possible full form for later ones."""
        known = self._full.setdefault(label, [])
        for full_surface, full_canonical in known:
            if is_short_form(surface, full_surface):
                return full_canonical
        if all(name_key(s) != name_key(surface) for s, _ in known):
            known.append((surface, canonical))
        return canonical


def unique(values: Iterable[str]) -> list[str]:
    """Values in first-seen order without duplicates."""
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)
