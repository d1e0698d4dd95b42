"""Rules for the whole suite.

On CI (``KIOSK_CI=1``, set by ``.ci/run``) everything a test needs is
installed, so a test that skips has not run: it is reported as a failure,
with the reason it gave.  On a developer's machine a skip stays a skip.
"""

from __future__ import annotations

import logging
import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("KIOSK_CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped on CI, where everything it needs is installed: {reason}"


@pytest.fixture(autouse=True)
def logging_as_it_was():
    """The kiosk's logging set-up put back as it was after each test.

    ``setup_logging`` (a test that starts the kiosk the launcher's way runs
    it) stops the ``kiosk`` logger propagating and gives it the test's log
    file: every later test's ``caplog`` then saw no kiosk record, so the
    tests that check a log sentence passed alone and failed after it.
    """
    from kiosk.logs import KioskLogHandler

    kiosk, root = logging.getLogger("kiosk"), logging.getLogger()
    saved = (list(kiosk.handlers), kiosk.propagate, kiosk.level, list(root.handlers), root.level)
    yield
    for logger, kept in ((kiosk, saved[0]), (root, saved[3])):
        for handler in list(logger.handlers):
            if isinstance(handler, KioskLogHandler) and handler not in kept:
                logger.removeHandler(handler)
                handler.close()
    kiosk.handlers[:] = [handler for handler in kiosk.handlers if handler in saved[0]]
    kiosk.propagate, kiosk.level = saved[1], saved[2]
    root.setLevel(saved[4])


@pytest.fixture
def restore_translator():
    """The process-wide translator, put back as it was after the test (its locales
    folder, language and cache): tests that configure it must not leak into others."""
    from kiosk.languages import translator

    saved = (translator._locales_dir, translator._active_code)
    yield translator
    translator._cache.clear()
    if saved[0] is not None:
        translator.configure_locales(saved[0])
    else:
        translator._locales_dir = None
    translator.set_language(saved[1])
