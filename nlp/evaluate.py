"""Evaluation harness: precision, recall and F1 per entity label and per event type against gold files.

Gold files (``*.json`` in a folder; ``gazetteer.json`` there, if present, is the run-time gazetteer):
``{"id", "style", "text", "entities": [{"text","label","start","end"}], "events": [{"type","roles","hedged","negated"}]}``.
Optional keys (the real development set ``nlp/devset/real`` has them): ``source_url``, ``licence``, ``publisher``
on the document, ``country`` (ISO 3166 alpha-2) on a GOV_AGENCY entity. A role value given as a list names
several parties, any of which counts as right (alternative names of one party, or the parties of one act).

Entities match on exact offsets and label. Events match role-level: same type, same ``negated`` flag, and
the key roles of the type right (supply: supplier and recipient; abuse: actor and victim_group; listing:
entity and list or authority; ownership: owner and owned, or entity and former_name for a rename; reexport:
item and to, or from and to). A role is right when the gold and predicted values share a name after
normalisation (case, punctuation, legal form, a leading article), one is the other's acronym, or one name contains the other word-wise;
a role absent from the gold must be absent from the prediction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import GoldError
from nlp.normalize import acronym, name_key
from ontology.countries import country_code
from ontology.records import DocumentExtraction, EventMention

KEY_ROLES: dict[str, list[tuple[str, ...]]] = {
    "supply": [("supplier", "recipient")],
    "abuse": [("actor", "victim_group")],
    "listing": [("entity", "list"), ("entity", "authority")],
    "ownership": [("owner", "owned"), ("entity", "former_name")],
    "reexport": [("item", "to"), ("from", "to")],
}
ENTITY_LABELS = ("ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP")
NAME_LABELS = ("ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT")  # what a general NER model can find too
HALVES = ("tuning", "counted")


@dataclass
class GoldText:
    id: str
    text: str
    entities: list[dict[str, Any]]
    events: list[dict[str, Any]]
    path: Path
    source_url: str = ""
    licence: str = ""

    @property
    def half(self) -> str:
        return half_of(self.id)


def half_of(doc_id: str) -> str:
    """``tuning`` or ``counted``: a fixed split by the first byte of SHA-256 of the document id (even: tuning).

    Errors may be read, and rules changed, on the tuning half only; the counted half is only ever scored.
    """
    return HALVES[hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2]


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
    # per-text mismatches, for reading: texts by id, a text's entity errors by offset, then its events' errors
    # (gold order, then prediction order), so two runs print the same lines in the same order and diff cleanly
    errors: list[str] = field(default_factory=list)


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
            country = ent.get("country")
            if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isupper()):
                raise GoldError(f"{path}: entities[{i}] country {country!r} is not an ISO 3166 alpha-2 code")
        for i, ev in enumerate(data.get("events", [])):
            if ev.get("type") not in KEY_ROLES or not isinstance(ev.get("roles"), dict):
                raise GoldError(f"{path}: events[{i}] needs a type in {sorted(KEY_ROLES)} and a roles object")
        out.append(GoldText(str(data.get("id", path.stem)), text, data.get("entities", []), data.get("events", []), path,
                            str(data.get("source_url", "")), str(data.get("licence", ""))))
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
        if all(_role_matches(_gold_values(groles.get(r)), pred, r) for r in roles):
            return True
    return False


# a role the extractor also writes in a second, standard form: the victims in the report's words (victim_group)
# and as the victim groups' table names them (victim_type). The real dev set's gold keeps the words, the fictional
# dev set's the table's names: either reading of the victims is the same victims.
ALSO_WRITTEN_AS = {"victim_group": "victim_type"}


def _role_matches(gold: list[str], pred: EventMention, role: str) -> bool:
    if _role_ok(gold, _values(pred.roles.get(role))):
        return True
    other = ALSO_WRITTEN_AS.get(role)
    return bool(gold) and other is not None and _role_ok(gold, _values(pred.roles.get(other)))


def _gold_values(value: Any) -> list[str]:
    """A gold role's values, a country written as its name also as its ISO code: the set's rule is that country
    roles use codes, and a few annotations wrote the name ("Russia"), which the extractor's code never matched."""
    out = _values(value)
    items = value if isinstance(value, list) else [value] if value not in (None, "") else []
    for v in items:
        code = country_code(str(v))
        if code and name_key(code) not in out:
            out.append(name_key(code))
    return out


def _role_ok(gold: list[str], pred: list[str]) -> bool:
    if not gold:
        return not pred
    return _same(gold, pred)


