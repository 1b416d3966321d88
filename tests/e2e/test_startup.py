"""Start-up in a fresh process, as `upwardprep` starts: the unlock dialog is painted before the
store's code, the services, ReportLab or icalendar are imported; they load behind it, and the
main window shows the first section (the Dashboard, read from the store) once the passphrase
is entered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, REPO
from upwardprep.services import Services
from upwardprep.store.engine import Store

HEAVY = ("sqlalchemy", "sqlcipher3", "upwardprep.services", "reportlab", "icalendar")

PROBE = """
import sys
from upwardprep import cli
from upwardprep.gui import app as gui
from upwardprep.gui.dialogs import passphrase
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
HEAVY = sys.argv[3].split(",")
qapp = gui.make_app()
class Probe(QObject):
    dialog = None
    done = False
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        if self.dialog is None and watched.objectName() == "unlockDialog":
            self.dialog = watched
            print("at the dialog:", ",".join(m for m in HEAVY if m in sys.modules), flush=True)
            # PySide builds a class (and all its enums) when it is first used
            print("QStyle built:", "QStyle" in QtWidgets.__dict__, flush=True)
            print("Qt built:", "Qt" in QtCore.__dict__, flush=True)
            QTimer.singleShot(1500, self.enter)  # the user types for a moment
        elif self.dialog is not None and not self.done:
            # the app opens on the Dashboard: its subtitle is written by the store's read
            if watched.objectName() == "dashboardSubtitle" and watched.text():
                self.done = True
                caption = watched.window().findChild(QWidget, "rhythmCaption")
                print("shown: dashboard", "notes in the last" in caption.text(), flush=True)
                self.wait_for_preloading(600)
        return False
    def wait_for_preloading(self, tries):
        loaded = [m for m in HEAVY if m in sys.modules]
        if len(loaded) == len(HEAVY) or not tries:
            print("preloaded:", ",".join(loaded), flush=True)
            qapp.quit()
        else:
            QTimer.singleShot(100, lambda: self.wait_for_preloading(tries - 1))
    def enter(self):
        qapp.installEventFilter(self)  # the dashboard is deep in the window
        self.dialog.passphrase.setText(sys.argv[2])
        self.dialog.ok.click()
probe = Probe()
# Until Enter only the dialog is watched: an app-wide Python filter would make PySide build a
# class for each object whose events pass it (the style among them).
built = passphrase.UnlockDialog.__init__
def watched(dialog, *args, **kwargs):
    built(dialog, *args, **kwargs)
    dialog.installEventFilter(probe)
passphrase.UnlockDialog.__init__ = watched
sys.exit(cli.main(["--store", sys.argv[1]]))  # as `upwardprep --store PATH` starts
"""


def test_the_unlock_dialog_comes_before_the_heavy_imports(tmp_path: Path) -> None:
    path = tmp_path / "Notes.upwardprep"
    with Store.create(path, PASSPHRASE) as store:
        services = Services(store)
        for n in range(30):
            services.outcomes.create(f"Outcome {n}")
    # a start before this one saw the desktop dark; offscreen, it is not (the app asks)
    config = tmp_path / "config" / "UpwardPrep"
    config.mkdir(parents=True)
    (config / "UpwardPrep.conf").write_text("[look]\ndesktop_dark=true\n")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), PASSPHRASE, ",".join(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr[-2000:]
    assert lines[0] == "at the dialog: ", lines
    # the look asks no style for its palette (a few milliseconds of enums before the dialog)
    assert lines[1] == "QStyle built: False", lines
    # nor the Qt namespace (some 15 ms): the dialog shows in the desktop's colour scheme as
    # last seen, and asks the desktop once it is painted
    assert lines[2] == "Qt built: False", lines
    assert lines[3] == "shown: dashboard True", lines  # the Dashboard, read from the store
    # nothing but start-up asked for them: the preloading did
    assert lines[4] == f"preloaded: {','.join(HEAVY)}", lines
    settings = (tmp_path / "config" / "UpwardPrep" / "UpwardPrep.conf").read_text()
    assert "desktop_dark=false" in settings  # asked, and remembered for the next start
