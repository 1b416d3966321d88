"""How kinds, roles and statuses read, on screen and on paper: the one copy.

The store keeps stable codes ("at-risk", "feedback-received"); whatever a person reads says them
with these words, so a list, its picker, the dashboard and a printed brief agree. The enums are
re-exported here so that the GUI and the documents name them without reaching into the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from upwardprep.store.entities import (
    ActionOwner,
    CycleKind,
    MeetingKind,
    MeetingStatus,
    OutcomeKind,
    PriorityStatus,
    Role,
)

__all__ = [
    "ACTION_OWNER_LABELS",
    "CYCLE_KIND_LABELS",
    "FEEDBACK_KINDS",
    "MEETING_KIND_LABELS",
    "OPEN_STATUSES",
    "OUTCOME_KIND_CHOICES",
    "OUTCOME_KIND_LABELS",
    "PRIORITY_STATUS_LABELS",
    "ROLE_LABELS",
    "ROLE_PLURALS",
    "UPWARD_ROLES",
    "ActionOwner",
    "CycleKind",
    "MeetingKind",
    "MeetingStatus",
    "OutcomeKind",
    "PriorityStatus",
    "Role",
    "cadence_text",
    "label_of",
    "meeting_kind_noun",
]

OUTCOME_KIND_LABELS: dict[OutcomeKind, str] = {
    OutcomeKind.WIN: "Win",
    OutcomeKind.PROGRESS: "Progress",
    OutcomeKind.RISK: "Risk",
    OutcomeKind.FEEDBACK_RECEIVED: "Feedback received",
    OutcomeKind.FEEDBACK_GIVEN: "Feedback given",
    OutcomeKind.DECISION: "Decision",
    OutcomeKind.LEARNING: "Learning",
}
# Where the user picks a kind to log, the risk kind says it also holds blockers (PRODUCT.md:
# "risks/blockers are outcome notes of kind risk"); a list of notes says "Risk".
OUTCOME_KIND_CHOICES: dict[OutcomeKind, str] = {
    **OUTCOME_KIND_LABELS,
    OutcomeKind.RISK: "Risk or blocker",
}
FEEDBACK_KINDS = (OutcomeKind.FEEDBACK_RECEIVED, OutcomeKind.FEEDBACK_GIVEN)

ROLE_LABELS: dict[Role, str] = {
    Role.MANAGER: "Manager",
    Role.SKIP_LEVEL: "Skip-level",
    Role.REPORT: "Direct report",
    Role.PEER: "Peer",
    Role.STAKEHOLDER: "Stakeholder",
}
ROLE_PLURALS: dict[Role, str] = {role: f"{text}s" for role, text in ROLE_LABELS.items()}
# Managing up: the people whose priorities the user's work is aligned to.
UPWARD_ROLES = (Role.MANAGER, Role.SKIP_LEVEL)

PRIORITY_STATUS_LABELS: dict[PriorityStatus, str] = {
    PriorityStatus.ACTIVE: "Active",
    PriorityStatus.AT_RISK: "At risk",
    PriorityStatus.DONE: "Done",
    PriorityStatus.DROPPED: "Dropped",
}
OPEN_STATUSES = (PriorityStatus.ACTIVE, PriorityStatus.AT_RISK)

MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.ONE_ON_ONE: "1:1",
    MeetingKind.SKIP_LEVEL: "Skip-level",
    MeetingKind.ALIGNMENT: "Alignment check",
    MeetingKind.REVIEW: "Review",
    MeetingKind.OTHER: "Other",
}

CYCLE_KIND_LABELS: dict[CycleKind, str] = {
    CycleKind.SELF_REVIEW: "Self-review",
    CycleKind.MID_YEAR: "Mid-year",
    CycleKind.ANNUAL: "Annual",
    CycleKind.PROMOTION: "Promotion case",
}

# Who owns an action item, as the meeting editor's picker says it (documents name the people).
ACTION_OWNER_LABELS: dict[ActionOwner, str] = {
    ActionOwner.ME: "Me",
    ActionOwner.THEM: "Them",
    ActionOwner.PERSON: "Someone else",
}


def label_of(labels: Mapping[Any, str], code: str) -> str:
    """The words for a code, or the code itself for a value a later version added."""
    return labels.get(code, code)


def meeting_kind_noun(kind: str) -> str:
    """The kind as the head of "… with Dana": an "other" meeting is a meeting."""
    return "Meeting" if kind == MeetingKind.OTHER else label_of(MEETING_KIND_LABELS, kind)


def cadence_text(days: int | None) -> str:
    """A 1:1 cadence in words: "every day", "every week", "every 2 weeks", "every 10 days";
    "" for no regular 1:1."""
    if not days:
        return ""
    if days == 1:
        return "every day"
    if days % 7 == 0:
        weeks = days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return f"every {days} days"
