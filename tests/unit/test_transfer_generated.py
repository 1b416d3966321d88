"""Round trips over generated stores (Hypothesis): whatever the services can put in a store,
export → import into an empty store → export gives the same document, and importing it again
changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE, row_hashes
from tests.unit.conftest import FrozenClock
from upwardprep.services import Services, ValidationError
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionOwner,
    Base,
    MeetingKind,
    OutcomeKind,
    PriorityStatus,
    Role,
)

TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
titles = st.text(TEXT, min_size=1, max_size=24).filter(lambda s: s.strip())
bodies = st.text(TEXT, max_size=80)
days = st.dates(min_value=date(1999, 1, 1), max_value=date(2099, 12, 31))
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)
steps = st.integers(min_value=0, max_value=10**11)  # microseconds: 0 to about a day


@dataclass
class Plan:
    people: list[tuple[str, str, bool]]  # name, role, trashed
    priorities: list[tuple[str, int | None, int | None, float | None, str, int | None]]
    outcomes: list[dict[str, Any]]
    meetings: list[tuple[Any, ...]]  # person, kind, agenda, actions, finished
    cycles: list[tuple[str, date, int | None]]
    tick: list[int]


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    people = draw(
        st.lists(
            st.tuples(titles, st.sampled_from([r.value for r in Role]), st.booleans()), max_size=3
        )
    )
    who = st.none() | st.integers(0, max(0, len(people) - 1)) if people else st.none()
    priorities = []
    for index in range(draw(st.integers(0, 4))):
        parent = draw(st.none() | st.integers(0, index - 1)) if index else None
        priorities.append(
            (
                draw(titles),
                draw(who),
                parent,
                draw(numbers),
                draw(st.sampled_from([s.value for s in PriorityStatus])),
                draw(st.none() | st.integers(0, 10**6)),  # a metric update makes history
            )
        )
    vocabulary = draw(st.lists(titles.map(str.lower), max_size=3))
    outcomes = [
        {
            "title": draw(titles),
            "body": draw(bodies),
            "kind": draw(st.sampled_from([k.value for k in OutcomeKind])),
            "occurred_on": draw(days),
            "private": draw(st.booleans()),
            "person": draw(who),
            "priorities": draw(st.sets(st.integers(0, max(0, len(priorities) - 1)), max_size=2))
            if priorities
            else set(),
            "tags": draw(st.sets(st.sampled_from(vocabulary), max_size=2)) if vocabulary else set(),
            "fate": draw(st.sampled_from(["keep", "keep", "trash", "purge", "edit"])),
        }
        for _ in range(draw(st.integers(0, 5)))
    ]
    meetings = [
        (
            draw(who),
            draw(st.sampled_from([k.value for k in MeetingKind])),
            draw(st.lists(st.tuples(titles, st.booleans(), st.booleans()), max_size=3)),
            draw(
                st.lists(
                    st.tuples(
                        titles, st.sampled_from([o.value for o in ActionOwner]), st.booleans()
                    ),
                    max_size=2,
                )
            ),
            draw(st.booleans()),  # finished: open actions are carried to a follow-up
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    cycles = draw(st.lists(st.tuples(titles, days, who), max_size=1))
    tick = draw(st.lists(steps, min_size=8, max_size=8))
    return Plan(people, priorities, outcomes, meetings, cycles, tick)


def build(services: Services, clock: FrozenClock, plan: Plan) -> None:
    """Put the plan into a store through the services, moving the clock as it goes."""
    ticks = iter(plan.tick * 200)

    def later() -> None:
        clock.now += timedelta(microseconds=next(ticks))

    people = []
    for name, role, _trashed in plan.people:
        later()
        people.append(services.people.create(name, role=role).id)

    def person(index: int | None) -> str | None:
        return people[index] if index is not None and people else None

    priorities: list[str] = []
    for title, owner, parent, target, status, current in plan.priorities:
        later()
        priority = services.priorities.create(
            title,
            owner_id=person(owner),
            parent_id=priorities[parent] if parent is not None else None,
            metric_target=target,
            status=status,
        )
        priorities.append(priority.id)
        if current is not None:
            later()
            services.priorities.update(priority.id, metric_current=current)
            services.priorities.confirm(priority.id)
    for item in plan.outcomes:
        later()
        outcome = services.outcomes.create(
            item["title"],
            body=item["body"],
            kind=item["kind"],
            occurred_on=item["occurred_on"],
            private=item["private"],
            person_id=person(item["person"]),
            priority_ids=[priorities[i] for i in sorted(item["priorities"])],
            tags=sorted(item["tags"]),
        )
        later()
        if item["fate"] in ("trash", "purge"):
            services.outcomes.trash(outcome.id)
            if item["fate"] == "purge":
                services.outcomes.purge(outcome.id)
        elif item["fate"] == "edit":
            services.outcomes.update(outcome.id, impact="edited", tags=[])
    start = clock.now
    for number, (who, kind, agenda, actions, finish) in enumerate(plan.meetings):
        later()
        meeting = services.meetings.create(
            start + timedelta(days=7 * number), person_id=person(who), kind=kind
        )
        for title, discussed, removed in agenda:
            later()
            item = services.meetings.add_agenda_item(meeting.id, title)
            if discussed:
                services.meetings.update_agenda_item(item.id, discussed=True)
            if removed:
                services.meetings.remove_agenda_item(item.id)
        for title, owner, done in actions:
            later()
            action = services.meetings.add_action(meeting.id, title, owner=owner)
            if done:
                services.meetings.set_action_done(action.id)
        if finish:
            later()
            services.meetings.finish(meeting.id)
    for name, start_day, reviewer in plan.cycles:
        later()
        services.reviews.create(
            name, start_day, start_day + timedelta(days=180), reviewer_id=person(reviewer)
        )
    for (_name, _role, trashed), person_id in zip(plan.people, people, strict=True):
        if trashed:
            later()
            services.people.trash(person_id)


def wipe(store: Store) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with store.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("COMMIT")


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    folder: Path = tmp_path_factory.mktemp("generated")
    with (
        Store.create(folder / "a.upwardprep", PASSPHRASE) as a,
        Store.create(folder / "b.upwardprep", PASSPHRASE) as b,
    ):
        yield a, b


def _without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=plans(), start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1))
)
def test_export_import_export_is_exact(
    two_stores: tuple[Store, Store], plan: Plan, start: datetime
) -> None:
    a, b = two_stores
    wipe(a)
    wipe(b)
    clock = FrozenClock(start.replace(tzinfo=UTC))
    source = Services(a, clock=clock)
    try:
        build(source, clock, plan)
    except ValidationError:
        return  # a plan the services refuse (e.g. a held meeting edited) proves nothing here
    first = json.loads(json.dumps(source.transfer.export_document()))  # as a file holds it
    target = Services(b, clock=FrozenClock(clock.now + timedelta(days=1)))
    report = target.transfer.import_document(first)
    assert report.updated == 0
    assert _without_stamp(target.transfer.export_document()) == _without_stamp(first)
    before = row_hashes(b)
    assert not target.transfer.import_document(first).changed
    assert row_hashes(b) == before
