"""Seeded generators of list files shaped as their publishers publish them, at any size, for the full-size
benchmarks. Every name is invented (syllables and common given names); nothing here describes a real party.

* ``ftm``: an OpenSanctions-shaped FollowTheMoney file (``entities.ftm.json``: one JSON entity per line, property
  values are arrays): Person, Company, Organization, LegalEntity, Vessel, Address, Sanction, Ownership,
  Directorship and Family entities, with names in Latin, Cyrillic, Greek, Arabic and Chinese script, transliterated
  aliases, countries, identifiers (registration, tax, INN, OGRN, LEI, BIC, IMO, passport) and source datasets.
  Addresses come before the entities that refer to them, sanctions and relations after.
* ``ofac``: the OFAC legacy SDN files (``sdn.csv``, ``add.csv``, ``alt.csv``): no header, CRLF rows, text
  quoted, ``-0- `` for empty, programmes packed as ``SDGT] [IRAN``, remarks with DOB, nationality, identifiers,
  ``a.k.a.`` names and ``Linked To:``, and the end-of-file byte 0x1A, as Treasury publishes them.
* ``csl``: the trade.gov Consolidated Screening List as CSV (its 29 columns, header row).

The output is streamed (memory does not grow with the size) and is the same, byte for byte, for the same seed
and size.

    .venv/bin/python benchmarks/list_files.py ftm --entities 1000000 --out /tmp/entities.ftm.json
    .venv/bin/python benchmarks/list_files.py ofac --entries 18000 --out /tmp/ofac/
    .venv/bin/python benchmarks/list_files.py csl --entries 13000 --out /tmp/csl.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

# syllables in Latin, Cyrillic and Greek script (one sound each), so a name has a transliteration
SYLLABLES = [
    ("ka", "ка", "κα"), ("ro", "ро", "ρο"), ("ti", "ти", "τι"), ("lin", "лин", "λιν"), ("mar", "мар", "μαρ"),
    ("vo", "во", "βο"), ("zen", "зен", "ζεν"), ("tri", "три", "τρι"), ("on", "он", "ον"), ("el", "эл", "ελ"),
    ("sa", "са", "σα"), ("dor", "дор", "δορ"), ("bel", "бел", "μπελ"), ("nov", "нов", "νοβ"), ("ar", "ар", "αρ"),
    ("gen", "ген", "γεν"), ("lu", "лу", "λου"), ("pe", "пе", "πε"), ("sto", "сто", "στο"), ("mi", "ми", "μι"),
    ("ra", "ра", "ρα"), ("ne", "не", "νε"), ("do", "до", "ντο"), ("kis", "кис", "κισ"), ("ta", "та", "τα"),
    ("por", "пор", "πορ"), ("ve", "ве", "βε"), ("go", "го", "γκο"), ("les", "лес", "λεσ"), ("fa", "фа", "φα"),
]  # fmt: skip
GIVEN_CYR = [
    ("Ivan", "Иван"), ("Sergei", "Сергей"), ("Olga", "Ольга"), ("Dmitry", "Дмитрий"), ("Elena", "Елена"),
    ("Alexei", "Алексей"), ("Natalia", "Наталья"), ("Mikhail", "Михаил"), ("Yuri", "Юрий"), ("Irina", "Ирина"),
    ("Pavel", "Павел"), ("Tatiana", "Татьяна"),
]  # fmt: skip
GIVEN_GREEK = [("Nikos", "Νίκος"), ("Maria", "Μαρία"), ("Giorgos", "Γιώργος"), ("Eleni", "Ελένη"),
               ("Dimitris", "Δημήτρης"), ("Sofia", "Σοφία")]  # fmt: skip
GIVEN_AR = [
    ("Ahmad", "أحمد"), ("Mohammed", "محمد"), ("Ali", "علي"), ("Hassan", "حسن"), ("Omar", "عمر"),
    ("Youssef", "يوسف"), ("Khalid", "خالد"), ("Ibrahim", "إبراهيم"), ("Fatima", "فاطمة"), ("Mariam", "مريم"),
    ("Hussein", "حسين"), ("Abdullah", "عبد الله"),
]  # fmt: skip
FAMILY_ZH = [("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
             ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴")]  # fmt: skip
GIVEN_ZH = [("Wei", "伟"), ("Fang", "芳"), ("Min", "敏"), ("Jing", "静"), ("Lei", "磊"), ("Jun", "军"),
            ("Yong", "勇"), ("Jie", "杰"), ("Tao", "涛"), ("Ming", "明"), ("Hua", "华"), ("Xin", "鑫")]  # fmt: skip
GIVEN_LATIN = ["Anna", "Carlos", "Daniel", "Hana", "Jorge", "Karim", "Lucia", "Marco", "Nadia", "Pedro",
               "Rosa", "Tomas", "Victor", "Yasmin"]  # fmt: skip
SECTORS = [
    ("Technologies", "Технологии", "科技"), ("Trading", "Трейдинг", "贸易"), ("Security", "Безопасность", "安全"),
    ("Logistics", "Логистика", "物流"), ("Systems", "Системы", "系统"), ("Shipping", "Судоходство", "航运"),
    ("Electronics", "Электроника", "电子"), ("Engineering", "Инжиниринг", "工程"), ("Group", "Групп", "集团"),
    ("Industries", "Индастриз", "实业"), ("Energy", "Энергия", "能源"), ("Optics", "Оптика", "光学"),
]  # fmt: skip
FORMS = ["Ltd", "LLC", "GmbH", "S.A.", "JSC", "Kft.", "FZE", "FZCO", "Inc.", "B.V.", "AG", "S.R.L.", "Co., Ltd.",
         "Limited", "PJSC", "Sdn. Bhd."]  # fmt: skip
ORG_KINDS = ["Foundation", "Institute", "Committee", "Brigade", "Front", "Association", "Union", "Movement"]
COUNTRIES = ["ru", "cn", "ir", "by", "kp", "sy", "ae", "tr", "hk", "cy", "gr", "de", "gb", "us", "ve", "lb",
             "iq", "af", "mm", "sg", "my", "in", "pk", "ua"]  # fmt: skip
COUNTRY_NAMES = {
    "ru": "Russia", "cn": "China", "ir": "Iran", "by": "Belarus", "kp": "North Korea", "sy": "Syria",
    "ae": "United Arab Emirates", "tr": "Turkey", "hk": "Hong Kong", "cy": "Cyprus", "gr": "Greece",
    "de": "Germany", "gb": "United Kingdom", "us": "United States", "ve": "Venezuela", "lb": "Lebanon",
    "iq": "Iraq", "af": "Afghanistan", "mm": "Burma", "sg": "Singapore", "my": "Malaysia", "in": "India",
    "pk": "Pakistan", "ua": "Ukraine",
}  # fmt: skip
CITIES = {
    "ru": ["Moscow", "Saint Petersburg", "Novosibirsk"], "cn": ["Beijing", "Shenzhen", "Shanghai"],
    "ir": ["Tehran", "Isfahan"], "by": ["Minsk"], "kp": ["Pyongyang"], "sy": ["Damascus", "Aleppo"],
    "ae": ["Dubai", "Sharjah", "Abu Dhabi"], "tr": ["Istanbul", "Ankara"], "hk": ["Hong Kong"],
    "cy": ["Limassol", "Nicosia"], "gr": ["Piraeus", "Athens"], "de": ["Hamburg", "Berlin"],
    "gb": ["London"], "us": ["Miami", "New York"], "ve": ["Caracas"], "lb": ["Beirut"], "iq": ["Baghdad"],
    "af": ["Kabul"], "mm": ["Yangon"], "sg": ["Singapore"], "my": ["Kuala Lumpur"], "in": ["Mumbai"],
    "pk": ["Karachi"], "ua": ["Kyiv"],
}  # fmt: skip
STREETS = ["Industrial Street", "Harbour Road", "Free Zone Avenue", "Sheikh Zayed Road", "Lenina Street",
           "Nanshan Road", "Tower Block", "Jebel Ali Free Zone"]  # fmt: skip
DATASETS = ["us_ofac_sdn", "eu_fsf", "gb_hmt_sanctions", "un_sc_sanctions", "ch_seco_sanctions",
            "ca_dfatd_sema_sanctions", "au_dfat_sanctions", "us_trade_csl", "jp_mof_sanctions", "ua_nsdc_sanctions"]
AUTHORITIES = {
    "us_ofac_sdn": ("Office of Foreign Assets Control", ["SDGT", "RUSSIA-EO14024", "IRAN", "CYBER2", "NPWMD"],
                    "https://sanctionssearch.ofac.treas.gov/"),
    "eu_fsf": ("European Union", ["RUS", "SYR", "IRN", "BLR"], "https://webgate.ec.europa.eu/fsd/fsf"),
    "gb_hmt_sanctions": ("HM Treasury", ["Russia", "Syria", "Cyber"], "https://www.gov.uk/government/publications"),
    "un_sc_sanctions": ("UN Security Council", ["DPRK", "ISIL (Da'esh) and Al-Qaida"], "https://www.un.org/"),
    "ch_seco_sanctions": ("State Secretariat for Economic Affairs", ["Ukraine", "Syria"], "https://www.seco.admin.ch/"),
    "ca_dfatd_sema_sanctions": ("Global Affairs Canada", ["Russia", "Belarus"], "https://www.international.gc.ca/"),
    "au_dfat_sanctions": ("Department of Foreign Affairs and Trade", ["Russia", "Iran"], "https://www.dfat.gov.au/"),
    "us_trade_csl": ("Bureau of Industry and Security", ["Entity List", "Military End User"], "https://www.trade.gov/"),
    "jp_mof_sanctions": ("Ministry of Finance Japan", ["Russia"], "https://www.mof.go.jp/"),
    "ua_nsdc_sanctions": ("National Security and Defense Council", ["Russia"], "https://www.rnbo.gov.ua/"),
}  # fmt: skip
OFAC_PROGRAMS = ["SDGT", "RUSSIA-EO14024", "IRAN", "CYBER2", "NPWMD", "SDNTK", "UKRAINE-EO13662", "IFSR",
                 "SYRIA", "DPRK3", "VENEZUELA-EO13850", "BELARUS-EO14038", "GLOMAG", "ILLICIT-DRUGS-EO14059"]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _imo(rng: random.Random) -> str:
    """A 7-digit IMO number with a valid check digit (weights 7..2 over the first six digits)."""
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return "".join(map(str, digits)) + str(check)


def _date(rng: random.Random, start: int = 1940, end: int = 2005) -> str:
    return f"{rng.randint(start, end)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


@dataclass
class Name:
    """One invented name with its forms in other scripts; ``primary`` is the name a list prints first."""

    primary: str
    aliases: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)


class Names:
    """Invented names in several scripts, drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _stem(self, lo: int = 2, hi: int = 3) -> tuple[str, str, str]:
        parts = [self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(lo, hi))]
        return tuple("".join(p[i] for p in parts) for i in range(3))  # type: ignore[return-value]

    def person(self) -> tuple[Name, str, str, str]:
        """(name, first name, last name, script) of a person."""
        rng = self.rng
        script = rng.choices(["cyrillic", "latin", "arabic", "chinese", "greek"], [35, 25, 20, 12, 8])[0]
        if script == "cyrillic":
            (g_lat, g_cyr), stem = rng.choice(GIVEN_CYR), self._stem()
            suffix = rng.choice([("ov", "ов"), ("enko", "енко"), ("in", "ин"), ("sky", "ский")])
            last_lat, last_cyr = stem[0].capitalize() + suffix[0], stem[1].capitalize() + suffix[1]
            name = Name(f"{last_cyr} {g_cyr}", [f"{g_lat} {last_lat}", f"{last_lat.upper()}, {g_lat}"])
            if rng.random() < 0.3:
                name.aliases.append(f"{g_lat} {last_lat[:-1]}ff" if last_lat.endswith("ov") else f"{g_lat[0]}. {last_lat}")
            return name, g_lat, last_lat, script
        if script == "arabic":
            (g_lat, g_ar), (f_lat, f_ar) = rng.choice(GIVEN_AR), rng.choice(GIVEN_AR)
            stem = self._stem(2, 2)[0].capitalize()
            name = Name(f"{g_lat} {f_lat} al-{stem}", [f"{g_ar} {f_ar}", f"AL-{stem.upper()}, {g_lat} {f_lat}"])
            if rng.random() < 0.4:
                name.weak.append(f"Abu {rng.choice(GIVEN_AR)[0]}")
            return name, g_lat, f"al-{stem}", script
        if script == "chinese":
            (f_lat, f_zh), (g_lat, g_zh) = rng.choice(FAMILY_ZH), rng.choice(GIVEN_ZH)
            g2 = rng.choice(GIVEN_ZH) if rng.random() < 0.6 else ("", "")
            given_lat = (g_lat + g2[0].lower()).capitalize()
            return Name(f"{f_zh}{g_zh}{g2[1]}", [f"{f_lat} {given_lat}", f"{f_lat.upper()}, {given_lat}"]), \
                given_lat, f_lat, script
        if script == "greek":
            (g_lat, g_gr), stem = rng.choice(GIVEN_GREEK), self._stem()
            last_lat, last_gr = stem[0].capitalize() + "opoulos", stem[2].capitalize() + "οπουλος"
            return Name(f"{g_gr} {last_gr}", [f"{g_lat} {last_lat}"]), g_lat, last_lat, script
        given, stem = rng.choice(GIVEN_LATIN), self._stem()
        last = stem[0].capitalize() + rng.choice(["ez", "es", "i", "a", ""])
        second = self._stem(2, 2)[0].capitalize()
        name = Name(f"{given} {last} {second}", [f"{last.upper()} {second.upper()}, {given}"])
        return name, given, last, script

    def company(self) -> tuple[Name, str]:
        """(name, script) of a company: a trade name, a sector word and a legal form."""
        rng = self.rng
        stem = self._stem()
        lat, cyr, gr = (s.capitalize() for s in stem)
        sector = rng.choice(SECTORS)
        form = rng.choice(FORMS)
        script = rng.choices(["latin", "cyrillic", "chinese", "greek"], [55, 25, 15, 5])[0]
        if script == "cyrillic":
            name = Name(f'ООО "{cyr} {sector[1]}"', [f"{lat} {sector[0]} LLC", f'OOO "{lat.upper()} {sector[0].upper()}"'])
        elif script == "chinese":
            zh = "".join(rng.choice(FAMILY_ZH)[1] + rng.choice(GIVEN_ZH)[1] for _ in range(1))
            name = Name(f"{rng.choice(CITIES['cn'])[:2]}{zh}{sector[2]}有限公司",
                        [f"{lat} {sector[0]} Co., Ltd.", f"{lat.upper()} {sector[0].upper()} CO LTD"])
        elif script == "greek":
            name = Name(f"{gr} Ναυτιλιακή Εταιρεία", [f"{lat} Shipping Company S.A.", f"{lat} Maritime"])
        else:
            name = Name(f"{lat} {sector[0]} {form}", [])
            if rng.random() < 0.4:
                name.aliases.append(f"{lat.upper()} {sector[0].upper()}")
        if rng.random() < 0.15:
            name.weak.append(lat.upper()[:3] + " " + sector[0].upper()[:4])
        return name, script

    def organization(self) -> Name:
        lat = self._stem()[0].capitalize()
        kind = self.rng.choice(ORG_KINDS)
        return Name(f"{lat} {kind}", [f"{kind} of {lat}"] if self.rng.random() < 0.4 else [])

    def vessel(self) -> Name:
        lat = self._stem(2, 2)[0].upper()
        suffix = self.rng.choice(["STAR", "PRIDE", "GLORY", "OCEAN", "I", "II", "SPIRIT", "BRIGHT"])
        return Name(f"{lat} {suffix}", [f"{lat}"] if self.rng.random() < 0.3 else [])


