"""What "Finish meeting" did, in a few lines: what was discussed, what was decided, and which
open action items moved to which meeting (and whose they are)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from upwardprep.gui.forms.ui_finish_summary_dialog import Ui_FinishSummaryDialog
from upwardprep.gui.theme import tone
from upwardprep.services import Services
from upwardprep.services.meetings import ActionItemData, MeetingData
from upwardprep.services.update import decision_lines


@dataclass(frozen=True)
class FinishSummary:
    meeting: MeetingData
    discussed: int
    items: int
    decisions: tuple[str, ...]
    carried: tuple[ActionItemData, ...]  # the new copies, on the next meeting
    next_meeting: MeetingData | None


def summarise(services: Services, meeting_id: str) -> FinishSummary:
    meeting = services.meetings.get(meeting_id)
    open_ids = {action.id for action in meeting.action_items if action.is_open}
    carried: list[ActionItemData] = []
    next_meeting = None
    if open_ids:
        for candidate in services.meetings.list(person_id=meeting.person_id, status="planned"):
            if candidate.person_id != meeting.person_id:
                continue
            moved = [a for a in candidate.action_items if a.carried_from_id in open_ids]
            if moved:
                carried, next_meeting = moved, candidate
                break
    return FinishSummary(
        meeting=meeting,
        discussed=sum(1 for item in meeting.agenda_items if item.discussed),
        items=len(meeting.agenda_items),
        decisions=decision_lines(meeting.decisions),
        carried=tuple(carried),
        next_meeting=next_meeting,
    )


def summary_html(summary: FinishSummary, people: dict[str, str]) -> str:
    parts = [
        f"<p><b>{summary.discussed} of {summary.items}</b> agenda items discussed.</p>"
        if summary.items
        else "<p>No agenda items.</p>"
    ]
    if summary.decisions:
        rows = "".join(f"<li>{escape(line)}</li>" for line in summary.decisions)
        parts.append(f"<p><b>Decisions</b></p><ul>{rows}</ul>")
    else:
        parts.append("<p>No decisions recorded.</p>")
    if summary.carried and summary.next_meeting is not None:
        them = summary.meeting.person_name or "them"

        def owner(action: ActionItemData) -> str:
            if action.owner == "person":
                return people.get(action.owner_person_id or "", "someone")
            return them if action.owner == "them" else "me"

        muted = tone("muted").name()
        rows = "".join(
            f"<li>{escape(action.title)} <span style='color:{muted}'>· {escape(owner(action))}"
            f"{' · carried ×' + str(action.carry_count) if action.carry_count > 1 else ''}"
            "</span></li>"
            for action in summary.carried
        )
        target = escape(summary.next_meeting.title or "the next meeting")
        when = summary.next_meeting.scheduled_at.astimezone()
        parts.append(
            f"<p><b>{len(summary.carried)} open action item"
            f"{'s' if len(summary.carried) != 1 else ''}</b> carried to <b>{target}</b> "
            f"on {when:%a} {when.day} {when:%b %Y} at {when:%H:%M}:</p><ul>{rows}</ul>"
        )
    else:
        parts.append("<p>No open action items to carry.</p>")
    return "".join(parts)


class FinishSummaryDialog(QDialog):
    """Shown (not blocking) after a meeting was finished; can jump to the next meeting."""

    open_meeting = Signal(str)

    def __init__(
        self, summary: FinishSummary, people: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FinishSummaryDialog()
        self.ui.setupUi(self)
        self.summary = summary
        self.ui.sectionTitle.setText(
            escape(summary.meeting.title or "Meeting") + " is now a record"
        )
        self.text = self.ui.summaryText
        self.text.setText(summary_html(summary, people))
        buttons = self.ui.summaryButtons
        if summary.next_meeting is not None:
            go = buttons.addButton("Open &next meeting", QDialogButtonBox.ButtonRole.AcceptRole)
            go.setObjectName("openNextButton")
            go.clicked.connect(self._open_next)
        buttons.rejected.connect(self.reject)

    def _open_next(self) -> None:
        if self.summary.next_meeting is not None:
            self.open_meeting.emit(self.summary.next_meeting.id)
        self.accept()
