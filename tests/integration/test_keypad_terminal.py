"""Issue 9, item 4, in a real terminal: every keypad code, as raw bytes, in tmux at 80x24.

The kiosk runs with the numeric-keypad profile inside a private tmux server
(``escape-time 0``); each code of ``kiosk.keypad.KEYPAD`` is sent as raw
bytes (``send-keys -H``), one key at a time, and the test waits until the
screen shows that key's action before sending the next, so an Esc never
merges with the key after it.  Covered here: every key whose action shows on
the screen (8 2 4 6 5 0 7 9 3 1 * / Enter, in both NumLock states, console,
xterm and kitty-protocol codes; / shows as speech switched on).  Pause (.)
and volume (- +) change only what is heard; their codes are checked byte for
byte through Textual's parser and the app in ``tests/ui/test_keypad_codes.py``.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Callable

import pytest

from kiosk.keypad import KEYPAD

REPO = Path(__file__).resolve().parents[2]
KIOSK = Path(sys.executable).with_name("kiosk")
WAIT = 30.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (Debian package 'tmux')")


def codes_of(action: str) -> list[str]:
    return [code.sequence for key in KEYPAD if key.action == action for code in key.codes]


class Terminal:
    """The kiosk in a private tmux server, driven with raw bytes."""

    def __init__(self) -> None:
        self.socket = f"kiosk-keypad-{uuid.uuid4().hex[:8]}"
        self.sent: list[str] = []

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=True, timeout=30).stdout

    def start(self, command: str) -> None:
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "kiosk",
                  command)
        self.tmux("set-option", "-g", "escape-time", "0")

    def text(self) -> str:
        return " ".join(self.tmux("capture-pane", "-p", "-t", "kiosk").split())

    def send(self, sequence: str) -> None:
        self.sent.append(sequence)
        self.tmux("send-keys", "-t", "kiosk", "-H", *(f"{b:02x}" for b in sequence.encode()))

    def wait(self, what: str, test: Callable[[str], bool]) -> str:
        end = time.monotonic() + WAIT
        while True:
            shown = self.text()
            if test(shown):
                return shown
            assert time.monotonic() < end, (
                f"after {self.sent[-1:]!r}: {what} never showed:\n"
                + self.tmux("capture-pane", "-p", "-t", "kiosk"))
            time.sleep(0.05)

    def press(self, sequence: str, what: str, test: Callable[[str], bool]) -> str:
        self.send(sequence)
        return self.wait(what, test)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def welcome(text: str) -> bool:
    return "then Start" in text


def helping(text: str) -> bool:
    return "The keys:" in text


def choosing_language(text: str) -> bool:
    return "Choose your language" in text and not welcome(text)


@pytest.fixture
def kiosk(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(
        "[kiosk]\n"
        f'content_dir = "{REPO / "content"}"\nlocales_dir = "{REPO / "locales"}"\n'
        f'log_file = "{tmp_path / "kiosk.log"}"\nlanguages = ["en", "de"]\n'
        '[staff]\nexit_pin = "2468"\n[keys]\nprofile = "numeric-keypad"\n',
        encoding="utf-8")
    term = Terminal()
    env = f"PULSE_SERVER=unix:{tmp_path}/no-sound-server"
    term.start(f"env {env} {KIOSK} --config {config}")
    try:
        term.wait("the welcome screen", welcome)
        yield term
    finally:
        term.kill()


def test_every_visible_keypad_code_works_in_tmux(kiosk: Terminal) -> None:
    back = itertools.cycle(codes_of("back"))
    # Help (*) and Language (9), each closed by the next Back (0) code.
    for sequence in codes_of("help"):
        kiosk.press(sequence, "Help", helping)
        kiosk.press(next(back), "the welcome screen after Back", welcome)
    for sequence in codes_of("language"):
        kiosk.press(sequence, "the language list", choosing_language)
        kiosk.press(next(back), "the welcome screen after Back", welcome)
    assert len(codes_of("help")) + len(codes_of("language")) >= len(codes_of("back"))
    # Display (3) cycles standard -> high contrast -> terminal colours -> standard.
    modes = itertools.cycle(["high contrast", "terminal colours", "standard"])
    for sequence in codes_of("display"):
        mode = next(modes)
        kiosk.press(sequence, f"Display: {mode}", lambda t, m=mode: f"Display: {m}" in t)
    # Speech (1) on and off.
    states = itertools.cycle(["on", "off"])
    for sequence in codes_of("speech"):
        state = next(states)
        kiosk.press(sequence, f"Speech: {state}", lambda t, s=state: f"Speech: {s}" in t)
    if "Speech: on" in kiosk.text():
        kiosk.press(codes_of("speech")[0], "Speech: off", lambda t: "Speech: off" in t)
    # Read aloud (/) switches speech on when it is off (then 1 switches it off).
    for sequence in codes_of("listen"):
        kiosk.press(sequence, "Speech: on after Read aloud", lambda t: "Speech: on" in t)
        kiosk.press(codes_of("speech")[0], "Speech: off", lambda t: "Speech: off" in t)
    # Down (2) and Up (8) move the welcome menu's highlight.
    for down, up in zip(codes_of("down"), codes_of("up"), strict=True):
        kiosk.press(down, "Deutsch highlighted", lambda t: "▶ Deutsch" in t)
        kiosk.press(up, "English highlighted", lambda t: "▶ English" in t)
    # Action (5, Enter) chooses; Start opens the overview; 4/6 turn sections;
    # Home (7) goes back to the welcome screen.
    action = iter(codes_of("action"))
    turns = iter([(seq, shown) for pair in zip(codes_of("next_section"),
                                                 codes_of("previous_section"))
                  for seq, shown in zip(pair, ("Section 2 of 8", "Section 1 of 8"))])
    homes = codes_of("home")
    for home in homes:
        while "Section 1 of 8" not in kiosk.text():
            before = kiosk.text()
            sequence = next(action, None) or codes_of("action")[0]
            kiosk.press(sequence, "a change after Action", lambda t, b=before: t != b)
        for sequence, shown in itertools.islice(turns, 2):
            kiosk.press(sequence, shown, lambda t, s=shown: s in t)
        kiosk.press(home, "the welcome screen after Home", welcome)
    assert next(action, None) is None, "some Action codes were not tried"
    assert next(turns, None) is None, "some section codes were not tried"
