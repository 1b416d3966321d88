"""`upwardprep agenda` and `upwardprep import ics`, end to end in subprocesses."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.clock import NOW
from tests.conftest import REPO, Cli, row_hashes

ICS = REPO / "tests" / "fixtures" / "ics"


@pytest.fixture
def dana(cli: Cli) -> Cli:
    assert cli("init").returncode == 0
    result = cli("add", "person", "--name", "Dana Whitfield", "--role", "manager")
    assert result.returncode == 0, result.stderr
    return cli


def _two_series(folder: Path) -> Path:
    """A weekly series of four starting tomorrow and a one-off in three days (by the CLI's
    clock, which the Cli fixture starts at the tests' NOW)."""
    start = (NOW + timedelta(days=1)).replace(hour=15, minute=0, second=0)
    one_off = start + timedelta(days=2)
    stamp = "%Y%m%dT%H%M%SZ"
    path = folder / "two.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:weekly-1@example.com\r\nDTSTART:{start:{stamp}}\r\n"
        f"DTEND:{start + timedelta(minutes=30):{stamp}}\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
        "SUMMARY:Weekly with Dana\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:offsite@example.com\r\nDTSTART:{one_off:{stamp}}\r\n"
        "SUMMARY:Offsite planning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


def test_help_lists_the_commands(cli: Cli) -> None:
    result = cli("--help", store=False)
    assert "agenda" in result.stdout and "import" in result.stdout
    result = cli("import", "ics", "--help", store=False)
    assert result.returncode == 0 and "--series" in result.stdout and "--all" in result.stdout


def test_init_adds_the_shipped_templates(dana: Cli) -> None:
    from tests.conftest import PASSPHRASE
    from upwardprep.services import Services
    from upwardprep.store.engine import Store

    with Store.open(dana.store_path, PASSPHRASE) as store:
        names = {t.name for t in Services(store).templates.list() if t.builtin}
    assert "Weekly 1:1 with my manager" in names and len(names) == 6


def test_agenda_prints_the_draft_and_drafting_again_adds_nothing(dana: Cli) -> None:
    cli = dana
    result = cli(
        "add", "outcome", "--title", "Licence runs out", "--kind", "risk", "--ask", "Approve $46k"
    )
    assert result.returncode == 0, result.stderr
    first = cli("agenda", "--person", "Dana")
    assert first.returncode == 0, first.stderr
    text = first.stdout
    assert text.startswith("# 1:1 with Dana\n")
    assert "## Risks and asks\n\n### Licence runs out [5 min]" in text
    assert "**Ask:** Approve $46k" in text
    assert "## Weekly 1:1 with my manager" in text  # the shipped template for a manager
    assert "### Numbers first [5 min]" in text
    again = cli("agenda", "--person", "Dana")
    assert again.returncode == 0 and again.stdout == text
    meetings = cli("list", "meetings")
    assert meetings.stdout.count("planned") == 1


def test_agenda_errors(dana: Cli) -> None:
    before = row_hashes(dana.store_path)
    result = dana("agenda", "--person", "Nobody")
    assert result.returncode == 1 and "No person matches “Nobody”" in result.stderr
    result = dana("agenda", "--person", "Dana", "--template", "No such template")
    assert result.returncode == 1 and "agenda template" in result.stderr
    assert "Traceback" not in result.stderr
    assert row_hashes(dana.store_path) == before


def test_import_ics(dana: Cli, tmp_path: Path) -> None:
    cli = dana
    path = _two_series(tmp_path)
    listed = cli(
        "import", "ics", str(path), "--list", store=False, env={"UPWARDPREP_PASSPHRASE": ""}
    )
    assert listed.returncode == 0, listed.stderr
    assert "weekly-1@example.com" in listed.stdout and "Offsite planning" in listed.stdout

    before = row_hashes(cli.store_path)
    refused = cli("import", "ics", str(path), "--person", "Dana")
    assert refused.returncode == 1
    assert "has 2 series" in refused.stderr and "offsite@example.com" in refused.stderr
    assert row_hashes(cli.store_path) == before

    done = cli("import", "ics", str(path), "--person", "Dana", "--series", "weekly")
    assert done.returncode == 0, done.stderr
    assert "1 series: 4 created, 0 updated, 0 unchanged." in done.stdout
    again = cli("import", "ics", str(path), "--person", "Dana", "--all")
    assert again.returncode == 0, again.stderr
    assert "2 series: 1 created, 0 updated, 4 unchanged." in again.stdout
    assert cli("list", "meetings").stdout.count("Weekly with Dana") == 4


def test_import_errors_leave_the_store_untouched(dana: Cli, tmp_path: Path) -> None:
    cli = dana
    before = row_hashes(cli.store_path)
    cases = [
        (("import", "ics", str(ICS / "all-day.ics"), "--person", "Nobody"), "No person matches"),
        (("import", "ics", str(tmp_path / "none.ics"), "--person", "Dana"), "no calendar file"),
        (
            ("import", "ics", str(ICS / "malformed.ics"), "--person", "Dana", "--all"),
            "“malformed.ics” is not a calendar file UpwardPrep can read: the start of the event",
        ),
        (("import", "ics", str(ICS / "all-day.ics")), "--person"),
        (
            (
                "import",
                "ics",
                str(ICS / "new-york-dst.ics"),
                "--person",
                "Dana",
                "--series",
                "quarterly",
            ),
            "matches no series",
        ),
        (
            ("import", "ics", str(ICS / "all-day.ics"), "--person", "Dana", "--days", "999999999"),
            "--days: must be from 1 to 3,650",
        ),
        (("import", "ics", str(ICS / "all-day.ics"), "--list", "--days", "0"), "from 1 to 3,650"),
        (
            ("agenda", "--person", "Dana", "--stale-days", "0"),
            "--stale-days: must be from 1 to 3,650",
        ),
        (("list", "outcomes", "--limit", "0"), "--limit: must be from 1"),
        (("search", "wave", "--limit", "ten"), "not a whole number: 'ten'"),
        (("backup", "--keep", "0"), "--keep: must be from 1 to 1,000"),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
    assert row_hashes(cli.store_path) == before
