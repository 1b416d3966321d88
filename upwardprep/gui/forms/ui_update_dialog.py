# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'update_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_UpdateDialog(object):
    def setupUi(self, updateDialog):
        if not updateDialog.objectName():
            updateDialog.setObjectName(u"updateDialog")
        updateDialog.resize(640, 620)
        self.dialogLayout = QVBoxLayout(updateDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.personLabel = QLabel(updateDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.updatePerson = RecordPicker(updateDialog)
        self.updatePerson.setObjectName(u"updatePerson")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.updatePerson)

        self.sinceLabel = QLabel(updateDialog)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sinceLabel)

        self.updateSince = DayField(updateDialog)
        self.updateSince.setObjectName(u"updateSince")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.updateSince)


        self.dialogLayout.addLayout(self.form)

        self.updatePreview = QTextBrowser(updateDialog)
        self.updatePreview.setObjectName(u"updatePreview")

        self.dialogLayout.addWidget(self.updatePreview)

        self.errorLabel = QLabel(updateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyUpdate = QPushButton(updateDialog)
        self.copyUpdate.setObjectName(u"copyUpdate")

        self.buttonRow.addWidget(self.copyUpdate)

        self.saveUpdate = QPushButton(updateDialog)
        self.saveUpdate.setObjectName(u"saveUpdate")

        self.buttonRow.addWidget(self.saveUpdate)

        self.buttons = QDialogButtonBox(updateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonRow.addWidget(self.buttons)


        self.dialogLayout.addLayout(self.buttonRow)

        self.dialogLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.updatePerson)
        self.sinceLabel.setBuddy(self.updateSince)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(updateDialog)
    # setupUi

    def retranslateUi(self, updateDialog):
        updateDialog.setWindowTitle(QCoreApplication.translate("UpdateDialog", u"Weekly update", None))
        self.personLabel.setText(QCoreApplication.translate("UpdateDialog", u"&For:", None))
        self.updatePerson.setPlaceholderText(QCoreApplication.translate("UpdateDialog", u"Type a name", None))
#if QT_CONFIG(accessibility)
        self.updatePerson.setAccessibleName(QCoreApplication.translate("UpdateDialog", u"Update for", None))
#endif // QT_CONFIG(accessibility)
        self.sinceLabel.setText(QCoreApplication.translate("UpdateDialog", u"&Since:", None))
#if QT_CONFIG(accessibility)
        self.updateSince.setAccessibleName(QCoreApplication.translate("UpdateDialog", u"Since", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.updatePreview.setAccessibleName(QCoreApplication.translate("UpdateDialog", u"The update", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.copyUpdate.setToolTip(QCoreApplication.translate("UpdateDialog", u"Copy as rich text (and as Markdown for plain-text editors)", None))
#endif // QT_CONFIG(tooltip)
        self.copyUpdate.setText(QCoreApplication.translate("UpdateDialog", u"&Copy", None))
#if QT_CONFIG(tooltip)
        self.saveUpdate.setToolTip(QCoreApplication.translate("UpdateDialog", u"An .eml draft that the mail client opens, ready to send", None))
#endif // QT_CONFIG(tooltip)
        self.saveUpdate.setText(QCoreApplication.translate("UpdateDialog", u"Save as &e-mail\u2026", None))
    # retranslateUi

