"""A finding with its reasons, as the due-diligence report gives them: explanation, evidence, path, history.

The data is the report model's (``redflag.reports.model.build_report``: each finding's ``to_dict()`` plus its
``resolutions``); this module only lays it out. Every value from data is shown as text or escaped Markdown.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.common import md_escape, md_link

SEVERITY_MARK = {"hard-stop": "🛑", "high": "🔴", "medium": "🟠", "low": "🟡", "context": "⚪"}


def evidence_citation(ev: dict[str, Any]) -> str:
    """One line naming where a piece of evidence comes from: source or publisher, tier, date, status, link.

    Returns escaped Markdown (the link, when the evidence has an http(s) address, opens in the browser).
    """
    bits = [md_escape(ev.get("publisher") or ev.get("source") or "source")]
    if ev.get("publisher") and ev.get("source") and ev.get("source") != ev.get("publisher"):
        bits.append(f"source {md_escape(ev['source'])}")
    if ev.get("tier") not in (None, ""):
        bits.append(f"tier {md_escape(ev['tier'])}")
    if ev.get("published"):
        bits.append(f"dated {md_escape(ev['published'])}")
    if ev.get("status") and ev["status"] not in ("curated", "record"):
        bits.append(md_escape(ev["status"]))
    if ev.get("hedged"):
        bits.append("hedged wording")
    conf = ev.get("confidence")
    if conf is not None and float(conf) < 1.0:
        bits.append(f"confidence {float(conf):.2f}")
    if ev.get("url"):
        bits.append(md_link("open the source", ev["url"]))
    return " · ".join(bits)


def list_entry_line(entry: dict[str, Any]) -> str:
    """A list entry as one escaped Markdown line: list (authority and code), programme, dates, link."""
    listed = " ".join(str(x) for x in (entry.get("authority"), entry.get("list_code")) if x) or "a list"
    text = f"Listed on {md_escape(listed)}"
    if entry.get("program"):
        text += f" · programme {md_escape(entry['program'])}"
    if entry.get("start_date"):
        text += f" · from {md_escape(entry['start_date'])}"
    if entry.get("end_date"):
        text += f" until {md_escape(entry['end_date'])}"
    if entry.get("dataset"):
        text += f" · dataset {md_escape(entry['dataset'])}"
    if entry.get("source_url"):
        text += " · " + md_link("the list", entry["source_url"])
    return text


def show_evidence(ev: dict[str, Any]) -> None:
    """A passage quote (or a list entry) with its citation line."""
    entry = ev.get("list_entry")
    if isinstance(entry, dict):
        st.markdown(list_entry_line(entry))
        if ev.get("passage"):
            st.caption(md_escape(ev["passage"]))
        return
    if ev.get("passage"):
        st.markdown("> " + md_escape(" ".join(str(ev["passage"]).split())))
    st.caption(evidence_citation(ev))


def path_lines(finding: dict[str, Any]) -> list[str]:
    """The finding's path as hops with names ("A —OWNS→ B"), in the order the rule found them."""
    path = finding.get("path") or {}
    names = {str(n.get("id")): str(n.get("name") or n.get("id")) for n in path.get("nodes") or []}
    lines = []
    for r in path.get("relationships") or []:
        src, dst = names.get(str(r.get("source")), str(r.get("source"))), names.get(str(r.get("target")), str(r.get("target")))
        lines.append(f"{src} —{str(r.get('type') or '').replace('_', ' ').lower()}→ {dst}")
    return lines


def party_names(finding: dict[str, Any], known: dict[str, str] | None = None) -> str:
    """The names of the parties a finding concerns (from its path, else ``known``: id -> name), not ids."""
    path = finding.get("path") or {}
    names = dict(known or {})
    names.update({str(n.get("id")): str(n.get("name") or n.get("id")) for n in path.get("nodes") or []})
    return ", ".join(dict.fromkeys(names.get(str(p), str(p)) for p in finding.get("parties") or [])) or "the transaction"


def resolution_rows(resolutions: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"#": str(r.get("seq") or ""), "outcome": str(r.get("status") or ""), "by": str(r.get("by") or ""),
             "at": str(r.get("at") or "")[:19].replace("T", " "), "why": str(r.get("reason") or "")}
            for r in resolutions]  # fmt: skip


def decision_rows(decisions: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"decision": str(d.get("decision") or "").replace("_", " "), "by": str(d.get("by") or ""),
             "at": str(d.get("at") or "")[:19].replace("T", " "), "why": str(d.get("reason") or "")}
            for d in decisions]  # fmt: skip


def show_finding(finding: dict[str, Any], stored: bool, known: dict[str, str] | None = None) -> None:
    """One finding in a bordered box: what, why, on whom, evidence, path, and its resolution history."""
    level = str(finding.get("severity") or "")
    with st.container(border=True):
        st.markdown(
            f"{SEVERITY_MARK.get(level, '')} **{md_escape(finding.get('rule'))}: {md_escape(finding.get('title'))}**"
            f" · {md_escape(level)} · status {md_escape(finding.get('status') or 'open')}"
        )
        if finding.get("hard_stop"):
            st.error("Hard stop: " + md_escape(finding.get("hard_stop_reason") or finding.get("explanation")))
        st.markdown(md_escape(finding.get("explanation") or ""))
        st.caption(f"Concerns {md_escape(party_names(finding, known))} · confidence {md_escape(finding.get('confidence'))}"
                   f" · consideration {md_escape(str(finding.get('consideration') or '').replace('_', ' '))}"
                   f" · id {md_escape(finding.get('id'))}")  # fmt: skip
        evidence = [e for e in finding.get("evidence") or [] if isinstance(e, dict)]
        if evidence:
            st.markdown("**Evidence**")
            for ev in evidence:
                show_evidence(ev)
        else:
            st.caption("No evidence is attached to this finding.")
        hops = path_lines(finding)
        if hops:
            st.markdown("**Path**")
            st.markdown("\n".join(f"{i}. {md_escape(h)}" for i, h in enumerate(hops, 1)))
        history = finding.get("resolutions") or []
        if history:
            st.markdown("**Resolutions** (oldest first)")
            st.dataframe(resolution_rows(history), hide_index=True)
        elif not stored:
            st.caption("Not stored yet: press “Run screening and flags” to store it before resolving it.")
