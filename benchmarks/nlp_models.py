"""Extraction quality and speed of English spaCy pipelines on a gold set, per half, in one run.

Run: ``.venv/bin/python benchmarks/nlp_models.py [--gold nlp/devset/real] [--repeat 3] --model M [--model M2 ...]``

``--model`` takes what ``REDFLAG_SPACY_MODEL`` takes: an installed pipeline package name or a pipeline folder
(for example the ``_model`` folder of a vendored en_core_web_md). For each model: the headline figures of
``nlp.evaluate`` on the tuning half, the counted half and all texts (the full extractor, and the bare model's
entity recall), then words/s of the bare model (``nlp.pipe``) and of the full extractor over the gold texts
repeated ``--repeat`` times. Words are whitespace-separated tokens. Timings are wall-clock on a shared machine:
compare models within one run, not across runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# this file is named like the package it measures: keep its folder off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from nlp.evaluate import default_gold_dir, evaluate_halves, format_figures, load_gold  # noqa: E402
from nlp.extract import Extractor  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from nlp.pipeline import load_base_model  # noqa: E402


def measure(model: str, gold_dir: Path, repeat: int) -> tuple[str, float, float]:
    gaz_file = gold_dir / "gazetteer.json"
    extractor = Extractor(model, Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None)
    result = evaluate_halves(extractor, gold_dir, bare_model=model)
    texts = [g.text for g in load_gold(gold_dir)] * repeat
    words = sum(len(t.split()) for t in texts)
    bare = load_base_model(model)
    for _ in bare.pipe(texts[:5]):  # warm-up: first calls allocate
        pass
    for text in texts[:5]:
        extractor.extract_text(text)
    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=32):
        pass
    bare_wps = words / (time.perf_counter() - t)
    t = time.perf_counter()
    for text in texts:
        extractor.extract_text(text)
    full_wps = words / (time.perf_counter() - t)
    return format_figures(result.figures), bare_wps, full_wps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=default_gold_dir() / "real")
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for model in args.model:
        table, bare_wps, full_wps = measure(model, args.gold, args.repeat)
        print(f"== {model}")
        print(table)
        print(f"words/s: bare model {bare_wps:,.0f}, full extractor {full_wps:,.0f} (ratio {full_wps / bare_wps:.2f})\n")


if __name__ == "__main__":
    main()
