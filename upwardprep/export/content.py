"""What the meeting brief and the review packet say, gathered from the services as a Document.

Only reads, through the services; the renderers (PDF, Markdown) never touch the store. Private
notes never go into a brief, and go into a packet only when the user asks for them.
"""

from __future__ import annotations

import getpass
import os
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

from upwardprep.export import model as m
from upwardprep.services import NotFound, Services, ValidationError
from upwardprep.services.meetings import ActionItemData, MeetingData
from upwardprep.services.outcomes import OutcomeData, OutcomeFilter
from upwardprep.services.priorities import DEFAULT_STALE_DAYS, PriorityData

Progress = Callable[[float, str], None]

KIND_LABELS = {
    "win": "Win",
    "progress": "Progress",
    "risk": "Risk",
    "feedback-received": "Feedback received",
    "feedback-given": "Feedback given",
    "decision": "Decision",
    "learning": "Learning",
}
MEETING_KINDS = {
    "1:1": "1:1",
    "skip-level": "Skip-level",
    "alignment": "Alignment",
    "review": "Review",
    "other": "Meeting",
}
OWNER_LABELS = {"me": "me", "them": "them", "person": "someone else"}
FEEDBACK = ("feedback-received", "feedback-given")
LEARNING = ("learning",)
BRIEF_OUTCOMES_MAX = 10
BRIEF_PRIORITIES_MAX = 8
BRIEF_ACTIONS_MAX = 12
BRIEF_RISKS_MAX = 6
BRIEF_AGENDA_NOTES_MAX = 6  # agenda items up to which the brief prints each item's text
FULL_TEXT_LIMIT = 150  # notes in a packet's period up to which it prints their bodies


def default_author() -> str:
    """Who "prepared by" names when the caller does not say: the account's full name."""
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, AttributeError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # no user name at all (some containers): say nothing rather than fail
        return "me"


# -- formatting -------------------------------------------------------------------------------


def day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def short_day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def local(value: datetime) -> datetime:
    return value.astimezone()


def number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def progress_of(priority: PriorityData, today: date) -> m.Progress:
    fraction = priority.progress
    if priority.metric_target:
        current = priority.metric_current or 0
        unit = f" {priority.metric_unit}" if priority.metric_unit else ""
        target = number(priority.metric_target)
        figure = f"{round((fraction or 0) * 100)} % · {number(current)}/{target}{unit}"
    else:
        figure = "no target set"
    if priority.last_confirmed_at is None:
        confirmed = "never confirmed"
    else:
        when = local(priority.last_confirmed_at).date()
        ago = (today - when).days
        confirmed = f"confirmed {short_day(when)}" + (
            f" · {ago} days ago" if ago > DEFAULT_STALE_DAYS else ""
        )
    return m.Progress(
        title=priority.title,
        status=priority.status,
        fraction=fraction,
        figure=figure,
        confirmed=confirmed,
        owner=priority.owner_name or "me",
    )


def _is_stale(priority: PriorityData, now: datetime) -> bool:
    if priority.status not in ("active", "at-risk"):
        return False
    reference = priority.last_confirmed_at or priority.created_at
    return reference < now - timedelta(days=DEFAULT_STALE_DAYS)


def outcome_meta(outcome: OutcomeData, people: dict[str, str]) -> str:
    parts = [short_day(outcome.occurred_on), KIND_LABELS.get(outcome.kind, outcome.kind)]
    if outcome.metric_delta:
        parts.append(outcome.metric_delta)
    if outcome.person_id and outcome.person_id in people:
        parts.append(people[outcome.person_id])
    if outcome.priority_titles:
        parts.append("→ " + "; ".join(outcome.priority_titles))
    if outcome.private:
        parts.append("private")
    return " · ".join(parts)


def entry(outcome: OutcomeData, people: dict[str, str], *, full: bool = True) -> m.Entry:
    return m.Entry(
        title=outcome.title,
        meta=outcome_meta(outcome, people),
        body=outcome.body if full else "",
        impact=outcome.impact,
        ask=outcome.ask,
        evidence_url=outcome.evidence_url,
        private=outcome.private,
    )


