"""Full export and import (JSON): exact round trips, merges by UUID, and refused files."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.clock import NOW
from tests.conftest import PASSPHRASE, copy_store, row_hashes, snapshot
from tests.unit.conftest import FrozenClock
from upwardprep.services import Services, ValidationError
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.services.transfer import ImportProblem, json_schema, shipped_schema
from upwardprep.store.engine import Store


def _records(document: dict[str, Any]) -> int:
    """Every record of a document, nested ones (history lines, agenda items) included."""
    count = 0
    for value in document.values():
        if isinstance(value, list):
            count += len(value)
            for record in value:
                count += len(record.get("history", [])) + len(record.get("agenda", []))
    return count


def _without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


@pytest.fixture(scope="module")
def demo_document(
    demo_store_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The demo store's export, made once for the module (the demo takes seconds to build)."""
    path = copy_store(demo_store_file, tmp_path_factory.mktemp("demo") / "demo.upwardprep")
    with Store.open(path, PASSPHRASE) as store:
        services = Services(store, clock=FrozenClock(NOW))
        outcome = services.outcomes.list()[3]
        services.outcomes.trash(outcome.id)  # the Trash travels too
        document = services.transfer.export_document()
    return json.loads(json.dumps(document))  # exactly what a file holds


@pytest.fixture
def fresh(store: Store) -> Services:
    """A new store as `init` makes it: the shipped templates and nothing else."""
    services = Services(store, clock=FrozenClock(NOW + timedelta(days=1)))
    services.templates.ensure_shipped()
    return services


def test_demo_round_trip_is_exact(demo_document: dict[str, Any], fresh: Services) -> None:
    report = fresh.transfer.import_document(copy.deepcopy(demo_document))
    assert (report.added, report.updated) == (_records(demo_document), 0)
    again = fresh.transfer.export_document()
    assert _without_stamp(again) == _without_stamp(demo_document)
    counts = {c.section: c.added for c in report.counts}
    assert counts["outcomes"] == 60 and counts["people"] == 6 and counts["templates"] == 6
    trashed = [o for o in again["outcomes"] if o["deleted_at"] is not None]
    assert len(trashed) == 1
    # what the services read back is the demo, not just the same JSON
    assert fresh.outcomes.count() == 59
    assert fresh.search.outcomes("Atlas")


def test_importing_twice_changes_nothing(demo_document: dict[str, Any], fresh: Services) -> None:
    fresh.transfer.import_document(copy.deepcopy(demo_document))
    before = row_hashes(fresh.store)
    report = fresh.transfer.import_document(copy.deepcopy(demo_document))
    assert not report.changed
    assert report.added == 0 and report.skipped == _records(demo_document)
    assert row_hashes(fresh.store) == before


def test_an_older_copy_does_not_overwrite_newer_records(
    demo_document: dict[str, Any], fresh: Services
) -> None:
    fresh.transfer.import_document(copy.deepcopy(demo_document))
    clock = fresh.outcomes.clock
    assert isinstance(clock, FrozenClock)
    clock.now += timedelta(days=3)
    # ids are random, so the first outcome in the file may be the one in the trash
    first = next(o for o in demo_document["outcomes"] if o["deleted_at"] is None)
    fresh.outcomes.update(first["id"], title="Edited after the export", tags=["later"])
    person = demo_document["people"][0]
    fresh.people.update(person["id"], notes="Newer notes")
    before = row_hashes(fresh.store)
    report = fresh.transfer.import_document(copy.deepcopy(demo_document))
    assert not report.changed
    assert row_hashes(fresh.store) == before
    kept = fresh.outcomes.get(first["id"])
    assert (kept.title, kept.tags) == ("Edited after the export", ("later",))
    assert fresh.people.get(person["id"]).notes == "Newer notes"


