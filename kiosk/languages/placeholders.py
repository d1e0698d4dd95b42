"""Placeholders: a translation keeps every ``{name}`` and ``%s`` of its English.

A wrong ``{name}`` makes ``str.format`` raise on screen; a wrong ``%s``
makes ``%`` raise.  A medicine's text is never formatted, so document
catalogs are not checked here ("10% of" is a percentage, not ``% o``).
The field syntax itself is :mod:`kiosk.languages.format_fields`.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog

from kiosk.languages.format_fields import brace_fields, percent_placeholders
from kiosk.languages.problems import (
    Problem,
    entry_label,
    forms_of,
    is_document_domain,
    messages_of,
)

_COMPATIBLE = [{"i", "d", "u"}, {"x", "X"}, {"f", "F", "g", "G"}, {"e", "E"}]


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
    for message in messages_of(catalog):
        if message.fuzzy:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = forms_of(message)
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


