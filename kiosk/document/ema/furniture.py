"""The agency's page furniture: what is on the page but is not the overview.

An EMA overview PDF carries a letterhead ("EUROPEAN MEDICINES AGENCY /
SCIENCE MEDICINES HEALTH"), the document reference (EMA/NNNNNN/YYYY) and
product number (EMEA/H/C/NNNNNN, later EMA/H/C/NNNNNN), a contact block
(London, 30 Churchill Place, until 2019; Amsterdam, Domenico Scarlattilaan
6, after), a copyright line and "Page n/m" footers; text copied out of a
PDF puts these wherever a page ended, also inside a list.  A copy of the
web page brings the site's chrome ("Email", "Help", "Authorised", ...) and,
after the overview, the page's other panels ("Authorisation details",
"Product information", ...).  None of it is the agency's text about the
medicine, so none of it may reach a visitor (EMA overview templates,
2009-2018 and 2018 onward; the agency's address change of 2019).

Every reason is phrased for the clinic staff who read the import report.
"""

from __future__ import annotations

import re

__all__ = [
    "EMA_REFERENCE",
    "PAGE_TOKEN",
    "PRODUCT_NUMBER",
    "REFERENCE_LINE_TOKENS",
    "furniture_reason",
    "is_page_end_panel",
    "is_reference_line",
    "references",
]

LETTERHEAD = "the agency's letterhead"
CONTACT = "the agency's address and contact block"
COPYRIGHT = "the agency's copyright line"
PAGE = "a page number or running header/footer"
WEB = "navigation of the EMA web page"
REFERENCE = "the document's reference number (kept among the facts)"
SMALL_PRINT = "small print at the foot of a page (contact block, footer or footnote)"

EMA_REFERENCE = re.compile(r"\bEMA/(?!H/C/)(?:[A-Z]+/)*\d{3,7}/(?:19|20)\d{2}(?:\s*Rev\.?\s*\d+)?\b")
PRODUCT_NUMBER = re.compile(r"\bEME?A/H/C/\d{3,7}(?:/[A-Z]+/\d+)?\b")
PAGE_TOKEN = re.compile(
    r"\b(?:[Pp]age|[Ss]ivu|[Ss]eite|[Pp]agina|[Pp]ágina|[Σσ]ελίδα|[Сс]траница|[Ss]trana|"
    r"[Ss]tr\.|[Ss]ida|[Ll]k|[Oo]ldal|[Ll]apa|[Pp]uslapis|[Ll]eathanach)\s+\d{1,3}\s*"
    r"(?:/|of|из|από|от|z|af|av|van|de|di|von|od|/)\s*\d{1,3}\b"
    r"|\b\d{1,3}\s*/\s*\d{1,3}\b"
)
REFERENCE_LINE_TOKENS = re.compile(
    EMA_REFERENCE.pattern + "|" + PRODUCT_NUMBER.pattern + "|" + PAGE_TOKEN.pattern
)

