"""Key names as a visitor reads them on screen ("Enter", "Up arrow", "?").

The keymap uses Textual's key names (``question_mark``, ``pagedown``);
Help and the welcome screen must show what is printed on the keys: the
keys named by a word get a translated word, every other key is shown as
Textual prints it (``textual.keys.format_key``: "?", "+", "[").
"""

from __future__ import annotations

from textual.keys import format_key

from kiosk.keypad import KEYPAD_ONLY_NAMES
from kiosk.languages import N_, _

_FRIENDLY: dict[str, str] = {
    "up": N_("Up arrow"),
    "down": N_("Down arrow"),
    "left": N_("Left arrow"),
    "right": N_("Right arrow"),
    "enter": N_("Enter"),
    "space": N_("Space"),
    "backspace": N_("Backspace"),
    "escape": N_("Esc"),
    "pageup": N_("Page Up"),
    "pagedown": N_("Page Down"),
    "home": N_("Home"),
    "end": N_("End"),
    "tab": N_("Tab"),
    "delete": N_("Delete"),
    "insert": N_("Insert"),
}


def key_label(key: str) -> str:
    """One key, as printed on the keyboard, translated where it is a word."""
    if key in _FRIENDLY:
        return _(_FRIENDLY[key])
    if len(key) >= 2 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    shown = format_key(key)
    return shown.upper() if len(shown) == 1 else shown.replace("_", " ")


def printed_keys(keys: tuple[str, ...] | list[str]) -> list[str]:
    """``keys`` as the keys printed on a keyboard or keypad: a name only a keypad
    sends (the kitty protocol's ``multiply``, NumLock-off 5's ``kp_begin``)
    becomes the key it is printed on, once ("asterisk", "multiply" -> "asterisk")."""
    return list(dict.fromkeys(KEYPAD_ONLY_NAMES.get(key, key) for key in keys))


def keys_label(keys: tuple[str, ...] | list[str], limit: int = 3) -> str:
    """Several keys joined with a translated "or": ``Enter or Space``; the codes a
    keypad sends for one key are named once, by what is printed on it."""
    labels = [key_label(k) for k in printed_keys(keys)[:limit]]
    if not labels:
        return _("(no key)")
    if len(labels) == 1:
        return labels[0]
    return _("{first} or {last}").format(first=", ".join(labels[:-1]), last=labels[-1])


def digit_range_label(keys: tuple[str, ...]) -> str:
    """``1 … 9`` for the section-number keys, rather than nine names."""
    if len(keys) > 3 and all(k.isdigit() for k in keys):
        return f"{keys[0]} … {keys[-1]}"
    return keys_label(keys)
