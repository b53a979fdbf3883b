"""Main text and metadata of any article page (news, NGO, research) with trafilatura.

trafilatura (Apache-2.0, https://trafilatura.readthedocs.io) separates an article's main text from
navigation, sidebars, promotions and footers by the page's structure and text density, and reads the
title, author and publication date from the page's own metadata (``<meta>``, Open Graph, JSON-LD,
bylines). It runs precision first (``favor_precision``, no fallback extractor): a page whose article cannot
be told from its chrome yields less text rather than sidebar text. Layout-specific parsers (State Department reports) stay where they earn their keep; this one
is for sites the project has no parser for. Headings in the extracted text open sections (key = slug).
"""

from __future__ import annotations

from typing import Any

import trafilatura
from lxml import etree

from crawler.parsers.common import (
    ParseError,
    SourceMeta,
    TextBuilder,
    clean_inline,
    iso_date,
    sha256_hex,
    slug,
)
from crawler.parsers.encoding import UndecodableCharset, decode_html
from ontology.records import Document

MIN_CHARS = 200  # below this the page holds no article (an index, a contact page): not a document
_BLOCKS = ("p", "list", "quote", "table", "code", "head")


class NoArticle(ParseError):
    """The page was read but holds no article text (an index, a contact page)."""


def _field(result: Any, name: str) -> Any:
    return result.get(name) if isinstance(result, dict) else getattr(result, name, None)


def _blocks(body: etree._Element) -> list[tuple[str, str]]:
    """(tag, text) of the top-level blocks of trafilatura's XML body, in document order."""
    out: list[tuple[str, str]] = []
    for el in body:
        if not isinstance(el.tag, str):
            continue
        if el.tag == "list":
            for item in el.iter("item"):
                text = clean_inline(" ".join(item.itertext()))
                if text:
                    out.append(("item", text))
            continue
        text = clean_inline(" ".join(el.itertext()))
        if text:
            out.append((el.tag, text))
    return out


def extract_main_text(
    body: bytes, url: str, meta: SourceMeta, encoding: str | None = None, kind: str = "article",
    min_chars: int = MIN_CHARS,
) -> Document:
    """The article on a page as a Document; NoArticle (a ParseError) when the page holds no article text,
    ParseError when it cannot be read at all.

    ``encoding`` is the Content-Type charset label; the bytes are decoded as browsers decode them.
    ``min_chars`` is the shortest main text accepted as an article (characters).
    """
    try:
        html = decode_html(body, encoding).text.replace("\x00", "")
    except UndecodableCharset as exc:
        raise ParseError(f"{url}: {exc}") from exc
    if not html.strip():
        raise ParseError(f"{url}: empty page (0 bytes of content)")
    # precision first (favor_precision, and fast = no fallback to readability/jusText, which returns the whole
    # page's text when no article is found): a sidebar or footer must never become text or entities
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        deduplicate=False, favor_precision=True, fast=True,
    )  # fmt: skip
    if result is None:
        raise NoArticle(f"{url}: no article text found on the page")
    tb = TextBuilder()
    xml = _field(result, "body")
    blocks = _blocks(xml) if xml is not None and len(xml) else []
    if not blocks:
        blocks = [("p", p) for p in str(_field(result, "text") or "").split("\n") if p.strip()]
    for tag, text in blocks:
        if tag == "head":
            tb.open_section(slug(text) or "section", text)
        tb.add(text)
    tb.close_section()
    if len(tb.text) < min_chars:
        raise NoArticle(f"{url}: no article text found on the page ({len(tb.text)} characters of main text)")
    lang = _field(result, "language")
    date = _field(result, "date")
    author = _field(result, "author")
    return Document(
        id=Document.id_for(url),
        url=url,
        source_id=meta.source_id,
        publisher=meta.publisher,
        tier=meta.tier,
        title=clean_inline(str(_field(result, "title") or "")),
        text=tb.text,
        sha256=sha256_hex(body),
        retrieved_at=meta.stamp(),
        published=iso_date(str(date)) if date else None,
        language=(str(lang).split("-")[0].lower() if lang else None),
        sections=tb.sections,
        kind=kind,
        author=clean_inline(str(author)) if author else None,
    )
