"""One agenda template in the templates dialog: its name and its Markdown, saved as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from upwardprep.gui.forms.ui_template_editor import Ui_TemplateEditor
from upwardprep.gui.views.base import RecordEditor
from upwardprep.services.common import limit_of
from upwardprep.services.templates import FIELDS as TEMPLATE_FIELDS


class TemplateEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TemplateEditor()
        self.ui.setupUi(self)
        self.name, self.body = self.ui.templateName, self.ui.templateBody
        self.name.setMaxLength(limit_of(TEMPLATE_FIELDS["name"]))
        self.watch(self.name, self.body)

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        template = self.services.templates.get(record_id)
        self.name.setText(template.name)
        self.body.setText(template.body)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        self.services.templates.update(record_id, name=self.name.text(), body=self.body.text())

    def _blank(self) -> None:
        self.name.clear()
        self.body.clear()
