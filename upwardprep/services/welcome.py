"""The first-run welcome as one use case: the manager, their top priorities and the first
outcome note are written together, in one transaction, or not at all.

The welcome is one user action (finishing it, or leaving it half-way), so it is one service
call: every field is checked before anything is written, and a refusal leaves the store as it
was."""

from __future__ import annotations

from dataclasses import dataclass, field

from upwardprep.services.common import ValidationError
from upwardprep.services.meetings import DEFAULT_CADENCE_DAYS
from upwardprep.services.outcomes import OutcomeService
from upwardprep.services.people import PeopleService
from upwardprep.services.priorities import PriorityService
from upwardprep.store.engine import Store
from upwardprep.store.entities import Role


@dataclass(frozen=True)
class WelcomeInput:
    """What the three steps gathered; an empty name, title or list skips its step."""

    manager_name: str = ""
    manager_title: str = ""
    cadence_days: int | None = DEFAULT_CADENCE_DAYS
    priorities: tuple[str, ...] = ()
    outcome_title: str = ""
    #: which of `priorities` the note serves (an index), or None
    outcome_priority: int | None = None


@dataclass(frozen=True)
class WelcomeResult:
    manager_id: str | None = None
    priority_ids: tuple[str, ...] = ()
    outcome_id: str | None = None
    #: the kinds of record written ("person", "priority", "outcome")
    kinds: frozenset[str] = field(default_factory=frozenset)


class WelcomeService:
    def __init__(
        self,
        store: Store,
        *,
        people: PeopleService,
        priorities: PriorityService,
        outcomes: OutcomeService,
    ) -> None:
        self.store = store
        self.people = people
        self.priorities = priorities
        self.outcomes = outcomes

    def check(self, given: WelcomeInput) -> None:
        """Raise ValidationError for what `start` would refuse; nothing is written (the
        welcome checks each step as the user moves on)."""
        self._values(given)

    def _values(
        self, given: WelcomeInput
    ) -> tuple[dict[str, object] | None, list[dict[str, object]], dict[str, object] | None]:
        name = given.manager_name.strip()
        manager = (
            self.people.new_values(
                name,
                role=Role.MANAGER.value,
                title=given.manager_title,
                cadence_days=given.cadence_days,
            )
            if name
            else None
        )
        titles = [title.strip() for title in given.priorities if title.strip()]
        priorities = [self.priorities.new_values(title) for title in titles]
        note = given.outcome_title.strip()
        outcome = self.outcomes.new_values(note) if note else None
        if given.outcome_priority is not None and outcome is not None:
            if not 0 <= given.outcome_priority < len(given.priorities):
                raise ValidationError("The note's priority is not among the ones typed.")
            if not given.priorities[given.outcome_priority].strip():
                raise ValidationError("The note's priority has no title.")
        return manager, priorities, outcome

    def start(self, given: WelcomeInput) -> WelcomeResult:
        """Write the welcome's records in one transaction: the manager, their priorities (owned
        by the manager, else the user's own) and the note, linked to its priority."""
        manager_values, priority_values, outcome_values = self._values(given)
        kinds: set[str] = set()
        with self.store.transaction() as session:
            manager_id = None
            if manager_values is not None:
                manager_id = self.people.add(session, manager_values).id
                kinds.add("person")
            by_typed: dict[int, str] = {}
            typed = [i for i, title in enumerate(given.priorities) if title.strip()]
            for index, values in zip(typed, priority_values, strict=True):
                by_typed[index] = self.priorities.add(
                    session, {**values, "owner_id": manager_id}
                ).id
                kinds.add("priority")
            outcome_id = None
            if outcome_values is not None:
                pick = given.outcome_priority
                chosen = by_typed.get(pick) if pick is not None else None
                values = {**outcome_values, "priority_ids": [chosen] if chosen else []}
                outcome_id = self.outcomes.add(session, values).id
                kinds.add("outcome")
        return WelcomeResult(
            manager_id=manager_id,
            priority_ids=tuple(by_typed[i] for i in typed),
            outcome_id=outcome_id,
            kinds=frozenset(kinds),
        )
