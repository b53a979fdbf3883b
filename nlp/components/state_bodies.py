"""Courts, legislatures and legislative committees found by the shape of their names, not from a list.

A court, a legislature or a committee of one is named by a head word ("Court", "Circuit", "Congress",
"Parliament", "Senate", "Assembly", "Committee"), title-case words before it that say its kind ("Supreme",
"District", "Constitutional", "House Judiciary") and complements after it over "of"/"for" (and "on" for a
committee) with title-case words ("Court of Appeals for the Ninth Circuit", "High Court of Kenya", "House
Committee on Oversight and Government Reform"). The dev set's rule (nlp/devset/real/README.md): courts, committees
and legislatures are GOV_AGENCY; international bodies ("European Court of Human Rights", "European Parliament")
are ORG. :func:`state_body_spans` gives ``(start, end, label)`` token ranges; the ruler puts them before ner.

Guards (issue 13 round 8): a head word that opens a longer proper name is a firm's ("Court Square Capital"); a
lone capitalised "Court" or "Committee" after an article is a reference back ("the Committee"), no name; a party's
congress ("the Communist Party's National Congress", "Indian National Congress") is no legislature; a committee
is a legislature's only with a legislative word in its name ("House", "Senate", "Parliamentary", "Select") or
"of Parliament"/"of Congress" after it ("the Committee to Protect Journalists" is an NGO, left to ner).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# head words of a court's, legislature's or legislative committee's name (title case)
_COURT_HEADS = frozenset({"Court", "Tribunal"})
_LEGISLATURE_HEADS = frozenset({"Congress", "Parliament", "Senate", "Assembly", "Knesset", "Duma", "Chamber"})
# a chamber is a legislature's only with one of these before it ("Legislative Chamber", "Upper Chamber") or "of
# Deputies"/"of Representatives" after it; "Chamber of Commerce" is a business association (round 14)
_CHAMBER_KINDS = frozenset({"Legislative", "Upper", "Lower", "Federal", "National"})
_CHAMBER_MEMBERS = frozenset({"Deputies", "Representatives"})
_COMMITTEE_HEADS = frozenset({"Committee", "Subcommittee"})
_HEADS = _COURT_HEADS | _LEGISLATURE_HEADS | _COMMITTEE_HEADS | {"Circuit"}
# words in a committee's name that make it a legislature's ("Senate Intelligence Committee", "Joint Committee on
# Human Rights", "Parliamentary Committee on Defence")
_LEGISLATIVE_WORDS = frozenset({"House", "Senate", "Congressional", "Parliamentary", "Select", "Joint", "Standing",
                                "Permanent", "Congress", "Parliament", "Legislative", "Judiciary", "Oversight",
                                "Appropriations"})
# an assembly is a legislature only with one of these before it ("National Assembly", "Legislative Assembly");
# "General Assembly" is the UN's, an international body, left to ner
_ASSEMBLY_KINDS = frozenset({"National", "Legislative", "Federal", "Constituent", "Parliamentary", "People's", "State",
                             "Grand"})
# words that make a court or legislature an international (regional) body, an ORG by the set's rule
_INTERNATIONAL_WORDS = frozenset({"international", "european", "inter-american", "interamerican", "inter", "union", "eu",
                                  "ecowas", "un", "nations", "commonwealth"})
# an ordinal or a name before "Circuit" makes a U.S. federal court of appeals ("Ninth Circuit", "D.C. Circuit")
_CIRCUITS = frozenset({"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                       "Eleventh", "Federal", "D.C.", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th",
                       "10th", "11th"})
_LINKS = frozenset({"of", "for"})
# a legislature named as a committee's owner ("the parliament's Committee on ...")
_LEGISLATURE_OWNERS = frozenset({"parliament", "congress", "senate", "assembly", "knesset", "duma", "legislature"})
_PARTY_WORDS = frozenset({"party", "party's", "national"})


def _name_word(tok: Token) -> bool:
    """A word that can stand inside a body's name: title case or capitals ("EU", "U.S."), letters first."""
    return (tok.is_title or tok.is_upper) and tok.text[:1].isalpha() and tok.lower_ not in ("the", "a", "an", "i")


