"""Identifiers as typed values: every accepted spelling of a value normalizes to one form; junk never raises."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontology.identifiers import (
    canonical_scheme,
    labelled_identifier,
    normalize_identifier,
    parse_identifier,
    scheme_for_label,
    typed_identifier,
)


def _imo_check(six: str) -> str:
    return six + str(sum(int(d) * (7 - i) for i, d in enumerate(six)) % 10)


def _lei_check(base18: str) -> str:
    number = int("".join(str(int(ch, 36)) for ch in base18 + "00"))
    return base18 + f"{98 - number % 97:02d}"


imos = st.text(alphabet=string.digits, min_size=6, max_size=6).filter(lambda s: s != "000000").map(_imo_check)
leis = st.text(alphabet=string.digits + string.ascii_uppercase, min_size=18, max_size=18).map(_lei_check)
bics = st.tuples(
    st.text(alphabet=string.ascii_uppercase, min_size=4, max_size=4),
    st.sampled_from(["DE", "NI", "US", "GB", "FR", "RU", "CN", "IR"]),
    st.text(alphabet=string.ascii_uppercase + string.digits, min_size=2, max_size=2),
).map("".join)
separators = st.sampled_from(["", " ", "-", ".", "  "])


@given(imos, separators, st.booleans())
def test_every_spelling_of_an_imo_number_is_one_value(imo: str, sep: str, lower: bool) -> None:
    prefix = "imo" if lower else "IMO"
    spellings = [
        ("imo", imo), ("imo", f"{prefix}{sep}{imo}"), ("IMO", f" {imo} "), ("imoNumber", imo),
        ("IMO Number", f"IMO {imo}"), ("vessel registration identification", f"IMO {imo}"),
    ]  # fmt: skip
    assert {normalize_identifier(s, v) for s, v in spellings} == {("imo", imo)}
    typed = parse_identifier(f"imo:{prefix}{sep}{imo}")
    assert (typed.scheme, typed.value, typed.valid) == ("imo", imo, True)
    labelled = labelled_identifier(f"Vessel Registration Identification IMO {imo}")
    assert labelled is not None and normalize_identifier(*labelled) == ("imo", imo)


@given(leis, separators, st.booleans())
def test_every_spelling_of_an_lei_is_one_value(lei: str, sep: str, lower: bool) -> None:
    written = sep.join([lei[:4], lei[4:10], lei[10:]])
    written = written.lower() if lower else written
    for scheme in ("lei", "leiCode", "LEI", "Legal Entity Number"):
        assert normalize_identifier(scheme, written) == ("lei", lei)
    assert typed_identifier("lei", lei).valid is True


@given(bics, st.booleans(), st.booleans())
def test_a_bic_with_or_without_its_branch_code_is_one_value(bic: str, branch: bool, lower: bool) -> None:
    written = bic + ("XXX" if branch else "")
    written = written.lower() if lower else written
    for scheme in ("bic", "swift", "swiftBic", "SWIFT/BIC"):
        assert normalize_identifier(scheme, written) == ("bic", bic)


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=20), separators)
def test_other_identifiers_ignore_case_spaces_and_punctuation(value: str, sep: str) -> None:
    written = sep.join(value).lower()
    assert normalize_identifier("Tax ID No.", written) == ("tax", value)
    assert normalize_identifier("registrationNumber", written) == ("registration", value)


@settings(max_examples=300)
@given(st.text(max_size=80), st.text(max_size=300))
def test_junk_never_raises(scheme: str, value: str) -> None:
    typed = typed_identifier(scheme, value)
    assert isinstance(typed.value, str) and isinstance(typed.scheme, str)
    assert normalize_identifier(scheme, value) == (typed.scheme, typed.value)
    canonical_scheme(scheme)
    scheme_for_label(scheme)
    labelled_identifier(value)
    try:
        parse_identifier(f"{scheme}:{value}")
    except ValueError as exc:
        assert "identifier" in str(exc)


def test_normalization_is_idempotent_on_stored_values() -> None:
    for scheme, value in [("imo", "IMO 9569683"), ("swift", "BOFPNIMAXXX"), ("website", "https://www.lukoil.ru/"),
                          ("email", "Info@Lukoil.RU"), ("tax", "7708004767 "), ("imo", "9999999")]:  # fmt: skip
        once = normalize_identifier(scheme, value)
        assert normalize_identifier(*once) == once


def test_a_wrong_check_digit_is_kept_and_marked() -> None:
    typed = typed_identifier("imo", "IMO 9999999")
    assert (typed.scheme, typed.value, typed.valid) == ("imo", "9999999", False)


def test_list_labels_and_their_trailing_country() -> None:
    assert labelled_identifier("alt. Tax ID No. 7708004767 (Russia)") == ("tax", "7708004767")
    assert labelled_identifier("Unified Social Credit Code (USCC) 91330000733796106P (China)") == (
        "uscc", "91330000733796106P")  # fmt: skip
    assert labelled_identifier("Passport A1234 (Iran) expires 2020") == ("passport", "A1234")
    assert labelled_identifier("Equity Ticker 002415 CN") is None
    assert scheme_for_label("Registration ID") == "registration" and scheme_for_label("swiftBic") == "bic"


@pytest.mark.parametrize("bad", ["imo", "imo:", ":9569683", "  :  ", "imo:---"])
def test_a_malformed_type_value_pair_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        parse_identifier(bad)
