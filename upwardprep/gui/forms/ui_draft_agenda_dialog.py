# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'draft_agenda_dialog.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from upwardprep.gui.widgets.record_picker import RecordPicker

class Ui_DraftAgendaDialog(object):
    def setupUi(self, draftAgendaDialog):
        if not draftAgendaDialog.objectName():
            draftAgendaDialog.setObjectName(u"draftAgendaDialog")
        draftAgendaDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(draftAgendaDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.draftIntro = QLabel(draftAgendaDialog)
        self.draftIntro.setObjectName(u"draftIntro")
        self.draftIntro.setWordWrap(True)

        self.dialogLayout.addWidget(self.draftIntro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.personLabel = QLabel(draftAgendaDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.draftPerson = RecordPicker(draftAgendaDialog)
        self.draftPerson.setObjectName(u"draftPerson")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.draftPerson)

        self.templateLabel = QLabel(draftAgendaDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.draftTemplate = RecordPicker(draftAgendaDialog)
        self.draftTemplate.setObjectName(u"draftTemplate")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.draftTemplate)

        self.whenLabel = QLabel(draftAgendaDialog)
        self.whenLabel.setObjectName(u"whenLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.draftWhen = QLabel(draftAgendaDialog)
        self.draftWhen.setObjectName(u"draftWhen")
        self.draftWhen.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.draftWhen)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(draftAgendaDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setProperty(u"tone", u"danger")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(draftAgendaDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.draftPerson)
        self.templateLabel.setBuddy(self.draftTemplate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(draftAgendaDialog)
    # setupUi

    def retranslateUi(self, draftAgendaDialog):
        draftAgendaDialog.setWindowTitle(QCoreApplication.translate("DraftAgendaDialog", u"Draft next agenda", None))
        self.draftIntro.setText(QCoreApplication.translate("DraftAgendaDialog", u"The draft ranks what is waiting \u2014 asks on open risks, overdue and long-carried actions, talking points left unticked last time, outcomes since your last 1:1 (one item per priority), priorities due for confirmation, the template's items \u2014 and plans only what fits the meeting's length. The rest waits under \u201cIf time allows\u201d. Drafting again keeps your own items and edits and adds nothing twice.", None))
        self.personLabel.setText(QCoreApplication.translate("DraftAgendaDialog", u"&With:", None))
        self.draftPerson.setPlaceholderText(QCoreApplication.translate("DraftAgendaDialog", u"Type a name", None))
#if QT_CONFIG(accessibility)
        self.draftPerson.setAccessibleName(QCoreApplication.translate("DraftAgendaDialog", u"Person", None))
#endif // QT_CONFIG(accessibility)
        self.templateLabel.setText(QCoreApplication.translate("DraftAgendaDialog", u"&Template:", None))
        self.draftTemplate.setPlaceholderText(QCoreApplication.translate("DraftAgendaDialog", u"The usual one for this person \u2014 or type a name", None))
#if QT_CONFIG(accessibility)
        self.draftTemplate.setAccessibleName(QCoreApplication.translate("DraftAgendaDialog", u"Template", None))
#endif // QT_CONFIG(accessibility)
        self.whenLabel.setText(QCoreApplication.translate("DraftAgendaDialog", u"Meeting:", None))
    # retranslateUi

