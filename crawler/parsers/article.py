"""Long HTML articles (research reports in the Citizen Lab style, news articles, NGO chapters)."""

from __future__ import annotations

from urllib.parse import urljoin

from crawler.parsers.common import ParseError, SourceMeta, TextBuilder, sha256_hex, slug
from crawler.parsers.html import (
    block_text,
    iter_blocks,
    load_html,
    main_element,
    meta_list,
    page_title,
    published_date,
)
from ontology.records import Document


def parse_article(
    body: bytes, url: str, meta: SourceMeta, encoding: str | None = None, kind: str = "article"
) -> Document:
    """Main text of an article page with one section per ``<h2>``/``<h3>`` heading (key = heading slug)."""
    root = load_html(body, encoding, url)
    title = page_title(root)
    main = main_element(root)
    tb = TextBuilder()
    for el in iter_blocks(main):
        text = block_text(el)
        if not text:
            continue
        if el.tag in ("h2", "h3"):
            tb.open_section(slug(text) or "section", text)
        tb.add(text)
    tb.close_section()
    if not tb.text.strip():
        raise ParseError(f"{url}: page has no readable text")
    lang = root.get("lang")
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
        published=published_date(root),
        language=(lang.split("-")[0].lower() if lang else None),
        country_hints=meta_list(root, "country") + meta_list(root, "countries"),
        sections=tb.sections,
        kind=kind,
    )


def pdf_links(body: bytes, url: str, encoding: str | None = None) -> list[str]:
    """Absolute URLs of PDF files linked from a page."""
    root = load_html(body, encoding, url)
    out: list[str] = []
    for href in root.xpath("//a/@href"):
        h = str(href).strip()
        if h.lower().split("?")[0].endswith(".pdf"):
            absolute = urljoin(url, h)
            if absolute not in out:
                out.append(absolute)
    return out
