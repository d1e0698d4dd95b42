"""Sequences into utterances: languages, marks, sentences, and bounded pieces of long sentences."""

from __future__ import annotations

import pytest

from kiosk.speech.commands import (LangChangeCommand, MarkCommand, ReadItem, check_sequence,
                                   reading_sequence, text_sequence)
from kiosk.speech.utterances import MAX_UTTERANCE_CHARS, split_long, utterances_of


def test_text_sequence_states_its_language() -> None:
    assert text_sequence("Hallo.", "de") == [LangChangeCommand("de"), "Hallo."]


def test_reading_sequence_marks_every_sentence_with_offsets_into_its_item() -> None:
    items = [ReadItem("s1.h", "What is Opzelura?"),
             ReadItem("s1.p1", "A cream. It contains 1.5% ruxolitinib.", language="en"),
             ReadItem("s1.p2", "   "),
             ReadItem("s1.p3", "Ein Satz.", language="de")]
    sequence = reading_sequence(items, "en")
    assert sequence == [
        LangChangeCommand("en"),
        MarkCommand("s1.h", 0, 17), "What is Opzelura?",
        MarkCommand("s1.p1", 0, 8), "A cream.",
        MarkCommand("s1.p1", 9, 38), "It contains 1.5% ruxolitinib.",
        LangChangeCommand("de"),
        MarkCommand("s1.p3", 0, 9), "Ein Satz.",
    ]
    for item in sequence:
        if isinstance(item, MarkCommand):
            text = next(i.text for i in items if i.key == item.name)
            assert text[item.start:item.end] in sequence


def test_utterances_carry_language_sentence_number_and_mark() -> None:
    sequence = [LangChangeCommand("en"), MarkCommand("a", 0, 6), "Alpha. Bravo.",
                LangChangeCommand("de"), "Charlie."]
    found = [(u.text, u.language, u.sentence, u.mark.name if u.mark else None)
             for u in utterances_of(sequence)]
    assert found == [("Alpha.", "en", 0, "a"), ("Bravo.", "en", 1, None),
                     ("Charlie.", "de", 2, None)]


def test_text_before_any_language_is_refused_by_both_checks() -> None:
    with pytest.raises(ValueError, match="before its language"):
        utterances_of(["Hello."])
    with pytest.raises(ValueError, match="before its language"):
        check_sequence(["Hello.", LangChangeCommand("en")])
    with pytest.raises(ValueError, match="not text or a speech command"):
        check_sequence([LangChangeCommand("en"), 42])  # type: ignore[list-item]
    check_sequence([" ", LangChangeCommand("en"), "Fine."])


def test_long_sentences_break_after_a_clause_then_at_a_space_then_hard() -> None:
    clause = "word " * 50 + "end of clause, " + "more " * 100
    pieces = split_long(clause, 300)
    assert pieces[0].endswith("end of clause,") and all(len(p) <= 300 for p in pieces)
    spaces = split_long("abc " * 200, 100)
    assert all(len(p) <= 100 and not p.startswith(" ") for p in spaces)
    assert " ".join(spaces) == ("abc " * 200).strip()
    hard = split_long("x" * 1000, 300)
    assert [len(p) for p in hard] == [300, 300, 300, 100]


def test_a_paragraph_without_a_full_stop_becomes_many_bounded_utterances_of_one_sentence() -> None:
    paragraph = ", ".join(f"item {i} of the list" for i in range(6000))  # ~110,000 characters
    utterances = utterances_of([LangChangeCommand("en"), MarkCommand("p", 0, len(paragraph)),
                                paragraph])
    assert len(paragraph) > 100_000
    assert all(len(u.text) <= MAX_UTTERANCE_CHARS for u in utterances)
    assert {u.sentence for u in utterances} == {0}, "one sentence, for repeat and navigation"
    assert utterances[0].mark is not None and all(u.mark is None for u in utterances[1:])
    assert " ".join(u.text for u in utterances) == paragraph
