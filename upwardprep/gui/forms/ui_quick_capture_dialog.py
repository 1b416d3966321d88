# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'quick_capture_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_QuickCaptureDialog(object):
    def setupUi(self, quickCaptureDialog):
        if not quickCaptureDialog.objectName():
            quickCaptureDialog.setObjectName(u"quickCaptureDialog")
        quickCaptureDialog.setMinimumSize(QSize(600, 0))
        self.dialogLayout = QVBoxLayout(quickCaptureDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.titleLabel = QLabel(quickCaptureDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(quickCaptureDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.priorityLabel = QLabel(quickCaptureDialog)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityEdit = RecordPicker(quickCaptureDialog)
        self.priorityEdit.setObjectName(u"priorityEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.priorityEdit)

        self.kindLabel = QLabel(quickCaptureDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(quickCaptureDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.askLabel = QLabel(quickCaptureDialog)
        self.askLabel.setObjectName(u"askLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.askLabel)

        self.askEdit = QLineEdit(quickCaptureDialog)
        self.askEdit.setObjectName(u"askEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.askEdit)

        self.linkMeetingCheck = QCheckBox(quickCaptureDialog)
        self.linkMeetingCheck.setObjectName(u"linkMeetingCheck")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.linkMeetingCheck)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(quickCaptureDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(quickCaptureDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.priorityLabel.setBuddy(self.priorityEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.askLabel.setBuddy(self.askEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.priorityEdit)
        QWidget.setTabOrder(self.priorityEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.askEdit)
        QWidget.setTabOrder(self.askEdit, self.linkMeetingCheck)

        self.retranslateUi(quickCaptureDialog)
    # setupUi

    def retranslateUi(self, quickCaptureDialog):
        quickCaptureDialog.setWindowTitle(QCoreApplication.translate("QuickCaptureDialog", u"Quick capture", None))
        self.titleLabel.setText(QCoreApplication.translate("QuickCaptureDialog", u"&Outcome:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("QuickCaptureDialog", u"Outcome title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("QuickCaptureDialog", u"What did it produce or enable? e.g. \u201cCut p95 latency to 310 ms\u201d", None))
        self.priorityLabel.setText(QCoreApplication.translate("QuickCaptureDialog", u"&Priority:", None))
#if QT_CONFIG(accessibility)
        self.priorityEdit.setAccessibleName(QCoreApplication.translate("QuickCaptureDialog", u"Priority", None))
#endif // QT_CONFIG(accessibility)
        self.priorityEdit.setPlaceholderText(QCoreApplication.translate("QuickCaptureDialog", u"Type part of a priority (optional)", None))
        self.kindLabel.setText(QCoreApplication.translate("QuickCaptureDialog", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("QuickCaptureDialog", u"Kind of note", None))
#endif // QT_CONFIG(accessibility)
        self.askLabel.setText(QCoreApplication.translate("QuickCaptureDialog", u"&Ask:", None))
#if QT_CONFIG(accessibility)
        self.askEdit.setAccessibleName(QCoreApplication.translate("QuickCaptureDialog", u"Ask", None))
#endif // QT_CONFIG(accessibility)
        self.askEdit.setPlaceholderText(QCoreApplication.translate("QuickCaptureDialog", u"What do you need, and from whom?", None))
#if QT_CONFIG(accessibility)
        self.linkMeetingCheck.setAccessibleName(QCoreApplication.translate("QuickCaptureDialog", u"Link the note to the meeting", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

