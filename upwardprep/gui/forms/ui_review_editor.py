# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_ReviewEditor(object):
    def setupUi(self, reviewEditor):
        if not reviewEditor.objectName():
            reviewEditor.setObjectName(u"reviewEditor")
        self.editorLayout = QVBoxLayout(reviewEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.sectionTitle = QLabel(reviewEditor)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.topLayout.addWidget(self.sectionTitle)

        self.buildPacketButton = QPushButton(reviewEditor)
        self.buildPacketButton.setObjectName(u"buildPacketButton")

        self.topLayout.addWidget(self.buildPacketButton)

        self.topLayout.setStretch(0, 1)

        self.editorLayout.addLayout(self.topLayout)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nameLabel = QLabel(reviewEditor)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.cycleName = QLineEdit(reviewEditor)
        self.cycleName.setObjectName(u"cycleName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cycleName)

        self.kindLabel = QLabel(reviewEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.cycleKind = QComboBox(reviewEditor)
        self.cycleKind.setObjectName(u"cycleKind")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cycleKind)

        self.periodLabel = QLabel(reviewEditor)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QWidget(reviewEditor)
        self.periodRow.setObjectName(u"periodRow")
        self.periodRowLayout = QHBoxLayout(self.periodRow)
        self.periodRowLayout.setObjectName(u"periodRowLayout")
        self.periodRowLayout.setContentsMargins(0, 0, 0, 0)
        self.cycleStart = DayField(self.periodRow)
        self.cycleStart.setObjectName(u"cycleStart")

        self.periodRowLayout.addWidget(self.cycleStart)

        self.toLabel = QLabel(self.periodRow)
        self.toLabel.setObjectName(u"toLabel")

        self.periodRowLayout.addWidget(self.toLabel)

        self.cycleEnd = DayField(self.periodRow)
        self.cycleEnd.setObjectName(u"cycleEnd")

        self.periodRowLayout.addWidget(self.cycleEnd)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRowLayout.addItem(self.periodSpacer)

        self.periodRowLayout.setStretch(3, 1)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.periodRow)

        self.reviewerLabel = QLabel(reviewEditor)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.cycleReviewer = RecordPicker(reviewEditor)
        self.cycleReviewer.setObjectName(u"cycleReviewer")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cycleReviewer)


        self.editorLayout.addLayout(self.form)

        self.cycleSummary = QLabel(reviewEditor)
        self.cycleSummary.setObjectName(u"cycleSummary")
        self.cycleSummary.setWordWrap(True)
        self.cycleSummary.setStyleSheet(u"color: palette(placeholder-text);")

        self.editorLayout.addWidget(self.cycleSummary)

        self.cycleTabs = QTabWidget(reviewEditor)
        self.cycleTabs.setObjectName(u"cycleTabs")
        self.assessmentPage = QWidget()
        self.assessmentPage.setObjectName(u"assessmentPage")
        self.assessmentLayout = QVBoxLayout(self.assessmentPage)
        self.assessmentLayout.setObjectName(u"assessmentLayout")
        self.assessmentLayout.setContentsMargins(0, 8, 0, 0)
        self.pickerRow = QHBoxLayout()
        self.pickerRow.setObjectName(u"pickerRow")
        self.pickerLabel = QLabel(self.assessmentPage)
        self.pickerLabel.setObjectName(u"pickerLabel")

        self.pickerRow.addWidget(self.pickerLabel)

        self.outcomePicker = QLineEdit(self.assessmentPage)
        self.outcomePicker.setObjectName(u"outcomePicker")
        self.outcomePicker.setClearButtonEnabled(True)

        self.pickerRow.addWidget(self.outcomePicker)

        self.pickerRow.setStretch(1, 1)

        self.assessmentLayout.addLayout(self.pickerRow)

        self.selfAssessment = MarkdownEditor(self.assessmentPage)
        self.selfAssessment.setObjectName(u"selfAssessment")

        self.assessmentLayout.addWidget(self.selfAssessment)

        self.assessmentLayout.setStretch(1, 1)
        self.cycleTabs.addTab(self.assessmentPage, "")
        self.cycleOverview = QTextBrowser()
        self.cycleOverview.setObjectName(u"cycleOverview")
        self.cycleOverview.setOpenLinks(False)
        self.cycleTabs.addTab(self.cycleOverview, "")

        self.editorLayout.addWidget(self.cycleTabs)

        self.editorLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.cycleName)
        self.kindLabel.setBuddy(self.cycleKind)
        self.periodLabel.setBuddy(self.cycleStart)
        self.reviewerLabel.setBuddy(self.cycleReviewer)
        self.pickerLabel.setBuddy(self.outcomePicker)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(reviewEditor)
    # setupUi

    def retranslateUi(self, reviewEditor):
        self.sectionTitle.setText(QCoreApplication.translate("ReviewEditor", u"Review cycle", None))
        self.buildPacketButton.setText(QCoreApplication.translate("ReviewEditor", u"&Build packet\u2026", None))
#if QT_CONFIG(tooltip)
        self.buildPacketButton.setToolTip(QCoreApplication.translate("ReviewEditor", u"Build this cycle's review packet (PDF or Markdown), with the self-assessment", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(QCoreApplication.translate("ReviewEditor", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.cycleName.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Cycle name", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("ReviewEditor", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.cycleKind.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Kind of review", None))
#endif // QT_CONFIG(accessibility)
        self.periodLabel.setText(QCoreApplication.translate("ReviewEditor", u"&Period:", None))
        self.cycleStart.setPlaceholderText(QCoreApplication.translate("ReviewEditor", u"start: 1 jun\u2026", None))
#if QT_CONFIG(accessibility)
        self.cycleStart.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Period start", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("ReviewEditor", u"to", None))
        self.cycleEnd.setPlaceholderText(QCoreApplication.translate("ReviewEditor", u"end: 30 nov\u2026", None))
#if QT_CONFIG(accessibility)
        self.cycleEnd.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Period end", None))
#endif // QT_CONFIG(accessibility)
        self.reviewerLabel.setText(QCoreApplication.translate("ReviewEditor", u"&Reviewer:", None))
        self.cycleReviewer.setPlaceholderText(QCoreApplication.translate("ReviewEditor", u"No one \u2014 type a name", None))
#if QT_CONFIG(accessibility)
        self.cycleReviewer.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Reviewer", None))
#endif // QT_CONFIG(accessibility)
        self.pickerLabel.setText(QCoreApplication.translate("ReviewEditor", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.outcomePicker.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"Insert a reference to a note of the period", None))
#endif // QT_CONFIG(accessibility)
        self.outcomePicker.setPlaceholderText(QCoreApplication.translate("ReviewEditor", u"Insert a reference to a note: type to filter, Enter", None))
        self.cycleTabs.setTabText(self.cycleTabs.indexOf(self.assessmentPage), QCoreApplication.translate("ReviewEditor", u"&Self-assessment", None))
#if QT_CONFIG(accessibility)
        self.cycleOverview.setAccessibleName(QCoreApplication.translate("ReviewEditor", u"The period's notes, feedback, learning and actions", None))
#endif // QT_CONFIG(accessibility)
        self.cycleTabs.setTabText(self.cycleTabs.indexOf(self.cycleOverview), QCoreApplication.translate("ReviewEditor", u"The &period", None))
        pass
    # retranslateUi