# -- the meeting brief ------------------------------------------------------------------------


def meeting_for_person(services: Services, person_id: str) -> MeetingData:
    """The meeting a brief "for a person" is about: their next planned one.

    The agenda service (services.agenda.draft_next) drafts that meeting's agenda when it exists;
    this is the one place that calls it, so `upwardprep export brief --person` prints the
    drafted agenda as soon as it lands. Until then the planned meeting is used as it is.
    """
    drafter = getattr(getattr(services, "agenda", None), "draft_next", None)
    if drafter is not None:
        drafted = drafter(person_id)
        meeting_id = drafted if isinstance(drafted, str) else getattr(drafted, "id", None)
        if meeting_id:
            return services.meetings.get(meeting_id)
    planned = services.meetings.list(person_id=person_id, status="planned")
    now = services.meetings.clock()
    upcoming = sorted(
        (meeting for meeting in planned if meeting.scheduled_at >= now - timedelta(hours=12)),
        key=lambda meeting: meeting.scheduled_at,
    )
    chosen = upcoming[0] if upcoming else (planned[0] if planned else None)
    if chosen is None:
        name = services.people.get(person_id).name
        raise ValidationError(f"{name} has no planned meeting; schedule the next one first.")
    return chosen


def _top_three(
    meeting: MeetingData, risks: list[OutcomeData], stale: list[PriorityData]
) -> list[str]:
    """The three things to land: asks and decisions first, then confirmations, then the rest.

    Agenda items in an Asks/Risks/Decisions section (or drafted from a risk) lead, then open
    risks that carry an ask, then a confirmation of stale priorities, then the agenda in order.
    """
    weight = {"asks": 0, "ask": 0, "risks": 0, "risks and asks": 0, "decisions": 0, "confirm": 2}
    ranked = sorted(
        meeting.agenda_items,
        key=lambda item: (
            0 if item.source_type == "risk" else weight.get(item.section.strip().lower(), 3),
            item.position,
        ),
    )
    chosen: list[str] = []

    def add(text: str) -> None:
        if text.casefold() not in (c.casefold() for c in chosen) and len(chosen) < 3:
            chosen.append(text)

    for item in ranked:
        if weight.get(item.section.strip().lower(), 3) == 0 or item.source_type == "risk":
            add(item.title)
    for risk in risks:
        if risk.ask and not any(risk.title in c for c in chosen):
            add(f"{risk.title}: {risk.ask}")
    if stale and not any(
        item.section.strip().lower() == "confirm" or item.source_type == "priority"
        for item in meeting.agenda_items
    ):
        add("Confirm " + "; ".join(p.title for p in stale[:2]))
    for item in ranked:
        add(item.title)
    return chosen


