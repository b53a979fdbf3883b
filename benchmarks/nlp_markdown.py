"""Extraction on a gold set as plain text and as markdown, in one run: what markdown syntax costs the extractor.

Run: ``.venv/bin/python benchmarks/nlp_markdown.py [--gold nlp/devset/real]``

News scrapers and HTML-to-markdown converters (trafilatura's ``output_format="markdown"``, many article
archives) write an article's names as links and its emphasis as asterisks: ``[NSO Group](https://...)``,
``**Pegasus**``. This writes a markdown rendition of every gold text into a temporary folder (the first mention
of each ORG, GOV_AGENCY, PERSON and PRODUCT that overlaps no other mention becomes a link with a title, every third one bold instead; the gold
offsets are moved with the words), then prints the figures of ``nlp.evaluate`` for the plain set and the markdown
set with the same extractor, and the bare model's entity recall on each.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

# this file is named like the package it measures: keep its folder off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from nlp.evaluate import default_gold_dir, evaluate_halves, format_figures  # noqa: E402
from nlp.extract import Extractor  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from redflag.settings import load_settings  # noqa: E402

_MARKED = ("ORG", "GOV_AGENCY", "PERSON", "PRODUCT")


def markdown_rendition(gold: dict[str, Any]) -> dict[str, Any]:
    """A copy of one gold document whose text is markdown, with every entity's offsets moved to its words."""
    text = gold["text"]
    inserts: list[tuple[int, int, str]] = []  # (offset, 0 opens / 1 closes, mark)
    seen: set[str] = set()
    entities = sorted(gold["entities"], key=lambda e: (e["start"], e["end"]))
    for i, e in enumerate(entities):
        overlaps = any(o is not e and o["start"] < e["end"] and e["start"] < o["end"] for o in entities)
        if e["label"] not in _MARKED or e["text"] in seen or overlaps:
            continue
        seen.add(e["text"])
        if i % 3 == 2:
            inserts += [(e["start"], 0, "**"), (e["end"], 1, "**")]
        else:
            slug = re.sub(r"\W+", "-", e["text"].lower()).strip("-")
            inserts += [(e["start"], 0, "["), (e["end"], 1, f'](https://www.example.org/news/{slug}/ "{e["text"]}")')]
    inserts.sort(key=lambda x: (x[0], -x[1]))  # at one offset, closers before openers

    def moved(offset: int) -> int:  # marks inserted at an offset go before the character there
        return offset + sum(len(mark) for at, _, mark in inserts if at <= offset)

    out, last = [], 0
    for at, _, mark in inserts:
        out += [text[last:at], mark]
        last = at
    out.append(text[last:])
    doc = dict(gold, text="".join(out), entities=[])
    for e in gold["entities"]:
        start = moved(e["start"])
        doc["entities"].append(dict(e, start=start, end=start + e["end"] - e["start"]))
        assert doc["text"][start : start + e["end"] - e["start"]] == e["text"], e
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=default_gold_dir() / "real")
    args = ap.parse_args()
    model = load_settings().spacy_model
    gaz_file = args.gold / "gazetteer.json"  # as `redflag eval-nlp --gold` reads a set's own gazetteer
    extractor = Extractor(model, Gazetteer.from_json_file(gaz_file) if gaz_file.exists() else None)
    with tempfile.TemporaryDirectory(prefix="redflag-md-") as tmp:
        for path in sorted(args.gold.glob("*.json")):
            doc = markdown_rendition(json.loads(path.read_text(encoding="utf-8")))
            (Path(tmp) / path.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        for name, folder in (("plain", args.gold), ("markdown", Path(tmp))):
            result = evaluate_halves(extractor, folder, bare_model=model)
            print(f"== {name} ({folder})")
            print(format_figures(result.figures))
            print()


if __name__ == "__main__":
    main()
