"""Plural forms: each catalog is read with its own ``Plural-Forms`` rule, as gettext does.

Why the catalog's header and not the installed Babel's rule: GNU gettext,
``msgfmt`` and the kiosk's compiler all pick ``msgstr[i]`` with the
expression in the catalog's header, so a catalog whose forms match its own
header shows the right words whatever Babel is installed.  CLDR's rules do
change between Babel releases (Babel 2.19 gave French, Spanish, Italian
and Portuguese a third "many" form, Hungarian and Turkish two forms, and
Latvian and Maltese new rules), and a minor release of a library must
never stop a clinic's catalogs from compiling.  Hence:

* an entry whose number of forms differs from its header's ``nplurals`` is
  an error (``msgfmt`` refuses such a file too);
* a header that differs from the installed CLDR rule is only a *warning*
  that names the command which migrates the catalog
  (:mod:`kiosk.languages.plural_migration`).
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from babel.messages.catalog import Catalog

from kiosk.languages.problems import Problem, entry_label, forms_of, messages_of

#: The numbers on which two rules are compared: every n up to 1,000 (CLDR's
#: rules look at n % 10, n % 100 and small ranges) plus large round numbers
#: (the "many" form of French, Spanish, Italian and Portuguese is n % 1,000,000 == 0).
SAMPLE_NUMBERS: tuple[int, ...] = (*range(0, 1001), 1_001, 10_000, 100_000, 1_000_000,
                                   2_000_000, 10_000_000, 1_000_000_000)
MIGRATE_COMMAND = "kiosk catalogs migrate-plurals"


@dataclass(frozen=True)
class PluralRule:
    """A gettext plural rule: ``nplurals`` forms, chosen by the C expression ``expr``."""

    count: int
    expr: str

    @property
    def header(self) -> str:
        """The rule as a ``Plural-Forms`` header value."""
        return f"nplurals={self.count}; plural={self.expr};"

    def function(self) -> Callable[[int], int]:
        """The rule as a Python function of n (gettext's own ``c2py``).

        Raises:
            ValueError: the expression is not a valid gettext plural expression.
        """
        try:
            return gettext.c2py(self.expr)
        except (ValueError, SyntaxError) as exc:
            raise ValueError(f"the plural expression {self.expr!r} cannot be read ({exc})") from None

    def agrees_with(self, other: "PluralRule") -> bool:
        """True when both rules pick the same form for every number of :data:`SAMPLE_NUMBERS`."""
        if self.count != other.count:
            return False
        if " ".join(self.expr.split()) == " ".join(other.expr.split()):
            return True
        mine, theirs = self.function(), other.function()
        return all(mine(n) == theirs(n) for n in SAMPLE_NUMBERS)


def cldr_rule(language: str) -> PluralRule:
    """The installed Babel's (CLDR's) rule for ``language``, as ``pybabel init`` writes it."""
    from babel.messages.plurals import get_plural

    rule = get_plural(language)
    return PluralRule(rule.num_plurals, rule.plural_expr)


_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"plural\s*=\s*(.+?);?\s*$", re.S)


def parse_plural_forms(value: str) -> PluralRule:
    """A ``Plural-Forms`` header value (``nplurals=2; plural=(n != 1);``) as a rule.

    Raises:
        ValueError: ``nplurals`` or ``plural`` is missing.
    """
    count = _NPLURALS.search(value)
    rest = value[count.end():] if count else value
    expr = _PLURAL.search(rest.lstrip("; \t"))
    if count is None or expr is None or not expr.group(1).strip():
        raise ValueError(f"Plural-Forms {value!r} needs nplurals=N and plural=EXPRESSION")
    return PluralRule(int(count.group(1)), expr.group(1).strip().rstrip(";").strip())


def header_rule(catalog: Catalog, path: Path | None = None) -> PluralRule | None:
    """The rule in the catalog's own ``Plural-Forms`` header; ``None`` when there is none.

    Args:
        path: the ``.po`` the catalog was read from.  Babel fills in the
            language's CLDR rule when a file has no ``Plural-Forms`` header, so
            only the file itself tells that the header is missing.

    Raises:
        ValueError: the header is there but cannot be read.
    """
    if path is not None:
        value = raw_header_field(path, "Plural-Forms")
        return parse_plural_forms(value) if value and value.strip() else None
    for name, value in catalog.mime_headers:
        if name.lower() == "plural-forms" and value.strip():
            return parse_plural_forms(value)
    return None


def raw_header_field(path: Path, name: str) -> str | None:
    """The value of header field ``name`` as written in the ``.po`` file (``None``: absent)."""
    from babel.messages.pofile import unescape

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r'^msgid ""\s*\nmsgstr ((?:"(?:[^"\\]|\\.)*"\s*\n?)+)', text, re.M)
    if match is None:
        return None
    header = "".join(unescape(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', match.group(1)))
    for line in header.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


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
    """The header is readable and every plural entry has exactly the header's number of forms.

    The installed CLDR rule is not consulted here (see :func:`plural_rule_drift`).

    Args:
        path: the ``.po`` the catalog was read from, to count the forms as
            written (Babel pads them on reading).

    Returns:
        ``plural-forms`` problems: a missing or unreadable header (only when the
        catalog has plural entries, as for msgfmt), or an entry with too few or
        too many forms, or plural forms on a text without a plural.
    """
    problems = []
    plural_entries = [m for m in messages_of(catalog) if not isinstance(m.id, str)]
    try:
        rule = header_rule(catalog, path)
    except ValueError as exc:
        rule = None
        problems.append(Problem(language, domain, "header", "plural-forms", str(exc)))
    else:
        if rule is None and plural_entries:
            problems.append(Problem(
                language, domain, "header", "plural-forms",
                f"no Plural-Forms header; for {language} it should be {cldr_rule(language).header}",
            ))
    raw_counts = raw_plural_form_counts(path) if path is not None else {}
    for message in messages_of(catalog):
        label = entry_label(message, domain)
        if isinstance(message.id, str):
            if isinstance(message.string, (list, tuple)):
                problems.append(Problem(language, domain, label, "plural-forms",
                                        "plural forms for a text that has no plural"))
            continue
        if rule is None:
            continue
        count = raw_counts.get(message.lineno, len(forms_of(message)))
        if count != rule.count:
            problems.append(Problem(
                language, domain, label, "plural-forms",
                f"{count} plural form{'s' if count != 1 else ''}; the catalog's Plural-Forms "
                f"header (nplurals={rule.count}) needs {rule.count}",
            ))
    return problems


def plural_rule_drift(catalog: Catalog, language: str) -> PluralRule | None:
    """The installed CLDR rule when the catalog's header differs from it, else ``None``.

    A difference is not an error: the catalog is compiled and read with its
    own rule.  ``kiosk check`` warns and names :data:`MIGRATE_COMMAND`.
    """
    try:
        own = header_rule(catalog)
    except ValueError:
        return None  # reported by check_plural_forms
    if own is None:
        return None
    wanted = cldr_rule(language)
    try:
        return None if own.agrees_with(wanted) else wanted
    except ValueError:
        return None


def drift_warning(languages: list[str]) -> str:
    """The one warning ``kiosk check`` gives for every catalog whose rule is not CLDR's."""
    import babel

    flags = " ".join(f"--language {code}" for code in languages)
    return (
        f"the Plural-Forms of {', '.join(languages)} differ from the CLDR rules of the "
        f"installed Babel {babel.__version__}; these catalogs still compile and show the right "
        f"forms with their own rule. To adopt CLDR's rule run `{MIGRATE_COMMAND} {flags}` "
        "and have a translator check the new forms."
    )
