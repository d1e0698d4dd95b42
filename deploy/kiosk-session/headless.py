"""The kiosk in its graphical session (cage + foot), without a screen: for tests and screenshots.

The same session a kiosk runs (``kiosk-session.sh``: cage shows one full-screen
foot with ``foot.ini``), started on wlroots' headless backend
(``WLR_BACKENDS=headless``, software rendering), as an ordinary account (cage
refuses root), with a private ``XDG_RUNTIME_DIR``.  Keys cannot be typed into
cage (it has no virtual-keyboard protocol), so foot runs ``tmux attach`` and
the kiosk runs in that tmux session: ``send-keys`` drives it,
``capture-pane`` reads the text, and ``grim`` takes the screenshot of what foot
drew.  (:meth:`HeadlessSession.start_shipped_session` starts ``kiosk-session.sh``
itself instead, to be looked at only.)

The kiosk's Python is a venv on Debian's python3 with the locked
dependencies (:func:`kiosk_account.build_kiosk_python`); the kiosk itself is
imported from the repository (``PYTHONPATH``), so the session always shows
the code of the checkout.  Only the standard library is used here.

Used by ``tests/session/test_kiosk_session.py`` and ``screenshots.py``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from frames import Frame, cell_is_blank
from kiosk_account import REPO, SESSION_DIR, Account, alive, descendants

FOOT_INI = SESSION_DIR / "foot.ini"
#: wlroots' headless output (wlroots 0.15 makes it 1280x720).
OUTPUT_SIZE = (1280, 720)
#: A safety net for every wait: each ends as soon as its condition holds.
TIMEOUT_S = 60.0
#: cage's options here: -d as on a kiosk (no client-side decorations), and the output turned
#: 180 degrees (-r -r). Why turned: with a full-screen client cage 0.1.4 tries to show the
#: client's buffer directly ("direct scan-out"); on wlroots 0.15's headless backend that
#: commit fails ("Basic output test failed") and the output stops repainting, so screenshots
#: keep showing the first frame. A turned output cannot be scanned out directly, so cage
#: composites every frame; grim turns the screenshot back upright. The window keeps its size.
CAGE_FLAGS = ["-d", "-r", "-r"]

TMUX_CONF = """\
set -g status off
set -sg escape-time 0
set -g default-terminal tmux-256color
set -g window-size latest
set -as terminal-features ',foot*:RGB'
"""


X11_SOCKETS = Path("/tmp/.X11-unix")


def _check_x11_socket_dir() -> None:
    """Xwayland (which cage 0.1.4 starts) needs /tmp/.X11-unix owned by root, as systemd-tmpfiles
    makes it at boot; make it so if it is missing, say what to do if it is not root's."""
    if not X11_SOCKETS.exists():
        X11_SOCKETS.mkdir()
        X11_SOCKETS.chmod(0o1777)
    elif X11_SOCKETS.stat().st_uid != 0:
        raise RuntimeError(f"{X11_SOCKETS} does not belong to root, so Xwayland refuses it and "
                           "cage exits; as systemd-tmpfiles does at boot: "
                           f"chown root:root {X11_SOCKETS} && chmod 1777 {X11_SOCKETS}")


def _remove_x_display_files(cage_pid: int) -> None:
    """Remove the X display lock and socket cage made for Xwayland (it leaves them when stopped)."""
    for lock in Path("/tmp").glob(".X*-lock"):
        try:
            owner = lock.read_text().strip(" \n\x00")  # "     1234\0"
        except OSError:
            continue
        if owner == str(cage_pid):
            display = lock.name[2:-5]
            (X11_SOCKETS / f"X{display}").unlink(missing_ok=True)
            lock.unlink(missing_ok=True)


