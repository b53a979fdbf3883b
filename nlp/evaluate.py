"""Evaluation harness: precision, recall and F1 per entity label and per event type against gold files.

Gold files (``*.json`` in a folder; ``gazetteer.json`` there, if present, is the run-time gazetteer):
``{"id", "style", "text", "entities": [{"text","label","start","end"}], "events": [{"type","roles","hedged","negated"}]}``.

Entities match on exact offsets and label. Events match role-level: same type, same ``negated`` flag, and
the key roles of the type right (supply: supplier and recipient; abuse: actor and victim_group; listing:
entity and list or authority; ownership: owner and owned, or entity and former_name for a rename; reexport:
item and to, or from and to). A role is right when the gold and predicted values share a name after
normalisation (case, punctuation, legal form, a leading article), one is the other's acronym, or one name contains the other word-wise;
a role absent from the gold must be absent from the prediction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import GoldError
from nlp.normalize import acronym, name_key
from ontology.records import DocumentExtraction, EventMention

KEY_ROLES: dict[str, list[tuple[str, ...]]] = {
    "supply": [("supplier", "recipient")],
    "abuse": [("actor", "victim_group")],
    "listing": [("entity", "list"), ("entity", "authority")],
    "ownership": [("owner", "owned"), ("entity", "former_name")],
    "reexport": [("item", "to"), ("from", "to")],
}
ENTITY_LABELS = ("ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP")


@dataclass
class GoldText:
    id: str
    text: str
    entities: list[dict[str, Any]]
    events: list[dict[str, Any]]
    path: Path


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    entities: dict[str, Score] = field(default_factory=dict)
    events: dict[str, Score] = field(default_factory=dict)
    texts: int = 0
    errors: list[str] = field(default_factory=list)  # per-text mismatches, for reading


def load_gold(folder: str | Path) -> list[GoldText]:
    """The gold texts of ``folder``, validated; GoldError names the file and the field at fault."""
    root = Path(folder)
    if not root.is_dir():
        raise GoldError(f"{root}: not a folder of gold JSON files")
    out: list[GoldText] = []
    for path in sorted(root.glob("*.json")):
        if path.name == "gazetteer.json":
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise GoldError(f"{path}: expected an object with a 'text' string")
        text = data["text"]
        for i, ent in enumerate(data.get("entities", [])):
            for key in ("text", "label", "start", "end"):
                if key not in ent:
                    raise GoldError(f"{path}: entities[{i}] has no {key!r}")
            if ent["label"] not in ENTITY_LABELS:
                raise GoldError(f"{path}: entities[{i}] label {ent['label']!r} is not one of {ENTITY_LABELS}")
            if text[ent["start"] : ent["end"]] != ent["text"]:
                raise GoldError(f"{path}: entities[{i}] offsets {ent['start']}-{ent['end']} do not cover {ent['text']!r}")
        for i, ev in enumerate(data.get("events", [])):
            if ev.get("type") not in KEY_ROLES or not isinstance(ev.get("roles"), dict):
                raise GoldError(f"{path}: events[{i}] needs a type in {sorted(KEY_ROLES)} and a roles object")
        out.append(GoldText(str(data.get("id", path.stem)), text, data.get("entities", []), data.get("events", []), path))
    if not out:
        raise GoldError(f"{root}: no gold *.json files")
    return out


def _values(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value not in (None, "") else []
    return [name_key(str(v)) for v in items if str(v).strip()]


def _same(gold: list[str], pred: list[str]) -> bool:
    for g in gold:
        for p in pred:
            if g == p or g.replace(" ", "") == acronym(p).casefold() or p.replace(" ", "") == acronym(g).casefold():
                return True
            gw, pw = g.split(), p.split()
            if gw and pw and (_contains(gw, pw) or _contains(pw, gw)):
                return True
    return False


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def event_matches(gold: dict[str, Any], pred: EventMention) -> bool:
    if gold["type"] != pred.type or bool(gold.get("negated", False)) != pred.negated:
        return False
    groles = gold["roles"]
    for roles in KEY_ROLES[gold["type"]]:
        if not any(r in groles for r in roles):
            continue
        if all(_role_ok(_values(groles.get(r)), _values(pred.roles.get(r))) for r in roles):
            return True
    return False


def _role_ok(gold: list[str], pred: list[str]) -> bool:
    if not gold:
        return not pred
    return _same(gold, pred)


def score(gold_texts: Iterable[GoldText], extractions: Iterable[DocumentExtraction]) -> Report:
    report = Report(entities={lab: Score() for lab in ENTITY_LABELS}, events={t: Score() for t in KEY_ROLES})
    for gold, ext in zip(gold_texts, extractions, strict=True):
        report.texts += 1
        gold_ents = {(e["start"], e["end"], e["label"]) for e in gold.entities}
        pred_ents = {(e.start, e.end, e.label) for e in ext.entities}
        for s, e, lab in pred_ents:
            if (s, e, lab) in gold_ents:
                report.entities[lab].tp += 1
            else:
                report.entities[lab].fp += 1
                report.errors.append(f"{gold.id}: spurious {lab} {gold.text[s:e]!r}")
        for s, e, lab in gold_ents - pred_ents:
            report.entities[lab].fn += 1
            report.errors.append(f"{gold.id}: missed {lab} {gold.text[s:e]!r}")
        unmatched = list(ext.events)
        for gev in gold.events:
            hit = next((p for p in unmatched if event_matches(gev, p)), None)
            if hit is not None:
                unmatched.remove(hit)
                report.events[gev["type"]].tp += 1
            else:
                report.events[gev["type"]].fn += 1
                report.errors.append(f"{gold.id}: missed {gev['type']} {gev['roles']}")
        for p in unmatched:
            report.events[p.type].fp += 1
            report.errors.append(f"{gold.id}: spurious {p.type} {p.roles} negated={p.negated}")
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.texts} texts", "", f"{'entity label':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for lab, s in report.entities.items():
        lines.append(f"{lab:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:5d} {s.tp + s.fp:5d}")
    lines += ["", f"{'event type':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for typ, s in report.events.items():
        lines.append(f"{typ:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:5d} {s.tp + s.fp:5d}")
    return "\n".join(lines)


def default_gold_dir() -> Path:
    return Path(__file__).resolve().parent / "devset"


def evaluate(extractor: Any, gold_dir: str | Path | None = None) -> Report:
    """Runs ``extractor`` (an :class:`nlp.extract.Extractor`) over the gold texts and scores it."""
    gold = load_gold(gold_dir or default_gold_dir())
    extractions = [extractor.extract_text(g.text) for g in gold]
    return score(gold, extractions)
