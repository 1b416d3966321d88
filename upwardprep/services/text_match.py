"""Matching a few typed letters against names and titles, the way people expect a picker to.

Typing "churn", "CHURN" or "churn ret" finds "Reduce churn by 10 %"; "eloise" finds "Éloïse";
any word of the query may match any part of the title, in any order. Shared by every
type-to-pick field and by the search palette's name ranking, so they agree on what "matches"
means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

_WORD_START = re.compile(r"(?:^|(?<=[^\w]))\w", re.UNICODE)

# How well a name matches, best first.
WHOLE = 0  # the name is the query
PREFIX = 1  # the name starts with the query
WORD_STARTS = 2  # every word of the query starts a word of the name
ANYWHERE = 3  # every word of the query is somewhere in the name


def fold(text: str) -> str:
    """Case and accents dropped: "Éloïse" and "eloise" fold alike (ß and ss too)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_words(query: str) -> list[str]:
    return fold(query).split()


def _word_starts(name: str) -> set[int]:
    return {m.start() for m in _WORD_START.finditer(name)}


def match_grade(query: str, name: str) -> int | None:
    """How well `name` matches `query` (WHOLE … ANYWHERE), or None when it does not.

    An empty query matches nothing: a picker shows every choice for it on its own terms.
    """
    words = query_words(query)
    if not words:
        return None
    folded = fold(name)
    if not all(word in folded for word in words):
        return None
    joined = " ".join(words)
    if " ".join(folded.split()) == joined:
        return WHOLE
    if folded.startswith(joined):
        return PREFIX
    starts = _word_starts(folded)
    if all(_starts_a_word(word, folded, starts) for word in words):
        return WORD_STARTS
    return ANYWHERE


def _starts_a_word(word: str, folded: str, starts: set[int]) -> bool:
    index = folded.find(word)
    while index >= 0:
        if index in starts:
            return True
        index = folded.find(word, index + 1)
    return False


def best_matches(query: str, items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """The items whose name matches, best grade first, in their given order within a grade
    (callers pass them in the order they want ties to keep: rank, recency, name)."""
    graded = []
    for position, item in enumerate(items):
        grade = match_grade(query, name(item))
        if grade is not None:
            graded.append((grade, position, item))
    graded.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _grade, _position, item in graded]


def single_match(query: str, names: Sequence[str]) -> int | None:
    """The index of the one name the query means, or None: a whole match wins; else the
    query must match exactly one name."""
    grades = [match_grade(query, name) for name in names]
    whole = [i for i, grade in enumerate(grades) if grade == WHOLE]
    if len(whole) == 1:
        return whole[0]
    found = [i for i, grade in enumerate(grades) if grade is not None]
    return found[0] if len(found) == 1 else None
