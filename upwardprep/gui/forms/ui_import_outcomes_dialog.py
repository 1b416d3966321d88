# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_outcomes_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
)

class Ui_ImportOutcomesDialog(object):
    def setupUi(self, importOutcomesDialog):
        if not importOutcomesDialog.objectName():
            importOutcomesDialog.setObjectName(u"importOutcomesDialog")
        importOutcomesDialog.setMinimumSize(QSize(760, 420))
        importOutcomesDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(importOutcomesDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(importOutcomesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.previewTable = QTableWidget(importOutcomesDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setWordWrap(False)
        self.previewTable.horizontalHeader().setStretchLastSection(True)
        self.previewTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.previewTable)

        self.summaryLabel = QLabel(importOutcomesDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.headerHelp = QLabel(importOutcomesDialog)
        self.headerHelp.setObjectName(u"headerHelp")
        self.headerHelp.setWordWrap(True)
        self.headerHelp.setStyleSheet(u"color: palette(placeholder-text);")

        self.dialogLayout.addWidget(self.headerHelp)

        self.buttons = QDialogButtonBox(importOutcomesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(importOutcomesDialog)
    # setupUi

    def retranslateUi(self, importOutcomesDialog):
        importOutcomesDialog.setWindowTitle(QCoreApplication.translate("ImportOutcomesDialog", u"Import outcomes from a CSV file", None))
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleName(QCoreApplication.translate("ImportOutcomesDialog", u"Rows to import", None))
#endif // QT_CONFIG(accessibility)
        self.headerHelp.setText(QCoreApplication.translate("ImportOutcomesDialog", u"Columns: date and title (required), body, kind, priority, tags, person, impact, metric, evidence. Priorities and people are matched by name; several go in one cell separated by \u201c;\u201d.", None))
    # retranslateUi

