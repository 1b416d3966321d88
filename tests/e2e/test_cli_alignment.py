"""`upwardprep alignment` end to end: the coverage table in aligned columns."""

from __future__ import annotations

from tests.conftest import Cli


def _ok(cli: Cli, *args: str) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_alignment_prints_the_coverage_table(cli: Cli) -> None:
    _ok(cli, "init")
    _ok(cli, "add", "person", "--name", "Dana Whitfield", "--role", "manager")
    _ok(cli, "add", "person", "--name", "Zoë Ångström", "--role", "report")
    _ok(
        cli,
        "add",
        "priority",
        "--title",
        "Reduce churn",
        "--owner",
        "Dana",
        "--target",
        "120",
        "--current",
        "84",
        "--unit",
        "customers",
    )
    _ok(cli, "add", "priority", "--title", "Save offers", "--parent", "Reduce churn")
    _ok(
        cli,
        "add",
        "priority",
        "--title",
        "Early warning",
        "--owner",
        "Zoë",
        "--parent",
        "Save offers",
    )
    _ok(cli, "add", "priority", "--title", "Hire six", "--owner", "Dana")
    _ok(
        cli,
        "add",
        "outcome",
        "--title",
        "Kept Acme",
        "--date",
        "2026-11-10",
        "--priority",
        "Reduce churn",
    )
    _ok(
        cli,
        "add",
        "outcome",
        "--title",
        "Score live",
        "--date",
        "2026-10-02",
        "--priority",
        "Early warning",
    )

    lines = _ok(cli, "alignment", "--person", "whitfield").splitlines()
    assert lines[0] == "Alignment for Dana Whitfield"
    header, *rows = lines[1:]
    assert header.split()[:4] == ["priority", "owner", "status", "notes"]
    assert [row[:44].rstrip() for row in rows] == [
        "Reduce churn",
        "› Save offers",
        "› › Early warning",
        "Hire six",
    ]
    # the columns line up: every row has its owner where the header has "owner"
    column = header.index("owner")
    assert [row[column:].split("  ")[0] for row in rows] == [
        "Dana Whitfield",
        "me",
        "Zoë Ångström",
        "Dana Whitfield",
    ]
    churn = rows[0][header.index("notes") :].split()
    assert churn[:3] == ["1", "2", "2026-11-10"]  # direct, with goals, last note
    assert "84/120 customers" in rows[0]

    since = _ok(cli, "alignment", "--person", "Dana", "--since", "2026-11-01").splitlines()
    assert since[0] == "Alignment for Dana Whitfield, 2026-11-01 – …"
    assert since[2][since[1].index("notes") :].split()[:2] == ["1", "1"]


def test_alignment_bad_input(cli: Cli) -> None:
    _ok(cli, "init")
    _ok(cli, "add", "person", "--name", "Dana Whitfield", "--role", "manager")
    bad_date = cli("alignment", "--person", "Dana", "--since", "last week")
    assert bad_date.returncode == 1
    assert "YYYY-MM-DD" in bad_date.stderr and "Traceback" not in bad_date.stderr
    nobody = cli("alignment", "--person", "Nobody")
    assert nobody.returncode == 1 and "No person matches" in nobody.stderr
    assert cli("alignment").returncode == 1  # --person is required
    empty = cli("alignment", "--person", "Dana")
    assert empty.returncode == 0 and "no priorities yet" in empty.stderr
