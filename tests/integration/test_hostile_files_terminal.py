"""In a real terminal (tmux): escapes in a medicine file or a msgfmt catalog have no effect.

Issue 9, item 9.  The kiosk is started with ``kiosk --config`` in tmux at
80x24 with a medicine file whose TOML header spells a window-title escape
(OSC 0) and a clipboard write (OSC 52) as ``\\u001b...\\u0007`` in ``name``
and ``active_substance``, and a German catalog compiled by GNU ``msgfmt``
(as Poedit saves it) whose welcome title and "Help" hold the same escapes.
The visitor opens the welcome screen, Help and the overview.  Then the
pane's title must be unchanged, tmux must hold no clipboard buffer, and the
raw bytes the kiosk wrote (``pipe-pane``) must hold none of the payloads.

A control run first prints the same escapes with ``printf`` in the same
tmux server and checks that they *do* change the title and the buffers, so
the test can fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KIOSK = Path(sys.executable).with_name("kiosk")
WAIT = 60.0
MARK = "pwned"  # in every payload: the title text, and base64 "cHduZWQ=" of the clipboard
CLIP = "cHduZWQ="

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("msgfmt") is None,
    reason="needs tmux and GNU msgfmt (Debian packages 'tmux' and 'gettext')")


class Tmux:
    """A private tmux server (its own socket)."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"kiosk-hostile-{uuid.uuid4().hex[:8]}"
        self.bytes_log = tmp_path / "pane-bytes.log"

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=True, timeout=30).stdout

    def new(self, name: str, command: str) -> None:
        self.run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", name,
                 command)
        self.run("set-option", "-g", "escape-time", "0")
        self.run("set-option", "-g", "set-clipboard", "on")  # apps may write tmux's buffers
        self.run("set-option", "-g", "allow-rename", "on")

    def title(self, name: str) -> str:
        return self.run("display-message", "-p", "-t", name, "#{pane_title}").strip()

    def buffers(self) -> str:
        return self.run("list-buffers", "-F", "#{buffer_sample}")

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def wait_screen(self, name: str, text: str) -> str:
        end = time.monotonic() + WAIT
        while True:
            shown = self.screen(name)
            if text in " ".join(shown.split()):
                return shown
            assert time.monotonic() < end, f"{text!r} never appeared on the screen:\n{shown}"
            time.sleep(0.1)

    def wait_without(self, name: str, text: str) -> None:
        end = time.monotonic() + WAIT
        while text in " ".join(self.screen(name).split()):
            assert time.monotonic() < end, f"{text!r} stayed on the screen"
            time.sleep(0.1)

    def wait_gone(self, name: str) -> None:
        end = time.monotonic() + WAIT
        while True:
            try:
                sessions = self.run("list-sessions", "-F", "#{session_name}").split()
            except subprocess.CalledProcessError:  # no session left: the server ended
                return
            if name not in sessions:
                return
            assert time.monotonic() < end, f"session {name} did not end"
            time.sleep(0.1)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def hostile_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    overview = content / "opzelura" / "overview.md"
    text = overview.read_text(encoding="utf-8")
    text = text.replace('name = "Opzelura"', rf'name = "Opzelura\u001b]0;{MARK}-name\u0007"', 1)
    text = text.replace('active_substance = "ruxolitinib"',
                        rf'active_substance = "ruxolitinib\u001b]52;c;{CLIP}\u0007"', 1)
    assert MARK in text and CLIP in text
    overview.write_text(text, encoding="utf-8")
    return content