def brief_document(services: Services, meeting_id: str, *, author: str | None = None) -> m.Document:
    meeting = services.meetings.get(meeting_id)
    if meeting.deleted_at is not None:
        raise NotFound("That meeting is in the Trash; restore it first.")
    now = services.meetings.clock()
    today = local(now).date()
    person = services.people.get(meeting.person_id) if meeting.person_id else None
    person_id = person.id if person else None
    start = local(meeting.scheduled_at)
    with_whom = person.name if person else (meeting.title or "—")
    kind = MEETING_KINDS.get(meeting.kind, meeting.kind)
    what = f"{kind} with {with_whom}" if with_whom != "—" else kind
    headline = f"{what} · {day(start.date())} · {meeting.duration_minutes} min"

    # what happened since the last meeting with them
    held = [
        other
        for other in (
            services.meetings.list(person_id=person_id, status="held") if person_id else []
        )
        if other.scheduled_at < meeting.scheduled_at and other.id != meeting.id
    ]
    last = max(held, key=lambda other: other.scheduled_at) if held else None
    since = local(last.scheduled_at).date() if last else start.date() - timedelta(days=14)
    outcomes = [
        o
        for o in services.outcomes.list(
            OutcomeFilter(date_from=since, date_to=start.date(), include_private=False),
            newest_first=False,
        )
        if o.kind != "risk" and (person_id is None or o.person_id in (None, person_id))
    ]
    risks = [
        r
        for r in services.outcomes.open_risks()
        if not r.private and (person_id is None or r.person_id in (None, person_id))
    ]
    priorities = (
        [p for p in services.priorities.list(owner_id=person_id) if p.status != "dropped"]
        if person_id
        else []
    )
    if not priorities:
        priorities = [p for p in services.priorities.list() if p.status in ("active", "at-risk")]
    priorities = priorities[:BRIEF_PRIORITIES_MAX]
    stale = [p for p in priorities if _is_stale(p, now)]
    actions = (
        services.meetings.open_actions(person_id=person_id)
        if person_id
        else [a for a in meeting.action_items if a.is_open]
    )

    facts = [("With", with_whom + (f", {person.title}" if person and person.title else ""))]
    facts.append(("When", f"{day(start.date())}, {start:%H:%M} · {meeting.duration_minutes} min"))
    facts.append(("Kind", _kind_and_title(meeting)))
    if last:
        facts.append(("Last 1:1", day(local(last.scheduled_at).date())))

    agenda_rows, agenda_notes = [], []
    planned_minutes = 0
    for index, item in enumerate(meeting.agenda_items, start=1):
        minutes = item.time_box_minutes
        planned_minutes += minutes or 0
        agenda_rows.append(
            (str(index), item.title, item.section, f"{minutes} min" if minutes else "—")
        )
        agenda_notes.append(item.body)
    if len(agenda_notes) > BRIEF_AGENDA_NOTES_MAX:
        # A long (drafted) agenda keeps to its titles, so the brief stays at two pages; the
        # risks' asks and the open actions have sections of their own below.
        agenda_notes = []
    agenda: list[m.Block] = []
    if agenda_rows:
        agenda.append(
            m.Table(
                header=("#", "Item", "Section", "Time"),
                rows=tuple(agenda_rows),
                widths=(0.05, 0.56, 0.29, 0.10),
                align=("right", "left", "left", "right"),
                notes=tuple(agenda_notes),
                main=1,
            )
        )
        agenda.append(
            m.Text(
                f"{planned_minutes} of {meeting.duration_minutes} minutes planned"
                + (
                    " — over the time available."
                    if planned_minutes > meeting.duration_minutes
                    else "."
                ),
                "muted",
            )
        )
    else:
        agenda.append(m.Text("No agenda items yet.", "muted"))

    shown = outcomes[-BRIEF_OUTCOMES_MAX:]
    outcome_rows = tuple(
        (short_day(o.occurred_on), KIND_LABELS.get(o.kind, o.kind), o.title, o.metric_delta)
        for o in shown
    )
    outcome_blocks: list[m.Block] = (
        [
            m.Table(
                header=("Date", "Kind", "Outcome", "Metric"),
                rows=outcome_rows,
                widths=(0.15, 0.14, 0.51, 0.20),
            )
        ]
        if outcome_rows
        else [m.Text(f"Nothing documented since {day(since)}.", "muted")]
    )
    if len(outcomes) > len(shown):
        outcome_blocks.append(
            m.Text(f"and {len(outcomes) - len(shown)} earlier ones since {day(since)}.", "muted")
        )

    # Those with an ask first, then the newest: what can still be decided in the room.
    shown_risks = sorted(risks, key=lambda r: (not r.ask, -r.occurred_on.toordinal()))
    shown_risks = shown_risks[:BRIEF_RISKS_MAX]
    risk_rows = tuple((r.title, r.ask or "—", short_day(r.occurred_on)) for r in shown_risks)
    risk_blocks: list[m.Block] = (
        [m.Table(header=("Risk", "Ask", "Raised"), rows=risk_rows, widths=(0.42, 0.43, 0.15))]
        if risk_rows
        else [m.Text("No open risks.", "muted")]
    )
    if len(risks) > len(shown_risks):
        risk_blocks.append(m.Text(f"and {len(risks) - len(shown_risks)} more open risks.", "muted"))

    action_rows = tuple(_action_row(a, today) for a in actions[:BRIEF_ACTIONS_MAX])
    action_blocks: list[m.Block] = (
        [
            m.Table(
                header=("Action", "Owner", "Due", "Carried"),
                rows=action_rows,
                widths=(0.54, 0.10, 0.25, 0.11),
                align=("left", "left", "left", "right"),
            )
        ]
        if action_rows
        else [m.Text("No open action items.", "muted")]
    )
    if len(actions) > BRIEF_ACTIONS_MAX:
        action_blocks.append(m.Text(f"and {len(actions) - BRIEF_ACTIONS_MAX} more.", "muted"))

    sections = (
        m.Section(
            "land",
            "Land these three",
            (
                m.Callout(
                    "Land these three",
                    tuple(_top_three(meeting, shown_risks, stale)),
                    empty="Add agenda items to see what to land.",
                ),
            ),
            show_title=False,
        ),
        m.Section("agenda", "Agenda", tuple(agenda)),
        m.Section(
            "priorities",
            "Priorities",
            (m.ProgressList(tuple(progress_of(p, today) for p in priorities)),)
            if priorities
            else (m.Text("No priorities recorded yet.", "muted"),),
        ),
        m.Section("outcomes", "Outcomes since the last 1:1", tuple(outcome_blocks)),
        m.Section("risks", "Risks and asks", tuple(risk_blocks)),
        m.Section("actions", "Open action items", tuple(action_blocks)),
        m.Section("notes", "Notes", (m.NoteLines(2),), fill=True),
    )
    return m.Document(
        kind="brief",
        title=f"Meeting brief: {what}, {short_day(start.date())}",
        headline=headline,
        person=with_whom if with_whom != "—" else "",
        author=author or default_author(),
        subject=f"Meeting brief for the {what} on {day(start.date())}",
        generated=today,
        sections=sections,
        intro=(m.Facts(tuple(facts)),),
        keywords=("meeting brief", "1:1", with_whom),
    )


