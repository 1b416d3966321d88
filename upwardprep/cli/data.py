"""Owning the data from the command line: the Emergency Kit and recovery, the restore drill,
and the full export and import (JSON, a Markdown folder, a CSV brag document).

Thin adapters over services.vault, services.transfer and services.brag_csv; what they print is
counts and file names, never a record's content or the recovery key.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from upwardprep.cli.common import (
    UsageError,
    new_passphrase_from,
    open_services,
    vault_for,
)

if TYPE_CHECKING:
    from upwardprep.services.vault import BackupsReport, Vault

NEW_KIT_ADVICE = (
    "An Emergency Kit made before now no longer opens the store: make a new one with "
    "`upwardprep kit --out FILE.pdf`."
)


def _day(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


# -- the Emergency Kit ------------------------------------------------------------------------


def cmd_kit(args: argparse.Namespace) -> int:
    from upwardprep.export.kit import write_kit

    vault = vault_for(args)
    out = Path(args.out).expanduser() if args.out else Path.cwd()
    if out.is_dir():
        out = out / f"UpwardPrep Emergency Kit - {vault.path.stem}.pdf"
    with open_services(args) as services:
        written = write_kit(vault.kit_facts(services), out, paper=args.paper)
    print(f"Wrote the Emergency Kit to {written}.")
    print(
        "Print it and keep it somewhere safe, then delete the file: whoever has the kit can "
        "open the store without the passphrase."
    )
    return 0


def _recovery_key_from(args: argparse.Namespace) -> str:
    if args.recovery_key_file:
        try:
            return Path(args.recovery_key_file).expanduser().read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(
                f"Cannot read the recovery key file {args.recovery_key_file}: {error.strerror}."
            ) from None
        except UnicodeDecodeError:
            raise UsageError(
                f"The recovery key file {args.recovery_key_file} is not text."
            ) from None
    if not sys.stdin.isatty():
        raise UsageError(
            "No recovery key given: use --recovery-key-file FILE, or run in a terminal to be "
            "asked for it."
        )
    return getpass.getpass("Recovery key (the 14 groups on the Emergency Kit): ")


def cmd_recover(args: argparse.Namespace) -> int:
    from upwardprep.services.recovery_key import decode
    from upwardprep.services.vault import StoreMissing

    vault = vault_for(args)
    if not vault.exists():
        raise StoreMissing(f"There is no store at {vault.path}.")
    typed = _recovery_key_from(args)
    decode(typed)  # a typo is named before the new passphrase is asked for
    new = new_passphrase_from(
        args, env_name="UPWARDPREP_NEW_PASSPHRASE", file_attr="new_passphrase_file"
    )
    vault.recover(typed, new)
    print(f"Recovered {vault.path.name}: it now opens with the new passphrase.")
    print(NEW_KIT_ADVICE)
    return 0


# -- the restore drill ------------------------------------------------------------------------


def print_drill(vault: Vault, report: BackupsReport) -> int:
    """`check --backups`: the newest backup, and the newest good one if that one fails."""
    from upwardprep.services.vault import StoreDamaged

    now = vault.clock()
    if not report.results:
        raise UsageError(
            f"There are no backups of {vault.path.name} in {report.folder} yet "
            "(`upwardprep backup` makes one)."
        )
    for result in report.results:
        when = _day(result.created)
        if result.good:
            print(
                f"Backup of {when} ({result.path.name}): opens, passes the integrity checks, "
                f"and holds the same records as the store did when it was made "
                f"({result.records:,} rows in {result.tables} tables)."
            )
        else:
            print(f"Backup of {when} ({result.path.name}) FAILED: {result.problem}.")
    good = report.last_verified
    if good is None:
        raise StoreDamaged(
            f"None of the {report.count} backups in {report.folder} passed. Make a new one "
            "now (`upwardprep backup`)."
        )
    print(f"Last verified backup: {_day(good.created)}.")
    if report.overdue(now):
        print("Warning: the last verified backup is more than a week old. Make one now.")
    if good is not report.newest:
        raise StoreDamaged(
            f"The newest backup failed the drill; the newest good one is {good.path} "
            f"({_day(good.created)}). Make a new backup now (`upwardprep backup`)."
        )
    return 0


# -- export and import ------------------------------------------------------------------------


def cmd_export_all(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser() if args.out else None
    with open_services(args) as services:
        if args.format == "json":
            written = services.transfer.write_json(out or Path.cwd())
            print(f"Wrote every record to {written}.")
            return 0
        from upwardprep.export.markdown_folder import write_markdown_folder

        if out is None:
            raise UsageError("Name a new folder for the Markdown export: --out DIR.")
        document = services.transfer.export_document()
    result = write_markdown_folder(document, out)
    print(f"Wrote {result.files:,} Markdown files to {result.path}.")
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    from upwardprep.services.files import write_private_file
    from upwardprep.services.transfer import shipped_schema

    text = shipped_schema()
    if not args.out:
        sys.stdout.write(text)
        return 0
    written = write_private_file(Path(args.out).expanduser(), text.encode("utf-8"))
    print(f"Wrote the export's JSON Schema to {written}.")
    return 0


def cmd_import_all(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        report = services.transfer.import_json(args.file, dry_run=args.dry_run)
    verb = "Would import" if args.dry_run else "Imported"
    print(
        f"{verb} {Path(args.file).name}: {report.added:,} added, {report.updated:,} updated, "
        f"{report.skipped:,} skipped (the store's version is as new or newer)."
    )
    for line in report.lines():
        print(f"  {line}")
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 0


def cmd_import_outcomes(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        result = services.brag_csv.import_file(args.file, dry_run=args.dry_run)
    if args.dry_run:
        print(f"{len(result.rows):,} rows would be imported as outcome notes. Nothing was written.")
    else:
        print(f"Imported {result.imported:,} outcome notes from {Path(args.file).name}.")
    return 0


__all__ = [
    "NEW_KIT_ADVICE",
    "cmd_export_all",
    "cmd_export_schema",
    "cmd_import_all",
    "cmd_import_outcomes",
    "cmd_kit",
    "cmd_recover",
    "print_drill",
]
