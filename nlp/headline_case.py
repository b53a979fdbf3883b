"""A title-case headline read in sentence case (issue 13, round 23).

News passages open on a headline in title case ("Velmora Technologies Wins Contract With Kestrel County Police",
"Country Buys Facial Recognition Cameras From Firm"). spaCy's models, trained on sentence-case prose, take such a
line's capitalised verbs and nouns for names: "Velmora Technologies Wins Contract" becomes one ORG and the buyer is
lost. Before the parse, the headline is rewritten as a sentence-case headline would write it: every word keeps its
capital only where it would in a sentence (the line's first word, the first word after a colon or dash), where it is
written with more than one capital or a digit ("NSO", "ICE", "iPhone", "5G"), where it names a country or its people
("Moroccan", via ``ontology.countries``), where the gazetteer writes a name so ("Pegasus"), or where the text's body writes the same word capitalised in the middle of
a sentence (a firm, a person, an agency named again below). The rewrite keeps the text's length, so every offset
holds, and entities are reported with the original characters.

What is not a headline is left alone: a line that is not the text's first, a line in capitals, a sentence (a full
stop inside), a byline ("By Jane Doe"), a line of one or two words, and a first line with no body text after it.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.components.name_repairs import FIRM_TAILS
from ontology.countries import country_code

# the headline's words: letters, digits and the marks inside a name ("U.S.", "Al-Jazeera", "AT&T", "Velmora's")
_WORD = re.compile(r"[^\W_][\w.&'\u2019-]*")
# a word the body writes capitalised in the middle of a sentence: after a word, a comma, semicolon or closing
# bracket and one space, never after a sentence end or at a line's start ("... contract with Kestrel County Police")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )[A-Z][\w-]*")
# marks after which a headline's next word opens a clause and keeps its capital ("Featured Story: ICE Defrosts ...")
_CLAUSE_OPENERS = (":", "\u2013", "\u2014", " - ", "|", "\"", "\u201c", "'", "\u2018")
# a byline or a dateline is no headline
_BYLINE = re.compile(r"(?i)^(?:by|posted by|written by|from)\s")
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                          "as", "vs", "via", "into", "over", "is", "are", "be", "but", "nor", "up", "out", "off"})
# a firm's head word that names a firm wherever it closes a run of capitalised words ("Velmora Technologies",
# "Citizen Lab"); the other firm words of name_repairs' FIRM_TAILS ("Security", "Software", "Technology") close
# common phrases as often, and keep the words before them only where the body writes them capitalised
_FIRM_HEADS = frozenset({"lab", "labs", "technologies", "holdings", "group", "inc", "ltd", "llc", "gmbh", "plc", "corp",
                         "corporation", "sa", "ag", "spa"})
MAX_FIRM_WORDS = 3
MAX_KNOWN_WORDS = 6
MIN_WORDS = 3
MAX_WORDS = 20
# a two- or three-letter title-case word is a country only in capitals ("In", "To", "Is" are ISO codes)
_MIN_COUNTRY_CHARS = 4


def _first_line(text: str) -> tuple[int, int] | None:
    """The (start, end) of ``text``'s first non-blank line, or None."""
    m = re.search(r"\S[^\n]*", text)
    if m is None:
        return None
    return m.start(), m.start() + len(m.group(0).rstrip())


def _is_title_case_headline(line: str, body: str) -> bool:
    """Whether ``line`` reads as a title-case headline over ``body``: 3-20 words, not all in capitals, no sentence end
    inside, no byline, every word but function words capitalised (or a digit), at least one function word or
    capitalised word the sentence-case form would lower; and a body after it that holds a sentence."""
    words = _WORD.findall(line)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or line.upper() == line or _BYLINE.match(line):
        return False
    if re.search(r"[.!?][\"'\u201d\u2019)]?\s+\S", line):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL_WORDS for w in words):
        return False
    if sum(1 for w in words if w[:1].isupper()) < MIN_WORDS:
        return False  # "Pegasus in Mexico": too few capitals to be title case rather than a sentence-case line
    return re.search(r"[a-z][.!?][\"'\u201d\u2019)]?(?:\s|$)", body) is not None


