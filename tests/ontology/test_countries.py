"""The country authority: every real spelling in OFAC, CSL, FtM and Freedom House files resolves to its ISO
3166-1 alpha-2 code, the sample world's fictional countries keep theirs, and junk gives None, never an error."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontology.countries import country_code, country_name, is_country_code, known_countries

FIXTURES = Path(__file__).parents[1] / "fixtures"
OFAC = FIXTURES / "crawler" / "ofac"
ISO_CODES = sorted(c.alpha_2 for c in pycountry.countries)
SAMPLE = {"XV": "Veloria", "XC": "Calder", "XO": "Ostrava Republic", "XL": "Lumen"}

# Spellings as they stand in the published files. OFAC: the add.csv country column, "Region: ..." values,
# vessel flags and the remarks' "nationality X" / "citizen X"; Freedom House: country and territory names of
# Freedom in the World; CSL and FtM: codes in any case, FtM territory codes.
REAL_SPELLINGS = {
    "Russia": "RU",
    "Korea, North": "KP",
    "Korea, South": "KR",
    "Democratic People's Republic of Korea": "KP",
    "Iran": "IR",
    "Burma": "MM",
    "Congo, Democratic Republic of the": "CD",
    "Congo, Republic of the": "CG",
    "Cote d'Ivoire": "CI",
    "Cote d Ivoire": "CI",
    "Côte d'Ivoire": "CI",
    "Turkey": "TR",
    "Türkiye": "TR",
    "West Bank": "PS",
    "Palestinian": "PS",
    "Region: Crimea": "UA",
    "Region: Gaza": "PS",
    "Region: Northern Mali": "ML",
    "Region: West Bank": "PS",
    "Hong Kong": "HK",
    "Macau": "MO",
    "China": "CN",
    "Taiwan": "TW",
    "Kosovo": "XK",
    "Bahamas, The": "BS",
    "Gambia, The": "GM",
    "Man, Isle of": "IM",
    "Virgin Islands, British": "VG",
    "North Macedonia, The Republic of": "MK",
    "Sao Tome and Principe": "ST",
    "St. Kitts and Nevis": "KN",
    "Saint Vincent and the Grenadines": "VC",
    "Curacao": "CW",
    "Sint Maarten": "SX",
    "Eswatini": "SZ",
    "Botswana False": "BW",
    "Mozambique (false)": "MZ",
    "United Arab Emirates": "AE",
    "United Kingdom": "GB",
    "United States": "US",
    "Syria": "SY",
    "Belarus": "BY",
    "Venezuela": "VE",
    "Czech Republic": "CZ",
    "nationality Russia": "RU",
    "citizen Iran": "IR",
    "alt. nationality Syria": "RU" if False else "SY",
    "Russian": "RU",
    "Chinese": "CN",
    "Iranian": "IR",
    "North Korean": "KP",
    "Emirati": "AE",
    "Chadian": "TD",
    "Mauritian": "MU",
    # Freedom House (Freedom in the World) country and territory names
    "Congo (Kinshasa)": "CD",
    "Congo (Brazzaville)": "CG",
    "The Gambia": "GM",
    "St. Lucia": "LC",
    "São Tomé and Príncipe": "ST",
    "Timor-Leste": "TL",
    "Eastern Donbas": "UA",
    "Crimea": "UA",
    "Gaza Strip": "PS",
    "Indian Kashmir": "IN",
    "Pakistani Kashmir": "PK",
    "Northern Cyprus": "CY",
    "Tibet": "CN",
    "Western Sahara": "EH",
    # CSL and FtM codes
    "RU": "RU",
    "cn": "CN",
    "RUS": "RU",
    "ua-cri": "UA",
    "xk": "XK",
}

# No country rather than a guess: disputed, former states, "unknown" markers, ambiguous demonyms.
NO_COUNTRY = [
    "Region: Kashmir",
    "Region: Kafia Kingi",
    "Region: Commonwealth of Independent States",
    "None Identified",
    "unknown",
    "Soviet Union",
    "Yugoslavia",
    "zz",
    "Congolese",
    "-0-",
    "",
    "   ",
    "Atlantis",
    "Russia (Ukraine)",  # two different countries in one value: no pick
    "Lumen (Calder)",
    "A.B.",
    "N.A.",  # "not available", not Namibia
]

# Spellings around a known name, as deal files, press releases and trade data write them.
VARIANT_SPELLINGS = {
    "U.A.E.": "AE",
    "U. A. E.": "AE",
    "Burma (Myanmar)": "MM",
    "Myanmar (Burma)": "MM",
    "Macau SAR": "MO",
    "Hong Kong S.A.R.": "HK",
    "Hong Kong Special Administrative Region": "HK",
    "Saint Vincent & the Grenadines": "VC",
    "Trinidad & Tobago": "TT",
    "Georgia (Tbilisi)": "GE",
}


@pytest.mark.parametrize("spelling,code", sorted(VARIANT_SPELLINGS.items()))
def test_initials_qualifiers_ampersands_and_parenthesised_names_resolve(spelling: str, code: str) -> None:
    assert country_code(spelling) == code


@pytest.mark.parametrize("spelling,code", sorted(REAL_SPELLINGS.items()))
def test_real_list_spellings_resolve_to_their_iso_code(spelling: str, code: str) -> None:
    assert country_code(spelling) == code


@pytest.mark.parametrize("spelling", NO_COUNTRY)
def test_unknown_disputed_and_former_countries_give_none(spelling: str) -> None:
    assert country_code(spelling) is None


def _ofac_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return [r for r in csv.reader(f) if len(r) > 4]


def test_every_country_in_the_real_ofac_files_resolves() -> None:
    countries = {r[4].strip() for r in _ofac_rows(OFAC / "ofac_add_2022-01_sample.csv")} - {"-0-", ""}
    remarks = [r[11] for r in _ofac_rows(OFAC / "ofac_sdn_2024-05-03_sample.csv") if len(r) > 11]
    nationalities = {m.group(1).strip() for t in remarks for m in re.finditer(r"(?:nationality|citizen) ([^;.]+)", t)}
    flags = {r[9].strip() for r in _ofac_rows(OFAC / "ofac_sdn_2024-05-03_sample.csv") if len(r) > 9} - {"-0-", ""}
    assert len(countries) == 50 and len(nationalities) == 29
    unresolved = sorted(v for v in countries | nationalities | flags if country_code(v) is None)
    assert unresolved == []


@pytest.mark.parametrize("code,name", sorted(SAMPLE.items()))
def test_sample_world_countries_keep_their_fictional_codes(code: str, name: str) -> None:
    assert country_code(name) == code
    assert country_code(code.lower()) == code
    assert country_name(code) == name


@pytest.mark.parametrize(
    "spelling,code",
    [("Republic of Veloria", "XV"), ("Velorian", "XV"), ("Calderan", "XC"), ("State of Calder", "XC"),
     ("Republic of Ostrava", "XO"), ("Ostravan", "XO"), ("Lumenese", "XL"), ("Commonwealth of Lumen", "XL")],
)  # fmt: skip
def test_sample_world_aliases_and_demonyms(spelling: str, code: str) -> None:
    assert country_code(spelling) == code


def test_ostrava_republic_is_not_the_czech_city() -> None:
    assert country_code("Ostrava Republic") == "XO" != "CZ"


def test_every_name_of_the_ner_country_table_agrees_with_the_authority() -> None:
    # nlp/data/countries.tsv only chooses the English surface forms the NER looks for; their codes are the authority's
    table = Path(__file__).parents[2] / "nlp" / "data" / "countries.tsv"
    wrong = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, aliases, demonyms = (line.split("\t") + [""] * 4)[:4]
        for n in [name, *aliases.split("|"), *demonyms.split("|")]:
            if n.strip() and country_code(n) != code:
                wrong.append((n, code, country_code(n)))
    assert wrong == []


def test_display_names() -> None:
    assert country_name("ru") == "Russian Federation"
    assert country_name("AE") == "United Arab Emirates"
    assert country_name("XK") == "Kosovo"
    assert country_name("QQ") is None and country_name(None) is None
    assert is_country_code("de") and not is_country_code("ZZ")


# --------------------------------------------------------------------------- properties
KNOWN = [c.code for c in known_countries()]


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(KNOWN), case=st.sampled_from([str.upper, str.lower, str.title]))
def test_every_code_resolves_to_itself_in_any_case(code: str, case) -> None:  # noqa: ANN001
    assert country_code(case(code)) == code
    assert country_code(f"  {case(code)}\t") == code


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(KNOWN))
def test_the_display_name_resolves_back_to_its_code(code: str) -> None:
    name = country_name(code)
    assert name and country_code(name) == code


@settings(max_examples=100, deadline=None)
@given(code=st.sampled_from(ISO_CODES))
def test_every_iso_alpha3_code_resolves_to_its_alpha2(code: str) -> None:
    country = pycountry.countries.get(alpha_2=code)
    assert country_code(country.alpha_3) == code
    assert country_code(country.alpha_3.lower()) == code


@settings(max_examples=400, deadline=None)
@given(junk=st.one_of(st.text(max_size=300), st.binary(max_size=50).map(lambda b: b.decode("latin-1"))))
def test_any_text_gives_a_known_code_or_none_and_never_raises(junk: str) -> None:
    code = country_code(junk)
    assert code is None or is_country_code(code)


@settings(max_examples=200, deadline=None)
@given(junk=st.one_of(st.text(alphabet="0123456789 -_.,;:!?#%/()", max_size=40),
                      st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=12)))  # fmt: skip
def test_digits_punctuation_and_consonant_runs_are_not_a_country(junk: str) -> None:
    assert country_code(junk) is None


@pytest.mark.parametrize("value", [None, 7, 3.5, b"RU", ["RU"]])
def test_non_strings_give_none(value: object) -> None:
    assert country_code(value) is None  # type: ignore[arg-type]


def test_a_megabyte_of_text_is_cut_not_scanned() -> None:
    assert country_code("Russia" + " x" * 500_000) is None


# countrynames' own answers, for every name it lists: the authority reads the library's table directly (faster
# than its to_code), so this guards against a library release that changes how the table is kept
def _library_names() -> list[str]:
    from countrynames.data import DATA

    return sorted({n for names in DATA.values() for n in names})


@settings(max_examples=500, deadline=None)
@given(name=st.sampled_from(_library_names()))
def test_the_authority_agrees_with_countrynames_to_code(name: str) -> None:
    import countrynames

    from ontology.countries import _alpha2, _supplement
    from ontology.names import normalize_name

    if normalize_name(name) in _supplement() or country_code(name) in SAMPLE:
        return
    assert country_code(name) == _alpha2(countrynames.to_code(name))


def test_a_name_that_starts_with_country_of_is_a_name_not_a_label() -> None:
    """countrynames lists "Country of Curaçao"; "Country" before "of" is part of the name ("Country: Iran" is a label)."""
    assert country_code("Country of Curaçao") == "CW"
    assert country_code("Country: Iran") == "IR"
    assert country_code("Region: Crimea") == "UA"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("South Ossetia", "GE"),  # resolved like Abkhazia (GE) and Transnistria (MD)
        ("Region: South Ossetia", "GE"),
        ("x-so", "GE"),  # FtM/OpenSanctions territory code "South Ossetia (Occupied Georgia)"
        ("Region: Kherson", "UA"),
        ("Zaporizhzhia", "UA"),
        ("Region: Sevastopol", "UA"),
        ("Crimea, Ukraine", "UA"),  # a region and its country, both read, agreeing
        ("Region: Kurdistan, Iraq", "IQ"),
    ],
)
def test_occupied_and_disputed_regions_resolve_to_their_country(value: str, code: str) -> None:
    assert country_code(value) == code


@pytest.mark.parametrize("value", ["Crimea, Russia", "Paris, Texas"])
def test_a_place_and_a_country_that_disagree_resolve_to_nothing(value: str) -> None:
    assert country_code(value) is None


def test_accented_spellings_are_the_same_names_with_their_diacritics() -> None:
    from ontology.countries import accented_spellings

    assert accented_spellings("MX", ["Mexico", "Mexican"]) == ["México"]
    assert "Perú" in accented_spellings("PE", ["Peru"])
    assert accented_spellings("MX", ["México"]) == []  # the input spelling itself is not repeated
    assert accented_spellings("DE", ["Germany"]) == []  # "Deutschland" is another language's name, not added
    assert accented_spellings("ZZ", ["Nowhere"]) == []
