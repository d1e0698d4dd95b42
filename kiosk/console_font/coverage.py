"""Which languages a console font can show: every character of their text, checked.

A language's text is what its visitors read: every translation in its
catalogs (``locales/<lang>/LC_MESSAGES/*.po``: the interface and each
medicine) and its own name in the language list.  English, the source, is
the msgids of the templates (``locales/*.pot``).  An untranslated entry is
shown in English, so English's characters are checked as English's.
Entries marked fuzzy are not shown (the English is), so they are not checked.

A language is shown by a font when the font draws every one of those
characters; otherwise the kiosk leaves the language out on that console
rather than show "Ob■ pregled" (issue 9, item 7).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.console_font.font import ConsoleFont
from kiosk.languages.registry import SOURCE_LANGUAGE, language_info

#: How many missing characters a one-line description names.
SHOWN_IN_DESCRIPTION = 8


@dataclass(frozen=True)
class LanguageCoverage:
    """What a font lacks for one language.

    Args:
        language: the catalog code, e.g. ``"bg"``.
        missing: the characters of its text the font cannot draw, in code point order.
        unread: catalog files that could not be read (their text was not checked).
    """

    language: str
    missing: tuple[str, ...]
    unread: tuple[str, ...] = ()

    @property
    def shown(self) -> bool:
        """True when the font draws every character of the language's text."""
        return not self.missing

    def describe(self) -> str:
        """For the log and ``kiosk check``: ``bg Bulgarian: 33 characters missing: Б U+0411, …``."""
        name = f"{self.language} {language_info(self.language).english_name}"
        return f"{name}: {self.describe_missing()}"

    def describe_missing(self) -> str:
        """``33 characters missing: Б U+0411, Г U+0413, …`` (the first few).

        Code points are printed beside each character because the console
        that prints this may itself lack the glyph.
        """
        if self.shown:
            return "every character can be drawn"
        named = ", ".join(f"{c} U+{ord(c):04X}" for c in self.missing[:SHOWN_IN_DESCRIPTION])
        more = ", …" if len(self.missing) > SHOWN_IN_DESCRIPTION else ""
        count = len(self.missing)
        return f"{count} character{'s' if count != 1 else ''} missing: {named}{more}"


def _catalog_texts(path: Path, source: bool) -> list[str]:
    """The shown texts of one catalog: translations (not fuzzy), or for a template its msgids."""
    # Babel's catalog readers load only on a Linux console (not at every start).
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_mo(handle) if path.suffix == ".mo" else read_po(handle)
    texts: list[str] = []
    for message in catalog:
        if not message.id:
            continue  # the header
        if source:
            ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
            texts.extend(ids)
        elif not message.fuzzy:
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            texts.extend(s for s in strings if s)
    return texts


def language_text(locales_dir: Path, language: str) -> tuple[str, tuple[str, ...]]:
    """Every character a visitor of ``language`` reads, and the catalogs that could not be read.

    Args:
        locales_dir: the ``[kiosk] locales_dir`` folder.
        language: a catalog code; ``SOURCE_LANGUAGE`` reads the ``.pot`` templates.

    Returns:
        ``(text, unread)``: the characters as one string (each once), and the
        paths of catalogs neither readable as ``.po`` nor as their ``.mo``.
    """
    chars = set(language_info(language).native_name)
    unread: list[str] = []
    if language == SOURCE_LANGUAGE:
        catalogs = sorted(locales_dir.glob("*.pot"))
    else:
        catalogs = sorted((locales_dir / language / "LC_MESSAGES").glob("*.po"))
    for po in catalogs:
        candidates = [po] if po.suffix == ".pot" else [po, po.with_suffix(".mo")]
        for path in candidates:
            try:
                for text in _catalog_texts(path, source=po.suffix == ".pot"):
                    chars.update(text)
                break
            except (OSError, ValueError, EOFError):  # Babel's parse errors are ValueErrors
                continue
        else:
            unread.append(str(po))
    return "".join(sorted(chars)), tuple(unread)


def language_coverage(font: ConsoleFont, language: str, locales_dir: Path) -> LanguageCoverage:
    """What ``font`` lacks for ``language`` (see :func:`language_text`)."""
    text, unread = language_text(locales_dir, language)
    return LanguageCoverage(language, tuple(font.missing(text)), unread)


def split_languages(font: ConsoleFont, languages: list[str], locales_dir: Path,
                    ) -> tuple[list[str], list[LanguageCoverage]]:
    """The languages ``font`` can show, in the given order, and what it lacks for the others.

    When it can show none of them, all are kept (a kiosk with no language is
    worse than one with unreadable letters) and all are returned as lacking,
    so the caller can say so.
    """
    kept: list[str] = []
    left_out: list[LanguageCoverage] = []
    for language in languages:
        result = language_coverage(font, language, locales_dir)
        if result.shown:
            kept.append(language)
        else:
            left_out.append(result)
    if not kept:
        return list(languages), left_out
    return kept, left_out
