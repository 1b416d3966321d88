"""A date field people can type into: "fri", "next tue", "+3d", "tomorrow", "1 dec",
"2026-12-04" or a date in the user's own format, read when Enter is pressed or the field is left.

It starts from the app's today (the clock the form is given, never the machine's calendar):
the calendar button and the arrow keys open on today when the field is empty, Up/Down move a
day, Page Up/Down a month. An empty field is "no date" (the clear button or deleting the text).
The field shows the day as "Fri 4 Dec" ("Fri 4 Dec 2025" in another year; in the user's
language) and its tooltip says it in full with how far away it is. Text that is not a date
stays as typed, with the reason in the tooltip and `problem`, and the value is unchanged until
it is corrected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from upwardprep.clock import local_today
from upwardprep.gui.icons import icon
from upwardprep.gui.models.dates import absolute, age
from upwardprep.services import ValidationError
from upwardprep.services.day_input import DayReader, Lean

PLACEHOLDER = "No date — type “fri”, “+3d”, “1 dec”…"


@cache
def reader_for(locale_name: str) -> DayReader:
    """English forms plus the locale's month and weekday names, and its day/month order."""
    locale = QLocale(locale_name)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        for month in range(1, 13):
            months[locale.monthName(month, kind)] = month
            months[locale.standaloneMonthName(month, kind)] = month
        for day in range(1, 8):
            weekdays[locale.dayName(day, kind)] = day - 1
            weekdays[locale.standaloneDayName(day, kind)] = day - 1
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    day_first = pattern.find("d") < pattern.find("M") or pattern.find("y") == 0
    return DayReader(day_first=day_first, month_names=months, weekday_names=weekdays)


def shown(day: date, locale: QLocale | None = None, today: date | None = None) -> str:
    """How the field shows a day: weekday, day, month and year, in the locale's order; the
    year only when it is not this year's (`today`), which keeps narrow forms readable."""
    loc = locale or QLocale()
    pattern = loc.dateFormat(QLocale.FormatType.ShortFormat)
    month_first = 0 <= pattern.find("M") < pattern.find("d")
    layout = "ddd MMM d" if month_first else "ddd d MMM"
    if today is None or day.year != today.year:
        layout += ", yyyy" if month_first else " yyyy"
    return loc.toString(QDate(day.year, day.month, day.day), layout)


class _CalendarPopup(QFrame):
    """The month view under the field: click or Enter takes a day, Esc closes."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dayCalendar")
        self.calendar.setAccessibleName("Choose a day")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._chosen)
        self.calendar.clicked.connect(self._chosen)

    def _chosen(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day)


class DayField(QLineEdit):
    edited = Signal()  # the user changed the day (typed and confirmed, picked, cleared)
    problem = Signal(str)  # the typed text is not a day; why, in a sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self._today: Callable[[], date] = local_today
        self._pending = False
        self.lean = Lean.NEAREST
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleDescription(
            "Type a date such as fri, next tue, +3d, 1 dec or 2026-12-04; Alt+Down for a calendar"
        )
        self._calendar_action = self.addAction(
            icon("calendar"), QLineEdit.ActionPosition.TrailingPosition
        )
        self._calendar_action.setObjectName("calendarAction")
        self._calendar_action.setToolTip("Choose on a calendar (Alt+Down)")
        self._calendar_action.triggered.connect(self.open_calendar)
        self._popup: _CalendarPopup | None = None
        self.textEdited.connect(self._typed)
        self.returnPressed.connect(self.commit)

    # -- what forms use --------------------------------------------------------------------

    def set_today_source(self, today: Callable[[], date]) -> None:
        """Where "today" comes from: the services' clock once a store is open."""
        self._today = today

    def today(self) -> date:
        return self._today()

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show a day (loading a form: no signal)."""
        self._value = value
        self._pending = False
        self._show_value()

    def hasPendingEdit(self) -> bool:
        return self._pending

    def flush(self) -> None:
        """Read what was typed (a form saving: lock, quit, another record)."""
        if self._pending:
            self.commit()

    def commit(self) -> bool:
        """Read the typed text; False (and `problem`) when it is not a day."""
        if not self._pending:
            return True
        try:
            day = self._reader().read(self.text(), self.today(), self.lean)
        except ValidationError as error:
            self.setToolTip(str(error))
            self.setProperty("invalid", True)
            self.problem.emit(str(error))
            return False
        self._set(day)
        return True

    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.chosen.connect(
                lambda day: self._set(date(day.year(), day.month(), day.day()))
            )
        start = self._value or self.today()
        calendar = self._popup.calendar
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        today = self.today()
        calendar.setDateTextFormat(QDate(), calendar.dateTextFormat(QDate()))  # reset marks
        marked = calendar.dateTextFormat(QDate(today.year, today.month, today.day))
        marked.setFontWeight(700)
        calendar.setDateTextFormat(QDate(today.year, today.month, today.day), marked)
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        calendar.setFocus()

    def _width_for(self, text: str) -> int:
        """The field's width for `text` beside its clear and calendar buttons."""
        buttons = 2 * (self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize) + 8)
        return self.fontMetrics().horizontalAdvance(text + " ") + buttons + 12

    def sizeHint(self) -> QSize:
        """Room for a day of another year ("Wed 30 Sep 2026")."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width_for(shown(date(2026, 9, 30)))), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Room for a day of this year ("Wed 30 Sep"): a narrow form must not squeeze the day
        to "Fri 2…"."""
        hint = super().minimumSizeHint()
        today = date(2026, 9, 1)
        wide = self._width_for(shown(date(2026, 9, 30), today=today))
        return QSize(max(hint.width(), wide), hint.height())

    # -- inside ----------------------------------------------------------------------------

    @staticmethod
    def _reader() -> DayReader:
        return reader_for(QLocale().name())

    def _set(self, day: date | None) -> None:
        changed = day != self._value
        self._value = day
        self._pending = False
        self._show_value()
        if changed:
            self.edited.emit()

    def _show_value(self) -> None:
        self.setProperty("invalid", False)
        if self._value is None:
            self.setText("")
            self.setToolTip("No date")
            return
        self.setText(shown(self._value, today=self.today()))
        self.setCursorPosition(0)
        self.setToolTip(f"{absolute(self._value)} — {age(self._value, self.today())}")

    def _typed(self, text: str) -> None:
        self._pending = True
        if not text.strip():  # the clear button, or every character deleted: no date
            self._set(None)

    def _step(self, days: int = 0, months: int = 0) -> None:
        if self._pending and not self.commit():
            return
        start = self._value
        if start is None:
            self._set(self.today())
            return
        if months:
            month_index = start.year * 12 + start.month - 1 + months
            year, month = divmod(month_index, 12)
            day = min(start.day, QDate(year, month + 1, 1).daysInMonth())
            self._set(date(year, month + 1, day))
        else:
            self._set(start + timedelta(days=days))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()
        elif key == Qt.Key.Key_Up:
            self._step(days=1)
        elif key == Qt.Key.Key_Down:
            self._step(days=-1)
        elif key == Qt.Key.Key_PageUp:
            self._step(months=1)
        elif key == Qt.Key.Key_PageDown:
            self._step(months=-1)
        elif key == Qt.Key.Key_Escape and self._pending:
            self.set_value(self._value)  # back to the day it held
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._calendar_action.setIcon(icon("calendar"))
        elif event.type() == QEvent.Type.EnabledChange:
            # A disabled, empty field showed the typing hint, cut short it read like a value;
            # with nothing to type there is nothing to hint.
            self.setPlaceholderText(PLACEHOLDER if self.isEnabled() else "")
