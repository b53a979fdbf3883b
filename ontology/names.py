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
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

import jellyfish
from anyascii import anyascii
from rigour.names import NameTypeTag, analyze_names
from rigour.names.org_types import extract_org_types

MAX_NAME_CHARS = 1024
"""Inputs longer than this are truncated before normalization (no real name is this long)."""

MAX_TOKEN_CHARS = 64
"""Tokens longer than this are cut before phonetic encoding."""

LEGAL_FORMS_FILE = Path(__file__).parent / "data" / "legal_forms.tsv"
WORD_ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "word_abbreviations.tsv"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
HAN_CHARACTER = re.compile("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef])")
"""One Han character (CJK unified ideographs and their extensions, compatibility ideographs): each is one syllable
and is transliterated as a word of its own ("杭州" -> "hang zhou"), as pinyin is written syllable by syllable or in
words ("Hangzhou"), which the matcher pairs with runs of syllables."""
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


def normalize_name(name: str, *, split_han: bool = True) -> str:
    """Casefold, transliterate to ASCII (each Han character a word of its own), turn ``&`` into ``and``,
    punctuation into spaces.

    Apostrophes inside a word disappear ("O'Brien" -> "obrien"); every other run of characters
    that are not ASCII letters or digits becomes one space. Returns "" for a name with no letters
    or digits. Work is bounded by :data:`MAX_NAME_CHARS`. ``split_han=False`` keeps the Han syllables of a word
    together as before the split was introduced: stable ids built from a name (``redflag.services.loading``) use
    it, so that entities and addresses stored earlier keep their ids.
    """
    if not isinstance(name, str):
        raise TypeError(f"normalize_name expects a str, got {type(name).__name__}")
    text = unicodedata.normalize("NFKC", name[:MAX_NAME_CHARS])
    text = _clean_chars(text)
    if split_han:
        text = HAN_CHARACTER.sub(r" \1 ", text)
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
    """Words a legal form may take: the table's longest variant, or a dotted form's letters ("s a p i de c v")."""
    return max(max(len(k) for k in legal_forms()), 7)


@cache
def _types_by_canonical() -> dict[str, str]:
    types: dict[str, str] = {}
    for form in legal_forms().values():
        types.setdefault(form.canonical, form.type)
    return types


def legal_form_type(canonical: str) -> str:
    """The type (limited, joint_stock, descriptor...) of a canonical legal form, or "" if unknown."""
    return _types_by_canonical().get(canonical, "")


@cache
def _legal_forms_by_symbol() -> dict[tuple[str, ...], list[LegalForm]]:
    """The legal-form table keyed by the :func:`word_symbol` of each word ("group" and "grp" share one key)."""
    table: dict[tuple[str, ...], list[LegalForm]] = {}
    for variant, form in legal_forms().items():
        for key in _symbol_keys(variant):
            table.setdefault(key, []).append(form)
    return table


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_RIGOUR_FORM_TYPES = {"llc": "limited", "jsc": "joint_stock", "lp": "partnership", "llp": "partnership"}
"""rigour's generic legal-form kinds (``extract_org_types(generic=True)``) -> the legal-form table's types; other
kinds (co-operatives, NGOs...) are not company legal forms and are left in the name."""


@lru_cache(maxsize=1 << 16)
def _rigour_legal_form(written: str) -> LegalForm | None:
    """The company legal form rigour's org-types table (OCCRP, ISO 20275 ELF codes, Wikipedia; rigour.names) reads
    in these whole words, for forms the project's table does not list: "limitada", "ltda", "limited sirketi",
    "ltd sti", "sdn bhd", "s de rl de cv", "gmbh & co kg"... None unless the matches cover every word."""
    text = f" {written} ".replace(" and ", " & ").strip()  # normalize_name wrote "&" as "and": "GmbH & Co. KG"
    found = extract_org_types(text, generic=True)
    if not found or "".join(m for m, _ in found).replace(" ", "") != text.replace(" ", ""):
        return None
    kinds = {_RIGOUR_FORM_TYPES.get(kind) for _, kind in found}
    if len(kinds) != 1 or None in kinds:
        return None
    (kind,) = kinds
    canonical = " ".join(target for _, target in extract_org_types(text)).upper()
    return LegalForm(tuple(written.split()), canonical or written.upper(), str(kind), False)


