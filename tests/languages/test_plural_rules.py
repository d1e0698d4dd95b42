"""Catalogs keep working whatever CLDR rules the installed Babel has.

The kiosk compiles and reads each catalog with its own Plural-Forms header
(as gettext does); a header that is not the installed CLDR rule is a
warning that names the migration, and the migration maps forms by category.
The old headers below are the ones the shipped catalogs had under Babel
2.18, before Babel 2.19 changed the CLDR rules of these eight languages.
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from lang_helpers import REPO, make_catalog, write_catalog
from kiosk.cli import main
from kiosk.languages import maintenance
from kiosk.languages.catalog_files import compile_po, load_translations
from kiosk.languages.catalog_reading import load_catalog
from kiosk.languages.checks import run_checks
from kiosk.languages.plural_forms import (
    PluralRule,
    check_plural_forms,
    cldr_rule,
    parse_plural_forms,
    plural_rule_drift,
)
from kiosk.languages.plural_migration import form_mapping, migrate_catalog
from kiosk.languages.templates import Templates

OLD_HEADERS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "mt": "nplurals=4; plural=(n==1 ? 0 : n==0 || ( n%100>=1 && n%100<=10) ? 1 : "
          "(n%100>10 && n%100<20 ) ? 2 : 3);",
    "hu": "nplurals=1; plural=0;",
    "tr": "nplurals=1; plural=0;",
}
# Babel 2.19's CLDR rules for the same languages, as the migration must produce them.
NEW_HEADERS = {
    "fr": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "es": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    "lv": "nplurals=3; plural=(n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19 ? 0 : "
          "n % 10 == 1 && n % 100 != 11 ? 1 : 2);",
    "mt": "nplurals=5; plural=(n == 1 ? 0 : n == 2 ? 1 : n == 0 || n % 100 >= 3 && "
          "n % 100 <= 10 ? 2 : n % 100 >= 11 && n % 100 <= 19 ? 3 : 4);",
    "hu": "nplurals=2; plural=(n != 1);",
}
# new form index -> old form index, by category (the "traps").
EXPECTED_MAPPING = {
    "fr": [0, 1, 1],  # one, many (inserted at 1), other
    "es": [0, 1, 1],
    "lv": [2, 0, 1],  # zero, one, other: reordered, not appended
    "mt": [0, 1, 1, 2, 3],  # one, two (inserted at 1), few, many, other
    "hu": [0, 0],
}


def _po_with_plural(tmp_path: Path, language: str, header: str, forms: list[str]) -> Path:
    path = write_catalog(tmp_path, language, "kiosk", make_catalog(language, [("Help", "X")]),
                         raw_header_plural=header)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('\nmsgid "{n} second"\nmsgid_plural "{n} seconds"\n')
        for index, form in enumerate(forms):
            fh.write(f'msgstr[{index}] "{form}"\n')
    return path


@pytest.mark.parametrize("language", sorted(EXPECTED_MAPPING))
def test_forms_are_mapped_by_category_not_appended(language):
    old = parse_plural_forms(OLD_HEADERS[language])
    new = parse_plural_forms(NEW_HEADERS[language])
    mapping = form_mapping(old, new, language)
    assert [form.old_index for form in mapping] == EXPECTED_MAPPING[language]
    # every number whose category is unchanged keeps the words it had
    old_f, new_f = old.function(), new.function()
    for n in (1, 2, 5, 21, 100):
        source = mapping[new_f(n)]
        if source.exact:
            assert source.old_index == old_f(n), n


def test_latvian_catalog_is_reordered_and_french_gains_many(tmp_path):
    lv = _po_with_plural(tmp_path, "lv", OLD_HEADERS["lv"],
                         ["{n} ONE", "{n} OTHER", "{n} ZERO"])
    catalog, _ = load_catalog(lv, "lv", "kiosk")
    migration = migrate_catalog(catalog, "lv", "kiosk", parse_plural_forms(NEW_HEADERS["lv"]))
    assert catalog.get("{n} second").string == ("{n} ZERO", "{n} ONE", "{n} OTHER")
    assert migration.to_check == ['"{n} second"']  # 10-20 now take the zero words: named

    fr = _po_with_plural(tmp_path, "fr", OLD_HEADERS["fr"], ["{n} seconde", "{n} secondes"])
    catalog, _ = load_catalog(fr, "fr", "kiosk")
    migrate_catalog(catalog, "fr", "kiosk", parse_plural_forms(NEW_HEADERS["fr"]))
    assert catalog.get("{n} second").string == ("{n} seconde", "{n} secondes", "{n} secondes")
    assert ("Plural-Forms", NEW_HEADERS["fr"].rstrip(";") + ";") in catalog.mime_headers


def test_a_header_that_is_not_cldr_compiles_and_is_read_with_its_own_rule(tmp_path):
    # Polish written with a two-form rule: not CLDR's (3 forms), but consistent.
    path = _po_with_plural(tmp_path, "pl", "nplurals=2; plural=(n != 1);",
                           ["{n} sekunda", "{n} sekund"])
    assert cldr_rule("pl").count == 3
    assert maintenance.compile_catalog(path, "pl", "kiosk") == []
    compiled = gettext.GNUTranslations(path.with_suffix(".mo").open("rb"))
    assert compiled.ngettext("{n} second", "{n} seconds", 5) == "{n} sekund"
    assert compiled.ngettext("{n} second", "{n} seconds", 1) == "{n} sekunda"
    in_memory = gettext.GNUTranslations(io.BytesIO(compile_po(path)))
    assert in_memory.ngettext("{n} second", "{n} seconds", 5) == "{n} sekund"

    report = run_checks(tmp_path, tmp_path / "none", ["pl"],
                        templates=Templates({}))
    assert not [p for p in report.problems if p.check == "plural-forms"]
    [warning] = [w for w in report.warnings if "Plural-Forms" in w]
    assert "pl" in warning and "kiosk catalogs migrate-plurals --language pl" in warning


def test_entry_forms_that_do_not_match_the_header_block_the_compile(tmp_path):
    path = _po_with_plural(tmp_path, "pl", "nplurals=2; plural=(n != 1);", ["{n} sekunda"])
    problems = maintenance.compile_catalog(path, "pl", "kiosk", use_msgfmt=False)
    assert [p.check for p in problems] == ["plural-forms"]
    assert "nplurals=2" in problems[0].message
    assert not path.with_suffix(".mo").exists()


def test_migrate_plurals_command_rewrites_only_drifted_catalogs(tmp_path, capsys):
    locales = tmp_path / "locales"
    _po_with_plural(locales, "lv", OLD_HEADERS["lv"], ["{n} ONE", "{n} OTHER", "{n} ZERO"])
    current = _po_with_plural(locales, "de", cldr_rule("de").header, ["{n} Sekunde", "{n} Sekunden"])
    before = current.read_bytes()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nkiosk_mode = false\nlocales_dir = "{locales}"\n'
                      f'content_dir = "{tmp_path}"\n', encoding="utf-8")
    assert main(["--config", str(config), "catalogs", "migrate-plurals"]) == 0
    out = capsys.readouterr().out
    assert "lv kiosk:" in out and "check:" in out and "de kiosk" not in out
    assert current.read_bytes() == before
    lv, _ = load_catalog(locales / "lv" / "LC_MESSAGES" / "kiosk.po", "lv", "kiosk")
    assert plural_rule_drift(lv, "lv") is None
    assert check_plural_forms(lv, "lv", "kiosk", locales / "lv" / "LC_MESSAGES" / "kiosk.po") == []


def test_shipped_catalogs_follow_the_locked_babels_rules():
    """With the locked Babel installed, no shipped catalog needs migrating."""
    import babel

    lock = (REPO / "requirements" / "kiosk.lock").read_text(encoding="utf-8")
    locked = re.search(r"^babel==([\w.]+)", lock, re.M).group(1)
    assert babel.__version__ == locked, "the venv is not installed from the lock"
    drifted = []
    for po in sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")):
        language = po.parent.parent.name
        catalog, problems = load_catalog(po, language, po.stem)
        assert catalog is not None, problems
        if plural_rule_drift(catalog, language) is not None:
            drifted.append(f"{language}/{po.name}")
    assert drifted == []


@pytest.mark.parametrize("language", sorted(OLD_HEADERS))
def test_every_shipped_plural_entry_has_every_form_translated(language):
    po = REPO / "locales" / language / "LC_MESSAGES" / "kiosk.po"
    catalog, _ = load_catalog(po, language, "kiosk")
    count = get_plural(language).num_plurals
    plurals = [m for m in catalog if m.id and not isinstance(m.id, str)]
    assert plurals
    for message in plurals:
        assert len(message.string) == count and all(message.string), message.id


def test_runtime_loader_uses_the_header_even_when_cldr_disagrees(tmp_path):
    _po_with_plural(tmp_path, "hu", "nplurals=1; plural=0;", ["{n} másodperc"])
    translations = load_translations(tmp_path, "hu", "kiosk")
    assert translations.ngettext("{n} second", "{n} seconds", 7) == "{n} másodperc"


def test_rules_agree_on_large_numbers_too():
    two = PluralRule(3, "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)")
    assert two.agrees_with(PluralRule(3, "n==1 ? 0 : (n!=0 && n%1000000==0) ? 1 : 2"))
    assert not two.agrees_with(PluralRule(3, "(n == 1 ? 0 : n == 1000 ? 1 : 2)"))
    with pytest.raises(ValueError):
        PluralRule(2, "n ! = 1").function()
