"""The audit key: created on first use outside the data folder with mode 600 and one message; refused with one
clear line when its file is too open, inside the data folder, missing when named, or too short."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from redflag.audit.keys import AuditKeyError, load_audit_key
from redflag.settings import load_settings


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("REDFLAG_AUDIT_KEY", raising=False)
    monkeypatch.delenv("REDFLAG_AUDIT_KEY_FILE", raising=False)
    return home


def test_the_default_key_is_created_once_with_mode_600_and_one_message(
    config_home: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    first = load_audit_key(load_settings(data_dir))
    path = config_home / "redflag" / "audit.key"
    assert first.source == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "back it up" in err
    again = load_audit_key(load_settings(data_dir))
    assert again.secret == first.secret and again.key_id == first.key_id
    assert capsys.readouterr().err == ""  # no message the second time
    assert not list(data_dir.rglob("*.key"))


def test_a_key_file_readable_by_others_is_refused(config_home: Path, data_dir: Path) -> None:
    load_audit_key(load_settings(data_dir))
    path = config_home / "redflag" / "audit.key"
    path.chmod(0o644)
    with pytest.raises(AuditKeyError, match=r"accessible to group or others \(mode 644\); chmod 600 it"):
        load_audit_key(load_settings(data_dir))


def test_a_key_inside_the_data_folder_is_refused(
    config_home: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    inside = data_dir / "state" / "audit.key"
    monkeypatch.setenv("REDFLAG_AUDIT_KEY_FILE", str(inside))
    with pytest.raises(AuditKeyError, match="is inside the data folder"):
        load_audit_key(load_settings(data_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data_dir / "cfg"))  # the default path inside it: refused too
    monkeypatch.delenv("REDFLAG_AUDIT_KEY_FILE")
    with pytest.raises(AuditKeyError, match="is inside the data folder"):
        load_audit_key(load_settings(data_dir))
    assert not inside.exists() and not (data_dir / "cfg").exists()


def test_a_named_key_file_that_is_missing_is_not_silently_replaced(
    config_home: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDFLAG_AUDIT_KEY_FILE", str(tmp_path / "elsewhere" / "lost.key"))
    with pytest.raises(AuditKeyError, match="does not exist; restore the key"):
        load_audit_key(load_settings(data_dir))
    assert not (tmp_path / "elsewhere").exists()


def test_a_key_from_the_environment_must_be_long_enough(
    config_home: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDFLAG_AUDIT_KEY", "short")
    with pytest.raises(AuditKeyError, match="REDFLAG_AUDIT_KEY holds a key of 5 character"):
        load_audit_key(load_settings(data_dir))
    monkeypatch.setenv("REDFLAG_AUDIT_KEY", "k" * 40)
    key = load_audit_key(load_settings(data_dir))
    assert key.source == "REDFLAG_AUDIT_KEY" and "k" * 40 not in repr(key)
    assert not (config_home / "redflag").exists()  # no file created when the key comes from the environment
    assert key.mac("a", "b") != key.mac("ab")  # parts are separated, not concatenated
