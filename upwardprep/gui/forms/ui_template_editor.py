# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'template_editor.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from upwardprep.gui.widgets.markdown_editor import MarkdownEditor

class Ui_TemplateEditor(object):
    def setupUi(self, templateEditor):
        if not templateEditor.objectName():
            templateEditor.setObjectName(u"templateEditor")
        self.editorLayout = QVBoxLayout(templateEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(8, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nameLabel = QLabel(templateEditor)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.templateName = QLineEdit(templateEditor)
        self.templateName.setObjectName(u"templateName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.templateName)


        self.editorLayout.addLayout(self.form)

        self.templateHint = QLabel(templateEditor)
        self.templateHint.setObjectName(u"templateHint")
        self.templateHint.setWordWrap(True)
        self.templateHint.setStyleSheet(u"color: palette(placeholder-text);")

        self.editorLayout.addWidget(self.templateHint)

        self.templateBody = MarkdownEditor(templateEditor)
        self.templateBody.setObjectName(u"templateBody")

        self.editorLayout.addWidget(self.templateBody)

        self.editorLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.templateName)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(templateEditor)
    # setupUi

    def retranslateUi(self, templateEditor):
        self.nameLabel.setText(QCoreApplication.translate("TemplateEditor", u"N&ame:", None))
#if QT_CONFIG(accessibility)
        self.templateName.setAccessibleName(QCoreApplication.translate("TemplateEditor", u"Template name", None))
#endif // QT_CONFIG(accessibility)
        self.templateHint.setText(QCoreApplication.translate("TemplateEditor", u"Each heading becomes an agenda item (a lone top heading names the template); the text under it holds its guiding questions. End a heading with [5 min] for a time box.", None))
        pass
    # retranslateUi

