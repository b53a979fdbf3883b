"""Product names typed by the KIND of wording around them (issue 13 items 2/4/7, round 21, branch products24).

News and NGO reports introduce software, platforms, apps and vehicles in a few wordings that recur everywhere, with
names the gazetteer cannot know in advance. Each family below is one such wording; all run on the entity list of
``redflag_entities`` (``nlp/components/entities.py``) after the other product rules (``product_names.py``):

- a name after a naming verb whose subject or object is goods: "a product called Zorbex", "a platform they call
  ZORBEX", "Known as Zorbex, this exploitation framework ..." (``named_by_verb``);
- a quoted name, one-word camel case included, straight before a product noun or a title-case product phrase, or
  several quoted names coordinated before one plural product noun: the "ZorbPawn" malware, 'Zorb Pack' and
  'Blue Zorb' systems, a headline's 'ZorbexOS' Surveillance Platform (``quoted_names_before_noun``);
- the names of a numbered series, alike but for a last Roman numeral or number ("Zorb Loong I" and "Zorb Loong
  II"), and every other mention of a name these rules, or the other product rules, typed from its words, in the same case
  (``repeats_of_typed_products``; "the Zorb Loong I" again after "Zorb Loong I drones").

An organisation the gazetteer knows keeps its label (a vendor acting as a company stays ORG); only ner's ORG and
PERSON guesses and untagged words are typed. Source of the convention: ``nlp/devset/real/README.md`` ("named
software, spyware, devices, apps and platforms are PRODUCT"). All example names above are fictional.

Tried and left out (each gained on one read set only, round 21; see commit 2a479d2): a short name after a product's
name and ", or"; a name listed among two or more known products; names given as examples of a plural goods noun
after "such as"/"including"/"like".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from nlp.components.product_names import _PARTY_HEADS, _QUOTES_CLOSE, _QUOTES_OPEN, APPOSITION_HEADS, _retype

Conf = dict[tuple[int, int], float]

# verbs (and the two-word "known as") that give a thing its name ("a tool called X", "a platform they call X")
_NAMING = frozenset({"called", "named", "dubbed", "codenamed", "branded", "call", "calls", "known"})
# nouns that head a phrase naming goods after "Known as X, this ..." (the apposition heads, and framework words)
_GOODS_HEADS = APPOSITION_HEADS | {"framework", "product", "exploit", "kit", "program", "programme", "service"}
# nouns of goods in general that name the thing a naming verb names too ("the technology, called AFR Locate"; issue
# 13 round 24): not product nouns elsewhere, where "a technology company" or "technology" alone names no goods
_NAMED_GOODS = frozenset({"technology"})
# quoted or listed names that are words of a text's frame, not names ("The", "And")
_FRAME_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "this", "that", "these", "it", "its"})


def _name_token(tok: Token) -> bool:
    """A word that can be (part of) a product's name: capitalised, all capitals, camel case ("iCloud", "ZorbexOS")
    or a model number after such a word."""
    if tok.lower_ in _FRAME_WORDS:
        return False
    if tok.is_alpha:
        return tok.text[:1].isupper() or any(c.isupper() for c in tok.text[1:])
    return tok.like_num or any(c.isupper() for c in tok.text) and tok.text.replace("-", "").isalnum()


def _name_run(doc: Doc, i: int, limit: int = 4) -> int:
    """The end of a run of up to ``limit`` name words opening at ``i`` (``i`` when there is none)."""
    if i >= len(doc) or not doc[i].is_alpha:
        return i  # ("400 virtual networks": a count, no name)
    j = i
    while j < len(doc) and j - i < limit and _name_token(doc[j]) and (j == i or doc[j].pos_ in ("PROPN", "NUM", "X")
                                                                      or doc[j].text[:1].isupper()):
        j += 1
    return j


def _free(ents: list[Span], start: int, end: int, conf: Conf, gaz_conf: float) -> bool:
    """True when no mention overlapping ``doc[start:end]`` is a gazetteer name or a label other than ORG/PERSON."""
    return all(e.label_ in ("ORG", "PERSON") and conf.get((e.start_char, e.end_char)) != gaz_conf
               for e in ents if e.start < end and start < e.end)


def _type(doc: Doc, ents: list[Span], start: int, end: int, conf: Conf, gaz_conf: float, confidence: float,
          typed: set[str]) -> list[Span]:
    """``ents`` with ``doc[start:end]`` a PRODUCT when its overlaps may be retyped (``_retype``); ``typed`` grows."""
    if end <= start or not _free(ents, start, end, conf, gaz_conf):
        return ents
    new = _retype(doc, ents, start, end, conf, gaz_conf, confidence)
    if new is None:
        return ents
    typed.add(doc[start:end].text)
    return new


def _goods_phrase_follows(doc: Doc, k: int) -> bool:
    """True when a phrase opening at ``k`` with "this", "the", "a" or "an" is headed within five words by a goods
    noun and names no party first ("this exploitation framework"; not "this company")."""
    if k >= len(doc) or doc[k].lower_ not in ("this", "the", "a", "an"):
        return False
    for j in range(k + 1, min(len(doc), k + 6)):
        t = doc[j]
        if t.lemma_.casefold() in _PARTY_HEADS:
            return False
        if t.lemma_.casefold() in _GOODS_HEADS and t.pos_ == "NOUN":
            return True
        if not (t.is_lower or t.text == "-"):
            return False
    return False


def named_by_verb(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                  product_nouns: frozenset[str], typed: set[str]) -> list[Span]:
    """A name (quoted or not) after "called", "named", "dubbed", "known as" or "call" where a product noun or
    "technology" comes in the four words before the verb and no party noun in the three ("a product called Zorbex",
    "a platform they call ZORBEX", "the technology, called Zorbex Locate", "a tool known as \u201cZorbex\u201d"), or
    where "Known as X," opens a phrase headed by goods ("Known as Zorbex, this exploitation framework")."""
    out = ents
    for verb in doc:
        if verb.lower_ not in _NAMING:
            continue
        k = verb.i + 1
        if verb.lower_ == "known":
            if k >= len(doc) or doc[k].lower_ != "as":
                continue
            k += 1
        k += k < len(doc) and doc[k].lower_ == "the"
        k += k < len(doc) and doc[k].text in _QUOTES_OPEN  # a tool known as "Landmark" (round 24)
        end = _name_run(doc, k)
        if end == k:
            continue
        before = doc[max(0, verb.i - 4) : verb.i]
        goods_before = any(t.lemma_.casefold() in product_nouns | _NAMED_GOODS and t.pos_ == "NOUN" for t in before) and not any(
            t.lemma_.casefold() in _PARTY_HEADS for t in doc[max(0, verb.i - 3) : verb.i])
        goods_after = verb.lower_ == "known" and verb.is_sent_start and end < len(doc) and doc[end].text == "," \
            and _goods_phrase_follows(doc, end + 1)
        if goods_before or goods_after:
            out = _type(doc, out, k, end, conf, gaz_conf, confidence, typed)
    return out


def _quoted_end(doc: Doc, i: int) -> int | None:
    """The index of the closing quote of a quoted name opening at token ``i`` (one to four name words), or None."""
    end = _name_run(doc, i + 1)
    if end == i + 1 or end >= len(doc) or doc[end].text not in _QUOTES_CLOSE:
        return None
    return end


def _product_head_at(doc: Doc, k: int, product_nouns: frozenset[str]) -> bool:
    """True when the goods noun heading the phrase at ``k`` comes first or after title-case words in a title-case
    phrase ("malware", "systems", "Surveillance Platform"); not before a party noun ("software company")."""
    j = k
    while j < len(doc) and j - k < 3 and doc[j].is_title and doc[j].lemma_.casefold() not in product_nouns:
        j += 1
    if j >= len(doc) or doc[j].lemma_.casefold() not in product_nouns and doc[j].lower_ not in product_nouns:
        return False
    if j > k and not doc[j].is_title:
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is None or nxt.lemma_.casefold() not in _PARTY_HEADS and nxt.pos_ not in ("NOUN", "PROPN")


def quoted_names_before_noun(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                             product_nouns: frozenset[str], typed: set[str]) -> list[Span]:
    """Quoted names straight before a product noun (the "ZorbPawn" malware, a headline's 'ZorbexOS' Surveillance
    Platform), several coordinated ones before one plural noun included ('Zorb Pack' and 'Blue Zorb' systems)."""
    out = ents
    pending: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if doc[i].text not in _QUOTES_OPEN or (close := _quoted_end(doc, i)) is None:
            pending = []
            i += 1
            continue
        pending.append((i + 1, close))
        k = close + 1
        if k + 1 < len(doc) and doc[k].lower_ in ("and", "or", ",") and doc[k + 1].text in _QUOTES_OPEN:
            i = k + 1  # another quoted name of the same list
            continue
        if _product_head_at(doc, k, product_nouns):
            for a, b in pending:  # (a guess that took the opening quote in, "\u201cZorb Pack", is the same name)
                out = [Span(doc, a, b, label=e.label_, kb_id=e.kb_id_) if (e.start, e.end) == (a - 1, b)
                       and e.label_ in ("ORG", "PERSON") and conf.get((e.start_char, e.end_char)) != gaz_conf else e
                       for e in out]
                out = _type(doc, out, a, b, conf, gaz_conf, confidence, typed)
        pending = []
        i = k
    return out


_ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _model_code(tok: Token) -> bool:
    """A Roman numeral or a number ending a model's name ("I", "II", "2")."""
    return tok.text in _ROMAN or tok.is_digit


