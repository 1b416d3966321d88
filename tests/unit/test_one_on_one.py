"""A 1:1 that fits: the drafted agenda, the brief, carried talking points, finishing, the update.

Two stores, built once: the demo, and the demo with 1,000 more outcomes and 40 more carried
action items (the store size where agendas ran to 143 of 30 minutes and briefs to four pages).
"""

from __future__ import annotations

import email
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from email import policy
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.clock import NOW, TODAY, FrozenClock
from tests.conftest import row_hashes
from tests.unit.conftest import DEMO_PASSPHRASE
from upwardprep.demo import USER_NAME
from upwardprep.export.brief import meeting_for_person
from upwardprep.export.documents import build_brief
from upwardprep.export.update import render, write_update
from upwardprep.services import Services, ValidationError
from upwardprep.services.meetings import IF_TIME_ALLOWS, MeetingData, MeetingInFuture
from upwardprep.services.outcomes import NewOutcome
from upwardprep.store.engine import Store

MARKER = "PRIVATE-MARKER-7Q"


def _words(n: int) -> str:
    names = [
        "atlas",
        "beacon",
        "cobalt",
        "dynamo",
        "ember",
        "falcon",
        "garnet",
        "harbor",
        "iris",
        "juniper",
    ]
    return f"{names[n % 10]} {names[(n * 3 + 1) % 10]} {names[(n * 7 + 2) % 10]}"


