"""The Screener: results, calibration (pinned scores), tie-breaking, settings and bad input."""

import math

import pytest

from redflag.matching.screening import ALGORITHM, DEFAULT_THRESHOLD, Candidate, Screener
from redflag.matching.table import Weights

WORLD = [
    Candidate(id="c1", name="Kestrel Monitoring Kft.", countries=["HU"], lists=["EL"], programs=["X"],
              identifiers=[("registration", "01-09-123456")], addresses=["12 Fo utca, Budapest"]),
    Candidate(id="c2", name="Kestrel Logistics Kft", countries=["HU"]),
    Candidate(id="c3", name="Optima OOO", aliases=["Optima LLC"], countries=["RU"]),
    Candidate(id="c4", name="Helix Security Holdings", countries=["XA"]),
    Candidate(id="c5", name="VARGA, Daniel", schema="Person", countries=["HU"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(WORLD)


def test_result_carries_query_normalization_and_algorithm(screener):
    result = screener.screen("Kestrel Monitoring Kft.", country="HU")
    assert result.query == "Kestrel Monitoring Kft."
    assert result.normalized_query == "kestrel monitoring kft"
    assert result.algorithm == ALGORITHM == "logic-v2"
    assert result.threshold == DEFAULT_THRESHOLD
    top = result.matches[0]
    assert (top.id, top.lists, top.programs) == ("c1", ["EL"], ["X"])
    assert set(top.explanation) == {row["name"] for row in screener.describe() if row["name"] != "bias"}
    assert all(0.0 <= v <= 1.0 for v in top.explanation.values())
    assert result.to_dict()["matches"][0]["matched_name"] == "Kestrel Monitoring Kft."


def test_pinned_scores_do_not_drift(screener):
    """Calibration stability: these values change only with a new algorithm version."""
    assert screener.screen("Kestrel Monitoring Kft", country="HU").matches[0].score == pytest.approx(0.9704, abs=1e-4)
    assert screener.screen("Kestrel Monitoring Kft").matches[0].score == pytest.approx(0.9302, abs=1e-4)
    foreign = screener.screen("Kestrel Monitoring Kft", country="AT", threshold=0.0).matches[0]
    assert foreign.score == pytest.approx(0.7089, abs=1e-4)
    assert screener.screen("Daniel Varga").matches[0].score == pytest.approx(0.9302, abs=1e-4)


def test_scores_do_not_saturate(screener):
    best = screener.screen("Kestrel Monitoring Kft", country="HU", identifiers=[("registration", "01 09 123456")],
                           address="12 Fo utca Budapest").matches[0]
    assert best.explanation["identifier_match"] == 1.0
    assert 0.99 < best.score < 1.0


def test_exact_name_in_another_country_falls_below_threshold(screener):
    assert screener.screen("Optima LLC", country="US").matches == []
    assert screener.screen("Optima LLC", country="US", threshold=0.6).matches[0].id == "c3"


def test_sister_company_does_not_match(screener):
    assert screener.screen("Helix Integrators").matches == []
    sisters = screener.screen("Kestrel Monitoring Kft", threshold=0.0).matches
    assert [m.id for m in sisters][:2] == ["c1", "c2"]
    assert sisters[1].explanation["distinctive_disagreement"] == 1.0


def test_initials_and_word_order(screener):
    assert screener.screen("D. Varga").matches[0].id == "c5"
    assert screener.screen("D V").matches == []


def test_ties_are_broken_by_features_then_id():
    twins = Screener([Candidate(id="b", name="Acme Signal"), Candidate(id="a", name="Acme Signal Ltd")])
    matches = twins.screen("Acme Signal Ltd").matches
    assert [m.score for m in matches] == [matches[0].score] * 2
    assert [m.id for m in matches] == ["a", "b"]  # same score: identical features, so the id decides


def test_weights_are_a_setting(screener):
    strict = Screener(WORLD, weights=Weights(features={"country_mismatch": -6.0}))
    assert strict.screen("Kestrel Monitoring Kft", country="AT", threshold=0.0).matches[0].score < 0.2
    rows = {r["name"]: r for r in strict.describe()}
    assert rows["country_mismatch"]["weight"] == -6.0
    assert rows["name_exact"]["description"]


def test_bad_settings_and_input_say_what_is_wrong(screener):
    with pytest.raises(ValueError, match="unknown feature name.*nonsense"):
        Screener(WORLD, weights=Weights(features={"nonsense": 1.0}))
    with pytest.raises(ValueError, match="finite"):
        Screener(WORLD, weights=Weights(features={"name_exact": math.nan}))
    with pytest.raises(ValueError, match="threshold"):
        screener.screen("x", threshold=1.5)
    with pytest.raises(ValueError, match="duplicate candidate id 'c1'"):
        Screener([WORLD[0], WORLD[0]])
    with pytest.raises(TypeError):
        screener.screen(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("hostile", ["", "   ", "\x00\x01", "' OR 1=1 --", "MATCH (n) DETACH DELETE n", "<script>", "x" * 1_000_000])
def test_hostile_queries_are_just_names(screener, hostile):
    result = screener.screen(hostile)
    assert result.matches == []


def test_blocking_finds_respellings_among_many_candidates():
    crowd = [Candidate(id=f"n{i}", name=f"Northwind Trading {i} Ltd") for i in range(3000)]
    crowd.append(Candidate(id="target", name="Bogachev Evgeniy"))
    s = Screener(crowd)
    assert s.screen("Bogatchev Evgeni").matches[0].id == "target"
    assert s.screen("Northwind Trading 1234 Limited").matches[0].id == "n1234"
