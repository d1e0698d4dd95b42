"""The numeric keypad: every code each of its keys can send, in one table.

A keypad key sends different codes depending on NumLock (which one key on
the keypad itself toggles, so a visitor can switch it off by accident) and
on the terminal: the Linux console, xterm-like terminals (xterm, tmux, VTE)
and terminals that speak the kitty keyboard protocol (foot, kitty), which
Textual switches on.  With the numeric-keypad profile every code of a key
must reach the same visitor action, so the profile's keys are derived from
this table (:data:`KEYPAD`) and the tests feed every code in it, byte for
byte, through Textual's parser, Pilot and a real terminal.

Sources: the Linux console's keymap (``dumpkeys``: KP_5 with NumLock off is
``ESC [ G``), xterm's ctlseqs (KP_Begin ``CSI E``), the kitty keyboard
protocol's functional-key table (KP_0 = 57399 ... KP_BEGIN = 57427) and
``/work/shared/reference/kiosk-session.md``.  Key *names* are Textual's
(``textual._keyboard_protocol.FUNCTIONAL_KEYS`` for kitty codes:
``multiply``, ``decimal``, ``kp_begin``), written here as text so that the
config check and Help need no Textual import.

This module does not import Textual: the config validator uses it too.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Textual's name for the keypad's 5 with NumLock off ("begin"): the kitty
#: protocol's KP_BEGIN; ``kiosk.ui.begin_key`` teaches Textual's parser the
#: console's and xterm's codes for it too.
BEGIN = "kp_begin"

#: kitty keyboard protocol: NumLock held adds 128 to the modifier bits (+1).
KITTY_NUMLOCK = ";129"


@dataclass(frozen=True)
class Code:
    """One code a keypad key sends: the bytes, and the key Textual names them."""

    sequence: str  #: what the terminal writes, e.g. "\x1b[G"
    name: str  #: Textual's key name for it, e.g. "kp_begin"
    where: str  #: which terminals send it, for test ids and the README


@dataclass(frozen=True)
class KeypadKey:
    """A key on the keypad: its label, the visitor action, and every code it sends."""

    label: str  #: printed on the key
    action: str  #: the visitor action with the numeric-keypad profile (kiosk.keys)
    codes: tuple[Code, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Textual's key names for this key, first the NumLock-on one (no repeats)."""
        return tuple(dict.fromkeys(code.name for code in self.codes))


def _kitty(number: int, name: str, state: str) -> tuple[Code, ...]:
    """The kitty protocol's code for a keypad key, with and without NumLock's bit."""
    return (Code(f"\x1b[{number}u", name, f"kitty {state}"),
            Code(f"\x1b[{number}{KITTY_NUMLOCK}u", name, f"kitty {state}, numlock bit"))


def _digit(label: str, action: str, off_name: str, off_codes: tuple[str, ...],
           kitty_on: int, kitty_off: int | tuple[str, ...]) -> KeypadKey:
    """A digit key: its digit with NumLock on, a cursor code with NumLock off
    (``kitty_off``: the kitty protocol's key number, or its codes written out)."""
    kitty = (f"\x1b[{kitty_off}u",) if isinstance(kitty_off, int) else kitty_off
    codes = (Code(label, label, "numlock on"),
             *_kitty(kitty_on, label, "numlock on"),
             *(Code(seq, off_name, "numlock off") for seq in off_codes),
             *(Code(seq, off_name, "kitty numlock off") for seq in kitty))
    return KeypadKey(label, action, codes)


def _operator(label: str, name: str, action: str, kitty_name: str, kitty: int,
              ss3: str) -> KeypadKey:
    """A key NumLock does not change (* / - + Enter): its character, the application
    keypad's SS3 code, and the kitty protocol's own key."""
    codes = (Code(label, name, "character"), Code(f"\x1bO{ss3}", name, "application keypad"),
             *_kitty(kitty, kitty_name, "numlock on"))
    return KeypadKey(label, action, codes)


