"""The recovery key of an Emergency Kit: the store's raw 256-bit key, written to be typed.

The key is written in Crockford's base 32 (digits and capitals without I, L, O and U, so nothing
looks like anything else; a typed I or L reads as 1, an O as 0, case does not matter) in 13
groups of four, followed by a fourteenth, the checksum group. The checksum group holds three
sums over the key's symbols modulo 37 (plain, weighted by the group's number, and weighted by the
place in the group) and 2 bits of the key's SHA-256. A symbol typed wrong changes the first two
sums in a way that names its group, so the message can say "typo in group 6" rather than "wrong
key"; two neighbours swapped change the third. A key that passes the check but is not this
store's is refused when it does not open the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from upwardprep.services.common import ValidationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
VALUE.update({"O": 0, "I": 1, "L": 1})
KEY_BYTES = 32
GROUP = 4
DATA_GROUPS = 13  # 52 symbols: 260 bits, the key's 256 and four zero bits
GROUPS = DATA_GROUPS + 1
PRIME = 37  # above 32, so a changed symbol always changes both sums


@dataclass(frozen=True)
class KitFacts:
    """What an Emergency Kit prints (export/kit.py draws it)."""

    store_name: str
    store_path: Path
    made_on: date
    recovery_key: str  # "XXXX-XXXX-…", 14 groups


class RecoveryKeyError(ValidationError):
    """A typed recovery key that cannot be right; the message says where to look."""


def _symbols_of(key: bytes) -> list[int]:
    number = int.from_bytes(key, "big") << 4  # four zero bits fill the last symbol
    return [(number >> (5 * (51 - index))) & 31 for index in range(DATA_GROUPS * GROUP)]


def _key_of(symbols: list[int]) -> bytes | None:
    number = 0
    for value in symbols:
        number = (number << 5) | value
    if number & 0xF:
        return None  # the four filling bits are not zero: the last group is wrong
    return (number >> 4).to_bytes(KEY_BYTES, "big")


def _check_group(symbols: list[int]) -> list[int] | None:
    key = _key_of(symbols)
    if key is None:
        return None
    plain, by_group, by_place = _sums(symbols)
    digest = hashlib.sha256(key).digest()[0] >> 6
    bits = (plain << 14) | (by_group << 8) | (by_place << 2) | digest
    return [(bits >> shift) & 31 for shift in (15, 10, 5, 0)]


def encode(key: bytes) -> str:
    """The key as 14 groups of four symbols, joined by hyphens."""
    if len(key) != KEY_BYTES:
        raise ValueError("a recovery key is 32 bytes")
    symbols = _symbols_of(key)
    check = _check_group(symbols)
    assert check is not None
    text = "".join(ALPHABET[value] for value in symbols + check)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def groups(text: str) -> list[str]:
    return text.split("-")


def decode(text: str) -> bytes:
    """The key from what the user typed; RecoveryKeyError naming the group with the typo."""
    cleaned = text.strip().upper()
    parts = [part for part in re.split(r"[\s\-–—_.,]+", cleaned) if part]
    if not parts:
        raise RecoveryKeyError("The recovery key is empty.")
    if len(parts) == GROUPS:
        for number, part in enumerate(parts, start=1):
            if len(part) != GROUP:
                raise RecoveryKeyError(
                    f"Typo in group {number}: it has {len(part)} characters, not {GROUP}."
                )
    joined = "".join(parts)
    for index, symbol in enumerate(joined):
        if symbol not in VALUE:
            number = index // GROUP + 1
            raise RecoveryKeyError(
                f"Typo in group {number}: “{symbol}” is not used in recovery keys."
            )
    if len(joined) != GROUPS * GROUP:
        raise RecoveryKeyError(
            f"The recovery key has {len(joined)} characters; it has {GROUPS * GROUP} "
            f"({GROUPS} groups of {GROUP})."
        )
    values = [VALUE[symbol] for symbol in joined]
    data, check = values[: DATA_GROUPS * GROUP], values[DATA_GROUPS * GROUP :]
    if _check_group(data) == check:
        key = _key_of(data)
        assert key is not None
        return key
    suspects = _suspects(data, check)
    if len(suspects) == 1:
        raise RecoveryKeyError(
            f"Typo in group {suspects[0]}: the key does not add up. Check that group "
            "against the kit."
        )
    if suspects:
        listed = " or ".join(str(number) for number in suspects)
        raise RecoveryKeyError(f"Typo in group {listed}: the key does not add up.")
    raise RecoveryKeyError(
        "The recovery key does not add up: more than one character is wrong. Check every "
        "group against the kit."
    )


def _variants(group: list[int]) -> list[list[int]]:
    """Every group one slip away: one symbol changed, or two neighbours swapped."""
    found = []
    for position, value in enumerate(group):
        for other in range(32):
            if other != value:
                found.append([*group[:position], other, *group[position + 1 :]])
    for position in range(len(group) - 1):
        swapped = list(group)
        swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
        if swapped != group:
            found.append(swapped)
    return found


def _sums(symbols: list[int]) -> tuple[int, int, int]:
    plain = sum(symbols) % PRIME
    by_group = sum((index // GROUP + 1) * value for index, value in enumerate(symbols)) % PRIME
    by_place = sum((index % GROUP + 1) * value for index, value in enumerate(symbols)) % PRIME
    return plain, by_group, by_place


def _suspects(data: list[int], check: list[int]) -> list[int]:
    """The groups in which one slip explains the mismatch.

    A changed symbol moves the three sums by known amounts, so the search over every single
    change is arithmetic; only the few changes that fit the sums are checked in full.
    """
    bits = 0
    for value in check:
        bits = (bits << 5) | value
    wanted = ((bits >> 14) & 63, (bits >> 8) & 63, (bits >> 2) & 63)
    plain, by_group, by_place = _sums(data)
    suspects: set[int] = set()
    for index, value in enumerate(data):
        group, place = index // GROUP + 1, index % GROUP + 1
        for other in range(32):
            change = other - value
            if change == 0 or (plain + change) % PRIME != wanted[0]:
                continue
            if (by_group + group * change) % PRIME != wanted[1]:
                continue
            if (by_place + place * change) % PRIME != wanted[2]:
                continue
            candidate = [*data[:index], other, *data[index + 1 :]]
            if _check_group(candidate) == check:
                suspects.add(group)
        if place < GROUP and index + 1 < len(data):
            swapped = list(data)
            swapped[index], swapped[index + 1] = swapped[index + 1], swapped[index]
            if swapped != data and _check_group(swapped) == check:
                suspects.add(group)
    expected = _check_group(data)
    if expected is not None and expected in _variants(check):
        suspects.add(GROUPS)
    return sorted(suspects)
