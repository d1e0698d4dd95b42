"""Cut a speech sequence into utterances: what is synthesised and played in one go.

Why utterances are sentences, and long sentences are cut further:

* One sentence at a time lets speech start within tens of milliseconds,
  be paused, repeated and navigated sentence by sentence (EN 301 549
  5.1.3.4), and be stopped by killing one short player process.
* A sentence can be unbounded (a 100,000-character paragraph without a
  full stop, measured at 257 MB of audio and 13 s of synthesis in one
  piece).  Such a sentence is cut into pieces of at most
  :data:`MAX_UTTERANCE_CHARS`, preferably after a comma, semicolon or colon,
  else at a space.  Memory then stays bounded by the piece size (the
  narrator holds the piece playing and one synthesised ahead) and a key
  interrupts within the synthesis of one piece.

Every sentence is said as its language says it: numbers with signs, numeric
dates and codes become words first (:func:`kiosk.speech.spoken_text.speakable`:
"10%" is "10 fil-mija" in Maltese).  This happens here, where text becomes
utterances, so every caller gets it, a reading as much as an announcement;
sentences are found in the text as shown, so a mark keeps the offsets of the
shown sentence and the highlight stays on the characters on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from kiosk.speech.commands import LangChangeCommand, MarkCommand, SpeechCommand
from kiosk.speech.sentences import split_sentences
from kiosk.speech.spoken_text import speakable

__all__ = ["MAX_UTTERANCE_CHARS", "Utterance", "split_long", "utterances_of"]

#: The longest text synthesised at once, in characters: about 25 s of speech
#: at 165 words per minute, about 1 MB of audio, and about 80 ms of synthesis.
MAX_UTTERANCE_CHARS = 400

_CLAUSE_END = re.compile(r"[,;:\u060c\u3001](?=\s)")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Utterance:
    """One piece of speech: its text, its language, and where it sits in its sequence.

    ``text`` is what is synthesised (the spoken form); ``shown`` is the
    sentence as the screen shows it.  ``sentence`` numbers the sentences of
    the sequence from 0 (the pieces of one long sentence share it), for
    repeat and previous/next sentence; ``mark`` is the mark reported when
    this utterance starts playing.
    """

    text: str
    language: str
    sentence: int
    mark: MarkCommand | None = None
    shown: str = ""


def split_long(text: str, limit: int = MAX_UTTERANCE_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, whitespace collapsed.

    A piece ends after the last comma (semicolon, colon) in its second half,
    else at the last space, else hard at ``limit`` (a text without spaces).
    """
    rest = _SPACE.sub(" ", text).strip()
    pieces: list[str] = []
    while len(rest) > limit:
        window = rest[: limit + 1]
        clause = [m.end() for m in _CLAUSE_END.finditer(window) if m.end() > limit // 2]
        if clause:
            cut = clause[-1]
        else:
            space = window.rfind(" ")
            cut = space if space > limit // 2 else limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return [p for p in pieces if p]


def utterances_of(sequence: Sequence[str | SpeechCommand],
                  limit: int = MAX_UTTERANCE_CHARS) -> list[Utterance]:
    """The utterances of a speech sequence, in order.

    Text is split into sentences (:func:`kiosk.speech.sentences.split_sentences`,
    in the language in force), each sentence is put in its spoken form
    (:func:`kiosk.speech.spoken_text.speakable`) and long sentences are cut
    into pieces.  A mark applies to the first utterance after it.

    Raises :class:`ValueError` when text comes before any
    :class:`LangChangeCommand` (no voice is ever guessed) or when the
    sequence holds something that is neither text nor a known command.
    """
    out: list[Utterance] = []
    language: str | None = None
    mark: MarkCommand | None = None
    sentence = 0
    for item in sequence:
        if isinstance(item, LangChangeCommand):
            language = item.language
        elif isinstance(item, MarkCommand):
            mark = item
        elif isinstance(item, str):
            if not item.strip():
                continue
            if language is None:
                raise ValueError(f"speech sequence has text before its language: {item[:40]!r}")
            for found in split_sentences(item, language):
                spoken = speakable(found.text, language).spoken
                for piece in split_long(spoken, limit):
                    out.append(Utterance(piece, language, sentence, mark, found.text))
                    mark = None
                sentence += 1
        else:
            raise ValueError(f"not text or a speech command: {item!r}")
    return out
