"""The kiosk's own content format: round trips, literal text, clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from doc_paths import OPZELURA_CONTENT
from kiosk.document.model import (
    BulletList,
    Document,
    DocumentFacts,
    Paragraph,
    Section,
    YearMonth,
)
from kiosk.document.source_format import (
    DocumentFormatError,
    dump_document,
    load_document,
    parse_document,
)

GOOD = """\
+++
name = "Testorin"
active_substance = "testosubstance"
+++

## What is Testorin?

Testorin is a medicine.
"""


def _error(text: str) -> DocumentFormatError:
    with pytest.raises(DocumentFormatError) as caught:
        parse_document(text, slug="t", origin="t/overview.md")
    return caught.value


def test_round_trip_of_a_document_with_a_bullet_list() -> None:
    document = Document(
        slug="listol",
        name="Listol",
        active_substance="listosubstance",
        subtitle="An overview of Listol and why it is authorised in the EU",
        sections=(
            Section("What is Listol used for?", (
                Paragraph("Listol is used for:"),
                BulletList(("headaches;", "migraine with aura (visual disturbances);",
                            "cluster headache.")),
                Paragraph("It contains listosubstance."),
            )),
            Section("Other information about Listol", (Paragraph("Nothing more."),)),
        ),
        facts=DocumentFacts(ema_reference="EMA/1/2020", product_number="EMA/H/C/000001",
                            authorisation_date=dt.date(2020, 2, 29),
                            last_updated=YearMonth(2021, 12),
                            source_url="https://ema.europa.eu/medicines/human/EPAR/listol"),
    )
    text = dump_document(document)
    assert "- migraine with aura (visual disturbances);\n" in text
    assert parse_document(text, slug="listol") == document
    assert dump_document(parse_document(text, slug="listol")) == text


def test_the_opzelura_file_round_trips_byte_for_byte() -> None:
    raw = OPZELURA_CONTENT.read_text(encoding="utf-8")
    assert dump_document(load_document(OPZELURA_CONTENT)) == raw


def test_bullets_written_by_hand_and_wrapped_items() -> None:
    doc = parse_document(GOOD + "\n* one\n  continued\n• two\n- three\n", slug="t")
    assert doc.sections[0].blocks[1] == BulletList(("one continued", "two", "three"))


def test_markup_is_kept_literal_and_escape_sequences_are_stripped() -> None:
    text = GOOD.replace(
        "Testorin is a medicine.",
        "[bold]x[/bold] and [link=https://evil]y[/link] *z* <b>w</b>\n\n"
        "Red \x1b[31mtext\x1b[0m, title \x1b]0;pwned\x07set, bell\x07 and \u202eevil.",
    )
    doc = parse_document(text, slug="t")
    paragraphs = doc.sections[0].paragraphs
    assert paragraphs[0] == "[bold]x[/bold] and [link=https://evil]y[/link] *z* <b>w</b>"
    assert paragraphs[1] == "Red text, title set, bell and evil."
    for paragraph in paragraphs:
        assert "\x1b" not in paragraph and "\x07" not in paragraph


def test_escape_sequences_in_the_header_are_stripped() -> None:
    doc = parse_document(GOOD.replace('"Testorin"', '"Test\x1b[2Jorin"'), slug="t")
    assert doc.name == "Testorin"


def test_comments_are_for_staff() -> None:
    doc = parse_document(GOOD + "\n<!-- checked by A. on 2024-01-02 -->\n", slug="t")
    assert doc.sections[0].paragraphs == ("Testorin is a medicine.",)


def test_crlf_and_bom() -> None:
    doc = parse_document("\ufeff" + GOOD.replace("\n", "\r\n"), slug="t")
    assert doc.name == "Testorin"


# --- errors name the file and the line --------------------------------------


def test_header_without_closing_fence() -> None:
    err = _error("\n+++\nname = \"X\"\n\n## A\n\nText.\n")
    assert (err.line, str(err)) == (
        2, "t/overview.md, line 2: the header opened here is never closed with '+++'")


def test_missing_header() -> None:
    err = _error("## A\n\nText.\n")
    assert err.line == 1 and "must start with a '+++'" in err.problem


def test_unknown_header_key_names_its_line() -> None:
    err = _error(GOOD.replace("+++\n\n", "colour = \"red\"\n+++\n\n", 1))
    assert err.line == 4
    assert "unknown header key 'colour'" in err.problem


def test_bad_date_names_its_line() -> None:
    err = _error(GOOD.replace("+++\n\n", "authorisation_date = \"19 April 2023\"\n+++\n\n", 1))
    assert err.line == 4 and "must be a date like 2023-04-19" in err.problem
    err = _error(GOOD.replace("+++\n\n", "authorisation_date = 2023-02-30\n+++\n\n", 1))
    assert err.line == 4 and "not valid TOML" in err.problem
    err = _error(GOOD.replace("+++\n\n", "last_updated = \"13-2023\"\n+++\n\n", 1))
    assert err.line == 4 and "last_updated must be a month" in err.problem


def test_missing_name() -> None:
    err = _error(GOOD.replace('name = "Testorin"\n', ""))
    assert err.line == 1 and 'name = "..."' in err.problem


def test_text_before_the_first_heading() -> None:
    err = _error(GOOD.replace("## What is Testorin?", "Stray text.\n\n## What is Testorin?"))
    assert err.line == 6 and "belongs to no section" in err.problem


def test_empty_section() -> None:
    err = _error(GOOD + "\n## How is Testorin used?\n\n")
    assert err.line == 10 and "'How is Testorin used?' has no text" in err.problem


def test_no_sections() -> None:
    err = _error('+++\nname = "X"\n+++\n\n')
    assert "no section found" in err.problem


def test_wrong_heading_level() -> None:
    err = _error(GOOD.replace("## What", "### What"))
    assert err.line == 6 and "only '## Heading' lines start sections" in err.problem


def test_file_missing_and_not_utf8(tmp_path) -> None:
    with pytest.raises(DocumentFormatError) as caught:
        load_document(tmp_path / "nothing")
    assert str(caught.value) == f"{tmp_path / 'nothing'}: the file does not exist"
    bad = tmp_path / "bad" / "overview.md"
    bad.parent.mkdir()
    bad.write_bytes(GOOD.replace("medicine", "m\xe9dicament").encode("latin-1"))
    with pytest.raises(DocumentFormatError) as caught:
        load_document(bad.parent)
    assert "not UTF-8" in str(caught.value) and str(bad) in str(caught.value)


def test_slug_comes_from_the_folder(tmp_path) -> None:
    folder = tmp_path / "testorin"
    folder.mkdir()
    (folder / "overview.md").write_text(GOOD, encoding="utf-8")
    assert load_document(folder).slug == "testorin"


def test_paragraphs_beginning_like_markup_survive_a_round_trip() -> None:
    """A backslash escape lets a paragraph start with '#', '- ', '+++' or '\\'."""
    from kiosk.document.model import Document, Paragraph, Section

    texts = ("#1 choice.", "- 5 is not a list item.", "+++ is not a header.",
             "\\ stays.", "<!-- not a comment -->", "Plain text.")
    doc = Document("x", "X", "", "", (Section("Heading?", tuple(Paragraph(t) for t in texts)),))
    written = dump_document(doc)
    assert "\\- 5 is not a list item." in written
    assert parse_document(written, slug="x") == doc


# --- nested lists (issue 10) -------------------------------------------------


NESTED = GOOD + """
Testorin is used:

