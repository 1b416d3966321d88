# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'priorities_bar.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QSpacerItem, QToolButton

class Ui_PrioritiesBar(object):
    def setupUi(self, prioritiesBar):
        if not prioritiesBar.objectName():
            prioritiesBar.setObjectName(u"prioritiesBar")
        self.barLayout = QHBoxLayout(prioritiesBar)
        self.barLayout.setObjectName(u"barLayout")
        self.barLayout.setContentsMargins(8, 8, 8, 0)
        self.addPriorityButton = QPushButton(prioritiesBar)
        self.addPriorityButton.setObjectName(u"addPriorityButton")

        self.barLayout.addWidget(self.addPriorityButton)

        self.moveUpButton = QToolButton(prioritiesBar)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.barLayout.addWidget(self.moveUpButton)

        self.moveDownButton = QToolButton(prioritiesBar)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.barLayout.addWidget(self.moveDownButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.treeToggle = QToolButton(prioritiesBar)
        self.treeToggle.setObjectName(u"treeToggle")
        self.treeToggle.setCheckable(True)

        self.barLayout.addWidget(self.treeToggle)

        self.barLayout.setStretch(3, 1)

        self.retranslateUi(prioritiesBar)
    # setupUi

    def retranslateUi(self, prioritiesBar):
        self.addPriorityButton.setText(QCoreApplication.translate("PrioritiesBar", u"A&dd Priority", None))
#if QT_CONFIG(tooltip)
        self.addPriorityButton.setToolTip(QCoreApplication.translate("PrioritiesBar", u"Add a priority: what your manager (or you) is accountable for (Ctrl+Shift+P)", None))
#endif // QT_CONFIG(tooltip)
        self.moveUpButton.setText(QCoreApplication.translate("PrioritiesBar", u"Move up", None))
#if QT_CONFIG(tooltip)
        self.moveUpButton.setToolTip(QCoreApplication.translate("PrioritiesBar", u"Raise the selected priority's rank (Ctrl+Shift+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.moveDownButton.setText(QCoreApplication.translate("PrioritiesBar", u"Move down", None))
#if QT_CONFIG(tooltip)
        self.moveDownButton.setToolTip(QCoreApplication.translate("PrioritiesBar", u"Lower the selected priority's rank (Ctrl+Shift+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.treeToggle.setText(QCoreApplication.translate("PrioritiesBar", u"Alignment &tree", None))
#if QT_CONFIG(tooltip)
        self.treeToggle.setToolTip(QCoreApplication.translate("PrioritiesBar", u"Show manager priorities with the goals aligned to them", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

