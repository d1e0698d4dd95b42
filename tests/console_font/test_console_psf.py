"""The PSF reader, on Debian's real console fonts, checked against kbd's own psfgettable."""

from __future__ import annotations

import gzip
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from console_helpers import CONSOLE_FONTS, console_font, needs_console_fonts

from kiosk.console_font.psf import PSF1_MAGIC, PSF2_MAGIC, PsfError, read_psf

pytestmark = needs_console_fonts


def _psfgettable(path: Path, tmp_path: Path) -> set[int]:
    """The single code points kbd's psfgettable lists for a font (it reads no .gz)."""
    plain = tmp_path / path.name.removesuffix(".gz")
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    out = subprocess.run(["psfgettable", str(plain)], capture_output=True, text=True, check=True)
    found: set[int] = set()
    for line in out.stdout.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        for token in line.split("\t", 1)[1].split():
            if token.startswith("U+") and "," not in token:  # "U+0041,U+0301" is a sequence
                found.add(int(token[2:], 16))
    return found


@pytest.mark.skipif(shutil.which("psfgettable") is None,
                    reason="needs kbd's psfgettable: apt-get install kbd")
@pytest.mark.parametrize("name", ["Lat15-Fixed16", "Uni2-Fixed16", "Uni2-Terminus32x16",
                                  "Uni3-Terminus24x12", "Greek-VGA16", "Lat15-TerminusBold22x11"])
def test_the_unicode_table_is_the_one_kbd_reads(name, tmp_path):
    path = CONSOLE_FONTS / f"{name}.psf.gz"
    expected = _psfgettable(path, tmp_path)
    assert len(expected) > 200
    assert read_psf(path).characters == expected


def test_both_psf_versions_and_their_glyph_counts():
    lat15 = CONSOLE_FONTS / "Lat15-Fixed16.psf.gz"
    uni2_big = CONSOLE_FONTS / "Uni2-Terminus32x16.psf.gz"
    assert gzip.decompress(lat15.read_bytes())[:2] == PSF1_MAGIC
    assert gzip.decompress(uni2_big.read_bytes())[:4] == PSF2_MAGIC
    assert read_psf(lat15).glyphs == 256
    assert read_psf(uni2_big).glyphs == 512
    assert read_psf(lat15).source == str(lat15)


def test_an_uncompressed_font_reads_the_same(tmp_path):
    plain = tmp_path / "Uni2-Fixed16.psf"
    plain.write_bytes(gzip.decompress((CONSOLE_FONTS / "Uni2-Fixed16.psf.gz").read_bytes()))
    assert read_psf(plain).characters == console_font("Uni2-Fixed16").characters


def test_what_lat15_and_uni2_hold():
    lat15, uni2 = console_font("Lat15-Fixed16"), console_font("Uni2-Fixed16")
    assert lat15.can_draw("ä") and lat15.can_draw("ğ") and lat15.can_draw("š")
    assert not lat15.can_draw("Б") and not lat15.can_draw("Ω") and not lat15.can_draw("č")
    assert uni2.missing("Обобщение Επισκόπηση Čeština șț") == []
    assert uni2.missing("▷ ▶ ▁▄▆") == ["▁", "▄", "▆", "▷"]
    assert uni2.can_draw("\n") and uni2.can_draw("\t")  # controls need no glyph


@pytest.mark.parametrize("data, reason", [
    (b"", "not a PSF console font"),
    (b"hello world", "not a PSF console font"),
    (PSF1_MAGIC + bytes([0, 16]) + bytes(256 * 16), "has no Unicode table"),
    (PSF1_MAGIC + bytes([2, 16]) + bytes(100), "cut short"),
    (PSF2_MAGIC + struct.pack("<7I", 0, 32, 0, 256, 16, 16, 8), "has no Unicode table"),
    (PSF2_MAGIC + struct.pack("<7I", 0, 32, 1, 256, 16, 16, 8) + bytes(10), "cut short"),
    (b"\x1f\x8b\x08\x00broken", "cannot read the font"),
])
def test_a_bad_file_is_named_with_the_reason(tmp_path, data, reason):
    path = tmp_path / "bad.psf.gz"
    path.write_bytes(data)
    with pytest.raises(PsfError) as raised:
        read_psf(path)
    assert str(path) in str(raised.value) and reason in str(raised.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(PsfError, match="missing.psf: cannot read the font"):
        read_psf(tmp_path / "missing.psf")
