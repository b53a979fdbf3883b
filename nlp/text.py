"""Text preparation: cleaning that keeps offsets, splitting into units, and language detection."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect is random unless seeded

_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff]")
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>\n]{0,300}|!--[^<>]{0,300}--)>")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'\u201c(\[]?[A-Z0-9])")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


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
    visible = sum(1 for ch in text[:200_000] if not ch.isspace())
    if letters < 3:
        return LanguageCheck("und", "no words in the text (no letters)")
    if visible and letters / visible < 0.5:
        return LanguageCheck("und", f"not prose: only {letters / visible:.0%} of the visible characters are letters")
    if declared and declared.lower()[:2] not in ("en", ""):
        return LanguageCheck(declared.lower()[:2], f"language {declared!r} declared by the source; the pipeline is English")
    if letters < 40:
        return LanguageCheck("en", None)  # too short to detect reliably; analysed as English
    mid = len(text) // 2
    sample = text[:sample_chars] + "\n" + text[mid : mid + sample_chars]
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return LanguageCheck("und", "language could not be detected")
    top = guesses[0]
    english = next((g.prob for g in guesses if g.lang == "en"), 0.0)
    if top.lang == "en" or english >= 0.3:
        return LanguageCheck("en", None)
    return LanguageCheck(top.lang, f"language detected as {top.lang!r} (p={top.prob:.2f}); the pipeline is English")
