"""Typed store errors.

Each carries a sentence a user can act on and the CLI exit code that README documents, so the
GUI, the CLI and the tests agree on what went wrong without parsing SQLite messages.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PassphraseRefused(StoreError):
    """The passphrase cannot be used (empty, or contains a NUL character)."""

    exit_code = 1


class WrongPassphrase(StoreError):
    exit_code = 2


class StoreDamaged(StoreError):
    """The file is an UpwardPrep store, but its pages fail the integrity checks."""

    exit_code = 3

    def __init__(self, message: str, findings: list[str] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []

    def __str__(self) -> str:
        if not self.findings:
            return self.message
        shown = self.findings[:10]
        more = len(self.findings) - len(shown)
        lines = [self.message, "The integrity checks found:"]
        lines += [f"  - {finding}" for finding in shown]
        if more > 0:
            lines.append(f"  - … and {more} more")
        return "\n".join(lines)


class NotAStore(StoreError):
    """The path holds something that is not an UpwardPrep store, or nothing at all."""

    exit_code = 4


class StoreMissing(NotAStore):
    exit_code = 4


class StoreInUse(StoreError):
    exit_code = 5


class StoreTooNew(StoreError):
    """The store was written by a newer UpwardPrep whose schema this version does not know."""

    exit_code = 6


class StoreExists(StoreError):
    """`init` refuses to overwrite an existing file."""

    exit_code = 1


class BackupError(StoreError):
    """A backup or its copy failed to open or to pass its checks."""

    exit_code = 3


class StorageFailed(StoreError):
    """The disk refused: full, read-only, or an I/O error. The transaction was rolled back."""

    exit_code = 7


class StoreHasOtherNames(StoreError):
    """The store file has more than one name (hard links): two programs could each open it
    under its own name, and a restore or a passphrase change (which replace the file) would
    split it in two. Nothing was opened or written."""

    exit_code = 1

    @classmethod
    def for_path(cls, path: object) -> StoreHasOtherNames:
        return cls(
            f"The store {path} has other names (hard links to the same file). UpwardPrep "
            "opens a store under one name only: with two, two programs could write it at once, "
            "and a restore or a passphrase change would split it in two. Remove the other "
            "links (or use a copy), then try again."
        )


class StoreNameTooLong(StoreError):
    """`init` refuses a file name whose backups' names would not fit the file system."""

    exit_code = 1
