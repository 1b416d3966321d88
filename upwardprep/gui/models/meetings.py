"""Meetings as a list: upcoming first, then the record of past ones. The two tables inside one
meeting (agenda and action items) are in models/meeting_parts.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from upwardprep.gui.models.base import (
    FIRST_MODEL_ROLE,
    EntityTableModel,
    SortRole,
    today_of,
)
from upwardprep.gui.models.dates import absolute, local_date, relative_day
from upwardprep.gui.theme import tone
from upwardprep.services.labels import MEETING_KIND_LABELS, label_of
from upwardprep.services.meetings import MeetingData

if TYPE_CHECKING:
    from upwardprep.services import Services

StatusRole = FIRST_MODEL_ROLE  # "upcoming" | "overdue" | "held" | "cancelled"


def meeting_state(meeting: MeetingData, today: date) -> str:
    """What a list says of a meeting: still ahead, planned but its day has passed, or done."""
    if meeting.status == "held":
        return "held"
    if meeting.status == "cancelled":
        return "cancelled"
    return "overdue" if local_date(meeting.scheduled_at) < today else "upcoming"


STATE_LABELS = {
    "upcoming": "Upcoming",
    "overdue": "Not finished",
    "held": "Held",
    "cancelled": "Cancelled",
}


def when_text(moment: datetime, today: date) -> str:
    """ "next Tue 10:00", "3 days ago 10:00", "12 Mar 10:00"."""
    local = moment.astimezone()
    return f"{relative_day(local.date(), today)} · {local:%H:%M}"


def meeting_label(meeting: MeetingData) -> str:
    """The title, with whom when the title does not already say it ("1:1 with Dana")."""
    title = meeting.title or label_of(MEETING_KIND_LABELS, meeting.kind)
    person = meeting.person_name
    if not person:
        return title
    first = person.split()[0] if person.split() else person
    return title if first.casefold() in title.casefold() else f"{title} · {person}"


class MeetingsModel(EntityTableModel[MeetingData]):
    """One person's meetings (or everyone's): upcoming ones first, soonest at the top, then
    past ones, newest first."""

    COLUMNS = ("When", "Meeting", "Status", "Agenda", "Open")
    WHEN, TITLE, STATUS, AGENDA, ACTIONS = range(5)

    def __init__(
        self, services: Services, parent: QObject | None = None, *, person_id: str | None = None
    ) -> None:
        super().__init__(services, parent)
        self._person_id = person_id
        self._today = today_of(services)
        self.refresh()

    @property
    def person_id(self) -> str | None:
        return self._person_id

    def set_person(self, person_id: str | None) -> None:
        self._person_id = person_id or None
        self.refresh()

    def refresh(self) -> None:
        self._today = today_of(self.services)
        super().refresh()

    def _load(self) -> Sequence[MeetingData]:
        meetings = self.services.meetings.list(person_id=self._person_id)
        ahead = [m for m in meetings if meeting_state(m, self._today) == "upcoming"]
        rest = [m for m in meetings if meeting_state(m, self._today) != "upcoming"]
        ahead.sort(key=lambda m: m.scheduled_at)
        return ahead + rest  # the service lists newest first

    def _cell(self, meeting: MeetingData, column: int, role: int) -> Any:
        state = meeting_state(meeting, self._today)
        if role == StatusRole:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(meeting, column, state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WHEN:
                return f"{absolute(meeting.scheduled_at)} · {meeting.duration_minutes} min"
            if column == self.STATUS and meeting.held_at is not None:
                return f"Held; finished {absolute(meeting.held_at)}"
            if column == self.TITLE:
                kind = label_of(MEETING_KIND_LABELS, meeting.kind)
                return " · ".join(
                    part for part in (meeting.title, meeting.person_name, kind) if part
                )
            if column == self.AGENDA and meeting.agenda_items:
                return meeting.agenda_in_words
            if column == self.ACTIONS:
                return "Open action items"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and state in ("held", "cancelled"):
            return tone("muted") if column != self.TITLE else None
        if role == Qt.ItemDataRole.FontRole and state == "overdue" and column == self.STATUS:
            font = QFont()
            font.setItalic(True)
            return font
        if role == SortRole:
            if column == self.WHEN:
                return meeting.scheduled_at.timestamp()
            return str(self._display(meeting, column, state)).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, meeting: MeetingData, column: int, state: str) -> Any:
        if column == self.WHEN:
            return when_text(meeting.scheduled_at, self._today)
        if column == self.TITLE:
            return meeting_label(meeting)
        if column == self.STATUS:
            return STATE_LABELS[state]
        if column == self.AGENDA:
            return meeting.agenda_in_short
        if column == self.ACTIONS:
            if state == "held":
                return ""  # what was open moved on to the next meeting
            open_items = sum(1 for a in meeting.action_items if a.is_open)
            return str(open_items) if open_items else ""
        return None
