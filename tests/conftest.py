"""Rules for the whole suite.

On CI (``KIOSK_CI=1``, set by ``.ci/run``) everything a test needs is
installed, so a test that skips has not run: it is reported as a failure,
with the reason it gave.  On a developer's machine a skip stays a skip.
"""

from __future__ import annotations

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
