# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'priority_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_PriorityEditor(object):
    def setupUi(self, priorityEditor):
        if not priorityEditor.objectName():
            priorityEditor.setObjectName(u"priorityEditor")
        self.editorLayout = QVBoxLayout(priorityEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.sectionTitle = QLabel(priorityEditor)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.topLayout.addWidget(self.sectionTitle)

        self.confirmButton = QPushButton(priorityEditor)
        self.confirmButton.setObjectName(u"confirmButton")

        self.topLayout.addWidget(self.confirmButton)

        self.topLayout.setStretch(0, 1)

        self.editorLayout.addLayout(self.topLayout)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.titleLabel = QLabel(priorityEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.priorityTitle = QLineEdit(priorityEditor)
        self.priorityTitle.setObjectName(u"priorityTitle")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.priorityTitle)

        self.ownerLabel = QLabel(priorityEditor)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.priorityOwner = RecordPicker(priorityEditor)
        self.priorityOwner.setObjectName(u"priorityOwner")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.priorityOwner)

        self.parentLabel = QLabel(priorityEditor)
        self.parentLabel.setObjectName(u"parentLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.priorityParent = RecordPicker(priorityEditor)
        self.priorityParent.setObjectName(u"priorityParent")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.priorityParent)

        self.statusLabel = QLabel(priorityEditor)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.priorityStatus = QComboBox(priorityEditor)
        self.priorityStatus.setObjectName(u"priorityStatus")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.priorityStatus)

        self.measureLabel = QLabel(priorityEditor)
        self.measureLabel.setObjectName(u"measureLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.measureLabel)

        self.priorityMeasure = QLineEdit(priorityEditor)
        self.priorityMeasure.setObjectName(u"priorityMeasure")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.priorityMeasure)

        self.metricLabel = QLabel(priorityEditor)
        self.metricLabel.setObjectName(u"metricLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.metricLabel)

        self.metricRow = QWidget(priorityEditor)
        self.metricRow.setObjectName(u"metricRow")
        self.metricRowLayout = QHBoxLayout(self.metricRow)
        self.metricRowLayout.setObjectName(u"metricRowLayout")
        self.metricRowLayout.setContentsMargins(0, 0, 0, 0)
        self.priorityCurrent = QLineEdit(self.metricRow)
        self.priorityCurrent.setObjectName(u"priorityCurrent")

        self.metricRowLayout.addWidget(self.priorityCurrent)

        self.ofLabel = QLabel(self.metricRow)
        self.ofLabel.setObjectName(u"ofLabel")

        self.metricRowLayout.addWidget(self.ofLabel)

        self.priorityTarget = QLineEdit(self.metricRow)
        self.priorityTarget.setObjectName(u"priorityTarget")

        self.metricRowLayout.addWidget(self.priorityTarget)

        self.priorityUnit = QLineEdit(self.metricRow)
        self.priorityUnit.setObjectName(u"priorityUnit")

        self.metricRowLayout.addWidget(self.priorityUnit)

        self.metricRowLayout.setStretch(3, 2)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.metricRow)

        self.periodLabel = QLabel(priorityEditor)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QWidget(priorityEditor)
        self.periodRow.setObjectName(u"periodRow")
        self.periodRowLayout = QHBoxLayout(self.periodRow)
        self.periodRowLayout.setObjectName(u"periodRowLayout")
        self.periodRowLayout.setContentsMargins(0, 0, 0, 0)
        self.priorityStart = DayField(self.periodRow)
        self.priorityStart.setObjectName(u"priorityStart")

        self.periodRowLayout.addWidget(self.priorityStart)

        self.toLabel = QLabel(self.periodRow)
        self.toLabel.setObjectName(u"toLabel")

        self.periodRowLayout.addWidget(self.toLabel)

        self.priorityEnd = DayField(self.periodRow)
        self.priorityEnd.setObjectName(u"priorityEnd")

        self.periodRowLayout.addWidget(self.priorityEnd)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRowLayout.addItem(self.periodSpacer)

        self.periodRowLayout.setStretch(3, 1)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.periodRow)


        self.editorLayout.addLayout(self.form)

        self.priorityDescription = QPlainTextEdit(priorityEditor)
        self.priorityDescription.setObjectName(u"priorityDescription")
        self.priorityDescription.setMaximumSize(QSize(16777215, 110))

        self.editorLayout.addWidget(self.priorityDescription)

        self.subsectionTitle = QLabel(priorityEditor)
        self.subsectionTitle.setObjectName(u"subsectionTitle")

        self.editorLayout.addWidget(self.subsectionTitle)

        self.priorityHistory = QListWidget(priorityEditor)
        self.priorityHistory.setObjectName(u"priorityHistory")

        self.editorLayout.addWidget(self.priorityHistory)

        self.editorLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.priorityTitle)
        self.ownerLabel.setBuddy(self.priorityOwner)
        self.parentLabel.setBuddy(self.priorityParent)
        self.statusLabel.setBuddy(self.priorityStatus)
        self.measureLabel.setBuddy(self.priorityMeasure)
        self.metricLabel.setBuddy(self.priorityCurrent)
        self.periodLabel.setBuddy(self.priorityStart)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(priorityEditor)
    # setupUi

    def retranslateUi(self, priorityEditor):
        self.sectionTitle.setText(QCoreApplication.translate("PriorityEditor", u"Priority", None))
        self.confirmButton.setText(QCoreApplication.translate("PriorityEditor", u"&Confirm with manager", None))
#if QT_CONFIG(tooltip)
        self.confirmButton.setToolTip(QCoreApplication.translate("PriorityEditor", u"Record that your manager confirmed this still matters", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.priorityTitle.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Priority title", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Owner:", None))
        self.priorityOwner.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"Me \u2014 or type a name", None))
#if QT_CONFIG(accessibility)
        self.priorityOwner.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.parentLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Aligned to:", None))
        self.priorityParent.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"Nothing (top level) \u2014 type part of a title", None))
#if QT_CONFIG(accessibility)
        self.priorityParent.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Aligned to", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Status:", None))
        self.measureLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Measure:", None))
        self.priorityMeasure.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"How success is measured", None))
        self.metricLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Metric:", None))
#if QT_CONFIG(accessibility)
        self.priorityCurrent.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Metric current value", None))
#endif // QT_CONFIG(accessibility)
        self.priorityCurrent.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"current", None))
        self.ofLabel.setText(QCoreApplication.translate("PriorityEditor", u"of", None))
#if QT_CONFIG(accessibility)
        self.priorityTarget.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Metric target", None))
#endif // QT_CONFIG(accessibility)
        self.priorityTarget.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"target", None))
#if QT_CONFIG(accessibility)
        self.priorityUnit.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Metric unit", None))
#endif // QT_CONFIG(accessibility)
        self.priorityUnit.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"unit, e.g. customers", None))
        self.periodLabel.setText(QCoreApplication.translate("PriorityEditor", u"&Period:", None))
        self.priorityStart.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"start: 1 jun\u2026", None))
#if QT_CONFIG(accessibility)
        self.priorityStart.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Period start", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("PriorityEditor", u"to", None))
        self.priorityEnd.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"end: 30 nov\u2026", None))
#if QT_CONFIG(accessibility)
        self.priorityEnd.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Period end", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.priorityDescription.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.priorityDescription.setPlaceholderText(QCoreApplication.translate("PriorityEditor", u"Why it matters, what done looks like", None))
        self.subsectionTitle.setText(QCoreApplication.translate("PriorityEditor", u"History", None))
#if QT_CONFIG(accessibility)
        self.priorityHistory.setAccessibleName(QCoreApplication.translate("PriorityEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

