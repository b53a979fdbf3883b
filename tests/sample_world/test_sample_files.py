"""The bundled sample world is well-formed, internally consistent and fictional.

Covers the static site in crawler/sample_site/ (what the local server publishes) and the exporter's
records in redflag/sample_world/. Nothing here reaches the network.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse
from urllib.robotparser import RobotFileParser

import openpyxl
import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "crawler" / "sample_site"
SITE = SAMPLE / "site"
UPDATES = SAMPLE / "updates"
WORLD = ROOT / "redflag" / "sample_world"
FICTIONAL_CODES = {"XV", "XC", "XO", "XL"}

CSL_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
    "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
).split(",")
FIW_HEADER = (
    "Country/Territory,Region,C/T,Edition,Status,PR rating,CL rating,A1,A2,A3,A,B1,B2,B3,B4,B,C1,C2,C3,C,"
    "Add Q,Add A,PR,D1,D2,D3,D4,D,E1,E2,E3,E,F1,F2,F3,F4,F,G1,G2,G3,G4,G,CL,Total"
).split(",")
STOP_REQUIRED = [
    "country", "start_date", "end_date", "area_name", "scope", "shutdown_type",
    "affected_services", "actual_cause", "ordered_by",
]  # fmt: skip
DEAL_ROLES = ["exporter", "customer", "consignee", "intermediary", "freight_forwarder", "end_user", "payer"]

# (file, bytes, rows, fields per row) of the real OFAC rows copied from the shared snapshot.
OFAC_FILES = [("sdn.csv", 120254, 366, 12), ("add.csv", 21056, 369, 6), ("alt.csv", 14938, 318, 5)]

# Real surveillance, telecom and technology vendors that must never appear in the fictional world.
REAL_VENDORS = [
    "NSO Group", "Candiru", "Intellexa", "Cytrox", "Hacking Team", "FinFisher", "Gamma Group", "Cellebrite",
    "Hikvision", "Dahua", "Huawei", "ZTE", "Clearview", "Palantir", "Sandvine", "Positive Technologies",
    "Memento Labs", "Paragon Solutions", "Harris Corporation", "Verint", "Hikvision", "SenseTime", "Megvii",
    "Facebook", "WhatsApp", "Telegram", "Google", "Android", "Microsoft", "Amazon", "Cisco", "Nokia", "Ericsson",
]  # fmt: skip


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _world(name: str) -> Any:
    data = _json(WORLD / name)
    assert isinstance(data, dict), f"{name}: top level is not an object"
    return data


def _text_files(*roots: Path) -> list[Path]:
    suffixes = {".html", ".xml", ".json", ".csv", ".txt", ".md", ".toml"}
    return sorted(p for r in roots for p in r.rglob("*") if p.is_file() and p.suffix in suffixes)


class _Page(HTMLParser):
    """Collects headings, links and meta tags of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.meta: dict[str, str] = {}
        self.headings: list[tuple[str, str]] = []
        self.content_sections = 0
        self._heading: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "section" and "content" in a.get("class", "").split():
            self.content_sections += 1
        if tag in ("h1", "h2", "h3"):
            self._heading, self._buf = tag, []

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.headings.append((tag, " ".join("".join(self._buf).split())))
            self._heading = None


