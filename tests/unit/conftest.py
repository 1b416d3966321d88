"""Unit-test fixtures: a clock the test moves by hand, services that read it, the demo store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE
from upwardprep.services import Services
from upwardprep.store.engine import Store

DEMO_PASSPHRASE = PASSPHRASE  # the demo store is the root conftest's, made with it


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def frozen(store: Store, clock: FrozenClock) -> Services:
    """Services over an empty store, on the test's clock."""
    return Services(store, clock=clock)


@pytest.fixture(scope="session")
def demo_file(demo_store_file: Path) -> Path:
    """The demo store around the tests' NOW, built once per test process (closed: copy it)."""
    return demo_store_file
