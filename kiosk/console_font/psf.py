"""Reading a PSF console font file (``.psf`` or ``.psf.gz``): its Unicode table.

Debian's console fonts (package ``console-setup-linux``:
``/usr/share/consolefonts/Uni2-Terminus32x16.psf.gz`` ...) are PSF files; ``setfont``
loads their glyphs and their Unicode table into the kernel, so reading the
table tells which characters the console can draw once that font is loaded.
``kiosk check`` uses this for the font ``/etc/default/console-setup`` names,
and the tests use it as real font data.

Format (source: kbd's ``psf.h`` and ``psffontop.c``, and the kernel's
``include/linux/font.h``):

* PSF 1: magic ``36 04``, a mode byte (``0x01``: 512 glyphs, else 256; ``0x02``
  or ``0x04``: a Unicode table follows the glyphs), a byte with the bytes per
  glyph.  The table holds, per glyph, little-endian 16-bit code points ending
  with ``0xFFFF``; ``0xFFFE`` starts the glyph's combining sequences.
* PSF 2: magic ``72 B5 4A 86``, then 32-bit little-endian version, header
  size, flags (bit 0: a Unicode table), glyph count, bytes per glyph, height,
  width.  The table holds, per glyph, UTF-8 characters ending with ``0xFF``;
  ``0xFE`` starts the combining sequences.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

from kiosk.console_font.font import ConsoleFont

PSF1_MAGIC = b"\x36\x04"
PSF2_MAGIC = b"\x72\xb5\x4a\x86"
_PSF1_MODE512 = 0x01
_PSF1_HAS_TABLE = 0x02 | 0x04
_PSF2_HAS_TABLE = 0x01


class PsfError(ValueError):
    """The file is not a PSF font with a Unicode table; the message names the file and why."""


def read_psf(path: Path) -> ConsoleFont:
    """The characters the PSF font at ``path`` can draw.

    Args:
        path: a ``.psf`` or gzip-compressed ``.psf.gz`` file.

    Returns:
        a :class:`ConsoleFont` whose ``source`` is the path.

    Raises:
        PsfError: the file cannot be read, is not a PSF font, is cut short,
            or has no Unicode table (the kernel would then map no character).
    """
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise PsfError(f"{path}: cannot read the font: {exc}") from None
    if data[:2] == PSF1_MAGIC:
        glyphs, characters = _psf1(data, path)
    elif data[:4] == PSF2_MAGIC:
        glyphs, characters = _psf2(data, path)
    else:
        raise PsfError(f"{path}: not a PSF console font (it does not start with a PSF magic number)")
    return ConsoleFont(frozenset(characters), str(path), glyphs)


def _psf1(data: bytes, path: Path) -> tuple[int, set[int]]:
    if len(data) < 4:
        raise PsfError(f"{path}: the PSF 1 header is cut short")
    mode, charsize = data[2], data[3]
    glyphs = 512 if mode & _PSF1_MODE512 else 256
    if not mode & _PSF1_HAS_TABLE:
        raise PsfError(f"{path}: the font has no Unicode table")
    start = 4 + glyphs * charsize
    table = data[start:]
    if len(data) < start or len(table) % 2:
        raise PsfError(f"{path}: the font is cut short (glyphs or Unicode table incomplete)")
    characters: set[int] = set()
    in_sequence = False
    for (value,) in struct.iter_unpack("<H", table):
        if value == 0xFFFF:
            in_sequence = False
        elif value == 0xFFFE:
            in_sequence = True
        elif not in_sequence:
            characters.add(value)
    return glyphs, characters


def _psf2(data: bytes, path: Path) -> tuple[int, set[int]]:
    if len(data) < 32:
        raise PsfError(f"{path}: the PSF 2 header is cut short")
    _version, header_size, flags, glyphs, charsize, _h, _w = struct.unpack_from("<7I", data, 4)
    if not flags & _PSF2_HAS_TABLE:
        raise PsfError(f"{path}: the font has no Unicode table")
    start = header_size + glyphs * charsize
    if len(data) < start:
        raise PsfError(f"{path}: the font is cut short (glyphs incomplete)")
    characters: set[int] = set()
    for entry in data[start:].split(b"\xff"):
        singles = entry.split(b"\xfe", 1)[0]
        try:
            characters.update(ord(c) for c in singles.decode("utf-8"))
        except UnicodeDecodeError:
            raise PsfError(f"{path}: the Unicode table is not valid UTF-8") from None
    return glyphs, characters
