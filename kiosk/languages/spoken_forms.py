"""How speech says what a screen writes with a number: the spoken forms translators write.

eSpeak NG reads text as it stands, and its voices differ in what they make of
signs and numerals (measured with eSpeak NG 1.52, the bundled one): the
Maltese voice drops "%" ("aktar minn 10% tal-ġisem" is heard as "... 10 of
the body"), the Icelandic voice says "%" with the *English* voice, the
Hungarian, Portuguese and Ukrainian voices read "04-2023" as "zero four
minus two thousand and twenty-three", and the Greek, Bulgarian and Ukrainian
voices spell Latin letters (F-VASI75) with the English voice.  CLDR has no
spoken word for "%" in Maltese or Irish, so these forms are data the team
writes, kept where translators review them: entries of the ``kiosk`` catalog
whose msgctxt starts with "spoken":

* ``spoken``: "{number} percent" (with plural forms: "1 procento",
  "2 procenta", "10 procent"), "{number} percent{ending}" for a sign with a
  case ending ("50%-kal" is "50 százalékkal" in Hungarian), the proportion
  "{a} in {b}" (said for "1/10")
  and the range "{first} to {last}" (said for "12-17");
* ``spoken date``: "January {year}" ... "December {year}", said for
  "01-2023" ... "12-2023" (from CLDR's ``yMMMM`` month-year form, in the
  case the overview's sentence "last updated in 04-2023" needs, Czech
  "dubnu 2023", abbreviations such as Ukrainian "р." written out as words);
* ``spoken letters``: the names of the 26 Latin letters, as the language's
  voice must read them to spell a code such as EMA/H/C/005843;
* ``spoken abbreviations after a number``: "abbreviation = words" pairs for
  what a language writes after a number in dates ("r. = roku" in Polish).

Who wrote and who reviewed them is recorded beside the catalog like any
kiosk translation (:mod:`kiosk.languages.provenance`), in
``<lang>/LC_MESSAGES/kiosk-spoken.provenance.toml``; until a reviewer is
named they are "unreviewed" and ``kiosk check`` says so.

The speech layer applies them (:mod:`kiosk.speech.spoken_text`); this
module only reads them, from the catalogs already loaded for the screen
(no Babel locale data at run time).
"""

from __future__ import annotations

import gettext
import threading
from dataclasses import dataclass
from functools import lru_cache

from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, negotiate_language
from kiosk.languages.translator import translations_for

__all__ = [
    "ABBREVIATIONS_CONTEXT",
    "DATE_CONTEXT",
    "LETTERS",
    "LETTERS_CONTEXT",
    "SPOKEN_CONTEXT",
    "SPOKEN_RECORD",
    "SpokenForms",
    "forms_from",
    "is_spoken_context",
    "parse_abbreviations",
    "parse_letters",
    "spoken_forms",
]

SPOKEN_CONTEXT = "spoken"
DATE_CONTEXT = "spoken date"
LETTERS_CONTEXT = "spoken letters"
ABBREVIATIONS_CONTEXT = "spoken abbreviations after a number"
#: The provenance record of a language's spoken forms (``<record>.provenance.toml``).
SPOKEN_RECORD = "kiosk-spoken"
#: The English msgid of the letter names: the 26 Latin letters, comma-separated.
LETTERS = ", ".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NONE = ("", "-", "\u2013", "\u2014", "(none)")


def is_spoken_context(context: str | None) -> bool:
    """True for the msgctxt of a spoken form (their checks differ from the screen's)."""
    return bool(context) and (context == SPOKEN_CONTEXT or context.startswith("spoken "))


def parse_letters(text: str) -> dict[str, str] | None:
    """The letter names of a ``spoken letters`` entry, or None when it does not hold 26.

    The entry lists one name per Latin letter, A to Z, separated by commas; a
    name may have several words (Czech "dvojité vé" for W).
    """
    names = [name.strip() for name in text.split(",")]
    if len(names) != 26 or not all(names):
        return None
    return dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", names))


def parse_abbreviations(text: str) -> tuple[tuple[str, str], ...] | None:
    """The ``abbreviation = words`` pairs of an entry ("r. = roku; d. = dnia").

    Pairs are separated by ";".  "-" (or the English "(none)") means the
    language writes no such abbreviation.  Returns None when the entry is
    neither: a pair without "=", an abbreviation or words missing.
    """
    if text.strip() in _NONE:
        return ()
    pairs = []
    for chunk in text.split(";"):
        abbreviation, equals, words = chunk.partition("=")
        if not equals or not abbreviation.strip() or not words.strip():
            return None
        pairs.append((abbreviation.strip(), words.strip()))
    return tuple(pairs)


