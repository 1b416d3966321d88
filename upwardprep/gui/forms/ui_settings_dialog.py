# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.fitting_scroll import FittingScrollArea

class Ui_SettingsDialog(object):
    def setupUi(self, settingsDialog):
        if not settingsDialog.objectName():
            settingsDialog.setObjectName(u"settingsDialog")
        settingsDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(settingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.settingsScroll = FittingScrollArea(settingsDialog)
        self.settingsScroll.setObjectName(u"settingsScroll")
        self.settingsScroll.setWidgetResizable(True)
        self.settingsContents = QWidget()
        self.settingsContents.setObjectName(u"settingsContents")
        self.contentsLayout = QVBoxLayout(self.settingsContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.yourNameLabel = QLabel(self.settingsContents)
        self.yourNameLabel.setObjectName(u"yourNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yourNameLabel)

        self.yourNameEdit = QLineEdit(self.settingsContents)
        self.yourNameEdit.setObjectName(u"yourNameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yourNameEdit)

        self.autoLockLabel = QLabel(self.settingsContents)
        self.autoLockLabel.setObjectName(u"autoLockLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.autoLockLabel)

        self.autoLockSpin = QSpinBox(self.settingsContents)
        self.autoLockSpin.setObjectName(u"autoLockSpin")
        self.autoLockSpin.setMaximum(240)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.autoLockSpin)

        self.staleDaysLabel = QLabel(self.settingsContents)
        self.staleDaysLabel.setObjectName(u"staleDaysLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.staleDaysLabel)

        self.staleDaysSpin = QSpinBox(self.settingsContents)
        self.staleDaysSpin.setObjectName(u"staleDaysSpin")
        self.staleDaysSpin.setMinimum(1)
        self.staleDaysSpin.setMaximum(365)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.staleDaysSpin)

        self.nudgeLabel = QLabel(self.settingsContents)
        self.nudgeLabel.setObjectName(u"nudgeLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nudgeLabel)

        self.nudgeSpin = QSpinBox(self.settingsContents)
        self.nudgeSpin.setObjectName(u"nudgeSpin")
        self.nudgeSpin.setMaximum(240)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nudgeSpin)

        self.paperLabel = QLabel(self.settingsContents)
        self.paperLabel.setObjectName(u"paperLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperCombo = QComboBox(self.settingsContents)
        self.paperCombo.setObjectName(u"paperCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.appearanceLabel = QLabel(self.settingsContents)
        self.appearanceLabel.setObjectName(u"appearanceLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.appearanceLabel)

        self.appearanceCombo = QComboBox(self.settingsContents)
        self.appearanceCombo.setObjectName(u"appearanceCombo")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.appearanceCombo)

        self.templateLabel = QLabel(self.settingsContents)
        self.templateLabel.setObjectName(u"templateLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateCombo = QComboBox(self.settingsContents)
        self.templateCombo.setObjectName(u"templateCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.templateCombo)

        self.storePathLabel = QLabel(self.settingsContents)
        self.storePathLabel.setObjectName(u"storePathLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.storePathLabel)

        self.storePathRow = QWidget(self.settingsContents)
        self.storePathRow.setObjectName(u"storePathRow")
        self.storePathRowLayout = QHBoxLayout(self.storePathRow)
        self.storePathRowLayout.setObjectName(u"storePathRowLayout")
        self.storePathRowLayout.setContentsMargins(0, 0, 0, 0)
        self.storePathEdit = QLineEdit(self.storePathRow)
        self.storePathEdit.setObjectName(u"storePathEdit")

        self.storePathRowLayout.addWidget(self.storePathEdit)

        self.storePathBrowse = QPushButton(self.storePathRow)
        self.storePathBrowse.setObjectName(u"storePathBrowse")

        self.storePathRowLayout.addWidget(self.storePathBrowse)

        self.storePathRowLayout.setStretch(0, 1)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.storePathRow)

        self.backupFolderLabel = QLabel(self.settingsContents)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.backupFolderLabel)

        self.backupFolderRow = QWidget(self.settingsContents)
        self.backupFolderRow.setObjectName(u"backupFolderRow")
        self.backupFolderRowLayout = QHBoxLayout(self.backupFolderRow)
        self.backupFolderRowLayout.setObjectName(u"backupFolderRowLayout")
        self.backupFolderRowLayout.setContentsMargins(0, 0, 0, 0)
        self.backupFolderEdit = QLineEdit(self.backupFolderRow)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")

        self.backupFolderRowLayout.addWidget(self.backupFolderEdit)

        self.backupFolderBrowse = QPushButton(self.backupFolderRow)
        self.backupFolderBrowse.setObjectName(u"backupFolderBrowse")

        self.backupFolderRowLayout.addWidget(self.backupFolderBrowse)

        self.backupFolderRowLayout.setStretch(0, 1)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.backupFolderRow)


        self.contentsLayout.addLayout(self.form)

        self.backupsGroup = QGroupBox(self.settingsContents)
        self.backupsGroup.setObjectName(u"backupsGroup")
        self.backupsLayout = QVBoxLayout(self.backupsGroup)
        self.backupsLayout.setObjectName(u"backupsLayout")
        self.automaticNote = QLabel(self.backupsGroup)
        self.automaticNote.setObjectName(u"automaticNote")
        self.automaticNote.setWordWrap(True)
        self.automaticNote.setStyleSheet(u"color: palette(placeholder-text);")

        self.backupsLayout.addWidget(self.automaticNote)

        self.lastVerifiedLabel = QLabel(self.backupsGroup)
        self.lastVerifiedLabel.setObjectName(u"lastVerifiedLabel")
        self.lastVerifiedLabel.setTextFormat(Qt.TextFormat.RichText)
        self.lastVerifiedLabel.setWordWrap(True)

        self.backupsLayout.addWidget(self.lastVerifiedLabel)

        self.drillLabel = QLabel(self.backupsGroup)
        self.drillLabel.setObjectName(u"drillLabel")
        self.drillLabel.setWordWrap(True)
        self.drillLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupsLayout.addWidget(self.drillLabel)

        self.drillRow = QHBoxLayout()
        self.drillRow.setObjectName(u"drillRow")
        self.checkBackupsButton = QPushButton(self.backupsGroup)
        self.checkBackupsButton.setObjectName(u"checkBackupsButton")

        self.drillRow.addWidget(self.checkBackupsButton)

        self.drillSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.drillRow.addItem(self.drillSpacer)


        self.backupsLayout.addLayout(self.drillRow)


        self.contentsLayout.addWidget(self.backupsGroup)

        self.storeNote = QLabel(self.settingsContents)
        self.storeNote.setObjectName(u"storeNote")
        self.storeNote.setWordWrap(True)
        self.storeNote.setStyleSheet(u"color: palette(placeholder-text);")

        self.contentsLayout.addWidget(self.storeNote)

        self.settingsScroll.setWidget(self.settingsContents)

        self.dialogLayout.addWidget(self.settingsScroll)

        self.buttons = QDialogButtonBox(settingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.yourNameLabel.setBuddy(self.yourNameEdit)
        self.autoLockLabel.setBuddy(self.autoLockSpin)
        self.staleDaysLabel.setBuddy(self.staleDaysSpin)
        self.nudgeLabel.setBuddy(self.nudgeSpin)
        self.paperLabel.setBuddy(self.paperCombo)
        self.appearanceLabel.setBuddy(self.appearanceCombo)
        self.templateLabel.setBuddy(self.templateCombo)
        self.storePathLabel.setBuddy(self.storePathEdit)
        self.backupFolderLabel.setBuddy(self.backupFolderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(settingsDialog)
    # setupUi

    def retranslateUi(self, settingsDialog):
        settingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.yourNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"Your &name:", None))
#if QT_CONFIG(accessibility)
        self.yourNameEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Your name, as documents print it", None))
#endif // QT_CONFIG(accessibility)
        self.autoLockLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Lock after idle:", None))
#if QT_CONFIG(accessibility)
        self.autoLockSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Lock after idle minutes", None))
#endif // QT_CONFIG(accessibility)
        self.autoLockSpin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"Never", None))
        self.autoLockSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" min", None))
        self.staleDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"Priorities need &confirming after:", None))
