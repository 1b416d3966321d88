"""Alignment: whether the work lines up with the manager's priorities, upward and downward.

For a manager (or everyone), each priority with the outcome notes that served it in a period,
directly or through the goals aligned below it (my goals, team goals, reports' goals, to any
depth); the notes linked to no priority ("unaligned work"); priorities nothing was documented for
in weeks ("silent"); the reports' goals and when they were last discussed. (The dashboard and
the review workspace read from here too: services.dashboard, services.review_workspace.)

Counting happens in SQL (a recursive walk of the priority tree joined to the links, grouped), so
a store with 100k notes answers without loading them.

Dismissing an unaligned note ("this one serves no priority, and that is fine") needs no schema
change: it tags the note with the reserved tag DISMISSED_TAG, which the user sees on the note
and can remove again, and which every export and import carries like any other tag.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from upwardprep.services.common import (
    Clock,
    NotFound,
    ValidationError,
    parse_date,
    system_clock,
)
from upwardprep.services.labels import ACTION_OWNER_LABELS
from upwardprep.services.labels import ME as ME_LABEL
from upwardprep.services.outcomes import OUTCOME_ROW_COLUMNS, OutcomeRow, OutcomeService
from upwardprep.services.priorities import (
    DEFAULT_STALE_DAYS,
    OPEN_STATUSES,
    OWNER_ORDER,
    PriorityData,
    PriorityService,
    stale_clause,
)
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    ActionOwner,
    Meeting,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    Role,
    Tag,
    outcome_priorities,
    outcome_tags,
)

DISMISSED_TAG = "no-priority"  # reserved: "serves no priority, on purpose"
DEFAULT_SILENT_WEEKS = 4
# Notes that are work and so should serve a priority; feedback and learning need not.
WORK_KINDS = (
    OutcomeKind.WIN.value,
    OutcomeKind.PROGRESS.value,
    OutcomeKind.RISK.value,
    OutcomeKind.DECISION.value,
)
FEEDBACK_KINDS = (OutcomeKind.FEEDBACK_RECEIVED.value, OutcomeKind.FEEDBACK_GIVEN.value)
ME = ME_LABEL


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """Outcome notes in a period for one priority."""

    direct: int  # linked to the priority itself
    total: int  # distinct notes linked to it or to any goal aligned below it
    last_outcome_on: date | None  # the newest of those notes in the period


NO_COVERAGE = Coverage(0, 0, None)


@dataclass(frozen=True)
class AlignmentNode:
    priority: PriorityData
    owner_role: str | None  # the owner's role relative to the user; None: the user's own
    coverage: Coverage
    stale: bool  # confirmation is overdue
    children: tuple[AlignmentNode, ...]

    def walk(self) -> Iterator[AlignmentNode]:
        """This node and every node below it, depth first, in display order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class UnalignedWork:
    total: int  # how many there are in the window
    outcomes: tuple[OutcomeRow, ...]  # the newest of them, up to the limit asked for


@dataclass(frozen=True)
class SilentPriority:
    priority: PriorityData
    last_outcome_on: date | None  # None: nothing was ever documented for it
    silent_days: int  # days since the last note (or since the priority was added)


@dataclass(frozen=True)
class ReportGoals:
    person_id: str
    name: str
    title: str
    goals: tuple[PriorityData, ...]
    last_meeting_on: date | None  # last held meeting with them
    last_outcome_on: date | None  # last note about them or linked to one of their goals

    @property
    def last_discussed_on(self) -> date | None:
        known = [day for day in (self.last_meeting_on, self.last_outcome_on) if day]
        return max(known) if known else None


# -- the service ------------------------------------------------------------------------------


def period_clauses(since: date | None, until: date | None) -> builtins.list[ColumnElement[bool]]:
    if since and until and until < since:
        raise ValidationError("The period ends before it starts.")
    where: builtins.list[ColumnElement[bool]] = [Outcome.deleted_at.is_(None)]
    if since:
        where.append(Outcome.occurred_on >= since)
    if until:
        where.append(Outcome.occurred_on <= until)
    return where


def owner_label(item: ActionItem, meeting_person: str | None, owner_name: str | None) -> str:
    """Who owns an action item, for a list grouped by owner: "Me", or a person's name."""
    if item.owner == ActionOwner.ME.value:
        return ME
    if item.owner == ActionOwner.PERSON.value:
        return owner_name or ACTION_OWNER_LABELS[ActionOwner.PERSON]
    return meeting_person or ACTION_OWNER_LABELS[ActionOwner.THEM]


