"""NGO report pages (HRW/Amnesty style): HTML chapters whose full report is often a linked PDF."""

from __future__ import annotations

from crawler.parsers.article import parse_article, pdf_links
from crawler.parsers.common import SourceMeta
from ontology.records import Document


def parse_ngo_page(body: bytes, url: str, meta: SourceMeta, encoding: str | None = None) -> Document:
    """An NGO chapter or report landing page; headings become section keys (slugs)."""
    return parse_article(body, url, meta, encoding, kind="ngo_report")


def linked_pdfs(body: bytes, url: str, encoding: str | None = None) -> list[str]:
    return pdf_links(body, url, encoding)
