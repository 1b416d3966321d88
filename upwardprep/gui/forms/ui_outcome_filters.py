# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_filters.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from upwardprep.gui.widgets.day_field import DayField

class Ui_OutcomeFilters(object):
    def setupUi(self, outcomeFilters):
        if not outcomeFilters.objectName():
            outcomeFilters.setObjectName(u"outcomeFilters")
        self.filtersLayout = QVBoxLayout(outcomeFilters)
        self.filtersLayout.setObjectName(u"filtersLayout")
        self.filtersLayout.setContentsMargins(8, 8, 8, 0)
        self.filterTextRow = QHBoxLayout()
        self.filterTextRow.setObjectName(u"filterTextRow")
        self.addOutcomeButton = QPushButton(outcomeFilters)
        self.addOutcomeButton.setObjectName(u"addOutcomeButton")

        self.filterTextRow.addWidget(self.addOutcomeButton)

        self.outcomeFilterEdit = QLineEdit(outcomeFilters)
        self.outcomeFilterEdit.setObjectName(u"outcomeFilterEdit")
        self.outcomeFilterEdit.setClearButtonEnabled(True)

        self.filterTextRow.addWidget(self.outcomeFilterEdit)

        self.outcomeCount = QLabel(outcomeFilters)
        self.outcomeCount.setObjectName(u"outcomeCount")

        self.filterTextRow.addWidget(self.outcomeCount)

        self.filterTextRow.setStretch(1, 1)

        self.filtersLayout.addLayout(self.filterTextRow)

        self.filterChoicesRow = QHBoxLayout()
        self.filterChoicesRow.setObjectName(u"filterChoicesRow")
        self.kindFilter = QComboBox(outcomeFilters)
        self.kindFilter.setObjectName(u"kindFilter")
        self.kindFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kindFilter.setMinimumContentsLength(6)

        self.filterChoicesRow.addWidget(self.kindFilter)

        self.personFilter = QComboBox(outcomeFilters)
        self.personFilter.setObjectName(u"personFilter")
        self.personFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.personFilter.setMinimumContentsLength(6)

        self.filterChoicesRow.addWidget(self.personFilter)

        self.priorityFilter = QComboBox(outcomeFilters)
        self.priorityFilter.setObjectName(u"priorityFilter")
        self.priorityFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.priorityFilter.setMinimumContentsLength(6)
        self.priorityFilter.setMaximumSize(QSize(220, 16777215))

        self.filterChoicesRow.addWidget(self.priorityFilter)

        self.tagFilter = QComboBox(outcomeFilters)
        self.tagFilter.setObjectName(u"tagFilter")
        self.tagFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tagFilter.setMinimumContentsLength(6)

        self.filterChoicesRow.addWidget(self.tagFilter)

        self.fromLabel = QLabel(outcomeFilters)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterChoicesRow.addWidget(self.fromLabel)

        self.dateFromFilter = DayField(outcomeFilters)
        self.dateFromFilter.setObjectName(u"dateFromFilter")

        self.filterChoicesRow.addWidget(self.dateFromFilter)

        self.toLabel = QLabel(outcomeFilters)
        self.toLabel.setObjectName(u"toLabel")

        self.filterChoicesRow.addWidget(self.toLabel)

        self.dateToFilter = DayField(outcomeFilters)
        self.dateToFilter.setObjectName(u"dateToFilter")

        self.filterChoicesRow.addWidget(self.dateToFilter)

        self.filterChoicesRow.setStretch(0, 1)
        self.filterChoicesRow.setStretch(1, 1)
        self.filterChoicesRow.setStretch(2, 1)
        self.filterChoicesRow.setStretch(3, 1)
        self.filterChoicesRow.setStretch(5, 1)
        self.filterChoicesRow.setStretch(7, 1)

        self.filtersLayout.addLayout(self.filterChoicesRow)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.dateFromFilter)
        self.toLabel.setBuddy(self.dateToFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(outcomeFilters)
    # setupUi

    def retranslateUi(self, outcomeFilters):
        self.addOutcomeButton.setText(QCoreApplication.translate("OutcomeFilters", u"A&dd Note", None))
#if QT_CONFIG(tooltip)
        self.addOutcomeButton.setToolTip(QCoreApplication.translate("OutcomeFilters", u"Log what your work produced or enabled (Ctrl+N; Ctrl+Shift+N from anywhere)", None))
#endif // QT_CONFIG(tooltip)
        self.outcomeFilterEdit.setPlaceholderText(QCoreApplication.translate("OutcomeFilters", u"Filter notes\u2026 (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.outcomeFilterEdit.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"Filter outcome notes by text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kindFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"Filter by kind", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.personFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"Filter by person", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.priorityFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"Filter by priority", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tagFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"Filter by tag", None))
#endif // QT_CONFIG(accessibility)
        self.fromLabel.setText(QCoreApplication.translate("OutcomeFilters", u"from", None))
        self.dateFromFilter.setPlaceholderText(QCoreApplication.translate("OutcomeFilters", u"any day", None))
#if QT_CONFIG(accessibility)
        self.dateFromFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"From date", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("OutcomeFilters", u"to", None))
        self.dateToFilter.setPlaceholderText(QCoreApplication.translate("OutcomeFilters", u"any day", None))
#if QT_CONFIG(accessibility)
        self.dateToFilter.setAccessibleName(QCoreApplication.translate("OutcomeFilters", u"To date", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

