# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'create_store_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QProgressBar, QVBoxLayout

from upwardprep.gui.widgets.secret_field import SecretField

class Ui_CreateStoreDialog(object):
    def setupUi(self, createStoreDialog):
        if not createStoreDialog.objectName():
            createStoreDialog.setObjectName(u"createStoreDialog")
        createStoreDialog.setMinimumSize(QSize(440, 0))
        createStoreDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(createStoreDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(createStoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.storePathLabel = QLabel(createStoreDialog)
        self.storePathLabel.setObjectName(u"storePathLabel")
        self.storePathLabel.setStyleSheet(u"color: palette(placeholder-text);")
        self.storePathLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.storePathLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.passphraseLabel = QLabel(createStoreDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = SecretField(createStoreDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(createStoreDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = SecretField(createStoreDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.strengthTitle = QLabel(createStoreDialog)
        self.strengthTitle.setObjectName(u"strengthTitle")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.strengthTitle)

        self.strengthBar = QProgressBar(createStoreDialog)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximumSize(QSize(16777215, 6))
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(createStoreDialog)
        self.strengthLabel.setObjectName(u"strengthLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthLabel)


        self.dialogLayout.addLayout(self.form)

        self.recoveryWarning = QLabel(createStoreDialog)
        self.recoveryWarning.setObjectName(u"recoveryWarning")
        self.recoveryWarning.setWordWrap(True)

        self.dialogLayout.addWidget(self.recoveryWarning)

        self.errorLabel = QLabel(createStoreDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(createStoreDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(createStoreDialog)
    # setupUi

    def retranslateUi(self, createStoreDialog):
        createStoreDialog.setWindowTitle(QCoreApplication.translate("CreateStoreDialog", u"Create your UpwardPrep store", None))
        self.introLabel.setText(QCoreApplication.translate("CreateStoreDialog", u"Your notes are kept in one encrypted file on this computer. Choose a passphrase to lock it: a few unrelated words are easy to remember and hard to guess.", None))
        self.passphraseLabel.setText(QCoreApplication.translate("CreateStoreDialog", u"&Passphrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("CreateStoreDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("CreateStoreDialog", u"&Repeat:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("CreateStoreDialog", u"Repeat the passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.strengthTitle.setText(QCoreApplication.translate("CreateStoreDialog", u"Strength:", None))
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("CreateStoreDialog", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText(QCoreApplication.translate("CreateStoreDialog", u"Empty", None))
        self.recoveryWarning.setText(QCoreApplication.translate("CreateStoreDialog", u"<b>Without the passphrase, nobody (not even you) can read these notes.</b> Write it down somewhere safe, and print an Emergency Kit (File \u203a Emergency Kit\u2026): its recovery key opens the store if the passphrase is ever forgotten.", None))
    # retranslateUi

