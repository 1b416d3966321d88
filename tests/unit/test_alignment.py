"""Alignment over a hand-made store with a frozen clock: coverage, stale and silent priorities,
unaligned work, the downward tree of a manager with two reports, the dashboard and a review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import row_hashes
from upwardprep.services import Services, ValidationError
from upwardprep.services.alignment import DISMISSED_TAG, AlignmentNode
from upwardprep.services.common import NotFound
from upwardprep.store.engine import Store


@dataclass
class World:
    services: Services
    clock: FrozenClock
    ids: dict[str, str]


def _make(store: Store) -> World:
    clock = FrozenClock(NOW - timedelta(days=60))
    s = Services(store, clock=clock)
    ids: dict[str, str] = {}
    ids["dana"] = s.people.create("Dana Whitfield", role="manager", cadence_days=7).id
    ids["zoe"] = s.people.create("Zoë Ångström", role="report", cadence_days=7).id
    ids["rafael"] = s.people.create("Rafael Núñez", role="report", cadence_days=14).id
    p = s.priorities
    ids["churn"] = p.create(
        "Reduce churn", owner_id=ids["dana"], rank=1, metric_target=100, metric_current=40
    ).id
    ids["migration"] = p.create("Move to Atlas", owner_id=ids["dana"], rank=2).id
    ids["hiring"] = p.create("Hire six engineers", owner_id=ids["dana"], rank=3).id
    ids["save"] = p.create("Save offers", parent_id=ids["churn"]).id  # my goal
    ids["early"] = p.create("Early warning", owner_id=ids["zoe"], parent_id=ids["save"]).id
    ids["ci"] = p.create("CI under 12 min", owner_id=ids["rafael"], parent_id=ids["migration"]).id
    ids["strategy"] = p.create("Write the tech strategy").id  # mine, aligned to nothing
    clock.now = NOW - timedelta(days=30)
    p.confirm(ids["migration"])
    clock.now = NOW - timedelta(days=5)
    for key in ("churn", "save", "early", "ci", "strategy"):
        p.confirm(ids[key])
    clock.now = NOW

    def note(key: str, day: str, links: list[str], **fields: object) -> None:
        ids[key] = s.outcomes.create(
            key, occurred_on=day, priority_ids=[ids[k] for k in links], **fields
        ).id

    note("o1", "2026-11-10", ["churn"])
    note("o2", "2026-11-02", ["save"])
    note("o3", "2026-10-20", ["early", "churn"])  # counted once in churn's total
    note("o4", "2026-09-01", ["ci"])
    note("o5", "2026-11-15", [])
    note("o6", "2026-11-16", [], kind="learning")  # not work: never "unaligned"
    note("o7", "2026-11-01", [], kind="progress")
    note("o8", "2026-11-18", ["hiring"])
    s.outcomes.trash(ids["o8"])  # trashed notes count nowhere
    note("about_zoe", "2026-11-12", [], kind="feedback-given", person_id=ids["zoe"])
    held = s.meetings.create("2026-11-17 10:00", person_id=ids["zoe"])
    s.meetings.finish(held.id)
    # finishing with no open items plans nothing; Dana's next 1:1 is planned by hand
    ids["dana_1on1"] = s.meetings.create(
        datetime(2026, 11, 24, 10, 0, tzinfo=UTC), person_id=ids["dana"]
    ).id
    s.meetings.add_action(ids["dana_1on1"], "Send the churn pre-read", due_on="2026-11-20")
    s.meetings.add_action(ids["dana_1on1"], "Approve the budget", owner="them", due_on="2026-11-30")
    return World(s, clock, ids)


@pytest.fixture
def world(store: Store) -> World:
    return _make(store)


def _titles(nodes: list[AlignmentNode]) -> list[tuple[int, str]]:
    out = []

    def walk(node: AlignmentNode, depth: int) -> None:
        out.append((depth, node.priority.title))
        for child in node.children:
            walk(child, depth + 1)

    for node in nodes:
        walk(node, 0)
    return out


def _by_title(nodes: list[AlignmentNode]) -> dict[str, AlignmentNode]:
    return {n.priority.title: n for root in nodes for n in root.walk()}


def test_downward_tree_for_a_manager_with_two_reports(world: World) -> None:
    tree = world.services.alignment.tree(world.ids["dana"])
    assert _titles(tree) == [
        (0, "Reduce churn"),
        (1, "Save offers"),
        (2, "Early warning"),
        (0, "Move to Atlas"),
        (1, "CI under 12 min"),
        (0, "Hire six engineers"),
    ]
    nodes = _by_title(tree)
    assert nodes["Save offers"].owner_role is None
    assert nodes["Early warning"].owner_role == "report"
    assert nodes["Early warning"].priority.owner_name == "Zoë Ångström"
    assert nodes["CI under 12 min"].priority.owner_name == "Rafael Núñez"
    # everyone's view: the manager's priorities first, then my own top-level goal
    assert [n.priority.title for n in world.services.alignment.tree()] == [
        "Reduce churn",
        "Move to Atlas",
        "Hire six engineers",
        "Write the tech strategy",
    ]


def test_coverage_counts_direct_and_through_aligned_goals(world: World) -> None:
    nodes = _by_title(
        world.services.alignment.tree(world.ids["dana"], since="2026-10-01", until="2026-11-30")
    )
    churn = nodes["Reduce churn"].coverage
    assert (churn.direct, churn.total, churn.last_outcome_on) == (2, 3, date(2026, 11, 10))
    save = nodes["Save offers"].coverage
    assert (save.direct, save.total, save.last_outcome_on) == (1, 2, date(2026, 11, 2))
    assert nodes["Early warning"].coverage.total == 1
    assert nodes["Move to Atlas"].coverage.total == 0  # its only note is from September
    assert nodes["Hire six engineers"].coverage.total == 0  # its only note is in the Trash
    assert nodes["Reduce churn"].priority.progress == pytest.approx(0.4)
    whole = _by_title(world.services.alignment.tree(world.ids["dana"]))
    assert whole["Move to Atlas"].coverage.total == 1
    assert whole["Move to Atlas"].coverage.last_outcome_on == date(2026, 9, 1)
    # all time is counted another way (the link index less the Trash): same answers
    assert whole["Hire six engineers"].coverage == nodes["Hire six engineers"].coverage
    assert whole["Reduce churn"].coverage == churn
    assert whole["Save offers"].coverage == save
    # linking updates the counts
    world.services.alignment.link(world.ids["o5"], world.ids["churn"])
    after = _by_title(world.services.alignment.tree(world.ids["dana"], since="2026-10-01"))
    assert after["Reduce churn"].coverage.direct == 3
    assert after["Reduce churn"].coverage.total == 4


def test_stale_confirmation(world: World) -> None:
    nodes = _by_title(world.services.alignment.tree(world.ids["dana"]))
    assert not nodes["Reduce churn"].stale  # confirmed 5 days ago
    assert nodes["Move to Atlas"].stale  # 30 days ago
    assert nodes["Hire six engineers"].stale  # never, added 60 days ago
    assert not _by_title(world.services.alignment.tree(world.ids["dana"], stale_days=45))[
        "Move to Atlas"
    ].stale
    board = world.services.dashboard.read()
    assert [(s.priority.title, s.days_unconfirmed) for s in board.needs_confirmation] == [
        ("Hire six engineers", 60),
        ("Move to Atlas", 30),
    ]


def test_silent_priorities(world: World) -> None:
    silent = world.services.alignment.silent(weeks=4)
    assert [(s.priority.title, s.last_outcome_on, s.silent_days) for s in silent] == [
        ("Move to Atlas", date(2026, 9, 1), 83),
        ("CI under 12 min", date(2026, 9, 1), 83),
        ("Hire six engineers", None, 60),
        ("Write the tech strategy", None, 60),
        ("Early warning", date(2026, 10, 20), 34),
    ]
    assert [s.priority.title for s in world.services.alignment.silent(weeks=12)] == []
    only_dana = world.services.alignment.silent(weeks=4, person_id=world.ids["dana"])
    assert {s.priority.title for s in only_dana} == {"Move to Atlas", "Hire six engineers"}
    # a priority added last week is new, not silent
    world.services.priorities.create("Fresh", owner_id=world.ids["dana"])
    assert "Fresh" not in {s.priority.title for s in world.services.alignment.silent(weeks=1)}
    with pytest.raises(ValidationError):
        world.services.alignment.silent(weeks=0)


def test_unaligned_work_link_and_dismiss(world: World, store: Store) -> None:
    alignment = world.services.alignment
    unaligned = alignment.unaligned(since="2026-10-01")
    assert unaligned.total == 2
    assert [o.title for o in unaligned.outcomes] == ["o5", "o7"]  # newest first, work only
    alignment.dismiss(world.ids["o7"])
    assert [o.title for o in alignment.unaligned().outcomes] == ["o5"]
    assert DISMISSED_TAG in world.services.outcomes.get(world.ids["o7"]).tags
    alignment.dismiss(world.ids["o7"])  # twice is once
    assert world.services.outcomes.get(world.ids["o7"]).tags == (DISMISSED_TAG,)
    alignment.undismiss(world.ids["o7"])
    assert alignment.unaligned().total == 2
    alignment.link(world.ids["o5"], world.ids["save"])
    assert [o.title for o in alignment.unaligned().outcomes] == ["o7"]
    assert alignment.unaligned(limit=0).outcomes == ()

    before = row_hashes(store)
    with pytest.raises(NotFound):
        alignment.dismiss("no-such-id")
    with pytest.raises(ValidationError):
        alignment.link(world.ids["o7"], "no-such-priority")
    with pytest.raises(ValidationError, match="ends before"):
        alignment.unaligned(since="2026-11-30", until="2026-11-01")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        alignment.tree(since="last tuesday")
    assert row_hashes(store) == before


def test_align_a_goal_by_parent_and_refuse_cycles(world: World, store: Store) -> None:
    alignment = world.services.alignment
    alignment.align(world.ids["strategy"], world.ids["migration"])
    nodes = _by_title(alignment.tree(world.ids["dana"]))
    assert [c.priority.title for c in nodes["Move to Atlas"].children] == [
        "Write the tech strategy",  # my goals before my reports'
        "CI under 12 min",
    ]
    before = row_hashes(store)
    with pytest.raises(ValidationError, match="aligned to itself"):
        alignment.align(world.ids["churn"], world.ids["early"])
    assert row_hashes(store) == before
    alignment.align(world.ids["strategy"], None)
    assert "Write the tech strategy" in [n.priority.title for n in alignment.tree()]


def test_reports_and_when_they_were_last_discussed(world: World) -> None:
    reports = world.services.alignment.reports()
    assert [r.name for r in reports] == ["Rafael Núñez", "Zoë Ångström"]
    rafael, zoe = reports
    assert [g.title for g in zoe.goals] == ["Early warning"]
    assert zoe.last_meeting_on == date(2026, 11, 17)
    assert zoe.last_outcome_on == date(2026, 11, 12)  # the note about her, after o3 on her goal
    assert zoe.last_discussed_on == date(2026, 11, 17)
    assert [g.title for g in rafael.goals] == ["CI under 12 min"]
    assert (rafael.last_meeting_on, rafael.last_discussed_on) == (None, date(2026, 9, 1))


def test_dashboard(world: World) -> None:
    board = world.services.dashboard.read()
    assert board.today == date(2026, 11, 23)
    nexts = [(n.person_name, n.meeting_id is not None, n.overdue) for n in board.next_one_on_ones]
    # Dana's planned 1:1; Zoë's is due a week after the last one; Rafael was never met
    assert nexts == [("Dana Whitfield", True, False), ("Zoë Ångström", False, False)]
    assert board.next_one_on_ones[0].meeting_id == world.ids["dana_1on1"]
    assert [(g.owner_label, [a.title for a in g.items]) for g in board.actions] == [
        ("Me", ["Send the churn pre-read"]),
        ("Dana Whitfield", ["Approve the budget"]),
    ]
    assert board.actions[0].items[0].overdue
    assert not board.actions[1].items[0].overdue
    assert board.unaligned.total == 2
    assert {s.priority.title for s in board.silent} >= {"Move to Atlas", "Hire six engineers"}
    rhythm = board.rhythm
    assert len(rhythm) == 13
    assert rhythm[-1].week_start == date(2026, 11, 23)
    assert all(b.week_start - a.week_start == timedelta(weeks=1) for a, b in pairwise(rhythm))
    counts = {week.week_start: week.count for week in rhythm}
    assert counts[date(2026, 11, 9)] == 3  # o1, about_zoe, o5
    assert counts[date(2026, 11, 16)] == 1  # o6; o8 is in the Trash
    assert sum(counts.values()) == 8  # every live note: all are since 2026-08-31


def test_review_workspace(world: World) -> None:
    s = world.services
    s.outcomes.create("Great feedback", kind="feedback-received", occurred_on="2026-11-05")
    cycle = s.reviews.create("H2 review", "2026-10-01", "2026-11-30", reviewer_id=world.ids["dana"])
    s.meetings.set_action_done(s.meetings.list(person_id=world.ids["dana"])[0].action_items[0].id)
    review = s.review_workspace.read(cycle.id)
    assert [(g.title, [n.title for n in g.outcomes]) for g in review.by_priority] == [
        ("Reduce churn", ["o3", "o1"]),
        ("Save offers", ["o2"]),
        ("Early warning", ["o3"]),
        ("Not linked to a priority", ["o7", "o5"]),
    ]
    assert review.outcome_count == 5
    assert [n.title for n in review.feedback] == ["Great feedback", "about_zoe"]
    assert [n.title for n in review.learning] == ["o6"]
    assert [(a.title, a.owner_label, a.done_on is not None) for a in review.actions] == [
        ("Send the churn pre-read", "Me", True),
        ("Approve the budget", "Dana Whitfield", False),
    ]
    assert not review.actions[0].on_time  # due the 20th, done the 23rd
    assert review.notes()[0].title == "o6"
    with pytest.raises(NotFound):
        s.review_workspace.read("no-such-cycle")
