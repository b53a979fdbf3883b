"""Text preparation: cleaning that keeps offsets, splitting into units, and language detection."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex
from langdetect import DetectorFactory, LangDetectException, detect_langs

from nlp.normalize import acronym

DetectorFactory.seed = 0  # langdetect is random unless seeded

_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff]")
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>\n]{0,300}|!--[^<>]{0,300}--)>")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'\u201c(\[]?[A-Z0-9])")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# letters of the Latin script (Unicode script property), for texts too short for language detection
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")


def clean(text: str) -> str:
    """``text`` with control characters, lone surrogates and markup tags blanked out, same length and offsets."""
    text = _BAD_CHARS.sub(" ", text)
    return _TAG.sub(lambda m: " " * len(m.group(0)), text)


@dataclass(frozen=True)
class Unit:
    start: int
    end: int


def split_units(text: str, max_chars: int = 10_000) -> Iterator[Unit]:
    """Paragraphs of ``text`` (blank-line separated); long ones cut at sentence ends, then at spaces."""
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        yield from _bounded(text, pos, m.start(), max_chars)
        pos = m.end()
    yield from _bounded(text, pos, len(text), max_chars)


def _bounded(text: str, start: int, end: int, max_chars: int) -> Iterator[Unit]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if end - start <= max_chars:
        yield Unit(start, end)
        return
    cut = start
    while end - cut > max_chars:
        window = text[cut : cut + max_chars]
        ends = [m.start() for m in _SENTENCE_END.finditer(window)]
        split = ends[-1] if ends and ends[-1] > max_chars // 4 else window.rfind(" ")
        if split <= 0:
            split = max_chars
        yield from _bounded(text, cut, cut + split, max_chars)
        cut += split
    yield from _bounded(text, cut, end, max_chars)


@dataclass(frozen=True)
class LanguageCheck:
    language: str
    skipped_reason: str | None


def check_language(text: str, declared: str | None = None, sample_chars: int = 1000) -> LanguageCheck:
    """Whether ``text`` is English prose worth analysing; the reason when it is not."""
    if not text.strip():
        return LanguageCheck("und", "empty text")
    letters = len(_LETTER.findall(text[:200_000]))
    visible = len("".join(text[:200_000].split()))  # (the characters that are not white space, counted in C)
    if letters < 3:
        return LanguageCheck("und", "no words in the text (no letters)")
    if visible and letters / visible < 0.5:
        return LanguageCheck("und", f"not prose: only {letters / visible:.0%} of the visible characters are letters")
    if declared and declared.lower()[:2] not in ("en", ""):
        return LanguageCheck(declared.lower()[:2], f"language {declared!r} declared by the source; the pipeline is English")
    if letters < 40:
        latin = len(_LATIN_LETTER.findall(text))
        if latin < letters / 2:  # ("監控系統出口": too short to detect, but plainly no English; round 20)
            return LanguageCheck("und", f"too short to detect its language and only {latin} of its {letters} letters are "
                                        "Latin script; the pipeline is English")
        return LanguageCheck("en", None)  # too short to detect reliably; analysed as English
    mid = len(text) // 2
    sample = text[:sample_chars] + "\n" + text[mid : mid + sample_chars]
    if _plainly_english(sample):
        return LanguageCheck("en", None)
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return LanguageCheck("und", "language could not be detected")
    top = guesses[0]
    english = next((g.prob for g in guesses if g.lang == "en"), 0.0)
    if top.lang == "en" or english >= 0.3:
        return LanguageCheck("en", None)
    return LanguageCheck(top.lang, f"language detected as {top.lang!r} (p={top.prob:.2f}); the pipeline is English")


# the share of a sample's words that must be English markers for it to be English without langdetect
ENGLISH_MARKER_SHARE = 0.07
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _english_markers() -> frozenset[str]:
    """The words of nlp/data/english_markers.txt (read once per process by the project's word-list reader,
    imported here rather than at the top: importing nlp.components loads and registers the whole pipeline)."""
    from nlp.components.common import word_sections

    return word_sections("english_markers.txt").get("", frozenset())


def _plainly_english(sample: str) -> bool:
    """True when at least ENGLISH_MARKER_SHARE of the sample's words (of 20 or more) are English function words
    ("the", "of", "which", ...: nlp/data/english_markers.txt). English prose has 8-25% of them (dense legal text
    8-12%), other Latin-script languages 0-5% (Romanian "are", Danish "have"), so langdetect (about a tenth of the
    extractor's time outside spaCy, round 24 profile) would only confirm English. Shape: str -> bool."""
    words = _WORD.findall(sample.casefold())
    if len(words) < 20:
        return False
    markers = _english_markers()
    return sum(1 for w in words if w in markers) >= ENGLISH_MARKER_SHARE * len(words)


# ---------------------------------------------------------------------------------------------------------------
# Reading text as a person would: the repairs PDF and web extraction need, with a map back to the original offsets.

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
    "\u3002": ".", "\uff0e": ".", "\uff0c": ",",  # ideographic and full-width stops and commas in English text
}
_CHARS = re.compile("[" + "".join(_CHAR_MAP) + "]")


