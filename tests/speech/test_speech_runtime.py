"""Finding eSpeak NG, and failing safely: a bad eSpeak must never take the kiosk down."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.speech import Narrator, SpeechFailed, SpeechSettings
from kiosk.speech.espeak_runtime import REQUIRED_DATA_FILES, SpeechUnavailable, locate_runtime

REPO = Path(__file__).resolve().parent.parent.parent
SYSTEM_LIB = Path("/usr/lib/x86_64-linux-gnu/libespeak-ng.so.1")
SYSTEM_DATA = Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data")


def run_child(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        timeout=timeout,
    )


def test_wheel_runtime_is_found_and_complete() -> None:
    runtime = locate_runtime()
    assert runtime.source == "espeakng-loader wheel"
    assert runtime.library_path.is_file() and runtime.library_path.name.startswith("libespeak-ng.so")
    assert runtime.data_dir.name == "espeak-ng-data"
    for name in REQUIRED_DATA_FILES:
        assert (runtime.data_dir / name).stat().st_size > 0
    assert runtime.data_parent == runtime.data_dir.parent


def test_only_one_of_the_system_paths_is_refused() -> None:
    with pytest.raises(SpeechUnavailable, match="both library_path and data_path"):
        locate_runtime(library_path="/usr/lib/libespeak-ng.so.1")


def test_missing_library_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SpeechUnavailable, match="library not found"):
        locate_runtime(str(tmp_path / "libespeak-ng.so.1"), str(locate_runtime().data_dir))


@pytest.mark.parametrize("layout", ["empty", "incomplete", "wrong-name"])
def test_bad_data_folder_is_reported_before_loading(tmp_path: Path, layout: str) -> None:
    lib = str(locate_runtime().library_path)
    data = tmp_path / ("espeak-ng-data" if layout != "wrong-name" else "data")
    data.mkdir()
    if layout in ("incomplete", "wrong-name"):
        (data / "phontab").write_bytes(b"x" * 10)
    if layout == "wrong-name":
        for name in REQUIRED_DATA_FILES:
            (data / name).write_bytes(b"x" * 10)
    with pytest.raises(SpeechUnavailable) as info:
        locate_runtime(lib, str(data))
    assert str(data) in info.value.reason or str(tmp_path) in info.value.reason


def test_narrator_with_bad_library_is_unavailable_not_crashing(tmp_path: Path) -> None:
    reasons: list[str] = []
    settings = SpeechSettings(enabled=True, library_path=str(tmp_path / "nope.so"),
                              data_path=str(locate_runtime().data_dir))
    narrator = Narrator(settings, on_event=lambda e: reasons.append(e.reason)
                        if isinstance(e, SpeechFailed) else None)
    narrator.start()
    assert narrator.has_voice("en") is False  # waits for initialisation to finish
    narrator.close()
    assert reasons and "library not found" in reasons[0]
    assert len(reasons) == 1 and not narrator.is_available
    assert narrator.unavailable_reason == reasons[0]


# -- eSpeak's exit(1): proven in child processes ----------------------------

_CHILD = """
    import sys, threading
    from kiosk.speech import Narrator, SpeechFailed, SpeechSettings
    from kiosk.speech.espeak_runtime import locate_runtime
    lib = {lib!r} or str(locate_runtime().library_path)
    got = []
    done = threading.Event()
    def on_event(event):
        if isinstance(event, SpeechFailed):
            got.append(event.reason)
            done.set()
    n = Narrator(SpeechSettings(enabled=True, library_path=lib, data_path={data!r}, player="true"),
                 on_event=on_event)
    n.start()
    ready = n.has_voice("en")
    done.wait(30)
    n.close()
    print("SURVIVED", ready, n.is_available)
    print("REASON", got[0] if got else None)
"""


def fake_data(tmp_path: Path) -> Path:
    """A data folder that passes the file checks but is garbage to eSpeak."""
    data = tmp_path / "espeak-ng-data"
    data.mkdir()
    for name in REQUIRED_DATA_FILES:
        (data / name).write_bytes(b"\x00garbage" * 64)
    (data / "voices").mkdir()
    return data


def test_garbage_data_would_exit_the_process_without_the_preflight(tmp_path: Path) -> None:
    """Control experiment: pyttsx3 alone on this data kills its process (so the next test means something)."""
    data = fake_data(tmp_path)
    proc = run_child(f"""
        import ctypes, os
        from kiosk.speech.espeak_runtime import locate_runtime
        ctypes.CDLL(str(locate_runtime().library_path), mode=ctypes.RTLD_GLOBAL)
        os.environ["ESPEAK_DATA_PATH"] = {str(data.parent)!r}
        import pyttsx3
        pyttsx3.init("espeak")
        print("SURVIVED")
    """)
    assert "SURVIVED" not in proc.stdout
    assert proc.returncode != 0


def test_garbage_data_makes_speech_unavailable_and_the_process_survives(tmp_path: Path) -> None:
    data = fake_data(tmp_path)
    proc = run_child(_CHILD.format(lib=None, data=str(data)))
    assert proc.returncode == 0, proc.stderr[-800:]
    assert "SURVIVED False False" in proc.stdout
    reason = proc.stdout.split("REASON", 1)[1].strip()
    assert "cannot start with data" in reason and str(data) in reason


@pytest.mark.skipif(not (SYSTEM_LIB.exists() and SYSTEM_DATA.is_dir()),
                    reason="Debian's espeak-ng (libespeak-ng1, espeak-ng-data) is not installed")
def test_system_espeak_when_configured() -> None:
    proc = run_child(f"""
        import io, wave
        from kiosk.speech.engine import SpeechEngine
        from kiosk.speech.espeak_runtime import loaded_runtime
        e = SpeechEngine({str(SYSTEM_LIB)!r}, {str(SYSTEM_DATA)!r}); e.open()
        w = wave.open(io.BytesIO(e.synthesise("Hello from the system.", "en")))
        print(loaded_runtime().source, loaded_runtime().version, w.getnframes() > 20000)
    """)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert proc.stdout.split()[0] == "system" and proc.stdout.split()[-1] == "True"
    assert proc.stdout.split()[1].startswith("1.51")


def test_speech_package_does_not_import_textual() -> None:
    proc = run_child("""
        import sys, kiosk.speech, kiosk.speech.narrator
        print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))
    """)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stdout + proc.stderr
