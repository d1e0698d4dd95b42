"""The one private-Textual patch: the keypad's 5 with NumLock off ("begin").

**The documented exception to the rule "no private Textual API in kiosk/".**
A numeric keypad with NumLock off sends ``ESC [ G`` for its 5 on the Linux
console and ``ESC [ E`` on xterm-like terminals (``ESC O E`` in xterm's
application cursor mode).  Textual 8.2's parser lists the first two in
``textual._ansi_sequences.ANSI_SEQUENCES_KEYS`` as *ignored* sequences, and
the third it splits into unrelated keys, so no key event ever exists for
them: no binding, keymap or event handler of an app can see the key (issue
9, item 4).  Textual already has a name for the key: the kitty keyboard
protocol's KP_BEGIN, which its parser reports as ``kp_begin``
(``textual._keyboard_protocol.FUNCTIONAL_KEYS``).

:func:`teach_begin_key` maps those three sequences to that same key in the
parser's table, before the app's driver starts reading the terminal.  It
relies on two private things, and checks both at once, failing loudly (a
``RuntimeError`` naming what changed) rather than silently losing the key:

* ``ANSI_SEQUENCES_KEYS`` is a dict the parser reads at every key, whose
  tuple values hold objects with a ``.value`` (normally ``Keys`` members);
* ``FUNCTIONAL_KEYS["1E"] == "kp_begin"``: Textual's own name for the key.

``tests/ui/test_begin_key.py`` feeds the bytes through Textual's real parser
(and a real terminal), so a Textual upgrade that changes either fails there.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.keypad import BEGIN

#: The "begin" codes terminals send for the keypad's 5 with NumLock off.
BEGIN_SEQUENCES: tuple[str, ...] = ("\x1b[E", "\x1b[G", "\x1bOE")


@dataclass(frozen=True)
class _Key:
    """Stands in for a ``textual.keys.Keys`` member: the parser reads ``.value``."""

    value: str


def teach_begin_key() -> None:
    """Make Textual's parser report every "begin" code as the key ``kp_begin``.

    Idempotent; call it before the app runs.

    Raises:
        RuntimeError: the Textual installed no longer has what this relies on.
    """
    from textual import _ansi_sequences, _keyboard_protocol  # the documented exception

    if _keyboard_protocol.FUNCTIONAL_KEYS.get("1E") != BEGIN:
        raise RuntimeError(
            "Textual no longer names the keypad's begin key 'kp_begin' "
            "(textual._keyboard_protocol.FUNCTIONAL_KEYS['1E']); update kiosk/ui/begin_key.py.")
    table = _ansi_sequences.ANSI_SEQUENCES_KEYS
    if not isinstance(table, dict):
        raise RuntimeError(
            "textual._ansi_sequences.ANSI_SEQUENCES_KEYS is no longer a dict; "
            "update kiosk/ui/begin_key.py.")
    for sequence in BEGIN_SEQUENCES:
        table[sequence] = (_Key(BEGIN),)