def _complements(doc: Doc, end: int, links: frozenset[str], rounds: int = 3) -> int:
    """The end of the name after its head: up to three "of"/"for"(/"on") complements of title-case words, "and"
    between them ("for the District of Oregon", "on Oversight and Government Reform", "of the European Union")."""
    for _ in range(rounds):
        i = end
        if i >= len(doc) or doc[i].lower_ not in links:
            break
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        j = i
        while j < len(doc) and (_name_word(doc[j]) or doc[j].lower_ == "and" and j > i and j + 1 < len(doc)
                                and _name_word(doc[j + 1]) and doc[j + 1].lower_ not in ("the",)):
            j += 1
        if j == i:
            break
        end = j
    return end


def _left(doc: Doc, head: int, stops: frozenset[int], limit: int = 5) -> int:
    """The start of the name before its head: title-case words up to an article, a possessive or a country's
    name or demonym (``stops``: "U.S. House Judiciary Committee" starts at "House", "the Kenyan High Court" at
    "High"; joining a country to the name is the ruler's rule)."""
    start = head
    while start > 0 and head - start < limit:
        prev = doc[start - 1]
        if prev.lower_ == "and" and start - 2 >= 0 and _name_word(doc[start - 2]) and start - 2 not in stops \
                and doc[start].text not in _HEADS:
            start -= 1  # "the Intelligence and Security Committee of Parliament": one name over "and"
            continue
        if start - 1 in stops and start >= 3 and doc[start - 2].text == "-" and _name_word(doc[start - 3]):
            start -= 3  # "Inter-American Court of Human Rights": a demonym inside a hyphenated word of the name
            continue
        if not _name_word(prev) or start - 1 in stops:
            break
        if prev.text.endswith(".") and len(prev.text) > 1 and prev.text != "D.C.":
            break  # "U.S.": a country, joined by the ruler
        start -= 1
    return start


