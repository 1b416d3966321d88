"""Drafting the next 1:1's agenda: sources, carried actions, stale priorities, re-drafting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import row_hashes
from upwardprep.services import Services, ValidationError
from upwardprep.services.templates import parse_template
from upwardprep.store.engine import Store


def sources(meeting) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    return [(i.section, i.source_type, i.title) for i in meeting.agenda_items]


def test_carry_over_chain_across_three_meetings_in_the_draft(
    frozen: Services, clock: FrozenClock
) -> None:
    dana = frozen.people.create("Dana Whitfield", role="manager", cadence_days=7)
    frozen.settings.set_your_name("Alex Ørsted")  # items name the user, not "me"
    clock.now = NOW - timedelta(days=14)
    first = frozen.meetings.create(clock.now, person_id=dana.id)
    send = frozen.meetings.add_action(first.id, "Send the renewal list", due_on="2026-11-25")
    book = frozen.meetings.add_action(first.id, "Book the offsite", owner="them")
    frozen.meetings.set_action_done(book.id)
    frozen.meetings.add_action(first.id, "Agree the budget", owner="them")
    finance = frozen.people.create("Farah Finance")
    frozen.meetings.add_action(
        first.id, "Send the cost line", owner="person", owner_person_id=finance.id
    )
    frozen.meetings.finish(first.id)
    clock.now = NOW - timedelta(days=8)
    second = frozen.agenda.draft_next(dana.id)
    assert second.scheduled_at == NOW - timedelta(days=7)  # the follow-up finish() planned
    actions = [i for i in second.agenda_items if i.source_type == "action"]
    assert [(i.title, i.section) for i in actions] == [
        ("Send the renewal list", "Carried actions"),  # the one with a due date first
        ("Agree the budget", "Carried actions"),
        ("Send the cost line", "Carried actions"),
    ]
    assert "carried once" in actions[0].body
    assert actions[1].body == "Owner: Dana Whitfield · carried once"
    assert actions[2].body == "Owner: Farah Finance · carried once"
    assert actions[0].source_id == second.action_items[0].id
    assert second.action_items[0].carried_from_id == send.id

    clock.now = NOW - timedelta(days=7)
    for item in second.action_items[1:]:
        frozen.meetings.set_action_done(item.id)
    done_now = frozen.meetings.add_action(second.id, "Draft the Q1 plan")
    frozen.meetings.set_action_done(done_now.id)
    frozen.meetings.add_action(second.id, "Ask Finance for the cost line")
    frozen.meetings.finish(second.id)
    clock.now = NOW - timedelta(days=1)
    third = frozen.agenda.draft_next(dana.id)
    assert third.scheduled_at == NOW
    carried = [(i.title, i.body) for i in third.agenda_items if i.source_type == "action"]
    assert [title for title, _ in carried] == [
        "Send the renewal list",  # due first
        "Ask Finance for the cost line",
    ]
    assert "carried twice" in carried[0][1] and "carried once" in carried[1][1]
    assert carried[0][1].startswith("Owner: Alex Ørsted · due 2026-11-25")
    markdown = frozen.agenda.draft_markdown(third.id)
    assert "### Send the renewal list [2 min, carried ×2]" in markdown
    assert "Draft the Q1 plan" not in markdown and "Book the offsite" not in markdown

    # Done before the meeting: drafting again drops it.
    head = next(a for a in third.action_items if a.title == "Send the renewal list")
    frozen.meetings.set_action_done(head.id)
    again = frozen.agenda.draft_next(dana.id)
    assert [i.title for i in again.agenda_items if i.source_type == "action"] == [
        "Ask Finance for the cost line"
    ]


def test_sections_in_order_with_sources(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager", cadence_days=7)
    zoe = frozen.people.create("Zoë", role="report")
    churn = frozen.priorities.create("Cut churn", owner_id=dana.id, measure="2 % a month")
    hiring = frozen.priorities.create("Hire six", owner_id=dana.id)
    held = frozen.meetings.create(NOW - timedelta(days=7), person_id=dana.id)
    frozen.meetings.finish(held.id)
    frozen.outcomes.create("Old win", occurred_on="2026-11-10", priority_ids=[churn.id])
    risk = frozen.outcomes.create(
        "Licence runs out", kind="risk", occurred_on="2026-11-01", ask="Approve $46k"
    )
    frozen.outcomes.create("Fixed risk", kind="risk", occurred_on="2026-11-02", resolved_on=NOW)
    w1 = frozen.outcomes.create("Churn 1.6 %", occurred_on="2026-11-18", priority_ids=[churn.id])
    frozen.outcomes.create("Cohort kept", occurred_on="2026-11-19", priority_ids=[churn.id])
    frozen.outcomes.create("Two offers signed", occurred_on="2026-11-20", priority_ids=[hiring.id])
    frozen.outcomes.create("Wiki tidy", occurred_on="2026-11-20", person_id=zoe.id)
    frozen.outcomes.create("Secret", occurred_on="2026-11-20", private=True)
    frozen.outcomes.create(
        "Vendor demo", kind="learning", occurred_on="2026-11-21", ask="Budget for a pilot"
    )
    weekly = frozen.templates.create(
        "Weekly",
        # The draft fills "Risks and asks" and "Confirm" itself: those headings are not added
        # again; "Wins" has no drafted section of that name and stays.
        "## Numbers first [5 min]\n- Which moved?\n## Risks and asks [10 min]\n"
        "## confirm\n## Wins\n",
    )
    clock.now = NOW + timedelta(days=30)  # both priorities are now stale (never confirmed)
    meeting = frozen.agenda.draft_next(dana.id, template_id=weekly.id)
    assert meeting.template_id == weekly.id
    assert sources(meeting) == [
        ("Risks and asks", "risk", "Licence runs out"),
        ("Risks and asks", "ask", "Ask: Budget for a pilot"),
        # One item per priority, its confirmation a sub-point; Zoë's note is hers, not Dana's.
        ("Outcomes", "outcomes", "Cut churn: 2 wins"),
        ("Outcomes", "outcomes", "Hire six: 1 win"),
        ("Weekly", "template", "Numbers first"),
        ("Weekly", "template", "Wins"),
    ]
    assert meeting.planned_minutes <= meeting.duration_minutes
    by_title = {i.title: i for i in meeting.agenda_items}
    assert by_title["Licence runs out"].source_id == risk.id
    assert "Approve $46k" in by_title["Licence runs out"].body
    churn_item = by_title["Cut churn: 2 wins"]
    assert churn_item.source_id == churn.id
    assert "Churn 1.6 %" in churn_item.body and "Old win" not in churn_item.body
    assert "**Confirm: Cut churn**" in churn_item.body  # the stale priority, as a sub-point
    assert by_title["Numbers first"].time_box_minutes == 5
    assert all(i.source_id for i in meeting.agenda_items)
    assert [i.position for i in meeting.agenda_items] == list(range(1, 7))
    assert w1.id not in {i.source_id for i in meeting.agenda_items}  # grouped under its priority

    # A report's agenda only has what concerns them.
    clock.now = NOW
    report = frozen.agenda.draft_next(zoe.id)
    assert [(i.source_type, i.title) for i in report.agenda_items] == [
        ("outcomes", "Other outcomes: 1 win")
    ]
    assert "Wiki tidy" in report.agenda_items[0].body


def test_stale_priorities_with_a_frozen_clock(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager")
    old = frozen.priorities.create("Old", owner_id=dana.id)
    fresh = frozen.priorities.create("Fresh", owner_id=dana.id)
    mine = frozen.priorities.create("My own goal")
    theirs = frozen.priorities.create("Someone else's", owner_id=frozen.people.create("Pat").id)
    frozen.priorities.create("Finished", owner_id=dana.id, status="done")
    frozen.priorities.confirm(old.id)
    clock.now = NOW + timedelta(days=15)
    frozen.priorities.confirm(fresh.id)
    frozen.priorities.confirm(mine.id)
    frozen.priorities.confirm(theirs.id)
    clock.now = NOW + timedelta(days=22)  # old: 22 days, the others 7
    confirm = [i for i in frozen.agenda.draft_next(dana.id).agenda_items if i.section == "Confirm"]
    assert [(i.title, i.source_id) for i in confirm] == [("Confirm: Old", old.id)]
    assert "22 days ago" in confirm[0].body
    # N days comes from the store setting, or the caller.
    with frozen.store.transaction() as session:
        from upwardprep.store.entities import StoreSetting

        session.add(StoreSetting(key="priorities.stale_days", value="5"))
    titles = {i.title for i in frozen.agenda.draft_next(dana.id).agenda_items}
    assert {"Confirm: Old", "Confirm: Fresh", "Confirm: My own goal"} <= titles
    assert "Confirm: Someone else's" not in titles
    titles = {i.title for i in frozen.agenda.draft_next(dana.id, stale_days=30).agenda_items}
    assert not any(t.startswith("Confirm:") for t in titles)
    # Confirmed in the meantime: the item goes.
    frozen.priorities.confirm(old.id)
    titles = {i.title for i in frozen.agenda.draft_next(dana.id, stale_days=21).agenda_items}
    assert "Confirm: Old" not in titles
    # Out of range: a sentence, and no draft written.
    meetings = len(frozen.meetings.list())
    for days in (0, 3651, 10**12):
        with pytest.raises(ValidationError, match="1 to 3650 days"):
            frozen.agenda.draft_next(dana.id, stale_days=days)
    assert len(frozen.meetings.list()) == meetings


def test_redrafting_keeps_edits_and_adds_nothing_twice(
    frozen: Services, clock: FrozenClock
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    one = frozen.outcomes.create("Risk one", kind="risk", occurred_on="2026-11-20")
    two = frozen.outcomes.create("Risk two", kind="risk", occurred_on="2026-11-21")
    three = frozen.outcomes.create("Risk three", kind="risk", occurred_on="2026-11-21")
    template = frozen.templates.create("Weekly", "## Wins [5 min]\n- ?\n## Her agenda\n- ?\n")
    first = frozen.agenda.draft_next(dana.id, template_id=template.id)
    meetings = frozen.meetings
    items = {i.title: i for i in first.agenda_items}
    meetings.update_agenda_item(items["Risk one"].id, body="My own words", time_box_minutes=9)
    meetings.update_agenda_item(items["Risk two"].id, discussed=True)
    meetings.update_agenda_item(items["Wins"].id, title="Wins this week")
    mine = meetings.add_agenda_item(first.id, "Ask about the offsite", section="Mine")
    meetings.reorder_agenda(first.id, [mine.id, *(i.id for i in first.agenda_items)])

    frozen.outcomes.resolve_risk(one.id, "2026-11-22")  # source gone, but the item was edited
    frozen.outcomes.resolve_risk(two.id, "2026-11-22")  # source gone, but it was discussed
    frozen.outcomes.resolve_risk(three.id, "2026-11-22")  # source gone: drafted item goes
    frozen.outcomes.update(one.id, title="Risk one, renamed")
    four = frozen.outcomes.create("Risk four", kind="risk", occurred_on="2026-11-22")
    again = frozen.agenda.draft_next(dana.id)
    assert again.id == first.id
    assert [(i.title, i.source_type) for i in again.agenda_items] == [
        ("Ask about the offsite", None),
        ("Risk one", "risk"),
        ("Risk two", "risk"),
        ("Risk four", "risk"),  # new, placed with its section
        ("Wins this week", "template"),  # renamed by the user, not added again as "Wins"
        ("Her agenda", "template"),
    ]
    kept = again.agenda_items[1]
    assert (kept.body, kept.time_box_minutes, kept.user_edited) == ("My own words", 9, True)
    assert again.agenda_items[3].source_id == four.id
    assert [i.position for i in again.agenda_items] == [1, 2, 3, 4, 5, 6]
    # Drafting once more changes nothing.
    assert frozen.agenda.draft_next(dana.id).agenda_items == again.agenda_items


def test_a_held_meeting_refuses_a_draft_until_reopened(frozen: Services) -> None:
    dana = frozen.people.create("Dana", role="manager")
    frozen.outcomes.create("A risk", kind="risk", occurred_on="2026-11-20")
    meeting = frozen.agenda.draft_next(dana.id)
    frozen.meetings.finish(meeting.id, at_now=True)  # planned a week ahead: held now
    with pytest.raises(ValidationError, match="reopen"):
        frozen.agenda.redraft(meeting.id)
    with pytest.raises(ValidationError, match="reopen"):
        frozen.meetings.update_agenda_item(meeting.agenda_items[0].id, title="late")
    frozen.meetings.reopen(meeting.id)
    assert frozen.agenda.redraft(meeting.id).agenda_items[0].title == "A risk"


def test_planning_the_next_meeting(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager", cadence_days=14)
    priya = frozen.people.create("Priya", role="skip-level")
    # Nothing yet: today plus the cadence, on a weekday.
    assert frozen.agenda.suggested_next_date(dana.id) == date(2026, 12, 7)
    held = frozen.meetings.create(
        datetime(2026, 10, 27, 15, 30, tzinfo=UTC), person_id=dana.id, duration_minutes=45
    )
    frozen.meetings.finish(held.id)
    # Missed ones: the next date on the rhythm that is not in the past.
    expected = (held.scheduled_at.astimezone().date()) + timedelta(days=28)
    assert frozen.agenda.suggested_next_date(dana.id) == expected
    planned = frozen.agenda.draft_next(dana.id)
    assert planned.scheduled_at.astimezone().date() == expected
    assert planned.scheduled_at.astimezone().time() == held.scheduled_at.astimezone().time()
    assert (planned.kind, planned.title, planned.duration_minutes) == ("1:1", "1:1 with Dana", 45)
    assert frozen.agenda.suggested_next_date(dana.id) == expected  # the planned one now
    assert frozen.agenda.draft_next(dana.id).id == planned.id
    skip = frozen.agenda.draft_next(priya.id)
    assert (skip.kind, skip.title) == ("skip-level", "Skip-level with Priya")
    # With the shipped templates, a new 1:1 starts from the one for the person's role.
    frozen.templates.ensure_shipped()
    zoe = frozen.people.create("Zoë", role="report")
    first = frozen.agenda.draft_next(zoe.id)
    assert frozen.templates.get(first.template_id or "").name == "1:1 with a direct report"
    assert [i.section for i in first.agenda_items][-1] == "1:1 with a direct report"


def test_bad_input_leaves_the_store_untouched(frozen: Services, store: Store) -> None:
    dana = frozen.people.create("Dana", role="manager")
    before = row_hashes(store)
    with pytest.raises(ValidationError, match="No person"):
        frozen.agenda.draft_next("nobody")
    with pytest.raises(ValidationError, match="No agenda template"):
        frozen.agenda.draft_next(dana.id, template_id="missing")
    assert row_hashes(store) == before


def test_template_shape_is_parsed() -> None:
    body = (
        "# Weekly\nIntro, not an item.\n\n## Numbers [5 min]\n- Which moved?\n### Detail\nx\n"
        "## Wins (10 minutes)\n```\n## not a heading\n```\n## Her agenda\n"
    )
    assert [(i.title, i.body, i.minutes) for i in parse_template(body)] == [
        ("Numbers", "- Which moved?\n### Detail\nx", 5),
        ("Wins", "```\n## not a heading\n```", 10),
        ("Her agenda", "", None),
    ]
    assert [i.title for i in parse_template("## A\n## B [2m]\n")] == ["A", "B"]
    assert parse_template("") == []
    assert [(i.title, i.body) for i in parse_template("- Just a question\nmore")] == [
        ("Just a question", "more")
    ]


def test_shipped_templates_are_added_once(frozen: Services, store: Store) -> None:
    added = frozen.templates.ensure_shipped()
    names = {t.name for t in added}
    assert names == {
        "Weekly 1:1 with my manager",
        "Skip-level check-in",
        "Quarterly alignment check",
        "Review-prep 1:1",
        "First 1:1 with a new manager",
        "1:1 with a direct report",
    }
    for template in added:
        items = parse_template(template.body)
        assert template.builtin and len(items) >= 3, template.name
        assert all(item.body.strip() and item.minutes for item in items), template.name
    assert frozen.templates.ensure_shipped() == []
    before = row_hashes(store)
    assert frozen.templates.ensure_shipped() == [] and row_hashes(store) == before
    by_name = {t.name: t for t in added}
    # Edited, trashed or purged: never brought back, never overwritten.
    weekly = frozen.templates.update(by_name["Weekly 1:1 with my manager"].id, body="## Mine\n")
    frozen.templates.trash(by_name["Skip-level check-in"].id)
    frozen.templates.trash(by_name["Review-prep 1:1"].id)
    frozen.templates.purge(by_name["Review-prep 1:1"].id)
    assert frozen.templates.ensure_shipped() == []
    assert frozen.templates.get(weekly.id).body == "## Mine\n"
    assert len(frozen.templates.list()) == 4
    # One the user never touched follows a newer shipped text.
    alignment = by_name["Quarterly alignment check"]
    with store.transaction() as session:
        from upwardprep.store.entities import AgendaTemplate

        row = session.query(AgendaTemplate).filter_by(id=alignment.id).one()
        row.body = "## An older version\n"
    frozen.templates.ensure_shipped()
    assert frozen.templates.get(alignment.id).body == alignment.body


def test_finishing_again_after_a_reopen_carries_nothing_twice(
    frozen: Services, clock: FrozenClock
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    meeting = frozen.meetings.create(NOW, person_id=dana.id)
    frozen.meetings.add_action(meeting.id, "Send the renewal list")
    frozen.meetings.finish(meeting.id)
    frozen.meetings.reopen(meeting.id)
    frozen.meetings.add_action(meeting.id, "Book the offsite")
    frozen.meetings.finish(meeting.id)
    assert sorted(a.title for a in frozen.meetings.open_actions(person_id=dana.id)) == [
        "Book the offsite",
        "Send the renewal list",
    ]
    clock.now = NOW + timedelta(days=1)
    draft = frozen.agenda.draft_next(dana.id)
    assert sorted(i.title for i in draft.agenda_items if i.source_type == "action") == [
        "Book the offsite",
        "Send the renewal list",
    ]


def test_an_agenda_stays_one_conversation_long(frozen: Services) -> None:
    from upwardprep.services.agenda_sources import MAX_PER_SECTION
    from upwardprep.services.agenda_text import MAX_LINES
    from upwardprep.services.outcomes import NewOutcome

    dana = frozen.people.create("Dana", role="manager")
    churn = frozen.priorities.create("Cut churn", owner_id=dana.id)
    notes = [
        NewOutcome(f"Risk {n:02}", date(2026, 10, 1) + timedelta(days=n), kind="risk")
        for n in range(30)
    ] + [
        NewOutcome(
            f"Win {n:02}", date(2026, 11, 1) + timedelta(days=n % 20), priority_ids=[churn.id]
        )
        for n in range(25)
    ]
    frozen.outcomes.bulk_import(notes)
    meeting = frozen.agenda.draft_next(dana.id)
    risks = [i.title for i in meeting.agenda_items if i.source_type == "risk"]
    assert risks == [f"Risk {n:02}" for n in range(MAX_PER_SECTION)]  # the oldest first
    (group,) = [i for i in meeting.agenda_items if i.source_type == "outcomes"]
    lines = group.body.splitlines()
    assert len(lines) == MAX_LINES + 1 and lines[0] == "- … and 15 earlier ones"
