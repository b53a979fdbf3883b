"""Helpers shared by the prose parsers: decoding, text assembly with section spans, errors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from crawler.parsers.encoding import UndecodableCharset, codec_for_label
from ontology.records import CountryIndicator, ListEntity, ListRelation, RowError, Section


class ParseError(ValueError):
    """The input cannot be turned into a record; the message says why (readable, one line)."""


@dataclass(frozen=True)
class SourceMeta:
    """What a parser needs to know about the source a body came from."""

    source_id: str
    publisher: str
    tier: int
    retrieved_at: str = ""

    def stamp(self) -> str:
        return self.retrieved_at or datetime.now(UTC).isoformat(timespec="seconds")


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def decode_text(body: bytes, declared: str | None = None) -> str:
    """Decode a data file (CSV, JSON, XML list): the declared charset if the bytes fit it, else UTF-8, else
    windows-1252. Labels are read as browsers read them (``crawler.parsers.encoding.codec_for_label``).

    Servers often label Windows-1252 text as UTF-8; strict UTF-8 decoding fails on such
    bytes (e.g. a lone 0x92 right quote), and then cp1252 is the right reading. NUL characters are
    dropped: they carry no text, and the embedded graph engine cannot store a string that holds one.
    HTML pages go through ``crawler.parsers.encoding.decode_html`` (header, meta and BOM precedence).
    """
    return _decode(body, declared).replace("\x00", "")


def _decode(body: bytes, declared: str | None) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    candidates: list[str] = []
    try:
        codec = codec_for_label(declared)
    except UndecodableCharset:
        codec = None
    if codec:
        candidates.append(codec)
    candidates += ["utf-8", "cp1252"]
    for enc in candidates:
        try:
            return body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", errors="replace")


_WS_RE = re.compile(r"[ \t\r\f\v\u00a0]+")


def clean_inline(text: str) -> str:
    """Collapse whitespace in a block of inline text."""
    text = unicodedata.normalize("NFC", text)
    return _WS_RE.sub(" ", text.replace("\n", " ")).strip()


def slug(text: str, words: int = 6) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = re.findall(r"[a-z0-9]+", norm)
    return "_".join(parts[:words])


@dataclass
class TextBuilder:
    """Assemble clean text from blocks and remember section spans (character offsets)."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    sections: list[Section] = field(default_factory=list)
    _open: tuple[str, str, int] | None = None

    def add(self, block: str) -> tuple[int, int]:
        block = block.strip()
        if not block:
            return (self.length, self.length)
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(block)
        self.length += len(block)
        return (start, self.length)

    def open_section(self, key: str, title: str) -> None:
        self.close_section()
        start = self.length + (2 if self.parts else 0)
        self._open = (key, title, start)

    def close_section(self) -> None:
        if self._open is not None:
            key, title, start = self._open
            if self.length > start:
                self.sections.append(Section(key=key, title=title, start=start, end=self.length))
            self._open = None

    @property
    def current_key(self) -> str | None:
        return None if self._open is None else self._open[0]

    @property
    def text(self) -> str:
        return "".join(self.parts)


_DATE_PATTERNS = [
    ("%Y-%m-%d", re.compile(r"\d{4}-\d{2}-\d{2}")),
    ("%d %B %Y", re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")),
    ("%B %d, %Y", re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}")),
]


def iso_date(raw: str | None) -> str | None:
    """Best-effort ISO date (YYYY-MM-DD) from a date string; None if none is recognisable."""
    if not raw:
        return None
    raw = raw.strip()
    m = _DATE_PATTERNS[0][1].search(raw)
    if m:  # fast path for the common ISO form (same result as strptime with %Y-%m-%d)
        try:
            return date.fromisoformat(m.group(0)).isoformat()
        except ValueError:
            pass
    for fmt, pattern in _DATE_PATTERNS:
        m = pattern.search(raw)
        if m:
            try:
                return datetime.strptime(m.group(0), fmt).date().isoformat()
            except ValueError:
                continue
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


@dataclass
class ParsedList:
    """What a structured-file parser produced: records plus the rows it rejected."""

    entities: list[ListEntity] = field(default_factory=list)
    relations: list[ListRelation] = field(default_factory=list)
    indicators: list[CountryIndicator] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # rows kept, with something to know: a reference to an entity that is not in the file, for example
    warnings: list[RowError] = field(default_factory=list)

    def extend(self, other: ParsedList) -> None:
        self.entities += other.entities
        self.relations += other.relations
        self.indicators += other.indicators
        self.errors += other.errors
        self.warnings += other.warnings

    @property
    def record_count(self) -> int:
        return len(self.entities) + len(self.relations) + len(self.indicators)


_WORDS = re.compile(r"\w+")


def norm_name(name: str) -> str:
    """Case/punctuation-insensitive key for matching a name written in two places."""
    return " ".join(_WORDS.findall(name.upper()))
