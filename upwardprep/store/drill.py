"""The restore drill: prove that a backup would restore, without restoring it.

A backup passes when it opens with the store's key, passes SQLite's and SQLCipher's integrity
checks, and holds the same records as the store did when it was made: every table's row count
and content hash match the sealed record written beside it (store/manifest.py). The backup is
opened read-only and never changed, so a drill can run as often as the user likes, on a
read-only or removable drive too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.backup import BackupInfo
from upwardprep.store.database import classify_file, integrity_findings, read_only_connect
from upwardprep.store.errors import StoreError
from upwardprep.store.keys import StoreKey
from upwardprep.store.manifest import check_manifest, table_digests


@dataclass(frozen=True)
class DrillResult:
    path: Path
    created: datetime
    reason: str
    problem: str  # "" when the backup passed; else a sentence saying what failed
    tables: int = 0  # tables compared with the record
    records: int = 0  # rows across those tables

    @property
    def good(self) -> bool:
        return not self.problem


def drill(backup: BackupInfo, key: StoreKey) -> DrillResult:
    """Open `backup` with the store's `key` and compare it with its record."""

    def failed(problem: str) -> DrillResult:
        return DrillResult(backup.path, backup.created, backup.reason, problem)

    try:
        salt = classify_file(backup.path)
    except StoreError as error:
        return failed(f"it is not a store any more: {error}")
    except OSError as error:
        return failed(f"it cannot be read: {error.strerror}")
    if salt != key.salt:
        return failed(
            "it was made under an earlier passphrase, so this store's key does not open it"
        )
    try:
        conn = read_only_connect(backup.path, key)
    except sqlcipher.DatabaseError as error:
        return failed(f"it does not open ({error})")
    try:
        findings = integrity_findings(conn)
        if findings:
            shown = "; ".join(findings[:3])
            return failed(f"it fails its integrity checks ({shown})")
        digests = table_digests(conn)
    except sqlcipher.DatabaseError as error:
        return failed(f"it cannot be read to the end ({error})")
    finally:
        conn.close()
    check = check_manifest(backup.path, key, digests)
    if not check.recorded:
        return failed(
            "there is no record of what it held (it was made before an upgrade or a restore, "
            "or by an older version), so it cannot be compared"
        )
    if check.mismatched:
        return failed(
            "it does not hold what the store held when it was made ("
            + ", ".join(check.mismatched[:5])
            + ")"
        )
    return DrillResult(
        backup.path,
        backup.created,
        backup.reason,
        "",
        tables=len(digests),
        records=sum(rows for rows, _content in digests.values()),
    )


def drill_newest(backups: list[BackupInfo], key: StoreKey) -> list[DrillResult]:
    """Drill from the newest backup back until one passes: the results, newest first (the last
    is the newest good backup, unless none passed)."""
    results: list[DrillResult] = []
    for backup in sorted(backups, key=lambda info: info.created, reverse=True):
        result = drill(backup, key)
        results.append(result)
        if result.good:
            break
    return results
