"""What every kiosk screen shares: the visitor's bindings and the shared actions.

Every visitor action is a priority binding on the screen (built from the
deployer's keymap, see :mod:`kiosk.ui.keymap`), so Textual calls the
screen's ``action_<name>``.  :class:`VisitorActions` gives each action its
shared behaviour (help, language, display, speech keys, home) or, for the
actions a screen must give a meaning to (up, down, action, back, ...),
"This key does nothing here." on the notice line, shown and spoken.
Screens override what they do, and Help lists each screen's keys with
what they do there (:meth:`VisitorActions.key_rows`).

The base classes drop Textual's inherited screen bindings (tab, shift+tab,
ctrl+c copy): a kiosk has no focus cycling and no clipboard.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

from kiosk.keys import ACTIONS
from kiosk.languages import N_, _, interface_language
from kiosk.ui.keymap import SECTION_ACTION, binding_id, visitor_bindings
from kiosk.ui.keynames import digit_range_label, keys_label
from kiosk.ui.sizes import StartsAtItsSize
from kiosk.ui.widgets.keyboard_only import KeyboardOnly
from kiosk.ui.widgets.status import StatusLine

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp
    from kiosk.ui.widgets.reading import ReadingPane

log = logging.getLogger("kiosk.ui")

ResultT = TypeVar("ResultT")

#: (text key or None, text, language) of what a reading reads, in order.
ReadingItems = list[tuple[str | None, str, str]]
#: (keys as printed, what they do here) for Help, in the order of kiosk.keys.ACTIONS.
KeyRows = list[tuple[str, str]]

#: Help's words for a key that does nothing on a screen.
NOTHING_HERE = N_("These keys do nothing here.")
#: The listen key on a screen that is not a medicine's text.
READ_SCREEN = N_("Read this screen aloud")


def only_answers(method):
    """Mark an action that changes nothing and only tells the visitor so ("You are
    at the start."): Help lists its keys among those that do nothing here."""
    method.only_answers = True
    return method


class VisitorActions:
    """The visitor actions and what a screen tells about itself (mixed into screens)."""

    app: "KioskApp"
    #: Set when the language changed while the screen was hidden: repaint on resume.
    language_stale = False

    # --- what the screen says about itself --------------------------------
    def describe_location(self) -> str:
        """Where the visitor is, in one spoken-style sentence (for Help and speech)."""
        return ""

    def speakable_texts(self) -> list[tuple[str, str]]:
        """What the speech keys act on here, as (text, language) pairs."""
        return [(self.describe_location(), interface_language())]

    def reading_items(self, read_on: bool) -> ReadingItems:
        """What "listen" reads; ``read_on``: continue past this part (the overview).

        A key (None here) names each text so the screen can highlight the
        sentence being read.
        """
        return [(None, text, language) for text, language in self.speakable_texts()]

    def announce_screen(self) -> None:
        """Say where we are; called when the screen appears or comes back."""
        where = self.describe_location()
        if where:
            self.app.announce(where)

    # --- language ----------------------------------------------------------
    def refresh_texts(self) -> None:
        """Recompute this screen's strings in the active language; screens override."""

    def prepare_language(self, code: str) -> None:
        """Lay out ahead what :meth:`refresh_texts` will show in ``code`` (called
        within :func:`kiosk.languages.preparing`, so ``_()`` gives ``code``'s
        strings); change nothing the visitor sees.  Screens with costly pages
        override it; the default prepares nothing."""

    def apply_language(self) -> None:
        """Repaint every visible string in the active language."""
        self.language_stale = False
        self.refresh_texts()

    def on_screen_suspend(self) -> None:
        if self not in self.app.screen_stack:  # popped: it is removed next
            self.let_go_of_rendered_lines()

    def let_go_of_rendered_lines(self) -> None:
        """Empty the rendered-line caches of this screen's widgets before it goes.

        Textual 8.2 keeps up to 1024 widgets' line caches alive after the
        widgets are gone (an ``lru_cache`` on a ``StylesCache`` method holds
        the caches themselves), so every overview, About and Help a visitor
        opened would stay in memory: about 1 MiB a visit.  ``refresh()``
        empties a mounted widget's cache; what Textual then keeps is empty.
        """
        for widget in self.walk_children(with_self=True):
            widget.refresh()

    def on_screen_resume(self) -> None:
        if self.language_stale:
            self.apply_language()
        for status in self.query(StatusLine):
            status.show_status()  # what changed while it was hidden
        if self.app.take_quiet_resume():
            return  # Help pressed twice, or the closing modal already spoke
        self.announce_screen()

    # --- bindings, and Help's account of them ----------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Disable the actions the deployer gave no key (their default key does nothing)."""
        return binding_id(action, parameters) not in self.app.unbound_binding_ids

    def nothing_here(self, name: str) -> None:
        """An action with no meaning on this screen: show and say so rather than
        leave the key without an answer."""
        log.debug("action %s not available on %s", name, type(self).__name__)
        self.app.notice(_("This key does nothing here."))

    def does_something(self, name: str) -> bool:
        """Whether action ``name`` changes anything on this screen (False when this
        screen leaves it at :meth:`nothing_here` or marks it :func:`only_answers`)."""
        method = getattr(type(self), f"action_{name}", None)
        if method is None or getattr(method, "only_answers", False):
            return False
        return getattr(method, "__qualname__", "") not in _NOTHING_BY_DEFAULT

    def key_description(self, name: str) -> str:
        """What the key of action ``name`` does on this screen, translated; screens
        whose keys mean something more exact override it for those actions."""
        if name == "listen":
            return _(READ_SCREEN)
        return _(ACTION_DESCRIPTIONS[name])

    def section_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The section-number keys Help names (a screen with sections keeps its own)."""
        return keys

    def key_rows(self) -> KeyRows:
        """Every key of this screen with what it does here, for Help.

        Made from the screen's own bindings as Textual resolves them
        (``Screen.active_bindings``: the deployer's keymap applied, keys the
        deployer left unbound dropped by :meth:`check_action`) and from which
        actions this screen implements, so Help cannot drift from the keys.
        The keys that do nothing here are listed together at the end.
        """
        keys: dict[str, list[str]] = {}
        for key, active in self.active_bindings.items():
            name = active.binding.id or ""
            if name.startswith(SECTION_ACTION):
                name = SECTION_ACTION
            if name in ACTION_DESCRIPTIONS and not _capital_twin(key, keys.get(name, [])):
                keys.setdefault(name, []).append(key)
        rows: KeyRows = []
        idle: list[str] = []
        for info in ACTIONS:
            bound = keys.get(info.name)
            if not bound:
                continue
            if info.name == SECTION_ACTION:
                label = digit_range_label(self.section_keys(tuple(sorted(bound))))
            else:
                label = keys_label(bound, limit=len(bound))
            if self.does_something(info.name):
                rows.append((label, self.key_description(info.name)))
            else:
                idle.append(label)
        if idle:
            rows.append(("; ".join(idle), _(NOTHING_HERE)))
        return rows

    # --- actions each screen gives a meaning to -------------------------------
    def action_up(self) -> None:
        self.nothing_here("up")

    def action_down(self) -> None:
        self.nothing_here("down")

    def action_action(self) -> None:
        self.nothing_here("action")

    def action_back(self) -> None:
        self.nothing_here("back")

    def action_previous_section(self) -> None:
        self.nothing_here("previous_section")

    def action_next_section(self) -> None:
        self.nothing_here("next_section")

    def action_about(self) -> None:
        self.nothing_here("about")

    def action_section_number(self, number: int) -> None:
        self.nothing_here("section_number")

    # --- actions that are the same everywhere -----------------------------------
    def action_help(self) -> None:
        self.app.action_open_help(self.describe_location(), self)

    def action_language(self) -> None:
        self.app.action_open_language_choice()

    def action_display(self) -> None:
        self.app.action_cycle_display()

    def action_home(self) -> None:
        self.app.action_go_home()

    def action_speech(self) -> None:
        self.app.toggle_speech(self)

    def action_listen(self) -> None:
        self.app.read_aloud(self.reading_items(read_on=True), turn_speech_on=True)

    def _control(self, name: str) -> None:
        self.app.speech_control(name)

    def action_pause(self) -> None:
        self._control("pause")

    def action_repeat(self) -> None:
        self._control("repeat")

    def action_previous_sentence(self) -> None:
        self._control("previous_sentence")

    def action_next_sentence(self) -> None:
        self._control("next_sentence")

    def action_slower(self) -> None:
        self._control("slower")

    def action_faster(self) -> None:
        self._control("faster")

    def action_volume_down(self) -> None:
        self._control("volume_down")

    def action_volume_up(self) -> None:
        self._control("volume_up")


class LifecycleGuard:
    """Screens opened and closed in the same tick stay consistent (issue 9, item 8).

    A screen closed before it finished mounting sets nothing up and says nothing.

    Textual mounts a pushed screen in the screen's own task: a key handled in
    the same tick (Escape after F1, any key after "Still there?" opened, a
    visit reset) can pop it first.  Textual then skips its children (the
    screen is being removed) but still sends it ``Mount``, and an ``on_mount``
    that looks its widgets up raises ``NoMatches`` and ends the app.  This
    mixin drops that ``Mount`` when the screen has already left the app: no
    longer on the screen stack and not an installed screen (an installed
    one is kept and shown again later, so it must be set up).  Likewise the
    ``ScreenResume`` Textual posted when it was pushed: a screen that has
    gone must not say where the visitor is.

    The other half: Textual's ``dismiss`` pops the *top* screen, whichever it
    is.  When a screen closes itself while another was pushed over it in the
    same tick (the PIN prompt's check runs just as "Still there?" opens), it
    would pop that one instead and leave itself behind.  :meth:`dismiss`
    therefore waits until this screen is on top again, and does nothing for
    a screen that has already left the stack (Home or a visit reset popped
    it while its own check was queued).
    """

    app: "KioskApp"
    _pending_dismissal: tuple[object] | None = None

    def dismiss(self, result=None) -> AwaitComplete:  # type: ignore[override]
        """Close with ``result``; deferred while another screen is above this one."""
        app = self.app
        if self not in app.screen_stack:  # already closed (Home, a visit reset): nothing to pop
            log.debug("%s was already closed", type(self).__name__)
            return AwaitComplete()
        if app.screen is not self:
            log.info("%s closes once the screen above it has gone", type(self).__name__)
            self._pending_dismissal = (result,)
            return AwaitComplete()
        self._pending_dismissal = None
        return super().dismiss(result)  # type: ignore[misc]

    def has_left(self) -> bool:
        """True when this screen is no longer on the app's screen stack."""
        return self not in self.app.screen_stack

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Mount) and self.has_left() \
                and not self.app.is_screen_installed(self):  # type: ignore[arg-type]
            log.debug("%s closed before it mounted: not set up", type(self).__name__)
            return
        if isinstance(event, events.ScreenResume) and self.has_left():
            log.debug("%s closed before it was shown: not resumed", type(self).__name__)
            return
        if isinstance(event, events.ScreenResume) and self._pending_dismissal is not None:
            (result,) = self._pending_dismissal
            self.dismiss(result)  # on top again: close now, without speaking first
            return
        await super().on_event(event)  # type: ignore[misc]


#: Action name -> its Help description (marked with N_ in kiosk.keys).
ACTION_DESCRIPTIONS: dict[str, str] = {info.name: info.description for info in ACTIONS}
#: The base actions that only say "This key does nothing here." (a screen gives them a meaning).
_NOTHING_BY_DEFAULT = frozenset(
    f"VisitorActions.action_{name}" for name in (
        "up", "down", "action", "back", "previous_section", "next_section", "about",
        "section_number"))


def _capital_twin(key: str, seen: list[str]) -> bool:
    """``L`` when ``l`` is listed: a letter's capital is the same key for Help."""
    return len(key) == 1 and key.isupper() and key.lower() in seen


class KioskScreen(StartsAtItsSize, LifecycleGuard, KeyboardOnly, VisitorActions, Screen[None],
                  inherit_bindings=False):
    """A full screen: the visitor's bindings and nothing else."""

    BINDINGS = visitor_bindings()
    AUTO_FOCUS = None


class KioskModal(StartsAtItsSize, LifecycleGuard, KeyboardOnly, VisitorActions,
                 ModalScreen[ResultT], inherit_bindings=False):
    """A modal dialog; it leaves the screen beneath exactly as it was."""

    BINDINGS = visitor_bindings()
    AUTO_FOCUS = None


SCROLL_UP = N_("Scroll the text up")
SCROLL_DOWN = N_("Scroll the text down")


class ScrollingText:
    """Up/Down scroll a screen's text pane a few lines and read out what came into view.

    Shared by the screens that are one page of text (About, Help); at either
    end the visitor is told so, instead of a key that silently does nothing.
    """

    SCROLL_LINES = 3
    app: "KioskApp"
    pane: "ReadingPane"

    def action_up(self) -> None:
        self._scroll(-1)

    def action_down(self) -> None:
        self._scroll(1)

    def key_description(self, name: str) -> str:
        if name in ("up", "down"):
            return _(SCROLL_UP) if name == "up" else _(SCROLL_DOWN)
        return super().key_description(name)  # type: ignore[misc]

    def _scroll(self, direction: int) -> None:
        pane = self.pane
        if pane.at_top() if direction < 0 else pane.at_bottom():
            end = _("Top of the text.") if direction < 0 else _("End of the text.")
            self.app.notice(end)
        else:
            pane.scroll_relative(y=direction * self.SCROLL_LINES, animate=False)
            self.app.announce(pane.visible_text())
