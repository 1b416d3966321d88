# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'people_bar.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QSpacerItem

class Ui_PeopleBar(object):
    def setupUi(self, peopleBar):
        if not peopleBar.objectName():
            peopleBar.setObjectName(u"peopleBar")
        self.barLayout = QHBoxLayout(peopleBar)
        self.barLayout.setObjectName(u"barLayout")
        self.barLayout.setContentsMargins(8, 8, 8, 0)
        self.addPersonButton = QPushButton(peopleBar)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.barLayout.addWidget(self.addPersonButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.barLayout.setStretch(1, 1)

        self.retranslateUi(peopleBar)
    # setupUi

    def retranslateUi(self, peopleBar):
        self.addPersonButton.setText(QCoreApplication.translate("PeopleBar", u"&Add Person", None))
#if QT_CONFIG(tooltip)
        self.addPersonButton.setToolTip(QCoreApplication.translate("PeopleBar", u"Add someone you work with: your manager, a report, a peer (Ctrl+Shift+M)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

