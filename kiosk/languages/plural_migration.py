"""Moving a catalog to a new plural rule without scrambling its grammar.

A new rule is not "the old forms plus one": Latvian reorders its forms
(zero, one, other), Maltese inserts "two" at index 1, and French, Spanish,
Italian and Portuguese insert "many" at index 1.  Keeping ``msgstr[i]`` and
appending would silently show the wrong words.  So the forms are mapped by
*category*: for each form of the new rule, the numbers that choose it are
run through the old rule, and the old form whose numbers it covers most
completely is the same category, so its words are copied (on a tie, the
old form most of its numbers used).  Every new form is filled.  Where the
numbers of one new form used several old forms (the rules draw the line
elsewhere: Latvian's 10-20 now take the "zero" words), the entry is named
in the report, for a translator to check.

``kiosk catalogs migrate-plurals [--language xx]`` runs this on the
catalogs whose header differs from the installed CLDR rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from kiosk.languages.plural_forms import SAMPLE_NUMBERS, PluralRule, cldr_rule, header_rule
from kiosk.languages.problems import entry_label, forms_of, messages_of


@dataclass(frozen=True)
class FormSource:
    """Where form ``new_index`` of the new rule takes its words from.

    Attributes:
        new_index: the form's index in the new rule.
        category: its CLDR name (``one``, ``many``...), for the report.
        old_index: the old form copied into it.
        also_used: other old forms that some numbers of this form used
            (empty when the mapping is exact).
        examples: a few numbers that choose this form.
    """

    new_index: int
    category: str
    old_index: int
    also_used: tuple[int, ...] = ()
    examples: tuple[int, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.also_used


def _category_name(language: str, numbers: list[int]) -> str:
    try:
        from babel import Locale

        rule = Locale.parse(language).plural_form
        names = Counter(rule(n) for n in numbers[:200])
        return names.most_common(1)[0][0]
    except Exception:  # an unknown locale: the index alone names the form
        return "?"


def form_mapping(old: PluralRule, new: PluralRule, language: str) -> list[FormSource]:
    """For each form of ``new``, the form of ``old`` whose words it takes.

    Raises:
        ValueError: a rule's expression cannot be read, or a form of ``new``
            is chosen by none of :data:`SAMPLE_NUMBERS` (the rule is broken).
    """
    old_f, new_f = old.function(), new.function()
    by_form: dict[int, list[int]] = {i: [] for i in range(new.count)}
    for n in SAMPLE_NUMBERS:
        index = new_f(n)
        if index not in by_form:
            raise ValueError(f"the rule {new.header} gives form {index} for {n}, "
                             f"but has only {new.count} forms")
        by_form[index].append(n)
    old_sizes = Counter(min(old_f(n), old.count - 1) for n in SAMPLE_NUMBERS)
    mapping = []
    for index, numbers in by_form.items():
        if not numbers:
            raise ValueError(f"no number chooses form {index} of {new.header}")
        used = Counter(min(old_f(n), old.count - 1) for n in numbers)
        # The old form whose numbers this new form covers most completely is
        # the same grammatical category: Latvian's new "zero" (0, 10-20, 30...)
        # takes the old form that was only for 0 (the genitive plural), not the
        # old "other" that more of its numbers happened to use.
        source = max(used, key=lambda i: (used[i] / old_sizes[i], used[i]))
        mapping.append(FormSource(
            index, _category_name(language, numbers), source,
            tuple(sorted(i for i in used if i != source)), tuple(numbers[:4]),
        ))
    return mapping


@dataclass
class Migration:
    """What migrating one catalog did (nothing when ``old`` already is the new rule)."""

    language: str
    domain: str
    old: PluralRule | None
    new: PluralRule
    mapping: list[FormSource] = field(default_factory=list)
    entries: int = 0
    to_check: list[str] = field(default_factory=list)  # entries a translator should look at

    def describe(self) -> list[str]:
        """The report lines for staff and translators."""
        if self.old is None or not self.mapping:
            return [f"{self.language} {self.domain}: already {self.new.header}"]
        lines = [f"{self.language} {self.domain}: {self.old.header} -> {self.new.header} "
                 f"({self.entries} plural entr{'y' if self.entries == 1 else 'ies'})"]
        for form in self.mapping:
            how = f"form {form.old_index}"
            if not form.exact:
                how += (" (some of its numbers used form(s) "
                        + ", ".join(map(str, form.also_used)) + ": check it)")
            lines.append(f"  new form {form.new_index} ({form.category}, e.g. "
                         f"{', '.join(map(str, form.examples))}) takes old {how}")
        lines += [f"  check: {entry}" for entry in self.to_check]
        return lines


def migrate_catalog(catalog: Catalog, language: str, domain: str,
                    new: PluralRule | None = None) -> Migration:
    """Rewrite ``catalog`` (in place) to ``new`` (default: the installed CLDR rule).

    Every plural entry's forms are re-ordered, duplicated or merged by
    :func:`form_mapping`; the ``Plural-Forms`` header is set to ``new``.
    A catalog without a header is given ``new`` with its entries as they are
    (Babel already read them with the language's rule).

    Raises:
        ValueError: the old header cannot be read (fix it by hand first).
    """
    new = new or cldr_rule(language)
    old = header_rule(catalog)
    result = Migration(language, domain, old, new)
    if old is not None and old.agrees_with(new) and old.count == new.count:
        return result
    if old is not None:
        result.mapping = form_mapping(old, new, language)
        unsure = [f for f in result.mapping if not f.exact]
        for message in messages_of(catalog):
            if isinstance(message.id, str):
                continue
            forms = forms_of(message)
            forms = forms + ("",) * (old.count - len(forms))
            message.string = tuple(forms[f.old_index] for f in result.mapping)
            result.entries += 1
            if unsure and any(message.string):
                result.to_check.append(entry_label(message, domain))
    catalog.mime_headers = [("Plural-Forms", new.header)]
    return result


def migrate_file(po: Path, language: str, domain: str,
                 new: PluralRule | None = None) -> Migration:
    """Migrate one ``.po`` file in place (written atomically; unchanged when already migrated).

    Raises:
        ValueError: the file cannot be read by Babel, or its header cannot be read.
    """
    from kiosk.languages.catalog_reading import load_catalog
    from kiosk.languages.templates import catalog_bytes
    from kiosk.files import write_atomically

    catalog, problems = load_catalog(po, language, domain)
    if catalog is None:
        raise ValueError("; ".join(p.message for p in problems))
    result = migrate_catalog(catalog, language, domain, new)
    if result.mapping or result.old is None:
        write_atomically(po, catalog_bytes(catalog, domain))
    return result
