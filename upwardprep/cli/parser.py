"""The command line's grammar: every command, option and help text (names are part of the
interface), dispatching to the command modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from upwardprep import __version__
from upwardprep.cli.common import EXIT_CODES, Parser, whole
from upwardprep.cli.lifecycle import (
    cmd_backup,
    cmd_check,
    cmd_gui,
    cmd_init,
    cmd_passwd,
    cmd_restore,
    cmd_self_test,
    cmd_settings,
)

BACKUP_DIR_HELP = (
    "backup folder for this command (default: UPWARDPREP_BACKUP_DIR, else the folder chosen "
    "for the store in the app's Settings › Backups, else backups/ beside the store)"
)


def common_options(default: object) -> Parser:
    """--store and --passphrase-file, accepted before or after the command.

    Subcommands get them with default=SUPPRESS: otherwise argparse lets a subcommand's default
    overwrite a value given before the command name.
    """
    common = Parser(add_help=False)
    common.add_argument(
        "--store",
        metavar="PATH",
        default=default,
        help="the store file (default: notes.upwardprep in the user data folder)",
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="read the passphrase from FILE (else UPWARDPREP_PASSPHRASE, else a prompt)",
    )
    return common


def desktop_parser() -> Parser:
    """The options of `upwardprep` without a command (the desktop app): build_parser() adds
    the commands to it. Alone, it parses how the app is started, without the twenty-odd
    commands' parsers (a few tens of milliseconds before the unlock dialog)."""
    parser = Parser(
        prog="upwardprep",
        description="UpwardPrep: an offline, encrypted workbench for managing up and preparing "
        "one-on-ones. Without a command, starts the desktop app.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common_options(None)],
    )
    parser.add_argument("--version", action="version", version=f"UpwardPrep {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a temporary store full of sample data"
    )
    parser.set_defaults(func=cmd_gui, command=None)
    return parser


