"""The carry-over chain under trash, reopen and re-draft (review findings on issue 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.unit.test_agenda import NOW, FrozenClock
from upwardprep.services import Services
from upwardprep.store.engine import Store


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def frozen(store: Store, clock: FrozenClock) -> Services:
    return Services(store, clock=clock)


def drafted_actions(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.title for i in meeting.agenda_items if i.source_type == "action"]


def test_trashing_the_next_meeting_does_not_drop_the_carried_action(
    frozen: Services, clock: FrozenClock
) -> None:
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    clock.now = NOW - timedelta(days=14)
    first = frozen.meetings.create(clock.now, person_id=dana.id)
    frozen.meetings.add_action(first.id, "Send the renewal list")
    frozen.meetings.finish(first.id)
    clock.now = NOW - timedelta(days=8)
    second = frozen.agenda.draft_next(dana.id)
    assert drafted_actions(second) == ["Send the renewal list"]
    frozen.meetings.trash(second.id)
    for open_now in (
        frozen.meetings.open_actions(person_id=dana.id),
        frozen.meetings.open_actions(),
    ):
        assert [(a.title, a.meeting_id) for a in open_now] == [("Send the renewal list", first.id)]
    assert drafted_actions(frozen.agenda.draft_next(dana.id)) == ["Send the renewal list"]


def test_finishing_again_carries_past_a_trashed_copy(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    clock.now = NOW - timedelta(days=14)
    first = frozen.meetings.create(clock.now, person_id=dana.id)
    frozen.meetings.add_action(first.id, "Send the renewal list")
    frozen.meetings.finish(first.id)
    second = frozen.meetings.list(person_id=dana.id, status="planned")[0]
    frozen.meetings.trash(second.id)
    frozen.meetings.reopen(first.id)
    frozen.meetings.finish(first.id)  # the copy in the Trash does not count as carried
    [third] = frozen.meetings.list(person_id=dana.id, status="planned")
    assert third.id != second.id
    assert [(a.title, a.carry_count) for a in third.action_items] == [("Send the renewal list", 1)]
    assert [a.meeting_id for a in frozen.meetings.open_actions(person_id=dana.id)] == [third.id]
