"""Listed parties named in a later sentence (issue 13 round 19).

Screening-list news and government releases often count the listed parties first and name them after: "Nine
firms and two people were put on the Entity List, the Commerce Department said. ... Of the nine, the two based
in Ruritania are A and B." The first sentence has the list and the authority but no party; a later
sentence names the parties as what the counted noun "is" or "includes". The listing event joins the first
sentence's list and authority to the later sentence's parties.

Grammar, not wording: the counting sentence has a listing verb of ``event_triggers.json`` (``listing``), not
negated, whose object (or passive subject) is a plural count noun of parties (:data:`LISTED_NOUNS`) with no name in
it, and a LIST mention; the naming sentence, at most :data:`WINDOW` sentences on with no listing verb between, has
a copular or "include" clause whose subject is such a noun with a determiner or a number ("the two entities",
"these companies") or "they", and names parties (ORG, PERSON, GOV_AGENCY) in its complement, not under "according
to". Confidence :data:`NAMED_LATER_CONFIDENCE`, as for other parties resolved across sentences.

The extractor reads a document paragraph by paragraph, so the window may cross paragraphs: each paragraph's
:func:`listing_window` reports its counting sentences still open at its end, the naming sentences it opens with and
its sentence count, and :func:`join_window` pairs them within a paragraph and across the next ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from nlp.components.events import Mention

# plural count nouns of listed parties ("nine firms", "two individuals", "the entities")
LISTED_NOUNS = frozenset({"entity", "individual", "company", "corporation", "firm", "person", "organization",
                          "organisation", "party", "business", "subsidiary", "affiliate"})
WINDOW = 3  # sentences after the counting one that may name the parties
# ... when the naming sentence's subject repeats a listing verb ("The entities identified today are A, B"): the
# release's list of names, often after a quotation of several sentences
LONG_WINDOW = 12
NAMED_LATER_CONFIDENCE = 0.6
_PARTY_LABELS = frozenset({"ORG", "PERSON", "GOV_AGENCY"})
_DETERMINERS = frozenset({"the", "these", "those", "both", "all"})
_LINKING = frozenset({"be", "include"})


def _counted_parties(trig: Token, mentions: Sequence[Mention]) -> bool:
    """True when the listing verb's object or passive subject is a count noun of parties with no name in it."""
    for child in trig.children:
        if child.dep_ not in ("dobj", "nsubjpass") or child.lemma_.casefold() not in LISTED_NOUNS or child.tag_ != "NNS":
            continue
        inside = range(child.left_edge.i, child.right_edge.i + 1)
        if not any(m.label in _PARTY_LABELS and m.root.i in inside for m in mentions):
            return True
    return False


def _names_the_counted(sent: Span, lemmas: frozenset[str] = frozenset()) -> tuple[Token, bool] | None:
    """The linking verb of a clause whose subject stands for counted parties ("The two entities ... are", "These
    companies include", "They are"), and whether the subject repeats a listing verb of ``lemmas`` ("The entities
    added today are"); None when there is none."""
    for tok in sent:
        if tok.lemma_.casefold() not in _LINKING or tok.pos_ not in ("AUX", "VERB"):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            if subj.lower_ == "they":
                return tok, False
            if subj.lemma_.casefold() in LISTED_NOUNS and subj.tag_ == "NNS" and any(
                    c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in _DETERMINERS for c in subj.children):
                return tok, any(c.dep_ == "acl" and c.lemma_.casefold() in lemmas for c in subj.children)
    return None


