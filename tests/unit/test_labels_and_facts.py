"""Domain rules live in services once: the words for codes, and the facts documents print."""

from __future__ import annotations

import ast
import enum
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import row_hashes
from tests.unit.conftest import NOW, FrozenClock
from upwardprep.export.documents import build_brief, build_packet
from upwardprep.services import Services, ValidationError
from upwardprep.services import labels as words
from upwardprep.services.settings import account_name
from upwardprep.store.engine import Store

PACKAGE = Path(__file__).resolve().parents[2] / "upwardprep"
TABLES: list[tuple[dict[enum.StrEnum, str], type[enum.StrEnum]]] = [
    (words.OUTCOME_KIND_LABELS, words.OutcomeKind),  # type: ignore[list-item]
    (words.OUTCOME_KIND_CHOICES, words.OutcomeKind),  # type: ignore[list-item]
    (words.ROLE_LABELS, words.Role),  # type: ignore[list-item]
    (words.ROLE_PLURALS, words.Role),  # type: ignore[list-item]
    (words.PRIORITY_STATUS_LABELS, words.PriorityStatus),  # type: ignore[list-item]
    (words.MEETING_KIND_LABELS, words.MeetingKind),  # type: ignore[list-item]
    (words.CYCLE_KIND_LABELS, words.CycleKind),  # type: ignore[list-item]
    (words.ACTION_OWNER_LABELS, words.ActionOwner),  # type: ignore[list-item]
]


def test_every_code_has_its_words() -> None:
    for table, kind in TABLES:
        assert set(table) == set(kind), kind.__name__
        assert all(text.strip() for text in table.values()), kind.__name__
    assert words.label_of(words.PRIORITY_STATUS_LABELS, "at-risk") == "At risk"
    assert words.label_of(words.PRIORITY_STATUS_LABELS, "paused") == "paused"  # a newer code
    assert words.meeting_kind_noun("other") == "Meeting"
    assert words.meeting_kind_noun("alignment") == "Alignment check"


def _modules() -> list[Path]:
    return [
        path
        for path in PACKAGE.rglob("*.py")
        if (PACKAGE / "gui" / "forms") not in path.parents and path.name != "labels.py"
    ]


def test_the_words_are_written_down_once() -> None:
    """No second copy of a label table: the distinctive words appear only in services.labels."""
    distinctive = {
        text
        for table, _kind in TABLES
        for text in table.values()
        if (" " in text or "-" in text) and text != "Someone else"
    }
    assert {"Feedback received", "Direct report", "At risk", "Promotion case"} <= distinctive
    copies = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value!r}"
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in distinctive
    ]
    assert copies == []


def test_the_gui_takes_codes_and_words_from_services() -> None:
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            names = {alias.name for alias in node.names}
            if node.module == "upwardprep.store.entities" or (
                node.module.startswith("upwardprep.gui") and any("LABEL" in n for n in names)
            ):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {node.module}")
    assert offenders == []


# -- the facts documents print -----------------------------------------------------------------


@pytest.fixture
def dana_meeting(frozen: Services, clock: FrozenClock) -> tuple[str, str]:
    """Dana's priority confirmed ten days ago, and a 1:1 with her tomorrow (no agenda)."""
    dana = frozen.people.create("Dana Whitfield", role="manager")
    clock.now = NOW - timedelta(days=40)
    churn = frozen.priorities.create("Cut churn", owner_id=dana.id, status="at-risk")
    clock.now = NOW - timedelta(days=10)
    frozen.priorities.confirm(churn.id)
    clock.now = NOW
    meeting = frozen.meetings.create(NOW + timedelta(days=1), person_id=dana.id)
    return meeting.id, churn.id


def _brief_text(services: Services, meeting_id: str, tmp_path: Path, **options: object) -> str:
    out = tmp_path / "brief.md"
    build_brief(services, meeting_id, out, fmt="md", author="Alex", **options)  # type: ignore[arg-type]
    return out.read_text("utf-8")


def test_the_brief_follows_the_stale_days_setting(
    frozen: Services, dana_meeting: tuple[str, str], tmp_path: Path
) -> None:
    meeting_id, churn_id = dana_meeting
    (fact,) = frozen.briefs.facts_for(meeting_id).priorities
    assert (fact.stale, fact.days_unconfirmed, fact.owner) == (False, 10, "Dana Whitfield")
    text = _brief_text(frozen, meeting_id, tmp_path)
    assert "10 days ago" not in text and "Confirm “Cut churn”" not in text
    assert "(Dana Whitfield, At risk)" in text  # the status's words, not its code

    frozen.settings.set_stale_days(5)  # the user's setting, kept in the store
    assert frozen.briefs.facts_for(meeting_id).stale[0].priority.id == churn_id
    text = _brief_text(frozen, meeting_id, tmp_path)
    assert "· 10 days ago" in text
    # The callout proposes the confirmation, to the priority's owner (an ask, as Markdown).
    asked = "1. Confirm “Cut churn” still holds (last confirmed 10 days ago) — Dana Whitfield"
    assert asked in text

    # The app passes its own preference; it wins over the store's.
    text = _brief_text(frozen, meeting_id, tmp_path, stale_days=30)
    assert "10 days ago" not in text and "Confirm “Cut churn”" not in text
    text = _brief_text(frozen, meeting_id, tmp_path, stale_days=9)
    assert "· 10 days ago" in text


def test_the_packet_says_statuses_and_kinds_in_words(
    frozen: Services, dana_meeting: tuple[str, str], tmp_path: Path
) -> None:
    _meeting_id, churn_id = dana_meeting
    frozen.outcomes.create("Churn 1.6 %", occurred_on="2026-11-10", priority_ids=[churn_id])
    cycle = frozen.reviews.create(
        "H2 self-review", period_start="2026-07-01", period_end="2026-12-31"
    )
    out = build_packet(frozen, cycle.id, tmp_path / "packet.md", fmt="md", author="Alex").path
    text = out.read_text("utf-8")
    assert "Self-review" in text and "Self review" not in text
    assert "Dana Whitfield · At risk ·" in text and "at-risk" not in text


def test_settings_your_name_and_stale_days(frozen: Services, store: Store) -> None:
    assert frozen.settings.your_name() == ""
    assert frozen.settings.author() == account_name()
    frozen.settings.set_your_name("  Alex   Ørsted ")
    assert frozen.settings.your_name() == "Alex Ørsted"
    assert frozen.settings.author() == "Alex Ørsted"
    assert frozen.settings.stale_days() == 21
    frozen.settings.set_stale_days(30)
    assert frozen.settings.stale_days() == 30
    before = row_hashes(store)
    for days in (0, 3651):
        with pytest.raises(ValidationError, match="1 to 3650 days"):
            frozen.settings.set_stale_days(days)
    with pytest.raises(ValidationError, match="200"):
        frozen.settings.set_your_name("x" * 201)
    assert row_hashes(store) == before
    frozen.settings.set_your_name("")
    assert frozen.settings.author() == account_name()


def test_the_account_name_is_never_the_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def account(gecos: str, login: str = "root") -> str:
        entry = pwd.struct_passwd((login, "x", 0, 0, gecos, "/root", "/bin/sh"))
        monkeypatch.setattr(pwd, "getpwuid", lambda uid: entry)
        return account_name()

    assert account("root") == "" and account("") == "" and account("ROOT,,,") == ""
    assert account("Alex Ørsted,Room 4,,") == "Alex Ørsted"
    assert account("Alex Ørsted", login="alex") == "Alex Ørsted"
