"""Pure feature functions: each compares two things and returns a number between 0 and 1.

Name features take two :class:`~redflag.matching.analysis.AnalyzedName`; the others take plain
values. Algorithms (``screening/``, ``resolution/``) combine them through a weighted table; none
of these functions knows its weight.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from rigour.territories import lookup_territory

from ontology.countries import country_code
from ontology.identifiers import (
    SINGLE_VALUE_SCHEMES,
    comparison_family,
    is_identifier_scheme,
    normalize_identifier,
)
from ontology.names import legal_form_type, normalize_name, person_name_symbols, word_symbols
from redflag.matching.analysis import AnalyzedName, is_generic

FUZZY_TOKEN_MIN = 0.88
"""Two words of at least 4 letters count as the same word when Jaro-Winkler reaches this."""

FUZZY_LENGTH_RATIO = 0.8
"""...and when the shorter is at least this share of the longer ("Zenix" is not "Zenixpharo")."""

SIM_EXACT = 1.0
SIM_PHONETIC = 0.9
SIM_INITIAL = 0.6
SIM_PERSON_NAME = 0.9
"""Two spellings of one person's name (transliterations rigour's name data links) count like a phonetic match."""


# --------------------------------------------------------------------------- token alignment
@dataclass(frozen=True, slots=True)
class Alignment:
    """Which word of one name was paired with which word of the other, and how well."""

    pairs: tuple[tuple[int, int, float, str], ...]  # (index in a, index in b, similarity, kind)
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]

    def kinds(self) -> set[str]:
        return {kind for _, _, _, kind in self.pairs}


def token_similarity(a: str, b: str, key_a: str = "", key_b: str = "") -> tuple[float, str]:
    """How alike two words are, and why: exact, phonetic, fuzzy, initial or none."""
    if a == b:
        return SIM_EXACT, "exact"
    if len(a) == 1 or len(b) == 1:
        if a[0] == b[0] and (len(a) == 1) != (len(b) == 1):
            return SIM_INITIAL, "initial"
        return 0.0, "none"
    if a.isdigit() or b.isdigit():
        return 0.0, "none"
    if key_a and key_a == key_b and len(key_a) >= 2:
        return SIM_PHONETIC, "phonetic"
    if min(len(a), len(b)) >= 4 and min(len(a), len(b)) / max(len(a), len(b)) >= FUZZY_LENGTH_RATIO:
        jw = JaroWinkler.similarity(a, b)
        if jw >= FUZZY_TOKEN_MIN:
            return (jw + fuzz.ratio(a, b) / 100.0) / 2, "fuzzy"
    return 0.0, "none"


def _person_name_word(name: AnalyzedName, i: int) -> str:
    """The written word at I when it may be a person's name: at least 3 letters, not generic, not a number."""
    words = name.words or name.tokens
    word = words[i] if i < len(words) else ""
    return word if len(word) >= 3 and word.isalpha() and not is_generic(word) else ""


def _same_person_name(a: AnalyzedName, i: int, b: AnalyzedName, j: int) -> bool:
    """Both words are one given or family name in two transliterations (rigour's person-name data: "Yousef" /
    "Yusuf", "Qasem" / "Ghassem", "Osama" / "Usama")."""
    wa, wb = _person_name_word(a, i), _person_name_word(b, j)
    return bool(wa and wb and person_name_symbols(wa) & person_name_symbols(wb))


def _pair_name_phrases(
    xs: tuple[str, ...],
    ys: tuple[str, ...],
    used_x: set[int],
    used_y: set[int],
    pairs: list[tuple[int, int, float, str]],
    flip: bool,
) -> None:
    """Pair two or three consecutive unpaired words of xs with one unpaired word of ys when they are one person's
    name written apart and together ("Abdel Aziz" / "Abdulaziz", "Abd al Aziz" / "Abdulaziz")."""
    for j, word in enumerate(ys):
        if j in used_y or len(word) < 5 or not word.isalpha():
            continue
        ids = person_name_symbols(word)
        if not ids:
            continue
        for start in range(len(xs)):
            for end in (start + 2, start + 3):
                run = range(start, end)
                if end > len(xs) or any(i in used_x for i in run):
                    continue
                if ids & person_name_symbols(" ".join(xs[start:end])):
                    for i in run:
                        used_x.add(i)
                        pairs.append((j, i, SIM_PERSON_NAME, "name") if flip else (i, j, SIM_PERSON_NAME, "name"))
                    used_y.add(j)
                    break
            if j in used_y:
                break


