"""Schema versions: the committed first-schema store, upgrades with a backup, newer refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tests.conftest import snapshot
from tests.fixtures.make_fixture_store import PASSPHRASE as FIXTURE_PASSPHRASE
from upwardprep.services import Services
from upwardprep.store import migrate, opening
from upwardprep.store.backup import list_backups
from upwardprep.store.engine import Store
from upwardprep.store.entities import Base
from upwardprep.store.errors import StoreTooNew
from upwardprep.store.keys import StoreKey

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A copy of the store written by revision 0001 (the committed file is never touched)."""
    target = tmp_path / "old.upwardprep"
    shutil.copyfile(FIXTURES / "store_0001.upwardprep", target)
    return target


def test_first_schema_store_opens_upgrades_and_keeps_its_data(old_store: Path) -> None:
    with Store.open(old_store, FIXTURE_PASSPHRASE) as store:
        assert migrate.current_revision(store) == migrate.head_revision()
        services = Services(store)
        assert [p.name for p in services.people.list()] == ["Dana Whitfield"]
        outcomes = {o.title: o for o in services.outcomes.list()}
        assert outcomes["Won back 12 accounts"].tags == ("churn",)
        assert len(outcomes["Won back 12 accounts"].priority_ids) == 2
        assert services.outcomes.open_risks()[0].ask == "A decision on the trial length"
        assert [h.title for h in services.search.outcomes("renewed")] == ["Won back 12 accounts"]
        meetings = services.meetings.list()
        assert {m.status for m in meetings} == {"held", "planned"}  # carried action created one
        assert services.reviews.find("H2").self_assessment.startswith("## Highlights")
        assert store.check() == []


def test_migrations_match_the_entities(store: Store) -> None:
    """A schema change made in entities.py without a migration fails here."""
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda o, name, type_, r, c: (
                    not (type_ == "table" and "_fts" in name)
                )
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_newer_store_is_refused_and_left_alone(store_path: Path, store: Store) -> None:
    with store.raw() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    store.close()
    before = snapshot(store_path.parent)
    with pytest.raises(StoreTooNew, match="newer version"):
        Store.open(store_path, "correct horse battery staple")
    assert snapshot(store_path.parent) == before


def test_upgrade_backs_up_first(
    store_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    Services(store).outcomes.create("Before the upgrade")
    store.close()
    upgraded = []
    monkeypatch.setattr(opening, "needs_upgrade", lambda path, key: True)
    real_upgrade = opening.upgrade

    def spy(path: Path, key: StoreKey) -> None:
        upgraded.append([b.reason for b in list_backups(path)])  # what was kept beforehand
        real_upgrade(path, key)

    monkeypatch.setattr(opening, "upgrade", spy)
    with Store.open(store_path, "correct horse battery staple"):
        pass
    assert upgraded == [["pre-upgrade"]]
    backups = list_backups(store_path)
    assert len(backups) == 1 and "pre-upgrade" in backups[0].path.name
    with Store.open(backups[0].path, "correct horse battery staple") as copy:
        assert [o.title for o in Services(copy).outcomes.list()] == ["Before the upgrade"]


def test_schema_head_constant_is_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD
