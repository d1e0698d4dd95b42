"""On a Linux console the kiosk draws a substitute for each of its own glyphs the font lacks.

Issue 9, item 7: Uni2 fonts show the text of all 28 languages but not the
kiosk's "▷", "⚑" or a scrollbar thumb's partial blocks, which the console
would draw as its replacement glyph.  The substitutes are checked against
every font of console-setup, the driver against a recorder, and the whole
path in a real terminal (tmux): the kiosk started with Uni2's character
map as its console font writes "›" where it would write "▷", and never a
glyph the font lacks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from console_helpers import CONSOLE_FONTS, REPO, console_font, needs_console_fonts

from kiosk.console_font.font import ConsoleFont
from kiosk.console_font.psf import read_psf
from kiosk.console_font.ui_glyphs import FALLBACKS, UI_GLYPHS, console_substitutes
from kiosk.ui.console_glyphs import substituting_driver, use_console_font

GLYPHS = "".join(UI_GLYPHS)
ASCII_ONLY = ConsoleFont(frozenset(range(32, 127)), "ASCII")


def one_cell(char: str) -> bool:
    """One character, one cell as Textual counts it (Rich's cell widths)."""
    from rich.cells import cell_len

    return len(char) == 1 and cell_len(char) == 1


def test_every_glyph_has_one_cell_substitutes_ending_in_ascii():
    assert "ⓘ" not in GLYPHS  # a box even in DejaVu Sans Mono: not drawn anywhere
    for glyph in GLYPHS:
        chain = FALLBACKS.get(glyph, "")
        assert chain, f"{glyph!r} has no substitute in FALLBACKS"
        assert all(one_cell(c) for c in chain), f"{glyph!r}: {chain!r} moves the cells"
        assert chain[-1].isascii(), f"{glyph!r}: {chain!r} does not end in ASCII"
    subs = console_substitutes(ASCII_ONLY)
    assert set(subs) == set(GLYPHS) and all(s.isascii() for s in subs.values())
    assert (subs["▷"], subs["▶"], subs["⚑"], subs["╭"], subs["━"], subs["▁"]) == \
        (">", ">", "!", "+", "-", " ")


@needs_console_fonts
def test_uni2_and_lat15_get_the_shapes_they_have():
    for name in ("Uni2-Terminus32x16", "Lat15-Fixed16"):
        subs = console_substitutes(console_font(name))
        assert subs["▷"] == "›" and subs["⚑"] == "!", name
        assert {subs[bar] for bar in "▁▂▃▄▅▆▇▉▊▋▌▍▎▏"} == {" "}, name
        assert "▶" not in subs and "╭" not in subs, name  # both fonts draw these


@needs_console_fonts
def test_with_any_console_setup_font_every_glyph_drawn_is_in_the_font():
    fonts = sorted(CONSOLE_FONTS.glob("*.psf.gz"))
    assert len(fonts) > 50, "console-setup's fonts are not all there"
    for path in fonts:
        font = read_psf(path)
        if not all(font.can_draw(chr(c)) for c in range(32, 127)):
            continue  # not a font for Latin text at all (none of console-setup's)
        subs = console_substitutes(font)
        drawn = {subs.get(glyph, glyph) for glyph in GLYPHS}
        assert font.missing("".join(drawn)) == [], path.name


def test_the_driver_writes_substitutes_and_nothing_else_changes():
    class Recorder:
        def __init__(self) -> None:
            self.written: list[str] = []

        def write(self, data: str) -> None:
            self.written.append(data)

    driver = substituting_driver(Recorder, {"▷": "›", "▁": " "})()
    driver.write("\x1b[1;1H ▷ 1. Что такое ▁ Opzelura?\x1b[0m")
    assert driver.written == ["\x1b[1;1H › 1. Что такое   Opzelura?\x1b[0m"]


def test_in_a_terminal_emulator_the_driver_is_textuals():
    from textual.app import App

    app = App()
    before = app.driver_class
    assert use_console_font(app, None) == {} and app.driver_class is before
    subs = use_console_font(app, ASCII_ONLY)
    assert subs["▷"] == ">" and issubclass(app.driver_class, before)
    assert app.driver_class is not before


# --- in a real terminal ------------------------------------------------------------------

SCRIPT = """
import sys
from dataclasses import replace
from pathlib import Path
from kiosk.config import load_config
from kiosk.console_font.psf import read_psf
from kiosk.launcher import build_app
from kiosk.logs import setup_logging

config = replace(load_config(sys.argv[1]), kiosk_mode=False)
setup_logging(config.log_file)
font = read_psf(Path(sys.argv[2])) if len(sys.argv) > 2 else None
build_app(config, console_font=font).run(mouse=False)
"""


def run_in_tmux(tmp_path: Path, font: Path | None) -> tuple[str, str]:
    """Start the kiosk in tmux at 80x24 (as if on a console with ``font``), open the
    text of section 1 (the contents lose the focus: "▷"), and return the screen and
    every byte written to the terminal."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ncontent_dir = "{REPO / "content"}"\n'
                      f'locales_dir = "{REPO / "locales"}"\nlog_file = "{tmp_path / "kiosk.log"}"\n'
                      'languages = ["en", "de"]\nkiosk_mode = false\n', encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    socket = f"kiosk-glyphs-{uuid.uuid4().hex[:8]}"
    written = tmp_path / f"bytes-{socket}.log"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                              check=True, timeout=30).stdout

    def wait(text: str, in_bytes: bool = False) -> str:
        end = time.monotonic() + 60
        while True:
            shown = (written.read_text("utf-8", "replace") if written.exists() else "") \
                if in_bytes else tmux("capture-pane", "-p", "-t", "kiosk")
            if text in " ".join(shown.split()):
                return shown
            assert time.monotonic() < end, f"{text!r} never appeared:\n{shown}"
            time.sleep(0.1)

    command = [sys.executable, str(script), str(config)] + ([str(font)] if font else [])
    try:
        tmux("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "kiosk",
             "env", "TERM=xterm-256color", *command)
        tmux("set-option", "-g", "escape-time", "0")
        tmux("pipe-pane", "-o", "-t", "kiosk", f"cat >> {written}")
        wait("Start")
        tmux("send-keys", "-t", "kiosk", "Down", "Down", "Enter")  # Start (after 2 languages)
        wait("Contents")
        tmux("send-keys", "-t", "kiosk", "Enter")  # section 1: the text takes the focus
        shown = wait("▶ Section 1 of 8")
        wait("Section 1 of 8", in_bytes=True)  # the frame has reached pipe-pane's file
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=30)
    return shown, written.read_bytes().decode("utf-8", "replace")


@needs_console_fonts
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux: apt-get install tmux")
def test_in_a_real_terminal_the_kiosk_writes_only_what_uni2_draws(tmp_path):
    uni2 = CONSOLE_FONTS / "Uni2-Fixed16.psf.gz"
    font = read_psf(uni2)
    (tmp_path / "uni2").mkdir()
    shown, written = run_in_tmux(tmp_path / "uni2", uni2)
    assert "› 1. What is" in shown, shown
    assert "▷" not in written and "⚑" not in written
    drawn = {c for c in written if not c.isascii()}
    assert font.missing("".join(drawn)) == [], "written but not in Uni2"
    # The same kiosk in a terminal emulator (no console font) draws its own glyph.
    (tmp_path / "plain").mkdir()
    shown, written = run_in_tmux(tmp_path / "plain", None)
    assert "▷ 1. What is" in shown, shown
