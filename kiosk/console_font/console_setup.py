"""Debian's console font settings (``/etc/default/console-setup``) and what to set.

The console font of a Debian or Ubuntu kiosk is chosen by the package
``console-setup``: ``CODESET`` (the character set: ``Lat15``, ``Uni2`` ...),
``FONTFACE`` (``Fixed``, ``VGA``, ``Terminus``, ``TerminusBold``) and ``FONTSIZE``
(``8x16``, ``16x32`` ...), or ``FONT`` naming a file; ``setupcon`` loads
``/usr/share/consolefonts/<CODESET>-<FONTFACE><size>.psf.gz`` (source:
console-setup's ``setupcon`` and ``console-setup(5)``).  With
``CODESET="guess"`` a German, French or Spanish locale gets ``Lat15``: no
Greek, no Cyrillic, no Central European letters.

``kiosk check`` reads these settings when it does not run on the console
itself, so a deployer sees what the kiosk will meet after the next boot.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

CONSOLE_SETUP = Path("/etc/default/console-setup")
FONT_DIRS = (Path("/etc/console-setup"), Path("/usr/share/consolefonts"))

#: What to set so every language's text can be shown.  Checked against every
#: font file of console-setup-linux 1.221 in tests/console_font: every
#: Uni2-Terminus*, Uni2-TerminusBold* and Uni2-Fixed* font shows all 28
#: languages; Uni2-VGA8, -VGA14 and -VGA28x16 lack Romanian's ș ț; Uni3 lacks Greek.
ADVICE = ('set CODESET="Uni2" and FONTFACE="Terminus" (or "TerminusBold" or "Fixed") in '
          '/etc/default/console-setup, FONTSIZE="16x32" (Terminus) for the largest letters, then run '
          "`setupcon` (or reboot): Uni2 has Latin, Greek and Cyrillic, the text of every kiosk "
          "language. Uni2 lacks the kiosk's ▷ and ⚑ and the scrollbar's partial blocks; a "
          'graphical session (README, "Deploying on a kiosk") draws everything')


@dataclass(frozen=True)
class ConsoleSetup:
    """The font settings of ``/etc/default/console-setup`` (empty when not set)."""

    path: Path
    codeset: str = ""
    fontface: str = ""
    fontsize: str = ""
    font: str = ""

    def describe(self) -> str:
        """``CODESET="Lat15" FONTFACE="Fixed" FONTSIZE="8x16"`` (the ones set)."""
        pairs = [("FONT", self.font), ("CODESET", self.codeset), ("FONTFACE", self.fontface),
                 ("FONTSIZE", self.fontsize)]
        return " ".join(f'{k}="{v}"' for k, v in pairs if v) or "no font settings"


_ASSIGNMENT = re.compile(r"^\s*(CODESET|FONTFACE|FONTSIZE|FONT)\s*=\s*(.*)$")


def read_console_setup(path: Path = CONSOLE_SETUP) -> ConsoleSetup | None:
    """The font settings in ``path`` (a shell file of ``KEY="value"`` lines), or ``None`` if absent."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    values: dict[str, str] = {}
    for line in text.splitlines():
        match = _ASSIGNMENT.match(line)
        if match:
            try:
                words = shlex.split(match.group(2), comments=True)
            except ValueError:
                continue
            values[match.group(1).lower()] = words[0] if words else ""
    return ConsoleSetup(path, **values)


def _size_suffix(fontsize: str) -> str:
    """console-setup's file name part for FONTSIZE: 8x16 -> 16, 16x32 -> 32x16, 12x24 -> 24x12."""
    size = fontsize or "16"
    if "x" not in size:
        return size
    width, _, height = size.partition("x")
    if width == "8":
        return height
    if height == "8":
        return width
    if width.isdigit() and height.isdigit() and int(width) < int(height):
        return f"{height}x{width}"
    return size


def configured_font_file(setup: ConsoleSetup, font_dirs: tuple[Path, ...] = FONT_DIRS) -> Path | None:
    """The PSF file ``setupcon`` would load for ``setup``, if it exists in ``font_dirs``.

    ``None`` when the settings name no file that exists (``CODESET="guess"``
    depends on the locale; the check then cannot tell which font is meant).
    """
    if setup.font:
        font = Path(setup.font)
        if font.is_absolute():
            return font if font.is_file() else None
        names = [font.name]
    elif setup.codeset and setup.codeset != "guess" and setup.fontface:
        names = [f"{setup.codeset}-{setup.fontface}{_size_suffix(setup.fontsize)}.psf"]
    else:
        return None
    for folder in font_dirs:
        for name in names:
            for candidate in (folder / name, folder / f"{name}.gz", folder / name.removesuffix(".gz")):
                if candidate.is_file():
                    return candidate
    return None
