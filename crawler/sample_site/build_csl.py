"""Write the sample site's Consolidated Screening List files (JSON and CSV) from one table.

The entries are fictional. They follow the trade.gov bulk formats: ``consolidated.json`` is
``{"results": [...]}`` with list-valued fields and structured addresses and ids; ``consolidated.csv``
has the bulk CSV header, with multi-valued cells joined by ``"; "``.

Run: ``.venv/bin/python crawler/sample_site/build_csl.py`` (rewrites both files).
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "site" / "lists" / "csl"

CSV_HEADER = [
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
]  # fmt: skip

EL = "Entity List (EL) - Bureau of Industry and Security"
DPL = "Denied Persons List (DPL) - Bureau of Industry and Security"
MEU = "Military End User (MEU) List - Bureau of Industry and Security"
UVL = "Unverified List (UVL) - Bureau of Industry and Security"
SDN = "Specially Designated Nationals (SDN) - Treasury Department"
ISN = "Nonproliferation Sanctions (ISN) - State Department"
DTC = "ITAR Debarred (DTC) - State Department"

LIST_URLS = {
    EL: "https://www.bis.gov/entity-list",
    DPL: "https://www.bis.gov/dpl",
    MEU: "https://www.bis.gov/meu",
    UVL: "https://www.bis.gov/uvl",
    SDN: "https://sanctionslist.ofac.treas.gov/Home/SdnList",
    ISN: "https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/",
    DTC: "https://www.pmddtc.state.gov/",
}

EAR_ALL = "For all items subject to the EAR. (See §744.11 of the EAR)."


def _addr(address: str, city: str, country: str, state: str = "", postal: str = "") -> dict[str, str | None]:
    return {
        "address": address,
        "city": city,
        "state": state or None,
        "postal_code": postal or None,
        "country": country,
    }


ENTRIES: list[dict[str, Any]] = [
    {
        "source": EL, "name": "Strata Communications",
        "alt_names": ["Strata Comms", "Strata Communications FZ-LLC", "Strata Telecom Solutions"],
        "addresses": [
            _addr("Unit 14, Harbour Gate Business Park, Port Meridian Free Zone", "Port Meridian", "XC"),
            _addr("22 Varnak Street", "Kessel", "XO", postal="10420"),
        ],
        "federal_register_notice": "90 FR 44518", "start_date": "2025-09-16",
        "license_requirement": EAR_ALL, "license_policy": "Presumption of denial.",
        "remarks": "Supplied lawful-intercept, IMSI-catcher and deep packet inspection equipment to the "
        "State Security Directorate of the Ostrava Republic, used to surveil journalists and protesters.",
    },
    {
        "source": EL, "name": "Helix Integration Services Ltd.",
        "alt_names": ["HIS Ltd."],
        "addresses": [_addr("7 Canal Street", "Lumen City", "XL", postal="2204")],
        "federal_register_notice": "89 FR 60190", "start_date": "2024-08-01",
        "license_requirement": EAR_ALL, "license_policy": "Case-by-case review.",
        "remarks": "Diversion of controlled navigation electronics to unauthorized end users.",
    },
    {
        "source": EL, "name": "Kessel Signals Research Institute",
        "alt_names": ["KSRI", "Kessel Institute of Signals Research"],
        "addresses": [_addr("3 Observatory Lane", "Kessel", "XO", postal="10115")],
        "federal_register_notice": "88 FR 71102", "start_date": "2023-10-12",
        "license_requirement": EAR_ALL, "license_policy": "Presumption of denial.",
    },
    {
        "source": EL, "name": "Tessaract Cyber Solutions",
        "alt_names": ["Tessaract Labs", "Tessaract Cyber FZCO"],
        "addresses": [
            _addr("Office 310, Block C, Port Meridian Free Zone", "Port Meridian", "XC"),
            _addr("88 Wharf Road", "Calder City", "XC"),
        ],
        "federal_register_notice": "90 FR 44518", "start_date": "2025-09-16",
        "license_requirement": EAR_ALL, "license_policy": "Presumption of denial.",
        "remarks": "Trafficking in cyber exploits used to gain access to information systems.",
    },
    {
        "source": DPL, "name": "Meridian Freight Lines Ltd.",
        "alt_names": [],
        "addresses": [_addr("41 Dockside Avenue", "Kessel", "XO", postal="10388")],
        "federal_register_notice": "89 FR 33871", "start_date": "2024-04-29", "end_date": "2034-04-29",
        "standard_order": "Y",
        "remarks": "Denial order issued for unlicensed export of thermal-imaging cameras.",
    },
    {
        "source": MEU, "name": "Quillon Aerotech",
        "alt_names": ["Quillon Aerotechnical Works"],
        "addresses": [_addr("Industrial Zone North, Building 9", "Kessel", "XO")],
        "federal_register_notice": "88 FR 90221", "start_date": "2023-12-28",
        "license_requirement": "For items listed in supplement no. 2 to part 744.",
        "license_policy": "Presumption of denial.",
    },
    {
        "source": UVL, "name": "Oblique Networks Ltd.",
        "alt_names": [],
        "addresses": [_addr("Suite 12, Harbourline House, 5 Quay Road", "Lumen City", "XL")],
        "federal_register_notice": "90 FR 12077", "start_date": "2025-03-04",
        "remarks": "End-use check could not be completed.",
    },
    {
        "source": SDN, "entity_number": "95101", "type": "Entity", "name": "NORTHGATE TRADING HOUSE",
        "programs": ["OSTRAVA-EO15012"],
        "alt_names": ["NTH", "NORTHGATE TRADING HOUSE LLC"],
        "addresses": [_addr("17 Foundry Street", "Kessel", "XO")],
        "start_date": "2025-05-20",
        "remarks": "Registration ID 7719403 (Ostrava Republic); Linked To: QUILLON AEROTECH.",
        "ids": [{"type": "Registration ID", "number": "7719403", "country": "XO"}],
    },
    {
        "source": SDN, "entity_number": "95102", "type": "Individual", "name": "VARGA, Dorin",
        "programs": ["OSTRAVA-EO15012"], "title": "Deputy Director, Kessel Signals Research Institute",
        "alt_names": ["VARGA, Dorin Petru"],
        "addresses": [_addr("", "Kessel", "XO")],
        "start_date": "2025-05-20",
        "dates_of_birth": ["1971-03-12"], "nationalities": ["XO"], "citizenships": ["XO"],
        "places_of_birth": ["Kessel, Ostrava Republic"],
        "remarks": "DOB 12 Mar 1971; POB Kessel, Ostrava Republic; nationality Ostrava Republic; Gender Male.",
    },
    {
        "source": SDN, "entity_number": "95103", "type": "Vessel", "name": "SABLE HARBOR",
        "programs": ["OSTRAVA-EO15012"],
        "call_sign": "9XSH2", "vessel_type": "General Cargo", "gross_tonnage": "8950",
        "gross_registered_tonnage": "8950", "vessel_flag": "Calder", "vessel_owner": "Sable Harbor Shipping Co.",
        "start_date": "2025-05-20",
        "remarks": "IMO 9400117; Linked To: NORTHGATE TRADING HOUSE.",
        "ids": [{"type": "Vessel Registration Identification", "number": "IMO 9400117", "country": None}],
    },
    {
        "source": ISN, "name": "Varnak Propulsion Bureau",
        "programs": ["INKSNA"], "alt_names": ["VPB"],
        "addresses": [_addr("", "Kessel", "XO")],
        "federal_register_notice": "89 FR 20355", "start_date": "2024-03-22",
    },
    {
        "source": DTC, "type": "Individual", "name": "Marrow, Ilse",
        "addresses": [_addr("", "Aldmere", "XV")],
        "federal_register_notice": "88 FR 51410", "start_date": "2023-08-03",
        "dates_of_birth": ["1966"],
    },
]  # fmt: skip

ALL_FIELDS = CSV_HEADER[1:]
LIST_FIELDS = ("programs", "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth")


def _record(entry: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": hashlib.sha1(f"{entry['source']}|{entry['name']}".encode()).hexdigest()[:24]}
    for name in ALL_FIELDS:
        if name in LIST_FIELDS or name in ("addresses", "ids"):
            rec[name] = list(entry.get(name, []))
        else:
            rec[name] = entry.get(name) or None
    rec["source_list_url"] = LIST_URLS[entry["source"]]
    rec["source_information_url"] = LIST_URLS[entry["source"]]
    return rec


def _address_text(a: dict[str, Any]) -> str:
    city_line = " ".join(p for p in (a.get("city"), a.get("state"), a.get("postal_code")) if p)
    return ", ".join(p for p in (a.get("address"), city_line, a.get("country")) if p)


def _csv_row(rec: dict[str, Any]) -> list[str]:
    row: list[str] = [rec["id"]]
    for name in ALL_FIELDS:
        value = rec[name]
        if name == "addresses":
            row.append(
                "; and ".join(_address_text(a) for a in value)
                if rec["source"] == EL
                else "; ".join(_address_text(a) for a in value)
            )
        elif name == "ids":
            row.append(
                "; ".join(
                    ", ".join(p for p in (i["type"], i["number"], i.get("country")) if p) for i in value
                )
            )
        elif isinstance(value, list):
            row.append("; ".join(value))
        else:
            row.append("" if value is None else str(value))
    return row


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    records = [_record(e) for e in ENTRIES]
    (OUT / "consolidated.json").write_text(
        json.dumps({"results": records}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    with (OUT / "consolidated.csv").open("w", newline="", encoding="utf-8") as fh:
        fh.write(",".join(CSV_HEADER) + "\n")
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for rec in records:
            writer.writerow(_csv_row(rec))


if __name__ == "__main__":
    main()
