"""Overviews as staff really get them (issue 10): web copies of three generations of the
EMA site, text copied out of PDFs of both templates, other languages, and the bad
inputs the issue lists.  Each fixture is in tests/document/data/inputs/:

* ``imraldi-epar-summary-public_en.txt``: the old site (before 2018), an "EPAR summary
  for the public" with its introduction; name and substance on separate lines, then the
  page's "Email", "Help", "RSS" links; one line per paragraph, no blank lines; the
  "Authorisation details" panel after the overview.
* ``hemlibra-web-2018-2023.txt``: the 2018-2023 site, a 2018 overview whose first
  section has no heading on the page; blank lines; "•" bullets; page panels after it.
* ``vyndaqel-web-2024.txt``: the site after 2023: "Human medicine European public
  assessment report (EPAR)", "Authorised" badge, "Page contents"/"Back to top" between
  sections, the product-information panel after the overview; lists without markers.
* ``clopidogrel-teva-pharma-summary-2010-pdf-text.txt``: text copied out of a 2010 PDF
  (summary template): hard-wrapped lines without blank lines, the name with a footnote
  digit over the substance, the London contact block one item a line between two
  sections, the footnote itself, a running title and "Page 2/3".
* ``ocaliva-en-pdf-text.txt`` / ``ocaliva-fi-pdf-text.txt``: text copied out of the
  English and Finnish PDFs of a 2018-template overview with a conditional-approval
  section, a nested list ("•" items, "o" sub-items) cut by a page break with the
  Amsterdam contact block, copyright line and running header inside it.
"""

from __future__ import annotations

import shutil

import pytest

from import_helpers import INPUTS, unaccounted_lines
from kiosk.cli import main as kiosk_main
from kiosk.document.ema import OverviewImportError, import_ema_overview
from kiosk.document.model import BulletList, Paragraph, YearMonth
from kiosk.document.source_format import load_document

FIXTURES = sorted(p.name for p in INPUTS.glob("*.txt") if "-fi-" not in p.name)


def _import(name: str, **options):
    return import_ema_overview((INPUTS / name).read_text(encoding="utf-8"), name, **options)


def _texts(document) -> str:
    return "\n".join([document.name, document.subtitle] + [
        t for s in document.sections for t in (s.heading, *s.paragraphs)])


@pytest.mark.parametrize("name", FIXTURES)
def test_every_line_is_in_the_document_or_reported_as_left_out(name) -> None:
    raw = (INPUTS / name).read_text(encoding="utf-8")
    result = _import(name)
    assert unaccounted_lines(raw, result) == []
    assert all(d.reason for d in result.dropped)


@pytest.mark.parametrize("name", FIXTURES)
def test_no_furniture_or_web_page_chrome_reaches_a_visitor(name) -> None:
    texts = _texts(_import(name).document).splitlines()
    for chrome in ("Email", "Help", "RSS", "Authorised", "Overview", "Page contents",
                   "Back to top", "Authorisation details", "Product details",
                   "This medicine is authorised for use in the European Union."):
        assert chrome not in texts, chrome
    joined = "\n".join(texts)
    for furniture in ("Churchill", "Westferry", "Canary Wharf", "Scarlattilaan", "+44 (0)20",
                      "+31 (0)88", "Facsimile", "Reproduction is authorised", "Page 2/",
                      "EMA/498523/2021", "MEDICINES AGENCY"):
        assert furniture not in joined, furniture


def test_old_site_web_copy_is_named_after_the_medicine_not_the_file() -> None:
    """Issue 10: 'Imraldi', 'adalimumab', then 'Email' and 'Help' gave the medicine the
    file's name (imraldi-epar-summary-public_en), exit 0."""
    result = _import("imraldi-epar-summary-public_en.txt")
    doc = result.document
    assert (doc.name, doc.active_substance, doc.slug) == ("Imraldi", "adalimumab", "imraldi")
    assert result.recognised.template.startswith("EPAR summary for the public")
    first = doc.sections[0]
    assert first.heading == "EPAR summary for the public"
    assert first.paragraphs[0].startswith("This is a summary of the European public "
                                          "assessment report (EPAR) for Imraldi.")
    assert doc.sections[1].heading == "What is Imraldi and what is it used for?"
    assert doc.facts.product_number == "EMEA/H/C/004279"  # from the page's panel
    assert doc.facts.last_updated == YearMonth(2017, 8)


