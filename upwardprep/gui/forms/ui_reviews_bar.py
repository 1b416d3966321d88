# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reviews_bar.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem

class Ui_ReviewsBar(object):
    def setupUi(self, reviewsBar):
        if not reviewsBar.objectName():
            reviewsBar.setObjectName(u"reviewsBar")
        self.barLayout = QHBoxLayout(reviewsBar)
        self.barLayout.setObjectName(u"barLayout")
        self.barLayout.setContentsMargins(8, 8, 8, 0)
        self.pageTitle = QLabel(reviewsBar)
        self.pageTitle.setObjectName(u"pageTitle")

        self.barLayout.addWidget(self.pageTitle)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.newCycleButton = QPushButton(reviewsBar)
        self.newCycleButton.setObjectName(u"newCycleButton")

        self.barLayout.addWidget(self.newCycleButton)

        self.barLayout.setStretch(1, 1)

        self.retranslateUi(reviewsBar)
    # setupUi

    def retranslateUi(self, reviewsBar):
        self.pageTitle.setText(QCoreApplication.translate("ReviewsBar", u"Reviews", None))
        self.newCycleButton.setText(QCoreApplication.translate("ReviewsBar", u"&New cycle", None))
#if QT_CONFIG(tooltip)
        self.newCycleButton.setToolTip(QCoreApplication.translate("ReviewsBar", u"Start a review cycle for the last six months (Ctrl+N here)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