#: The keypad, key by key.  NumLock off: 8/2/4/6 arrows, 7/1 Home/End, 9/3
#: PgUp/PgDn, 0 Insert, . Delete, 5 "begin" (ESC [ G on the Linux console,
#: ESC [ E on xterm-like terminals, ESC O E in xterm's application cursor mode).
KEYPAD: tuple[KeypadKey, ...] = (
    _digit("8", "up", "up", ("\x1b[A", "\x1bOA"), 57407, 57419),
    _digit("2", "down", "down", ("\x1b[B", "\x1bOB"), 57401, 57420),
    _digit("5", "action", BEGIN, ("\x1b[E", "\x1b[G", "\x1bOE"), 57404,
           ("\x1b[1E", "\x1b[57427~")),  # kitty: KP_BEGIN is "1 E" or "57427 ~"
    _digit("0", "back", "insert", ("\x1b[2~",), 57399, 57425),
    _digit("4", "previous_section", "left", ("\x1b[D", "\x1bOD"), 57403, 57417),
    _digit("6", "next_section", "right", ("\x1b[C", "\x1bOC"), 57405, 57418),
    _digit("7", "home", "home", ("\x1b[H", "\x1bOH", "\x1b[1~"), 57406, 57423),
    _digit("9", "language", "pageup", ("\x1b[5~",), 57408, 57421),
    _digit("3", "display", "pagedown", ("\x1b[6~",), 57402, 57422),
    _digit("1", "speech", "end", ("\x1b[F", "\x1bOF", "\x1b[4~"), 57400, 57424),
    KeypadKey(".", "pause", (
        Code(".", "full_stop", "numlock on"), Code("\x1bOn", "full_stop", "application keypad"),
        *_kitty(57409, "decimal", "numlock on"),
        Code("\x1b[3~", "delete", "numlock off"), Code("\x1b[57426u", "delete", "kitty numlock off"))),
    _operator("*", "asterisk", "help", "multiply", 57411, "j"),
    _operator("/", "slash", "listen", "divide", 57410, "o"),
    _operator("-", "minus", "volume_down", "subtract", 57412, "m"),
    _operator("+", "plus", "volume_up", "add", 57413, "k"),
    KeypadKey("Enter", "action", (
        Code("\r", "enter", "character"), Code("\x1bOM", "enter", "application keypad"),
        *_kitty(57414, "enter", "numlock on"))),
)

#: Key name -> the digit its keypad key carries, for the names a digit key
#: sends with NumLock off ("kp_begin" -> "5"); the PIN prompt types these.
NUMLOCK_OFF_DIGITS: dict[str, str] = {
    name: key.label for key in KEYPAD if key.label.isdigit() for name in key.names
    if name != key.label
}

#: Names only a keypad sends (a keyboard has no key printed with them): Help
#: shows the keypad key's label instead, e.g. "*" rather than "multiply".
KEYPAD_ONLY_NAMES: dict[str, str] = {
    "kp_begin": "5", "multiply": "asterisk", "divide": "slash", "subtract": "minus",
    "add": "plus", "decimal": "full_stop",
}


def keypad_profile() -> dict[str, tuple[str, ...]]:
    """action -> every key name the keypad sends for it (profile "numeric-keypad").

    The keypad's own names come first, NumLock-on before NumLock-off, so the
    first key of each action is the one printed on the keypad; the keyboard's
    Backspace and Esc stay on Back, so staff with a keyboard can go back too.
    """
    profile: dict[str, list[str]] = {}
    for key in KEYPAD:
        profile.setdefault(key.action, []).extend(key.names)
    profile["back"].append("backspace")
    return {action: tuple(dict.fromkeys(names)) for action, names in profile.items()}


@dataclass(frozen=True)
class PinKeys:
    """The staff PIN prompt's own keys: none of them is a digit in either NumLock state."""

    confirm: tuple[str, ...]
    delete: tuple[str, ...]
    cancel: tuple[str, ...]
    #: Key names typed as digits besides "0"-"9" (NumLock-off codes on a keypad).
    digits: dict[str, str]


#: Per key profile.  On the keypad: Enter confirms, "." deletes the last
#: digit, "-" cancels (in both NumLock states, and on the kitty protocol).
PIN_KEYS: dict[str, PinKeys] = {
    "keyboard": PinKeys(confirm=("enter",), delete=("backspace",), cancel=("escape",),
                        digits={}),
    "numeric-keypad": PinKeys(
        confirm=("enter",),
        delete=("full_stop", "decimal", "delete", "backspace"),
        cancel=("minus", "subtract", "escape"),
        digits=NUMLOCK_OFF_DIGITS),
}
