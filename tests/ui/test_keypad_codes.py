"""Issue 9, item 4: every code a numeric keypad sends reaches its action.

The table ``kiosk.keypad.KEYPAD`` lists, per keypad key, the bytes it sends
with NumLock on and off, on the Linux console, xterm-like terminals and the
kitty keyboard protocol.  Here each code goes through Textual's real input
parser (with the kiosk's one patch, ``kiosk/ui/begin_key.py``) and the
resulting key event into the running app (Pilot), where the action that
runs is recorded.  ``tests/integration/test_keypad_terminal.py`` sends the
same bytes through tmux.

This file reads private Textual API on purpose (the parser, its sequence
table, the kitty key table): it is the guard the one private-Textual patch
needs, and fails loudly when a Textual upgrade changes what the patch and
the config's list of key names rely on.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from textual import _ansi_sequences, _keyboard_protocol, events
from textual._xterm_parser import XTermParser

from kiosk.keypad import BEGIN, KEYPAD, PIN_KEYS
from kiosk.keys import ACTIONS, build_keymap
from kiosk.ui.begin_key import BEGIN_SEQUENCES, teach_begin_key
from kiosk.ui.keynames import keys_label
from tests.ui.helpers import make_config

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
CODES = [(key, code) for key in KEYPAD for code in key.codes]


def code_id(item) -> str:
    key, code = item
    return f"{key.label}-{code.where}-{code.sequence.encode('unicode_escape').decode()}"


def parse(sequence: str) -> list[events.Key]:
    """The key events Textual's parser makes of ``sequence`` (then end of input)."""
    parser = XTermParser()
    tokens = list(parser.feed(sequence)) + list(parser.feed(""))
    return [token for token in tokens if isinstance(token, events.Key)]


def test_textual_still_has_what_the_begin_key_patch_relies_on() -> None:
    """Fails loudly when a Textual upgrade changes the two private things
    ``kiosk/ui/begin_key.py`` uses (then read that module and adapt it)."""
    assert _keyboard_protocol.FUNCTIONAL_KEYS["1E"] == BEGIN
    assert isinstance(_ansi_sequences.ANSI_SEQUENCES_KEYS, dict)
    # Unpatched, Textual drops the console's code: the reason for the patch.
    patched = {seq: _ansi_sequences.ANSI_SEQUENCES_KEYS.get(seq) for seq in BEGIN_SEQUENCES}
    try:
        _ansi_sequences.ANSI_SEQUENCES_KEYS["\x1b[G"] = _ansi_sequences.IGNORE_SEQUENCE
        assert parse("\x1b[G") == []
    finally:
        _ansi_sequences.ANSI_SEQUENCES_KEYS.update(patched)
    teach_begin_key()
    for sequence in BEGIN_SEQUENCES:
        assert [key.key for key in parse(sequence)] == [BEGIN], repr(sequence)


def test_only_begin_key_imports_textual_private_modules() -> None:
    """The patch is the one documented exception: no other kiosk module imports
    a private Textual module."""
    offenders = []
    for path in sorted(KIOSK.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(re.match(r"textual(\.\w+)*\._", name) for name in names):
                offenders.append(str(path.relative_to(KIOSK)))
    assert offenders == ["ui/begin_key.py"]


@pytest.mark.parametrize("item", CODES, ids=code_id)
def test_each_code_is_one_key_of_the_keypad_profile(item) -> None:
    """Textual's parser turns each code into exactly the key named in the table,
    and the keypad profile gives that key to the key's action."""
    key, code = item
    teach_begin_key()
    assert [(event.key) for event in parse(code.sequence)] == [code.name]
    assert code.name in build_keymap("numeric-keypad")[key.action]


def test_no_keypad_code_is_given_to_two_actions() -> None:
    owner: dict[str, str] = {}
    for key, code in CODES:
        assert owner.setdefault(code.name, key.action) == key.action, code


def test_help_names_each_keypad_key_once_by_its_label() -> None:
    keymap = build_keymap("numeric-keypad")
    assert keys_label(keymap["action"]) == "5 or Enter"
    assert keys_label(keymap["help"]) == "*"
    assert keys_label(keymap["volume_up"]) == "+"
    assert keys_label(keymap["pause"]) == ". or Delete"


def test_pin_keys_never_collide_with_a_digit() -> None:
    for profile, keys in PIN_KEYS.items():
        controls = set(keys.confirm) | set(keys.delete) | set(keys.cancel)
        digit_names = set("0123456789") | set(keys.digits)
        assert not controls & digit_names, profile
        assert len(controls) == len(keys.confirm) + len(keys.delete) + len(keys.cancel)
    keypad_digits = {code.name for key in KEYPAD if key.label.isdigit() for code in key.codes}
    assert keypad_digits == set("0123456789") | set(PIN_KEYS["numeric-keypad"].digits)


class Recorder:
    """Replaces a screen's ``action_*`` methods: Textual's binding dispatch finds
    the instance's attribute first, so the action that a key reached is recorded."""

    def __init__(self, screen) -> None:
        self.ran: list[str] = []
        for info in ACTIONS:
            setattr(screen, f"action_{info.name}", self.make(info.name))

    def make(self, name: str):
        def action(*_args) -> None:
            self.ran.append(name)
        return action


async def test_every_code_reaches_its_action_in_the_app(make_app, tmp_path) -> None:
    """All codes in one app: bytes -> Textual's parser -> the app's event queue
    (as the driver posts them) -> the keypad profile's binding -> the action."""
    app = make_app(make_config(tmp_path, keymap=build_keymap("numeric-keypad")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        recorder = Recorder(app.screen)
        wrong = []
        for key, code in CODES:
            recorder.ran.clear()
            for event in parse(code.sequence):
                app.post_message(event)
            await pilot.pause()
            if recorder.ran != [key.action]:
                wrong.append(f"{key.label} {code.where} {code.sequence!r}: {recorder.ran}")
        assert not wrong, "\n".join(wrong)
        assert app.is_running


async def test_an_escape_never_merges_with_the_next_key(make_app, tmp_path) -> None:
    """Esc and a keypad code arriving separately are two keys (Back, then the
    key's action), not Alt+something: what the tmux tests rely on."""
    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        recorder = Recorder(app.screen)
        for sequence in ("\x1b", "\x1b[B"):
            for event in parse(sequence):
                app.post_message(event)
            await pilot.pause()
        assert recorder.ran == ["back", "down"]


def test_the_config_knows_every_key_name_textual_reports() -> None:
    """``kiosk.keys.NAMED_KEYS`` (the config check's list, written out to keep
    Textual out of it) is exactly what the installed Textual names."""
    import string

    from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key

    from kiosk.keys import NAMED_KEYS, is_key_name

    names = {key.value for key in Keys if "+" not in key.value and not key.value.startswith("<")}
    names |= set(_keyboard_protocol.FUNCTIONAL_KEYS.values())
    for character in string.printable[:-5]:
        name = _character_to_key(character)
        names.add(KEY_NAME_REPLACEMENTS.get(name, name))
    assert NAMED_KEYS == {name for name in names if len(name) > 1}
    assert all(is_key_name(name) for name in names if name.islower() or len(name) > 1)
    assert is_key_name("ctrl+f5") and not is_key_name("uo") and not is_key_name("cmd+up")
