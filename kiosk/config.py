"""The deployer's configuration: one TOML file, validated before anything starts.

A kiosk that starts with a typo in its config would misbehave for months in
a waiting room, so every value is checked at start-up and a bad one stops
the start with one sentence that names the key and what it should be.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kiosk.document.sanitize import clean_data
from kiosk.keys import ACTION_NAMES, PROFILES, build_keymap, is_key_name
from kiosk.paths import PROJECT_ROOT
from kiosk.speech.settings import SpeechSettings

DEFAULT_CONFIG_NAME = "kiosk.toml"
THEMES = ("standard", "high-contrast", "terminal")
# The same levels as kiosk.languages.provenance.LEVELS (not imported: config loads first).
MEDICAL_TRANSLATIONS = ("any", "reviewed", "official")
_KEY_NAME = re.compile(r"^[a-z0-9_+]+$")


class SupportsEncode(Protocol):
    """Anything with ``str.encode``'s signature (the staff PIN's digits)."""

    def encode(self, encoding: str = ...) -> bytes: ...


class ConfigError(Exception):
    """A configuration problem, phrased for the person who edits the file."""


@dataclass(frozen=True)
class StaffExit:
    """How staff leave kiosk mode: a key sequence, then a PIN."""

    sequence: tuple[str, ...] = ("f12", "f12", "f12")
    #: The PIN is kept only as a hash, never in clear; left out of ``repr``
    #: (a traceback's locals) since a short PIN's hash is quickly reversed.
    pin_sha256: str = field(default="", repr=False)

    def pin_matches(self, attempt: "str | SupportsEncode") -> bool:
        """Constant-time comparison so the PIN cannot be guessed by timing.

        ``attempt``: the digits typed, a ``str`` or a
        :class:`kiosk.staff_pin.PinDigits` (which never becomes a ``str`` here:
        no local variable holds the digits or their hash, so a traceback
        with local variables cannot show them).
        """
        if not self.pin_sha256:
            return False
        return hmac.compare_digest(hashlib.sha256(attempt.encode("utf-8")).hexdigest(),
                                   self.pin_sha256)


@dataclass(frozen=True)
class KioskConfig:
    """Everything a deployer can set; defaults are what a clinic should get."""

    source: str = "(built-in defaults)"
    kiosk_mode: bool = True
    content_dir: Path = PROJECT_ROOT / "content"
    locales_dir: Path = PROJECT_ROOT / "locales"
    log_file: Path = PROJECT_ROOT / "logs" / "kiosk.log"
    default_language: str = "en"
    languages: tuple[str, ...] = ()  # empty: every installed language
    # Offer only languages whose medical text is at least this: "any", "reviewed"
    # (reviewed or official) or "official" (the EMA's own translation).
    medical_translations: str = "any"
    theme: str = "standard"
    idle_timeout: float = 120.0
    idle_warning: float = 20.0
    staff_exit: StaffExit = field(default_factory=StaffExit)
    key_profile: str = "keyboard"
    keymap: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: build_keymap("keyboard")
    )
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    #: One sentence per value that named something that does not exist and was
    #: left out (the default used instead); more come from
    #: :func:`kiosk.config_names.check_names`, which looks at the disk.
    dropped: tuple[str, ...] = ()


def find_config_file(explicit: str | None = None) -> Path | None:
    """The file to read: ``--config``, then ``$KIOSK_CONFIG``, then ``./kiosk.toml``,
    then the project's own ``kiosk.toml``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("KIOSK_CONFIG")
    if env:
        return Path(env)
    for candidate in (Path.cwd() / DEFAULT_CONFIG_NAME, PROJECT_ROOT / DEFAULT_CONFIG_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | str | None) -> KioskConfig:
    """Read and validate ``path`` (``None``: built-in defaults)."""
    if path is None:
        return KioskConfig()
    path = Path(path)
    try:
        data = clean_data(tomllib.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ConfigError(f"The configuration file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise ConfigError(f"The configuration file {path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}.") from None
    return config_from_dict(data, path)


def config_from_dict(data: dict[str, Any], path: Path | str = "kiosk.toml") -> KioskConfig:
    """Validate an already-parsed TOML table; used by :func:`load_config` and tests."""
    reader = _Reader(str(path), Path(path).resolve().parent if str(path) else PROJECT_ROOT)
    reader.only_tables(data, ("kiosk", "idle", "staff", "keys", "speech"))

    k = reader.table(data, "kiosk", (
        "kiosk_mode", "content_dir", "locales_dir", "log_file",
        "default_language", "languages", "theme", "medical_translations",
    ))
    kiosk_mode = reader.boolean(k, "kiosk", "kiosk_mode", True)
    content_dir = reader.path(k, "kiosk", "content_dir", "content")
    locales_dir = reader.path(k, "kiosk", "locales_dir", "locales")
    log_file = reader.path(k, "kiosk", "log_file", "logs/kiosk.log")
    default_language = reader.language_tag(k, "kiosk", "default_language", "en")
    languages = tuple(reader.language_list(k, "kiosk", "languages"))
    theme = reader.name(k, "kiosk", "theme", THEMES, "standard", "display")
    medical = reader.choice(k, "kiosk", "medical_translations", MEDICAL_TRANSLATIONS, "any")

    i = reader.table(data, "idle", ("timeout_seconds", "warning_seconds"))
    timeout = reader.number(i, "idle", "timeout_seconds", 120, 10, 3600)
    warning = reader.number(i, "idle", "warning_seconds", 20, 5, 300)
    if warning >= timeout:
        raise ConfigError(
            f"{path}: [idle] warning_seconds ({warning:g}) must be shorter than "
            f"timeout_seconds ({timeout:g})."
        )

    s = reader.table(data, "staff", ("exit_sequence", "exit_pin", "exit_pin_sha256"))
    sequence = tuple(reader.key_list(s, "staff", "exit_sequence", ("f12", "f12", "f12")))
    if unknown := [k for k in sequence if not is_key_name(k)]:
        reader.dropped.append(
            f"{path}: [staff] exit_sequence names {_quoted(unknown)}, which no keyboard or "
            "keypad sends, so staff use F12 three times.")
        sequence = ("f12", "f12", "f12")
    if not 2 <= len(sequence) <= 8:
        raise ConfigError(
            f"{path}: [staff] exit_sequence must list 2 to 8 keys, such as [\"f12\", \"f12\", \"f12\"]."
        )
    pin_hash = ""
    if "exit_pin" in s and "exit_pin_sha256" in s:
        raise ConfigError(f"{path}: [staff] give either exit_pin or exit_pin_sha256, not both.")
    if "exit_pin" in s:
        pin = s["exit_pin"]
        if not isinstance(pin, str) or not re.fullmatch(r"[0-9]{4,12}", pin):
            raise ConfigError(
                f"{path}: [staff] exit_pin must be 4 to 12 digits in quotes, such as \"2468\"."
            )
        pin_hash = hashlib.sha256(pin.encode()).hexdigest()
    elif "exit_pin_sha256" in s:
        value = s["exit_pin_sha256"]
        if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value.lower()):
            raise ConfigError(
                f"{path}: [staff] exit_pin_sha256 must be 64 hexadecimal characters "
                "(the SHA-256 of the PIN)."
            )
        pin_hash = value.lower()
    if kiosk_mode and not pin_hash:
        raise ConfigError(
            f"{path}: [staff] exit_pin must be set when kiosk_mode is true, "
            "otherwise staff could never leave the kiosk."
        )

    keys = reader.table(data, "keys", ("profile", *sorted(ACTION_NAMES)))
    profile = reader.name(keys, "keys", "profile", tuple(PROFILES), "keyboard", "key profile")
    overrides = {}
    for name in sorted(ACTION_NAMES & keys.keys()):
        given = reader.key_list(keys, "keys", name, ())
        known = tuple(k for k in given if is_key_name(k))
        if len(known) < len(given):
            kept = (f"only {_quoted(known)} is kept" if known
                    else f"the \"{profile}\" profile's keys are kept")
            reader.dropped.append(
                f"{path}: [keys] {name} names {_quoted([k for k in given if k not in known])}, "
                f"which no keyboard or keypad sends, so {kept} (key names are Textual's, "
                "such as \"up\", \"8\", \"f12\", \"question_mark\").")
            if not known:
                continue
        overrides[name] = known
    try:
        keymap = build_keymap(profile, overrides)
    except ValueError as exc:
        raise ConfigError(f"{path}: [keys] {exc}; give each key to one action only.") from None
    for core in ("up", "down", "action", "back", "help"):
        if not keymap.get(core):
            raise ConfigError(f"{path}: [keys] {core} needs at least one key.")
    clash = set(sequence[:1]) & {k for keys_ in keymap.values() for k in keys_}
    if clash:
        raise ConfigError(
            f"{path}: [staff] exit_sequence starts with '{sequence[0]}', which is also a "
            "visitor key; start it with a key visitors do not use, such as f12."
        )

    sp = reader.table(data, "speech", (
        "enabled", "rate", "volume", "player", "library_path", "data_path",
        "headphones_turn_speech_on",
    ))
    speech = SpeechSettings(
        enabled=reader.boolean(sp, "speech", "enabled", False),
        rate=int(reader.number(sp, "speech", "rate", 165, 100, 300)),
        volume=float(reader.number(sp, "speech", "volume", 0.8, 0.2, 1.0)),
        player=reader.string(sp, "speech", "player", "auto"),
        library_path=str(reader.path(sp, "speech", "library_path", "")) if sp.get("library_path") else None,
        data_path=str(reader.path(sp, "speech", "data_path", "")) if sp.get("data_path") else None,
        headphones_turn_speech_on=reader.boolean(sp, "speech", "headphones_turn_speech_on", False),
    )
    if (speech.library_path is None) != (speech.data_path is None):
        raise ConfigError(
            f"{path}: [speech] library_path and data_path go together: set both to use a "
            "system eSpeak NG, or neither to use the bundled one."
        )

    return KioskConfig(
        source=str(path),
        kiosk_mode=kiosk_mode,
        content_dir=content_dir,
        locales_dir=locales_dir,
        log_file=log_file,
        default_language=default_language,
        languages=languages,
        theme=theme,
        medical_translations=medical,
        idle_timeout=float(timeout),
        idle_warning=float(warning),
        staff_exit=StaffExit(sequence, pin_hash),
        key_profile=profile,
        keymap=keymap,
        speech=speech,
        dropped=tuple(reader.dropped),
    )


def _quoted(names: list[str] | tuple[str, ...]) -> str:
    """``"a", "b"`` for a sentence."""
    return ", ".join(f'"{name}"' for name in names)


class _Reader:
    """Small typed getters that phrase every error the same way."""

    def __init__(self, path: str, base: Path) -> None:
        self.origin = path
        self.base = base
        #: Sentences for the names left out (see :meth:`name`).
        self.dropped: list[str] = []

    def fail(self, table: str, key: str, expected: str, value: Any) -> ConfigError:
        return ConfigError(f"{self.origin}: [{table}] {key} must be {expected}, not {value!r}.")

    def only_tables(self, data: dict, known: tuple[str, ...]) -> None:
        for name in data:
            if name not in known:
                raise ConfigError(
                    f"{self.origin}: unknown section [{name}]; the sections are "
                    + ", ".join(f"[{k}]" for k in known) + "."
                )

    def table(self, data: dict, name: str, keys: tuple[str, ...]) -> dict:
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{self.origin}: {name} must be a section written [{name}].")
        for key in table:
            if key not in keys:
                raise ConfigError(
                    f"{self.origin}: [{name}] has an unknown key '{key}'; known keys: "
                    + ", ".join(keys) + "."
                )
        return table

    def boolean(self, t: dict, table: str, key: str, default: bool) -> bool:
        value = t.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(table, key, "true or false", value)
        return value

    def number(self, t: dict, table: str, key: str, default: float, low: float, high: float) -> float:
        value = t.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.fail(table, key, f"a number from {low:g} to {high:g}", value)
        return value

    def string(self, t: dict, table: str, key: str, default: str) -> str:
        value = t.get(key, default)
        if not isinstance(value, str):
            raise self.fail(table, key, "text in quotes", value)
        return value

    def choice(self, t: dict, table: str, key: str, choices: tuple[str, ...], default: str) -> str:
        value = t.get(key, default)
        if value not in choices:
            raise self.fail(table, key, "one of " + ", ".join(f'"{c}"' for c in choices), value)
        return value

    def name(self, t: dict, table: str, key: str, names: tuple[str, ...], default: str,
             what: str) -> str:
        """A value that names one of ``names``.  Not text: the start stops
        (:class:`ConfigError`).  Text naming nothing that exists: the kiosk still
        starts with ``default``, and :attr:`dropped` gets one sentence for the log
        and ``kiosk check``."""
        value = self.string(t, table, key, default)
        if value in names:
            return value
        self.dropped.append(
            f"{self.origin}: [{table}] {key} \"{value}\" is not a {what} the kiosk has, so "
            f"\"{default}\" is used (the {what}s are "
            + ", ".join(f'"{n}"' for n in names) + ").")
        return default

    def path(self, t: dict, table: str, key: str, default: str) -> Path:
        value = self.string(t, table, key, default)
        if not value:
            raise self.fail(table, key, "a path", value)
        p = Path(os.path.expanduser(value))
        return p if p.is_absolute() else (self.base / p)

    def language_tag(self, t: dict, table: str, key: str, default: str) -> str:
        value = t.get(key, default)
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", value):
            raise self.fail(table, key, 'a language tag such as "de", "pt-BR" or "de_AT"', value)
        return value

    def language_list(self, t: dict, table: str, key: str) -> list[str]:
        value = t.get(key, [])
        if not isinstance(value, list):
            raise self.fail(table, key, 'a list of language codes such as ["en", "de"]', value)
        for item in value:
            self.language_tag({key: item}, table, key, "")
        return value

    def key_list(self, t: dict, table: str, key: str, default: tuple[str, ...]) -> list[str]:
        value = t.get(key, list(default))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str) and _KEY_NAME.match(v) for v in value
        ):
            raise self.fail(
                table, key, 'a list of key names such as ["up", "8", "f12"]', value
            )
        return list(value)
