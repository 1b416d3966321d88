"""A date field that can also be empty, for the forms (promoted in the Designer files)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(1900, 1, 1)  # the minimum, shown as "—": no date


class DateField(QDateEdit):
    """A QDateEdit with a calendar popup whose minimum stands for "no date" (shown as "—")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
