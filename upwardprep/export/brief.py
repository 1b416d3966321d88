"""The meeting brief as a Document: the facts of services.document_facts, laid out.

Only reads, through the services; the renderers (PDF, Markdown) never touch the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from upwardprep.export import inline
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
from upwardprep.services.brief_facts import ActionFact, BriefFacts
from upwardprep.services.labels import MeetingStatus, meeting_kind_noun
from upwardprep.services.meetings import MeetingData


@dataclass(frozen=True)
class Caps:
    """How much of each list a brief prints: a tighter set when the first does not fit two
    pages (a crowded store), so the brief keeps to two pages and its notes space."""

    agenda: int
    agenda_notes: int  # agenda items up to which each item's text is printed
    outcomes: int
    priorities: int
    risks: int
    actions: int
    title: int  # characters of a title in a table row


DENSITIES = (
    Caps(agenda=16, agenda_notes=6, outcomes=10, priorities=8, risks=6, actions=12, title=160),
    Caps(agenda=12, agenda_notes=0, outcomes=6, priorities=6, risks=4, actions=8, title=120),
    Caps(agenda=9, agenda_notes=0, outcomes=4, priorities=4, risks=3, actions=5, title=90),
    Caps(agenda=6, agenda_notes=0, outcomes=3, priorities=3, risks=2, actions=3, title=70),
)
NOTE_CHARS = 240  # of an agenda item's text under its title
NOTE_LINES = 6  # the fewest ruled lines of the notes space; more where the page has room


def first_density(facts: BriefFacts) -> int:
    """Where to start: a store whose lists would overflow the roomiest layout starts one step
    tighter (each layout tried costs a rendering)."""
    roomy = DENSITIES[0]
    rows = (
        min(len(facts.meeting.agenda), roomy.agenda)
        + min(facts.outcomes_total, roomy.outcomes)
        + min(facts.risks_total, roomy.risks)
        + min(len(facts.actions), roomy.actions)
        + 2 * min(len(facts.priorities), roomy.priorities)
    )
    return 1 if rows > 40 else 0


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def _action_row(action: ActionFact, caps: Caps) -> tuple[str, str, str, str]:
    due = ""
    if action.due_on:
        due = short_day(action.due_on) + (" (overdue)" if action.overdue else "")
    carried = f"{action.carry_count}×" if action.carry_count else ""
    return (_clip(action.title, caps.title), action.owner_name, due or "—", carried)


def _more(count: int, what: str, one: str) -> list[m.Block]:
    """ "and 3 more open risks." (`one`: the words for a single one)."""
    return [m.Text(f"and {count} more {what if count > 1 else one}.", "muted")] if count > 0 else []


def brief_document(
    services: Services,
    meeting_id: str,
    *,
    author: str | None = None,
    stale_days: int | None = None,
    density: int = 0,
    facts: BriefFacts | None = None,
) -> m.Document:
    """`facts`: read already (laying a crowded brief out again needs no second read)."""
    facts = facts or services.briefs.facts_for(meeting_id, stale_days=stale_days)
    caps = DENSITIES[min(max(density, 0), len(DENSITIES) - 1)]
    meeting, person, today = facts.meeting, facts.person, facts.today
    start = local(meeting.scheduled_at)
    with_whom = person.name if person else (meeting.title or "—")
    kind = meeting_kind_noun(meeting.kind)
    what = f"{kind} with {with_whom}" if with_whom != "—" else kind
    headline = f"{what} · {day(start.date())} · {meeting.duration_minutes} min"
    since = facts.since
    you = facts.you

    rows = [("With", with_whom + (f", {person.title}" if person and person.title else ""))]
    rows.append(("When", f"{day(start.date())}, {start:%H:%M} · {meeting.duration_minutes} min"))
    rows.append(("Kind", kind_and_title(meeting)))
    if facts.last_held_on:
        rows.append(("Last 1:1", day(facts.last_held_on)))

    # The fitted agenda, once; what waits under "If time allows" is one line.
    planned = list(meeting.agenda)
    shown_items = planned[: caps.agenda]
    agenda_rows = tuple(
        (
            str(index),
            _clip(item.title, caps.title),
            _clip(item.section, 40),
            f"{item.time_box_minutes} min" if item.time_box_minutes else "—",
        )
        for index, item in enumerate(shown_items, start=1)
    )
    notes = (
        tuple(inline.clipped(inline.flattened(item.body), NOTE_CHARS) for item in shown_items)
        if len(planned) <= caps.agenda_notes
        else ()
    )
    agenda: list[m.Block] = []
    if agenda_rows:
        agenda.append(
            m.Table(
                header=("#", "Item", "Section", "Time"),
                rows=agenda_rows,
                widths=(0.05, 0.56, 0.29, 0.10),
                align=("right", "left", "left", "right"),
                notes=notes,
                main=1,
            )
        )
        minutes = meeting.planned_minutes
        agenda.append(
            m.Text(
                f"{minutes} of {meeting.duration_minutes} minutes planned"
                + (" — over the time available." if minutes > meeting.duration_minutes else "."),
                "muted",
            )
        )
    else:
        agenda.append(m.Text("No agenda items yet.", "muted"))
    waiting = len(planned) - len(shown_items) + len(meeting.if_time_allows)
    if waiting:
        agenda.append(m.Text(f"+{waiting} more, see the app.", "muted"))

    outcomes = list(facts.outcomes)
    shown = outcomes[-caps.outcomes :] if caps.outcomes else []
    outcome_rows = tuple(
        (short_day(o.occurred_on), kind_label(o.kind), _clip(o.title, caps.title), o.metric_delta)
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
    earlier = facts.outcomes_total - len(shown)
    if earlier > 0:
        outcome_blocks.append(m.Text(f"and {earlier} earlier ones since {day(since)}.", "muted"))

    # The asks above are not repeated: the other open risks, those with an ask first.
    landed = {ask.about for ask in facts.land}
    others = [r for r in facts.risks if r.title not in landed]
    others.sort(key=lambda r: (not r.ask, -r.occurred_on.toordinal()))
    shown_risks = others[: caps.risks]
    risk_rows = tuple(
        (
            _clip(r.title, caps.title),
            inline.clipped(r.ask, caps.title) or "—",
            short_day(r.occurred_on),
        )
        for r in shown_risks
    )
    risk_blocks: list[m.Block] = (
        [
            m.Table(
                header=("Risk", "Ask", "Raised"),
                rows=risk_rows,
                widths=(0.42, 0.43, 0.15),
                markdown=(1,),  # the ask, as the user wrote it
            )
        ]
        if risk_rows
        else [
            m.Text(
                "No other open risks." if facts.land and facts.risks else "No open risks.",
                "muted",
            )
        ]
    )
    landed_risks = len(facts.risks) - len([r for r in facts.risks if r.title not in landed])
    risk_blocks += _more(
        facts.risks_total - landed_risks - len(shown_risks), "open risks", "open risk"
    )

    actions = list(facts.actions)
    action_rows = tuple(_action_row(a, caps) for a in actions[: caps.actions])
    action_blocks: list[m.Block] = (
        [
            m.Table(
                header=("Action", "Owner", "Due", "Carried"),
                rows=action_rows,
                widths=(0.50, 0.17, 0.23, 0.10),
                align=("left", "left", "left", "right"),
            )
        ]
        if action_rows
        else [m.Text("No open action items.", "muted")]
    )
    action_blocks += _more(len(actions) - len(action_rows), "action items", "action item")

    priorities = list(facts.priorities[: caps.priorities])
    priority_blocks: list[m.Block] = (
        [m.ProgressList(tuple(progress_of(fact, you) for fact in priorities))]
        if priorities
        else [m.Text("No priorities recorded yet.", "muted")]
    )
    priority_blocks += _more(len(facts.priorities) - len(priorities), "priorities", "priority")

    sections = (
        m.Section(
            "land",
            "Land these three",
            (
                m.Callout(
                    "Land these three",
                    tuple(
                        f"{ask.text.rstrip('.')} — {inline.literal(ask.owner)}"
                        for ask in facts.land
                    ),
                    empty="No asks or decisions are open: add one to the agenda.",
                    markdown=True,  # an ask as the user wrote it
                ),
            ),
            show_title=False,
        ),
        m.Section("agenda", "Agenda", tuple(agenda)),
        m.Section("priorities", "Priorities", tuple(priority_blocks)),
        m.Section("outcomes", "Outcomes since the last 1:1", tuple(outcome_blocks)),
        m.Section("risks", "Risks and asks", tuple(risk_blocks)),
        m.Section("actions", "Open action items", tuple(action_blocks)),
        m.Section(
            "notes",
            "Notes",
            (
                m.Text("Decisions, asks and follow-ups from the meeting:", "small"),
                m.NoteLines(NOTE_LINES),
            ),
            fill=True,
        ),
    )
    return m.Document(
        kind="brief",
        title=f"Meeting brief: {what}, {short_day(start.date())}",
        headline=headline,
        person=with_whom if with_whom != "—" else "",
        author=author or facts.user_name,
        subject=f"Meeting brief for the {what} on {day(start.date())}",
        generated=today,
        sections=sections,
        intro=(m.Facts(tuple(rows)),),
        keywords=("meeting brief", "1:1", with_whom),
    )
