"""Identifiers and weak aliases as the three list parsers store them: typed, normalized, weak names kept apart."""

from __future__ import annotations

import json

from crawler.parsers.csl import parse_csl_csv, parse_csl_json
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.ofac import parse_ofac


def _ids(entity) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(i.scheme, i.value) for i in entity.identifiers}


def test_ofac_remark_identifiers_are_typed_and_normalized() -> None:
    sdn = (
        b'26549,"BANCO CORPORATIVO SA",-0- ,"NICARAGUA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"SWIFT/BIC BOFPNIMA; '
        b"Legal Entity Number 549300LCJ1UJXHYBWI24; Tax ID No. 7708004767 (Russia); alt. Registration ID "
        b"1027700035769 (Russia); MMSI 636012345; ISIN CNE100000PM8; a.k.a. 'NATIONAL BANK'.\"\n"
        b'15903,"DANIEL","vessel","IRAN",-0- ,"5IM656","Crude Oil Tanker",-0- ,-0- ,"Panama","NITC","Vessel '
        b'Registration Identification IMO 9569683; Linked To: BANCO CORPORATIVO SA."\n'
    )
    bank, vessel = parse_ofac(sdn).entities
    assert _ids(bank) >= {("bic", "BOFPNIMA"), ("lei", "549300LCJ1UJXHYBWI24"), ("tax", "7708004767"),
                          ("registration", "1027700035769"), ("mmsi", "636012345"), ("isin", "CNE100000PM8")}
    assert bank.weak_aliases == ["NATIONAL BANK"] and bank.aliases == []
    assert _ids(vessel) >= {("imo", "9569683"), ("call_sign", "5IM656"), ("vessel_flag", "Panama")}


def test_csl_ids_and_call_sign_are_typed_and_normalized() -> None:
    rec = {
        "_id": "v1", "source": "Specially Designated Nationals (SDN) - Treasury Department", "type": "Vessel",
        "name": "DANIEL", "call_sign": "5IM 656", "alt_names": ["DEMOS"],
        "ids": [{"type": "Vessel Registration Identification", "number": "IMO 9569683"},
                {"type": "SWIFT/BIC", "number": "bofpnimaxxx"}, {"type": "Tax ID No.", "number": "77-0800 4767"}],
    }  # fmt: skip
    (entity,) = parse_csl_json(json.dumps({"results": [rec]}).encode()).entities
    assert _ids(entity) == {("imo", "9569683"), ("call_sign", "5IM656"), ("bic", "BOFPNIMA"), ("tax", "7708004767")}
    header = "_id,source,name,ids\n"
    row = 'c1,"Entity List (EL) - Bureau of Industry and Security",ACME,"Legal Entity Number, 549300LCJ1UJXHYBWI24"\n'
    (acme,) = parse_csl_csv((header + row).encode()).entities
    assert _ids(acme) == {("lei", "549300LCJ1UJXHYBWI24")}


def test_ftm_identifier_properties_and_weak_aliases() -> None:
    line = {
        "id": "os-v1", "schema": "Vessel",
        "properties": {"name": ["DANIEL"], "alias": ["DEMOS"], "weakAlias": ["DAN"], "imoNumber": ["IMO9569683"],
                       "mmsi": ["636 012 345"], "callSign": ["5IM656"]},
    }  # fmt: skip
    bank = {"id": "os-b1", "schema": "Company",
            "properties": {"name": ["Banco Corporativo"], "swiftBic": ["BOFPNIMAXXX"], "leiCode": ["549300lcj1ujxhybwi24"],
                           "innCode": ["7708004767"]}}  # fmt: skip
    data = (json.dumps(line) + "\n" + json.dumps(bank) + "\n").encode()
    by_id = {e.id: e for e in parse_ftm(data).entities}
    vessel = by_id["os-v1"]
    assert vessel.aliases == ["DEMOS"] and vessel.weak_aliases == ["DAN"]
    assert _ids(vessel) == {("imo", "9569683"), ("mmsi", "636012345"), ("call_sign", "5IM656")}
    assert _ids(by_id["os-b1"]) == {("bic", "BOFPNIMA"), ("lei", "549300LCJ1UJXHYBWI24"), ("inn", "7708004767")}


