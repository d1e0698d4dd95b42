"""Importing the EMA's public overviews of medicines (see :mod:`.overview`).

The public entry points are :func:`import_ema_overview` (text or Markdown),
:func:`import_lines` with :func:`kiosk.document.ema.pdf.pdf_lines` (the
agency's PDF) and, for the agency's own translations, :func:`parse_lines`
with ``english=False``.  Names resolve on first use, so that ``kiosk`` (whose
command line offers ``import``) does not load the importer at every start.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Dropped": "results", "ImportResult": "results", "ImportWarning": "results",
    "OverviewImportError": "results", "Recognised": "results",
    "import_ema_overview": "overview", "import_lines": "overview", "parse_lines": "overview",
    "text_lines": "overview", "inline_text": "inline", "slug_for": "inline",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