def _same_symbol(a: AnalyzedName, i: int, b: AnalyzedName, j: int) -> bool:
    """Both words stand for one generic word (rigour symbols: "national" / "nacional" / "natl")."""
    if i >= len(a.symbols) or j >= len(b.symbols):
        return False
    return bool(a.symbols[i] & b.symbols[j])


def align_tokens(a: AnalyzedName, b: AnalyzedName) -> Alignment:
    """Pair the words of two names greedily, best pairs first, each word used at most once."""
    scored: list[tuple[float, int, int, str]] = []
    for i, (ta, ka) in enumerate(zip(a.tokens, a.phonetics, strict=True)):
        for j, (tb, kb) in enumerate(zip(b.tokens, b.phonetics, strict=True)):
            sim, kind = token_similarity(ta, tb, ka, kb)
            if sim < SIM_EXACT and _same_symbol(a, i, b, j):
                sim, kind = SIM_EXACT, "symbol"
            elif sim < SIM_PERSON_NAME and _same_person_name(a, i, b, j):
                sim, kind = SIM_PERSON_NAME, "name"
            if sim > 0:
                scored.append((sim, i, j, kind))
    scored.sort(key=lambda x: (-x[0], abs(x[1] - x[2]), x[1], x[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float, str]] = []
    for sim, i, j, kind in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, sim, kind))
    _pair_joined(a.words or a.tokens, b.words or b.tokens, used_a, used_b, pairs, flip=False)
    _pair_joined(b.words or b.tokens, a.words or a.tokens, used_b, used_a, pairs, flip=True)
    _pair_name_phrases(a.words or a.tokens, b.words or b.tokens, used_a, used_b, pairs, flip=False)
    _pair_name_phrases(b.words or b.tokens, a.words or a.tokens, used_b, used_a, pairs, flip=True)
    _pair_countries(a, b, used_a, used_b, pairs)
    _pair_abbreviations(a, b, used_a, used_b, pairs, flip=False)
    _pair_abbreviations(b, a, used_b, used_a, pairs, flip=True)
    return Alignment(
        pairs=tuple(sorted(pairs)),
        unmatched_a=tuple(t for i, t in enumerate(a.tokens) if i not in used_a),
        unmatched_b=tuple(t for j, t in enumerate(b.tokens) if j not in used_b),
    )


ABBREVIATION_MIN_CHARS = 3
"""An abbreviation of a generic word has at least this many letters ("RES", "FIN"; "RA" is too short to tell)."""


def is_abbreviation_of(short: str, word: str) -> bool:
    """SHORT may stand for WORD as customer files cut words short: at least 3 letters, WORD longer, the same first
    letter, then either the same second letter or no vowel after the first letter (a consonant skeleton: "mng" /
    "managing"), and every letter of SHORT in WORD in order, a final plural "s" aside ("res" / "research", "invts" /
    "investments", "telecomms" / "telecommunication"; not "resko" / "research")."""
    if len(short) < ABBREVIATION_MIN_CHARS or len(word) <= len(short) or short[0] != word[0]:
        return False
    if not (short.isalpha() and word.isalpha()):
        return False
    # the same first two letters ("res", "invts"), or a consonant skeleton ("mng" / "managing", "mgmt")
    if short[1] != word[1] and any(ch in "aeiouy" for ch in short[1:]):
        return False
    for form in (short, short[:-1]) if short.endswith("s") and len(short) > ABBREVIATION_MIN_CHARS else (short,):
        rest = iter(word[1:])  # a plural abbreviation of a singular word: "telecomms" / "telecommunication"
        if all(ch in rest for ch in form[1:]):
            return True
    return False


