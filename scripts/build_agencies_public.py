"""Build nlp/data/agencies_public.tsv from local copies of three published lists of government bodies.

Usage (each copy read from disk; nothing is fetched; pyyaml from the dev extra):
    .venv/bin/python scripts/build_agencies_public.py --usagov agencies.sql --govuk data.jsonl \
        --intel intelligence-agencies.json --opensanctions datasets/ [--out nlp/data/agencies_public.tsv]

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
The precision guards are nlp.public_agencies' (documented there).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.public_agencies import (  # noqa: E402
    PublicAgency,
    country_code,
    finalize,
    generic_name,
    names_a_body,
    native_name_kept,
)

DATA = Path(__file__).resolve().parents[1] / "nlp" / "data"
# GOV.UK organisation types that are government bodies acting as such (not courts, advisory groups, corporations)
GOVUK_TYPES = {"Ministerial department", "Non-ministerial department", "Executive agency",
               "Executive non-departmental public body", "Executive office", "Other", "Sub-organisation"}

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usagov", type=Path, required=True)
    ap.add_argument("--govuk", type=Path, required=True)
    ap.add_argument("--intel", type=Path, required=True)
    ap.add_argument("--opensanctions", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=DATA / "agencies_public.tsv")
    ap.add_argument("--read", default="2026-12-05", help="the date the copies were read (header comment)")
    args = ap.parse_args()
    from nlp.gazetteer import _agency_rows  # the hand-made table wins over the public lists

    taken = {form for name, aliases, _ in _agency_rows(public=False) for form in (name, *aliases)}
    generic = [w for w in (DATA / "generic_agencies.txt").read_text(encoding="utf-8").splitlines()
               if w.strip() and not w.startswith("#")]
    rows = finalize([*usagov(args.usagov), *govuk(args.govuk), *intel(args.intel),
                     *opensanctions(args.opensanctions)], taken, generic)
    lines = ["# Named government bodies (GOV_AGENCY) from published lists: name\taliases (|)\tiso2\tsource",
             "# Built by scripts/build_agencies_public.py (precision guards: nlp/public_agencies.py); hand-made",
             "# nlp/data/agencies.tsv wins on a shared name or acronym. A name used by several states has no country.",
             *(f"# source {sid}: {text}; read {args.read}" for sid, text in SOURCES.items())]
    lines += [f"{r.name}\t{'|'.join(r.aliases)}\t{r.country}\t{r.source}" for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} rows ({', '.join(f'{s} {sum(r.source == s for r in rows)}' for s in SOURCES)})")


if __name__ == "__main__":
    main()
