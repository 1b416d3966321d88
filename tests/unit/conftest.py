"""Unit-test fixtures: a clock the test moves by hand, and services that read it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from upwardprep.services import Services
from upwardprep.store.engine import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


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
