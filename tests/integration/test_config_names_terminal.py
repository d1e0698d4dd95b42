"""Issue 9, item 12, in a real terminal: a config naming what does not exist still starts.

``kiosk --config`` with ``languages = ["de", "ua"]``, ``default_language =
"xx"``, an unknown display, key profile and player, in tmux at 80x24: the
welcome screen comes, in English, the language list offers no raw "ua", and
the log holds one sentence per value left out, naming the key and the file.
A missing content folder shows the visitors' apology with ``[kiosk]
content_dir`` named for staff.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.config import load_config
from kiosk.config_names import check_names
from tests.integration.test_keypad_terminal import KIOSK, REPO, Terminal, pytestmark  # noqa: F401


def write_config(tmp_path: Path, content: Path, extra: str = "") -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        "[kiosk]\n"
        f'content_dir = "{content}"\nlocales_dir = "{REPO / "locales"}"\n'
        f'log_file = "{tmp_path / "kiosk.log"}"\n{extra}'
        '[staff]\nexit_pin = "2468"\n', encoding="utf-8")
    return config


def run(tmp_path: Path, config: Path, ready: str) -> tuple[Terminal, str]:
    term = Terminal()
    term.start(f"env PULSE_SERVER=unix:{tmp_path}/no-sound-server {KIOSK} --config {config}")
    return term, term.wait(ready, lambda text: ready in text)


def test_names_that_do_not_exist_are_left_out_and_logged(tmp_path) -> None:
    config = write_config(
        tmp_path, REPO / "content",
        'languages = ["de", "ua"]\ndefault_language = "xx"\ntheme = "pink"\n'
        '[keys]\nprofile = "joystick"\n[speech]\nplayer = "no-such-player"\n')
    term, shown = run(tmp_path, config, "then Start")
    try:
        assert "Language: English" in shown
        assert "▶ English" in shown and "Deutsch" in shown
        term.press("\x1bOQ", "the language list", lambda t: "Choose your language" in t
                   and "then Start" not in t)  # F2 (keyboard profile: "joystick" was dropped)
        listed = term.text()
        assert "English" in listed and "Deutsch" in listed
        assert " ua" not in listed and "ua " not in listed
    finally:
        term.kill()
    sentences = check_names(load_config(config))[1]
    assert len(sentences) == 5
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    for sentence in sentences:
        assert f"WARNING kiosk: {sentence}" in log
    for key in ("[kiosk] languages", "[kiosk] default_language", "[kiosk] theme",
                "[keys] profile", "[speech] player"):
        assert sum(key in sentence and str(config) in sentence for sentence in sentences) == 1


def test_a_missing_content_folder_is_named_for_staff(tmp_path) -> None:
    missing = tmp_path / "no-such-content"
    config = write_config(tmp_path, missing)
    term, shown = run(tmp_path, config, "ask a member of staff")
    try:
        term.wait("the key named", lambda t: "[kiosk] content_dir" in t)
        assert "cannot be shown right now" in shown
    finally:
        term.kill()
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert f"[kiosk] content_dir names {missing}, which is not a folder" in log
