"""Name normalization shared by every stage: pure functions over the data in ``data/legal_forms.tsv``.

Everything here is deterministic and bounded: an input is cut to :data:`MAX_NAME_CHARS` characters
before any work is done, so a hostile 1 MB "name" costs no more than a long real one. Control and
format characters become spaces, any script is transliterated to ASCII (anyascii), and case is
folded, so that "Cytrox Holdings Zrt.", "CYTROX HOLDINGS ZRT" and "Цитрокс Холдингс" compare on
equal terms.

>>> normalize_name("Smith & Wesson, L.L.C.")
'smith and wesson l l c'
>>> strip_legal_forms("CYTROX HOLDINGS ZARTKORUEN MUKODO RESZVENYTARSASAG")
('cytrox', ['Holding', 'ZRT'])
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jellyfish
from anyascii import anyascii

MAX_NAME_CHARS = 1024
"""Inputs longer than this are truncated before normalization (no real name is this long)."""

MAX_TOKEN_CHARS = 64
"""Tokens longer than this are cut before phonetic encoding."""

LEGAL_FORMS_FILE = Path(__file__).parent / "data" / "legal_forms.tsv"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=[a-z0-9])['`](?=[a-z0-9])")


@dataclass(frozen=True, slots=True)
class LegalForm:
    """One way of writing a legal form: ``variant`` (normalized tokens) means ``canonical`` of ``type``."""

    variant: tuple[str, ...]
    canonical: str
    type: str
    leading: bool  # may also be stripped from the start of a name ("OOO Romashka")


def _clean_chars(text: str) -> str:
    if text.isprintable():  # no character of a C* category, Zl or Zp (the usual case): nothing to replace
        return text
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "C" or cat in ("Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def normalize_name(name: str) -> str:
    """Casefold, transliterate to ASCII, turn ``&`` into ``and``, punctuation into spaces.

    Apostrophes inside a word disappear ("O'Brien" -> "obrien"); every other run of characters
    that are not ASCII letters or digits becomes one space. Returns "" for a name with no letters
    or digits. Work is bounded by :data:`MAX_NAME_CHARS`.
    """
    if not isinstance(name, str):
        raise TypeError(f"normalize_name expects a str, got {type(name).__name__}")
    text = unicodedata.normalize("NFKC", name[:MAX_NAME_CHARS])
    text = _clean_chars(text)
    text = anyascii(text).casefold()
    text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def name_tokens(name: str, strip_forms: bool = False) -> list[str]:
    """The words of a normalized name; with ``strip_forms`` the legal forms are removed first."""
    if strip_forms:
        core, _ = strip_legal_forms(name)
        return core.split()
    return normalize_name(name).split()


@cache
def legal_forms() -> dict[tuple[str, ...], LegalForm]:
    """The legal-form table keyed by normalized variant tokens (loaded once from the TSV)."""
    table: dict[tuple[str, ...], LegalForm] = {}
    with LEGAL_FORMS_FILE.open(encoding="utf-8", newline="") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(rows, delimiter="\t")
        for lineno, row in enumerate(reader, start=2):
            variant = normalize_name(row.get("variant") or "")
            canonical = (row.get("canonical") or "").strip()
            kind = (row.get("type") or "").strip()
            position = (row.get("position") or "").strip()
            if not variant or not canonical or not kind or position not in ("end", "both"):
                raise ValueError(f"{LEGAL_FORMS_FILE}: data row {lineno - 1} is incomplete: {row}")
            tokens = tuple(variant.split())
            form = LegalForm(tokens, canonical, kind, position == "both")
            table.setdefault(tokens, form)
            # "S.A." normalizes to "s a": register the spelled-out letters of short abbreviations too.
            if len(tokens) == 1 and 2 <= len(tokens[0]) <= 5 and kind != "descriptor":
                table.setdefault(tuple(tokens[0]), form)
    return table


@cache
def _longest_variant() -> int:
    return max(len(k) for k in legal_forms())


@cache
def _types_by_canonical() -> dict[str, str]:
    types: dict[str, str] = {}
    for form in legal_forms().values():
        types.setdefault(form.canonical, form.type)
    return types


def legal_form_type(canonical: str) -> str:
    """The type (limited, joint_stock, descriptor...) of a canonical legal form, or "" if unknown."""
    return _types_by_canonical().get(canonical, "")


def split_legal_forms(tokens: list[str]) -> tuple[list[str], list[LegalForm]]:
    """Remove legal forms from the end (and leading-capable ones from the start) of a token list.

    At least one token is always kept, so a name made only of legal-form words ("Group") keeps
    its last word as its core.
    """
    table = legal_forms()
    longest = _longest_variant()
    core = list(tokens)
    trailing: list[LegalForm] = []
    leading: list[LegalForm] = []
    changed = True
    while changed and len(core) > 1:
        changed = False
        for k in range(min(longest, len(core) - 1), 0, -1):
            form = table.get(tuple(core[-k:]))
            if form is not None:
                trailing.insert(0, form)
                del core[-k:]
                changed = True
                break
    changed = True
    while changed and len(core) > 1:
        changed = False
        for k in range(min(longest, len(core) - 1), 0, -1):
            form = table.get(tuple(core[:k]))
            if form is not None and form.leading:
                leading.append(form)
                del core[:k]
                changed = True
                break
    return core, leading + trailing


def strip_legal_forms(name: str) -> tuple[str, list[str]]:
    """The normalized name without its legal forms, and the canonical forms that were removed.

    >>> strip_legal_forms("OOO Romashka")
    ('romashka', ['OOO'])
    """
    core, forms = split_legal_forms(normalize_name(name).split())
    return " ".join(core), [f.canonical for f in forms]


# Romanizations of the same Cyrillic (and Arabic/Persian) letters differ between lists and sources:
# Pyotr/Petr, Yevgeniy/Evgenii, Aleksey/Alexei, Mariya/Mariia, Polyanin/Polianin. Folding them to one
# spelling before Metaphone makes such pairs phonetic matches. Applied in this order, to both sides.
_ROMANIZATION_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"x", "ks"),
        (r"y[eo]", "e"),  # ye/yo (e, yo) -> e: Yevgeniy, Pyotr
        (r"y(?=[aui])", "i"),  # ya/yu/yi -> ia/iu/ii: Polyanin, Mariya, Yuri
        (r"(?<=[a-z])(iy|yi|yy|ij|y)$", "i"),  # -iy, -y endings: Yevgeniy, Aleksey
        (r"ii", "i"),
        (r"kh", "h"),
    )
)


def romanization_fold(word: str) -> str:
    """One spelling for the usual romanization variants of a word (lowercase letters in, letters out)."""
    for pattern, repl in _ROMANIZATION_FOLDS:
        word = pattern.sub(repl, word)
    return word


def phonetic_key(token: str) -> str:
    """A Metaphone key for one word, after :func:`romanization_fold` (digits kept as they are; "" if empty)."""
    word = normalize_name(token[:MAX_TOKEN_CHARS]).replace(" ", "")
    if not word:
        return ""
    if word.isdigit():
        return word
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return word
    folded = romanization_fold(letters)
    return jellyfish.metaphone(folded) or folded[:1].upper()


def initials(name: str) -> str:
    """The first letter of each word of the normalized name: "Daniel Varga" -> "dv"."""
    return "".join(tok[0] for tok in normalize_name(name).split())
