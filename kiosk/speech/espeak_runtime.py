"""Find and load eSpeak NG so that pyttsx3's espeak driver can use it safely.

Why this module exists (measured facts, see docs/shared speech-on-linux):

* pyttsx3's driver dlopens ``libespeak-ng.so.1`` *by name* and reads no
  setting.  Loading our chosen library first, by absolute path and with
  ``RTLD_GLOBAL``, makes that later dlopen resolve to the already loaded
  library (glibc matches the SONAME), so we decide which eSpeak is used.
* eSpeak calls ``exit(1)`` - killing the whole kiosk - when its data folder
  is missing or of another version, and pyttsx3 gives it no way to avoid
  that.  So before pyttsx3 ever initialises eSpeak we (1) check the data
  folder's files and (2) run eSpeak's own initialisation once in a
  throw-away child process.  Only when that child succeeds do we let
  eSpeak initialise inside the kiosk.
* eSpeak finds its data through ``ESPEAK_DATA_PATH``, which names the
  *parent* of the ``espeak-ng-data`` folder.

A process can only ever use one eSpeak library (it cannot be unloaded), so
loading is process-wide and idempotent; asking for another library or data
folder afterwards raises :class:`SpeechUnavailable`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.speech.errors import SpeechUnavailable

__all__ = [
    "REQUIRED_DATA_FILES",
    "EspeakRuntime",
    "SpeechUnavailable",
    "load_runtime",
    "locate_runtime",
    "loaded_runtime",
    "missing_data",
]

log = logging.getLogger("kiosk.speech")

#: Files eSpeak reads at initialisation; without them it exits the process.
REQUIRED_DATA_FILES = ("phontab", "phonindex", "phondata", "intonations")
_PREFLIGHT_TIMEOUT_S = 15.0
_ESPEAKINITIALIZE_DONT_EXIT = 0x8000
_AUDIO_OUTPUT_SYNCHRONOUS = 2


@dataclass(frozen=True)
class EspeakRuntime:
    """A validated eSpeak NG: its library file and its ``espeak-ng-data`` folder."""

    library_path: Path
    data_dir: Path
    source: str  # "espeakng-loader wheel" or "system"
    version: str = ""

    @property
    def data_parent(self) -> Path:
        """What ``ESPEAK_DATA_PATH`` must name: the folder *containing* espeak-ng-data."""
        return self.data_dir.parent


_lock = threading.Lock()
_loaded: EspeakRuntime | None = None


def _check_data_dir(path: Path) -> Path:
    """Return the espeak-ng-data folder for ``path`` (itself or its child), or raise."""
    candidates = [path, path / "espeak-ng-data"]
    for folder in candidates:
        if folder.is_dir() and (folder / "phontab").exists():
            break
    else:
        raise SpeechUnavailable(
            f"eSpeak NG data folder not found at {path} (no phontab there or in "
            f"{path / 'espeak-ng-data'})"
        )
    if folder.name != "espeak-ng-data":
        # ESPEAK_DATA_PATH names the parent and eSpeak appends "espeak-ng-data".
        raise SpeechUnavailable(
            f"eSpeak NG data folder must be named 'espeak-ng-data', got {folder}"
        )
    missing = [
        name
        for name in REQUIRED_DATA_FILES
        if not (folder / name).is_file() or (folder / name).stat().st_size == 0
    ]
    if missing:
        raise SpeechUnavailable(
            f"eSpeak NG data folder {folder} is incomplete: missing or empty {', '.join(missing)}"
        )
    return folder


def missing_data(data_dir: Path) -> str | None:
    """Why eSpeak NG could no longer read ``data_dir`` (None: its files are all there).

    Checked before every synthesis: when the data folder disappears while
    the kiosk runs, eSpeak NG would print errors over the visitor's screen
    and speak noise; this lets the narrator stop speaking instead.
    """
    missing = [name for name in REQUIRED_DATA_FILES if not (data_dir / name).is_file()]
    if missing:
        return f"eSpeak NG data folder {data_dir} has lost {', '.join(missing)}"
    return None


def locate_runtime(library_path: str | None = None, data_path: str | None = None) -> EspeakRuntime:
    """Find eSpeak NG: the wheel's copy by default, a system copy when both paths are given.

    Only checks files; nothing is loaded.  Raises :class:`SpeechUnavailable`.
    """
    if (library_path is None) != (data_path is None):
        raise SpeechUnavailable(
            "a system eSpeak NG needs both library_path and data_path "
            f"(got library_path={library_path!r}, data_path={data_path!r})"
        )
    if library_path is not None and data_path is not None:
        lib = Path(library_path).expanduser()
        if not lib.is_file():
            raise SpeechUnavailable(f"eSpeak NG library not found: {lib}")
        return EspeakRuntime(lib.resolve(), _check_data_dir(Path(data_path).expanduser()).resolve(), "system")
    try:
        import espeakng_loader
    except ImportError as exc:
        raise SpeechUnavailable(f"the espeakng-loader package is not installed ({exc})") from exc
    package_dir = Path(espeakng_loader.__file__).resolve().parent
    # The wheel ships identical copies under three names; prefer the SONAME.
    for name in ("libespeak-ng.so.1", "libespeak-ng.so"):
        lib = package_dir / name
        if lib.is_file():
            break
    else:
        raise SpeechUnavailable(f"espeakng-loader has no libespeak-ng library in {package_dir}")
    return EspeakRuntime(lib, _check_data_dir(package_dir / "espeak-ng-data"), "espeakng-loader wheel")


# Runs in a child process: initialise eSpeak exactly as the driver will (data
# via ESPEAK_DATA_PATH), but asking it not to exit; if it exits anyway only
# the child dies.  Prints the version on success.
_PREFLIGHT = r"""
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.espeak_Initialize.restype = ctypes.c_int
lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
rate = lib.espeak_Initialize(int(sys.argv[2]), 0, None, int(sys.argv[3]))
if rate <= 0:
    sys.stderr.write("espeak_Initialize failed (%d)\n" % rate)
    sys.exit(3)
