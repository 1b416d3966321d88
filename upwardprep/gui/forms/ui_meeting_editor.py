# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.gui.widgets.record_picker import RecordPicker
from upwardprep.gui.widgets.tables import EditTable

class Ui_MeetingEditor(object):
    def setupUi(self, meetingEditor):
        if not meetingEditor.objectName():
            meetingEditor.setObjectName(u"meetingEditor")
        self.editorLayout = QVBoxLayout(meetingEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.sectionTitle = QLabel(meetingEditor)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.topLayout.addWidget(self.sectionTitle)

        self.addOutcomeButton = QPushButton(meetingEditor)
        self.addOutcomeButton.setObjectName(u"addOutcomeButton")

        self.topLayout.addWidget(self.addOutcomeButton)

        self.finishButton = QPushButton(meetingEditor)
        self.finishButton.setObjectName(u"finishButton")

        self.topLayout.addWidget(self.finishButton)

        self.topLayout.setStretch(0, 1)

        self.editorLayout.addLayout(self.topLayout)

        self.heldBanner = QFrame(meetingEditor)
        self.heldBanner.setObjectName(u"heldBanner")
        self.heldBanner.setStyleSheet(u"QFrame#heldBanner { background: rgba(37, 99, 235, 0.10); border: 1px solid rgba(37, 99, 235, 0.35); border-radius: 6px; }")
        self.bannerLayout = QHBoxLayout(self.heldBanner)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerLayout.setContentsMargins(12, 8, 8, 8)
        self.heldBannerLabel = QLabel(self.heldBanner)
        self.heldBannerLabel.setObjectName(u"heldBannerLabel")
        self.heldBannerLabel.setWordWrap(True)

        self.bannerLayout.addWidget(self.heldBannerLabel)

        self.reopenButton = QPushButton(self.heldBanner)
        self.reopenButton.setObjectName(u"reopenButton")

        self.bannerLayout.addWidget(self.reopenButton)

        self.bannerLayout.setStretch(0, 1)

        self.editorLayout.addWidget(self.heldBanner)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.titleLabel = QLabel(meetingEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.meetingTitle = QLineEdit(meetingEditor)
        self.meetingTitle.setObjectName(u"meetingTitle")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingTitle)

        self.withLabel = QLabel(meetingEditor)
        self.withLabel.setObjectName(u"withLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.withLabel)

        self.withRow = QWidget(meetingEditor)
        self.withRow.setObjectName(u"withRow")
        self.withRowLayout = QHBoxLayout(self.withRow)
        self.withRowLayout.setObjectName(u"withRowLayout")
        self.withRowLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingPerson = RecordPicker(self.withRow)
        self.meetingPerson.setObjectName(u"meetingPerson")

        self.withRowLayout.addWidget(self.meetingPerson)

        self.kindLabel = QLabel(self.withRow)
        self.kindLabel.setObjectName(u"kindLabel")

        self.withRowLayout.addWidget(self.kindLabel)

        self.meetingKind = QComboBox(self.withRow)
        self.meetingKind.setObjectName(u"meetingKind")

        self.withRowLayout.addWidget(self.meetingKind)

        self.withRowLayout.setStretch(0, 2)
        self.withRowLayout.setStretch(2, 1)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.withRow)

        self.whenLabel = QLabel(meetingEditor)
        self.whenLabel.setObjectName(u"whenLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenRow = QWidget(meetingEditor)
        self.whenRow.setObjectName(u"whenRow")
        self.whenRowLayout = QHBoxLayout(self.whenRow)
        self.whenRowLayout.setObjectName(u"whenRowLayout")
        self.whenRowLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingWhen = QDateTimeEdit(self.whenRow)
        self.meetingWhen.setObjectName(u"meetingWhen")
        self.meetingWhen.setCalendarPopup(True)

        self.whenRowLayout.addWidget(self.meetingWhen)

        self.lengthLabel = QLabel(self.whenRow)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.whenRowLayout.addWidget(self.lengthLabel)

        self.meetingLength = QSpinBox(self.whenRow)
        self.meetingLength.setObjectName(u"meetingLength")
        self.meetingLength.setMinimum(5)
        self.meetingLength.setMaximum(600)
        self.meetingLength.setSingleStep(5)

        self.whenRowLayout.addWidget(self.meetingLength)

        self.whenRowLayout.setStretch(0, 2)
        self.whenRowLayout.setStretch(2, 1)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.whenRow)


        self.editorLayout.addLayout(self.form)

        self.meetingTabs = QTabWidget(meetingEditor)
        self.meetingTabs.setObjectName(u"meetingTabs")
        self.meetingTabs.setDocumentMode(True)
        self.agendaPage = QWidget()
        self.agendaPage.setObjectName(u"agendaPage")
        self.agendaPageLayout = QVBoxLayout(self.agendaPage)
        self.agendaPageLayout.setObjectName(u"agendaPageLayout")
        self.agendaPageLayout.setContentsMargins(0, 8, 0, 0)
        self.agendaBar = QHBoxLayout()
        self.agendaBar.setObjectName(u"agendaBar")
        self.addAgendaItemEdit = QLineEdit(self.agendaPage)
        self.addAgendaItemEdit.setObjectName(u"addAgendaItemEdit")

        self.agendaBar.addWidget(self.addAgendaItemEdit)

        self.agendaUpButton = QToolButton(self.agendaPage)
        self.agendaUpButton.setObjectName(u"agendaUpButton")

        self.agendaBar.addWidget(self.agendaUpButton)

        self.agendaDownButton = QToolButton(self.agendaPage)
        self.agendaDownButton.setObjectName(u"agendaDownButton")

        self.agendaBar.addWidget(self.agendaDownButton)

        self.agendaRemoveButton = QToolButton(self.agendaPage)
        self.agendaRemoveButton.setObjectName(u"agendaRemoveButton")

        self.agendaBar.addWidget(self.agendaRemoveButton)

        self.agendaGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.agendaBar.addItem(self.agendaGap)

        self.agendaTotal = QLabel(self.agendaPage)
        self.agendaTotal.setObjectName(u"agendaTotal")

        self.agendaBar.addWidget(self.agendaTotal)

        self.agendaBar.setStretch(0, 1)

        self.agendaPageLayout.addLayout(self.agendaBar)

        self.agendaSplitter = QSplitter(self.agendaPage)
        self.agendaSplitter.setObjectName(u"agendaSplitter")
        self.agendaSplitter.setOrientation(Qt.Orientation.Vertical)
        self.agendaTable = EditTable(self.agendaSplitter)
        self.agendaTable.setObjectName(u"agendaTable")
        self.agendaSplitter.addWidget(self.agendaTable)
        self.itemBodyPage = QWidget(self.agendaSplitter)
        self.itemBodyPage.setObjectName(u"itemBodyPage")
        self.itemBodyLayout = QVBoxLayout(self.itemBodyPage)
        self.itemBodyLayout.setObjectName(u"itemBodyLayout")
        self.itemBodyLayout.setContentsMargins(0, 4, 0, 0)
        self.subsectionTitle = QLabel(self.itemBodyPage)
        self.subsectionTitle.setObjectName(u"subsectionTitle")

        self.itemBodyLayout.addWidget(self.subsectionTitle)

        self.agendaItemBody = MarkdownEditor(self.itemBodyPage)
        self.agendaItemBody.setObjectName(u"agendaItemBody")

        self.itemBodyLayout.addWidget(self.agendaItemBody)

        self.itemBodyLayout.setStretch(1, 1)
        self.agendaSplitter.addWidget(self.itemBodyPage)

        self.agendaPageLayout.addWidget(self.agendaSplitter)

        self.agendaPageLayout.setStretch(1, 1)
        self.meetingTabs.addTab(self.agendaPage, "")
        self.notesPage = QWidget()
        self.notesPage.setObjectName(u"notesPage")
        self.notesPageLayout = QVBoxLayout(self.notesPage)
        self.notesPageLayout.setObjectName(u"notesPageLayout")
        self.notesPageLayout.setContentsMargins(0, 8, 0, 0)
        self.meetingNotes = MarkdownEditor(self.notesPage)
        self.meetingNotes.setObjectName(u"meetingNotes")

        self.notesPageLayout.addWidget(self.meetingNotes)

        self.meetingTabs.addTab(self.notesPage, "")
        self.decisionsPage = QWidget()
        self.decisionsPage.setObjectName(u"decisionsPage")
        self.decisionsPageLayout = QVBoxLayout(self.decisionsPage)
        self.decisionsPageLayout.setObjectName(u"decisionsPageLayout")
        self.decisionsPageLayout.setContentsMargins(0, 8, 0, 0)
        self.meetingDecisions = MarkdownEditor(self.decisionsPage)
        self.meetingDecisions.setObjectName(u"meetingDecisions")

        self.decisionsPageLayout.addWidget(self.meetingDecisions)

        self.meetingTabs.addTab(self.decisionsPage, "")
        self.actionsPage = QWidget()
        self.actionsPage.setObjectName(u"actionsPage")
        self.actionsPageLayout = QVBoxLayout(self.actionsPage)
        self.actionsPageLayout.setObjectName(u"actionsPageLayout")
        self.actionsPageLayout.setContentsMargins(0, 8, 0, 0)
        self.actionsBar = QGridLayout()
        self.actionsBar.setObjectName(u"actionsBar")
        self.addActionEdit = QLineEdit(self.actionsPage)
        self.addActionEdit.setObjectName(u"addActionEdit")

        self.actionsBar.addWidget(self.addActionEdit, 0, 0, 1, 5)

        self.addActionOwner = RecordPicker(self.actionsPage)
        self.addActionOwner.setObjectName(u"addActionOwner")

        self.actionsBar.addWidget(self.addActionOwner, 1, 0, 1, 1)

        self.dueLabel = QLabel(self.actionsPage)
        self.dueLabel.setObjectName(u"dueLabel")

        self.actionsBar.addWidget(self.dueLabel, 1, 1, 1, 1)

        self.addActionDue = DayField(self.actionsPage)
        self.addActionDue.setObjectName(u"addActionDue")

        self.actionsBar.addWidget(self.addActionDue, 1, 2, 1, 1)

        self.actionRemoveButton = QToolButton(self.actionsPage)
        self.actionRemoveButton.setObjectName(u"actionRemoveButton")

        self.actionsBar.addWidget(self.actionRemoveButton, 1, 4, 1, 1)

        self.actionsBar.setColumnStretch(0, 1)
        self.actionsBar.setColumnStretch(2, 1)

        self.actionsPageLayout.addLayout(self.actionsBar)

        self.actionsTable = EditTable(self.actionsPage)
        self.actionsTable.setObjectName(u"actionsTable")

        self.actionsPageLayout.addWidget(self.actionsTable)

        self.actionsHint = QLabel(self.actionsPage)
        self.actionsHint.setObjectName(u"actionsHint")
        self.actionsHint.setWordWrap(True)
        self.actionsHint.setStyleSheet(u"color: palette(placeholder-text);")

        self.actionsPageLayout.addWidget(self.actionsHint)

        self.actionsPageLayout.setStretch(1, 1)
        self.meetingTabs.addTab(self.actionsPage, "")
        self.outcomesPage = QWidget()
        self.outcomesPage.setObjectName(u"outcomesPage")
        self.outcomesPageLayout = QVBoxLayout(self.outcomesPage)
        self.outcomesPageLayout.setObjectName(u"outcomesPageLayout")
        self.outcomesPageLayout.setContentsMargins(0, 8, 0, 0)
        self.meetingOutcomes = QListWidget(self.outcomesPage)
        self.meetingOutcomes.setObjectName(u"meetingOutcomes")

        self.outcomesPageLayout.addWidget(self.meetingOutcomes)

        self.outcomesHint = QLabel(self.outcomesPage)
        self.outcomesHint.setObjectName(u"outcomesHint")
        self.outcomesHint.setWordWrap(True)
        self.outcomesHint.setStyleSheet(u"color: palette(placeholder-text);")

        self.outcomesPageLayout.addWidget(self.outcomesHint)

        self.outcomesPageLayout.setStretch(0, 1)
        self.meetingTabs.addTab(self.outcomesPage, "")

        self.editorLayout.addWidget(self.meetingTabs)

        self.editorLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.meetingTitle)
        self.withLabel.setBuddy(self.meetingPerson)
        self.kindLabel.setBuddy(self.meetingKind)
        self.whenLabel.setBuddy(self.meetingWhen)
        self.lengthLabel.setBuddy(self.meetingLength)
        self.subsectionTitle.setBuddy(self.agendaItemBody)
        self.dueLabel.setBuddy(self.addActionDue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(meetingEditor)
    # setupUi

    def retranslateUi(self, meetingEditor):
        self.sectionTitle.setText(QCoreApplication.translate("MeetingEditor", u"Meeting", None))
        self.addOutcomeButton.setText(QCoreApplication.translate("MeetingEditor", u"Add &outcome\u2026", None))
#if QT_CONFIG(tooltip)
        self.addOutcomeButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Log an outcome note that came out of this meeting", None))
#endif // QT_CONFIG(tooltip)
        self.finishButton.setText(QCoreApplication.translate("MeetingEditor", u"F&inish meeting\u2026", None))
#if QT_CONFIG(tooltip)
        self.finishButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Mark it held: it becomes a record and open action items move to the next meeting", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("MeetingEditor", u"&Reopen\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopenButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Make this meeting editable again", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText(QCoreApplication.translate("MeetingEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.meetingTitle.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Meeting title", None))
#endif // QT_CONFIG(accessibility)
        self.meetingTitle.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"e.g. 1:1 with Dana", None))
        self.withLabel.setText(QCoreApplication.translate("MeetingEditor", u"&With:", None))
        self.meetingPerson.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"No one \u2014 type a name", None))
