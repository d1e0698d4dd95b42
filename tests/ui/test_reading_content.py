"""What the reading pane and About show of a document (issue 10): nested lists
indented by level and read in order; who translated the medical text, shown and spoken."""

from __future__ import annotations

import shutil

from babel.messages.pofile import read_po

from kiosk.languages.provenance import OFFICIAL, Provenance, entry_digest, write_provenance
from kiosk.ui.screens.overview import OverviewScreen
from tests.ui.helpers import CONTENT, PROJECT, flat, make_config, open_overview, region_text
from tests.ui.helpers import screen_text

HEADING_1 = "What is Opzelura and what is it used for?"
NESTED = """
Opzelura is used to treat:

- adults with vitiligo
  - whose disease affects the face
  - who have not responded to other treatments, such as creams containing corticosteroids applied to the skin
- adolescents from 12 years of age.

Opzelura contains the active substance ruxolitinib.
"""
ITEMS = ["adults with vitiligo", "whose disease affects the face",
         "who have not responded to other treatments, such as creams containing "
         "corticosteroids applied to the skin", "adolescents from 12 years of age."]


def nested_content(tmp_path):
    """The Opzelura overview with a nested list at the end of section 1."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    md = content / "opzelura" / "overview.md"
    text = md.read_text(encoding="utf-8")
    text = text.replace("\nOpzelura contains the active substance ruxolitinib.\n", NESTED, 1)
    md.write_text(text, encoding="utf-8")
    return content


async def test_sub_items_are_indented_under_their_item_and_read_in_order(
        make_app, tmp_path, announcer):
    app = make_app(make_config(tmp_path, content_dir=nested_content(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("enter")  # into the text of section 1
        await pilot.pause()
        plain = screen.pane.plain.splitlines()
        assert plain[-6:-1] == ["Opzelura is used to treat:", "• " + ITEMS[0], "  – " + ITEMS[1],
                                "  – " + ITEMS[2], "• " + ITEMS[3]]
        screen.pane.scroll_end(animate=False)
        await pilot.pause()
        lines = region_text(app, screen.pane).splitlines()
        top = next(i for i, line in enumerate(lines) if line.startswith("• adults"))
        assert lines[top + 1].startswith("  – whose disease affects the face")
        assert lines[top + 2].startswith("  – who have not responded")
        # A wrapped sub-item hangs under its own first word, not under the bullet.
        assert lines[top + 3].startswith("    ") and lines[top + 3].strip()
        assert any(line.startswith("• adolescents") for line in lines[top + 3:])
        # Reading aloud keeps the document's order: item, its sub-items, the next item.
        await pilot.press("enter")
        read = [text for text, _language in announcer.texts[-1]]
        assert [t for t in read if t in ITEMS] == ITEMS
        assert read.index("Opzelura is used to treat:") < read.index(ITEMS[0])


def official_german(tmp_path):
    """German as the EMA's own translation: the shipped catalog, with its provenance record."""
    config = make_config(tmp_path, languages=("en", "de"))
    folder = config.locales_dir / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shipped = PROJECT / "locales" / "de" / "LC_MESSAGES"
    for name in ("doc-opzelura.po", "doc-opzelura.mo", "kiosk.po", "kiosk.mo"):
        shutil.copy(shipped / name, folder / name)
    with (folder / "doc-opzelura.po").open("rb") as fh:
        entries = [(m.id, m.string) for m in read_po(fh) if m.id and m.string and not m.fuzzy]
    write_provenance(config.locales_dir, "de", "doc-opzelura", Provenance(
        status=OFFICIAL, translator="European Medicines Agency",
        official_entries=frozenset(entry_digest(k, v) for k, v in entries)))
    return config


OFFICIAL_DE = "Dies ist die offizielle Übersetzung des Überblicks durch die EMA."


async def test_an_official_translation_is_named_as_such_on_overview_and_about(
        make_app, tmp_path, announcer):
    app = make_app(official_german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Deutsch
        await open_overview(pilot)
        assert isinstance(app.screen, OverviewScreen)
        doc = app.localized("opzelura")
        assert doc.is_official_translation
        note = doc.translation_note()
        assert note == OFFICIAL_DE
        text = flat(screen_text(app))
        assert note in text and "ⓘ" not in text
        assert "für diesen Kiosk" not in text  # not the kiosk's own note
        assert note in announcer.spoken[-1][2]  # said with where the visitor is
        await pilot.press("i")
        await pilot.pause()
        assert note in app.screen.pane.plain
        await pilot.press("r")  # the speech keys read the same lines
        assert any(note == text for text, _lang in announcer.texts[-1])


async def test_the_kiosks_own_translation_says_so_without_a_symbol(make_app, tmp_path,
                                                                   announcer):
    config = official_german(tmp_path)
    (config.locales_dir / "de" / "LC_MESSAGES" / "doc-opzelura.provenance.toml").unlink()
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await open_overview(pilot)
        note = app.localized("opzelura").translation_note()
        assert note.startswith("Der offizielle Text ist der englische Überblick der EMA.")
        text = flat(screen_text(app))
        assert note[:60] in text and "ⓘ" not in text and OFFICIAL_DE not in text
        assert note in announcer.spoken[-1][2]


async def test_an_untranslated_subtitle_is_marked_like_the_texts(make_app, tmp_path):
    """A medicine without a German catalog: its subtitle is English, and says so
    (the pane marks its texts; the subtitle above it was shown unmarked)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "untranslated")
    app = make_app(make_config(tmp_path, content_dir=content, locales_dir=PROJECT / "locales"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["down"] * app.languages.index("de"), "enter")
        await pilot.pause()
        assert app.visit.language == "de"
        await open_overview(pilot)
        subtitle = flat(region_text(app, app.screen.query_one("#overview-subtitle")))
        assert "An overview of Opzelura" in subtitle
        assert "⚑ Englisch – noch nicht übersetzt" in subtitle  # the marker, in German
