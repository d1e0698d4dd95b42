"""``kiosk check``'s spoken-numbers part: each voice says every number's unit that a screen shows.

For each language, every text the kiosk shows (the medicines' texts and the
interface strings, :mod:`kiosk.languages.shown_texts`) is put in the form
the narrator speaks (:func:`kiosk.speech.spoken_text.speakable`), and eSpeak
NG prints the phonemes its voice would speak (:mod:`kiosk.speech.phonemes`,
in a child process).  A number's unit is *heard* when:

* each word that carries it (the spoken form's "fil-mija", the month's
  name, a letter's name) has phonemes of its own, in the language's own
  voice (eSpeak does not hand it to another voice: "(en)...(is)"), and those
  phonemes are found in the sentence's (a run matching at least 70 % of
  them: neighbouring sounds may change a phoneme or two);
* a sign left next to a number (one no spoken form covers: "‰", "≥")
  changes what is spoken: "10‰" must not sound like "10".

Anything else fails ``kiosk check``, per voice, naming the text and the
unit.  This is what caught the Maltese voice dropping "%".
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from kiosk.languages.catalog_files import load_translations
from kiosk.languages.domains import UI_DOMAIN
from kiosk.languages.problems import Problem
from kiosk.languages.provenance import REVIEWED, load_provenance
from kiosk.languages.registry import SOURCE_LANGUAGE
from kiosk.languages.shown_texts import ShownText, shown_texts
from kiosk.languages.spoken_forms import SPOKEN_RECORD, SpokenForms, forms_from
from kiosk.languages.templates import Templates
from kiosk.speech.errors import SpeechUnavailable
from kiosk.speech.phonemes import text_to_phonemes
from kiosk.speech.sentences import split_sentences
from kiosk.speech.spoken_text import speakable
from kiosk.speech.voices import VoiceInfo, espeak_data_dir, espeak_voices, match_voice

__all__ = ["SpokenFindings", "heard_in", "normalise_phonemes", "spoken_number_findings"]

#: How much of a unit's phonemes must be found in its sentence's.
MATCH_RATIO = 0.7
_MARKS = re.compile(r"[',_!|:%=\s]")
_SWITCH = re.compile(r"\(([a-z-]+)\)")
_SIGN = r"[^\w\s.,;:!?'’\"()\[\]{}/\-–—…]"
_NUMBER = r"\d+(?:[.,]\d+)*"
_SIGN_NEXT_TO_NUMBER = re.compile(
    rf"(?P<n1>{_NUMBER})[ \u00a0\u202f]?(?P<s1>{_SIGN})|(?P<s2>{_SIGN})[ \u00a0\u202f]?(?P<n2>{_NUMBER})")


def normalise_phonemes(phonemes: str) -> str:
    """eSpeak's phonemes without stress, length, pause and word marks (they move in context),
    case-folded: in context a voice softens a sound (Spanish "de" is "d'e" alone, "De"
    after a vowel), and eSpeak's mnemonics write such pairs in two cases."""
    return _MARKS.sub("", phonemes).casefold()


def heard_in(unit: str, sentence: str) -> bool:
    """True when ``unit``'s (normalised) phonemes occur, nearly, in ``sentence``'s.

    Nearly: some stretch of the sentence as long as the unit (plus two)
    matches at least :data:`MATCH_RATIO` of the unit's phonemes, in order.
    """
    if not unit:
        return False
    width = len(unit)
    for start in range(0, max(1, len(sentence) - width + 1)):
        window = sentence[start:start + width + 2]
        blocks = SequenceMatcher(None, unit, window, autojunk=False).get_matching_blocks()
        if sum(block.size for block in blocks) >= MATCH_RATIO * width:
            return True
    return False


@dataclass
class _Unit:
    """One unit to hear: in ``sentence`` (spoken), the words ``cues`` or the sign ``sign``."""

    text: ShownText
    kind: str
    shown: str
    sentence: str
    cues: tuple[str, ...] = ()
    sign: tuple[str, str] | None = None  # ("10‰", "10")


@dataclass
class SpokenFindings:
    """What the check found: lines for the report, problems (fail) and warnings."""

    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _units(texts: list[ShownText], forms: dict[str, SpokenForms]) -> list[_Unit]:
    units = []
    for shown in texts:
        for sentence in split_sentences(shown.text, shown.language):
            spoken = speakable(sentence.text, shown.language, forms[shown.language])
            for part in spoken.parts:
                if part.cues:
                    units.append(_Unit(shown, part.kind, part.shown, spoken.spoken, part.cues))
            for m in _SIGN_NEXT_TO_NUMBER.finditer(spoken.spoken):
                sign = m.group("s1") or m.group("s2")
                if unicodedata.category(sign)[0] not in "SP":
                    continue
                kind = next((p.kind for p in spoken.parts
                             if p.spoken_start <= m.start() < p.spoken_end), "sign")
                units.append(_Unit(shown, kind, m.group(0), spoken.spoken, (),
                                   (m.group(0), m.group("n1") or m.group("n2"))))
    return units


