"""Sections whose full screens arrive with later work: a sentence, and the record counts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from upwardprep.gui.views.base import SectionView


class PlaceholderView(SectionView):
    def __init__(self, section: str, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.title = title
        self.setObjectName(f"{section}View")
        self._text = text
        layout = QVBoxLayout(self)
        self.heading = QLabel(title)
        self.heading.setObjectName("pageTitle")
        self.label = QLabel(text)
        self.label.setObjectName("placeholderLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        layout.addWidget(self.label, 1)

    def refresh(self) -> None:
        if self.services is None:
            return
        summary = self.summary()
        self.label.setText(self._text + (f"<p>{summary}</p>" if summary else ""))

    def summary(self) -> str:
        assert self.services is not None
        if self.section == "meetings":
            meetings = self.services.meetings.list()
            held = sum(1 for m in meetings if m.is_held)
            items = "".join(
                f"<li>{m.scheduled_at.astimezone():%a %d %b %Y, %H:%M} · "
                f"{escape(m.person_name or 'no one')} · {m.status}</li>"
                for m in meetings[:12]
            )
            return f"{held} held, {len(meetings) - held} planned.<ul>{items}</ul>"
        if self.section == "reviews":
            cycles = self.services.reviews.list()
            items = "".join(
                f"<li>{escape(c.name)}: {c.period_start:%d %b %Y} – {c.period_end:%d %b %Y}</li>"
                for c in cycles
            )
            return f"{len(cycles)} review cycles.<ul>{items}</ul>" if cycles else ""
        if self.section == "dashboard":
            stale = self.services.priorities.stale()
            risks = self.services.outcomes.open_risks()
            actions = self.services.meetings.open_actions()
            return (
                f"{len(stale)} priorities need confirming · {len(risks)} open risks · "
                f"{len(actions)} open action items"
            )
        return ""

    def clear(self) -> None:
        self.label.setText(self._text)
