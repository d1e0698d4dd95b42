"""Screenshots as plain pixels: grim's PPM read, and written as PNG, with the standard library.

grim writes the output's current frame; a frame can be older than what
tmux already holds (the compositor draws on its own clock), so callers
take frames until the one they wait for arrives (``HeadlessSession.wait_for_frame``).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Frame:
    """One screenshot: ``width`` x ``height`` pixels, RGB, row by row."""

    width: int
    height: int
    rgb: bytes

    @classmethod
    def from_ppm(cls, data: bytes) -> "Frame":
        """Read binary PPM (P6, maxval 255), as ``grim -t ppm`` writes it."""
        fields: list[bytes] = []
        position = 0
        while len(fields) < 4:
            while data[position:position + 1].isspace():
                position += 1
            if data[position:position + 1] == b"#":
                position = data.index(b"\n", position) + 1
                continue
            end = position
            while not data[end:end + 1].isspace():
                end += 1
            fields.append(data[position:end])
            position = end
        if fields[0] != b"P6" or fields[3] != b"255":
            raise ValueError("not an 8-bit binary PPM image")
        width, height = int(fields[1]), int(fields[2])
        pixels = data[position + 1:position + 1 + width * height * 3]
        if len(pixels) != width * height * 3:
            raise ValueError("the PPM image is cut short")
        return cls(width, height, pixels)

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The colour at column ``x``, row ``y``."""
        i = (y * self.width + x) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]

    def colours(self) -> set[tuple[int, int, int]]:
        """Every distinct colour in the frame."""
        step = self.width * 3
        found = set()
        for y in range(self.height):
            row = self.rgb[y * step:(y + 1) * step]
            found.update(zip(row[0::3], row[1::3], row[2::3]))
        return found

    def save_png(self, path: Path) -> Path:
        """Write the frame as an RGB PNG (filter 0 on every row)."""
        step = self.width * 3
        raw = b"".join(b"\x00" + self.rgb[y * step:(y + 1) * step] for y in range(self.height))

        def chunk(kind: bytes, body: bytes) -> bytes:
            return (struct.pack(">I", len(body)) + kind + body
                    + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                         + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
        return path


#: How far (sum of the RGB differences) a pixel must be from its cell's background to be ink.
INK_DISTANCE = 60


def cell_is_blank(frame: Frame, box: tuple[int, int, int, int]) -> bool:
    """True when every pixel of ``box`` (x0, y0, x1, y1) has one colour: no glyph drawn there.

    A terminal paints each cell in one background colour and draws the
    glyph over it, so a drawn character always leaves more than one colour.
    """
    x0, y0, x1, y1 = box
    first = (y0 * frame.width + x0) * 3
    blank_row = frame.rgb[first:first + 3] * (x1 - x0)
    for y in range(y0, y1):
        start = (y * frame.width + x0) * 3
        if frame.rgb[start:start + (x1 - x0) * 3] != blank_row:
            return False
    return True


def cell_mask(frame: Frame, box: tuple[int, int, int, int]) -> frozenset[tuple[int, int]]:
    """The ink pixels of a cell, relative to its corner: the glyph's shape."""
    x0, y0, x1, y1 = box
    colours = [frame.pixel(x, y) for y in range(y0, y1) for x in range(x0, x1)]
    background = max(set(colours), key=colours.count)
    width = x1 - x0
    return frozenset((i % width, i // width) for i, colour in enumerate(colours)
                     if sum(abs(a - b) for a, b in zip(colour, background)) > INK_DISTANCE)
