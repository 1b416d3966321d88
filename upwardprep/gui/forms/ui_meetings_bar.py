# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meetings_bar.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

class Ui_MeetingsBar(object):
    def setupUi(self, meetingsBar):
        if not meetingsBar.objectName():
            meetingsBar.setObjectName(u"meetingsBar")
        self.barLayout = QHBoxLayout(meetingsBar)
        self.barLayout.setObjectName(u"barLayout")
        self.barLayout.setContentsMargins(8, 8, 8, 0)
        self.withLabel = QLabel(meetingsBar)
        self.withLabel.setObjectName(u"withLabel")

        self.barLayout.addWidget(self.withLabel)

        self.meetingPersonFilter = QComboBox(meetingsBar)
        self.meetingPersonFilter.setObjectName(u"meetingPersonFilter")
        self.meetingPersonFilter.setMinimumSize(QSize(200, 0))

        self.barLayout.addWidget(self.meetingPersonFilter)

        self.suggestedNext = QLabel(meetingsBar)
        self.suggestedNext.setObjectName(u"suggestedNext")
        self.suggestedNext.setStyleSheet(u"color: palette(placeholder-text);")

        self.barLayout.addWidget(self.suggestedNext)

        self.newMeetingButton = QPushButton(meetingsBar)
        self.newMeetingButton.setObjectName(u"newMeetingButton")

        self.barLayout.addWidget(self.newMeetingButton)

        self.draftAgendaButton = QPushButton(meetingsBar)
        self.draftAgendaButton.setObjectName(u"draftAgendaButton")

        self.barLayout.addWidget(self.draftAgendaButton)

        self.templatesButton = QPushButton(meetingsBar)
        self.templatesButton.setObjectName(u"templatesButton")

        self.barLayout.addWidget(self.templatesButton)

        self.barLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.withLabel.setBuddy(self.meetingPersonFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(meetingsBar)
    # setupUi

    def retranslateUi(self, meetingsBar):
        self.withLabel.setText(QCoreApplication.translate("MeetingsBar", u"With:", None))
#if QT_CONFIG(accessibility)
        self.meetingPersonFilter.setAccessibleName(QCoreApplication.translate("MeetingsBar", u"Show the meetings with", None))
#endif // QT_CONFIG(accessibility)
        self.newMeetingButton.setText(QCoreApplication.translate("MeetingsBar", u"New meeting", None))
#if QT_CONFIG(tooltip)
        self.newMeetingButton.setToolTip(QCoreApplication.translate("MeetingsBar", u"Plan a meeting with the person shown (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.draftAgendaButton.setText(QCoreApplication.translate("MeetingsBar", u"Draft next agenda\u2026", None))
#if QT_CONFIG(tooltip)
        self.draftAgendaButton.setToolTip(QCoreApplication.translate("MeetingsBar", u"Build the next agenda from open actions, risks, outcomes and a template", None))
#endif // QT_CONFIG(tooltip)
        self.templatesButton.setText(QCoreApplication.translate("MeetingsBar", u"Templates\u2026", None))
#if QT_CONFIG(tooltip)
        self.templatesButton.setToolTip(QCoreApplication.translate("MeetingsBar", u"Manage agenda templates", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

