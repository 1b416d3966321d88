# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'finish_summary_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

class Ui_FinishSummaryDialog(object):
    def setupUi(self, finishSummaryDialog):
        if not finishSummaryDialog.objectName():
            finishSummaryDialog.setObjectName(u"finishSummaryDialog")
        finishSummaryDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(finishSummaryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.sectionTitle = QLabel(finishSummaryDialog)
        self.sectionTitle.setObjectName(u"sectionTitle")
        self.sectionTitle.setWordWrap(True)

        self.dialogLayout.addWidget(self.sectionTitle)

        self.summaryText = QLabel(finishSummaryDialog)
        self.summaryText.setObjectName(u"summaryText")
        self.summaryText.setWordWrap(True)
        self.summaryText.setTextFormat(Qt.TextFormat.RichText)
        self.summaryText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.summaryText)

        self.summaryButtons = QDialogButtonBox(finishSummaryDialog)
        self.summaryButtons.setObjectName(u"summaryButtons")
        self.summaryButtons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.summaryButtons)


        self.retranslateUi(finishSummaryDialog)
    # setupUi

    def retranslateUi(self, finishSummaryDialog):
        finishSummaryDialog.setWindowTitle(QCoreApplication.translate("FinishSummaryDialog", u"Meeting finished", None))
    # retranslateUi

