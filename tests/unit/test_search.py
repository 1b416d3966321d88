"""Full-text search: ranked, with snippets, filtered; any text the user types is a valid query."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.services.search import HIGHLIGHT_END, HIGHLIGHT_START
from upwardprep.store.search import build_query


@pytest.fixture
def filled(services: Services) -> Services:
    dana = services.people.create("Dana Whitfield", role="manager")
    churn = services.priorities.create(
        "Reduce churn", owner_id=dana.id, measure="Logo churn under 2 %"
    )
    services.outcomes.create(
        "Won back twelve accounts",
        priority_ids=[churn.id],
        body="The **renewal** campaign won back twelve accounts.",
        tags=["churn"],
        occurred_on="2026-10-02",
    )
    services.outcomes.create(
        "Renewal playbook adopted by sales",
        body="Sales now runs the playbook on every renewal.",
        occurred_on="2026-11-02",
        kind="progress",
    )
    services.outcomes.create(
        "Café rollout in Zürich",
        body="Ελληνικά και русский текст",
        occurred_on="2026-08-15",
        kind="learning",
        person_id=dana.id,
    )
    services.meetings.create(
        "2026-11-20 10:00",
        title="Renewal review",
        notes="Talked renewal numbers",
        person_id=dana.id,
    )
    return services


def test_ranked_with_title_hits_first_and_snippets(filled: Services) -> None:
    hits = filled.search.outcomes("renewal")
    assert [h.title for h in hits] == [
        "Renewal playbook adopted by sales",
        "Won back twelve accounts",
    ]
    assert all(HIGHLIGHT_START in h.snippet and HIGHLIGHT_END in h.snippet for h in hits)
    assert "[renewal]" in hits[1].snippet_text().lower()


def test_prefix_phrase_exclusion_and_or(filled: Services) -> None:
    assert [h.title for h in filled.search.outcomes("acc")] == ["Won back twelve accounts"]
    assert [h.title for h in filled.search.outcomes('"twelve accounts"')] == [
        "Won back twelve accounts"
    ]
    assert [h.title for h in filled.search.outcomes('"accounts twelve"')] == []
    assert [h.title for h in filled.search.outcomes("renewal -playbook")] == [
        "Won back twelve accounts"
    ]
    assert len(filled.search.outcomes("twelve OR playbook")) == 2


def test_accents_and_scripts_match_without_diacritics(filled: Services) -> None:
    assert [h.title for h in filled.search.outcomes("zurich cafe")] == ["Café rollout in Zürich"]
    assert [h.title for h in filled.search.outcomes("русский")] == ["Café rollout in Zürich"]
    # Case folds for Greek too; FTS5's unicode61 strips Latin diacritics only, so tonos stays.
    assert [h.title for h in filled.search.outcomes("ΕΛΛΗΝΙΚΆ")] == ["Café rollout in Zürich"]


def test_filters_narrow_search(filled: Services) -> None:
    dana = filled.people.find("Dana")
    churn = filled.priorities.find("churn")
    assert [
        h.title for h in filled.search.outcomes("renewal", OutcomeFilter(priority_id=churn.id))
    ] == ["Won back twelve accounts"]
    assert filled.search.outcomes("renewal", OutcomeFilter(person_id=dana.id)) == []
    assert len(filled.search.outcomes("renewal", OutcomeFilter(kinds=("progress",)))) == 1
    assert len(filled.search.outcomes("renewal", OutcomeFilter(tag="churn"))) == 1


def test_everything_covers_people_priorities_meetings(filled: Services) -> None:
    kinds = {h.entity for h in filled.search.everything("renewal")}
    assert kinds == {"outcome", "meeting"}
    assert {h.entity for h in filled.search.everything("whitfield")} == {"person"}
    assert {h.entity for h in filled.search.everything("logo churn")} == {"priority"}


def test_a_name_that_matches_comes_before_notes_that_mention_it(filled: Services) -> None:
    filled.outcomes.create("Dana asked for the churn numbers", body="Dana Dana Dana churn churn")
    filled.people.create("Éloïse Laurent", role="peer")
    hits = filled.search.everything("dana")
    assert (hits[0].entity, hits[0].title) == ("person", "Dana Whitfield")
    assert [h.entity for h in hits[1:]].count("outcome") >= 1
    hits = filled.search.everything("churn")
    assert (hits[0].entity, hits[0].title) == ("priority", "Reduce churn")
    assert filled.search.everything("eloise")[0].title == "Éloïse Laurent"
    assert filled.search.everything("whit")[0].title == "Dana Whitfield"  # part of a word


def test_meetings_carry_their_day_and_person(filled: Services) -> None:
    meeting = next(h for h in filled.search.everything("renewal") if h.entity == "meeting")
    assert meeting.when == filled.meetings.get(meeting.id).scheduled_at.astimezone().date()
    assert meeting.person == "Dana Whitfield"


def test_open_action_items_and_agenda_items_are_found(filled: Services) -> None:
    dana = filled.people.find("Dana")
    meeting = filled.meetings.create("2026-11-27 10:00", person_id=dana.id)
    filled.meetings.add_agenda_item(meeting.id, "Headcount for the Zürich office")
    action = filled.meetings.add_action(meeting.id, "Send the headcount plan", due_on="2026-11-30")
    done = filled.meetings.add_action(meeting.id, "Send the old headcount sheet")
    filled.meetings.set_action_done(done.id)
    hits = filled.search.everything("headcount")
    found = {(h.entity, h.title): h for h in hits}
    assert ("agenda", "Headcount for the Zürich office") in found
    assert ("action", "Send the headcount plan") in found
    assert ("action", "Send the old headcount sheet") not in found  # done
    hit = found[("action", "Send the headcount plan")]
    assert (hit.meeting_id, hit.person, hit.id) == (meeting.id, "Dana Whitfield", action.id)
    assert str(hit.when) == "2026-11-30"
    titles = [h.title for h in hits]
    # a title that starts with the word beats one that has it further in
    assert titles.index("Headcount for the Zürich office") < titles.index("Send the headcount plan")
    assert filled.search.everything("100%_") == []  # LIKE's wildcards are plain text


def test_recent_lists_the_last_changed_records_first(frozen: Services, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    first = frozen.outcomes.create("First note")
    clock.now += timedelta(minutes=5)
    person = frozen.people.create("Priya Raman", role="peer")
    clock.now += timedelta(minutes=5)
    frozen.outcomes.update(first.id, title="First note, edited")
    clock.now += timedelta(minutes=5)
    gone = frozen.priorities.create("Dropped idea")
    frozen.priorities.trash(gone.id)
    recent = frozen.search.recent()
    assert [(h.entity, h.id) for h in recent] == [("outcome", first.id), ("person", person.id)]


NASTY = [
    '"',
    '""',
    "'",
    "NEAR(",
    "NEAR(a b",
    "*",
    "-",
    "--",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "(",
    ")",
    "^",
    "title:x",
    "{title body}: x",
    "a + b",
    "\\",
    "%",
    "_",
    "\x00",
    "a NEAR/3 b",
    '"unterminated',
    "-only",
    "ok*",
    "*ok",
    "é*",
    "🙂",
    "؟",
    "\u200b",
    "x" * 5000,
]


@pytest.mark.parametrize("text", NASTY)
def test_fts_syntax_in_user_text_never_raises(filled: Services, text: str) -> None:
    filled.search.outcomes(text)
    filled.search.everything(text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
    | st.text(alphabet=string.printable + "«»“”–—", max_size=40)
    | st.lists(
        st.sampled_from(
            [
                '"',
                "NEAR(",
                "*",
                "-",
                "AND",
                "OR",
                "NOT",
                "(",
                ")",
                ":",
                "^",
                "word",
                "twelve",
                "accounts",
            ]
        ),
        max_size=8,
    ).map(" ".join)
)
def test_any_text_is_a_valid_query(filled: Services, text: str) -> None:
    filled.search.outcomes(text)


@given(st.text(max_size=80))
def test_built_expressions_are_balanced(text: str) -> None:
    expression = build_query(text).expression
    assert expression.count('"') % 2 == 0
    assert expression.count("(") == expression.count(")")


def test_broad_queries_rank_the_most_recent_window_and_filters_reach_older_notes(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from upwardprep.services import search as search_module
    from upwardprep.services.outcomes import NewOutcome

    monkeypatch.setattr(search_module, "RANK_WINDOW", 5)
    services.outcomes.bulk_import(
        NewOutcome(f"Launch note {n}", f"2026-01-{n + 1:02d}", body="launch " * (20 - n))
        for n in range(12)
    )
    hits = services.search.outcomes("launch")
    assert hits.windowed
    assert not services.search.outcomes("note 3").windowed
    # Only the 5 newest-written matches are ranked; the densest older notes are outside it.
    assert sorted(h.title for h in hits) == sorted(f"Launch note {n}" for n in range(7, 12))
    assert hits[0].title == "Launch note 7"  # best of the window by bm25
    old = services.search.outcomes("launch", OutcomeFilter(date_to=date(2026, 1, 3)))
    assert [h.title for h in old] == ["Launch note 0", "Launch note 1", "Launch note 2"]