@pytest.fixture(scope="module")
def demo(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo, plus a private note about Dana that no document may show."""
    copy = tmp_path_factory.mktemp("demo") / "demo.upwardprep"
    shutil.copyfile(demo_file, copy)
    with Store.open(copy, DEMO_PASSPHRASE) as store:
        services = Services(store, clock=lambda: NOW)
        dana = services.people.find("Dana").id
        services.outcomes.create(
            f"{MARKER} about Dana", person_id=dana, private=True, occurred_on=TODAY, ask=MARKER
        )
        yield services


@pytest.fixture(scope="module")
def big(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo with 1,000 more outcomes and 40 more action items carried to the next 1:1."""
    copy = tmp_path_factory.mktemp("big") / "big.upwardprep"
    shutil.copyfile(demo_file, copy)
    with Store.open(copy, DEMO_PASSPHRASE) as store:
        services = Services(store, clock=lambda: NOW)
        priorities = [p.id for p in services.priorities.list()]
        kinds = ("win", "progress", "risk", "decision", "learning")
        services.outcomes.bulk_import(
            NewOutcome(
                f"Outcome {n}: {_words(n)} shipped",
                TODAY - timedelta(days=n % 20),
                kind=kinds[n % 5],
                priority_ids=[priorities[n % len(priorities)]] if n % 3 else [],
                ask=f"Decide on {_words(n * 5)}" if n % 10 == 2 else "",
            )
            for n in range(1000)
        )
        dana = services.people.find("Dana").id
        services.outcomes.create(
            f"{MARKER} about Dana", person_id=dana, private=True, occurred_on=TODAY, ask=MARKER
        )
        last = services.meetings.list(person_id=dana, status="held")[0]
        services.meetings.reopen(last.id)
        for n in range(40):
            services.meetings.add_action(
                last.id, f"Follow up {n}: {_words(n)}", due_on=TODAY - timedelta(days=n)
            )
        services.meetings.finish(last.id)  # the 40 are carried to the next 1:1
        yield services


@pytest.fixture(params=["demo", "big"])
def store_services(request: pytest.FixtureRequest) -> Services:
    services: Services = request.getfixturevalue(request.param)
    return services


def _weekday(day: date) -> date:
    """Saturday and Sunday move to the Monday after (as planning does)."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _priorities_of(services: Services, meeting: MeetingData) -> list[str]:
    """The priority each drafted item is about (one per item, when it has one)."""
    found = []
    for item in meeting.agenda_items:
        if item.source_type in ("outcomes", "priority") and item.source_id != "unlinked":
            found.append(item.source_id or "")
        elif item.source_type in ("risk", "ask"):
            ids = services.outcomes.get(item.source_id or "").priority_ids
            found += ids[:1]
    return found


# -- the draft -------------------------------------------------------------------------------


def test_the_draft_fits_the_meeting_one_item_per_topic(store_services: Services) -> None:
    services = store_services
    dana = services.people.find("Dana")
    meeting = services.agenda.draft_next(dana.id)
    assert meeting.duration_minutes == 30
    assert meeting.planned_minutes <= 30
    priorities = _priorities_of(services, meeting)
    assert len(priorities) == len(set(priorities)), "two items about one priority"
    waiting = meeting.if_time_allows
    assert waiting and all(item.section == IF_TIME_ALLOWS for item in waiting)
    assert all(item.source_type for item in waiting)  # the user's own items are never parked
    assert meeting.planned_minutes + sum(i.time_box_minutes or 0 for i in waiting) > 30
    # The demo's own item holds the load-balancer topic: no risk or action about it beside it.
    titles = [item.title.casefold() for item in meeting.agenda_items]
    assert sum("load balancer" in title for title in titles) == 1
    # Drafting again changes nothing; an edit stays, and nothing is added twice.
    assert services.agenda.draft_next(dana.id).agenda_items == meeting.agenda_items
    edited = meeting.agenda[1]
    services.meetings.update_agenda_item(edited.id, body="My words", time_box_minutes=4)
    again = services.agenda.draft_next(dana.id)
    kept = next(item for item in again.agenda_items if item.id == edited.id)
    assert (kept.body, kept.time_box_minutes, kept.user_edited) == ("My words", 4, True)
    assert len({(i.source_type, i.source_id, i.title) for i in again.agenda_items}) == len(
        again.agenda_items
    )
    assert again.planned_minutes <= 30


def test_whose_agenda(frozen: Services, clock: FrozenClock) -> None:
    """A risk that concerns nobody in particular goes only to the user's own manager; a note
    about a priority goes to its owner and to whoever it is aligned up to; a private note to
    nobody."""
    dana = frozen.people.create("Dana", role="manager")
    other_boss = frozen.people.create("Kim", role="manager")  # added later: not the user's own
    priya = frozen.people.create("Priya", role="skip-level")
    zoe = frozen.people.create("Zoë", role="report")
    nik = frozen.people.create("Nikolai", role="peer")
    top = frozen.priorities.create("Company growth", owner_id=priya.id)
    dana_goal = frozen.priorities.create("Ship the platform", owner_id=dana.id, parent_id=top.id)
    zoe_goal = frozen.priorities.create("Retention playbook", owner_id=zoe.id)
    frozen.outcomes.create("Vendor may slip", kind="risk", ask="Pick plan B")
    frozen.outcomes.create("Cluster upgrade stuck", kind="risk", priority_ids=[dana_goal.id])
    frozen.outcomes.create("Playbook reviewer missing", kind="risk", priority_ids=[zoe_goal.id])
    frozen.outcomes.create("Nikolai needs a date", kind="risk", person_id=nik.id)
    frozen.outcomes.create(f"{MARKER} risk", kind="risk", private=True, person_id=dana.id)

    def risks(person_id: str) -> set[str]:
        drafted = frozen.agenda.draft_next(person_id)
        return {i.title for i in drafted.agenda_items if i.source_type == "risk"}

    assert risks(dana.id) == {"Vendor may slip", "Cluster upgrade stuck"}
    assert risks(other_boss.id) == set()
    assert risks(priya.id) == {"Cluster upgrade stuck"}  # aligned up to her priority
    assert risks(zoe.id) == {"Playbook reviewer missing"}
    assert risks(nik.id) == {"Nikolai needs a date"}


# -- finishing -------------------------------------------------------------------------------


def test_finishing_carries_unticked_talking_points(frozen: Services, clock: FrozenClock) -> None:
    dana = frozen.people.create("Dana", role="manager", cadence_days=7)
    meeting = frozen.meetings.create(NOW - timedelta(hours=1), person_id=dana.id)
    talked = frozen.meetings.add_agenda_item(meeting.id, "Offsite dates")
    frozen.meetings.add_agenda_item(meeting.id, "Budget for the Berlin hire", time_box_minutes=5)
    frozen.meetings.update_agenda_item(talked.id, discussed=True)
    finished = frozen.agenda.finish(meeting.id)
    assert finished.meeting.is_held
    following = finished.next_meeting
    assert following is not None
    assert following.scheduled_at.astimezone().date() == _weekday(TODAY + timedelta(days=7))
    carried = [i for i in following.agenda_items if i.source_type == "talking-point"]
    assert [(i.title, i.carry_count, i.time_box_minutes) for i in carried] == [
        ("Budget for the Berlin hire", 1, 5)
    ]
    assert "### Budget for the Berlin hire [5 min, carried ×1]" in frozen.agenda.draft_markdown(
        following.id
    )
    # Unticked again: carried ×2 into the one after. Dropped: never drafted again.
    clock.now = following.scheduled_at + timedelta(minutes=30)
    third = frozen.agenda.finish(following.id).next_meeting
    assert third is not None
    (again,) = [i for i in third.agenda_items if i.source_type == "talking-point"]
    assert (again.title, again.carry_count) == ("Budget for the Berlin hire", 2)
    frozen.meetings.remove_agenda_item(again.id)
    redrafted = frozen.agenda.redraft(third.id)
    assert "Budget for the Berlin hire" not in {i.title for i in redrafted.agenda_items}


def test_finishing_a_meeting_still_ahead_asks_first(
    frozen: Services, clock: FrozenClock, store: Store
) -> None:
    dana = frozen.people.create("Dana", role="manager", cadence_days=14)
    tomorrow = frozen.meetings.create(NOW + timedelta(days=1), person_id=dana.id)
    before = row_hashes(store)
    with pytest.raises(MeetingInFuture, match="still ahead") as refused:
        frozen.agenda.finish(tomorrow.id)
    assert refused.value.scheduled_at == tomorrow.scheduled_at
    with pytest.raises(ValidationError, match="still ahead"):
        frozen.meetings.finish(tomorrow.id)
    assert row_hashes(store) == before
    finished = frozen.agenda.finish(tomorrow.id, at_now=True)
    assert finished.meeting.scheduled_at == NOW and finished.meeting.is_held
    assert finished.next_meeting is not None
    expected = _weekday(NOW.astimezone().date() + timedelta(days=14))  # at the cadence
    assert finished.next_meeting.scheduled_at.astimezone().date() == expected
    # Today's outcomes are "since the last 1:1" of the next one, not hidden behind tomorrow.
    frozen.outcomes.create("Shipped the thing", occurred_on=TODAY)
    facts = frozen.briefs.facts_for(finished.next_meeting.id)
    assert "Shipped the thing" in {o.title for o in facts.outcomes}


@pytest.mark.parametrize("with_action", [False, True], ids=["planned", "carried-action"])
def test_finishing_early_keeps_the_usual_time_for_the_next_one(
    frozen: Services, with_action: bool
) -> None:
    """Held two days early, the 1:1 moves to now; the next one is at its usual hour, whether
    the finish plans it (nothing to carry) or carrying an open action item makes it."""
    dana = frozen.people.create("Dana", role="manager", cadence_days=7)
    planned = NOW + timedelta(days=2, hours=5)  # another hour of the day than now
    meeting = frozen.meetings.create(planned, person_id=dana.id)
    if with_action:
        frozen.meetings.add_action(meeting.id, "Send the deck")
    finished = frozen.agenda.finish(meeting.id, at_now=True)
    assert finished.meeting.scheduled_at == NOW
    following = finished.next_meeting
    assert following is not None
    assert following.scheduled_at.astimezone().time() == planned.astimezone().time()
    assert following.scheduled_at > NOW + timedelta(days=5)


# -- the brief -------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_brief_fits_two_pages_with_asks_names_and_notes(
    store_services: Services, paper: str, tmp_path: Path
) -> None:
    services = store_services
    meeting = meeting_for_person(services, services.people.find("Dana").id)
    result = build_brief(services, meeting.id, tmp_path / "brief.pdf", paper=paper)
    reader = PdfReader(result.path)
    assert 1 <= len(reader.pages) <= 2 and result.pages == len(reader.pages)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert [entry.title for entry in reader.outline][-1] == "Notes"  # type: ignore[union-attr]
    assert "Decisions, asks and follow-ups from the meeting" in text
    for word in ("root", "me", "them", MARKER):
        assert not re.search(rf"\b{re.escape(word)}\b", text), word
    assert f"prepared by {USER_NAME}" in text
    # The callout's lines are asks, each with who answers it.
    land = services.briefs.facts_for(meeting.id).land
    asks = {r.ask.rstrip(".") for r in services.outcomes.open_risks()} | {
        o.ask.rstrip(".") for o in services.outcomes.list() if o.ask
    }
    assert len(land) == 3
    for ask in land:
        assert ask.text.rstrip(".") in asks and ask.owner == "Dana Whitfield"
        assert f"{ask.text.rstrip('.')} — {ask.owner}"[:60] in text.replace("\n", " ")
    assert land[0].text.startswith("Approve $46k for the replacement licence")


def test_progress_never_rounds_up_to_done(store_services: Services, tmp_path: Path) -> None:
    services = store_services
    meeting = meeting_for_person(services, services.people.find("Dana").id)
    text = build_brief(services, meeting.id, tmp_path / "b.md", fmt="md").path.read_text("utf-8")
    line = next(line for line in text.splitlines() if "99.94/99.95" in line)
    assert "99 %" in line and "100 %" not in line and "██████████" not in line


# -- the weekly update -----------------------------------------------------------------------


def test_the_weekly_update_as_email_and_markdown(store_services: Services, tmp_path: Path) -> None:
    services = store_services
    dana = services.people.find("Dana")
    path = write_update(services, dana.id, tmp_path, fmt="eml")
    assert path.stat().st_mode & 0o777 == 0o600
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    update = services.updates.weekly(dana.id)
    last = services.meetings.list(person_id=dana.id, status="held")[0].scheduled_at
    assert (update.since, update.until) == (last.astimezone().date(), TODAY)
    assert message["Subject"] == f"Update for Dana Whitfield: {update.period}"
    assert update.period.endswith(f"{TODAY.day} {TODAY:%b %Y}")
    assert "dana.whitfield@example.com" in message["To"]
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    body = plain.get_content()
    since = update.since
    assert f"since our 1:1 on {since:%a} {since.day} {since:%b}" in body
    assert "Waiting on you" in body
    assert MARKER not in path.read_text("utf-8", errors="replace")
    markdown = render(services.updates.weekly(dana.id), "md", now=NOW).decode()
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert "Reduce churn: keep 120 at-risk customers this half (84 of 120 customers)" in headings
    assert {"Open risks and asks", "Waiting on you"} <= set(headings)
    assert MARKER not in markdown
    assert len(markdown.splitlines()) <= 60  # one screen
    with pytest.raises(ValidationError, match="after today"):
        services.updates.weekly(dana.id, since="2030-01-01")


def test_what_the_brief_leaves_out_is_counted_in_words() -> None:
    from upwardprep.export.brief import _more
    from upwardprep.export.model import Text

    assert _more(0, "priorities", "priority") == []
    ((one,), (two,)) = (_more(1, "priorities", "priority"), _more(2, "priorities", "priority"))
    assert isinstance(one, Text) and isinstance(two, Text)
    assert (one.text, two.text) == ("and 1 more priority.", "and 2 more priorities.")


def test_the_agenda_counts_what_waits_apart(demo: Services) -> None:
    """The meetings list's Agenda cell: planned items, the parked ones in brackets."""
    from dataclasses import replace

    drafted = next(m for m in demo.meetings.list() if len(m.agenda) >= 2)  # read only
    first, second = drafted.agenda[:2]
    planned = (replace(first, time_box_minutes=10), replace(second, time_box_minutes=15))
    parked = replace(first, id="parked", section=IF_TIME_ALLOWS, time_box_minutes=20)
    meeting = replace(drafted, duration_minutes=30, agenda_items=(*planned, parked))
    assert meeting.agenda_in_short == "2 (+1) · 25/30 min"
    assert meeting.agenda_in_words == (
        "2 agenda items planned, 1 more under “If time allows”; "
        "time boxes 25 of the meeting's 30 minutes"
    )
    assert replace(meeting, agenda_items=planned[:1]).agenda_in_short == "1 · 10/30 min"
    assert replace(meeting, agenda_items=()).agenda_in_short == "—"


def test_the_update_files_a_note_under_its_marked_primary(services: Services) -> None:
    frozen = Services(services.store, clock=FrozenClock(NOW))
    boss = frozen.people.create("Kim Park", role="manager")
    first, second = (frozen.priorities.create(t, owner_id=boss.id).id for t in ("Cost", "Churn"))
    for title, primary in (("Unmarked win", None), ("Marked win", second)):
        note = frozen.outcomes.create(
            title, person_id=boss.id, priority_ids=[first, second], occurred_on=TODAY
        )
        frozen.outcomes.set_primary(note.id, primary)
    groups = {
        group.title: [n.title for n in group.notes]
        for group in frozen.updates.weekly(boss.id, since=TODAY).groups
    }
    assert groups == {"Cost": ["Unmarked win"], "Churn": ["Marked win"]}
