"""Safeguard clauses agreed with a distributor bind the end-user only if the deal says they are passed on
(DOS-S2, key ``flow-down``). Real embedded FalkorDB, deals imported as a user imports them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redflag.deals import import_deals
from redflag.rules.context import Context
from redflag.rules.safeguards import missing_clauses

ALL_CLAUSES = {"use_limits": True, "termination": True, "update_denial": True, "remote_disable": True}


def _deal(tmp_path: Path, customer: str, safeguards: dict[str, bool]) -> Path:
    deal = {
        "id": "FLOW-1",
        "parties": [{"role": "exporter", "party": "Example Exporter GmbH"},
                    {"role": "customer", "party": customer},
                    {"role": "end_user", "party": "Example City Transit Authority"}],
        "items": [{"item": "camera-x", "quantity": 10}],
        "destination": "DE",
        "safeguards": safeguards,
    }  # fmt: skip
    path = tmp_path / "deals.json"
    path.write_text(json.dumps([deal]), encoding="utf-8")
    return path


def _flow_down(store, tmp_path: Path, customer: str, safeguards: dict[str, bool]) -> list[str]:  # noqa: ANN001
    import_deals(store, _deal(tmp_path, customer, safeguards))
    return [f.explanation for f in missing_clauses(Context(store, "FLOW-1")) if "binds_end_user" in f.explanation]


def test_clauses_agreed_with_a_distributor_are_a_finding_about_the_end_user(falkordb_store, tmp_path: Path) -> None:  # noqa: ANN001
    import_deals(falkordb_store, _deal(tmp_path, "Example Distribution BV", ALL_CLAUSES))
    findings = missing_clauses(Context(falkordb_store, "FLOW-1"))
    (finding,) = findings  # every clause agreed: only the flow-down finding
    assert finding.rule == "DOS-S2" and finding.confidence == 0.5
    assert "agreed with Example Distribution BV (customer)" in finding.explanation
    assert "not with the end-user Example City Transit Authority" in finding.explanation
    assert finding.parties and all(p.startswith("party-") for p in finding.parties)


@pytest.mark.parametrize("customer,safeguards", [
    ("Example Distribution BV", {**ALL_CLAUSES, "binds_end_user": True}),  # the deal says they are passed on
    ("Example City Transit Authority", ALL_CLAUSES),  # the end-user signs the contract itself
    ("Example Distribution BV", {}),  # no clause agreed: the missing-clause finding covers it
])  # fmt: skip
def test_no_flow_down_finding_when_the_clauses_reach_the_end_user_or_none_was_agreed(
    falkordb_store, tmp_path: Path, customer: str, safeguards: dict[str, bool],  # noqa: ANN001
) -> None:
    assert _flow_down(falkordb_store, tmp_path, customer, safeguards) == []
