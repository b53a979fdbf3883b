"""Lenient HTML loading and block iteration (lxml), shared by the HTML parsers."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
from lxml import etree

from crawler.parsers.common import ParseError, clean_inline, iso_date
from crawler.parsers.encoding import UndecodableCharset, decode_html

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dd", "dt", "figcaption"}
SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg"}


def load_html(body: bytes, declared_encoding: str | None = None, url: str = "") -> lxml.html.HtmlElement:
    """Parse (possibly malformed) HTML; an empty or text-free page is a ParseError.

    ``declared_encoding`` is the charset label of the HTTP Content-Type header (None when absent); the
    bytes are decoded as browsers decode them (``crawler.parsers.encoding.decode_html``).
    """
    try:
        text = decode_html(body, declared_encoding).text.replace("\x00", "")
    except UndecodableCharset as exc:
        raise ParseError(f"{url or 'page'}: {exc}") from exc
    if not text.strip():
        raise ParseError(f"{url or 'page'}: empty page (0 bytes of content)")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"{url or 'page'}: not parseable as HTML ({exc})") from exc
    for bad in root.xpath("//comment()"):
        parent = bad.getparent()
        if parent is not None:
            parent.remove(bad)
    return root


def main_element(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the main content: <main>, else <article>, else [role=main], else <body>."""
    for xp in ("//main", "//article", "//*[@role='main']", "//body"):
        found = root.xpath(xp)
        if found:
            return found[0]  # type: ignore[no-any-return]
    return root


def iter_blocks(el: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Block elements in document order, skipping navigation/boilerplate and nested blocks."""
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in SKIP_TAGS:
            continue
        if tag in BLOCK_TAGS:
            yield child
            yield from iter_blocks(child)  # blocks wrongly nested inside (malformed HTML)
        else:
            yield from iter_blocks(child)


def block_text(el: lxml.html.HtmlElement) -> str:
    """Text of a block without the text of block elements nested in it (those are their own blocks)."""
    return clean_inline("".join(_own_text(el)))


def _own_text(el: lxml.html.HtmlElement) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in BLOCK_TAGS and tag not in SKIP_TAGS:
            parts += _own_text(child)
        elif tag in ("br",):
            parts.append(" ")
        parts.append(child.tail or "")
    return parts


def lead_in(el: lxml.html.HtmlElement) -> str | None:
    """Text of a bold lead-in that opens a paragraph (``<p><strong>Internet Freedom:</strong> ...``)."""
    if (el.text or "").strip():
        return None
    children = [c for c in el if isinstance(c.tag, str)]
    if children and children[0].tag in ("strong", "b"):
        return clean_inline(children[0].text_content()).rstrip(":. ").strip() or None
    return None


def page_title(root: lxml.html.HtmlElement) -> str:
    for xp in ("//h1", "//meta[@property='og:title']/@content", "//title"):
        found = root.xpath(xp)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = clean_inline(str(value))
            if value:
                return value
    return ""


def published_date(root: lxml.html.HtmlElement) -> str | None:
    for xp in (
        "//meta[@property='article:published_time']/@content",
        "//meta[@name='date']/@content",
        "//meta[@name='dcterms.date']/@content",
        "//meta[@name='citation_publication_date']/@content",
        "//time/@datetime",
        "//time",
    ):
        for found in root.xpath(xp):
            value = found if isinstance(found, str) else found.text_content()
            date = iso_date(str(value))
            if date:
                return date
    return None


def meta_list(root: lxml.html.HtmlElement, name: str) -> list[str]:
    """Comma-separated values of ``<meta name=NAME content=...>`` (e.g. country hints)."""
    out: list[str] = []
    for value in root.xpath(f"//meta[@name='{name}']/@content"):
        out += [v.strip() for v in str(value).split(",") if v.strip()]
    return out
