"""Every text the kiosk shows in a language, with its numbers filled in, for the speech check.

``kiosk check`` asks eSpeak NG whether each voice says every number's unit
(:mod:`kiosk.commands.spoken_check`); this module gathers what there is to
say, the way the screens show it:

* every text of every medicine (heading, paragraph, list item), translated
  where the catalog has it, else the English (which the English voice reads);
* every interface string, with its ``{fields}`` filled as the screens fill
  them: "Section 3 of 8", "Volume 70 percent.", the idle countdown's
  seconds, and for each medicine the About screen's EMA reference, product
  number and dates (written the language's way by
  :mod:`kiosk.languages.formatting`, as the screen writes them).

The spoken forms themselves (msgctxt "spoken...") are not texts the screen
shows and are left out.
"""

from __future__ import annotations

import gettext
import string
from dataclasses import dataclass
from pathlib import Path

from kiosk.document.model import DocumentFacts
from kiosk.document.source_format import DocumentFormatError, load_document
from kiosk.languages.catalog_files import has_message, load_translations
from kiosk.languages.domains import UI_DOMAIN, is_document_domain
from kiosk.languages.formatting import format_long_date, format_year_month
from kiosk.languages.medical_text import content_slugs
from kiosk.languages.problems import entry_label, messages_of
from kiosk.languages.registry import SOURCE_LANGUAGE
from kiosk.languages.spoken_forms import is_spoken_context
from kiosk.languages.templates import Templates

__all__ = ["ShownText", "SAMPLE_VALUES", "shown_texts"]

#: What the screens put in the numeric fields (a section of 8, the volume at
#: 70 %, 10 seconds left, 2 PIN tries, the Help key F1), and a word for any other field.
SAMPLE_VALUES = {"number": "3", "total": "8", "percent": "70", "seconds": "10", "tries": "2",
                 "help": "F1", "keys": "F1"}
_OTHER = "Opzelura"
#: The idle countdown's "{time}" (marked for translation in kiosk.ui.screens.idle_warning;
#: not written as a call here, so extraction does not list this module for it).
_SECONDS = ("{seconds} second", "{seconds} seconds")
#: Interface strings that show a medicine's facts, and the fact each shows.
_FACT_ENTRIES = {
    "EMA reference: {reference}": "reference",
    "Product number: {number}": "product",
    "Authorised in the EU on: {date}": "date",
    "Last updated: {month}": "month",
}


@dataclass(frozen=True)
class ShownText:
    """A text as a screen shows it: where it comes from, and the language that says it."""

    domain: str
    entry: str  # how a problem names it ('s3.p2 "Opzelura is…"')
    text: str
    language: str  # the voice's language (English for a text shown in English)


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return _OTHER


def _fill(template: str, values: dict[str, str]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Fields(values))
    except (ValueError, IndexError, KeyError):
        return template


def _facts(content_dir: Path) -> list[DocumentFacts]:
    """The facts of every medicine in the content folder (one that cannot be read is skipped:
    ``kiosk check`` reports it as a source problem)."""
    facts = []
    for slug in content_slugs(content_dir):
        try:
            facts.append(load_document(content_dir / slug).facts)
        except DocumentFormatError:
            continue
    return facts


def _document_texts(locales_dir: Path, language: str, templates: Templates) -> list[ShownText]:
    out = []
    for domain, template in templates.catalogs.items():
        if not is_document_domain(domain):
            continue
        translations = (gettext.NullTranslations() if language == SOURCE_LANGUAGE
                        else load_translations(locales_dir, language, domain))
        for message in messages_of(template):
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            if has_message(translations, msgid):
                out.append(ShownText(domain, entry_label(message, domain),
                                     translations.gettext(msgid), language))
            else:
                out.append(ShownText(domain, entry_label(message, domain), msgid,
                                     SOURCE_LANGUAGE))
    return out


def _fact_values(facts: DocumentFacts, language: str) -> dict[str, str]:
    return {
        "reference": facts.ema_reference,
        "product": facts.product_number,
        "date": (format_long_date(facts.authorisation_date, language)
                 if facts.authorisation_date else ""),
        "month": format_year_month(facts.last_updated, language) if facts.last_updated else "",
    }


def _interface_texts(locales_dir: Path, language: str, templates: Templates,
                     content_dir: Path) -> list[ShownText]:
    template = templates.catalogs.get(UI_DOMAIN)
    if template is None:
        return []
    translations = (gettext.NullTranslations() if language == SOURCE_LANGUAGE
                    else load_translations(locales_dir, language, UI_DOMAIN))
    values = dict(SAMPLE_VALUES)
    seconds = int(SAMPLE_VALUES["seconds"])
    values["time"] = translations.ngettext(*_SECONDS, seconds).format(seconds=seconds)
    every_facts = _facts(content_dir)
    out = []
    for message in messages_of(template):
        if is_spoken_context(message.context):
            continue
        plural = not isinstance(message.id, str)
        msgid = message.id[0] if plural else message.id
        translated = language == SOURCE_LANGUAGE or has_message(translations, msgid,
                                                                message.context)
        speaker = language if translated else SOURCE_LANGUAGE
        source = translations if translated else gettext.NullTranslations()
        if plural:
            field = next((f for f in SAMPLE_VALUES if "{" + f + "}" in msgid), "total")
            shown = source.ngettext(msgid, message.id[1], int(SAMPLE_VALUES.get(field, "8")))
        elif message.context:
            shown = source.pgettext(message.context, msgid)
        else:
            shown = source.gettext(msgid)
        label = entry_label(message, UI_DOMAIN)
        fact = _FACT_ENTRIES.get(msgid)
        if fact is None:
            out.append(ShownText(UI_DOMAIN, label, _fill(shown, values), speaker))
            continue
        for facts in every_facts:  # the About screen of each medicine
            value = _fact_values(facts, speaker)[fact]
            if value:
                field = msgid[msgid.index("{") + 1:msgid.index("}")]
                out.append(ShownText(UI_DOMAIN, label, _fill(shown, {**values, field: value}),
                                     speaker))
    return out


def shown_texts(locales_dir: Path, content_dir: Path, language: str,
                templates: Templates) -> list[ShownText]:
    """Every text shown in ``language``: the medicines' texts, then the interface's.

    Args:
        locales_dir, content_dir: the configuration's catalog and content folders.
        language: a catalog code ("mt"), or English.
        templates: the sources' templates (:func:`kiosk.languages.templates.all_templates`).
    """
    locales_dir, content_dir = Path(locales_dir), Path(content_dir)
    return (_document_texts(locales_dir, language, templates)
            + _interface_texts(locales_dir, language, templates, content_dir))
