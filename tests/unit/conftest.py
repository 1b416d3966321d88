"""Unit-test fixtures: a clock the test moves by hand, services that read it, the demo store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from upwardprep.demo import populate
from upwardprep.services import Services
from upwardprep.store.engine import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday
DEMO_TODAY = date(2026, 11, 23)
DEMO_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
DEMO_PASSPHRASE = "demo passphrase"


class FrozenClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def frozen(store: Store, clock: FrozenClock) -> Services:
    """Services over an empty store, on the test's clock."""
    return Services(store, clock=clock)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store as of DEMO_TODAY, built once per test process (closed: copy it first)."""
    path = tmp_path_factory.mktemp("demo-store") / "demo.upwardprep"
    with Store.create(path, DEMO_PASSPHRASE) as store:
        populate(Services(store, clock=lambda: DEMO_NOW), today=DEMO_TODAY)
    return path
