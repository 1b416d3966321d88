"""Bringing an agenda in line with a new draft, leaving the user's work alone.

Every drafted item names its source (`source_type`, `source_id`), which is how drafting again
recognises it: the user's own items and every item the user edited stay exactly as they are,
drafted ones are updated, those whose source no longer applies go (unless already discussed),
what is new is added next to its section, and nothing is added twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.meetings import MeetingService
from upwardprep.store.entities import AgendaItem, Meeting

SECTION_ACTIONS = "Carried actions"
SECTION_RISKS = "Risks and asks"
SECTION_OUTCOMES = "Outcomes"
SECTION_CONFIRM = "Confirm"
SECTIONS = (SECTION_ACTIONS, SECTION_RISKS, SECTION_OUTCOMES, SECTION_CONFIRM)
# The template's items come last, in a section named after the template.
TEMPLATE_RANK = len(SECTIONS)

SOURCE_RANK = {
    "action": 0,
    "risk": 1,
    "ask": 1,
    "outcomes": 2,
    "outcome": 2,
    "priority": 3,
    "template": TEMPLATE_RANK,
}


@dataclass(frozen=True)
class Draft:
    """One item the draft wants on the agenda."""

    section: str
    title: str
    body: str
    minutes: int | None
    source_type: str
    source_id: str
    rank: int  # which section, for placing new items

    @property
    def key(self) -> tuple[str, str, str]:
        return draft_key(self.source_type, self.source_id, self.title)


def draft_key(source_type: str | None, source_id: str | None, title: str) -> tuple[str, str, str]:
    # Template items share their template's id; their title tells them apart.
    return (
        source_type or "",
        source_id or "",
        title.casefold() if source_type == "template" else "",
    )


def merge(
    session: Session, meetings: MeetingService, meeting: Meeting, wanted: list[Draft]
) -> None:
    """Bring the agenda in line with the draft, leaving the user's work alone."""
    items = sorted(meeting.agenda_items, key=lambda i: (i.position, i.pk or 0))
    # What the user removed from this agenda (kept aside) is not drafted again.
    removed = session.execute(
        select(AgendaItem.source_type, AgendaItem.source_id, AgendaItem.title).where(
            AgendaItem.meeting_id == meeting.id,
            AgendaItem.deleted_at.is_not(None),
            AgendaItem.source_type.is_not(None),
        )
    ).all()
    # An action carried since it was drafted is now its copy at the head of the chain.
    actions = [i.source_id for i in items if i.source_type == "action" and i.source_id]
    actions += [source_id for kind, source_id, _ in removed if kind == "action" and source_id]
    heads = meetings.chain_heads(session, actions)
    for item in items:
        if item.source_type == "action" and item.source_id in heads:
            item.source_id = heads[item.source_id]
    drafts = {draft.key: draft for draft in wanted}
    present = {draft_key(i.source_type, i.source_id, i.title) for i in items if i.source_type}
    # An item the user edited holds its place in the draft: nothing is added beside it.
    taken = {
        draft_key(kind, heads.get(source_id or "", source_id), title)
        for kind, source_id, title in removed
    }
    taken.update(
        draft_key(i.source_type, i.source_id, i.title)
        for i in items
        if i.source_type and i.user_edited
    )
    # A template item the user renamed no longer matches its heading by title: it stands
    # for the template's next heading that nothing on the agenda matches.
    for template_id in {i.source_id for i in items if i.source_type == "template"}:
        renamed = [
            i
            for i in items
            if i.source_type == "template"
            and i.source_id == template_id
            and i.user_edited
            and draft_key(i.source_type, i.source_id, i.title) not in drafts
        ]
        free = [
            d
            for d in wanted
            if d.source_type == "template" and d.source_id == template_id and d.key not in present
        ]
        taken.update(draft.key for _, draft in zip(renamed, free, strict=False))
    kept: list[AgendaItem] = []
    for item in items:
        if item.source_type is None or item.user_edited:
            kept.append(item)
            continue
        key = draft_key(item.source_type, item.source_id, item.title)
        draft = drafts.get(key)
        if draft is None or key in taken:
            if item.discussed:
                kept.append(item)  # what was talked about stays on the record
            else:
                session.delete(item)
            continue
        item.section, item.title, item.body = draft.section, draft.title, draft.body
        item.time_box_minutes = draft.minutes
        kept.append(item)
        taken.add(key)
    order: list[tuple[AgendaItem, int | None]] = [
        (item, SOURCE_RANK.get(item.source_type or "")) for item in kept
    ]
    for draft in wanted:
        if draft.key in taken:
            continue
        taken.add(draft.key)
        item = meetings._new(
            AgendaItem,
            meeting_id=meeting.id,
            section=draft.section,
            title=draft.title,
            body=draft.body,
            time_box_minutes=draft.minutes,
            source_type=draft.source_type,
            source_id=draft.source_id,
            user_edited=False,
            discussed=False,
            position=0,
        )
        session.add(item)
        order.insert(insertion_point(order, draft.rank), (item, draft.rank))
    for position, (item, _) in enumerate(order, start=1):
        item.position = position


def insertion_point(order: list[tuple[AgendaItem, int | None]], rank: int) -> int:
    """After the last drafted item of the same or an earlier section; else before the first of
    a later section; else at the end. The user's own items keep their places."""
    after = [i for i, (_, r) in enumerate(order) if r is not None and r <= rank]
    if after:
        return after[-1] + 1
    before = [i for i, (_, r) in enumerate(order) if r is not None and r > rank]
    return before[0] if before else len(order)
