"""Schema versions through Alembic, run on the already-keyed connection.

Unlocking an older store backs it up (verified) before upgrading; a store whose revision this
version does not know was written by a newer UpwardPrep and is refused rather than guessed at.
Alembic itself is only imported when the store is not at SCHEMA_HEAD: an up-to-date store opens
without paying for it (a test keeps SCHEMA_HEAD equal to the newest migration).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.errors import NotAStore, StoreTooNew

if TYPE_CHECKING:
    from alembic.config import Config

    from upwardprep.store.engine import Store

SCHEMA_HEAD = "0003"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "upwardprep.store:migrations")
    return config


def _script() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return str(head)


def revision_of(conn: sqlcipher.Connection) -> str | None:
    """The schema revision recorded in a store, from a keyed driver connection."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def current_revision(store: Store) -> str | None:
    with store.raw() as conn:
        return revision_of(conn)


def check_known_revision(conn: sqlcipher.Connection) -> bool:
    """True when the store needs upgrading; StoreTooNew for a revision this version does not
    know, NotAStore for an UpwardPrep-stamped file that has no schema at all."""
    current = revision_of(conn)
    if current == SCHEMA_HEAD:
        return False
    if current is None:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
            0
        ]
        if tables:
            raise NotAStore("This database has tables but no UpwardPrep schema version.")
        return True  # created, not yet migrated
    known = {rev.revision for rev in _script().walk_revisions()}
    if current not in known:
        raise StoreTooNew(
            f"This store was written by a newer version of UpwardPrep (schema {current}). "
            "Install the newer version to open it; nothing was changed."
        )
    return True


def check_revision(store: Store) -> bool:
    """True when the store needs upgrading; raises StoreTooNew for an unknown revision."""
    with store.raw() as conn:
        return check_known_revision(conn)


def upgrade_to_head(store: Store, *, backup_first: bool) -> None:
    from alembic import command

    if backup_first:
        from upwardprep.store.backup import create_backup

        create_backup(store, reason="pre-upgrade")
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
