"""Schema versions through Alembic, run on a keyed connection.

The open sequence (store/opening.py) backs an older store up before it calls `upgrade`; a store
whose revision this version does not know was written by a newer UpwardPrep and is refused rather
than guessed at. Alembic itself is only imported when the store is not at SCHEMA_HEAD: an
up-to-date store opens without paying for it (a test keeps SCHEMA_HEAD equal to the newest
migration).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.database import make_engine, raw_connect
from upwardprep.store.errors import NotAStore, StoreTooNew
from upwardprep.store.keys import StoreKey

if TYPE_CHECKING:
    from alembic.config import Config


SCHEMA_HEAD = "0004"


class _RawSource(Protocol):
    def raw(self) -> contextlib.AbstractContextManager[sqlcipher.Connection]: ...


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


def current_revision(store: _RawSource) -> str | None:
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


def needs_upgrade(path: Path, key: StoreKey) -> bool:
    """check_known_revision on a fresh connection to the file (read only)."""
    conn = raw_connect(path, key)
    try:
        return check_known_revision(conn)
    finally:
        conn.close()


@contextlib.contextmanager
def _one_connection_engine(path: Path, key: StoreKey) -> Iterator[Any]:
    from sqlalchemy.pool import NullPool

    engine = make_engine(lambda: raw_connect(path, key, verify=False), poolclass=NullPool)
    try:
        yield engine
    finally:
        engine.dispose()


def upgrade(path: Path, key: StoreKey) -> None:
    """Run every migration up to the head, in one transaction (a crash rolls it all back)."""
    from alembic import command

    config = alembic_config()
    with _one_connection_engine(path, key) as engine, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