def normalise_characters(text: str) -> str:
    """``text`` with the characters of ``_CHAR_MAP`` as :func:`prepare` writes them (typographic quotes as ASCII,
    unusual spaces as a space, ligatures spelled out, soft hyphens and zero-width characters gone); for names read
    from tables, which must match prepared text. Shapes: str -> str."""
    return _CHARS.sub(lambda m: _CHAR_MAP[m.group(0)], text)
# "surveil-\nlance": a word cut at a line end by a PDF's hyphenation
_LINE_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-[ \t]*\r?\n[ \t]*([a-z][^\W\d_]*)")
# prefixes whose hyphen is part of the word even at a line end ("state-owned", "re-export")
_KEEP_HYPHEN = frozenset({"state", "self", "non", "co", "ex", "anti", "cross", "re", "pre", "post", "well", "high", "low",
                          "dual", "end", "multi", "semi", "sub", "cyber", "long", "short", "full", "half", "so", "third",
                          "counter", "government", "military", "front", "mid", "inter", "intra", "pro", "quasi"})
# second parts of compounds after a name ("Cyprus-based", "Israel-made", "UAE-registered"): after a capitalised first
# part the hyphen is the compound's, not the line's ("Bah-\nraini" is still joined: "raini" is not among them)
_COMPOUND_SECOND = frozenset({"based", "made", "owned", "backed", "linked", "funded", "run", "controlled", "registered",
                              "headquartered", "affiliated", "sponsored", "operated", "built", "designed", "developed",
                              "manufactured", "origin", "supplied", "produced", "listed", "sanctioned", "aligned"})
# a single line break inside a paragraph (PDF wrapping), not a blank line
_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*\r?\n(?=[ \t]*\S)")
# "2021.NSO", "March.Semptian", "FBI.The", 'said."The': a sentence end whose following space was lost
# also after a closing bracket or quote ("(see annex).NSO"), before a footnote mark ("2021.[12]NSO") and across
# zero-width characters and soft hyphens, which the character map drops ("2021.\u200bNSO")
_ZERO_WIDTH = "[\u00ad\u200b\u200c\u200d\u2060]*"
_GLUED_STOP = re.compile(
    r"(?:(?<=[a-z0-9])|(?<=[A-Z]{2})|(?<=[a-z0-9][)\]\"'\u201d\u2019]))[.!?\u3002\uff0e]"
    r"(?:[\"'\u201d\u2019)\]]|\[\d{1,3}\])?" + _ZERO_WIDTH + r"(?=[A-Z](?:[a-z]|[A-Z]))"
)
# a footnote number glued after a sentence's full stop, as PDF text layers and pasted web pages keep superscripts
# ("used by the Syrian government.1 This action", "the Entity List in 2019.3 Hangzhou Hikvision"): the number is no
# word of either sentence (a decimal stays: "3.5 Percent", "version 2.1 The": no letter or year before the stop)
_FOOTNOTE_AFTER_STOP = re.compile(r"(?:(?<=[a-z][.!?])|(?<=\b(?:19|20)\d\d\.))\d{1,2}(?=[ \t\n]+[A-Z])")
# "Co.,Ltd.": a comma glued to the next capitalised word of a company name (Chinese companies' English names);
# "in 2017,NSO Group" / "in 2021;NSO Group": a comma or semicolon whose space was lost, as a full stop's is
_GLUED_COMMA = re.compile(r"(?<=[A-Za-z.]),(?=[A-Z][a-z])|(?<=[A-Za-z0-9.)\]\"'\u201d\u2019])[,;](?=[A-Z][A-Za-z])")
# "Co., Ltd.supplied": a legal-form abbreviation's full stop glued to the next (lower-case) word
_GLUED_FORM = re.compile(r"\b(?:Ltd|Co|Inc|Corp|LLC|Plc|PLC|GmbH|S\.A|S\.p\.A|Pte|Pvt|Bhd|JSC|PJSC)\.(?=[a-z]{2,}\b)")
# two or more spaces or tabs between words (PDF column layout, justified text): one space
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)|(?<=\S)\t(?=\S)")
_RUN = re.compile(r"\S+")

