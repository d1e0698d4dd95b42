"""Safety checks of the translation catalogs: ``kiosk check``.

A medicine kiosk must never show a wrong number, a half-translated
sentence or a string that crashes the screen.  Every check below returns
:class:`Problem` objects that name the language, the catalog (gettext
domain), the entry (for a medicine's text the unit key from the catalog
comment, e.g. ``s4.p3``, and the start of the English text) and what is
wrong, so a translator can find and fix it without reading code.

The checks:

(a) ``parse``/``msgfmt``: Babel reads the catalog, and GNU ``msgfmt --check``
    accepts it (when msgfmt is not installed that step is reported as a
    warning: it could not run);
(b) ``placeholders``: ``%s``, ``%(name)s``, ``%d`` and ``{name}`` match the
    English (interface strings; a medicine's text is never formatted);
(c) ``plural-forms``: the Plural-Forms header is Babel's (CLDR) rule for the
    language and plural entries have exactly that many forms;
(d) ``untranslated``/``fuzzy``: every entry is translated and confirmed;
(e) ``up-to-date``: the catalog holds exactly the texts of the current
    sources (templates recomputed in memory, not read from the ``.pot``);
(f) ``numbers``: every number of the English is in the translation;
(g) ``voice``: eSpeak NG has a voice for the language;
(h) ``unsafe-text``/``markup``: no control characters or escape sequences,
    no markup the English does not have.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import string
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError

from kiosk.config import PROJECT_ROOT
from kiosk.document.sanitize import has_unsafe_characters
from kiosk.languages.catalog_files import catalog_paths
from kiosk.languages.number_parity import compare_numbers
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, language_info, negotiate_language
from kiosk.languages.templates import (
    Templates,
    all_templates,
    is_document_domain,
    read_catalog_bytes,
)
from kiosk.languages.translator import UI_DOMAIN

PROBLEM_KINDS = (
    "source", "parse", "msgfmt", "header", "placeholders", "plural-forms", "untranslated",
    "fuzzy", "up-to-date", "numbers", "voice", "unsafe-text", "markup",
)
MSGFMT_MISSING = (
    "msgfmt (GNU gettext) is not installed, so the msgfmt --check step could not run; "
    "install it with: apt-get install gettext"
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, phrased for the translator or the deployer who fixes it."""

    language: str
    domain: str  # "kiosk", "doc-opzelura", or "*" for every catalog
    entry: str  # 's4.p3 "The 2 studies…"', '"Go back one step"', "line 12", or ""
    check: str  # one of PROBLEM_KINDS
    message: str

    def __str__(self) -> str:
        where = f" {self.entry}" if self.entry else ""
        return f"{self.language} {self.domain}{where}: {self.check}: {self.message}"


@dataclass
class CatalogStats:
    """Counts of one catalog (or, when it is missing, of its template)."""

    language: str
    domain: str
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    missing: bool = False


@dataclass
class CheckReport:
    """Everything ``kiosk check`` found."""

    languages: list[str]
    domains: list[str]
    stats: dict[tuple[str, str], CatalogStats] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problems_for(self, language: str) -> list[Problem]:
        return [p for p in self.problems if p.language in (language, "*")]


# -- naming entries ---------------------------------------------------------

_UNIT_KEY = re.compile(r"^(\S+): ")


def msgid_text(message: Message) -> str:
    """The (singular) English text of an entry."""
    return message.id if isinstance(message.id, str) else message.id[0]


