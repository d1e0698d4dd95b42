"""Issue 9, item 12: config values that name what does not exist.

The kiosk still starts without such a value (the default in its place) and
logs one sentence naming the key and the file; ``kiosk check`` fails with
that sentence.  (The start itself, in a real terminal, is in
``tests/integration/test_config_names_terminal.py``.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.check import deployment_problems
from kiosk.config import ConfigError, config_from_dict, load_config
from kiosk.config_names import check_names

ROOT = Path(__file__).resolve().parent.parent
PIN = {"staff": {"exit_pin": "2468"}}


def loaded(tmp_path: Path, kiosk: dict | None = None, **tables) -> tuple:
    data = {**PIN, "kiosk": {"content_dir": str(ROOT / "content"),
                             "locales_dir": str(ROOT / "locales"), **(kiosk or {})}, **tables}
    config = config_from_dict(data, tmp_path / "kiosk.toml")
    return check_names(config)


def only_sentence(sentences: list[str], *parts: str) -> str:
    assert len(sentences) == 1, sentences
    sentence = sentences[0]
    for part in parts:
        assert part in sentence, f"{part!r} missing from: {sentence}"
    assert sentence.count("\n") == 0 and sentence.endswith(".")
    return sentence


def test_a_config_naming_only_what_exists_has_nothing_to_say(tmp_path) -> None:
    config, sentences = loaded(tmp_path, {"languages": ["de", "pt-BR", "uk"],
                                          "default_language": "de_AT", "theme": "terminal"})
    assert sentences == []
    assert config.languages == ("de", "pt-BR", "uk") and config.default_language == "de_AT"
    shipped, said = check_names(load_config(ROOT / "kiosk.toml"))
    assert said == [] and shipped.theme == "standard"


def test_an_unknown_language_is_left_out(tmp_path) -> None:
    config, sentences = loaded(tmp_path, {"languages": ["de", "ua"]})
    assert config.languages == ("de",)
    only_sentence(sentences, str(tmp_path / "kiosk.toml"), "[kiosk] languages", '"ua"',
                  "not offered", " uk")


def test_an_unknown_default_language_starts_in_english(tmp_path) -> None:
    config, sentences = loaded(tmp_path, {"default_language": "xx"})
    assert config.default_language == "en"
    only_sentence(sentences, "kiosk.toml", "[kiosk] default_language", '"xx"', "English")


@pytest.mark.parametrize(("table", "key", "value", "default"), [
    ("kiosk", "theme", "pink", "standard"),
    ("keys", "profile", "joystick", "keyboard"),
])
def test_an_unknown_display_or_key_profile_falls_back(tmp_path, table, key, value,
                                                     default) -> None:
    extra = {table: {key: value}} if table != "kiosk" else {}
    config, sentences = loaded(tmp_path, {key: value} if table == "kiosk" else None, **extra)
    assert getattr(config, "theme" if key == "theme" else "key_profile") == default
    only_sentence(sentences, f"[{table}] {key}", f'"{value}"', f'"{default}"')


def test_a_display_that_is_not_text_still_stops_the_start(tmp_path) -> None:
    with pytest.raises(ConfigError, match=r"\[kiosk\] theme must be text"):
        loaded(tmp_path, {"theme": 3})


def test_a_missing_folder_is_named_with_its_key(tmp_path) -> None:
    missing = tmp_path / "no-content"
    _config, sentences = loaded(tmp_path, {"content_dir": str(missing)})
    only_sentence(sentences, "[kiosk] content_dir", str(missing), "no medicine")
    _config, sentences = loaded(tmp_path, {"locales_dir": str(tmp_path / "no-locales")})
    only_sentence(sentences, "[kiosk] locales_dir", "English")


def test_a_missing_player_or_espeak_falls_back(tmp_path) -> None:
    config, sentences = loaded(tmp_path, speech={"player": "no-such-player"})
    assert config.speech.player == "auto"
    only_sentence(sentences, "[speech] player", '"no-such-player"', "auto")
    config, sentences = loaded(tmp_path, speech={"player": sys.executable})
    assert sentences == [] and config.speech.player == sys.executable
    config, sentences = loaded(tmp_path, speech={
        "library_path": str(tmp_path / "libespeak-ng.so.1"), "data_path": str(tmp_path)})
    assert config.speech.library_path is None and config.speech.data_path is None
    only_sentence(sentences, "[speech] library_path", "libespeak-ng.so.1", "does not exist",
                  "bundled")


def test_kiosk_check_lists_each_sentence(tmp_path) -> None:
    config = config_from_dict({**PIN, "kiosk": {
        "languages": ["ua"], "theme": "pink", "log_file": str(tmp_path / "k.log"),
        "content_dir": str(ROOT / "content"), "locales_dir": str(ROOT / "locales")}},
        tmp_path / "kiosk.toml")
    messages = [problem.message for problem in deployment_problems(config)]
    assert messages == check_names(config)[1] and len(messages) == 3  # theme, "ua", none left


def test_kiosk_check_fails_with_the_sentence(tmp_path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text(
        f'[kiosk]\ncontent_dir = "{ROOT / "content"}"\nlocales_dir = "{ROOT / "locales"}"\n'
        f'log_file = "{tmp_path / "kiosk.log"}"\nlanguages = ["de", "ua"]\n'
        '[staff]\nexit_pin = "2468"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(bad), "check", "--language", "en"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    expected = check_names(load_config(bad))[1]
    assert len(expected) == 1 and expected[0] in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_key_names_no_key_sends_are_left_out(tmp_path) -> None:
    config, sentences = loaded(tmp_path, keys={"up": ["uo", "8"], "down": ["dwn"]},
                               staff={"exit_pin": "2468", "exit_sequence": ["f12", "f1z"]})
    assert config.keymap["up"] == ("8",)
    assert config.keymap["down"] == ("down",)  # nothing known left: the profile's key
    assert config.staff_exit.sequence == ("f12", "f12", "f12")
    assert len(sentences) == 3
    for key, name in (("[keys] up", '"uo"'), ("[keys] down", '"dwn"'),
                      ("[staff] exit_sequence", '"f1z"')):
        assert sum(key in s and name in s and "kiosk.toml" in s for s in sentences) == 1
