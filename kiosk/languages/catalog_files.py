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
    """Compile a ``.po`` file to ``.mo`` bytes with its own plural rule, leaving fuzzy entries out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=po.parent.parent.name, domain=po.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def drop_unsafe_entries(translations: gettext.GNUTranslations, source: Path,
                        domain: str) -> int:
    """Remove entries that would break the screen, so their English shows instead (marked).

    Every catalog passes here when it is loaded, whatever compiled it: the
    kiosk's own compiler refuses such entries, but a ``.mo`` written by GNU
    ``msgfmt`` (as Poedit does on save) or a ``.po`` compiled in memory has
    not been through that gate.  Dropped: any translation with a control
    character or escape sequence (it must never reach the terminal), and in
    the interface catalog a translation whose ``{name}`` fields are broken or
    not the English's (``str.format`` would fail mid-paint).  A plural entry
    is dropped with all its forms.  Each is logged with the file.

    It reads gettext's own table of the loaded catalog (``_catalog``): the
    standard library offers no public way to list a catalog's entries, and
    this table has kept its shape since Python 2.

    Returns:
        How many entries were dropped.
    """
    from kiosk.document.sanitize import has_unsafe_characters
    from kiosk.languages.domains import is_document_domain
    from kiosk.languages.format_fields import brace_fields

    def fields(text: str) -> set[str] | None:
        try:
            return brace_fields(text)
        except ValueError:
            return None

    table = translations._catalog  # noqa: SLF001 (see the docstring)
    formatted = not is_document_domain(domain)
    bad: set[str] = set()
    for key, value in table.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or msgid in bad:
            continue
        broken = has_unsafe_characters(value)
        if formatted and not broken and "{" in msgid + value:
            wanted, have = fields(msgid), fields(value)
            broken = have is None or (wanted is not None and not have <= wanted)
        if broken:
            bad.add(msgid)
    for key in [k for k in table if (k[0] if isinstance(k, tuple) else k) in bad]:
        del table[key]
    for msgid in sorted(bad):
        log.error("%s: entry %r dropped (control characters or placeholders that are not the "
                  "English's); its English is shown, marked", source, msgid[:60])
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