def _symbol_keys(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every key of :func:`_legal_forms_by_symbol` these words may stand for: the compared form of each word, and
    any other rigour symbol it carries ("corporation" is compared as "co" but also stands for "corp", the symbol of
    its abbreviation "corpn")."""
    options = [sorted({word_symbol(t)} | set(word_symbols(t))) for t in tokens]
    return [tuple(key) for key in product(*options)][:16]


def _letters_joined(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Runs of single letters joined into one word: a form written with dots ("S.A. de C.V." normalizes to
    "s a de c v") as it is written without them ("sa de cv")."""
    joined: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(t)
    if run:
        joined.append(run)
    return tuple(joined)


@lru_cache(maxsize=1 << 16)
def _legal_form(tokens: tuple[str, ...]) -> LegalForm | None:
    """The legal form these words spell, or that their abbreviation stands for ("grp" -> Group, "comp" -> Co,
    "corpn" -> Corp); failing the project's table, a company legal form rigour knows (:func:`_rigour_legal_form`).
    Runs of single letters are also read joined ("s a de c v" as "sa de cv"; "a g romashin" is then no form)."""
    form = _table_legal_form(tokens)
    if form is not None:
        return form
    joined = _letters_joined(tokens)
    if joined != tokens:
        form = _table_legal_form(joined)
        if form is not None:
            return LegalForm(tokens, form.canonical, form.type, form.leading)
    return None


def _table_legal_form(tokens: tuple[str, ...]) -> LegalForm | None:
    form = legal_forms().get(tokens)
    if form is not None:
        return form
    by_symbol = _legal_forms_by_symbol()
    forms = next((by_symbol[k] for k in _symbol_keys(tokens) if k in by_symbol), None)
    if not forms:
        return _rigour_legal_form(" ".join(tokens))
    written = " ".join(tokens)
    return max(forms, key=lambda f: _common_prefix(written, " ".join(f.variant)))


def split_legal_forms(tokens: list[str]) -> tuple[list[str], list[LegalForm]]:
    """Remove legal forms from the end (and leading-capable ones from the start) of a token list.

    At least one token is always kept, so a name made only of legal-form words ("Group") keeps
    its last word as its core.
    """
    longest = _longest_variant()
    core = list(tokens)
    trailing: list[LegalForm] = []
    leading: list[LegalForm] = []
    changed = True
    while changed and len(core) > 1:
        changed = False
        for k in range(min(longest, len(core) - 1), 0, -1):
            form = _legal_form(tuple(core[-k:]))
            if form is not None:
                trailing.insert(0, form)
                del core[-k:]
                changed = True
                break
    changed = True
    while changed and len(core) > 1:
        changed = False
        for k in range(min(longest, len(core) - 1), 0, -1):
            form = _legal_form(tuple(core[:k]))
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


# --------------------------------------------------------------------------- generic words and their abbreviations
_SYMBOL_CATEGORIES = ("SYMBOL", "DOMAIN")
"""rigour symbol categories that stand for a generic word (Group, Technology, National, Bank...); legal forms
(ORGCLS) are the legal-form table's business, places (LOC) and person names (NAME) are not generic words."""


@cache
def word_abbreviations() -> dict[str, str]:
    """Abbreviations rigour's tagger does not know, each mapped to the full word (``data/word_abbreviations.tsv``)."""
    table: dict[str, str] = {}
    for line in WORD_ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbreviation, _, word = line.partition("\t")
        if abbreviation.strip() and word.strip() and abbreviation.strip() != "abbreviation":
            table[normalize_name(abbreviation)] = normalize_name(word)
    return table


@lru_cache(maxsize=1 << 18)
def word_symbols(token: str) -> frozenset[str]:
    """What a normalized word stands for, as rigour's name tagger reads it (symbol ids, lower case).

    "tech", "technology" -> {"tech"}; "grp", "group" -> {"grp"}; "natl", "national" -> {"natl", "allrussian"};
    "13th", "13" -> {"13"} (numbers: only for words with a digit, so "First" stays a word). Words rigour does not
    know are looked up in :func:`word_abbreviations` ("technol" -> "technology"). Empty for a distinctive word.
    Source: rigour.names (OpenSanctions' org symbols and ordinals data).
    """
    word = token[:MAX_TOKEN_CHARS]
    if not word or " " in word:
        return frozenset()
    word = word_abbreviations().get(word, word)
    found: set[str] = set()
    for name in analyze_names(NameTypeTag.ORG, [word], phonetics=False, consolidate=False, rewrite=False):
        for span in name.spans:
            if len(span.parts) != 1:
                continue
            category = span.symbol.category.value
            if category in _SYMBOL_CATEGORIES or (category == "NUM" and any(c.isdigit() for c in word)):
                found.add(normalize_name(str(span.symbol.id)).replace(" ", ""))
    found.discard("")
    return frozenset(found)


@lru_cache(maxsize=1 << 18)
def person_name_symbols(words: str) -> frozenset[str]:
    """The given or family names one to three normalized words spell, as rigour's person-name data reads them
    (Wikidata ids of the name, shared by its transliterations): "yousef" and "yusuf" -> {"Q17497922"};
    "mohammed" and "muhammad" share "Q5837762"; "abdel aziz" and "abdulaziz" share "Q10761018". Only a span that
    covers all of WORDS counts. Empty when rigour knows no such name. Source: rigour.names (OpenSanctions' person
    names data, from Wikidata)."""
    text = words[: MAX_TOKEN_CHARS * 3]
    if not text.strip():
        return frozenset()
    count = len(text.split())
    found: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, [text], phonetics=False, consolidate=False, rewrite=False):
        for span in name.spans:
            if span.symbol.category.value == "NAME" and len(span.parts) == count:
                found.add(str(span.symbol.id))
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def place_word_indexes(words: tuple[str, ...]) -> frozenset[int]:
    """Which of a name's normalized words rigour's name tagger reads as a place (its LOC symbols: cities, regions,
    countries: "shanghai", "hong kong", "dubai", "new york"). Source: rigour.names (OpenSanctions' territories and
    locations data)."""
    if not words:
        return frozenset()
    found: set[int] = set()
    for name in analyze_names(NameTypeTag.ORG, [" ".join(words)], phonetics=False, consolidate=False, rewrite=False):
        for span in name.spans:
            if span.symbol.category.value == "LOC":
                found.update(p.index for p in span.parts if p.index is not None)
    return frozenset(i for i in found if 0 <= i < len(words))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=1 << 18)
