"""How a drafted agenda reads: item texts, and the agenda as Markdown."""

from __future__ import annotations

from upwardprep.services.meetings import IF_TIME_ALLOWS
from upwardprep.store.entities import Meeting, MeetingStatus, Outcome

MAX_LINES = 10  # outcomes listed under one priority


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def outcome_list(notes: list[Outcome]) -> str:
    lines = [outcome_line(note) for note in notes[-MAX_LINES:]]
    if len(notes) > MAX_LINES:
        lines.insert(0, f"- … and {len(notes) - MAX_LINES} earlier ones")
    return "\n".join(lines)


def outcome_line(note: Outcome, *, with_title: bool = True) -> str:
    parts = [f"{note.occurred_on.isoformat()} · {note.kind}"]
    if note.metric_delta.strip():
        parts.append(note.metric_delta.strip())
    line = " · ".join(parts)
    if with_title:
        line = f"- **{clip(note.title, 300)}** ({line})"
    if note.impact.strip():
        line += f"{' — ' if with_title else '. '}{clip(note.impact, 300)}"
    return line


def agenda_markdown(meeting: Meeting) -> str:
    when = meeting.scheduled_at.astimezone()
    total = sum(
        item.time_box_minutes or 0
        for item in meeting.agenda_items
        if item.section != IF_TIME_ALLOWS
    )
    title = meeting.title or (f"1:1 with {meeting.person.name}" if meeting.person else "Meeting")
    lines = [
        f"# {title}",
        "",
        f"{when:%A} {when.day} {when:%B %Y}, {when:%H:%M} · {meeting.duration_minutes} min"
        f" · agenda {total} min" + (" (over time)" if total > meeting.duration_minutes else ""),
    ]
    if meeting.status == MeetingStatus.HELD.value:
        lines[-1] += " · held"
    section = None
    for item in sorted(meeting.agenda_items, key=lambda i: i.position):
        if item.section != section or section is None:
            section = item.section
            lines += ["", f"## {section or 'Agenda'}"]
        head = f"### {item.title}"
        extras = []
        if item.time_box_minutes:
            extras.append(f"{item.time_box_minutes} min")
        if item.carry_count:
            extras.append(f"carried ×{item.carry_count}")
        if item.discussed:
            extras.append("discussed")
        if extras:
            head += f" [{', '.join(extras)}]"
        lines += ["", head]
        if item.body.strip():
            lines += ["", item.body.strip()]
    if not meeting.agenda_items:
        lines += ["", "_Nothing on the agenda yet._"]
    return "\n".join(lines) + "\n"