def _kind_and_title(meeting: MeetingData) -> str:
    kind = MEETING_KINDS.get(meeting.kind, meeting.kind)
    titled = meeting.title and not meeting.title.casefold().startswith(kind.casefold())
    return kind + (f" · {meeting.title}" if titled else "")


def _action_row(action: ActionItemData, today: date) -> tuple[str, str, str, str]:
    due = ""
    if action.due_on:
        due = short_day(action.due_on) + (" (overdue)" if action.due_on < today else "")
    carried = f"{action.carry_count}×" if action.carry_count else ""
    return (action.title, OWNER_LABELS.get(action.owner, action.owner), due or "—", carried)


# -- the review packet ------------------------------------------------------------------------


def _months(start: date, end: date) -> list[date]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def recency_warning(dates: list[date], start: date, end: date) -> str:
    """A warning when more than half the notes fall in the last quarter of the period."""
    if not dates:
        return ""
    cutoff = end - timedelta(days=(end - start).days / 4)
    late = sum(1 for d in dates if d > cutoff)
    if late * 2 <= len(dates):
        return ""
    return (
        f"Recency bias: {late} of {len(dates)} documented outcomes "
        f"({round(100 * late / len(dates))} %) fall in the last quarter of the period "
        f"(after {short_day(cutoff)}). Add notes for the earlier months before the review."
    )


def _overlaps(priority: PriorityData, start: date, end: date) -> bool:
    if priority.period_start and priority.period_start > end:
        return False
    return not (priority.period_end and priority.period_end < start)


