"""The active interface language and the ``_()`` every screen calls.

Why module state rather than an object passed around: the kiosk serves one
visitor at a time, and every string, in every layer, must follow a language
switch at once.  Call ``_()`` when painting, never at import time (use
``N_()`` to mark module-level constants), so that switching language and
repainting is all it takes.  Catalogs are loaded lazily, the first time a
language is chosen, so 28 installed languages cost nothing at start-up.
"""

from __future__ import annotations

import gettext
import logging
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from kiosk.languages.catalog_files import has_message, is_loaded, load_translations
from kiosk.languages.domains import UI_DOMAIN
from kiosk.languages.registry import SOURCE_LANGUAGE
log = logging.getLogger("kiosk.languages")

_lock = threading.Lock()
_locales_dir: Path | None = None
_cache: dict[tuple[str, str], gettext.NullTranslations] = {}
_active_code = SOURCE_LANGUAGE
_active: gettext.NullTranslations = gettext.NullTranslations()
#: A language prepared ahead (:func:`preparing`): this context only, never another thread's.
_preparing: ContextVar[tuple[str, gettext.NullTranslations] | None] = \
    ContextVar("kiosk_preparing_language", default=None)


def configure_locales(locales_dir: Path | str) -> None:
    """Point the translator at a ``locales/`` folder and drop loaded catalogs."""
    global _locales_dir
    with _lock:
        _locales_dir = Path(locales_dir)
        _cache.clear()
    set_language(_active_code)


def locales_dir() -> Path | None:
    """The configured ``locales/`` folder (``None`` before :func:`configure_locales`)."""
    return _locales_dir


def translations_for(code: str, domain: str = UI_DOMAIN) -> gettext.NullTranslations:
    """The catalog of ``domain`` in language ``code``, loaded once and cached."""
    if code == SOURCE_LANGUAGE or _locales_dir is None:
        return gettext.NullTranslations()
    key = (code, domain)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = load_translations(_locales_dir, code, domain)
        with _lock:
            _cache[key] = found
    return found


def set_language(code: str) -> None:
    """Make ``code`` the language of every string from now on."""
    global _active_code, _active
    _active = translations_for(code)
    _active_code = code


@contextmanager
def preparing(code: str) -> Iterator[None]:
    """Within the block, ``_()``, :func:`ngettext` and :func:`active_language` give
    ``code``'s strings, for this context only.

    Why: a screen lays out its texts in the language a visitor has highlighted,
    before they choose it, so the switch only shows what is ready (Textual's
    own idle time pays for the layout, not the visitor's key).  The language
    of every other thread (the narrator's) and of the visit is unchanged: the
    override is a ``ContextVar``, set and reset inside one synchronous block.
    """
    token = _preparing.set((code, translations_for(code)))
    try:
        yield
    finally:
        _preparing.reset(token)


def interface_translated(code: str) -> bool:
    """False when ``code``'s interface catalog could not be loaded (English is shown instead).

    The screens then mark the language as shown in English, so a visitor who
    chose Deutsch is never left to wonder why the screen is in English.
    """
    return code == SOURCE_LANGUAGE or _locales_dir is None or is_loaded(translations_for(code))


def shown_language(msgid: str, context: str | None = None) -> str:
    """The language ``_(msgid)`` (or ``ngettext`` with this singular) is shown in right now:
    the active language when its catalog holds a translation, else English.

    Whatever is written into that string (a list joined with "and", a date, a
    number) must be written in this language, so a sentence shown in English
    because its translation is missing, broken or dropped never carries
    another language's words ("A, B και C").
    """
    code, active = _current()
    if code == SOURCE_LANGUAGE or has_message(active, msgid, context):
        return code
    return SOURCE_LANGUAGE


def interface_language() -> str:
    """The language the interface is shown in as a whole: the active one, or English
    when its interface catalog could not be loaded (:func:`interface_translated`).

    What the narrator speaks interface text in, so an English screen is not
    read by another language's voice with that language's spoken forms.
    """
    code = active_language()
    return code if interface_translated(code) else SOURCE_LANGUAGE


def _current() -> tuple[str, gettext.NullTranslations]:
    """(code, catalog) of the language strings are given in: the one being prepared
    in this context, else the visitor's."""
    prepared = _preparing.get()
    return (_active_code, _active) if prepared is None else prepared


def active_language() -> str:
    """The code of the language the visitor sees now (or the one being prepared)."""
    return _current()[0]


def _(message: str) -> str:
    """Translate an interface string into the active language."""
    return _current()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string whose form depends on ``n`` (plural rules per language)."""
    return _current()[1].ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def available_ui_languages() -> list[str]:
    """Languages with an interface catalog in ``locales/``, plus English."""
    found = {SOURCE_LANGUAGE}
    if _locales_dir is not None and _locales_dir.is_dir():
        for po in _locales_dir.glob(f"*/LC_MESSAGES/{UI_DOMAIN}.po"):
            found.add(po.parent.parent.name)
    return sorted(found)
