"""The Qt binding must not leak or steal references to Python's singletons.

PySide6 6.12.0 drops one reference to None each time a model's data() answers None through
QModelIndex.data() or a view painting it. CPython 3.11 keeps None's count in the thousands, so a
few minutes of scrolling ended in "Fatal Python error: none_dealloc" — the app gone mid-edit.
pyproject.toml keeps that version out; this test is what tells a future version is safe. It
probes in a process of its own (a theft can end the process), so it lives with the end-to-end
tests: tests/unit and tests/gui stay in-process, as a run under a moved system clock needs.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

PROBE = """
import gc, sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])

class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 40
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 5
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None  # what every model answers for the roles it does not serve
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return None

model = Model()
view = QTableView()
view.setModel(model)
view.resize(600, 400)
view.show()
app.processEvents()
index = model.index(1, 1)
singletons = (None, True, False)
gc.collect()
before = [sys.getrefcount(s) for s in singletons]
for _ in range(2000):
    index.data()
    index.data(Qt.ItemDataRole.ToolTipRole)
for _ in range(30):
    view.viewport().repaint()
    app.processEvents()
gc.collect()
after = [sys.getrefcount(s) for s in singletons]
print(" ".join(str(a - b) for a, b in zip(after, before)))
"""


def test_model_data_answering_none_keeps_nones_references() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    none, true, false = (int(part) for part in done.stdout.split())
    # A few references come and go with caches; a leak or a theft is thousands.
    assert none > -200, f"None lost {-none} references: the Qt binding steals them"
    assert abs(true) < 200 and abs(false) < 200
