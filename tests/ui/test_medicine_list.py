"""Many medicines (issue 10): 50 medicines reached quickly with five keys, spoken as groups.

The library is generated: the Opzelura overview under 50 other names (as
benchmarks/library_benchmark.py does), with names spread over the alphabet
like a real clinic's, accents and all.
"""

from __future__ import annotations

import math
import shutil

from kiosk.ui.medicine_groups import FLAT_UP_TO, group_medicines
from kiosk.ui.screens.medicine_list import MedicineListScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import CONTENT, flat, make_config, open_overview, screen_text

NAMES = (
    "Abilify", "Adcetris", "Aerius", "Blincyto", "Byetta", "Cabometyx", "Cialis", "Cosentyx",
    "Darzalex", "Dupixent", "Émselex", "Enbrel", "Entresto", "Farydak", "Forxiga", "Gardasil",
    "Gilenya", "Hemlibra", "Humira", "Ibrance", "Imraldi", "Jardiance", "Keytruda", "Kisqali",
    "Lynparza", "Lyrica", "Mavenclad", "Mounjaro", "Nplate", "Nucala", "Ocrevus", "Opzelura",
    "Ozempic", "Praluent", "Prolia", "Qutenza", "Revlimid", "Rinvoq", "Skyrizi", "Spinraza",
    "Stelara", "Tremfya", "Trulicity", "Ultomiris", "Vyepti", "Wegovy", "Xeljanz", "Yervoy",
    "Zejula", "Zolgensma",
)


def library(folder, names=NAMES):
    """A content folder with one medicine per name (the Opzelura text, renamed)."""
    text = (CONTENT / "opzelura" / "overview.md").read_text(encoding="utf-8")
    for number, name in enumerate(names):
        target = folder / f"medicine-{number:02d}" / "overview.md"
        target.parent.mkdir(parents=True)
        target.write_text(text.replace('name = "Opzelura"', f'name = "{name}"', 1),
                          encoding="utf-8")
    return folder


def said(announcer) -> str:
    return " ".join(text for _priority, _language, text in announcer.spoken)


# --- the groups, as data ----------------------------------------------------------------

def test_fifty_medicines_make_about_seven_groups_of_whole_letters():
    groups = group_medicines(NAMES, str)
    assert [(g.first, g.last, len(g.members)) for g in groups] == [
        ("A", "C", 8), ("D", "F", 7), ("G", "J", 7), ("K", "N", 8), ("O", "R", 8),
        ("S", "W", 8), ("X", "Z", 4)]
    # Every medicine once, alphabetically, "Émselex" among the Es.
    assert [m for g in groups for m in g.members] == sorted(
        NAMES, key=lambda n: n.replace("É", "E"))


def test_any_of_fifty_is_at_most_fifteen_presses_away():
    groups = group_medicines(NAMES, str)
    worst = max(g_no + 1 + m_no + 1 for g_no, g in enumerate(groups)
                for m_no, _m in enumerate(g.members))
    assert worst <= 2 * math.ceil(math.sqrt(len(NAMES))) - 1 == 15
    assert worst < len(NAMES) // 3  # against 50 presses in a flat list


def test_one_letter_with_many_names_is_cut_into_named_pieces():
    names = [f"Medicine {n:02d}" for n in range(1, 41)] + ["Abasaglar", "Zynteglo"]
    groups = group_medicines(names, str)
    assert (groups[0].first, groups[0].single) == ("A", True)
    assert (groups[-1].first, groups[-1].single) == ("Z", True)
    pieces = groups[1:-1]
    assert [(g.first, g.last) for g in pieces][:2] == [
        ("Medicine 01", "Medicine 07"), ("Medicine 08", "Medicine 13")]
    assert all(5 <= len(g.members) <= 8 for g in pieces)
    assert sum(len(g.members) for g in pieces) == 40


def test_names_starting_with_a_digit_come_first_and_few_medicines_stay_flat():
    groups = group_medicines(["Zed", "3TC", "abc"], str)
    assert len(groups) == 1 and groups[0].members == ("3TC", "abc", "Zed")
    many = group_medicines([f"X{n}" for n in range(FLAT_UP_TO)] + ["3TC"] * 3, str)
    assert many[0].first == "0-9"


# --- the screens --------------------------------------------------------------------------

