"""``kiosk import FILE``: an EMA overview into the kiosk, or the EMA's translation of one.

* ``kiosk import FILE`` reads the overview (the EMA's PDF, text copied out
  of it or off the web page, or a Markdown conversion), writes
  ``<content>/<medicine>/overview.md``, reads it back to check it, and
  prints a report for staff.  ``--stdout`` prints the content file instead
  of writing it (the report then goes to stderr), to preview an import.
* ``kiosk import FILE --translation-of SLUG [--language xx]`` reads the
  agency's own translation of an overview already in the kiosk, aligns it
  unit by unit with the English, checks that the numbers agree, and
  writes it into that language's document catalog marked as the official
  EMA translation (``--stdout`` prints the catalog instead).

Exit codes: 0 imported (warnings, if any, are in the report); 1 nothing
was imported: one sentence on stderr says what is wrong, where, and what
to pass; 2 the command line itself is wrong (argparse's usage error).

This module sits above both layers (the document importer and the
languages' catalogs), as ``kiosk.cli`` does, so neither layer imports the
other's tools.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path
from typing import TextIO

from kiosk.document.ema.results import ImportResult, OverviewImportError
from kiosk.document.model import Document
from kiosk.document.source_format import FILE_NAME, DocumentFormatError, dump_document, \
    load_document, parse_document

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "add_import_arguments", "run_import_command"]

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
PDF_MAGIC = b"%PDF-"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Refused(Exception):
    """One sentence for stderr; the import stops with exit 1."""


def add_import_arguments(parser) -> None:
    """The options of ``kiosk import`` (used by :mod:`kiosk.cli`)."""
    parser.add_argument("file", help="the EMA overview: its PDF, or text copied from the PDF "
                                     "or the EMA web page, or Markdown")
    parser.add_argument("--name", help="the medicine's name, when the overview's title block "
                                       "does not give it clearly")
    parser.add_argument("--substance", help="the active substance, when the title block does "
                                            "not give it clearly")
    parser.add_argument("--slug", help="folder name under content/ (default: from the name)")
    parser.add_argument("--output", help="content folder to write into (default: from the "
                                         "config)")
    parser.add_argument("--force", action="store_true", help="replace an existing medicine")
    parser.add_argument("--stdout", action="store_true",
                        help="print the result instead of writing it (the report goes to "
                             "stderr)")
    parser.add_argument("--translation-of", dest="translation_of", metavar="MEDICINE",
                        help="FILE is the EMA's own translation of this medicine's overview "
                             "(its folder name, e.g. opzelura): write it into the language's "
                             "catalog as the official EMA translation")
    parser.add_argument("--language", help="the translation's language (default: detected), "
                                           "e.g. el")
    parser.add_argument("--locales", help="catalog folder to write into (default: from the "
                                          "config)")


def run_import_command(file: Path, content_dir: Path, slug: str | None = None,
                       force: bool = False, to_stdout: bool = False, *,
                       name: str | None = None, substance: str | None = None,
                       translation_of: str | None = None, language: str | None = None,
                       locales_dir: Path | None = None) -> int:
    """Run ``kiosk import``; returns the exit code (see the module docstring)."""
    file = Path(file)
    try:
        if translation_of:
            from kiosk.languages.official_translation import (
                TranslationRefused,
                import_official_translation,
            )

            if locales_dir is None:
                raise _Refused("no catalog folder: give --locales or set [kiosk] locales_dir")
            lines = overview_lines(file, _read(file))
            try:
                written, report = import_official_translation(
                    file.name, lines, Path(content_dir), Path(locales_dir), translation_of,
                    language=language, write=not to_stdout)
            except TranslationRefused as exc:
                raise _Refused(f"{file}: {exc}") from None
            if to_stdout:
                _write_bytes(sys.stdout, written)
            _write(sys.stderr if to_stdout else sys.stdout, report)
            return EXIT_OK
        return _import_overview(file, Path(content_dir), slug, force, to_stdout, name, substance)
    except _Refused as exc:
        return _fail(str(exc))
    except OverviewImportError as exc:
        where = f"{file}, {exc.place}" if exc.place else str(file)
        return _fail(f"{where}: {exc.message}")
    except Exception as exc:  # a bug must still give one sentence, not a traceback
        return _fail(f"{file}: the importer failed unexpectedly ({type(exc).__name__}: {exc}); "
                     "nothing was written; please report this with the file")


def _fail(message: str) -> int:
    _write(sys.stderr, f"kiosk import: {message}\n")
    return EXIT_REFUSED


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise _Refused(f"{file}: the file does not exist") from None
    except IsADirectoryError:
        raise _Refused(f"{file}: is a folder, not a file") from None
    except PermissionError:
        raise _Refused(f"{file}: permission denied") from None
    except OSError as exc:
        raise _Refused(f"{file}: cannot be read ({exc.strerror or exc})") from None


def overview_lines(file: Path, data: bytes) -> list:
    """The classified lines of ``file``: a PDF by its signature, else UTF-8 text."""
    if data.startswith(PDF_MAGIC):
        from kiosk.document.ema.pdf import pdf_lines

        return pdf_lines(data, file.name)
    from kiosk.document.ema.overview import text_lines

    return text_lines(decode_text(file, data), file.name)


def read_overview(file: Path, data: bytes, *, name: str | None = None,
                  substance: str | None = None) -> ImportResult:
    """Import the bytes of ``file`` (PDF or text) into a document."""
    from kiosk.document.ema.overview import import_lines

    return import_lines(overview_lines(file, data), file.name, name=name, substance=substance)


def decode_text(file: Path, data: bytes) -> str:
    """The text of a UTF-8 file; any other encoding is refused with the line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Refused(f"{file}, line {line}: the file is not UTF-8 text (byte {exc.start}); "
                       "save it as UTF-8 (or give the EMA's PDF itself) and try again") from None