def _chain(priority_id: str, parents: dict[str, str | None]) -> builtins.list[str]:
    """The priority and the live priorities it is aligned to, up to the top (cycle-safe)."""
    chain = [priority_id]
    up = parents.get(priority_id)
    while up is not None and up in parents and up not in chain:
        chain.append(up)
        up = parents[up]
    return chain


class AlignmentService:
    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        priorities: PriorityService | None = None,
        outcomes: OutcomeService | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.priorities = priorities or PriorityService(store, clock=clock)
        self.outcomes = outcomes or OutcomeService(store, clock=clock)

    def today(self) -> date:
        return self.clock().astimezone().date()

    # -- reading helpers (inside one session) -------------------------------------------------

    def _coverage(
        self, session: Session, since: date | None, until: date | None
    ) -> dict[str, Coverage]:
        """Per live priority: notes linked to it, and to it or anything aligned below it.

        Counted per priority in SQL (for a period: a range scan of the notes by date; for all
        time: the link index alone, less the Trash), then rolled up the tree here; the few notes
        linked to several priorities of one branch are subtracted so each counts once.
        """
        link = outcome_priorities.c
        parents: dict[str, str | None] = dict(
            session.execute(
                select(Priority.id, Priority.parent_id).where(Priority.deleted_at.is_(None))
            ).all()
        )
        counts: dict[str, int] = {}
        last: dict[str, date | None] = {}
        if since is None and until is None:
            for pid, count in session.execute(
                select(link.priority_id, func.count()).group_by(link.priority_id)
            ):
                counts[pid] = count
            for pid, count in session.execute(
                select(link.priority_id, func.count())
                .where(  # a list from the Trash's small index, not a lookup per link
                    link.outcome_id.in_(select(Outcome.id).where(Outcome.deleted_at.is_not(None)))
                )
                .group_by(link.priority_id)
            ):
                counts[pid] -= count
            for pid, count in counts.items():
                if count > 0 and pid in parents:
                    last[pid] = self._last_note(session, [pid])
        else:
            for pid, count, newest in session.execute(
                select(link.priority_id, func.count(), func.max(Outcome.occurred_on))
                .select_from(Outcome)
                .join(outcome_priorities, link.outcome_id == Outcome.id)
                .where(*period_clauses(since, until))
                .group_by(link.priority_id)
            ):
                counts[pid], last[pid] = count, newest
        chains = {pid: _chain(pid, parents) for pid in parents}
        total: dict[str, int] = dict.fromkeys(parents, 0)
        newest_below: dict[str, date | None] = dict.fromkeys(parents)
        for pid, chain in chains.items():
            for ancestor in chain:
                total[ancestor] += counts.get(pid, 0)
                day = last.get(pid)
                if day and (newest_below[ancestor] is None or day > newest_below[ancestor]):  # type: ignore[operator]
                    newest_below[ancestor] = day
        shared = select(link.outcome_id).group_by(link.outcome_id).having(func.count() > 1)
        linked_to: dict[str, builtins.list[str]] = {}
        for outcome_id, pid in session.execute(
            select(link.outcome_id, link.priority_id)
            .join(Outcome, Outcome.id == link.outcome_id)
            .where(link.outcome_id.in_(shared), *period_clauses(since, until))
        ):
            if pid in parents:
                linked_to.setdefault(outcome_id, []).append(pid)
        for pids in linked_to.values():
            seen: dict[str, int] = {}
            for pid in pids:
                for ancestor in chains[pid]:
                    seen[ancestor] = seen.get(ancestor, 0) + 1
            for ancestor, times in seen.items():
                total[ancestor] -= times - 1
        return {
            pid: Coverage(counts.get(pid, 0), total[pid], newest_below[pid])
            for pid in parents
            if total[pid] or counts.get(pid)
        }

    def _last_note(
        self, session: Session, priority_ids: builtins.list[str], until: date | None = None
    ) -> date | None:
        """The newest live note linked to any of these priorities: a walk down the notes' date
        index that stops at the first linked one (a join of every link would cost seconds)."""
        link = outcome_priorities.c
        return session.scalar(
            select(Outcome.occurred_on)
            .where(
                *period_clauses(None, until),
                select(link.outcome_id)
                .where(link.outcome_id == Outcome.id, link.priority_id.in_(priority_ids))
                .exists(),
            )
            .order_by(Outcome.occurred_on.desc())
            .limit(1)
        )

    def _priority_rows(self, session: Session) -> builtins.list[tuple[PriorityData, str | None]]:
        query = select(Priority).where(Priority.deleted_at.is_(None))
        return [
            (self.priorities._data(session, p), p.owner.role if p.owner else None)
            for p in session.scalars(query).unique()
        ]

    def _stale_ids(self, session: Session, days: int) -> set[str]:
        return set(
            session.scalars(
                select(Priority.id).where(
                    Priority.deleted_at.is_(None), stale_clause(self.clock(), days)
                )
            )
        )

    def _unaligned_where(
        self, since: date | None, until: date | None
    ) -> builtins.list[ColumnElement[bool]]:
        linked = select(outcome_priorities.c.outcome_id).where(
            outcome_priorities.c.outcome_id == Outcome.id
        )
        dismissed = (
            select(outcome_tags.c.outcome_id)
            .join(Tag, Tag.id == outcome_tags.c.tag_id)
            .where(outcome_tags.c.outcome_id == Outcome.id, Tag.name == DISMISSED_TAG)
        )
        return [
            *period_clauses(since, until),
            Outcome.kind.in_(WORK_KINDS),
            ~linked.exists(),
            ~dismissed.exists(),
        ]

    def _unaligned(
        self, session: Session, since: date | None, until: date | None, limit: int
    ) -> UnalignedWork:
        where = self._unaligned_where(since, until)
        total = session.scalar(select(func.count()).select_from(Outcome).where(*where)) or 0
        rows = session.execute(
            select(*OUTCOME_ROW_COLUMNS)
            .where(*where)
            .order_by(Outcome.occurred_on.desc(), Outcome.pk.desc())
            .limit(limit)
        )
        return UnalignedWork(total, tuple(OutcomeRow(*row) for row in rows))

    def _silent(
        self, session: Session, weeks: int, person_id: str | None
    ) -> builtins.list[SilentPriority]:
        if weeks < 1:
            raise ValidationError("Silent means no note for at least one week.")
        today = self.today()
        cutoff = today - timedelta(weeks=weeks)
        recent = self._coverage(session, cutoff, today)
        rows = self._priority_rows(session)
        parents = {p.id: p.parent_id for p, _role in rows}
        below: dict[str, builtins.list[str]] = {}
        for pid in parents:
            for ancestor in _chain(pid, parents):
                below.setdefault(ancestor, []).append(pid)
        linked = set(session.scalars(select(outcome_priorities.c.priority_id).distinct()))
        found = []
        order = {}
        for priority, role in rows:
            order[priority.id] = (OWNER_ORDER.get(role, 6), priority.rank, priority.title)
            if priority.status not in OPEN_STATUSES:
                continue
            if person_id is not None and priority.owner_id != person_id:
                continue
            if recent.get(priority.id, NO_COVERAGE).total:
                continue
            branch = [pid for pid in below[priority.id] if pid in linked]
            last = self._last_note(session, branch, today) if branch else None
            since = last or priority.created_at.astimezone().date()
            if since < cutoff:  # a priority added last week is new, not silent
                found.append(SilentPriority(priority, last, (today - since).days))
        return sorted(found, key=lambda s: (-s.silent_days, order[s.priority.id]))

    # -- the priority tree ------------------------------------------------------------------

    def tree(
        self,
        person_id: str | None = None,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        stale_days: int = DEFAULT_STALE_DAYS,
    ) -> builtins.list[AlignmentNode]:
        """A manager's priorities (person_id), or every top-level priority (None), each with
        the goals aligned to it below, recursively, and the coverage in the period."""
        start = parse_date(since, what="period start")
        end = parse_date(until, what="period end")
        with self.store.transaction(write=False) as session:
            known = select(Person.pk).where(Person.id == person_id)
            if person_id and session.scalar(known) is None:
                raise NotFound(f"No person with id {person_id}.")
            coverage = self._coverage(session, start, end)
            stale = self._stale_ids(session, stale_days)
            rows = self._priority_rows(session)
        roles = {p.id: role for p, role in rows}
        by_id = {p.id: p for p, _ in rows}

        def order(p: PriorityData) -> tuple[object, ...]:
            role = roles[p.id]
            return (OWNER_ORDER.get(role, 6), (p.owner_name or "").casefold(), p.rank, p.title)

        children: dict[str | None, builtins.list[PriorityData]] = {}
        for priority in sorted(by_id.values(), key=order):
            parent = priority.parent_id if priority.parent_id in by_id else None
            children.setdefault(parent, []).append(priority)

        def build(priority: PriorityData, seen: frozenset[str]) -> AlignmentNode:
            below = tuple(
                build(child, seen | {child.id})
                for child in children.get(priority.id, [])
                if child.id not in seen
            )
            return AlignmentNode(
                priority,
                roles[priority.id],
                coverage.get(priority.id, NO_COVERAGE),
                priority.id in stale,
                below,
            )

        if person_id:
            roots = sorted((p for p in by_id.values() if p.owner_id == person_id), key=order)
            # a goal aligned to another of the same person's priorities shows under that one
            root_ids = {p.id for p in roots}
            roots = [p for p in roots if p.parent_id not in root_ids]
        else:
            roots = children.get(None, [])
        return [build(p, frozenset({p.id})) for p in roots]

    # -- unaligned work ---------------------------------------------------------------------

    def unaligned(
        self,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        limit: int = 200,
    ) -> UnalignedWork:
        """Work notes (wins, progress, risks, decisions) linked to no priority and not dismissed,
        newest first."""
        start = parse_date(since, what="period start")
        end = parse_date(until, what="period end")
        with self.store.transaction(write=False) as session:
            return self._unaligned(session, start, end, max(0, limit))

    def link(self, outcome_id: str, priority_id: str) -> None:
        """The note served this priority (a drop in the alignment view, a pick on the dashboard)."""
        self.outcomes.link(outcome_id, priority_id)

    def align(self, priority_id: str, parent_id: str | None) -> PriorityData:
        """Align a goal to a parent priority (None: make it top level); refuses cycles."""
        return self.priorities.update(priority_id, parent_id=parent_id)

    def dismiss(self, outcome_id: str) -> None:
        """This note serves no priority, on purpose: leave it out of "unaligned work"."""
        with self.store.transaction() as session:
            outcome = session.scalar(
                select(Outcome).where(Outcome.id == outcome_id, Outcome.deleted_at.is_(None))
            )
            if outcome is None:
                raise NotFound(f"No outcome note with id {outcome_id}.")
            now = self.clock()
            tag = session.scalar(select(Tag).where(Tag.name == DISMISSED_TAG))
            if tag is None:
                tag = Tag(name=DISMISSED_TAG, created_at=now, updated_at=now)
                session.add(tag)
            elif tag.deleted_at is not None:
                tag.deleted_at = None
            if tag not in outcome.tags:
                outcome.tags.append(tag)
                outcome.updated_at = now

    def undismiss(self, outcome_id: str) -> None:
        with self.store.transaction() as session:
            outcome = session.scalar(select(Outcome).where(Outcome.id == outcome_id))
            if outcome is None:
                raise NotFound(f"No outcome note with id {outcome_id}.")
            kept = [tag for tag in outcome.tags if tag.name != DISMISSED_TAG]
            if len(kept) != len(outcome.tags):
                outcome.tags = kept
                outcome.updated_at = self.clock()

    # -- silent priorities, reports ---------------------------------------------------------

    def silent(
        self, *, weeks: int = DEFAULT_SILENT_WEEKS, person_id: str | None = None
    ) -> builtins.list[SilentPriority]:
        """Open priorities with no note (on them or on goals aligned below) in `weeks` weeks,
        the longest silent first."""
        with self.store.transaction(write=False) as session:
            return self._silent(session, weeks, person_id)

    def reports(self) -> builtins.list[ReportGoals]:
        """Each report's goals, and when they were last discussed: the downward view."""
        with self.store.transaction(write=False) as session:
            people = session.scalars(
                select(Person)
                .where(Person.role == Role.REPORT.value, Person.deleted_at.is_(None))
                .order_by(Person.name)
            ).all()
            ids = [p.id for p in people]
            goals: dict[str, builtins.list[PriorityData]] = {pid: [] for pid in ids}
            for priority in session.scalars(
                select(Priority)
                .where(Priority.owner_id.in_(ids), Priority.deleted_at.is_(None))
                .order_by(Priority.rank)
            ).unique():
                goals[priority.owner_id or ""].append(self.priorities._data(session, priority))
            met = dict(
                session.execute(
                    select(Meeting.person_id, func.max(Meeting.scheduled_at))
                    .where(
                        Meeting.person_id.in_(ids),
                        Meeting.status == MeetingStatus.HELD.value,
                        Meeting.deleted_at.is_(None),
                    )
                    .group_by(Meeting.person_id)
                ).all()
            )
            about = dict(
                session.execute(
                    select(Outcome.person_id, func.max(Outcome.occurred_on))
                    .where(Outcome.person_id.in_(ids), Outcome.deleted_at.is_(None))
                    .group_by(Outcome.person_id)
                ).all()
            )
            on_goals = {
                pid: self._last_note(session, [g.id for g in goals[pid]])
                for pid in ids
                if goals[pid]
            }
        result = []
        for person in people:
            meeting = met.get(person.id)
            outcome_days = [day for day in (about.get(person.id), on_goals.get(person.id)) if day]
            result.append(
                ReportGoals(
                    person.id,
                    person.name,
                    person.title,
                    tuple(goals[person.id]),
                    meeting.astimezone().date() if meeting else None,
                    max(outcome_days) if outcome_days else None,
                )
            )
        return result
