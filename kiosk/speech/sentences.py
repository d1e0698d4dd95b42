"""Split text into sentences, keeping character offsets into the original.

Why sentences: the narrator synthesises and plays one sentence at a time, so
that speech starts within a few tens of milliseconds, can be stopped and
repeated sentence by sentence (EN 301 549 5.1.3.4), and the screen can
highlight exactly the sentence being heard (5.1.3.3).  The UI highlights by
offsets, so every :class:`Sentence` keeps ``start``/``end`` into the text it
came from and ``text == original[start:end]``.

Why not a general NLP library: medicine overviews are regular, formal text
whose hard cases are few and known (abbreviations, decimals, references like
``EMA/100444/2023``, web addresses, ordinal dates such as German
"19. April").  A small, deterministic rule set with per-language
abbreviation lists handles them, adds no dependency, and is easy to test.

The rules, in order:

1. A sentence can only end at ``.``, ``!``, ``?`` or ``…`` (runs such as
   ``?!`` or ``...`` count as one), optionally followed by closing quotes or
   brackets, and then **whitespace or the end of the text**.  Dots inside
   numbers (``0.5``), references and addresses (``ema.europa.eu/...``) are
   therefore never boundaries, while the final dot of an address is.
2. A blank line always ends a sentence (headings or list items pasted
   together).
3. No break when the next word starts with a lower-case letter: in formal
   text a sentence does not start in lower case, but the word after an
   unknown abbreviation usually does.
4. No break after a known abbreviation of the language ("e.g.", "Dr.",
   "z. B."); "No. 5"-style abbreviations only protect a following number.
5. In languages that write ordinal numbers with a dot (German, Nordic,
   Slavic, Baltic, Hungarian, Finnish...), no break between a one- or
   two-digit number and a month name ("am 19. April 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and its ``[start, end)`` offsets in the source text."""

    text: str
    start: int
    end: int


# --- abbreviations -------------------------------------------------------
# Written without internal spaces; "z.B." also matches "z. B.".  A capitalised
# variant is added automatically ("e.g." also matches "E.g.").

# Never end a sentence after these (titles before names, "for example", ...).
_NO_BREAK_COMMON = (
    "e.g.", "i.e.", "cf.", "vs.", "approx.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.",
    "St.", "incl.", "resp.", "ca.", "et al.", "viz.",
)
# Only protect a following number ("No. 5", "Fig. 2", "p. 12").
_BEFORE_NUMBER_COMMON = ("No.", "no.", "Nr.", "nr.", "Fig.", "fig.", "p.", "pp.", "Art.", "art.")

