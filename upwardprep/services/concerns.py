"""Whose agenda a note belongs on: the one rule the agenda draft, the brief and the update share.

A risk, ask or outcome concerns a person when its person is them, or when it is linked to a
priority they own or one aligned (at any depth) to theirs. A note that concerns nobody in
particular (no person, and no priority that belongs to anyone) goes to the 1:1 with the user's
own manager only. A private note concerns no document at all: agendas and briefs get printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from upwardprep.store.entities import Outcome, Person, Priority, Role, outcome_priorities


@dataclass(frozen=True)
class Audience:
    """The person a document is for, as the rule needs them."""

    person_id: str
    priority_ids: frozenset[str]  # theirs: owned by them, or aligned below one they own
    takes_unassigned: bool  # the user's own manager: also what concerns nobody in particular
    assigned_ids: frozenset[str]  # priorities that belong to someone (theirs or anyone's)


def own_manager_id(session: Session) -> str | None:
    """The user's own manager: the person with the manager role added first (the welcome
    flow's first step), when there are several."""
    return session.scalar(
        select(Person.id)
        .where(Person.role == Role.MANAGER.value, Person.deleted_at.is_(None))
        .order_by(Person.created_at, Person.pk)
        .limit(1)
    )


def _below(roots: Iterable[str], children: dict[str, list[str]]) -> set[str]:
    found: set[str] = set()
    frontier = list(roots)
    while frontier:
        current = frontier.pop()
        if current in found:
            continue
        found.add(current)
        frontier.extend(children.get(current, []))
    return found


def audience(session: Session, person_id: str) -> Audience:
    rows = session.execute(
        select(Priority.id, Priority.parent_id, Priority.owner_id).where(
            Priority.deleted_at.is_(None)
        )
    ).all()
    children: dict[str, list[str]] = {}
    for priority_id, parent_id, _owner in rows:
        if parent_id:
            children.setdefault(parent_id, []).append(priority_id)
    owned = [priority_id for priority_id, _parent, owner in rows if owner == person_id]
    anyones = [priority_id for priority_id, _parent, owner in rows if owner]
    return Audience(
        person_id=person_id,
        priority_ids=frozenset(_below(owned, children)),
        takes_unassigned=own_manager_id(session) == person_id,
        assigned_ids=frozenset(_below(anyones, children)),
    )


def concerning(who: Audience) -> ColumnElement[bool]:
    """Live, shareable notes that concern the audience (a WHERE clause over Outcome)."""
    link = select(outcome_priorities.c.outcome_id).where(
        outcome_priorities.c.outcome_id == Outcome.id
    )
    ways: list[ColumnElement[bool]] = [Outcome.person_id == who.person_id]
    if who.priority_ids:
        ways.append(link.where(outcome_priorities.c.priority_id.in_(who.priority_ids)).exists())
    if who.takes_unassigned:
        nobodys: ColumnElement[bool] = Outcome.person_id.is_(None)
        if who.assigned_ids:
            taken = link.where(outcome_priorities.c.priority_id.in_(who.assigned_ids))
            nobodys = and_(nobodys, ~taken.exists())
        ways.append(nobodys)
    return and_(Outcome.deleted_at.is_(None), Outcome.private.is_(False), or_(*ways))