def test_2018_web_copy_keeps_the_first_section_whose_heading_the_page_dropped() -> None:
    """Issue 10: subtitle, then 'Hemlibra is a medicine used to prevent…', then 'How is
    Hemlibra used?': the first section was dropped, exit 0."""
    result = _import("hemlibra-web-2018-2023.txt")
    doc = result.document
    assert len(doc.sections) == 8
    assert doc.sections[0].heading == "What is Hemlibra and what is it used for?"
    assert doc.sections[0].paragraphs == (
        "Hemlibra is a medicine used to prevent bleeding or reduce the number of bleeding "
        "episodes in patients with haemophilia A, an inherited bleeding disorder caused by "
        "lack of factor VIII. It can be used in patients of all ages who have developed "
        "factor VIII inhibitors (antibodies against factor VIII) and in patients with severe "
        "haemophilia A without such inhibitors.",
        "Hemlibra contains the active substance emicizumab.")
    assert any("template's heading" in note for note in result.recognised.notes)
    assert doc.sections[1].blocks[-1] == BulletList((
        "1.5 mg per kilogram once a week;", "3 mg per kilogram every 2 weeks; or",
        "6 mg per kilogram every 4 weeks."))
    assert result.recognised.missing_sections == ()


def test_2024_web_copy() -> None:
    result = _import("vyndaqel-web-2024.txt")
    doc = result.document
    assert (doc.name, doc.active_substance) == ("Vyndaqel", "tafamidis")
    assert doc.subtitle == "An overview of Vyndaqel and why it is authorised in the EU"
    assert [s.heading for s in doc.sections][-1] == "Other information about Vyndaqel"
    assert doc.sections[3].paragraphs[-1].endswith("given placebo (a dummy treatment).")
    assert doc.facts.last_updated == YearMonth(2024, 2)
    assert result.recognised.missing_sections == ()


def test_summary_era_pdf_text_with_london_block_between_sections() -> None:
    """Issue 10: the London contact block, one item a line, became paragraphs; the name
    carried the footnote digit."""
    result = _import("clopidogrel-teva-pharma-summary-2010-pdf-text.txt")
    doc = result.document
    assert (doc.name, doc.active_substance) == ("Clopidogrel Teva Pharma", "clopidogrel")
    used_for = doc.sections[2]
    assert used_for.heading == "What is Clopidogrel Teva Pharma used for?"
    assert used_for.blocks[1] == BulletList((
        "patients who have recently had a myocardial infarction (heart attack), with the "
        "medicine started between a few days and 35 days after the attack;",
        "patients with peripheral arterial disease (problems with blood flow in the "
        "arteries)."))
    assert used_for.blocks[2] == Paragraph("The medicine can only be obtained with a "
                                           "prescription.")
    work = doc.sections[4]
    assert work.heading == "How does Clopidogrel Teva Pharma work?"
    assert len(work.paragraphs) == 1 and work.paragraphs[0].endswith("from forming.")
    reasons = {d.text: d.reason for d in result.dropped}
    assert reasons["1 Formerly known as Clopidogrel Teva Pharma B.V."] == \
        "the footnote to the medicine's name"
    assert reasons["Telephone"] == reasons["Canary Wharf"] == \
        "the agency's address and contact block"
    assert any("footnote mark" in n for n in result.recognised.notes)


def test_pdf_text_with_a_nested_list_cut_by_a_page_break() -> None:
    """Issue 10: nested bullet lists were flattened, so sub-items lost what they qualify."""
    result = _import("ocaliva-en-pdf-text.txt")
    used = result.document.sections[0].blocks[1]
    assert used == BulletList((
        "together with ursodeoxycholic acid in patients who:",
        "have not responded well enough to ursodeoxycholic acid alone after 12 months;",
        "have liver disease without cirrhosis;",
        "on its own in patients who cannot take ursodeoxycholic acid."), (0, 1, 1, 0))
    assert result.document.sections[6].heading == "What information is still awaited for " \
                                                  "Ocaliva?"
    assert result.warnings == []


def test_an_overview_in_finnish_is_recognised_and_sent_to_translation_import() -> None:
    """Issue 10: 'Mitä Ocaliva on ja mihin sitä käytetään?' was refused: only English
    headings were recognised.  It is now read (see test_official_translation for the
    import itself); on its own it is refused with what to do, as the kiosk's medical
    text is the English overview."""
    with pytest.raises(OverviewImportError) as caught:
        _import("ocaliva-fi-pdf-text.txt")
    message = caught.value.message
    assert "Finnish" in message and "--translation-of" in message and "--language fi" in message


def test_name_in_brackets_is_the_salt_when_the_substance_follows() -> None:
    """Issue 10: 'Clopidogrel Teva (hydrogen sulphate)' over 'clopidogrel' gave the active
    substance 'hydrogen sulphate'."""
    text = (INPUTS / "clopidogrel-teva-pharma-summary-2010-pdf-text.txt").read_text()
    text = text.replace("Clopidogrel Teva Pharma1\n", "Clopidogrel Teva (hydrogen sulphate)\n")
    text = text.replace("Clopidogrel Teva Pharma", "Clopidogrel Teva (hydrogen sulphate)")
    result = import_ema_overview(text, "t.txt")
    assert result.document.name == "Clopidogrel Teva (hydrogen sulphate)"
    assert result.document.active_substance == "clopidogrel"
    assert result.document.slug == "clopidogrel-teva-hydrogen-sulphate"


