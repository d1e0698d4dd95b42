"""Real console font data for the console font tests, and a console that holds one.

The fonts are Debian's own (package ``console-setup-linux``, in
``/usr/share/consolefonts``); without them the tests skip with the apt-get
line (on CI, where ``.ci/run`` installs them, a skip fails).
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kiosk.console_font.font import ConsoleFont
from kiosk.console_font.psf import read_psf

REPO = Path(__file__).resolve().parents[2]
LOCALES = REPO / "locales"
CONSOLE_FONTS = Path("/usr/share/consolefonts")

needs_console_fonts = pytest.mark.skipif(
    not (CONSOLE_FONTS / "Uni2-Fixed16.psf.gz").is_file(),
    reason="needs Debian's console fonts: apt-get install console-setup-linux",
)

#: The languages Lat15 (Debian's font for Western European locales) cannot show (issue 9).
LAT15_LEFT_OUT = {"bg", "cs", "el", "hr", "hu", "lt", "lv", "mt", "pl", "ro", "sk", "sl", "uk"}


def console_font(name: str) -> ConsoleFont:
    """A font of console-setup-linux by file name without ``.psf.gz``, e.g. ``Lat15-Fixed16``."""
    return read_psf(CONSOLE_FONTS / f"{name}.psf.gz")


class PsfConsole:
    """Stands in for :class:`kiosk.console_font.terminal.KernelConsole`: a console with a PSF font loaded.

    Args:
        name: the font file's name without ``.psf.gz``.
        virtual: whether it claims to be a virtual console.
        readable: False makes reading the map fail as the kernel does without permission.
    """

    def __init__(self, name: str, *, virtual: bool = True, readable: bool = True) -> None:
        self.font = console_font(name)
        self.name = "/dev/tty7"
        self.virtual = virtual
        self.readable = readable

    def is_virtual_console(self) -> bool:
        return self.virtual

    def unicode_map(self) -> frozenset[int]:
        if not self.readable:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return self.font.characters

    def glyph_count(self) -> int | None:
        return self.font.glyphs
