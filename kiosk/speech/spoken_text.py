"""What speech says for a text on screen: numbers with their signs, dates and codes in words.

Why: eSpeak NG reads a sign, a numeric date or a code the way its voice
happens to, and some voices say another number than the screen shows (the
Maltese voice drops "%", so the 10% safety limit is heard as "10 of the
body"; see :mod:`kiosk.languages.spoken_forms` for what was measured).  So
every text becomes an utterance only after the parts a voice may get wrong
are rewritten in the language's own words, from the spoken forms its
translators wrote:

========================  =============================  ==========================
shown                     kind                           spoken (English forms)
========================  =============================  ==========================
``10%``, ``10 %``,        ``percent``                    "10 percent" (plural by
``%10``, ``10–20 %``,                                    number; Turkish "yüzde 10";
``50%-kal``, ``10 %:lle``                                Hungarian "50 százalékkal")
``1/10`` (denominator     ``proportion``                 "1 in 10"
10, 100, 1000, 10000)
``12-17``, ``12–17``,     ``range``                      "12 to 17"
``1 … 8`` (Help's keys)
``04-2023``, ``04/2023``, ``date``                       "April 2023"
``04.2023``, ``2023-04``                                 (with any case ending
                                                         the text writes after it)
``F-VASI75``,             ``code``                       "F, V, A, S, I, 75", "E, M,
``EMA/H/C/005843``                                       A, H, C, 0 0 5 8 4 3"
``2023 r.`` (Polish)      ``abbreviation``               "2023 roku"
========================  =============================  ==========================

A code (Latin capitals and digits, joined by "-" or "/", with at least one of
each) is spelled with the language's letter names; a run of up to three
digits not starting with 0 is said as a number, a longer one digit by digit
(a reference is read out, not counted).  Everything else stays as written:
words, plain numbers ("661 patients"), decimals (each voice reads its own
decimal comma), suffixes ("10 %:lle" keeps ":lle").

The shown text is never changed: :class:`SpokenText` keeps both, with every
rewritten part's offsets in each, so marks and highlights keep pointing at
the characters on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kiosk.languages.spoken_forms import SpokenForms, spoken_forms

__all__ = ["SpokenPart", "SpokenText", "cue_words", "speakable"]

_NUMBER = r"\d+(?:[.,]\d+)*"
_SPACE = "[ \u00a0\u202f]?"
# A code may follow a prefix joined by a hyphen (Maltese "l-JAK1"), see _is_code.
_CODE = re.compile(r"(?<![\w./@:])[A-Z0-9]+(?:[-/][A-Z0-9]+)*(?![\w/@])")
_MONTH_YEAR = re.compile(
    r"(?<![\w./\-])(?:(?P<m>0[1-9]|1[0-2])[-/.](?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>0[1-9]|1[0-2]))(?![\d]|[-/.]\d)"
    r"(?:[-:][^\W\d_]+)?")  # an ending on the number ("-ban") is in the spoken form
_PROPORTION = re.compile(
    r"(?<![\w./\-])(?P<a>\d+)" + _SPACE + "/" + _SPACE
    + r"(?P<b>10|100|1[ ,.\u00a0\u202f]?000|10[ ,.\u00a0\u202f]?000)(?![\d/]|[.,]\d)")
_RANGE = (r"(?P<first>" + _NUMBER + r")(?:-|" + _SPACE + "[\u2013\u2014\u2026]" + _SPACE + ")"
          r"(?P<last>" + _NUMBER + ")")
_RANGE_ALONE = re.compile(r"(?<![\w./\-])" + _RANGE + r"(?![\w%]|[-\u2013/.,]\d|" + _SPACE + "%)")
_PERCENT = re.compile(
    r"(?<![\w./\-])(?:(?:" + _RANGE + "|(?P<number>" + _NUMBER + "))" + _SPACE + "%"
    r"(?:[-:](?P<ending>[^\W\d_]+))?"  # a case ending on the sign: "50%-kal", "10 %:lle"
    r"|(?<!\d)(?<!\d[ \u00a0\u202f])%" + _SPACE + "(?P<after>" + _NUMBER + r")(?![\d]))")
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")


@dataclass(frozen=True)
class SpokenPart:
    """One rewritten part: ``shown[start:end]`` is said as ``spoken``.

    ``spoken_start``/``spoken_end`` locate it in :attr:`SpokenText.spoken`;
    ``cues`` are the words a listener must hear for the part to mean what
    the screen shows (the unit "percent", the month's name, the letters'
    names); ``kiosk check`` asks eSpeak NG whether each is heard.
    """

    kind: str
    start: int
    end: int
    shown: str
    spoken: str
    cues: tuple[str, ...]
    spoken_start: int = 0
    spoken_end: int = 0


@dataclass(frozen=True)
class SpokenText:
    """A text as shown and as spoken, and the parts that differ."""

    shown: str
    spoken: str
    language: str
    parts: tuple[SpokenPart, ...]

    def shown_offset(self, spoken_offset: int) -> int:
        """The offset in :attr:`shown` of the character at ``spoken_offset`` in :attr:`spoken`.

        Inside a rewritten part this is the part's start (the part is shown
        and highlighted as a whole).
        """
        delta = 0
        for part in self.parts:
            if spoken_offset < part.spoken_start:
                break
            if spoken_offset < part.spoken_end:
                return part.start
            delta = part.end - part.spoken_end
        return spoken_offset + delta


def cue_words(template: str) -> tuple[str, ...]:
    """The words of a spoken form without its ``{placeholders}``: "{number} fil-mija" -> fil-mija."""
    return tuple(w for w in _PLACEHOLDER.sub(" ", template).split() if any(c.isalnum() for c in w))


def _value(number: str) -> Decimal | None:
    """A written number's value by either decimal convention ("1.5" and "1,5" are 1.5)."""
    digits = number.replace(",", ".")
    if digits.count(".") > 1:
        digits = digits.replace(".", "")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _count(number: str) -> int:
    """The plural count for a written number: its whole part (gettext counts integers only)."""
    value = _value(number)
    return int(value) if value is not None else 0


