"""Build nlp/data/agencies_public.tsv from local copies of three published lists of government bodies.

Usage (each copy read from disk; nothing is fetched; pyyaml from the dev extra):
    .venv/bin/python scripts/build_agencies_public.py --usagov agencies.sql --govuk data.jsonl \
        --intel intelligence-agencies.json --opensanctions datasets/ --factbook factbook.json/ \
        --govdirectory govdirectory-pages/ --dpas supervisory-authorities/ [--out nlp/data/agencies_public.tsv]

- ``--usagov``: USA.gov's A-Z index of federal agencies as copied by GSA's Solicitation Review Tool
  (github.com/GSA/srt-api, db/scripts/agencies.sql: id, agency, acronym). US government work, public domain.
- ``--govuk``: the GOV.UK organisations API (www.gov.uk/api/organisations) as kept by
  github.com/openregister/government-organisation-data (lists/govuk/data.jsonl). Crown copyright, OGL v3.
- ``--intel``: Wikipedia's "List of intelligence agencies" as kept by github.com/MISP/misp-galaxy
  (clusters/intelligence-agencies.json: value, description "English name (ACRONYM) - native name", meta.country).
  Wikipedia text, CC BY-SA 4.0.
- ``--opensanctions``: a folder of OpenSanctions dataset metadata files (github.com/opensanctions/opensanctions,
  datasets/**/*.yml, MIT): each list's publisher with ``official: true`` and an ISO country (ministries, police
  forces, financial intelligence units, sanctions authorities), ``name_en``/``name``/``acronym``.
- ``--factbook``: the CIA World Factbook's country profiles as kept by github.com/factbook/factbook.json (one JSON
  file per country, ``**/*.json``): the field "Military and Security" > "Military and security forces" names each
  state's armed services, police forces, gendarmeries, coast guards and border guards and the ministries they answer
  to ("Ministry of Home Affairs: Bangladesh Police, Border Guard Bangladesh (BGB), ... Rapid Action Battalion (RAB)").
  The country is the profile's ("Government" > "Country name" > "conventional short form"). US government work,
  public domain; the copy is dedicated to the public domain.
- ``--govdirectory``: Govdirectory's country pages (www.govdirectory.org, built from Wikidata by
  github.com/govdirectory/website, branch gh-pages, ``<country>/index.html``): each state's ministries, departments,
  national agencies, regulators and commissions with their Wikidata type ("executive department of the
  Philippines", "Chapter nine institutions", "Moroccan public institution"); the country is the page's heading.
  Wikidata and Govdirectory: CC0 1.0. Only the types in GOVDIRECTORY_TYPES are read (no municipality, province,
  embassy, court or legislature), and only names with a body word (``names_a_body``: no university or hospital).
- ``--dpas``: the data-protection supervisory authorities of Europe (EEA, the UK, Switzerland) as kept by
  Datenanfragen.de (github.com/datenanfragen/data, supervisory-authorities/*.json: ``name`` "native name (English
  name)", ``relevant-countries``). CC0 1.0. The data-protection officers of churches and public broadcasters the
  same folder lists (German law gives them their own) are no state bodies and are left out.
The precision guards are nlp.public_agencies' (documented there).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import countrynames  # noqa: E402
import pycountry  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

from nlp.gazetteer import Gazetteer  # noqa: E402
from nlp.public_agencies import (  # noqa: E402
    PublicAgency,
    country_code,
    finalize,
    generic_name,
    is_english_word,
    looks_like_acronym,
    names_a_body,
    native_name_kept,
    tidy_form,
)

DATA = Path(__file__).resolve().parents[1] / "nlp" / "data"
# GOV.UK organisation types that are government bodies acting as such (not courts, advisory groups, corporations)
GOVUK_TYPES = {"Ministerial department", "Non-ministerial department", "Executive agency",
               "Executive non-departmental public body", "Executive office", "Other", "Sub-organisation"}

# Govdirectory's Wikidata types of national bodies that act as the state (ministries, departments, agencies,
# regulators, commissions); places, embassies, courts, legislatures, funds and firms are left out
GOVDIRECTORY_TYPES = {
    "Bundesministerium", "Canadian federal department", "Chapter nine institutions", "Cypriot government department",
    "Department of State", "Executive Office of the President of the United States", "Federal Ministry in Germany",
    "Federal Public Service", "Icelandic government ministry", "Independent Crown Entity", "Autonomous Crown Entity",
    "Inspectorate", "Ministries of Japan", "Ministry in Bermuda", "Ministry in the government of Luxembourg",
    "Ministry of Ghana", "Ministry of Latvia", "Ministry of Malta", "Ministry of Norway", "Moroccan public institution",
    "New Zealand Public Service department", "Non-Public Service departments", "Swedish government agency",
    "Ukrainian ministry", "Union Government ministries of India", "United States federal executive department",
    "authority under the Riksdag", "defence ministry", "department of the South African government",
    "department of the United Kingdom Government", "departmental agency", "deputy ministry of Cyprus Republic",
    "directorate in Norway", "executive agency of Bulgaria", "executive department of the Philippines",
    "federal department of Switzerland", "federal ministry in Russia", "government agency of Cyprus",
    "independant government agency of Bulgaria", "state agency of Bulgaria", "undersecretariat of Chile",
    "ministries of Denmark", "ministry of Bulgaria", "ministry of Cameroon", "ministry of Chile", "ministry of Cuba",
    "ministry of Cyprus Republic", "ministry of Eswatini", "ministry of Finland", "ministry of Indonesia",
    "ministry of Malaysia", "ministry of Morocco", "ministry of Nepal", "ministry of Peru", "ministry of Portugal",
    "ministry of Singapore", "ministry of Sweden", "ministry of Timor-Leste", "ministry of Uruguay",
    "ministry of the Czech Republic", "ministry of the Netherlands",
    # the European Union's agencies and bodies (not its institutions, banks or joint undertakings with firms)
    "decentralised agency of the European Union", "common foreign and security policy agency of the European Union",
    "executive agency of the European Union", "body of the European Union", "Euratom agency",
    "Interinstitutional Service of the European Union",
}
# Datenanfragen.de's records of the data-protection officers of German churches and public broadcasters
_NOT_STATE_DPA = re.compile(r"Bistum|Bistümer|Katholisch|Kirchlich|\bEKD\b|Rundfunk")
# a public institution that teaches, heals or shows ("Ibn Sina hospital center") is no agency acting as the state
_NOT_AGENCY_WORDS = {"university", "hospital", "school", "college", "academy", "museum", "theatre", "theater",
                     "library", "archives", "fund", "bank"}

SOURCES = {
    "usagov-az": ("USA.gov A-Z index of U.S. government departments and agencies (www.usa.gov/federal-agencies), "
                  "copy in github.com/GSA/srt-api db/scripts/agencies.sql @efb93254 (2023-08-24); "
                  "US government work, public domain"),
    "govuk-orgs": ("GOV.UK organisations (www.gov.uk/government/organisations, API /api/organisations), copy in "
                   "github.com/openregister/government-organisation-data lists/govuk/data.jsonl @3e8ff47c (2017-10-17); "
                   "Crown copyright, Open Government Licence v3.0; live organisations only"),
    "opensanctions-publishers": ("the publishers of the lists OpenSanctions collects (official bodies only), "
                                 "github.com/opensanctions/opensanctions datasets/**/*.yml @f33cff23 (2026-08-22); MIT"),
    "wikipedia-intel": ("Wikipedia, List of intelligence agencies (en.wikipedia.org/wiki/List_of_intelligence_agencies), "
                        "copy in github.com/MISP/misp-galaxy clusters/intelligence-agencies.json @9434ace4 (2026-08-06); "
                        "CC BY-SA 4.0"),
    "factbook-forces": ("CIA, The World Factbook, field \"Military and security forces\" of each country profile "
                        "(www.cia.gov/the-world-factbook/), copy in github.com/factbook/factbook.json **/*.json "
                        "@8662a8b1 (2026-05-17); US government work, public domain (the copy: public domain dedication)"),
    "govdirectory": ("Govdirectory, government agencies by country from Wikidata (www.govdirectory.org), country pages "
                     "<country>/index.html of github.com/govdirectory/website branch gh-pages @f65ddc73 (2026-04-06); "
                     "CC0 1.0 (Wikidata: CC0 1.0); national ministries, departments and agencies only"),
    "datenanfragen-dpas": ("Datenanfragen.de, data-protection supervisory authorities of Europe, "
                           "github.com/datenanfragen/data supervisory-authorities/*.json @20655aa5 (2026-03-08); CC0 1.0; "
                           "state authorities only"),
}


def usagov(path: Path) -> list[PublicAgency]:
    rows = []
    in_copy = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("COPY "):
            in_copy = True
            continue
        if in_copy and line == "\\.":
            break
        if in_copy:
            cols = line.split("\t")
            name, acronym = cols[1].strip(), cols[2].strip()
            # inverted forms ("Archives, National Archives and Records Administration"), publications, programmes
            # and broadcasters ("Federal Register", "Energy Star Program", "Voice of America") are no agencies
            listed_only = "," in name or not names_a_body(name)
            rows.append(PublicAgency(name, "" if generic_name(name) else "US", "usagov-az",
                                     [acronym] if acronym else [], listed_only))
    return rows


def govuk(path: Path) -> list[PublicAgency]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        org = json.loads(line)
        details = org.get("details") or {}
        if org.get("format") not in GOVUK_TYPES or details.get("govuk_status") != "live" or details.get("closed_at"):
            continue
        abbreviation = (details.get("abbreviation") or "").strip()
        aliases = [abbreviation] if abbreviation and abbreviation != org["title"] else []
        title = org["title"].strip()
        rows.append(PublicAgency(title, "" if generic_name(title) else "GB", "govuk-orgs", aliases))
    return rows


_INTEL = re.compile(r"^(?P<en>[^(–]+?)\s*(?:\((?P<acr>[^)]+)\))?\s*(?:(?:–| - )\s*(?P<native>.+))?$")


def _clean(text: str) -> str:
    """Without Wikipedia's citation and interlanguage marks ("[33]", "[ko]")."""
    return re.sub(r"\s*\[[^\]]*\]", "", text).strip()