def test_ftm_identifier_properties_of_legal_entities_and_companies_and_the_abbreviation() -> None:
    """FollowTheMoney's LegalEntity and Company schemata (followthemoney/schema/LegalEntity.yaml, Company.yaml) carry
    the USCC as ``uscCode``, the US tax number as ``irsCode``, Azerbaijan's taxpayer ID as ``voenCode``, and SAM's
    ``uniqueEntityId``; Organization names its acronym in ``abbreviation``. They were dropped on import, so a user's
    ``uscc:91330000733796106P`` (Hikvision's USCC, real OFAC CMIC row 30946) found nothing on an FtM list."""
    company = {"id": "os-hik", "schema": "Company",
               "properties": {"name": ["Hangzhou Hikvision Digital Technology Co., Ltd."],
                              "uscCode": ["91330000733796106P"], "irsCode": ["12-3456789"], "voenCode": ["1700767721"],
                              "uniqueEntityId": ["ABCDEFGH1234"]}}  # fmt: skip
    org = {"id": "os-cnooc", "schema": "Company",
           "properties": {"name": ["China National Offshore Oil Corporation"], "abbreviation": ["CNOOC"]}}
    data = (json.dumps(company) + "\n" + json.dumps(org) + "\n").encode()
    by_id = {e.id: e for e in parse_ftm(data).entities}
    assert _ids(by_id["os-hik"]) >= {("uscc", "91330000733796106P"), ("tax", "123456789"), ("tax", "1700767721"),
                                     ("uei", "ABCDEFGH1234")}  # fmt: skip
    assert by_id["os-cnooc"].weak_aliases == ["CNOOC"]


def test_csl_id_types_no_alias_names_are_read_as_the_general_type_their_words_say() -> None:
    """OFAC's ID types as the CSL republishes them in ``ids`` (OFAC Sanctions List Search type names): each was
    kept under its own name ("company_registration_number"), so a user's ``registration:`` or ``tax:`` value never
    met it. Tax words win over registration words; a voter or driver's registration and a flag are not company
    registrations."""
    rec = {
        "_id": "c2", "source": "Specially Designated Nationals (SDN) - Treasury Department", "type": "Entity",
        "name": "ACME TRADING", "ids": [
            {"type": "Company Registration Number", "number": "1027700035769"},
            {"type": "Business Registration Document #", "number": "BR-55"},
            {"type": "Tax Registration Number", "number": "7708004767"},
            {"type": "Taxpayer Identification Number", "number": "123-45"},
            {"type": "US FEIN", "number": "12-3456789"},
            {"type": "Italian Fiscal Code", "number": "RSSMRA80A01H501U"},
            {"type": "Pasaporte", "number": "AF427757"},
            {"type": "Moroccan Personal ID No.", "number": "K123"},
            {"type": "Kenyan ID No.", "number": "2211"},
            {"type": "Electoral Registry No.", "number": "E-9"},
            {"type": "Driver's License No.", "number": "D-7"},
        ],
    }  # fmt: skip
    (entity,) = parse_csl_json(json.dumps({"results": [rec]}).encode()).entities
    assert _ids(entity) == {
        ("registration", "1027700035769"), ("registration", "BR55"), ("tax", "7708004767"), ("tax", "12345"),
        ("tax", "123456789"), ("tax", "RSSMRA80A01H501U"), ("passport", "AF427757"), ("national_id", "K123"),
        ("national_id", "2211"), ("electoral_registry_no", "E9"), ("driver_s_license_no", "D7"),
    }  # fmt: skip