def state_body_spans(doc: Doc, stops: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """Token ranges ``(start, end, label)`` of courts, legislatures and legislative committees named in ``doc``;
    ``label`` is "GOV_AGENCY", or "ORG" for an international court or parliament. ``stops``: indices of tokens
    of country names and demonyms, where a name's left edge stops. One pass over the tokens, work only at the
    head words."""
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        if tok.text not in _HEADS:
            continue
        i = tok.i
        start = _left(doc, i, stops)
        links = _LINKS | {"on"} if tok.text in _COMMITTEE_HEADS else _LINKS
        end = _complements(doc, i + 1, links)
        if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end == i + 1:
            continue  # "Court Square Capital", "Senate Bill": the head word opens a longer name
        words = [t.text for t in doc[start:end]]
        lowers = {w.casefold() for w in words}
        if lowers & {"ltd", "inc", "llc", "capital", "group", "hotel", "street", "road", "square"}:
            continue
        head = tok.text
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in ("a", "an"):
            continue  # "a Joint Parliamentary Committee", "a High Court in Nairobi": a kind of body, no name
        if head in _COURT_HEADS and end - start == 1:
            continue  # "the Court": a reference back to a court named before
        if head == "Circuit" and not (start < i and doc[i - 1].text in _CIRCUITS):
            continue
        if head in _COMMITTEE_HEADS:
            owner = doc[start - 2].lower_ if before in ("'s", "\u2019s") and start >= 2 else ""
            # ("the parliament's Committee on Defense and Law Enforcement": a legislature's by its owner, round 11)
            if not lowers & {w.casefold() for w in _LEGISLATIVE_WORDS} and owner not in _LEGISLATURE_OWNERS:
                continue  # "the Committee to Protect Journalists", "the committee": no legislature's committee
        if head == "Assembly" and not (start < i and doc[i - 1].text in _ASSEMBLY_KINDS):
            continue
        if head == "Chamber" and not (start < i and doc[i - 1].text in _CHAMBER_KINDS or i + 2 < len(doc)
                                      and doc[i + 1].lower_ == "of" and doc[i + 2].text in _CHAMBER_MEMBERS):
            continue
        if head == "Congress":
            if lowers & _PARTY_WORDS or before in ("'s", "\u2019s") and start >= 2 and doc[start - 2].lower_ == "party" \
                    or end - start > 1 and start < i or before == "the" and end == i + 1 \
                    or end == i + 1 and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                # "the Communist Party's National Congress", "Indian National Congress", "Trinamool Congress": a
                # party's; "The Congress on Tuesday stepped up its attack", "Congress spokesperson Shaktisinh
                # Gohil": India's Congress party, named with an article or as a modifier (the U.S. legislature
                # is "Congress" alone or with its country: "the U.S. Congress")
                continue
        if head in ("Parliament", "Congress") and start >= 2 and doc[start - 1].lower_ == "of" \
                and doc[start - 2].lower_ in ("member", "members"):
            continue  # "Member of Parliament": an office holder's title
        if head == "Senate" and end - start == 1 and i + 1 < len(doc) and doc[i + 1].text in _COMMITTEE_HEADS:
            continue
        label = "ORG" if international(words) else "GOV_AGENCY"
        out.append((start, end, label))
    return out


# head words that end a government body's name opened by its country's name ("Bangladesh Telecommunication
# Regulatory Commission", "Pakistan Telecommunication Authority", "Uganda Police Force", "Kenya Revenue Authority");
# heads that firms use as often ("Services", "Unit", "Division", "Group") are left out
COUNTRY_LED_HEADS = frozenset({"Ministry", "Police", "Gendarmerie", "Directorate", "Army", "Navy", "Bureau", "Agency",
                                "Commission", "Department", "Office", "Administration", "Secretariat", "Battalion",
                                "Brigade", "Regiment", "Corps", "Authority", "Force", "Forces", "Guard", "Guards",
                                "Council", "Intelligence", "Inspectorate", "Regulator", "Customs", "Headquarters"})
# words that make a name a firm's, whatever its head ("Pakistan Telecommunication Company", "Israel Aerospace
# Industries"); a bank or fund is an organisation by the set's rule
_FIRM_WORDS = frozenset({"company", "corporation", "corp", "ltd", "limited", "inc", "llc", "plc", "group", "holdings",
                         "industries", "bank", "fund", "airways", "airlines", "telecom", "mobile", "enterprises"})


# heads that firms use too, accepted after a country only where a bracketed acronym spells the whole name
# ("South African Revenue Service (SARS)")
ACRONYM_CONFIRMED_HEADS = COUNTRY_LED_HEADS | frozenset({"Service", "Services", "Unit", "Division", "Board", "Centre",
                                                         "Center", "Command"})


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """True when token ``i`` is a hyphen written without spaces between two title-case words ("Anti-Corruption",
    "Counter-Terrorism"): the tokenizer splits such a word in three, and the name runs on over it."""
    tok = doc[i]
    return tok.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not tok.whitespace_ \
        and doc[i - 1].is_title and doc[i + 1].is_title


def country_led_body_end(doc: Doc, end: int, limit: int = 6, heads: frozenset[str] = COUNTRY_LED_HEADS) -> int | None:
    """The end of a government body's name that a country's name opens, the country's tokens ending at ``end``:
    title-case words (with "and" between them) ending in a head word of a body (``COUNTRY_LED_HEADS``), then its
    "of"/"for" complements ("Bangladesh Bureau of Statistics"); None when the words after the country do not make
    one ("Bangladesh Bank", "Pakistan Telecommunication Company Limited", "Kenya's police": the possessive and
    one-word actor heads are the ruler's government actors). ``limit``: most words between country and head."""
    i = end
    last_head: int | None = None
    while i < len(doc) and i - end < limit + 1:
        tok = doc[i]
        if tok.lower_ == "and" and i > end and i + 1 < len(doc) and _name_word(doc[i + 1]):
            if last_head is not None and _country_repeated(doc, end, i + 1):
                break  # "Ghana Navy and Ghana Coast Guard": the country opens a second body, two names (round 14)
            i += 1
            continue
        if _inner_hyphen(doc, i) and i > end:
            i += 1  # "Anti-Corruption", "Counter-Terrorism": a hyphen inside a title-case word of the name
            continue
        if not (_name_word(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ")) or tok.lower_ in _FIRM_WORDS:
            break
        if tok.text in heads:
            last_head = i + 1
        i += 1
    if last_head is None or i > last_head:
        return None  # a name running on past its head ("Kenya Police Sacco Society") is some other organisation's
    if last_head < len(doc) and (doc[last_head].lower_ in ("'s", "\u2019s") or doc[last_head].lower_ in _FIRM_WORDS):
        return None
    return _complements(doc, last_head, _LINKS)


def _country_repeated(doc: Doc, end: int, start: int) -> bool:
    """True when the words from ``start`` repeat the last one or two words of the country's name that ends at
    ``end`` ("Ghana" in "Ghana Navy and Ghana Coast Guard", "Sri Lanka" in "Sri Lanka Navy and Sri Lanka Army")."""
    for n in (1, 2):
        if end - n < 0 or start + n > len(doc):
            continue
        if [t.text for t in doc[start : start + n]] == [t.text for t in doc[end - n : end]]:
            return True
    return False


def international(words: list[str]) -> bool:
    """True for an international or regional body's name ("European Court of Human Rights", "International
    Criminal Court", "Court of Justice of the European Union", "European Parliament"): an ORG by the set's rule."""
    return any(w.casefold() in _INTERNATIONAL_WORDS for w in words)


def implied_country(span: Span) -> str | None:
    """"US" for the name shapes of U.S. federal courts ("Ninth Circuit", "Court of Appeals for the Ninth Circuit",
    "District Court for the District of Oregon", "Northern District of California"); None otherwise."""
    words = [t.text for t in span]
    if "Circuit" in words and any(w in _CIRCUITS for w in words):
        return "US"
    if "Sheriff" in words and words[-1] in ("Office", "Department"):
        return "US"  # "San Joaquin Sheriff's Office": a U.S. county's police by its name's shape
    if "Court" in words and "District" in words and any(
            span.doc[t.i - 1].lower_ == "district" and t.lower_ == "of" for t in span[1:]):
        return "US"
    return None


# words of U.S. legislative names ("Congress", "House Judiciary Committee", "Senate Intelligence Committee")
_US_LEGISLATIVE = frozenset({"Congress", "House", "Senate", "Congressional"})


def us_legislative_name(text: str) -> bool:
    """True for "Congress" or a House or Senate committee named without its country ("Congress", "the House
    Judiciary Committee", "Senate Intelligence Committee"): the U.S. legislature's by its name's shape, which
    ``nlp.extract`` gives the country US only where the document itself names the United States or one of its
    bodies (a bare "Parliament" or "Senate" alone gets no country: many states have one, and a guessed country
    would be a silent wrong answer)."""
    words = set(text.replace("\n", " ").split())
    return bool(words & _US_LEGISLATIVE and (words & {"Congress", "Congressional"} or words & _COMMITTEE_HEADS))


def body_complements_end(doc: Doc, end: int, taken: set[int] | frozenset[int] = frozenset()) -> int:
    """The end of a government body's name whose head word ends at ``end``, over up to three "of"/"for"
    complements of title-case words ("Ministry" + "of the Interior", "Board" + "of Commissioners", "Secretariat" +
    "for Economic Diplomacy and Transparency"), stopping before one that holds a token of ``taken`` (another name:
    "... Transparency" + "of the Ministry of Foreign Affairs"); ``end`` itself when none follows."""
    for _ in range(3):
        nxt = _complements(doc, end, _LINKS, rounds=1)
        if nxt == end or any(t in taken for t in range(end, nxt)):
            break
        end = nxt
    return end