# Markdown, as news scrapers and converters write articles ("[NSO Group](https://...)", "**Pegasus**", "## Title"):
# the syntax is dropped, the words kept; a heading, list item, table row or rule is its own block. Read only in a
# text that shows markdown (_MD_SIGNS): in plain or PDF text a line starting "- " or "12. " is prose.
_MD_SIGNS = re.compile(r"\]\((?:<|[a-z][a-z0-9+.-]{1,10}:|/|#|www\.)|(?m:^#{1,6}[ \t]+\S)|(?m:^[ \t]{0,3}```)"
                       r"|\*\*[^\s*][^\n]{0,300}?[^\s*]\*\*|(?m:^[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|)"
                       r"|(?m:^[ \t]{0,3}\[[^\]\n]{1,100}\]:[ \t]*<?(?:[a-z][a-z0-9+.-]{1,10}:|/|www\.))")
# a link destination: <...>, or a URL with up to two levels of brackets; an optional title in "", '' or ()
_MD_DEST = (r"\([ \t]*(?:<[^<>\n]{0,2000}>|(?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\)){0,2000})"
            r"(?:[ \t\n]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\([^()\n]{0,300}\)))?[ \t]*\)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]" + _MD_DEST)
# link text: one line, or two (converters wrap long lines), an image allowed inside ("[![logo](a.png) NSO](...)")
_MD_LINK = re.compile(r"(?<![!\\])\[(?!\^)((?:!\[[^\]\n]{0,300}\]" + _MD_DEST + r"|[^\[\]\n]|\n(?![ \t]*\n)){1,500})\]"
                      r"(" + _MD_DEST + r"|\[[^\[\]\n]{0,100}\])")
_MD_LINK_DEFINITION = re.compile(r"(?m)^[ \t]{0,3}\[(?!\^)([^\]\n]{1,100})\]:[ \t]*<?(?:[a-z][a-z0-9+.-]{1,10}:|/|#|www\.)"
                                 r"[^\n]*$")
_MD_FOOTNOTE_MARK = re.compile(r"(?m)^[ \t]{0,3}\[\^[^\]\s]{1,50}\]:[ \t]*|\[\^[^\]\s]{1,50}\]")
_MD_STRONG = re.compile(r"(?<![\\*])\*\*(?=[^\s*])((?:[^\n]|\n(?![ \t]*\n)){1,300}?)(?<=[^\s*])\*\*(?!\*)"
                        r"|(?<![\w\\_])__(?=[^\s_])((?:[^\n]|\n(?![ \t]*\n)){1,300}?)(?<=[^\s_])__(?![\w_])")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])((?:[^*\n]|\n(?![ \t]*\n)){1,300}?)(?<=[^\s*])\*(?![\w*])"
                          r"|(?<![\w_\\])_(?=[^\s_])((?:[^_\n]|\n(?![ \t]*\n)){1,300}?)(?<=[^\s_])_(?![\w_])")
