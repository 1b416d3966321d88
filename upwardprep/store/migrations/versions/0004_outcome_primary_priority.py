"""Outcome notes can name their primary priority: the one the review packet files them under.

A nullable column on outcomes, indexed. No foreign-key constraint: SQLite cannot add one
without rebuilding the outcomes table (and its full-text triggers), and the service only honours
the mark while it names a priority the note is still linked to, so a stale value is harmless.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # add_column and create_index only: Alembic's batch mode alters the table in place here.
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("primary_priority_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_outcomes_primary_priority_id"), ["primary_priority_id"], unique=False
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_outcomes_primary_priority_id"), table_name="outcomes")
    # SQLite drops a column in place; batch mode would rebuild the table without its triggers.
    op.execute("ALTER TABLE outcomes DROP COLUMN primary_priority_id")
