"""Importing the EMA's public overviews of medicines (see :mod:`.overview`).

The public entry points are :func:`import_ema_overview` (text or Markdown),
:func:`import_pdf_overview` (the agency's PDF) and, for the agency's own
translations, :func:`parse_lines` with ``english=False``.
"""

from kiosk.document.ema.inline import inline_text, slug_for
from kiosk.document.ema.overview import import_ema_overview, import_lines, parse_lines, text_lines
from kiosk.document.ema.results import (
    Dropped,
    ImportResult,
    ImportWarning,
    OverviewImportError,
    Recognised,
)

__all__ = [
    "Dropped",
    "ImportResult",
    "ImportWarning",
    "OverviewImportError",
    "Recognised",
    "import_ema_overview",
    "import_lines",
    "inline_text",
    "parse_lines",
    "slug_for",
    "text_lines",
]
