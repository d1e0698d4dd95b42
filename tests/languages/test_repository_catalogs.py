"""The repository's own catalogs must pass every check and be up to date.

These tests fail until every translation is complete and `kiosk catalogs
update` has been run: that is intended (they are the release gate), and
their message names what is missing, language by language.
"""

from __future__ import annotations

from collections import Counter

from lang_helpers import REPO
from kiosk.languages import checks, maintenance

LOCALES = REPO / "locales"
CONTENT = REPO / "content"


def _summary(problems, limit=40) -> str:
    counts = Counter((p.language, p.domain, p.check) for p in problems)
    lines = [f"{len(problems)} problem(s) in the repository's catalogs:"]
    lines += [f"  {lang} {domain} {check}: {n}" for (lang, domain, check), n in sorted(counts.items())]
    lines.append("first problems:")
    lines += [f"  {p}" for p in problems[:limit]]
    return "\n".join(lines)


def test_repository_catalogs_pass_every_check():
    report = checks.run_checks(LOCALES, CONTENT)
    assert report.problems == [], _summary(report.problems)


def test_repository_catalogs_are_up_to_date():
    """The `pybabel update --check --ignore-pot-creation-date --init-missing` equivalent."""
    pending = maintenance.pending_updates(LOCALES, CONTENT)
    assert pending == [], f"{len(pending)} catalog(s) out of date:\n" + "\n".join(pending[:60])
