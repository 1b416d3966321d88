# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alignment_view.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.tables import RecordTable

class Ui_AlignmentView(object):
    def setupUi(self, alignmentView):
        if not alignmentView.objectName():
            alignmentView.setObjectName(u"alignmentView")
        self.viewLayout = QVBoxLayout(alignmentView)
        self.viewLayout.setSpacing(8)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(8, 8, 8, 8)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.pageTitle = QLabel(alignmentView)
        self.pageTitle.setObjectName(u"pageTitle")

        self.topLayout.addWidget(self.pageTitle)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.personLabel = QLabel(alignmentView)
        self.personLabel.setObjectName(u"personLabel")

        self.topLayout.addWidget(self.personLabel)

        self.alignmentPerson = QComboBox(alignmentView)
        self.alignmentPerson.setObjectName(u"alignmentPerson")
        self.alignmentPerson.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.alignmentPerson.setMinimumContentsLength(24)

        self.topLayout.addWidget(self.alignmentPerson)

        self.periodLabel = QLabel(alignmentView)
        self.periodLabel.setObjectName(u"periodLabel")

        self.topLayout.addWidget(self.periodLabel)

        self.alignmentPeriod = QComboBox(alignmentView)
        self.alignmentPeriod.setObjectName(u"alignmentPeriod")

        self.topLayout.addWidget(self.alignmentPeriod)

        self.topLayout.setStretch(1, 1)

        self.viewLayout.addLayout(self.topLayout)

        self.alignmentHint = QLabel(alignmentView)
        self.alignmentHint.setObjectName(u"alignmentHint")
        self.alignmentHint.setWordWrap(True)
        self.alignmentHint.setStyleSheet(u"color: palette(placeholder-text);")

        self.viewLayout.addWidget(self.alignmentHint)

        self.alignmentSplitter = QSplitter(alignmentView)
        self.alignmentSplitter.setObjectName(u"alignmentSplitter")
        self.alignmentSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.alignmentTree = QTreeView(self.alignmentSplitter)
        self.alignmentTree.setObjectName(u"alignmentTree")
        self.alignmentTree.setAlternatingRowColors(True)
        self.alignmentTree.setUniformRowHeights(True)
        self.alignmentTree.setDragEnabled(True)
        self.alignmentTree.setAcceptDrops(True)
        self.alignmentTree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.alignmentTree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.alignmentSplitter.addWidget(self.alignmentTree)
        self.sidePanel = QWidget(self.alignmentSplitter)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.unalignedTitle = QLabel(self.sidePanel)
        self.unalignedTitle.setObjectName(u"unalignedTitle")
        self.unalignedTitle.setProperty(u"heading", u"subsection")

        self.sideLayout.addWidget(self.unalignedTitle)

        self.unalignedTable = RecordTable(self.sidePanel)
        self.unalignedTable.setObjectName(u"unalignedTable")

        self.sideLayout.addWidget(self.unalignedTable)

        self.unalignedEmpty = QLabel(self.sidePanel)
        self.unalignedEmpty.setObjectName(u"unalignedEmpty")
        self.unalignedEmpty.setWordWrap(True)
        self.unalignedEmpty.setStyleSheet(u"color: palette(placeholder-text); padding: 8px 0;")

        self.sideLayout.addWidget(self.unalignedEmpty)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.linkButton = QPushButton(self.sidePanel)
        self.linkButton.setObjectName(u"linkButton")

        self.buttonsLayout.addWidget(self.linkButton)

        self.dismissButton = QPushButton(self.sidePanel)
        self.dismissButton.setObjectName(u"dismissButton")

        self.buttonsLayout.addWidget(self.dismissButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.buttonsLayout.setStretch(2, 1)

        self.sideLayout.addLayout(self.buttonsLayout)

        self.reportsTitle = QLabel(self.sidePanel)
        self.reportsTitle.setObjectName(u"reportsTitle")
        self.reportsTitle.setProperty(u"heading", u"subsection")

        self.sideLayout.addWidget(self.reportsTitle)

        self.reportsSummary = QLabel(self.sidePanel)
        self.reportsSummary.setObjectName(u"reportsSummary")
        self.reportsSummary.setWordWrap(True)
        self.reportsSummary.setTextFormat(Qt.TextFormat.RichText)
        self.reportsSummary.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.sideLayout.addWidget(self.reportsSummary)

        self.sideLayout.setStretch(1, 2)
        self.sideLayout.setStretch(5, 1)
        self.alignmentSplitter.addWidget(self.sidePanel)

        self.viewLayout.addWidget(self.alignmentSplitter)

        self.viewLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.alignmentPerson)
        self.periodLabel.setBuddy(self.alignmentPeriod)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(alignmentView)
    # setupUi

    def retranslateUi(self, alignmentView):
        self.pageTitle.setText(QCoreApplication.translate("AlignmentView", u"Alignment", None))
        self.personLabel.setText(QCoreApplication.translate("AlignmentView", u"&Priorities of:", None))
#if QT_CONFIG(accessibility)
        self.alignmentPerson.setAccessibleName(QCoreApplication.translate("AlignmentView", u"Whose priorities", None))
#endif // QT_CONFIG(accessibility)
        self.periodLabel.setText(QCoreApplication.translate("AlignmentView", u"Notes &in:", None))
#if QT_CONFIG(accessibility)
        self.alignmentPeriod.setAccessibleName(QCoreApplication.translate("AlignmentView", u"Period", None))
#endif // QT_CONFIG(accessibility)
        self.alignmentHint.setText(QCoreApplication.translate("AlignmentView", u"Drag a note onto a priority to link it; drag a goal onto a priority to align it (onto empty space: top level).", None))
#if QT_CONFIG(accessibility)
        self.alignmentTree.setAccessibleName(QCoreApplication.translate("AlignmentView", u"Priority tree with coverage", None))
#endif // QT_CONFIG(accessibility)
        self.unalignedTitle.setText(QCoreApplication.translate("AlignmentView", u"Unaligned work", None))
#if QT_CONFIG(accessibility)
        self.unalignedTable.setAccessibleName(QCoreApplication.translate("AlignmentView", u"Notes linked to no priority", None))
#endif // QT_CONFIG(accessibility)
        self.unalignedEmpty.setText(QCoreApplication.translate("AlignmentView", u"Every note of work in this period serves a priority.", None))
        self.linkButton.setText(QCoreApplication.translate("AlignmentView", u"&Link to selected priority", None))
#if QT_CONFIG(tooltip)
        self.linkButton.setToolTip(QCoreApplication.translate("AlignmentView", u"Link the selected note to the priority selected in the tree", None))
#endif // QT_CONFIG(tooltip)
        self.dismissButton.setText(QCoreApplication.translate("AlignmentView", u"&Dismiss", None))
#if QT_CONFIG(tooltip)
        self.dismissButton.setToolTip(QCoreApplication.translate("AlignmentView", u"This note serves no priority, on purpose (tags it #no-priority)", None))
#endif // QT_CONFIG(tooltip)
        self.reportsTitle.setText(QCoreApplication.translate("AlignmentView", u"Your reports", None))
        pass
    # retranslateUi

