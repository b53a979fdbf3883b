"""Builds the spaCy pipeline: the base model plus the project's registered components from ``config.cfg``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex
from thinc.api import Config

import nlp.components  # noqa: F401  (registers the factories)
from nlp.errors import ModelNotInstalledError, NlpError
from nlp.gazetteer import Gazetteer

REQUIRED_BASE_COMPONENTS = ("parser", "ner")
# a hyphen after an abbreviation's full stop and before a word splits the token: "U.S.-origin" -> "U.S." "-" "origin",
# "U.S.-branded", "U.K.-based" (spaCy's English infixes leave the whole "U.S.-origin" as one token, so the country
# inside it could not be found)
ABBREVIATION_HYPHEN_INFIX = r"(?<=[A-Z]\.)-(?=[A-Za-z])"
# an en or em dash glued between a closing bracket or quote and a word splits the token: "Battalion (Rab)—that"
# -> "Rab" ")" "—" "that" (spaCy's English infixes split a dash between letters, not after a bracket, so the
# bracketed acronym was lost in "Rab)—that")
# an opening bracket glued to the word or full stop before it and opening a capitalised word splits the token:
# "Export Corp.(CEIEC)" -> "Corp." "(" "CEIEC" ")" (the acronym and the legal form were one token)
GLUED_BRACKET_INFIX = r"(?<=[A-Za-z.])\((?=[A-Z])"
# legal forms abbreviated with a full stop that spaCy's English exceptions lack (it has "Ltd.", "Inc.", "Corp.", "Co."):
# one token each, so "Pelorus Technologies Pvt. Ltd." keeps its tail and no sentence ends after "Pvt." (forms
# written without a stop, "LLP", "GmbH", get none: "Tonkon Torp LLP." ends its sentence)
ABBREVIATED_LEGAL_FORMS = ("Pvt.", "Pte.", "Pty.", "Bhd.", "Sdn.")
# currency abbreviations written with a full stop before the amount ("a deal worth Rs. 949 crore with X"): one
# token, so that the stop ends no sentence and the deal keeps its parties
ABBREVIATED_CURRENCIES = ("Rs.", "Tk.")
BRACKET_DASH_INFIX = r"(?<=[)\]\"'])[\u2013\u2014](?=[\w(\[\"'])|(?<=\w)[)\]](?=[\u2013\u2014])"


def component_config() -> Config:
    """The parsed ``nlp/config.cfg``."""
    return Config().from_str((Path(__file__).resolve().parent / "config.cfg").read_text(encoding="utf-8"))


def model_is_installed(model: str) -> bool:
    """True if ``model`` is an installed pipeline package or a pipeline directory."""
    if Path(model).is_dir():
        return (Path(model) / "config.cfg").exists()
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False


def load_base_model(model: str) -> Language:
    """The base model, or ModelNotInstalledError naming it and its install command (never a fallback)."""
    if not model_is_installed(model):
        raise ModelNotInstalledError(model)
    try:
        base = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(model) from exc
    missing = [c for c in REQUIRED_BASE_COMPONENTS if c not in base.pipe_names]
    if missing:
        raise NlpError(f"spaCy model {model!r} has no {', '.join(missing)} component; the extractor needs a parser and ner")
    return base


def build_pipeline(model: str, gazetteer: Gazetteer | None = None) -> Language:
    """The full pipeline: ``model`` + gazetteer ruler, entity normaliser, hedging and event components."""
    pipeline = load_base_model(model)
    tokenizer = pipeline.tokenizer
    if isinstance(tokenizer, Tokenizer):
        infixes = [*(pipeline.Defaults.infixes or ()), ABBREVIATION_HYPHEN_INFIX, BRACKET_DASH_INFIX, GLUED_BRACKET_INFIX]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        for form in ABBREVIATED_LEGAL_FORMS:
            for written in (form, form.upper()):
                tokenizer.add_special_case(written, [{ORTH: written}])
        for written in ABBREVIATED_CURRENCIES:
            tokenizer.add_special_case(written, [{ORTH: written}])
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    for name, block in component_config()["components"].items():
        settings: dict[str, Any] = dict(block)
        factory = settings.pop("factory")
        placement = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        pipeline.add_pipe(factory, name=name, config=settings, **placement)
    pipeline.get_pipe("redflag_gazetteer").add_gazetteer(gaz)  # type: ignore[attr-defined]
    pipeline.get_pipe("redflag_entities").set_gazetteer(gaz)  # type: ignore[attr-defined]
    pipeline.get_pipe("redflag_hedging").set_gazetteer(gaz)  # type: ignore[attr-defined]
    pipeline.get_pipe("redflag_events").set_intermediary_terms(gaz.intermediary_terms)  # type: ignore[attr-defined]
    return pipeline