def test_a_newer_copy_updates_records_and_their_links(
    demo_document: dict[str, Any], fresh: Services
) -> None:
    fresh.transfer.import_document(copy.deepcopy(demo_document))
    newer = copy.deepcopy(demo_document)
    outcome = next(o for o in newer["outcomes"] if o["priority_ids"] and o["deleted_at"] is None)
    outcome["title"] = "Renamed elsewhere"
    outcome["priority_ids"] = []
    outcome["tags"] = [newer["tags"][0]["name"]]
    outcome["updated_at"] = "2027-01-01T00:00:00Z"
    newer["priorities"][0]["history"].append(
        {
            "changed_at": "2027-01-01T00:00:00Z",
            "field": "status",
            "old_value": "active",
            "new_value": "done",
        }
    )
    report = fresh.transfer.import_document(newer)
    counts = {c.section: (c.added, c.updated) for c in report.counts}
    assert counts["outcomes"] == (0, 1)
    assert counts["history"] == (1, 0)
    updated = fresh.outcomes.get(outcome["id"])
    assert updated.title == "Renamed elsewhere"
    assert updated.priority_ids == ()
    assert updated.tags == (newer["tags"][0]["name"],)
    history = fresh.priorities.history(newer["priorities"][0]["id"])
    assert history[-1].field == "status" and history[-1].new_value == "done"


def test_a_dry_run_reports_and_writes_nothing(
    demo_document: dict[str, Any], fresh: Services
) -> None:
    before = row_hashes(fresh.store)
    report = fresh.transfer.import_document(copy.deepcopy(demo_document), dry_run=True)
    assert report.dry_run and report.added == _records(demo_document)
    assert row_hashes(fresh.store) == before


def test_tags_merge_by_name_and_shipped_templates_by_what_they_are(
    demo_document: dict[str, Any], frozen: Services
) -> None:
    """A used store: its own tag "atlas" and its own (edited) copy of a shipped template."""
    frozen.templates.ensure_shipped()
    own = frozen.outcomes.create("Mine", occurred_on="2026-01-05", tags=["atlas"])
    edited = frozen.templates.list()[0]
    frozen.templates.update(edited.id, body="## My own item")
    frozen.transfer.import_document(copy.deepcopy(demo_document))
    assert frozen.outcomes.get(own.id).tags == ("atlas",)
    names = [t.name for t in frozen.templates.list()]
    assert names.count(edited.name) == 2  # the user's edit is kept beside the file's
    assert len(names) == len(set(names)) + 1  # every other shipped template once
    tagged = frozen.outcomes.list(OutcomeFilter(tag="atlas"))
    assert own.id in {o.id for o in tagged} and len(tagged) > 1


# -- refused files ---------------------------------------------------------------------------


def _bad(document: dict[str, Any], where: str, value: Any) -> dict[str, Any]:
    bad = copy.deepcopy(document)
    section, rest = where.split("[", 1)
    index, field = rest.split("].", 1)
    bad[section][int(index)][field] = value
    return bad


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("outcomes[12].date", "2026-02-30", "outcomes[12].date: not a date"),
        ("outcomes[3].kind", "triumph", "outcomes[3].kind: “triumph” is not one of"),
        ("people[1].id", "not-a-uuid", "people[1].id: not a UUID"),
        ("people[2].name", "  ", "people[2].name: is empty"),
        ("meetings[0].scheduled_at", "2026-11-24T10:00", "meetings[0].scheduled_at: not a time"),
        ("priorities[0].metric_target", "12", "priorities[0].metric_target: not a number"),
        ("outcomes[5].private", "yes", "outcomes[5].private: not true or false"),
        ("outcomes[7].colour", "red", "outcomes[7].colour: not a field of a outcome"),
        ("actions[0].meeting_id", "6f1c1c1e-6a55-4a53-9a52-5d4c3e2b1a00", "no meeting with id"),
        (
            "outcomes[2].primary_priority_id",
            "6f1c1c1e-6a55-4a53-9a52-5d4c3e2b1a00",
            "no priority with id",
        ),
    ],
)
def test_a_bad_value_is_named_by_its_path_and_nothing_is_written(
    demo_document: dict[str, Any], frozen: Services, where: str, value: Any, message: str
) -> None:
    before = row_hashes(frozen.store)
    with pytest.raises(ImportProblem) as raised:
        frozen.transfer.import_document(_bad(demo_document, where, value))
    assert str(raised.value).startswith(where) and message in str(raised.value)
    assert row_hashes(frozen.store) == before


