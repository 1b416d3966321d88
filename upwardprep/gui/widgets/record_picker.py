"""Type-to-pick: the one field for choosing a record by name (a priority, a person, a template,
the priority a goal is aligned to).

Type any part of any word ("churn", "atlas ledger", "eloise" for "Éloïse"): the list under the
field narrows as you type, best matches first (services/text_match.py decides what matches).
Enter or Tab takes the highlighted match (the top one unless the arrows moved), Esc puts back
what the field held, the ▾ button or Alt+Down shows every choice, and clearing the text
chooses nothing (where nothing is allowed). The text typed stays exactly what was typed until a
record is taken: the list never writes into the field while you type.

The list is a QCompleter's popup driven by hand (UnfilteredPopupCompletion over our own
ranked model, attached with setWidget rather than QLineEdit.setCompleter): QLineEdit's own
completion writes the highlighted entry into the field, which is what mangled typed text, and a
completer built per record is what a deleted-object error came from. One model and one
completer live as long as the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QWidget

from upwardprep.gui.icons import icon
from upwardprep.services import ValidationError
from upwardprep.services.text_match import best_matches, single_match

ChoiceRole = Qt.ItemDataRole.UserRole + 1


class PersonLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...


MAX_VISIBLE = 10


@dataclass(frozen=True)
class Choice:
    """One record the field can take: its id, the name it is typed by, and a hint shown beside
    the name in the list (an owner, a status)."""

    id: str
    label: str
    detail: str = ""


class RecordPicker(QLineEdit):
    """See the module docstring. `keep_text`: the field holds the chosen record's name (a
    value); otherwise it empties after each pick, for adding to a list (`picked` says which)."""

    picked = Signal(str)  # a record was taken (its id)
    edited = Signal()  # the user changed the chosen record (for autosaving forms)

    def __init__(self, parent: QWidget | None = None, *, keep_text: bool = True) -> None:
        super().__init__(parent)
        self.keep_text = keep_text
        self._choices: list[Choice] = []
        self._by_id: dict[str, Choice] = {}
        self._current: Choice | None = None
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(MAX_VISIBLE)
        self._popup = QListView()
        # As wide as the field: long titles end in "…" (the tooltip has them whole) rather
        # than scroll sideways.
        self._popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._popup.setUniformItemSizes(True)
        self._completer.setPopup(self._popup)  # the completer owns it from here
        self._completer.setWidget(self)
        self._popup.clicked.connect(self._take_index)
        self.setClearButtonEnabled(True)
        self.setAccessibleDescription(
            "Type part of a name; Enter or Tab takes the first match, Alt+Down lists them all"
        )
        self._open_action = self.addAction(
            icon("chevron-down"), QLineEdit.ActionPosition.TrailingPosition
        )
        self._open_action.setObjectName("showChoicesAction")
        self._open_action.setToolTip("Show every choice (Alt+Down)")
        self._open_action.triggered.connect(self.show_all)
        self.textEdited.connect(self._typed)

    # -- what callers use ------------------------------------------------------------------

    def set_choices(self, choices: list[Choice]) -> None:
        """Every record the field can take, in the order ties should keep (rank, name)."""
        self._choices = list(choices)
        self._by_id = {choice.id: choice for choice in self._choices}
        if self._current is not None:
            self._current = self._by_id.get(self._current.id)
        self._hide_popup()

    def choices(self) -> list[Choice]:
        return list(self._choices)

    def current_id(self) -> str | None:
        """The record taken, or None (nothing chosen, or typing not yet taken)."""
        return self._current.id if self._current is not None else None

    def set_current_id(self, record_id: str | None) -> None:
        """Show a record as chosen (loading a form: no signal)."""
        self._current = self._by_id.get(record_id) if record_id else None
        self._hide_popup()
        self.setText(self._current.label if self._current and self.keep_text else "")
        self.setCursorPosition(0)

    def pending_text(self) -> str:
        """Typed text that names no record yet ("" when the field is settled)."""
        text = self.text().strip()
        if not text or (self._current is not None and text == self._current.label):
            return ""
        return text

    def resolve(self) -> bool:
        """Take what the typed text means when it means exactly one record (saving a form);
        False when it names none or several (the caller says so)."""
        text = self.pending_text()
        if not text:
            if self.keep_text and not self.text().strip() and self._current is not None:
                self._set(None)
            return True
        index = single_match(text, [choice.label for choice in self._choices])
        if index is None:
            return False
        self._take(self._choices[index])
        return True

    def matches(self, text: str | None = None) -> list[Choice]:
        """The choices the text matches, best first (every choice for empty text)."""
        query = self.text() if text is None else text
        if not query.strip():
            return list(self._choices)
        return best_matches(query, self._choices, lambda choice: choice.label)

    def show_all(self) -> None:
        self._show(self.matches("") if not self.pending_text() else self.matches())
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def popup_visible(self) -> bool:
        return self._popup.isVisible()

    def list_view(self) -> QListView:
        """The list under the field (it has the keyboard while it is open)."""
        return self._popup

    def listed(self) -> list[str]:
        """The ids the open list shows, top first (tests and accessibility checks)."""
        return [self._model.item(row).data(ChoiceRole) for row in range(self._model.rowCount())]

    # -- typing ----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._hide_popup()
            if self._current is not None and self.keep_text:
                self._set(None)
            return
        self._show(self.matches(text))

    def _show(self, found: list[Choice]) -> None:
        self._model.clear()
        for choice in found:
            text = f"{choice.label}  ·  {choice.detail}" if choice.detail else choice.label
            item = QStandardItem(text)
            item.setData(choice.id, ChoiceRole)
            item.setToolTip(choice.label)
            item.setEditable(False)
            self._model.appendRow(item)
        if not found:
            self._hide_popup()
            self.setToolTip("Nothing matches: keep typing, or clear the field")
            return
        self.setToolTip("")
        self._completer.setCompletionPrefix("")
        popup = self._popup
        popup.setObjectName(f"{self.objectName() or 'picker'}Popup")
        self._completer.complete()
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _hide_popup(self) -> None:
        popup = self._popup
        if popup.isVisible():
            popup.hide()

    def _highlighted_id(self) -> str | None:
        """The id under the list's highlight (the top match unless the arrows moved it)."""
        if not self.popup_visible():
            return None
        index = self._popup.currentIndex()
        row = index.row() if index.isValid() else 0
        item = self._model.item(row)
        return item.data(ChoiceRole) if item is not None else None

    def _take_index(self, index: QModelIndex) -> None:
        record_id = index.data(ChoiceRole)
        if record_id in self._by_id:
            self._take(self._by_id[record_id])

    def _take_top(self) -> bool:
        """Enter/Tab: the highlighted match, else the best one for what is typed."""
        record_id = self._highlighted_id()
        if record_id is None and self.pending_text():
            found = self.matches()
            record_id = found[0].id if found else None
        self._hide_popup()
        if record_id is None:
            return False
        self._take(self._by_id[record_id])
        return True

    def _take(self, choice: Choice) -> None:
        self._hide_popup()
        changed = self._current != choice
        self._set(choice)
        self.picked.emit(choice.id)
        if changed or not self.keep_text:
            self.edited.emit()

    def _set(self, choice: Choice | None) -> None:
        """Make `choice` the field's record (None: nothing) and show it."""
        had = self._current
        if self.keep_text:
            self._current = choice
            self.setText(choice.label if choice is not None else "")
            self.setCursorPosition(len(self.text()))
            if had != choice and choice is None:
                self.edited.emit()
        else:
            self._current = None
            self.clear()

    def _revert(self) -> None:
        """Esc: back to the record the field held (or empty)."""
        self._hide_popup()
        self.setText(self._current.label if self._current and self.keep_text else "")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the arrow in the new text colour
            self._open_action.setIcon(icon("chevron-down"))

    # -- keys ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab moves the focus before keyPressEvent would see it: take the match first.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and (self.popup_visible() or self.pending_text())
        ):
            self._take_top()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        popup = self._popup
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.popup_visible() or self.pending_text():
                self._take_top()
                event.accept()
                return
        elif key == Qt.Key.Key_Escape:
            if self.popup_visible() or self.pending_text():
                self._revert()
                event.accept()
                return
        elif key == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier or not self.popup_visible()
        ):
            self.show_all()
            event.accept()
            return
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup_visible():
            # Keys sent to the field itself (the popup forwards real ones itself).
            rows = self._model.rowCount()
            row = popup.currentIndex().row()
            row = (row + (1 if key == Qt.Key.Key_Down else -1)) % max(1, rows)
            popup.setCurrentIndex(self._completer.completionModel().index(row, 0))
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Leaving the field settles what it unambiguously means; anything else stays as typed
        # (a form says "No single priority matches" when it saves).
        if (
            self.keep_text
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and not self.popup_visible()
            and self.pending_text()
        ):
            self.resolve()
        super().focusOutEvent(event)


def person_choices(people: Iterable[PersonLike]) -> list[Choice]:
    """People as choices: the name, and the job title beside it in the list."""
    return [Choice(person.id, person.name, person.title or "") for person in people]


def chosen_id(picker: RecordPicker, what: str) -> str | None:
    """The record a form saves: what the field holds, or the one record its typed text names;
    text naming none or several is refused (the form keeps it and says so)."""
    if not picker.resolve():
        raise ValidationError(
            f"No single {what} matches “{picker.pending_text()}”: "
            "pick one from the list, or clear the field."
        )
    return picker.current_id()
