"""The review packet as a Document: the facts of services.document_facts, edited like a report.

A reviewer holds it in their hands, so it is edited, not dumped: each outcome appears once,
under its primary priority (the one the user marked, else the first it links, among those the
packet covers: OutcomeData.primary_priority), with "Also supports: …" naming the others; each
priority opens with its two or three strongest outcomes;
the summary page gives the figures, the month-by-month chart and the top highlights. When the
full text of every note would push the packet past about 20 pages, the detail moves to an
appendix and the body keeps the highlights and one line per note. Private notes go in only
when the user asks, and are then marked on every page. Nothing in it coaches the author: the
recency figure is stated, the advice goes to the app and the CLI (services.recency).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from upwardprep.export import model as m
from upwardprep.export.formatting import (
    day,
    entry,
    kind_and_title,
    kind_label,
    local,
    progress_of,
    short_day,
)
from upwardprep.services import Services
from upwardprep.services.document_facts import PacketFacts
from upwardprep.services.labels import CYCLE_KIND_LABELS, OutcomeKind, PriorityStatus, label_of
from upwardprep.services.outcomes import OutcomeData
from upwardprep.services.recency import recency

Progress = Callable[[float, str], None]
FULL_TEXT_LIMIT = 150  # notes in a packet's period up to which it prints their bodies
PAGE_BUDGET = 20  # past this many estimated pages, the full notes move to an appendix
LINES_PER_PAGE = 48  # body lines of a page, for that estimate
HIGHLIGHTS_PER_PRIORITY = 3
TOP_HIGHLIGHTS = 3
KIND_STRENGTH = {
    OutcomeKind.WIN.value: 3,
    OutcomeKind.PROGRESS.value: 2,
    OutcomeKind.DECISION.value: 1,
}


def _months(start: date, end: date) -> list[date]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def strength(note: OutcomeData) -> int:
    """How strongly a note shows a result: a win with a number and evidence ranks first."""
    if note.kind == OutcomeKind.RISK:
        return 0
    score = KIND_STRENGTH.get(note.kind, 0)
    score += 3 if note.metric_delta else 0
    score += 2 if note.evidence_url else 0
    score += 1 if note.impact.strip() else 0
    return score


def highlight(note: OutcomeData) -> str:
    figure = f" ({note.metric_delta})" if note.metric_delta else ""
    return f"{note.title}{figure} — {short_day(note.occurred_on)}"


def _estimated_lines(note: OutcomeData, full: bool) -> float:
    lines = 3.0 + (1 if note.impact.strip() else 0) + (1 if note.ask.strip() else 0)
    lines += 1 if note.evidence_url else 0
    if full and note.body.strip():
        lines += sum(1 + len(line) // 95 for line in note.body.splitlines() if line.strip())
    return lines


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
    you = who or "You"  # the owner of the user's own priorities and actions
    report(0.02, "Reading outcome notes, priorities and meetings")
    facts = services.facts.packet(cycle_id, include_private=include_private, stale_days=stale_days)
    cycle, today, people = facts.cycle, facts.today, facts.people
    start, end = cycle.period_start, cycle.period_end
    period = f"{day(start)} – {day(end)}"
    full = len(facts.notes) <= FULL_TEXT_LIMIT

    report(0.2, "Grouping outcomes by priority")
    covered = [fact.priority for fact in facts.priorities]
    covered_ids = {p.id for p in covered}
    titles = {p.id: p.title for p in covered}
    for note in facts.work:
        for pid, title in zip(note.priority_ids, note.priority_titles, strict=False):
            titles.setdefault(pid, title)
    groups: dict[str, list[OutcomeData]] = {}
    for note in facts.work:
        primary = note.primary_priority(covered_ids)
        if primary is not None:
            groups.setdefault(primary, []).append(note)
    ranked = sorted(facts.work, key=lambda n: (-strength(n), -n.occurred_on.toordinal()))
    top = [note for note in ranked if strength(note) >= 3][:TOP_HIGHLIGHTS]
    named_once_more = {note.id for note in top}

    def make_entry(note: OutcomeData, primary: str | None) -> m.Entry:
        others = [titles.get(pid, "") for pid in note.priority_ids if pid != primary]
        base = entry(note, people, full=full)
        also = "Also supports: " + "; ".join(t for t in others if t) if any(others) else ""
        return m.Entry(
            title=base.title,
            meta=_meta(note, people),
            body=base.body,
            impact=base.impact,
            ask=base.ask,
            evidence_url=base.evidence_url,
            also=also,
            private=note.private,
        )

    lines = sum(_estimated_lines(n, full) for n in facts.notes)
    lines += 14 * len(facts.meetings) + 60  # the 1:1 summaries, the summary and progress pages
    detail_apart = lines / LINES_PER_PAGE > PAGE_BUDGET

    grouped: list[m.Block] = []
    appendix_detail: list[m.Block] = []
    order = [p.id for p in covered] + [pid for pid in groups if pid not in covered_ids]
    for pid in order:
        notes = groups.get(pid, [])
        if not notes:
            continue
        fact = next((f for f in facts.priorities if f.priority.id == pid), None)
        if fact is not None:
            bar = progress_of(fact, you)
            meta = f"{bar.owner} · {bar.status_label} · {bar.figure}"
        else:
            meta = "outside this period"
        meta += f" · {len(notes):,} outcome{'s' if len(notes) != 1 else ''}"
        grouped.append(m.Heading(titles.get(pid, "Priority"), anchor=f"priority-{pid}", meta=meta))
        strongest = [
            note
            for note in sorted(notes, key=lambda n: (-strength(n), -n.occurred_on.toordinal()))
            if strength(note) >= 3 and note.id not in named_once_more
        ][:HIGHLIGHTS_PER_PRIORITY]
        if strongest and (len(notes) > len(strongest) or detail_apart):
            grouped.append(m.Callout("Highlights", tuple(highlight(n) for n in strongest)))
            named_once_more.update(note.id for note in strongest)
        entries = [make_entry(note, pid) for note in notes]
        if detail_apart and not full:
            # The appendix's entries are already one short block each: a list here would
            # only repeat their titles (and, at 1,000 notes, add twenty pages).
            grouped.append(m.Text(f"All {len(notes):,} in the appendix, by date.", "muted"))
            appendix_detail.append(m.Heading(titles.get(pid, "Priority"), meta=meta))
            appendix_detail.extend(entries)
        elif detail_apart:
            grouped.append(
                m.Table(
                    header=("Date", "Kind", "Outcome"),
                    rows=tuple(
                        (short_day(n.occurred_on), kind_label(n.kind), n.title)
                        for n in notes
                        if n.id not in named_once_more
                    ),
                    widths=(0.16, 0.16, 0.68),
                )
            )
            appendix_detail.append(m.Heading(titles.get(pid, "Priority"), meta=meta))
            appendix_detail.extend(entries)
        else:
            grouped.extend(entries)
    silent = [p.title for p in covered if p.id not in groups and p.status != PriorityStatus.DROPPED]
    if silent:
        grouped.append(m.Text("No outcomes documented for: " + "; ".join(silent) + ".", "muted"))
    if not grouped:
        grouped.append(m.Text("No outcomes linked to a priority in this period.", "muted"))
    if not full:
        grouped.insert(
            0,
            m.Text(
                f"With {len(facts.notes):,} notes in the period, each is shown by its title, "
                "impact and evidence; the full text stays in the notes.",
                "muted",
            ),
        )
    if detail_apart:
        grouped.insert(
            0,
            m.Text(
                "Each priority's strongest outcomes, then one line per outcome; every outcome in "
                "full is in the appendix “Outcomes in full”.",
                "muted",
            ),
        )

    report(0.3, "Feedback, learning and 1:1s")
    sections = [
        m.Section("summary", "Summary", tuple(_summary(facts, period, top)), new_page=True),
        m.Section(
            "priorities",
            "Priority progress",
            (m.ProgressList(tuple(progress_of(fact, you) for fact in facts.priorities)),)
            if facts.priorities
            else (m.Text("No priorities in this period.", "muted"),),
            new_page=True,  # the summary fills its page; a list split across two reads badly
        ),
        m.Section("outcomes", "Outcomes by priority", tuple(grouped), new_page=True),
        m.Section(
            "unaligned",
            "Unaligned outcomes",
            tuple(make_entry(o, None) for o in facts.unaligned)
            or (m.Text("Every outcome is linked to a priority.", "muted"),),
        ),
        m.Section(
            "feedback",
            "Feedback log",
            tuple(make_entry(o, None) for o in facts.feedback)
            or (m.Text("No feedback recorded in this period.", "muted"),),
        ),
        m.Section(
            "learning",
            "Learning and development",
            tuple(make_entry(o, None) for o in facts.learning)
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
        m.Section(
            "appendix", "Appendix: 1:1 summaries", tuple(_meetings(facts, you)), new_page=True
        ),
    ]
    if appendix_detail:
        sections.append(
            m.Section("details", "Appendix: outcomes in full", tuple(appendix_detail), True)
        )
    role = services.settings.your_role()
    cover = m.Cover(
        kind="Review packet",
        title=cycle.name,
        rows=tuple(
            (label, value)
            for label, value in (
                ("Person", who),
                ("Role", role),
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
        sections=tuple(sections),
        cover=cover,
        contents=True,
        keywords=("review packet", cycle.name),
        band="Contains private notes" if include_private else "",
        advice=tuple(
            text
            for text in (recency([o.occurred_on for o in facts.notes], start, end).advice(),)
            if text
        ),
    )


def _meta(note: OutcomeData, people: dict[str, str]) -> str:
    """Date, kind, figure and person; the priorities are the heading above and "also"."""
    parts = [short_day(note.occurred_on), kind_label(note.kind)]
    if note.metric_delta:
        parts.append(note.metric_delta)
    if note.person_id and note.person_id in people:
        parts.append(people[note.person_id])
    return " · ".join(parts)


def _summary(facts: PacketFacts, period: str, top: list[OutcomeData]) -> list[m.Block]:
    priorities = [fact.priority for fact in facts.priorities]
    done = sum(1 for p in priorities if p.status == PriorityStatus.DONE)
    counted = [p for p in priorities if p.status != PriorityStatus.DROPPED]
    measured = [p for p in counted if p.metric_target]
    progress = [min(1.0, p.progress or 0.0) for p in measured]
    on_time, due = facts.actions_on_time, facts.actions_due
    figures = m.Figures(
        (
            (
                f"{len(facts.notes):,}",
                "outcomes documented",
                f"{len(facts.work):,} results, {len(facts.feedback):,} feedback, "
                f"{len(facts.learning):,} learning",
            ),
            (
                f"{done}/{len(counted)}",
                "priorities completed",
                f"{sum(1 for p in counted if p.status == PriorityStatus.AT_RISK)} at risk",
            ),
            (
                f"{round(100 * on_time / due)} %" if due else "—",
                "action items done on time",
                f"{on_time} of {due} due in the period",
            ),
            (
                f"{round(100 * sum(progress) / len(progress))} %" if progress else "—",
                "metric progress",
                f"average to target, {len(measured)} measured priorities",
            ),
        )
    )
    start, end = facts.cycle.period_start, facts.cycle.period_end
    counts = Counter(date(o.occurred_on.year, o.occurred_on.month, 1) for o in facts.notes)
    chart = m.MonthlyChart(
        "Documented outcomes per month",
        tuple((f"{month:%b %Y}", counts.get(month, 0)) for month in _months(start, end)),
        recency([o.occurred_on for o in facts.notes], start, end).statement(),
    )
    blocks: list[m.Block] = [
        m.Facts(
            (
                ("Period", period),
                ("Reviewer", facts.cycle.reviewer_name or "—"),
                ("Kind", label_of(CYCLE_KIND_LABELS, facts.cycle.kind)),
            )
        ),
        figures,
        chart,
    ]
    if top:
        blocks.append(m.Callout("Top highlights", tuple(highlight(n) for n in top)))
    return blocks


def _meetings(facts: PacketFacts, you: str) -> list[m.Block]:
    blocks: list[m.Block] = []
    for meeting in facts.meetings:
        when = local(meeting.scheduled_at).date()
        blocks.append(
            m.Heading(
                f"{day(when)} — {meeting.person_name or meeting.title or 'meeting'}",
                anchor=f"meeting-{meeting.id}",
                meta=kind_and_title(meeting),
            )
        )
        discussed = [item.title for item in meeting.agenda_items if item.discussed]
        if discussed:
            blocks.append(m.Text("Discussed", "label"))
            blocks.append(m.Bullets(tuple(discussed)))
        for label, text in (("Notes", meeting.notes), ("Decisions", meeting.decisions)):
            text = _without_heading(text, label)
            if text.strip():
                blocks.append(m.Text(label, "label"))
                blocks.append(m.Markdown(text))
        if meeting.action_items:
            rows = tuple(
                (
                    item.title,
                    _owner(item.owner, meeting.person_name, you),
                    short_day(item.due_on) if item.due_on else "—",
                    "done" if not item.is_open else "open",
                )
                for item in meeting.action_items
            )
            blocks.append(m.Text("Action items", "label"))
            blocks.append(
                m.Table(
                    header=("Action", "Owner", "Due", "State"),
                    rows=rows,
                    widths=(0.52, 0.2, 0.16, 0.12),
                )
            )
    if not blocks:
        blocks.append(m.Text("No 1:1s were held in this period.", "muted"))
    return blocks


def _owner(owner: str, person: str | None, you: str) -> str:
    if owner == "me":
        return you
    if owner == "them":
        return person or "them"
    return "someone else"


def _without_heading(text: str, label: str) -> str:
    """The text without a first line that only repeats the label ("## Notes" under Notes)."""
    first, _, rest = text.strip().partition("\n")
    return rest if first.lstrip("#").strip().casefold() == label.casefold() else text
