# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'templates_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QVBoxLayout,
)

from upwardprep.gui.dialogs.template_editor import TemplateEditor
from upwardprep.gui.widgets.tables import RecordTable

class Ui_TemplatesDialog(object):
    def setupUi(self, templatesDialog):
        if not templatesDialog.objectName():
            templatesDialog.setObjectName(u"templatesDialog")
        self.dialogLayout = QVBoxLayout(templatesDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.newTemplateButton = QPushButton(templatesDialog)
        self.newTemplateButton.setObjectName(u"newTemplateButton")

        self.barLayout.addWidget(self.newTemplateButton)

        self.duplicateTemplateButton = QPushButton(templatesDialog)
        self.duplicateTemplateButton.setObjectName(u"duplicateTemplateButton")

        self.barLayout.addWidget(self.duplicateTemplateButton)

        self.deleteTemplateButton = QPushButton(templatesDialog)
        self.deleteTemplateButton.setObjectName(u"deleteTemplateButton")

        self.barLayout.addWidget(self.deleteTemplateButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.barLayout.setStretch(3, 1)

        self.dialogLayout.addLayout(self.barLayout)

        self.templatesSplitter = QSplitter(templatesDialog)
        self.templatesSplitter.setObjectName(u"templatesSplitter")
        self.templatesSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.templatesTable = RecordTable(self.templatesSplitter)
        self.templatesTable.setObjectName(u"templatesTable")
        self.templatesSplitter.addWidget(self.templatesTable)
        self.templateEditor = TemplateEditor(self.templatesSplitter)
        self.templateEditor.setObjectName(u"templateEditor")
        self.templatesSplitter.addWidget(self.templateEditor)

        self.dialogLayout.addWidget(self.templatesSplitter)

        self.templateProblem = QLabel(templatesDialog)
        self.templateProblem.setObjectName(u"templateProblem")
        self.templateProblem.setWordWrap(True)
        self.templateProblem.setProperty(u"tone", u"danger")

        self.dialogLayout.addWidget(self.templateProblem)

        self.buttons = QDialogButtonBox(templatesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttons)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(templatesDialog)
    # setupUi

    def retranslateUi(self, templatesDialog):
        templatesDialog.setWindowTitle(QCoreApplication.translate("TemplatesDialog", u"Agenda templates", None))
        self.newTemplateButton.setText(QCoreApplication.translate("TemplatesDialog", u"&New", None))
        self.duplicateTemplateButton.setText(QCoreApplication.translate("TemplatesDialog", u"&Duplicate", None))
        self.deleteTemplateButton.setText(QCoreApplication.translate("TemplatesDialog", u"Move to &Trash", None))
#if QT_CONFIG(accessibility)
        self.templatesTable.setAccessibleName(QCoreApplication.translate("TemplatesDialog", u"Templates", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