def _pair_abbreviations(
    x: AnalyzedName,
    y: AnalyzedName,
    used_x: set[int],
    used_y: set[int],
    pairs: list[tuple[int, int, float, str]],
    flip: bool,
) -> None:
    """Pair an unpaired word of x that rigour has no symbol for with an unpaired generic word of y it abbreviates
    (:func:`is_abbreviation_of`): "KVANT SCIENTIFIC RES INST" / "... RESEARCH INSTITUTE", "RIM GRP INVTS" / "RIM
    GROUP INVESTMENTS". Only generic words (rigour symbols, the generic-words list) are abbreviated so: a
    distinctive word is a name, and "Sin" is no abbreviation of "Sinbad". Counted like a phonetic match."""
    xs = x.words or x.tokens
    ys = y.words or y.tokens
    for i, short in enumerate(xs):
        if i in used_x or i in x.places:
            continue
        # a word rigour reads as another generic word ("PROD" as Product) may still be cut from this one
        # ("PROD" / Production): only as a plain prefix of at least 4 letters
        known = (i < len(x.symbols) and bool(x.symbols[i])) or is_generic(short)
        if known and len(short) < 4:
            continue
        for j, word in enumerate(ys):
            if j in used_y or j in y.places:
                continue
            generic = (j < len(y.symbols) and bool(y.symbols[j])) or is_generic(word) or is_generic(y.tokens[j])
            if known and not (generic and word.startswith(short) and len(word) > len(short)):
                continue
            if generic and is_abbreviation_of(short, word):
                used_x.add(i)
                used_y.add(j)
                pairs.append((j, i, SIM_PHONETIC, "abbreviation") if flip else (i, j, SIM_PHONETIC, "abbreviation"))
                break


def _pair_joined(
    xs: tuple[str, ...],
    ys: tuple[str, ...],
    used_x: set[int],
    used_y: set[int],
    pairs: list[tuple[int, int, float, str]],
    flip: bool,
) -> None:
    """Pair a run of consecutive unpaired words of xs with one unpaired word of ys it spells ("Zor Security")."""
    for j, word in enumerate(ys):
        if j in used_y:
            continue
        for start in range(len(xs)):
            if start in used_x:
                continue
            joined = ""
            for end in range(start, len(xs)):
                if end in used_x or len(joined) >= len(word):
                    break
                joined += xs[end]
                if joined == word and end > start:
                    for i in range(start, end + 1):
                        used_x.add(i)
                        pairs.append((j, i, SIM_EXACT, "joined") if flip else (i, j, SIM_EXACT, "joined"))
                    used_y.add(j)
                    break
            if j in used_y:
                break


# --------------------------------------------------------------------------- name features
def name_exact(a: AnalyzedName, b: AnalyzedName) -> float:
    """1 when the names are equal once normalized and stripped of legal forms, in any word order
    and however the words are split ("Second Eye" / "Secondeye")."""
    if not a.core or not b.core:
        return 0.0
    if a.core == b.core or a.compact == b.compact or sorted(a.tokens) == sorted(b.tokens):
        return 1.0
    if a.written and a.written == b.written:
        return 1.0
    return 0.0


FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "de", "la", "le", "el", "et", "und", "du", "des", "del", "y"})
"""Articles, prepositions and conjunctions: joining words, not words a name has of its own. One left without a
partner ("Ministry of Intelligence of Iran" has two "of", "IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY" one) is not
counted as a word of its name by :func:`token_overlap`, :func:`subset_match` and :func:`distinctive_disagreement`
(it made that query clear: 0.20)."""


def _content(unmatched: tuple[str, ...]) -> list[str]:
    """The words left without a partner, function words aside."""
    return [t for t in unmatched if t not in FUNCTION_WORDS]


def _word_count(name: AnalyzedName, unmatched: tuple[str, ...]) -> int:
    """How many words NAME has for the comparison: function words left without a partner do not count."""
    return len(name.tokens) - (len(unmatched) - len(_content(unmatched)))