def _voice_ids(languages: list[str], library_path: str | None,
               data_path: str | None) -> dict[str, str | None]:
    voices = [VoiceInfo(v.id, v.name, v.language)
              for v in espeak_voices(espeak_data_dir(library_path, data_path))]
    return {language: (found.id if (found := match_voice(voices, language)) else None)
            for language in languages}


def _judge(unit: _Unit, phonemes: dict[str, str], voice: str) -> str | None:
    """Why ``unit`` is not heard (None: it is)."""
    sentence = normalise_phonemes(phonemes[unit.sentence])
    if unit.sign is not None:
        written, bare = unit.sign
        with_sign, without = phonemes[written], phonemes[bare]
        if switched := _SWITCH.search(with_sign):
            return f"eSpeak NG's {voice} voice hands {written!r} to its {switched.group(1)} voice"
        if normalise_phonemes(with_sign) == normalise_phonemes(without):
            return f"eSpeak NG's {voice} voice says nothing for the sign in {written!r}"
        return None
    for cue in unit.cues:
        raw = phonemes[cue]
        if switched := _SWITCH.search(raw):
            return (f"eSpeak NG's {voice} voice says {cue!r} with its {switched.group(1)} voice "
                    f"({raw})")
        if not normalise_phonemes(raw):
            return f"eSpeak NG's {voice} voice says nothing for {cue!r}"
        if not heard_in(normalise_phonemes(raw), sentence):
            return (f"{cue!r} ({raw}) is not heard in the sentence as spoken: "
                    f"{phonemes[unit.sentence]}")
    return None


def _review_note(locales_dir: Path, language: str) -> str:
    if language == SOURCE_LANGUAGE:
        return "spoken forms: English (the source)"
    record = load_provenance(locales_dir, language, SPOKEN_RECORD)
    who = f" by {record.translator}" if record.translator else ""
    if record.status == REVIEWED:
        return f"spoken forms written{who}, reviewed by {record.reviewer}"
    return f"spoken forms written{who}, unreviewed"


def spoken_number_findings(locales_dir: Path, content_dir: Path, languages: list[str],
                           templates: Templates, library_path: str | None = None,
                           data_path: str | None = None) -> SpokenFindings:
    """Ask eSpeak NG, per voice, whether every shown number's unit is heard.

    Args:
        locales_dir, content_dir: the configuration's catalog and content folders.
        languages: the languages checked (catalog codes, English included or not).
        templates: the sources' templates (:func:`kiosk.languages.templates.all_templates`).
        library_path, data_path: a system eSpeak NG (``[speech]``), or None for the bundled one.

    Returns:
        The report lines (one per language), the problems (a unit not heard,
        eSpeak failing on a voice) and warnings (eSpeak not found: nothing checked).
    """
    found = SpokenFindings()
    locales_dir, content_dir = Path(locales_dir), Path(content_dir)
    try:
        voices = _voice_ids(list(dict.fromkeys([*languages, SOURCE_LANGUAGE])), library_path,
                            data_path)
    except SpeechUnavailable as exc:
        found.warnings.append(f"spoken numbers were not checked: eSpeak NG not found: {exc.reason}")
        return found
    forms = {SOURCE_LANGUAGE: forms_from(gettext.NullTranslations(), SOURCE_LANGUAGE)}
    per_language: dict[str, list[_Unit]] = {}
    for language in languages:
        if language != SOURCE_LANGUAGE:
            forms[language] = forms_from(load_translations(locales_dir, language, UI_DOMAIN),
                                         language)
        per_language[language] = _units(shown_texts(locales_dir, content_dir, language,
                                                    templates), forms)
    requests: dict[str, list[str]] = {}
    for units in per_language.values():
        for unit in units:
            voice = voices.get(unit.text.language)
            if voice is None:
                continue
            wanted = requests.setdefault(voice, [])
            wanted += [unit.sentence, *unit.cues, *(unit.sign or ())]
    try:
        answers = text_to_phonemes([(v, list(dict.fromkeys(t))) for v, t in requests.items()],
                                   library_path, data_path)
    except SpeechUnavailable as exc:
        found.warnings.append(f"spoken numbers were not checked: {exc.reason}")
        return found
    tables = {voice: dict(zip(dict.fromkeys(texts), answers[voice].phonemes))
              for voice, texts in requests.items() if answers[voice].error is None}
    for language in languages:
        units = per_language[language]
        failed = 0
        for unit in units:
            voice = voices.get(unit.text.language)
            if voice is None:
                continue  # no voice at all: the voice check reports it
            if voice not in tables:
                why = f"eSpeak NG failed on its {voice} voice: {answers[voice].error}"
            else:
                why = _judge(unit, tables[voice], voice)
            if why:
                failed += 1
                found.problems.append(Problem(language, unit.text.domain, unit.text.entry,
                                              "spoken", f"{unit.shown!r} ({unit.kind}): {why}"))
        kinds = Counter(unit.kind for unit in units)
        summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        voice = voices.get(language) or "no voice"
        verdict = "every unit heard" if not failed else f"{failed} NOT heard"
        found.lines.append(f"{language:<3} {voice:<8} {len(units):>3} numbers with a unit: "
                           f"{verdict}" + (f" ({summary})" if summary else "")
                           + f"; {_review_note(locales_dir, language)}")
    return found