_MD_CODE = re.compile(r"(?<!`)`([^`\n]{1,200})`(?!`)")
_MD_FENCE = re.compile(r"(?m)^[ \t]{0,3}(?:```|~~~)[^\n]*$")
_MD_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\n)")  # CommonMark: any ASCII punctuation may be escaped
_MD_RULE = re.compile(r"(?m)^[ \t]*(?:[-*_][ \t]*){3,}$|^[ \t]*(?:=+|-+)[ \t]*$")
_MD_TABLE_DELIMITER = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{1,}:?[ \t]*\|)+[ \t]*(?::?-{1,}:?[ \t]*)?$")
_MD_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*$")
_MD_BLOCK_MARK = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+|(\d{1,3})[.)][ \t]+)")
# a bullet opening a line in text copied from web pages and PDFs ("  \u2022 Using ..."): a list item in any text
_BULLET = re.compile(r"(?m)^[ \t]*[\u2022\u25e6\u25aa\u2023\u25cf][ \t]+")
_MD_HEADING_END = re.compile(r"[ \t]+#+[ \t]*$")
_MD_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_][\w-]{0,40}:[^\n]*\n|[ \t]+[^\n]*\n){1,60})---[ \t]*(?:\n|\Z)")
_MD_FRONT_KEY = re.compile(r"(?m)^[A-Za-z_][\w-]{0,40}:[ \t]*")
# a news dateline opening a paragraph: "LAHORE - ", "KAMPALA (Reuters) - ", "WASHINGTON, Feb 2 (Reuters) -- ",
# "Dhaka, Feb 2 (PTI) ": the place and agency are no part of the first sentence's first name (ner read "LAHORE - The
# Punjab Safe Cities Authority" as one phrase); the gap after it becomes a paragraph break
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: \d{1,2})?)?(?: \([A-Za-z .]{2,30}\))?"
    r" ?(?:-{1,2}|\u2013|\u2014)"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r" \((?:PTI|IANS|AFP|AP|Reuters|UNB|BSS|Xinhua|ANI|Bernama|dpa|EFE)\))(?P<gap>[ \t]+)(?=[A-Z\"'\u201c])")
# an acronym written as a word in brackets after a name ("Rapid Action Battalion (Rab)", as some newsrooms style
# them): :func:`_word_acronyms` checks that its letters spell the name's initials
_WORD_ACRONYM = re.compile(r"\(([A-Z][a-z]{2,4})\)")
_NAME_WORD = re.compile(r"([A-Z][\w'\-]*|of|the|and|for|de)\s+$")
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#[xX][0-9a-fA-F]{1,6});")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|int|mil|io|info|co|ru|cn|il|uk|de|fr|gr|mk)\b", re.I)


