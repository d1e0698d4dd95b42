"""Other EMA layouts, damaged input and the errors of ``kiosk import``."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from doc_paths import EXAMPLOMAB
from kiosk.document.ema_import import (
    ImportWarning,
    OverviewImportError,
    import_ema_overview,
    inline_text,
    slug_for,
)
from kiosk.commands.import_medicine import run_import_command
from kiosk.document.model import BulletList, Paragraph, YearMonth
from kiosk.document.source_format import dump_document, load_document, parse_document


def _import(text: str):
    return import_ema_overview(textwrap.dedent(text).lstrip("\n"), "test.txt")


MINIMAL = """\
EMA/111111/2022
EMA/H/C/001234

# Testorin (*testosubstance*)

An overview of Testorin and why it is authorised in the EU

### What is Testorin and what is it used for?

Testorin is a medicine.

### Other information about Testorin

Testorin received a marketing authorisation valid throughout the EU on 1 March 2022.

More at [ema.europa.eu/medicines/human/EPAR/testorin](https://ema.europa.eu/medicines/human/EPAR/testorin).

This overview was last updated in 03-2022.
"""


# --- the synthetic second medicine -----------------------------------------


@pytest.fixture(scope="module")
def examplomab():
    return import_ema_overview(EXAMPLOMAB.read_text(encoding="utf-8"), EXAMPLOMAB.name)


def test_examplomab_headings_and_facts(examplomab) -> None:
    doc = examplomab.document
    assert [s.heading for s in doc.sections] == [
        "What is Examplomab and what is it used for?",
        "How is Examplomab used?",
        "How does Examplomab work?",
        "What benefits of Examplomab have been shown in studies?",
        "What are the risks associated with Examplomab?",
        "Why is Examplomab authorised in the EU?",
        "What measures are being taken to ensure the safe and effective use of Examplomab?",
        "Other information about Examplomab",
    ]
    assert (doc.name, doc.active_substance, doc.slug) == ("Examplomab", "examplinib", "examplomab")
    assert doc.subtitle == "An overview of Examplomab and why it is authorised in the EU"
    assert doc.facts.ema_reference == "EMA/654321/2021"
    assert doc.facts.product_number == "EMEA/H/C/004321"
    assert doc.facts.authorisation_date == dt.date(2021, 11, 3)
    assert doc.facts.last_updated == YearMonth(2021, 11)
    assert doc.facts.source_url == "https://www.ema.europa.eu/en/medicines/human/EPAR/examplomab"
    assert examplomab.warnings == []


def test_examplomab_bullets_wrapped_items_and_numbered_list(examplomab) -> None:
    used = examplomab.document.sections[1]
    assert used.blocks == (
        Paragraph("Examplomab can only be obtained with a prescription. It is available as:"),
        BulletList((
            "tablets to be taken once a day;",
            "an injection under the skin, given every 2 weeks by a healthcare professional.",
        )),
        Paragraph("The recommended steps are:"),
        BulletList(("1. a starting dose for 4 weeks;", "2. a maintenance dose afterwards.")),
        # "14." at the start of a wrapped line is not a list item
        Paragraph("The doctor may lower the dose from day 14. onwards if side effects occur."),
    )
    risks = examplomab.document.sections[4]
    assert risks.blocks[1] == BulletList(("upper respiratory tract infections;", "headache."))
    assert risks.blocks[2] == Paragraph(
        "Examplomab must not be used in patients with active tuberculosis.")


def test_examplomab_page_furniture_is_removed_everywhere(examplomab) -> None:
    for section in examplomab.document.sections:
        for text in (section.heading, *section.paragraphs):
            for furniture in ("Page", "2/3", "Scarlattilaan", "Send us a question", "Telephone",
                              "An agency of the European Union", "Reproduction",
                              "EMA/654321/2021", "(examplinib)", "SCIENCE"):
                assert furniture not in text, (furniture, text)


def test_examplomab_paragraph_cut_by_a_page_number_is_joined(examplomab) -> None:
    benefits = examplomab.document.sections[3]
    assert len(benefits.blocks) == 1
    assert benefits.paragraphs[0].endswith(
        "The effect was maintained in patients who continued treatment for up to one year.")


def test_examplomab_round_trips_through_the_content_format(examplomab, tmp_path, capsys) -> None:
    assert run_import_command(EXAMPLOMAB, tmp_path, None, False, False) == 0
    assert load_document(tmp_path / "examplomab") == examplomab.document
    assert "Warnings: none" in capsys.readouterr().out


# --- other layouts ---------------------------------------------------------


def test_plain_text_headings_without_markup_and_other_bullets() -> None:
    result = _import("""
        EMA/222222/2020
        EMEA/H/C/000999

        Plainol (plainsubstance)

        An overview of Plainol and why it is authorised in the EU

        What is Plainol and what is it used for?

        Plainol is used for:
        ▪ headaches;
        * migraine.

        How is Plainol used?

        Plainol is a tablet.

        Other information about Plainol

        Plainol received a marketing authorisation valid throughout the EU on 05/06/2020.

        See www.ema.europa.eu/en/medicines/human/EPAR/plainol. Last updated in June 2020.
        """)
    doc = result.document
    assert [s.heading for s in doc.sections] == [
        "What is Plainol and what is it used for?", "How is Plainol used?",
        "Other information about Plainol"]
    assert doc.sections[0].blocks == (Paragraph("Plainol is used for:"),
                                      BulletList(("headaches;", "migraine.")))
    assert doc.facts.authorisation_date == dt.date(2020, 6, 5)
    assert doc.facts.last_updated == YearMonth(2020, 6)
    assert doc.facts.product_number == "EMEA/H/C/000999"
    assert doc.facts.source_url == "https://www.ema.europa.eu/en/medicines/human/EPAR/plainol"
    assert result.warnings == []


def test_heading_variants_and_bold_question_followed_by_text() -> None:
    result = _import("""
        ## Varia (*variasubstance*)

        ### **What is Varia and what is it used for?**

        Varia is a medicine.

        ## *How is Varia used?*

        Varia is a cream.

        **How does Varia work?** Varia works on the skin.
        It works well.

        ***Why is Varia authorised in the EU?***

        Its benefits are greater than its risks.
        """)
    assert [s.heading for s in result.document.sections] == [
        "What is Varia and what is it used for?", "How is Varia used?",
        "How does Varia work?", "Why is Varia authorised in the EU?"]
    assert result.document.sections[2].paragraphs == ("Varia works on the skin. It works well.",)


def test_inline_markup_becomes_text_and_escapes_are_literal() -> None:
    assert inline_text("See [the leaflet](https://x.eu/a_(b)) now") == "See the leaflet now"
    assert inline_text("**Bold** and *italic* and __strong__") == "Bold and italic and strong"
    assert inline_text(r"5 \* 3 and 1\. and \[x\]") == "5 * 3 and 1. and [x]"
    assert inline_text("up to 10% of  the   body") == "up to 10% of the body"
    assert inline_text("a &amp; b &lt;c&gt;<br>d") == "a & b <c> d"
    assert inline_text("![logo](logo.png)EMA") == "EMA"
    assert inline_text("x <https://ema.europa.eu/a> y") == "x https://ema.europa.eu/a y"
    assert inline_text("2 * 3 * 4 and snake_case_name") == "2 * 3 * 4 and snake_case_name"
    assert inline_text("[bold]x[/bold]") == "[bold]x[/bold]"


def test_hyphen_at_a_line_break_is_kept_and_joined() -> None:
    text = MINIMAL.replace("Testorin is a medicine.",
                           "Testorin treats non-\nsegmental vitiligo in 12-\n17 year olds.")
    doc = import_ema_overview(text, "t.txt").document
    assert doc.sections[0].paragraphs == (
        "Testorin treats non-segmental vitiligo in 12-17 year olds.",)


def test_slug_for_names() -> None:
    assert slug_for("Opzelura") == "opzelura"
    assert slug_for("Élidel 1% Crème") == "elidel-1-creme"
    assert slug_for("COVID-19 Vaccine (Janssen)") == "covid-19-vaccine-janssen"


# --- missing pieces are warnings with line numbers --------------------------


def test_minimal_overview_has_no_warnings() -> None:
    result = import_ema_overview(MINIMAL, "t.txt")
    assert result.warnings == []
    assert result.document.facts.authorisation_date == dt.date(2022, 3, 1)


def test_missing_facts_are_warnings_with_lines() -> None:
    text = MINIMAL.replace("EMA/111111/2022\n", "\n").replace("EMA/H/C/001234\n", "\n")
    text = text.replace("This overview was last updated in 03-2022.", "The end.")
    text = text.replace("valid throughout the EU on 1 March 2022", "in the EU")
    text = text.replace("[ema.europa.eu/medicines/human/EPAR/testorin]"
                        "(https://ema.europa.eu/medicines/human/EPAR/testorin)", "the website")
    result = import_ema_overview(text, "t.txt")
    messages = [str(w) for w in result.warnings]
    assert "line 4: no EMA reference found (expected EMA/123456/2023)" in messages
    assert "line 4: no product number found (expected EMA/H/C/001234)" in messages
    assert any(m.startswith("line 12: no authorisation date found") for m in messages)
    assert any(m.startswith("line 12: no date of the last update found") for m in messages)
    assert any(m.startswith("line 12: no link to the medicine's EMA page") for m in messages)
    assert all(isinstance(w, ImportWarning) and w.line > 0 for w in result.warnings)
    facts = result.document.facts
    assert (facts.ema_reference, facts.product_number, facts.authorisation_date,
            facts.last_updated, facts.source_url) == ("", "", None, None, "")


def test_bad_dates_are_warnings_with_lines() -> None:
    text = MINIMAL.replace("on 1 March 2022", "on 31 February 2022").replace(
        "in 03-2022", "in 13-2022")
    result = import_ema_overview(text, "t.txt")
    messages = [str(w) for w in result.warnings]
    assert any(m.startswith("line 14: cannot read the authorisation date '31 February 2022'")
               for m in messages), messages
    assert any(m.startswith("line 18: cannot read the month of the last update '13-2022'")
               for m in messages), messages
    assert result.document.facts.authorisation_date is None
    assert result.document.facts.last_updated is None


def test_text_before_the_first_heading_is_a_warning() -> None:
    text = MINIMAL.replace("An overview of Testorin", "Stray words here.\n\nAn overview of Testorin")
    result = import_ema_overview(text, "t.txt")
    assert [str(w) for w in result.warnings] == [
        "line 6: text before the first section heading was not imported: 'Stray words here.'"]
    assert "Stray" not in dump_document(result.document)


def test_empty_section_is_left_out_with_a_warning() -> None:
    text = MINIMAL.replace("### Other information", "### How is Testorin used?\n\n### Other information")
    result = import_ema_overview(text, "t.txt")
    assert [str(w) for w in result.warnings] == [
        "line 12: section 'How is Testorin used?' has no text; it was left out"]
    assert len(result.document.sections) == 2


def test_missing_title_takes_the_name_from_the_subtitle_but_asks_for_the_substance() -> None:
    """Issue 10: a fact that cannot be found with confidence is asked for, never left out."""
    text = MINIMAL.replace("# Testorin (*testosubstance*)\n", "\n")
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview(text, "t.txt")
    assert "active substance of Testorin cannot be found" in caught.value.message
    assert "--substance" in caught.value.message
    result = import_ema_overview(text, "t.txt", substance="testosubstance")
    assert result.document.name == "Testorin"
    assert result.document.active_substance == "testosubstance"
    assert result.recognised.name_from == "the subtitle, line 6"
    assert result.recognised.substance_from == "given with --substance"


def test_unknown_text_in_a_page_footer_is_left_out_with_a_warning() -> None:
    text = MINIMAL.replace(
        "Testorin is a medicine.\n",
        "Testorin is a medicine.\n\n---\n\nSome new agency slogan\n\n"
        "An agency of the European Union\n\nIt is a tablet.\n")
    result = import_ema_overview(text, "t.txt")
    assert result.document.sections[0].paragraphs == ("Testorin is a medicine.",
                                                       "It is a tablet.")
    assert [w.line for w in result.warnings] == [14]
    assert "Some new agency slogan" in result.warnings[0].message


def test_differing_reference_is_a_warning() -> None:
    text = MINIMAL.replace("This overview", "EMA/999999/2022\n\nThis overview")
    result = import_ema_overview(text, "t.txt")
    assert result.document.facts.ema_reference == "EMA/111111/2022"
    assert [w.line for w in result.warnings] == [18]


# --- fatal input ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff\r\n"])
def test_empty_input_is_an_error(text) -> None:
    with pytest.raises(OverviewImportError, match="empty"):
        import_ema_overview(text, "empty.txt")


def test_no_sections_is_an_error() -> None:
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview("EMA/111111/2022\n\nJust some words.\nMore words.\n", "words.txt")
    assert "no sections found in words.txt" in str(caught.value)
    assert "What is X and what is it used for?" in str(caught.value)


def test_headings_without_text_is_an_error() -> None:
    with pytest.raises(OverviewImportError, match="no section of t.txt has any text"):
        import_ema_overview("### What is X?\n\n### How is X used?\n", "t.txt")


def test_a_content_file_is_not_an_ema_overview() -> None:
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview('\n+++\nname = "X"\n+++\n\n## A\n\nText.\n', "overview.md")
    assert caught.value.line == 2
    assert str(caught.value).startswith("line 2: this is already a kiosk content file")


def test_round_trip_of_an_imported_list(tmp_path) -> None:
    result = import_ema_overview(EXAMPLOMAB.read_text(encoding="utf-8"), "x")
    again = parse_document(dump_document(result.document), slug="examplomab")
    assert again == result.document


def test_a_rule_followed_by_running_text_keeps_the_text() -> None:
    """'---' as an ordinary rule: the sentences after it are the agency's, not furniture."""
    text = MINIMAL.replace(
        "Testorin is a medicine.\n",
        "Testorin is a medicine.\n\n---\n\nTestorin is used in adults with a rare disease "
        "of the blood.\n\nPage 1/2\n\nIt is a tablet.\n")
    result = import_ema_overview(text, "t.txt")
    assert result.document.sections[0].paragraphs == (
        "Testorin is a medicine.",
        "Testorin is used in adults with a rare disease of the blood.",
        "It is a tablet.")
    assert result.warnings == []


def test_rules_inside_a_footer_leave_no_empty_paragraph() -> None:
    text = MINIMAL.replace(
        "Testorin is a medicine.\n",
        "Testorin is a medicine.\n\n---\n\nOfficial address Domenico Scarlattilaan 6\n\n---\n"
        "Send us a question Go to www.ema.europa.eu/contact\n\n![logo](ema.png)\n\n"
        "It is a tablet.\n")
    result = import_ema_overview(text, "t.txt")
    assert result.document.sections[0].blocks == (Paragraph("Testorin is a medicine."),
                                                   Paragraph("It is a tablet."))
    assert result.warnings == []


TYPED_BLOCKS = """\
Testamed (placebolin)
An overview of Testamed and why it is authorised in the EU

What is Testamed and what is it used for?
Testamed is a medicine used to treat adults with a made-up condition.

How is Testamed used?
Testamed is available as tablets of 10 mg taken once a day.

Why is Testamed authorised in the EU?
The European Medicines Agency decided that Testamed's benefits are greater than its risks.
In a study of 300 patients, 45% of those taking Testamed improved.

Other information about Testamed
Testamed received a marketing authorisation valid throughout the EU on 1 January 2024.
"""


def test_headings_right_above_their_paragraphs_with_blank_lines_between_sections() -> None:
    """The common typed or copied form (a newcomer's own file was refused with
    "no sections found" although every heading stood on a line of its own)."""
    doc = _import(TYPED_BLOCKS).document
    assert (doc.name, doc.active_substance) == ("Testamed", "placebolin")
    assert [s.heading for s in doc.sections] == [
        "What is Testamed and what is it used for?", "How is Testamed used?",
        "Why is Testamed authorised in the EU?", "Other information about Testamed"]
    assert list(doc.sections[1].blocks) == [
        Paragraph("Testamed is available as tablets of 10 mg taken once a day.")]
    # A block's later lines stay its paragraph: only its first line can be a heading.
    assert "45% of those taking Testamed improved" in doc.sections[2].blocks[0].text
