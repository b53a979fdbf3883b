"""How far a CAPABILITY mention reaches, and a bare "cameras" that is a device's part (issue 13 round 24, branch
product28).

Two rules run on the entity list of ``redflag_entities`` (``nlp/components/entities.py``) just before it is set:

- **a generic goods head is left out** (``nlp/data/capability_extents.tsv``): a capability mention that is a
  capability's name and then one of the goods heads the table gives for it ends before that head ("a facial
  recognition system supplied by X", "facial recognition technology": 'facial recognition'; "spyware tools":
  'spyware'); the concept (``kb_id``) stays. Source: the gold of the dev set's and the read probes' tuning halves,
  which leaves such a head out of all 13 such mentions;
- **a phone's camera is no surveillance camera** (``nlp/data/device_parts.txt``): a mention that is only "camera"
  or "cameras", with a microphone, a phone or a computer within three words of it in its sentence, is what a spyware
  implant switches on ("the phone's microphone and cameras", "cameras and microphones can be activated"), not the
  capability; 0 of the 6 such mentions in the tuning halves is gold.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

_DATA = Path(__file__).resolve().parents[1] / "data"
_CAMERA_WORDS = frozenset({"camera", "cameras"})
_PART_WINDOW = 3  # words either side of a bare "cameras" in which a device word makes it a part


@cache
def generic_heads() -> dict[str, frozenset[str]]:
    """Capability name (lower case) -> the goods heads left out after it, from ``nlp/data/capability_extents.tsv``."""
    out: dict[str, frozenset[str]] = {}
    for line in (_DATA / "capability_extents.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, heads = (c.strip() for c in line.split("\t", 1))
        out[name.casefold()] = frozenset(h.strip().casefold() for h in heads.split("|") if h.strip())
    return out


@cache
def device_parts() -> frozenset[str]:
    """Lower-case words that make a bare "cameras" a device's part (``nlp/data/device_parts.txt``)."""
    lines = (_DATA / "device_parts.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().casefold() for ln in lines if ln.strip() and not ln.startswith("#"))


def _without_generic_head(span: Span) -> Span:
    """``span`` less its last word when that word is a goods head the table gives for the capability name the
    rest ends with ("facial recognition system" -> "facial recognition", "commercial spyware tools" ->
    "commercial spyware"), else ``span`` itself."""
    if len(span) < 2:
        return span
    rest = span[:-1].text.casefold()
    last = span[-1].lower_
    if any(last in heads and (rest == name or rest.endswith(" " + name)) for name, heads in generic_heads().items()):
        return Span(span.doc, span.start, span.end - 1, label=span.label_, kb_id=span.kb_id_)
    return span


def _device_part(doc: Doc, span: Span) -> bool:
    """True when ``span`` is a bare "camera(s)" with a device word (a microphone, a phone) within three words of it
    in its sentence ("the phone's microphone and cameras")."""
    if len(span) != 1 or span[0].lower_ not in _CAMERA_WORDS:
        return False
    sent = span.sent
    lo, hi = max(sent.start, span.start - _PART_WINDOW), min(sent.end, span.end + _PART_WINDOW)
    parts = device_parts()
    return any(t.lower_ in parts or t.lemma_.casefold() in parts for t in doc[lo:hi] if t.i != span.start)


def capability_extents(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each CAPABILITY mention ending before a generic goods head and no bare "cameras" that is a
    device's part (the two rules of this module)."""
    out: list[Span] = []
    for e in ents:
        if e.label_ != "CAPABILITY":
            out.append(e)
        elif not _device_part(doc, e):
            out.append(_without_generic_head(e))
    return out