_NO_BREAK: dict[str, tuple[str, ...]] = {
    "en": ("Inc.", "Ltd.", "Co.", "Jr.", "Sr."),
    "de": ("z.B.", "d.h.", "u.a.", "bzw.", "evtl.", "ggf.", "inkl.", "vgl.", "z.T.",
           "o.Ä.", "u.U.", "v.a.", "i.d.R.", "sog.", "Hr.", "Fr.", "s.o.", "s.u.", "u.ä.",
           "Std.", "max.", "min.", "mind.", "zzgl."),
    "fr": ("M.", "MM.", "Mme.", "Mlle.", "p.ex.", "c.-à-d.", "env.", "av.", "apr.", "cf."),
    "es": ("p.ej.", "Sr.", "Sra.", "Srta.", "Dra.", "aprox.", "Ud.", "Uds.", "EE.UU.",
           "p.m.", "a.m."),
    "it": ("ad es.", "es.", "Sig.", "Sig.ra", "Dott.", "Dott.ssa", "p.es.", "ecc."),
    "pt": ("p.ex.", "Sr.", "Sra.", "Dra.", "aprox.", "V.Exa."),
    "nl": ("bijv.", "d.w.z.", "o.a.", "m.b.t.", "i.p.v.", "mevr.", "dhr.", "nl.", "z.g.a."),
    "da": ("f.eks.", "bl.a.", "dvs.", "mht.", "pga.", "ca.", "evt.", "inkl.", "jf."),
    "sv": ("t.ex.", "bl.a.", "dvs.", "s.k.", "t.o.m.", "fr.o.m.", "m.m.", "bl.a.", "jfr."),
    "nb": ("f.eks.", "bl.a.", "dvs.", "mht.", "pga.", "evt.", "inkl.", "jf.", "o.l."),
    "fi": ("esim.", "ks.", "mm.", "n.", "ns.", "ts.", "vrt."),
    "is": ("t.d.", "þ.e.", "o.fl.", "m.a.", "u.þ.b.", "þ.m.t."),
    "pl": ("np.", "tzn.", "m.in.", "ok.", "tj.", "tzw.", "dr", "prof.", "wg.", "ul.", "godz."),
    "cs": ("např.", "tj.", "tzv.", "mj.", "př.", "cca.", "MUDr.", "Ing.", "Mgr.", "PhDr."),
    "sk": ("napr.", "t.j.", "tzv.", "MUDr.", "Ing.", "Mgr.", "cca."),
    "sl": ("npr.", "t.i.", "oz.", "dr.", "prof."),
    "hr": ("npr.", "tj.", "tzv.", "odn.", "dr.", "prof."),
    "hu": ("pl.", "ill.", "kb.", "dr.", "vö.", "ld.", "ún."),
    "ro": ("de ex.", "dr.", "prof.", "d-l.", "d-na."),
    "bg": ("напр.", "т.е.", "т.нар.", "вкл.", "д-р", "проф.", "гр.", "ок."),
    "el": ("π.χ.", "δηλ.", "βλ.", "Δρ."),
    "et": ("nt.", "s.t.", "vt.", "lk.", "dr."),
    "lt": ("pvz.", "t.y.", "žr.", "dr.", "prof."),
    "lv": ("piem.", "t.i.", "sk.", "t.s.", "dr.", "prof."),
    "mt": ("eż.", "Dr.", "Prof.", "Sur.", "Sinj."),
    "ga": ("m.sh.", "Dr.", "lch."),
    "uk": ("напр.", "т.зв.", "див.", "проф.", "д-р", "ін."),
    "tr": ("örn.", "bkz.", "Dr.", "Prof.", "Doç."),
}
_BEFORE_NUMBER: dict[str, tuple[str, ...]] = {
    "de": ("S.", "Abb.", "Kap.", "Tab."),
    "fr": ("n.", "p.", "chap."),
    "es": ("núm.", "pág.", "cap."),
    "it": ("n.", "pag.", "cap."),
    "pt": ("n.", "pág.", "cap."),
    "cs": ("č.", "str."),
    "sk": ("č.", "str."),
    "pl": ("str.", "r."),
    "hr": ("br.", "str."),
    "sl": ("št.", "str."),
    "bg": ("стр.", "г.", "бр."),
    "uk": ("стор.", "р.", "ст."),
    "hu": ("sz.", "o."),
    "fi": ("s.", "nro."),
    "el": ("σελ.", "αρ."),
}
# Languages writing ordinals as "19." (so "19. April" is not a sentence end).
_ORDINAL_DOT_LANGUAGES = frozenset(
    "de da nb is fi et lv lt cs sk sl hr hu pl tr bg uk".split()
)

_TERMINATOR_RUN = re.compile(r"[.!?…]+[\"'”’»)\]}]*(?=\s|$)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_OPENERS = "\"'“‘„«‹([{¿¡"
_CLOSERS = "\"'”’»)]}"


def _primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _abbreviation_pattern(abbreviation: str) -> str:
    """Regex for one abbreviation, allowing a space after each inner dot."""
    parts = abbreviation.split(".")
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part).replace(r"\ ", r"\s+"))
        if i < len(parts) - 1:
            out.append(r"\." + (r"\s?" if i < len(parts) - 2 else ""))
    return "".join(out)


def _variants(abbreviation: str) -> set[str]:
    first = abbreviation[:1]
    return {abbreviation, first.upper() + abbreviation[1:]}