def _page(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _published(path: Path) -> date:
    return datetime.fromisoformat(_page(path).meta["article:published_time"]).date()


# ----------------------------------------------------------------------------- parsing and formats
def test_every_json_and_ndjson_file_parses() -> None:
    json_files = [
        p for p in _text_files(SITE, UPDATES, WORLD) if p.suffix == ".json" and ".ftm." not in p.name
    ]
    assert len(json_files) >= 6
    for path in json_files:
        _json(path)
    ftm = SITE / "lists" / "opensanctions" / "entities.ftm.json"
    for lineno, line in enumerate(ftm.read_text(encoding="utf-8").splitlines(), 1):
        entity = json.loads(line)
        assert {"id", "schema", "properties", "datasets", "first_seen", "last_seen"} <= entity.keys(), lineno
        for prop, values in entity["properties"].items():
            assert isinstance(values, list) and all(isinstance(v, str) for v in values), (lineno, prop)


def test_csl_csv_has_the_trade_gov_header_and_matches_the_json() -> None:
    rows = _read_csv(SITE / "lists" / "csl" / "consolidated.csv")
    assert rows[0] == CSL_HEADER
    assert all(len(r) == len(CSL_HEADER) for r in rows)
    results = _json(SITE / "lists" / "csl" / "consolidated.json")["results"]
    assert [r["name"] for r in results] == [r[5] for r in rows[1:]]
    assert {r["id"] for r in results} == {r[0] for r in rows[1:]}
    for rec in results:
        assert isinstance(rec["alt_names"], list) and isinstance(rec["addresses"], list)
        assert re.search(r"\(([A-Z-]+)\)", rec["source"]), rec["source"]
        assert {a["country"] for a in rec["addresses"]} <= FICTIONAL_CODES


def test_strata_is_on_the_entity_list_with_addresses_and_aliases() -> None:
    results = _json(SITE / "lists" / "csl" / "consolidated.json")["results"]
    strata = [r for r in results if r["name"] == "Strata Communications"]
    assert len(strata) == 1
    assert strata[0]["source"] == "Entity List (EL) - Bureau of Industry and Security"
    assert len(strata[0]["addresses"]) == 2 and strata[0]["alt_names"]
    row = next(
        r for r in _read_csv(SITE / "lists" / "csl" / "consolidated.csv") if r[5] == "Strata Communications"
    )
    assert "; and " in row[CSL_HEADER.index("addresses")]


def test_csl_carries_near_homonyms_of_demo_parties_in_other_places() -> None:
    names = {r["name"]: r for r in _json(SITE / "lists" / "csl" / "consolidated.json")["results"]}
    assert len(names) >= 11
    assert names["Helix Integration Services Ltd."]["addresses"][0]["country"] == "XL"
    assert names["Meridian Freight Lines Ltd."]["addresses"][0]["country"] == "XO"


@pytest.mark.parametrize(("name", "size", "rows", "width"), OFAC_FILES)
def test_ofac_files_are_the_unmodified_public_rows(name: str, size: int, rows: int, width: int) -> None:
    path = SITE / "lists" / "ofac" / name
    assert path.stat().st_size == size
    parsed = _read_csv(path)
    assert len(parsed) == rows
    assert {len(r) for r in parsed} == {width}
    assert parsed[0][0].strip().isdigit()  # no header row


def test_fiw_csv_has_a_title_row_then_the_freedom_house_columns() -> None:
    rows = _read_csv(SITE / "lists" / "fiw" / "fiw_scores.csv")
    assert rows[0][0].startswith("Freedom in the World") and not any(rows[0][1:])
    assert rows[1] == FIW_HEADER
    data = [dict(zip(FIW_HEADER, r, strict=True)) for r in rows[2:]]
    assert {(d["Country/Territory"], d["Edition"]) for d in data} == {
        (c, e) for c in ("Veloria", "Calder", "Ostrava Republic", "Lumen") for e in ("2025", "2026")
    }
    for d in data:
        n = {k: int(v) for k, v in d.items() if v.lstrip("-").isdigit()}
        for cat, subs in {"A": 3, "B": 4, "C": 3, "D": 4, "E": 3, "F": 4, "G": 4}.items():
            assert n[cat] == sum(n[f"{cat}{i}"] for i in range(1, subs + 1)), (d["Country/Territory"], cat)
        assert n["PR"] == n["A"] + n["B"] + n["C"] + n["Add Q"]
        assert n["CL"] == n["D"] + n["E"] + n["F"] + n["G"]
        assert n["Total"] == n["PR"] + n["CL"]
        if d["Country/Territory"] == "Ostrava Republic":
            assert (d["Status"], n["F1"], n["D4"], n["E2"]) == ("NF", 0, 0, 0)
        if d["Country/Territory"] == "Veloria":
            assert d["Status"] == "F"


def test_fiw_xlsx_holds_the_same_rows_as_the_csv() -> None:
    ws = openpyxl.load_workbook(SITE / "lists" / "fiw" / "fiw_scores.xlsx", read_only=True).active
    assert ws is not None
    sheet = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    csv_rows = _read_csv(SITE / "lists" / "fiw" / "fiw_scores.csv")
    assert sheet[0][0] == csv_rows[0][0]
    assert [r[: len(FIW_HEADER)] for r in sheet[1:]] == csv_rows[1:]


def test_shutdown_tracker_lists_recent_ostrava_shutdowns_and_an_old_one_in_lumen() -> None:
    rows = _read_csv(SITE / "lists" / "shutdowns" / "stop.csv")
    header = rows[0]
    assert set(STOP_REQUIRED) <= set(header)
    records = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    diversion_order = date.fromisoformat(_deal("DEMO-DIVERSION")["order_date"])
    recent = [
        r for r in records
        if r["country"] == "Ostrava Republic"
        and (diversion_order - datetime.strptime(r["start_date"], "%Y/%m/%d").date()).days <= 730
    ]  # fmt: skip
    assert len(recent) >= 2 and all("rotest" in r["actual_cause"] for r in recent)
    lumen = [r for r in records if r["country"] == "Lumen"]
    assert lumen and all(int(r["start_date"][:4]) < diversion_order.year - 3 for r in lumen)


def test_the_pdf_has_extractable_text_naming_the_integrator() -> None:
    pdf = SITE / "ngo" / "reports" / "faces-in-the-crowd" / "faces-in-the-crowd.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Helix Integrators" in text
    assert "Meridian Freight Services FZE" in text  # a finding the HTML page does not carry
    html = (pdf.parent / "index.html").read_text(encoding="utf-8")
    assert "Meridian Freight Services FZE" not in html
    assert 'href="faces-in-the-crowd.pdf"' in html


def test_feeds_are_well_formed_and_link_to_existing_pages() -> None:
    import xml.etree.ElementTree as ET

    for feed, root in ((SITE / "news" / "feed.xml", SITE), (UPDATES / "news" / "feed.xml", None)):
        channel = ET.parse(feed).getroot().find("channel")
        assert channel is not None
        links = [item.findtext("link") or "" for item in channel.findall("item")]
        assert len(links) >= 6
        for link in links:
            rel = urljoin("news/feed.xml", link)
            target = SITE / rel if (SITE / rel).exists() else UPDATES / rel
            assert target.exists() or (target / "index.html").exists(), link
        if root is None:
            assert "../ngo/reports/facetrace-in-kessel/" in links
    atom = ET.parse(SITE / "news" / "atom.xml").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2


# ----------------------------------------------------------------------------- the crawlable site
def test_robots_txt_disallows_private_and_nothing_links_there() -> None:
    parser = RobotFileParser()
    parser.parse((SITE / "robots.txt").read_text(encoding="utf-8").splitlines())
    assert not parser.can_fetch("redflag-crawler", "http://127.0.0.1:8000/private/staff-notes.html")
    assert parser.can_fetch("redflag-crawler", "http://127.0.0.1:8000/ngo/reports/faces-in-the-crowd/")
    assert any((SITE / "private").iterdir())
    for path in _text_files(SITE, UPDATES):
        if "private" not in path.parts and path.name != "robots.txt":
            assert "private/" not in path.read_text(encoding="utf-8"), path


def test_every_relative_link_on_every_page_resolves_to_a_file() -> None:
    pages = [p for p in SITE.rglob("*.html") if "private" not in p.parts] + list(UPDATES.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        base = page.relative_to(UPDATES if UPDATES in page.parents else SITE).as_posix()
        for href in _page(page).links:
            if href.startswith("#") or urlparse(href).scheme:
                continue
            rel = urlparse(urljoin(base, href)).path
            candidates = [SITE / rel, UPDATES / rel, SITE / rel / "index.html", UPDATES / rel / "index.html"]
            assert any(c.is_file() for c in candidates), f"{page}: {href}"


def test_2023_reports_use_the_pre_2024_layout() -> None:
    index = SITE / "state" / "reports" / "2023-country-reports-on-human-rights-practices"
    links = [link for link in _page(index / "index.html").links if not link.startswith("../")]
    assert sorted(links) == ["calder/", "lumen/", "ostrava-republic/", "veloria/"]
    for slug in links:
        page = _page(index / slug / "index.html")
        assert page.content_sections >= 3
        h2 = [t for tag, t in page.headings if tag == "h2"]
        h3 = [t for tag, t in page.headings if tag == "h3"]
        assert "Section 1. Respect for the Integrity of the Person" in h2
        assert "Section 2. Respect for Civil Liberties" in h2
        assert "e. Denial of Fair Public Trial" in h3
        assert "f. Arbitrary or Unlawful Interference with Privacy, Family, Home, or Correspondence" in h3
        assert "a. Freedom of Expression, Including for the Press" in h3
        assert "b. Freedoms of Peaceful Assembly and Association" in h3
        assert "<strong>Internet Freedom:</strong>" in (index / slug / "index.html").read_text(
            encoding="utf-8"
        )


def test_the_ostrava_2023_report_carries_the_evidence_the_demo_needs() -> None:
    text = (
        SITE
        / "state"
        / "reports"
        / "2023-country-reports-on-human-rights-practices"
        / "ostrava-republic"
        / "index.html"
    ).read_text(encoding="utf-8")
    privacy = text.split("f. Arbitrary or Unlawful Interference")[1].split("<h2>")[0]
    assert "State Security Directorate (SSD)" in privacy
    assert "monitored journalists' phones without judicial authorization" in privacy
    assert "facial-recognition" in privacy and "protests" in privacy
    assert "<strong>Transnational Repression:</strong>" in text
    assert "judiciary was not independent" in text
    assert "shut down mobile internet" in text
    assert "Law on Foreign-Funded Organizations" in text


def test_the_2024_ostrava_report_uses_the_restructured_layout_and_is_later() -> None:
    root = SITE / "state" / "reports"
    new = root / "2024-country-reports-on-human-rights-practices" / "ostrava-republic" / "index.html"
    old = root / "2023-country-reports-on-human-rights-practices" / "ostrava-republic" / "index.html"
    h2 = [t for tag, t in _page(new).headings if tag == "h2"]
    assert {"Section 1. Life", "Section 2. Liberty", "Section 3. Security of the Person"} <= set(h2)
    assert not any("Respect for the Integrity" in t for t in h2)
    text = new.read_text(encoding="utf-8")
    security = text.split("Section 3. Security of the Person")[1]
    assert "State Security Directorate (SSD)" in security and "without judicial authorization" in security
    assert "Internet Freedom" in text.split("Section 2. Liberty")[1].split("Section 3.")[0]
    assert _published(new) > _published(old)


def test_the_ngo_report_names_the_installer_and_hedges_once() -> None:
    text = (SITE / "ngo" / "reports" / "faces-in-the-crowd" / "index.html").read_text(encoding="utf-8")
    assert (
        "According to procurement records reviewed by the Civil Liberties Observatory, Helix Integrators LLC"
        in text
    )
    assert "reportedly" in text and "appear to have" in text
    h2 = [
        t
        for tag, t in _page(SITE / "ngo" / "reports" / "faces-in-the-crowd" / "index.html").headings
        if tag == "h2"
    ]
    assert len(h2) >= 5


def test_research_article_attributes_the_supply_with_confidence() -> None:
    text = (SITE / "research" / "2025" / "06" / "strata-intercept" / "index.html").read_text(encoding="utf-8")
    assert "We assess with high confidence that Strata Communications supplied" in text
    for term in ("IMSI catcher", "deep packet inspection", "Methodology", "State Security Directorate"):
        assert term in text


def test_the_denial_article_denies_rather_than_reports_a_sale() -> None:
    text = (SITE / "news" / "articles" / "northgate-denies-selling-to-ostrava.html").read_text(
        encoding="utf-8"
    )
    assert "denied" in text and "never sold to the Ostrava Republic" in text


def test_monitoring_update_is_published_after_the_monitored_ship_date_and_the_base_site_before_it() -> None:
    ship = date.fromisoformat(_deal("DEMO-MONITOR")["ship_date"])
    update = UPDATES / "ngo" / "reports" / "facetrace-in-kessel" / "index.html"
    assert _published(update) > ship
    text = update.read_text(encoding="utf-8")
    assert "FaceTrace" in text and "Kessel" in text and "Helix Integrators" in text
    assert "State Security Directorate" in text
    for page in SITE.rglob("*.html"):
        meta = _page(page).meta
        if "article:published_time" in meta:
            assert _published(page) < ship, page


# ----------------------------------------------------------------------------- the exporter's records
def _deal(deal_id: str) -> Any:
    return next(d for d in _world("deals.json")["deals"] if d["id"] == deal_id)


def test_the_four_demo_deals_refer_to_known_parties_items_and_countries() -> None:
    parties = {p["id"] for p in _world("parties.json")["parties"]}
    items = {i["id"] for i in _world("items.json")["items"]}
    countries = {c["code"] for c in _world("countries.json")["countries"]}
    zones = {z["name"] for c in _world("countries.json")["countries"] for z in c["free_trade_zones"]}
    deals = _world("deals.json")["deals"]
    assert [d["id"] for d in deals] == ["DEMO-DIVERSION", "DEMO-CLEAN", "DEMO-OWNERSHIP", "DEMO-MONITOR"]
    for d in deals:
        assert d["exporter"] in parties
        for p in d["parties"]:
            assert p["party"] in parties, (d["id"], p)
            assert p["role"] in DEAL_ROLES, (d["id"], p)
        for i in d["items"]:
            assert i["item"] in items, (d["id"], i)
        assert d["destination"] in countries
        assert set(d["route"]["transit_countries"]) <= countries
        assert set(d["route"]["free_trade_zones"]) <= zones
        assert d["support_status"] in ("active", "ended", "none")
        assert date.fromisoformat(d["order_date"]) < date.fromisoformat(d["ship_date"])
    for party in _world("parties.json")["parties"]:
        assert party["country"] in countries


def test_deals_csv_says_the_same_as_deals_json() -> None:
    rows = _read_csv(WORLD / "deals.csv")
    header = rows[0]
    assert set(DEAL_ROLES) <= set(header)
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    for d in _world("deals.json")["deals"]:
        row = by_id.pop(d["id"])
        for role in DEAL_ROLES:
            expected = [p["party"] for p in d["parties"] if p["role"] == role]
            assert (row[role].split(";") if row[role] else []) == expected, (d["id"], role)
        assert row["items"] == ";".join(f"{i['item']}:{i['quantity']}" for i in d["items"])
        assert row["free_trade_zones"] == ";".join(d["route"]["free_trade_zones"])
        for k, v in d["safeguards"].items():
            assert row[k] == ("yes" if v else "no"), (d["id"], k)
        for k in ("destination", "order_date", "ship_date", "support_status", "declared_end_use"):
            assert row[k] == d[k], (d["id"], k)
    assert not by_id


def test_items_declare_capabilities_and_safeguards() -> None:
    items = {i["id"]: i for i in _world("items.json")["items"]}
    face = items["facetrace"]
    assert face["capabilities"] == ["facial_recognition", "video_analytics"]
    assert face["safeguards"] == {
        "misuse_alerts": False, "remote_disable": True, "auto_delete": "configurable", "deployment_tracking": False,
        "audit_logging": True, "geofencing": False, "strip_capabilities": False,
    }  # fmt: skip
    assert set(items["packetlens"]["capabilities"]) == {
        "deep_packet_inspection",
        "network_protocol_surveillance",
    }


def test_ownership_and_directorship_connect_the_demo_parties_to_the_listed_company() -> None:
    lines = (SITE / "lists" / "opensanctions" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    entities = {e["id"]: e for e in map(json.loads, lines)}
    names = {e["properties"].get("name", [""])[0]: i for i, e in entities.items()}
    refs = {"owner", "asset", "director", "organization", "entity", "addressEntity"}
    for e in entities.values():
        for prop in refs & e["properties"].keys():
            assert all(v in entities for v in e["properties"][prop]), (e["id"], prop)
    own = [e["properties"] for e in entities.values() if e["schema"] == "Ownership"]
    assert {
        "owner": [names["Helix Security Holdings"]],
        "asset": [names["Strata Communications"]],
        "percentage": ["60"],
    }.items() <= next(o for o in own if o["asset"] == [names["Strata Communications"]]).items()
    directed = {e["properties"]["organization"][0] for e in entities.values() if e["schema"] == "Directorship"
                and e["properties"]["director"] == [names["D. Varga"]]}  # fmt: skip
    assert directed == {names["Helix Integrators LLC"], names["Helix Security Holdings"]}
    assert (
        entities[names["Helix Integrators LLC"]]["properties"]["addressEntity"]
        == entities[names["Helix Security Holdings"]]["properties"]["addressEntity"]
    )
    sanctions = [e for e in entities.values() if e["schema"] == "Sanction"]
    assert sanctions[0]["properties"]["entity"] == [names["Strata Communications"]]
    # DEMO-OWNERSHIP's customer is majority-owned by the listed company.
    corvane = names["Corvane Telematics LLC"]
    assert any(o["asset"] == [corvane] and o["owner"] == [names["Strata Communications"]] for o in own)


def test_grievance_is_an_outsider_report_about_the_diversion_chain() -> None:
    grievance = _world("grievance.json")
    text = grievance["text"]
    assert isinstance(text, str)
    for name in ("State Security Directorate", "Helix Integrators", "FaceTrace", "Port Meridian"):
        assert name in text
    for link in grievance["links"]:
        assert (SITE / str(link)).is_file(), link


# ----------------------------------------------------------------------------- fictional only
def test_no_real_company_names_outside_the_ofac_copies() -> None:
    ofac = _read_csv(SITE / "lists" / "ofac" / "sdn.csv")
    real = [r[1].strip() for r in ofac if r[2].strip() in ("-0-", "vessel") and len(r[1].strip()) >= 8]
    assert len(real) > 50
    files = [p for p in _text_files(SITE, UPDATES, WORLD) if "ofac" not in p.parts]
    files += [SAMPLE / "build_pdf.py", SAMPLE / "build_csl.py"]
    corpus = {p: p.read_text(encoding="utf-8").lower() for p in files}
    for name in real + REAL_VENDORS:
        pattern = re.compile(r"(?<![a-z])" + re.escape(name.lower()) + r"(?![a-z])")
        hits = [str(p) for p, text in corpus.items() if pattern.search(text)]
        assert not hits, f"real name {name!r} appears in {hits}"
