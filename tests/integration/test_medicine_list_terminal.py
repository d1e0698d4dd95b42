"""In a real terminal (tmux): 50 medicines reached with five keys at 80x24, 68x19 and 43x13.

Each walk starts at 80x24; the terminal takes the size under test once the
list is on the screen (the welcome screen at 43x13 is the large-text part's).

The kiosk is started with ``kiosk --config`` on a generated library of 50
medicines (tests/ui/test_medicine_list.py's names); a visitor presses only
Up/Down, Enter and Backspace, and the highlighted line ("▶ ...") is on the
screen after every step.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.ui.test_medicine_list import library

REPO = Path(__file__).resolve().parents[2]
KIOSK = Path(sys.executable).with_name("kiosk")
WAIT = 60.0


class Terminal:
    """A private tmux server running the kiosk at one size."""

    def __init__(self) -> None:
        self.socket = f"kiosk-medicines-{uuid.uuid4().hex[:8]}"

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=True, timeout=30).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "kiosk")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "kiosk", *keys)

    def wait_for(self, text: str) -> str:
        """Wait until ``text`` is on one line of the screen (a safety-net timeout fails)."""
        end = time.monotonic() + WAIT
        while True:
            shown = self.screen()
            if any(text in line for line in shown.splitlines()):
                return shown
            assert time.monotonic() < end, f"{text!r} never appeared:\n{shown}"
            time.sleep(0.1)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux: apt-get install tmux")
@pytest.mark.parametrize("size", [(80, 24), (68, 19), (43, 13)])
def test_the_last_of_fifty_medicines_with_five_keys(tmp_path, size):
    content = library(tmp_path / "content")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nkiosk_mode = false\ncontent_dir = "{content}"\n'
                      f'locales_dir = "{REPO / "locales"}"\nlog_file = "{tmp_path / "kiosk.log"}"\n'
                      'languages = ["en", "de"]\n', encoding="utf-8")
    width, height = size
    term = Terminal()
    try:
        # The welcome screen's own layout at 43x13 is another part's: the walk
        # starts at 80x24 and the terminal takes its size on the medicine list.
        term.tmux("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24",
                  "-s", "kiosk", "env", "-u", "COLUMNS", "-u", "LINES", "TERM=xterm-256color",
                  str(KIOSK), "--config", str(config))  # (pytest's COLUMNS/LINES fix the size)
        term.tmux("set-option", "-g", "escape-time", "0")
        term.wait_for("▶ English")
        term.keys("Down", "Down")
        term.wait_for("▶ » Start «")
        term.keys("Enter")
        term.wait_for("▶ A to C: 8 medicines")
        term.tmux("resize-window", "-t", "kiosk", "-x", str(width), "-y", str(height))
        shown = term.wait_for("▶ A to C: 8 medicines")
        assert max(len(line) for line in shown.splitlines()) <= width
        assert "Abilify" not in shown  # the first step lists groups, not 50 names
        for _ in range(6):
            term.keys("Down")
        term.wait_for("▶ X to Z: 4 medicines")
        term.keys("Enter")
        term.wait_for("▶ Xeljanz (ruxolitinib)")
        term.keys("Down", "Down", "Down")
        term.wait_for("▶ Zolgensma (ruxolitinib)")
        term.keys("Enter")
        term.wait_for("Zolgensma (ruxolitinib)")
        term.wait_for("Contents")
        term.keys("BSpace")  # the group, with Zolgensma highlighted
        term.wait_for("▶ Zolgensma (ruxolitinib)")
        term.keys("BSpace")  # the groups, with this group highlighted
        term.wait_for("▶ X to Z: 4 medicines")
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True,
                       timeout=30)
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and "ERROR" not in log
