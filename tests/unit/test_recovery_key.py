"""The recovery key: typed back exactly, and a typo named by its group."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from upwardprep.services.recovery_key import ALPHABET, RecoveryKeyError, decode, encode

keys = st.binary(min_size=32, max_size=32)


@settings(deadline=None)
@given(keys)
def test_a_key_reads_back_however_it_is_typed(key: bytes) -> None:
    text = encode(key)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}", text)
    assert decode(text) == key
    sloppy = f"  {text.lower().replace('-', ' ')}\n".replace("1", "l").replace("0", "o")
    assert decode(sloppy) == key
    assert decode(text.replace("-", "")) == key


@settings(max_examples=40, deadline=None)
@given(keys, st.integers(0, 55), st.integers(1, 31))
@example(bytes(28) + b"\x01\x00\n\x00", 54, 1)  # explained as well by a swap in group 12
def test_one_wrong_character_names_its_group(key: bytes, position: int, shift: int) -> None:
    text = encode(key).replace("-", "")
    wrong = ALPHABET[(ALPHABET.index(text[position]) + shift) % 32]
    typed = text[:position] + wrong + text[position + 1 :]
    with pytest.raises(RecoveryKeyError) as raised:
        decode(typed)
    # A swap of two neighbours elsewhere can explain the same sums now and then: the message
    # then names both groups, this one first or second, never a list that leaves it out.
    named = re.match(r"Typo in group ([\d or]+):", str(raised.value))
    assert named, str(raised.value)
    groups = named.group(1).split(" or ")
    assert str(position // 4 + 1) in groups and len(groups) <= 2, str(raised.value)


@settings(max_examples=40, deadline=None)
@given(keys, st.integers(0, 12), st.integers(0, 2))
def test_two_characters_swapped_name_their_group(key: bytes, group: int, offset: int) -> None:
    symbols = list(encode(key).replace("-", ""))
    first = group * 4 + offset
    if symbols[first] == symbols[first + 1]:
        return
    symbols[first], symbols[first + 1] = symbols[first + 1], symbols[first]
    with pytest.raises(RecoveryKeyError) as raised:
        decode("".join(symbols))
    # Another pair of neighbours with the same difference can explain a swap as well: the
    # message then names both groups, this one among them.
    named = re.match(r"Typo in group ([\d or]+):", str(raised.value))
    assert named and str(group + 1) in named.group(1).split(" or ")


def test_what_cannot_be_a_key_says_why() -> None:
    text = encode(bytes(range(32)))
    groups = text.split("-")
    with pytest.raises(RecoveryKeyError, match="Typo in group 5: it has 3 characters"):
        decode("-".join([*groups[:4], groups[4][:3], *groups[5:]]))
    with pytest.raises(RecoveryKeyError, match="Typo in group 2: “U” is not used"):
        decode("-".join([groups[0], "U" + groups[1][1:], *groups[2:]]))
    with pytest.raises(RecoveryKeyError, match="has 52 characters; it has 56"):
        decode("".join(groups[:13]))
    with pytest.raises(RecoveryKeyError, match="empty"):
        decode(" - ")
    swapped = "-".join([groups[1], groups[0], *groups[2:]])
    with pytest.raises(RecoveryKeyError, match="does not add up"):
        decode(swapped)
