"""Outcome list indexes: a covering index over live notes in display order.

The outcomes list asks for every live note's id, newest first. With only an index on
deleted_at (nearly every row is NULL there) SQLite read all rows through it and sorted them
in a temporary B-tree: ~0.5 s at 100k notes. The live-notes index is partial (deleted_at IS
NULL) and covers id and kind, so the list is an index scan in order; the Trash keeps a small
partial index of its own. No ANALYZE: statistics taken while a table is small mislead the
planner for good (it then loops over outcomes and probes the full-text index per row).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_outcomes_deleted_at")
        # Superseded, and worse: SQLite preferred it and then read every row to check
        # deleted_at and fetch the id.
        batch_op.drop_index("ix_outcomes_occurred_on_pk")
        batch_op.create_index(
            "ix_outcomes_live_by_date",
            ["occurred_on", "pk", "id", "kind"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_outcomes_trashed",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_outcomes_trashed")
        batch_op.drop_index("ix_outcomes_live_by_date")
        batch_op.create_index("ix_outcomes_deleted_at", ["deleted_at"], unique=False)
        batch_op.create_index("ix_outcomes_occurred_on_pk", ["occurred_on", "pk"], unique=False)
