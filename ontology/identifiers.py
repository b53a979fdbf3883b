"""Identifiers as typed values: one (scheme, normalized value) pair however a list or a user writes it.

"IMO 9569683" under an OFAC remark, ``imoNumber: 9569683`` in a FollowTheMoney file and ``imo:9569683`` typed
by a user are one value, ``("imo", "9569683")``. This module is the one place that says so:

- :func:`canonical_scheme` maps the many spellings of an identifier type (``swift``, ``swiftBic``, ``SWIFT/BIC``,
  ``imo_number``, ``leiCode``...) to one scheme name;
- :func:`normalize_identifier` normalizes a value for its scheme. Where the identifier has a published format with
  a check digit (IMO, LEI, BIC/SWIFT, ISIN, IBAN, INN, OGRN, USCC, FIGI, CNPJ/CPF), the validation and the
  normal form are those of `rigour.ids <https://rigour.followthemoney.tech/ids/>`_ (OpenSanctions, MIT licence,
  on top of python-stdnum): an IMO number loses its ``IMO`` prefix, a BIC is cut to its 8-character institution
  code (``BOFPNIMAXXX`` is ``BOFPNIMA``), an LEI or ISIN is upper case without spaces. A value that fails its
  check digit is kept (lists and users do mistype) in the generic form (upper-case letters and digits) and
  reported as not valid by :func:`typed_identifier`;
- :func:`parse_identifier` reads a user's ``TYPE:VALUE`` (``imo:IMO 9569683``);
- :func:`labelled_identifier` reads a list's labelled identifier ("Vessel Registration Identification IMO
  9569683", "Tax ID No. 7708004767 (Russia)", "SWIFT/BIC BOFPNIMA") as OFAC remarks and the trade.gov CSL
  ``ids`` column write them (labels as in OFAC's SDN data specification).

Nothing here raises on junk except :func:`parse_identifier`, whose ValueError names what was wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rigour.ids import get_identifier_format

MAX_IDENTIFIER_CHARS = 256
"""Values longer than this are cut before normalization (no real identifier is this long)."""

# Spellings of a scheme (after lower-casing and turning every run of other characters into "_") -> scheme.
_SCHEME_ALIASES: dict[str, str] = {
    "imo_number": "imo", "imonumber": "imo", "imo_no": "imo", "vessel_registration_identification": "imo",
    "mmsi_number": "mmsi", "maritime_mobile_service_identity": "mmsi",
    "callsign": "call_sign", "call_sign_no": "call_sign", "vessel_call_sign": "call_sign",
    "other_vessel_call_sign": "call_sign",
    "leicode": "lei", "lei_code": "lei", "legal_entity_number": "lei", "legal_entity_identifier": "lei",
    "swift": "bic", "swiftbic": "bic", "swift_bic": "bic", "swift_code": "bic", "bic_code": "bic",
    "isincode": "isin", "isin_code": "isin",
    "inncode": "inn", "inn_code": "inn",
    "ogrncode": "ogrn", "ogrn_code": "ogrn",
    "unified_social_credit_code": "uscc", "unified_social_credit_code_uscc": "uscc",
    "taxnumber": "tax", "tax_number": "tax", "tax_id": "tax", "tax_id_no": "tax", "tin": "tax", "vat": "tax",
    "vatcode": "tax", "vat_number": "tax", "vat_code": "tax", "nit": "tax", "ruc": "tax", "rfc": "tax",
    "registrationnumber": "registration", "registration_number": "registration",
    "registration_id": "registration", "company_number": "registration", "reg": "registration",
    "business_registration_number": "registration", "commercial_registry_number": "registration",
    "c_r_no": "registration", "cr_no": "registration", "cr": "registration", "certificate_of_incorporation_number": "registration",
    "government_gazette_number": "registration", "business_number": "registration",
    "uk_company_number": "registration", "chamber_of_commerce_number": "registration",
    "passportnumber": "passport", "passport_number": "passport", "passport_no": "passport",
    "diplomatic_passport": "passport",
    "national_id_no": "national_id", "national_id_number": "national_id", "nationalid": "national_id",
    "idnumber": "id_number", "identification_number": "id_number", "id": "id_number",
    "socialsecuritynumber": "ssn", "social_security_number": "ssn",
    "cedula_no": "cedula",
    "dunscode": "duns", "duns_code": "duns", "d_u_n_s_number": "duns", "d_u_n_s": "duns",
    "email_address": "email", "emailaddress": "email",
    "aircraft_manufacturer_s_serial_number_msn": "aircraft_msn",
}  # fmt: skip

# OFAC remark / CSL ``ids`` labels, longest first where one label starts another: (pattern, scheme).
_LABELS: tuple[tuple[str, str], ...] = (
    (r"Vessel Registration Identification", "imo"),
    (r"IMO(?: Number)?", "imo"),
    (r"MMSI", "mmsi"),
    (r"(?:Other )?Vessel Call Sign|Call Sign", "call_sign"),
    (r"Legal Entity Number|LEI", "lei"),
    (r"SWIFT/BIC|SWIFT|BIC", "bic"),
    (r"ISIN", "isin"),
    (r"Unified Social Credit Code \(USCC\)|USCC", "uscc"),
    (r"Tax ID No\.|Tax ID|VAT Number|RUC #|NIT #|R\.F\.C\. #", "tax"),
    (r"INN", "inn"),
    (r"OGRN", "ogrn"),
    (r"Registration (?:ID|Number)|Company Number|UK Company Number|Business Registration Number"
     r"|Commercial Registry Number|Business Number|C\.R\. No\.|Certificate of Incorporation Number"
     r"|Government Gazette Number|Chamber of Commerce Number|Trade License No\.", "registration"),
    (r"(?:Diplomatic |Stateless Person )?Passport", "passport"),
    (r"National ID No\.|Personal ID Card|Identification Card|Citizen's Card Number", "national_id"),
    (r"Identification Number|Public Security and Immigration No\.", "id_number"),
    (r"SSN", "ssn"),
    (r"Cedula No\.", "cedula"),
    (r"D-U-N-S Number", "duns"),
    (r"Website", "website"),
    (r"Email Address", "email"),
    (r"Digital Currency Address -", "crypto_wallet"),
    (r"Aircraft Manufacturer.s Serial Number \(MSN\)", "aircraft_msn"),
)
_LABELLED = tuple(
    (re.compile(rf"^(?:alt\.\s+)?(?:{pattern})\s*:?\s+(?P<value>\S.*)$", re.IGNORECASE), scheme)
    for pattern, scheme in _LABELS
)
_LABELLED += ((re.compile(r"^(?:alt\.\s+)?IMO(?P<value>\d{7})$", re.IGNORECASE), "imo"),)  # "IMO9569683", no space
_LEADING_NUMBER_WORD = re.compile(r"^(?:(?:no|nr|number)\.?|#|№)\s*:?\s+(?=\S)", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s+(?:\(|issued\b|expires\b|Issue Date\b|Expire Date\b).*$", re.IGNORECASE)

SCHEMES_WITH_CHECK_DIGITS = ("imo", "lei", "bic", "isin", "iban", "inn", "ogrn", "uscc", "figi", "cnpj", "cpf")
"""Schemes validated and normalized by rigour.ids."""

MATCHING_SCHEMES = frozenset({
    "imo", "mmsi", "call_sign", "lei", "bic", "isin", "iban", "inn", "ogrn", "uscc", "figi", "cnpj", "cpf",
    "tax", "registration", "passport", "national_id", "id_number", "ssn", "cedula", "duns", "email", "website",
    "crypto_wallet", "aircraft_msn",
})  # fmt: skip
"""The identifier types this module knows by name (any other scheme a user or a file brings is compared as it is,
except the :data:`FACT_SCHEMES`)."""

FACT_SCHEMES = frozenset({"linked_to", "vessel_flag", "vessel_type", "vessel_owner", "former_vessel_flag"})
"""Facts stored under ``scheme:value`` that do not identify the entity (a ``Linked To:`` party, a flag): never
compared as identifiers."""


def is_identifier_scheme(scheme: str) -> bool:
    """True for a scheme whose equal values are evidence of one entity (everything but the fact schemes)."""
    return bool(scheme) and scheme not in FACT_SCHEMES

SINGLE_VALUE_SCHEMES = frozenset({"imo", "mmsi", "lei", "inn", "ogrn", "uscc", "duns", "cnpj", "aircraft_msn"})
"""Schemes an entity holds one value of (a ship has one IMO number, a company one LEI): a different value of one of
these is evidence against a match. A person's passports or a company's tax and registration numbers in several
countries are many, so a value missing from the list's set counts for less."""

