"""The font loaded in the Linux console the kiosk runs on, read from the kernel.

Why the kernel's ioctls rather than kbd's tools (``showconsolefont``,
``setfont -ou``): the kiosk already holds the console open (the README's
systemd unit gives it ``/dev/tty1`` as stdin and stdout), ``GIO_UNIMAP`` on that
descriptor returns the very map the kernel draws with, and it needs no
package, no child process, no output format that changes between kbd
releases, and no access to ``/dev/tty0`` (which only root may open):
``GIO_UNIMAP`` is allowed on the console that is in the foreground or is the
process's controlling terminal (source: the kernel's
``drivers/tty/vt/vt_ioctl.c``, ``do_unimap_ioctl``).  ``setfont -ou`` makes the
same call.

Nothing here runs in a terminal emulator: unless ``TERM`` is ``linux`` and the
descriptor is a virtual console (character device major 4, minor 0-63, that
answers ``KDGKBTYPE``, as kbd's ``is_a_console`` checks), there is no console
font and every language is offered.

The part that talks to the kernel is :class:`KernelConsole`; anything with
the same three methods (:class:`VirtualConsole`) can stand in for it, so the
decisions above are tested against real PSF font data without a console.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import stat
from typing import Callable, Mapping, Protocol

from kiosk.console_font.font import ConsoleFont

# From <linux/kd.h> (the same numbers on every architecture).
KDGKBTYPE = 0x4B33
GIO_UNIMAP = 0x4B66
KDFONTOP = 0x4B72
KD_FONT_OP_GET = 1
#: Virtual consoles are character devices with this major number, minors 0-63
#: (<linux/major.h> TTY_MAJOR; minors 64 and up are serial ports).
TTY_MAJOR = 4
MAX_VIRTUAL_CONSOLE_MINOR = 63
#: ``struct unimapdesc`` counts entries in an unsigned short.
MAX_UNIMAP_ENTRIES = 0xFFFF


class _UniPair(ctypes.Structure):
    _fields_ = [("unicode", ctypes.c_ushort), ("fontpos", ctypes.c_ushort)]


class _UniMapDesc(ctypes.Structure):
    _fields_ = [("entry_ct", ctypes.c_ushort), ("entries", ctypes.POINTER(_UniPair))]


class _ConsoleFontOp(ctypes.Structure):
    _fields_ = [("op", ctypes.c_uint), ("flags", ctypes.c_uint), ("width", ctypes.c_uint),
                ("height", ctypes.c_uint), ("charcount", ctypes.c_uint),
                ("data", ctypes.c_void_p)]


class VirtualConsole(Protocol):
    """A terminal that may be a Linux virtual console with a font loaded."""

    name: str

    def is_virtual_console(self) -> bool:
        """True when this terminal is a Linux virtual console."""

    def unicode_map(self) -> frozenset[int]:
        """The code points the loaded font has glyphs for; raises OSError when unreadable."""

    def glyph_count(self) -> int | None:
        """256 or 512, or None when the console does not say."""


class KernelConsole:
    """A terminal file descriptor, asked through the kernel's console ioctls.

    Args:
        fd: an open descriptor of the terminal (the kiosk's stdin or stdout).
        name: for messages, e.g. ``"/dev/tty1"``.
    """

    def __init__(self, fd: int, name: str | None = None) -> None:
        self.fd = fd
        self.name = name or _tty_name(fd)

    def is_virtual_console(self) -> bool:
        """Major 4, minor 0-63, and the keyboard ioctl answers (kbd's ``is_a_console``)."""
        try:
            info = os.fstat(self.fd)
        except OSError:
            return False
        if not stat.S_ISCHR(info.st_mode) or os.major(info.st_rdev) != TTY_MAJOR:
            return False
        if os.minor(info.st_rdev) > MAX_VIRTUAL_CONSOLE_MINOR:
            return False
        kind = ctypes.c_char()
        try:
            fcntl.ioctl(self.fd, KDGKBTYPE, kind)
        except OSError:
            return False
        return True

    def unicode_map(self) -> frozenset[int]:
        """``GIO_UNIMAP``: asked with room for 512 entries, then with the room the kernel needs.

        Raises:
            OSError: the kernel refuses (``EPERM``: neither the foreground console
                nor the controlling terminal) or the descriptor is no console.
        """
        room = 512
        while True:
            entries = (_UniPair * room)()
            desc = _UniMapDesc(room, ctypes.cast(entries, ctypes.POINTER(_UniPair)))
            try:
                fcntl.ioctl(self.fd, GIO_UNIMAP, desc)
            except OSError as exc:
                if exc.errno != errno.ENOMEM or room == MAX_UNIMAP_ENTRIES:
                    raise
                # The kernel writes the count it needs into entry_ct; grow at least fourfold.
                room = min(MAX_UNIMAP_ENTRIES, max(desc.entry_ct, room * 4))
                continue
            return frozenset(entries[i].unicode for i in range(min(desc.entry_ct, room)))

    def glyph_count(self) -> int | None:
        """``KDFONTOP`` get without a buffer: the loaded font's glyph count, if the driver says."""
        op = _ConsoleFontOp(KD_FONT_OP_GET, 0, 0, 0, 0, None)
        try:
            fcntl.ioctl(self.fd, KDFONTOP, op)
        except OSError:  # ENOSYS: a console without a font driver (dummycon)
            return None
        return int(op.charcount) or None


def _tty_name(fd: int) -> str:
    try:
        return os.ttyname(fd)
    except OSError:
        return f"file descriptor {fd}"


def is_linux_console_term(environ: Mapping[str, str]) -> bool:
    """True when ``TERM`` names the Linux console (``linux``, ``linux-16color`` ...)."""
    term = environ.get("TERM", "")
    return term == "linux" or term.startswith("linux-")


def terminal_font(console: VirtualConsole, environ: Mapping[str, str]) -> tuple[ConsoleFont | None, str]:
    """The font loaded in ``console``, or ``None`` and why there is none to respect.

    Returns:
        ``(font, note)``: the font when ``TERM`` is the Linux console's and
        ``console`` is a virtual console whose map can be read; else ``None``
        (every language is offered) and one sentence saying why, for the log
        and ``kiosk check``.
    """
    term = environ.get("TERM", "")
    if not is_linux_console_term(environ):
        return None, (f"not on a Linux console (TERM={term or 'unset'}): the terminal's own "
                      "fonts draw the text")
    if not console.is_virtual_console():
        return None, f"{console.name} is not a Linux virtual console, although TERM={term}"
    try:
        characters = console.unicode_map()
    except OSError as exc:
        return None, (f"{console.name}: cannot read the console font's Unicode map "
                      f"({os.strerror(exc.errno) if exc.errno else exc}); offering every language")
    font = ConsoleFont(characters, console.name, console.glyph_count())
    return font, f"Linux console font: {font.describe()}"


def kiosk_terminal_font(environ: Mapping[str, str] = os.environ, fds: tuple[int, ...] = (0, 1, 2),
                        open_console: Callable[[int], VirtualConsole] = KernelConsole,
                        ) -> tuple[ConsoleFont | None, str]:
    """The font of the terminal the kiosk draws on: the first of ``fds`` that is a terminal.

    Args:
        environ: the environment (``TERM``).
        fds: descriptors to look at, stdin first (Textual reads keys there and
            draws on the same terminal).
        open_console: makes the :class:`VirtualConsole` for a descriptor.

    Returns:
        as :func:`terminal_font`; ``(None, "no terminal ...")`` when none is a terminal.
    """
    for fd in fds:
        try:
            if os.isatty(fd):
                return terminal_font(open_console(fd), environ)
        except OSError:
            continue
    return None, "no terminal on stdin, stdout or stderr: no console font to respect"
