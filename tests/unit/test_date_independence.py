"""The suite passes on any date, in any time zone, from any clone.

The app reads the wall clock in one place only, every row is stamped by the services' clock,
and no test reads a file outside the repository. The reruns of the date-sensitive tests on other
dates are in tests/e2e/test_date_guard.py (each is a process of its own).
"""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path

from tests.clock import NOW, FrozenClock
from tests.conftest import REPO
from upwardprep.services import Services
from upwardprep.store.engine import Store

PACKAGE = REPO / "upwardprep"
CLOCK_MODULE = PACKAGE / "clock.py"
# Calls that read the wall clock: (receiver, attribute). Anything else goes through the clock.
WALL_CLOCK_READS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QTime", "currentTime"),
}


def _wall_clock_reads(path: Path, root: Path = REPO) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        receiver = node.func.value
        name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
        if (name, node.func.attr) in WALL_CLOCK_READS:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {name}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_wall_clock() -> None:
    reads = [
        read
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK_MODULE
        for read in _wall_clock_reads(path)
    ]
    assert reads == []
    assert _wall_clock_reads(CLOCK_MODULE), "the clock module itself reads the wall clock"


def test_the_guard_sees_a_wall_clock_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime\nfrom PySide6.QtCore import QDate\n"
        "STAMP = datetime.datetime.now()\nDAY = QDate.currentDate()\n"
        "FIXED = datetime.date(2026, 1, 1)\n",
        encoding="utf-8",
    )
    assert _wall_clock_reads(sample, tmp_path) == [
        "sample.py:3: datetime.now()",
        "sample.py:4: QDate.currentDate()",
    ]


# How a test would reach the spec folder beside the clone. Built from parts, so that this
# module does not itself hold the path it looks for.
SPEC_FOLDER = "shared"
OUTSIDE_MARKERS = (
    "/".join(("..", SPEC_FOLDER)),
    f'"{SPEC_FOLDER}"',
    f"'{SPEC_FOLDER}'",
    "parents[3]",
)


def test_no_test_reads_outside_the_clone() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "tests").rglob("*.py"))
        if path != Path(__file__)
        and any(marker in path.read_text(encoding="utf-8") for marker in OUTSIDE_MARKERS)
    ]
    assert offenders == []


def test_every_stamp_comes_from_the_services_clock(store: Store) -> None:
    """Rows a service writes or changes, stamped by it or not, carry the services' time: never
    the wall clock (which the root conftest keeps more than a year away from NOW)."""
    clock = FrozenClock(NOW)
    services = Services(store, clock=clock)
    dana = services.people.create("Dana Whitfield", role="manager")
    churn = services.priorities.create("Cut churn", owner_id=dana.id, metric_target=10)
    clock.now += timedelta(hours=1)
    services.people.update(dana.id, title="VP Product")
    note = services.outcomes.create("Kept Acme", kind="win")
    services.outcomes.link(note.id, churn.id)
    services.priorities.confirm(churn.id)
    meeting = services.meetings.create(NOW + timedelta(days=1), person_id=dana.id)
    item = services.meetings.add_agenda_item(meeting.id, "Churn numbers")
    services.meetings.update_agenda_item(item.id, discussed=True)
    action = services.meetings.add_action(meeting.id, "Send the list")
    clock.now += timedelta(hours=1)
    services.meetings.set_action_done(action.id)
    services.outcomes.resolve_risk(services.outcomes.create("Licence", kind="risk").id)
    services.meetings.finish(meeting.id, at_now=True)  # still ahead: moved to now
    services.outcomes.trash(note.id)
    with store.raw() as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
                "(SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'updated_at')"
            )
        ]
        stamps = {
            (table, column, value)
            for table in tables
            for column in ("created_at", "updated_at", "deleted_at")
            for (value,) in conn.execute(f"SELECT {column} FROM {table}")
            if value is not None
        }
    assert len(tables) >= 8
    naive = NOW.replace(tzinfo=None)
    outside = [
        stamp
        for stamp in stamps
        if not naive <= datetime.fromisoformat(stamp[2]) <= naive + timedelta(hours=2)
    ]
    assert outside == []
