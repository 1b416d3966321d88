# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_picker.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

class Ui_ExportPicker(object):
    def setupUi(self, exportPicker):
        if not exportPicker.objectName():
            exportPicker.setObjectName(u"exportPicker")
        self.dialogLayout = QVBoxLayout(exportPicker)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.choiceLabel = QLabel(exportPicker)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.choiceLabel)

        self.exportChoice = QComboBox(exportPicker)
        self.exportChoice.setObjectName(u"exportChoice")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.exportChoice)

        self.includePrivate = QCheckBox(exportPicker)
        self.includePrivate.setObjectName(u"includePrivate")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.includePrivate)


        self.dialogLayout.addLayout(self.form)

        self.buttons = QDialogButtonBox(exportPicker)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.choiceLabel.setBuddy(self.exportChoice)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(exportPicker)
    # setupUi

    def retranslateUi(self, exportPicker):
        self.includePrivate.setText(QCoreApplication.translate("ExportPicker", u"Include &private notes", None))
        pass
    # retranslateUi