def intel(path: Path) -> list[PublicAgency]:
    rows = []
    for value in json.loads(path.read_text(encoding="utf-8"))["values"]:
        meta = value.get("meta") or {}
        if not meta.get("country"):
            continue
        m = _INTEL.match(_clean(value.get("description") or ""))
        title = re.sub(r"\s*\([^)]*\)$", "", _clean(value["value"])).strip()  # "National Intelligence Service (Albania)"
        name = m.group("en").strip() if m else title
        aliases = []
        if m and m.group("acr"):
            acr, _, native = m.group("acr").partition(";")  # "(DRM; Direction du renseignement militaire)"
            aliases += [a.strip() for a in re.split(r"[,/]", acr)]
            if native_name_kept(native.strip()):
                aliases.append(native.strip())
        if m and m.group("native") and native_name_kept(m.group("native").strip()):
            aliases.append(m.group("native").strip())
        aliases += [title, *(_clean(a) for a in meta.get("synonyms", []))]
        name, *more = [part.strip() for part in name.split("/")]  # "Security Service/MI5"
        aliases = [*more, *aliases]
        country = "" if generic_name(name) else country_code(meta["country"])  # "Security Service": many states'
        rows.append(PublicAgency(name, country, "wikipedia-intel", [a for a in aliases if a]))
    return rows


