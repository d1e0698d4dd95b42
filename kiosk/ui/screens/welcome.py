"""The welcome (attract) screen: every visit starts here and idle returns here.

It says what the kiosk offers, names the medicines, and tells with the real
keys (from the deployer's keymap) how to start, get help, turn on speech and
change display or language.  The menu starts with the languages, each in
its own name, so a visitor who cannot read the local language can still
find theirs, then "Start".

With large text (fewer than 24 rows, issue 11) 28 languages would push
"Start" far out of sight, so the menu holds two entries: the language in
use, which opens the language list, and "Start"; both stay on screen with
the title and the help key.  The menu changes with the terminal's height.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import N_, _, active_language, language_info, ngettext, shown_language
from kiosk.languages.formatting import format_list
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KioskScreen, only_answers
from kiosk.ui.screens.language import language_label
from kiosk.ui.widgets.menu import Menu, MenuEntry
from kiosk.ui.widgets.phrases import PhraseLine
from kiosk.ui.sizes import TALL_ROWS
from kiosk.ui.widgets.status import StatusLine, language_name_marked


#: Up to this many medicines the welcome screen names them; beyond, it counts them.
NAMED_UP_TO = 4


def _list(names: list[str], language: str) -> str:
    try:
        return format_list(names, language)
    except Exception:  # an unknown locale must never stop the welcome screen
        return ", ".join(names)


class WelcomeScreen(KioskScreen):
    """Attract screen with the language list and Start."""

    CSS_PATH = "welcome.tcss"

    #: True while the menu is the two-entry one (fewer than TALL_ROWS rows).
    compact = False

    def compose(self):
        self.compact = self.app.size.height < TALL_ROWS
        with Vertical(id="welcome-body"):
            yield Static("", id="welcome-title", markup=False)
            yield Static("", id="welcome-intro", markup=False)
            yield PhraseLine(sentences=True, id="welcome-keys")
            yield Static("", id="welcome-menu-label", markup=False)
            entries = self._entries()
            yield Menu(entries, index=self._home_index(entries), id="welcome-menu")
        yield StatusLine()

    def _entries(self) -> list[MenuEntry]:
        start = MenuEntry("start", lambda: "» " + _("Start") + " «")
        if self.compact:
            language = MenuEntry("languages", lambda: _("Language: {name}").format(
                name=language_name_marked(active_language())))
            return [language, start]
        entries = [
            MenuEntry(f"lang:{code}", lambda code=code: language_label(code))
            for code in self.app.languages
        ]
        entries.append(start)
        return entries

    def on_resize(self) -> None:
        self._fit_menu_to_height()

    def on_screen_resume(self) -> None:
        self._fit_menu_to_height()  # resized while another screen was on top

    def _fit_menu_to_height(self) -> None:
        """Full language list from TALL_ROWS rows up, two entries below (see above)."""
        compact = self.app.size.height < TALL_ROWS
        if compact == self.compact or not self.is_mounted:
            return
        self.compact = compact
        key = self.menu.current.key
        if compact and key.startswith("lang:"):
            key = "languages"
        elif not compact and key == "languages":
            key = f"lang:{active_language()}"
        self.menu.set_entries(self._entries(), key)

    @property
    def menu(self) -> Menu:
        return self.query_one("#welcome-menu", Menu)

    def on_mount(self) -> None:
        self._paint_texts()  # the menu painted its labels when it was built
        self.menu.focus()

    def _home_index(self, entries: list[MenuEntry]) -> int:
        """Where the highlight starts: on the language in use (the first entry of the
        two-entry menu), so Action there keeps the visitor's language."""
        keys = [entry.key for entry in entries]
        key = f"lang:{active_language()}"
        return keys.index(key) if key in keys else 0

    def reset_view(self) -> None:
        """The menu as a visitor finds it on arrival: the highlight on the language in
        use.  (Home kept the visitor's language but put the highlight on the first
        language, where Action would have switched to it.)"""
        self.menu.select(self._home_index(self.menu.entries))
        self.menu.focus()

    def refresh_texts(self) -> None:
        self._paint_texts()
        self.menu.repaint()

    def _paint_texts(self) -> None:
        self.query_one("#welcome-title", Static).update(Text(_("Medicine information"), style="bold"))
        self.query_one("#welcome-intro", Static).update(Text(self.introduction()))
        keys = "\n".join(self.key_lines())
        self.query_one("#welcome-keys", PhraseLine).update(Text(keys))
        self.query_one("#welcome-menu-label", Static).update(
            Text(_("Choose your language, then Start:"), style="bold"))

    def introduction(self) -> str:
        """What the kiosk offers: the medicines by name, or, when there are more
        than :data:`NAMED_UP_TO`, how many and how to find one (50 names would
        fill the screen and bury the keys)."""
        count = len(self.app.medicines)
        if count > NAMED_UP_TO:
            return ngettext(
                "Here you can read official information about {count} medicine from the "
                "European Medicines Agency, in plain words and in your language. After Start, "
                "choose it from an alphabetical list.",
                "Here you can read official information about {count} medicines from the "
                "European Medicines Agency, in plain words and in your language. After Start, "
                "choose yours from an alphabetical list.", count).format(count=count)
        names = [doc.title for doc in self.app.medicines]
        said = N_("Here you can read official information about {medicines} "
                  "from the European Medicines Agency, in plain words and in your language.")
        # the list is joined in the sentence's own language ("A, B and C" in an English
        # sentence shown for a missing translation, never "A, B και C")
        language = shown_language(said)
        if names:
            medicines = _list(names, language)
        else:
            medicines = _("medicines") if language == active_language() else "medicines"
        return _(said).format(medicines=medicines)

    def key_lines(self) -> list[str]:
        keymap = self.app.config.keymap
        k = lambda action: keys_label(keymap.get(action, ()))  # noqa: E731
        return [
            _("Move with {up} and {down}. Choose with {action}. Go back with {back}.").format(
                up=k("up"), down=k("down"), action=k("action"), back=k("back")),
            _("Help at any time: {help}.").format(help=k("help")),
            _("Speech on or off: {speech}. Display and colours: {display}. Language: {language}.").format(
                speech=k("speech"), display=k("display"), language=k("language")),
        ]

    def describe_location(self) -> str:
        return " ".join([
            _("Welcome to the medicine information kiosk."),
            _("Choose your language, then Start."),
            _("Now on: {item}.").format(item=self.menu.label_of()),
        ])

    # --- actions -------------------------------------------------------
    def _announce_item(self) -> None:
        key = self.menu.current.key
        if key.startswith("lang:"):
            # Each language is named in itself, by its own voice.
            code = key[5:]
            self.app.announce(language_info(code).native_name, language=code)
        else:
            self.app.announce(self.menu.label_of())

    def announce_screen(self) -> None:
        """Where we are, then the key legend in words (the screen's text alternative)."""
        super().announce_screen()
        for line in self.key_lines():
            self.app.announce(line)

    def action_up(self) -> None:
        if self.menu.move(-1):
            self._announce_item()
        else:
            self.app.notice(_("Top of the list."))

    def action_down(self) -> None:
        if self.menu.move(1):
            self._announce_item()
        else:
            self.app.notice(_("End of the list."))

    def action_action(self) -> None:
        entry = self.menu.current
        if entry.key.startswith("lang:"):
            self.app.choose_language(entry.key[5:])
            self.menu.select_key("start")
            self.app.announce(_("Now on: {item}.").format(item=self.menu.label_of()))
        elif entry.key == "start":
            self.app.action_start_visit()
        elif entry.key == "languages":
            self.app.action_open_language_choice()

    def language_chosen(self) -> None:
        """A language was chosen in the dialog opened from here: Start is next
        (as after a choice in the full list), so Action then starts."""
        self.menu.select_key("start")

    @only_answers
    def action_back(self) -> None:
        self.app.notice(_("You are at the start."))

    def action_home(self) -> None:
        """Start over here: the highlight on the language in use, the place in the
        text forgotten."""
        moved = self.menu.index != self._home_index(self.menu.entries)
        self.app.action_go_home()
        if not moved:  # nothing to see change: say so on the notice line
            self.app.notice(_("You are at the start."), speak=False)
        self.announce_screen()
