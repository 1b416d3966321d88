"""The review packet as a Document: the facts of services.document_facts, laid out.

Private notes go into a packet only when the user asks for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from upwardprep.export import model as m
from upwardprep.export.formatting import day, entry, kind_and_title, local, progress_of, short_day
from upwardprep.services import Services
from upwardprep.services.labels import CYCLE_KIND_LABELS, PriorityStatus, label_of

Progress = Callable[[float, str], None]
FULL_TEXT_LIMIT = 150  # notes in a packet's period up to which it prints their bodies


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


def packet_document(
    services: Services,
    cycle_id: str,
    *,
    include_private: bool = False,
    author: str | None = None,
    progress: Progress | None = None,
    stale_days: int | None = None,
) -> m.Document:
    report = progress or (lambda fraction, text: None)
    who = author or services.settings.author()  # "" when nobody said: no "prepared by"
    you = who or "You"
    report(0.02, "Reading outcome notes, priorities and meetings")
    facts = services.facts.packet(cycle_id, include_private=include_private, stale_days=stale_days)
    cycle, today, people = facts.cycle, facts.today, facts.people
    start, end = cycle.period_start, cycle.period_end
    notes = list(facts.notes)
    priorities = [fact.priority for fact in facts.priorities]
    meetings = list(facts.meetings)
    documented, feedback, learning = list(facts.work), list(facts.feedback), list(facts.learning)

    # summary figures
    done = sum(1 for p in priorities if p.status == PriorityStatus.DONE)
    counted = [p for p in priorities if p.status != PriorityStatus.DROPPED]
    on_time, due_total = facts.actions_on_time, facts.actions_due
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
                f"{sum(1 for p in counted if p.status == PriorityStatus.AT_RISK)} at risk",
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
                ("Kind", label_of(CYCLE_KIND_LABELS, cycle.kind)),
            )
        ),
        figures,
        chart,
    ]
    report(0.2, "Grouping outcomes by priority")

    by_priority = {pid: list(items) for pid, items in facts.by_priority}
    unaligned = list(facts.unaligned)
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
    for fact in facts.priorities:
        priority = fact.priority
        items = by_priority.get(priority.id, [])
        if not items:
            continue
        bar = progress_of(fact, you)
        grouped.append(
            m.Heading(
                priority.title,
                anchor=f"priority-{priority.id}",
                meta=f"{bar.owner} · {bar.status_label} · {bar.figure} · "
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
    silent = [
        p.title
        for p in priorities
        if p.id not in by_priority and p.status != PriorityStatus.DROPPED
    ]
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
                meta=kind_and_title(meeting),
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
            (m.ProgressList(tuple(progress_of(fact, you) for fact in facts.priorities)),)
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