@lru_cache(maxsize=64)
def _rules(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, frozenset[str]]:
    """Compiled abbreviation patterns and month names for a language."""
    lang = _primary(language)
    no_break = set()
    for a in _NO_BREAK_COMMON + _NO_BREAK.get(lang, ()):
        no_break |= _variants(a)
    before_number = set()
    for a in _BEFORE_NUMBER_COMMON + _BEFORE_NUMBER.get(lang, ()):
        before_number |= _variants(a)
    # Stored CLDR month names (Babel would load the language's whole CLDR data).
    from kiosk.languages.formatting import month_names

    months = month_names(lang)
    for month in months:
        if month.endswith("."):
            before_number |= _variants(month)

    def compile_(items: set[str]) -> re.Pattern[str] | None:
        dotted = sorted((a for a in items if a.endswith(".")), key=len, reverse=True)
        if not dotted:
            return None
        alternatives = "|".join(_abbreviation_pattern(a) for a in dotted)
        return re.compile(rf"(?<![\w.\-])(?:{alternatives})")

    return compile_(no_break), compile_(before_number), frozenset(
        m.rstrip(".").casefold() for m in months
    )


def _protected_dots(text: str, language: str) -> tuple[set[int], dict[int, str]]:
    """Dots that may not end a sentence, and the class of abbreviation-final dots."""
    no_break, before_number, _ = _rules(language)
    inner: set[int] = set()
    final: dict[int, str] = {}
    for pattern, kind in ((before_number, "number"), (no_break, "never")):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            span = text[m.start() : m.end()]
            dots = [m.start() + i for i, ch in enumerate(span) if ch == "."]
            inner.update(dots[:-1])
            if dots:
                final[dots[-1]] = kind  # "never" wins: applied last
    return inner, final


def _next_word(text: str, pos: int) -> str:
    """The first letter or digit after ``pos``, skipping spaces and opening marks."""
    n = len(text)
    while pos < n and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    return text[pos] if pos < n else ""


def _word_after(text: str, pos: int) -> str:
    m = re.compile(r"\s*[" + re.escape(_OPENERS) + r"]*([^\W\d_]+\.?)").match(text, pos)
    return m.group(1) if m else ""


def _is_boundary(text: str, match: re.Match[str], language: str,
                 inner: set[int], final: dict[int, str]) -> bool:
    run = match.group(0).rstrip(_CLOSERS)
    end = match.end()
    nxt = _next_word(text, end)
    if not nxt:
        return True
    if nxt.islower():
        return False
    if run != ".":
        return True  # "!", "?", "...", "?!": only the lower-case rule applies
    dot = match.start()
    if dot in inner:
        return False
    kind = final.get(dot)
    if kind == "never":
        return False
    if kind == "number" and nxt.isdigit():
        return False
    if _primary(language) in _ORDINAL_DOT_LANGUAGES:
        digits = re.search(r"(?<![\w.,])\d{1,2}$", text[:dot])
        if digits:
            _, _, months = _rules(language)
            if _word_after(text, end).rstrip(".").casefold() in months:
                return False
    return True


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    Never returns empty sentences; surrounding whitespace is excluded from
    each sentence, and every non-space character of ``text`` belongs to
    exactly one sentence, in order.
    """
    inner, final = _protected_dots(text, language)
    cuts: set[int] = {m.start() for m in _BLANK_LINE.finditer(text)}
    for m in _TERMINATOR_RUN.finditer(text):
        if _is_boundary(text, m, language, inner, final):
            cuts.add(m.end())
    cuts.add(len(text))

    sentences: list[Sentence] = []
    start = 0
    for cut in sorted(cuts):
        piece = text[start:cut]
        stripped_left = len(piece) - len(piece.lstrip())
        s, e = start + stripped_left, start + len(piece.rstrip())
        if e > s:
            sentences.append(Sentence(text[s:e], s, e))
        start = cut
    return sentences