def hostile_locales(tmp_path: Path) -> Path:
    """The repository's catalogs, German's .mo compiled by msgfmt from a hostile copy."""
    locales = tmp_path / "locales"
    shutil.copytree(REPO / "locales", locales)
    folder = locales / "de" / "LC_MESSAGES"
    po = (folder / "kiosk.po").read_text(encoding="utf-8")
    hostile = po.replace('msgstr "Arzneimittelinformationen"',
                         rf'msgstr "Arzneimittel\033]0;{MARK}-mo\007informationen"', 1)
    hostile = re.sub(r'(msgid "Help"\nmsgstr ")Hilfe(")',
                     rf'\1Hilfe\\033]52;c;{CLIP}\\a\2', hostile, count=1)
    assert hostile.count(MARK) == 1 and hostile.count(CLIP) == 1, "the catalog changed its words"
    source = tmp_path / "hostile-kiosk.po"
    source.write_text(hostile, encoding="utf-8")
    mo = folder / "kiosk.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(source)], check=True, timeout=60)
    assert b"\x1b]0;" + MARK.encode() in mo.read_bytes(), "msgfmt did not keep the escape"
    return locales


def test_escapes_in_files_never_reach_the_terminal(tmp_path) -> None:
    content, locales = hostile_content(tmp_path), hostile_locales(tmp_path)
    log = tmp_path / "kiosk.log"
    config = tmp_path / "kiosk.toml"
    config.write_text(f"""
[kiosk]
kiosk_mode = false
content_dir = "{content}"
locales_dir = "{locales}"
log_file = "{log}"
default_language = "de"
languages = ["de", "en"]

[speech]
enabled = false
""")
    tmux = Tmux(tmp_path)
    try:
        # The control: the same escapes, printed by printf, do change the title and buffers.
        tmux.new("control", f"echo ready; read x; printf '\\033]0;{MARK}-control\\007"
                            f"\\033]52;c;{CLIP}\\007'; echo control-done; read x")
        tmux.wait_screen("control", "ready")
        tmux.run("send-keys", "-t", "control", "Enter")  # the options are set: now print
        tmux.wait_screen("control", "control-done")
        assert tmux.title("control") == f"{MARK}-control", "tmux ignored OSC 0: the test is blind"
        assert MARK in tmux.buffers(), "tmux ignored OSC 52: the test is blind"
        tmux.run("delete-buffer")
        # The control session stays (waiting on `read`): killed, it was the server's
        # last session, and the server could still be exiting when the kiosk's
        # session was made ("exit status 1", once in a loaded run).

        tmux.new("kiosk", f"{KIOSK} --config {config}")
        tmux.run("pipe-pane", "-o", "-t", "kiosk", f"cat >> {tmux.bytes_log}")
        welcome = tmux.wait_screen("kiosk", "Opzelura")
        tmux.run("send-keys", "-t", "kiosk", "F1")
        tmux.wait_screen("kiosk", "Wo Sie sind")  # Help (its title's entry is the hostile one)
        tmux.run("send-keys", "-t", "kiosk", "Escape")
        tmux.wait_without("kiosk", "Wo Sie sind")
        tmux.wait_screen("kiosk", "▶ Deutsch")
        tmux.run("send-keys", "-t", "kiosk", "Down")
        tmux.wait_screen("kiosk", "▶ English")
        tmux.run("send-keys", "-t", "kiosk", "Down")
        tmux.wait_screen("kiosk", "▶ » Start «")
        tmux.run("send-keys", "-t", "kiosk", "Enter")
        overview = tmux.wait_screen("kiosk", "Abschnitt 1 von 8")
        title, buffers = tmux.title("kiosk"), tmux.buffers()
        tmux.run("send-keys", "-t", "kiosk", "C-q")
        tmux.wait_gone("kiosk")
    finally:
        tmux.kill()
    assert MARK not in title, f"the window title was set: {title!r}"
    assert buffers == "", f"the clipboard was written: {buffers!r}"
    written = tmux.bytes_log.read_bytes()
    assert written, "pipe-pane recorded nothing: was the kiosk drawn at all?"
    assert MARK.encode() not in written and CLIP.encode() not in written
    assert b"\x1b]0;" not in written and b"\x1b]52;" not in written
    # What the visitor sees: the medicine's title whole, the dropped entry in English.
    assert "Medicine information" in " ".join(welcome.split())
    assert "Opzelura (ruxolitinib)" in " ".join(overview.split())
    assert "dropped" in log.read_text(encoding="utf-8"), "the catalog's bad entries were not logged"
