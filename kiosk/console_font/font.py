"""A console font as the kiosk needs to know it: the characters it can draw.

The Linux console draws a character only if the loaded font's Unicode map
names a glyph for it; any other character is drawn as the glyph mapped to
U+FFFD (a diamond or a block in Debian's fonts) or as "?", so Bulgarian on a
Latin font reads "Ob■ pregled".  The map holds single code points: the
combining sequences a PSF file may list are not loaded by ``setfont`` and are
ignored here too (source: kbd's ``psffontop.c`` and the kernel's
``drivers/tty/vt/consolemap.c``, which look up one code point at a time).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


def needs_glyph(char: str) -> bool:
    """True unless ``char`` is a control character (newline, tab: never drawn as a glyph)."""
    return unicodedata.category(char) != "Cc"


@dataclass(frozen=True)
class ConsoleFont:
    """The characters a Linux console font can draw.

    Args:
        characters: the code points its Unicode map gives a glyph.
        source: where it was read, for people: ``"/dev/tty1"`` or a PSF file's path.
        glyphs: how many glyphs it holds (256 or 512), or ``None`` when the
            kernel does not say (a console without a font driver).
    """

    characters: frozenset[int] = field(repr=False)
    source: str
    glyphs: int | None = None

    def can_draw(self, char: str) -> bool:
        """True when ``char`` (one character) has a glyph, or needs none."""
        return not needs_glyph(char) or ord(char) in self.characters

    def missing(self, text: str) -> list[str]:
        """The characters of ``text`` this font cannot draw, each once, in code point order."""
        return sorted({c for c in text if not self.can_draw(c)})

    def describe(self) -> str:
        """One line for logs and ``kiosk check``: where, and how big."""
        size = f"{self.glyphs} glyphs, " if self.glyphs else ""
        return f"{self.source} ({size}{len(self.characters)} characters mapped)"
