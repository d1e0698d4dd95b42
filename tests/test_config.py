"""The deployer's TOML file: shipped files load, bad values stop with one clear sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, config_from_dict, load_config

ROOT = Path(__file__).resolve().parent.parent
PIN = {"staff": {"exit_pin": "2468"}}


def test_shipped_config_loads_with_keyboard_profile() -> None:
    config = load_config(ROOT / "kiosk.toml")
    assert config.kiosk_mode is True
    assert config.keymap["action"] == ("enter", "space")
    assert config.content_dir == ROOT / "content"
    assert config.idle_timeout == 120 and config.idle_warning == 20
    assert config.staff_exit.pin_matches("2468")
    assert not config.staff_exit.pin_matches("2469")


def test_numeric_keypad_profile_maps_the_five_keys_to_keypad_digits() -> None:
    config = load_config(ROOT / "config" / "numeric-keypad.toml")
    assert config.key_profile == "numeric-keypad"
    assert config.keymap["up"][0] == "8" and config.keymap["down"][0] == "2"
    assert config.keymap["action"][0] == "5" and config.keymap["back"][0] == "0"
    assert config.content_dir.resolve() == (ROOT / "content").resolve()


def test_remapping_an_action_replaces_its_keys() -> None:
    config = config_from_dict({**PIN, "keys": {"up": ["8"], "down": ["2"]}})
    assert config.keymap["up"] == ("8",)
    assert config.keymap["down"] == ("2",)
    # the keys moved away from "section_number", so no key does two things
    assert "8" not in config.keymap["section_number"]
    assert "2" not in config.keymap["section_number"]


def test_pin_is_kept_only_as_a_hash() -> None:
    config = config_from_dict(PIN)
    assert "2468" not in repr(config)
    assert config.staff_exit.pin_matches("2468")


@pytest.mark.parametrize(
    ("data", "names"),
    [
        ({"idle": {"timeout_seconds": "two minutes"}}, ["[idle]", "timeout_seconds", "10 to 3600"]),
        ({"idle": {"timeout_seconds": 30, "warning_seconds": 30}}, ["warning_seconds", "shorter"]),
        # A theme or profile that names nothing is dropped (tests/test_config_names.py);
        # one that is not even text stops the start.
        ({"kiosk": {"theme": 3}}, ["[kiosk]", "theme", "text in quotes"]),
        ({"kiosk": {"kiosk_mode": "yes"}}, ["kiosk_mode", "true or false"]),
        ({"kiosk": {"default_language": "German"}}, ["default_language", "pt-BR"]),
        ({"kiosk": {"colour": "red"}}, ["[kiosk]", "unknown key 'colour'"]),
        ({"sound": {}}, ["unknown section [sound]"]),
        ({"keys": {"up": ["f5"], "down": ["f5"]}}, ["[keys]", "'f5'", "'up'", "'down'"]),
        ({"keys": {"profile": ["keypad"]}}, ["[keys]", "profile", "text in quotes"]),
        ({"keys": {"action": []}}, ["action needs at least one key"]),
        ({"staff": {"exit_pin": "12ab"}}, ["exit_pin", "4 to 12 digits"]),
        ({"staff": {"exit_pin": "2468", "exit_sequence": ["up", "f12"]}}, ["exit_sequence", "visitor key"]),
        ({"speech": {"volume": 0}}, ["[speech]", "volume", "0.2 to 1"]),
        ({"speech": {"library_path": "/x.so"}}, ["library_path and data_path go together"]),
    ],
)
def test_bad_values_name_the_key_and_the_expected_value(data: dict, names: list[str]) -> None:
    merged = {**PIN, **data} if "staff" not in data else data
    with pytest.raises(ConfigError) as caught:
        config_from_dict(merged)
    message = str(caught.value)
    for name in names:
        assert name in message, f"{name!r} missing from: {message}"
    assert message.count("\n") == 0


def test_kiosk_mode_without_a_pin_is_refused() -> None:
    with pytest.raises(ConfigError, match="exit_pin must be set"):
        config_from_dict({})
    assert config_from_dict({"kiosk": {"kiosk_mode": False}}).kiosk_mode is False


def test_bad_config_file_stops_the_command_with_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text('[staff]\nexit_pin = "2468"\n[idle]\ntimeout_seconds = -5\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(bad), "check"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "[idle] timeout_seconds must be a number from 10 to 3600, not -5." in result.stderr
    assert result.stdout == ""


def test_invalid_toml_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[kiosk\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"not valid TOML.*line 1"):
        load_config(bad)


def test_a_missing_content_folder_is_one_problem_naming_its_key(tmp_path: Path) -> None:
    """Not 28 "remove the catalog" problems, one per medicine catalog (a newcomer
    following that advice would have deleted every translation)."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[kiosk]\nkiosk_mode = false\ncontent_dir = "contnt"\n'
        f'locales_dir = "{ROOT / "locales"}"\nlog_file = "{tmp_path / "kiosk.log"}"\n'
        'languages = ["en", "de"]\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "check", "--language", "de"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "remove the catalog" not in result.stdout
    assert result.stdout.count("contnt") == 1, result.stdout
    assert "[kiosk] content_dir" in result.stdout


def test_kiosk_check_warns_while_the_shipped_pin_is_kept(tmp_path: Path) -> None:
    """README, deploying: "Change the PIN, and check with kiosk check"."""
    from kiosk.commands.check import shipped_pin_warning

    shipped = config_from_dict({"staff": {"exit_pin": "2468"}})
    assert "[staff] exit_pin" in shipped_pin_warning(shipped)
    assert "2468" not in shipped_pin_warning(shipped)
    assert shipped_pin_warning(config_from_dict({"staff": {"exit_pin": "97531"}})) is None
