"""The person page's one read: next 1:1, what each side owes, their priorities (or the goals
aligned to theirs), the notes about them, the cadence in words."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.clock import NOW, TODAY, FrozenClock
from upwardprep.services import NotFound, Services
from upwardprep.services.labels import cadence_text


def test_the_hub_of_a_manager(frozen: Services, clock: FrozenClock) -> None:
    s = frozen
    dana = s.people.create("Dana", role="manager", cadence_days=7, preferences="Bullets, please")
    sam = s.people.create("Sam", role="report")
    held = s.meetings.create(NOW - timedelta(days=7), person_id=dana.id)
    mine = s.meetings.add_action(held.id, "Send Dana the plan", due_on=TODAY - timedelta(days=1))
    theirs = s.meetings.add_action(held.id, "Intro to Finance", owner="them")
    done = s.meetings.add_action(held.id, "Already done")
    s.meetings.set_action_done(done.id)
    with_sam = s.meetings.create(NOW - timedelta(days=2), person_id=sam.id)
    named = s.meetings.add_action(
        with_sam.id, "Dana signs the budget", owner="person", owner_person_id=dana.id
    )
    s.meetings.add_action(with_sam.id, "Sam's own task", owner="them")  # Sam's, not Dana's
    s.meetings.add_action(with_sam.id, "Mine for Sam")  # owed to Sam, not to Dana
    planned = s.meetings.create(NOW + timedelta(days=2), person_id=dana.id)
    first = s.priorities.create("Grow revenue", owner_id=dana.id)
    second = s.priorities.create("Cut churn", owner_id=dana.id)
    s.priorities.create("Old goal", owner_id=dana.id, status="done")
    s.priorities.create("Sam's goal", owner_id=sam.id)
    mine_aligned = s.priorities.create("My pipeline goal", parent_id=first.id)
    for day in range(4):
        s.outcomes.create(f"Note {day}", occurred_on=TODAY - timedelta(days=day), person_id=dana.id)
    trashed = s.outcomes.create("Trashed note", occurred_on=TODAY, person_id=dana.id)
    s.outcomes.trash(trashed.id)
    s.outcomes.create("About Sam", occurred_on=TODAY, person_id=sam.id)
    s.outcomes.create(  # on one of Dana's priorities: about her too
        "On revenue", occurred_on=TODAY - timedelta(days=1), priority_ids=[first.id]
    )

    hub = s.person_hub.read(dana.id, recent=3)

    assert hub.person.name == "Dana" and hub.person.preferences == "Bullets, please"
    assert hub.today == TODAY and hub.cadence == "every week"
    assert hub.next_one_on_one is not None
    assert hub.next_one_on_one.meeting_id == planned.id and not hub.next_one_on_one.overdue
    assert [(i.id, i.overdue) for i in hub.mine] == [(mine.id, True)]
    assert {i.id for i in hub.theirs} == {theirs.id, named.id}
    assert [p.id for p in hub.priorities] == [first.id, second.id]
    assert [p.id for p in hub.aligned] == [mine_aligned.id]
    assert [o.title for o in hub.recent] == ["Note 0", "On revenue", "Note 1"]
    assert hub.recent_total == 5

    # Finishing the 1:1 carries the open items into the next one: the copy stands for them.
    s.meetings.trash(planned.id)
    s.meetings.finish(held.id)
    carried = s.person_hub.read(dana.id)
    assert [i.title for i in carried.mine] == ["Send Dana the plan"]
    assert carried.mine[0].id != mine.id
    # Without a planned meeting, the cadence says when the next one is due: here overdue.
    assert carried.next_one_on_one is not None
    s.meetings.trash(carried.next_one_on_one.meeting_id or "")
    clock.now = NOW + timedelta(days=30)
    due = s.person_hub.read(dana.id).next_one_on_one
    assert due is not None and due.meeting_id is None and due.overdue
    assert due.when == held.scheduled_at + timedelta(days=7)
    later = s.person_hub.read(sam.id)
    assert later.next_one_on_one is None and later.cadence == ""
    assert [p.title for p in later.priorities] == ["Sam's goal"] and later.aligned == ()
    assert [i.title for i in later.mine] == ["Mine for Sam"]
    assert [i.title for i in later.theirs] == ["Sam's own task"]


def test_a_person_in_the_trash_has_no_hub(frozen: Services) -> None:
    person = frozen.people.create("Gone", role="peer")
    frozen.people.trash(person.id)
    with pytest.raises(NotFound):
        frozen.person_hub.read(person.id)


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (None, ""),
        (1, "every day"),
        (7, "every week"),
        (14, "every 2 weeks"),
        (10, "every 10 days"),
    ],
)
def test_cadence_in_words(days: int | None, text: str) -> None:
    assert cadence_text(days) == text
