"""The demo store the app tests use, shared with the fault-injection tests."""

from tests.gui.conftest import demo_path, demo_template

__all__ = ["demo_path", "demo_template"]
