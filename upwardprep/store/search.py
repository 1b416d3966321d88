"""FTS5 query building.

Whatever the user types is turned into an FTS5 expression we build ourselves from its words, so
FTS5's own syntax in user text (quotes, NEAR(, *, -, AND, column filters) can never raise. What we
do honour, because people type it into search boxes everywhere: "quoted phrases", a leading `-` to
exclude a word, OR between words, and a prefix match on the last word (search-as-you-type).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.entities import FTS_TABLES

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 32
# Shorter words are matched whole: "a*" would match nearly every note (and is the slowest
# query there is) while telling the user nothing.
MIN_PREFIX = 2


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass(frozen=True)
class FtsQuery:
    expression: str  # empty when the text has no searchable words

    def __bool__(self) -> bool:
        return bool(self.expression)


def build_query(text: str, *, prefix_last: bool = True) -> FtsQuery:
    """Turn free text into a safe FTS5 MATCH expression (see module docstring)."""
    positives: list[str] = []
    negatives: list[str] = []
    pending_or = False
    last_plain_index: int | None = None
    for match in _TOKEN.finditer(text or ""):
        negate_phrase, phrase, bare = match.groups()
        if bare == "OR" and positives:
            pending_or = True
            continue
        if bare == "AND":  # words are joined by AND already
            continue
        negate = bool(negate_phrase) or (bare is not None and bare.startswith("-"))
        source = phrase if phrase is not None else bare.lstrip("-")
        words = _WORD.findall(source)
        if not words:
            continue
        term = _quote(" ".join(words))
        if negate:
            negatives.append(term)
            continue
        if pending_or and positives:
            positives[-1] = f"({positives[-1]} OR {term})"
            last_plain_index = None
        else:
            positives.append(term)
            last_plain_index = len(positives) - 1 if phrase is None else None
        pending_or = False
        if len(positives) >= MAX_TERMS:
            break
    if not positives:
        return FtsQuery("")
    end_of_text = bool(text) and not text[-1].isspace()
    last_word = positives[-1].strip('"')
    if (
        prefix_last
        and end_of_text
        and last_plain_index == len(positives) - 1
        and (len(last_word) >= MIN_PREFIX)
    ):
        positives[-1] += "*"
    expression = " AND ".join(positives)
    for term in negatives[:MAX_TERMS]:
        expression = f"({expression}) NOT {term}"
    return FtsQuery(expression)


def fts_findings(conn: sqlcipher.Connection) -> list[str]:
    """FTS5's own integrity check: the index agrees with the rows it was built from."""
    findings = []
    for table in FTS_TABLES:
        fts = f"{table}_fts"
        try:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except sqlcipher.Error as error:
            findings.append(f"{fts}: {error}")
    return findings


def rebuild_indexes(conn: sqlcipher.Connection) -> None:
    for table in FTS_TABLES:
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
