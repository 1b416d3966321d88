"""Draft the next agenda with someone: pick the person and the template, and the agenda service
builds (or refreshes) the next planned meeting, ranked and fitted to its length (what does not fit
waits under "If time allows"); the intro says so before the user commits to it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from upwardprep.gui.forms.ui_draft_agenda_dialog import Ui_DraftAgendaDialog
from upwardprep.gui.models.base import today_of
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.gui.widgets.record_picker import Choice, chosen_id, person_choices
from upwardprep.services import NotFound, Services, ValidationError

MANAGING_UP = ("manager", "skip-level")


class DraftAgendaDialog(QDialog):
    def __init__(
        self,
        services: Services,
        person_id: str | None,
        default_template: str = "",
        parent: QWidget | None = None,
        *,
        stale_days: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DraftAgendaDialog()
        self.ui.setupUi(self)
        self.services = services
        self.meeting_id: str | None = None
        self.stale_days = stale_days
        self.person, self.template, self.when = (
            self.ui.draftPerson,
            self.ui.draftTemplate,
            self.ui.draftWhen,
        )
        self.error = self.ui.errorLabel
        people = services.people.list()
        self.person.set_choices(person_choices(people))
        if person_id is None:  # the manager is whom most agendas are for
            managers = [p.id for p in people if p.role in MANAGING_UP]
            person_id = managers[0] if managers else (people[0].id if people else None)
        self.person.set_current_id(person_id)
        self._templates = services.templates.list()
        self.template.set_choices([Choice(t.id, t.name) for t in self._templates])
        self.error.hide()
        buttons = self.ui.buttons
        self.draft_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.draft_button.setText("&Draft")
        self.draft_button.setObjectName("draftButton")
        self.draft_button.setEnabled(bool(people))
        buttons.accepted.connect(self.draft)
        buttons.rejected.connect(self.reject)
        self.person.edited.connect(self._person_changed)
        self._default_template = default_template
        self._person_changed()
        self.template.setFocus()

    def _person_changed(self) -> None:
        person_id = self.person.current_id()
        if not person_id:
            self.when.setText(
                "Add the person in People first."
                if not self.person.choices()
                else "Type the name of the person the meeting is with."
            )
            self.when.setToolTip("")
            return
        planned = [
            m
            for m in self.services.meetings.list(person_id=person_id, status="planned")
            if m.scheduled_at.astimezone().date() >= today_of(self.services)
        ]
        today = today_of(self.services)
        if planned:
            meeting = min(planned, key=lambda m: m.scheduled_at)
            when = meeting.scheduled_at.astimezone()
            day = relative_day(when.date(), today)
            self.when.setText(
                f"{when:%a} {when.day} {when:%b %Y, %H:%M} ({day}), already planned: "
                "its agenda is completed"
            )
            self.when.setToolTip(absolute(meeting.scheduled_at))
            template_id = meeting.template_id
        else:
            suggested = self.services.agenda.suggested_next_date(person_id)
            self.when.setText(
                f"{suggested:%a} {suggested.day} {suggested:%b %Y} "
                f"({relative_day(suggested, today)}), a new one after the person's cadence"
            )
            self.when.setToolTip(absolute(suggested))
            template_id = None
        if template_id is None:
            past = self.services.meetings.list(person_id=person_id)
            template_id = next((m.template_id for m in past if m.template_id), None)
        if template_id is None and self._default_template:
            template_id = next(
                (t.id for t in self._templates if t.name == self._default_template), None
            )
        if template_id is not None:
            self.template.set_current_id(template_id)

    def draft(self) -> None:
        try:
            person_id = chosen_id(self.person, "person")
            template_id = chosen_id(self.template, "template")
            if not person_id:
                raise ValidationError("Choose whom the meeting is with.")
            meeting = self.services.agenda.draft_next(
                person_id, template_id=template_id, stale_days=self.stale_days
            )
        except (ValidationError, NotFound) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.meeting_id = meeting.id
        self.accept()