def opensanctions(folder: Path) -> list[PublicAgency]:
    import yaml  # the dev extra's pyyaml: this script runs offline, never in the application

    rows = []
    for path in sorted(folder.rglob("*.y*ml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        publisher = meta.get("publisher") if isinstance(meta, dict) else None
        if not isinstance(publisher, dict) or publisher.get("official") is not True:
            continue
        code = str(publisher.get("country") or "")
        try:
            country = country_code(code)
        except ValueError:
            continue  # "zz" (international), "eu": no state
        name = str(publisher.get("name_en") or publisher["name"]).strip()
        m = re.match(r"^(.+?)\s*\(([^)]+)\)$", name)  # "State Secretariat for Economic Affairs (SECO)"
        aliases = [m.group(2)] if m else []
        name = m.group(1) if m else name
        aliases += [str(publisher[k]).strip() for k in ("acronym", "name") if publisher.get(k)]
        if generic_name(name):
            country = ""
        rows.append(PublicAgency(name, country, "opensanctions-publishers", [a for a in aliases if a != name]))
    return rows


_TAGS = re.compile(r"<[^>]+>")
_NAME_PARTICLES = {"of", "the", "and", "for", "on", "in", "de", "del", "la", "y", "et", "du", "des"}
_YEAR = re.compile(r"\s*\((?:19|20)\d\d\)")  # "(2025)": the year the entry was updated


def _top_level_split(text: str, separators: str) -> list[str]:
    """``text`` cut at each of ``separators`` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth = max(0, depth + (ch == "(") - (ch == ")"))  # "Jordanian Navy)": a bracket closed twice
        if depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _outside_brackets(text: str, pattern: str) -> list[tuple[int, int]]:
    """The spans of ``pattern`` in ``text`` outside brackets."""
    depth_at = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        depth_at[i + 1] = max(0, depth_at[i] + (ch == "(") - (ch == ")"))
    return [m.span() for m in re.finditer(pattern, text) if depth_at[m.start()] == 0]


def _brackets(item: str) -> tuple[str, list[str]]:
    """"Royal Malaysia Police (RMP or Polis Diraja Malaysia, PDRM)" -> the name without its brackets and the texts
    inside them, outermost only."""
    inner, name, depth, start = [], [], 0, 0
    for i, ch in enumerate(item):
        if ch == "(":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == ")":
            if not depth:
                continue  # "Jordanian Navy)": a bracket closed twice in the entry
            depth -= 1
            if depth == 0:
                inner.append(item[start:i].strip())
        elif depth == 0:
            name.append(ch)
    return re.sub(r"\s+", " ", "".join(name)).strip(" ,.;"), inner


def factbook_forces(text: str) -> list[tuple[str, list[str]]]:
    """The bodies a Factbook "Military and security forces" text names, each with its aliases: parents before a
    colon ("Ministry of Interior: ..."), members of an "includes" list in brackets, alternative names ("aka", "or",
    the native name and acronym in brackets)."""
    text = _YEAR.sub("", html.unescape(_TAGS.sub(" ", text.replace("<br>", ";"))))
    items: list[str] = []
    for segment in _top_level_split(text, ";"):
        parent, colon, members = segment.rpartition(":") if ":" in _brackets(segment)[0] else ("", "", segment)
        if colon:  # "Coordinating Ministry for Political, Legal, and Security Affairs: ...": one name
            items.append(parent)
        # "(includes National Guard and the Volunteer Force)": two bodies; "Security and Civil Defense Corps": one
        for part in _top_level_split(members, ","):
            start = 0
            for begin, end in _outside_brackets(part, r"\s+and\s+(?=the\s)"):
                items.append(part[start:begin])
                start = end
            items.append(part[start:])
    out: list[tuple[str, list[str]]] = []
    for item in items:
        name, inner = _brackets(re.sub(r"^(?:and|includes|including|the)\s+", "", item.strip()))
        name = tidy_form(name)  # "The Barbados Coast Guard", "People\u2019s Militia": as prepared text writes it
        name, *slashed = [n.strip() for n in name.split("/")]  # "Border Guard Forces/Police"
        if not name or any(w.islower() and w not in _NAME_PARTICLES for w in name.split()) or re.search(r"[()\[\];:]", name):
            continue  # "Mexican Armed Forces are divided between ...": a sentence; "Air Defense), ...": a bracket astray
        aliases: list[str] = [n for n in slashed if n]
        for part in inner:
            for piece in _top_level_split(part, ";"):
                # "(includes Assam Rifles, Border Security Force, ...)", "(Armada de Mexico (ARM), includes Naval
                # Air Force (FAN), ...)": the bodies after "includes" are bodies of their own
                # ("(specialized units include the Police Counterterrorism Response Unit, ...)": units, no aliases)
                cut = _outside_brackets(piece, r"(?:^|,\s*)(?:[a-z]+\s+){0,3}?(?:includes?|including)\s+")
                if cut:
                    out.extend(factbook_forces(piece[cut[0][1]:]))
                    piece = piece[: cut[0][0]]
                if not piece.strip():
                    continue
                piece = re.sub(r"^(?:aka|also known as|formerly)\s+", "", piece)
                for alias in _top_level_split(re.sub(r"\s+or\s+", ",", piece), ","):
                    alias = tidy_form(_brackets(alias)[0])  # 'Forsvaret or "the Defense"': no quotes, no article
                    if alias and not countrynames.to_code(alias):  # "Punjab (Pakistan) Rangers": no alias
                        aliases.append(alias)
        out.append((name, aliases))
    return out


def _initials_of_a_generic_name(acronym: str, name: str) -> bool:
    """True when ``acronym`` has three letters, spells the initials of ``name`` and ``name`` without its state is a
    generic name: "RMP" of "Royal Malaysia Police" is also the Rajshahi Metropolitan Police and the Royal Military
    Police; such initials link to the body only where the text introduces them in brackets. "PDRM" (Polis Diraja
    Malaysia) and "UPDF" (Uganda People's Defense Force) stay."""
    words = [w for w in name.split() if w.lower() not in {"of", "the", "and", "for"}]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    rest = " ".join(w for w in name.split() if not countrynames.to_code(w))
    return (looks_like_acronym(acronym) and len(acronym) <= 3 and acronym == initials and rest != name
            and generic_name(rest))


def factbook(folder: Path) -> list[PublicAgency]:
    rows: list[PublicAgency] = []
    for path in sorted(folder.rglob("*.json")):
        profile = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(profile, dict):
            continue
        names = (profile.get("Government") or {}).get("Country name") or {}
        country = ""
        for form in ("conventional short form", "conventional long form"):
            code = countrynames.to_code(str((names.get(form) or {}).get("text") or ""))
            if code and pycountry.countries.get(alpha_2=code) is not None:
                country = code
                break
        forces = ((profile.get("Military and Security") or {}).get("Military and security forces") or {}).get("text")
        if not country or not forces:
            continue  # oceans, Antarctica, the world; a profile without the field
        for name, aliases in factbook_forces(forces):
            # "Ministry of Interior", "Air Force", "Border Security Force": every state's parent ministry or service,
            # named without its state; the ruler's generic rules take the state from the text, and such a row would
            # only take the aliases of another list's body of that name ("U.S. Department of Transportation")
            if not generic_name(name):
                rows.append(PublicAgency(name, country, "factbook-forces",
                                         [a for a in aliases if not _initials_of_a_generic_name(a, name)]))
    states: dict[str, set[str]] = {}
    for r in rows:
        states.setdefault(r.name, set()).add(r.country)
    # "Gendarmerie", "Militia" of several states: one word, no state, another reading at a sentence's start
    # "Maritime" ("Maritime, Air, and Cyber Command" cut at its commas): one English word is no name
    return [r for r in rows if " " in r.name or (len(states[r.name]) == 1 and not is_english_word(r.name)
                                                  and zipf_frequency(r.name.lower(), "en") < 3.0)]


class _CountryPage(HTMLParser):
    """A Govdirectory country page: its heading (the country) and the rows of its table of bodies (name, Wikidata
    id, type)."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = ""
        self.rows: list[tuple[str, str, str]] = []
        self._in_h1 = self._in_table = False
        self._cells: list[str] = []
        self._qid = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self._in_h1 = True
        elif tag == "tbody" and dict(attrs).get("id") == "mainOrgTable":
            self._in_table = True
        elif self._in_table and tag == "tr":
            self._cells, self._qid = [], ""
        elif self._in_table and tag == "td":
            self._cells.append("")
        elif self._in_table and tag == "a" and len(self._cells) == 1 and not self._qid:
            self._qid = (dict(attrs).get("href") or "").strip("/")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "tbody":
            self._in_table = False
        elif self._in_table and tag == "tr" and len(self._cells) >= 3:
            self.rows.append((self._cells[0].strip(), self._qid, self._cells[-1].strip()))

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.heading += data
        elif self._in_table and self._cells:
            self._cells[-1] += data


_RARE_WORD_ZIPF = 3.0  # a word this rare in English text is one state's coinage ("Chieftaincy", "Grievances")


@cache
def _countries() -> Gazetteer:
    """The packaged gazetteer, built once (its country names, demonyms and capitals)."""
    return Gazetteer.default()


def _carries_its_state(name: str, state: str) -> bool:
    """True when ``name`` names its state, by a country's name, demonym or capital of nlp/data/countries.tsv
    ("Swedish Police Authority", "Electoral Commission of South Africa"), or has four words or more besides "of",
    "the", "and" of which one is rare in English text (wordfreq Zipf < 3.0: "Ministry of Personnel, Public
    Grievances and Pensions"). Wikidata's English labels of other states' bodies are translations without the
    state, and many states name a portfolio alike: "Department of Corrections" (New Zealand, many U.S. states),
    "Ministry of Health and Family Welfare" (India, Bangladesh), "Ministry of Finance and Economic Affairs"
    (Iceland, the Gambia); Govdirectory covers some forty states, so such a name is a body of that kind, its state
    given by the text."""
    words = [w.strip(",.'’") for w in re.split(r"[\s,/–-]+", name)
             if w and w.lower() not in {"of", "the", "and", "for", "&", "in", "on"}]
    plain = name.replace(",", " ").split()
    grams = (" ".join(plain[i:i + n]) for n in (1, 2, 3) for i in range(len(plain) - n + 1))
    if any(_countries().country_code(g) for g in grams):
        return True
    if state == "EU" and re.search(r"\bEurop", name):  # "European Data Protection Supervisor": the Union's
        return True
    return len(words) >= 4 and any(zipf_frequency(w.lower(), "en") < _RARE_WORD_ZIPF for w in words if w)


def govdirectory(folder: Path) -> list[PublicAgency]:
    rows: list[PublicAgency] = []
    for path in sorted(folder.rglob("index.html")):
        page = _CountryPage()
        page.feed(path.read_text(encoding="utf-8"))
        heading = re.sub(r"\s+", " ", page.heading).strip()
        code = "EU" if heading == "European Union" else countrynames.to_code(heading)  # "Defense": a topic page
        if not code or (code != "EU" and pycountry.countries.get(alpha_2=code) is None):
            continue
        for name, qid, kind in page.rows:
            name = re.sub(r"\s+", " ", name).strip()
            words = {w.lower().strip(",.'") for w in name.split()}
            if kind not in GOVDIRECTORY_TYPES or not re.fullmatch(r"Q\d+", qid) or not names_a_body(name) \
                    or words & _NOT_AGENCY_WORDS:
                continue
            # "Ministry of Commerce and Industry (India)", "Ministry of Finance of India": Wikidata's disambiguated
            # label; the bracket is no part of the name
            name = re.sub(r"\s*\([^)]*\)$", "", name)
            # "Ministry of Finance", "Department of Agriculture": every state's, named without it; as for the
            # Factbook's, the ruler's generic rules take the state from the text, and such a row would only take
            # the aliases of another list's body of that name
            if not generic_name(name):
                rows.append(PublicAgency(name, code if _carries_its_state(name, code) else "", "govdirectory"))
    return rows


def _dpa_names(text: str) -> tuple[str, list[str]]:
    """"Garante per la protezione dei dati personali (Italian Data Protection Authority)" -> the English name and the
    others: the native name, acronyms before or after a dash ("UODO – Urząd Ochrony Danych Osobowych", "... – CNIL")
    or in brackets ("(BayLDA)"), the names of a bilingual state after a comma (Belgium)."""
    english = ""
    others: list[str] = []
    for inner in re.findall(r"\(([^()]+)\)", text):
        if looks_like_acronym(inner):
            others.append(inner)
        else:  # "National Commission for Data Protection, Grand-Duchy of Luxembourg": the state after a comma
            english = re.sub(r"^The\s+", "", inner.split(", ")[0].strip())
    outer = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", text)).strip()
    for part in re.split(r"\s+[–—-]\s+|,\s+", outer):
        part = re.sub(r"^(?:The|Der|Die|Das)\s+", "", part.strip())
        if part:
            others.append(part)
    names = [n for n in others if not looks_like_acronym(n)]
    name = english or (names[0] if names else others[0])
    return name, [o for o in others if o != name]


def dpas(folder: Path) -> list[PublicAgency]:
    rows = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        countries = [c for c in record.get("relevant-countries", []) if c != "all"]
        if len(countries) != 1 or _NOT_STATE_DPA.search(record["name"]):
            continue
        name, aliases = _dpa_names(record["name"])
        rows.append(PublicAgency(name, country_code(countries[0]), "datenanfragen-dpas", aliases))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usagov", type=Path, required=True)
    ap.add_argument("--govuk", type=Path, required=True)
    ap.add_argument("--intel", type=Path, required=True)
    ap.add_argument("--opensanctions", type=Path, required=True)
    ap.add_argument("--factbook", type=Path, required=True)
    ap.add_argument("--govdirectory", type=Path, required=True)
    ap.add_argument("--dpas", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=DATA / "agencies_public.tsv")
    ap.add_argument("--read", default="2026-12-05", help="the date the copies were read (header comment)")
    args = ap.parse_args()
    from nlp.gazetteer import _agency_rows  # the hand-made table wins over the public lists

    taken = {form for name, aliases, _ in _agency_rows(public=False) for form in (name, *aliases)}
    generic = [w for w in (DATA / "generic_agencies.txt").read_text(encoding="utf-8").splitlines()
               if w.strip() and not w.startswith("#")]
    listed = [*usagov(args.usagov), *govuk(args.govuk), *intel(args.intel), *opensanctions(args.opensanctions),
              *factbook(args.factbook), *dpas(args.dpas)]
    # a Govdirectory name without its state that another list has: that list's state stands
    names = {r.name for r in listed}
    listed += [r for r in govdirectory(args.govdirectory) if r.country or r.name not in names]
    rows = finalize(listed, taken, generic)
    lines = ["# Named government bodies (GOV_AGENCY) from published lists: name\taliases (|)\tiso2\tsource",
             "# Built by scripts/build_agencies_public.py (precision guards: nlp/public_agencies.py); hand-made",
             "# nlp/data/agencies.tsv wins on a shared name or acronym. A name used by several states has no country.",
             *(f"# source {sid}: {text}; read {args.read}" for sid, text in SOURCES.items())]
    lines += [f"{r.name}\t{'|'.join(r.aliases)}\t{r.country}\t{r.source}" for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} rows ({', '.join(f'{s} {sum(r.source == s for r in rows)}' for s in SOURCES)})")


if __name__ == "__main__":
    main()