def excerpt(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def unit_keys(message: Message) -> list[str]:
    """The document places ("s4.p3") from the entry's extracted comments."""
    return [m.group(1) for c in message.auto_comments if (m := _UNIT_KEY.match(c))]


def entry_label(message: Message, domain: str) -> str:
    """How a problem names an entry: unit key(s) and the start of the English."""
    if not message.id:
        return "header"
    keys = unit_keys(message) if is_document_domain(domain) else []
    text = f'"{excerpt(msgid_text(message))}"'
    return f"{','.join(keys)} {text}" if keys else text


def _messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def _forms(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, (list, tuple)):
        return tuple(s or "" for s in message.string)
    return (message.string or "",)


def is_translated(message: Message) -> bool:
    forms = _forms(message)
    return bool(forms) and all(forms)


# -- (a) reading: Babel and msgfmt -------------------------------------------

def load_catalog(path: Path, language: str, domain: str) -> tuple[Catalog | None, list[Problem]]:
    """Read a ``.po`` strictly with Babel; a file Babel cannot read is a problem."""
    try:
        catalog = read_catalog_bytes(path.read_bytes(), language, domain, abort_invalid=True)
    except PoFileError as exc:
        return None, [Problem(language, domain, f"line {exc.lineno}", "parse",
                              f"Babel cannot read {path.name}: {exc}")]
    except UnicodeDecodeError as exc:
        return None, [Problem(language, domain, "", "parse",
                              f"{path.name} is not valid text in its charset ({exc.reason})")]
    except (ValueError, OSError) as exc:
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


class MsgfmtMissing(RuntimeError):
    """``msgfmt`` is not installed: the check could not run."""


_MSGFMT_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<text>.*)$")


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

    Raises :class:`MsgfmtMissing` when msgfmt is not installed.
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


# -- (b) placeholders ----------------------------------------------------------

_COMPATIBLE = [{"i", "d", "u"}, {"x", "X"}, {"f", "F", "g", "G"}, {"e", "E"}]


def percent_placeholders(text: str) -> list[tuple[str | None, str]]:
    """``%s``, ``%(name)s``, ``%d`` ... of ``text`` as (name, type); ``%%`` is not one."""
    found = []
    for m in PYTHON_FORMAT.finditer(text):
        name, _flags, kind = m.groups()
        if kind == "%" and name is None:
            continue
        found.append((name, kind))
    return found


def brace_fields(text: str) -> set[str]:
    """Names of ``{name}`` fields (``{}`` is ``""``); ValueError when braces are broken."""
    names = set()
    for _literal, field_name, spec, _conv in string.Formatter().parse(text):
        if field_name is not None:
            names.add(re.split(r"[.\[]", field_name, maxsplit=1)[0])
        if spec and "{" in spec:
            names |= brace_fields(spec)
    return names


def _same_kind(a: str, b: str) -> bool:
    return a == b or any(a in s and b in s for s in _COMPATIBLE)


def _compare_percent(msgid: str, msgstr: str) -> str | None:
    want, have = percent_placeholders(msgid), percent_placeholders(msgstr)
    if not want:
        return None
    show = lambda ps: ", ".join(f"%({n}){k}" if n else f"%{k}" for n, k in ps) or "none"
    if any(n for n, _ in want) or any(n for n, _ in have):
        w = {n: k for n, k in want}
        h = {n: k for n, k in have}
        if None in h or None in w or set(w) != set(h):
            return f"%-placeholders differ: English has {show(want)}, translation has {show(have)}"
        bad = [n for n in w if not _same_kind(w[n], h[n])]
        if bad:
            return f"%-placeholder {', '.join(bad)} changed type: English {show(want)}, translation {show(have)}"
        return None
    if len(want) != len(have) or not all(_same_kind(a[1], b[1]) for a, b in zip(want, have)):
        return f"%-placeholders differ: English has {show(want)}, translation has {show(have)}"
    return None


def _fields_or_error(text: str) -> tuple[set[str] | None, str | None]:
    try:
        return brace_fields(text), None
    except ValueError as exc:
        return None, f"broken {{…}} placeholder ({exc})"


