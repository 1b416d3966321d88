"""`export brief` / `packet` / `handoff` / `update`: the documents (PDF or Markdown) and the
weekly update (Markdown, text or e-mail)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upwardprep.cli.common import UsageError, open_services


def cmd_export(args: argparse.Namespace) -> int:
    """`export brief` / `packet` / `handoff`: a PDF or Markdown file, never half written."""
    from upwardprep.export.brief import meeting_for_person
    from upwardprep.export.documents import build_brief, build_handoff, build_packet

    if args.what == "update":
        return _export_update(args)
    out = Path(args.out).expanduser() if args.out else Path.cwd()
    with open_services(args) as services:
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
    pages = f", {result.pages} page{'s' if result.pages != 1 else ''}" if result.pages else ""
    print(f"Wrote {result.path}{pages}.")
    for advice in result.advice:
        print(f"Note: {advice}")
    return 0


def _export_update(args: argparse.Namespace) -> int:
    """`export update`: the weekly update to a person, to --out or to stdout."""
    from upwardprep.export.update import check_format, render, write_update

    fmt = check_format(args.format)
    with open_services(args) as services:
        person = services.people.find(args.person)
        if args.out:
            path = write_update(services, person.id, args.out, fmt=fmt, since=args.since)
            print(f"Wrote {path}.")
        else:
            update = services.updates.weekly(person.id, since=args.since)
            sys.stdout.write(render(update, fmt, now=services.updates.clock()).decode("utf-8"))
    return 0