async def test_welcome_counts_fifty_medicines_instead_of_naming_them(make_app, tmp_path):
    app = make_app(make_config(tmp_path, content_dir=library(tmp_path / "content")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "official information about 50 medicines from the European Medicines Agency" \
            in text
        assert "choose yours from an alphabetical list" in text
        assert "Zolgensma" not in text and "Abilify" not in text
        # The keys and the menu are still on the screen, the highlight in view.
        assert "Help at any time: F1 or ?" in text and "» Start «" in text


async def test_a_medicine_in_the_last_group_with_five_keys(make_app, tmp_path, announcer):
    app = make_app(make_config(tmp_path, content_dir=library(tmp_path / "content")))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        groups = app.screen
        assert isinstance(groups, MedicineListScreen) and groups.lists_groups
        assert "Medicine list, 50 medicines. The medicines are in alphabetical groups: " \
               "choose a group, then the medicine. Now on: A to C: 8 medicines." \
               == announcer.spoken[-1][2]
        text = flat(screen_text(app))
        for label in ("A to C: 8 medicines", "D to F: 7 medicines", "X to Z: 4 medicines"):
            assert label in text  # every group on the 80×24 screen
        await pilot.press(*["down"] * 6)
        assert announcer.spoken[-1][2] == "X to Z: 4 medicines"
        await pilot.press("enter")
        await pilot.pause()
        members = app.screen
        assert isinstance(members, MedicineListScreen) and members.group == 6
        assert [e.label() for e in members.menu.entries] == [
            "Xeljanz (ruxolitinib)", "Yervoy (ruxolitinib)", "Zejula (ruxolitinib)",
            "Zolgensma (ruxolitinib)"]
        assert announcer.spoken[-1][2] == ("Medicine list, 50 medicines. X to Z: 4 medicines. "
                                           "Now on: Xeljanz (ruxolitinib).")
        assert "X to Z: 4 medicines" in flat(screen_text(app))
        await pilot.press("down", "down", "down")
        await pilot.press("down")
        assert announcer.spoken[-1][2] == "End of the list."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.localized(app.screen.slug).document.name == "Zolgensma"
        # Back, Back: the group, then the groups with this group highlighted.
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is members and members.menu.index == 3
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is groups and groups.menu.index == 6
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_previous_and_next_section_keys_jump_by_group(make_app, tmp_path, announcer):
    app = make_app(make_config(tmp_path, content_dir=library(tmp_path / "content")))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        groups = app.screen
        # Help says what these keys do here (not "Next section").
        described = [words for _keys, words in groups.key_rows()]
        assert "Previous group of medicines" in described and "Next group of medicines" in described
        assert "Next section" not in described
        await pilot.press("pagedown", "right")
        assert groups.menu.index == 2 and announcer.spoken[-1][2] == "G to J: 7 medicines"
        await pilot.press("left")
        assert groups.menu.index == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.group == 1
        await pilot.press("right")
        await pilot.pause()
        jumped = app.screen
        assert isinstance(jumped, MedicineListScreen) and jumped.group == 2
        assert announcer.spoken[-1][2] == ("Medicine list, 50 medicines. G to J: 7 medicines. "
                                           "Now on: Gardasil (ruxolitinib).")
        assert [s for s in app.screen_stack if isinstance(s, MedicineListScreen)] == [
            groups, jumped]  # switched, not stacked: Back goes to the groups
        await pilot.press("left", "left")
        await pilot.pause()
        assert app.screen.group == 0
        await pilot.press("left")
        await pilot.pause()
        assert app.screen.group == 0 and announcer.spoken[-1][2] == "Top of the list."
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is groups and groups.menu.index == 0


async def test_a_short_list_stays_flat_and_jumps_by_first_letter(make_app, tmp_path, announcer):
    names = ("Bexsero", "Abilify", "Aerius", "Cialis", "Cosentyx")
    app = make_app(make_config(tmp_path, content_dir=library(tmp_path / "content", names)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Abilify (ruxolitinib), Aerius (ruxolitinib)" not in flat(screen_text(app))
        await open_overview(pilot)
        screen = app.screen
        assert not screen.lists_groups
        described = [words for _keys, words in screen.key_rows()]
        assert "Previous starting letter" in described and "Next starting letter" in described
        assert [e.label().split()[0] for e in screen.menu.entries] == [
            "Abilify", "Aerius", "Bexsero", "Cialis", "Cosentyx"]
        assert announcer.spoken[-1][2] == ("Medicine list, 5 medicines. "
                                           "Now on: Abilify (ruxolitinib).")
        await pilot.press("right")
        assert announcer.spoken[-1][2] == "Bexsero (ruxolitinib)"
        await pilot.press("right", "down")
        assert screen.menu.index == 4
        await pilot.press("right")
        assert screen.menu.index == 4 and announcer.spoken[-1][2] == "End of the list."
        await pilot.press("left")
        assert screen.menu.index == 2
        await pilot.press("left")
        assert screen.menu.index == 0


async def test_few_medicines_are_named_on_the_welcome_screen(make_app, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    library(tmp_path / "more", ("Zetamed",))
    shutil.copytree(tmp_path / "more" / "medicine-00", content / "zetamed")
    app = make_app(make_config(tmp_path, content_dir=content))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "about Opzelura (ruxolitinib) and Zetamed (ruxolitinib) from the European" \
            in flat(screen_text(app))


async def test_groups_and_counts_in_ukrainian_use_its_plural_forms(make_app, tmp_path, announcer):
    from tests.ui.helpers import PROJECT

    config = make_config(tmp_path, content_dir=library(tmp_path / "content"),
                         locales_dir=PROJECT / "locales", languages=("en", "uk"))
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Українська
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Кількість ліків: 50." in text and "Zolgensma" not in text
        await pilot.press("enter")  # Start, highlighted after the language was chosen
        await pilot.pause()
        assert isinstance(app.screen, MedicineListScreen) and app.screen.lists_groups
        text = flat(screen_text(app))
        assert "Від A до C: 8 лікарських засобів" in text  # 8: the "many" form
        assert "Від X до Z: 4 лікарські засоби" in text  # 4: the "few" form
        assert "Ліки згруповано за абеткою" in announcer.spoken[-1][2]


async def test_back_after_the_terminal_shrank_shows_the_highlighted_group(make_app, tmp_path):
    app = make_app(make_config(tmp_path, content_dir=library(tmp_path / "content")))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        groups = app.screen
        await pilot.press(*["down"] * 6, "enter")
        await pilot.pause()
        await pilot.resize_terminal(43, 13)
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is groups
        assert "▶ X to Z: 4 medicines" in screen_text(app)
