"""What every service shares: validation, clock, conversion to plain data, soft delete.

Services are the only callers of the store's sessions. Each public method is one user action and
runs in exactly one transaction; it returns frozen dataclasses, never live ORM objects, so the GUI
and the CLI cannot lazily reach back into a closed session.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Generic, TypeVar
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.clock import Clock, system_clock
from upwardprep.store.engine import Store
from upwardprep.store.entities import Record

MAX_TITLE = 500
MAX_TEXT = 1_000_000  # characters in one Markdown body: years of notes, not a pasted disk image


class ValidationError(ValueError):
    """Input a user can correct; the message says how. Nothing was written."""

    exit_code = 1


class NotFound(LookupError):
    exit_code = 1


def clean_title(value: str | None, *, what: str = "title", limit: int = MAX_TITLE) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(f"The {what} is empty; give it a few words.")
    if len(text) > limit:
        raise ValidationError(f"The {what} is {len(text):,} characters; keep it under {limit}.")
    return text


def clean_text(value: str | None, *, what: str = "text", limit: int = MAX_TEXT) -> str:
    text = value or ""
    if "\x00" in text:
        raise ValidationError(f"The {what} contains a NUL character, which cannot be stored.")
    if len(text) > limit:
        raise ValidationError(
            f"The {what} is {len(text):,} characters long; the limit is {limit:,}. "
            "Attach big material as an evidence link instead."
        )
    return text


def parse_date(value: date | str | None, *, what: str = "date") -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            f"“{value}” is not a valid {what}; use the form YYYY-MM-DD, e.g. 2026-11-24."
        ) from None


def parse_datetime(value: datetime | str | None, *, what: str = "time") -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                f"“{value}” is not a valid {what}; use the form YYYY-MM-DD HH:MM."
            ) from None
    if value.tzinfo is None:
        value = value.astimezone()  # a naive time typed by the user is local time
    return value.astimezone(UTC)


E = TypeVar("E", bound=enum.StrEnum)


def parse_enum(kind: type[E], value: str | E | None, *, what: str) -> E:
    if isinstance(value, kind):
        return value
    text = (value or "").strip().lower().replace("_", "-")
    for member in kind:
        if text in (member.value, member.name.lower().replace("_", "-")):
            return member
    allowed = ", ".join(member.value for member in kind)
    raise ValidationError(f"“{value}” is not a {what}; choose one of: {allowed}.")


def clean_url(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https", "mailto", "file") or not (
        parsed.netloc or parsed.path
    ):
        raise ValidationError(
            f"“{text[:80]}” is not a link UpwardPrep can open; use an http(s):// address."
        )
    return clean_text(text, what="evidence link", limit=2000)


def clean_number(value: float | str | None, *, what: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"“{value}” is not a number ({what}).") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(f"The {what} must be a finite number.")
    return number


Cleaner = Callable[[Any], Any]


def clean_fields(spec: dict[str, Cleaner], values: dict[str, Any], *, what: str) -> dict[str, Any]:
    """Validate the given fields with the aggregate's cleaners; unknown names are refused."""
    unknown = set(values) - set(spec)
    if unknown:
        raise ValidationError(f"A {what} has no field {', '.join(sorted(unknown))}.")
    return {name: spec[name](value) for name, value in values.items()}


@dataclasses.dataclass(frozen=True)
class Bounded:
    """A text cleaner that knows its limit, so a form can stop typing where the store would
    refuse (`limit_of`)."""

    clean: Cleaner
    limit: int

    def __call__(self, value: Any) -> Any:
        return self.clean(value)


def limit_of(cleaner: Cleaner) -> int:
    """The most characters a text field takes."""
    if not isinstance(cleaner, Bounded):
        raise TypeError("not a text field")
    return cleaner.limit


def text_field(what: str, limit: int = MAX_TEXT) -> Cleaner:
    return Bounded(lambda value: clean_text(value, what=what, limit=limit), limit)


def line_field(what: str, limit: int = 200) -> Cleaner:
    """A single-line optional text: surrounding space dropped."""
    return Bounded(lambda value: clean_text(value, what=what, limit=limit).strip(), limit)


def title_field(what: str, limit: int = MAX_TITLE) -> Cleaner:
    return Bounded(lambda value: clean_title(value, what=what, limit=limit), limit)


def enum_field(kind: type[enum.StrEnum], what: str) -> Cleaner:
    return lambda value: parse_enum(kind, value, what=what).value


def date_field(what: str) -> Cleaner:
    return lambda value: parse_date(value, what=what)


def number_field(what: str) -> Cleaner:
    return lambda value: clean_number(value, what=what)


D = TypeVar("D")


def to_data(cls: type[D], entity: object, **extra: Any) -> D:
    """Copy the dataclass's fields from same-named attributes of an entity (or from `extra`)."""
    values = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        values[field.name] = (
            extra[field.name] if field.name in extra else getattr(entity, field.name)
        )
    return cls(**values)


