"""The EMA's PDF itself, read with pdfminer.six (issue 10).

The PDFs are made here with ReportLab (tests/document/ema_pdf.py): the
letterhead, references, a title in a larger bold font, bold question
headings, a two-column contact block and the copyright line at the foot of
page 1, a running title and "Page n/m" on every page, bullets with
hanging indents and sub-items, and pages that break inside a list.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from doc_paths import OPZELURA_CONTENT, REPO
from ema_pdf import LONDON, Overview, overview_from_document, write_overview_pdf
from kiosk.cli import main as kiosk_main
from kiosk.document.ema import OverviewImportError
from kiosk.document.ema.overview import import_lines
from kiosk.document.ema.pdf import pdf_lines
from kiosk.document.model import BulletList, Paragraph
from kiosk.document.source_format import load_document


def _import_pdf(path):
    return import_lines(pdf_lines(path.read_bytes(), path.name), path.name)


@pytest.fixture(scope="module")
def opzelura():
    return load_document(OPZELURA_CONTENT)


def test_the_opzelura_pdf_imports_to_the_content_file(opzelura, tmp_path) -> None:
    pdf = write_overview_pdf(overview_from_document(opzelura), tmp_path / "opzelura.pdf")
    result = _import_pdf(pdf)
    assert result.document == opzelura
    assert result.warnings == []
    reasons = {d.text: d.reason for d in result.dropped}
    assert reasons["Telephone +31 (0)88 781 6000"] == "the agency's address and contact block"
    assert any(text.startswith("© European Medicines Agency, 2023") for text in reasons)
    assert reasons["Page 2/2"] == "a page number or running header/footer"
    assert [d.place for d in result.dropped if d.text == "Page 2/2"] == ["page 2"]


def test_kiosk_import_of_a_pdf_prints_the_content_file_byte_for_byte(opzelura, tmp_path) -> None:
    pdf = write_overview_pdf(overview_from_document(opzelura), tmp_path / "opzelura.pdf")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "import", str(pdf), "--stdout", "--output",
         str(tmp_path / "content")], capture_output=True, cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == OPZELURA_CONTENT.read_bytes()
    report = result.stderr.decode()
    assert "Left out:" in report and "page 1" in report and "Traceback" not in report


NESTED = [
    ("heading", "What is Nestorin and what is it used for?"),
    ("para", "Nestorin is a medicine used to treat adults with chronic hepatitis C. It is "
             "used:"),
    ("item", 0, "in patients whose liver is not scarred;"),
    ("item", 0, "in patients with compensated cirrhosis who:"),
    ("item", 1, "have not been treated before;"),
    ("item", 1, "have been treated with peginterferon alfa and ribavirin, and whose "
                "disease came back after 12 weeks or more;"),
    ("pagebreak",),
    ("item", 1, "cannot take ribavirin;"),
    ("item", 0, "in patients waiting for a liver transplant."),
    ("para", "Nestorin contains the active substance nestasvir."),
    ("heading", "How is Nestorin used?"),
    ("para", "Nestorin is available as tablets (100 mg). The usual dose is one tablet a day "
             "for 12 weeks."),
    ("heading", "Other information about Nestorin"),
    ("para", "Nestorin received a marketing authorisation valid throughout the EU on "
             "2 March 2020."),
]


def test_a_nested_list_cut_by_a_page_break_keeps_its_levels(tmp_path) -> None:
    overview = Overview("Nestorin (nestasvir)", "An overview of Nestorin and why it is "
                        "authorised in the EU", "EMA/111222/2020", "EMA/H/C/004999", NESTED)
    result = _import_pdf(write_overview_pdf(overview, tmp_path / "nestorin.pdf"))
    first = result.document.sections[0]
    assert first.blocks[1] == BulletList((
        "in patients whose liver is not scarred;",
        "in patients with compensated cirrhosis who:",
        "have not been treated before;",
        "have been treated with peginterferon alfa and ribavirin, and whose disease came "
        "back after 12 weeks or more;",
        "cannot take ribavirin;",
        "in patients waiting for a liver transplant."), (0, 0, 1, 1, 1, 0))
    assert first.blocks[2] == Paragraph("Nestorin contains the active substance nestasvir.")
    assert result.document.facts.product_number == "EMA/H/C/004999"
    assert [(d.place, d.reason) for d in result.dropped if d.text == "Nestorin (nestasvir)"] \
        == [("page 2", "a page number or running header/footer")]


def test_a_london_summary_pdf_with_name_and_substance_on_two_lines(tmp_path) -> None:
    blocks = [
        ("para", "This is a summary of the European public assessment report (EPAR) for "
                 "Clopidogrel Teva Pharma. It explains how the CHMP assessed the medicine."),
        ("heading", "What is Clopidogrel Teva Pharma?"),
        ("para", "Clopidogrel Teva Pharma is a medicine that contains the active substance "
                 "clopidogrel. It is available as tablets (75 mg)."),
        ("heading", "Other information about Clopidogrel Teva Pharma"),
        ("para", "The European Commission granted a marketing authorisation valid throughout "
                 "the European Union for Clopidogrel Teva Pharma on 28 July 2009."),
    ]
    overview = Overview("Clopidogrel Teva Pharma", "", "EMA/463745/2010", "EMEA/H/C/001053",
                        blocks, document_title="EPAR summary for the public",
                        name_lines=("Clopidogrel Teva Pharma1", "clopidogrel"), contact=LONDON,
                        copyright="© European Medicines Agency, 2010. Reproduction is "
                                  "authorised provided the source is acknowledged.")
    result = _import_pdf(write_overview_pdf(overview, tmp_path / "clopidogrel.pdf"))
    doc = result.document
    assert (doc.name, doc.active_substance) == ("Clopidogrel Teva Pharma", "clopidogrel")
    assert [s.heading for s in doc.sections] == [
        "EPAR summary for the public", "What is Clopidogrel Teva Pharma?",
        "Other information about Clopidogrel Teva Pharma"]
    texts = " ".join(p for s in doc.sections for p in s.paragraphs)
    assert "Churchill" not in texts and "+44" not in texts
    assert str(doc.facts.authorisation_date) == "2009-07-28"


def test_a_greek_pdf_alone_is_sent_to_translation_import(opzelura, tmp_path) -> None:
    from babel.messages.pofile import read_po

    with (REPO / "locales" / "el" / "LC_MESSAGES" / "doc-opzelura.po").open("rb") as fh:
        catalog = read_po(fh, locale="el")
    greek = {m.id: m.string for m in catalog if m.id}
    pdf = write_overview_pdf(overview_from_document(opzelura, lambda t: greek.get(t, t)),
                             tmp_path / "opzelura-el.pdf")
    with pytest.raises(OverviewImportError) as caught:
        _import_pdf(pdf)
    assert "Greek" in caught.value.message and "--translation-of" in caught.value.message


@pytest.mark.parametrize("data, needle", [
    (b"%PDF-1.4\n%garbage that is no PDF at all\n", "cannot be read as a PDF"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
     b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
     "no text layer"),
])
def test_a_broken_or_empty_pdf_is_one_sentence(tmp_path, capsys, data, needle) -> None:
    source = tmp_path / "overview.pdf"
    source.write_bytes(data)
    code = kiosk_main(["import", str(source), "--output", str(tmp_path / "content")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("kiosk import: ") and err.count("\n") == 1 and needle in err, err
    assert "Traceback" not in err


def test_the_pdf_reader_sees_fonts_sizes_and_positions(opzelura, tmp_path) -> None:
    pdf = write_overview_pdf(overview_from_document(opzelura), tmp_path / "o.pdf")
    lines = pdf_lines(pdf.read_bytes(), "o.pdf")
    headings = [line.text for line in lines if line.kind == "heading"]
    assert headings[:2] == ["Opzelura (ruxolitinib)", "What is Opzelura and what is it used for?"]
    paragraph_starts = [line.text[:20] for line in lines if line.gap_before and
                        line.kind == "text"]
    assert "Opzelura contains th" in paragraph_starts
    assert all(line.page in (1, 2) for line in lines)
    broken = dataclasses.replace(lines[0])
    assert broken.page == 1
