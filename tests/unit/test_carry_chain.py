"""The carry-over chain under trash, reopen and re-draft (review findings on issue 4)."""

from __future__ import annotations

from datetime import timedelta

from tests.clock import NOW, FrozenClock
from upwardprep.services import Services
from upwardprep.services.meetings import ActionItemData, MeetingData
from upwardprep.services.people import PersonData


def drafted_actions(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.title for i in meeting.agenda_items if i.source_type == "action"]


def held_with_an_action(
    frozen: Services, clock: FrozenClock, *, finish: bool = True
) -> tuple[PersonData, MeetingData, ActionItemData]:
    """Dana's 1:1 two weeks ago with one action written down in it, held (and carried)."""
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    clock.now = NOW - timedelta(days=14)
    first = frozen.meetings.create(clock.now, person_id=dana.id)
    action = frozen.meetings.add_action(first.id, "Send the renewal list")
    if finish:
        frozen.meetings.finish(first.id)
    return dana, first, action


def test_trashing_the_next_meeting_does_not_drop_the_carried_action(
    frozen: Services, clock: FrozenClock
) -> None:
    dana, first, _ = held_with_an_action(frozen, clock)
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
    dana, first, _ = held_with_an_action(frozen, clock)
    second = frozen.meetings.list(person_id=dana.id, status="planned")[0]
    frozen.meetings.trash(second.id)
    frozen.meetings.reopen(first.id)
    frozen.meetings.finish(first.id)  # the copy in the Trash does not count as carried
    [third] = frozen.meetings.list(person_id=dana.id, status="planned")
    assert third.id != second.id
    assert [(a.title, a.carry_count) for a in third.action_items] == [("Send the renewal list", 1)]
    assert [a.meeting_id for a in frozen.meetings.open_actions(person_id=dana.id)] == [third.id]


def test_ticking_off_in_a_reopened_meeting_closes_the_carried_copy(
    frozen: Services, clock: FrozenClock
) -> None:
    dana, first, send = held_with_an_action(frozen, clock)
    [second] = frozen.meetings.list(person_id=dana.id, status="planned")
    frozen.meetings.reopen(first.id)
    frozen.meetings.set_action_done(send.id)
    assert frozen.meetings.open_actions(person_id=dana.id) == []
    assert [a.done_at is not None for a in frozen.meetings.get(second.id).action_items] == [True]
    frozen.meetings.set_action_done(send.id, False)  # and open again, the copy with it
    assert [a.meeting_id for a in frozen.meetings.open_actions(person_id=dana.id)] == [second.id]


def test_an_edited_action_item_is_not_drafted_twice_once_carried(
    frozen: Services, clock: FrozenClock
) -> None:
    dana, first, _ = held_with_an_action(frozen, clock, finish=False)
    second = frozen.meetings.create(NOW - timedelta(days=7), person_id=dana.id)
    clock.now = NOW - timedelta(days=15)  # drafted before the first 1:1 is held
    drafted = frozen.agenda.redraft(second.id)
    [item] = [i for i in drafted.agenda_items if i.source_type == "action"]
    frozen.meetings.update_agenda_item(item.id, title="Renewal list: the top 20 only")
    clock.now = NOW - timedelta(days=14)
    frozen.meetings.finish(first.id)  # carried into the second meeting
    again = frozen.agenda.redraft(second.id)
    assert [i.title for i in again.agenda_items if i.source_type == "action"] == [
        "Renewal list: the top 20 only"
    ]


def test_a_removed_drafted_item_stays_removed_when_drafting_again(frozen: Services) -> None:
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    frozen.outcomes.create(
        "Vendor slip", kind="risk", occurred_on=NOW.date(), person_id=dana.id, ask="Escalate?"
    )
    frozen.outcomes.create("Shipped search", occurred_on=NOW.date(), person_id=dana.id)
    meeting = frozen.agenda.draft_next(dana.id)
    titles = [i.title for i in meeting.agenda_items]
    assert "Vendor slip" in titles and "Other outcomes: 1 win" in titles  # "Shipped search"
    risk = next(i for i in meeting.agenda_items if i.title == "Vendor slip")
    frozen.meetings.remove_agenda_item(risk.id)
    manual = frozen.meetings.add_agenda_item(meeting.id, "My own point")
    frozen.meetings.remove_agenda_item(manual.id)
    again = frozen.agenda.redraft(meeting.id)
    titles = [i.title for i in again.agenda_items]
    assert "Vendor slip" not in titles and "My own point" not in titles
    assert "Other outcomes: 1 win" in titles
    assert [i.title for i in frozen.meetings.get(meeting.id).agenda_items] == titles


def test_notes_dated_the_day_of_the_last_one_on_one_are_drafted(
    frozen: Services, clock: FrozenClock
) -> None:
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    clock.now = NOW - timedelta(days=7)
    last = frozen.meetings.create(clock.now, person_id=dana.id)
    day = clock.now.date()
    frozen.outcomes.create(
        "Said in the 1:1", occurred_on=day, person_id=dana.id, meeting_id=last.id
    )
    frozen.outcomes.create("Closed the deal that afternoon", occurred_on=day, person_id=dana.id)
    frozen.outcomes.create(
        "Budget memo", occurred_on=day, person_id=dana.id, ask="Sign it off", meeting_id=last.id
    )
    frozen.outcomes.create("Hiring plan", occurred_on=day, person_id=dana.id, ask="Approve two")
    frozen.meetings.finish(last.id)
    clock.now = NOW - timedelta(days=1)
    items = frozen.agenda.draft_next(dana.id).agenda_items
    titles = [i.title for i in items]
    text = "\n".join(f"{i.title}\n{i.body}" for i in items)
    assert "Closed the deal that afternoon" in text  # under "Other outcomes"
    assert "Ask: Approve two" in titles
    assert "Said in the 1:1" not in text and "Ask: Sign it off" not in titles