def subset_match(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """1 when every word of the shorter name (two words or more, one of them whole) has a partner
    and the longer name has more words.

    "Tal Dilian" / "DILIAN, Tal Jonathan": a person named without a middle name or patronymic.
    """
    al = alignment or align_tokens(a, b)
    shorter_unmatched = _content(al.unmatched_a if len(a.tokens) <= len(b.tokens) else al.unmatched_b)
    shorter = min(len(a.tokens), len(b.tokens))
    whole = [k for _, _, _, k in al.pairs if k != "initial"]
    if shorter < 2 or len(a.tokens) == len(b.tokens) or shorter_unmatched or not whole:
        return 0.0
    return 1.0


def token_set(a: AnalyzedName, b: AnalyzedName) -> float:
    """rapidfuzz token_set_ratio: high when one name's words are a subset of the other's."""
    return fuzz.token_set_ratio(a.core, b.core) / 100.0


def token_sort(a: AnalyzedName, b: AnalyzedName) -> float:
    """rapidfuzz token_sort_ratio: character similarity of the words in sorted order."""
    return fuzz.token_sort_ratio(a.core, b.core) / 100.0


def jaro_winkler(a: AnalyzedName, b: AnalyzedName) -> float:
    """Jaro-Winkler of the joined words, in written and in sorted order (the better of the two)."""
    if not a.core or not b.core:
        return 0.0
    written = JaroWinkler.similarity(a.compact, b.compact)
    ordered = JaroWinkler.similarity("".join(sorted(a.tokens)), "".join(sorted(b.tokens)))
    as_written = JaroWinkler.similarity(a.written, b.written) if a.written and b.written else 0.0
    return max(written, ordered, as_written)


def token_overlap(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """Sum of paired-word similarities over the word count of the shorter name (order-insensitive).

    Words the longer name has in addition are counted by :func:`extra_tokens`.
    """
    al = alignment or align_tokens(a, b)
    shortest = min(_word_count(a, al.unmatched_a), _word_count(b, al.unmatched_b))
    if not shortest:
        return 0.0
    return min(1.0, sum(sim for _, _, sim, _ in al.pairs) / shortest)


def initials_match(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """1 when initials stand for whole words ("D. Varga" / "Daniel Varga") and every word is paired.

    At least one whole word must agree too, so a name made only of initials matches nothing.
    """
    al = alignment or align_tokens(a, b)
    kinds = [kind for _, _, _, kind in al.pairs]
    if "initial" not in kinds or all(k == "initial" for k in kinds):
        return 0.0
    initials_in_a = any(len(a.tokens[i]) == 1 for i, _, _, k in al.pairs if k == "initial")
    initials_in_b = any(len(b.tokens[j]) == 1 for _, j, _, k in al.pairs if k == "initial")
    if initials_in_a and al.unmatched_a:
        return 0.0
    if initials_in_b and al.unmatched_b:
        return 0.0
    return 1.0


def phonetic(a: AnalyzedName, b: AnalyzedName) -> float:
    """Jaccard overlap of the words' Metaphone keys."""
    ka = {k for k in a.phonetics if len(k) >= 2}
    kb = {k for k in b.phonetics if len(k) >= 2}
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / len(ka | kb)


GENERIC_EXTRA_WEIGHT = 0.5
"""How much an unpaired generic word ("Digital", "Technology", "Group") or place ("Hangzhou") counts against a
match, against 1 for a distinctive word: "Hikvision" / "Hangzhou Hikvision Digital Technology Co., Ltd." adds
only descriptions to the name, "Helix Integrators" / "Helix Security" adds a name of its own."""


def extra_tokens(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """Share of words left without a partner on either side, generic words and places counting
    ``GENERIC_EXTRA_WEIGHT`` (a penalty feature)."""
    al = alignment or align_tokens(a, b)
    total = len(a.tokens) + len(b.tokens)
    if not total:
        return 0.0
    paired_a = {i for i, _, _, _ in al.pairs} | _words_named_by_forms(a, b)
    paired_b = {j for _, j, _, _ in al.pairs} | _words_named_by_forms(b, a)
    weight = 0.0
    for name, paired in ((a, paired_a), (b, paired_b)):
        for i, token in enumerate(name.tokens):
            if i not in paired:
                weight += GENERIC_EXTRA_WEIGHT if is_generic(token) or i in name.places else 1.0
    return weight / total


def distinctive_disagreement(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """1 when each name has a word the other lacks and one of those words is distinctive.

    "Helix Integrators" vs "Helix Security Holdings": both keep an unpaired word (integrators /
    security) so these are likely sister companies, not spellings of one name. 0.5 when the unpaired
    words are all generic (trading, systems...); 0 when one name's words are all paired. Function words
    (:data:`FUNCTION_WORDS`) left over do not count.
    """
    al = alignment or align_tokens(a, b)
    left_a, left_b = _content(al.unmatched_a), _content(al.unmatched_b)
    if not left_a or not left_b:
        return 0.0
    distinctive = [t for t in left_a + left_b if not is_generic(t) and not t.isdigit()]
    return 1.0 if distinctive else 0.5


@lru_cache(maxsize=4096)
def _country_of_place(text: str) -> str:
    """The ISO alpha-2 code when ``text`` names a whole country or territory with its own code ("russian
    federation", "egypt", "hong kong"), else "" (a city or region: "moscow", "shanghai", "crimea"). Source:
    rigour.territories (OpenSanctions' territory data)."""
    found = lookup_territory(text)
    if found is None or "-" in found.code:
        return ""
    return found.code.upper()


def country_indexes(name: AnalyzedName) -> dict[int, str]:
    """Which words of a name name a country, by index, with that country's code: {5: "RU", 6: "RU"} for "Federal
    Security Service of the Russian Federation", {0: "IR"} for "Iranian Ministry of ...". Runs of place words
    (rigour's LOC symbols, :attr:`AnalyzedName.places`) are looked up whole, cities and regions are not countries;
    another word of 4 letters or more is a country's adjective when rigour.territories or the country authority
    (:func:`ontology.countries.country_code`) reads it as one ("iranian", "russian")."""
    out: dict[int, str] = {}
    run: list[int] = []
    words = name.words if len(name.words) == len(name.tokens) else name.tokens  # "republic", not its symbol "repu"
    for i in [*sorted(name.places), -2]:
        if run and i != run[-1] + 1:
            code = _country_of_place(" ".join(words[j] for j in run))
            if code:
                out.update({j: code for j in run})
            run = []
        if i >= 0:
            run.append(i)
    for i, token in enumerate(name.tokens):
        if i not in name.places and len(token) >= 4 and token.isalpha():
            code = _country_of_place(token) or country_code(token) or ""
            if code:
                out[i] = code
    return out


def country_words(name: AnalyzedName) -> dict[str, str]:
    """The words of a name that name a country, each with that country's code (see :func:`country_indexes`)."""
    return {name.tokens[i]: code for i, code in country_indexes(name).items()}


def _pair_countries(
    a: AnalyzedName, b: AnalyzedName, used_a: set[int], used_b: set[int], pairs: list[tuple[int, int, float, str]],
) -> None:
    """Pair unpaired words of the two names that name the same country: "Iranian Ministry of ..." and "Ministry of
    ... of Iran", "of the Russian Federation" and "of Russia" (every word of a run with the other side's first)."""
    ca = {i: c for i, c in country_indexes(a).items() if i not in used_a}
    cb = {j: c for j, c in country_indexes(b).items() if j not in used_b}
    for code in set(ca.values()) & set(cb.values()):
        xs = sorted(i for i, c in ca.items() if c == code)
        ys = sorted(j for j, c in cb.items() if c == code)
        for k in range(max(len(xs), len(ys))):
            i, j = xs[min(k, len(xs) - 1)], ys[min(k, len(ys) - 1)]
            pairs.append((i, j, SIM_EXACT, "country"))
            used_a.add(i)
            used_b.add(j)


def generic_subset(
    a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None, countries: Iterable[str] = (),
) -> float:
    """1 when the shorter name is made only of generic words ("NATIONAL BANK"), or of generic words and places
    ("Shanghai Trading Co", "Hong Kong Electronics Ltd"), and the longer one adds a word that is not generic
    ("National Bank of Egypt", "Shanghai Gang Quan Trade Co."): the shorter name describes, it does not name.
    Words that name one of ``countries`` (the list entity's own) are not such a word: "Federal Security Service of
    the Russian Federation" is the Russian "FEDERAL SECURITY SERVICE" named with its country, while "Federal
    Security Service of Ukraine" or "National Bank of Egypt" against a Nicaraguan "NATIONAL BANK" still is one.

    OFAC calls such names weak aliases (OFAC FAQ 91); lists that do not mark them (CSL, FtM ``alias``) still
    publish them, and customer files hold many companies named for a city and a trade. A name made only of places
    ("Shanghai") is not a description: that is ``short_name``'s and the country features' business.
    """
    al = alignment or align_tokens(a, b)
    shorter, longer_unmatched = (a, al.unmatched_b) if len(a.tokens) <= len(b.tokens) else (b, al.unmatched_a)
    if not shorter.tokens or not longer_unmatched:
        return 0.0
    generic = [is_generic(t) for t in shorter.tokens]
    if not all(g or i in shorter.places for i, g in enumerate(generic)) or not any(generic):
        return 0.0
    longer = b if shorter is a else a
    own = {c.upper() for c in countries}
    named = {word for word, code in country_words(longer).items() if code in own} if own else set()
    named |= _same_place_words(longer, al, longer is b)
    return 1.0 if any(not is_generic(t) and t not in named for t in longer_unmatched) else 0.0


def _same_place_words(name: AnalyzedName, al: Alignment, name_is_b: bool) -> set[str]:
    """The words of ``name`` in a run of place words (rigour's LOC symbols) that also holds a word paired with the
    other name: the longer form of a place the other name already names ("Xinjiang Uyghur Autonomous Region" for
    "Xinjiang"), no word of a name of its own. A place the other name lacks ("National Bank of Egypt" against
    "NATIONAL BANK") is not such a word."""
    paired = {j if name_is_b else i for i, j, _, _ in al.pairs}
    out: set[str] = set()
    run: list[int] = []
    for i in [*sorted(name.places), -2]:
        if run and i != run[-1] + 1:
            if any(k in paired for k in run):
                out |= {name.tokens[k] for k in run}
            run = []
        if i >= 0:
            run.append(i)
    return out


def number_mismatch(a: AnalyzedName, b: AnalyzedName) -> float:
    """1 when the names carry different numbers ("Optima 2" vs "Optima 3", or a house number)."""
    return 1.0 if a.numbers != b.numbers else 0.0


def _descriptor_symbols(name: AnalyzedName) -> frozenset[str]:
    """What the name's descriptor forms (Group, Holding, Co) stand for, as words: {"grp"} for "NSO Group"."""
    found: set[str] = set()
    for form in name.forms:
        if legal_form_type(form) == "descriptor":
            found |= word_symbols(normalize_name(form))
    return frozenset(found)


def _words_named_by_forms(name: AnalyzedName, other: AnalyzedName) -> set[int]:
    """Indexes of NAME's words that the other name carries as a descriptor form: "group" in "NSO Group
    Technologies Ltd" is the "Group" that "NSO Group" ends with (one side keeps it as a word, the other as a form)."""
    wanted = _descriptor_symbols(other)
    if not wanted:
        return set()
    return {i for i, sym in enumerate(name.symbols) if sym & wanted}


def legal_form_mismatch(a: AnalyzedName, b: AnalyzedName) -> float:
    """1 when both names carry a legal form and the kinds disagree (Ltd vs S.A.); 0.5 when both carry
    some form and only one says Holding / Group / Co ("Cytrox Holdings ZRT" vs "Cytrox AD").

    Ltd / Limited / LLC / OOO count as one kind; S.A. / AG / ZRT / JSC / AD as another. A name
    without any legal form never disagrees.
    """
    if not a.forms or not b.forms:
        return 0.0
    la, lb = a.form_types - {"descriptor"}, b.form_types - {"descriptor"}
    if la and lb and not la & lb:
        return 1.0
    da = {f for f in a.forms if legal_form_type(f) == "descriptor"}
    db = {f for f in b.forms if legal_form_type(f) == "descriptor"}
    if da != db and (_words_named_by_forms(a, b) or _words_named_by_forms(b, a)):
        return 0.0  # the descriptor one side ends with is a word of the other ("NSO Group" / "NSO Group Ltd")
    return 0.5 if da != db else 0.0


def short_name(a: AnalyzedName, b: AnalyzedName, alignment: Alignment | None = None) -> float:
    """1 when the shorter core is made only of initials or has fewer than 4 letters overall.

    0 when both names are that same short name ("GRU" screened against the list's "GRU"): an exact short name is
    what the list publishes, not a fragment of a longer one. 0 too when every word of the short name is paired
    exactly and the longer name adds only generic words ("NSO Group" / "NSO Group Technologies Ltd"): the short
    word is then the whole distinctive name, not a fragment of another.
    """
    if a.compact == b.compact and len(a.compact) >= 2:
        return 0.0
    shorter = a if len(a.compact) <= len(b.compact) else b
    if not (shorter.is_initials_only or len(shorter.compact) < 4):
        return 0.0
    if alignment is not None and len(shorter.compact) >= 2 and not shorter.is_initials_only:
        short_side_unpaired = alignment.unmatched_a if shorter is a else alignment.unmatched_b
        long_side_unpaired = alignment.unmatched_b if shorter is a else alignment.unmatched_a
        exact = all(kind == "exact" for _, _, _, kind in alignment.pairs)
        if not short_side_unpaired and exact and alignment.pairs and all(is_generic(t) for t in long_side_unpaired):
            return 0.0
    return 1.0


# --------------------------------------------------------------------------- other features
def _countries(values: Iterable[str]) -> set[str]:
    """ISO codes through the country authority ("Russia" and "RU" agree); an unknown value compares as written."""
    return {country_code(v) or v.strip().upper() for v in values if v and v.strip()}


def country_match(query: Iterable[str], candidate: Iterable[str]) -> float:
    """1 when both sides name countries and share one."""
    q, c = _countries(query), _countries(candidate)
    return 1.0 if q and c and q & c else 0.0


def country_mismatch(query: Iterable[str], candidate: Iterable[str]) -> float:
    """1 when both sides name countries and share none (homonyms abroad)."""
    q, c = _countries(query), _countries(candidate)
    return 1.0 if q and c and not q & c else 0.0


def typed_identifiers(values: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Identifiers by comparison family (``inn`` counts as ``tax``), values normalized by
    :func:`ontology.identifiers.normalize_identifier`; facts that are not identifiers (``linked_to``) are left out."""
    out: dict[str, set[str]] = {}
    for scheme, value in values:
        s, v = normalize_identifier(scheme, value)
        if is_identifier_scheme(s) and v:
            out.setdefault(comparison_family(s), set()).add(v)
    return out


def identifier_match(query: Sequence[tuple[str, str]], candidate: Sequence[tuple[str, str]]) -> float:
    """1 when both sides carry the same identifier: same type and same value once normalized
    ("imo:9569683" and the list's "IMO 9569683")."""
    q, c = typed_identifiers(query), typed_identifiers(candidate)
    return 1.0 if any(q[s] & c.get(s, set()) for s in q) else 0.0


def _single_valued(values: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """(family, value) of the identifiers whose own scheme an entity holds one value of (``inn`` is kept although
    it compares as ``tax``)."""
    out: set[tuple[str, str]] = set()
    for scheme, value in values:
        s, v = normalize_identifier(scheme, value)
        if s in SINGLE_VALUE_SCHEMES and v:
            out.add((comparison_family(s), v))
    return out


def single_value_match(query: Sequence[tuple[str, str]], candidate: Sequence[tuple[str, str]]) -> bool:
    """True when an identifier of a type an entity holds one value of (IMO, MMSI, LEI, INN, OGRN...) is equal.

    Either side may name the specific type: OFAC writes a Russian INN as "Tax ID No. 7704813260 (Russia)" and an
    OGRN as "Registration ID 1127746601817 (Russia)", so the user's ``inn:7704813260`` equal to the list's
    ``tax`` value is an equal INN (the comparison is by family, :func:`ontology.identifiers.comparison_family`)."""
    q, c = typed_identifiers(query), typed_identifiers(candidate)
    equal = {(s, v) for s in q for v in q[s] & c.get(s, set())}
    return bool(equal & (_single_valued(query) | _single_valued(candidate)))


def identifier_mismatch(query: Sequence[tuple[str, str]], candidate: Sequence[tuple[str, str]]) -> float:
    """Both sides carry an identifier of the same type and no identifier agrees: 1 for a type an entity holds one
    value of (IMO, MMSI, LEI, INN, OGRN...), 0.5 for one it may hold several of (passport, tax number)."""
    q, c = typed_identifiers(query), typed_identifiers(candidate)
    if any(q[s] & c.get(s, set()) for s in q):
        return 0.0
    shared = set(q) & set(c)
    if not shared:
        return 0.0
    return 1.0 if shared & SINGLE_VALUE_SCHEMES else 0.5


def identifier_evidence(query: Sequence[tuple[str, str]], candidate: Sequence[tuple[str, str]]) -> list[str]:
    """In words, which identifiers agreed or differed: ``["imo 9569683 equals the list's imo 9569683"]``."""
    q, c = typed_identifiers(query), typed_identifiers(candidate)
    notes: list[str] = []
    for scheme in sorted(set(q) & set(c)):
        same = sorted(q[scheme] & c[scheme])
        if same:
            notes += [f"{scheme} {v} equals the list's {scheme} {v}" for v in same]
        else:
            notes.append(f"{scheme} {', '.join(sorted(q[scheme]))} differs from the list's "
                         f"{scheme} {', '.join(sorted(c[scheme]))}")  # fmt: skip
    return notes


def address_overlap(query: Iterable[str], candidate: Iterable[str]) -> float:
    """Best token_set similarity between any address of one side and any of the other (0..1)."""
    best = 0.0
    qs = [normalize_name(x) for x in query if x]
    cs = [normalize_name(x) for x in candidate if x]
    for q in qs:
        for c in cs:
            if q and c:
                best = max(best, fuzz.token_set_ratio(q, c) / 100.0)
    return best


def neighbour_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of the ids two records are linked to (shared directors, owners, addresses)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
