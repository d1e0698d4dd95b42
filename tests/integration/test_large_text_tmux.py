"""In a real terminal (tmux) with large text: the five keys alone get a visitor everywhere.

Issue 11: at 68x19 (a 15.6" screen) and 43x13 (a 10" screen), with only Up,
Down, Action (Enter), Back (Backspace) and Help (F1), a visitor chooses a
language, starts, opens every section and gets help, and at every step the
screen shows where they are and which key gives help, with nothing cut
("…").  The kiosk runs as deployed (``kiosk --config``, kiosk mode, speech
off) inside a private tmux server; what is on screen is read with
``capture-pane``.  Expected words come from the shipped catalogs.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kiosk.languages.catalog_files import load_translations
from tests.integration.test_terminal_output import KIOSK, REPO, Tmux

LOCALES = REPO / "locales"
WAIT = 30.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (Debian package 'tmux')")


def flat(text: str) -> str:
    return " ".join(text.split())


class Visit:
    """A tmux session with the kiosk, and the checks made after every key."""

    def __init__(self, tmux: Tmux, code: str) -> None:
        self.tmux = tmux
        self.code = code
        self.catalog = load_translations(LOCALES, code, "kiosk")

    def t(self, msgid: str) -> str:
        return self.catalog.gettext(msgid)

    def wait(self, *texts: str, full_screen: bool = True) -> str:
        """Wait until every text is on screen; then check nothing is cut and, on a
        full screen, that the help key is named."""
        wanted = [flat(text) for text in texts]
        help_line = flat(self.t("Help: {keys}").format(keys="F1"))
        end = time.monotonic() + WAIT
        while True:
            shown = self.tmux.screen()
            lines = [flat(line) for line in shown.splitlines()]
            # The help key on one line: "Help:" and "F1" never apart.
            if all(text in flat(shown) for text in wanted) and (
                    not full_screen or any(help_line in line for line in lines)):
                break
            assert time.monotonic() < end, f"{wanted} not all on the screen:\n{shown}"
            time.sleep(0.1)
        assert "…" not in shown, f"text cut on the screen:\n{shown}"
        return shown

    def key(self, *keys: str) -> None:
        self.tmux.keys(*keys)


def kiosk_config(tmp_path: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"""
[kiosk]
kiosk_mode = true
content_dir = "{REPO / 'content'}"
locales_dir = "{LOCALES}"
log_file = "{tmp_path / 'kiosk.log'}"

[staff]
exit_pin = "2468"

[speech]
enabled = false
""")
    return config


@pytest.mark.parametrize("size, code", [((68, 19), "de"), ((43, 13), "el")])
def test_five_keys_reach_everything_with_large_text(tmp_path, size, code):
    tmux = Tmux(tmp_path)
    en = Visit(tmux, "en")
    try:
        tmux.start(f"env -u COLUMNS -u LINES {KIOSK} --config {kiosk_config(tmp_path)}", width=size[0], height=size[1])
        # Welcome: the language in use and Start are both on screen.
        en.wait("Medicine information", "▶ Language: English", "» Start «")
        en.key("Enter")  # the language entry opens the list of languages
        en.wait("Choose your language", "Български", full_screen=False)
        visit = Visit(tmux, code)
        target = {"de": "Deutsch", "el": "Ελληνικά"}[code]
        for _ in range(40):  # Down until the language is highlighted
            if f"▶ {target}" in tmux.screen():
                break
            en.key("Down")
            time.sleep(0.05)
        en.wait(f"▶ {target}", full_screen=False)
        en.key("Enter")
        visit.wait(visit.t("Medicine information"), "» " + visit.t("Start") + " «")
        visit.key("Down")
        visit.wait("▶ » " + visit.t("Start") + " «")
        visit.key("Enter")
        visit.wait(visit.t("Contents"), "▶ 1.")
        sections = 8
        for number in range(1, sections + 1):
            visit.key("Enter")  # into the text of this section
            position = visit.catalog.ngettext("Section {number} of {total}",
                                              "Section {number} of {total}", number)
            visit.wait("▶ " + position.format(number=number, total=sections))
            visit.key("BSpace")  # back to the contents
            visit.wait(visit.t("Contents"), f"▶ {number}.")
            visit.key("Down")
        visit.wait("▶ " + visit.t("About this information").split()[0])  # the label may wrap
        visit.key("Enter")
        visit.wait(visit.t("The text comes from the European Medicines Agency (EMA).")[:20])
        visit.key("F1")
        where = visit.t("Where you are: {location}").split("{location}")[0].strip()
        visit.wait(visit.t("Help"), where, full_screen=False)
        visit.key("F1")  # Help again closes it
        visit.key("BSpace")  # About -> contents
        visit.wait(visit.t("Contents"))
        visit.key("BSpace")  # contents -> welcome
        visit.wait(visit.t("Medicine information"), "» " + visit.t("Start") + " «")
    finally:
        tmux.kill()