_FAMILY = {"inn": "tax", "ogrn": "registration", "uscc": "registration", "cnpj": "tax", "cpf": "tax"}
"""Specific schemes that are a kind of a general one: an INN is a (Russian) tax number, so ``inn:7708004767`` and
``tax:7708004767`` compare equal. FollowTheMoney models them the same way (innCode is a taxNumber)."""


@dataclass(frozen=True, slots=True)
class TypedIdentifier:
    """An identifier as a typed value. ``valid`` is True or False for schemes with a check digit, else None."""

    scheme: str
    value: str
    valid: bool | None = None

    @property
    def text(self) -> str:
        """``scheme:value``, the form stored in the graph and accepted by ``--id`` and the CSV column."""
        return f"{self.scheme}:{self.value}"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)[:MAX_IDENTIFIER_CHARS])
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).strip()


@lru_cache(maxsize=4096)
def canonical_scheme(raw: str) -> str:
    """One name per identifier type: ``"SWIFT/BIC"`` -> ``"bic"``, ``"imoNumber"`` -> ``"imo"``; "" for nothing."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", _clean(raw))  # camelCase (FtM property names) -> snake_case
    key = re.sub(r"[^a-z0-9]+", "_", anyascii(text).lower()).strip("_")
    if not key:
        return ""
    if key in _SCHEME_ALIASES:
        return _SCHEME_ALIASES[key]
    if key.replace("_", "") in _SCHEME_ALIASES:
        return _SCHEME_ALIASES[key.replace("_", "")]
    if key not in MATCHING_SCHEMES and key not in FACT_SCHEMES:
        words = f" {key.replace('_', ' ')} "
        for pattern, scheme in _LABEL_WORDS:
            if pattern.search(words):
                return scheme
    return key


_LABEL_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), scheme)
    for pattern, scheme in (
        (r" (?:passport|pasaporte|passeport|reisepass|travel document) ", "passport"),
        (r" (?:tax|taxpayer|fiscal|fein|ein|vat|rif|nuit|tributaria|inn) ", "tax"),
        (r"^(?!.* (?:electoral|voter|driver|driving|nationality|flag) ).* (?:registration|registry|registered"
         r"|incorporation|matricula"
         r"|company (?:number|no)|enterprise number|business licen[cs]e|trade licen[cs]e) ", "registration"),
        (r" (?:national id|national identity|personal id|identity card|id card|id no|identidad|dni|nie|curp|c u r p"
         r"|citizen s card"
         r"|residency (?:number|card)) ", "national_id"),
    )
)
"""A list's identifier type that no alias names, read by its words (OFAC and CSL write many: "Company Registration
Number", "Tax Registration Number", "Taxpayer Identification Number", "US FEIN", "Italian Fiscal Code", "Moroccan
Personal ID No.", "Pasaporte"...): the general type it is a kind of, so that a user's ``registration:``, ``tax:``,
``passport:`` or ``national_id:`` value is compared with it. Tax words win over registration words ("Tax
Registration Number" is a tax number); an electoral or driver's registration, or a "Nationality of Registration"
(a flag), is no company registration."""


def _generic(value: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "", anyascii(value).upper())


GENERIC_SCHEMES = frozenset({"id_number", "registration"})
"""Schemes that say only "a number": a value under one of them that carries a specific label of its own (OFAC
writes a ship owner's or manager's IMO company number as "Identification Number IMO 5933437") takes that label's
scheme, so ``imo:5933437`` finds it."""


def _strip_label(scheme: str, value: str) -> tuple[str, str]:
    """(scheme, value) without the value's own label: "IMO 9569683" under imo -> ("imo", "9569683"); under a
    :data:`GENERIC_SCHEMES` scheme a specific label names the scheme ("IMO 5933437" under id_number -> imo)."""
    parsed = labelled_identifier(value)
    if parsed is not None and (parsed[0] == scheme or scheme in GENERIC_SCHEMES):
        return parsed[0], parsed[1]
    if scheme not in ("website", "email", "crypto_wallet"):
        return scheme, _strip_own_label(scheme, value)
    return scheme, value


_NUMBER_WORD = re.compile(r"(?:\s+|(?<=\.)|^)(?:no|nr|num|number|n°|№|#)\.?$", re.IGNORECASE)


def _strip_own_label(scheme: str, value: str) -> str:
    """VALUE without leading words that name SCHEME (or a scheme of its family) in any spelling a user types:
    "Reg. No. 1027700070518" under registration, "TIN 7708004767" under tax, "ИНН 7708004767" under inn,
    "Passport No. A1234567" under passport, "D-U-N-S 12-345-6789" under duns. Words that name no scheme, or
    another one, are part of the value ("AB 1234567" stays as written)."""
    words = re.sub(r"([:#№])", r" \1 ", value).split()
    family = comparison_family(scheme)
    for k in range(min(6, len(words) - 1), 0, -1):
        label = _NUMBER_WORD.sub("", " ".join(words[:k]).rstrip(" :")).strip(" :#№")
        rest = " ".join(words[k:]).lstrip(" :#№").strip()
        if not label or not rest or not any(ch.isalnum() for ch in rest):
            continue
        named = canonical_scheme(label)
        if named and named not in GENERIC_SCHEMES and comparison_family(named) == family:
            return rest
        if named and named == scheme:
            return rest
    return value


@lru_cache(maxsize=65536)
def typed_identifier(scheme: str, value: str) -> TypedIdentifier:
    """Normalize a value for its scheme (see the module doc). Never raises; an empty value gives ``value=""``."""
    canon, raw = _strip_label(canonical_scheme(scheme), _clean(value))
    if canon in ("website",):
        web = re.sub(r"^[a-z]+://", "", raw.lower())
        web = re.sub(r"^www\.", "", web).rstrip("/")
        return TypedIdentifier(canon, re.sub(r"\s+", "", web))
    if canon in ("email", "crypto_wallet"):
        return TypedIdentifier(canon, re.sub(r"\s+", "", raw.lower() if canon == "email" else raw))
    fmt = get_identifier_format(canon) if canon in SCHEMES_WITH_CHECK_DIGITS else None
    if fmt is not None:
        try:
            norm = fmt.normalize(raw)
        except Exception:  # noqa: BLE001 - a validator must never stop a screening; the value is kept as written
            norm = None
        if norm:
            if canon == "imo" and norm.startswith("IMO"):
                norm = norm[3:]
            return TypedIdentifier(canon, norm.upper(), True)
        generic = _generic(raw)
        if canon == "imo" and generic.startswith("IMO"):
            generic = generic[3:]
        return TypedIdentifier(canon, generic, False)
    if canon == "mmsi":
        digits = _generic(raw)
        return TypedIdentifier(canon, digits, len(digits) == 9 and digits.isdigit())
    return TypedIdentifier(canon, _generic(raw))


def normalize_identifier(scheme: str, value: str) -> tuple[str, str]:
    """The comparable form of an identifier: ``("imo", "IMO 9569683")`` -> ``("imo", "9569683")``."""
    t = typed_identifier(str(scheme), str(value))
    return t.scheme, t.value


def comparison_family(scheme: str) -> str:
    """The general scheme a specific one belongs to for comparison (``inn`` -> ``tax``), else the scheme."""
    return _FAMILY.get(scheme, scheme)


def parse_identifier(text: str) -> TypedIdentifier:
    """A user's ``TYPE:VALUE`` (``imo:9569683``, ``imo:IMO 9569683``, ``swift:BOFPNIMAXXX``) as a typed value.

    Raises ValueError naming the input when there is no ``:``, no type or no value left after normalization.
    """
    raw = _clean(str(text))
    scheme, sep, value = raw.partition(":")
    if not sep or not scheme.strip() or not value.strip():
        raise ValueError(f"identifier {raw!r} is not TYPE:VALUE (e.g. imo:9569683)")
    typed = typed_identifier(scheme, value)
    if not typed.scheme or not typed.value:
        raise ValueError(f"identifier {raw!r} has no value left after normalization")
    return typed


def labelled_identifier(text: str) -> tuple[str, str] | None:
    """A list's labelled identifier as (scheme, value as written, without the trailing country or dates).

    >>> labelled_identifier("Vessel Registration Identification IMO 9569683")
    ('imo', 'IMO 9569683')
    >>> labelled_identifier("alt. Tax ID No. 7708004767 (Russia)")
    ('tax', '7708004767')
    """
    part = _clean(text)
    for pattern, scheme in _LABELLED:
        m = pattern.match(part)
        if m:
            value = _LEADING_NUMBER_WORD.sub("", m.group("value").strip())  # "Passport No. A1234567"
            if scheme not in ("website", "email", "crypto_wallet"):
                value = _TRAILING_NOTE.sub("", value).strip()
            if scheme in GENERIC_SCHEMES:  # "Identification Number IMO 5933437" is an IMO number
                inner = labelled_identifier(value)
                if inner is not None and inner[0] not in GENERIC_SCHEMES:
                    return inner
            return (scheme, value) if value else None
    return None


def scheme_for_label(label: str) -> str:
    """The scheme of a list's identifier label or property name: "Tax ID No." -> "tax", "swiftBic" -> "bic"."""
    parsed = labelled_identifier(f"{label} X")
    if parsed is not None:
        return parsed[0]
    return canonical_scheme(label)


_IN_NAME = re.compile(
    r"[\s,;/-]*[(\[]?\s*\b(?P<label>IMO|MMSI|LEI|INN|OGRN|USCC)\b\s*(?:No\.?|Number|#)?\s*[:#.]?\s*"
    r"(?P<value>[0-9A-Z](?:[0-9A-Z ]{0,26}?[0-9A-Z])?)\s*[)\]]?(?=[\s,;)\]]*$|[\s,;]+(?:[(\[]?\s*\b(?:IMO|MMSI|LEI|INN|OGRN"
    r"|USCC)\b))",
    re.IGNORECASE,
)
_IN_NAME_SHAPES = {
    "imo": re.compile(r"^\d{7}$"), "mmsi": re.compile(r"^\d{9}$"), "lei": re.compile(r"^[0-9A-Z]{20}$"),
    "inn": re.compile(r"^(?:\d{10}|\d{12})$"), "ogrn": re.compile(r"^(?:\d{13}|\d{15})$"),
    "uscc": re.compile(r"^[0-9A-Z]{18}$"),
}  # fmt: skip


def identifiers_in_name(name: str) -> tuple[str, list[tuple[str, str]]]:
    """The name without the labelled identifiers a customer file wrote into it, and those identifiers:
    "MT DANIEL (IMO 9569683)" -> ("MT DANIEL", [("imo", "9569683")]); "ACME LLC, INN 7708004767" -> ("ACME LLC",
    [("inn", "7708004767")]). Only an IMO, MMSI, LEI, INN, OGRN or USCC label at the end of the name, followed by a
    value of that type's shape, is taken; anything else stays part of the name ("IMO TRADING" is a name)."""
    text = str(name)
    found: list[tuple[str, str]] = []
    while True:
        m = _IN_NAME.search(text)
        if m is None:
            break
        scheme = m.group("label").lower()
        value = re.sub(r"\s+", "", m.group("value")).upper()
        if not _IN_NAME_SHAPES[scheme].match(value):
            break
        found.append(normalize_identifier(scheme, value))
        if not text[: m.start()].strip():  # the name is only the identifier ("IMO 9569683"): keep it as written
            break
        text = text[: m.start()] + text[m.end():]
    return text.strip(" ,;-/"), found
