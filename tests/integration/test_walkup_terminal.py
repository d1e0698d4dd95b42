"""In a real terminal (tmux), at the sizes a kiosk meets: keys that change nothing say so.

Issue 9 item 3 as a visitor with speech off sees it (80x24 and up; smaller sizes are the
large-text issue's): Left at section 1 and Right at
section 8 show a notice line, the next key takes it away, and Home goes back to the
welcome screen, after which Start opens section 1.  The kiosk runs with ``kiosk
--config`` inside tmux (escape-time 0, so Esc never merges with the next key).
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.integration.test_terminal_output import KIOSK, REPO, WAIT, Tmux

pytestmark = [
    pytest.mark.audio,
    pytest.mark.skipif(shutil.which("tmux") is None,
                       reason="tmux is not installed (Debian package 'tmux')"),
]


def wait_gone(tmux: Tmux, text: str, timeout: float = WAIT) -> str:
    end = time.monotonic() + timeout
    while True:
        shown = tmux.screen()
        if text not in " ".join(shown.split()):
            return shown
        assert time.monotonic() < end, f"{text!r} stayed on the screen:\n{shown}"
        time.sleep(0.1)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])  # this issue: 80x24 up
def test_edge_keys_show_a_notice_and_home_starts_over(tmp_path, pulse, size) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"""
[kiosk]
kiosk_mode = false
content_dir = "{REPO / 'content'}"
locales_dir = "{REPO / 'locales'}"
log_file = "{tmp_path / 'kiosk.log'}"
languages = ["en"]

[speech]
enabled = false
player = "paplay"
""")
    env = " ".join(f"{k}={v}" for k, v in pulse.client_env.items())
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"env {env} {KIOSK} --config {config}", *size)
        tmux.wait_screen("Start")
        tmux.keys("Down", "Enter")  # Start
        tmux.wait_screen("Section 1 of 8")
        tmux.keys("Left")
        tmux.wait_screen("This is the first section.")
        tmux.keys("8")
        wait_gone(tmux, "This is the first section.")
        tmux.wait_screen("Section 8 of 8")
        tmux.keys("Right")
        tmux.wait_screen("This is the last section.")
        tmux.keys("Home")
        tmux.wait_screen("Choose your language, then Start")
        tmux.keys("Down", "Enter")  # Start again: section 1, the place forgotten
        tmux.wait_screen("Section 1 of 8")
        assert "Section 8 of 8" not in " ".join(tmux.screen().split())
    finally:
        tmux.kill()
