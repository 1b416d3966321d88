# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_passphrase_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QProgressBar, QVBoxLayout

from upwardprep.gui.widgets.secret_field import SecretField

class Ui_ChangePassphraseDialog(object):
    def setupUi(self, changePassphraseDialog):
        if not changePassphraseDialog.objectName():
            changePassphraseDialog.setObjectName(u"changePassphraseDialog")
        changePassphraseDialog.setMinimumSize(QSize(440, 0))
        changePassphraseDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(changePassphraseDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(changePassphraseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.currentLabel = QLabel(changePassphraseDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentEdit = SecretField(changePassphraseDialog)
        self.currentEdit.setObjectName(u"currentEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentEdit)

        self.passphraseLabel = QLabel(changePassphraseDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = SecretField(changePassphraseDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(changePassphraseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = SecretField(changePassphraseDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.strengthTitle = QLabel(changePassphraseDialog)
        self.strengthTitle.setObjectName(u"strengthTitle")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.strengthTitle)

        self.strengthBar = QProgressBar(changePassphraseDialog)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximumSize(QSize(16777215, 6))
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(changePassphraseDialog)
        self.strengthLabel.setObjectName(u"strengthLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strengthLabel)


        self.dialogLayout.addLayout(self.form)

        self.recoveryWarning = QLabel(changePassphraseDialog)
        self.recoveryWarning.setObjectName(u"recoveryWarning")
        self.recoveryWarning.setWordWrap(True)

        self.dialogLayout.addWidget(self.recoveryWarning)

        self.errorLabel = QLabel(changePassphraseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(changePassphraseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(changePassphraseDialog)
    # setupUi

    def retranslateUi(self, changePassphraseDialog):
        changePassphraseDialog.setWindowTitle(QCoreApplication.translate("ChangePassphraseDialog", u"Change passphrase", None))
        self.currentLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"C&urrent passphrase:", None))
#if QT_CONFIG(accessibility)
        self.currentEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&Repeat:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Repeat the passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.strengthTitle.setText(QCoreApplication.translate("ChangePassphraseDialog", u"Strength:", None))
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"Empty", None))
        self.recoveryWarning.setText(QCoreApplication.translate("ChangePassphraseDialog", u"<b>Without the passphrase, nobody (not even you) can read these notes.</b> An Emergency Kit made before this change no longer opens the store: print a new one afterwards.", None))
    # retranslateUi

