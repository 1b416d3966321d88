"""People in a table: name, role relative to the user, job title, 1:1 cadence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from upwardprep.gui.models.base import EntityTableModel, SortRole
from upwardprep.services.labels import ROLE_LABELS, cadence_text, label_of
from upwardprep.services.people import ROLE_ORDER, PersonData

if TYPE_CHECKING:
    from upwardprep.services import Services

_ROLE_RANK = {member.value: index for index, member in enumerate(ROLE_ORDER)}


class PeopleModel(EntityTableModel[PersonData]):
    COLUMNS = ("Name", "Role", "Title", "Cadence")
    NAME, ROLE, TITLE, CADENCE = range(4)

    def __init__(
        self, services: Services, parent: QObject | None = None, *, role: str | None = None
    ) -> None:
        super().__init__(services, parent)
        self._role = role
        self.refresh()

    @property
    def role(self) -> str | None:
        return self._role

    def set_role(self, role: str | None) -> None:
        """Show only people of this role (None: everyone)."""
        self._role = role or None
        self.refresh()

    def _load(self) -> Sequence[PersonData]:
        return self.services.people.list(role=self._role)

    def _cell(self, person: PersonData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return person.name
            if column == self.ROLE:
                return label_of(ROLE_LABELS, person.role)
            if column == self.TITLE:
                return person.title
            return cadence_text(person.cadence_days)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME:
                return " · ".join(part for part in (person.name, person.email) if part)
            if column == self.CADENCE and person.cadence_days:
                return f"A 1:1 {cadence_text(person.cadence_days)}"
            return None
        if role == SortRole:
            if column == self.NAME:
                return person.name.casefold()
            if column == self.ROLE:
                return _ROLE_RANK.get(person.role, len(_ROLE_RANK))
            if column == self.TITLE:
                return person.title.casefold()
            return person.cadence_days if person.cadence_days is not None else 10_000
        return None
