"""Extraction quality and speed of English spaCy pipelines on a gold set, per half, in one run.

Run: ``.venv/bin/python benchmarks/nlp_models.py [--gold nlp/devset/real] [--rounds 3] --model M [--model M2 ...]``

``--model`` takes what ``REDFLAG_SPACY_MODEL`` takes: an installed pipeline package name or a pipeline folder
(for example the ``_model`` folder of a vendored en_core_web_md). For each model: the headline figures of
``nlp.evaluate`` on the tuning half, the counted half and all texts (the full extractor, and the bare model's
entity recall), and the supply events' precision per half (as ``eval-nlp``'s event table scores them). Then speed: words/s of each bare model (``nlp.pipe``) and each full extractor over the gold
texts, the models timed in turn within each of ``--rounds`` rounds (so machine load hits them alike), median
over rounds reported. Words are whitespace-separated tokens. Timings are wall-clock on a shared machine:
compare models within one run, not across runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

# this file is named like the package it measures: keep its folder off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from spacy.language import Language  # noqa: E402

from nlp.evaluate import default_gold_dir, evaluate_halves, format_figures, load_gold  # noqa: E402
from nlp.extract import Extractor  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from nlp.pipeline import load_base_model  # noqa: E402


def _time_bare(bare: Language, texts: list[str]) -> float:
    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t


def _time_full(extractor: Extractor, texts: list[str]) -> float:
    t = time.perf_counter()
    for text in texts:
        extractor.extract_text(text)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=default_gold_dir() / "real")
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    gaz_file = args.gold / "gazetteer.json"
    texts = [g.text for g in load_gold(args.gold)]
    words = sum(len(t.split()) for t in texts)
    loaded: dict[str, tuple[Language, Extractor]] = {}
    for model in args.model:
        extractor = Extractor(model, Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None)
        result = evaluate_halves(extractor, args.gold, bare_model=model)  # also warms both pipelines up
        loaded[model] = (load_base_model(model), extractor)
        print(f"== {model}")
        print(format_figures(result.figures))
        supply = {half: result.reports[half].events["supply"] for half in ("tuning", "counted", "all")}
        print("supply precision (event scorer)        " + "".join(
            f"{s.precision:>26.2f}" if s.tp + s.fp else f"{'-':>26}" for s in supply.values()).rstrip()
            + "   " + " / ".join(f"{s.tp}/{s.tp + s.fp}" for s in supply.values()))
        print()
    bare_s: dict[str, list[float]] = {m: [] for m in args.model}
    full_s: dict[str, list[float]] = {m: [] for m in args.model}
    for _ in range(args.rounds):
        for model, (bare, extractor) in loaded.items():
            bare_s[model].append(_time_bare(bare, texts))
            full_s[model].append(_time_full(extractor, texts))
    first_bare = words / statistics.median(bare_s[args.model[0]])
    print(f"speed over {len(texts)} texts, {words} words, median of {args.rounds} rounds:")
    for model in args.model:
        b, f = words / statistics.median(bare_s[model]), words / statistics.median(full_s[model])
        print(f"  {model}: bare model {b:,.0f} words/s, full extractor {f:,.0f} words/s (ratio {f / b:.2f}; "
              f"{f / first_bare:.2f} of the first model's bare words/s)")


if __name__ == "__main__":
    main()