_PATTERNS = [
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        # letterheads
        (r"^EUROPEAN MEDICINES AGENCY\.?$", LETTERHEAD),
        (r"^SCIENCE\s+MEDICINES\s+HEALTH$", LETTERHEAD),
        (r"^EUROPEAN MEDICINES AGENCY\s+SCIENCE\s+MEDICINES\s+HEALTH$", LETTERHEAD),
        (r"^(?:Medicine overview|Medicines overview)$", LETTERHEAD),
        # Amsterdam (2019 onward)
        (r"^Official address\b", CONTACT),
        (r"Domenico Scarlattilaan", CONTACT),
        (r"^\d{4}\s?[A-Z]{2}\s+Amsterdam\b", CONTACT),
        (r"^Address for visits and deliveries\b", CONTACT),
        (r"^Refer to (?:https?://)?www\.ema\.europa\.eu/how-to-find-us", CONTACT),
        (r"^Send us a question\b", CONTACT),
        (r"^Go to (?:https?://)?www\.ema\.europa\.eu/contact", CONTACT),
        # London (until 2019): one item a line in extracted text
        (r"^(?:30 Churchill Place|7 Westferry Circus)\b", CONTACT),
        (r"^Canary Wharf\b", CONTACT),
        (r"^London,?\s+E14\b", CONTACT),
        (r"^(?:The Netherlands|United Kingdom)$", CONTACT),
        (r"^(?:Telephone|Tel\.?|Facsimile|Fax)\s*:?\s*$", CONTACT),
        (r"^(?:Telephone|Tel\.?|Facsimile|Fax)\s*:?\s*\+", CONTACT),
        (r"^\+(?:44|31)\s*\(0\)\s*\d{2,3}[\d\s]+$", CONTACT),
        (r"^Send a question via our website\b", CONTACT),
        (r"^E-?mail\s*:?\s*info@ema\.europa\.eu", CONTACT),
        (r"^Website\s*:?\s*(?:https?://)?www\.ema\.europa\.eu/?$", CONTACT),
        (r"^(?:https?://)?www\.ema\.europa\.eu(?:/contact|/how-to-find-us)?/?$", CONTACT),
        (r"^An agency of the European Union\.?$", CONTACT),
        # copyright
        (r"^©\s*European Medicines Agency\b", COPYRIGHT),
        (r"^\(?c\)?\s*European Medicines Agency,\s*\d{4}", COPYRIGHT),
        (r"^Reproduction is authori[sz]ed provided the source is acknowledged\.?$", COPYRIGHT),
        (r"^©.{0,80}\b(?:19|20)\d{2}\b", COPYRIGHT),  # the copyright line in any language
        # the web page around the overview (three generations of the site)
        (r"^(?:E-?mail|Help|RSS|Share|Print|Home|Medicines|Human|Menu|Search|Download"
         r"|Overview|About|Authori[sz]ed|Withdrawn|Refused|Suspended|EPAR"
         r"|Summary for the public|EPAR summary for the public - tab|Show more|Read more"
         r"|Table of contents|Page contents|On this page|Contents|Key facts|Opinion"
         r"|Human medicine European public assessment report \(EPAR\)"
         r"|European public assessment report \(EPAR\)|Back to top)$", WEB),
        (r"^This medicine is authori[sz]ed for use in the European Union\.?$", WEB),
        (r"^This medicine's authori[sz]ation has been (?:withdrawn|suspended)\.?$", WEB),
        (r"^(?:First published|Last updated|Published|Updated)\s*:?\s*\d", WEB),
        (r"^[A-Z][a-z]+ \([A-Z]{2}\) \(\d+(?:[.,]\d+)? ?[KM]B\s*-\s*PDF\)$", WEB),
        (r"^(?:Home|Medicines|Human regulatory)\s*(?:>|›|/)\s*", WEB),
    )
]

# Panels of the web page that follow the overview: from here on the copy is
# no longer the overview (and never a section of it).
_PAGE_END_PANELS = re.compile(
    r"^(?:Authori[sz]ation details|Product details|Product information|Assessment history"
    r"|Changes since initial authori[sz]ation of medicine|Related content|Related documents"
    r"|All documents|Documents|How useful (?:was|do you find) this page\??|Topics"
    r"|Contact point|Product information documents|Additional information"
    r"|Latest procedure affecting product information)\s*:?$",
    re.IGNORECASE,
)


def furniture_reason(plain: str) -> str | None:
    """Why ``plain`` (one line, markup removed) is furniture, or ``None``."""
    for pattern, reason in _PATTERNS:
        if pattern.search(plain):
            return reason
    return None


def is_page_end_panel(plain: str) -> bool:
    """True for a web-page panel title that follows the overview on the page."""
    return bool(_PAGE_END_PANELS.match(plain.strip()))


def is_reference_line(plain: str) -> bool:
    """True when ``plain`` holds only references and page numbers."""
    return bool(plain) and not REFERENCE_LINE_TOKENS.sub("", plain).strip(" ,;|•–-")


def references(text: str) -> list[str]:
    """The EMA references and product numbers written in ``text``, in order."""
    return EMA_REFERENCE.findall(text) + PRODUCT_NUMBER.findall(text)
