"""In a real terminal (tmux): eSpeak NG's own error lines never reach the visitor's screen.

Issue 9, item 9: when eSpeak NG's data disappears while the kiosk runs,
eSpeak prints "Can't read dictionary file ..." on file descriptor 2, the
descriptor Textual draws on.  The kiosk is started with ``kiosk --config``
inside tmux at 80x24, speaking into the test's null sink with a copy of
eSpeak's data that the test then takes away: first one dictionary (eSpeak
itself complains), then the whole folder (the kiosk notices before eSpeak
does, and says speech is not available).  Every byte the kiosk writes to
the terminal is logged with ``pipe-pane`` and must not hold eSpeak's
words, and the screen must still be the kiosk's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from kiosk.speech.espeak_runtime import locate_runtime

pytestmark = pytest.mark.audio

REPO = Path(__file__).resolve().parents[2]
KIOSK = Path(sys.executable).with_name("kiosk")
WAIT = 60.0
ESPEAK_WORDS = ("dictionary", "phoneme", "espeak", "Error")


class Tmux:
    """A private tmux server (its own socket) running one command at a given size."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"kiosk-test-{uuid.uuid4().hex[:8]}"
        self.bytes_log = tmp_path / "pane-bytes.log"

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=True, timeout=30).stdout

    def start(self, command: str, width: int = 80, height: int = 24) -> None:
        self.run("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height),
                 "-s", "kiosk", command)
        self.run("set-option", "-g", "escape-time", "0")
        self.run("pipe-pane", "-o", "-t", "kiosk", f"cat >> {self.bytes_log}")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "kiosk")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "kiosk", *keys)

    def wait_screen(self, text: str, timeout: float = WAIT) -> str:
        end = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in " ".join(shown.split()):
                return shown
            assert time.monotonic() < end, f"{text!r} never appeared on the screen:\n{shown}"
            time.sleep(0.1)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def wait_in_file(paths: list[Path], text: str, timeout: float = WAIT) -> None:
    """Wait until ``text`` is written to one of ``paths``."""
    end = time.monotonic() + timeout
    while not any(text in (p.read_text(errors="replace") if p.exists() else "") for p in paths):
        assert time.monotonic() < end, f"{text!r} never appeared in {paths}"
        time.sleep(0.1)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (Debian package 'tmux')")
def test_espeak_errors_go_to_the_log_not_over_the_screen(tmp_path, pulse) -> None:
    runtime = locate_runtime()
    data = tmp_path / "espeak" / "espeak-ng-data"
    shutil.copytree(runtime.data_dir, data)
    log = tmp_path / "kiosk.log"
    config = tmp_path / "kiosk.toml"
    config.write_text(f"""
[kiosk]
kiosk_mode = false
content_dir = "{REPO / 'content'}"
locales_dir = "{REPO / 'locales'}"
log_file = "{log}"
languages = ["en", "de"]

[speech]
enabled = true
player = "paplay"
library_path = "{runtime.library_path}"
data_path = "{data}"
""")
    env = " ".join(f"{k}={v}" for k, v in pulse.client_env.items())
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"env {env} {KIOSK} --config {config}")
        tmux.wait_screen("Speech: on")
        wait_in_file([log], "speech ready")
        (data / "de_dict").unlink()  # eSpeak NG itself will complain when it needs German
        tmux.keys("Down")  # "Deutsch" is spoken in German
        # eSpeak has complained once its words are in the log (or on the terminal).
        wait_in_file([log, tmux.bytes_log], "Can't read dictionary file")
        shutil.rmtree(data)  # now all of it: the kiosk notices before eSpeak does
        tmux.keys("Up")
        shown = tmux.wait_screen("Speech is not available.")
        assert "Medicine information" in shown or "Start" in shown, shown
        for word in ESPEAK_WORDS:
            assert word not in shown, f"{word!r} on the visitor's screen:\n{shown}"
        tmux.keys("C-q")
        end = time.monotonic() + WAIT
        while "kiosk" in tmux.run("list-sessions", "-F", "#{session_name}"):
            assert time.monotonic() < end, "the kiosk did not quit"
            time.sleep(0.1)
    except subprocess.CalledProcessError as exc:  # the session ended: tmux has no server left
        if "list-sessions" not in exc.cmd:
            raise
    finally:
        tmux.kill()
    written = tmux.bytes_log.read_bytes().decode("utf-8", "replace")
    assert written, "pipe-pane recorded nothing: was the kiosk drawn at all?"
    for word in ESPEAK_WORDS:
        assert word not in written, f"{word!r} reached the terminal"
    logged = log.read_text()
    assert "printed by a library (kept off the screen): Can't read dictionary file" in logged
    assert "has lost phontab" in logged
