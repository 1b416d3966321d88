"""One search over everything: outcome notes (with filters), priorities, people, meetings, open
action items and agenda items.

Ranked by FTS5's bm25 (titles weigh most), each hit with a snippet whose matched words are wrapped
in HIGHLIGHT_START/HIGHLIGHT_END, private-use characters that no user text is expected to hold and
that each front end turns into its own emphasis.

The palette's order (`everything`) puts what the user most likely means first: a person or a
priority whose name matches what was typed (any part of its words, accents aside: the same rule
as every type-to-pick field), then meetings and items whose title matches, then the full-text
hits by bm25, then items that match elsewhere. Notes that merely mention "Dana" come after Dana.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import column, func, literal_column, or_, select, table

from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.services.text_match import WORD_STARTS, match_grade
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    AgendaItem,
    Meeting,
    MeetingStatus,
    Outcome,
    Person,
    Priority,
)
from upwardprep.store.search import build_query

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
SNIPPET_TOKENS = 12
RANK_WINDOW = 1000  # see SearchService.outcomes
ITEMS_SHOWN = 6  # action items, and agenda items, at most in one answer of the palette
RECENT_SHOWN = 8


@dataclass(frozen=True)
class SearchHit:
    entity: str  # "outcome", "priority", "person", "meeting", "action", "agenda"
    id: str
    title: str
    snippet: str
    rank: float
    when: date | None = None  # the note's day, the meeting's, an action's due day
    kind: str | None = None  # outcome kind, priority status, role, meeting kind, action owner
    meeting_id: str | None = None  # an action or agenda item: the meeting that holds it
    person: str | None = None  # a meeting, action or agenda item: with whom

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
        """The search palette: every kind of record, what the user most likely means first
        (see the module docstring)."""
        query = build_query(text)
        if not query:
            return []
        wanted = _plain_words(text)
        named = self._named(wanted)
        named_ids = {hit.id for _order, hit in named}
        ordered: list[tuple[tuple[int, float], SearchHit]] = list(named)
        for hit in self.outcomes(text, limit=limit):
            ordered.append(((2, hit.rank), hit))
        for hit in self._others(query.expression, limit):
            if hit.id in named_ids:
                continue
            grade = match_grade(wanted, hit.title) if hit.entity == "meeting" else None
            if grade is not None and grade <= WORD_STARTS:
                ordered.append(((1, grade), hit))
            else:
                ordered.append(((2, hit.rank), hit))
        for hit in self._items(wanted):
            grade = match_grade(wanted, hit.title)
            tier = 1 if grade is not None and grade <= WORD_STARTS else 3
            ordered.append(((tier, grade if grade is not None else 9), hit))
        ordered.sort(key=lambda entry: entry[0])
        return [hit for _order, hit in ordered[:limit]]

    def recent(self, *, limit: int = RECENT_SHOWN) -> list[SearchHit]:
        """What the user worked on last (notes, priorities, people, meetings by their last
        change): the empty palette's suggestions."""
        kinds = (
            ("outcome", Outcome, Outcome.title, Outcome.occurred_on, Outcome.kind),
            ("priority", Priority, Priority.title, Priority.period_end, Priority.status),
            ("person", Person, Person.name, None, Person.role),
            ("meeting", Meeting, Meeting.title, Meeting.scheduled_at, Meeting.kind),
        )
        found: list[tuple[datetime, SearchHit]] = []
        with self.store.transaction(write=False) as session:
            for entity_name, entity, title, when, kind in kinds:
                columns: list[Any] = [entity.id, title, entity.updated_at, kind]
                columns.append(when if when is not None else literal_column("NULL"))
                statement = (
                    select(*columns)
                    .where(entity.deleted_at.is_(None))
                    .order_by(entity.updated_at.desc())
                    .limit(limit)
                )
                if entity is Meeting:
                    statement = statement.add_columns(Person.name).outerjoin(
                        Person, Person.id == Meeting.person_id
                    )
                row: Any
                for row in session.execute(statement):
                    day = row[4]
                    if isinstance(day, datetime):
                        day = day.astimezone().date()
                    person = row[5] if entity is Meeting else None
                    hit = SearchHit(
                        entity_name, row[0], row[1] or "", "", 0.0, day, row[3], person=person
                    )
                    found.append((row[2], hit))
        found.sort(key=lambda entry: entry[0], reverse=True)
        return [hit for _changed, hit in found[:limit]]

    # -- the parts of `everything` -------------------------------------------------------------

    def _named(self, wanted: str) -> list[tuple[tuple[int, float], SearchHit]]:
        """People and priorities whose name matches: first, the best match first (a person
        before a priority of the same grade)."""
        if not wanted:
            return []
        found: list[tuple[tuple[int, float], SearchHit]] = []
        with self.store.transaction(write=False) as session:
            people = session.execute(
                select(Person.id, Person.name, Person.title, Person.role).where(
                    Person.deleted_at.is_(None)
                )
            )
            for person_id, name, job, role in people:
                grade = match_grade(wanted, name)
                if grade is not None:
                    hit = SearchHit("person", person_id, name, job or "", grade, None, role)
                    found.append(((0, grade), hit))
            priorities = session.execute(
                select(
                    Priority.id,
                    Priority.title,
                    Priority.measure,
                    Priority.status,
                    Priority.period_end,
                ).where(Priority.deleted_at.is_(None))
            )
            for priority_id, title, measure, status, period_end in priorities:
                grade = match_grade(wanted, title)
                if grade is not None:
                    hit = SearchHit(
                        "priority", priority_id, title, measure or "", grade, period_end, status
                    )
                    found.append(((0, grade + 0.5), hit))
        return found

    def _others(self, expression: str, limit: int) -> list[SearchHit]:
        """Full-text hits among priorities, people and meetings."""
        hits: list[SearchHit] = []
        others = (
            ("priority", Priority, Priority.title, "priorities_fts", Priority.period_end),
            ("person", Person, Person.name, "people_fts", None),
            ("meeting", Meeting, Meeting.title, "meetings_fts", Meeting.scheduled_at),
        )
        kinds = {Priority: Priority.status, Person: Person.role, Meeting: Meeting.kind}
        with self.store.transaction(write=False) as session:
            for entity_name, entity, title, fts_name, when in others:
                fts = _fts(fts_name)
                statement = (
                    select(
                        entity.id,
                        title,
                        _snippet(fts_name),
                        fts.c.rank,
                        when if when is not None else literal_column("NULL"),
                        kinds[entity],
                    )
                    .select_from(fts.join(entity, entity.pk == fts.c.rowid))
                    .where(_match(fts_name, expression), entity.deleted_at.is_(None))
                    .order_by(fts.c.rank)
                    .limit(limit)
                )
                if entity is Meeting:
                    statement = statement.add_columns(Person.name).outerjoin(
                        Person, Person.id == Meeting.person_id
                    )
                for row in session.execute(statement):
                    when_value = row[4]
                    if isinstance(when_value, datetime):
                        when_value = when_value.astimezone().date()
                    elif isinstance(when_value, str):
                        when_value = date.fromisoformat(when_value[:10])
                    hits.append(
                        SearchHit(
                            entity_name,
                            row[0],
                            row[1] or "",
                            row[2],
                            row[3],
                            when_value,
                            row[5],
                            person=row[6] if entity is Meeting else None,
                        )
                    )
        return hits

    def _items(self, wanted: str) -> list[SearchHit]:
        """Open action items, and agenda items, whose title matches (every word somewhere)."""
        words = wanted.split()
        if not words:
            return []
        actions: list[SearchHit] = []
        agenda: list[SearchHit] = []
        with self.store.transaction(write=False) as session:
            # Open action items are few: all are matched here (accents aside, as names are).
            open_actions = session.execute(
                select(
                    ActionItem.id,
                    ActionItem.title,
                    ActionItem.due_on,
                    ActionItem.owner,
                    ActionItem.meeting_id,
                    Meeting.scheduled_at,
                    Person.name,
                )
                .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
                .outerjoin(Person, Person.id == Meeting.person_id)
                .where(
                    ActionItem.done_at.is_(None),
                    ActionItem.deleted_at.is_(None),
                    or_(ActionItem.meeting_id.is_(None), Meeting.deleted_at.is_(None)),
                )
                .order_by(ActionItem.created_at.desc())
            )
            for item_id, title, due, owner, meeting_id, _at, person in open_actions:
                if match_grade(wanted, title) is not None and len(actions) < ITEMS_SHOWN:
                    actions.append(
                        SearchHit("action", item_id, title, "", 0.0, due, owner, meeting_id, person)
                    )
            # Agenda items of every meeting: narrowed in SQL first (case-blind for ASCII).
            likes = [
                AgendaItem.title.like(f"%{_like_escape(word)}%", escape="\\") for word in words
            ]
            rows = session.execute(
                select(
                    AgendaItem.id,
                    AgendaItem.title,
                    AgendaItem.section,
                    AgendaItem.meeting_id,
                    Meeting.scheduled_at,
                    Meeting.status,
                    Person.name,
                )
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .outerjoin(Person, Person.id == Meeting.person_id)
                .where(*likes, AgendaItem.deleted_at.is_(None), Meeting.deleted_at.is_(None))
                .order_by((Meeting.status == MeetingStatus.HELD).asc(), Meeting.scheduled_at.desc())
                .limit(ITEMS_SHOWN * 4)
            )
            for item_id, title, section, meeting_id, at, _status, person in rows:
                if match_grade(wanted, title) is not None and len(agenda) < ITEMS_SHOWN:
                    day = at.astimezone().date() if isinstance(at, datetime) else None
                    agenda.append(
                        SearchHit(
                            "agenda", item_id, title, "", 0.0, day, section, meeting_id, person
                        )
                    )
        return actions + agenda


def _plain_words(text: str) -> str:
    """The words a name could match: what was typed, less search syntax (quotes, OR, -word)."""
    words = []
    for word in text.replace('"', " ").split():
        if word in ("OR", "AND") or word.startswith("-"):
            continue
        words.append(word)
    return " ".join(words)


def _like_escape(text: str) -> str:
    """Text for a LIKE pattern with escape "\\": its own % _ and \\ match themselves."""
    return re.sub(r"([\\%_])", r"\\\1", text)
