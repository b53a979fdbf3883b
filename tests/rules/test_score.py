"""The risk score model: more evidence always raises it, it does not fill up, roles and bands as documented."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redflag.rules.base import Finding, GraphPath
from redflag.rules.score import HALF_SCORE_AT, band, scale, score

LEVELS = ["high", "medium", "low", "hard-stop"]
CONSIDERATIONS = ["item", "third_parties", "red_flags", "mitigation"]


def finding(i: int, level: str, consideration: str, confidence: float = 1.0, party: str = "p") -> Finding:
    return Finding(
        id=f"F-{i}", rule=f"R-{i}", title="t", severity=level, hard_stop=level == "hard-stop", transaction="T",
        family="f", consideration=consideration, parties=[party], evidence=[], path=GraphPath(),
        explanation="e", confidence=confidence,
    )  # fmt: skip


findings_st = st.lists(
    st.tuples(st.sampled_from(LEVELS), st.sampled_from(CONSIDERATIONS), st.floats(0.05, 1.0)), max_size=25
)


@given(findings_st, st.sampled_from(LEVELS), st.sampled_from(CONSIDERATIONS), st.floats(0.05, 1.0))
def test_one_more_finding_never_lowers_the_score(base, level, consideration, confidence) -> None:
    before = [finding(i, *spec) for i, spec in enumerate(base)]
    after = [*before, finding(len(base), level, consideration, confidence)]
    assert score(after).score >= score(before).score
    assert score(after).log_odds > score(before).log_odds


def test_forty_strong_findings_still_leave_room_below_one_hundred() -> None:
    many = [finding(i, "high", CONSIDERATIONS[i % 4]) for i in range(40)]
    assert score(many).score < 100
    assert score(many[:20]).score < score(many).score


def test_half_of_the_scale_is_reached_at_half_score_at() -> None:
    assert scale(HALF_SCORE_AT) == 50.0 and scale(0) == 0.0


def test_bands_are_low_medium_high_critical_at_25_50_75() -> None:
    assert [band(x) for x in (0, 24.9, 25, 49.9, 50, 74.9, 75, 100)] == [
        "low", "low", "medium", "medium", "high", "high", "critical", "critical"]  # fmt: skip


def test_a_finding_about_the_end_user_weighs_more_than_the_same_about_a_forwarder() -> None:
    about_end_user = score([finding(1, "high", "third_parties", party="eu")], {"eu": ["end_user"], "fw": ["freight_forwarder"]})
    about_forwarder = score([finding(1, "high", "third_parties", party="fw")], {"eu": ["end_user"], "fw": ["freight_forwarder"]})
    assert about_end_user.score > about_forwarder.score
    assert about_forwarder.contributions[0]["role"] == "freight_forwarder"


def test_missing_safeguards_amplify_the_other_worries() -> None:
    worry = [finding(1, "high", "third_parties")]
    gap = [finding(2, "high", "mitigation")]
    assert score(worry + gap).log_odds > score(worry).log_odds + score(gap).log_odds


def test_hard_stops_are_separate_from_the_score() -> None:
    result = score([finding(1, "hard-stop", "third_parties", confidence=0.1)])
    assert result.hard_stop and result.band == "low"


def listed(i: int, effect: str, party: str) -> Finding:
    f = finding(i, "hard-stop", "third_parties", party=party)
    f.details = {"lists": [{"list_code": "X", "effect": effect, "hard_stop": True}]}
    return f


ROLES = {"eu": ["end_user"], "fw": ["freight_forwarder"]}


def test_a_licence_requirement_weighs_less_than_a_prohibition_and_both_stay_hard_stops() -> None:
    licence = score([listed(1, "licence_required", "eu")], ROLES)
    denial = score([listed(1, "export_prohibited", "eu")], ROLES)
    assert licence.hard_stop and denial.hard_stop
    assert licence.score < denial.score


def test_a_prohibition_weighs_in_full_whatever_the_role_but_a_licence_requirement_follows_the_role() -> None:
    assert score([listed(1, "export_prohibited", "fw")], ROLES).score == score([listed(1, "export_prohibited", "eu")], ROLES).score
    assert score([listed(1, "licence_required", "fw")], ROLES).score < score([listed(1, "licence_required", "eu")], ROLES).score


def test_evidence_reached_through_a_candidate_duplicate_counts_less_than_through_a_confirmed_one() -> None:
    confirmed, candidate = finding(1, "high", "third_parties"), finding(1, "high", "third_parties")
    confirmed.path.add_rel("SAME_AS", "p", "q")
    candidate.path.add_rel("POSSIBLY_SAME_AS", "p", "q")
    assert 0 < score([candidate]).score < score([confirmed]).score
    assert score([candidate]).contributions[0]["candidate_links"] == 1


def test_two_context_flags_about_the_item_multiply_once() -> None:
    worry = finding(1, "high", "third_parties")
    dos_i1 = Finding(**{**finding(2, "context", "item").__dict__, "rule": "DOS-I1"})
    eu_03 = Finding(**{**finding(3, "context", "item").__dict__, "rule": "EU-03"})
    both = score([worry, dos_i1, eu_03])
    assert both.log_odds == score([worry, dos_i1]).log_odds
    assert [m["rule"] for m in both.multipliers] == ["DOS-I1"]
