"""Outcomes from a CSV brag document: the documented header, names matched like the CLI, bad
rows reported by line with nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import row_hashes
from upwardprep.services import Services, ValidationError


@pytest.fixture
def known(frozen: Services) -> Services:
    dana = frozen.people.create("Dana Whitfield", role="manager")
    frozen.people.create("Ravi Menon", role="report")
    frozen.priorities.create("Reduce churn", owner_id=dana.id)
    frozen.priorities.create("Hire two engineers", owner_id=dana.id)
    return frozen


def _csv(tmp_path: Path, text: str, name: str = "brag.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


GOOD = (
    "Date,Title,Body,Kind,Priority,Tags,Person,Impact,Metric,Evidence\n"
    '2026-10-01,Kept Acme,"Two lines,\nwith a comma",win,churn,"renewal, big deal",ravi,'
    "Saved $40k,+1 customer,https://example.com/acme\n"
    "2026-10-08,Hiring loop redesigned,,progress,Reduce churn; hire,,,,,\n"
    "\n"
    "2026-10-09,Only the required ones,,,,,,,,\n"
)


def test_a_good_file_becomes_outcome_notes(known: Services, tmp_path: Path) -> None:
    result = known.brag_csv.import_file(_csv(tmp_path, GOOD))
    assert result.imported == 3
    assert [row.line for row in result.rows] == [2, 4, 6]  # a row starts where its cells start
    notes = {o.title: o for o in known.outcomes.list()}
    acme = notes["Kept Acme"]
    assert acme.occurred_on == date(2026, 10, 1)
    assert acme.body == "Two lines,\nwith a comma"
    assert acme.priority_titles == ("Reduce churn",)
    assert acme.tags == ("big deal", "renewal")
    assert acme.metric_delta == "+1 customer" and acme.evidence_url == "https://example.com/acme"
    assert known.people.get(acme.person_id or "").name == "Ravi Menon"
    assert set(notes["Hiring loop redesigned"].priority_titles) == {
        "Reduce churn",
        "Hire two engineers",
    }
    assert notes["Only the required ones"].kind == "win"


def test_a_dry_run_and_a_preview_write_nothing(known: Services, tmp_path: Path) -> None:
    before = row_hashes(known.store)
    preview = known.brag_csv.preview(_csv(tmp_path, GOOD))
    assert preview.ok and len(preview.rows) == 3 and preview.imported == 0
    assert (
        preview.rows[0].priorities == ("Reduce churn",) and preview.rows[0].person == "Ravi Menon"
    )
    assert known.brag_csv.import_file(_csv(tmp_path, GOOD), dry_run=True).imported == 0
    assert row_hashes(known.store) == before


def test_bad_rows_are_reported_by_line_and_nothing_is_written(
    known: Services, tmp_path: Path
) -> None:
    text = (
        "date,title,priority,person,kind\n"
        "2026-10-01,Fine,churn,,win\n"
        "2026-13-01,Bad date,,,\n"
        "2026-10-03,,,,\n"
        "2026-10-04,Unknown priority,Launch rockets,,\n"
        "2026-10-05,Unknown person,,Nobody,\n"
        "2026-10-06,Odd kind,,,triumph\n"
    )
    before = row_hashes(known.store)
    preview = known.brag_csv.preview(_csv(tmp_path, text))
    assert [(row.line, row.problem.split(";")[0][:40]) for row in preview.problems] == [
        (3, "“2026-13-01” is not a valid date"),
        (4, "the outcome title is empty"),
        (5, "no priority matches “Launch rockets”"),
        (6, "no person matches “Nobody”"),
        (7, "“triumph” is not a kind of note"),
    ]
    with pytest.raises(ValidationError) as raised:
        known.brag_csv.import_file(_csv(tmp_path, text))
    message = str(raised.value)
    assert message.startswith("Nothing was imported: 5 of 6 rows")
    assert "line 3: “2026-13-01” is not a valid date" in message
    assert row_hashes(known.store) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        ("title\nA note\n", "no “date” column"),
        ("date,title,colour\n", "“colour” is not a column"),
        ("date,title,title\n", "“title” appears twice"),
        ("date,title\n", "no rows to import"),
        ('date,title\n2026-10-01,"never closed\n', "line 2"),
        ("date,title\n2026-10-01,A,extra\n", "line 2: more cells than the header has columns"),
    ],
)
def test_a_bad_file_is_refused(known: Services, tmp_path: Path, text: str, message: str) -> None:
    before = row_hashes(known.store)
    with pytest.raises(ValidationError, match=message):
        known.brag_csv.import_file(_csv(tmp_path, text))
    assert row_hashes(known.store) == before


def test_spreadsheet_files_with_a_bom_and_semicolons(known: Services, tmp_path: Path) -> None:
    text = "\ufeffdate;title;tags\n2026-10-01;Grüße aus Köln;a, b\n"
    result = known.brag_csv.import_file(_csv(tmp_path, text, "excel.csv"))
    assert result.imported == 1
    assert known.outcomes.list()[0].tags == ("a", "b")
    latin = _csv(tmp_path, "date,title\n2026-10-01,Grüße\n", "latin.csv", encoding="latin-1")
    with pytest.raises(ValidationError, match="not UTF-8"):
        known.brag_csv.import_file(latin)
