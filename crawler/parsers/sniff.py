"""What a fetched file is, told by its content (``redflag fetch``): PDF, a list format, or an HTML page.

Rules (first match wins), read from the formats' published layouts:

* ``%PDF`` at the start: a PDF.
* a JSON object with a ``results`` array whose items carry ``source`` and ``name`` (trade.gov CSL bulk
  JSON), or CSV whose header has ``_id``, ``source`` and ``name`` columns: ``csl``.
* JSON lines (or an array) of objects with ``schema`` and ``properties`` (FollowTheMoney entities): ``ftm``.
* CSV whose first row starts with a whole number then a quoted name and has at least 10 fields (OFAC's
  headerless ``sdn.csv`` layout): ``ofac``.
* CSV whose header names ``country`` and a ``shutdown``/``start date`` column: ``shutdowns``; an .xlsx
  workbook (``PK`` zip header) or CSV with ``Country/Territory`` and ``Total``: ``fiw``.
* anything else starting with ``<`` (after white space and a byte order mark): HTML.

A file matching none is ``unknown``: ``fetch`` says so rather than guessing.
"""

from __future__ import annotations

import csv
import io
import json
import re

_OFAC_ROW = re.compile(r'^\d+,"')


def _first_json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        first = text.strip().splitlines()[0] if text.strip() else ""
        try:
            return [json.loads(first)]
        except ValueError:
            return None


def sniff(body: bytes) -> str:
    """``pdf``, ``html``, a list format (ofac, csl, ftm, fiw, shutdowns) or ``unknown``."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        return "fiw"
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        data = _first_json(text)
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            items = data["results"]
            if items and isinstance(items[0], dict) and {"source", "name"} <= items[0].keys():
                return "csl"
        rows = data if isinstance(data, list) else [data]
        if rows and isinstance(rows[0], dict) and {"schema", "properties"} <= rows[0].keys():
            return "ftm"
        return "unknown"
    if text.startswith("<"):
        return "html"
    first = next(csv.reader(io.StringIO(text[:4096])), [])
    header = {c.strip().lower() for c in first}
    if {"_id", "source", "name"} <= header:
        return "csl"
    if _OFAC_ROW.match(text) and len(first) >= 10:
        return "ofac"
    if "country" in header and any("shutdown" in c or "start date" in c for c in header):
        return "shutdowns"
    if "country/territory" in header and "total" in header:
        return "fiw"
    return "unknown"