def check_placeholders(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """(b) every translation keeps the placeholders of its English text.

    A wrong ``{name}`` makes ``str.format`` raise on screen; a wrong ``%s``
    makes ``%`` raise.  A medicine's text is never formatted, so document
    catalogs are not checked here ("10% of" is a percentage, not ``% o``).
    """
    if is_document_domain(domain):
        return []
    problems = []
    for message in _messages(catalog):
        if message.fuzzy:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = _forms(message)
        label = entry_label(message, domain)
        id_fields: set[str] = set()
        for text in ids:
            fields, _ = _fields_or_error(text)
            id_fields |= fields or set()
        brace_format = any("{" in t for t in ids) and bool(id_fields)
        plural = not isinstance(message.id, str)
        seen_fields: set[str] = set()
        for index, form in enumerate(forms):
            if not form:
                continue
            where = f" (form {index})" if plural else ""
            source = ids[0] if index == 0 or len(ids) == 1 else ids[1]
            issue = _compare_percent(source, form)
            if issue:
                problems.append(Problem(language, domain, label, "placeholders", issue + where))
            if brace_format:
                fields, error = _fields_or_error(form)
                if error:
                    problems.append(Problem(language, domain, label, "placeholders", error + where))
                    continue
                seen_fields |= fields
                unknown = sorted(fields - id_fields)
                if unknown:
                    problems.append(Problem(
                        language, domain, label, "placeholders",
                        "unknown placeholder " + ", ".join("{" + n + "}" for n in unknown)
                        + " (the English has " + ", ".join("{" + n + "}" for n in sorted(id_fields))
                        + ")" + where,
                    ))
                missing = sorted(id_fields - fields)
                if missing and not plural:
                    problems.append(Problem(
                        language, domain, label, "placeholders",
                        "placeholder " + ", ".join("{" + n + "}" for n in missing)
                        + " of the English is missing",
                    ))
        if plural and brace_format and all(forms):
            plural_fields, _ = _fields_or_error(ids[-1])
            missing = sorted((plural_fields or set()) - seen_fields)
            if missing:
                problems.append(Problem(
                    language, domain, label, "placeholders",
                    "no plural form uses " + ", ".join("{" + n + "}" for n in missing),
                ))
    return problems


# -- (c) plural forms ------------------------------------------------------------

def expected_plural_forms(language: str) -> tuple[int, str]:
    """Babel's (CLDR's) plural rule for ``language``: (nplurals, C expression)."""
    rule = get_plural(language)
    return rule.num_plurals, rule.plural_expr


def _plural_function(expr: str):
    return gettext.c2py(expr)


def plural_rules_agree(n1: int, expr1: str, n2: int, expr2: str, upto: int = 1000) -> bool:
    """True when two Plural-Forms rules pick the same form for every n up to ``upto``."""
    if n1 != n2:
        return False
    if " ".join(expr1.split()) == " ".join(expr2.split()):
        return True
    f1, f2 = _plural_function(expr1), _plural_function(expr2)
    return all(f1(n) == f2(n) for n in range(upto + 1))


def raw_plural_form_counts(path: Path) -> dict[int, int]:
    """msgid line number -> how many ``msgstr[N]`` the file really has.

    Babel pads a plural entry's forms to the header's count when it reads a
    file, which would hide a missing form; so the file is counted as written.
    """
    counts: dict[int, int] = {}
    current = None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return counts
    for number, line in enumerate(lines, start=1):
        if line.startswith("msgid "):
            current = number
        elif current is not None and (m := re.match(r"msgstr\[(\d+)\]", line)):
            counts[current] = max(counts.get(current, 0), int(m.group(1)) + 1)
    return counts


def check_plural_forms(catalog: Catalog, language: str, domain: str,
                       path: Path | None = None) -> list[Problem]:
    """(c) the Plural-Forms header is the language's rule; plural entries have every form.

    Give ``path`` (the ``.po`` the catalog was read from) to count the forms
    as written; Babel pads them on reading.
    """
    problems = []
    raw_counts = raw_plural_form_counts(path) if path is not None else {}
    expected_n, expected_expr = expected_plural_forms(language)
    expected_header = f"nplurals={expected_n}; plural={expected_expr};"
    file_n = getattr(catalog, "_num_plurals", None)
    file_expr = getattr(catalog, "_plural_expr", None)
    if file_n is None or file_expr is None:
        problems.append(Problem(language, domain, "header", "plural-forms",
                                f"no Plural-Forms header; it should be {expected_header}"))
    else:
        try:
            agree = plural_rules_agree(int(file_n), str(file_expr), expected_n, expected_expr)
        except (ValueError, SyntaxError) as exc:
            problems.append(Problem(language, domain, "header", "plural-forms",
                                    f"the Plural-Forms expression cannot be read ({exc})"))
        else:
            if not agree:
                problems.append(Problem(
                    language, domain, "header", "plural-forms",
                    f"Plural-Forms is nplurals={file_n}; plural={file_expr}; "
                    f"the rule for {language} is {expected_header}",
                ))
    for message in _messages(catalog):
        label = entry_label(message, domain)
        if isinstance(message.id, str):
            if isinstance(message.string, (list, tuple)):
                problems.append(Problem(language, domain, label, "plural-forms",
                                        "plural forms for a text that has no plural"))
            continue
        count = raw_counts.get(message.lineno, len(_forms(message)))
        if count != expected_n:
            problems.append(Problem(
                language, domain, label, "plural-forms",
                f"{count} plural form{'s' if count != 1 else ''}; {language} needs {expected_n}",
            ))
    return problems


# -- (d) completeness ----------------------------------------------------------------

def catalog_stats(catalog: Catalog, language: str, domain: str) -> CatalogStats:
    stats = CatalogStats(language, domain)
    for message in _messages(catalog):
        stats.entries += 1
        if message.fuzzy:
            stats.fuzzy += 1
        elif is_translated(message):
            stats.translated += 1
        else:
            stats.untranslated += 1
    return stats


def check_completeness(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """(d) no untranslated and no fuzzy (unconfirmed) entries, each named."""
    problems = []
    if catalog.fuzzy:
        problems.append(Problem(language, domain, "header", "fuzzy",
                                "the whole catalog is marked fuzzy (remove '#, fuzzy' "
                                "above the header when it is reviewed)"))
    for message in _messages(catalog):
        label = entry_label(message, domain)
        if message.fuzzy:
            why = ("the English text changed; check the translation against it and "
                   "remove the fuzzy mark" if message.previous_id else
                   "not confirmed by a translator; shown in English until the fuzzy mark is removed")
            problems.append(Problem(language, domain, label, "fuzzy", why))
        elif not is_translated(message):
            forms = _forms(message)
            what = ("not translated" if not any(forms) else
                    "plural form(s) " + ", ".join(str(i) for i, f in enumerate(forms) if not f)
                    + " not translated")
            problems.append(Problem(language, domain, label, "untranslated",
                                    what + "; shown in English"))
    return problems


# -- (e) up to date ------------------------------------------------------------

def _key(message: Message) -> tuple[str, str | None]:
    return msgid_text(message), message.context


def check_up_to_date(catalog: Catalog, template: Catalog, language: str,
                     domain: str) -> list[Problem]:
    """(e) the catalog holds exactly the texts of the current source."""
    problems = []
    have = {_key(m): m for m in _messages(catalog)}
    want = {_key(m): m for m in _messages(template)}
    hint = "run `kiosk catalogs update`"
    for key, message in want.items():
        if key not in have:
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"missing from the catalog: new or changed English text ({hint})",
            ))
    for key, message in have.items():
        if key not in want:
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"obsolete: this English text is no longer in the source ({hint})",
            ))
        elif isinstance(message.id, str) != isinstance(want[key].id, str):
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"the English text gained or lost its plural ({hint})",
            ))
    if is_document_domain(domain):
        stale = [m for m in _messages(catalog) if "no-python-format" not in m.flags]
        if stale:
            problems.append(Problem(
                language, domain, "", "up-to-date",
                f"{len(stale)} entries lack the template's no-python-format flag, so msgfmt and "
                f"pybabel compile may read '10% of' as a placeholder ({hint})",
            ))
    return problems