def _entity_id(seed: int, n: int) -> str:
    """An id shaped like an OpenSanctions 'NK-' id, stable for (seed, n)."""
    digest = hashlib.sha256(f"{seed}:{n}".encode()).digest()
    num = int.from_bytes(digest[:16], "big")
    out = []
    for _ in range(22):
        num, rem = divmod(num, len(ALPHABET))
        out.append(ALPHABET[rem])
    return "NK-" + "".join(out)


# ------------------------------------------------------------------------------------------------ FtM
def ftm_entities(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Exactly ``n`` FtM entities (all schemata counted), in file order; memory stays bounded."""
    rng = random.Random(seed)
    names = Names(rng)
    counter = 0
    emitted = 0
    recent_orgs: list[str] = []  # ids of recent companies/organizations (ownership targets), bounded
    recent_people: list[str] = []
    recent_addresses: list[str] = []

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return _entity_id(seed, counter)

    def meta(schema: str, props: dict[str, list[str]], datasets: list[str], target: bool) -> dict[str, Any]:
        first = _date(rng, 2015, 2024)
        return {"id": new_id(), "schema": schema, "caption": (props.get("name") or [""])[0],
                "properties": props, "datasets": datasets, "referents": [], "target": target,
                "first_seen": f"{first}T00:00:00", "last_seen": "2026-11-30T00:00:00",
                "last_change": f"{first}T00:00:00"}  # fmt: skip

    def remember(pool: list[str], eid: str) -> None:
        pool.append(eid)
        if len(pool) > 2000:
            del pool[: len(pool) - 1000]

    while emitted < n:
        country = rng.choice(COUNTRIES)
        datasets = sorted(set(rng.sample(DATASETS, rng.choices([1, 2, 3], [70, 22, 8])[0])))
        address_ids: list[str] = []
        if rng.random() < 0.45:
            if recent_addresses and rng.random() < 0.2:  # a shared address (several firms at one office)
                address_ids.append(rng.choice(recent_addresses))
            else:
                city = rng.choice(CITIES[country])
                street = f"{rng.randint(1, 300)} {rng.choice(STREETS)}"
                postal = f"{rng.randint(10000, 999999)}"
                addr = meta("Address", {"full": [f"{street}, {city} {postal}, {COUNTRY_NAMES[country]}"],
                                        "street": [street], "city": [city], "postalCode": [postal],
                                        "country": [country]}, datasets, False)  # fmt: skip
                yield addr
                emitted += 1
                address_ids.append(addr["id"])
                remember(recent_addresses, addr["id"])
                if emitted >= n:
                    return
        kind = rng.choices(["Person", "Company", "Organization", "LegalEntity", "Vessel"], [45, 30, 10, 10, 5])[0]
        props: dict[str, list[str]] = {"topics": ["sanction"]}
        if kind == "Person":
            name, first, last, _ = names.person()
            props.update({"firstName": [first], "lastName": [last], "birthDate": [_date(rng)],
                          "nationality": [country], "gender": [rng.choice(["male", "female"])]})  # fmt: skip
            if rng.random() < 0.4:
                props["passportNumber"] = [f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}"]
            if rng.random() < 0.2:
                props["birthDate"].append(_date(rng))
        elif kind in ("Company", "LegalEntity"):
            name, _ = names.company()
            props.update({"jurisdiction": [country], "incorporationDate": [_date(rng, 1991, 2024)]})
            if rng.random() < 0.5:
                props["registrationNumber"] = [f"{rng.randint(10**9, 10**10 - 1)}"]
            if country == "ru" and rng.random() < 0.7:
                props["innCode"] = [f"{rng.randint(10**9, 10**10 - 1)}"]
                props["ogrnCode"] = [f"1{rng.randint(10**11, 10**12 - 1)}"]
            if rng.random() < 0.1:
                props["leiCode"] = ["".join(rng.choice(ALPHABET[:34]) for _ in range(20))]
            if rng.random() < 0.05:
                props["swiftBic"] = ["".join(rng.choice("ABCDEFGHKLMNPRSTUZ") for _ in range(4)) + country.upper() + "MM"]
            if rng.random() < 0.2:
                props["website"] = [f"www.{name.aliases[0].split()[0].lower() if name.aliases else 'example'}.example"]
        elif kind == "Organization":
            name = names.organization()
        else:
            name = names.vessel()
            props.update({"imoNumber": [f"IMO {_imo(rng)}"], "flag": [country], "type": [rng.choice(
                ["Crude Oil Tanker", "General Cargo", "Bulk Carrier", "Container Ship"])],
                "mmsi": [f"{rng.randint(200, 775)}{rng.randint(100000, 999999)}"]})  # fmt: skip
        props["name"] = [name.primary]
        if name.aliases:
            props["alias"] = name.aliases
        if name.weak:
            props["weakAlias"] = name.weak
        if kind != "Vessel":
            props["country"] = [country]
        if address_ids:
            props["addressEntity"] = address_ids
        entity = meta(kind, props, datasets, True)
        yield entity
        emitted += 1
        if kind == "Person":
            remember(recent_people, entity["id"])
        elif kind != "Vessel":
            remember(recent_orgs, entity["id"])
        # a sanction for the dataset that lists it (some entries are listed twice, a few are only linked)
        for ds in datasets[: rng.choices([0, 1, 2], [15, 75, 10])[0]]:
            if emitted >= n:
                return
            authority, programs, url = AUTHORITIES[ds]
            yield meta("Sanction", {"entity": [entity["id"]], "authority": [authority],
                                    "program": [rng.choice(programs)], "startDate": [_date(rng, 2014, 2026)],
                                    "sourceUrl": [url], "country": [country],
                                    "reason": ["Operating in a sector of the economy (synthetic)"]},
                       [ds], False)  # fmt: skip
            emitted += 1
        if emitted >= n:
            return
        roll = rng.random()
        if kind in ("Company", "LegalEntity", "Organization") and recent_orgs and roll < 0.25:
            owner = rng.choice(recent_orgs + recent_people[-50:])
            if owner != entity["id"]:
                yield meta("Ownership", {"owner": [owner], "asset": [entity["id"]],
                                         "percentage": [str(rng.choice([100, 51, 50, 25.5, 10]))],
                                         "startDate": [_date(rng, 2000, 2024)]}, datasets, False)  # fmt: skip
                emitted += 1
        elif kind == "Person" and recent_orgs and roll < 0.2:
            yield meta("Directorship", {"director": [entity["id"]], "organization": [rng.choice(recent_orgs)],
                                        "role": [rng.choice(["director", "general director", "chairman"])]},
                       datasets, False)  # fmt: skip
            emitted += 1
        elif kind == "Person" and len(recent_people) > 1 and roll < 0.25:
            yield meta("Family", {"person": [entity["id"]], "relative": [recent_people[-2]],
                                  "relationship": [rng.choice(["spouse", "son", "daughter", "brother"])]},
                       datasets, False)  # fmt: skip
            emitted += 1


def write_ftm(out: IO[bytes], n: int, seed: int = 7) -> dict[str, int]:
    """Write ``n`` entities as NDJSON to OUT; returns the count per schema."""
    counts: dict[str, int] = {}
    buf: list[bytes] = []
    for entity in ftm_entities(n, seed):
        counts[entity["schema"]] = counts.get(entity["schema"], 0) + 1
        buf.append(json.dumps(entity, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
        if len(buf) >= 5000:
            out.write(b"".join(buf))
            buf.clear()
    out.write(b"".join(buf))
    return counts


# ------------------------------------------------------------------------------------------------ OFAC
NULL = "-0- "


def _q(value: str) -> str:
    """A legacy-file field: quoted text, or ``-0- `` for empty (as Treasury writes them)."""
    return f'"{value}"' if value else NULL


def _ofac_date(rng: random.Random) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{rng.randint(1, 28):02d} {rng.choice(months)} {rng.randint(1940, 2000)}"


def ofac_rows(entries: int, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """(file role, line) pairs in file order per entry: one ``sdn`` line, then its ``add`` and ``alt`` lines."""
    rng = random.Random(seed)
    names = Names(rng)
    ent_num, add_num, alt_num = 6900, 4000, 3900
    previous: list[str] = []
    for _ in range(entries):
        ent_num += rng.randint(1, 3)
        kind = rng.choices(["individual", "", "vessel", "aircraft"], [45, 48, 6, 1])[0]
        country = rng.choice(COUNTRIES)
        cname = COUNTRY_NAMES[country]
        remarks: list[str] = []
        aliases: list[tuple[str, str]] = []
        vessel = ["", "", "", "", "", ""]
        if kind == "individual":
            n, first, last, _ = names.person()
            primary = f"{last.upper()}, {first}"
            aliases += [("aka", a) for a in n.aliases[:2] if not any(ord(c) > 0x24F for c in a)]
            remarks += [f"DOB {_ofac_date(rng)}", f"POB {rng.choice(CITIES[country])}, {cname}",
                        f"nationality {cname}", f"Gender {rng.choice(['Male', 'Female'])}"]  # fmt: skip
            if rng.random() < 0.4:
                remarks.append(f"Passport {rng.randint(10**7, 10**8 - 1)} ({cname})")
        elif kind == "vessel":
            n = names.vessel()
            primary = n.primary
            vessel = [f"{rng.choice('UVDE')}{rng.randint(100, 999)}{rng.choice('ABCDEFGHIJ')}",
                      rng.choice(["Crude Oil Tanker", "General Cargo", "Bulk Carrier"]),
                      f"{rng.randint(1000, 90000)}", f"{rng.randint(1000, 90000)}", cname, ""]
            remarks += [f"Vessel Registration Identification IMO {_imo(rng)}",
                        f"MMSI {rng.randint(200, 775)}{rng.randint(100000, 999999)}"]
        elif kind == "aircraft":
            stem = names._stem(2, 2)[0].upper()
            primary = f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
            remarks += ["Aircraft Model IL-76TD", f"Aircraft Manufacturer's Serial Number (MSN) {rng.randint(10**9, 10**10)}",
                        f"Aircraft Operator {stem} AIR"]  # fmt: skip
        else:
            n, _ = names.company()
            latin = [a for a in [n.primary, *n.aliases] if not any(ord(c) > 0x24F for c in a)]
            primary = (latin[0] if latin else names.organization().primary).upper().replace('"', "")
            aliases += [("aka", a.upper().replace('"', "")) for a in latin[1:2]]
            if rng.random() < 0.5:
                remarks.append(f"Registration ID {rng.randint(10**9, 10**10)} ({cname})")
            if rng.random() < 0.2:
                remarks.append(f"Website www.{primary.split()[0].lower()}.example")
            if n.weak:
                aliases.append(("aka", n.weak[0]))
        if rng.random() < 0.3:
            remarks.append(f"a.k.a. '{names.organization().primary.upper()}'")
        if previous and rng.random() < 0.25:
            remarks.append(f"Linked To: {rng.choice(previous)}")
        programs = "] [".join(sorted(set(rng.sample(OFAC_PROGRAMS, rng.choices([1, 2], [80, 20])[0]))))
        text = "; ".join(remarks) + "." if remarks else ""
        title = rng.choice(["Director General", "Minister of Defense", "Chairman", ""]) if kind == "individual" else ""
        fields = [str(ent_num), _q(primary), _q(kind), _q(programs), _q(title)] + [_q(v) for v in vessel] + [_q(text)]
        yield "sdn", ",".join(fields)
        previous.append(primary)
        if len(previous) > 500:
            del previous[:250]
        for _ in range(rng.choices([0, 1, 2], [15, 70, 15])[0]):
            add_num += 1
            c = rng.choice([country, country, rng.choice(COUNTRIES)])
            street = f"{rng.randint(1, 300)} {rng.choice(STREETS)}" if rng.random() < 0.7 else ""
            yield "add", ",".join([str(ent_num), str(add_num), _q(street), _q(rng.choice(CITIES[c])),
                                   _q(COUNTRY_NAMES[c]), NULL])  # fmt: skip
        for alt_type, alias in aliases:
            alt_num += 1
            yield "alt", ",".join([str(ent_num), str(alt_num), alt_type, _q(alias), NULL])


def write_ofac(folder: Path, entries: int, seed: int = 7) -> dict[str, int]:
    """Write sdn.csv, add.csv and alt.csv into FOLDER; returns the row count per file."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"sdn": 0, "add": 0, "alt": 0}
    files = {role: open(folder / f"{role}.csv", "wb") for role in counts}  # noqa: SIM115
    try:
        for role, line in ofac_rows(entries, seed):
            files[role].write(line.encode("utf-8") + b"\r\n")
            counts[role] += 1
        for fh in files.values():
            fh.write(b"\x1a")
    finally:
        for fh in files.values():
            fh.close()
    return counts


# ------------------------------------------------------------------------------------------------ CSL
CSL_SOURCES = [
    "Entity List (EL) - Bureau of Industry and Security",
    "Specially Designated Nationals (SDN) - Treasury Department",
    "Military End User (MEU) List - Bureau of Industry and Security",
    "Unverified List (UVL) - Bureau of Industry and Security",
    "Denied Persons List (DPL) - Bureau of Industry and Security",
    "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
    "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
]
CSL_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
    "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
).split(",")