def repeats_of_typed_products(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                              typed: set[str]) -> list[Span]:
    """Other mentions, in the same case, of a name typed as goods by its words in this document (``typed`` and every
    PRODUCT of ``confidence``): ner's ORG or PERSON guesses or untagged words; not before a possessive ("Zorbex's
    makers") and never a gazetteer firm."""
    names = set(typed) | {e.text for e in ents if e.label_ == "PRODUCT" and conf.get((e.start_char, e.end_char)) == confidence}
    out = ents
    for name in sorted((n for n in names if any(c.isupper() for c in n)), key=len, reverse=True):
        n = len(name.split())
        for tok in doc:
            if not tok.text or tok.text != name.split()[0]:
                continue
            end = next((k for k in range(tok.i + 1, min(len(doc), tok.i + n + 3) + 1) if doc[tok.i : k].text == name),
                       None)
            if end is None or end < len(doc) and (doc[end].tag_ == "POS" or _name_token(doc[end])) \
                    or tok.i > 0 and _name_token(doc[tok.i - 1]) and not doc[tok.i - 1].is_sent_start:
                continue
            if any(e.label_ == "PRODUCT" and e.start <= tok.i and end <= e.end for e in out):
                continue
            out = _type(doc, out, tok.i, end, conf, gaz_conf, confidence, set())
    for name in names:  # another model of the same series ("Zorb Loong II" after "Zorb Loong I")
        words = name.split()
        if len(words) < 2 or words[-1] not in _ROMAN and not words[-1].isdigit():
            continue
        prefix = " ".join(words[:-1])
        for tok in doc:
            k = tok.i + len(words) - 1
            if k < len(doc) and doc[tok.i : k].text == prefix and _model_code(doc[k]) and doc[k].text != words[-1] \
                    and (k + 1 >= len(doc) or not _name_token(doc[k + 1])) \
                    and not any(e.label_ == "PRODUCT" and e.start <= tok.i and k + 1 <= e.end for e in out):
                out = _type(doc, out, tok.i, k + 1, conf, gaz_conf, confidence, set())
    return out


