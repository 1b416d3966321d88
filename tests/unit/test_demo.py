"""The demo store: realistic, complete enough to show every screen, and deterministic."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.clock import NOW, TODAY
from tests.conftest import PASSPHRASE, copy_store
from upwardprep.demo import populate
from upwardprep.services import Services, ValidationError
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store.engine import Store


def _services(path: Path) -> Iterator[Services]:
    store = Store.create(path, "demo passphrase")
    try:
        yield Services(store, clock=lambda: NOW)
    finally:
        store.close()


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    yield from _services(tmp_path / "demo.upwardprep")


@pytest.fixture(scope="module")
def demo(demo_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One populated store shared by the read-only tests below: a copy of the demo the other
    modules use, made by `populate` around the tests' NOW like `services` below."""
    path = copy_store(demo_store_file, tmp_path_factory.mktemp("demo") / "demo.upwardprep")
    with Store.open(path, PASSPHRASE) as store:
        yield Services(store, clock=lambda: NOW)


def test_summary_and_speed(services: Services) -> None:
    started = time.process_time()
    summary = populate(services, today=TODAY)
    # ~1 s of CPU; about 160 commits (one per action, like a user's) wait on fsync too, and a
    # busy disk or machine stretches the wall time, so the bound is on CPU time: it catches a
    # pathological slowdown, not the neighbours' load.
    assert time.process_time() - started < 5
    assert summary.startswith("1 manager, 5 priorities")
    assert "60 outcome notes" in summary
    assert "8 past 1:1s" in summary
    assert summary.endswith("1 review cycle")


def test_people(demo: Services) -> None:
    managers = demo.people.list(role="manager")
    assert [m.name for m in managers] == ["Dana Whitfield"]
    assert managers[0].cadence_days == 7
    assert "pre-read" in managers[0].preferences
    assert len(demo.people.list(role="report")) == 2
    assert len(demo.people.list(role="skip-level")) == 1
    names = {p.name for p in demo.people.list()}
    assert {"Zoë Ångström", "Nikolai Петров"} <= names


@pytest.mark.date_sensitive
def test_priorities_and_alignment(demo: Services) -> None:
    dana = demo.people.find("Dana Whitfield")
    top = demo.priorities.list(owner_id=dana.id)
    assert len(top) == 5
    assert [p.rank for p in top] == [1, 2, 3, 4, 5]
    assert all(p.parent_id is None and p.measure for p in top)
    assert sorted(p.status for p in top) == ["active", "active", "active", "at-risk", "done"]
    everything = demo.priorities.list()
    children = {p.id: [c for c in everything if c.parent_id == p.id] for p in top}
    assert max(len(goals) for goals in children.values()) >= 2
    for report in demo.people.list(role="report"):
        own = [p for p in everything if p.owner_id == report.id]
        assert 1 <= len(own) <= 2
        assert all(p.parent_id for p in own)
    churn = top[0]
    assert churn.metric_unit == "customers" and churn.progress == pytest.approx(84 / 120)
    assert any(change.field == "metric_target" for change in demo.priorities.history(churn.id))
    # Two manager priorities have not been confirmed for more than three weeks.
    stale = demo.priorities.stale()
    assert len(stale) == 2 and all(p.owner_id == dana.id for p in stale)


@pytest.mark.date_sensitive
def test_outcomes(demo: Services) -> None:
    notes = demo.outcomes.list()
    assert 55 <= len(notes) <= 65
    assert len({(n.occurred_on.year, n.occurred_on.month) for n in notes}) >= 5
    assert all(n.occurred_on <= TODAY for n in notes)
    assert {n.kind for n in notes} == {
        "win",
        "progress",
        "risk",
        "feedback-received",
        "feedback-given",
        "decision",
        "learning",
    }
    risks = [n for n in notes if n.kind == "risk"]
    assert all(r.ask for r in risks)
    assert any(r.resolved_on for r in risks) and demo.outcomes.open_risks()
    assert 2 <= sum(n.private for n in notes) <= 3
    assert demo.outcomes.count(OutcomeFilter(unaligned=True)) >= 1
    assert all(len(n.priority_ids) <= 2 for n in notes)
    assert any(n.person_id for n in notes)
    assert all(n.evidence_url.startswith("https://example.com/") for n in notes if n.evidence_url)
    hits = demo.search.outcomes("latency")
    assert any("840 ms to 310 ms" in hit.title for hit in hits)


@pytest.mark.date_sensitive
def test_meetings(demo: Services) -> None:
    dana = demo.people.find("Dana")
    held = demo.meetings.list(person_id=dana.id, status="held")
    assert len(held) >= 8
    for meeting in held:
        assert meeting.kind == "1:1" and meeting.duration_minutes == 30
        assert 3 <= len(meeting.agenda_items) <= 5
        assert all(item.time_box_minutes for item in meeting.agenda_items)
        assert meeting.notes and meeting.decisions
        assert meeting.held_at is not None and meeting.held_at.date() <= TODAY
    planned = demo.meetings.list(person_id=dana.id, status="planned")
    assert len(planned) == 1 and planned[0].scheduled_at > NOW
    open_items = demo.meetings.open_actions()
    assert open_items
    # Some actions are overdue and some due within the week, whatever the date.
    assert any(item.due_on and item.due_on < TODAY for item in open_items)
    assert any(
        item.due_on and TODAY <= item.due_on <= TODAY + timedelta(days=7) for item in open_items
    )
    assert all(item.meeting_id == planned[0].id for item in open_items)
    assert any(item.carry_count >= 2 for item in open_items)
    # The next agenda is drafted: the user's own item on top, then every kind of source.
    agenda = planned[0].agenda_items
    assert agenda[0].source_type is None and agenda[0].user_edited
    kinds = {item.source_type for item in agenda}
    assert {"action", "risk", "priority", "template"} <= kinds
    assert {i.source_id for i in agenda if i.source_type == "action"} <= {
        item.id for item in open_items
    }
    # Fitted to the half hour; one item per topic (the load balancer is the user's own item).
    assert planned[0].planned_minutes <= planned[0].duration_minutes
    assert planned[0].if_time_allows
    items = [item for meeting in held for item in meeting.action_items]
    assert any(item.done_at for item in items)
    assert any(item.carry_count >= 1 and item.done_at for item in items)


@pytest.mark.date_sensitive
def test_review_and_templates(demo: Services) -> None:
    (cycle,) = demo.reviews.list()
    assert cycle.kind == "self-review" and cycle.reviewer_name == "Dana Whitfield"
    # Half a year around today: from the first of the month five months back to the end of
    # this month, whatever the date.
    start, end = cycle.period_start, cycle.period_end
    assert start.day == 1 and TODAY.year * 12 + TODAY.month - (start.year * 12 + start.month) == 5
    assert (end.year, end.month) == (TODAY.year, TODAY.month) and (end + timedelta(1)).day == 1
    assert cycle.self_assessment.startswith("# ")
    names = [t.name for t in demo.templates.list()]
    assert "Weekly 1:1 with my manager" in names and "1:1 with a direct report" in names
    assert len(names) == 6 and all(t.builtin for t in demo.templates.list())


def test_refuses_a_store_with_data(demo: Services) -> None:
    with pytest.raises(ValidationError):
        populate(demo, today=TODAY)


def test_deterministic(tmp_path: Path) -> None:
    titles = []
    for name in ("a", "b"):
        for services in _services(tmp_path / f"{name}.upwardprep"):
            populate(services, today=TODAY, seed=11)
            notes = services.outcomes.list()
            titles.append([(n.title, n.occurred_on, n.resolved_on) for n in notes])
    assert titles[0] == titles[1]
