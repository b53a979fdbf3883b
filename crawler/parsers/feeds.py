"""RSS 2.0 and Atom feeds: the entries (title, link, date) whose articles the feeds spider follows."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from crawler.parsers.common import ParseError, clean_inline, iso_date

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    published: str | None
    summary: str = ""


def parse_feed(body: bytes, url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom feed, links made absolute. External entities are never resolved."""
    if not body.strip():
        raise ParseError(f"{url}: empty feed")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
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
