"""Issue 9 item 1 through the real sound path: with speech off, the speech hint is heard.

EN 301 549 5.2: a visitor who cannot see must be able to find the speech without
speech.  With ``[speech] enabled = false`` the first key of a visit and the Help key
say, aloud through the null sink, which key turns speech on; every other key stays
silent, as speech is off.  (The UI tests check the words and the language with the
recording announcer; this checks that they really reach the sound server.)
"""

from __future__ import annotations

import time

import pytest

from kiosk.ui.screens.help import HelpScreen
from tests.integration.test_talking_kiosk import (
    heard_after, narrator_quiet, nothing_heard_for, silent_after, wait_for,
)

pytestmark = pytest.mark.audio


async def test_with_speech_off_the_hint_is_heard_and_nothing_else(kiosk, recorder):
    app = kiosk(enabled=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.visit.speech_on
        await pilot.pause()
        t_first = time.monotonic()
        await pilot.press("down")  # the visit's first key
        assert await heard_after(recorder, t_first) is not None, "the hint was not heard"
        narrator = app.announcer.narrator
        assert await narrator_quiet(narrator)
        assert await silent_after(recorder, t_first)
        assert not app.visit.speech_on  # the hint did not switch speech on
        await pilot.press("up", "down")  # later keys: speech is off, nothing is heard
        assert await narrator_quiet(narrator)
        assert await nothing_heard_for(recorder, 0.6), "a key spoke with speech off"
        t_help = time.monotonic()
        await pilot.press("f1")  # Help always talks
        assert await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert await heard_after(recorder, t_help) is not None, "Help said nothing"
        assert await narrator_quiet(narrator)
        assert await silent_after(recorder, t_help)
        # Only the hint: Help's own lines stay silent while speech is off.
        assert await nothing_heard_for(recorder, 0.6)
