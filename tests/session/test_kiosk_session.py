"""The graphical kiosk session (deploy/kiosk-session): cage + foot + DejaVu Sans Mono, for real.

The slow tests (marked ``session``, about 30 s together) start the session
as the README sets it up, without a screen: cage on wlroots' headless
backend, as an ordinary account (``nobody``; cage refuses root), foot with
the shipped ``foot.ini``, and the kiosk run by a venv on Debian's python3.
A screenshot (grim) must show what the kiosk wrote: every visible
character of the screen drawn (a cell with text is not blank), Greek and
Cyrillic letters each with its own shape (missing glyphs would all be the
same box), and foot filling the output with the cells its font size gives.
Without the Debian packages they skip with the apt-get line; on CI
(``.ci/run`` installs them) a skip fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from frames import cell_is_blank, cell_mask
from headless import FOOT_INI, OUTPUT_SIZE, HeadlessSession
from kiosk_account import (
    APT_LINE,
    DEJAVU_MONO,
    Account,
    build_kiosk_python,
    missing_requirements,
)

from kiosk.console_font.coverage import language_text
from kiosk.console_font.font import ConsoleFont
from kiosk.console_font.ui_glyphs import UI_GLYPHS
from kiosk.languages.registry import SUPPORTED_LANGUAGES, language_info

REPO = FOOT_INI.parents[2]
MISSING = missing_requirements()
needs_session = pytest.mark.skipif(
    bool(MISSING), reason=f"needs {', '.join(MISSING)}: {APT_LINE}")
#: 30 px DejaVu Sans Mono cells are 18x36 px: 68x19 cells on 1280x720 with this padding.
PIXELSIZE, PAD = 30, (28, 18)


def _dejavu_mono() -> ConsoleFont:
    """The characters DejaVu Sans Mono has, as fontconfig reads them (``fc-query``)."""
    out = subprocess.run(["fc-query", "--format=%{charset}", str(DEJAVU_MONO)],
                         capture_output=True, text=True, check=True).stdout
    characters: set[int] = set()
    for part in out.split():
        first, _, last = part.partition("-")
        characters.update(range(int(first, 16), int(last or first, 16) + 1))
    return ConsoleFont(frozenset(characters), str(DEJAVU_MONO))


@pytest.mark.skipif(not DEJAVU_MONO.is_file() or shutil.which("fc-query") is None,
                    reason="needs DejaVu Sans Mono and fc-query: apt-get install "
                           "fonts-dejavu-core fontconfig")
def test_dejavu_sans_mono_has_every_languages_text_and_every_kiosk_glyph():
    font = _dejavu_mono()
    for language in SUPPORTED_LANGUAGES:
        text, _ = language_text(REPO / "locales", language)
        assert font.missing(text) == [], language
    lacking = {glyph for glyphs in UI_GLYPHS for glyph in font.missing(glyphs)}
    # foot draws box drawing and block elements itself (U+2500-U+259F); the kiosk no
    # longer draws "ⓘ", the one glyph DejaVu Sans Mono lacked.
    assert {g for g in lacking if not 0x2500 <= ord(g) <= 0x259F} == set()


@pytest.fixture(scope="module")
def kiosk_python():
    """A venv on Debian's python3 with the locked dependencies, runnable by every account."""
    base = Path(tempfile.mkdtemp(prefix="kiosk-python-", dir="/tmp"))
    os.chmod(base, 0o755)  # pytest's own temporary folders are private to root
    yield build_kiosk_python(base / "venv")
    shutil.rmtree(base, ignore_errors=True)


def _assert_nothing_left(session: HeadlessSession) -> None:
    """No session folder, no process, no X display files of the stopped session remain."""
    assert not session.workdir.exists()
    assert not any(lock.read_text().strip(" \n\x00") == str(session.cage.pid)
                   for lock in Path("/tmp").glob(".X*-lock"))
    assert all(not Path(f"/proc/{pid}").exists() for pid in [session.cage.pid, *session._pids])


def _letters(rows: list[str], script: str) -> dict[str, tuple[int, int]]:
    """The first cell of each distinct letter of ``script`` ("CYRILLIC", "GREEK") on screen."""
    found: dict[str, tuple[int, int]] = {}
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            if char.isalpha() and unicodedata.name(char, "").startswith(script):
                found.setdefault(char, (x, y))
    return found


@pytest.mark.session
@needs_session
@pytest.mark.parametrize("language, script", [("bg", "CYRILLIC"), ("el", "GREEK"),
                                              ("uk", "CYRILLIC")])
def test_the_session_draws_the_welcome_screen(kiosk_python, tmp_path, language, script):
    account = Account.named("nobody")
    session = HeadlessSession(account, kiosk_python, PIXELSIZE, pad=PAD,
                              kiosk_args=("--language", language))
    with session:
        width, height = session.cell_pixels()
        columns, rows_count = session.cells()
        assert (columns, rows_count) == ((OUTPUT_SIZE[0] - 2 * PAD[0]) // width,
                                         (OUTPUT_SIZE[1] - 2 * PAD[1]) // height)
        assert (columns, rows_count) == (68, 19), "foot's cells at 30 px changed"
        session.start_kiosk()
        frame, rows = session.frame_showing_text()
        frame.save_png(tmp_path / f"welcome-{language}.png")  # for a person to look at

        assert (frame.width, frame.height) == OUTPUT_SIZE
        assert len(frame.colours()) > 50, "the screenshot is (nearly) blank"
        screen = "\n".join(rows)
        assert language_info(language).native_name in screen
        assert "▶" in screen and session.cells_without_ink(frame, rows) == []
        letters = _letters(rows, script)
        assert len(letters) >= 15, f"too few {script} letters on screen:\n{screen}"
        shapes = {char: cell_mask(frame, session.cell_box(*cell)) for char, cell in letters.items()}
        assert all(shapes.values()), "a letter's cell is blank"
        assert len(set(shapes.values())) == len(shapes), \
            "two different letters look the same: a missing glyph drawn as a box?"
        # The kiosk ran as the ordinary account, in a terminal emulator (no console font rules).
        log = session.log_file.read_text(encoding="utf-8")
        assert session.log_file.stat().st_uid == account.uid
        assert "not on a Linux console (TERM=tmux-256color)" in log
    assert session.cage.returncode is not None
    _assert_nothing_left(session)


@pytest.mark.session
@needs_session
def test_the_shipped_session_script_starts_the_kiosk_full_screen(kiosk_python):
    """kiosk-session.sh as the systemd unit runs it: cage, foot with foot.ini, the kiosk."""
    account = Account.named("nobody")
    session = HeadlessSession(account, kiosk_python, PIXELSIZE)
    try:
        session.start_shipped_session()
        # foot's empty window has 2 colours; the kiosk's text, anti-aliased, has hundreds.
        frame = session.wait_for_frame(lambda f: len(f.colours()) > 50,
                                       "the kiosk never drew on the session's screen")
        assert (frame.width, frame.height) == OUTPUT_SIZE
        session.wait_until(lambda: "Linux console" in session.kiosk_log(),
                           "the kiosk never logged its start")
        assert "not on a Linux console (TERM=foot)" in session.kiosk_log()
        assert f"loading configuration from {FOOT_INI}" in session.cage_log()
    finally:
        session.stop()
    _assert_nothing_left(session)
