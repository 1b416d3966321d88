"""Schema versions through Alembic, run on the already-keyed connection.

Unlocking an older store backs it up (verified) before upgrading; a store whose revision this
version does not know was written by a newer UpwardPrep and is refused rather than guessed at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from upwardprep.store.errors import StoreTooNew

if TYPE_CHECKING:
    from upwardprep.store.engine import Store


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "upwardprep.store:migrations")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(store: Store) -> str | None:
    with store.engine.connect().execution_options(write=False) as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_revision(store: Store) -> bool:
    """True when the store needs upgrading; raises StoreTooNew for an unknown revision."""
    current = current_revision(store)
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreTooNew(
            f"This store was written by a newer version of UpwardPrep (schema {current}). "
            "Install the newer version to open it; nothing was changed."
        )
    return current != script.get_current_head()


def upgrade_to_head(store: Store, *, backup_first: bool) -> None:
    if backup_first:
        from upwardprep.store.backup import create_backup

        create_backup(store, reason="pre-upgrade")
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
