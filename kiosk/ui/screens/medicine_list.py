"""The medicine list, shown first when the content folder holds several medicines.

Up to :data:`~kiosk.ui.medicine_groups.FLAT_UP_TO` medicines it is one
alphabetical list.  With more (a clinic with 50), five keys would mean up to
49 presses of Down, so the list comes in two steps: alphabetical groups
("A to C: 8 medicines"), then the medicines of the chosen group (each step
a screen of its own, so Back goes from a medicine to its group, and from
the group to the groups).  Previous and next section (Left/Right, PgUp/PgDn)
jump by group: between groups, and from one group's medicines straight to
the next group's; in a flat list, to the next first letter.  Every group
is said with its range and size, so a visitor who cannot see hears where
the medicine they want is.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.document.sanitize import clean_text
from kiosk.languages import N_, _, ngettext
from kiosk.ui.medicine_groups import Group, group_medicines, initial
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets.menu import Menu, MenuEntry
from kiosk.ui.widgets.status import StatusLine


#: Help's words for previous/next section here: they jump by group, or in a flat
#: list by starting letter (see :meth:`MedicineListScreen._jump`).
GROUP_JUMPS = {"previous_section": N_("Previous group of medicines"),
               "next_section": N_("Next group of medicines")}
LETTER_JUMPS = {"previous_section": N_("Previous starting letter"),
                "next_section": N_("Next starting letter")}


def group_label(group: Group) -> str:
    """"A to C: 8 medicines", "D: 3 medicines" (shown and spoken)."""
    count = len(group.members)
    if group.single:
        return ngettext("{letter}: {count} medicine", "{letter}: {count} medicines",
                        count).format(letter=clean_text(group.first), count=count)
    return ngettext("{first} to {last}: {count} medicine", "{first} to {last}: {count} medicines",
                    count).format(first=clean_text(group.first), last=clean_text(group.last),
                                  count=count)


class MedicineListScreen(KioskScreen):
    """Choose one medicine, or first its group; Back returns one step.

    Args:
        group: ``None`` for the first step (the groups, or the one flat
            list); a group's number (0-based) for that group's medicines.
    """

    CSS_PATH = "medicine_list.tcss"

    def __init__(self, group: int | None = None) -> None:
        super().__init__()
        self.group = group
        self._groups: list[Group] | None = None

    # --- what is listed -----------------------------------------------------
    @property
    def groups(self) -> list[Group]:
        """The medicines in alphabetical groups (one group: a flat list)."""
        if self._groups is None:
            self._groups = group_medicines(self.app.medicines, lambda doc: doc.name)
        return self._groups

    @property
    def lists_groups(self) -> bool:
        """True on the first step of a grouped list: the entries are groups."""
        return self.group is None and len(self.groups) > 1

    def _entries(self) -> list[MenuEntry]:
        if self.lists_groups:
            return [MenuEntry(f"group:{number}", lambda group=group: group_label(group))
                    for number, group in enumerate(self.groups)]
        members = self.groups[self.group or 0].members if self.groups else ()
        return [MenuEntry(doc.slug, lambda doc=doc: doc.title) for doc in members]

    def compose(self):
        with Vertical(id="medicines-body"):
            yield Static("", id="medicines-title", markup=False)
            yield Static("", id="medicines-note", markup=False)
            yield Menu(self._entries(), id="medicines-menu")
        yield StatusLine()

    @property
    def menu(self) -> Menu:
        return self.query_one("#medicines-menu", Menu)

    def on_mount(self) -> None:
        self._paint_title()
        self.menu.focus()

    def on_screen_resume(self) -> None:
        """Back from a group or a medicine: the highlight is scrolled into view again,
        at the size the terminal has now (it may have changed meanwhile).  Textual
        also runs the base class's handler (it calls every class's in the MRO)."""
        self.call_after_refresh(self.menu.scroll_to_highlight)

    def _note(self) -> str:
        """The line under the title: how the groups work, or which group this is."""
        if self.lists_groups:
            return _("The medicines are in alphabetical groups: choose a group, then the medicine.")
        if self.group is not None:
            return group_label(self.groups[self.group])
        return ""

    def _paint_title(self) -> None:
        self.query_one("#medicines-title", Static).update(
            Text(_("Choose a medicine"), style="bold"))
        note = self.query_one("#medicines-note", Static)
        note.update(Text(self._note()))
        note.display = bool(self._note())

    def refresh_texts(self) -> None:
        self._paint_title()
        self.menu.repaint()

    def describe_location(self) -> str:
        total = len(self.app.medicines)
        parts = [ngettext("Medicine list, {total} medicine.", "Medicine list, {total} medicines.",
                          total).format(total=total)]
        if self._note():
            parts.append(self._note().rstrip(".") + ".")
        parts.append(_("Now on: {item}.").format(item=self.menu.label_of()))
        return " ".join(parts)

    # --- actions ----------------------------------------------------------------
    def action_up(self) -> None:
        if self.menu.move(-1):
            self.app.announce(self.menu.label_of())
        else:
            self.app.notice(_("Top of the list."))

    def action_down(self) -> None:
        if self.menu.move(1):
            self.app.announce(self.menu.label_of())
        else:
            self.app.notice(_("End of the list."))

    def action_action(self) -> None:
        key = self.menu.current.key
        if key.startswith("group:"):
            self.app.push_screen(MedicineListScreen(int(key[6:])))
        else:
            self.app.action_open_medicine(key)

    def action_back(self) -> None:
        self.dismiss()

    def key_description(self, name: str) -> str:
        """Previous/next section jump by group (or by starting letter in a flat list)."""
        jumps = LETTER_JUMPS if len(self.groups) == 1 else GROUP_JUMPS
        if name in jumps:
            return _(jumps[name])
        return super().key_description(name)

    def action_previous_section(self) -> None:
        self._jump(-1)

    def action_next_section(self) -> None:
        self._jump(1)

    def _jump(self, direction: int) -> None:
        """Previous/next group: the neighbouring group (its medicines, when in one),
        or in a flat list the first medicine of the neighbouring first letter."""
        if self.lists_groups:
            self.action_down() if direction > 0 else self.action_up()
        elif self.group is not None:
            target = self.group + direction
            if not 0 <= target < len(self.groups):
                self._at_end(direction)
                return
            below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
            if isinstance(below, MedicineListScreen) and below.lists_groups:
                below.menu.select(target)  # Back then returns to this group
            self.app.switch_screen(MedicineListScreen(target))
        else:
            target = self._letter_start(direction)
            if target is None:
                self._at_end(direction)
            else:
                self.menu.select(target)
                self.app.announce(self.menu.label_of())

    def _letter_start(self, direction: int) -> int | None:
        """In a flat list: the first entry of the previous or next first letter."""
        names = [doc.name for doc in self.groups[0].members] if self.groups else []
        here = self.menu.index
        letters = [initial(name) for name in names]
        if direction > 0:
            return next((i for i in range(here + 1, len(names)) if letters[i] != letters[here]),
                        None)
        before = [i for i in range(here) if letters[i] != letters[here]]
        if not before:
            return None
        start = before[-1]
        while start > 0 and letters[start - 1] == letters[before[-1]]:
            start -= 1
        return start

    def _at_end(self, direction: int) -> None:
        self.app.notice(_("End of the list.") if direction > 0 else _("Top of the list."))
