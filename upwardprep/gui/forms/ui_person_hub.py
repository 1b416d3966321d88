# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_hub.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

class Ui_PersonHub(object):
    def setupUi(self, personHub):
        if not personHub.objectName():
            personHub.setObjectName(u"personHub")
        self.outerLayout = QVBoxLayout(personHub)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.hubScroll = QScrollArea(personHub)
        self.hubScroll.setObjectName(u"hubScroll")
        self.hubScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.hubScroll.setWidgetResizable(True)
        self.hubScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hubPage = QWidget()
        self.hubPage.setObjectName(u"hubPage")
        self.hubLayout = QVBoxLayout(self.hubPage)
        self.hubLayout.setSpacing(4)
        self.hubLayout.setObjectName(u"hubLayout")
        self.hubSubtitle = QLabel(self.hubPage)
        self.hubSubtitle.setObjectName(u"hubSubtitle")
        self.hubSubtitle.setWordWrap(True)

        self.hubLayout.addWidget(self.hubSubtitle)

        self.nextHeading = QLabel(self.hubPage)
        self.nextHeading.setObjectName(u"nextHeading")

        self.hubLayout.addWidget(self.nextHeading)

        self.nextLayout = QHBoxLayout()
        self.nextLayout.setObjectName(u"nextLayout")
        self.nextLabel = QLabel(self.hubPage)
        self.nextLabel.setObjectName(u"nextLabel")
        self.nextLabel.setWordWrap(True)
        self.nextLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.nextLayout.addWidget(self.nextLabel)

        self.prepareButton = QPushButton(self.hubPage)
        self.prepareButton.setObjectName(u"prepareButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.prepareButton.sizePolicy().hasHeightForWidth())
        self.prepareButton.setSizePolicy(sizePolicy)

        self.nextLayout.addWidget(self.prepareButton)


        self.hubLayout.addLayout(self.nextLayout)

        self.mineHeading = QLabel(self.hubPage)
        self.mineHeading.setObjectName(u"mineHeading")

        self.hubLayout.addWidget(self.mineHeading)

        self.mineList = QListWidget(self.hubPage)
        self.mineList.setObjectName(u"mineList")
        self.mineList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.mineList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.mineList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mineList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.mineList.setUniformItemSizes(True)

        self.hubLayout.addWidget(self.mineList)

        self.mineEmpty = QLabel(self.hubPage)
        self.mineEmpty.setObjectName(u"mineEmpty")
        self.mineEmpty.setWordWrap(True)
        self.mineEmpty.setProperty(u"muted", True)

        self.hubLayout.addWidget(self.mineEmpty)

        self.theirsHeading = QLabel(self.hubPage)
        self.theirsHeading.setObjectName(u"theirsHeading")

        self.hubLayout.addWidget(self.theirsHeading)

        self.theirsList = QListWidget(self.hubPage)
        self.theirsList.setObjectName(u"theirsList")
        self.theirsList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.theirsList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.theirsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.theirsList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.theirsList.setUniformItemSizes(True)

        self.hubLayout.addWidget(self.theirsList)

        self.theirsEmpty = QLabel(self.hubPage)
        self.theirsEmpty.setObjectName(u"theirsEmpty")
        self.theirsEmpty.setWordWrap(True)
        self.theirsEmpty.setProperty(u"muted", True)

        self.hubLayout.addWidget(self.theirsEmpty)

        self.prioritiesHeading = QLabel(self.hubPage)
        self.prioritiesHeading.setObjectName(u"prioritiesHeading")

        self.hubLayout.addWidget(self.prioritiesHeading)

        self.prioritiesList = QListWidget(self.hubPage)
        self.prioritiesList.setObjectName(u"prioritiesList")
        self.prioritiesList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.prioritiesList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.prioritiesList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prioritiesList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.prioritiesList.setUniformItemSizes(True)

        self.hubLayout.addWidget(self.prioritiesList)

        self.prioritiesEmpty = QLabel(self.hubPage)
        self.prioritiesEmpty.setObjectName(u"prioritiesEmpty")
        self.prioritiesEmpty.setWordWrap(True)
        self.prioritiesEmpty.setProperty(u"muted", True)

        self.hubLayout.addWidget(self.prioritiesEmpty)

        self.recentHeading = QLabel(self.hubPage)
        self.recentHeading.setObjectName(u"recentHeading")

        self.hubLayout.addWidget(self.recentHeading)

        self.recentList = QListWidget(self.hubPage)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recentList.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.recentList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recentList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.recentList.setUniformItemSizes(True)

        self.hubLayout.addWidget(self.recentList)

        self.recentEmpty = QLabel(self.hubPage)
        self.recentEmpty.setObjectName(u"recentEmpty")
        self.recentEmpty.setWordWrap(True)
        self.recentEmpty.setProperty(u"muted", True)

        self.hubLayout.addWidget(self.recentEmpty)

        self.preferencesHeading = QLabel(self.hubPage)
        self.preferencesHeading.setObjectName(u"preferencesHeading")

        self.hubLayout.addWidget(self.preferencesHeading)

        self.preferencesText = QLabel(self.hubPage)
        self.preferencesText.setObjectName(u"preferencesText")
        self.preferencesText.setWordWrap(True)
        self.preferencesText.setTextFormat(Qt.TextFormat.MarkdownText)
        self.preferencesText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.preferencesText.setOpenExternalLinks(False)

        self.hubLayout.addWidget(self.preferencesText)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.hubLayout.addItem(self.bottomSpacer)

        self.hubScroll.setWidget(self.hubPage)

        self.outerLayout.addWidget(self.hubScroll)

#if QT_CONFIG(shortcut)
        self.mineHeading.setBuddy(self.mineList)
        self.theirsHeading.setBuddy(self.theirsList)
        self.prioritiesHeading.setBuddy(self.prioritiesList)
        self.recentHeading.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(personHub)
    # setupUi

    def retranslateUi(self, personHub):
        self.nextHeading.setText(QCoreApplication.translate("PersonHub", u"Next 1:1", None))
        self.nextHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
        self.prepareButton.setText(QCoreApplication.translate("PersonHub", u"&Prepare", None))
#if QT_CONFIG(tooltip)
        self.prepareButton.setToolTip(QCoreApplication.translate("PersonHub", u"Draft the agenda of the next 1:1 and open it in Meetings", None))
#endif // QT_CONFIG(tooltip)
        self.mineHeading.setText(QCoreApplication.translate("PersonHub", u"What I owe them", None))
        self.mineHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
#if QT_CONFIG(accessibility)
        self.mineList.setAccessibleName(QCoreApplication.translate("PersonHub", u"What I owe them", None))
#endif // QT_CONFIG(accessibility)
        self.theirsHeading.setText(QCoreApplication.translate("PersonHub", u"What they owe me", None))
        self.theirsHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
#if QT_CONFIG(accessibility)
        self.theirsList.setAccessibleName(QCoreApplication.translate("PersonHub", u"What they owe me", None))
#endif // QT_CONFIG(accessibility)
        self.prioritiesHeading.setText(QCoreApplication.translate("PersonHub", u"Their priorities", None))
        self.prioritiesHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
#if QT_CONFIG(accessibility)
        self.prioritiesList.setAccessibleName(QCoreApplication.translate("PersonHub", u"Their priorities", None))
#endif // QT_CONFIG(accessibility)
        self.recentHeading.setText(QCoreApplication.translate("PersonHub", u"Recent notes about them", None))
        self.recentHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleName(QCoreApplication.translate("PersonHub", u"Recent notes about them", None))
#endif // QT_CONFIG(accessibility)
        self.preferencesHeading.setText(QCoreApplication.translate("PersonHub", u"Communication preferences", None))
        self.preferencesHeading.setProperty(u"heading", QCoreApplication.translate("PersonHub", u"subsection", None))
#if QT_CONFIG(accessibility)
        self.preferencesText.setAccessibleName(QCoreApplication.translate("PersonHub", u"Communication preferences", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

