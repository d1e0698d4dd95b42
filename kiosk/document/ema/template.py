"""The two EMA templates for the public overview, and the withdrawn-medicine papers.

* 2018 onward, "An overview of X and why it is authorised in the EU": eight
  questions; a conditional marketing authorisation adds one on what is
  still awaited.
* About 2009-2018, "EPAR summary for the public": an introduction ("This
  is a summary of the European public assessment report (EPAR) for X
  ...") and nine or ten questions.
* A withdrawn or refused medicine has a public statement or a "questions
  and answers" paper instead, which is no overview and is refused.

The section lists are the agency's own English headings with the name
left open; they let the report name the sections a partial copy lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "OVERVIEW_2018",
    "SUMMARY_2009",
    "Template",
    "first_section_heading",
    "identify_template",
    "is_summary_introduction",
    "missing_sections",
    "withdrawn_statement",
]


@dataclass(frozen=True)
class Template:
    """One EMA template: its name for staff and its sections' headings."""

    name: str
    sections: tuple[str, ...]  # "{name}" stands for the medicine's name
    optional: tuple[str, ...] = ()


OVERVIEW_2018 = Template(
    "overview (EMA template of 2018 onward)",
    (
        "What is {name} and what is it used for?",
        "How is {name} used?",
        "How does {name} work?",
        "What benefits of {name} have been shown in studies?",
        "What are the risks associated with {name}?",
        "Why is {name} authorised in the EU?",
        "What measures are being taken to ensure the safe and effective use of {name}?",
        "Other information about {name}",
    ),
    optional=("What information is still awaited for {name}?",),
)

SUMMARY_2009 = Template(
    "EPAR summary for the public (EMA template of about 2009-2018)",
    (
        "What is {name}?|What is {name} and what is it used for?",
        "What is {name} used for?|What is {name} and what is it used for?",
        "How is {name} used?",
        "How does {name} work?",
        "How has {name} been studied?|What benefits of {name} have been shown in studies?",
        "What benefit has {name} shown during the studies?"
        "|What are the benefit and risk of {name}?"
        "|What benefits of {name} have been shown in studies?",
        "What is the risk associated with {name}?|What are the benefit and risk of {name}?"
        "|What are the risks associated with {name}?",
        "Why has {name} been approved?|Why is {name} approved?",
        "Other information about {name}",
    ),
    optional=(
        "What measures are being taken to ensure the safe and effective use of {name}?",
        "What information is still awaited for {name}?",
    ),
)

_SUBTITLE = re.compile(r"^An overview of (?P<name>.+?) and why it is authori[sz]ed in the EU\.?$",
                       re.IGNORECASE)
SUMMARY_TITLE = re.compile(r"^EPAR summary for the public$", re.IGNORECASE)
_INTRODUCTION = re.compile(
    r"^This (?:document )?is a summary of the European [Pp]ublic [Aa]ssessment [Rr]eport"
    r"|^This is a summary of the EPAR\b")
_WITHDRAWN = re.compile(
    r"^(?:Public statement\b|Questions and answers on (?:the )?(?:withdrawal|refusal)\b"
    r"|Withdrawal of (?:the )?(?:marketing authori[sz]ation|application)\b"
    r"|Refusal of (?:the )?marketing authori[sz]ation\b"
    r"|Withdrawn application\b|Withdrawal assessment report\b"
    r"|.{0,80}\b(?:marketing authori[sz]ation|application) (?:has been|was) withdrawn\b"
    r"|The European Commission (?:has )?withdrawn the marketing authori[sz]ation\b)",
    re.IGNORECASE,
)


def _patterns(heading: str, name: str | None) -> list[re.Pattern[str]]:
    """The regular expressions of a template heading (variants split at "|")."""
    found = []
    for variant in heading.split("|"):
        parts = [re.escape(p) for p in variant.split("{name}")]
        hole = re.escape(name) if name else "(.+?)"
        found.append(re.compile("^" + hole.join(parts).replace(r"\ ", r"\s+") + r"\s*:?$",
                                re.IGNORECASE))
    return found


def _heading(heading: str, name: str) -> str:
    """The template heading (its first variant) with the name filled in."""
    return heading.split("|")[0].format(name=name)


def subtitle_name(text: str) -> str | None:
    """The medicine named in a 2018 subtitle "An overview of X and why ...", else None."""
    found = _SUBTITLE.match(text.strip())
    return found["name"] if found else None


def is_subtitle(text: str) -> bool:
    """True for the 2018 template's subtitle."""
    return subtitle_name(text) is not None


def is_summary_introduction(text: str) -> bool:
    """True for the first sentence of the 2009-2018 summary's introduction."""
    return bool(_INTRODUCTION.match(text.strip()))


def withdrawn_statement(text: str) -> bool:
    """True for the title or opening of a withdrawn or refused medicine's paper."""
    return bool(_WITHDRAWN.match(text.strip()))


def template_section(template: Template, heading: str, name: str | None = None) -> set[int]:
    """The indexes of the template's sections that ``heading`` is (a variant may be two)."""
    found = set()
    for index, pattern in enumerate(template.sections + template.optional):
        if any(p.match(heading.strip()) for p in _patterns(pattern, name)):
            found.add(index)
    return found


def identify_template(headings: list[str], subtitle: str, introduction: bool,
                      name: str | None = None) -> Template | None:
    """The template the headings follow (English headings only), else None."""
    if introduction:
        return SUMMARY_2009
    if subtitle and is_subtitle(subtitle):
        return OVERVIEW_2018
    scores = {t: sum(1 for h in headings if template_section(t, h, name))
              for t in (OVERVIEW_2018, SUMMARY_2009)}
    best = max(scores, key=lambda t: scores[t])
    return best if scores[best] else None


def missing_sections(template: Template, headings: list[str], name: str) -> tuple[str, ...]:
    """The template's (required) sections that ``headings`` lack, with the name filled in."""
    found: set[int] = set()
    for heading in headings:
        found |= template_section(template, heading, name)
    return tuple(_heading(h, name) for i, h in enumerate(template.sections) if i not in found)


def first_section_heading(template: Template, name: str) -> str:
    """The template's first heading for ``name``: what the web page leaves out."""
    return _heading(template.sections[0], name)


def is_first_section(template: Template, heading: str, name: str | None = None) -> bool:
    """True when ``heading`` is the template's first section."""
    return 0 in template_section(template, heading, name)