#if QT_CONFIG(accessibility)
        self.meetingPerson.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"With", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("MeetingEditor", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.meetingKind.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Kind of meeting", None))
#endif // QT_CONFIG(accessibility)
        self.whenLabel.setText(QCoreApplication.translate("MeetingEditor", u"Whe&n:", None))
#if QT_CONFIG(accessibility)
        self.meetingWhen.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Date and time", None))
#endif // QT_CONFIG(accessibility)
        self.meetingWhen.setDisplayFormat(QCoreApplication.translate("MeetingEditor", u"ddd d MMM yyyy  HH:mm", None))
        self.lengthLabel.setText(QCoreApplication.translate("MeetingEditor", u"&Length:", None))
#if QT_CONFIG(accessibility)
        self.meetingLength.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Length in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.meetingLength.setSuffix(QCoreApplication.translate("MeetingEditor", u" min", None))
#if QT_CONFIG(accessibility)
        self.addAgendaItemEdit.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"New agenda item", None))
#endif // QT_CONFIG(accessibility)
        self.addAgendaItemEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"Add an agenda item, Enter", None))
        self.agendaUpButton.setText(QCoreApplication.translate("MeetingEditor", u"Up", None))
#if QT_CONFIG(tooltip)
        self.agendaUpButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Move the item up (Ctrl+Shift+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.agendaDownButton.setText(QCoreApplication.translate("MeetingEditor", u"Down", None))
#if QT_CONFIG(tooltip)
        self.agendaDownButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Move the item down (Ctrl+Shift+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.agendaRemoveButton.setText(QCoreApplication.translate("MeetingEditor", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.agendaRemoveButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Remove the item from the agenda (Delete)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.agendaTotal.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Time boxes against the meeting length", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.agendaTable.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Agenda items", None))
#endif // QT_CONFIG(accessibility)
        self.subsectionTitle.setText(QCoreApplication.translate("MeetingEditor", u"Text of the selected item", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.agendaPage), QCoreApplication.translate("MeetingEditor", u"Agenda", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.notesPage), QCoreApplication.translate("MeetingEditor", u"Notes", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.decisionsPage), QCoreApplication.translate("MeetingEditor", u"Decisions", None))
#if QT_CONFIG(accessibility)
        self.addActionEdit.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"New action item", None))
