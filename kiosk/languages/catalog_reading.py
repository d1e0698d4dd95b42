"""Reading a ``.po`` strictly: with Babel, and through GNU ``msgfmt --check``.

A catalog Babel cannot read is never overwritten or compiled; ``msgfmt
--check`` is the reference implementation of gettext and catches what Babel
lets through (broken ``{brace}`` and ``%`` placeholders in entries flagged
as format strings, header syntax, plural counts).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from kiosk.languages.po_scan import scan_po
from kiosk.languages.problems import Problem, entry_label, is_document_domain
from kiosk.languages.templates import read_catalog_bytes

MSGFMT_MISSING = (
    "msgfmt (GNU gettext) is not installed, so the msgfmt --check step could not run; "
    "install it with: apt-get install gettext"
)
_MSGFMT_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<text>.*)$")


class MsgfmtMissing(RuntimeError):
    """``msgfmt`` is not installed: the check could not run."""


def load_catalog(path: Path, language: str, domain: str) -> tuple[Catalog | None, list[Problem]]:
    """Read a ``.po`` strictly with Babel.

    Returns:
        ``(catalog, problems)``; the catalog is ``None`` when Babel cannot read
        the file (a ``parse`` problem says why and where).  A ``Language``
        header that disagrees with the folder is a ``header`` problem.
    """
    try:
        data = path.read_bytes()
        broken = scan_po(data).broken
        if broken:  # Babel would read these without complaint, and wrongly (po_scan)
            return None, [Problem(language, domain, f"line {entry.line}", "parse",
                                  f"{path.name}: entry {entry.msgid[:40]!r} is broken: "
                                  f"{entry.reason}") for entry in broken]
        catalog = read_catalog_bytes(data, language, domain, abort_invalid=True)
    except PoFileError as exc:
        return None, [Problem(language, domain, f"line {exc.lineno}", "parse",
                              f"Babel cannot read {path.name}: {exc}")]
    except UnicodeDecodeError as exc:
        return None, [Problem(language, domain, "", "parse",
                              f"{path.name} is not valid text in its charset ({exc.reason})")]
    except (ValueError, OSError, LookupError) as exc:
        return None, [Problem(language, domain, "", "parse", f"cannot read {path.name}: {exc}")]
    problems = []
    header_language = catalog.locale_identifier
    if header_language and header_language.replace("-", "_").split("_")[0] != language:
        problems.append(Problem(
            language, domain, "header", "header",
            f"the catalog says Language: {header_language}, but it is in the {language} folder",
        ))
    return catalog, problems


def msgfmt_command() -> str | None:
    """The GNU msgfmt program, or None when gettext is not installed."""
    return shutil.which("msgfmt")


def _entry_at_line(catalog: Catalog | None, lineno: int, domain: str) -> str:
    if catalog is None:
        return f"line {lineno}"
    best = None
    for message in catalog:
        if message.lineno is not None and message.lineno <= lineno:
            if best is None or message.lineno > best.lineno:
                best = message
    if best is None:
        return f"line {lineno}"
    return f"{entry_label(best, domain)} (line {lineno})"


def check_msgfmt(path: Path, language: str, domain: str,
                 catalog: Catalog | None = None) -> list[Problem]:
    """``msgfmt --check -o /dev/null``: syntax, header, plural and format checks of GNU gettext.

    Args:
        catalog: the same file read by Babel, to name entries by their text.

    Raises:
        MsgfmtMissing: msgfmt is not installed.
    """
    exe = msgfmt_command()
    if exe is None:
        raise MsgfmtMissing(MSGFMT_MISSING)
    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    proc = subprocess.run(
        [exe, "--check", "-o", os.devnull, str(path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    if proc.returncode == 0:
        return []
    problems = []
    for line in proc.stderr.splitlines():
        line = line.rstrip()
        if not line or "warning:" in line or re.search(r"msgfmt: found \d+ fatal error", line):
            continue
        m = _MSGFMT_LINE.match(line)
        if m and Path(m["file"]).name == path.name:
            entry = _entry_at_line(catalog, int(m["line"]), domain)
            text = m["text"]
        else:
            entry, text = "", line.strip()
        if is_document_domain(domain) and "format" in text:
            text += (" (a medicine's text is not a format string: the entry still carries "
                     "Babel's python-format guess; `kiosk catalogs update` replaces it with "
                     "no-python-format)")
        problems.append(Problem(language, domain, entry, "msgfmt", text))
    if not problems:
        problems.append(Problem(language, domain, "", "msgfmt",
                                f"msgfmt --check failed (exit {proc.returncode})"))
    return problems
