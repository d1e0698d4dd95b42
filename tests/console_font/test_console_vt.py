"""On a real Linux virtual console: the kernel's map, and the kiosk on it.

Needs root (to load a font's Unicode map into a spare console, as ``setfont``
does at boot) and a kernel with virtual consoles (``/dev/tty0``).  The map is
loaded with kbd's own ``loadunimap`` from the table kbd's ``psfgettable``
reads out of Debian's font file, so the kiosk's reader is checked against
kbd, and the console is given back its previous map afterwards.

What the console draws is read back from the kernel: ``/dev/vcsuN`` holds
the characters written to each cell, ``/dev/vcsN`` the glyph each cell is
drawn with.  (On a machine whose console has no font driver, as in a VM
without a display, the kernel still keeps both: only the pixels are missing.)
"""

from __future__ import annotations

import fcntl
import gzip
import logging
import os
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from console_helpers import CONSOLE_FONTS, LAT15_LEFT_OUT, LOCALES, REPO, needs_console_fonts

from kiosk.console_font.findings import languages_for_console
from kiosk.console_font.psf import read_psf
from kiosk.console_font.terminal import KernelConsole, kiosk_terminal_font
from kiosk.console_font.ui_glyphs import UI_GLYPHS
from kiosk.languages.registry import SUPPORTED_LANGUAGES, language_info

VT_OPENQRY = 0x5600
LINUX = {"TERM": "linux"}
#: A safety net only: each wait ends as soon as its condition holds.
TIMEOUT_S = 60


def _have_virtual_consoles() -> bool:
    return os.geteuid() == 0 and Path("/dev/tty0").exists() and \
        shutil.which("loadunimap") is not None and shutil.which("psfgettable") is not None


pytestmark = [
    needs_console_fonts,
    pytest.mark.skipif(not _have_virtual_consoles(),
                       reason="needs root, a kernel with virtual consoles (/dev/tty0) and kbd's "
                              "loadunimap and psfgettable (apt-get install kbd)"),
]


@pytest.fixture
def spare_console(tmp_path):
    """A free virtual console (``/dev/ttyN``), its Unicode map restored afterwards."""
    with open("/dev/tty0", "rb") as tty0:
        number = struct.pack("i", 0)
        number = struct.unpack("i", fcntl.ioctl(tty0, VT_OPENQRY, number))[0]
    assert number > 0, "no free virtual console"
    device = f"/dev/tty{number}"
    saved = tmp_path / "saved.uni"
    subprocess.run(["loadunimap", "-C", device, "-o", str(saved)], check=True, capture_output=True)
    yield device
    subprocess.run(["loadunimap", "-C", device, str(saved)], check=True, capture_output=True)
    subprocess.run(["deallocvt", str(number)], capture_output=True)  # best effort: it may be busy


def _load_with_kbd(device: str, font_name: str, tmp_path: Path) -> dict[int, int]:
    """Load a font's Unicode map into ``device`` with kbd; returns {code point: glyph}."""
    plain = tmp_path / f"{font_name}.psf"
    plain.write_bytes(gzip.decompress((CONSOLE_FONTS / f"{font_name}.psf.gz").read_bytes()))
    table = tmp_path / f"{font_name}.uni"
    subprocess.run(["psfgettable", str(plain), str(table)], check=True, capture_output=True)
    subprocess.run(["loadunimap", "-C", device, str(table)], check=True, capture_output=True)
    glyph_of: dict[int, int] = {}
    for line in table.read_text().splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        position, codes = line.split("\t", 1)
        for token in codes.split():
            if token.startswith("U+") and "," not in token:
                glyph_of[int(token[2:], 16)] = int(position, 16)
    return glyph_of


@pytest.mark.parametrize("font_name, shown", [("Lat15-Fixed16", 15), ("Uni2-Fixed16", 28)])
def test_the_kernel_gives_back_the_map_kbd_loaded(spare_console, tmp_path, font_name, shown):
    _load_with_kbd(spare_console, font_name, tmp_path)
    fd = os.open(spare_console, os.O_RDWR | os.O_NOCTTY)
    try:
        console = KernelConsole(fd)
        assert console.is_virtual_console()
        assert console.unicode_map() == read_psf(CONSOLE_FONTS / f"{font_name}.psf.gz").characters
        font, note = kiosk_terminal_font(LINUX, fds=(fd,))
        assert font is not None and note.startswith(f"Linux console font: {spare_console} (")
        offered = languages_for_console(font, sorted(SUPPORTED_LANGUAGES), LOCALES,
                                        logging.getLogger("test"))
        assert len(offered) == shown
        assert kiosk_terminal_font({"TERM": "xterm"}, fds=(fd,))[0] is None
    finally:
        os.close(fd)


