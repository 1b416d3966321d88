"""Schema versions through Alembic, run on the already-keyed connection.

Unlocking an older store backs it up (verified) before upgrading; a store whose revision this
version does not know was written by a newer UpwardPrep and is refused rather than guessed at.
Alembic itself is only imported when the store is not at SCHEMA_HEAD: an up-to-date store opens
without paying for it (a test keeps SCHEMA_HEAD equal to the newest migration).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from upwardprep.store.errors import StoreTooNew

if TYPE_CHECKING:
    from alembic.config import Config

    from upwardprep.store.engine import Store

SCHEMA_HEAD = "0001"


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


def current_revision(store: Store) -> str | None:
    with store.raw() as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None


def check_revision(store: Store) -> bool:
    """True when the store needs upgrading; raises StoreTooNew for an unknown revision."""
    current = current_revision(store)
    if current == SCHEMA_HEAD:
        return False
    known = {rev.revision for rev in _script().walk_revisions()}
    if current is not None and current not in known:
        raise StoreTooNew(
            f"This store was written by a newer version of UpwardPrep (schema {current}). "
            "Install the newer version to open it; nothing was changed."
        )
    return True


def upgrade_to_head(store: Store, *, backup_first: bool) -> None:
    from alembic import command

    if backup_first:
        from upwardprep.store.backup import create_backup

        create_backup(store, reason="pre-upgrade")
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
