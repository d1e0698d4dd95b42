"""Placeholder syntax: the ``%s`` / ``%(name)s`` and ``{name}`` fields of a string.

Pure functions on strings, with no other kiosk import, because both the
catalog checks and the run-time catalog loader need them (and the loader
must not pull in the checks).
"""

from __future__ import annotations

import re
import string


def percent_placeholders(text: str) -> list[tuple[str | None, str]]:
    """``%s``, ``%(name)s``, ``%d`` ... of ``text`` as (name, type); ``%%`` is not one."""
    from babel.messages.catalog import PYTHON_FORMAT  # slow to import: only for tools

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
