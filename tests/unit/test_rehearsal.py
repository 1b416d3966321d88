"""The rehearsal of a store's first reads (store.engine.Rehearsal, Vault.rehearse): while the
passphrase is typed, the first section's statements are compiled on an empty in-memory
database, and the store that opens next runs them without compiling them again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.clock import FrozenClock
from tests.conftest import NOW, PASSPHRASE, copy_store, snapshot
from upwardprep.services import Services
from upwardprep.services.vault import Rehearsal, Vault, WrongPassphrase


def first_reads(services: Services) -> tuple[Any, ...]:
    """What the dashboard reads when it is first shown."""
    return (
        services.dashboard.read(stale_days=21),
        services.priorities.list(statuses=["active", "at-risk"]),
    )


def compiled_anew(services: Services, reads: Any) -> tuple[int, Any]:
    """How many statements `reads` compiled (missed the engine's compiled cache), and what it
    returned."""
    misses = []

    def executed(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        context = args[-2]
        if context.compiled is not None and context.cache_hit != context.dialect.CACHE_HIT:
            misses.append(statement)

    engine = services.store.engine
    event.listen(engine, "after_cursor_execute", executed)
    try:
        result = reads(services)
    finally:
        event.remove(engine, "after_cursor_execute", executed)
    return len(misses), result


@pytest.fixture
def vault(demo_store_file: Path, tmp_path: Path) -> Vault:
    path = copy_store(demo_store_file, tmp_path / "store" / "demo.upwardprep")
    return Vault(path, clock=FrozenClock(NOW))


def test_a_rehearsed_unlock_compiles_nothing_anew_and_reads_the_same(vault: Vault) -> None:
    cold = vault.unlock(PASSPHRASE)
    try:
        cold_misses, cold_result = compiled_anew(cold, first_reads)
    finally:
        vault.close(cold)
    assert cold_misses > 5  # what the rehearsal saves: the store compiles them itself

    rehearsal = Rehearsal()
    assert vault.rehearse(rehearsal, first_reads)
    services = vault.unlock(PASSPHRASE, rehearsal=rehearsal)
    try:
        assert services.store.engine is rehearsal.engine
        _, result = compiled_anew(services, first_reads)
        assert result == cold_result and result[1]  # the store's records, not the rehearsal's
        # a statement whose shape does not depend on the records is never compiled again
        misses, _ = compiled_anew(
            services, lambda s: s.priorities.list(statuses=["active", "at-risk"])
        )
        assert misses == 0
    finally:
        vault.close(services)
    # closing forgets the compiled statements (they keep the values first run with)
    assert len(rehearsal.engine._compiled_cache) == 0


def test_the_rehearsal_touches_no_file_and_sees_no_record(vault: Vault) -> None:
    folder = vault.path.parent
    before = snapshot(folder)
    seen: list[Any] = []
    rehearsal = Rehearsal()
    assert vault.rehearse(rehearsal, lambda services: seen.append(first_reads(services)))
    assert snapshot(folder) == before
    dashboard, priorities = seen[0]
    assert priorities == [] and not dashboard.next_one_on_ones


def test_a_store_opened_before_the_rehearsal_ran_keeps_its_own_engine(vault: Vault) -> None:
    rehearsal = Rehearsal()
    services = vault.unlock(PASSPHRASE, rehearsal=rehearsal)  # Enter before it could run
    try:
        assert services.store.engine is not rehearsal.engine
        ran: list[Services] = []
        assert not vault.rehearse(rehearsal, ran.append)
        assert ran == []  # a rehearsal too late for its store does not run at all
    finally:
        vault.close(services)


def test_a_failed_rehearsal_leaves_the_unlock_as_it_was(vault: Vault) -> None:
    def broken(services: Services) -> None:
        raise RuntimeError("a read the empty database cannot serve")

    rehearsal = Rehearsal()
    assert not vault.rehearse(rehearsal, broken)
    services = vault.unlock(PASSPHRASE, rehearsal=rehearsal)
    try:
        assert services.store.engine is not rehearsal.engine
        assert first_reads(services)[1]
    finally:
        vault.close(services)


def test_a_wrong_passphrase_keeps_the_rehearsal_for_the_right_one(vault: Vault) -> None:
    rehearsal = Rehearsal()
    assert vault.rehearse(rehearsal, first_reads)
    with pytest.raises(WrongPassphrase):
        vault.unlock("not the passphrase", rehearsal=rehearsal)
    services = vault.unlock(PASSPHRASE, rehearsal=rehearsal)
    try:
        assert services.store.engine is rehearsal.engine
        assert first_reads(services)[1]
    finally:
        vault.close(services)
    # taken once: a later unlock (after a lock) makes an engine of its own
    again = vault.unlock(PASSPHRASE, rehearsal=rehearsal)
    try:
        assert again.store.engine is not rehearsal.engine
    finally:
        vault.close(again)
