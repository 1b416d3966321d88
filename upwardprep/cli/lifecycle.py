"""The store's life cycle from the command line (init, backup, restore, check, passwd), the
self-test, and starting the desktop app: thin adapters over services.vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from upwardprep.cli.common import (
    UsageError,
    new_passphrase_from,
    open_services,
    passphrase_from,
    read_passphrase_file,
    store_path,
    vault_for,
)


def cmd_init(args: argparse.Namespace) -> int:
    from upwardprep.services.vault import StoreExists

    vault = vault_for(args)
    if vault.exists():
        raise StoreExists(f"{vault.path} already exists; UpwardPrep will not overwrite it.")
    passphrase = new_passphrase_from(
        args, env_name="UPWARDPREP_PASSPHRASE", file_attr="passphrase_file"
    )
    services = vault.create(passphrase, shipped_templates=not args.demo)
    try:
        if args.demo:
            from upwardprep.demo import populate

            summary = populate(services)
            print(f"Created a demo store at {vault.path}: {summary}.")
        else:
            print(f"Created an encrypted store at {vault.path}.")
    finally:
        vault.close(services)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    vault = vault_for(args, backup_folder=args.dir)
    with open_services(args) as services:
        info = vault.backup(services, keep=args.keep)
        print(f"Backup written and verified: {info.path} ({info.size:,} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Works without opening the store: a damaged or missing store is what restore is for."""
    if bool(args.latest) == bool(args.file):
        raise UsageError("Say which backup: --latest, or the path of a backup file.")
    vault = vault_for(args, backup_folder=args.dir)
    if args.latest:
        latest = vault.latest_backup()
        if latest is None:
            raise UsageError(f"There are no backups of {vault.path.name} yet.")
        source = latest.path
    else:
        source = Path(args.file).expanduser()
    passphrase = passphrase_from(args)
    backup_passphrase = (
        read_passphrase_file(args.backup_passphrase_file) if args.backup_passphrase_file else None
    )
    result = vault.restore(
        source, passphrase, backup_passphrase=backup_passphrase, force=args.force
    )
    print(f"Restored {source.name} into {vault.path}.")
    if backup_passphrase is not None:
        print("The store now opens with the backup's passphrase.")
    if result.previous is not None and result.previous_was_healthy:
        print(f"The store as it was is kept as a backup: {result.previous}")
    elif result.previous is not None:
        print(f"The previous store did not open cleanly; its files are kept as {result.previous}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from upwardprep.services.vault import StoreDamaged, Vault

    vault = vault_for(args, backup_folder=args.dir)
    with open_services(args) as services:
        findings = Vault.check(services)
        report = vault.drill(services) if args.backups and not findings else None
    if findings:
        raise StoreDamaged(
            "The store is damaged. Restore it from a backup (`upwardprep restore --latest`).",
            findings=findings,
        )
    print("The store passed every check (integrity, encryption, links, search index).")
    if report is not None:
        from upwardprep.cli.data import print_drill

        return print_drill(vault, report)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = vault_for(args)
    with open_services(args) as services:
        new = new_passphrase_from(
            args, env_name="UPWARDPREP_NEW_PASSPHRASE", file_attr="new_passphrase_file"
        )
        vault.change_passphrase(services, new)
    from upwardprep.cli.data import NEW_KIT_ADVICE

    print("Passphrase changed. Backups made before today still need the old passphrase.")
    print(NEW_KIT_ADVICE)
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from upwardprep import selftest

    return selftest.run()


def cmd_gui(args: argparse.Namespace) -> int:
    from upwardprep.gui.app import run

    return run(store=store_path(args) if args.store else None, demo=args.demo)


def cmd_settings(args: argparse.Namespace) -> int:
    """The store's settings (services.settings), the same the app's Settings dialog changes."""
    with open_services(args) as services:
        settings = services.settings
        if args.your_name is not None:
            settings.set_your_name(args.your_name)
        if args.your_role is not None:
            settings.set_your_role(args.your_role)
        if args.stale_days is not None:
            settings.set_stale_days(args.stale_days)
        name, author = settings.your_name(), settings.author()
        shown = name or (f"not set (documents use {author})" if author else "not set")
        print(f"Your name:   {shown}")
        print(f"Your role:   {settings.your_role() or 'not set'}")
        print(f"Stale after: {settings.stale_days()} days without confirmation")
    return 0
