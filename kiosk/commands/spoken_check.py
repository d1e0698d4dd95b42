"""``kiosk check``'s spoken-numbers part: each voice says every number's unit that a screen shows.

For each language, every text the kiosk shows (the medicines' texts and the
interface strings, :mod:`kiosk.languages.shown_texts`) is put in the form
the narrator speaks (:func:`kiosk.speech.spoken_text.speakable`), and eSpeak
NG prints the phonemes its voice would speak (:mod:`kiosk.speech.phonemes`,
in a child process).  A number's unit is *heard* when:

* the words that carry it (the spoken form's "fil-mija", the month's name,
  a letter's name) are said by the language's own voice (eSpeak does not
  hand them to another voice: "(en)...(is)"), and the sentence does not
  sound the same without each of them (a word dropped, like the Maltese
  voice's "%", changes nothing; comparing whole sentences allows for a
  sound changing in context: Spanish "de" is "De" after a vowel);
* a sign left next to a number (one no spoken form covers: "‰", "≥")
  changes what is spoken: "10‰" must not sound like "10".

Besides what the screens show, every spoken form of each language is
tried (each percent plural, each month, every letter, ...: see
:data:`FORM_SAMPLES`), so a form no text uses yet is checked too.
Anything else fails ``kiosk check``, per voice, naming the text and the
unit.  This is what caught the Maltese voice dropping "%".
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
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

__all__ = ["FORM_SAMPLES", "SpokenFindings", "normalise_phonemes", "spoken_number_findings"]

_MARKS = re.compile(r"[',_!|:%=\s]")
_SWITCH = re.compile(r"\(([a-z-]+)\)")
_SIGN = r"[^\w\s.,;:!?'’\"()\[\]{}/\-–—…]"
_NUMBER = r"\d+(?:[.,]\d+)*"
_SIGN_NEXT_TO_NUMBER = re.compile(
    rf"(?P<n1>{_NUMBER})[ \u00a0\u202f]?(?P<s1>{_SIGN})"
    rf"|(?P<s2>{_SIGN})[ \u00a0\u202f]?(?P<n2>{_NUMBER})")


def normalise_phonemes(phonemes: str) -> str:
    """eSpeak's phonemes without stress, length, pause and word marks (they move in context),
    case-folded: in context a voice softens a sound (Spanish "de" is "d'e" alone, "De"
    after a vowel), and eSpeak's mnemonics write such pairs in two cases."""
    return _MARKS.sub("", phonemes).casefold()


@dataclass
class _Unit:
    """One unit to hear in ``sentence`` (as spoken): the words of ``part`` that carry it
    (``without``: each cue word and the sentence without it), or a sign (``sign``:
    the number with and without it)."""

    text: ShownText
    kind: str
    shown: str
    sentence: str
    part: str = ""
    without: tuple[tuple[str, str], ...] = ()
    sign: tuple[str, str] | None = None  # ("10‰", "10")

    def texts(self) -> list[str]:
        """Everything eSpeak must phonemize to judge this unit."""
        return [self.sentence, self.part, *(t for _, t in self.without), *(self.sign or ())]


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
            text = spoken.spoken
            for part in spoken.parts:
                without = []
                for cue in part.cues:
                    word = rf"(?<!\w){re.escape(cue)}(?!\w)"  # else inside a word: "százalékkal"
                    rest = (re.sub(word, "", part.spoken) if re.search(word, part.spoken)
                            else part.spoken.replace(cue, ""))
                    without.append((cue, text[:part.spoken_start] + rest
                                    + text[part.spoken_end:]))
                if without:
                    units.append(_Unit(shown, part.kind, part.shown, text, part.spoken,
                                       tuple(without)))
            for m in _SIGN_NEXT_TO_NUMBER.finditer(spoken.spoken):
                sign = m.group("s1") or m.group("s2")
                if unicodedata.category(sign)[0] not in "SP":
                    continue
                kind = next((p.kind for p in spoken.parts
                             if p.spoken_start <= m.start() < p.spoken_end), "sign")
                units.append(_Unit(shown, kind, m.group(0), spoken.spoken,
                                   sign=(m.group(0), m.group("n1") or m.group("n2"))))
    return units


