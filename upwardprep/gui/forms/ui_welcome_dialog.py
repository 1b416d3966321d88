# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

class Ui_WelcomeDialog(object):
    def setupUi(self, welcomeDialog):
        if not welcomeDialog.objectName():
            welcomeDialog.setObjectName(u"welcomeDialog")
        welcomeDialog.setMinimumSize(QSize(480, 0))
        self.dialogLayout = QVBoxLayout(welcomeDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.welcomeTitle = QLabel(welcomeDialog)
        self.welcomeTitle.setObjectName(u"welcomeTitle")
        self.welcomeTitle.setWordWrap(True)

        self.dialogLayout.addWidget(self.welcomeTitle)

        self.stepLabel = QLabel(welcomeDialog)
        self.stepLabel.setObjectName(u"stepLabel")

        self.dialogLayout.addWidget(self.stepLabel)

        self.steps = QStackedWidget(welcomeDialog)
        self.steps.setObjectName(u"steps")
        self.managerPage = QWidget()
        self.managerPage.setObjectName(u"managerPage")
        self.managerLayout = QVBoxLayout(self.managerPage)
        self.managerLayout.setObjectName(u"managerLayout")
        self.managerLayout.setContentsMargins(0, 0, 0, -1)
        self.managerHint = QLabel(self.managerPage)
        self.managerHint.setObjectName(u"managerHint")
        self.managerHint.setWordWrap(True)

        self.managerLayout.addWidget(self.managerHint)

        self.managerForm = QFormLayout()
        self.managerForm.setObjectName(u"managerForm")
        self.managerNameLabel = QLabel(self.managerPage)
        self.managerNameLabel.setObjectName(u"managerNameLabel")

        self.managerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.managerNameLabel)

        self.managerName = QLineEdit(self.managerPage)
        self.managerName.setObjectName(u"managerName")

        self.managerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.managerName)

        self.managerTitleLabel = QLabel(self.managerPage)
        self.managerTitleLabel.setObjectName(u"managerTitleLabel")

        self.managerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.managerTitleLabel)

        self.managerTitle = QLineEdit(self.managerPage)
        self.managerTitle.setObjectName(u"managerTitle")

        self.managerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.managerTitle)

        self.managerCadenceLabel = QLabel(self.managerPage)
        self.managerCadenceLabel.setObjectName(u"managerCadenceLabel")

        self.managerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.managerCadenceLabel)

        self.managerCadence = QSpinBox(self.managerPage)
        self.managerCadence.setObjectName(u"managerCadence")
        self.managerCadence.setMinimum(1)
        self.managerCadence.setMaximum(366)
        self.managerCadence.setValue(7)

        self.managerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.managerCadence)


        self.managerLayout.addLayout(self.managerForm)

        self.pageSpacer1 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.managerLayout.addItem(self.pageSpacer1)

        self.steps.addWidget(self.managerPage)
        self.prioritiesPage = QWidget()
        self.prioritiesPage.setObjectName(u"prioritiesPage")
        self.prioritiesLayout = QVBoxLayout(self.prioritiesPage)
        self.prioritiesLayout.setObjectName(u"prioritiesLayout")
        self.prioritiesLayout.setContentsMargins(0, 0, 0, -1)
        self.prioritiesHint = QLabel(self.prioritiesPage)
        self.prioritiesHint.setObjectName(u"prioritiesHint")
        self.prioritiesHint.setWordWrap(True)

        self.prioritiesLayout.addWidget(self.prioritiesHint)

        self.priority1 = QLineEdit(self.prioritiesPage)
        self.priority1.setObjectName(u"priority1")

        self.prioritiesLayout.addWidget(self.priority1)

        self.priority2 = QLineEdit(self.prioritiesPage)
        self.priority2.setObjectName(u"priority2")

        self.prioritiesLayout.addWidget(self.priority2)

        self.priority3 = QLineEdit(self.prioritiesPage)
        self.priority3.setObjectName(u"priority3")

        self.prioritiesLayout.addWidget(self.priority3)

        self.pageSpacer2 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.prioritiesLayout.addItem(self.pageSpacer2)

        self.steps.addWidget(self.prioritiesPage)
        self.outcomePage = QWidget()
        self.outcomePage.setObjectName(u"outcomePage")
        self.outcomeLayout = QVBoxLayout(self.outcomePage)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLayout.setContentsMargins(0, 0, 0, -1)
        self.outcomeHint = QLabel(self.outcomePage)
        self.outcomeHint.setObjectName(u"outcomeHint")
        self.outcomeHint.setWordWrap(True)

        self.outcomeLayout.addWidget(self.outcomeHint)

        self.outcomeForm = QFormLayout()
        self.outcomeForm.setObjectName(u"outcomeForm")
        self.outcomeTitleLabel = QLabel(self.outcomePage)
        self.outcomeTitleLabel.setObjectName(u"outcomeTitleLabel")

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeTitleLabel)

        self.outcomeTitle = QLineEdit(self.outcomePage)
        self.outcomeTitle.setObjectName(u"outcomeTitle")

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeTitle)

        self.outcomePriorityLabel = QLabel(self.outcomePage)
        self.outcomePriorityLabel.setObjectName(u"outcomePriorityLabel")

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomePriorityLabel)

        self.outcomePriority = QComboBox(self.outcomePage)
        self.outcomePriority.setObjectName(u"outcomePriority")

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomePriority)


        self.outcomeLayout.addLayout(self.outcomeForm)

        self.pageSpacer3 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outcomeLayout.addItem(self.pageSpacer3)

        self.steps.addWidget(self.outcomePage)

        self.dialogLayout.addWidget(self.steps)

        self.errorLabel = QLabel(welcomeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(welcomeDialog)
        self.buttons.setObjectName(u"buttons")

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.managerNameLabel.setBuddy(self.managerName)
        self.managerTitleLabel.setBuddy(self.managerTitle)
        self.managerCadenceLabel.setBuddy(self.managerCadence)
        self.prioritiesHint.setBuddy(self.priority1)
        self.outcomeTitleLabel.setBuddy(self.outcomeTitle)
        self.outcomePriorityLabel.setBuddy(self.outcomePriority)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(welcomeDialog)
    # setupUi

    def retranslateUi(self, welcomeDialog):
        welcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to UpwardPrep", None))
        self.welcomeTitle.setText(QCoreApplication.translate("WelcomeDialog", u"<h2>Welcome</h2>Three steps make UpwardPrep useful in your next 1:1.", None))
        self.stepLabel.setProperty(u"heading", QCoreApplication.translate("WelcomeDialog", u"subsection", None))
        self.managerHint.setText(QCoreApplication.translate("WelcomeDialog", u"Who you report to and how often you meet. Their priorities come next.", None))
        self.managerNameLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Na&me:", None))
#if QT_CONFIG(accessibility)
        self.managerName.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Your manager's name", None))
#endif // QT_CONFIG(accessibility)
        self.managerName.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. Dana Whitfield", None))
        self.managerTitleLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.managerTitle.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Your manager's job title", None))
#endif // QT_CONFIG(accessibility)
        self.managerTitle.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. VP Engineering", None))
        self.managerCadenceLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&1:1:", None))
#if QT_CONFIG(accessibility)
        self.managerCadence.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Days between 1:1s with your manager", None))
#endif // QT_CONFIG(accessibility)
        self.managerCadence.setPrefix(QCoreApplication.translate("WelcomeDialog", u"every ", None))
        self.managerCadence.setSuffix(QCoreApplication.translate("WelcomeDialog", u" days", None))
        self.prioritiesHint.setText(QCoreApplication.translate("WelcomeDialog", u"What your manager is accountable for, in their words: up to three, most important first. You can add more, and measures, later.", None))
#if QT_CONFIG(accessibility)
        self.priority1.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"First priority", None))
#endif // QT_CONFIG(accessibility)
        self.priority1.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. Reduce churn to 3% this half", None))
#if QT_CONFIG(accessibility)
        self.priority2.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Second priority", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.priority3.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Third priority", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeHint.setText(QCoreApplication.translate("WelcomeDialog", u"Something your work produced or enabled lately: an outcome, not an activity.", None))
        self.outcomeTitleLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Outcome:", None))
#if QT_CONFIG(accessibility)
        self.outcomeTitle.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"Your first outcome", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeTitle.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. Cut checkout errors by half", None))
        self.outcomePriorityLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Ser&ves:", None))
#if QT_CONFIG(accessibility)
        self.outcomePriority.setAccessibleName(QCoreApplication.translate("WelcomeDialog", u"The priority it serves", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

