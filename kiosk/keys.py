"""Visitor actions and the keys that trigger them.

The kiosk thinks in actions (Up, Down, Action, Back, Help, ...) rather than
keys, after the EZ Access model: the five core actions are enough for
everything, and a deployer maps them to whatever keypad the clinic bought.
Key names are Textual's (``up``, ``enter``, ``question_mark``, ``plus``)
but this module does not import Textual: the config validator and the
help text need the same table.  ``kiosk/ui/keymap.py`` turns the table into
Textual bindings (one binding id per action) and ``App.set_keymap``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.keypad import keypad_profile
from kiosk.languages.translator import N_


@dataclass(frozen=True)
class ActionInfo:
    """A visitor action: its name in config files and bindings, and what it does.

    ``description`` is marked with ``N_`` and translated when Help shows it.
    ``interrupts_speech``: whether pressing the action's key stops what the
    kiosk is saying before the action runs (EN 301 549 5.1.3.5: speech stops
    as soon as the visitor acts).  The speech controls (pause, repeat,
    sentence steps, speed, volume) act on the current reading instead, so
    they do not.
    """

    name: str
    description: str
    interrupts_speech: bool = True


# Order = the order Help lists them in: the five core keys first.
ACTIONS: tuple[ActionInfo, ...] = (
    ActionInfo("up", N_("Move up to the previous item")),
    ActionInfo("down", N_("Move down to the next item")),
    ActionInfo("action", N_("Choose the highlighted item")),
    ActionInfo("back", N_("Go back one step")),
    ActionInfo("help", N_("Help: explains where you are and what the keys do")),
    ActionInfo("previous_section", N_("Previous section")),
    ActionInfo("next_section", N_("Next section")),
    ActionInfo("home", N_("Start again from the beginning")),
    ActionInfo("language", N_("Choose another language")),
    ActionInfo("display", N_("Change the display: standard, high contrast, or terminal colours")),
    ActionInfo("speech", N_("Turn speech on or off")),
    ActionInfo("listen", N_("Read the whole section aloud, then continue")),
    ActionInfo("pause", N_("Pause or resume reading"), interrupts_speech=False),
    ActionInfo("repeat", N_("Repeat the last sentence"), interrupts_speech=False),
    ActionInfo("previous_sentence", N_("Go back one sentence"), interrupts_speech=False),
    ActionInfo("next_sentence", N_("Skip to the next sentence"), interrupts_speech=False),
    ActionInfo("slower", N_("Speak more slowly"), interrupts_speech=False),
    ActionInfo("faster", N_("Speak faster"), interrupts_speech=False),
    ActionInfo("volume_down", N_("Volume down"), interrupts_speech=False),
    ActionInfo("volume_up", N_("Volume up"), interrupts_speech=False),
    ActionInfo("about", N_("About this information")),
    ActionInfo("section_number", N_("Go to a section by its number")),
)
ACTION_NAMES: frozenset[str] = frozenset(a.name for a in ACTIONS)
#: Action name -> its :class:`ActionInfo`.
ACTION_INFO: dict[str, ActionInfo] = {a.name: a for a in ACTIONS}

KEYBOARD_PROFILE: dict[str, tuple[str, ...]] = {
    "up": ("up",),
    "down": ("down",),
    "action": ("enter", "space"),
    "back": ("backspace", "escape"),
    "help": ("f1", "question_mark"),
    "previous_section": ("left", "pageup"),
    "next_section": ("right", "pagedown"),
    "home": ("home",),
    "language": ("f2", "l"),
    "display": ("f3", "c"),
    "speech": ("f4", "s"),
    "listen": ("r",),
    "pause": ("p",),
    "repeat": ("a",),
    "previous_sentence": ("comma",),
    "next_sentence": ("full_stop",),
    "slower": ("left_square_bracket",),
    "faster": ("right_square_bracket",),
    "volume_down": ("minus",),
    "volume_up": ("plus", "equals_sign"),
    "about": ("i",),
    "section_number": ("1", "2", "3", "4", "5", "6", "7", "8", "9"),
}

# A numeric keypad, in a phone/EZ Access arrangement: 8 up, 2 down, 5 (or
# Enter) action, 0 back, * help, 4/6 previous/next section, -/+ volume.
# Every code each key sends (NumLock on or off, console, xterm, kitty
# protocol) is in kiosk.keypad.KEYPAD, the one table this profile comes from.
NUMERIC_KEYPAD_PROFILE: dict[str, tuple[str, ...]] = {
    action: () for action in KEYBOARD_PROFILE
} | keypad_profile()

#: Every key name Textual reports that is not a single character:
#: ``textual.keys.Keys``, the kitty protocol's functional keys and the names
#: Textual gives printable ASCII characters.  Written out so the config check
#: needs no Textual; ``tests/ui/test_keypad_codes.py`` compares it with the
#: installed Textual.
NAMED_KEYS: frozenset[str] = frozenset("""
add ampersand apostrophe asterisk at backslash backspace caps_lock circumflex_accent
colon comma ctrl-at decimal delete divide dollar_sign down end enter equal equals_sign
escape exclamation_mark f1 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19 f2 f20 f21 f22 f23
f24 f25 f26 f27 f28 f29 f3 f30 f31 f32 f33 f34 f35 f4 f5 f6 f7 f8 f9 full_stop
grave_accent greater_than_sign home insert iso_level3_shift iso_level5_shift kp_begin
left left_alt left_control left_curly_bracket left_hyper left_meta left_parenthesis
left_shift left_square_bracket left_super less_than_sign lower_volume media_fast_forward
media_pause media_play media_play_pause media_record media_reverse media_rewind
media_stop media_track_next media_track_previous menu minus multiply mute_volume
num_lock number_sign pagedown pageup pause percent_sign plus print_screen question_mark
quotation_mark raise_volume return right right_alt right_control right_curly_bracket
right_hyper right_meta right_parenthesis right_shift right_square_bracket right_super
scroll_lock semicolon separator slash space subtract tab tilde underscore up
vertical_line""".split())
#: Modifiers Textual writes before a key name ("ctrl+f5").
MODIFIERS: frozenset[str] = frozenset({"ctrl", "alt", "shift", "super", "meta", "hyper"})


def is_key_name(name: str) -> bool:
    """Whether a key can ever arrive with this (Textual) name: a letter or digit
    or one of :data:`NAMED_KEYS`, after any modifiers ("ctrl+f5")."""
    *modifiers, base = name.split("+")
    if not set(modifiers) <= MODIFIERS:
        return False
    return base in NAMED_KEYS or (len(base) == 1 and base.isascii() and base.isalnum())


PROFILES: dict[str, dict[str, tuple[str, ...]]] = {
    "keyboard": KEYBOARD_PROFILE,
    "numeric-keypad": NUMERIC_KEYPAD_PROFILE,
}


def build_keymap(
    profile: str, overrides: dict[str, tuple[str, ...]] | None = None
) -> dict[str, tuple[str, ...]]:
    """The action -> keys table for ``profile`` with a deployer's overrides applied.

    Raises ``ValueError`` naming the clash when a deployer gives one key to two
    actions, since a key that does two things would confuse a visitor who
    cannot see.
    """
    overrides = overrides or {}
    taken = {key for keys in overrides.values() for key in keys}
    # A key a deployer gives to an action moves there: the profile's other
    # actions lose it, so remapping never needs a second edit.
    keymap = {
        action: tuple(k for k in keys if k not in taken)
        for action, keys in PROFILES[profile].items()
    }
    keymap.update(overrides)
    owner: dict[str, str] = {}
    for action, keys in keymap.items():
        for key in keys:
            if key in owner and owner[key] != action:
                raise ValueError(
                    f"key '{key}' is given to both '{owner[key]}' and '{action}'"
                )
            owner[key] = action
    return keymap


def with_capitals(keys: tuple[str, ...] | list[str]) -> list[str]:
    """``keys`` plus the capital of each letter key: a letter works with Caps Lock
    or Shift held too, as keypads and keyboards label letters in capitals."""
    out: list[str] = []
    for key in keys:
        out.append(key)
        if len(key) == 1 and key.isalpha() and key.upper() not in keys:
            out.append(key.upper())
    return out


def key_table(keymap: dict[str, tuple[str, ...]]) -> dict[str, ActionInfo]:
    """Key -> the action it triggers, for a keymap from :func:`build_keymap`
    (capitals included, see :func:`with_capitals`)."""
    return {key: ACTION_INFO[action]
            for action, keys in keymap.items() for key in with_capitals(keys)}
