"""Keys for the headless benchmarks (monkey, visits): Key events and waiting for them cheaply.

Pilot's ``press`` and ``pause`` wait until the process *looks* idle (wall
clock against CPU time, Textual's ``wait_for_idle``): on a machine shared
with other work that costs about 50 ms a key, which would make 100,000 keys
take hours.  :func:`settle` waits for exactly what matters instead: the app,
then its top screen, have handled every message posted before.
"""

from __future__ import annotations

import asyncio

from textual import events

#: The character a terminal sends with a key (Textual's key names).
CHARACTERS = {"space": " ", "enter": "\r", "escape": "\x1b", "tab": "\t", "backspace": "\x7f",
              "question_mark": "?", "plus": "+", "minus": "-", "asterisk": "*", "slash": "/",
              "full_stop": ".", "comma": ","}


class FakeClock:
    """Seconds that move only when the benchmark says so (the app's idle clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def key_event(key: str) -> events.Key:
    """The Key event a terminal sends for ``key`` (Textual's name, e.g. ``question_mark``)."""
    return events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None))


async def settle(app, rounds: int = 2, timeout: float = 10.0) -> bool:
    """Wait until the app, then its top screen, have handled what was posted before.

    ``call_later`` runs a callback after the messages already in that
    object's queue; two rounds cover a screen pushed by a key (it mounts in
    its own task).  Returns False when that took over ``timeout`` seconds
    (a stuck app: callers count it as a failure).
    """
    try:
        for _ in range(rounds):
            for node in (app, app.screen):
                done = asyncio.Event()
                if not node.call_later(done.set):
                    return True  # closing: nothing more will run
                await asyncio.wait_for(done.wait(), timeout)
    except asyncio.TimeoutError:
        return False
    return True


async def press(app, *keys: str) -> bool:
    """Post each key as the terminal would and wait until it is handled (False: stuck)."""
    for key in keys:
        app.post_message(key_event(key))
        if not await settle(app):
            return False
    return True
