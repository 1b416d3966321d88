"""File › Import Outcomes from CSV…: every row as it will be imported, or why it cannot be.

The preview comes from the same service as the import (services.brag_csv), so what the table
shows is what the import does: a file with a bad row imports nothing, and says which lines to
fix.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from upwardprep.gui.forms.ui_import_outcomes_dialog import Ui_ImportOutcomesDialog
from upwardprep.gui.theme import set_tone, tone
from upwardprep.services.brag_csv import CsvPreview

COLUMNS = ("Line", "Date", "Title", "Kind", "Priorities", "Person", "Tags", "Problem")


class ImportOutcomesDialog(QDialog):
    def __init__(self, path: Path, preview: CsvPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportOutcomesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        rows, problems = preview.rows, preview.problems
        table = ui.previewTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                str(row.line),
                row.occurred_on.isoformat() if row.occurred_on else "",
                row.title,
                row.kind,
                "; ".join(row.priorities),
                row.person,
                ", ".join(row.tags),
                row.problem,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.problem:
                    item.setForeground(QBrush(tone("danger")))
                table.setItem(index, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("importButton")
        ui.introLabel.setText(
            f"<b>{escape(path.name)}</b>: {len(rows):,} row{'s' if len(rows) != 1 else ''}."
        )
        if problems:
            ok.setText("&Import")
            ok.setEnabled(False)
            set_tone(ui.summaryLabel, "danger")
            ui.summaryLabel.setText(
                f"{len(problems):,} row{'s' if len(problems) != 1 else ''} cannot be imported, "
                "so nothing will be: correct the file and open it again.\n" + preview.problem_text()
            )
        else:
            count = len(rows)
            ok.setText(f"&Import {count:,} Note{'s' if count != 1 else ''}")
            ui.summaryLabel.setText("Every row can be imported as an outcome note.")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
