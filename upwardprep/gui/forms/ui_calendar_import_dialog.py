# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_import_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

class Ui_CalendarImportDialog(object):
    def setupUi(self, calendarImportDialog):
        if not calendarImportDialog.objectName():
            calendarImportDialog.setObjectName(u"calendarImportDialog")
        calendarImportDialog.setMinimumSize(QSize(640, 0))
        self.dialogLayout = QVBoxLayout(calendarImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.importIntro = QLabel(calendarImportDialog)
        self.importIntro.setObjectName(u"importIntro")
        self.importIntro.setWordWrap(True)

        self.dialogLayout.addWidget(self.importIntro)

        self.seriesScroll = QScrollArea(calendarImportDialog)
        self.seriesScroll.setObjectName(u"seriesScroll")
        self.seriesScroll.setWidgetResizable(True)
        self.seriesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.seriesHost = QWidget()
        self.seriesHost.setObjectName(u"seriesHost")
        self.seriesGrid = QGridLayout(self.seriesHost)
        self.seriesGrid.setObjectName(u"seriesGrid")
        self.seriesGrid.setHorizontalSpacing(16)
        self.seriesGrid.setVerticalSpacing(12)
        self.seriesGrid.setContentsMargins(0, 8, 0, 8)
        self.seriesScroll.setWidget(self.seriesHost)

        self.dialogLayout.addWidget(self.seriesScroll)

        self.noPeopleLabel = QLabel(calendarImportDialog)
        self.noPeopleLabel.setObjectName(u"noPeopleLabel")

        self.dialogLayout.addWidget(self.noPeopleLabel)

        self.buttons = QDialogButtonBox(calendarImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(calendarImportDialog)
    # setupUi

    def retranslateUi(self, calendarImportDialog):
        calendarImportDialog.setWindowTitle(QCoreApplication.translate("CalendarImportDialog", u"Import calendar", None))
        self.importIntro.setText(QCoreApplication.translate("CalendarImportDialog", u"Choose who each series is with. Its meetings from today on become planned meetings with that person; importing the same file again updates them and adds nothing twice.", None))
        self.noPeopleLabel.setText(QCoreApplication.translate("CalendarImportDialog", u"Add the people you meet in People first; then import again.", None))
    # retranslateUi

