"""Finding the console font of the kiosk's terminal: only on a Linux virtual console.

The decisions are tested with :class:`console_helpers.PsfConsole` (a console
holding a real Debian font); the kernel part (:class:`KernelConsole`) is
tested here on a real pseudo-terminal, which must never count as a console,
and on a real virtual console in test_console_vt.py.
"""

from __future__ import annotations

import os

import pytest
from console_helpers import PsfConsole, console_font, needs_console_fonts

from kiosk.console_font.terminal import (
    KernelConsole,
    is_linux_console_term,
    kiosk_terminal_font,
    terminal_font,
)

LINUX = {"TERM": "linux"}


@needs_console_fonts
def test_on_a_virtual_console_with_term_linux_the_loaded_font_is_read():
    font, note = terminal_font(PsfConsole("Lat15-Fixed16"), LINUX)
    assert font is not None
    assert font.characters == console_font("Lat15-Fixed16").characters
    assert font.source == "/dev/tty7" and font.glyphs == 256
    assert note == "Linux console font: /dev/tty7 (256 glyphs, 528 characters mapped)"


@needs_console_fonts
@pytest.mark.parametrize("environ", [{"TERM": "xterm-256color"}, {"TERM": "foot"},
                                     {"TERM": "tmux-256color"}, {}])
def test_in_a_terminal_emulator_there_is_no_console_font(environ):
    font, note = terminal_font(PsfConsole("Lat15-Fixed16"), environ)
    assert font is None
    assert note.startswith("not on a Linux console (TERM=")


@needs_console_fonts
def test_term_linux_on_something_that_is_no_virtual_console_is_ignored():
    font, note = terminal_font(PsfConsole("Lat15-Fixed16", virtual=False), LINUX)
    assert font is None
    assert note == "/dev/tty7 is not a Linux virtual console, although TERM=linux"


@needs_console_fonts
def test_a_map_the_kernel_will_not_give_means_every_language_with_the_reason():
    font, note = terminal_font(PsfConsole("Uni2-Fixed16", readable=False), LINUX)
    assert font is None
    assert "cannot read the console font's Unicode map (Operation not permitted)" in note


def test_term_names_of_the_linux_console():
    assert is_linux_console_term({"TERM": "linux"})
    assert is_linux_console_term({"TERM": "linux-16color"})
    assert not is_linux_console_term({"TERM": "xterm-linux"})
    assert not is_linux_console_term({})


def test_a_pseudo_terminal_is_not_a_virtual_console():
    leader, follower = os.openpty()
    try:
        console = KernelConsole(follower)
        assert console.name.startswith("/dev/pts/")
        assert not console.is_virtual_console()
        with pytest.raises(OSError):
            console.unicode_map()  # the console ioctls do not exist on a pty
        assert console.glyph_count() is None
        font, note = kiosk_terminal_font(LINUX, fds=(follower,))
        assert font is None and note.endswith("is not a Linux virtual console, although TERM=linux")
    finally:
        os.close(leader)
        os.close(follower)


def test_the_first_terminal_among_the_descriptors_is_used(tmp_path):
    plain = os.open(tmp_path / "log", os.O_WRONLY | os.O_CREAT)
    leader, follower = os.openpty()
    seen = []

    def open_console(fd):
        seen.append(fd)
        return KernelConsole(fd)

    try:
        kiosk_terminal_font(LINUX, fds=(plain, follower), open_console=open_console)
        assert seen == [follower]
        font, note = kiosk_terminal_font(LINUX, fds=(plain,))
        assert font is None and note.startswith("no terminal on stdin, stdout or stderr")
    finally:
        for fd in (plain, leader, follower):
            os.close(fd)
