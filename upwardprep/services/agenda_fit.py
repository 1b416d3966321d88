"""Fitting a draft to the meeting: one item per topic, the most important first, the rest under
"If time allows".

Two candidates are about the same topic when they serve the same priority or name each other
(two words of substance in common: "load balancer"). A topic becomes one item: the candidate
that matters most, with the others as sub-points. A topic the user already has on the agenda
(an item of their own, one they edited, one already discussed) is theirs: nothing is drafted
beside it. Then the items are taken in order of importance while the meeting's minutes last;
the rest wait under "If time allows", where the planned minutes do not count them. Only the
user's own items can make the agenda longer than the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from upwardprep.services.agenda_merge import PARKED_RANK, Current, Draft
from upwardprep.services.agenda_text import clip
from upwardprep.services.meetings import IF_TIME_ALLOWS

MAX_MINUTES = 10  # a topic with sub-points still gets at most this much of a 1:1
# Which candidate of a topic leads its item: the decision needed, then the news, then the
# follow-ups (the most important of them decides where the item ranks).
LEADS = {"risk": 0, "ask": 1, "outcomes": 2, "action": 3, "talking-point": 4, "priority": 5}
SHARED_NAMES = 2  # words in common that make two items one topic
MAX_SUBPOINTS = 5


@dataclass(frozen=True)
class Topic:
    """What an item already on the agenda is about."""

    priority_id: str | None
    names: frozenset[str]
    minutes: int  # planned time it takes (0 under "If time allows")


def _same(a: tuple[str | None, frozenset[str]], b: tuple[str | None, frozenset[str]]) -> bool:
    if a[0] is not None and a[0] == b[0]:
        return True
    return len(a[1] & b[1]) >= SHARED_NAMES


class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _first_line(body: str) -> str:
    for line in body.splitlines():
        text = line.strip().lstrip("-*").strip()
        if text:
            return clip(text, 160)
    return ""


def _combined(members: list[Draft]) -> Draft:
    head = min(members, key=lambda d: (LEADS.get(d.source_type, 9), -d.score))
    others = sorted((d for d in members if d is not head), key=lambda d: -d.score)
    if not others:
        return head
    lines = []
    for other in others[:MAX_SUBPOINTS]:
        detail = _first_line(other.body)
        lines.append(f"- **{clip(other.title, 200)}**" + (f" — {detail}" if detail else ""))
    if len(others) > MAX_SUBPOINTS:
        lines.append(f"- … and {len(others) - MAX_SUBPOINTS} more on this")
    body = "\n\n".join(part for part in (head.body.strip(), "\n".join(lines)) if part)
    minutes = min(MAX_MINUTES, max(d.minutes or 0 for d in members) + len(others))
    return replace(
        head,
        body=body,
        minutes=minutes,
        score=max(d.score for d in members) + 3 * len(others),
        names=frozenset().union(*(d.names for d in members)),
    )


def fit(wanted: Sequence[Draft], now: Current, topics: Sequence[Topic], length: int) -> list[Draft]:
    """The drafts to put on the agenda, one per topic, fitted to `length` minutes."""
    drafts = [d for d in wanted if d.key not in now.taken]
    keys = {d.key for d in drafts}
    grouped = [d for d in drafts if d.source_type != "template"]
    nodes = [(d.priority_id, d.names) for d in grouped] + [(t.priority_id, t.names) for t in topics]
    groups = _Groups(len(nodes))
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            if _same(nodes[i], nodes[j]):
                groups.join(i, j)
    held = {groups.find(len(grouped) + k) for k in range(len(topics))}
    members: dict[int, list[Draft]] = {}
    for index, draft in enumerate(grouped):
        root = groups.find(index)
        if root not in held:
            members.setdefault(root, []).append(draft)
    heads: dict[tuple[str, str, str], Draft] = {}
    for group in members.values():
        combined = _combined(group)
        heads[combined.key] = combined
    for draft in drafts:
        if draft.source_type == "template":
            heads[draft.key] = draft
    budget = length - sum(t.minutes for t in topics)
    chosen: set[tuple[str, str, str]] = set()
    for draft in sorted(heads.values(), key=lambda d: -d.score):
        minutes = draft.minutes or 0
        if minutes <= budget:
            chosen.add(draft.key)
            budget -= minutes
    fitted = []
    for draft in drafts:  # in the order they were drafted: by section, then as read
        head = heads.get(draft.key)
        if head is None or draft.key not in keys:
            continue
        if head.key in chosen:
            fitted.append(head)
        else:
            fitted.append(replace(head, section=IF_TIME_ALLOWS, rank=PARKED_RANK))
    return fitted