# -- (f) numbers ----------------------------------------------------------------

def check_numbers(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """(f) every number of the English appears in the translation; in medical
    text none is added either.

    Interface strings may gain a digit legitimately: a key is labelled
    "Pos1" on German keyboards, where English says "Home".
    """
    from kiosk.languages.templates import is_document_domain

    strict = is_document_domain(domain)
    problems = []
    for message in _messages(catalog):
        if message.fuzzy or not isinstance(message.id, str) or not message.string:
            continue
        mismatch = compare_numbers(message.id, message.string, language)
        if mismatch and not strict:
            mismatch = replace(mismatch, extra=())
        if mismatch:
            problems.append(Problem(language, domain, entry_label(message, domain), "numbers",
                                    mismatch.describe()))
    return problems


# -- (g) speech voice -------------------------------------------------------------

@dataclass(frozen=True)
class VoiceCheck:
    """Whether a language can be spoken, and how that was found out."""

    available: bool | None  # None: could not be determined
    detail: str


def _espeak_data_dir(library_path: str | None, data_path: str | None) -> Path:
    try:
        from kiosk.speech import locate_runtime  # the narrator's own lookup

        return locate_runtime(library_path, data_path).data_dir
    except ImportError:
        pass
    if data_path:
        base = Path(data_path).expanduser()
        return base if base.name == "espeak-ng-data" else base / "espeak-ng-data"
    import espeakng_loader

    return Path(espeakng_loader.get_data_path())


def espeak_voices(data_dir: Path) -> list[tuple[str, str, str, str]]:
    """The voices of an espeak-ng-data tree: (id, name, language, dictionary)."""
    voices = []
    lang_dir = data_dir / "lang"
    if not lang_dir.is_dir():
        return voices
    for path in sorted(p for p in lang_dir.rglob("*") if p.is_file()):
        name = language = dictionary = ""
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "name" and not name:
                name = " ".join(parts[1:])
            elif len(parts) >= 2 and parts[0] == "language" and not language:
                language = parts[1]
            elif len(parts) >= 2 and parts[0] == "dictionary" and not dictionary:
                dictionary = parts[1]
        if language:
            voice_id = path.relative_to(lang_dir).as_posix()
            voices.append((voice_id, name or voice_id, language,
                           dictionary or language.split("-")[0]))
    return voices


def voice_for_language(language: str, library_path: str | None = None,
                       data_path: str | None = None) -> VoiceCheck:
    """(g) find the eSpeak NG voice the narrator would use, without loading eSpeak.

    Uses :func:`kiosk.speech.match_voice` (the narrator's matching) on the
    voice files of the data tree it would load, and checks that the voice's
    pronunciation dictionary is there too.
    """
    try:
        data_dir = _espeak_data_dir(library_path, data_path)
    except Exception as exc:  # SpeechUnavailable, ImportError ...
        return VoiceCheck(None, f"eSpeak NG data not found: {getattr(exc, 'reason', exc)}")
    return voice_in_data_dir(language, data_dir)


def voice_in_data_dir(language: str, data_dir: Path) -> VoiceCheck:
    """The voice for ``language`` in one ``espeak-ng-data`` folder, and its dictionary."""
    voices = espeak_voices(data_dir)
    if not voices:
        return VoiceCheck(None, f"no voice files under {data_dir / 'lang'}")
    dictionaries = {v[0]: v[3] for v in voices}
    try:
        from kiosk.speech import VoiceInfo, match_voice

        found = match_voice([VoiceInfo(v[0], v[1], v[2]) for v in voices], language)
        voice_id = found.id if found else None
    except ImportError:
        tag = language.lower().replace("_", "-")
        base = {"no": "nb", "nn": "nb"}.get(tag.split("-")[0], tag.split("-")[0])
        same = [v for v in voices if v[2].lower().split("-")[0] == base]
        voice_id = min(same, key=lambda v: len(v[2]))[0] if same else None
    if voice_id is None:
        return VoiceCheck(False, f"eSpeak NG has no voice for {language} in {data_dir}")
    dictionary = dictionaries.get(voice_id, language)
    if not (data_dir / f"{dictionary}_dict").is_file():
        return VoiceCheck(False, f"voice {voice_id} needs {dictionary}_dict, which is missing "
                                 f"from {data_dir}")
    return VoiceCheck(True, f"voice {voice_id}")


def check_voice(language: str, library_path: str | None = None,
                data_path: str | None = None) -> tuple[list[Problem], list[str]]:
    """(g) problems (no voice) and warnings (could not tell) for one language."""
    result = voice_for_language(language, library_path, data_path)
    if result.available is False:
        return [Problem(language, "*", "", "voice", result.detail)], []
    if result.available is None:
        return [], [f"{language}: the speech voice could not be checked: {result.detail}"]
    return [], []


# -- (h) text safety ----------------------------------------------------------------

_MARKUP = re.compile(r"\[[^\[\]\n]*\]|<[A-Za-z/!][^<>\n]*>")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _unsafe_characters(text: str) -> list[str]:
    found = []
    for ch in text:
        if ch == "\n":
            continue
        if unicodedata.category(ch) == "Cc" or ch in _BIDI:
            name = unicodedata.name(ch, "") or f"U+{ord(ch):04X}"
            label = f"U+{ord(ch):04X}" + (f" {name}" if name and not name.startswith("U+") else "")
            if label not in found:
                found.append(label)
    return found


def check_text_safety(catalog: Catalog, language: str, domain: str,
                      *, markup: bool = True) -> list[Problem]:
    """(h) no control characters / escape sequences, no markup the English lacks."""
    problems = []
    for message in _messages(catalog):
        label = entry_label(message, domain)
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        id_markup = Counter(t for text in ids for t in _MARKUP.findall(text))
        for index, form in enumerate(_forms(message)):
            if not form:
                continue
            where = f" (form {index})" if len(_forms(message)) > 1 else ""
            if has_unsafe_characters(form):
                chars = _unsafe_characters(form) or ["a control sequence"]
                problems.append(Problem(
                    language, domain, label, "unsafe-text",
                    "control character(s) " + ", ".join(chars[:4]) + " in the translation" + where,
                ))
            if markup:
                extra = Counter(_MARKUP.findall(form)) - id_markup
                if extra:
                    problems.append(Problem(
                        language, domain, label, "markup",
                        "markup the English does not have: " + ", ".join(sorted(extra)) + where,
                    ))
    return problems


# -- everything ---------------------------------------------------------------------

def catalog_domains(locales_dir: Path, templates: Templates) -> list[str]:
    """The interface domain first, then every document domain (from sources or files)."""
    domains = set(templates.catalogs)
    if locales_dir.is_dir():
        domains |= {p.stem for p in locales_dir.glob("*/LC_MESSAGES/*.po")}
    rest = sorted(d for d in domains if d != UI_DOMAIN)
    return ([UI_DOMAIN] if UI_DOMAIN in domains or not rest else []) + rest


def check_catalog(path: Path, language: str, domain: str, template: Catalog | None,
                  *, use_msgfmt: bool = True) -> tuple[Catalog | None, list[Problem]]:
    """Every catalog check on one ``.po`` file (MsgfmtMissing propagates)."""
    catalog, problems = load_catalog(path, language, domain)
    if use_msgfmt:
        problems += check_msgfmt(path, language, domain, catalog)
    if catalog is None:
        return None, problems
    problems += check_placeholders(catalog, language, domain)
    problems += check_plural_forms(catalog, language, domain, path)
    problems += check_completeness(catalog, language, domain)
    if template is not None:
        problems += check_up_to_date(catalog, template, language, domain)
    else:
        problems.append(Problem(language, domain, "", "up-to-date",
                                f"no source for {domain}: neither the interface nor a medicine "
                                "in the content folder; remove the catalog or restore its source"))
    problems += check_numbers(catalog, language, domain)
    problems += check_text_safety(catalog, language, domain)
    return catalog, problems


def run_checks(
    locales_dir: Path,
    content_dir: Path,
    languages: Iterable[str] | None = None,
    *,
    templates: Templates | None = None,
    project_root: Path = PROJECT_ROOT,
    speech_library_path: str | None = None,
    speech_data_path: str | None = None,
    use_msgfmt: bool | None = None,
    check_voices: bool = True,
) -> CheckReport:
    """Run every check on ``locales_dir`` for ``languages`` (default: all 28)."""
    locales_dir, content_dir = Path(locales_dir), Path(content_dir)
    langs = list(languages) if languages else list(SUPPORTED_LANGUAGES)
    if templates is None:
        templates = all_templates(content_dir, project_root)
    domains = catalog_domains(locales_dir, templates)
    report = CheckReport(langs, domains)
    for error in templates.errors:
        report.problems.append(Problem("*", "*", "", "source", error))
    if use_msgfmt is None:
        use_msgfmt = msgfmt_command() is not None
        if not use_msgfmt:
            report.warnings.append(MSGFMT_MISSING)
    if locales_dir.is_dir():
        for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
            if folder.name not in SUPPORTED_LANGUAGES:
                report.warnings.append(
                    f"{folder} is not one of the kiosk's languages and was not checked")
    for language in langs:
        if check_voices:
            problems, warnings = check_voice(language, speech_library_path, speech_data_path)
            report.problems += problems
            report.warnings += warnings
        if language == SOURCE_LANGUAGE:
            continue
        for domain in domains:
            template = templates.catalogs.get(domain)
            po, _mo = catalog_paths(locales_dir, language, domain)
            if not po.is_file():
                count = len(_messages(template)) if template is not None else 0
                report.stats[(language, domain)] = CatalogStats(
                    language, domain, count, 0, 0, count, missing=True)
                report.problems.append(Problem(
                    language, domain, "", "up-to-date",
                    f"the catalog {language}/LC_MESSAGES/{domain}.po is missing "
                    f"({count} texts to translate; `kiosk catalogs update` creates it)",
                ))
                continue
            catalog, problems = check_catalog(po, language, domain, template,
                                              use_msgfmt=use_msgfmt)
            report.problems += problems
            if catalog is not None:
                report.stats[(language, domain)] = catalog_stats(catalog, language, domain)
            else:
                report.stats[(language, domain)] = CatalogStats(language, domain)
    return report


# -- the command -----------------------------------------------------------------------

def format_report(report: CheckReport) -> str:
    """The per-language table, then one line per problem, then warnings."""
    header = ("language", "domain(s)", "entries", "translated", "fuzzy", "untranslated", "problems")
    rows = []
    for language in report.languages:
        info = language_info(language)
        name = f"{language} {info.english_name}"
        problems = len([p for p in report.problems if p.language == language])
        if language == SOURCE_LANGUAGE:
            rows.append((name, "(source)", "-", "-", "-", "-", str(problems)))
            continue
        stats = [s for (lang, _d), s in report.stats.items() if lang == language]
        domains = ", ".join(
            s.domain + (" (missing)" if s.missing else "") for s in stats
        ) or "-"
        rows.append((
            name, domains,
            str(sum(s.entries for s in stats)), str(sum(s.translated for s in stats)),
            str(sum(s.fuzzy for s in stats)), str(sum(s.untranslated for s in stats)),
            str(problems),
        ))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6}

    def line(cells):
        return " | ".join(
            c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append("")
    if report.problems:
        out.append(f"{len(report.problems)} problem(s):")
        out += [f"  {p}" for p in report.problems]
    else:
        out.append("No problems: every checked catalog is complete, up to date and safe.")
    for warning in report.warnings:
        out.append(f"WARNING: {warning}")
    return "\n".join(out)


def resolve_languages(tags: list[str] | None) -> tuple[list[str] | None, list[str]]:
    """``--language`` values to catalog codes; returns (codes or None, unknown tags)."""
    if not tags:
        return None, []
    codes, unknown = [], []
    for tag in tags:
        code = negotiate_language(tag, SUPPORTED_LANGUAGES)
        if code is None:
            unknown.append(tag)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def run_check_command(config, languages: list[str] | None = None) -> int:
    """``kiosk check``: print the table and every problem; 1 on any problem, 2 on bad input."""
    codes, unknown = resolve_languages(languages)
    if unknown:
        print("kiosk check: not a kiosk language: " + ", ".join(unknown)
              + " (the languages are " + " ".join(SUPPORTED_LANGUAGES) + ")", file=sys.stderr)
        return 2
    speech = getattr(config, "speech", None)
    report = run_checks(
        Path(config.locales_dir), Path(config.content_dir), codes,
        speech_library_path=getattr(speech, "library_path", None),
        speech_data_path=getattr(speech, "data_path", None),
    )
    print(format_report(report))
    # -- issue 10 hook: who translated each medicine's text (official, reviewed, unreviewed)
    from kiosk.languages.medical_text import content_slugs, provenance_report

    print("\n".join(["", *provenance_report(Path(config.locales_dir), codes or
                                             list(SUPPORTED_LANGUAGES),
                                             content_slugs(Path(config.content_dir)))]))
    # -- end of issue 10 hook
    return 0 if report.ok else 1
