"""The meeting brief as a Document: the facts of services.document_facts, laid out.

Only reads, through the services; the renderers (PDF, Markdown) never touch the store.
"""

from __future__ import annotations

from datetime import timedelta

from upwardprep.export import model as m
from upwardprep.export.formatting import (
    day,
    kind_and_title,
    kind_label,
    local,
    progress_of,
    short_day,
)
from upwardprep.services import Services, ValidationError
from upwardprep.services.document_facts import ActionFact, PriorityFact
from upwardprep.services.labels import ActionOwner, MeetingStatus, label_of, meeting_kind_noun
from upwardprep.services.meetings import MeetingData
from upwardprep.services.outcomes import OutcomeData

BRIEF_OUTCOMES_MAX = 10
BRIEF_PRIORITIES_MAX = 8
BRIEF_ACTIONS_MAX = 12
BRIEF_RISKS_MAX = 6
BRIEF_AGENDA_NOTES_MAX = 6  # agenda items up to which the brief prints each item's text
# How the brief's action table names an owner.
OWNER_WORDS = {ActionOwner.ME: "me", ActionOwner.THEM: "them", ActionOwner.PERSON: "someone else"}


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
    planned = services.meetings.list(person_id=person_id, status=MeetingStatus.PLANNED)
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
    meeting: MeetingData, risks: list[OutcomeData], stale: list[PriorityFact]
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
        add("Confirm " + "; ".join(fact.priority.title for fact in stale[:2]))
    for item in ranked:
        add(item.title)
    return chosen


def _action_row(action: ActionFact) -> tuple[str, str, str, str]:
    due = ""
    if action.due_on:
        due = short_day(action.due_on) + (" (overdue)" if action.overdue else "")
    carried = f"{action.carry_count}×" if action.carry_count else ""
    return (action.title, label_of(OWNER_WORDS, action.owner), due or "—", carried)


def brief_document(
    services: Services,
    meeting_id: str,
    *,
    author: str | None = None,
    stale_days: int | None = None,
) -> m.Document:
    facts = services.facts.brief(meeting_id, stale_days=stale_days)
    meeting, person, today = facts.meeting, facts.person, facts.today
    start = local(meeting.scheduled_at)
    with_whom = person.name if person else (meeting.title or "—")
    kind = meeting_kind_noun(meeting.kind)
    what = f"{kind} with {with_whom}" if with_whom != "—" else kind
    headline = f"{what} · {day(start.date())} · {meeting.duration_minutes} min"
    since = facts.since
    outcomes = list(facts.outcomes)
    risks = list(facts.risks)
    priorities = list(facts.priorities[:BRIEF_PRIORITIES_MAX])
    stale = [fact for fact in priorities if fact.stale]
    actions = list(facts.actions)

    rows = [("With", with_whom + (f", {person.title}" if person and person.title else ""))]
    rows.append(("When", f"{day(start.date())}, {start:%H:%M} · {meeting.duration_minutes} min"))
    rows.append(("Kind", kind_and_title(meeting)))
    if facts.last_held_on:
        rows.append(("Last 1:1", day(facts.last_held_on)))

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
        (short_day(o.occurred_on), kind_label(o.kind), o.title, o.metric_delta) for o in shown
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

    action_rows = tuple(_action_row(a) for a in actions[:BRIEF_ACTIONS_MAX])
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
            (m.ProgressList(tuple(progress_of(fact) for fact in priorities)),)
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
        author=author or services.settings.author() or "me",
        subject=f"Meeting brief for the {what} on {day(start.date())}",
        generated=today,
        sections=sections,
        intro=(m.Facts(tuple(rows)),),
        keywords=("meeting brief", "1:1", with_whom),
    )