def _fill(template: str, english: str, **values: str) -> str:
    """``template`` filled in, or the English form when the translation lacks a field."""
    if not all("{" + name + "}" in template for name in values):
        template = english
    return template.format(**values)


def _spell(code: str, forms: SpokenForms) -> tuple[str, tuple[str, ...]]:
    """A code letter by letter, its digits as numbers or digit by digit.

    Letters and digit groups are separated by commas: measured with eSpeak
    NG, a letter between commas is read as the letter's name by every voice
    that knows the names (between spaces, Czech reads "K" and "S" as the
    prepositions "k" and "s", English "A" as the article).
    """
    out: list[str] = []
    cues: list[str] = []
    for run in re.findall(r"[A-Z]|\d+", code):
        if run.isdigit():
            short = len(run) <= 3 and (run == "0" or not run.startswith("0"))
            out.append(run if short else " ".join(run))
        else:
            name = forms.letters.get(run, run)
            out.append(name)
            if name not in cues:
                cues.append(name)
    return ", ".join(out), tuple(cues)


#: A rewritable part found in a text: (start, end, priority, kind, spoken, cues).
_Candidate = tuple[int, int, int, str, str, tuple[str, ...]]


def _candidates(text: str, forms: SpokenForms) -> list[_Candidate]:
    """Every rewritable part; where two overlap, the earlier (then the higher priority) wins."""
    found: list[_Candidate] = []
    for m in _CODE.finditer(text):
        code = m.group(0)
        if _is_code(text, m.start(), code):
            spoken, cues = _spell(code, forms)
            found.append((m.start(), m.end(), 0, "code", spoken, cues))
    for m in _MONTH_YEAR.finditer(text):
        month = int(m.group("m") or m.group("m2"))
        year = m.group("y") or m.group("y2")
        template = forms.months[month - 1]
        spoken = _fill(template, "{year}", year=year)
        found.append((m.start(), m.end(), 1, "date", spoken, cue_words(template)))
    for m in _PROPORTION.finditer(text):
        a, b = m.group("a"), m.group("b")
        b_value, a_value = _value(re.sub(r"\D", "", b)), _value(a)
        if a_value is None or b_value is None or a_value >= b_value:
            continue
        spoken = _fill(forms.proportion, "{a} in {b}", a=a, b=re.sub(r"\D", "", b))
        found.append((m.start(), m.end(), 2, "proportion", spoken, cue_words(forms.proportion)))
    for m in _PERCENT.finditer(text):
        first, last = m.group("first"), m.group("last")
        if first is not None and not _ascending(first, last):
            continue
        if first is not None:
            number = _fill(forms.range, "{first} to {last}", first=first, last=last)
            cues = cue_words(forms.range)
        else:
            number, cues = m.group("number") or m.group("after"), ()
        if m.group("ending"):
            template = forms.percent_with_ending
            spoken = _fill(template, "{number} percent{ending}", number=number,
                           ending=m.group("ending"))
        else:
            template = forms.percent(_count(last or number))
            spoken = _fill(template, "{number} percent", number=number)
        found.append((m.start(), m.end(), 3, "percent", spoken, cue_words(template) + cues))
    for m in _RANGE_ALONE.finditer(text):
        first, last = m.group("first"), m.group("last")
        if _ascending(first, last):
            spoken = _fill(forms.range, "{first} to {last}", first=first, last=last)
            found.append((m.start(), m.end(), 4, "range", spoken, cue_words(forms.range)))
    for abbreviation, words in forms.abbreviations:
        pattern = re.compile(r"(?<=\d)[ \u00a0\u202f]" + re.escape(abbreviation) + r"(?!\w)")
        for m in pattern.finditer(text):
            after = text[m.end():].lstrip()
            ends_sentence = not after or after[0].isupper()  # its dot is also a full stop
            spoken = " " + words + ("." if ends_sentence and abbreviation.endswith(".") else "")
            found.append((m.start(), m.end(), 5, "abbreviation", spoken, tuple(words.split())))
    return found