- together with another medicine in patients who:
  - have not responded to it alone;
  - have no cirrhosis;
- on its own.
"""


def test_nested_list_items_keep_their_levels_and_round_trip() -> None:
    doc = parse_document(NESTED, slug="t")
    block = doc.sections[0].blocks[2]
    assert block == BulletList(("together with another medicine in patients who:",
                                "have not responded to it alone;", "have no cirrhosis;",
                                "on its own."), (0, 1, 1, 0))
    assert [block.level(i) for i in range(4)] == [0, 1, 1, 0]
    assert dump_document(doc) == NESTED
    units = [u for u in doc.units() if u.kind == "item"]
    assert [(u.key, u.level) for u in units] == [("s1.p3.i1", 0), ("s1.p3.i2", 1),
                                                 ("s1.p3.i3", 1), ("s1.p3.i4", 0)]


def test_a_flat_list_equals_one_built_without_levels() -> None:
    assert BulletList(("a", "b"), (0, 0)) == BulletList(("a", "b"))
    with pytest.raises(ValueError):
        BulletList(("a", "b"), (0, 2))
    with pytest.raises(ValueError):
        BulletList(("a", "b"), (1, 0))


def test_sub_items_indented_by_hand_one_or_four_spaces_are_sub_items() -> None:
    for spaces in (1, 4):
        text = NESTED.replace("  - have", " " * spaces + "- have")
        block = parse_document(text, slug="t").sections[0].blocks[2]
        assert block.levels == (0, 1, 1, 0), spaces


def test_localized_document_gives_the_screen_each_item_level() -> None:
    from kiosk.languages.document_catalog import localize_document

    block = localize_document(parse_document(NESTED, slug="t"), "en").sections[0].blocks[2]
    assert block.is_list and block.levels == (0, 1, 1, 0) and block.level(1) == 1
