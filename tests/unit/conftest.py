"""Unit-test fixtures: a clock the test moves by hand, and services that read it."""

from __future__ import annotations

import pytest

from tests.clock import NOW, FrozenClock
from upwardprep.services import Services
from upwardprep.store.engine import Store


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def frozen(store: Store, clock: FrozenClock) -> Services:
    """Services over an empty store, on the test's clock."""
    return Services(store, clock=clock)
