"""Catalog upkeep: ``kiosk catalogs extract | update | compile``.

* ``extract`` writes ``locales/kiosk.pot`` (the interface strings, as
  ``pybabel extract -F babel.cfg`` would, see ``babel.cfg``) and one
  ``locales/doc-<slug>.pot`` per medicine in the content folder.
* ``update`` extracts, then merges every template into every language's
  ``.po`` with ``pybabel update`` semantics: a changed English text keeps its
  old translation marked fuzzy with the previous English (``#| msgid``), new
  texts are added, removed ones become obsolete (``#~``); a missing ``.po``
  is created for every supported language.
* ``compile`` builds a ``.mo`` beside every ``.po``, without fuzzy entries,
  with the catalog's own ``Plural-Forms`` rule (as ``msgfmt`` does; the
  installed Babel's CLDR rule is never imposed, see
  :mod:`kiosk.languages.plural_forms`).  A catalog with a blocking error
  (unreadable, entries whose forms do not match its header, broken
  placeholders, control characters, or rejected by ``msgfmt --check``) gets
  no new ``.mo``: every error is reported with its file and entry and the
  command exits non-zero.  The kiosk still starts: it compiles such a
  catalog in memory, dropping the broken entries, or shows English, marked.
  Incomplete catalogs compile: what is not translated is shown in English,
  marked.

Everything is written atomically (temporary file + rename) with the mode an
ordinary new file gets (:func:`kiosk.files.write_atomically`), so the kiosk
or a translator's editor never sees half a file and every account can read it.
"""

from __future__ import annotations

import copy
import difflib
import datetime as _dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from kiosk.files import write_atomically
from kiosk.languages.catalog_files import catalog_paths
from kiosk.languages.catalog_reading import (
    MSGFMT_MISSING,
    check_msgfmt,
    load_catalog,
    msgfmt_command,
)
from kiosk.languages.entry_checks import check_text_safety
from kiosk.languages.placeholders import check_placeholders
from kiosk.languages.plural_forms import check_plural_forms
from kiosk.languages.problems import Problem
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.languages.templates import (
    Templates,
    all_templates,
    catalog_bytes,
    read_catalog_bytes,
    template_path,
)
from kiosk.paths import PROJECT_ROOT

def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomically(path, data)
    return True


def extract(locales_dir: Path, content_dir: Path, project_root: Path = PROJECT_ROOT,
            *, out=None) -> Templates:
    """Write every ``.pot``; returns the templates (and the sources that failed)."""
    templates = all_templates(Path(content_dir), project_root)
    for domain, catalog in templates.catalogs.items():
        path = template_path(Path(locales_dir), domain)
        changed = _write_if_changed(path, catalog_bytes(catalog, domain, template=True))
        _say(out, f"{'wrote' if changed else 'unchanged'} {path} "
                  f"({len([m for m in catalog if m.id])} texts)")
    for error in templates.errors:
        _say(out, f"error: {error}")
    return templates


def init_catalog(template: Catalog, language: str, domain: str) -> Catalog:
    """A new, empty ``.po`` for ``language`` from a template (``pybabel init``)."""
    catalog = read_catalog_bytes(catalog_bytes(copy.deepcopy(template), domain, template=True),
                                 language, domain)
    catalog.locale = language
    catalog.revision_date = _dt.datetime.now(_dt.timezone.utc)
    catalog.fuzzy = False
    return catalog


def updated_catalog(catalog: Catalog, template: Catalog, *,
                    update_creation_date: bool = True) -> Catalog:
    """``catalog`` merged with ``template`` as ``pybabel update`` merges (in place).

    One difference: an entry that is still fuzzy keeps its previous English
    (``#| msgid``), which Babel's merge would drop on the second update.
    """
    kept = {(m.id if isinstance(m.id, str) else m.id[0], m.context): m.previous_id
            for m in catalog if m.id and m.fuzzy and m.previous_id}
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=False,
                   update_header_comment=False, update_creation_date=update_creation_date)
    for message in catalog:
        key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
        if message.id and message.fuzzy and not message.previous_id and key in kept:
            message.previous_id = list(kept[key])
    return catalog


def update(locales_dir: Path, content_dir: Path, languages: list[str] | None = None,
           project_root: Path = PROJECT_ROOT, *, out=None) -> list[Problem]:
    """Extract, then bring every language's catalogs up to date; returns the errors."""
    locales_dir = Path(locales_dir)
    templates = extract(locales_dir, content_dir, project_root, out=out)
    problems = [Problem("*", "*", "", "source", e) for e in templates.errors]
    langs = [c for c in (languages or SUPPORTED_LANGUAGES) if c != SOURCE_LANGUAGE]
    for domain, template in templates.catalogs.items():
        for language in langs:
            po, _mo = catalog_paths(locales_dir, language, domain)
            if po.is_file():
                catalog, errors = load_catalog(po, language, domain)
                if catalog is None:  # never overwrite a file we cannot read
                    problems += errors
                    for e in errors:
                        _say(out, f"error: {po}: {e.message} (not updated)")
                    continue
                catalog = updated_catalog(catalog, template)
                verb = "updated"
            else:
                catalog = init_catalog(template, language, domain)
                verb = "created"
            if _write_if_changed(po, catalog_bytes(catalog, domain)):
                _say(out, f"{verb} {po}")
    return problems


