"""The ``kiosk`` command: start the kiosk, import a medicine, check catalogs.

Only this module and the staff commands it calls (:mod:`kiosk.commands`)
write to stdout/stderr, and never while the TUI runs: then everything goes
to the log file.  Subcommands import their layer lazily so ``kiosk check``
on a staff laptop never loads Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.config import ConfigError, find_config_file, load_config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="A talking, multilingual medicine-information kiosk.",
    )
    parser.add_argument("--config", help="the TOML configuration file (default: ./kiosk.toml)")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="start the kiosk (the default)")
    _add_run_options(run)
    _add_run_options(parser)

    imp = sub.add_parser("import", help="turn an EMA overview (PDF or text) into a kiosk "
                                        "medicine, or add the EMA's translation of one")
    from kiosk.commands.import_medicine import add_import_arguments

    add_import_arguments(imp)

    chk = sub.add_parser("check", help="check every catalog; exits non-zero on any problem")
    chk.add_argument("--language", action="append", help="check only this language (repeatable)")

    cat = sub.add_parser("catalogs", help="maintain the gettext catalogs")
    cat.add_argument("step", choices=("extract", "update", "compile", "migrate-plurals"),
                     help="extract: write .pot templates; update: merge them into every .po; "
                          "compile: build the .mo files; migrate-plurals: adopt the installed "
                          "Babel's CLDR plural rules, mapping the forms by category")
    cat.add_argument("--language", action="append",
                     help="migrate-plurals: only this language code (repeatable)")
    return parser


def _add_run_options(p: argparse.ArgumentParser) -> None:
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--kiosk-mode", dest="kiosk_mode", action="store_true", default=None,
                      help="lock the kiosk for walk-up use (staff exit key sequence + PIN)")
    mode.add_argument("--no-kiosk-mode", dest="kiosk_mode", action="store_false",
                      help="allow the usual quit keys (for staff and development)")
    p.add_argument("--language", help="default language, e.g. de, pt-BR")
    p.add_argument("--speech", dest="speech", action="store_true", default=None,
                   help="start with speech on")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(find_config_file(args.config))
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    command = args.command or "run"
    if command == "run":
        from kiosk.launcher import launch

        return launch(config, kiosk_mode=args.kiosk_mode, language=args.language,
                      speech=args.speech)
    if command == "import":
        from kiosk.commands.import_medicine import run_import_command

        output = Path(args.output) if args.output else config.content_dir
        locales = Path(args.locales) if args.locales else config.locales_dir
        return run_import_command(Path(args.file), output, slug=args.slug,
                                  force=args.force, to_stdout=args.stdout, name=args.name,
                                  substance=args.substance, translation_of=args.translation_of,
                                  language=args.language, locales_dir=locales)
    if command == "check":
        from kiosk.commands.check import run_check_command

        return run_check_command(config, languages=args.language)
    if command == "catalogs":
        from kiosk.commands.catalogs import run_catalogs_command

        return run_catalogs_command(config, args.step, args.language)
    parser.error(f"unknown command {command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
