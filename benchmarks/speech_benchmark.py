#!/usr/bin/env python3
"""Speech benchmark: responsiveness of the narrator through a real sound server.

Prints these figures (medians over ``--runs``):

1. Through the real kiosk (``launcher.build_app``, headless Textual Pilot,
   speech on): the listen key -> first audio sample at a PulseAudio null
   sink (target < 150 ms), and any key -> last audio sample (target < 100 ms).
2. The narrator alone: read() -> first audio, stop() -> last audio.
3. synthesis speed of the kiosk engine (pyttsx3 + eSpeak NG, in process,
   sentence by sentence as the narrator does it) against the ``espeak-ng``
   command line on the same text, as a ratio.
4. The spoken forms (issue 9, item 6): putting every sentence of the
   overview and the interface, in all 28 languages, in its spoken form
   (``kiosk.speech.spoken_text.speakable``), per sentence, against splitting
   the same texts into sentences and against synthesising a sentence.
5. A 100,000-character paragraph without a full stop (issue 9, item 10),
   read by the narrator into the sink: peak memory, read() -> first audio,
   cancel() -> last audio; against the same paragraph synthesised in one
   piece by the engine (what the narrator did before), each in a fresh
   child process so that peak memory (ru_maxrss) is its own.

It starts its own private PulseAudio (null sink) like the tests do.  The
PulseAudio and recorder helpers live in ``tests/speech/pulse_server.py``
and are imported from there by path: they are test tooling, so they stay
out of the ``kiosk`` package, and one copy means the benchmark measures
exactly what the tests check.

Run from the repository root:  python benchmarks/speech_benchmark.py [--runs 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def load_pulse_helpers():
    """The test suite's PulseAudio null-sink server (tests/speech/pulse_server.py), by path."""
    path = REPO / "tests" / "speech" / "pulse_server.py"
    spec = importlib.util.spec_from_file_location("kiosk_bench_pulse_server", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _ms(values: list[float]) -> str:
    if not values:
        return "no data"
    return (f"median {statistics.median(values) * 1000:6.1f} ms   "
            f"min {min(values) * 1000:6.1f}   max {max(values) * 1000:6.1f}   (n={len(values)})")


def _overview_sentences() -> list[str]:
    from kiosk.document.source_format import load_document
    from kiosk.speech import split_sentences

    doc = load_document(REPO / "content" / "opzelura")
    return [s.text for section in doc.sections for p in section.paragraphs
            for s in split_sentences(p, "en")]


def bench_latency(pulse_mod, runs: int) -> tuple[list[float], list[float], list[float]]:
    from kiosk.speech import MarkReached, Narrator, ReadItem, SpeechFailed, SpeechSettings

    server = pulse_mod.shared_server()
    os.environ.update(server.client_env)
    recorder = pulse_mod.shared_recorder()
    started = threading.Event()

    def on_event(event) -> None:
        if isinstance(event, MarkReached):
            started.set()
        elif isinstance(event, SpeechFailed):
            print("UNAVAILABLE:", event.reason, file=sys.stderr)

    narrator = Narrator(SpeechSettings(enabled=True, player="paplay", device=server.sink),
                        on_event=on_event)
    first_audio: list[float] = []
    stop_tail: list[float] = []
    stop_call: list[float] = []
    try:
        recorder.wait_started()
        narrator.start()
        if not narrator.has_voice("en"):
            raise SystemExit(f"speech unavailable: {narrator.unavailable_reason}")
        text = [ReadItem("p", "Opzelura is a medicine used for treating non-segmental vitiligo, "
                              "a disease that causes patches of skin to lose colour.")]
        time.sleep(0.5)
        for _ in range(runs):
            started.clear()
            t_read = time.monotonic()
            narrator.read(text, "en")
            started.wait(5)
            time.sleep(0.6)
            t_stop = time.monotonic()
            narrator.cancel()
            stop_call.append(time.monotonic() - t_stop)
            time.sleep(0.5)
            rec = recorder.snapshot()
            first = rec.first_sound_after(t_read)
            last = rec.last_sound(start=t_read, end=t_stop + 0.45)
            if first is not None:
                first_audio.append(first - t_read)
            if last is not None:
                stop_tail.append(max(0.0, last - t_stop))
    finally:
        narrator.close()
    return first_audio, stop_tail, stop_call


def bench_kiosk(pulse_mod, runs: int) -> tuple[list[float], list[float]]:
    """Listen key -> first audio, and key -> silence, through the real kiosk app."""
    import asyncio
    import logging

    from kiosk.languages import configure_locales
    from kiosk.launcher import build_app
    from kiosk.speech import SpeechSettings
    from tests.ui.helpers import make_config

    server = pulse_mod.shared_server()
    os.environ.update(server.client_env)
    recorder = pulse_mod.shared_recorder()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    config = make_config(tmp, speech=SpeechSettings(enabled=True, player="paplay",
                                                    device=server.sink),
                         idle_timeout=3600.0)
    logging.getLogger("kiosk").addHandler(logging.NullHandler())
    logging.getLogger("kiosk").propagate = False
    configure_locales(config.locales_dir)
    app = build_app(config)
    to_audio: list[float] = []
    to_silence: list[float] = []

    async def until(pilot, predicate, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end and not predicate():
            await pilot.pause(0.01)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            narrator = app.announcer.narrator
            await until(pilot, lambda: narrator.is_ready, 10)
            if not narrator.is_available:
                raise SystemExit(f"speech unavailable: {narrator.unavailable_reason}")
            await pilot.press("down", "enter")  # Start: the overview
            await pilot.press("enter")  # into the text of section 1
            for _ in range(runs):
                await pilot.press("x")  # a key that only stops speech
                await until(pilot, lambda: not narrator.is_speaking, 5)
                await pilot.pause(0.4)
                t_key = time.monotonic()
                await pilot.press("r")  # listen
                await until(pilot, lambda: recorder.snapshot().first_sound_after(t_key) is not None, 3)
                first = recorder.snapshot().first_sound_after(t_key)
                if first is not None:
                    to_audio.append(first - t_key)
                await pilot.pause(0.6)
                t_stop = time.monotonic()
                await pilot.press("x")
                await pilot.pause(0.45)
                last = recorder.snapshot().last_sound(start=t_key, end=t_stop + 0.4)
                if last is not None:
                    to_silence.append(max(0.0, last - t_stop))

    try:
        asyncio.run(run())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return to_audio, to_silence


def bench_cold_speech_key(pulse_mod, runs: int) -> list[float]:
    """Speech key on a kiosk whose engine has not loaded yet -> "Speech on." at the sink.

    With speech off by default the engine loads with the first utterance, so
    this is the longest a visitor waits for the first word; a fresh app each run.
    """
    import asyncio
    import logging

    from kiosk.languages import configure_locales
    from kiosk.launcher import build_app
    from kiosk.speech import SpeechSettings
    from tests.ui.helpers import make_config

    server = pulse_mod.shared_server()
    os.environ.update(server.client_env)
    recorder = pulse_mod.shared_recorder()
    logging.getLogger("kiosk").addHandler(logging.NullHandler())
    logging.getLogger("kiosk").propagate = False
    delays: list[float] = []
    for _ in range(runs):
        tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        config = make_config(tmp, speech=SpeechSettings(enabled=False, player="paplay",
                                                        device=server.sink))
        configure_locales(config.locales_dir)
        app = build_app(config)

        async def run() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause(0.5)
                t_key = time.monotonic()
                await pilot.press("f4")
                end = t_key + 5
                while time.monotonic() < end and recorder.snapshot().first_sound_after(t_key) is None:
                    await pilot.pause(0.01)
                first = recorder.snapshot().first_sound_after(t_key)
                if first is not None:
                    delays.append(first - t_key)
                await pilot.pause(1.5)

        try:
            asyncio.run(run())
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return delays


def bench_synthesis(runs: int) -> None:
    from kiosk.speech import SpeechEngine

    sentences = _overview_sentences()
    whole = " ".join(sentences)
    engine = SpeechEngine()
    engine.open()
    engine.synthesise("Warm up.", "en")

    def engine_by_sentence() -> float:
        t = time.perf_counter()
        for s in sentences:
            engine.synthesise(s, "en", rate=165, volume=0.8)
        return time.perf_counter() - t

    def engine_whole() -> float:
        t = time.perf_counter()
        engine.synthesise(whole, "en", rate=165, volume=0.8)
        return time.perf_counter() - t

    import io
    import wave
    with wave.open(io.BytesIO(engine.synthesise(whole, "en", rate=165)), "rb") as w:
        audio_s = w.getnframes() / w.getframerate()

    reps = max(3, runs // 3)
    by_sentence = statistics.median(engine_by_sentence() for _ in range(reps))
    at_once = statistics.median(engine_whole() for _ in range(reps))
    print(f"\nSynthesis of the whole overview ({len(whole)} characters, {len(sentences)} sentences, "
          f"{audio_s:.0f} s of audio at 165 wpm), median of {reps}:")
    print(f"  kiosk engine, sentence by sentence : {by_sentence * 1000:7.1f} ms "
          f"({audio_s / by_sentence:5.0f}x real time, {by_sentence / len(sentences) * 1000:.1f} ms/sentence)")
    print(f"  kiosk engine, whole text (chunked) : {at_once * 1000:7.1f} ms")

    cli = shutil.which("espeak-ng")
    if cli is None:
        print("  espeak-ng command line            : not installed (Debian package 'espeak-ng'), no baseline")
        return
    # The kiosk engine set ESPEAK_DATA_PATH for its own eSpeak; the CLI must use its own data.
    env = {k: v for k, v in os.environ.items() if k != "ESPEAK_DATA_PATH"}
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, env=env).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.wav")
        text_file = os.path.join(tmp, "text.txt")
        Path(text_file).write_text(whole, encoding="utf-8")

        def cli_whole() -> float:
            t = time.perf_counter()
            subprocess.run([cli, "-v", "en", "-s", "165", "-w", out, "-f", text_file], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            return time.perf_counter() - t

        def cli_by_sentence() -> float:
            t = time.perf_counter()
            for s in sentences:
                subprocess.run([cli, "-v", "en", "-s", "165", "-w", out, s], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            return time.perf_counter() - t

        cli_at_once = statistics.median(cli_whole() for _ in range(reps))
        cli_sentences = statistics.median(cli_by_sentence() for _ in range(reps))
    print(f"  espeak-ng CLI, whole text          : {cli_at_once * 1000:7.1f} ms   [{version}]")
    print(f"  espeak-ng CLI, one call per sentence: {cli_sentences * 1000:6.1f} ms "
          f"({cli_sentences / len(sentences) * 1000:.1f} ms/sentence)")
    print(f"  ratio kiosk engine / CLI (whole text)        : {at_once / cli_at_once:5.2f}")
    print(f"  ratio kiosk engine / CLI (sentence by sentence): {by_sentence / cli_sentences:5.2f}")


# Runs in a child process: the narrator reads one paragraph into the sink and
# is cancelled after a few seconds; prints JSON with clock stamps and memory.
_LONG_NARRATOR = r"""
import json, resource, sys, threading, time
from kiosk.speech import MarkReached, Narrator, ReadItem, SpeechSettings

def rss_kib():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

paragraph = open(sys.argv[1], encoding="utf-8").read()
first = threading.Event()
narrator = Narrator(SpeechSettings(player="paplay", device=sys.argv[2]),
                    on_event=lambda e: first.set() if isinstance(e, MarkReached) else None)
assert narrator.has_voice("en"), narrator.unavailable_reason
narrator.say("Warm up.", "en"); narrator.wait_until_quiet(30)
before = rss_kib()
samples = [before]
done = threading.Event()
def sample():
    while not done.wait(0.01):
        samples.append(rss_kib())
threading.Thread(target=sample, daemon=True).start()
t_read = time.monotonic()
narrator.read([ReadItem("p", paragraph)], "en")
first.wait(60)
t_mark = time.monotonic()
time.sleep(3.0)  # listen for a while (a benchmark pause, not a test)
t_stop = time.monotonic()
narrator.cancel()
t_returned = time.monotonic()
narrator.settle(30)
done.set()
narrator.close()
print(json.dumps({"t_read": t_read, "t_mark": t_mark, "t_stop": t_stop,
                  "cancel_call": t_returned - t_stop, "rss_before_kib": before,
                  "peak_kib": max(samples),
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# Runs in a child process: the same paragraph synthesised in one call (the old way).
_LONG_ONE_PIECE = r"""
import io, json, resource, sys, time, wave
from kiosk.speech import SpeechEngine
paragraph = open(sys.argv[1], encoding="utf-8").read()
engine = SpeechEngine(); engine.open(); engine.synthesise("Warm up.", "en")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.monotonic()
wav = engine.synthesise(paragraph, "en")
took = time.monotonic() - t
with wave.open(io.BytesIO(wav)) as w:
    seconds = w.getnframes() / w.getframerate()
print(json.dumps({"synthesis_s": took, "wav_bytes": len(wav), "audio_s": seconds,
                  "rss_before_kib": before,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def long_paragraph(chars: int = 100_000) -> str:
    """The overview's sentences joined with commas into one paragraph without a full stop."""
    parts = [s.rstrip(".!?").replace(". ", ", ") for s in _overview_sentences()]
    text = ""
    while len(text) < chars:
        for part in parts:
            text += part + ", "
    return text[:chars].rsplit(" ", 1)[0]


def bench_long_paragraph(pulse_mod, one_piece: bool) -> None:
    """Issue 9, item 10: a 100,000-character paragraph without a full stop."""
    import json

    server = pulse_mod.shared_server()
    os.environ.update(server.client_env)
    recorder = pulse_mod.shared_recorder()
    paragraph = long_paragraph()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "paragraph.txt")
        Path(path).write_text(paragraph, encoding="utf-8")
        proc = subprocess.run([sys.executable, "-c", _LONG_NARRATOR, path, server.sink],
                              capture_output=True, text=True, env=env, timeout=300, check=False)
        if proc.returncode != 0:
            print(f"  100,000-character paragraph: child failed: {proc.stderr[-500:]}")
            return
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        recorder.wait_for_stream(got["t_stop"], 1.2, timeout=30)
        rec = recorder.snapshot(got["t_read"] - 1)
        first = rec.first_sound_after(got["t_read"])
        last = rec.last_sound(start=got["t_read"], end=got["t_stop"] + 1.0)
        print(f"\nA {len(paragraph):,}-character paragraph without a full stop "
              f"(the narrator, paplay into the null sink):")
        print(f"  read() -> first audio at the sink  : "
              f"{(first - got['t_read']) * 1000 if first else float('nan'):7.1f} ms")
        print(f"  cancel() -> last audio at the sink : "
              f"{max(0.0, last - got['t_stop']) * 1000 if last else float('nan'):7.1f} ms "
              f"(cancel() call itself {got['cancel_call'] * 1000:.1f} ms)")
        print(f"  peak memory while reading (VmRSS)  : {got['peak_kib'] / 1024:7.1f} MiB "
              f"({(got['peak_kib'] - got['rss_before_kib']) / 1024:+.1f} MiB over the process "
              f"before the reading; process peak ru_maxrss {got['maxrss_kib'] / 1024:.1f} MiB)")
        if not one_piece:
            return
        proc = subprocess.run([sys.executable, "-c", _LONG_ONE_PIECE, path], capture_output=True,
                              text=True, env=env, timeout=600, check=False)
        if proc.returncode != 0:
            print(f"  baseline, one piece: child failed: {proc.stderr[-500:]}")
            return
        old = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"  baseline, synthesised in one piece : {old['synthesis_s']:7.1f} s before any audio, "
              f"{old['wav_bytes'] / 1e6:.0f} MB of WAV ({old['audio_s'] / 60:.0f} min), "
              f"peak memory {old['peak_kib'] / 1024:.0f} MiB "
              f"({(old['peak_kib'] - old['rss_before_kib']) / 1024:+.0f} MiB)")


def bench_spoken_forms(runs: int) -> None:
    from kiosk.languages import configure_locales
    from kiosk.languages.registry import SUPPORTED_LANGUAGES
    from kiosk.languages.shown_texts import shown_texts
    from kiosk.languages.templates import all_templates
    from kiosk.speech import SpeechEngine
    from kiosk.speech.sentences import split_sentences
    from kiosk.speech.spoken_text import speakable

    configure_locales(REPO / "locales")
    templates = all_templates(REPO / "content")
    texts = [(t.text, t.language) for code in SUPPORTED_LANGUAGES
             for t in shown_texts(REPO / "locales", REPO / "content", code, templates)]
    sentences = [(s.text, language) for text, language in texts
                 for s in split_sentences(text, language)]
    for sentence, language in sentences:  # catalogs loaded, patterns compiled
        speakable(sentence, language)

    def spoken() -> float:
        t = time.perf_counter()
        for sentence, language in sentences:
            speakable(sentence, language)
        return time.perf_counter() - t

    def split() -> float:
        t = time.perf_counter()
        for text, language in texts:
            split_sentences(text, language)
        return time.perf_counter() - t

    engine = SpeechEngine()
    engine.open()
    sample = next(s for s, language in sentences if "%" in s and language == "en")
    engine.synthesise(sample, "en")
    reps = max(3, runs // 3)
    took = statistics.median(spoken() for _ in range(reps))
    baseline = statistics.median(split() for _ in range(reps))

    def synthesise() -> float:
        t = time.perf_counter()
        engine.synthesise(sample, "en")
        return time.perf_counter() - t

    synthesis = statistics.median(synthesise() for _ in range(reps))
    per = took / len(sentences)
    print(f"\nSpoken forms of every shown sentence ({len(sentences)} sentences, 28 languages), "
          f"median of {reps}:")
    print(f"  speakable(), all sentences          : {took * 1000:7.1f} ms ({per * 1e6:.1f} µs/sentence)")
    print(f"  baseline: split_sentences, same text: {baseline * 1000:7.1f} ms")
    print(f"  baseline: synthesising one sentence : {synthesis * 1000:7.1f} ms "
          f"({synthesis / per:,.0f}x one speakable())")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="measurements per figure")
    parser.add_argument("--no-one-piece-baseline", action="store_true",
                        help="skip synthesising the 100,000-character paragraph in one piece "
                             "(~1 GB of memory, ~15 s)")
    args = parser.parse_args()
    pulse_mod = load_pulse_helpers()
    try:
        # First, while eSpeak NG is not loaded in this process yet: what the
        # first visitor who turns speech on waits for the first word.
        cold = bench_cold_speech_key(pulse_mod, 4)
        key_audio, key_silence = bench_kiosk(pulse_mod, args.runs)
    except pulse_mod.PulseError as exc:
        print(f"kiosk figures skipped: cannot start PulseAudio: {exc}")
    else:
        print("Through the kiosk (build_app, Pilot, speech on, section 1):")
        print(f"listen key -> first audio at the sink  : {_ms(key_audio)}   target < 150 ms")
        print(f"any key -> last audio at the sink      : {_ms(key_silence)}   target < 100 ms")
        if cold:
            print(f"speech key, engine not started -> first audio: first in this process "
                  f"{cold[0] * 1000:.1f} ms (eSpeak NG library loaded cold); later fresh apps "
                  f"{_ms(cold[1:]) if len(cold) > 1 else '-'}")
        print("The narrator alone:")
    try:
        first_audio, stop_tail, stop_call = bench_latency(pulse_mod, args.runs)
    except pulse_mod.PulseError as exc:
        print(f"audio figures skipped: cannot start PulseAudio: {exc}")
    else:
        print(f"read() -> first audio at the null sink : {_ms(first_audio)}   target < 150 ms")
        print(f"stop() -> last audio at the null sink  : {_ms(stop_tail)}   target < 100 ms")
        print(f"stop() call itself (UI thread blocked) : {_ms(stop_call)}")
    bench_synthesis(args.runs)
    bench_spoken_forms(args.runs)
    try:
        bench_long_paragraph(pulse_mod, not args.no_one_piece_baseline)
    except pulse_mod.PulseError as exc:
        print(f"long-paragraph figures skipped: cannot start PulseAudio: {exc}")


if __name__ == "__main__":
    main()
