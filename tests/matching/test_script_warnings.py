"""A name in a writing system no list name uses is compared only as transliterated: the answer says so, and the
screening audit log keeps the warning with the (possibly empty) result. Real names from OFAC's SDN list (IRAN
INSURANCE COMPANY; the Internet Research Agency) and the Persian and Russian spellings their companies use."""

from __future__ import annotations

from pathlib import Path

from redflag.matching.screening import Candidate, Screener
from redflag.screening_ops.audit import AuditLog
from redflag.screening_ops.parties import PartyQuery
from redflag.screening_ops.session import ScreeningSession

LATIN_ONLY = [Candidate("iic", "IRAN INSURANCE COMPANY", countries=["IR"]),
              Candidate("ira", "INTERNET RESEARCH AGENCY LLC", countries=["RU"])]  # fmt: skip


def test_a_persian_name_against_latin_only_lists_carries_a_warning() -> None:
    result = Screener(LATIN_ONLY).screen("شرکت بیمه ایران")
    (warning,) = result.query_warnings
    assert "Arabic script" in warning and "transliterated" in warning
    assert result.to_dict()["query_warnings"] == [warning]


def test_a_russian_name_warns_until_a_list_carries_cyrillic_names() -> None:
    query = "ООО «Агентство интернет-исследований»"
    assert "Cyrillic script" in Screener(LATIN_ONLY).screen(query).query_warnings[0]
    with_cyrillic = [*LATIN_ONLY, Candidate("x", "ООО Пример", countries=["RU"])]
    assert Screener(with_cyrillic).screen(query).query_warnings == []


def test_latin_names_and_digits_carry_no_warning() -> None:
    assert Screener(LATIN_ONLY).screen("Iran Insurance Co. 2").query_warnings == []


def test_the_audit_log_keeps_the_warning_with_a_clear_result(tmp_path: Path) -> None:
    party = PartyQuery(name="شرکت بیمه ایران", country="IR", reference="C-9", line=3)
    with AuditLog.for_data_dir(tmp_path) as log:
        session = ScreeningSession(LATIN_ONLY, log, threshold=0.65, match_threshold=0.8, by="ana", source="test")
        result = session.screen(party)
        assert result.query_warnings and result.to_dict()["query_warnings"] == result.query_warnings
        (entry,) = log.entries(party.key)
    assert entry.body["query_warnings"] == result.query_warnings
