"""Every write is stamped by the services' clock, never by the wall clock.

A merge import keeps the record whose `updated_at` is newer, so a stamp from the wrong clock
(a column default reading the wall clock while the app's clock says otherwise) would let an old
copy overwrite a newer edit. The clock here stands in the past: any wall-clock stamp shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text

from tests.unit.conftest import FrozenClock
from upwardprep.demo import populate
from upwardprep.services import Services
from upwardprep.store.engine import Store

PAST = datetime(2003, 3, 3, 9, 0, tzinfo=UTC)
STAMPED = {
    "people": ("created_at", "updated_at", "deleted_at"),
    "priorities": ("created_at", "updated_at", "deleted_at", "last_confirmed_at"),
    "priority_changes": ("changed_at",),
    "tags": ("created_at", "updated_at", "deleted_at"),
    "outcomes": ("created_at", "updated_at", "deleted_at"),
    "agenda_templates": ("created_at", "updated_at", "deleted_at"),
    "meetings": ("created_at", "updated_at", "deleted_at", "held_at"),
    "agenda_items": ("created_at", "updated_at", "deleted_at"),
    "action_items": ("created_at", "updated_at", "deleted_at", "done_at"),
    "review_cycles": ("created_at", "updated_at", "deleted_at"),
}


def _latest_stamps(store: Store) -> dict[str, str]:
    latest = {}
    with store.transaction(write=False) as session:
        for table, columns in STAMPED.items():
            for column in columns:
                value = session.execute(text(f"SELECT max({column}) FROM {table}")).scalar()
                if value is not None:
                    latest[f"{table}.{column}"] = str(value)
    return latest


def test_every_write_is_stamped_by_the_services_clock(store: Store) -> None:
    clock = FrozenClock(PAST)
    services = Services(store, clock=clock)
    populate(services, today=PAST.date())
    clock.now += timedelta(days=2)
    person = services.people.list()[0]
    services.people.update(person.id, title="Director")
    priority = services.priorities.list()[0]
    services.priorities.update(priority.id, metric_current=3)
    services.priorities.trash(priority.id)
    services.priorities.restore(priority.id)
    outcome = services.outcomes.list()[0]
    services.outcomes.update(outcome.id, tags=["brand-new-tag"])
    clock.now += timedelta(minutes=5)
    services.outcomes.unlink(outcome.id, priority.id)
    services.outcomes.link(outcome.id, priority.id)
    # a link is part of the note: "newer wins" in a merge must see it changed
    assert services.outcomes.get(outcome.id).updated_at == clock.now
    gone = services.outcomes.create("A note to trash", occurred_on=date(2003, 3, 1))
    services.outcomes.trash(gone.id)
    services.trash.restore(gone.id)
    meeting = services.meetings.create(clock.now - timedelta(hours=1), person_id=person.id)
    item = services.meetings.add_agenda_item(meeting.id, "Talk")
    services.meetings.update_agenda_item(item.id, discussed=True)
    action = services.meetings.add_action(meeting.id, "Send the deck")
    services.meetings.update_action(action.id, title="Send the new deck")
    services.meetings.set_action_done(action.id)
    services.meetings.finish(meeting.id)
    services.meetings.reopen(meeting.id)
    template = services.templates.list()[0]
    services.templates.update(template.id, body="## One item")
    cycle = services.reviews.list()[0]
    services.reviews.update(cycle.id, self_assessment="Better.")
    latest = _latest_stamps(store)
    assert latest, "nothing was written"
    limit = f"{clock.now:%Y-%m-%d %H:%M:%S.%f}"
    too_new = {where: value for where, value in latest.items() if value > limit}
    assert too_new == {}