@dataclass(frozen=True)
class Prepared:
    """The text the pipeline reads and, for each of its characters, the offset in the original text.

    ``origin`` has ``len(text) + 1`` entries (the last is the original length); it is None when the text was
    not changed, so the common case costs nothing. Offsets found in ``text`` map back with :meth:`span`.
    """

    text: str
    origin: list[int] | None = None
    # ``text`` with the characters that a same-length re-reading changed before the repairs written back (a
    # title-case headline read in sentence case, nlp/headline_case.py): the names as the source writes them; None
    # when nothing was re-read
    shown: str | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of the prepared text's ``[start, end)`` (end exclusive)."""
        if self.origin is None:
            return start, end
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def prepare(text: str) -> Prepared:
    """``text`` repaired for reading, with the offset map back to ``text``.

    Repairs, in the words of the sources they come from (PDF text layers, scraped pages):
    typographic quotes and primes become ASCII quotes, unusual spaces become spaces, ligatures are spelt out
    (U+FB01 -> "fi"), soft hyphens and zero-width characters are dropped; a word hyphenated at a line end is
    joined ("surveil-\\nlance" -> "surveillance") unless its first part is a prefix that keeps its hyphen
    ("state-\\nowned"), a capitalised name before a compound's second part ("Cyprus-\\nbased") or the hyphenated
    form is used elsewhere in the text; single line breaks inside a
    paragraph become spaces (blank lines still end paragraphs), as do runs of spaces and tabs between words; and a
    full stop, "!" or "?" directly followed (also after a closing bracket or quote, before a footnote mark "[12]",
    or across a zero-width character; a footnote mark there becomes the space), and so do a comma glued to a
    capitalised word ("Co.,Ltd.", "in 2017,NSO Group", "2021;NSO") and a legal form's full stop glued to a word ("Ltd.supplied")
    by a capitalised word gets its space back ("in 2021.NSO Group" -> "in 2021. NSO Group"), except inside
    web addresses and e-mail addresses, after initials ("U.S.", "J.P. Morgan"), in decimals ("3.5") and
    before lower case ("nso.com"). Markdown, as scrapers and converters store articles, is read as its words
    (:func:`_markdown`: "[NSO Group](https://...)" -> "NSO Group", "**Pegasus**" -> "Pegasus", "## Title" its own
    paragraph). The same-length repairs of :func:`clean` are assumed done.
    """
    edits: list[tuple[int, int, str]] = []  # (original start, original end, replacement), non-overlapping
    blocks = _markdown(text, edits)
    for m in _BULLET.finditer(text):  # the bullet goes; its item is a paragraph of its own
        edits.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), ""))
        _mark_block(text, m.start(), m.end(), blocks)
    for m in _CHARS.finditer(text):
        edits.append((m.start(), m.end(), _CHAR_MAP[m.group(0)]))
    for m in _LINE_HYPHEN.finditer(text):
        first, second = m.group(1), m.group(2)
        compound = first[0].isupper() and second.casefold() in _COMPOUND_SECOND
        if compound or first.casefold() in _KEEP_HYPHEN or f"{first}-{second}".casefold() in text.casefold():
            edits.append((m.start(1) + len(first) + 1, m.start(2), ""))  # keep the hyphen, drop the break
        else:
            edits.append((m.start(1) + len(first), m.start(2), ""))
    for m in _LINE_BREAK.finditer(text):
        nl = text.index("\n", m.start())
        # a markdown block's line, or a heading line over its section, ends its paragraph
        join = "\n\n" if nl in blocks or _heading_before(text, nl) or _headline_before(text, nl) else " "
        edits.append((nl - 1, nl + 1, join) if text[nl - 1] == "\r" else (nl, nl + 1, join))
    for m in _SPACE_RUN.finditer(text):
        edits.append((m.start(), m.end(), " "))
    for m in _GLUED_STOP.finditer(text):
        run = _run_at(text, m.start())
        if _URLISH.search(run):
            continue
        note = re.search(r"\[\d{1,3}\]", m.group(0))
        if note is not None:  # a footnote mark between two sentences is a reference, not a word: a space instead
            edits.append((m.start() + note.start(), m.start() + note.end(), " "))
        else:
            edits.append((m.end(), m.end(), " "))
    for m in _FOOTNOTE_AFTER_STOP.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in _DATELINE.finditer(text):
        edits.append((m.start("gap"), m.end("gap"), "\n\n"))
    for word in _word_acronyms(text):  # "Rab" -> "RAB" everywhere, so ner and the parser read an acronym
        for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", text):
            edits.append((m.start(), m.end(), word.upper()))
    for pattern in (_GLUED_COMMA, _GLUED_FORM):
        for m in pattern.finditer(text):
            if not _URLISH.search(_run_at(text, m.start())):
                edits.append((m.end(), m.end(), " "))
    if not edits:
        return Prepared(text)
    edits.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end, repl in edits:
        if start < pos:  # overlaps an earlier repair (a line break inside a joined hyphenation): skip
            continue
        out.append(text[pos:start])
        origin.extend(range(pos, start))
        out.append(repl)
        # (a same-length replacement keeps each character's own offset: "Rab" -> "RAB")
        origin.extend(range(start, end) if len(repl) == end - start else [start] * len(repl))
        pos = end
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return Prepared("".join(out), origin)


def prepare_read_as(text: str, read_as: str) -> Prepared:
    """:func:`prepare` of ``read_as``, a same-length re-reading of ``text`` (only some letters' case changed), with
    :attr:`Prepared.shown` giving the prepared text in ``text``'s own characters."""
    prepared = prepare(read_as)
    if read_as == text:
        return prepared
    changed: list[int] = []
    start = 0
    for line, read_line in zip(text.split("\n"), read_as.split("\n"), strict=True):  # (lines compared whole first)
        if line != read_line:
            changed += [start + i for i, (a, b) in enumerate(zip(line, read_line, strict=True)) if a != b]
        start += len(line) + 1
    shown = list(prepared.text)
    for i in changed:
        j = i if prepared.origin is None else bisect.bisect_left(prepared.origin, i)
        if j < len(shown) and (prepared.origin is None or prepared.origin[j] == i) and shown[j] == read_as[i]:
            shown[j] = text[i]
    return Prepared(prepared.text, prepared.origin, "".join(shown))


def _word_acronyms(text: str) -> set[str]:
    """Acronyms that ``text`` writes as a capitalised word in brackets after the name they abbreviate, and whose
    letters spell the initials of that name's last capitalised words ("Rapid Action Battalion (Rab)" -> "Rab";
    not "the Bank (Abc)" nor "a person (Ana)"). In lower case after the first letter, spaCy's parser takes "Rab
    procured ..." for a verb; written in capitals, it reads the acronym as a name."""
    found: set[str] = set()
    for m in _WORD_ACRONYM.finditer(text):
        word = m.group(1)
        words: list[str] = []
        before = text[max(0, m.start() - 120) : m.start()]
        while (w := _NAME_WORD.search(before)) is not None and len(words) < 8:
            words.insert(0, w.group(1))
            before = before[: w.start()]
            if acronym(" ".join(words)) == word.upper() and words[0][:1].isupper():
                found.add(word)
                break
    return found


