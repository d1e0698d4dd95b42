"""Finding and loading compiled catalogs, never a stale one.

The set-up compiles every ``.po`` to a ``.mo`` beside it (``kiosk
compile``).  If a translator edits a ``.po`` afterwards and nobody
recompiles, the ``.mo`` would be stale; rather than show yesterday's
translation we compile that one catalog in memory from the ``.po`` and log
it.  Fuzzy entries are never compiled, so a changed English paragraph is
shown in English (marked) until a translator confirms it.
"""

from __future__ import annotations

import gettext
import io
import logging
from pathlib import Path

log = logging.getLogger("kiosk.languages")


def catalog_paths(locales_dir: Path, code: str, domain: str) -> tuple[Path, Path]:
    """The ``.po`` and ``.mo`` paths of ``domain`` in language ``code``."""
    folder = locales_dir / code / "LC_MESSAGES"
    return folder / f"{domain}.po", folder / f"{domain}.mo"


def load_translations(locales_dir: Path, code: str, domain: str) -> gettext.NullTranslations:
    """Load one catalog, as safely as it can be had.

    The ``.mo`` when it is newer than the ``.po``; otherwise, or when the
    ``.mo`` cannot be read (wrong permissions, a broken file), the ``.po``
    compiled in memory.  When neither can be read the result is an empty
    catalog: the source text is shown, marked as English by the screens
    (see :func:`is_loaded`).  Every fallback is logged with the file and why.
    """
    po, mo = catalog_paths(locales_dir, code, domain)
    if mo.is_file() and (not po.is_file() or _newer_or_same(mo, po)):
        try:
            with mo.open("rb") as fh:
                return gettext.GNUTranslations(fh)
        except Exception as exc:  # a broken or unreadable catalog must not stop the kiosk
            log.error("cannot read %s (%s): %s", mo, _reason(exc),
                      "using the .po instead" if po.is_file() else "showing English")
    if po.is_file():
        try:
            translations = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
        except Exception as exc:
            log.error("cannot read %s (%s): showing English, marked", po, _reason(exc))
        else:
            log.warning("compiled %s in memory: its .mo is missing, older or unreadable", po)
            return translations
    return gettext.NullTranslations()


def is_loaded(translations: gettext.NullTranslations) -> bool:
    """True when ``translations`` is a real catalog, not the empty stand-in for a missing one."""
    return isinstance(translations, gettext.GNUTranslations)


def _newer_or_same(mo: Path, po: Path) -> bool:
    try:
        return mo.stat().st_mtime >= po.stat().st_mtime
    except OSError:
        return False


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def compile_po(po: Path) -> bytes:
    """Compile a ``.po`` file to ``.mo`` bytes, leaving fuzzy entries out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=po.parent.parent.name, domain=po.stem)
    _drop_unsafe_entries(catalog, po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _drop_unsafe_entries(catalog, po: Path) -> None:
    """Blank entries that would break the screen, so their English shows instead.

    ``kiosk catalogs compile`` refuses a catalog with broken placeholders,
    but a catalog compiled here, at run time, has not been through that
    gate: a translation whose ``{name}`` fields differ from the English
    would make ``str.format`` fail mid-paint, and control characters must
    never reach the terminal.  Each dropped entry is logged for staff.
    """
    from kiosk.document.sanitize import has_unsafe_characters
    from kiosk.languages.format_fields import brace_fields

    def fields(text: str) -> set[str] | None:
        try:
            return brace_fields(text)
        except ValueError:
            return None

    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strs = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        wanted = set().union(*(fields(i) or set() for i in ids))
        broken = any(has_unsafe_characters(s) for s in strs if s)
        if "no-python-format" not in message.flags and "python-brace-format" in message.flags:
            broken = broken or any(s and (fields(s) is None or not fields(s) <= wanted) for s in strs)
        if broken:
            log.error("%s: entry %r dropped at run time (placeholders or control characters)",
                      po, ids[0][:60])
            message.string = tuple("" for _ in strs) if len(strs) > 1 else ""


def has_message(translations: gettext.NullTranslations, msgid: str) -> bool:
    """True when the catalog really holds a translation of ``msgid``.

    ``gettext()`` returns the msgid both for "untranslated" and for a
    translation identical to the source, so the kiosk asks the catalog
    itself in order to mark English fallbacks reliably.
    """
    catalog = getattr(translations, "_catalog", None)
    return bool(catalog) and msgid in catalog and bool(catalog[msgid])
