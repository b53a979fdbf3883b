"""Legal forms as customer files and lists write them: with dots between letters ("S.A. de C.V."), in Cyrillic
abbreviations of other post-Soviet jurisdictions (Ukrainian ПрАТ/ПАТ, Kazakh ТОО, Belarusian ОДО), Gulf and Levant
forms (W.L.L., S.A.L., FZC), Indonesian PT/Tbk, Japanese 株式会社 and Korean 주식회사, and an abbreviation of a form whose
generic word rigour reads under two symbols ("Corpn" for Corporation).

Each was left in the name before (``strip_legal_forms`` kept "s a de c v", "prjsc", "corpn"...), so the name
compared carried extra words against the listed one ("INTELLEXA S.A. DE C.V." scored 0.63 against OFAC's
"INTELLEXA S.A.", a silent clear). Sources of the forms: rigour's org-types table (OCCRP, ISO 20275 ELF codes) for
the Mexican forms; ISO 20275 ELF code list for the others (Ukraine ПрАТ/ПАТ/АТ, Kazakhstan ТОО, Belarus ОДО/СООО,
Bahrain/Qatar W.L.L., Lebanon S.A.L., Indonesia PT/Tbk, Japan 株式会社, Korea 주식회사, Estonia osaühing).
"""

from __future__ import annotations

import pytest

from ontology.names import strip_legal_forms


@pytest.mark.parametrize(
    "name",
    [
        "Acme S.A. de C.V.",
        "Acme S. de R.L. de C.V.",
        "Acme S.A.P.I. de C.V.",
        "Acme SAPI de CV",
        "Acme S.A.B. de C.V.",
        "Acme PrJSC",
        "Acme PrAT",
        "ПрАТ Acme",
        "Acme ПАТ",
        "ТОО Acme",
        "Acme TOO",
        "Acme НАО",
        "ОДО Acme",
        "Acme JLLC",
        "Acme EAD",
        "Acme W.L.L.",
        "Acme WLL",
        "Acme S.A.L.",
        "Acme FZC",
        "PT Acme",
        "PT. Acme Tbk",
        "Acme Pvt Ltd",
        "Acme 株式会社",
        "株式会社Acme",
        "Acme Kabushiki Kaisha",
        "Acme 주식회사",
        "Acme Osaühing",
        "Acme Corpn",
        "Acme Corpn.",
    ],
)
def test_a_legal_form_as_written_is_cut_from_the_name(name: str) -> None:
    core, forms = strip_legal_forms(name)
    assert core == "acme" and forms, (core, forms)


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("JSC OBNINSK ENTERPRISE NAMED AFTER A. G. ROMASHIN", "obninsk enterprise named after a g romashin"),
        ("Pat Smith Trading", "pat smith trading"),  # ПАТ and НАО are cut only at the end: Pat, Nao are given names
        ("Nao Tanaka", "nao tanaka"),
        ("S A Cooper", "s a cooper"),  # initials at the start stay
    ],
)
def test_letters_and_words_that_only_look_like_a_form_stay_in_the_name(name: str, core: str) -> None:
    assert strip_legal_forms(name)[0] == core
