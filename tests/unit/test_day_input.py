"""Typed days: the short forms people write, each read against the app's today (never the
calendar's), and a sentence for what cannot be read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.clock import TODAY
from upwardprep.services import ValidationError
from upwardprep.services.day_input import DayReader, Lean, read_day
from upwardprep.services.text_match import best_matches, fold, match_grade, single_match

MONDAY = date(2026, 11, 23)  # weekday arithmetic is checked on a known Monday as well


def next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def last_weekday(today: date, weekday: int) -> date:
    return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)


@pytest.mark.parametrize("today", [TODAY, MONDAY, date(2027, 2, 26), date(2028, 12, 31)])
def test_relative_forms_follow_today(today: date) -> None:
    assert read_day("today", today) == today
    assert read_day("Tomorrow", today) == today + timedelta(days=1)
    assert read_day("yesterday", today) == today - timedelta(days=1)
    assert read_day("+3d", today) == today + timedelta(days=3)
    assert read_day("+ 3 d", today) == today + timedelta(days=3)
    assert read_day("-2w", today) == today - timedelta(days=14)
    assert read_day("in 2 weeks", today) == today + timedelta(days=14)
    assert read_day("3 days ago", today) == today - timedelta(days=3)
    assert read_day("10 days", today) == today + timedelta(days=10)
    assert read_day("fri", today) == next_weekday(today, 4)
    assert read_day("Friday", today) == next_weekday(today, 4)
    assert read_day("tu", today) == next_weekday(today, 1)
    monday = today - timedelta(days=today.weekday())
    assert read_day("next tue", today) == monday + timedelta(days=8)
    assert read_day("this sun", today) == monday + timedelta(days=6)
    assert read_day("last fri", today) == last_weekday(today, 4)
    assert read_day("fri", today, Lean.PAST) == last_weekday(today, 4)


def test_a_weekday_alone_is_never_today() -> None:
    assert read_day("mon", MONDAY) == MONDAY + timedelta(days=7)
    assert read_day("mon", MONDAY, Lean.PAST) == MONDAY - timedelta(days=7)
    assert read_day("fri", MONDAY) == date(2026, 11, 27)
    assert read_day("next tue", MONDAY) == date(2026, 12, 1)


def test_months_are_added_on_the_calendar() -> None:
    assert read_day("+1m", date(2027, 1, 31)) == date(2027, 2, 28)
    assert read_day("+1m", date(2028, 1, 31)) == date(2028, 2, 29)
    assert read_day("-1y", date(2028, 2, 29)) == date(2027, 2, 28)
    assert read_day("next month", date(2026, 12, 15)) == date(2027, 1, 15)


def test_absolute_forms() -> None:
    assert read_day("2026-12-04", MONDAY) == date(2026, 12, 4)
    assert read_day(" 2026-12-04 ", date(2030, 5, 1)) == date(2026, 12, 4)
    assert read_day("1 dec", MONDAY) == date(2026, 12, 1)
    assert read_day("Dec 1", MONDAY) == date(2026, 12, 1)
    assert read_day("1st December", MONDAY) == date(2026, 12, 1)
    assert read_day("december 1, 2027", MONDAY) == date(2027, 12, 1)
    assert read_day("1 dec 27", MONDAY) == date(2027, 12, 1)
    assert read_day("Fri 4 Dec 2026", MONDAY) == date(2026, 12, 4)
    assert read_day("Friday, December 4, 2026", MONDAY) == date(2026, 12, 4)
    assert read_day("4/12", MONDAY) == date(2026, 12, 4)
    assert read_day("4.12.2026", MONDAY) == date(2026, 12, 4)
    assert read_day("2026/12/04", MONDAY) == date(2026, 12, 4)
    assert DayReader(day_first=False).read("12/4/2026", MONDAY) == date(2026, 12, 4)


def test_a_day_without_year_takes_the_year_the_field_leans_to() -> None:
    january = date(2027, 1, 10)
    assert read_day("1 dec", january) == date(2026, 12, 1)  # nearest
    assert read_day("1 dec", january, Lean.FUTURE) == date(2027, 12, 1)
    assert read_day("20 jan", january, Lean.PAST) == date(2026, 1, 20)
    assert read_day("10 jan", january, Lean.FUTURE) == january
    assert read_day("29 feb", january, Lean.FUTURE) == date(2028, 2, 29)


def test_locale_names_are_read_too() -> None:
    german = DayReader(
        month_names={"Dezember": 12, "Dez.": 12, "März": 3},
        weekday_names={"Freitag": 4, "Fr.": 4},
    )
    assert german.read("1. Dez.", MONDAY) == date(2026, 12, 1)
    assert german.read("3 marz", MONDAY) == date(2027, 3, 3)
    assert german.read("freitag", MONDAY) == date(2026, 11, 27)
    assert german.read("1.12.", MONDAY) == date(2026, 12, 1)


def test_empty_text_clears() -> None:
    assert read_day("", MONDAY) is None
    assert read_day("   ", MONDAY) is None


@pytest.mark.parametrize(
    "text", ["soon", "t", "2026-02-30", "31/2", "13/13/2026", "fri fri fri", "1 2 3 dec", "+3x"]
)
def test_unreadable_text_says_what_works(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read_day(text, MONDAY)
    assert "2026-12-04" in str(raised.value) or "calendar" in str(raised.value)


@given(st.text(max_size=40))
def test_any_text_gives_a_day_or_a_sentence(text: str) -> None:
    try:
        read_day(text, MONDAY)
    except ValidationError as error:
        assert str(error)


# -- picking by typing -------------------------------------------------------------------


def test_fold_drops_case_and_accents() -> None:
    assert fold("Éloïse Müller") == "eloise muller"
    assert fold("STRASSE") == fold("Straße")


def test_any_part_of_any_word_in_any_order() -> None:
    title = "Checkout and ledger on Atlas with no customer-visible downtime"
    assert match_grade("atlas", title) is not None
    assert match_grade("DOWNTIME ledger", title) is not None
    assert match_grade("tlas", title) is not None
    assert match_grade("atlas churn", title) is None
    assert match_grade("", title) is None
    assert match_grade("eloise", "Éloïse Laurent") is not None


def test_better_matches_come_first_and_ties_keep_their_order() -> None:
    titles = [
        "Renewal playbook and churn",  # anywhere: "urn" inside words
        "Reduce churn in EMEA",
        "Churn",
        "Churn dashboards",
        "Return on burn",
    ]
    assert best_matches("churn", titles, str) == [
        "Churn",
        "Churn dashboards",
        "Renewal playbook and churn",
        "Reduce churn in EMEA",
    ]
    assert best_matches("urn", titles, str)[-1] == "Return on burn"


def test_single_match_needs_one_meaning() -> None:
    names = ["Dana Whitfield", "Dan Okafor", "Priya Raman"]
    assert single_match("priya", names) == 2
    assert single_match("dan", names) is None  # two people start so
    assert single_match("dan okafor", names) == 1
    assert single_match("zed", names) is None