def _import_overview(file: Path, content_dir: Path, slug: str | None, force: bool,
                     to_stdout: bool, name: str | None, substance: str | None) -> int:
    from kiosk.document.ema.report import import_report

    if slug is not None and not _SLUG.fullmatch(slug):
        raise _Refused(f"--slug {slug!r}: use lowercase letters, digits and hyphens, "
                       "e.g. 'opzelura'")
    for option, value in (("--name", name), ("--substance", substance)):
        if value is not None and not value.strip():
            raise _Refused(f"{option} is empty: give the text as the EMA writes it")
    result = read_overview(file, _read(file), name=name, substance=substance)
    document = result.document
    if slug is not None:
        document = dataclasses.replace(document, slug=slug)
        result = dataclasses.replace(result, document=document)
    dumped = dump_document(document)
    if to_stdout:
        _check_reads_back(parse_document, dumped, document, "nothing printed")
        _write_bytes(sys.stdout, dumped.encode("utf-8"))
        _write(sys.stderr, import_report(file, None, result))
        return EXIT_OK
    target_dir = content_dir / document.slug
    target = target_dir / FILE_NAME
    if target.exists() and not force:
        raise _Refused(f"{target} already exists; use --force to replace it")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _Refused(f"cannot create {target_dir} ({exc.strerror or exc})") from None
    temporary = target_dir / f".{FILE_NAME}.importing"
    try:
        temporary.write_bytes(dumped.encode("utf-8"))
        _check_reads_back(lambda _text, slug, origin: load_document(temporary, slug=slug),
                          dumped, document, f"{target} was not written")
        os.replace(temporary, target)
    except OSError as exc:
        raise _Refused(f"cannot write {target} ({exc.strerror or exc})") from None
    finally:
        if temporary.exists():
            temporary.unlink()
    _write(sys.stdout, import_report(file, target, result))
    return EXIT_OK


def _check_reads_back(reader, dumped: str, document: Document, consequence: str) -> None:
    try:
        reread = reader(dumped, slug=document.slug, origin="<output>")
    except DocumentFormatError as exc:
        raise _Refused(f"the result does not read back ({exc}); {consequence}") from None
    problem = difference(document, reread)
    if problem:
        raise _Refused(f"the result does not read back identically ({problem}); {consequence}")


def difference(expected: Document, actual: Document) -> str:
    """The first place where two documents differ, or '' when they are equal."""
    if expected == actual:
        return ""
    for field in ("slug", "name", "active_substance", "subtitle", "facts"):
        if getattr(expected, field) != getattr(actual, field):
            return f"{field} {getattr(expected, field)!r} reads back as " \
                   f"{getattr(actual, field)!r}"
    if len(expected.sections) != len(actual.sections):
        return f"{len(expected.sections)} sections read back as {len(actual.sections)}"
    for number, (a, b) in enumerate(zip(expected.sections, actual.sections), start=1):
        if a != b:
            return f"section {number} ({a.heading!r}) reads back differently"
    return "the documents differ"


def _write(stream: TextIO, text: str) -> None:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def _write_bytes(stream: TextIO, data: bytes) -> None:
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a stream without bytes underneath (e.g. a StringIO in tests)
        stream.write(data.decode("utf-8"))
        stream.flush()
