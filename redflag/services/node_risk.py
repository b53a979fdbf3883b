"""The risk level of a graph node, with its grounds, for colouring the explorer by risk.

One scale for every node type, from what is stored (nothing is computed anew here):
- a **Transaction**: ``hard stop`` when its stored ``hard_stop`` is true, else its stored ``risk_band``
  (``redflag flags`` stores score, band and hard stop; bands from redflag/rules/score.py), else ``not scored``;
- a **Finding**: its severity level (redflag/rules/base.py ``severity_level``: hard-stop, high, medium, low,
  context; context counts as low), ``not scored`` for a finding no longer active;
- an **Entity**: the highest of ``high`` when it is on a loaded screening list and the severity of the active,
  undismissed findings that concern it; ``no flag found`` when it has neither. That is not a clearance: it
  only says the graph holds no listing and no finding for it;
- any other node (country, address, item, document ...): ``not scored``.
"""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore
from redflag.services import explore

LEVELS = ("hard stop", "critical", "high", "medium", "low", "no flag found", "not scored")
_RANK = {level: i for i, level in enumerate(LEVELS)}
_SEVERITY = {"hard-stop": "hard stop", "high": "high", "medium": "medium", "low": "low", "context": "low"}


def worst(levels: list[str]) -> str:
    """The highest level of ``levels`` (``no flag found`` for none)."""
    return min(levels, key=lambda lv: _RANK.get(lv, len(LEVELS)), default="no flag found")


def node_risks(store: GraphStore, nodes: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """``{id: {"level": one of LEVELS, "why": one sentence}}`` for nodes given as ``{"id", "label"}`` dicts."""
    out: dict[str, dict[str, str]] = {}
    entity_ids = [str(n["id"]) for n in nodes if n.get("label") == "Entity"]
    listed = explore.list_names(store, entity_ids)
    for n in nodes:
        nid, label = str(n["id"]), str(n.get("label") or "")
        if label == "Transaction":
            props = store.get_node("Transaction", nid) or {}
            if props.get("hard_stop") is True:
                out[nid] = {"level": "hard stop", "why": "hard stop stored by the last flag evaluation"}
            elif props.get("risk_band") in _RANK:
                out[nid] = {"level": str(props["risk_band"]),
                            "why": f"risk score {props.get('risk_score')} of 100, band {props['risk_band']}"}  # fmt: skip
            else:
                out[nid] = {"level": "not scored", "why": "the red flags have not been evaluated (redflag flags)"}
        elif label == "Finding":
            props = store.get_node("Finding", nid) or {}
            if props.get("active") is False:
                out[nid] = {"level": "not scored", "why": "finding no longer raised"}
            else:
                level = _SEVERITY.get(str(props.get("severity") or ""), "high")
                out[nid] = {"level": level, "why": f"finding severity {props.get('severity') or 'unknown'}, "
                                                   f"status {props.get('status') or 'open'}"}  # fmt: skip
        elif label == "Entity":
            levels, why = [], []
            if listed.get(nid):
                levels.append("high")
                why.append("on " + "; ".join(listed[nid]))
            findings = [f for f in explore.entity_findings(store, nid) if str(f.get("status") or "") != "dismissed"]
            for f in findings:
                levels.append(_SEVERITY.get(str(f.get("severity") or ""), "high"))
            if findings:
                why.append(f"{len(findings)} finding(s) concern it")
            out[nid] = {"level": worst(levels),
                        "why": ", ".join(why) or "no listing and no finding in the graph (not a clearance)"}  # fmt: skip
        else:
            out[nid] = {"level": "not scored", "why": f"a {label.lower() or 'node'} has no risk of its own"}
    return out
