"""What eSpeak NG would say, as phonemes, asked in a child process.

``kiosk check`` needs to know whether a voice really says a number's unit
("%" must be heard as "fil-mija" in Maltese, not dropped).  eSpeak NG's
``espeak_TextToPhonemes`` answers that without sound, in its phoneme
mnemonics (what ``espeak-ng -q -x -v <voice> "<text>"`` prints), including
its language switches: "(en)p3s'Ent(is)" is the Icelandic voice handing
"%" to the English voice.

Why a child process: eSpeak NG calls ``exit()`` on bad data (a missing or
mismatched voice or dictionary), which would end the caller; here only the
child ends, its error is reported for the voice it was reading, and a new
child carries on with the next voice.  The child loads the same library and
data the narrator would (:func:`kiosk.speech.espeak_runtime.locate_runtime`),
so the check hears what the kiosk will say.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Sequence

from kiosk.speech.espeak_runtime import SpeechUnavailable, locate_runtime

__all__ = ["PhonemeResult", "text_to_phonemes"]

#: A safety net only: 28 voices' worth of text takes about a second.
_TIMEOUT_S = 120.0

# The child: initialise eSpeak (asking it not to exit), then for each voice
# print one JSON line with the phonemes of each text.  espeak_TextToPhonemes
# translates one clause per call and advances the text pointer, NULL at the end.
_CHILD = r"""
import ctypes, json, sys
lib = ctypes.CDLL(sys.argv[1])
lib.espeak_Initialize.restype = ctypes.c_int
lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
if lib.espeak_Initialize(2, 0, None, 0x8000) <= 0:
    sys.stderr.write("espeak_Initialize failed\n")
    sys.exit(3)
lib.espeak_SetVoiceByName.restype = ctypes.c_int
lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
for voice, texts in json.loads(sys.stdin.read()):
    sys.stdout.write(json.dumps({"voice": voice, "started": True}) + "\n")
    sys.stdout.flush()
    if lib.espeak_SetVoiceByName(voice.encode("utf-8")) != 0:
        error = "eSpeak NG has no voice " + voice
        sys.stdout.write(json.dumps({"voice": voice, "error": error}) + "\n")
        continue
    out = []
    for text in texts:
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        while pointer.value:
            clause = lib.espeak_TextToPhonemes(ctypes.byref(pointer), 1, 0)
            clauses.append((clause or b"").decode("utf-8", "replace").strip())
        out.append(" ".join(c for c in clauses if c))
    sys.stdout.write(json.dumps({"voice": voice, "phonemes": out}) + "\n")
    sys.stdout.flush()
"""


@dataclass(frozen=True)
class PhonemeResult:
    """The phonemes of each text for one voice, or why there are none."""

    voice: str
    phonemes: tuple[str, ...] = ()
    error: str | None = None


def _run_child(library: str, data_parent: str, requests: list[tuple[str, list[str]]]
               ) -> tuple[list[PhonemeResult], str | None, str | None]:
    """One child for ``requests``.

    Returns the results it finished, the voice it was reading last, and
    (when it died) why.
    """
    env = dict(os.environ, ESPEAK_DATA_PATH=data_parent)
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-S", "-c", _CHILD, library],
            input=json.dumps(requests).encode("utf-8"), capture_output=True, env=env,
            timeout=_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return [], None, f"eSpeak NG did not answer within {_TIMEOUT_S:.0f} s"
    except OSError as exc:
        return [], None, f"could not start a child process for eSpeak NG: {exc}"
    results = []
    started = None
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        try:
            answer = json.loads(line)
        except ValueError:
            continue
        if answer.get("started"):
            started = answer["voice"]
        elif "phonemes" in answer:
            results.append(PhonemeResult(answer["voice"], tuple(answer["phonemes"])))
        elif "error" in answer:
            results.append(PhonemeResult(answer["voice"], error=answer["error"]))
    if proc.returncode == 0:
        return results, started, None
    detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return results, started, (f"eSpeak NG exited (status {proc.returncode})"
                              + (f": {detail[-1]}" if detail else ""))


def text_to_phonemes(requests: Sequence[tuple[str, Sequence[str]]],
                     library_path: str | None = None,
                     data_path: str | None = None) -> dict[str, PhonemeResult]:
    """The phonemes eSpeak NG would speak for each text, per voice.

    Args:
        requests: ``(voice id, texts)`` pairs; a voice id is what the narrator
            uses ("sem/mt", see :mod:`kiosk.speech.voices`).
        library_path, data_path: a system eSpeak NG (``[speech]`` in the
            configuration), or ``None`` for the bundled one.

    Returns:
        One :class:`PhonemeResult` per voice: the phonemes of each text, in
        order (eSpeak's ASCII mnemonics, clauses joined by a space), or the
        error that stopped eSpeak on that voice (the other voices are still
        read, by a new child process).

    Raises:
        SpeechUnavailable: eSpeak NG's library or data cannot be found.
    """
    runtime = locate_runtime(library_path, data_path)
    pending = [(voice, list(texts)) for voice, texts in requests]
    found: dict[str, PhonemeResult] = {}
    while pending:
        results, started, failure = _run_child(str(runtime.library_path),
                                               str(runtime.data_parent), pending)
        for result in results:
            found[result.voice] = result
        pending = [(voice, texts) for voice, texts in pending if voice not in found]
        if failure is None:
            for voice, _texts in pending:  # never answered, yet the child ended well
                found[voice] = PhonemeResult(voice, error="eSpeak NG gave no answer")
            break
        if pending:  # the voice being read when the child died, else the next one
            culprit = started if started in dict(pending) else pending[0][0]
            found[culprit] = PhonemeResult(culprit, error=failure)
            pending = [(voice, texts) for voice, texts in pending if voice != culprit]
    return found