def _markdown(text: str, edits: list[tuple[int, int, str]]) -> set[int]:
    """Appends to ``edits`` the removals of ``text``'s markdown syntax; returns the offsets of the line breaks that
    end a markdown block (a heading, list item, table row, fence or rule line: the line before one and the line
    itself).

    Only a text that shows markdown (an inline link to an address, an ATX heading, strong emphasis, a fence, a
    table or a link definition) is read as markdown: in plain or PDF text a line that starts "- ", "+ " or "500. "
    is prose. Links keep their words and lose their target ("[NSO Group](https://nsogroup.com)" -> "NSO Group";
    a reference link only when its label is defined in the text, so Wikipedia's "[3][4]" stay citation marks);
    images, link definitions and footnote marks are dropped (a footnote's text is kept); emphasis, code, fence and
    escape marks are dropped; block marks at a line's start ("## ", "- ", "1. ", "> ") are dropped, an ordered
    item interrupting a paragraph only when it is "1." (CommonMark); table rows are blocks whose cells are parted
    by ";"; YAML front matter keeps its values, one block each. CommonMark's syntax (https://spec.commonmark.org)
    is read only as far as articles use it: no nested emphasis inside link text, no HTML blocks (:func:`clean`
    blanks tags). Every pattern is bounded (no span over 500 characters), so the cost is linear in the text.
    """
    blocks: set[int] = set()
    for m in _HTML_ENTITY.finditer(text):
        plain = html.unescape(m.group(0))
        if plain != m.group(0):
            edits.append((m.start(), m.end(), " " if plain == "\u00a0" else plain))
    if _MD_SIGNS.search(text) is None:
        return blocks
    front = _MD_FRONT_MATTER.match(text)
    if front is not None:
        for m in _MD_FRONT_KEY.finditer(text, front.start(1), front.end(1)):
            edits.append((m.start(), m.end(), ""))
        blocks.update(i for i in range(front.start(), front.end()) if text[i] == "\n")
    fenced: list[tuple[int, int]] = []
    fences = list(_MD_FENCE.finditer(text))
    for opening, closing in zip(fences[::2], fences[1::2], strict=False):
        fenced.append((opening.start(), closing.end()))
    for m in fences:
        edits.append((m.start(), m.end(), ""))
        _mark_block(text, m.start(), m.end(), blocks)
    defined = {m.group(1).strip().casefold() for m in _MD_LINK_DEFINITION.finditer(text)}
    for pattern in (_MD_IMAGE, _MD_LINK_DEFINITION, _MD_RULE, _MD_TABLE_DELIMITER):
        for m in pattern.finditer(text):
            if pattern is _MD_RULE and front is not None and m.start() < front.end():
                continue
            edits.append((m.start(), m.end(), ""))
            _mark_block(text, m.start(), m.end(), blocks)
    for m in _MD_FOOTNOTE_MARK.finditer(text):
        edits.append((m.start(), m.end(), ""))
        if m.group(0).rstrip().endswith(":"):
            _mark_block(text, m.start(), m.end(), blocks)
    for m in _MD_LINK.finditer(text):
        target = m.group(2)
        if target.startswith("["):  # a reference link: only to a label the text defines
            label = (target[1:-1] or m.group(1)).strip().casefold()
            if label not in defined:
                continue
        edits.append((m.start(), m.start() + 1, ""))
        edits.append((m.end(1), m.end(), ""))
        for image in _MD_IMAGE.finditer(text, m.start(1), m.end(1)):
            edits.append((image.start(), image.end(), ""))
    for m in _MD_TABLE_ROW.finditer(text):
        row = m.group(0)
        if _MD_TABLE_DELIMITER.fullmatch(row):
            continue
        pipes = [m.start() + i for i, c in enumerate(row) if c == "|" and (i == 0 or row[i - 1] != "\\")]
        for n, at in enumerate(pipes):
            edits.append((at, at + 1, "" if n in (0, len(pipes) - 1) else ";"))
        _mark_block(text, m.start(), m.end(), blocks)
    for m in _MD_BLOCK_MARK.finditer(text):
        if not m.group(0).strip() or any(a <= m.start() < b for a, b in fenced):
            continue
        number = m.group(1)
        if number is not None and number != "1" and not _starts_block(text, m.start()):
            continue  # "2021. NSO ..." wrapped prose, not an ordered list's first item
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        edits.append((start, m.end(), ""))
        if not m.group(0).lstrip().startswith(">"):  # a quote's lines run on as one paragraph
            _mark_block(text, m.start(), m.end(), blocks)
        if m.group(0).lstrip().startswith("#"):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            tail = _MD_HEADING_END.search(text, m.end(), line_end)
            if tail is not None:
                edits.append((tail.start(), tail.end(), ""))
    for m in _MD_STRONG.finditer(text):
        edits.append((m.start(), m.start() + 2, ""))
        edits.append((m.end() - 2, m.end(), ""))
    for pattern in (_MD_EMPHASIS, _MD_CODE):
        for m in pattern.finditer(text):
            edits.append((m.start(), m.start() + 1, ""))
            edits.append((m.end() - 1, m.end(), ""))
    for m in _MD_ESCAPE.finditer(text):
        edits.append((m.start(), m.end(), ""))
    return blocks