def _complement_parties(verb: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """Parties named after the linking verb, in its complement ("are A and B", "include A, B and C"), not under
    "according to"."""
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ not in ("attr", "dobj", "acomp") or child.i < verb.i:
            continue
        inside = range(child.left_edge.i, child.right_edge.i + 1)
        out += [m for m in mentions if m.label in _PARTY_LABELS and m.root.i in inside
                and not any(a.lower_ == "according" for a in m.root.ancestors if a.i in inside)]
    return out


def _named_lists(in_sent: Sequence[Mention], mentions: Sequence[Mention]) -> list[Mention]:
    """The lists a sentence names by their own names; when it names one only by an agency that stands for a list
    ("OFAC", read as the SDN List), the lists the paragraph names by their own names ("pursuant to E.O. 13959": the
    NS-CMIC List), else that agency's list."""
    bodies = {m.key for m in mentions if m.label == "GOV_AGENCY"}
    lists = [m for m in in_sent if m.label == "LIST"]
    if not lists:
        return []
    return ([m for m in lists if m.key not in bodies]
            or [m for m in mentions if m.label == "LIST" and m.key not in bodies] or lists)


def listing_window(doc: Doc, mentions: Sequence[Mention], listing_lemmas: Iterable[str],
                   done: Sequence[dict[str, Any]], role_data: Callable[[Mention], list[Any]]) -> dict[str, Any]:
    """What one paragraph says of counted and named listed parties, offsets relative to ``doc``:
    ``{"counts": [{"at": i, "sent": [s, e], "trigger": text, "list": roles, "authority": roles}], "names":
    [{"at": i, "sent": [s, e], "entity": roles, "repeats_verb": bool}], "verbs": [sentence indexes with a listing
    verb], "sentences": n}``.
    ``done``: the paragraph's events (a sentence that already has a listing counts nothing); ``role_data``: the
    events module's role record of a mention."""
    lemmas = frozenset(listing_lemmas)
    listed_at = {ev["sent_start"] for ev in done if ev["type"] == "listing"}
    counts: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    verbs: list[int] = []
    sents = list(doc.sents)
    for i, sent in enumerate(sents):
        if any(t.lemma_.casefold() in lemmas and t.pos_ == "VERB" for t in sent):
            verbs.append(i)
        in_sent = [m for m in mentions if sent.start <= m.span.start < sent.end]
        lists = _named_lists(in_sent, mentions)
        trig = next((t for t in sent if t.lemma_.casefold() in lemmas and t.pos_ == "VERB"
                     and not any(c.dep_ == "neg" for c in t.children) and _counted_parties(t, mentions)), None)
        if trig is not None and lists and sent.start_char not in listed_at:
            counts.append({"at": i, "sent": [sent.start_char, sent.end_char], "trigger": trig.text,
                           "list": [role_data(m) for m in lists],
                           "authority": [role_data(m) for m in in_sent if m.label == "GOV_AGENCY"]})
        if (found := _names_the_counted(sent, lemmas)) is not None and (parties := _complement_parties(found[0], mentions)):
            names.append({"at": i, "sent": [sent.start_char, sent.end_char], "entity": [role_data(m) for m in parties],
                          "repeats_verb": found[1]})
    return {"counts": counts, "names": names, "verbs": verbs, "sentences": len(sents)}


def _shifted(roles: list[list[Any]], by: int) -> list[list[Any]]:
    return [[s + by, e + by, *rest] for s, e, *rest in roles]


def join_window(windows: Sequence[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Listing events from the paragraphs' windows, in document order: ``windows`` holds (paragraph start offset,
    :func:`listing_window` result) per paragraph. A count takes the first naming sentence at most :data:`WINDOW`
    sentences on (:data:`LONG_WINDOW` when the naming subject repeats a listing verb), in its paragraph or the next
    ones, with no other listing sentence between. Returns event records (``type``,
    ``roles``, ``sent_start``, ``sent_end``, ``confidence``, ``hedged``, ``negated``, ``rule``, ``explanation``) in
    document offsets, with the naming sentence's offsets; the explanation names the counting sentence's."""
    # every sentence of the document as (paragraph, index): a flat sequence to count distances over
    order = [(u, i) for u, (_start, w) in enumerate(windows) for i in range(w["sentences"])]
    position = {key: n for n, key in enumerate(order)}
    verbs = {position[(u, i)] for u, (_s, w) in enumerate(windows) for i in w["verbs"]}
    names = {position[(u, n["at"])]: (start, n) for u, (start, w) in enumerate(windows) for n in w["names"]}
    out: list[dict[str, Any]] = []
    for u, (start, w) in enumerate(windows):
        for count in w["counts"]:
            at = position[(u, count["at"])]
            for later in range(at + 1, at + 1 + LONG_WINDOW):
                if later not in names:
                    if later in verbs:
                        break  # another listing sentence: its own parties
                    continue  # ("The entities identified today are A, B": a naming sentence may repeat the verb)
                n_start, named = names[later]
                if later - at > WINDOW and not named.get("repeats_verb"):
                    break
                roles = {"entity": _shifted(named["entity"], n_start), "list": _shifted(count["list"], start)}
                if count["authority"]:
                    roles["authority"] = _shifted(count["authority"], start)
                s, e = count["sent"][0] + start, count["sent"][1] + start
                out.append({
                    "type": "listing", "roles": roles, "sent_start": named["sent"][0] + n_start,
                    "sent_end": named["sent"][1] + n_start, "confidence": NAMED_LATER_CONFIDENCE, "hedged": False,
                    "negated": False, "rule": "listed_later",
                    "explanation": f"entity: the parties this sentence names for those the listing at {s}-{e} "
                                   f"counts ('{count['trigger']}')",
                })
                break
    return out
