"""The languages layer: which languages exist, the active one, and catalogs.

Plain Python (no Textual) so that the command line's ``kiosk check`` and
the narrator see exactly the strings the screen shows.
"""

from kiosk.languages.registry import (
    SOURCE_LANGUAGE,
    SUPPORTED_LANGUAGES,
    Language,
    language_info,
    negotiate_language,
)
from kiosk.languages.translator import (
    N_,
    _,
    active_language,
    available_ui_languages,
    configure_locales,
    interface_language,
    interface_translated,
    ngettext,
    preparing,
    set_language,
    shown_language,
)

__all__ = [
    "N_",
    "SOURCE_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "Language",
    "_",
    "active_language",
    "available_ui_languages",
    "configure_locales",
    "interface_language",
    "interface_translated",
    "language_info",
    "negotiate_language",
    "ngettext",
    "preparing",
    "set_language",
    "shown_language",
]
