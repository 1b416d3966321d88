"""The Qt models and delegates: Qt's model contract, ids, ranks, staleness, lazy outcome pages."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from tests.conftest import PASSPHRASE
from upwardprep.gui.models.base import IdRole, SortRole
from upwardprep.gui.models.dates import absolute, age, relative_day
from upwardprep.gui.models.outcomes import KindRole, OutcomesModel
from upwardprep.gui.models.people import PeopleModel
from upwardprep.gui.models.priorities import (
    PRIORITY_IDS_MIME,
    PrioritiesModel,
    PriorityTreeModel,
    ProgressRole,
    StaleRole,
    StatusRole,
)
from upwardprep.gui.models.search import EntityRole, SearchResultsModel, SnippetRole
from upwardprep.gui.models.trash import TrashModel
from upwardprep.gui.widgets.delegates import (
    ProgressDelegate,
    StaleDelegate,
    StatusPillDelegate,
    contrast,
    readable,
    status_color,
)
from upwardprep.services import Services
from upwardprep.services.outcomes import NewOutcome, OutcomeFilter
from upwardprep.store.engine import Store

UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
MONDAY = date(2026, 11, 23)


def all_cells(model, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0:
                yield from all_cells(model, index)


def assert_id_round_trip(model) -> None:
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        record_id = model.index(row, 0).data(IdRole)
        assert isinstance(record_id, str) and record_id
        assert model.id_at(row) == record_id
        assert model.row_of(record_id) == row
    assert model.row_of("no-such-id") == -1
    assert model.id_at(model.rowCount()) is None


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (MONDAY, "today"),
        (MONDAY - timedelta(days=1), "yesterday"),
        (MONDAY + timedelta(days=1), "tomorrow"),
        (MONDAY - timedelta(days=3), "3 days ago"),
        (MONDAY - timedelta(days=6), "6 days ago"),
        (MONDAY + timedelta(days=2), "in 2 days"),
        (MONDAY + timedelta(days=6), "in 6 days"),  # Sunday of this week
        (MONDAY + timedelta(days=8), "next Tue"),
        (MONDAY + timedelta(days=13), "next Sun"),
        (date(2026, 3, 12), "12 Mar"),
        (date(2026, 12, 24), "24 Dec"),
        (date(2025, 3, 12), "12 Mar 2025"),
        (date(2027, 1, 30), "30 Jan 2027"),
    ],
)
def test_relative_day(day: date, text: str) -> None:
    assert relative_day(day, MONDAY, locale=UK) == text


def test_next_weekday_across_the_weekend() -> None:
    friday = date(2026, 11, 27)
    assert relative_day(date(2026, 12, 1), friday, locale=UK) == "next Tue"
    assert relative_day(date(2026, 11, 29), friday, locale=UK) == "in 2 days"


def test_age_and_absolute() -> None:
    assert age(None, MONDAY) == "never"
    assert age(MONDAY, MONDAY) == "today"
    assert age(MONDAY - timedelta(days=1), MONDAY) == "yesterday"
    assert age(MONDAY - timedelta(days=34), MONDAY) == "34 days ago"
    assert age(MONDAY - timedelta(days=130), MONDAY) == "4 months ago"
    assert age(MONDAY - timedelta(days=800), MONDAY) == "2 years ago"
    assert absolute(date(2026, 3, 12), locale=UK) == "Thursday, 12 March 2026"
    moment = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
    assert absolute(moment, locale=UK).startswith("Thursday, 12 March 2026, ")
    assert absolute(None) == ""


# -- every model passes Qt's model tests, empty and filled ----------------------------------


def test_empty_models_pass_the_model_tester(services: Services, qtmodeltester) -> None:
    outcomes = OutcomesModel(services)
    outcomes.set_filter()
    search = SearchResultsModel(services)
    search.set_query("anything")
    for model in (
        PeopleModel(services),
        PrioritiesModel(services),
        PriorityTreeModel(services),
        outcomes,
        TrashModel(services),
        search,
    ):
        assert model.rowCount() == 0
        qtmodeltester.check(model)


def test_filled_models_pass_the_model_tester(demo_services: Services, qtmodeltester) -> None:
    services = demo_services
    outcome_id = services.outcomes.ids()[-1]
    services.outcomes.trash(outcome_id)
    outcomes = OutcomesModel(services)
    outcomes.set_filter()
    search = SearchResultsModel(services)
    search.set_query("Atlas")
    models = (
        PeopleModel(services),
        PrioritiesModel(services),
        PriorityTreeModel(services),
        outcomes,
        TrashModel(services),
        search,
    )
    for model in models:
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model)
        qtmodeltester.check(model, force_py=True)
        for index in all_cells(model):
            assert index.data(IdRole)
            index.data(Qt.ItemDataRole.ToolTipRole)
            index.data(SortRole)


def test_ids_round_trip(demo_services: Services) -> None:
    outcomes = OutcomesModel(demo_services)
    outcomes.set_filter()
    search = SearchResultsModel(demo_services)
    search.set_query("Atlas")
    demo_services.people.trash(demo_services.people.list()[-1].id)
    for model in (PeopleModel(demo_services), PrioritiesModel(demo_services), outcomes, search):
        assert_id_round_trip(model)
    assert_id_round_trip(TrashModel(demo_services))


# -- people ----------------------------------------------------------------------------------


def test_people_columns_and_role_filter(services: Services) -> None:
    dana = services.people.create("Dana Whitfield", role="manager", cadence_days=7, title="VP")
    services.people.create("Zoë Ångström", role="report", cadence_days=1)
    services.people.create("Priya", role="peer")
    model = PeopleModel(services)
    assert model.headerData(PeopleModel.CADENCE, Qt.Orientation.Horizontal) == "Cadence"
    assert model.rowCount() == 3
    first = [model.index(0, column).data() for column in range(model.columnCount())]
    assert first == ["Dana Whitfield", "Manager", "VP", "every week"]
    assert model.index(0, 0).data(IdRole) == dana.id
    assert model.index(1, PeopleModel.CADENCE).data() == "every day"
    assert model.index(2, PeopleModel.CADENCE).data() == ""
    model.set_role("report")
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Zoë Ångström"
    model.set_role(None)
    assert model.rowCount() == 3
    model.clear()
    assert model.rowCount() == 0 and model.row_of(dana.id) == -1


# -- priorities ------------------------------------------------------------------------------


def owner_block(model: PrioritiesModel, owner_id: str | None) -> list[str]:
    return [
        model.id_at(row)  # type: ignore[misc]
        for row in range(model.rowCount())
        if model.record_at(row).owner_id == owner_id  # type: ignore[union-attr]
    ]


def ranks_in_store(services: Services, owner_id: str) -> list[str]:
    return [p.id for p in sorted(services.priorities.list(owner_id=owner_id), key=lambda p: p.rank)]


def test_move_changes_ranks_in_the_store(demo_services: Services) -> None:
    model = PrioritiesModel(demo_services)
    dana = demo_services.people.list(role="manager")[0].id
    before = owner_block(model, dana)
    assert len(before) >= 3
    first_row = model.row_of(before[0])
    reordered = []
    model.reordered.connect(reordered.append)
    new_row = model.move(first_row, 2)
    expected = [before[1], before[2], before[0], *before[3:]]
    assert ranks_in_store(demo_services, dana) == expected
    assert owner_block(model, dana) == expected
    assert model.id_at(new_row) == before[0]
    assert model.index(new_row, PrioritiesModel.RANK).data() == "3"
    assert reordered == [[before[0]]]
    # the last one cannot go further down, the first not further up; nothing is written
    last_row = model.row_of(expected[-1])
    assert model.move(last_row, 1) == last_row
    assert model.move(model.row_of(expected[0]), -5) == model.row_of(expected[0])
    assert ranks_in_store(demo_services, dana) == expected
    # a big jump stops at the top of the owner's list, never in another owner's
    model.move(model.row_of(expected[-1]), -99)
    assert ranks_in_store(demo_services, dana)[0] == expected[-1]


def test_drag_and_drop_round_trip(demo_services: Services) -> None:
    model = PrioritiesModel(demo_services)
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    assert PRIORITY_IDS_MIME in model.mimeTypes()
    dana = demo_services.people.list(role="manager")[0].id
    block = owner_block(model, dana)
    first, last = model.row_of(block[0]), model.row_of(block[-1])
    mime = model.mimeData([model.index(first, c) for c in range(model.columnCount())])
    assert model.dragged_ids(mime) == [block[0]]
    move = Qt.DropAction.MoveAction
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, last + 1, 0, QModelIndex())
    assert not model.canDropMimeData(mime, move, first, 0, QModelIndex())  # no change
    # between rows: below the owner's last priority
    assert model.canDropMimeData(mime, move, last + 1, 0, QModelIndex())
    assert model.dropMimeData(mime, move, last + 1, 0, QModelIndex())
    assert ranks_in_store(demo_services, dana) == [*block[1:], block[0]]
    # onto a row: takes its place (moving up: before it)
    mime = model.mimeData([model.index(model.row_of(block[0]), 0)])
    target = model.index(model.row_of(block[1]), 0)
    assert model.dropMimeData(mime, move, -1, -1, target)
    assert ranks_in_store(demo_services, dana) == block
    # another owner's row, or a stranger's mime data, is refused
    others = [model.id_at(r) for r in range(model.rowCount()) if model.id_at(r) not in block]
    foreign = model.index(model.row_of(others[0]), 0)
    mime = model.mimeData([model.index(model.row_of(block[0]), 0)])
    assert not model.canDropMimeData(mime, move, -1, -1, foreign)
    assert not model.dropMimeData(mime, move, -1, -1, foreign)
    mime.setData(PRIORITY_IDS_MIME, b"not json")
    assert not model.canDropMimeData(mime, move, last + 1, 0, QModelIndex())
    assert ranks_in_store(demo_services, dana) == block


def test_drop_through_a_view_reorders(demo_services: Services, qtbot) -> None:
    model = PrioritiesModel(demo_services)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    dana = demo_services.people.list(role="manager")[0].id
    block = owner_block(model, dana)
    rows = [model.row_of(block[0]), model.row_of(block[1])]
    mime = model.mimeData([model.index(row, 0) for row in rows])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, rows[-1] + 2, 0, QModelIndex())
    assert ranks_in_store(demo_services, dana) == [block[2], block[0], block[1], *block[3:]]


def frozen(store: Store, when: datetime) -> Services:
    return Services(store, clock=lambda: when)


def test_stale_progress_and_period_cells(store: Store) -> None:
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    early = frozen(store, start)
    boss = early.people.create("Dana", role="manager")
    never = early.priorities.create(
        "Reduce churn",
        owner_id=boss.id,
        metric_target=50,
        metric_current=31,
        metric_unit="customers",
        period_start="2026-10-01",
        period_end="2026-12-31",
    )
    confirmed = early.priorities.create("Atlas", owner_id=boss.id, metric_target=10)
    finished = early.priorities.create("Hire", owner_id=boss.id, status="done")
    beaten = early.priorities.create(
        "Cost", metric_target=400, metric_current=436, metric_unit="k$"
    )
    frozen(store, start + timedelta(days=10)).priorities.confirm(confirmed.id)
    later = frozen(store, start + timedelta(days=30))
    model = PrioritiesModel(later, stale_days=21)

    def cell(priority_id: str, column: int, role: int = Qt.ItemDataRole.DisplayRole):
        return model.index(model.row_of(priority_id), column).data(role)

    confirmed_column = PrioritiesModel.CONFIRMED
    assert cell(never.id, confirmed_column) == "never"
    assert cell(never.id, confirmed_column, StaleRole) is True  # 30 days since created
    assert cell(confirmed.id, confirmed_column) == "20 days ago"
    assert cell(confirmed.id, confirmed_column, StaleRole) is False
    assert "Confirmed 20 days ago" in cell(
        confirmed.id, confirmed_column, Qt.ItemDataRole.ToolTipRole
    )
    assert cell(finished.id, confirmed_column, StaleRole) is False  # done needs no confirming
    assert {p.id for p in later.priorities.stale(days=21)} == {never.id, beaten.id}
    assert frozen_stale_agrees(model, later)
    assert (
        PrioritiesModel(frozen(store, start + timedelta(days=50)), stale_days=21)
        .index(model.row_of(confirmed.id), confirmed_column)
        .data(StaleRole)
    )

    assert cell(never.id, PrioritiesModel.PROGRESS, ProgressRole) == (
        pytest.approx(0.62),
        "62 % · 31/50 customers",
    )
    assert cell(confirmed.id, PrioritiesModel.PROGRESS, ProgressRole) == (None, "—/10")
    assert cell(finished.id, PrioritiesModel.PROGRESS, ProgressRole) == (None, "")
    assert cell(beaten.id, PrioritiesModel.PROGRESS, ProgressRole)[1] == "109 % · 436/400 k$"
    assert cell(beaten.id, PrioritiesModel.OWNER) == "Me"
    assert cell(never.id, PrioritiesModel.PERIOD) == "Q4 2026"
    assert cell(never.id, PrioritiesModel.STATUS, StatusRole) == "active"
    assert cell(finished.id, PrioritiesModel.STATUS) == "Done"


def frozen_stale_agrees(model: PrioritiesModel, services: Services) -> bool:
    stale = {p.id for p in services.priorities.stale(days=model.stale_days)}
    flagged = {
        model.id_at(row)
        for row in range(model.rowCount())
        if model.index(row, PrioritiesModel.CONFIRMED).data(StaleRole)
    }
    return stale == flagged


def test_priority_tree(demo_services: Services, qtmodeltester) -> None:
    services = demo_services
    tree = PriorityTreeModel(services)
    qtmodeltester.check(tree)
    priorities = services.priorities.list()
    by_id = {p.id: p for p in priorities}
    seen = set()
    for index in all_cells(tree):
        if index.column() != 0:
            continue
        record_id = index.data(IdRole)
        seen.add(record_id)
        parent = index.parent()
        expected_parent = by_id[record_id].parent_id
        assert (parent.data(IdRole) if parent.isValid() else None) == expected_parent
        assert tree.index_of(record_id) == index
    assert seen == set(by_id)
    assert any(tree.rowCount(tree.index(row, 0)) for row in range(tree.rowCount()))
    managers = {p.id for p in services.people.list(role="manager")}
    top = by_id[tree.index(0, 0).data(IdRole)]
    assert top.owner_id in managers and top.parent_id is None
    tree.clear()
    assert tree.rowCount() == 0 and not tree.index_of(top.id).isValid()


# -- outcomes: 5,000 notes, ids held, rows paged ---------------------------------------------

KINDS = ["win", "progress", "risk", "decision", "learning", "feedback-received"]


@pytest.fixture(scope="module")
def notes_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """5,000 notes bulk-imported once for the module (the tests only read them)."""
    path = tmp_path_factory.mktemp("notes") / "notes.upwardprep"
    rng = random.Random(5)
    with Store.create(path, PASSPHRASE) as store:
        services = Services(store)
        person = services.people.create("Dana", role="manager")
        priorities = [services.priorities.create(f"Goal {n}", owner_id=person.id) for n in range(4)]
        words = [
            "ledger",
            "checkout",
            "latency",
            "runbook",
            "onboarding",
            "budget",
            "hiring",
            "churn",
        ]
        items = [
            NewOutcome(
                title=f"Note {n}: " + " ".join(rng.choices(words, k=4)),
                occurred_on=date(2026, 11, 20) - timedelta(days=n // 10),
                kind=KINDS[n % len(KINDS)],
                body=("zeppelin " if n % 97 == 0 else "") + " ".join(rng.choices(words, k=30)),
                private=n % 11 == 0,
                priority_ids=[priorities[n % 4].id] if n % 3 else [],
            )
            for n in range(5000)
        ]
        assert services.outcomes.bulk_import(items) == 5000
        yield store


@pytest.fixture
def notes(notes_store: Store) -> Services:
    return Services(notes_store)


def test_outcomes_filters_follow_the_service(notes: Services, qtbot, qtmodeltester) -> None:
    model = OutcomesModel(notes)
    with qtbot.waitSignal(model.countChanged) as signal:
        model.set_filter()
    assert signal.args == [5000] and model.rowCount() == 5000
    qtmodeltester.check(model)
    risks = OutcomeFilter(kinds=("risk",))
    model.set_filter(risks)
    assert model.rowCount() == notes.outcomes.count(risks)
    assert all(model.index(r, 0).data(KindRole) == "risk" for r in range(0, model.rowCount(), 97))
    goal = notes.priorities.list()[1]
    linked = OutcomeFilter(priority_id=goal.id)
    model.set_filter(linked)
    assert model.rowCount() == notes.outcomes.count(linked) > 0
    public = OutcomeFilter(include_private=False)
    model.set_filter(public)
    assert model.rowCount() == notes.outcomes.count(public) < 5000
    # typed text: best match first, as many as the search returns
    with qtbot.waitSignal(model.countChanged) as signal:
        model.set_filter(OutcomeFilter(), "zeppelin")
    hits = notes.search.outcomes("zeppelin", limit=model.search_limit)
    assert signal.args == [len(hits)] and len(hits) == 52
    assert [model.id_at(r) for r in range(model.rowCount())] == [h.id for h in hits]
    assert not model.capped
    model.set_filter(risks, "zeppelin")
    assert model.rowCount() == len(notes.search.outcomes("zeppelin", risks, limit=200)) > 0
    model.set_filter(OutcomeFilter(), "ledger")  # in nearly every note: capped
    assert model.rowCount() == model.search_limit and model.capped
    model.set_filter(OutcomeFilter(), "   ")  # blank text is no text
    assert model.rowCount() == 5000


def test_outcomes_hold_ids_and_fetch_pages(notes: Services, qtbot) -> None:
    model = OutcomesModel(notes)
    model.set_filter()
    assert model.cached_rows == 0 and model.pages_fetched == 0
    last = model.index(4999, OutcomesModel.TITLE)
    expected = notes.outcomes.rows([model.id_at(4999)])[0]
    assert last.data() == expected.title
    assert model.index(4999, OutcomesModel.KIND).data(KindRole) == expected.kind
    assert model.pages_fetched == 1 and model.cached_rows == model.page_size
    for row in range(model.page_size * 2):  # the first two pages: two more queries
        model.index(row, OutcomesModel.DATE).data()
    assert model.pages_fetched == 3
    for row in range(model.rowCount()):
        assert model.index(row, OutcomesModel.TITLE).data()
    assert model.cached_rows <= model.max_pages * model.page_size
    assert model.pages_fetched == 3 + 5000 // model.page_size - 2
    # newest first by default; sorting by date the other way reverses without a query
    first_day = model.index(0, OutcomesModel.DATE).data(SortRole)
    assert first_day >= model.index(4999, OutcomesModel.DATE).data(SortRole)
    model.sort(OutcomesModel.DATE, Qt.SortOrder.AscendingOrder)
    assert model.index(4999, OutcomesModel.DATE).data(SortRole) == first_day


def test_outcome_cells(notes: Services, qtbot) -> None:
    model = OutcomesModel(notes)
    model.set_filter()
    row = model.row_of(
        notes.outcomes.ids(OutcomeFilter(priority_id=notes.priorities.list()[0].id))[0]
    )
    data = notes.outcomes.get(model.id_at(row))  # type: ignore[arg-type]
    index = model.index(row, OutcomesModel.PRIORITIES)
    index.data()  # asks: the titles come a moment later
    qtbot.waitUntil(lambda: index.data() == "; ".join(data.priority_titles))
    assert data.priority_titles
    assert model.index(row, OutcomesModel.DATE).data(Qt.ItemDataRole.ToolTipRole) == absolute(
        data.occurred_on
    )
    public = set(notes.outcomes.ids(OutcomeFilter(include_private=False)))
    private_id = next(rid for rid in notes.outcomes.ids() if rid not in public)
    private_row = model.row_of(private_id)
    assert model.index(private_row, OutcomesModel.PRIVATE).data() == "private"
    assert (
        not model.index(private_row, OutcomesModel.PRIVATE)
        .data(Qt.ItemDataRole.DecorationRole)
        .isNull()
    )
    assert model.index(private_row, OutcomesModel.KIND).data() in {
        "Win",
        "Progress",
        "Risk",
        "Decision",
        "Learning",
        "Feedback received",
    }


def test_clear_leaves_no_note_text(notes: Services, qtbot) -> None:
    model = OutcomesModel(notes)
    model.set_filter()
    titles = {model.index(r, OutcomesModel.TITLE).data() for r in range(300)}
    for r in range(30):
        model.index(r, OutcomesModel.PRIORITIES).data()
    qtbot.waitUntil(lambda: not model._queued)
    with qtbot.waitSignal(model.countChanged) as signal:
        model.clear()
    assert signal.args == [0]
    assert model.rowCount() == 0 and model.cached_rows == 0
    assert not model._titles and not model._ids
    for index in all_cells(model):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert index.data(role) not in titles
    assert model.index(0, OutcomesModel.TITLE).data() is None


def test_every_model_forgets_on_clear(demo_services: Services) -> None:
    services = demo_services
    services.outcomes.trash(services.outcomes.ids()[0])
    search = SearchResultsModel(services)
    search.set_query("Atlas")
    models = [
        PeopleModel(services),
        PrioritiesModel(services),
        PriorityTreeModel(services),
        TrashModel(services),
        search,
    ]
    for model in models:
        texts = {
            index.data(role)
            for index in all_cells(model)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        }
        assert texts
        model.clear()
        assert model.rowCount() == 0
        assert model.index(0, 0).data() is None


# -- trash and search ------------------------------------------------------------------------


def test_trash_model(services: Services) -> None:
    note = services.outcomes.create("Shipped the ledger", occurred_on="2026-11-20")
    person = services.people.create("Priya", role="peer")
    services.outcomes.trash(note.id)
    services.people.trash(person.id)
    model = TrashModel(services)
    assert model.rowCount() == 2
    rows = {model.index(r, 0).data(IdRole): r for r in range(2)}
    note_row = rows[note.id]
    assert [model.index(note_row, c).data() for c in range(3)] == [
        "Outcome",
        "Shipped the ledger",
        "today",
    ]
    assert model.index(note_row, 0).data(EntityRole) == "outcome"
    assert model.index(note_row, TrashModel.DELETED).data(Qt.ItemDataRole.ToolTipRole)
    services.trash.restore(note.id)
    model.refresh()
    assert model.rowCount() == 1 and model.id_at(0) == person.id


def test_search_snippets_are_escaped(services: Services) -> None:
    services.outcomes.create(
        "Launch review <script>alert(1)</script>",
        body="We planned the launch & <script>alert('x')</script> checks <b>bold</b>",
    )
    services.people.create("Launch Lee", role="peer")
    model = SearchResultsModel(services)
    model.set_query("launch")
    assert model.rowCount() == 2
    entities = {model.index(r, 0).data(EntityRole) for r in range(2)}
    assert entities == {"outcome", "person"}
    for row in range(model.rowCount()):
        snippet = model.index(row, 0).data(SnippetRole)
        assert "<script" not in snippet and "<b>bold" not in snippet
        assert "\ue000" not in snippet and "\ue001" not in snippet
    # The person matched by name comes first, its second line is its job (none here); the
    # note's second line is its snippet, the matched word in bold.
    assert model.index(0, 0).data(EntityRole) == "person"
    outcome_row = next(r for r in range(2) if model.index(r, 0).data(EntityRole) == "outcome")
    snippet = model.index(outcome_row, 0).data(SnippetRole)
    assert "&lt;script&gt;" in snippet
    assert "<b>" in snippet and "</b>" in snippet
    assert model.index(outcome_row, 0).data().startswith("Launch review <script>")  # plain title
    model.set_query("")
    assert model.rowCount() == 0


# -- delegates -------------------------------------------------------------------------------

LIGHT = {"base": "#ffffff", "text": "#1f2933", "highlight": "#1f5fbf", "htext": "#ffffff"}
DARK = {"base": "#1b1c1f", "text": "#e8eaed", "highlight": "#5b8def", "htext": "#ffffff"}


def palette(colours: dict[str, str]) -> QPalette:
    result = QPalette()
    result.setColor(QPalette.ColorRole.Base, QColor(colours["base"]))
    result.setColor(QPalette.ColorRole.Window, QColor(colours["base"]))
    result.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    result.setColor(QPalette.ColorRole.Highlight, QColor(colours["highlight"]))
    result.setColor(QPalette.ColorRole.HighlightedText, QColor(colours["htext"]))
    return result


def paint(delegate, index: QModelIndex, colours: dict[str, str], selected: bool) -> QImage:
    image = QImage(220, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor(colours["base"]))
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    option.palette = palette(colours)
    if selected:
        option.state |= QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Enabled
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    hint = delegate.sizeHint(option, index)
    assert hint.width() > 0 and hint.height() > 0
    return image


def test_delegates_paint_every_status(store: Store, qapp) -> None:
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    services = frozen(store, start)
    boss = services.people.create("Dana", role="manager")
    for number, status in enumerate(["active", "at-risk", "done", "dropped"]):
        services.priorities.create(
            f"Goal {number}",
            owner_id=boss.id,
            status=status,
            metric_target=10 if number % 2 else None,
            metric_current=number,
        )
    model = PrioritiesModel(frozen(store, start + timedelta(days=40)))
    pill, bar, clock = StatusPillDelegate(), ProgressDelegate(), StaleDelegate()
    seen = set()
    for row in range(model.rowCount()):
        seen.add(model.index(row, PrioritiesModel.STATUS).data(StatusRole))
        for colours in (LIGHT, DARK):
            for selected in (False, True):
                for delegate, column in (
                    (pill, PrioritiesModel.STATUS),
                    (bar, PrioritiesModel.PROGRESS),
                    (clock, PrioritiesModel.CONFIRMED),
                ):
                    image = paint(delegate, model.index(row, column), colours, selected)
                    assert not image.isNull()
    assert seen == {"active", "at-risk", "done", "dropped"}
    assert any(model.index(r, PrioritiesModel.CONFIRMED).data(StaleRole) for r in range(4))


@pytest.mark.parametrize("colours", [LIGHT, DARK])
@pytest.mark.parametrize("status", ["active", "at-risk", "done", "dropped"])
def test_pill_text_reads_in_light_and_dark(colours: dict[str, str], status: str) -> None:
    from upwardprep.gui.widgets.delegates import blend

    hue = status_color(status, palette(colours))
    fill = blend(hue, QColor(colours["base"]), 0.22)
    assert contrast(readable(hue, fill), fill) >= 4.5


def test_sample_table_renders(demo_services: Services, qtbot, tmp_path: Path) -> None:
    model = PrioritiesModel(demo_services)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(PrioritiesModel.STATUS, StatusPillDelegate(view))
    view.setItemDelegateForColumn(PrioritiesModel.PROGRESS, ProgressDelegate(view))
    view.setItemDelegateForColumn(PrioritiesModel.CONFIRMED, StaleDelegate(view))
    view.resize(1100, 420)
    view.resizeColumnsToContents()
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert image.width() > 0
    image.save(str(tmp_path / "priorities.png"))


def test_outcomes_show_the_count_first_and_read_ids_in_slices(notes: Services, qtbot) -> None:
    model = OutcomesModel(notes)
    model.FIRST_IDS, model.ID_SLICE = 300, 1000  # instance values: 1 + 5 slices for 5,000
    everything = notes.outcomes.ids()
    model.set_filter()
    # the whole count at once, only the first slice of ids read
    assert model.rowCount() == 5000 and len(model._ids) == 300 and not model.all_ids_read
    assert model.id_at(0) == everything[0]
    # a row further down is read at once when asked for
    assert model.id_at(2500) == everything[2500] and len(model._ids) == 3300
    # the rest arrives on the next event-loop turns, without a reset
    with qtbot.assertNotEmitted(model.modelReset):
        qtbot.waitUntil(lambda: model.all_ids_read)
    assert model._ids == everything
    # the other direction, and a filter, slice the same way
    model.sort(OutcomesModel.DATE, Qt.SortOrder.AscendingOrder)
    assert model._ids == everything[::-1]
    risks = OutcomeFilter(kinds=("risk",))
    model.set_filter(risks)
    assert model.rowCount() == notes.outcomes.count(risks)
    model.read_all_ids()
    assert model._ids == notes.outcomes.ids(risks, newest_first=False)


def test_outcomes_find_a_row_among_ids_not_read_yet(notes: Services, qtmodeltester) -> None:
    model = OutcomesModel(notes)
    model.FIRST_IDS, model.ID_SLICE = 100, 2000
    model.set_filter()
    qtmodeltester.check(model)  # a partly read list is a valid model too
    last = notes.outcomes.ids()[-1]
    assert model.row_of(last) == 4999 and model.all_ids_read


def test_outcomes_settle_when_notes_change_between_slices(store: Store, qtbot) -> None:
    services = Services(store)
    for n in range(30):
        services.outcomes.create(f"Note {n}", occurred_on=date(2026, 1, 1) + timedelta(days=n))
    model = OutcomesModel(services)
    model.FIRST_IDS, model.ID_SLICE = 10, 10
    model.set_filter()
    assert model.rowCount() == 30
    services.outcomes.trash(services.outcomes.ids(newest_first=False)[0])  # the last row's note
    with qtbot.waitSignal(model.countChanged) as signal:
        model.read_all_ids()
    assert signal.args == [29] and model.rowCount() == 29
