"""Passphrase handling.

We derive SQLCipher 4's page key ourselves (PBKDF2-HMAC-SHA512, 256,000 iterations, the salt in
the first 16 bytes of the file) and hand SQLCipher the raw key. That is byte-for-byte what
SQLCipher would derive from the passphrase, so the file still opens with the passphrase in any
SQLCipher tool, but: the passphrase never goes into an SQL string (no quoting pitfalls), it is not
kept in memory after unlocking, and background connections skip the deliberately slow KDF.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata

from upwardprep.store.errors import PassphraseRefused

KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
MAX_PASSPHRASE_BYTES = 64 * 1024


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC-normalise so the same passphrase typed on macOS (NFD) and elsewhere (NFC) agrees."""
    if passphrase is None or passphrase == "":
        raise PassphraseRefused("The passphrase is empty. Choose one you can remember.")
    if "\x00" in passphrase:
        raise PassphraseRefused("The passphrase contains a NUL character, which cannot be used.")
    data = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    if len(data) > MAX_PASSPHRASE_BYTES:
        raise PassphraseRefused("The passphrase is longer than 64 KB.")
    return data


def derive_key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac(
        "sha512", normalize_passphrase(passphrase), salt, KDF_ITERATIONS, KEY_BYTES
    )


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


class StoreKey:
    """The raw key material for one store: key plus the salt it was derived with."""

    __slots__ = ("_key", "_salt")

    def __init__(self, key: bytes, salt: bytes) -> None:
        self._key = key
        self._salt = salt

    @classmethod
    def from_passphrase(cls, passphrase: str, salt: bytes) -> StoreKey:
        return cls(derive_key(passphrase, salt), salt)

    @property
    def salt(self) -> bytes:
        return self._salt

    def raw_key(self) -> bytes:
        """The 256-bit key itself, for the Emergency Kit's recovery key and nothing else: it
        opens the store (and its backups) without the passphrase."""
        return self._key

    def derive_label(self, label: bytes) -> bytes:
        """A key for another purpose (sealing a backup's manifest), that reveals nothing of
        this one."""
        return hmac.new(self._key, label, hashlib.sha256).digest()

    def pragma_value(self) -> str:
        """The `PRAGMA key` literal: hex only, so nothing the user typed reaches the SQL."""
        return f"\"x'{self._key.hex()}{self._salt.hex()}'\""

    def __repr__(self) -> str:  # never show key material in logs or tracebacks
        return "StoreKey(<hidden>)"
