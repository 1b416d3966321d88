"""Use cases through the services, as the GUI and the CLI call them."""

from __future__ import annotations

import itertools
import time
from datetime import date, timedelta

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import row_hashes
from upwardprep.services import Services, ValidationError
from upwardprep.services.common import NotFound
from upwardprep.services.outcomes import NewOutcome, OutcomeFilter
from upwardprep.store.engine import Store


def test_people_grouped_by_role_and_found_by_name(services: Services) -> None:
    services.people.create("Zoë Ångström", role="report", cadence_days=14)
    services.people.create("Dana Whitfield", role="manager", cadence_days=7)
    services.people.create("Ravi Menon", role="report")
    assert [p.name for p in services.people.list()] == [
        "Dana Whitfield",
        "Ravi Menon",
        "Zoë Ångström",
    ]
    assert services.people.find("whitfield").role == "manager"
    assert services.people.find("Zoë Ångström").cadence_days == 14
    with pytest.raises(ValidationError, match="No person matches"):
        services.people.find("nobody")
    services.people.create("Ravi Shankar", role="peer")
    with pytest.raises(ValidationError, match="several"):
        services.people.find("Ravi")


def test_priority_history_confirm_and_reorder(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager")
    churn = frozen.priorities.create(
        "Reduce churn",
        owner_id=dana.id,
        metric_target=50,
        metric_current=20,
        metric_unit="customers",
    )
    hiring = frozen.priorities.create("Hire two engineers", owner_id=dana.id)
    assert (churn.rank, hiring.rank) == (1, 2)
    assert churn.progress == pytest.approx(0.4)
    clock.now += timedelta(days=1)
    frozen.priorities.update(churn.id, metric_current=31, status="at-risk")
    confirmed = frozen.priorities.confirm(churn.id)
    assert confirmed.last_confirmed_at == clock.now
    frozen.priorities.reorder([hiring.id, churn.id])
    assert [p.title for p in frozen.priorities.list(owner_id=dana.id)] == [
        "Hire two engineers",
        "Reduce churn",
    ]
    fields = [(c.field, c.old_value, c.new_value) for c in frozen.priorities.history(churn.id)]
    assert ("metric_current", "20", "31") in fields
    assert ("status", "active", "at-risk") in fields
    assert ("rank", "1", "2") in fields
    assert fields[0] == ("created", None, "Reduce churn")
    assert any(field == "confirmed" for field, _old, _new in fields)


def test_a_new_priority_is_created_under_its_first_real_title(frozen: Services) -> None:
    """The app's New Priority makes a record titled "New priority" to edit: its history says
    it was created as what the user typed, with no rename from the placeholder."""
    draft = frozen.priorities.create("New priority", draft=True)
    frozen.priorities.update(draft.id, title="Ship the ledger", measure="Live in EU")
    frozen.priorities.update(draft.id, title="Ship the ledger on Atlas")
    fields = [(c.field, c.old_value, c.new_value) for c in frozen.priorities.history(draft.id)]
    assert fields == [
        ("created", None, "Ship the ledger"),
        ("measure", "", "Live in EU"),
        ("title", "Ship the ledger", "Ship the ledger on Atlas"),
    ]
    kept = frozen.priorities.create("Kept as typed")
    frozen.priorities.update(kept.id, title="Renamed later")
    assert [c.field for c in frozen.priorities.history(kept.id)] == ["created", "title"]


def test_stale_priorities_with_a_frozen_clock(frozen: Services, clock: FrozenClock) -> None:
    fresh = frozen.priorities.create("Fresh")
    old = frozen.priorities.create("Confirmed long ago")
    never = frozen.priorities.create("Never confirmed")
    done = frozen.priorities.create("Done already", status="done")
    frozen.priorities.confirm(old.id)
    clock.now += timedelta(days=15)
    frozen.priorities.confirm(fresh.id)
    clock.now += timedelta(days=10)  # old: 25 days, fresh: 10 days, never: created 25 days ago
    assert {p.title for p in frozen.priorities.stale(days=21)} == {old.title, never.title}
    assert done.id not in {p.id for p in frozen.priorities.stale(days=1)}


def test_priority_alignment_cycles_and_bad_links_refused(services: Services) -> None:
    top = services.priorities.create("Company goal")
    mine = services.priorities.create("My goal", parent_id=top.id)
    team = services.priorities.create("Team goal", parent_id=mine.id)
    with pytest.raises(ValidationError, match="aligned to itself"):
        services.priorities.update(top.id, parent_id=team.id)
    with pytest.raises(ValidationError, match="No person"):
        services.priorities.create("Owned by a ghost", owner_id="missing")
    with pytest.raises(ValidationError, match="ends before it starts"):
        services.priorities.create("Backwards", period_start="2026-12-01", period_end="2026-01-01")


def test_outcomes_links_tags_and_filters(services: Services) -> None:
    dana = services.people.create("Dana", role="manager")
    zoe = services.people.create("Zoë", role="report")
    churn = services.priorities.create("Reduce churn", owner_id=dana.id)
    cost = services.priorities.create("Cut cloud cost", owner_id=dana.id)
    a = services.outcomes.create(
        "Won back 12 accounts",
        priority_ids=[churn.id],
        tags=["Churn", "#Q4"],
        occurred_on="2026-10-02",
    )
    b = services.outcomes.create(
        "Cut the EU bill by 18 %",
        priority_ids=[cost.id, churn.id],
        occurred_on="2026-11-10",
        person_id=zoe.id,
        kind="progress",
    )
    c = services.outcomes.create(
        "Learned the billing code", kind="learning", occurred_on="2026-09-01", private=True
    )
    assert a.tags == ("churn", "q4")
    assert services.outcomes.get(b.id).priority_titles == ("Reduce churn", "Cut cloud cost")

    def titles(**kw: object) -> list[str]:
        return [o.title for o in services.outcomes.list(OutcomeFilter(**kw))]  # type: ignore[arg-type]

    assert titles(priority_id=churn.id) == [b.title, a.title]
    assert titles(person_id=zoe.id) == [b.title]
    assert titles(kinds=("learning",)) == [c.title]
    assert titles(tag="#CHURN") == [a.title]
    assert titles(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)) == [a.title]
    assert titles(include_private=False) == [b.title, a.title]
    assert titles(unaligned=True) == [c.title]
    assert services.outcomes.count(OutcomeFilter(priority_id=churn.id)) == 2
    ids = services.outcomes.ids()
    assert [row.title for row in services.outcomes.rows(ids)] == [b.title, a.title, c.title]
    services.outcomes.unlink(b.id, churn.id)
    assert services.outcomes.link(c.id, cost.id).priority_ids == (cost.id,)
    assert titles(priority_id=churn.id) == [a.title]
    assert services.outcomes.tags() == ["churn", "q4"]
    lone = services.outcomes.create("Linked to nothing")
    every = [*services.outcomes.ids(), lone.id]
    assert services.outcomes.priority_titles(every) == {
        i: services.outcomes.get(i).priority_titles for i in every
    }
    assert services.outcomes.priority_titles([lone.id]) == {lone.id: ()}
    assert services.outcomes.priority_titles([]) == {}


