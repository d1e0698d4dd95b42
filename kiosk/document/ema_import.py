"""Turn the text of an EMA "medicine overview" into a kiosk document.

Kept as the stable import path for other layers and tests; the importer
itself lives in :mod:`kiosk.document.ema` (one module per step) and the
``kiosk import`` command in :mod:`kiosk.commands.import_medicine`.
"""

from kiosk.document.ema import (
    Dropped,
    ImportResult,
    ImportWarning,
    OverviewImportError,
    Recognised,
    import_ema_overview,
    inline_text,
    slug_for,
)

__all__ = [
    "Dropped",
    "ImportResult",
    "ImportWarning",
    "OverviewImportError",
    "Recognised",
    "import_ema_overview",
    "inline_text",
    "slug_for",
]
