"""Bringing an agenda in line with a new draft, leaving the user's work alone.

Every drafted item names its source (`source_type`, `source_id`), which is how drafting again
recognises it: the user's own items and every item the user edited stay exactly as they are,
drafted ones are updated, those whose source no longer applies go (unless already discussed),
what is new is added next to its section, and nothing is added twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.meetings import IF_TIME_ALLOWS, MeetingService
from upwardprep.store.entities import AgendaItem, Meeting

SECTION_ACTIONS = "Carried actions"
SECTION_CARRIED = "Carried over"
SECTION_RISKS = "Risks and asks"
SECTION_OUTCOMES = "Outcomes"
SECTION_CONFIRM = "Confirm"
SECTIONS = (SECTION_ACTIONS, SECTION_CARRIED, SECTION_RISKS, SECTION_OUTCOMES, SECTION_CONFIRM)
# The template's items come last, in a section named after the template; what does not fit the
# meeting's length waits below everything, under "If time allows".
TEMPLATE_RANK = len(SECTIONS)
PARKED_RANK = TEMPLATE_RANK + 1

SOURCE_RANK = {
    "action": 0,
    "talking-point": 1,
    "risk": 2,
    "ask": 2,
    "outcomes": 3,
    "outcome": 3,
    "priority": 4,
    "template": TEMPLATE_RANK,
}

Key = tuple[str, str, str]


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
    score: float = 0.0  # how much it matters: the fitting keeps the highest
    priority_id: str | None = None  # the priority it is about (one item per priority)
    names: frozenset[str] = field(default_factory=frozenset)  # what it is about, in words
    carry_count: int = 0  # times carried into a next 1:1

    @property
    def key(self) -> Key:
        return draft_key(self.source_type, self.source_id, self.title)

    @property
    def parked(self) -> bool:
        return self.section == IF_TIME_ALLOWS


def draft_key(source_type: str | None, source_id: str | None, title: str) -> Key:
    # Template items share their template's id; their title tells them apart.
    return (
        source_type or "",
        source_id or "",
        title.casefold() if source_type == "template" else "",
    )


def item_key(item: AgendaItem) -> Key:
    return draft_key(item.source_type, item.source_id, item.title)


@dataclass
class Current:
    """The agenda as it stands, read once for the fitting and the merge."""

    items: list[AgendaItem]  # live, in order; a drafted action points at its chain's head
    taken: set[Key]  # drafts not to add: removed by the user, or held by an edited item
    fixed: list[AgendaItem]  # what drafting leaves alone: the user's items, edited, discussed


def current(
    session: Session, meetings: MeetingService, meeting: Meeting, wanted: list[Draft]
) -> Current:
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
    drafts = {draft.key for draft in wanted}
    present = {item_key(i) for i in items if i.source_type}
    # An item the user edited holds its place in the draft: nothing is added beside it.
    taken = {
        draft_key(kind, heads.get(source_id or "", source_id), title)
        for kind, source_id, title in removed
    }
    taken.update(item_key(i) for i in items if i.source_type and i.user_edited)
    # A template item the user renamed no longer matches its heading by title: it stands
    # for the template's next heading that nothing on the agenda matches.
    for template_id in {i.source_id for i in items if i.source_type == "template"}:
        renamed = [
            i
            for i in items
            if i.source_type == "template"
            and i.source_id == template_id
            and i.user_edited
            and item_key(i) not in drafts
        ]
        free = [
            d
            for d in wanted
            if d.source_type == "template" and d.source_id == template_id and d.key not in present
        ]
        taken.update(draft.key for _, draft in zip(renamed, free, strict=False))
    fixed = [i for i in items if i.source_type is None or i.user_edited or i.discussed]
    return Current(items, taken, fixed)


def merge(
    session: Session,
    meetings: MeetingService,
    meeting: Meeting,
    now: Current,
    wanted: list[Draft],
) -> None:
    """Bring the agenda in line with the fitted draft, leaving the user's work alone."""
    drafts = {draft.key: draft for draft in wanted}
    taken = set(now.taken)
    order: list[tuple[AgendaItem, int | None]] = []
    moved: list[tuple[AgendaItem, int]] = []  # drafted items back from "If time allows"
    parked: dict[Key, AgendaItem] = {}  # drafted items under it, placed last in draft order
    for item in now.items:
        if item.source_type is None or item.user_edited:
            order.append((item, SOURCE_RANK.get(item.source_type or "")))
            continue
        key = item_key(item)
        draft = drafts.get(key)
        if draft is None or key in taken:
            if item.discussed:  # what was talked about stays on the record
                order.append((item, SOURCE_RANK.get(item.source_type)))
            else:
                session.delete(item)
            continue
        was_parked = item.section == IF_TIME_ALLOWS
        item.section, item.title, item.body = draft.section, draft.title, draft.body
        item.time_box_minutes = draft.minutes
        item.carry_count = draft.carry_count
        taken.add(key)
        if draft.parked:
            parked[key] = item
        elif was_parked:
            moved.append((item, draft.rank))
        else:
            order.append((item, draft.rank))
    for item, rank in moved:
        order.insert(insertion_point(order, rank), (item, rank))
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
            carry_count=draft.carry_count,
            user_edited=False,
            discussed=False,
            position=0,
        )
        session.add(item)
        if draft.parked:
            parked[draft.key] = item
        else:
            order.insert(insertion_point(order, draft.rank), (item, draft.rank))
    order += [(parked[d.key], PARKED_RANK) for d in wanted if d.key in parked]
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
