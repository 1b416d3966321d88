"""The `upwardprep` command: the GUI by default, and headless subcommands for the main jobs.

The passphrase comes from --passphrase-file, then UPWARDPREP_PASSPHRASE, then a prompt (like
borg and restic); it is never echoed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from upwardprep import __version__
from upwardprep.clock import check_environment
from upwardprep.services import Services
from upwardprep.services.common import NotFound, ValidationError
from upwardprep.store.errors import PassphraseRefused, StoreError

EXIT_CODES = """\
exit codes:
  0  success
  1  usage error or invalid input (nothing was written)
  2  wrong passphrase
  3  store damaged (the integrity checks' findings are printed)
  4  not an UpwardPrep store, or no store at that path
  5  store in use by another process
  6  store written by a newer version of UpwardPrep
  7  the disk or file system refused (full, read-only, permissions)
"""

log = logging.getLogger("upwardprep")


class UsageError(Exception):
    exit_code = 1


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high, or a clear usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}, not {value:,}")
        return value

    return parse


class Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; 2 means "wrong passphrase" here, so use 1."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


# -- passphrases ------------------------------------------------------------------------------


def _read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"Cannot read the passphrase file {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise UsageError(f"The passphrase file {path} is not UTF-8 text.") from None
    return text[:-1] if text.endswith("\n") else text  # only the final newline is not part of it


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            "No passphrase given: use --passphrase-file FILE, set UPWARDPREP_PASSPHRASE, "
            "or run in a terminal to be asked."
        )
    return getpass.getpass(label)


def passphrase_from(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_passphrase_file(args.passphrase_file)
    env = os.environ.get("UPWARDPREP_PASSPHRASE")
    if env is not None:
        return env
    return _prompt("Passphrase: ")


def new_passphrase_from(args: argparse.Namespace, *, env_name: str, file_attr: str) -> str:
    path = getattr(args, file_attr, None)
    if path:
        return _read_passphrase_file(path)
    env = os.environ.get(env_name)
    if env is not None:
        return env
    first = _prompt("New passphrase: ")
    if first != _prompt("Repeat the new passphrase: "):
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


# -- output -----------------------------------------------------------------------------------


def _cell(text: object, width: int) -> str:
    value = " ".join(str(text if text is not None else "").split())
    if len(value) > width:
        value = value[: width - 1] + "…"
    return value.ljust(width)


def print_rows(rows: Sequence[Sequence[object]], widths: Sequence[int]) -> None:
    for row in rows:
        cells = [_cell(value, width) for value, width in zip(row, widths, strict=False)]
        cells += [str(value) for value in row[len(widths) :]]
        print("  ".join(cells).rstrip())


# -- commands ---------------------------------------------------------------------------------


def store_path(args: argparse.Namespace) -> Path:
    from upwardprep.store.engine import default_store_path

    return Path(args.store).expanduser() if args.store else default_store_path()


def open_services(args: argparse.Namespace) -> Services:
    from upwardprep.store.engine import Store

    path = store_path(args)
    if not path.exists():
        from upwardprep.store.errors import StoreMissing

        raise StoreMissing(f"There is no store at {path}. Create one with `upwardprep init`.")
    return Services(Store.open(path, passphrase_from(args)))


def cmd_init(args: argparse.Namespace) -> int:
    from upwardprep.store.engine import Store
    from upwardprep.store.errors import StoreExists

    path = store_path(args)
    if path.exists():
        raise StoreExists(f"{path} already exists; UpwardPrep will not overwrite it.")
    passphrase = new_passphrase_from(
        args, env_name="UPWARDPREP_PASSPHRASE", file_attr="passphrase_file"
    )
    with Store.create(path, passphrase) as store:
        if args.demo:
            from upwardprep.demo import populate

            summary = populate(Services(store))
            print(f"Created a demo store at {path}: {summary}.")
        else:
            Services(store).templates.ensure_shipped()
            print(f"Created an encrypted store at {path}.")
    return 0


def _lookup(finder: Callable[[str], object], references: Sequence[str] | None) -> list[str]:
    return [finder(ref).id for ref in references or ()]  # type: ignore[attr-defined]


def _body(args: argparse.Namespace) -> str:
    if args.body is not None and args.body_file:
        raise UsageError("Give either --body or --body-file, not both.")
    if args.body_file:
        if args.body_file == "-":
            return sys.stdin.read()
        try:
            return Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"Cannot read {args.body_file}: {error}.") from None
    return args.body or ""


def cmd_add(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.what == "outcome":
            body = _body(args)
            person = services.people.find(args.person).id if args.person else None
            outcome = services.outcomes.create(
                args.title,
                kind=args.kind,
                occurred_on=args.date,
                body=body,
                impact=args.impact,
                metric_delta=args.metric_delta,
                evidence_url=args.evidence,
                ask=args.ask,
                person_id=person,
                private=args.private,
                tags=args.tag,
                priority_ids=_lookup(services.priorities.find, args.priority),
            )
            print(outcome.id)
        elif args.what == "priority":
            owner = services.people.find(args.owner).id if args.owner else None
            parent = services.priorities.find(args.parent).id if args.parent else None
            priority = services.priorities.create(
                args.title,
                owner_id=owner,
                parent_id=parent,
                measure=args.measure,
                metric_target=args.target,
                metric_current=args.current,
                metric_unit=args.unit,
                status=args.status,
                period_start=args.start,
                period_end=args.end,
                description=args.description,
            )
            print(priority.id)
        else:
            person = services.people.create(
                args.name,
                role=args.role,
                title=args.job_title,
                email=args.email,
                cadence_days=args.cadence,
            )
            print(person.id)
    finally:
        services.store.close()
    return 0


def _date(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def cmd_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        what = args.what
        if what == "people":
            rows = [
                (
                    p.role,
                    p.name,
                    p.title,
                    f"every {p.cadence_days} d" if p.cadence_days else "",
                    p.id,
                )
                for p in services.people.list()
            ]
            print_rows(rows, (12, 28, 28, 12))
        elif what == "priorities":
            rows = []
            for p in services.priorities.list():
                progress = ""
                if p.metric_target:
                    current = p.metric_current or 0
                    progress = f"{current:g}/{p.metric_target:g} {p.metric_unit}".strip()
                rows.append((p.rank, p.status, p.title, p.owner_name or "me", progress, p.id))
            print_rows(rows, (3, 8, 40, 18, 18))
        elif what == "outcomes":
            rows = [
                (_date(o.occurred_on), o.kind, o.title, ", ".join(o.priority_titles), o.id)
                for o in services.outcomes.list(limit=args.limit)
            ]
            print_rows(rows, (10, 17, 50, 30))
        elif what == "meetings":
            rows = [
                (
                    m.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    m.status,
                    m.kind,
                    m.person_name or "",
                    m.title,
                    m.id,
                )
                for m in services.meetings.list()
            ]
            print_rows(rows, (16, 9, 10, 22, 30))
        else:
            rows = [
                (
                    c.name,
                    c.kind,
                    f"{_date(c.period_start)} – {_date(c.period_end)}",
                    c.reviewer_name or "",
                    c.id,
                )
                for c in services.reviews.list()
            ]
            print_rows(rows, (24, 11, 23, 20))
    finally:
        services.store.close()
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from upwardprep.services.common import parse_date
    from upwardprep.services.outcomes import OutcomeFilter

    services = open_services(args)
    try:
        filtered = any(
            (args.person, args.priority, args.kind, args.tag, args.date_from, args.date_to)
        )
        if filtered:
            filters = OutcomeFilter(
                person_id=services.people.find(args.person).id if args.person else None,
                priority_id=services.priorities.find(args.priority).id if args.priority else None,
                kinds=tuple(args.kind or ()),
                tag=args.tag.lower().lstrip("#") if args.tag else None,
                date_from=parse_date(args.date_from, what="--from date"),
                date_to=parse_date(args.date_to, what="--to date"),
            )
            hits = services.search.outcomes(args.query, filters, limit=args.limit)
        else:
            hits = services.search.everything(args.query, limit=args.limit)
        for hit in hits:
            when = _date(hit.when)
            print(f"{hit.entity:<8}  {when:<10}  {hit.title}  ({hit.id})")
            print(textwrap.indent(hit.snippet_text("[", "]"), "    "))
        if not hits:
            print("No matches.", file=sys.stderr)
        elif getattr(hits, "windowed", False):
            print(
                "Many notes match: these are the best of the most recent ones. Add words or "
                "filters to reach older notes.",
                file=sys.stderr,
            )
    finally:
        services.store.close()
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    """Draft the next 1:1 with a person (in the store) and print its agenda as Markdown."""
    services = open_services(args)
    try:
        person = services.people.find(args.person)
        template = services.templates.find(args.template).id if args.template else None
        meeting = services.agenda.draft_next(
            person.id, template_id=template, stale_days=args.stale_days
        )
        print(services.agenda.draft_markdown(meeting.id), end="")
    finally:
        services.store.close()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Meetings from a calendar export: one series, the ones named by --series, or --all."""
    from datetime import timedelta

    from upwardprep.services.calendar import preview_file

    horizon = timedelta(days=args.days)
    found = preview_file(args.file, horizon=horizon)
    listing = [
        f"  {s.uid}\n    {s.summary} · {s.occurrences} in the next {args.days} days"
        + (" · repeats" if s.recurring else "")
        + (" · all day" if s.all_day else "")
        + (f" · from {s.first_start.astimezone():%Y-%m-%d %H:%M}" if s.first_start else "")
        for s in found
    ]
    if args.list:
        print("\n".join(listing))
        return 0
    if not args.person:
        raise UsageError("Name the person these meetings are with: --person NAME.")
    chosen = found if args.all or len(found) == 1 else []
    for wanted in args.series or ():
        matches = [s for s in found if s.uid == wanted] or [
            s for s in found if wanted.casefold() in s.summary.casefold()
        ]
        if len(matches) != 1:
            problem = "matches no series" if not matches else "matches several series"
            raise UsageError(f"--series “{wanted}” {problem} in the file:\n" + "\n".join(listing))
        chosen.append(matches[0])
    if not chosen:
        raise UsageError(
            f"The file has {len(found)} series; name one with --series (its UID or part of its "
            "title, repeatable), or import them all with --all:\n" + "\n".join(listing)
        )
    services = open_services(args)
    try:
        person = services.people.find(args.person)
        mapping = {s.uid: person.id for s in chosen}
        report = services.calendar.import_file(args.file, mapping, horizon=horizon)
        print(f"Imported meetings with {person.name}: {report.summary()}")
    finally:
        services.store.close()
    return 0


def cmd_alignment(args: argparse.Namespace) -> int:
    """The coverage table: each of the person's priorities with the goals aligned below it."""
    from upwardprep.services.alignment import AlignmentNode

    services = open_services(args)
    try:
        person = services.people.find(args.person)
        tree = services.alignment.tree(person.id, since=args.since, until=args.until)
        rows: list[tuple[object, ...]] = []

        def add(node: AlignmentNode, depth: int) -> None:
            p, c = node.priority, node.coverage
            progress = ""
            if p.metric_target:
                progress = f"{p.metric_current or 0:g}/{p.metric_target:g} {p.metric_unit}"
            rows.append(
                (
                    "› " * depth + p.title,
                    p.owner_name or "me",
                    p.status,
                    c.direct,
                    c.total,
                    _date(c.last_outcome_on) or "—",
                    progress.strip(),
                    "stale" if node.stale else "",
                )
            )
            for child in node.children:
                add(child, depth + 1)

        for node in tree:
            add(node, 0)
        period = f"{args.since or '…'} – {args.until or '…'}" if args.since or args.until else ""
        print(f"Alignment for {person.name}" + (f", {period}" if period else ""))
        if not rows:
            print(f"{person.name} has no priorities yet.", file=sys.stderr)
            return 0
        widths = (44, 18, 8, 5, 10, 10, 18)
        print_rows(
            [
                (
                    "priority",
                    "owner",
                    "status",
                    "notes",
                    "with goals",
                    "last note",
                    "progress",
                    "confirm",
                )
            ],
            widths,
        )
        print_rows(rows, widths)
    finally:
        services.store.close()
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from upwardprep.store.backup import create_backup

    services = open_services(args)
    try:
        info = create_backup(
            services.store, folder=Path(args.dir) if args.dir else None, keep=args.keep
        )
        print(f"Backup written and verified: {info.path} ({info.size:,} bytes)")
    finally:
        services.store.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Works without opening the store: a damaged or missing store is what restore is for."""
    from upwardprep.store.backup import PRE_RESTORE, list_backups, restore_backup

    if bool(args.latest) == bool(args.file):
        raise UsageError("Say which backup: --latest, or the path of a backup file.")
    path = store_path(args)
    folder = Path(args.dir).expanduser() if args.dir else None
    if args.latest:
        # The newest backup made on purpose, not the safety copy an earlier restore left.
        backups = [b for b in list_backups(path, folder=folder) if b.reason != PRE_RESTORE]
        if not backups:
            raise UsageError(f"There are no backups of {path.name} yet.")
        source = backups[-1].path
    else:
        source = Path(args.file).expanduser()
    passphrase = passphrase_from(args)
    backup_passphrase = (
        _read_passphrase_file(args.backup_passphrase_file) if args.backup_passphrase_file else None
    )
    result = restore_backup(
        path,
        source,
        passphrase,
        backup_passphrase=backup_passphrase,
        folder=folder,
        force=args.force,
    )
    print(f"Restored {source.name} into {path}.")
    if backup_passphrase is not None:
        print("The store now opens with the backup's passphrase.")
    if result.previous is not None and result.previous_was_healthy:
        print(f"The store as it was is kept as a backup: {result.previous}")
    elif result.previous is not None:
        print(f"The previous store did not open cleanly; its files are kept as {result.previous}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from upwardprep.store.errors import StoreDamaged

    services = open_services(args)
    try:
        findings = services.store.check()
    finally:
        services.store.close()
    if findings:
        raise StoreDamaged(
            "The store is damaged. Restore it from a backup (`upwardprep restore --latest`).",
            findings=findings,
        )
    print("The store passed every check (integrity, encryption, links, search index).")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from upwardprep.store.backup import change_passphrase, create_backup
    from upwardprep.store.engine import Store
    from upwardprep.store.keys import normalize_passphrase

    services = open_services(args)
    store = services.store
    try:
        new = new_passphrase_from(
            args, env_name="UPWARDPREP_NEW_PASSPHRASE", file_attr="new_passphrase_file"
        )
        normalize_passphrase(new)  # refuse an empty one before touching anything
        create_backup(store, reason="pre-passwd")
        change_passphrase(store, new)
    finally:
        store.close()
    Store.open(store.path, new).close()  # prove it: the new passphrase opens the store
    print("Passphrase changed. Backups made before today still need the old passphrase.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """`export brief` / `packet` / `handoff`: a PDF or Markdown file, never half written."""
    from upwardprep.export.content import meeting_for_person
    from upwardprep.export.documents import build_brief, build_handoff, build_packet

    out = Path(args.out).expanduser() if args.out else Path.cwd()
    services = open_services(args)
    try:
        options = {"fmt": args.format, "paper": args.paper, "author": args.author}
        if args.what == "brief":
            if bool(args.person) == bool(args.meeting):
                raise UsageError("Say which meeting: --person NAME or --meeting ID.")
            meeting = (
                services.meetings.get(args.meeting)
                if args.meeting
                else meeting_for_person(services, services.people.find(args.person).id)
            )
            result = build_brief(services, meeting.id, out, **options)
        elif args.what == "handoff":
            person = services.people.find(args.person)
            result = build_handoff(services, person.id, out, **options)
        else:
            cycle = services.reviews.find(args.cycle)
            result = build_packet(
                services, cycle.id, out, include_private=args.include_private, **options
            )
    finally:
        services.store.close()
    pages = f", {result.pages} page{'s' if result.pages != 1 else ''}" if result.pages else ""
    print(f"Wrote {result.path}{pages}.")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from upwardprep import selftest

    return selftest.run()


def cmd_gui(args: argparse.Namespace) -> int:
    from upwardprep.gui.app import run

    return run(store=store_path(args) if args.store else None, demo=args.demo)


# -- parser -----------------------------------------------------------------------------------


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


def build_parser() -> Parser:
    root_options = common_options(None)
    common = common_options(argparse.SUPPRESS)

    parser = Parser(
        prog="upwardprep",
        description="UpwardPrep: an offline, encrypted workbench for managing up and preparing "
        "one-on-ones. Without a command, starts the desktop app.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[root_options],
    )
    parser.add_argument("--version", action="version", version=f"UpwardPrep {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a temporary store full of sample data"
    )
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> Parser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        return p  # type: ignore[return-value]

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

    p = command("list", cmd_list, "list records, one a line")
    p.add_argument("what", choices=["people", "priorities", "outcomes", "meetings", "cycles"])
    p.add_argument("--limit", type=whole(1, 10**9), default=None, help="at most N rows (outcomes)")

    p = command("search", cmd_search, "full-text search, best matches first")
    p.add_argument("query")
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

    p = command("alignment", cmd_alignment, "a manager's priorities with coverage and goals")
    p.add_argument("--person", required=True, help="the manager (name, part of it, or id)")
    p.add_argument("--since", metavar="DATE", help="count notes from DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="count notes up to DATE (YYYY-MM-DD)")

    p = command("backup", cmd_backup, "write an encrypted, verified backup")
    p.add_argument("--dir", help="backup folder (default: backups/ beside the store)")
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
    p.add_argument("--dir", help="backup folder (default: backups/ beside the store)")
    p.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help="the backup's passphrase, if it differs from the store's",
    )

    command("check", cmd_check, "run the integrity checks")

    p = command(
        "export", cmd_export, "write a meeting brief, a review packet or a handoff packet (PDF, md)"
    )
    documents = p.add_subparsers(dest="what", metavar="WHAT", required=True)
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
    for document in (brief, packet, handoff):
        document.add_argument("--format", default="pdf", choices=["pdf", "md"])
        document.add_argument(
            "--out", metavar="FILE", help="file or folder (default: a named file here)"
        )
        document.add_argument("--paper", default="A4", choices=["A4", "Letter"])
        document.add_argument("--author", help='the "prepared by" name (default: your account)')

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_environment()
    except ValueError as error:
        print(f"upwardprep: {error}", file=sys.stderr)
        return 1
    try:
        return int(args.func(args))
    except StoreError as error:
        print(f"upwardprep: {error}", file=sys.stderr)
        return error.exit_code
    except (ValidationError, NotFound, UsageError, PassphraseRefused) as error:
        print(f"upwardprep: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("upwardprep: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except OSError as error:
        # The file system said no (a folder where a file should be, permissions, disk full).
        where = f": {error.filename}" if error.filename else ""
        print(f"upwardprep: {error.strerror or 'input/output error'}{where}", file=sys.stderr)
        return 7
    except Exception as error:
        # Last resort: name the kind of failure, never its arguments (they may hold note text).
        if os.environ.get("UPWARDPREP_DEBUG"):
            raise
        print(
            f"upwardprep: an unexpected error ({type(error).__name__}) stopped the command. "
            "Completed saves are intact. Set UPWARDPREP_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 1


def gui_main() -> int:
    return main(sys.argv[1:] or [])
