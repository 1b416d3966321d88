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