def test_other_formats_and_versions_are_refused(
    demo_document: dict[str, Any], frozen: Services
) -> None:
    newer = {**demo_document, "format_version": 2}
    with pytest.raises(ImportProblem, match=r"format version 2; .* reads version 1.*newer"):
        frozen.transfer.import_document(newer)
    with pytest.raises(ImportProblem, match="not an UpwardPrep export"):
        frozen.transfer.import_document({"notes": []})
    with pytest.raises(ImportProblem, match="not an UpwardPrep export"):
        frozen.transfer.import_document([1, 2, 3])


def test_a_truncated_file_is_refused_with_its_place(
    demo_document: dict[str, Any], frozen: Services, tmp_path: Path
) -> None:
    text = json.dumps(demo_document, indent=1)
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ValidationError, match=r"cut.json is not valid JSON: line \d+.*ends early"):
        frozen.transfer.import_json(cut)
    nan = tmp_path / "nan.json"
    nan.write_text('{"format": NaN}', encoding="utf-8")
    with pytest.raises(ValidationError, match="NaN"):
        frozen.transfer.import_json(nan)


def test_a_merge_that_would_make_an_alignment_loop_is_refused(frozen: Services) -> None:
    top = frozen.priorities.create("Top")
    goal = frozen.priorities.create("Goal", parent_id=top.id)
    document = frozen.transfer.export_document()
    # elsewhere, "Top" was aligned under "Goal" (newer): with this store's Goal -> Top, a loop
    for priority in document["priorities"]:
        if priority["id"] == top.id:
            priority["parent_id"] = goal.id
            priority["updated_at"] = "2030-01-01T00:00:00Z"
    before = row_hashes(frozen.store)
    document["priorities"] = [p for p in document["priorities"] if p["id"] == top.id]
    with pytest.raises(ImportProblem, match=r"priorities\[0\].parent_id: .*loop"):
        frozen.transfer.import_document(document)
    assert row_hashes(frozen.store) == before


def test_the_export_file_is_private_and_the_store_is_never_the_target(
    frozen: Services, tmp_path: Path
) -> None:
    frozen.people.create("Dana")
    out = frozen.transfer.write_json(tmp_path / "all.json")
    assert out.stat().st_mode & 0o777 == 0o600
    dated = frozen.transfer.write_json(tmp_path)
    assert dated.name == "upwardprep-export-2026-11-23.json"
    assert json.loads(out.read_text(encoding="utf-8"))["people"][0]["name"] == "Dana"
    folder = frozen.store.path.parent
    before = snapshot(folder)
    backup_named = folder / "notes.upwardprep-20261123T090000000000Z.upwardprep-backup"
    for target in (frozen.store.path, Path(f"{frozen.store.path}-wal"), backup_named):
        with pytest.raises(ValidationError):
            frozen.transfer.write_json(target)
    assert snapshot(folder) == before
    assert not [p for p in tmp_path.rglob("*.part")]


# -- the schema ------------------------------------------------------------------------------


def test_the_shipped_schema_is_the_one_the_code_describes() -> None:
    shipped = json.loads(shipped_schema())
    assert shipped == json_schema(), "regenerate it (see json_schema in transfer_format.py)"


def test_the_export_validates_against_the_schema(demo_document: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(demo_document)
    bad = _bad(demo_document, "outcomes[0].kind", "triumph")
    assert not validator.is_valid(bad)
