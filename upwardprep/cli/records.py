"""Commands over the notes themselves: add, list, search, agenda, import, alignment."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from upwardprep.cli.common import UsageError, open_services, print_rows, read_stdin_text

if TYPE_CHECKING:
    from upwardprep.services.search import SearchHit


def _lookup(finder: Callable[[str], object], references: Sequence[str] | None) -> list[str]:
    return [finder(ref).id for ref in references or ()]  # type: ignore[attr-defined]


def _body(args: argparse.Namespace) -> str:
    if args.body is not None and args.body_file:
        raise UsageError("Give either --body or --body-file, not both.")
    if args.body_file:
        if args.body_file == "-":
            return read_stdin_text("--body-file -")
        try:
            return Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"Cannot read {args.body_file}: {error}.") from None
    return args.body or ""


def cmd_add(args: argparse.Namespace) -> int:
    with open_services(args) as services:
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
                primary_priority_id=(
                    services.priorities.find(args.primary).id if args.primary else None
                ),
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
            created = services.people.create(
                args.name,
                role=args.role,
                title=args.job_title,
                email=args.email,
                cadence_days=args.cadence,
            )
            print(created.id)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    """Only the primary priority for now: the one change to a note the app's form has and
    `add outcome` cannot make afterwards."""
    with open_services(args) as services:
        primary = None if args.no_primary else services.priorities.find(args.primary).id
        outcome = services.outcomes.set_primary(args.id, primary)
        filed = outcome.primary_priority()
        title = dict(zip(outcome.priority_ids, outcome.priority_titles, strict=True)).get(
            filed or "", "no priority"
        )
        how = "marked" if outcome.primary_priority_id else "the first linked"
        print(f"{outcome.title}: filed under {title} ({how})")
    return 0


def _date(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def cmd_list(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        what = args.what
        rows: list[tuple[object, ...]]
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
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from upwardprep.services.common import parse_date
    from upwardprep.services.outcomes import OutcomeFilter

    query = " ".join(args.query)
    with open_services(args) as services:
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
            hits: list[SearchHit] = services.search.outcomes(query, filters, limit=args.limit)
        else:
            hits = services.search.everything(query, limit=args.limit)
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
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    """Draft the next 1:1 with a person (in the store) and print its agenda as Markdown."""
    with open_services(args) as services:
        person = services.people.find(args.person)
        template = services.templates.find(args.template).id if args.template else None
        meeting = services.agenda.draft_next(
            person.id, template_id=template, stale_days=args.stale_days
        )
        print(services.agenda.draft_markdown(meeting.id), end="")
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
    with open_services(args) as services:
        person = services.people.find(args.person)
        mapping = {s.uid: person.id for s in chosen}
        report = services.calendar.import_file(args.file, mapping, horizon=horizon)
        print(f"Imported meetings with {person.name}: {report.summary()}")
    return 0


def cmd_alignment(args: argparse.Namespace) -> int:
    """The coverage table: each of the person's priorities with the goals aligned below it."""
    from upwardprep.services.alignment import AlignmentNode

    with open_services(args) as services:
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
    return 0