def write_csl(out: IO[str], entries: int, seed: int = 7) -> int:
    """Write a Consolidated Screening List CSV of ENTRIES rows to OUT; returns the row count."""
    rng = random.Random(seed)
    names = Names(rng)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSL_HEADER)
    for i in range(entries):
        source = rng.choices(CSL_SOURCES, [30, 45, 5, 3, 5, 4, 8])[0]
        country = rng.choice(COUNTRIES)
        person = rng.random() < 0.35
        if person:
            n, first, last, _ = names.person()
            name, kind = f"{last.upper()}, {first}", "Individual"
        else:
            n, _ = names.company()
            name, kind = (n.aliases[0] if n.aliases else n.primary), "Entity"
        alts = "; ".join(a for a in [n.primary, *n.aliases] if a != name)
        city = rng.choice(CITIES[country])
        row = {h: "" for h in CSL_HEADER}
        row.update({
            "_id": hashlib.sha1(f"{seed}:{i}".encode()).hexdigest(), "source": source,
            "entity_number": str(10000 + i) if "SDN" in source else "", "type": kind if "SDN" in source else "",
            "programs": rng.choice(OFAC_PROGRAMS) if "Treasury" in source else "", "name": name,
            "addresses": f"{rng.randint(1, 300)} {rng.choice(STREETS)}, {city}, {country.upper()}",
            "start_date": _date(rng, 2014, 2026), "alt_names": alts,
            "license_requirement": "For all items subject to the EAR." if "Bureau" in source else "",
            "source_list_url": "https://www.trade.gov/consolidated-screening-list",
            "nationalities": country.upper() if person else "",
            "dates_of_birth": _date(rng) if person else "",
        })
        writer.writerow([row[h] for h in CSL_HEADER])
    return entries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("format", choices=["ftm", "ofac", "csl"])
    ap.add_argument("--out", type=Path, required=True, help="file (ftm, csl) or folder (ofac)")
    ap.add_argument("--entities", "--entries", dest="size", type=int, default=None,
                    help="ftm: entities (default 1,000,000); ofac: SDN entries (18,000); csl: rows (13,000)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.format == "ftm":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "wb") as fh:
            counts = write_ftm(fh, args.size or 1_000_000, args.seed)
        print(f"{args.out}: {sum(counts.values()):,} entities {dict(sorted(counts.items()))}")
    elif args.format == "ofac":
        counts = write_ofac(args.out, args.size or 18_000, args.seed)
        print(f"{args.out}: {counts}")
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            rows = write_csl(fh, args.size or 13_000, args.seed)
        print(f"{args.out}: {rows:,} rows")


if __name__ == "__main__":
    main()
