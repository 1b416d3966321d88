"""The handoff packet as a Document: one working relationship, for whoever takes it over.

The facts (and the rule that private notes stay out) come from services.handoff; this lays them
out: the 1:1 rhythm, each priority with its history and what was delivered for it, what is owed
both ways, and the decisions taken.
"""

from __future__ import annotations

from upwardprep.export import model as m
from upwardprep.export.formatting import local, short_day, status_label
from upwardprep.services import Services
from upwardprep.services.handoff import HandoffFacts, PriorityRecord
from upwardprep.services.labels import cadence_text
from upwardprep.services.meetings import ActionItemData
from upwardprep.services.priorities import PriorityChangeData

ROLE_NOUNS = {
    "manager": "manager",
    "skip-level": "skip-level manager",
    "report": "report",
    "peer": "peer",
    "stakeholder": "stakeholder",
}
FIELD_NAMES = {
    "title": "Title",
    "description": "Description",
    "measure": "Measure",
    "metric_unit": "Unit",
    "metric_target": "Target",
    "metric_current": "Current",
    "status": "Status",
    "period_start": "Starts",
    "period_end": "Ends",
    "owner_id": "Owner",
    "parent_id": "Aligned to",
    "rank": "Rank",
}
OUTCOMES_PER_PRIORITY = 8  # the newest; the rest are counted


def handoff_document(
    services: Services, person_id: str, *, author: str | None = None
) -> m.Document:
    facts = services.handoff.facts(person_id)
    person = facts.person
    who = author or services.settings.author()
    role = ROLE_NOUNS.get(person.role, person.role)
    rhythm: list[m.Block] = [_rhythm(facts)]
    if person.preferences.strip():
        rhythm += [
            m.Text(f"How {person.name} likes to work", "label"),
            m.Markdown(person.preferences),
        ]
    sections = (
        m.Section("rhythm", "The 1:1 rhythm", tuple(rhythm)),
        m.Section(
            "priorities",
            "Priorities and what was delivered",
            tuple(block for record in facts.priorities for block in _priority(record))
            or (m.Text(f"No priorities recorded for {person.name}.", "muted"),),
            new_page=True,
        ),
        m.Section("commitments", "Open commitments", _commitments(facts), new_page=True),
        m.Section(
            "decisions",
            "Decisions",
            tuple(
                block
                for decision in facts.decisions
                for block in (
                    m.Heading(f"{short_day(decision.held_on)} — {decision.meeting}"),
                    m.Markdown(decision.text),
                )
            )
            or (m.Text("No decisions recorded in their 1:1s.", "muted"),),
        ),
    )
    cover = m.Cover(
        kind="Handoff packet",
        title=f"Working with {person.name}",
        rows=tuple(
            (label, value)
            for label, value in (
                ("Person", person.name + (f", {person.title}" if person.title else "")),
                ("Relationship", f"{who}'s {role}"),
                ("Prepared by", who),
                ("Prepared", short_day(facts.today)),
            )
            if value
        ),
        notice="Confidential · no private notes",
    )
    return m.Document(
        kind="handoff",
        title=f"Handoff packet: {person.name}",
        headline=f"Working with {person.name}",
        person=person.name,
        author=who,
        subject=f"Handoff packet for the working relationship with {person.name}",
        generated=facts.today,
        sections=sections,
        cover=cover,
        contents=True,
        keywords=("handoff packet", person.name),
    )


def _rhythm(facts: HandoffFacts) -> m.Facts:
    rhythm = facts.rhythm
    rows = [
        ("Cadence", cadence_text(rhythm.cadence_days) or "not set"),
        (
            "Held",
            f"{rhythm.held} 1:1{'s' if rhythm.held != 1 else ''}"
            + (
                f", {short_day(rhythm.first_held)} – {short_day(rhythm.last_held)}"
                if rhythm.first_held and rhythm.last_held
                else ""
            ),
        ),
    ]
    if rhythm.average_gap_days is not None:
        rows.append(("In practice", f"every {round(rhythm.average_gap_days)} days on average"))
    if rhythm.typical_minutes:
        rows.append(("Length", f"{rhythm.typical_minutes} minutes"))
    if rhythm.next_planned:
        when = local(rhythm.next_planned)
        rows.append(("Next", f"{short_day(when.date())}, {when:%H:%M}"))
    return m.Facts(tuple(rows))