def _is_code(text: str, start: int, code: str) -> bool:
    """A code has a capital and a digit, and stands alone or after a lower-case prefix
    and a hyphen (Maltese "l-JAK1"); "B-A3" or "2-A3" are read as one code from
    their start, never from the middle."""
    if not (re.search(r"\d", code) and re.search(r"[A-Z]", code)):
        return False
    if start and text[start - 1] == "-":
        before = text[:start - 1]
        return bool(re.search(r"(?:^|[\s(\[\"'“‘„«])[^\W\d_A-Z]+$", before))
    return True


def _ascending(first: str, last: str) -> bool:
    a, b = _value(first), _value(last)
    return a is not None and b is not None and a < b


def speakable(text: str, language: str, forms: SpokenForms | None = None) -> SpokenText:
    """``text`` as the voice of ``language`` must say it (see the module's table).

    Args:
        text: the text as shown (one sentence, or any text).
        language: the language the text is spoken in (its voice's).
        forms: that language's spoken forms (default: from its catalog,
            :func:`kiosk.languages.spoken_forms.spoken_forms`).

    Returns:
        The :class:`SpokenText`; ``spoken == shown`` when nothing needs words.
    """
    if forms is None:
        forms = spoken_forms(language)
    if not any(ch.isdigit() for ch in text):
        return SpokenText(text, text, language, ())
    chosen = []
    last_end = 0
    for start, end, _priority, kind, spoken, cues in sorted(_candidates(text, forms),
                                                            key=lambda c: (c[0], c[2])):
        if start >= last_end:
            chosen.append((start, end, kind, spoken, cues))
            last_end = end
    pieces: list[str] = []
    parts: list[SpokenPart] = []
    position = length = 0
    for start, end, kind, spoken, cues in chosen:
        pieces.append(text[position:start])
        length += start - position
        parts.append(SpokenPart(kind, start, end, text[start:end], spoken, cues,
                                length, length + len(spoken)))
        pieces.append(spoken)
        length += len(spoken)
        position = end
    pieces.append(text[position:])
    return SpokenText(text, "".join(pieces), language, tuple(parts))
