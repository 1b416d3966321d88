# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.gui.widgets.priority_picker import PriorityPicker
from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_OutcomeEditor(object):
    def setupUi(self, outcomeEditor):
        if not outcomeEditor.objectName():
            outcomeEditor.setObjectName(u"outcomeEditor")
        self.editorLayout = QVBoxLayout(outcomeEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.sectionTitle = QLabel(outcomeEditor)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.editorLayout.addWidget(self.sectionTitle)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.titleLabel = QLabel(outcomeEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.outcomeTitle = QLineEdit(outcomeEditor)
        self.outcomeTitle.setObjectName(u"outcomeTitle")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeTitle)

        self.activityHint = QLabel(outcomeEditor)
        self.activityHint.setObjectName(u"activityHint")
        self.activityHint.setWordWrap(True)
        self.activityHint.setProperty(u"tone", u"warning")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.activityHint)

        self.kindLabel = QLabel(outcomeEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindRow = QWidget(outcomeEditor)
        self.kindRow.setObjectName(u"kindRow")
        self.kindRowLayout = QHBoxLayout(self.kindRow)
        self.kindRowLayout.setObjectName(u"kindRowLayout")
        self.kindRowLayout.setContentsMargins(0, 0, 0, 0)
        self.outcomeKind = QComboBox(self.kindRow)
        self.outcomeKind.setObjectName(u"outcomeKind")

        self.kindRowLayout.addWidget(self.outcomeKind)

        self.onLabel = QLabel(self.kindRow)
        self.onLabel.setObjectName(u"onLabel")

        self.kindRowLayout.addWidget(self.onLabel)

        self.outcomeDate = DayField(self.kindRow)
        self.outcomeDate.setObjectName(u"outcomeDate")

        self.kindRowLayout.addWidget(self.outcomeDate)

        self.kindRowLayout.setStretch(0, 1)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindRow)

        self.personLabel = QLabel(outcomeEditor)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.outcomePerson = RecordPicker(outcomeEditor)
        self.outcomePerson.setObjectName(u"outcomePerson")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outcomePerson)

        self.impactLabel = QLabel(outcomeEditor)
        self.impactLabel.setObjectName(u"impactLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.impactLabel)

        self.outcomeImpact = QLineEdit(outcomeEditor)
        self.outcomeImpact.setObjectName(u"outcomeImpact")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.outcomeImpact)

        self.metricLabel = QLabel(outcomeEditor)
        self.metricLabel.setObjectName(u"metricLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.metricLabel)

        self.outcomeMetric = QLineEdit(outcomeEditor)
        self.outcomeMetric.setObjectName(u"outcomeMetric")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.outcomeMetric)

        self.evidenceLabel = QLabel(outcomeEditor)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceRow = QWidget(outcomeEditor)
        self.evidenceRow.setObjectName(u"evidenceRow")
        self.evidenceRowLayout = QHBoxLayout(self.evidenceRow)
        self.evidenceRowLayout.setObjectName(u"evidenceRowLayout")
        self.evidenceRowLayout.setContentsMargins(0, 0, 0, 0)
        self.outcomeEvidence = QLineEdit(self.evidenceRow)
        self.outcomeEvidence.setObjectName(u"outcomeEvidence")

        self.evidenceRowLayout.addWidget(self.outcomeEvidence)

        self.openEvidenceButton = QToolButton(self.evidenceRow)
        self.openEvidenceButton.setObjectName(u"openEvidenceButton")

        self.evidenceRowLayout.addWidget(self.openEvidenceButton)

        self.evidenceRowLayout.setStretch(0, 1)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.evidenceRow)

        self.askLabel = QLabel(outcomeEditor)
        self.askLabel.setObjectName(u"askLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.askLabel)

        self.outcomeAsk = QLineEdit(outcomeEditor)
        self.outcomeAsk.setObjectName(u"outcomeAsk")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.outcomeAsk)

        self.prioritiesLabel = QLabel(outcomeEditor)
        self.prioritiesLabel.setObjectName(u"prioritiesLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.prioritiesLabel)

        self.priorityPicker = PriorityPicker(outcomeEditor)
        self.priorityPicker.setObjectName(u"priorityPicker")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.priorityPicker)

        self.primaryLabel = QLabel(outcomeEditor)
        self.primaryLabel.setObjectName(u"primaryLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.primaryLabel)

        self.primaryPriority = QComboBox(outcomeEditor)
        self.primaryPriority.setObjectName(u"primaryPriority")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.primaryPriority)

        self.tagsLabel = QLabel(outcomeEditor)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.outcomeTags = QLineEdit(outcomeEditor)
        self.outcomeTags.setObjectName(u"outcomeTags")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.outcomeTags)

        self.outcomePrivate = QCheckBox(outcomeEditor)
        self.outcomePrivate.setObjectName(u"outcomePrivate")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.outcomePrivate)


        self.editorLayout.addLayout(self.form)

        self.outcomeBody = MarkdownEditor(outcomeEditor)
        self.outcomeBody.setObjectName(u"outcomeBody")

        self.editorLayout.addWidget(self.outcomeBody)

        self.editorLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.outcomeTitle)
        self.kindLabel.setBuddy(self.outcomeKind)
        self.personLabel.setBuddy(self.outcomePerson)
        self.impactLabel.setBuddy(self.outcomeImpact)
        self.metricLabel.setBuddy(self.outcomeMetric)
        self.evidenceLabel.setBuddy(self.outcomeEvidence)
        self.askLabel.setBuddy(self.outcomeAsk)
        self.prioritiesLabel.setBuddy(self.priorityPicker)
        self.primaryLabel.setBuddy(self.primaryPriority)
        self.tagsLabel.setBuddy(self.outcomeTags)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(outcomeEditor)
    # setupUi

    def retranslateUi(self, outcomeEditor):
        self.sectionTitle.setText(QCoreApplication.translate("OutcomeEditor", u"Outcome note", None))
        self.titleLabel.setText(QCoreApplication.translate("OutcomeEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.outcomeTitle.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Outcome title", None))