def test_the_primary_priority_is_marked_linked_and_goes_with_its_link(
    services: Services,
) -> None:
    churn = services.priorities.create("Reduce churn")
    cost = services.priorities.create("Cut cloud cost")
    note = services.outcomes.create("Cut the EU bill", priority_ids=[churn.id, cost.id])
    assert note.primary_priority_id is None and note.primary_priority() == churn.id  # by rank
    marked = services.outcomes.set_primary(note.id, cost.id)
    assert marked.primary_priority_id == cost.id and marked.primary_priority() == cost.id
    assert marked.primary_priority({churn.id}) == churn.id  # a document without cost
    assert services.outcomes.get(note.id).primary_priority_id == cost.id
    assert services.outcomes.list()[0].primary_priority_id == cost.id
    # Marking an unlinked priority links it; a missing one is refused and changes nothing.
    lone = services.outcomes.create("Linked to nothing", primary_priority_id=cost.id)
    assert lone.priority_ids == (cost.id,) and lone.primary_priority_id == cost.id
    assert services.outcomes.get(lone.id).primary_priority_id == cost.id
    with pytest.raises(ValidationError, match="No priority"):
        services.outcomes.set_primary(note.id, "no-such-id")
    assert services.outcomes.get(note.id).primary_priority_id == cost.id
    # Unmarked, the first linked is the same on every read: ranks are per owner, and equal
    # ranks go by creation. Priorities are made until a later one sorts first by id (the
    # order the links come back from the database in).
    owners = [services.people.create(f"Owner {n}").id for n in range(12)]
    made = [services.priorities.create(f"Goal {n}", owner_id=owners[n]) for n in range(12)]
    earlier, later = next((a, b) for a, b in itertools.pairwise(made) if a.id > b.id)
    assert earlier.rank == later.rank
    tied = services.outcomes.create("Tied", priority_ids=[later.id, earlier.id])
    assert services.outcomes.get(tied.id).primary_priority() == earlier.id == tied.priority_ids[0]
    # The mark goes with its link, whichever way the link goes.
    assert services.outcomes.unlink(note.id, cost.id).primary_priority_id is None
    services.outcomes.set_primary(note.id, cost.id)
    assert services.outcomes.update(note.id, priority_ids=[churn.id]).primary_priority_id is None
    services.outcomes.update(note.id, priority_ids=[churn.id, cost.id], primary_priority_id=cost.id)
    assert services.outcomes.set_primary(note.id, None).primary_priority() == churn.id


