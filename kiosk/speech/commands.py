"""Typed speech sequences: text interleaved with commands, as NVDA builds them.

A *speech sequence* (NVDA's ``SpeechSequence``) is a list of strings to
speak and commands that act at that point of the speech.  The kiosk needs
two commands:

* :class:`LangChangeCommand` - the following text is in this language and
  is spoken by that language's voice (EN 301 549 5.1.3.14: speech in the
  language of the text on screen; an English fallback paragraph in a
  translated document is read by the English voice).
* :class:`MarkCommand` - a named point (SSML's ``<mark/>``): the listener
  is told when the speech that follows it starts *playing*, so the screen
  can highlight the sentence being heard (EN 301 549 5.1.3.3).

Every sequence must state its language before its first text: the speech
layer never guesses which voice reads a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

from kiosk.speech.sentences import split_sentences

__all__ = [
    "LangChangeCommand",
    "MarkCommand",
    "ReadItem",
    "SpeechCommand",
    "SpeechSequence",
    "check_sequence",
    "reading_sequence",
    "text_sequence",
]


class SpeechCommand:
    """Base class of everything in a speech sequence that is not text."""

    __slots__ = ()


@dataclass(frozen=True)
class LangChangeCommand(SpeechCommand):
    """The text after this command is in ``language`` (a tag such as "de", "pt-BR")."""

    language: str


@dataclass(frozen=True)
class MarkCommand(SpeechCommand):
    """A named point in the speech, reported when the text after it starts playing.

    ``name`` identifies the text it belongs to (the document key, e.g.
    ``"s3.p1"``); ``start`` and ``end`` are character offsets of the marked
    sentence in that text, so the UI can highlight ``text[start:end]``.
    """

    name: str
    start: int = 0
    end: int = 0


#: Strings to speak and commands, in order (NVDA's ``SpeechSequence``).
SpeechSequence = list[Union[str, SpeechCommand]]


@dataclass(frozen=True)
class ReadItem:
    """A piece of text to read aloud, e.g. one paragraph.

    ``key`` names it in the marks of the reading (``MarkCommand.name``);
    ``language`` is given when the item is in another language than the
    reading (an English fallback paragraph in a translated document).
    """

    key: str
    text: str
    language: str | None = None


def text_sequence(text: str, language: str) -> SpeechSequence:
    """The sequence that says ``text`` in ``language`` (an announcement)."""
    return [LangChangeCommand(language), text]


def reading_sequence(items: Sequence[ReadItem], language: str) -> SpeechSequence:
    """The sequence that reads ``items`` sentence by sentence, with a mark per sentence.

    Each sentence is preceded by a :class:`MarkCommand` naming its item and
    its offsets in the item's text; each item's language (or ``language``)
    is set before its sentences.  Items without words add nothing.
    """
    sequence: SpeechSequence = []
    current: str | None = None
    for item in items:
        item_language = item.language or language
        for sentence in split_sentences(item.text, item_language):
            if item_language != current:
                sequence.append(LangChangeCommand(item_language))
                current = item_language
            sequence.append(MarkCommand(item.key, sentence.start, sentence.end))
            sequence.append(sentence.text)
    return sequence


def check_sequence(sequence: SpeechSequence) -> None:
    """Raise :class:`ValueError` unless ``sequence`` holds only text and commands
    and states its language before its first text."""
    language_known = False
    for item in sequence:
        if isinstance(item, LangChangeCommand):
            language_known = True
        elif isinstance(item, str):
            if item.strip() and not language_known:
                raise ValueError(f"speech sequence has text before its language: {item[:40]!r}")
        elif not isinstance(item, SpeechCommand):
            raise ValueError(f"not text or a speech command: {item!r}")
