# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.views.person_hub import PersonHubPage
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor

class Ui_PersonEditor(object):
    def setupUi(self, personEditor):
        if not personEditor.objectName():
            personEditor.setObjectName(u"personEditor")
        self.editorLayout = QVBoxLayout(personEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.sectionTitle = QLabel(personEditor)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.editorLayout.addWidget(self.sectionTitle)

        self.personTabs = QTabWidget(personEditor)
        self.personTabs.setObjectName(u"personTabs")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.personHubPage = PersonHubPage(self.overviewTab)
        self.personHubPage.setObjectName(u"personHubPage")

        self.overviewLayout.addWidget(self.personHubPage)

        self.personTabs.addTab(self.overviewTab, "")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsLayout = QVBoxLayout(self.detailsTab)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nameLabel = QLabel(self.detailsTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.personName = QLineEdit(self.detailsTab)
        self.personName.setObjectName(u"personName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personName)

        self.roleLabel = QLabel(self.detailsTab)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.personRole = QComboBox(self.detailsTab)
        self.personRole.setObjectName(u"personRole")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.personRole)

        self.titleLabel = QLabel(self.detailsTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.personTitle = QLineEdit(self.detailsTab)
        self.personTitle.setObjectName(u"personTitle")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.personTitle)

        self.emailLabel = QLabel(self.detailsTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.personEmail = QLineEdit(self.detailsTab)
        self.personEmail.setObjectName(u"personEmail")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.personEmail)

        self.cadenceLabel = QLabel(self.detailsTab)
        self.cadenceLabel.setObjectName(u"cadenceLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cadenceLabel)

        self.personCadence = QSpinBox(self.detailsTab)
        self.personCadence.setObjectName(u"personCadence")
        self.personCadence.setMaximum(366)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.personCadence)


        self.detailsLayout.addLayout(self.form)

        self.preferencesLabel = QLabel(self.detailsTab)
        self.preferencesLabel.setObjectName(u"preferencesLabel")

        self.detailsLayout.addWidget(self.preferencesLabel)

        self.personPreferences = MarkdownEditor(self.detailsTab)
        self.personPreferences.setObjectName(u"personPreferences")

        self.detailsLayout.addWidget(self.personPreferences)

        self.detailsLayout.setStretch(2, 1)
        self.personTabs.addTab(self.detailsTab, "")

        self.editorLayout.addWidget(self.personTabs)

        self.editorLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.personName)
        self.roleLabel.setBuddy(self.personRole)
        self.titleLabel.setBuddy(self.personTitle)
        self.emailLabel.setBuddy(self.personEmail)
        self.cadenceLabel.setBuddy(self.personCadence)
        self.preferencesLabel.setBuddy(self.personPreferences)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(personEditor)

        self.personTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, personEditor):
        self.sectionTitle.setText(QCoreApplication.translate("PersonEditor", u"Person", None))
        self.personTabs.setTabText(self.personTabs.indexOf(self.overviewTab), QCoreApplication.translate("PersonEditor", u"&Overview", None))
        self.nameLabel.setText(QCoreApplication.translate("PersonEditor", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.personName.setAccessibleName(QCoreApplication.translate("PersonEditor", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("PersonEditor", u"&Role:", None))
#if QT_CONFIG(accessibility)
        self.personRole.setAccessibleName(QCoreApplication.translate("PersonEditor", u"Role relative to me", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("PersonEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.personTitle.setAccessibleName(QCoreApplication.translate("PersonEditor", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("PersonEditor", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.personEmail.setAccessibleName(QCoreApplication.translate("PersonEditor", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.cadenceLabel.setText(QCoreApplication.translate("PersonEditor", u"&Cadence:", None))
#if QT_CONFIG(accessibility)
        self.personCadence.setAccessibleName(QCoreApplication.translate("PersonEditor", u"Days between 1:1s", None))
#endif // QT_CONFIG(accessibility)
        self.personCadence.setSpecialValueText(QCoreApplication.translate("PersonEditor", u"No regular 1:1", None))
        self.personCadence.setPrefix(QCoreApplication.translate("PersonEditor", u"every ", None))
        self.personCadence.setSuffix(QCoreApplication.translate("PersonEditor", u" days", None))
        self.preferencesLabel.setText(QCoreApplication.translate("PersonEditor", u"Communication &preferences", None))
        self.personTabs.setTabText(self.personTabs.indexOf(self.detailsTab), QCoreApplication.translate("PersonEditor", u"&Details", None))
        pass
    # retranslateUi