def test_id_pages_follow_the_display_order(services: Services) -> None:
    for n in range(23):  # several notes a day, so the cursor must break ties by insertion
        services.outcomes.create(
            f"Note {n}", occurred_on=date(2026, 3, 1) + timedelta(days=n // 3), kind="win"
        )
    services.outcomes.trash(services.outcomes.ids()[5])
    for newest_first in (True, False):
        for filters in (None, OutcomeFilter(date_from=date(2026, 3, 3))):
            pages, cursor = [], None
            while True:
                page = services.outcomes.id_page(
                    filters, newest_first=newest_first, after=cursor, limit=4
                )
                pages.append(page.ids)
                cursor = page.cursor
                if cursor is None:
                    break
            expected = services.outcomes.ids(filters, newest_first=newest_first)
            assert [i for ids in pages for i in ids] == expected
            assert all(len(ids) == 4 for ids in pages[:-1]) and 0 < len(pages[-1]) <= 4
    assert services.outcomes.id_page(limit=22).cursor is None  # exactly one page: no cursor
    assert services.outcomes.count() == 22
    assert services.outcomes.count(OutcomeFilter(include_deleted=True)) == 23


def test_risks_open_until_resolved(services: Services) -> None:
    risk = services.outcomes.create(
        "Vendor may slip the SSO date", kind="risk", ask="Approve a fallback vendor"
    )
    assert [r.id for r in services.outcomes.open_risks()] == [risk.id]
    services.outcomes.resolve_risk(risk.id, "2026-11-20")
    assert services.outcomes.open_risks() == []


BAD_OUTCOME_INPUT = [
    ({"title": "   "}, "empty"),
    ({"title": "x" * 501}, "keep it under"),
    ({"title": "ok", "occurred_on": "2026-02-30"}, "not a valid date"),
    ({"title": "ok", "occurred_on": "yesterday-ish"}, "not a valid date"),
    ({"title": "ok", "kind": "triumph"}, "choose one of"),
    ({"title": "ok", "evidence_url": "javascript:alert(1)"}, "not a link"),
    ({"title": "ok", "body": "x" * 1_000_001}, "the limit is"),
    ({"title": "ok", "body": "nul\x00byte"}, "NUL"),
    ({"title": "ok", "priority_ids": ["no-such-priority"]}, "No priority"),
    ({"title": "ok", "person_id": "no-such-person"}, "No person"),
    ({"title": "ok", "colour": "red"}, "no field colour"),
]


@pytest.mark.parametrize(("fields", "message"), BAD_OUTCOME_INPUT)
def test_bad_input_gets_a_message_and_leaves_the_store_untouched(
    services: Services, store: Store, fields: dict[str, object], message: str
) -> None:
    services.outcomes.create("Existing note", body="keep me")
    before = row_hashes(store)
    title = fields.pop("title")
    with pytest.raises(ValidationError, match=message):
        services.outcomes.create(title, **fields)  # type: ignore[arg-type]
    assert row_hashes(store) == before


def test_bulk_import_is_all_or_nothing(services: Services, store: Store) -> None:
    churn = services.priorities.create("Reduce churn")
    good = [
        NewOutcome(f"Outcome {n}", "2026-01-01", priority_ids=[churn.id], tags=["bulk"])
        for n in range(50)
    ]
    assert services.outcomes.bulk_import(good) == 50
    before = row_hashes(store)
    with pytest.raises(ValidationError, match=r"Item 3: .*not a valid date"):
        services.outcomes.bulk_import([*good[:2], NewOutcome("bad", "2026-13-01")])
    assert row_hashes(store) == before
    assert services.outcomes.count(OutcomeFilter(tag="bulk", priority_id=churn.id)) == 50
    assert services.search.outcomes("Outcome 17")[0].title == "Outcome 17"


def test_carry_over_chain_across_three_meetings(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager", cadence_days=7)
    first = frozen.meetings.create(NOW, person_id=dana.id)
    send = frozen.meetings.add_action(first.id, "Send the renewal list", due_on="2026-11-25")
    book = frozen.meetings.add_action(first.id, "Book the offsite", owner="them")
    frozen.meetings.set_action_done(book.id)
    frozen.meetings.finish(first.id)
    second = next(m for m in frozen.meetings.list(person_id=dana.id) if m.status == "planned")
    assert second.scheduled_at == NOW + timedelta(days=7)
    assert [(a.title, a.carry_count, a.carried_from_id) for a in second.action_items] == [
        ("Send the renewal list", 1, send.id)
    ]
    draft = frozen.meetings.add_action(second.id, "Draft the Q1 plan")
    frozen.meetings.set_action_done(draft.id)
    clock.now = second.scheduled_at  # held on its day (one still ahead cannot be finished)
    frozen.meetings.finish(second.id)
    third = next(m for m in frozen.meetings.list(person_id=dana.id) if m.status == "planned")
    assert [(a.title, a.carry_count) for a in third.action_items] == [("Send the renewal list", 2)]
    assert [(a.title, a.carry_count) for a in frozen.meetings.open_actions()] == [
        ("Send the renewal list", 2)
    ]


def test_held_meeting_is_read_only_until_reopened(services: Services) -> None:
    meeting = services.meetings.create("2026-11-20 10:00", duration_minutes=30)
    item = services.meetings.add_agenda_item(meeting.id, "Churn numbers", time_box_minutes=10)
    services.meetings.finish(meeting.id)
    with pytest.raises(ValidationError, match="reopen"):
        services.meetings.update(meeting.id, notes="late edit")
    with pytest.raises(ValidationError, match="reopen"):
        services.meetings.update_agenda_item(item.id, title="changed")
    with pytest.raises(ValidationError, match="reopen"):
        services.meetings.add_action(meeting.id, "late action")
    services.meetings.reopen(meeting.id)
    assert services.meetings.update(meeting.id, notes="late edit").notes == "late edit"


def test_agenda_reorder_and_user_edits_marked(services: Services) -> None:
    meeting = services.meetings.create(NOW)
    a = services.meetings.add_agenda_item(meeting.id, "A", source_type="risk", source_id="r1")
    b = services.meetings.add_agenda_item(meeting.id, "B")
    assert (a.user_edited, b.user_edited) == (False, True)
    assert services.meetings.update_agenda_item(a.id, discussed=True).user_edited is False
    assert services.meetings.update_agenda_item(a.id, title="A, reworded").user_edited is True
    reordered = services.meetings.reorder_agenda(meeting.id, [b.id, a.id])
    assert [i.title for i in reordered.agenda_items] == ["B", "A, reworded"]
    with pytest.raises(ValidationError, match="every item"):
        services.meetings.reorder_agenda(meeting.id, [b.id])


def test_trash_restore_purge(services: Services) -> None:
    churn = services.priorities.create("Reduce churn")
    note = services.outcomes.create("Won back accounts", priority_ids=[churn.id])
    services.outcomes.trash(note.id)
    assert services.outcomes.list() == []
    assert services.search.outcomes("accounts") == []
    assert [(e.kind, e.title) for e in services.trash.list()] == [("outcome", note.title)]
    services.trash.restore(note.id)
    assert [o.id for o in services.outcomes.list()] == [note.id]
    with pytest.raises(ValidationError, match="Trash"):
        services.trash.purge(note.id)
    services.outcomes.trash(note.id)
    services.trash.purge(note.id)
    with pytest.raises(NotFound):
        services.outcomes.get(note.id)
    assert services.trash.list() == []
    assert services.outcomes.count(OutcomeFilter(priority_id=churn.id)) == 0


def test_reads_do_not_wait_for_a_writer(store: Store, services: Services) -> None:
    """Read transactions begin DEFERRED: a long write elsewhere does not block them (WAL)."""
    services.outcomes.create("Visible")
    with store.raw() as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE outcomes SET title = 'pending'")
        started = time.monotonic()
        assert [o.title for o in services.outcomes.list()] == ["Visible"]
        assert time.monotonic() - started < 2
        writer.execute("ROLLBACK")


def test_review_cycles(services: Services) -> None:
    dana = services.people.create("Dana", role="manager")
    cycle = services.reviews.create("H2 2026", "2026-07-01", "2026-12-31", reviewer_id=dana.id)
    assert cycle.reviewer_name == "Dana"
    updated = services.reviews.update(cycle.id, self_assessment="## Highlights")
    assert updated.self_assessment == "## Highlights"
    with pytest.raises(ValidationError, match="ends before it starts"):
        services.reviews.update(cycle.id, period_end="2026-01-01")
    assert services.reviews.find("h2").id == cycle.id


def test_templates(services: Services) -> None:
    weekly = services.templates.create("Weekly 1:1", "- What went well?", builtin=True)
    copy = services.templates.duplicate(weekly.id)
    assert copy.name == "Weekly 1:1 (copy)" and copy.body == weekly.body and not copy.builtin
    assert services.templates.update(weekly.id, body="- Changed").builtin is False
    assert [t.name for t in services.templates.list()] == ["Weekly 1:1", "Weekly 1:1 (copy)"]


def test_records_are_stamped_by_the_service_clock(frozen: Services) -> None:
    person = frozen.people.create("Dana")
    assert person.created_at == NOW == person.updated_at
    frozen.outcomes.bulk_import(
        [NewOutcome("Imported", "2026-01-01", resolved_on="2026-01-05", kind="risk")]
    )
    imported = frozen.outcomes.list()[0]
    assert imported.created_at == NOW and imported.resolved_on == date(2026, 1, 5)
    with pytest.raises(ValidationError, match="no person"):
        frozen.outcomes.bulk_import([NewOutcome("x", "2026-01-01", person_id="ghost")])


def test_a_full_disk_is_a_plain_sentence_without_note_text(
    store: Store, services: Services
) -> None:
    from upwardprep.store.errors import StorageFailed

    services.outcomes.create("Fits")
    before = row_hashes(store)
    with store.engine.connect() as conn:  # the pooled connection the next action reuses
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
        conn.rollback()
    secret = "SECRET-NOTE-TEXT-4471"
    with pytest.raises(StorageFailed, match="disk is full") as caught:
        services.outcomes.create("Too big", body=secret * 20_000)
    chain = [caught.value, caught.value.__cause__, caught.value.__context__]
    assert all(secret not in str(error) for error in chain)
    assert row_hashes(store) == before