lib.espeak_Info.restype = ctypes.c_char_p
lib.espeak_Info.argtypes = [ctypes.c_void_p]
sys.stdout.write((lib.espeak_Info(None) or b"?").decode("utf-8", "replace"))
"""


def _preflight(runtime: EspeakRuntime) -> str:
    """Initialise eSpeak in a child process; return its version or raise."""
    env = dict(os.environ, ESPEAK_DATA_PATH=str(runtime.data_parent))
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-S", "-c", _PREFLIGHT, str(runtime.library_path),
             str(_AUDIO_OUTPUT_SYNCHRONOUS), str(_ESPEAKINITIALIZE_DONT_EXIT)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=_PREFLIGHT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpeechUnavailable(f"could not test eSpeak NG in a child process: {exc}") from exc
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        message = detail[-1] if detail else f"exit status {proc.returncode}"
        raise SpeechUnavailable(
            f"eSpeak NG ({runtime.source}, {runtime.library_path}) cannot start with data "
            f"{runtime.data_dir}: {message}"
        )
    return proc.stdout.decode("utf-8", "replace").strip()


def _mapped_espeak_libraries() -> set[str]:
    """Paths of libespeak files mapped into this process (Linux /proc)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return {
                line.split(None, 5)[5].strip()
                for line in maps
                if "libespeak" in line and len(line.split(None, 5)) == 6
            }
    except OSError:
        return set()


def loaded_runtime() -> EspeakRuntime | None:
    """The runtime this process has loaded, if any."""
    return _loaded


def load_runtime(runtime: EspeakRuntime) -> EspeakRuntime:
    """Make ``runtime`` the eSpeak that pyttsx3 will use, or raise :class:`SpeechUnavailable`.

    Idempotent for the same runtime.  Must run before ``pyttsx3.drivers.espeak``
    is imported anywhere in the process.
    """
    global _loaded
    with _lock:
        if _loaded is not None:
            if (_loaded.library_path, _loaded.data_dir) == (runtime.library_path, runtime.data_dir):
                return _loaded
            raise SpeechUnavailable(
                f"this process already uses eSpeak NG {_loaded.library_path} with data "
                f"{_loaded.data_dir}; restart the kiosk to switch to {runtime.library_path}"
            )
        if "pyttsx3.drivers._espeak" in sys.modules:
            mapped = _mapped_espeak_libraries()
            raise SpeechUnavailable(
                "pyttsx3's espeak driver was imported before kiosk.speech chose the eSpeak "
                f"library (loaded: {', '.join(sorted(mapped)) or 'unknown'})"
            )
        version = _preflight(runtime)
        try:
            ctypes.CDLL(str(runtime.library_path), mode=ctypes.RTLD_GLOBAL)
        except OSError as exc:
            raise SpeechUnavailable(f"cannot load {runtime.library_path}: {exc}") from exc
        os.environ["ESPEAK_DATA_PATH"] = str(runtime.data_parent)
        mapped = _mapped_espeak_libraries()
        wanted = str(runtime.library_path)
        if mapped and mapped != {wanted}:
            # pyttsx3's dlopen-by-name could bind to the other one.
            raise SpeechUnavailable(
                f"another eSpeak library is already mapped into this process: {sorted(mapped)}"
            )
        _loaded = EspeakRuntime(runtime.library_path, runtime.data_dir, runtime.source, version)
        log.info("eSpeak NG %s loaded from %s (data %s)", version, wanted, runtime.data_dir)
        return _loaded