def build_parser() -> Parser:
    # the commands' modules load here: starting the desktop app needs none of them
    from upwardprep.cli.data import (
        cmd_export_all,
        cmd_export_schema,
        cmd_import_all,
        cmd_import_outcomes,
        cmd_kit,
        cmd_recover,
    )
    from upwardprep.cli.documents import cmd_export
    from upwardprep.cli.records import (
        cmd_add,
        cmd_agenda,
        cmd_alignment,
        cmd_edit,
        cmd_import,
        cmd_list,
        cmd_search,
    )

    common = common_options(argparse.SUPPRESS)
    parser = desktop_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str, **extra: Any
    ) -> Parser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            **extra,
        )
        p.set_defaults(func=func)
        return p

    p = command("init", cmd_init, "create a new encrypted store")
    p.add_argument("--demo", action="store_true", help="fill it with realistic sample data")

    p = command("add", cmd_add, "add a record")
    add = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    o = add.add_parser("outcome", help="an outcome note", parents=[common])
    o.add_argument("--title", required=True)
    o.add_argument("--body", help="Markdown text")
    o.add_argument(
        "--body-file", metavar="FILE", help="read the Markdown body from FILE (- for stdin)"
    )
    o.add_argument(
        "--kind",
        default="win",
        help="win, progress, risk, feedback-received, feedback-given, decision, learning",
    )
    o.add_argument("--date", help="YYYY-MM-DD (default: today)")
    o.add_argument(
        "--priority",
        action="append",
        metavar="P",
        help="link to a priority (title, part of it, or id); repeatable",
    )
    o.add_argument(
        "--primary",
        metavar="P",
        help="the priority it mainly serves, filed under in the review packet (linked too); "
        "default: the first linked",
    )
    o.add_argument("--person", help="the person it concerns")
    o.add_argument("--tag", action="append", default=[], help="repeatable")
    o.add_argument("--impact", default="")
    o.add_argument("--metric-delta", default="", help='e.g. "+12 customers"')
    o.add_argument("--evidence", default="", metavar="URL")
    o.add_argument("--ask", default="", help="for risks: what you need")
    o.add_argument("--private", action="store_true", help="keep it out of shared documents")
    pr = add.add_parser("priority", help="a priority", parents=[common])
    pr.add_argument("--title", required=True)
    pr.add_argument("--owner", help="the person accountable (default: me)")
    pr.add_argument("--parent", help="the priority this one is aligned to")
    pr.add_argument("--measure", default="", help="how success is measured")
    pr.add_argument("--target", help="metric target")
    pr.add_argument("--current", help="metric current value")
    pr.add_argument("--unit", default="", help="metric unit, e.g. customers")
    pr.add_argument("--status", default="active", help="active, at-risk, done, dropped")
    pr.add_argument("--start", help="period start YYYY-MM-DD")
    pr.add_argument("--end", help="period end YYYY-MM-DD")
    pr.add_argument("--description", default="")
    pe = add.add_parser("person", help="a person", parents=[common])
    pe.add_argument("--name", required=True)
    pe.add_argument(
        "--role", default="stakeholder", help="manager, skip-level, report, peer, stakeholder"
    )
    pe.add_argument("--title", dest="job_title", default="", help="job title")
    pe.add_argument("--email", default="")
    pe.add_argument("--cadence", help="days between 1:1s")

    p = command("edit", cmd_edit, "change a record")
    edit = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    eo = edit.add_parser(
        "outcome",
        help="an outcome note",
        description="Change an outcome note: which of its priorities it is filed under.",
        parents=[common],
    )
    eo.add_argument("id", metavar="ID", help="the note's id (`list outcomes`)")
    primary = eo.add_mutually_exclusive_group(required=True)
    primary.add_argument(
        "--primary",
        metavar="P",
        help="the priority it mainly serves, filed under in the review packet (linked too)",
    )
    primary.add_argument(
        "--no-primary",
        action="store_true",
        help="no mark: filed under the first linked priority again",
    )

    p = command(
        "settings",
        cmd_settings,
        "show the store's settings, or change them: your name and role on documents, when a "
        "priority needs confirming",
    )
    p.add_argument(
        "--your-name",
        metavar="NAME",
        help='how documents name you ("prepared by", owners); "" for your account\'s full name',
    )
    p.add_argument("--your-role", metavar="ROLE", help="your job title, on a review packet's cover")
    p.add_argument(
        "--stale-days",
        type=whole(1, 3650),
        metavar="N",
        help="confirm a priority after N days without confirmation (default 21)",
    )

    p = command("list", cmd_list, "list records, one a line")
    p.add_argument("what", choices=["people", "priorities", "outcomes", "meetings", "cycles"])
    p.add_argument("--limit", type=whole(1, 10**9), default=None, help="at most N rows (outcomes)")

    p = command("search", cmd_search, "full-text search, best matches first", dash_words=True)
    p.add_argument(
        "query", nargs="+", help='words to find; "a phrase", -word to exclude one, OR between two'
    )
    p.add_argument("--person")
    p.add_argument("--priority")
    p.add_argument("--kind", action="append")
    p.add_argument("--tag")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--limit", type=whole(1, 10_000), default=20)

    p = command("agenda", cmd_agenda, "draft the next 1:1 with a person and print its agenda")
    p.add_argument("--person", required=True, help="name (or part of it) or id")
    p.add_argument("--template", help="agenda template to use (default: the meeting's own)")
    p.add_argument(
        "--stale-days", type=whole(1, 3650), help="confirm priorities older than N days (21)"
    )

    p = command("import", cmd_import, "import records from another program")
    kinds = p.add_subparsers(dest="source", metavar="SOURCE", required=True)
    ics = kinds.add_parser(
        "ics",
        parents=[common],
        help="meeting dates from a calendar export (.ics)",
        description="Planned meetings from a calendar export. A file with one series is "
        "imported whole; with several, name them with --series or take them all with --all. "
        "Importing again updates moved meetings and adds nothing twice.",
    )
    ics.add_argument("file", help="the .ics file")
    ics.add_argument("--person", help="who the meetings are with")
    ics.add_argument("--series", action="append", metavar="UID", help="UID or part of a title")
    ics.add_argument("--all", action="store_true", help="every series in the file")
    ics.add_argument("--list", action="store_true", help="only list the series (no store needed)")
    ics.add_argument(
        "--days", type=whole(1, 3650), default=365, help="how far ahead (default 365 days)"
    )
    everything = kinds.add_parser(
        "all",
        parents=[common],
        help="every record from a full export (`export all --format json`)",
        description="Every record from a full JSON export. Into an empty store it recreates "
        "the exported one; into a used one it merges by UUID (the newer updated_at wins) and "
        "reports what it added, updated and skipped. All or nothing: a bad file changes "
        "nothing and names the first bad record.",
    )
    everything.add_argument("file", help="the .json file")
    everything.add_argument(
        "--dry-run", action="store_true", help="check the file and report; write nothing"
    )
    everything.set_defaults(func=cmd_import_all)
    brag = kinds.add_parser(
        "outcomes",
        parents=[common],
        help="outcome notes from a CSV brag document",
        description="Outcome notes from a CSV file with a header row. Columns: date, title "
        "(both required), body, kind, priority, tags, person, impact, metric, evidence; "
        "priorities and people are matched by name. Several priorities or tags go in one "
        "cell separated by ';'. A bad row is reported with its line number and nothing is "
        "imported.",
    )
    brag.add_argument("file", help="the .csv file")
    brag.add_argument(
        "--dry-run", action="store_true", help="check every row and report; write nothing"
    )
    brag.set_defaults(func=cmd_import_outcomes)

    p = command("alignment", cmd_alignment, "a manager's priorities with coverage and goals")
    p.add_argument("--person", required=True, help="the manager (name, part of it, or id)")
    p.add_argument("--since", metavar="DATE", help="count notes from DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="count notes up to DATE (YYYY-MM-DD)")

    p = command("backup", cmd_backup, "write an encrypted, verified backup")
    p.add_argument("--dir", help=BACKUP_DIR_HELP)
    p.add_argument(
        "--keep", type=whole(1, 1000), default=10, help="how many backups to keep (default 10)"
    )

    p = command("restore", cmd_restore, "put a backup in place of the store (after backing it up)")
    p.add_argument("file", nargs="?", help="the backup file")
    p.add_argument(
        "--latest",
        action="store_true",
        help="the newest backup (not counting safety copies made by a restore)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="restore even if the passphrase does not open the current store "
        "(its files are then moved aside unopened)",
    )
    p.add_argument("--dir", help=BACKUP_DIR_HELP)
    p.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help="the backup's passphrase, if it differs from the store's",
    )

    p = command("check", cmd_check, "run the integrity checks")
    p.add_argument(
        "--backups",
        action="store_true",
        help="also drill the newest backup: it opens, passes the checks and holds the records "
        "the store had when it was made (falls back to the newest good one); exits 3 when "
        "the newest backup fails",
    )
    p.add_argument("--dir", help=BACKUP_DIR_HELP)

    p = command(
        "export",
        cmd_export,
        "write a meeting brief, a review packet or a handoff packet (PDF, md), the weekly "
        "update, or every record (JSON, a Markdown folder)",
    )
    documents = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    everything = documents.add_parser(
        "all",
        help="every record, Trash included: one JSON file, or a Markdown folder",
        description="Every record with its UUID and times. JSON (`import all` reads it back; "
        "`export schema` prints its JSON Schema) or a new folder of Markdown files with YAML "
        "front matter and [[wikilinks]] (opens as an Obsidian vault). The files hold your "
        "notes unencrypted, readable by you only.",
        parents=[common],
    )
    everything.add_argument("--format", default="json", choices=["json", "md"])
    everything.add_argument(
        "--out",
        metavar="FILE",
        help="JSON: a file or folder (default: a dated file here); md: a new folder",
    )
    everything.set_defaults(func=cmd_export_all)
    schema = documents.add_parser(
        "schema", help="the JSON Schema of `export all --format json`", parents=[common]
    )
    schema.add_argument("--out", metavar="FILE", help="write it to FILE (default: print it)")
    schema.set_defaults(func=cmd_export_schema)
    brief = documents.add_parser("brief", help="the brief for one meeting", parents=[common])
    brief.add_argument("--person", help="the person's next planned meeting")
    brief.add_argument("--meeting", metavar="ID", help="a meeting by id (`list meetings`)")
    packet = documents.add_parser("packet", help="the packet for a review cycle", parents=[common])
    packet.add_argument("--cycle", required=True, help="the cycle's name, part of it, or id")
    packet.add_argument(
        "--include-private", action="store_true", help="include notes marked private"
    )
    handoff = documents.add_parser(
        "handoff",
        help="the handoff packet for a working relationship (never private notes)",
        parents=[common],
    )
    handoff.add_argument("--person", required=True, help="whose priorities, actions and 1:1s")
    update = documents.add_parser(
        "update",
        help="the weekly update to a person (usually your manager)",
        description="The weekly update to a person: outcomes since your last 1:1 by priority, "
        "open risks and asks, decisions and what they owe; never private notes.",
        parents=[common],
    )
    update.add_argument("--person", required=True, help="whom the update is for")
    update.add_argument("--since", metavar="DATE", help="from this day (default: the last 1:1)")
    update.add_argument("--format", default="md", choices=["md", "txt", "eml"])
    update.add_argument("--out", metavar="FILE", help="file or folder (default: print it)")
    for document in (brief, packet, handoff):
        document.add_argument("--format", default="pdf", choices=["pdf", "md"])
        document.add_argument(
            "--out", metavar="FILE", help="file or folder (default: a named file here)"
        )
        document.add_argument("--paper", default="A4", choices=["A4", "Letter"])
        document.add_argument(
            "--author",
            help='the "prepared by" name (default: the "Your name" setting, else the full name '
            "of your account)",
        )

    self_test_help = (
        "check this installation end to end on a temporary store (no display needed; "
        "your own store is not touched)"
    )
    p = sub.add_parser("self-test", help=self_test_help, description=self_test_help)
    p.set_defaults(func=cmd_self_test)

    p = command("passwd", cmd_passwd, "change the passphrase")
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (else UPWARDPREP_NEW_PASSPHRASE, else a prompt)",
    )

    p = command(
        "kit",
        cmd_kit,
        "print-ready Emergency Kit (PDF): the recovery key that opens the store if the "
        "passphrase is forgotten",
    )
    p.add_argument("--out", metavar="FILE.pdf", help="file or folder (default: a named file here)")
    p.add_argument("--paper", default="A4", choices=["A4", "Letter"])

    p = command(
        "recover",
        cmd_recover,
        "forgot the passphrase: open the store with the Emergency Kit's recovery key and set a "
        "new passphrase",
    )
    p.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        help="read the recovery key from FILE (else a prompt)",
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (else UPWARDPREP_NEW_PASSPHRASE, else a prompt)",
    )
    return parser