def score(gold_texts: Iterable[GoldText], extractions: Iterable[DocumentExtraction]) -> Report:
    report = Report(entities={lab: Score() for lab in ENTITY_LABELS}, events={t: Score() for t in KEY_ROLES})
    by_text: list[tuple[str, list[str]]] = []  # (document id, its errors) so the report lists texts by id
    for gold, ext in zip(gold_texts, extractions, strict=True):
        report.texts += 1
        errors: list[str] = []
        by_text.append((gold.id, errors))
        gold_ents = {(e["start"], e["end"], e["label"]) for e in gold.entities}
        pred_ents = {(e.start, e.end, e.label) for e in ext.entities}
        entity_errors: list[tuple[int, int, str, str]] = []  # (start, end, label, message): printed in text order
        for s, e, lab in pred_ents:
            if (s, e, lab) in gold_ents:
                report.entities[lab].tp += 1
            else:
                report.entities[lab].fp += 1
                entity_errors.append((s, e, lab, f"{gold.id}: spurious {lab} {gold.text[s:e]!r}"))
        for s, e, lab in gold_ents - pred_ents:
            report.entities[lab].fn += 1
            entity_errors.append((s, e, lab, f"{gold.id}: missed {lab} {gold.text[s:e]!r}"))
        errors += [msg for *_, msg in sorted(entity_errors)]
        unmatched = list(ext.events)
        for gev in gold.events:
            hit = next((p for p in unmatched if event_matches(gev, p)), None)
            if hit is not None:
                unmatched.remove(hit)
                report.events[gev["type"]].tp += 1
            else:
                report.events[gev["type"]].fn += 1
                errors.append(f"{gold.id}: missed {gev['type']} {gev['roles']}")
        for p in unmatched:
            report.events[p.type].fp += 1
            errors.append(f"{gold.id}: spurious {p.type} {p.roles} negated={p.negated}")
    for _, errors in sorted(by_text, key=lambda item: item[0]):
        report.errors += errors
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.texts} texts", "", f"{'entity label':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for lab, s in report.entities.items():
        lines.append(f"{lab:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:5d} {s.tp + s.fp:5d}")
    lines += ["", f"{'event type':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for typ, s in report.events.items():
        lines.append(f"{typ:<14} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:5d} {s.tp + s.fp:5d}")
    return "\n".join(lines)


@dataclass
class Figures:
    """The headline figures of issue 13 on one set of texts; ``None`` where nothing was there to count.

    - ``entity_recall``: share of gold names (labels NAME_LABELS) whose span the system returns with any label;
    - ``org_agency_precision``: share of returned ORG/GOV_AGENCY spans that are a gold ORG or GOV_AGENCY span;
    - ``agency_recall``: share of gold GOV_AGENCY spans returned as GOV_AGENCY;
    - ``supply_recall``: share of gold supply events matched with supplier and recipient both right;
    - ``supplier_recall``: share of gold supply events with a supplier whose supplier some returned supply has;
    - ``bare_entity_recall``: ``entity_recall`` of the bare spaCy model (its ``doc.ents``, any label).
    Spans compare after dropping a leading "the" and a trailing possessive "'s" on either side.
    """

    texts: int = 0
    entity_recall: float | None = None
    org_agency_precision: float | None = None
    agency_recall: float | None = None
    supply_recall: float | None = None
    supplier_recall: float | None = None
    bare_entity_recall: float | None = None
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # figure -> (hits, total)


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without a leading article and a trailing possessive, for lenient span comparison."""
    piece = text[start:end]
    for lead in ("the ", "The ", "THE "):
        if piece.startswith(lead) and len(piece) > len(lead):
            start += len(lead)
            piece = piece[len(lead) :]
            break
    for tail in ("\u2019s", "'s"):
        if piece.endswith(tail) and len(piece) > len(tail):
            end -= len(tail)
            break
    return start, end


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def compute_figures(
    gold_texts: Sequence[GoldText],
    extractions: Sequence[DocumentExtraction],
    bare_spans: Sequence[Iterable[tuple[int, int]]] | None = None,
) -> Figures:
    """Figures over ``gold_texts`` (same order as ``extractions`` and, if given, the bare model's spans)."""
    counts: dict[str, list[int]] = {k: [0, 0] for k in ("entity_recall", "org_agency_precision", "agency_recall",
                                                        "supply_recall", "supplier_recall", "bare_entity_recall")}
    for i, (gold, ext) in enumerate(zip(gold_texts, extractions, strict=True)):
        text = gold.text
        pred_any = {_span(text, e.start, e.end) for e in ext.entities}
        pred_orgs = {_span(text, e.start, e.end) for e in ext.entities if e.label in ("ORG", "GOV_AGENCY")}
        pred_agencies = {_span(text, e.start, e.end) for e in ext.entities if e.label == "GOV_AGENCY"}
        gold_names = [_span(text, e["start"], e["end"]) for e in gold.entities if e["label"] in NAME_LABELS]
        gold_orgs = {_span(text, e["start"], e["end"]) for e in gold.entities if e["label"] in ("ORG", "GOV_AGENCY")}
        gold_agencies = [_span(text, e["start"], e["end"]) for e in gold.entities if e["label"] == "GOV_AGENCY"]
        _add(counts["entity_recall"], sum(s in pred_any for s in gold_names), len(gold_names))
        _add(counts["org_agency_precision"], sum(s in gold_orgs for s in pred_orgs), len(pred_orgs))
        _add(counts["agency_recall"], sum(s in pred_agencies for s in gold_agencies), len(gold_agencies))
        if bare_spans is not None:
            bare = {_span(text, s, e) for s, e in bare_spans[i]}
            _add(counts["bare_entity_recall"], sum(s in bare for s in gold_names), len(gold_names))
        supplies = [g for g in gold.events if g["type"] == "supply"]
        unmatched = list(ext.events)
        for gev in supplies:
            hit = next((p for p in unmatched if event_matches(gev, p)), None)
            if hit is not None:
                unmatched.remove(hit)
            _add(counts["supply_recall"], int(hit is not None), 1)
            supplier = _gold_values(gev["roles"].get("supplier"))
            if supplier:
                found = any(p.type == "supply" and p.negated == bool(gev.get("negated", False))
                            and _same(supplier, _values(p.roles.get("supplier"))) for p in ext.events)
                _add(counts["supplier_recall"], int(found), 1)
    out = Figures(texts=len(gold_texts), counts={k: (v[0], v[1]) for k, v in counts.items()})
    out.entity_recall = _ratio(*counts["entity_recall"])
    out.org_agency_precision = _ratio(*counts["org_agency_precision"])
    out.agency_recall = _ratio(*counts["agency_recall"])
    out.supply_recall = _ratio(*counts["supply_recall"])
    out.supplier_recall = _ratio(*counts["supplier_recall"])
    out.bare_entity_recall = _ratio(*counts["bare_entity_recall"]) if bare_spans is not None else None
    return out


def _add(acc: list[int], hits: int, total: int) -> None:
    acc[0] += hits
    acc[1] += total


FIGURE_NAMES = (
    ("entity_recall", "entity recall"),
    ("bare_entity_recall", "bare spaCy entity recall"),
    ("org_agency_precision", "ORG/agency precision"),
    ("agency_recall", "agency recall"),
    ("supply_recall", "supply recall (supplier+recipient)"),
    ("supplier_recall", "supplier recall"),
)


def format_figures(by_half: dict[str, Figures]) -> str:
    """A table: one row per figure, one column per half (as given), hits/total in brackets."""
    halves = list(by_half)
    lines = [f"{'figure':<36}" + "".join(f"{h + f' ({by_half[h].texts} texts)':>26}" for h in halves)]
    for key, label in FIGURE_NAMES:
        cells = []
        for h in halves:
            value = getattr(by_half[h], key)
            hits, total = by_half[h].counts.get(key, (0, 0))
            cells.append(f"{'n/a' if value is None else f'{value:.2f}'} ({hits}/{total})")
        lines.append(f"{label:<36}" + "".join(f"{c:>26}" for c in cells))
    return "\n".join(lines)


@dataclass
class HalvesResult:
    """Scores of one run over a gold set, per half and overall (``all``)."""

    reports: dict[str, Report]
    figures: dict[str, Figures]
    gold: list[GoldText]
    # (gold id, error) of texts the extractor failed on: scored as extracting nothing
    failed: list[tuple[str, str]] = field(default_factory=list)


def evaluate_halves(extractor: Any, gold_dir: str | Path | None = None, bare_model: str | None = None) -> HalvesResult:
    """Runs ``extractor`` over a gold set and scores the tuning half, the counted half and all texts.

    ``bare_model``: also run that spaCy pipeline alone (no project component) for the entity-recall baseline;
    it is loaded like the extractor's model (ModelNotInstalledError if absent, never a fallback).
    """
    gold = load_gold(gold_dir or default_gold_dir())
    extractions = [extractor.extract_text(g.text) for g in gold]
    bare_spans: list[list[tuple[int, int]]] | None = None
    if bare_model is not None:
        from nlp.pipeline import load_base_model

        bare = load_base_model(bare_model)
        bare_spans = [[(e.start_char, e.end_char) for e in doc.ents] for doc in bare.pipe(g.text for g in gold)]
    reports: dict[str, Report] = {}
    figures: dict[str, Figures] = {}
    for half in (*HALVES, "all"):
        idx = [i for i, g in enumerate(gold) if half == "all" or g.half == half]
        sub_gold = [gold[i] for i in idx]
        sub_ext = [extractions[i] for i in idx]
        reports[half] = score(sub_gold, sub_ext)
        figures[half] = compute_figures(sub_gold, sub_ext, [bare_spans[i] for i in idx] if bare_spans is not None else None)
    failed = [(g.id, x.error) for g, x in zip(gold, extractions, strict=True) if x.error]
    return HalvesResult(reports, figures, gold, failed)


def default_gold_dir() -> Path:
    return Path(__file__).resolve().parent / "devset"


def evaluate(extractor: Any, gold_dir: str | Path | None = None) -> Report:
    """Runs ``extractor`` (an :class:`nlp.extract.Extractor`) over the gold texts and scores it."""
    gold = load_gold(gold_dir or default_gold_dir())
    extractions = [extractor.extract_text(g.text) for g in gold]
    return score(gold, extractions)
