"""Shared helpers for the UI tests: configs, documents, catalogs, screen text."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from kiosk.config import KioskConfig, StaffExit
from kiosk.keys import build_keymap

PROJECT = Path(__file__).resolve().parents[2]
CONTENT = PROJECT / "content"
PIN = "97531"


class FakeClock:
    """Seconds that move only when a test says so.

    The app reads its clock for the idle timeout, the idle countdown, the
    staff sequence window and "Help twice"; with this clock a test moves time
    with :meth:`advance` and then calls the check it wants (``app.idle.check()``,
    ``warning.tick()``), so no test waits on, or races, the wall clock.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_config(tmp_path: Path, **changes) -> KioskConfig:
    """A test config: real content, empty locales (English), log in tmp, known PIN."""
    locales = tmp_path / "locales"
    locales.mkdir(exist_ok=True)
    base = KioskConfig(
        source="test",
        kiosk_mode=True,
        content_dir=CONTENT,
        locales_dir=locales,
        log_file=tmp_path / "logs" / "kiosk.log",
        languages=(),
        staff_exit=StaffExit(("f12", "f12", "f12"), hashlib.sha256(PIN.encode()).hexdigest()),
        keymap=build_keymap("keyboard"),
    )
    return replace(base, **changes)


def screen_text(app) -> str:
    """The characters on the terminal right now (what a sighted visitor sees).

    The one place the tests read Textual's private API: Textual has no public
    way to get the screen as text (``export_screenshot`` gives SVG), so this
    renders the active screen's compositor (``_compositor``) over the screens
    beneath a modal (``_background_screens``), as Textual's own snapshot does.
    A Textual upgrade that renames them fails every UI test at once, here.
    """
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


def region_text(app, widget) -> str:
    """The characters inside ``widget`` (within its border), line by line."""
    region = widget.content_region
    lines = screen_text(app).split("\n")
    return "\n".join(line[region.x:region.right] for line in lines[region.y:region.bottom])


def flat(text: str) -> str:
    """Whitespace-collapsed text, so wrapped lines can be searched for phrases."""
    return " ".join(text.split())


def write_catalog(locales: Path, language: str, domain: str, messages: dict[str, str],
                  fuzzy: tuple[str, ...] = ()) -> None:
    """A compiled catalog (``.po`` + ``.mo``) for tests; ``fuzzy`` entries are left out of the .mo."""
    import os
    import time

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    folder = locales / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=language, domain=domain)
    for msgid, msgstr in messages.items():
        flags = ("fuzzy",) if msgid in fuzzy else ()
        key = (msgid, msgid) if isinstance(msgstr, tuple) else msgid  # plural entry
        catalog.add(key, msgstr, flags=flags)
    with (folder / f"{domain}.po").open("wb") as fh:
        write_po(fh, catalog)
    with (folder / f"{domain}.mo").open("wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)
    later = time.time() + 1
    os.utime(folder / f"{domain}.mo", (later, later))


async def open_overview(pilot) -> None:
    """From the welcome screen to the overview: go to Start and choose it."""
    app = pilot.app
    menu = app.screen.menu
    await pilot.press(*["down"] * (len(menu.entries) - 1 - menu.index))
    await pilot.press("enter")
    await pilot.pause()


def doc_sections(app, slug: str = "opzelura"):
    return app.localized(slug).sections


async def wait_for(pilot, predicate, timeout: float = 30.0, step: float = 0.02) -> bool:
    """Poll ``predicate`` between the app's own work until it holds (False after
    ``timeout`` seconds: a safety net only, never what a test measures)."""
    import asyncio

    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            return True
        await pilot.pause(step)
    return predicate()
