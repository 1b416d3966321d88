"""Unit-test fixtures: a clock the test moves by hand, services that read it, the demo store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clock import NOW, TODAY, FrozenClock
from upwardprep.demo import populate
from upwardprep.services import Services
from upwardprep.store.engine import Store

DEMO_PASSPHRASE = "demo passphrase"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def frozen(store: Store, clock: FrozenClock) -> Services:
    """Services over an empty store, on the test's clock."""
    return Services(store, clock=clock)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store around the tests' NOW, built once per test process (closed: copy it)."""
    path = tmp_path_factory.mktemp("demo-store") / "demo.upwardprep"
    with Store.create(path, DEMO_PASSPHRASE) as store:
        populate(Services(store, clock=lambda: NOW), today=TODAY)
    return path
