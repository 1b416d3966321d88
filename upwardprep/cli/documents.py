"""`export brief` / `packet` / `handoff`: the documents, as PDF or Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from upwardprep.cli.common import UsageError, open_services


def cmd_export(args: argparse.Namespace) -> int:
    """`export brief` / `packet` / `handoff`: a PDF or Markdown file, never half written."""
    from upwardprep.export.brief import meeting_for_person
    from upwardprep.export.documents import build_brief, build_handoff, build_packet

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