#: Texts that use every spoken form: each percent plural category, a proportion, a
#: range, each month, every letter, and (added per language) each abbreviation after a
#: number and, where the language writes them, a case ending on the sign.
FORM_SAMPLES = ("1%", "2%", "3%", "5%", "10%", "21%", "22%", "31%", "1/10", "12-17",
                *(f"{month:02d}-2023" for month in range(1, 13)),
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ1")


def _form_texts(language: str, forms: SpokenForms) -> list[ShownText]:
    """Every spoken form of ``language`` in use, whether or not a screen shows it today."""
    samples = [*FORM_SAMPLES, *(f"2023 {abbreviation}" for abbreviation, _ in forms.abbreviations)]
    if re.search(r"\w\{ending\}", forms.percent_with_ending):  # the language writes endings
        samples.append("50%-a")
    return [ShownText(UI_DOMAIN, f'spoken form for "{sample}"', sample, language)
            for sample in samples]


def _voice_ids(languages: list[str], library_path: str | None,
               data_path: str | None) -> dict[str, str | None]:
    voices = [VoiceInfo(v.id, v.name, v.language)
              for v in espeak_voices(espeak_data_dir(library_path, data_path))]
    return {language: (found.id if (found := match_voice(voices, language)) else None)
            for language in languages}


def _judge(unit: _Unit, phonemes: dict[str, str], voice: str) -> str | None:
    """Why ``unit`` is not heard (None: it is)."""
    if unit.sign is not None:
        written, bare = unit.sign
        with_sign, without = phonemes[written], phonemes[bare]
        if switched := _SWITCH.search(with_sign):
            return f"eSpeak NG's {voice} voice hands {written!r} to its {switched.group(1)} voice"
        if normalise_phonemes(with_sign) == normalise_phonemes(without):
            return f"eSpeak NG's {voice} voice says nothing for the sign in {written!r}"
        return None
    said = phonemes[unit.part]
    if switched := _SWITCH.search(said):
        return (f"eSpeak NG's {voice} voice says {unit.part!r} partly with its "
                f"{switched.group(1)} voice ({said})")
    sentence = normalise_phonemes(phonemes[unit.sentence])
    for cue, without in unit.without:
        if normalise_phonemes(phonemes[without]) == sentence:
            return (f"eSpeak NG's {voice} voice says nothing for {cue!r}: the sentence sounds "
                    f"the same without it ({phonemes[unit.sentence]})")
    return None


def _review_note(locales_dir: Path, language: str) -> str:
    if language == SOURCE_LANGUAGE:
        return "spoken forms: English (the source)"
    record = load_provenance(locales_dir, language, SPOKEN_RECORD)
    who = f" by {record.translator}" if record.translator else ""
    if record.status == REVIEWED:
        return f"spoken forms written{who}, reviewed by {record.reviewer}"
    return f"spoken forms written{who}, unreviewed"


def _report(found: SpokenFindings, language: str, units: list[_Unit], voices: dict,
            tables: dict, answers: dict) -> int:
    """Add a problem for every unit of ``units`` not heard; returns how many."""
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
    return failed


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
    per_form: dict[str, list[_Unit]] = {}
    for language in languages:
        if language != SOURCE_LANGUAGE:
            forms[language] = forms_from(load_translations(locales_dir, language, UI_DOMAIN),
                                         language)
        per_language[language] = _units(shown_texts(locales_dir, content_dir, language,
                                                    templates), forms)
        per_form[language] = _units(_form_texts(language, forms[language]), forms)
    requests: dict[str, list[str]] = {}
    for units in [*per_language.values(), *per_form.values()]:
        for unit in units:
            voice = voices.get(unit.text.language)
            if voice is None:
                continue
            wanted = requests.setdefault(voice, [])
            wanted += unit.texts()
    try:
        answers = text_to_phonemes([(v, list(dict.fromkeys(t))) for v, t in requests.items()],
                                   library_path, data_path)
    except SpeechUnavailable as exc:
        found.warnings.append(f"spoken numbers were not checked: {exc.reason}")
        return found
    tables = {voice: dict(zip(dict.fromkeys(texts), answers[voice].phonemes))
              for voice, texts in requests.items() if answers[voice].error is None}
    for language in languages:
        failed = _report(found, language, per_language[language], voices, tables, answers)
        failed_forms = _report(found, language, per_form[language], voices, tables, answers)
        kinds = Counter(unit.kind for unit in per_language[language])
        summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        voice = voices.get(language) or "no voice"
        verdict = "every unit heard" if not failed else f"{failed} NOT heard"
        forms_verdict = ("all heard" if not failed_forms else f"{failed_forms} NOT heard")
        found.lines.append(
            f"{language:<3} {voice:<8} {len(per_language[language]):>3} numbers with a unit: "
            f"{verdict}" + (f" ({summary})" if summary else "")
            + f"; {len(per_form[language])} spoken forms: {forms_verdict}; "
            + _review_note(locales_dir, language))
    return found
