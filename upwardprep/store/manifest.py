"""What a backup holds, recorded when it is made, so that a restore drill can prove it later.

For each table: how many rows it had and a SHA-256 of its rows in rowid order, read in the same
read transaction as the copy (so the record and the copy are the same moment of the store). The
record is kept beside the backup as `<backup>.manifest`, sealed with a key derived from the
store's key: it reveals neither the counts nor the content to someone who has only the files,
and it cannot be forged to match a damaged copy. A drill opens the backup, counts and hashes it
again, and compares.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.keys import StoreKey

SUFFIX = ".manifest"
VERSION = 1
_LABEL = b"upwardprep backup manifest v1"

Digests = dict[str, tuple[int, str]]  # table -> (rows, sha256 of the rows)


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SUFFIX)


def content_tables(conn: sqlcipher.Connection) -> list[str]:
    """The tables that hold records: not SQLite's own, not the search index (derived)."""
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' ORDER BY name"
        )
    ]


def table_digests(conn: sqlcipher.Connection) -> Digests:
    """Rows and a content hash per table, from one keyed connection (inside its transaction)."""
    digests: Digests = {}
    for table in content_tables(conn):
        digest = hashlib.sha256()
        count = 0
        quoted = '"' + table.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):
            digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
            digest.update(b"\n")
            count += 1
        digests[table] = (count, digest.hexdigest())
    return digests


def _seal_key(key: StoreKey) -> bytes:
    return key.derive_label(_LABEL)


def _seal(key: bytes, table: str, rows: int, content: str) -> str:
    message = f"{table}\n{rows}\n{content}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def write_manifest(backup: Path, key: StoreKey, digests: Digests) -> Path:
    """The sealed record beside `backup`: 0600, written whole (temporary name, then renamed)."""
    seal_key = _seal_key(key)
    record = {
        "version": VERSION,
        "tables": {
            table: _seal(seal_key, table, rows, content)
            for table, (rows, content) in sorted(digests.items())
        },
    }
    target = manifest_path(backup)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(record, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


@dataclass(frozen=True)
class ManifestCheck:
    recorded: bool  # False: no (readable) record beside the backup
    tables: dict[str, int]  # rows per table found in the backup
    mismatched: tuple[str, ...]  # tables whose rows or content differ from the record

    @property
    def matches(self) -> bool:
        return self.recorded and not self.mismatched


def check_manifest(backup: Path, key: StoreKey, digests: Digests) -> ManifestCheck:
    """Compare what a backup holds now (`digests`) with what was recorded when it was made."""
    rows = {table: count for table, (count, _content) in digests.items()}
    try:
        record = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        sealed = record["tables"]
        if record.get("version") != VERSION or not isinstance(sealed, dict):
            raise ValueError
    except (OSError, ValueError, KeyError, TypeError):
        return ManifestCheck(False, rows, ())
    seal_key = _seal_key(key)
    names = set(sealed) | set(digests)
    mismatched = []
    for table in sorted(names):
        if table not in digests or table not in sealed:
            mismatched.append(table)
            continue
        count, content = digests[table]
        if not hmac.compare_digest(str(sealed[table]), _seal(seal_key, table, count, content)):
            mismatched.append(table)
    return ManifestCheck(True, rows, tuple(mismatched))
