"""The weekly update to the manager (services.update) as Markdown, plain text, HTML or an e-mail.

The e-mail (.eml) is a draft to open in the mail client: addressed to the person, with a subject
naming the period, a plain-text part and the same as HTML; marked unsent so clients open it for
editing. Every user text is escaped for the format it goes into.
"""

from __future__ import annotations

from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import IO

from upwardprep.export import inline
from upwardprep.export.documents import write_atomically
from upwardprep.export.inline import literal
from upwardprep.export.markdown_document import text as md
from upwardprep.services import Services, ValidationError
from upwardprep.services.update import WeeklyUpdate
from upwardprep.services.vault import Vault

FORMATS = ("md", "txt", "eml")


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b}"


def _intro(update: WeeklyUpdate) -> str:
    since = (
        f"since our 1:1 on {_day(update.since)}"
        if update.last_one_on_one == update.since
        else f"since {_day(update.since)}"
    )
    first = update.person.name.split()[0] if update.person.name.split() else update.person.name
    return f"Hi {first}, here is where things stand {since}."


def _due(due_on: date | None, overdue: bool) -> str:
    if due_on is None:
        return ""
    return f"due {_day(due_on)}" + (", overdue" if overdue else "")


def _sections(update: WeeklyUpdate) -> list[tuple[str, list[str]]]:
    """(heading, lines) in order: headings plain, lines inline Markdown (titles and figures
    escaped, asks, impacts and decisions as the user wrote them); each format renders them its
    own way (export.inline), so no format shows a raw mark."""
    sections: list[tuple[str, list[str]]] = []
    for group in update.groups:
        heading = group.title + (f" ({group.metric})" if group.metric else "")
        lines = []
        for note in group.notes:
            extra = " · ".join(
                part for part in (literal(note.metric_delta), note.impact.strip()) if part
            )
            lines.append(literal(note.title) + (f" — {extra}" if extra else ""))
        if group.more:
            lines.append(f"and {group.more} more")
        sections.append((heading, lines))
    if update.more_groups:
        sections.append(("More", [f"Outcomes for {update.more_groups} more priorities"]))
    if update.decisions:  # written in a meeting's Decisions (Markdown), or a note's title
        sections.append(("Decisions", list(update.decisions)))
    if update.risks:
        lines = [literal(r.title) + (f" — ask: {r.ask}" if r.ask else "") for r in update.risks]
        if update.more_risks:
            lines.append(f"and {update.more_risks} more")
        sections.append(("Open risks and asks", lines))
    if update.owed:
        lines = [
            literal(o.title) + (f" ({_due(o.due_on, o.overdue)})" if o.due_on else "")
            for o in update.owed
        ]
        if update.more_owed:
            lines.append(f"and {update.more_owed} more")
        sections.append(("Waiting on you", lines))
    if not sections:
        sections.append(("Nothing new", ["No outcomes, risks or open items in this period."]))
    return sections


def _signature(update: WeeklyUpdate) -> str:
    return update.user_name


def to_markdown(update: WeeklyUpdate) -> str:
    out = [f"# {md(update.subject)}", "", md(_intro(update))]
    for heading, lines in _sections(update):
        out += ["", f"## {md(heading)}", ""]
        out += [f"- {inline.markdown(line)}" for line in lines]
    if _signature(update):
        out += ["", md(_signature(update))]
    return "\n".join(out) + "\n"


def to_text(update: WeeklyUpdate) -> str:
    out = [update.subject, "=" * len(update.subject), "", _intro(update)]
    for heading, lines in _sections(update):
        out += ["", heading, "-" * len(heading)]
        out += [f"- {inline.plain(line)}" for line in lines]
    if _signature(update):
        out += ["", _signature(update)]
    return "\n".join(out) + "\n"


def to_html(update: WeeklyUpdate) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"></head>',
        '<body style="font-family: sans-serif; font-size: 14px; line-height: 1.45;">',
        f"<p>{escape(_intro(update))}</p>",
    ]
    for heading, lines in _sections(update):
        out.append(f'<h3 style="margin: 16px 0 4px;">{escape(heading)}</h3>')
        out.append("<ul>" + "".join(f"<li>{inline.html(line)}</li>" for line in lines) + "</ul>")
    if _signature(update):
        out.append(f"<p>{escape(_signature(update))}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_email(update: WeeklyUpdate, *, now: datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = update.subject
    if update.person.email:
        message["To"] = Address(update.person.name, addr_spec=update.person.email)
    else:
        message["To"] = Address(update.person.name)
    # No From: the address is the mail client's to fill in when the draft is sent.
    message["Date"] = format_datetime(dt=now)  # the app's clock, passed in
    message["X-Unsent"] = "1"  # open as a draft to edit and send
    message.set_content(to_text(update))
    message.add_alternative(to_html(update), subtype="html")
    return message


def render(update: WeeklyUpdate, fmt: str, *, now: datetime) -> bytes:
    if fmt == "md":
        return to_markdown(update).encode("utf-8")
    if fmt == "txt":
        return to_text(update).encode("utf-8")
    if fmt == "eml":
        return bytes(to_email(update, now=now))
    raise ValidationError(f"“{fmt}” is not an update format; choose md, txt or eml.")


def check_format(fmt: str) -> str:
    value = (fmt or "").lower().lstrip(".")
    value = {"markdown": "md", "text": "txt", "email": "eml"}.get(value, value)
    if value not in FORMATS:
        raise ValidationError(f"“{fmt}” is not an update format; choose md, txt or eml.")
    return value


def default_filename(update: WeeklyUpdate, fmt: str) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in f"Update {update.person.name}")
    stem = "-".join(part for part in stem.split("-") if part)[:80]
    return f"{stem}-{update.until.isoformat()}.{fmt}"


def write_update(
    services: Services,
    person_id: str,
    out: Path | str,
    *,
    fmt: str = "md",
    since: date | str | None = None,
) -> Path:
    """The update written to `out` (a file, or a folder to put it in); never half written."""
    fmt = check_format(fmt)
    update = services.updates.weekly(person_id, since=since)
    target = Path(out).expanduser()
    if target.is_dir():
        target = target / default_filename(update, fmt)
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist.")
    Vault(services.store.path).refuse_as_output(target)  # never the store, a backup, a device
    data = render(update, fmt, now=services.updates.clock())

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomically(target, write)
    return target