def numbered_series(doc: Doc, ents: list[Span], typed: set[str]) -> None:
    """Adds to ``typed`` the names of a numbered series: two or more names, as ner or the rules found them, alike but
    for a last Roman numeral or number ("Zorb Loong I" and "Zorb Loong II" in one paragraph) are models of goods,
    for firms do not come numbered."""
    series: dict[str, set[str]] = {}
    for e in ents:
        if e.label_ in ("ORG", "PERSON", "PRODUCT") and len(e) >= 2 and _model_code(e[-1]) and _name_token(e[0]):
            series.setdefault(doc[e.start : e.end - 1].text, set()).add(e.text)
    typed.update(n for names in series.values() if len({n.rsplit(" ", 1)[1] for n in names}) >= 2 for n in names)


def products_by_kind(doc: Doc, ents: list[Span], conf: Conf, gaz_conf: float, confidence: float,
                     product_nouns: frozenset[str]) -> list[Span]:
    """All the families above, in order, then the repeats of what they and the other product rules typed."""
    typed: set[str] = set()
    ents = named_by_verb(doc, ents, conf, gaz_conf, confidence, product_nouns, typed)
    ents = quoted_names_before_noun(doc, ents, conf, gaz_conf, confidence, product_nouns, typed)
    numbered_series(doc, ents, typed)
    return repeats_of_typed_products(doc, ents, conf, gaz_conf, confidence, typed)
