# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_chooser.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

class Ui_BackupChooser(object):
    def setupUi(self, backupChooser):
        if not backupChooser.objectName():
            backupChooser.setObjectName(u"backupChooser")
        self.dialogLayout = QVBoxLayout(backupChooser)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(backupChooser)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.backupList = QListWidget(backupChooser)
        self.backupList.setObjectName(u"backupList")

        self.dialogLayout.addWidget(self.backupList)

        self.noBackupsLabel = QLabel(backupChooser)
        self.noBackupsLabel.setObjectName(u"noBackupsLabel")

        self.dialogLayout.addWidget(self.noBackupsLabel)

        self.buttons = QDialogButtonBox(backupChooser)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(backupChooser)
    # setupUi

    def retranslateUi(self, backupChooser):
        backupChooser.setWindowTitle(QCoreApplication.translate("BackupChooser", u"Restore from backup", None))
        self.introLabel.setText(QCoreApplication.translate("BackupChooser", u"The backup you choose replaces the store. The store as it is now is kept: as a backup when it opens, or moved aside untouched when it does not.", None))
#if QT_CONFIG(accessibility)
        self.backupList.setAccessibleName(QCoreApplication.translate("BackupChooser", u"Backups, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.noBackupsLabel.setText(QCoreApplication.translate("BackupChooser", u"No backups of this store were found in its backup folder.", None))
    # retranslateUi

