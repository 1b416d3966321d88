# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, welcomeDialog):
        if not welcomeDialog.objectName():
            welcomeDialog.setObjectName(u"welcomeDialog")
        welcomeDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(welcomeDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.welcomeTitle = QLabel(welcomeDialog)
        self.welcomeTitle.setObjectName(u"welcomeTitle")
        self.welcomeTitle.setWordWrap(True)

        self.dialogLayout.addWidget(self.welcomeTitle)

        self.addManager = QPushButton(welcomeDialog)
        self.addManager.setObjectName(u"addManager")
        self.addManager.setStyleSheet(u"text-align: left; font-weight: 600; padding: 6px 8px;")

        self.dialogLayout.addWidget(self.addManager)

        self.addManagerHintLayout = QVBoxLayout()
        self.addManagerHintLayout.setObjectName(u"addManagerHintLayout")
        self.addManagerHintLayout.setContentsMargins(10, 0, 0, 4)
        self.addManagerHint = QLabel(welcomeDialog)
        self.addManagerHint.setObjectName(u"addManagerHint")
        self.addManagerHint.setWordWrap(True)

        self.addManagerHintLayout.addWidget(self.addManagerHint)


        self.dialogLayout.addLayout(self.addManagerHintLayout)

        self.addPriorities = QPushButton(welcomeDialog)
        self.addPriorities.setObjectName(u"addPriorities")
        self.addPriorities.setStyleSheet(u"text-align: left; font-weight: 600; padding: 6px 8px;")

        self.dialogLayout.addWidget(self.addPriorities)

        self.addPrioritiesHintLayout = QVBoxLayout()
        self.addPrioritiesHintLayout.setObjectName(u"addPrioritiesHintLayout")
        self.addPrioritiesHintLayout.setContentsMargins(10, 0, 0, 4)
        self.addPrioritiesHint = QLabel(welcomeDialog)
        self.addPrioritiesHint.setObjectName(u"addPrioritiesHint")
        self.addPrioritiesHint.setWordWrap(True)

        self.addPrioritiesHintLayout.addWidget(self.addPrioritiesHint)


        self.dialogLayout.addLayout(self.addPrioritiesHintLayout)

        self.logOutcome = QPushButton(welcomeDialog)
        self.logOutcome.setObjectName(u"logOutcome")
        self.logOutcome.setStyleSheet(u"text-align: left; font-weight: 600; padding: 6px 8px;")

        self.dialogLayout.addWidget(self.logOutcome)

        self.logOutcomeHintLayout = QVBoxLayout()
        self.logOutcomeHintLayout.setObjectName(u"logOutcomeHintLayout")
        self.logOutcomeHintLayout.setContentsMargins(10, 0, 0, 4)
        self.logOutcomeHint = QLabel(welcomeDialog)
        self.logOutcomeHint.setObjectName(u"logOutcomeHint")
        self.logOutcomeHint.setWordWrap(True)

        self.logOutcomeHintLayout.addWidget(self.logOutcomeHint)


        self.dialogLayout.addLayout(self.logOutcomeHintLayout)

        self.buttons = QDialogButtonBox(welcomeDialog)
        self.buttons.setObjectName(u"buttons")

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(welcomeDialog)
    # setupUi

    def retranslateUi(self, welcomeDialog):
        welcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to UpwardPrep", None))
        self.welcomeTitle.setText(QCoreApplication.translate("WelcomeDialog", u"<h2>Welcome</h2>Three steps make UpwardPrep useful in your next 1:1:", None))
        self.addManager.setText(QCoreApplication.translate("WelcomeDialog", u"1. Add your manager", None))
        self.addManagerHint.setText(QCoreApplication.translate("WelcomeDialog", u"Who you report to, how often you meet, and how they like to hear news.", None))
        self.addPriorities.setText(QCoreApplication.translate("WelcomeDialog", u"2. Add their top priorities", None))
        self.addPrioritiesHint.setText(QCoreApplication.translate("WelcomeDialog", u"What they are accountable for, and how success is measured.", None))
        self.logOutcome.setText(QCoreApplication.translate("WelcomeDialog", u"3. Log your first outcome", None))
        self.logOutcomeHint.setText(QCoreApplication.translate("WelcomeDialog", u"What your work produced or enabled: in outcomes, not activities.", None))
    # retranslateUi

