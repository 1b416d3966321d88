"""The persistent objects of PRODUCT.md, as a typed SQLAlchemy 2 model.

Every entity table has two keys: `pk`, an INTEGER PRIMARY KEY that keeps SQLite's rowid stable
across VACUUM (the full-text tables point at it), and `id`, a UUID that is the record's identity
everywhere else (links, exports, the GUI, the CLI). Soft delete is `deleted_at`; purge is a real
DELETE that cascades.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from upwardprep.clock import system_clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Fallback stamp for rows written outside the services (which stamp by their own clock)."""
    return system_clock()


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, hands back aware UTC: SQLite has no time zones and we never want local."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Role(enum.StrEnum):
    """A person's role relative to the user."""

    MANAGER = "manager"
    SKIP_LEVEL = "skip-level"
    REPORT = "report"
    PEER = "peer"
    STAKEHOLDER = "stakeholder"


class PriorityStatus(enum.StrEnum):
    ACTIVE = "active"
    AT_RISK = "at-risk"
    DONE = "done"
    DROPPED = "dropped"


class OutcomeKind(enum.StrEnum):
    WIN = "win"
    PROGRESS = "progress"
    RISK = "risk"
    FEEDBACK_RECEIVED = "feedback-received"
    FEEDBACK_GIVEN = "feedback-given"
    DECISION = "decision"
    LEARNING = "learning"


class MeetingKind(enum.StrEnum):
    ONE_ON_ONE = "1:1"
    SKIP_LEVEL = "skip-level"
    ALIGNMENT = "alignment"
    REVIEW = "review"
    OTHER = "other"


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class ActionOwner(enum.StrEnum):
    ME = "me"
    THEM = "them"
    PERSON = "person"


class CycleKind(enum.StrEnum):
    SELF_REVIEW = "self-review"
    MID_YEAR = "mid-year"
    ANNUAL = "annual"
    PROMOTION = "promotion"


def _enum_column(kind: type[enum.StrEnum], default: enum.StrEnum) -> Mapped[str]:
    # Plain strings in the file keep old stores readable when a later version adds a member.
    length = max(len(member.value) for member in kind) + 8
    return mapped_column(String(length), nullable=False, default=default.value)


class Record:
    """Columns every entity shares."""

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    # Changes are stamped by the session's clock (_stamp_by_the_session_clock), not by an
    # onupdate default: that would read the wall clock whenever a frozen clock gives the old time.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)


@event.listens_for(Session, "before_flush")
def _stamp_by_the_session_clock(session: Session, _context: object, _instances: object) -> None:
    """Stamp what a service added or changed without stamping it, by the session's clock.

    A session opened by `Store.transaction` carries the services' clock in `info`, so a frozen
    clock freezes every stamp, not only those the services write themselves.
    """
    clock = session.info.get("clock", system_clock)
    now: datetime | None = None
    for entity in session.new:
        if isinstance(entity, Record):
            now = now or clock()
            if entity.created_at is None:
                entity.created_at = now
            if entity.updated_at is None:
                entity.updated_at = entity.created_at
    for entity in session.dirty:
        # Collections too: an outcome linked to another priority or tag has changed, and a
        # merge import carries its links with the version whose updated_at is newer.
        if not isinstance(entity, Record) or not session.is_modified(
            entity, include_collections=True
        ):
            continue
        if not inspect(entity).attrs.updated_at.history.has_changes():
            now = now or clock()
            entity.updated_at = now


class Person(Record, Base):
    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = _enum_column(Role, Role.STAKEHOLDER)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(320), nullable=False, default="")
    cadence_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    preferences: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