def pending_updates(locales_dir: Path, content_dir: Path, languages: list[str] | None = None,
                    project_root: Path = PROJECT_ROOT, *,
                    templates: Templates | None = None) -> list[str]:
    """What ``kiosk catalogs update`` would change; empty when every catalog is up to date.

    The equivalent of ``pybabel update --check --ignore-pot-creation-date
    --init-missing`` for every domain: each ``.po`` is merged with its template
    in memory and both versions are written the same way, so only real
    changes count (not a translator's editor wrapping lines differently).
    """
    locales_dir = Path(locales_dir)
    if templates is None:
        templates = all_templates(Path(content_dir), project_root)
    langs = [c for c in (languages or SUPPORTED_LANGUAGES) if c != SOURCE_LANGUAGE]
    pending = [f"cannot compute the templates: {e}" for e in templates.errors]
    for domain, template in templates.catalogs.items():
        for language in langs:
            po, _mo = catalog_paths(locales_dir, language, domain)
            if not po.is_file():
                pending.append(f"{po}: missing (update creates it)")
                continue
            data = po.read_bytes()
            try:
                original = read_catalog_bytes(data, language, domain)
                merged = updated_catalog(read_catalog_bytes(data, language, domain), template,
                                         update_creation_date=False)
            except Exception as exc:
                pending.append(f"{po}: cannot be read ({exc})")
                continue
            before = catalog_bytes(original, domain, normalise=False).decode("utf-8", "replace")
            after = catalog_bytes(merged, domain).decode("utf-8", "replace")
            if before != after:
                diff = [
                    line for line in difflib.unified_diff(
                        before.splitlines(), after.splitlines(), lineterm="", n=0)
                    if line[:1] in "+-" and not line.startswith(("+++", "---"))
                ]
                shown = "; ".join(line.strip() for line in diff[:4])
                more = f" (+{len(diff) - 4} more lines)" if len(diff) > 4 else ""
                pending.append(f"{po}: update would change {len(diff)} line(s): {shown}{more}")
    return pending


def compile_catalog(po: Path, language: str, domain: str, *,
                    use_msgfmt: bool | None = None) -> list[Problem]:
    """Compile one ``.po`` to the ``.mo`` beside it; no ``.mo`` is written on any error."""
    catalog, problems = load_catalog(po, language, domain)
    if use_msgfmt is None:
        use_msgfmt = msgfmt_command() is not None
    if use_msgfmt:
        problems += check_msgfmt(po, language, domain, catalog)
    if catalog is None:
        return problems
    problems += check_plural_forms(catalog, language, domain, po)
    problems += check_placeholders(catalog, language, domain)
    problems += check_text_safety(catalog, language, domain, markup=False)
    # A Language header that disagrees with the folder is reported by
    # `kiosk check`; it does not make the compiled catalog unsafe.
    problems = [p for p in problems if p.check != "header"]
    if problems:
        return problems
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    write_atomically(po.with_suffix(".mo"), buffer.getvalue())
    return []


def compile_all(locales_dir: Path, languages: list[str] | None = None, *,
                use_msgfmt: bool | None = None, out=None) -> list[Problem]:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` of the kiosk's languages; returns the errors.

    Used by the set-up (``kiosk catalogs compile``).  A catalog with errors
    keeps no new ``.mo``; the others are compiled regardless.
    """
    locales_dir = Path(locales_dir)
    wanted = set(languages or SUPPORTED_LANGUAGES)
    if use_msgfmt is None:
        use_msgfmt = msgfmt_command() is not None
        if not use_msgfmt:
            _say(out, f"warning: {MSGFMT_MISSING}")
    problems: list[Problem] = []
    for po in sorted(locales_dir.glob("*/LC_MESSAGES/*.po")):
        language, domain = po.parent.parent.name, po.stem
        if language not in wanted:
            continue
        found = compile_catalog(po, language, domain, use_msgfmt=use_msgfmt)
        if found:
            _say(out, f"error: {po}: {len(found)} error(s), no .mo written")
            for problem in found:
                _say(out, f"  {problem}")
        else:
            _say(out, f"compiled {po.with_suffix('.mo')}")
        problems += found
    return problems


def _say(out, text: str) -> None:
    if out is not None:
        print(text, file=out)
