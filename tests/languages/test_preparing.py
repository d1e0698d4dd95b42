"""``preparing(code)``: another language's strings for one block of one context.

The overview lays out the language a visitor has highlighted before they
choose it (issue 8, "Faster"); that must not change the language of anything
else: not after the block, not in another thread (the narrator's) meanwhile.
"""

from __future__ import annotations

import threading

from lang_helpers import make_catalog, write_catalog
from kiosk.languages import (
    _, active_language, interface_language, ngettext, preparing, set_language, shown_language,
)


def test_strings_follow_the_prepared_language_only_inside_the_block(tmp_path, clean_translator):
    write_catalog(tmp_path, "de", "kiosk", make_catalog("de", [
        ("Contents", "Inhalt"),
        (("{n} section", "{n} sections"), ("{n} Abschnitt", "{n} Abschnitte")),
    ]))
    clean_translator.configure_locales(tmp_path)
    set_language("en")
    heard_elsewhere: list[tuple[str, str]] = []

    def other_thread() -> None:  # the narrator's thread, while the overview prepares
        heard_elsewhere.append((active_language(), _("Contents")))

    with preparing("de"):
        assert active_language() == "de"
        assert _("Contents") == "Inhalt"
        assert ngettext("{n} section", "{n} sections", 2) == "{n} Abschnitte"
        # What is written into a string follows the language it is shown in.
        assert shown_language("Contents") == "de" and interface_language() == "de"
        assert shown_language("Not in the German catalog") == "en"
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert heard_elsewhere == [("en", "Contents")]
    assert active_language() == "en" and _("Contents") == "Contents"
    assert shown_language("Contents") == "en" and interface_language() == "en"


def test_the_language_comes_back_after_an_error_in_the_block(tmp_path, clean_translator):
    write_catalog(tmp_path, "de", "kiosk", make_catalog("de", [("Contents", "Inhalt")]))
    clean_translator.configure_locales(tmp_path)
    set_language("en")
    try:
        with preparing("de"):
            raise RuntimeError("a page that could not be laid out")
    except RuntimeError:
        pass
    assert active_language() == "en" and _("Contents") == "Contents"