EntityT = TypeVar("EntityT", bound=Record)
DataT = TypeVar("DataT")


class EntityService(Generic[EntityT, DataT]):
    """get / trash / restore / purge for one aggregate; subclasses add create and update."""

    entity: ClassVar[type[Any]]
    what: ClassVar[str] = "record"
    fields: ClassVar[dict[str, Cleaner]] = {}  # what update() accepts, and how it is cleaned
    name_attribute: ClassVar[str] = "name"  # what find() matches a reference against

    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    # Subclasses turn a loaded entity (inside its session) into their data class.
    def _data(self, session: Session, entity: EntityT) -> DataT:
        raise NotImplementedError

    def _load(self, session: Session, record_id: str, *, include_deleted: bool = False) -> EntityT:
        entity = session.scalar(select(self.entity).where(self.entity.id == record_id))
        if entity is None or (entity.deleted_at is not None and not include_deleted):
            raise NotFound(f"No {self.what} with id {record_id}.")
        return entity

    def _new(self, entity: type[Any], **values: Any) -> Any:
        """A new record stamped by the service's clock (frozen in tests, so history is exact)."""
        now = self.clock()
        return entity(created_at=now, updated_at=now, **values)

    def get(self, record_id: str) -> DataT:
        with self.store.transaction(write=False) as session:
            return self._data(session, self._load(session, record_id, include_deleted=True))

    def trash(self, record_id: str) -> None:
        """Soft delete: the record leaves every list but stays restorable from the Trash."""
        with self.store.transaction() as session:
            self._load(session, record_id).deleted_at = self.clock()

    def restore(self, record_id: str) -> None:
        with self.store.transaction() as session:
            self._load(session, record_id, include_deleted=True).deleted_at = None

    def purge(self, record_id: str) -> None:
        """Delete for good; only records already in the Trash can be purged."""
        with self.store.transaction() as session:
            entity = self._load(session, record_id, include_deleted=True)
            if entity.deleted_at is None:
                raise ValidationError(f"Move the {self.what} to the Trash before purging it.")
            session.delete(entity)

    # -- update: one template, two hooks ----------------------------------------------------

    def _load_for_update(self, session: Session, record_id: str) -> EntityT:
        return self._load(session, record_id)

    def _check(self, session: Session, entity: EntityT, values: dict[str, Any]) -> None:
        """Refuse values that are fine alone but not together or not against the store."""

    def _changed(
        self, session: Session, entity: EntityT, changed: dict[str, tuple[Any, Any]]
    ) -> None:
        """React to what really changed (history, flags)."""

    def update(self, record_id: str, **changes: Any) -> DataT:
        values = clean_fields(self.fields, changes, what=self.what)
        with self.store.transaction() as session:
            entity = self._load_for_update(session, record_id)
            self._check(session, entity, values)
            changed = self._apply(entity, values)
            if changed:  # stamped by the service's clock, not the entity's wall-clock default
                entity.updated_at = self.clock()
            self._changed(session, entity, changed)
            session.flush()
            return self._data(session, entity)

    def find(self, reference: str) -> DataT:
        """By id, exact name (any case), or an unambiguous part of the name."""
        with self.store.transaction(write=False) as session:
            column = getattr(self.entity, self.name_attribute)
            entity = resolve_by_name(session, self.entity, column, reference, what=self.what)
            return self._data(session, entity)

    def _apply(self, entity: object, changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        """Set attributes, returning {field: (old, new)} for those that really changed."""
        changed = {}
        for name, value in changes.items():
            old = getattr(entity, name)
            if old != value:
                setattr(entity, name, value)
                changed[name] = (old, value)
        return changed


def resolve_by_name(
    session: Session,
    entity: type[Any],
    column: Any,
    reference: str,
    *,
    what: str,
) -> Any:
    """Find one live record by id, exact name (any case) or an unambiguous part of its name."""
    ref = (reference or "").strip()
    if not ref:
        raise ValidationError(f"Name a {what}.")
    live = entity.deleted_at.is_(None)
    found = session.scalar(select(entity).where(entity.id == ref, live))
    if found is not None:
        return found
    escaped = _like_escape(ref)
    exact = session.scalars(select(entity).where(column.ilike(escaped, escape="\\"), live)).all()
    if len(exact) == 1:
        return exact[0]
    partial = (
        exact
        or session.scalars(
            select(entity).where(column.ilike(f"%{escaped}%", escape="\\"), live)
        ).all()
    )
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise ValidationError(f"No {what} matches “{ref}”.")
    names = "; ".join(sorted(str(getattr(item, column.key)) for item in partial)[:8])
    several = f"{what[:-1]}ies" if what.endswith("y") else f"{what}s"  # priority: priorities
    raise ValidationError(f"“{ref}” matches several {several}: {names}. Be more specific.")


def _like_escape(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
