"""Initial schema: every core object, plus FTS5 full-text tables kept in sync by triggers.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 07:18:37.623004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of the full-text layout at this revision (do not import it from entities: a later
# change there must not rewrite history). Each is an external-content FTS5 table over the entity
# table, keyed by its INTEGER PRIMARY KEY `pk`.
FTS = {
    "outcomes": ("title", "body", "impact", "ask", "metric_delta"),
    "priorities": ("title", "description", "measure"),
    "people": ("name", "title", "preferences", "notes"),
    "meetings": ("title", "notes", "decisions"),
}


def fts_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='pk', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END",
    ]


def upgrade() -> None:
    op.create_table(
        "agenda_templates",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_agenda_templates")),
        sa.UniqueConstraint("id", name=op.f("uq_agenda_templates_id")),
    )
    with op.batch_alter_table("agenda_templates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_templates_deleted_at"), ["deleted_at"], unique=False
        )

    op.create_table(
        "people",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=19), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("preferences", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_people")),
        sa.UniqueConstraint("id", name=op.f("uq_people_id")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "store_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_settings")),
    )
    op.create_table(
        "tags",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_tags")),
        sa.UniqueConstraint("id", name=op.f("uq_tags_id")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tags_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=18), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=17), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("template_id", sa.String(length=36), nullable=True),
        sa.Column("held_at", sa.DateTime(), nullable=True),
        sa.Column("external_uid", sa.String(length=500), nullable=True),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_meetings_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["agenda_templates.id"],
            name=op.f("fk_meetings_template_id_agenda_templates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_meetings")),
        sa.UniqueConstraint("id", name=op.f("uq_meetings_id")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meetings_external_uid"), ["external_uid"], unique=False
        )
        batch_op.create_index(
            "ix_meetings_person_scheduled", ["person_id", "scheduled_at"], unique=False
        )

    op.create_table(
        "priorities",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("metric_unit", sa.String(length=60), nullable=False),
        sa.Column("metric_target", sa.Float(), nullable=True),
        sa.Column("metric_current", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=15), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("last_confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["people.id"],
            name=op.f("fk_priorities_owner_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["priorities.id"],
            name=op.f("fk_priorities_parent_id_priorities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_priorities")),
        sa.UniqueConstraint("id", name=op.f("uq_priorities_id")),
    )
    with op.batch_alter_table("priorities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_priorities_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_priorities_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_priorities_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "review_cycles",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=19), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("reviewer_id", sa.String(length=36), nullable=True),
        sa.Column("self_assessment", sa.Text(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["people.id"],
            name=op.f("fk_review_cycles_reviewer_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_review_cycles")),
        sa.UniqueConstraint("id", name=op.f("uq_review_cycles_id")),
    )
    with op.batch_alter_table("review_cycles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_cycles_deleted_at"), ["deleted_at"], unique=False
        )

    op.create_table(
        "action_items",
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("owner", sa.String(length=14), nullable=False),
        sa.Column("owner_person_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("carried_from_id", sa.String(length=36), nullable=True),
        sa.Column("carry_count", sa.Integer(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["action_items.id"],
            name=op.f("fk_action_items_carried_from_id_action_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_action_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_person_id"],
            ["people.id"],
            name=op.f("fk_action_items_owner_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_action_items")),
        sa.UniqueConstraint("id", name=op.f("uq_action_items_id")),
    )
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_items_carried_from_id"), ["carried_from_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_items_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_items_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "agenda_items",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("time_box_minutes", sa.Integer(), nullable=True),
        sa.Column("discussed", sa.Boolean(), nullable=False),
        sa.Column("source_type", sa.String(length=30), nullable=True),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.Column("user_edited", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_agenda_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_agenda_items")),
        sa.UniqueConstraint("id", name=op.f("uq_agenda_items_id")),
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_items_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_items_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "outcomes",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=25), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("impact", sa.Text(), nullable=False),
        sa.Column("metric_delta", sa.String(length=200), nullable=False),
        sa.Column("evidence_url", sa.String(length=2000), nullable=False),
        sa.Column("ask", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_outcomes_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_outcomes_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_outcomes")),
        sa.UniqueConstraint("id", name=op.f("uq_outcomes_id")),
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcomes_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index("ix_outcomes_occurred_on_pk", ["occurred_on", "pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_person_id"), ["person_id"], unique=False)

    op.create_table(
        "priority_changes",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("priority_id", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["priority_id"],
            ["priorities.id"],
            name=op.f("fk_priority_changes_priority_id_priorities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_priority_changes")),
    )
    with op.batch_alter_table("priority_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_priority_changes_priority_id"), ["priority_id"], unique=False
        )

    op.create_table(
        "outcome_priorities",
        sa.Column("outcome_id", sa.String(length=36), nullable=False),
        sa.Column("priority_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["outcomes.id"],
            name=op.f("fk_outcome_priorities_outcome_id_outcomes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["priority_id"],
            ["priorities.id"],
            name=op.f("fk_outcome_priorities_priority_id_priorities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("outcome_id", "priority_id", name=op.f("pk_outcome_priorities")),
    )
    with op.batch_alter_table("outcome_priorities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_priorities_priority_id"), ["priority_id"], unique=False
        )

    op.create_table(
        "outcome_tags",
        sa.Column("outcome_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["outcomes.id"],
            name=op.f("fk_outcome_tags_outcome_id_outcomes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_outcome_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("outcome_id", "tag_id", name=op.f("pk_outcome_tags")),
    )
    with op.batch_alter_table("outcome_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_tags_tag_id"), ["tag_id"], unique=False)
    for table, columns in FTS.items():
        for statement in fts_statements(table, columns):
            op.execute(statement)
    # Title hits matter more than body hits when ranking.
    op.execute(
        "INSERT INTO outcomes_fts(outcomes_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 2.0, 2.0, 1.0)')"
    )


def downgrade() -> None:
    for table in FTS:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    with op.batch_alter_table("outcome_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_tags_tag_id"))

    op.drop_table("outcome_tags")
    with op.batch_alter_table("outcome_priorities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_priorities_priority_id"))

    op.drop_table("outcome_priorities")
    with op.batch_alter_table("priority_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_priority_changes_priority_id"))

    op.drop_table("priority_changes")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomes_person_id"))
        batch_op.drop_index("ix_outcomes_occurred_on_pk")
        batch_op.drop_index(batch_op.f("ix_outcomes_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_outcomes_deleted_at"))

    op.drop_table("outcomes")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_items_deleted_at"))

    op.drop_table("agenda_items")
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_items_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_items_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_action_items_carried_from_id"))

    op.drop_table("action_items")
    with op.batch_alter_table("review_cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_cycles_deleted_at"))

    op.drop_table("review_cycles")
    with op.batch_alter_table("priorities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_priorities_parent_id"))
        batch_op.drop_index(batch_op.f("ix_priorities_owner_id"))
        batch_op.drop_index(batch_op.f("ix_priorities_deleted_at"))

    op.drop_table("priorities")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_person_scheduled")
        batch_op.drop_index(batch_op.f("ix_meetings_external_uid"))
        batch_op.drop_index(batch_op.f("ix_meetings_deleted_at"))

    op.drop_table("meetings")
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tags_deleted_at"))

    op.drop_table("tags")
    op.drop_table("store_settings")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_deleted_at"))

    op.drop_table("people")
    with op.batch_alter_table("agenda_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_templates_deleted_at"))

    op.drop_table("agenda_templates")
