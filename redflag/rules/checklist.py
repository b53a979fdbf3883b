"""Checklist flags: questions the analyst answers (yes / no / unknown) on the transaction.

Answers are stored on the Transaction as JSON text (``checklist``): ``{flag_id: {"answer", "note", "by",
"at"}}``. A "yes" raises the flag as a finding whose evidence is the analyst's note; "unknown" is listed as an
open question in the report.
"""

from __future__ import annotations

from typing import Any

from redflag.rules.base import Evidence, Finding, GraphPath, make_finding
from redflag.rules.context import Context
from redflag.rules.registry import checklist_flags

ANSWERS = ("yes", "no", "unknown")


def normalise_answer(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        answer = str(raw.get("answer") or "unknown").lower()
        return {**raw, "answer": answer if answer in ANSWERS else "unknown"}
    answer = str(raw or "unknown").lower()
    return {"answer": answer if answer in ANSWERS else "unknown"}


def checklist_rows(ctx: Context) -> list[dict[str, Any]]:
    answers = ctx.checklist()
    rows = []
    for flag in checklist_flags():
        a = normalise_answer(answers.get(flag.id))
        rows.append(
            {
                "flag": flag.id,
                "title": flag.title,
                "question": flag.checklist_question,
                "consideration": flag.consideration,
                "answer": a["answer"],
                "note": a.get("note", ""),
                "by": a.get("by", ""),
                "at": a.get("at", ""),
            }
        )
    return rows


def checklist_findings(ctx: Context, rows: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for row in rows:
        if row["answer"] != "yes":
            continue
        text = f"Analyst answered yes: {row['question']}" + (f" Note: {row['note']}" if row["note"] else "")
        out.append(
            make_finding(
                ctx,
                row["flag"],
                parties=[],
                evidence=[
                    Evidence(
                        source="analyst checklist",
                        passage=text,
                        publisher=str(row["by"] or ""),
                        tier=None,
                        status="record",
                        published=str(row["at"] or ""),
                    )
                ],
                path=ctx.tx_node(GraphPath()),
                explanation=text,
                confidence=1.0,
                key_extra="checklist",
            )
        )
    return out
