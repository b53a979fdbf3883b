"""Export licences to deal with a state (issue 13, round 20): the firm that holds the licence sells to the party it
may deal with, and the licensing authority is no party of the trade. Each kind with a sentence that must give no
such sale. "Korvane Analytics", "Velmont Systems" and the state "Ruritania" are fictional; the sentences are written
for these tests."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"
OTHER = "Velmont Systems"
BUYER = "Ruritanian Interior Ministry"


def _pairs(extractor: Extractor, text: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {(frozenset(names(ev.roles.get("supplier"))), frozenset(names(ev.roles.get("recipient"))))
            for ev in supplies(extractor.extract_text(text))}


def test_the_licensed_firm_sells_to_the_state_it_may_work_with(extractor: Extractor) -> None:
    text = (f"The export control agency also licensed a fictional firm called {FIRM} to work with the "
            f"{BUYER}.")
    pairs = _pairs(extractor, text)
    assert (frozenset({FIRM}), frozenset({BUYER})) in pairs
    assert not any("agency" in " ".join(sellers).casefold() for sellers, _ in pairs)
    assert not any(FIRM in buyers for _, buyers in pairs)


def test_each_firm_licensed_in_a_passive_is_its_own_sale(extractor: Extractor) -> None:
    text = f"{FIRM} and {OTHER}, two fictional firms, were also licensed to work with the {BUYER}, the paper said."
    pairs = _pairs(extractor, text)
    assert (frozenset({FIRM}), frozenset({BUYER})) in pairs
    assert (frozenset({OTHER}), frozenset({BUYER})) in pairs


def test_a_licence_noun_for_a_firm_to_work_with_a_state(extractor: Extractor) -> None:
    text = f"The trade ministry approved a new licence for {FIRM}, a fictional firm, to work with the {BUYER}."
    pairs = _pairs(extractor, text)
    assert (frozenset({FIRM}), frozenset({BUYER})) in pairs
    assert not any("ministry" in " ".join(buyers).casefold() and "trade" in " ".join(buyers).casefold()
                   for _, buyers in pairs)


def test_a_licence_to_do_something_else_is_no_sale(extractor: Extractor) -> None:
    # a licence to open an office, or to work on a project, says no buyer
    for text in (f"The export control agency licensed {FIRM}, a fictional firm, to open an office in the capital.",
                 f"The agency licensed {FIRM}, a fictional firm, to work on a research project."):
        assert not any(FIRM in sellers for sellers, _ in _pairs(extractor, text))


def test_the_agency_that_grants_the_licence_is_never_a_party(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, was licensed by the Ruritanian Export Control Agency to work with the {BUYER}."
    pairs = _pairs(extractor, text)
    assert (frozenset({FIRM}), frozenset({BUYER})) in pairs
    assert not any("Agency" in " ".join(sellers | buyers) for sellers, buyers in pairs)


def test_a_firm_that_obtains_a_licence_to_export_is_the_seller(extractor: Extractor) -> None:
    for verb in ("obtained", "received", "secured"):
        text = f"{FIRM}, a fictional firm, {verb} a licence to export its Nightjar suite to the {BUYER}."
        pairs = _pairs(extractor, text)
        assert (frozenset({FIRM}), frozenset({BUYER})) in pairs, verb
        assert not any(FIRM in buyers for _, buyers in pairs), verb


def test_licences_bought_as_goods_stay_a_purchase(extractor: Extractor) -> None:
    text = f"The {BUYER} bought 40 licences for the Nightjar suite from {FIRM}, a fictional firm."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
