"""Editing and removing action items, as the meeting editor does; a held meeting refuses both."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import row_hashes
from upwardprep.services import Services, ValidationError
from upwardprep.store.engine import Store


def test_update_and_remove_action(services: Services) -> None:
    zoe = services.people.create("Zoë Ångström", role="report")
    meeting = services.meetings.create("2026-11-24 10:00", person_id=zoe.id)
    item = services.meetings.add_action(meeting.id, "Send the renewal list")
    changed = services.meetings.update_action(
        item.id, title="Send the renewal list to Finance", owner="person", owner_person_id=zoe.id
    )
    assert (changed.title, changed.owner, changed.owner_person_id) == (
        "Send the renewal list to Finance",
        "person",
        zoe.id,
    )
    assert services.meetings.update_action(item.id, due_on="2026-12-01").due_on == date(2026, 12, 1)
    other = services.meetings.add_action(meeting.id, "Book the offsite")
    services.meetings.remove_action(other.id)
    assert [a.title for a in services.meetings.get(meeting.id).action_items] == [
        "Send the renewal list to Finance"
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "empty"),
        ({"due_on": "2026-13-01"}, "not a valid due date"),
        ({"owner": "everyone"}, "not a action owner|choose one of"),
        ({"owner_person_id": "no-such-person"}, "No person"),
        ({"colour": "red"}, "no field colour"),
    ],
)
def test_bad_action_edits_leave_the_store_untouched(
    services: Services, store: Store, changes: dict[str, str], message: str
) -> None:
    meeting = services.meetings.create("2026-11-24 10:00")
    item = services.meetings.add_action(meeting.id, "Send the renewal list")
    before = row_hashes(store)
    with pytest.raises(ValidationError, match=message):
        services.meetings.update_action(item.id, **changes)
    assert row_hashes(store) == before


def test_held_meeting_refuses_action_edits(services: Services, store: Store) -> None:
    meeting = services.meetings.create("2026-11-24 10:00")
    item = services.meetings.add_action(meeting.id, "Send the renewal list")
    services.meetings.set_action_done(item.id)
    services.meetings.finish(meeting.id)
    before = row_hashes(store)
    with pytest.raises(ValidationError, match="reopen"):
        services.meetings.update_action(item.id, title="Changed afterwards")
    with pytest.raises(ValidationError, match="reopen"):
        services.meetings.remove_action(item.id)
    assert row_hashes(store) == before