#endif // QT_CONFIG(accessibility)
        self.addActionEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"Add an action item, Enter", None))
        self.addActionOwner.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"Me \u2014 or type a name", None))
#if QT_CONFIG(accessibility)
        self.addActionOwner.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Owner of the new action item", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("MeetingEditor", u"due", None))
        self.addActionDue.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"Due: fri, +3d\u2026", None))
#if QT_CONFIG(accessibility)
        self.addActionDue.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Due date of the new action item", None))
#endif // QT_CONFIG(accessibility)
        self.actionRemoveButton.setText(QCoreApplication.translate("MeetingEditor", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.actionRemoveButton.setToolTip(QCoreApplication.translate("MeetingEditor", u"Delete the selected action item (Delete)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Action items", None))
#endif // QT_CONFIG(accessibility)
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.actionsPage), QCoreApplication.translate("MeetingEditor", u"Actions", None))
#if QT_CONFIG(accessibility)
        self.meetingOutcomes.setAccessibleName(QCoreApplication.translate("MeetingEditor", u"Outcome notes captured in this meeting (Enter opens)", None))
#endif // QT_CONFIG(accessibility)
        self.outcomesHint.setText(QCoreApplication.translate("MeetingEditor", u"Notes logged with \u201cAdd outcome\u201d or quick capture (Ctrl+Shift+N) while this meeting is open are linked to it.", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.outcomesPage), QCoreApplication.translate("MeetingEditor", u"Outcomes", None))
        pass
    # retranslateUi

