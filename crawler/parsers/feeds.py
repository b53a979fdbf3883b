"""RSS 2.0 and Atom feeds: the entries (title, link, date) whose articles the feeds spider follows."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from crawler.parsers.common import ParseError, clean_inline, iso_date
from crawler.parsers.encoding import UndecodableCharset, decode_html

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    published: str | None
    summary: str = ""


def parse_feed(body: bytes, url: str, http_charset: str | None = None) -> list[FeedEntry]:
    """Entries of an RSS or Atom feed, links made absolute. External entities are never resolved.

    The bytes are decoded as browsers decode them (``crawler.parsers.encoding.decode_html``: BOM, the HTTP
    header's charset, the XML declaration, with legacy labels widened), so a feed declared ``gb2312`` that
    holds GBK characters parses instead of failing in libxml2's strict GB2312 decoder.
    """
    if not body.strip():
        raise ParseError(f"{url}: empty feed")
    try:
        text = decode_html(body, http_charset).text.replace("\x00", "")
    except UndecodableCharset as exc:
        raise ParseError(f"{url}: {exc}") from exc
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=False, huge_tree=False, encoding="utf-8"
    )  # the text is re-encoded as UTF-8; ``encoding`` overrides what the XML declaration says
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{url}: feed is not well-formed XML ({exc})") from exc
    entries: list[FeedEntry] = []
    if root.tag == f"{ATOM}feed":
        for e in root.iter(f"{ATOM}entry"):
            link = ""
            for ln in e.findall(f"{ATOM}link"):
                if ln.get("rel", "alternate") == "alternate" and ln.get("href"):
                    link = ln.get("href", "")
                    break
            date = e.findtext(f"{ATOM}published") or e.findtext(f"{ATOM}updated")
            entries.append(
                FeedEntry(
                    title=clean_inline(e.findtext(f"{ATOM}title") or ""),
                    link=urljoin(url, link) if link else "",
                    published=iso_date(date),
                    summary=clean_inline(e.findtext(f"{ATOM}summary") or ""),
                )
            )
    elif root.tag == "rss" or root.find("channel") is not None:
        for item in root.iter("item"):
            link = (item.findtext("link") or "").strip()
            entries.append(
                FeedEntry(
                    title=clean_inline(item.findtext("title") or ""),
                    link=urljoin(url, link) if link else "",
                    published=iso_date(item.findtext("pubDate")),
                    summary=clean_inline(item.findtext("description") or ""),
                )
            )
    else:
        raise ParseError(f"{url}: neither RSS nor Atom (root element <{root.tag}>)")
    return entries