outcome_priorities = Table(
    "outcome_priorities",
    Base.metadata,
    Column("outcome_id", ForeignKey("outcomes.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "priority_id",
        ForeignKey("priorities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

outcome_tags = Table(
    "outcome_tags",
    Base.metadata,
    Column("outcome_id", ForeignKey("outcomes.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Priority(Record, Base):
    __tablename__ = "priorities"

    title: Mapped[str] = mapped_column(String(300), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True, index=True
    )
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("priorities.id", ondelete="SET NULL"), nullable=True, index=True
    )
    measure: Mapped[str] = mapped_column(Text, nullable=False, default="")
    metric_unit: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    metric_target: Mapped[float | None] = mapped_column(Float, nullable=True)
    metric_current: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = _enum_column(PriorityStatus, PriorityStatus.ACTIVE)
    period_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    rank: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    owner: Mapped[Person | None] = relationship(lazy="joined")
    changes: Mapped[list[PriorityChange]] = relationship(
        back_populates="priority",
        cascade="all, delete-orphan",
        order_by="PriorityChange.changed_at",
    )


class PriorityChange(Base):
    """One field of a priority changed: the history the user sees, and evidence at review time."""

    __tablename__ = "priority_changes"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    priority_id: Mapped[str] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), nullable=False, index=True
    )
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)

    priority: Mapped[Priority] = relationship(back_populates="changes")


class Tag(Record, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)


class Outcome(Record, Base):
    __tablename__ = "outcomes"
    __table_args__ = (
        # Revision 0002: the list of live notes is an index scan in display order; the Trash
        # has its own small index (deleted_at alone is NULL almost everywhere).
        Index(
            "ix_outcomes_live_by_date",
            "occurred_on",
            "pk",
            "id",
            "kind",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_outcomes_trashed", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )

    # Not indexed on its own, unlike other tables (see the indexes above).
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    title: Mapped[str] = mapped_column(String(500), nullable=False)
    kind: Mapped[str] = _enum_column(OutcomeKind, OutcomeKind.WIN)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    impact: Mapped[str] = mapped_column(Text, nullable=False, default="")
    metric_delta: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    evidence_url: Mapped[str] = mapped_column(String(2000), nullable=False, default="")
    ask: Mapped[str] = mapped_column(Text, nullable=False, default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True, index=True
    )
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    private: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Revision 0004: the priority the user marked as the one this note mainly serves. Only
    # meaningful while it is one of `priorities` (no foreign key; see the migration).
    primary_priority_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)

    priorities: Mapped[list[Priority]] = relationship(secondary=outcome_priorities)
    tags: Mapped[list[Tag]] = relationship(secondary=outcome_tags, order_by="Tag.name")


class AgendaTemplate(Record, Base):
    __tablename__ = "agenda_templates"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Meeting(Record, Base):
    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_person_scheduled", "person_id", "scheduled_at"),)

    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    kind: Mapped[str] = _enum_column(MeetingKind, MeetingKind.ONE_ON_ONE)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    duration_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    status: Mapped[str] = _enum_column(MeetingStatus, MeetingStatus.PLANNED)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decisions: Mapped[str] = mapped_column(Text, nullable=False, default="")
    template_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_templates.id", ondelete="SET NULL"), nullable=True
    )
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    external_uid: Mapped[str | None] = mapped_column(String(500), nullable=True, index=True)

    person: Mapped[Person | None] = relationship(lazy="joined")
    # The live agenda: a drafted item the user removed stays behind in the Trash (deleted_at) so
    # that re-drafting knows not to bring it back; the database cascade removes it with the
    # meeting.
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        primaryjoin="and_(Meeting.id == AgendaItem.meeting_id, AgendaItem.deleted_at.is_(None))",
        order_by="AgendaItem.position",
        passive_deletes=True,
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="ActionItem.created_at",
        foreign_keys="ActionItem.meeting_id",
    )


class AgendaItem(Record, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    section: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    time_box_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    discussed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Where a drafted item came from (e.g. "action", "risk", "outcome", "priority", "template"),
    # so that re-drafting updates instead of duplicating, and never touches user_edited items.
    source_type: Mapped[str | None] = mapped_column(String(30), nullable=True)
    source_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    user_edited: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Revision 0003: how often the item was carried into a next 1:1 (a talking point left
    # unticked, or the action it was drafted from).
    carry_count: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default=text("0")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class ActionItem(Record, Base):
    __tablename__ = "action_items"

    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    owner: Mapped[str] = _enum_column(ActionOwner, ActionOwner.ME)
    owner_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The carry-over chain: each carried copy points at the item it continues.
    carried_from_id: Mapped[str | None] = mapped_column(
        ForeignKey("action_items.id", ondelete="SET NULL"), nullable=True, index=True
    )
    carry_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    meeting: Mapped[Meeting | None] = relationship(
        back_populates="action_items", foreign_keys=[meeting_id]
    )


class ReviewCycle(Record, Base):
    __tablename__ = "review_cycles"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = _enum_column(CycleKind, CycleKind.SELF_REVIEW)
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    period_end: Mapped[date] = mapped_column(Date, nullable=False)
    reviewer_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    self_assessment: Mapped[str] = mapped_column(Text, nullable=False, default="")

    reviewer: Mapped[Person | None] = relationship(lazy="joined")


class StoreSetting(Base):
    """Settings that belong to the store (e.g. stale-after days), not to one machine's UI."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


# Full-text tables live beside the entity tables, as FTS5 external-content tables whose rowid is
# the entity's `pk`; triggers keep them in sync (created by the migrations, not by metadata).
FTS_TABLES: dict[str, tuple[str, ...]] = {
    "outcomes": ("title", "body", "impact", "ask", "metric_delta"),
    "priorities": ("title", "description", "measure"),
    "people": ("name", "title", "preferences", "notes"),
    "meetings": ("title", "notes", "decisions"),
}
