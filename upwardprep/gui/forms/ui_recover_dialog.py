# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recover_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.secret_field import SecretField

class Ui_RecoverDialog(object):
    def setupUi(self, recoverDialog):
        if not recoverDialog.objectName():
            recoverDialog.setObjectName(u"recoverDialog")
        recoverDialog.setMinimumSize(QSize(700, 0))
        recoverDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(recoverDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(recoverDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.recoveryKeyLabel = QLabel(recoverDialog)
        self.recoveryKeyLabel.setObjectName(u"recoveryKeyLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recoveryKeyLabel)

        self.recoveryKeyEdit = SecretField(recoverDialog)
        self.recoveryKeyEdit.setObjectName(u"recoveryKeyEdit")
        self.recoveryKeyEdit.setMinimumSize(QSize(520, 0))
        font = QFont()
        font.setFamilies([u"Monospace"])
        self.recoveryKeyEdit.setFont(font)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recoveryKeyEdit)

        self.showKeyCheck = QCheckBox(recoverDialog)
        self.showKeyCheck.setObjectName(u"showKeyCheck")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.showKeyCheck)

        self.keyStatusLabel = QLabel(recoverDialog)
        self.keyStatusLabel.setObjectName(u"keyStatusLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.keyStatusLabel)

        self.passphraseLabel = QLabel(recoverDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = SecretField(recoverDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(recoverDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = SecretField(recoverDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.strengthTitle = QLabel(recoverDialog)
        self.strengthTitle.setObjectName(u"strengthTitle")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.strengthTitle)

        self.strengthBar = QProgressBar(recoverDialog)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximumSize(QSize(16777215, 6))
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(recoverDialog)
        self.strengthLabel.setObjectName(u"strengthLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.strengthLabel)


        self.dialogLayout.addLayout(self.form)

        self.recoveryWarning = QLabel(recoverDialog)
        self.recoveryWarning.setObjectName(u"recoveryWarning")
        self.recoveryWarning.setWordWrap(True)

        self.dialogLayout.addWidget(self.recoveryWarning)

        self.busyBar = QProgressBar(recoverDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximumSize(QSize(16777215, 6))
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.dialogLayout.addWidget(self.busyBar)

        self.errorLabel = QLabel(recoverDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(recoverDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.recoveryKeyLabel.setBuddy(self.recoveryKeyEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recoveryKeyEdit, self.showKeyCheck)
        QWidget.setTabOrder(self.showKeyCheck, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)

        self.retranslateUi(recoverDialog)
    # setupUi

    def retranslateUi(self, recoverDialog):
        recoverDialog.setWindowTitle(QCoreApplication.translate("RecoverDialog", u"Forgot your passphrase?", None))
        self.recoveryKeyLabel.setText(QCoreApplication.translate("RecoverDialog", u"Recovery &key:", None))
#if QT_CONFIG(accessibility)
        self.recoveryKeyEdit.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"Recovery key", None))
#endif // QT_CONFIG(accessibility)
        self.recoveryKeyEdit.setPlaceholderText(QCoreApplication.translate("RecoverDialog", u"XXXX-XXXX-XXXX-\u2026 (14 groups, from the Emergency Kit)", None))
        self.showKeyCheck.setText(QCoreApplication.translate("RecoverDialog", u"&Show the key while typing", None))
#if QT_CONFIG(accessibility)
        self.keyStatusLabel.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"Recovery key check", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("RecoverDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("RecoverDialog", u"Re&peat:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"Repeat the passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.strengthTitle.setText(QCoreApplication.translate("RecoverDialog", u"Strength:", None))
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText(QCoreApplication.translate("RecoverDialog", u"Empty", None))
        self.recoveryWarning.setText(QCoreApplication.translate("RecoverDialog", u"The store is backed up first. Afterwards this kit no longer opens the store: make a new one (File \u203a Emergency Kit\u2026) and destroy the old one.", None))
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("RecoverDialog", u"Recovering", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