def test_a_name_not_found_with_confidence_is_asked_for_never_taken_from_the_file() -> None:
    text = ("Some page title\n\nWhat is it and what is it used for?\n\n"
            "It is a medicine that contains the active substance examplinib.\n\n"
            "How is it used?\n\nIt is a tablet.\n")
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview(text, "examplomab-overview_en.txt")
    assert "--name" in caught.value.message
    assert "examplomab" not in caught.value.message.lower()
    result = import_ema_overview(text, "examplomab-overview_en.txt", name="Examplomab")
    assert (result.document.name, result.document.active_substance) == ("Examplomab",
                                                                         "examplinib")
    assert result.recognised.substance_from.startswith("the sentence")


def test_a_substance_line_that_the_text_never_mentions_is_not_taken() -> None:
    text = (INPUTS / "hemlibra-web-2018-2023.txt").read_text()
    text = text.replace("emicizumab", "the active ingredient")  # nowhere a substance
    text = text.replace("Hemlibra\nthe active ingredient\n", "Hemlibra\nEmailing list\n")
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview(text, "t.txt")
    assert "--substance" in caught.value.message


@pytest.mark.parametrize("title", [
    "Public statement on Examplomab",
    "Withdrawal of the marketing authorisation in the European Union",
    "Questions and answers on the withdrawal of the marketing authorisation application "
    "for Examplomab",
])
def test_withdrawn_medicine_statements_are_refused_with_a_sentence(title) -> None:
    text = (f"EMA/123456/2019\n\n{title}\n\nExamplomab\n\nexamplinib\n\n"
            "What is Examplomab?\n\nExamplomab was a medicine.\n")
    with pytest.raises(OverviewImportError) as caught:
        import_ema_overview(text, "t.txt")
    assert "withdrawn or refused medicine" in caught.value.message
    assert "only authorised medicines" in caught.value.message


def test_a_partial_copy_imports_what_it_has_and_names_the_missing_sections() -> None:
    text = (INPUTS / "vyndaqel-web-2024.txt").read_text()
    text = text[:text.index("What are the risks associated with Vyndaqel?")]
    result = import_ema_overview(text, "t.txt")
    assert len(result.document.sections) == 4
    assert result.recognised.missing_sections == (
        "What are the risks associated with Vyndaqel?", "Why is Vyndaqel authorised in the EU?",
        "What measures are being taken to ensure the safe and effective use of Vyndaqel?",
        "Other information about Vyndaqel")


# --- ``kiosk import`` on these inputs -------------------------------------------------


def test_kiosk_import_report_is_readable_by_staff(tmp_path, capsys) -> None:
    source = tmp_path / "imraldi-epar-summary-public_en.txt"
    shutil.copy(INPUTS / source.name, source)
    code = kiosk_main(["import", str(source), "--output", str(tmp_path / "content")])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert load_document(tmp_path / "content" / "imraldi").name == "Imraldi"
    assert "Recognised: an EMA EPAR summary for the public" in out
    assert "Medicine:          Imraldi  (from the title, line 1)" in out
    assert "7 x navigation of the EMA web page (line 3, line 4" in out
    assert 'line 33: "Authorisation details" — a panel of the web page after the overview' \
        in out
    assert "Missing from the template:" not in out  # the 2016-2018 headings count
    assert "Traceback" not in out


def test_kiosk_import_refusal_is_one_sentence_that_says_what_to_pass(tmp_path, capsys) -> None:
    source = tmp_path / "page.txt"
    source.write_text("Some page title\n\nWhat is it?\n\nIt is a medicine.\n\n"
                      "How is it used?\n\nIt is a tablet.\n", encoding="utf-8")
    code = kiosk_main(["import", str(source), "--output", str(tmp_path / "content")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith(f"kiosk import: {source}") and err.count("\n") == 1
    assert "--name" in err and "Traceback" not in err
    assert not (tmp_path / "content").exists()
    code = kiosk_main(["import", str(source), "--output", str(tmp_path / "content"),
                       "--name", "Pagina", "--substance", "paginol"])
    assert code == 0, capsys.readouterr().err
    assert load_document(tmp_path / "content" / "pagina").active_substance == "paginol"


def test_empty_name_option_is_refused(tmp_path, capsys) -> None:
    code = kiosk_main(["import", str(INPUTS / "vyndaqel-web-2024.txt"), "--stdout",
                       "--name", " "])
    assert code == 1 and "--name is empty" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["imraldi-epar-summary-public_en.txt",
                                  "hemlibra-web-2018-2023.txt", "vyndaqel-web-2024.txt"])
def test_a_web_copy_with_or_without_blank_lines_gives_the_same_document(name) -> None:
    """Issue 10: the Imraldi copy with blank lines was named 'imraldi-epar-summary-public_en'."""
    lines = [line for line in (INPUTS / name).read_text(encoding="utf-8").splitlines() if line]
    spaced = import_ema_overview("\n\n".join(lines), name)
    packed = import_ema_overview("\n".join(lines), name)
    assert spaced.document == packed.document
    assert spaced.document.name != name.removesuffix(".txt")
