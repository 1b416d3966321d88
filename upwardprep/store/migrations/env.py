"""Alembic environment: always runs on the connection the store hands it (already keyed)."""

from alembic import context

from upwardprep.store.entities import FTS_TABLES, Base

FTS_NAMES = {f"{table}_fts" for table in FTS_TABLES}


def include_object(obj, name, type_, reflected, compare_to):
    # FTS5 tables and their shadow tables are made by hand in the migrations.
    return not (type_ == "table" and any(name.startswith(fts) for fts in FTS_NAMES))


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("UpwardPrep migrations run only on a store's keyed connection.")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