def _priority(record: PriorityRecord) -> list[m.Block]:
    priority = record.priority
    meta = [record.owner or "mine", status_label(priority.status)]
    if priority.metric_target:
        unit = f" {priority.metric_unit}" if priority.metric_unit else ""
        meta.append(f"{priority.metric_current or 0:g}/{priority.metric_target:g}{unit}")
    if record.aligned_to:
        meta.append(f"serves “{record.aligned_to}”")
    blocks: list[m.Block] = [
        m.Heading(priority.title, anchor=f"priority-{priority.id}", meta=" · ".join(meta))
    ]
    if priority.measure.strip():
        blocks.append(m.Text(f"Measured by: {priority.measure}", "small"))
    history = [_change_row(change) for change in record.changes]
    if history:
        blocks.append(m.Table(header=("Date", "Change"), rows=tuple(history), widths=(0.18, 0.82)))
    shown = record.outcomes[:OUTCOMES_PER_PRIORITY]
    if shown:
        blocks.append(m.Text("Delivered", "label"))
        blocks.append(
            m.Bullets(
                tuple(
                    f"{short_day(o.occurred_on)}: {o.title}"
                    + (f" ({o.metric_delta})" if o.metric_delta else "")
                    for o in shown
                )
            )
        )
        if len(record.outcomes) > len(shown):
            more = len(record.outcomes) - len(shown)
            blocks.append(m.Text(f"and {more:,} earlier outcome notes.", "muted"))
    else:
        blocks.append(m.Text("No outcomes recorded for it yet.", "muted"))
    return blocks


def _change_row(change: PriorityChangeData) -> tuple[str, str]:
    when = short_day(local(change.changed_at).date())
    if change.field == "created":
        return when, "Created"
    if change.field == "confirmed":
        note = (change.new_value or "").strip()
        return when, note if note.casefold().startswith(
            "confirmed"
        ) else f"Confirmed {note}".strip()
    name = FIELD_NAMES.get(change.field, change.field.replace("_", " ").capitalize())
    if change.field in ("description", "owner_id", "parent_id"):
        return when, f"{name} changed"
    return when, f"{name}: {change.old_value or '—'} → {change.new_value or '—'}"


def _commitments(facts: HandoffFacts) -> tuple[m.Block, ...]:
    name = facts.person.name
    return (
        m.Text(f"What I owe {name}", "label"),
        _actions(facts.mine, facts, owner=False) or m.Text("Nothing open.", "muted"),
        m.Text(f"What {name} and others owe me", "label"),
        _actions(facts.theirs, facts, owner=True) or m.Text("Nothing open.", "muted"),
    )


def _actions(
    items: tuple[ActionItemData, ...], facts: HandoffFacts, *, owner: bool
) -> m.Table | None:
    rows = []
    for item in items:
        due = short_day(item.due_on) if item.due_on else "—"
        if item.due_on and item.due_on < facts.today:
            due += " (overdue)"
        who = facts.person.name if item.owner == "them" else "someone else"
        carried = f"carried {item.carry_count}×" if item.carry_count else ""
        rows.append((item.title, *((who,) if owner else ()), due, carried))
    header = ("Action", *(("Owner",) if owner else ()), "Due", "")
    widths = (0.5, 0.18, 0.2, 0.12) if owner else (0.62, 0.24, 0.14)
    return m.Table(header=header, rows=tuple(rows), widths=widths) if rows else None
