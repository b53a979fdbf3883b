"""Prose parsers: State reports in both layouts, NGO pages, PDFs, articles, feeds, bad input."""

from __future__ import annotations

import pytest
from crawler_helpers import SITE

from crawler.parsers.article import parse_article, pdf_links
from crawler.parsers.common import ParseError, SourceMeta, decode_text
from crawler.parsers.feeds import parse_feed
from crawler.parsers.hrr import detect_layout, parse_hrr
from crawler.parsers.pdf import parse_pdf

META = SourceMeta("test", "Test Publisher", 2, "2025-01-01T00:00:00+00:00")
HRR23 = SITE / "state/reports/2023-country-reports-on-human-rights-practices"
HRR24 = SITE / "state/reports/2024-country-reports-on-human-rights-practices"
NGO = SITE / "ngo/reports/watching-the-square"


def section_text(doc, key):
    return [doc.text[s.start : s.end] for s in doc.sections if s.key == key]


def test_pre_2024_report_sections_are_normalised_to_canonical_keys():
    url = "https://example.invalid/reports/2023-country-reports-on-human-rights-practices/examplestan/"
    doc = parse_hrr((HRR23 / "examplestan/index.html").read_bytes(), url, META)
    assert doc.kind == "country_report:pre2024"
    assert [s.key for s in doc.sections] == [
        "1e_fair_trial", "1f_privacy", "transnational_repression", "2a_expression", "2a_internet",
        "2b_assembly_association",
    ]  # fmt: skip
    assert "monitored journalists' phones" in section_text(doc, "1f_privacy")[0]
    internet = section_text(doc, "2a_internet")[0]
    assert internet.startswith("Internet Freedom: The government restricted internet access")
    assert "blocked messaging applications" in internet  # the paragraph after the lead-in stays in the block
    assert "criticism of officials" in section_text(doc, "2a_expression")[0]
    assert "Footer text" not in doc.text and "| Reports" not in doc.text
    assert doc.country_hints == ["Examplestan"]
    assert doc.published == "2024-04-22"
    assert doc.id == doc.id_for(url)


def test_2024_layout_is_detected_from_the_h2_set_and_mapped_to_the_same_keys():
    url = "https://example.invalid/reports/2024-country-reports-on-human-rights-practices/examplestan/"
    doc = parse_hrr((HRR24 / "examplestan/index.html").read_bytes(), url, META)
    assert doc.kind == "country_report:2024"
    keys = [s.key for s in doc.sections]
    for key in ("1f_privacy", "2a_expression", "2a_internet", "1e_fair_trial", "transnational_repression"):
        assert key in keys
    assert "Facial-recognition cameras" in section_text(doc, "1f_privacy")[0]
    assert "life_extrajudicial_killings" in keys


def test_layout_detector_on_heading_sets():
    assert detect_layout(["Executive Summary", "Section 1. Respect for the Integrity of the Person"]) == "pre2024"
    assert detect_layout(["Section 1. Life", "Section 2. Liberty", "Section 3. Security of the Person"]) == "2024"
    assert detect_layout(["Life", "Liberty"]) == "2024"
    assert detect_layout(["About us"]) == "unknown"


def test_cp1252_bytes_served_as_utf8_are_decoded_as_cp1252():
    raw = (HRR23 / "westmark/index.html").read_bytes()
    assert b"\x92" in raw
    doc = parse_hrr(raw, "https://example.invalid/reports/2023-country-reports-on-human-rights-practices/westmark/", META, "utf-8")
    assert "ministry\u2019s \u201clawful intercept\u201d centre" in doc.text
    assert "\ufffd" not in doc.text
    assert decode_text("caf\u00e9".encode(), "utf-8") == "caf\u00e9"


def test_malformed_html_still_yields_the_article_text():
    doc = parse_article((SITE / "research/2025/03/quiet-tap/index.html").read_bytes(), "https://x.invalid/a", META)
    assert "IMSI catchers supplied by Northwind Signals" in doc.text
    assert [s.key for s in doc.sections][:1] == ["key_findings"]
    assert doc.published == "2025-03-18"


def test_empty_page_is_a_readable_parse_error():
    with pytest.raises(ParseError, match="empty page"):
        parse_article(b"", "https://x.invalid/empty", META)
    with pytest.raises(ParseError, match="no readable text"):
        parse_article(b"<html><body><nav>menu</nav></body></html>", "https://x.invalid/nav", META)


def test_ngo_page_sections_country_hints_and_pdf_links():
    url = "https://x.invalid/ngo/reports/watching-the-square/"
    body = (NGO / "index.html").read_bytes()
    doc = parse_article(body, url, META, kind="ngo_report")
    assert [s.key for s in doc.sections] == ["summary", "recommendations"]
    assert "Suspend the programme." in section_text(doc, "recommendations")[0]
    assert doc.country_hints == ["Examplestan"] and doc.language == "en"
    assert pdf_links(body, url) == [url + "watching-the-square.pdf", url + "appendix-truncated.pdf", url + "annex-encrypted.pdf"]


def test_pdf_text_is_extracted_page_by_page():
    doc = parse_pdf((NGO / "watching-the-square.pdf").read_bytes(), "https://x.invalid/r.pdf", META)
    assert [s.key for s in doc.sections] == ["page_1", "page_2"]
    assert "cameras installed by Fictive Integrators LLC" in doc.text
    assert doc.title == "Watching the Square - full report"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("appendix-truncated.pdf", "truncated or damaged"), ("annex-encrypted.pdf", "encrypted")],
)
def test_broken_pdfs_raise_with_the_reason(name, reason):
    with pytest.raises(ParseError, match=reason):
        parse_pdf((NGO / name).read_bytes(), f"https://x.invalid/{name}", META)


def test_rss_and_atom_entries_with_absolute_links_and_dates():
    rss = parse_feed((SITE / "news/feed.xml").read_bytes(), "http://h.invalid/news/feed.xml")
    assert rss[0].link == "http://h.invalid/news/articles/tender.html"
    assert rss[0].published == "2025-05-05"
    assert len(rss) == 5
    atom = parse_feed((SITE / "news/atom.xml").read_bytes(), "http://h.invalid/news/atom.xml")
    assert [e.link for e in atom] == ["http://h.invalid/news/articles/tender.html", "http://h.invalid/news/articles/quotes.html"]
    assert atom[1].published == "2025-05-08"
    with pytest.raises(ParseError, match="not well-formed"):
        parse_feed(b"<rss><channel>", "http://h.invalid/bad.xml")