def packet_document(
    services: Services,
    cycle_id: str,
    *,
    include_private: bool = False,
    author: str | None = None,
    progress: Progress | None = None,
) -> m.Document:
    report = progress or (lambda fraction, text: None)
    cycle = services.reviews.get(cycle_id)
    if cycle.deleted_at is not None:
        raise NotFound(f"The review cycle “{cycle.name}” is in the Trash; restore it first.")
    start, end = cycle.period_start, cycle.period_end
    today = local(services.reviews.clock()).date()
    report(0.02, "Reading outcome notes")
    people = {p.id: p.name for p in services.people.list(include_deleted=True)}
    notes = services.outcomes.list(
        OutcomeFilter(date_from=start, date_to=end, include_private=include_private),
        newest_first=False,
    )
    report(0.12, "Reading priorities and meetings")
    priorities = [p for p in services.priorities.list() if _overlaps(p, start, end)]
    meetings = sorted(
        (
            meeting
            for meeting in services.meetings.list(status="held")
            if start <= local(meeting.scheduled_at).date() <= end
        ),
        key=lambda meeting: meeting.scheduled_at,
    )
    all_meetings = services.meetings.list()

    documented = [o for o in notes if o.kind not in FEEDBACK + LEARNING]
    feedback = [o for o in notes if o.kind in FEEDBACK]
    learning = [o for o in notes if o.kind in LEARNING]

    # summary figures
    done = sum(1 for p in priorities if p.status == "done")
    counted = [p for p in priorities if p.status != "dropped"]
    on_time, due_total = _actions_on_time(all_meetings, start, end)
    figures = m.Figures(
        (
            (
                str(len(notes)),
                "outcomes documented",
                f"{len(documented)} results, {len(feedback)} feedback, {len(learning)} learning",
            ),
            (
                f"{done}/{len(counted)}",
                "priorities completed",
                f"{sum(1 for p in counted if p.status == 'at-risk')} at risk",
            ),
            (
                f"{round(100 * on_time / due_total)} %" if due_total else "—",
                "action items done on time",
                f"{on_time} of {due_total} due in the period",
            ),
        )
    )
    counts = Counter(date(o.occurred_on.year, o.occurred_on.month, 1) for o in notes)
    chart = m.MonthlyChart(
        "Documented outcomes per month",
        tuple((f"{month:%b %Y}", counts.get(month, 0)) for month in _months(start, end)),
        recency_warning([o.occurred_on for o in notes], start, end),
    )
    period = f"{day(start)} – {day(end)}"
    summary: list[m.Block] = [
        m.Facts(
            (
                ("Period", period),
                ("Reviewer", cycle.reviewer_name or "—"),
                ("Kind", cycle.kind.replace("-", " ").capitalize()),
            )
        ),
        figures,
        chart,
    ]
    report(0.2, "Grouping outcomes by priority")

    by_priority: dict[str, list[OutcomeData]] = {}
    unaligned: list[OutcomeData] = []
    for outcome in documented:
        if outcome.priority_ids:
            for pid in outcome.priority_ids:
                by_priority.setdefault(pid, []).append(outcome)
        else:
            unaligned.append(outcome)
    titles = {p.id: p for p in priorities}
    # A packet is read by a person: past FULL_TEXT_LIMIT notes it keeps each note's title, meta,
    # impact, ask and evidence and leaves the bodies to the notes themselves (and stays fast).
    full = len(notes) <= FULL_TEXT_LIMIT
    grouped: list[m.Block] = []
    if not full:
        grouped.append(
            m.Text(
                f"With {len(notes):,} notes in the period, each is shown by its title, impact "
                "and evidence; the full text stays in the notes.",
                "muted",
            )
        )
    for priority in priorities:
        items = by_priority.get(priority.id, [])
        if not items:
            continue
        bar = progress_of(priority, today)
        grouped.append(
            m.Heading(
                priority.title,
                anchor=f"priority-{priority.id}",
                meta=f"{bar.owner} · {priority.status} · {bar.figure} · "
                f"{len(items)} outcome{'s' if len(items) != 1 else ''}",
            )
        )
        grouped.extend(entry(o, people, full=full) for o in items)
    others = [pid for pid in by_priority if pid not in titles]
    for pid in others:  # linked to a priority outside the period (or trashed)
        items = by_priority[pid]
        title = items[0].priority_titles[items[0].priority_ids.index(pid)]
        grouped.append(m.Heading(title, anchor=f"priority-{pid}", meta="outside this period"))
        grouped.extend(entry(o, people, full=full) for o in items)
    silent = [p.title for p in priorities if p.id not in by_priority and p.status != "dropped"]
    if silent:
        grouped.append(m.Text("No outcomes documented for: " + "; ".join(silent) + ".", "muted"))
    if not grouped:
        grouped.append(m.Text("No outcomes linked to a priority in this period.", "muted"))

    report(0.3, "Feedback, learning and 1:1s")
    appendix: list[m.Block] = []
    for meeting in meetings:
        when = local(meeting.scheduled_at).date()
        appendix.append(
            m.Heading(
                f"{day(when)} — {meeting.person_name or meeting.title or 'meeting'}",
                anchor=f"meeting-{meeting.id}",
                meta=_kind_and_title(meeting),
            )
        )
        discussed = [item.title for item in meeting.agenda_items if item.discussed]
        if discussed:
            appendix.append(m.Bullets(tuple(discussed)))
        if meeting.notes.strip():
            appendix.append(m.Markdown(meeting.notes))
        if meeting.decisions.strip():
            appendix.append(m.Text("Decisions", "label"))
            appendix.append(m.Markdown(meeting.decisions))
        actions = [a.title + (" (done)" if not a.is_open else "") for a in meeting.action_items]
        if actions:
            appendix.append(m.Text("Action items", "label"))
            appendix.append(m.Bullets(tuple(actions)))
    if not appendix:
        appendix.append(m.Text("No 1:1s were held in this period.", "muted"))

    sections = (
        m.Section("summary", "Summary", tuple(summary), new_page=True),
        m.Section(
            "priorities",
            "Priority progress",
            (m.ProgressList(tuple(progress_of(p, today) for p in priorities)),)
            if priorities
            else (m.Text("No priorities in this period.", "muted"),),
        ),
        m.Section("outcomes", "Outcomes by priority", tuple(grouped), new_page=True),
        m.Section(
            "unaligned",
            "Unaligned outcomes",
            tuple(entry(o, people, full=full) for o in unaligned)
            or (m.Text("Every outcome is linked to a priority.", "muted"),),
        ),
        m.Section(
            "feedback",
            "Feedback log",
            tuple(entry(o, people, full=full) for o in feedback)
            or (m.Text("No feedback recorded in this period.", "muted"),),
        ),
        m.Section(
            "learning",
            "Learning and development",
            tuple(entry(o, people, full=full) for o in learning)
            or (m.Text("No learning recorded in this period.", "muted"),),
        ),
        m.Section(
            "self-assessment",
            "Self-assessment",
            (m.Markdown(cycle.self_assessment),)
            if cycle.self_assessment.strip()
            else (m.Text("No self-assessment written yet.", "muted"),),
            new_page=True,
        ),
        m.Section("appendix", "Appendix: 1:1 summaries", tuple(appendix), new_page=True),
    )
    who = author or default_author()
    cover = m.Cover(
        kind="Review packet",
        title=cycle.name,
        rows=tuple(
            (label, value)
            for label, value in (
                ("Person", who),
                ("Reviewer", cycle.reviewer_name or ""),
                ("Period", period),
                ("Prepared", day(today)),
            )
            if value
        ),
    )
    return m.Document(
        kind="packet",
        title=f"Review packet: {cycle.name}",
        headline=cycle.name,
        person=who,
        author=who,
        subject=f"Review packet for {cycle.name} ({period})",
        generated=today,
        sections=sections,
        cover=cover,
        band="Contains private notes" if include_private else "",
        contents=True,
        keywords=("review packet", cycle.name),
    )


def _actions_on_time(meetings: list[MeetingData], start: date, end: date) -> tuple[int, int]:
    """Of the action items due in the period (last link of each carry chain), how many were done
    by their due date."""
    items: dict[str, ActionItemData] = {}
    continued: set[str] = set()
    for meeting in meetings:
        for item in meeting.action_items:
            items[item.id] = item
            if item.carried_from_id:
                continued.add(item.carried_from_id)
    on_time = total = 0
    for item in items.values():
        if item.id in continued or item.due_on is None or not start <= item.due_on <= end:
            continue
        total += 1
        if item.done_at is not None and local(item.done_at).date() <= item.due_on:
            on_time += 1
    return on_time, total