# a heading line: at most eight words, no sentence punctuation inside or at its end, and its last word no function
# word ("The Ministry of Interior of" is a wrapped line, not a heading)
_HEADING = re.compile(r"[^\W\d_][^\n.,;:!?]{0,70}")
_OPEN_ENDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def _heading_before(text: str, nl: int) -> bool:
    """Whether the line ending at the line break ``nl`` is a heading over the next line, not a line a PDF wrapped:
    it opens its block (:func:`_starts_block`), is a short title ("Background", "Key Findings from Citizen Lab":
    at most eight words, every word but function words capitalised: not "NSO Group sold" in a narrow column), ends in no sentence
    punctuation nor a function word, and the next line starts with a capital. Citizen Lab's "Background\nCitizen
    Lab research into ..." had made "Background Citizen Lab" one name."""
    start = text.rfind("\n", 0, nl) + 1
    line = text[start:nl].strip()
    words = line.split()
    nxt = text[nl + 1 : nl + 80].lstrip(" \t\r")
    if not (1 <= len(words) <= 8) or not nxt[:1].isupper() or _HEADING.fullmatch(line) is None \
            or words[-1].casefold() in _OPEN_ENDS or not _starts_block(text, start):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() for w in words if w.casefold() not in _OPEN_ENDS)


def _headline_before(text: str, nl: int) -> bool:
    """Whether the line ending at ``nl`` is the text's headline in sentence case over its first paragraph
    ("Chinese firm sells cameras to police\nA Chinese company ..."), not a line a PDF wrapped: it is the text's
    first line, has 3-20 words, no sentence punctuation and no function word at its end, the next line starts with a capital and runs
    at least half as long again and holds a sentence end. A wrapped paragraph's lines are about as long as each
    other, so a much longer next line is a paragraph stored on one line, as scrapers store articles."""
    start = text.rfind("\n", 0, nl) + 1
    if text[:start].strip():
        return False
    line = text[start:nl].strip()
    end = text.find("\n", nl + 1)
    nxt = text[nl + 1 : len(text) if end < 0 else end].strip()
    words = line.split()
    return (3 <= len(words) <= 20 and line[-1:] not in ".,;:!?-" and words[-1].casefold() not in _OPEN_ENDS
            and nxt[:1].isupper()
            and len(nxt) >= 1.5 * len(line) and re.search(r"[.!?][\"')]?(?:\s|$)", nxt) is not None)


def _starts_block(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` follows a blank line, the text's start, or another list item."""
    if line_start == 0:
        return True
    before = text.rfind("\n", 0, line_start - 1)
    previous = text[before + 1 : line_start - 1]
    return not previous.strip() or _MD_BLOCK_MARK.match(previous) is not None


def _mark_block(text: str, start: int, end: int, blocks: set[int]) -> None:
    """Marks the line breaks before and after the line of ``text[start:end]`` as block ends."""
    before = text.rfind("\n", 0, start)
    if before >= 0:
        blocks.add(before)
    after = text.find("\n", end)
    if after >= 0:
        blocks.add(after)


def _run_at(text: str, index: int) -> str:
    """The run of non-space characters around ``index``."""
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    m = _RUN.match(text, start)
    return m.group(0) if m else ""