def _body_capitals(body: str) -> frozenset[str]:
    """The words ``body`` writes capitalised in the middle of a sentence (:data:`_MID_SENTENCE_CAPITAL`)."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(body))


# two capitalised words in a row anywhere in the body, also at a sentence's start ("Citizen Lab researchers found")
_CAPITAL_PAIR = re.compile(r"(?=\b([A-Z][\w-]*) ([A-Z][\w-]*))")


def _body_pairs(body: str) -> frozenset[tuple[str, str]]:
    """The pairs of capitalised words ``body`` writes one after the other (:data:`_CAPITAL_PAIR`): a name of two or
    more words, wherever it stands, keeps both capitals in the headline."""
    return frozenset((m.group(1), m.group(2)) for m in _CAPITAL_PAIR.finditer(body))


@cache
def _is_country_word(word: str) -> bool:
    """Whether the title-case ``word`` names a country or its people ("Morocco", "Moroccan", "Moroccans")."""
    if len(word) < _MIN_COUNTRY_CHARS:
        return False
    return country_code(word) is not None or (word.endswith("s") and country_code(word[:-1]) is not None)


def _keeps_capital(word: str, opens_clause: bool, body_capitals: frozenset[str]) -> bool:
    """Whether a headline ``word`` (one part of a hyphenated word) keeps its capital in sentence case (module
    docstring)."""
    if opens_clause or not word[:1].isupper():
        return True
    stem = re.sub(r"['\u2019]s?$", "", word).rstrip(".")
    if any(ch.isupper() or ch.isdigit() for ch in stem[1:]):
        return True  # an acronym or a name in mixed case: "NSO", "ICE", "U.S.", "FinFisher"
    return stem in body_capitals or _is_country_word(stem)


def _known_runs(line: str, words: list[re.Match[str]], known: frozenset[str]) -> set[int]:
    """Indexes of the headline ``words`` that a run of them spelling a name in ``known`` (as written, one space
    between words, a possessive "'s" after the last one ignored) covers: "Pegasus", "Hacking Team's"."""
    named: set[int] = set()
    for i in range(len(words)):
        for j in range(i, min(i + MAX_KNOWN_WORDS, len(words))):
            if j > i and line[words[j - 1].end() : words[j].start()] != " ":
                break
            run = line[words[i].start() : words[j].end()]
            if run in known or re.sub(r"['\u2019]s$", "", run) in known:
                named |= set(range(i, j + 1))
    return named


def sentence_case_headline(text: str, known: frozenset[str] = frozenset()) -> str:
    """``text`` with its first line in sentence case when that line is a title-case headline over the body (module
    docstring); the same length as ``text``, characters changed only from capital to small letter. ``known`` are
    names as the gazetteer writes them (firms, products, agencies, people): their words keep their capitals."""
    place = _first_line(text)
    if place is None:
        return text
    start, end = place
    line, body = text[start:end], text[end:]
    if not _is_title_case_headline(line, body):
        return text
    body_capitals = _body_capitals(body)
    pairs = _body_pairs(body)
    words = list(_WORD.finditer(line))
    named = _known_runs(line, words, known)  # indexes of the words a known name or a body's name covers
    for i in range(len(words) - 1):
        if line[words[i].end() : words[i + 1].start()] == " " and (words[i].group(0), words[i + 1].group(0)) in pairs:
            named |= {i, i + 1}
    for i in range(1, len(words)):
        tail = words[i].group(0)
        if tail.casefold() in _FIRM_HEADS or (tail.casefold() in FIRM_TAILS and tail in body_capitals):
            j = i  # the capitalised words right before the firm's head word are its name
            while j > 0 and i - j < MAX_FIRM_WORDS and line[words[j - 1].end() : words[j].start()] == " " \
                    and words[j - 1].group(0)[:1].isupper() and words[j - 1].group(0).casefold() not in _SMALL_WORDS:
                j -= 1
            if j < i:
                named |= set(range(j, i + 1))
    out = list(text)
    for i, m in enumerate(words):
        before = line[: m.start()]
        opens_clause = i == 0 or before.rstrip().endswith(_CLAUSE_OPENERS) or before.endswith(_CLAUSE_OPENERS)
        if i in named:
            continue
        offset = start + m.start()
        for part in m.group(0).split("-"):  # "Israeli-Made": each part on its own
            if part and not _keeps_capital(part, opens_clause, body_capitals):
                small = part[0].lower()
                if len(small) == 1:  # (a capital whose small form has another length, "İ", stays)
                    out[offset] = small
            opens_clause = False
            offset += len(part) + 1
    return "".join(out)
