"""The Linux console's font: which characters it draws, so which languages it can show.

A Linux console font holds 256 or 512 glyphs: the font Debian picks for
Western European locales (Lat15) has no Greek, Cyrillic or Central European
letters, so on tty1 13 of the kiosk's 28 languages would read "Ob■ pregled".
On a console the kiosk therefore offers only the languages whose every
character the loaded font can draw, logs the others, and ``kiosk check``
names them with the settings that fix it.  In a terminal emulator nothing
changes.  Plain Python, no Textual: the launcher and ``kiosk check`` use it.

Modules: :mod:`.font` (a font as a set of characters), :mod:`.psf` (PSF font
files), :mod:`.terminal` (the font loaded in the kiosk's console, from the
kernel), :mod:`.coverage` (languages' text against a font), :mod:`.ui_glyphs`
(the kiosk's own symbols), :mod:`.console_setup` (Debian's settings),
:mod:`.findings` (what the start log and ``kiosk check`` say).
"""