def word_symbol(token: str) -> str:
    """The one form a word is compared in: its symbol (see :func:`word_symbols`), else the word itself.

    Of several symbols, the one spelled inside the word wins ("national" -> "natl", not "allrussian"), then the
    shortest, then the first in alphabetical order, so that the choice does not depend on the other name.
    """
    symbols = word_symbols(token)
    if not symbols:
        return word_abbreviations().get(token, token)  # "rsch" -> "research", a word rigour has no symbol for
    form = min(symbols, key=lambda s: (not _subsequence(s, token), len(s), s))
    if not form.isdigit():
        _SYMBOL_FORMS.add(form)
    return form


_SYMBOL_FORMS: set[str] = set()


def is_symbol_form(token: str) -> bool:
    """True for a compared form :func:`word_symbol` gave a generic word ("comms" for "communications")."""
    return token in _SYMBOL_FORMS or bool(word_symbols(token))


# --------------------------------------------------------------------------- how lists write names
_BRACKETED = re.compile(r"\(\s*([^()]{1,40}?)\s*\)|\[\s*([^\[\]]{1,40}?)\s*\]")

_BOILERPLATE = re.compile(
    r"\s*[;,]?\s*(?:and|including|as well as)\s+(?:any|all|each|every)?\s*(?:of\s+)?(?:its|their)?\s*"
    r"(?:successors?|sub-?units?|subsidiar(?:y|ies)|affiliates?|branch(?:es)?|subordinate\b[^;]*|offices?)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def split_list_boilerplate(name: str) -> tuple[str, str]:
    """A list name without the boilerplate lists append to it, and that boilerplate (kept as a note).

    >>> split_list_boilerplate("Huawei Technologies Co., Ltd.; and any successor, sub-unit, or subsidiary thereof")
    ('Huawei Technologies Co., Ltd.', 'and any successor, sub-unit, or subsidiary thereof')

    The Entity List (15 CFR 744, Supplement No. 4) and the CSL write such clauses after the name; they say which
    related parties the listing covers, not what the entity is called. Nothing is cut from a name that would be
    left empty.
    """
    text = name[:MAX_NAME_CHARS]
    m = _BOILERPLATE.search(text)
    if m is None or not text[: m.start()].strip(" ;,"):
        return text, ""
    return text[: m.start()].rstrip(" ;,"), text[m.start():].strip(" ;,.")


def _looks_like_acronym(inner: str, outside: str) -> bool:
    token = normalize_name(inner).replace(" ", "")
    if not (2 <= len(token) <= 10) or " " in inner.strip() or any(ch.islower() for ch in inner):
        return False
    if not any(ch.isalpha() for ch in token):  # "(12)" is a number of the name, not an acronym
        return False
    initials = "".join(w[0] for w in normalize_name(outside).split())
    if _subsequence(token, initials):
        return True
    return len(token) <= 4 and not _place_or_legal_form(token)


@lru_cache(maxsize=4096)
def _place_or_legal_form(token: str) -> bool:
    """A bracketed "(UK)", "(USA)", "(LTD)" qualifies a name (a place or a legal form per rigour and the legal-form
    table); it is not an acronym of it."""
    if (token,) in legal_forms() or tuple(token) in legal_forms():
        return True
    for name in analyze_names(NameTypeTag.ORG, [token], phonetics=False, consolidate=False, rewrite=False):
        if any(span.symbol.category.value in ("LOC", "ORGCLS") for span in name.spans):
            return True
    return False


def bracketed_acronyms(name: str) -> tuple[str, list[str]]:
    """The name without bracketed acronyms, and the acronyms: "FEDERAL SECURITY SERVICE (FSB)" ->
    ("FEDERAL SECURITY SERVICE", ["FSB"]).

    An acronym is one word of 2 to 10 letters or digits, at least one a letter, without lower case; one over 4
    characters must be spelled by the initials of the name ("CHINA NATIONAL OFFSHORE OIL CORPORATION (CNOOC)"),
    or, up to 4 characters, be neither a place nor a legal form ("(UK)", "(LTD)"), so that "(MOSCOW)" or
    "(KAVKAZ)" stay part of the name, and "(12)" stays a number of it. Lists write a short name that way; it is a name of its own, not a word of
    the long one.
    """
    text = name[:MAX_NAME_CHARS]
    acronyms: list[str] = []

    def cut(m: re.Match[str]) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if _looks_like_acronym(inner, text[: m.start()] + " " + text[m.end():]):
            acronyms.append(inner.strip())
            return " "
        return m.group(0)

    rest = _BRACKETED.sub(cut, text)
    if not acronyms or not normalize_name(rest):
        return text, []
    return " ".join(rest.split()), acronyms