#endif // QT_CONFIG(accessibility)
        self.activityHint.setText(QCoreApplication.translate("OutcomeEditor", u"This reads like an activity. What did it produce or enable? e.g. \u201cCut checkout latency from 840 ms to 310 ms\u201d.", None))
        self.kindLabel.setText(QCoreApplication.translate("OutcomeEditor", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.outcomeKind.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Kind of note", None))
#endif // QT_CONFIG(accessibility)
        self.onLabel.setText(QCoreApplication.translate("OutcomeEditor", u"on", None))
        self.outcomeDate.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"fri, 1 dec, 2026-12-04\u2026", None))
#if QT_CONFIG(accessibility)
        self.outcomeDate.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.personLabel.setText(QCoreApplication.translate("OutcomeEditor", u"P&erson:", None))
        self.outcomePerson.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"Nobody in particular \u2014 type a name", None))
#if QT_CONFIG(accessibility)
        self.outcomePerson.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Person it concerns", None))
#endif // QT_CONFIG(accessibility)
        self.impactLabel.setText(QCoreApplication.translate("OutcomeEditor", u"&Impact:", None))
#if QT_CONFIG(accessibility)
        self.outcomeImpact.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Impact", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeImpact.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"Who benefits, and how much", None))
        self.metricLabel.setText(QCoreApplication.translate("OutcomeEditor", u"&Metric change:", None))
#if QT_CONFIG(accessibility)
        self.outcomeMetric.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Metric change", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeMetric.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"e.g. +12 customers, \u2212530 ms", None))
        self.evidenceLabel.setText(QCoreApplication.translate("OutcomeEditor", u"E&vidence:", None))
#if QT_CONFIG(accessibility)
        self.outcomeEvidence.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Evidence link", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeEvidence.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"https://\u2026 (a dashboard, a doc, a ticket)", None))
        self.openEvidenceButton.setText(QCoreApplication.translate("OutcomeEditor", u"Open", None))
#if QT_CONFIG(tooltip)
        self.openEvidenceButton.setToolTip(QCoreApplication.translate("OutcomeEditor", u"Open the evidence link in your browser", None))
#endif // QT_CONFIG(tooltip)
        self.askLabel.setText(QCoreApplication.translate("OutcomeEditor", u"&Ask:", None))
#if QT_CONFIG(accessibility)
        self.outcomeAsk.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Ask", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeAsk.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"For a risk: what you need, and from whom", None))
        self.prioritiesLabel.setText(QCoreApplication.translate("OutcomeEditor", u"Pr&iorities:", None))
        self.primaryLabel.setText(QCoreApplication.translate("OutcomeEditor", u"Primar&y:", None))
#if QT_CONFIG(accessibility)
        self.primaryPriority.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Primary priority", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.primaryPriority.setAccessibleDescription(QCoreApplication.translate("OutcomeEditor", u"The linked priority this note mainly serves; the review packet files it there and names the others as also supported. The first linked one unless you choose another.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.primaryPriority.setToolTip(QCoreApplication.translate("OutcomeEditor", u"The review packet files the note under this priority and lists the others as \u201cAlso supports\u201d.", None))
#endif // QT_CONFIG(tooltip)
        self.tagsLabel.setText(QCoreApplication.translate("OutcomeEditor", u"T&ags:", None))
#if QT_CONFIG(accessibility)
        self.outcomeTags.setAccessibleName(QCoreApplication.translate("OutcomeEditor", u"Tags", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeTags.setPlaceholderText(QCoreApplication.translate("OutcomeEditor", u"comma-separated, e.g. q4, billing", None))
        self.outcomePrivate.setText(QCoreApplication.translate("OutcomeEditor", u"&Private: keep out of shared documents", None))
        pass
    # retranslateUi

