"""The running app, end to end: a real SIGTERM or SIGHUP within the autosave delay (a logout,
`kill`) saves what was just typed and closes the store, as Quit does. tests/gui/test_hardening.py
checks the same in-process; this one starts the app as a user would (slower: `make faults`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, REPO
from upwardprep.services.vault import Vault

DRIVER = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from upwardprep.gui import app as gui

path, passphrase, number = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])

def start(controller):
    controller.window.show()
    controller.session.unlock(passphrase)
    controller.window.show_section("outcomes")

    def type_then_get_the_signal():
        title = controller.window.findChild(QLineEdit, "outcomeTitle")
        title.setFocus()
        title.selectAll()
        QTest.keyClicks(title, "Typed just before the logout")
        os.kill(os.getpid(), number)  # within the autosave delay

    QTimer.singleShot(200, type_then_get_the_signal)

gui.Controller.start = start
sys.exit(gui.run(store=path))
"""


@pytest.mark.parametrize("sent", ["SIGTERM", "SIGHUP"])
def test_a_termination_signal_saves_what_was_just_typed(
    demo_path: Path, tmp_path: Path, sent: str
) -> None:
    home = {name: str(tmp_path / name) for name in ("config", "state", "cache", "data")}
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "XDG_CONFIG_HOME": home["config"],
        "XDG_STATE_HOME": home["state"],
        "XDG_CACHE_HOME": home["cache"],
        "XDG_DATA_HOME": home["data"],
    }
    number = str(int(getattr(signal, sent)))
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(demo_path), PASSPHRASE, number],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with Vault(demo_path).session(PASSPHRASE) as services:
        titles = [o.title for o in services.outcomes.list()]
    assert "Typed just before the logout" in titles
    assert not Path(f"{demo_path}.lock").exists()  # closed, not killed
