# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.dialog_buttons import DialogButtons
from upwardprep.gui.widgets.secret_field import SecretField

class Ui_UnlockDialog(object):
    def setupUi(self, unlockDialog):
        if not unlockDialog.objectName():
            unlockDialog.setObjectName(u"unlockDialog")
        unlockDialog.setMinimumSize(QSize(440, 0))
        unlockDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(unlockDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(unlockDialog)
        self.introLabel.setObjectName(u"introLabel")

        self.dialogLayout.addWidget(self.introLabel)

        self.hintLabel = QLabel(unlockDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.passphraseLabel = QLabel(unlockDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = SecretField(unlockDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)


        self.dialogLayout.addLayout(self.form)

        self.forgotButton = QPushButton(unlockDialog)
        self.forgotButton.setObjectName(u"forgotButton")
        self.forgotButton.setFlat(True)
        self.forgotButton.setStyleSheet(u"QPushButton { text-align: left; color: palette(link); padding: 1px 2px; border: 1px solid transparent; } QPushButton:focus { border-color: palette(highlight); border-radius: 2px; }")

        self.dialogLayout.addWidget(self.forgotButton)

        self.unlockProgress = QProgressBar(unlockDialog)
        self.unlockProgress.setObjectName(u"unlockProgress")
        self.unlockProgress.setMaximumSize(QSize(16777215, 6))
        self.unlockProgress.setMaximum(0)
        self.unlockProgress.setTextVisible(False)

        self.dialogLayout.addWidget(self.unlockProgress)

        self.errorLabel = QLabel(unlockDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = DialogButtons(unlockDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.forgotButton)

        self.retranslateUi(unlockDialog)
    # setupUi

    def retranslateUi(self, unlockDialog):
        unlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"Unlock UpwardPrep", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Passphrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("UnlockDialog", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.forgotButton.setText(QCoreApplication.translate("UnlockDialog", u"&Forgot your passphrase?", None))
#if QT_CONFIG(tooltip)
        self.forgotButton.setToolTip(QCoreApplication.translate("UnlockDialog", u"Open the store with the recovery key of its Emergency Kit and choose a new passphrase", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.unlockProgress.setAccessibleName(QCoreApplication.translate("UnlockDialog", u"Unlocking", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

