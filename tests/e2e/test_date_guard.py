"""The date guard: the date-sensitive tests pass again on other dates and in other zones, and
the CLI's clock starts where UPWARDPREP_NOW says.

Each rerun is a pytest process of its own, where the tests' NOW and the time zone are set at
start (see tests/clock.py): a year ahead, a leap day, and the day Berlin moves its clocks forward.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, Cli

# The modules that hold tests marked date_sensitive (a test below checks the list is complete).
DATE_SENSITIVE_MODULES = (
    "tests/unit/test_demo.py",
    "tests/unit/test_pdf_documents.py",
    "tests/gui/test_meetings.py",
    "tests/gui/test_alignment.py",
)
MOVED = [
    pytest.param("2027-12-06T09:00:00+00:00", "UTC", id="a-year-ahead"),
    pytest.param("2028-02-29T08:30:00+00:00", "America/New_York", id="leap-day"),
    # The last Sunday of March: Berlin skips from 02:00 to 03:00 that night.
    pytest.param("2027-03-28T10:00:00+02:00", "Europe/Berlin", id="berlin-dst-day"),
]


def test_the_guard_knows_every_date_sensitive_module() -> None:
    marked = {
        str(path.relative_to(REPO))
        for path in sorted((REPO / "tests").rglob("test_*.py"))
        if path != Path(__file__) and "pytest.mark.date_sensitive" in path.read_text("utf-8")
    }
    assert marked == set(DATE_SENSITIVE_MODULES)


@pytest.fixture(scope="module")
def reruns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """The three reruns, started together (each a pytest process of its own, where NOW and the
    zone are set at start): on two cores they overlap whatever else the suite is doing instead
    of queueing one after another on a single worker."""
    started: dict[str, subprocess.Popen[str]] = {}
    for param in MOVED:
        now, zone = param.values
        env = {**os.environ, "UPWARDPREP_TEST_NOW": str(now), "TZ": str(zone)}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("PYTEST_XDIST_WORKER", None)
        started[str(now)] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:xdist",
                "--basetemp",
                str(tmp_path_factory.mktemp("rerun") / "run"),
                # The tests whose expectations follow NOW: the demo, its 1:1 and dashboard
                # views and the documents made from it.
                "-m",
                "date_sensitive",
                *DATE_SENSITIVE_MODULES,
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    yield started
    for process in started.values():  # a failed assertion left some unread: end them
        if process.poll() is None:
            process.kill()
        process.communicate()


@pytest.mark.parametrize(("now", "zone"), MOVED)
def test_date_sensitive_tests_pass_on_other_dates(
    now: str, zone: str, reruns: dict[str, subprocess.Popen[str]]
) -> None:
    """The rerun with NOW at `now` in `zone` passes, and ran the date-sensitive tests."""
    stdout, stderr = reruns[now].communicate(timeout=900)
    assert reruns[now].returncode == 0, stdout[-4000:] + stderr[-2000:]
    ran = re.search(r"(\d+) passed", stdout)
    assert ran and int(ran.group(1)) >= 20, stdout[-2000:]


def test_the_app_clock_starts_where_upwardprep_now_says(cli: Cli) -> None:
    assert cli("init").returncode == 0
    moment = "2031-02-03T10:00:00+00:00"
    added = cli("add", "outcome", "--title", "Kept Acme", env={"UPWARDPREP_NOW": moment})
    assert added.returncode == 0, added.stderr
    listed = cli("list", "outcomes", env={"UPWARDPREP_NOW": moment})
    assert "2031-02-03" in listed.stdout
    refused = cli("list", "outcomes", env={"UPWARDPREP_NOW": "next tuesday"})
    assert refused.returncode == 1
    assert "UPWARDPREP_NOW" in refused.stderr and "Traceback" not in refused.stderr