@dataclass(frozen=True)
class SpokenForms:
    """One language's spoken forms, read from its ``kiosk`` catalog.

    ``language`` is the catalog code whose forms these are (English when the
    language has no catalog).  Every template keeps its English ``{name}``
    fields; a broken translation never reaches here (the catalog loader drops
    entries whose fields differ from the English's).
    """

    language: str
    translations: gettext.NullTranslations
    percent_with_ending: str
    proportion: str
    range: str
    months: tuple[str, ...]
    letters: dict[str, str]
    abbreviations: tuple[tuple[str, str], ...]

    def percent(self, count: int) -> str:
        """The "{number} percent" template whose plural form fits ``count`` (an integer)."""
        # Translators: how speech says a percentage ("10%", "10 %",
        # Turkish "%10"); {number} is the number as the text writes it.
        # The plural forms follow the number: Czech "1 procento",
        # "2 procenta", "10 procent".  Always the language's word, never
        # the sign "%" (some voices drop the sign).
        return self.translations.npgettext("spoken", "{number} percent",
                                           "{number} percent", count)


def forms_from(translations: gettext.NullTranslations, language: str) -> SpokenForms:
    """Read the spoken forms of one language from its loaded ``kiosk`` catalog.

    A letter or abbreviation entry that cannot be parsed falls back to the
    English (bare letters, no abbreviations); ``kiosk check`` reports it.
    """
    # The contexts and msgids are written out (not the constants above): Babel
    # extracts only literal strings.
    t = translations
    months = (
        # Translators: how speech says a month written "01-2023" (also
        # "01/2023", "01.2023").  EMA overviews write it in one sentence,
        # "This overview was last updated in 04-2023.": give the form that
        # sentence needs in your language's overview (Czech "v dubnu 2023"
        # -> "dubnu {year}").  Start from CLDR's month-year form (yMMMM),
        # write abbreviations as words; an ending written after the
        # number (Hungarian "04-2023-ban") is not spoken: include it here.
        t.pgettext("spoken date", "January {year}"),
        t.pgettext("spoken date", "February {year}"),
        t.pgettext("spoken date", "March {year}"),
        t.pgettext("spoken date", "April {year}"),
        t.pgettext("spoken date", "May {year}"),
        t.pgettext("spoken date", "June {year}"),
        t.pgettext("spoken date", "July {year}"),
        t.pgettext("spoken date", "August {year}"),
        t.pgettext("spoken date", "September {year}"),
        t.pgettext("spoken date", "October {year}"),
        t.pgettext("spoken date", "November {year}"),
        t.pgettext("spoken date", "December {year}"),
    )
    # Translators: how speech says a percentage whose sign carries a case
    # ending ("50%-kal", "10 %:lle", "10%-le"); {ending} is that ending,
    # "kal".  Join it to the word as the language does (Hungarian
    # "{number} százalék{ending}", Finnish "{number} prosenti{ending}");
    # where the language writes no such endings, put a space before it.
    percent_with_ending = t.pgettext("spoken", "{number} percent{ending}")
    # Translators: how speech says a proportion written "1/10" (as in
    # "1 in 10 people"); {a} and {b} are numbers.  Use the words the
    # overview itself uses ("1 von 10").
    proportion = t.pgettext("spoken", "{a} in {b}")
    # Translators: how speech says a range written "12-17" or "12–17".
    range_ = t.pgettext("spoken", "{first} to {last}")
    # Translators: the names of the Latin letters A to Z, separated by
    # commas, written so that the speech voice says each letter's name
    # when it spells a code such as F-VASI75.  Keep a letter as it is
    # where the voice already says its name right.  Exactly 26 names.
    letters = parse_letters(t.pgettext(
        "spoken letters",
        "A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z"))
    # Translators: abbreviations the language writes after a number in
    # dates, with the words speech says instead: "abbreviation = words",
    # pairs separated by ";" (Polish "r. = roku"; Lithuanian
    # "m. = metų; d. = dienos").  Write "-" when there are none.
    abbreviations = parse_abbreviations(
        t.pgettext("spoken abbreviations after a number", "(none)"))
    return SpokenForms(
        language=language,
        translations=t,
        percent_with_ending=percent_with_ending,
        proportion=proportion,
        range=range_,
        months=months,
        letters=letters or parse_letters(LETTERS) or {},
        abbreviations=abbreviations or (),
    )


_cache_lock = threading.Lock()
_cache: dict[str, tuple[gettext.NullTranslations, SpokenForms]] = {}


@lru_cache(maxsize=64)
def catalog_language(language: str) -> str:
    """The catalog code whose spoken forms serve ``language`` ("pt-BR" -> "pt"), else English."""
    return negotiate_language(language, SUPPORTED_LANGUAGES) or SOURCE_LANGUAGE


def spoken_forms(language: str) -> SpokenForms:
    """The spoken forms for ``language`` (any tag), from the catalogs the screen uses.

    Before :func:`~kiosk.languages.translator.configure_locales`, and for
    English, these are the English forms.  Thread-safe (the narrator's worker
    calls it); a catalog reloaded by ``configure_locales`` is read anew.
    """
    code = catalog_language(language)
    translations = translations_for(code)
    with _cache_lock:
        cached = _cache.get(code)
        if cached is not None and cached[0] is translations:
            return cached[1]
    forms = forms_from(translations, code)
    with _cache_lock:
        _cache[code] = (translations, forms)
    return forms
