"""Agenda templates kept in the store, the shipped ones, and the shape a template is written in.

A template is Markdown. Its agenda items are its headings, each with an optional time box at the
end of the line, and the text under a heading (guiding questions, usually a list) is the item's
body:

    # Weekly 1:1 with my manager          <- a lone top heading is the template's title
    Text before the first item is an introduction and is not copied into agendas.

    ## Numbers first [5 min]              <- an item, 5 minutes; "(5 min)", "[5m]" work too
    - Which priority moved, and by how much?

    ## Their agenda                       <- an item without a time box
    - What pressure are they under from above?

The items are the headings of the shallowest level, unless that level holds a single heading
above deeper ones (then that one is the title and the next level holds the items). Deeper
headings stay inside their item's body. A template without any heading is one item.
"""

from __future__ import annotations

import builtins
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.assets import resource
from upwardprep.services.common import (
    MAX_TITLE,
    Cleaner,
    EntityService,
    clean_fields,
    text_field,
    title_field,
    to_data,
)
from upwardprep.store.entities import AgendaTemplate, Role, StoreSetting

# Store setting: which shipped templates were added to this store ({file stem: template id}), so
# that one the user deleted or changed is never added again.
SHIPPED_SETTING = "templates.shipped"
# The shipped template a new 1:1 with someone of this role starts from.
DEFAULT_FOR_ROLE = {
    Role.MANAGER.value: "weekly-manager",
    Role.SKIP_LEVEL.value: "skip-level",
    Role.REPORT.value: "direct-report",
}


@dataclass(frozen=True)
class TemplateData:
    id: str
    name: str
    body: str
    builtin: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class TemplateItem:
    title: str
    body: str
    minutes: int | None


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_TIME_BOX = re.compile(
    r"\s*[\[(]\s*(\d{1,3})\s*(?:m|min|mins|minute|minutes)\.?\s*[\])]\s*$", re.IGNORECASE
)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def split_time_box(title: str) -> tuple[str, int | None]:
    """ "Wins [5 min]" -> ("Wins", 5); a title without a time box keeps None."""
    match = _TIME_BOX.search(title)
    if not match:
        return title.strip(), None
    minutes = int(match.group(1))
    return title[: match.start()].strip(), (minutes if 1 <= minutes <= 600 else None)


def parse_template(body: str) -> list[TemplateItem]:
    """The agenda items of a template written in the shape described in this module."""
    lines = (body or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings: list[tuple[int, int, str]] = []  # (line index, level, text)
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match and match.group(2).strip():
            headings.append((index, len(match.group(1)), match.group(2).strip()))
    if not headings:
        return _headless(lines)
    levels = sorted({level for _, level, _ in headings})
    level = levels[0]
    if len(levels) > 1 and sum(1 for _, lv, _ in headings if lv == level) == 1:
        level = levels[1]  # a lone top heading names the template
    items = []
    for position, (index, lv, text) in enumerate(headings):
        if lv != level:
            continue
        end = next((i for i, other, _ in headings[position + 1 :] if other <= level), len(lines))
        title, minutes = split_time_box(text)
        if not title:
            continue
        items.append(TemplateItem(title, "\n".join(lines[index + 1 : end]).strip("\n"), minutes))
    return items


def _headless(lines: list[str]) -> list[TemplateItem]:
    text = [line for line in lines if line.strip()]
    if not text:
        return []
    title, minutes = split_time_box(_LIST_MARK.sub("", text[0]).strip())
    rest = "\n".join(lines[lines.index(text[0]) + 1 :]).strip("\n")
    return [TemplateItem(title[:MAX_TITLE] or "Discussion", rest, minutes)]


@dataclass(frozen=True)
class ShippedTemplate:
    key: str  # the file's stem, e.g. "weekly-manager"
    name: str
    body: str


def shipped_templates() -> list[ShippedTemplate]:
    """The templates in resources/templates/: `# Name` on the first line, then the template."""
    found = []
    for path in sorted(Path(resource("templates")).glob("*.md")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        first, _, rest = text.partition("\n")
        if not first.startswith("# "):
            raise ValueError(f"The shipped template {path.name} does not start with '# Name'.")
        found.append(ShippedTemplate(path.stem, first[2:].strip(), rest.strip("\n") + "\n"))
    return found


def _seeded(session: Session) -> dict[str, str]:
    value = session.scalar(select(StoreSetting.value).where(StoreSetting.key == SHIPPED_SETTING))
    try:
        seeded = json.loads(value) if value else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in seeded.items()} if isinstance(seeded, dict) else {}


def shipped_default(session: Session, role: str) -> str | None:
    """The id of the shipped template for 1:1s with someone of this role, if it was added."""
    key = DEFAULT_FOR_ROLE.get(role)
    return _seeded(session).get(key) if key else None


FIELDS: dict[str, Cleaner] = {
    "name": title_field("template name", 200),
    "body": text_field("template"),
}


class TemplateService(EntityService[AgendaTemplate, TemplateData]):
    entity = AgendaTemplate
    what = "agenda template"
    fields = FIELDS

    def _data(self, session: Session, entity: AgendaTemplate) -> TemplateData:
        return to_data(TemplateData, entity)

    def create(self, name: str, body: str = "", *, builtin: bool = False) -> TemplateData:
        values = clean_fields(FIELDS, {"name": name, "body": body}, what="template")
        with self.store.transaction() as session:
            template = self._new(AgendaTemplate, builtin=builtin, **values)
            session.add(template)
            session.flush()
            return self._data(session, template)

    def _changed(
        self, session: Session, entity: AgendaTemplate, changed: dict[str, tuple[Any, Any]]
    ) -> None:
        if changed:
            entity.builtin = False  # an edited shipped template is the user's own now

    def duplicate(self, template_id: str) -> TemplateData:
        with self.store.transaction() as session:
            original = self._load(session, template_id)
            name = clean_fields(FIELDS, {"name": f"{original.name} (copy)"}, what="template")
            copy = self._new(AgendaTemplate, body=original.body, builtin=False, **name)
            session.add(copy)
            session.flush()
            return self._data(session, copy)

    def list(self) -> builtins.list[TemplateData]:
        with self.store.transaction(write=False) as session:
            query = select(AgendaTemplate).where(AgendaTemplate.deleted_at.is_(None))
            return [
                self._data(session, t) for t in session.scalars(query.order_by(AgendaTemplate.name))
            ]

    def ensure_shipped(self) -> builtins.list[TemplateData]:
        """Add the shipped templates this store has not had yet; return those added.

        Idempotent. A shipped template is added once: if the user later edits, trashes or purges
        it, it stays that way. One the user never touched follows the shipped text when a newer
        version of the app changes it.
        """
        shipped = shipped_templates()
        with self.store.transaction() as session:
            seeded = _seeded(session)
            added = []
            for item in shipped:
                if item.key in seeded:
                    current = session.scalar(
                        select(AgendaTemplate).where(AgendaTemplate.id == seeded[item.key])
                    )
                    if (
                        current is not None
                        and current.builtin
                        and current.deleted_at is None
                        and (current.name, current.body) != (item.name, item.body)
                    ):
                        current.name, current.body = item.name, item.body
                        current.updated_at = self.clock()
                    continue
                template = self._new(AgendaTemplate, name=item.name, body=item.body, builtin=True)
                session.add(template)
                session.flush()
                seeded[item.key] = template.id
                added.append(self._data(session, template))
            if added:
                session.merge(StoreSetting(key=SHIPPED_SETTING, value=json.dumps(seeded)))
            return added