#if QT_CONFIG(accessibility)
        self.staleDaysSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Priorities need confirming after days", None))
#endif // QT_CONFIG(accessibility)
        self.staleDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
        self.nudgeLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Remind me before a 1:1:", None))
#if QT_CONFIG(accessibility)
        self.nudgeSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Remind me before a one-on-one, minutes", None))
#endif // QT_CONFIG(accessibility)
        self.nudgeSpin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"Never", None))
        self.nudgeSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" min before", None))
        self.paperLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Paper size:", None))
        self.appearanceLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Appearance:", None))
        self.templateLabel.setText(QCoreApplication.translate("SettingsDialog", u"Default agenda &template:", None))
        self.storePathLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Store file:", None))
#if QT_CONFIG(accessibility)
        self.storePathEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Store file", None))
#endif // QT_CONFIG(accessibility)
        self.storePathEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Default: the user data folder", None))
        self.storePathBrowse.setText(QCoreApplication.translate("SettingsDialog", u"Browse\u2026", None))
        self.backupFolderLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Backup folder:", None))
#if QT_CONFIG(accessibility)
        self.backupFolderEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.backupFolderEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Default: beside the store", None))
        self.backupFolderBrowse.setText(QCoreApplication.translate("SettingsDialog", u"Browse\u2026", None))
        self.backupsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Backups", None))
        self.automaticNote.setText(QCoreApplication.translate("SettingsDialog", u"An automatic, verified backup is made after unlocking (once a day) and on lock or quit when something changed. Kept: one a day for a week, one a week for two months, one a month for a year.", None))
#if QT_CONFIG(accessibility)
        self.lastVerifiedLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Last verified backup", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.drillLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Restore drill", None))
#endif // QT_CONFIG(accessibility)
        self.checkBackupsButton.setText(QCoreApplication.translate("SettingsDialog", u"Check the ne&west backup", None))
#if QT_CONFIG(tooltip)
        self.checkBackupsButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"Open the newest backup, run the integrity checks and compare its records with what the store held when it was made", None))
#endif // QT_CONFIG(tooltip)
        self.storeNote.setText(QCoreApplication.translate("SettingsDialog", u"A different store file is opened the next time UpwardPrep starts.", None))
    # retranslateUi

