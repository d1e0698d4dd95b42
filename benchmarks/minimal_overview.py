"""A minimal Textual app shaped like the kiosk's overview: the floor the kiosk is measured against.

Why: the one-line minimal app of ``ui_benchmark.py`` repaints one line for a
key, while "next section" has to repaint a page of text and move the
highlight in the contents, and a language switch closes a modal list and
repaints every text on the screen.  What that costs in Textual itself, with
nothing of the kiosk's, is measured here in the same run: stock widgets
only (``Static`` texts, an ``OptionList`` of eight wrapped section titles in
a bordered box, a bordered scrolling ``Static`` page of three paragraphs, a
``ModalScreen`` with an ``OptionList`` of 28 languages).

* next section: Right/Left replace the page with another section's
  paragraphs and move the contents' highlight;
* language switch: Enter on the modal list closes it (``dismiss`` with the
  chosen index) and every text (title, subtitle, contents, page, hint,
  status) is replaced by the same texts in "another language" (other words).

Run alone: ``python benchmarks/minimal_overview.py [--presses N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_benchmark import timed_key  # noqa: E402

WORDS = ("medicine", "cream", "skin", "patients", "vitiligo", "treatment", "doctor", "weeks")
SECTIONS = 8
LANGUAGES = 28


def words(language: str, seed: int, count: int) -> str:
    """``count`` words that differ by ``seed`` and by ``language`` (a stand-in translation)."""
    return " ".join(f"{WORDS[(i * 7 + seed) % len(WORDS)]}{language}" for i in range(count))


class LanguageList(ModalScreen[str]):
    """The language choice: a list of 28 entries; Enter closes it with the entry's index."""

    DEFAULT_CSS = "LanguageList { align: center middle; } LanguageList OptionList { width: 40; height: 16; }"

    def compose(self):
        yield OptionList(*[f"Language {number}" for number in range(LANGUAGES)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option_index))


class Overview(Screen):
    """Title, subtitle, contents beside a page, a key hint and a status line."""

    DEFAULT_CSS = """
    #body { height: 1fr; }
    #toc { width: 24; height: 1fr; border: round white; }
    #page { width: 1fr; height: 1fr; border: round white; overflow-y: auto; padding: 0 1; }
    """
    BINDINGS = [Binding("right", "next"), Binding("left", "previous"), Binding("l", "language")]

    def __init__(self) -> None:
        super().__init__()
        self.section = 0
        self.language = "0"

    def compose(self):
        yield Static(id="title")
        yield Static(id="subtitle")
        with Horizontal(id="body"):
            yield OptionList(id="toc")
            yield Static(id="page")
        yield Static(id="hint")
        yield Static(id="status")

    def on_mount(self) -> None:
        self.paint_texts()

    def paint_texts(self) -> None:
        """Every text on the screen in ``self.language``."""
        language = self.language
        self.query_one("#title", Static).update(words(language, 0, 3))
        self.query_one("#subtitle", Static).update(words(language, 1, 6))
        toc = self.query_one("#toc", OptionList)
        toc.clear_options()
        toc.add_options([f"{n + 1}. " + words(language, n, 5) for n in range(SECTIONS)])
        self.query_one("#hint", Static).update(words(language, 2, 9))
        self.query_one("#status", Static).update(words(language, 3, 8))
        self.paint_section()

    def paint_section(self) -> None:
        """The page of ``self.section`` and the contents' highlight on it."""
        self.query_one("#page", Static).update(
            "\n\n".join(words(self.language, self.section + p, 40) for p in range(3)))
        self.query_one("#toc", OptionList).highlighted = self.section

    def action_next(self) -> None:
        self.section = (self.section + 1) % SECTIONS
        self.paint_section()

    def action_previous(self) -> None:
        self.section = (self.section - 1) % SECTIONS
        self.paint_section()

    def action_language(self) -> None:
        self.app.push_screen(LanguageList(), self.chosen)

    def chosen(self, language: str | None) -> None:
        if language is not None:
            self.language = language
            self.paint_texts()


class MinimalOverview(App):
    """The app: the overview as its only screen."""

    def on_mount(self) -> None:
        self.push_screen(Overview())


async def switch_and_key_latency(switches: int) -> tuple[list[tuple[float, float]],
                                                           list[tuple[float, float]]]:
    """(language switches, next-section keys), each (first frame, settled) in seconds,
    interleaved as ``language_benchmark.py`` interleaves the kiosk's (two keys a switch)."""
    app = MinimalOverview()
    switched, keys = [], []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overview = app.screen
        for n in range(switches):
            await pilot.press("l")
            await pilot.pause()
            await pilot.press(*["down"] * (n % (LANGUAGES - 1) + 1))
            await pilot.pause()
            before = overview.language
            switched.append(await timed_key(app, "enter", lambda: overview.language != before,
                                            screen=overview))
            await pilot.pause()
            for key in ("right", "left"):
                section = overview.section
                keys.append(await timed_key(app, key, lambda: overview.section != section))
                await pilot.pause()
    return switched, keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=56)
    args = parser.parse_args()
    switched, keys = asyncio.run(switch_and_key_latency(args.switches))
    switch = statistics.median(f for f, _ in switched) * 1000
    key = statistics.median(f for f, _ in keys) * 1000
    print(f"minimal overview-shaped Textual app (headless, first frame, medians): "
          f"next section {key:.1f} ms, language switch {switch:.1f} ms, ratio {switch / key:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
