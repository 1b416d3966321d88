"""One search over everything: outcome notes (with filters), priorities, people and meetings.

Ranked by FTS5's bm25 (titles weigh most), each hit with a snippet whose matched words are wrapped
in HIGHLIGHT_START/HIGHLIGHT_END, private-use characters that no user text is expected to hold and
that each front end turns into its own emphasis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import column, func, literal_column, select, table

from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store.engine import Store
from upwardprep.store.entities import Meeting, Outcome, Person, Priority
from upwardprep.store.search import build_query

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
SNIPPET_TOKENS = 12
RANK_WINDOW = 1000  # see SearchService.outcomes


@dataclass(frozen=True)
class SearchHit:
    entity: str  # "outcome", "priority", "person", "meeting"
    id: str
    title: str
    snippet: str
    rank: float
    when: date | None = None
    kind: str | None = None

    def snippet_text(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


class SearchResults(list[SearchHit]):
    """Hits, best first. `windowed`: so many notes matched that only the RANK_WINDOW most
    recently written were ranked; a front end says so, and more words reach older notes."""

    windowed: bool = False


def _fts(name: str) -> Any:
    return table(name, column("rowid"), column("rank"))


def _snippet(fts_name: str) -> Any:
    return func.snippet(
        literal_column(fts_name), -1, HIGHLIGHT_START, HIGHLIGHT_END, "…", SNIPPET_TOKENS
    )


def _match(fts_name: str, expression: str) -> Any:
    return literal_column(fts_name).op("MATCH")(expression)


class SearchService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def outcomes(
        self, text: str, filters: OutcomeFilter | None = None, *, limit: int = 50
    ) -> SearchResults:
        """Outcome notes matching `text` (any text is a valid query) within the filters.

        FTS5 must score every match before it can return the best few, which for a word found
        in most of 100k notes costs over 100 ms. So when more than RANK_WINDOW notes match (after
        the filters), only the RANK_WINDOW most recently written of them are ranked: a broad
        query answers within the latency budget, and narrowing it reaches older notes.
        """
        query = build_query(text)
        if not query:
            return SearchResults()
        filters = filters or OutcomeFilter()
        fts = _fts("outcomes_fts")
        joined = fts.join(Outcome, Outcome.pk == fts.c.rowid)
        where = [_match("outcomes_fts", query.expression), *filters.clauses()]
        # The window's lower rowid bound. Without filters it comes from the index alone (a
        # join per match would cost more than the ranking it saves; notes in the Trash then
        # only count towards the window). With filters, they must decide what counts.
        filtered = filters != OutcomeFilter()
        window_floor = (
            select(fts.c.rowid)
            .select_from(joined if filtered else fts)
            .where(*(where if filtered else where[:1]))
            .order_by(fts.c.rowid.desc())
            .offset(RANK_WINDOW - 1)
            .limit(1)
        )
        with self.store.transaction(write=False) as session:
            floor = session.scalar(window_floor)
            if floor is not None:
                where.append(fts.c.rowid >= floor)
            statement = (
                select(
                    Outcome.id,
                    Outcome.title,
                    _snippet("outcomes_fts"),
                    fts.c.rank,
                    Outcome.occurred_on,
                    Outcome.kind,
                )
                .select_from(joined)
                .where(*where)
                .order_by(fts.c.rank)
                .limit(limit)
            )
            results = SearchResults(
                SearchHit("outcome", *row) for row in session.execute(statement)
            )
        results.windowed = floor is not None
        return results

    def everything(self, text: str, *, limit: int = 30) -> list[SearchHit]:
        """The search palette: every kind of record, best first."""
        query = build_query(text)
        if not query:
            return []
        hits = self.outcomes(text, limit=limit)
        others = (
            (
                "priority",
                Priority,
                Priority.title,
                "priorities_fts",
                Priority.period_end,
                Priority.status,
            ),
            ("person", Person, Person.name, "people_fts", None, Person.role),
            (
                "meeting",
                Meeting,
                Meeting.title,
                "meetings_fts",
                func.date(Meeting.scheduled_at),
                Meeting.kind,
            ),
        )
        with self.store.transaction(write=False) as session:
            for entity_name, entity, title, fts_name, when, kind in others:
                fts = _fts(fts_name)
                statement = (
                    select(
                        entity.id,
                        title,
                        _snippet(fts_name),
                        fts.c.rank,
                        when if when is not None else literal_column("NULL"),
                        kind,
                    )
                    .select_from(fts.join(entity, entity.pk == fts.c.rowid))
                    .where(_match(fts_name, query.expression), entity.deleted_at.is_(None))
                    .order_by(fts.c.rank)
                    .limit(limit)
                )
                for row in session.execute(statement):
                    when_value = row[4]
                    if isinstance(when_value, str):
                        when_value = date.fromisoformat(when_value)
                    hits.append(
                        SearchHit(
                            entity_name,
                            row[0],
                            row[1] or "(untitled)",
                            row[2],
                            row[3],
                            when_value,
                            row[5],
                        )
                    )
        hits.sort(key=lambda hit: hit.rank)
        return hits[:limit]