class HeadlessSession:
    """cage + foot + tmux + the kiosk, as ``account``, without a screen.

    Args:
        account: the ordinary account to run as.
        python: a Python the account can execute, with the kiosk's dependencies.
        pixelsize: foot's font size in pixels (DejaVu Sans Mono).
        pad: foot's padding in pixels (x, y), to make the cells exact.
        kiosk_args: options for ``python -m kiosk`` after ``--config``.
        workdir: the folder for the session's files (made and removed here when None).
    """

    def __init__(self, account: Account, python: Path, pixelsize: int, *,
                 pad: tuple[int, int] = (0, 0), kiosk_args: tuple[str, ...] = (),
                 workdir: Path | None = None) -> None:
        self.account = account
        self.python = python
        self.pixelsize = pixelsize
        self.pad = pad
        self.kiosk_args = kiosk_args
        self._own_workdir = workdir is None
        self.workdir = workdir or Path(tempfile.mkdtemp(prefix="kiosk-session-"))
        self.cage: subprocess.Popen | None = None
        self._pids: list[int] = []
        self._cell_pixels: tuple[int, int] | None = None

    # -- set-up -------------------------------------------------------------------------------
    def _own(self, path: Path, mode: int) -> Path:
        path.mkdir(mode=mode, exist_ok=True)
        os.chown(path, self.account.uid, self.account.gid)
        path.chmod(mode)
        return path

    @property
    def runtime_dir(self) -> Path:
        return self.workdir / "runtime"

    @property
    def home(self) -> Path:
        return self.workdir / "home"

    @property
    def socket(self) -> Path:
        return self.runtime_dir / "tmux.sock"

    @property
    def log_file(self) -> Path:
        """The kiosk's own log."""
        return self.home / "kiosk.log"

    def _environment(self) -> dict[str, str]:
        return {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8",
                "XDG_RUNTIME_DIR": str(self.runtime_dir),
                "XDG_CACHE_HOME": str(self.home / ".cache")}

    def _as_account(self, command: list[str], **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(command, user=self.account.uid, group=self.account.gid,
                              extra_groups=[], env=self._environment(), cwd=self.home,
                              capture_output=True, text=True, **kwargs)

    def tmux(self, *args: str, check: bool = True) -> str:
        """Run a tmux command on the session's server; returns its output."""
        result = self._as_account(["tmux", "-S", str(self.socket), *args])
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def _write_config(self) -> Path:
        text = (REPO / "kiosk.toml").read_text(encoding="utf-8")
        text = (text.replace('content_dir = "content"', f'content_dir = "{REPO / "content"}"')
                .replace('locales_dir = "locales"', f'locales_dir = "{REPO / "locales"}"')
                .replace('log_file = "logs/kiosk.log"', f'log_file = "{self.log_file}"'))
        config = self.workdir / "kiosk.toml"
        config.write_text(text, encoding="utf-8")
        config.chmod(0o644)
        return config

    def start(self) -> None:
        """Start tmux, then cage + foot attached to it; returns once foot's client is attached."""
        _check_x11_socket_dir()
        self.workdir.chmod(0o755)
        self._own(self.runtime_dir, 0o700)  # wlroots and tmux want a private runtime dir
        self._own(self.home, 0o755)
        conf = self.workdir / "tmux.conf"
        conf.write_text(TMUX_CONF, encoding="utf-8")
        conf.chmod(0o644)
        self._config = self._write_config()
        self.tmux("-f", str(conf), "new-session", "-d", "-s", "kiosk", "-x", "80", "-y", "24",
                  "tail", "-f", "/dev/null")  # a placeholder until foot has set the size
        self._pids.append(int(self.tmux("display-message", "-p", "#{pid}").strip()))
        env = self._environment() | {"WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman",
                                     "WLR_LIBINPUT_NO_DEVICES": "1"}
        foot = ["foot", "--config", str(FOOT_INI),
                "--override", f"main.font=DejaVu Sans Mono:pixelsize={self.pixelsize}",
                "--override", f"main.pad={self.pad[0]}x{self.pad[1]}",
                "tmux", "-S", str(self.socket), "attach", "-t", "kiosk"]
        log = (self.workdir / "cage.log").open("wb")
        self.cage = subprocess.Popen(["cage", *CAGE_FLAGS, "--", *foot], user=self.account.uid,
                                     group=self.account.gid, extra_groups=[], env=env,
                                     cwd=self.home, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        log.close()
        self.wait_until(self._client_sized, "foot never attached to tmux at its full size "
                                            "(see cage.log)")

    def _client_sized(self) -> bool:
        """foot's tmux client is attached with the cells its cell size and padding give."""
        fields = self.tmux("list-clients", "-F", "#{client_width} #{client_height} "
                           "#{client_cell_width} #{client_cell_height}").split()
        if len(fields) != 4 or not all(f.isdigit() for f in fields):
            return False
        columns, rows, width, height = map(int, fields)
        if not width or not height:
            return False
        if (columns, rows) != ((OUTPUT_SIZE[0] - 2 * self.pad[0]) // width,
                               (OUTPUT_SIZE[1] - 2 * self.pad[1]) // height):
            return False
        self._cell_pixels = width, height
        return True

    def start_shipped_session(self) -> None:
        """Start ``kiosk-session.sh`` itself, as the systemd unit does, with no tmux in between.

        The script's ``KIOSK_DIR`` is a folder made here like a kiosk's: ``kiosk.toml`` and a
        ``.venv/bin/kiosk`` that runs the kiosk with :attr:`python`.  Keys cannot be sent;
        the screen can only be looked at (:meth:`grab`).
        """
        _check_x11_socket_dir()
        self.workdir.chmod(0o755)
        self._own(self.runtime_dir, 0o700)
        self._own(self.home, 0o755)
        self._config = self._write_config()
        kiosk_dir = self.workdir / "kiosk"
        (kiosk_dir / ".venv" / "bin").mkdir(parents=True)
        (kiosk_dir / "kiosk.toml").write_bytes(self._config.read_bytes())
        launcher = kiosk_dir / ".venv" / "bin" / "kiosk"
        launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{self.python}" -m kiosk "$@"\n',
                            encoding="utf-8")
        for path in (kiosk_dir, kiosk_dir / ".venv", kiosk_dir / ".venv" / "bin", launcher):
            path.chmod(0o755)
        (kiosk_dir / "kiosk.toml").chmod(0o644)
        env = self._environment() | {
            "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1",
            "KIOSK_DIR": str(kiosk_dir), "CAGE_OPTIONS": " ".join(CAGE_FLAGS)}
        log = (self.workdir / "cage.log").open("wb")
        self.cage = subprocess.Popen([str(SESSION_DIR / "kiosk-session.sh")],
                                     user=self.account.uid, group=self.account.gid,
                                     extra_groups=[], env=env, cwd=self.home, stdout=log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.wait_until(lambda: (self.runtime_dir / "wayland-0").exists(),
                        "cage never opened its Wayland socket (see cage.log)")

    def start_kiosk(self) -> None:
        """Replace the placeholder with the kiosk, at the size foot gave the window."""
        env = {"PYTHONPATH": str(REPO), "COLORTERM": "truecolor", "LANG": "C.UTF-8",
               "HOME": str(self.home)}
        flags = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        self.tmux("respawn-pane", "-k", "-t", "kiosk", *flags, "-c", str(self.home),
                  str(self.python), "-m", "kiosk", "--config", str(self._config), *self.kiosk_args)
        self._pids.append(int(self.tmux("display-message", "-p", "-t", "kiosk",
                                        "#{pane_pid}").strip()))

    # -- looking and driving ----------------------------------------------------------------
    def wait_until(self, condition, failure: str, timeout: float = TIMEOUT_S):
        """Poll ``condition`` until it returns something true; raise with ``failure`` on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            if self.cage is not None and self.cage.poll() is not None:
                raise RuntimeError(f"cage exited ({self.cage.returncode}): {self.cage_log()}")
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(failure)
            time.sleep(0.1)

    def kiosk_log(self) -> str:
        """The kiosk's log so far ("" before it starts)."""
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def cage_log(self) -> str:
        path = self.workdir / "cage.log"
        lines = path.read_text(errors="replace").splitlines() if path.exists() else []
        return "\n".join(line for line in lines if "output test failed" not in line)[-3000:]

    def cells(self) -> tuple[int, int]:
        """foot's size in cells (columns, rows), as its tmux client reports it."""
        text = self.tmux("list-clients", "-F", "#{client_width} #{client_height}").split()
        return int(text[0]), int(text[1])

    def cell_pixels(self) -> tuple[int, int]:
        """One cell's size in pixels (width, height), as foot tells tmux (asked once)."""
        if self._cell_pixels is None:
            text = self.tmux("list-clients", "-F",
                             "#{client_cell_width} #{client_cell_height}").split()
            self._cell_pixels = int(text[0]), int(text[1])
        return self._cell_pixels

    def screen_text(self) -> list[str]:
        """The kiosk's screen as text, one string per row (tmux capture-pane)."""
        return self.tmux("capture-pane", "-p", "-t", "kiosk").split("\n")[:self.cells()[1]]

    def send_keys(self, *keys: str) -> None:
        """Keys by tmux's names (``Enter``, ``Down``, ``F2``, ``3``)."""
        self.tmux("send-keys", "-t", "kiosk", *keys)

    def grab(self) -> Frame:
        """The output's current frame (grim, as the account)."""
        result = subprocess.run(["grim", "-t", "ppm", "-"], user=self.account.uid,
                                group=self.account.gid, extra_groups=[], cwd=self.home,
                                capture_output=True,
                                env=self._environment() | {"WAYLAND_DISPLAY": "wayland-0"})
        if result.returncode != 0:
            raise RuntimeError(f"grim failed: {result.stderr.decode(errors='replace').strip()}")
        return Frame.from_ppm(result.stdout)

    def wait_for_frame(self, condition, failure: str, timeout: float = TIMEOUT_S) -> Frame:
        """Take frames until ``condition(frame)`` holds; returns that frame."""
        return self.wait_until(lambda: (lambda f: f if condition(f) else None)(self.grab()),
                               failure, timeout)

    def cell_box(self, column: int, row: int) -> tuple[int, int, int, int]:
        """The pixels (x0, y0, x1, y1) of a cell: foot's grid starts at its padding."""
        width, height = self.cell_pixels()
        x0, y0 = self.pad[0] + column * width, self.pad[1] + row * height
        return x0, y0, x0 + width, y0 + height

    def cells_without_ink(self, frame: Frame, rows: list[str]) -> list[tuple[int, int, str]]:
        """Cells whose text is a visible character but whose pixels are blank: ``(row, column, char)``.

        Empty when ``frame`` shows ``rows`` (a frame older than the text, or a
        glyph the font cannot draw, leaves such cells).
        """
        blank = []
        for y, row in enumerate(rows):
            for x, char in enumerate(row):
                if not char.isspace() and cell_is_blank(frame, self.cell_box(x, y)):
                    blank.append((y, x, char))
        return blank

    def frame_showing_text(self, timeout: float = TIMEOUT_S) -> tuple[Frame, list[str]]:
        """Once the kiosk's text has stopped changing, the first frame that shows all of it."""
        seen: list[list[str]] = []

        def text_settled() -> list[str] | None:
            rows = self.screen_text()
            seen.append(rows)
            return rows if len(seen) >= 3 and seen[-3] == seen[-2] == rows and \
                any(r.strip() for r in rows) else None

        rows = self.wait_until(text_settled, "the kiosk's screen never settled", timeout)
        frame = self.wait_for_frame(lambda f: not self.cells_without_ink(f, rows),
                                    "no frame showed the kiosk's text", timeout)
        return frame, rows

    # -- ending -------------------------------------------------------------------------------
    def stop(self) -> None:
        """End cage, tmux and the kiosk (by their process ids) and remove the session's files."""
        if self.cage is not None and self.cage.poll() is None:
            self._pids += descendants(self.cage.pid)  # foot and the kiosk it runs
            self.cage.terminate()
            try:
                self.cage.wait(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.cage.kill()
                self.cage.wait()
        if self.socket.exists():
            self.tmux("kill-server", check=False)
        deadline = time.monotonic() + TIMEOUT_S
        for pid in self._pids:
            while alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if self.cage is not None:
            _remove_x_display_files(self.cage.pid)
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "HeadlessSession":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
