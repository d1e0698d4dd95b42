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
    Either way the entries pass :func:`drop_unsafe_entries`.
    """
    po, mo = catalog_paths(locales_dir, code, domain)
    if mo.is_file() and (not po.is_file() or _newer_or_same(mo, po)):
        try:
            with mo.open("rb") as fh:
                translations = gettext.GNUTranslations(fh)
            drop_unsafe_entries(translations, mo, domain)
            return translations
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
            drop_unsafe_entries(translations, po, domain)
            return translations
    return gettext.NullTranslations()


def is_loaded(translations: gettext.NullTranslations) -> bool:
    """True when ``translations`` is a real catalog with at least one translation.

    False for the empty stand-in for a missing or unreadable catalog, and for
    a catalog left with nothing but its header (every entry broken, unsafe or
    untranslated): either way the screens show English and mark the language.
    """
    catalog = getattr(translations, "_catalog", None)  # see drop_unsafe_entries
    return isinstance(translations, gettext.GNUTranslations) and any(
        key not in ("", ("", 0)) and value for key, value in (catalog or {}).items())


def _newer_or_same(mo: Path, po: Path) -> bool:
    try:
        return mo.stat().st_mtime >= po.stat().st_mtime
    except OSError:
        return False


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def compile_po(po: Path) -> bytes:
    """Compile a ``.po`` file to ``.mo`` bytes with its own plural rule, leaving fuzzy entries out.

    The file is first scanned entry by entry (:func:`kiosk.languages.po_scan.scan_po`):
    an entry Babel would misread (a string without its closing quote, a stray
    line, a missing ``msgstr``) is left out and logged with the file, its line
    and why, so its English is shown (marked where the screens mark
    untranslated text) rather than a truncated translation.

    Raises:
        ValueError: the header entry is broken or no entry could be read (the
            caller then shows English, marked).
        OSError, LookupError: the file cannot be read, or names an unknown charset.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from kiosk.languages.po_scan import scan_po

    scanned = scan_po(po.read_bytes())
    if not scanned.has_header:
        first = scanned.broken[0].line if scanned.broken else 1
        raise ValueError(f"not a gettext catalog: no readable header entry (line {first})")
    for entry in scanned.broken[:_LOGGED_ENTRIES]:
        log.error("%s:%d: entry %r dropped (%s); its English is shown instead",
                  po, entry.line, entry.msgid[:60], entry.reason)
    if len(scanned.broken) > _LOGGED_ENTRIES:
        log.error("%s: %d more broken entries dropped", po,
                  len(scanned.broken) - _LOGGED_ENTRIES)
    catalog = read_po(io.StringIO(scanned.text), locale=po.parent.parent.name,
                      domain=po.stem, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


#: Broken entries logged one by one; beyond, one sentence counts the rest.
_LOGGED_ENTRIES = 20


def drop_unsafe_entries(translations: gettext.GNUTranslations, source: Path,
                        domain: str) -> int:
    """Remove entries that would break the screen or change a number, so their English
    shows instead (marked where the screens mark untranslated text).

    Every catalog passes here when it is loaded, whatever compiled it: the
    kiosk's own compiler refuses such entries, but a ``.mo`` written by GNU
    ``msgfmt`` (as Poedit does on save) or a ``.po`` compiled in memory has
    not been through that gate.  Dropped: any translation with a control
    character or escape sequence (it must never reach the terminal); in the
    interface catalog a translation whose ``{name}`` fields are broken or
    not the English's (``str.format`` would fail mid-paint); and, as ``kiosk
    check`` rules (:func:`kiosk.languages.entry_checks.check_numbers`), a
    translation that lacks a number of the English, or, in a medicine's
    text, adds one (medical text is shown exactly as its source says).  A
    plural entry is dropped with all its forms.  Each is logged with the
    file and why.

    It reads gettext's own table of the loaded catalog (``_catalog``): the
    standard library offers no public way to list a catalog's entries, and
    this table has kept its shape since Python 2.

    Returns:
        How many entries were dropped.
    """
    from kiosk.document.sanitize import has_unsafe_characters
    from kiosk.languages.domains import is_document_domain
    from kiosk.languages.format_fields import brace_fields
    from kiosk.languages.number_parity import compare_numbers

    def fields(text: str) -> set[str] | None:
        try:
            return brace_fields(text)
        except ValueError:
            return None

    table = translations._catalog  # noqa: SLF001 (see the docstring)
    medical = is_document_domain(domain)
    bad: dict[str, str] = {}
    for key, value in table.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or msgid in bad:
            continue
        if has_unsafe_characters(value):
            bad[msgid] = "control characters"
        elif not medical and "{" in msgid + value and (
                (have := fields(value)) is None
                or ((wanted := fields(msgid)) is not None and not have <= wanted)):
            bad[msgid] = "placeholders that are not the English's"
        elif not isinstance(key, tuple) and value:
            english = msgid.split("\x04", 1)[-1]  # without its msgctxt
            mismatch = compare_numbers(english, value)
            if mismatch.missing or (medical and mismatch.extra):
                bad[msgid] = "numbers that are not the English's: " + mismatch.describe()
    for key in [k for k in table if (k[0] if isinstance(k, tuple) else k) in bad]:
        del table[key]
    for msgid, why in sorted(bad.items()):
        log.error("%s: entry %r dropped (%s); its English is shown instead",
                  source, msgid.split("\x04", 1)[-1][:60], why)
    return len(bad)


def has_message(translations: gettext.NullTranslations, msgid: str,
                context: str | None = None) -> bool:
    """True when the catalog really holds a translation of ``msgid`` (in ``context``).

    ``gettext()`` returns the msgid both for "untranslated" and for a
    translation identical to the source, so the kiosk asks the catalog
    itself in order to mark English fallbacks reliably.  A plural entry
    counts when its first form is translated.
    """
    catalog = getattr(translations, "_catalog", None)
    if not catalog or not msgid:  # the empty msgid is the catalog's header, never a text
        return False
    key = f"{context}\x04{msgid}" if context else msgid
    return bool(catalog.get(key) or catalog.get((key, 0)))