def _screen(number: str) -> tuple[list[str], bytes]:
    """The console's rows as written (``/dev/vcsuN``) and the glyph of each cell (``/dev/vcsN``)."""
    raw = Path(f"/dev/vcsu{number}").read_bytes()
    chars = "".join(chr(c) for c in struct.unpack(f"<{len(raw) // 4}I", raw))
    glyphs = Path(f"/dev/vcs{number}").read_bytes()
    fd = os.open(f"/dev/tty{number}", os.O_RDONLY | os.O_NOCTTY)
    try:
        columns = os.get_terminal_size(fd).columns
    finally:
        os.close(fd)
    return [chars[i:i + columns] for i in range(0, len(chars), columns)], glyphs


def _run_kiosk_on(device: str, term: str, tmp_path: Path) -> tuple[str, list[str], bytes]:
    """Start the kiosk on ``device`` as systemd's ``StandardInput=tty`` would; return log and screen."""
    config = (REPO / "kiosk.toml").read_text(encoding="utf-8")
    log = tmp_path / f"kiosk-{term}.log"
    config = (config.replace('content_dir = "content"', f'content_dir = "{REPO / "content"}"')
              .replace('locales_dir = "locales"', f'locales_dir = "{LOCALES}"')
              .replace('log_file = "logs/kiosk.log"', f'log_file = "{log}"'))
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(config, encoding="utf-8")

    def on_the_console():
        os.setsid()
        fd = os.open(device, os.O_RDWR)
        fcntl.ioctl(fd, termios.TIOCSCTTY, 1)
        for target in (0, 1, 2):
            os.dup2(fd, target)
        os.close(fd)

    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(config_file), "--no-kiosk-mode"],
        preexec_fn=on_the_console, cwd=tmp_path,
        env={"TERM": term, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)})
    number = device.removeprefix("/dev/tty")
    try:
        deadline = time.monotonic() + TIMEOUT_S
        previous = None
        while True:
            # The text and the glyphs are two reads: the screen must be the same in
            # two reads running (a repaint between them, the welcome list's scrollbar
            # settling after the first paint, once paired a space with a '#' glyph).
            rows, glyphs = _screen(number)
            shown = any("Display:" in row for row in rows) and any("(chosen)" in row for row in rows)
            if shown and (rows, glyphs) == previous:
                break
            previous = (rows, glyphs)
            assert process.poll() is None, f"the kiosk exited: {log.read_text()}"
            assert time.monotonic() < deadline, "the welcome screen never appeared:\n" + "\n".join(rows)
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=TIMEOUT_S)
    return log.read_text(encoding="utf-8"), rows, glyphs


def _undrawable(rows: list[str], glyphs: bytes, glyph_of: dict[int, int]) -> set[str]:
    """The characters on screen the font has no glyph for; checks the others drew their glyph."""
    lacking = set()
    for index, char in enumerate("".join(rows)):
        if ord(char) in glyph_of:
            assert glyphs[index] == glyph_of[ord(char)] & 0xFF, (char, index)
        elif char != " ":
            lacking.add(char)
    return lacking


UI_SYMBOLS = set("".join(UI_GLYPHS))


def test_on_a_latin_console_the_kiosk_offers_only_what_it_can_draw(spare_console, tmp_path):
    glyph_of = _load_with_kbd(spare_console, "Lat15-Fixed16", tmp_path)
    log, rows, glyphs = _run_kiosk_on(spare_console, "linux", tmp_path)
    assert f"Linux console font: {spare_console} (528 characters mapped)" in log
    assert "cannot show 13 of the 28 offered languages" in log
    left_out = {line.split("left out on this console: ")[1].split()[0]
                for line in log.splitlines() if "left out on this console: " in line}
    assert left_out == LAT15_LEFT_OUT
    screen = "\n".join(rows)
    assert "Deutsch" in screen and "Български" not in screen and "Čeština" not in screen
    lacking = _undrawable(rows, glyphs, glyph_of)
    # The kiosk's own symbols are drawn as substitutes the font has (kiosk.ui.console_glyphs).
    assert lacking == set(), f"characters the console cannot draw: {lacking}"
    assert "the console font lacks the kiosk's ▷⚑▁▂▃▄▅▆▇▉▊▋▌▍▎▏: drawn as ›!" in log


def test_without_the_check_the_same_console_mangles_the_language_names(spare_console, tmp_path):
    """The failure of issue 9, item 7, for real: TERM=xterm turns the check off."""
    glyph_of = _load_with_kbd(spare_console, "Lat15-Fixed16", tmp_path)
    log, rows, glyphs = _run_kiosk_on(spare_console, "xterm", tmp_path)
    assert "not on a Linux console (TERM=xterm)" in log
    screen = "\n".join(rows)
    assert language_info("bg").native_name in screen
    lacking = _undrawable(rows, glyphs, glyph_of)
    assert {"Б", "ъ", "Č"} <= lacking - UI_SYMBOLS
