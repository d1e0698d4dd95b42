"""The launcher: logging to a file, languages offered, content errors shown calmly."""

from __future__ import annotations

import shutil

import logging
import os
import signal
import sys
import textwrap

from kiosk.launcher import build_app, offered_languages, setup_logging
from kiosk.ui.screens.message import MessageScreen
from tests.ui.helpers import CONTENT, PROJECT, flat, make_config, screen_text, write_catalog


def test_offered_languages_from_ui_and_document_catalogs(tmp_path):
    config = make_config(tmp_path)
    write_catalog(config.locales_dir, "de", "kiosk", {"Start": "Los"})
    write_catalog(config.locales_dir, "uk", "doc-opzelura", {"x": "y"})
    from kiosk.languages import configure_locales

    configure_locales(config.locales_dir)
    assert offered_languages(config) == ["de", "en", "uk"]
    limited = make_config(tmp_path, languages=("de-AT", "en"))
    assert offered_languages(limited) == ["de", "en"]


def test_default_language_negotiated(tmp_path):
    config = make_config(tmp_path, default_language="de_AT", languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {"Start": "Los"})
    app = build_app(config)
    assert app.defaults.language == "de" and app.languages[0] == "de"
    app = build_app(make_config(tmp_path, default_language="fi"))
    assert app.defaults.language == "en"


def test_the_app_gets_every_medicine_of_the_content_folder(tmp_path):
    app = build_app(make_config(tmp_path))
    assert [d.slug for d in app.medicines] == ["opzelura"]


async def test_one_broken_medicine_does_not_hide_the_others(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    (content / "broken").mkdir()
    (content / "broken" / "overview.md").write_text('+++\nname = "X"\n+++\n\ntext\n')
    config = make_config(tmp_path, content_dir=content)
    setup_logging(config.log_file)
    app = build_app(config)
    assert [d.slug for d in app.medicines] == ["opzelura"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, MessageScreen)
        assert "Opzelura" in screen_text(app)
    log_text = config.log_file.read_text()
    assert "broken" in log_text and "overview.md, line 5" in log_text


async def test_bad_content_file_shows_message_naming_file_and_line(tmp_path):
    bad = tmp_path / "content" / "broken"
    bad.mkdir(parents=True)
    (bad / "overview.md").write_text('+++\nname = "X"\n+++\n\n# Wrong heading\n\ntext\n')
    config = make_config(tmp_path, content_dir=tmp_path / "content")
    setup_logging(config.log_file)
    app = build_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        text = flat(screen_text(app))
        assert "cannot be shown right now" in text and "ask a member of staff" in text
        assert "line 5" in text and "overview.md" in text.replace(" ", "")
        assert app.screen.detail.endswith("overview.md, line 5: only '## Heading' lines start "
                                          "sections; write the text without '#' or use '## '")
        await pilot.press("enter", "escape", "down")
        assert isinstance(app.screen, MessageScreen) and app.is_running
    assert "overview.md, line 5" in config.log_file.read_text()
    logging.getLogger("kiosk").handlers.clear()


def test_sigterm_exits_cleanly_and_logs_only_to_file(tmp_path):
    """A real process under a pseudo-terminal: SIGTERM gives exit code 0, no stderr."""
    import pty
    import time

    log_file = tmp_path / "kiosk.log"
    script = textwrap.dedent(f"""
        import sys
        from dataclasses import replace
        sys.path.insert(0, {str(PROJECT)!r})
        from tests.ui.helpers import make_config
        from kiosk.launcher import launch
        from pathlib import Path
        config = make_config(Path({str(tmp_path)!r}), log_file=Path({str(log_file)!r}))
        sys.exit(launch(config, kiosk_mode=True))
    """)
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TEXTUAL_ALLOW_SIGNALS"] = "1"
        os.execv(sys.executable, [sys.executable, "-c", script])
    output = b""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and b"Start" not in output:
        try:
            output += os.read(fd, 65536)
        except OSError:
            break
    assert b"Start" in output, output[-500:]
    os.kill(pid, signal.SIGTERM)
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert b"Traceback" not in output
    text = log_file.read_text()
    assert "received signal SIGTERM" in text and "stopped with exit code 0" in text
