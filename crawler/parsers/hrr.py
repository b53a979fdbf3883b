"""State Department Country Reports on Human Rights Practices (HTML), both layouts.

Pre-2024 reports are organised as ``<h2>Section 1. ...</h2>`` with lettered ``<h3>f. ...</h3>``
subsections; inline lead-ins such as ``<strong>Internet Freedom:</strong>`` open sub-blocks. The
2024 edition regroups the content under ``<h2>`` blocks "Life", "Liberty" and "Security of the
Person". The layout is detected from the set of ``<h2>`` headings; section keys are normalised
to the same canonical keys in both (``1f_privacy``, ``2a_internet``, ...).
"""

from __future__ import annotations

import re

from crawler.parsers.common import ParseError, SourceMeta, TextBuilder, clean_inline, sha256_hex, slug
from crawler.parsers.html import block_text, iter_blocks, lead_in, load_html, main_element, published_date
from ontology.records import Document

LAYOUT_PRE_2024 = "pre2024"
LAYOUT_2024 = "2024"
LAYOUT_UNKNOWN = "unknown"

# (canonical key, pattern over the normalised heading text), first match wins.
CANONICAL_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("transnational_repression", re.compile(r"transnational repression")),
    ("2a_internet", re.compile(r"^internet freedom")),
    ("1e_fair_trial", re.compile(r"fair public trial|fair trial")),
    ("1f_privacy", re.compile(r"interference with privacy|privacy family home")),
    ("2a_expression", re.compile(r"freedom of expression|freedom of speech")),
    ("2b_assembly_association", re.compile(r"peaceful assembly|assembly and association")),
]

_SECTION_H2 = re.compile(r"^section\s+(\d+)", re.IGNORECASE)
_LETTER = re.compile(r"^([a-z])\.\s+(.*)$", re.IGNORECASE)
_YEAR_URL = re.compile(r"/(\d{4})-country-reports-on-human-rights-practices/")
_H2_2024 = {"life", "liberty", "security of the person"}


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def canonical_key(heading: str) -> str | None:
    """The canonical section key for a heading (letter prefix ignored), or None."""
    m = _LETTER.match(heading.strip())
    text = _norm(m.group(2) if m else heading)
    for key, pattern in CANONICAL_KEYS:
        if pattern.search(text):
            return key
    return None


def detect_layout(h2_texts: list[str]) -> str:
    """``pre2024`` if headings are numbered sections, ``2024`` if the Life/Liberty/Security set is present."""
    norms = {_norm(_strip_section(t)) for t in h2_texts}
    if len(norms & _H2_2024) >= 2:
        return LAYOUT_2024
    if any(_SECTION_H2.match(t.strip()) for t in h2_texts):
        return LAYOUT_PRE_2024
    return LAYOUT_UNKNOWN


def _strip_section(text: str) -> str:
    """``Section 2. Liberty`` -> ``Liberty``."""
    return re.sub(r"^section\s+\d+\.?\s*", "", text.strip(), flags=re.IGNORECASE)


def country_from(url: str, title: str) -> str:
    """The country a report is about: from the title (both title styles), else the URL slug."""
    if ":" in title and re.search(r"country reports?", title, re.IGNORECASE):
        tail = title.rsplit(":", 1)[1].strip()
        if tail:
            return tail
    m = re.match(r"^(.*?)\s+(?:\d{4}\s+)?(?:human rights report|country reports?)", title, re.IGNORECASE)
    if m and m.group(1).strip():
        return m.group(1).strip()
    parts = [p for p in url.split("?")[0].split("/") if p]
    tail = parts[-1] if parts else ""
    if tail in ("index.html", "index.htm") and len(parts) > 1:
        tail = parts[-2]
    return tail.replace("-", " ").title()


def parse_hrr(body: bytes, url: str, meta: SourceMeta, encoding: str | None = None) -> Document:
    """Parse one country report page into a Document with canonical section spans."""
    root = load_html(body, encoding, url)
    h1 = root.xpath("//h1")
    title = clean_inline(h1[0].text_content()) if h1 else ""
    main = main_element(root)
    h2s = [block_text(h) for h in main.iter("h2")]
    layout = detect_layout(h2s)
    tb = TextBuilder()
    section_no = ""
    h2_title = ""
    for el in iter_blocks(main):
        text = block_text(el)
        if not text:
            continue
        tag = el.tag
        if tag == "h1":
            tb.add(text)
            continue
        if tag == "h2":
            tb.close_section()
            m = _SECTION_H2.match(text)
            section_no = m.group(1) if m else ""
            h2_title = text
            tb.add(text)
            continue
        if tag in ("h3", "h4"):
            key = canonical_key(text) or _fallback_key(layout, section_no, h2_title, text)
            tb.open_section(key, text)
            tb.add(text)
            continue
        lead = lead_in(el)
        if lead:
            lead_key = canonical_key(lead)
            if lead_key and lead_key != tb.current_key:
                tb.open_section(lead_key, lead)
        tb.add(text)
    tb.close_section()
    if not tb.text.strip():
        raise ParseError(f"{url}: no report text found")
    ym = _YEAR_URL.search(url)
    published = published_date(root)
    if published is None and ym:
        published = f"{ym.group(1)}-12-31"
    return Document(
        id=Document.id_for(url),
        url=url,
        source_id=meta.source_id,
        publisher=meta.publisher,
        tier=meta.tier,
        title=title,
        text=tb.text,
        sha256=sha256_hex(body),
        retrieved_at=meta.stamp(),
        published=published,
        language="en",
        country_hints=[country_from(url, title)],
        sections=tb.sections,
        kind=f"country_report:{layout}",
    )


def _fallback_key(layout: str, section_no: str, h2_title: str, heading: str) -> str:
    m = _LETTER.match(heading.strip())
    if layout == LAYOUT_PRE_2024 and m:
        return f"{section_no}{m.group(1).lower()}_{slug(m.group(2), 4)}"
    prefix = slug(_strip_section(h2_title), 4)
    rest = m.group(2) if m else heading
    return f"{prefix}_{slug(rest, 4)}" if prefix else slug(rest, 6)
