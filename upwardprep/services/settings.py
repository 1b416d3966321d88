"""Settings that belong to the store, not to one machine's window: read by every document.

The GUI, the CLI and the documents ask here, so a brief printed from the command line says the
same as one exported from the app. (Window state and other per-machine choices stay in the GUI's
own settings; nothing here is UI state.)
"""

from __future__ import annotations

import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.common import Clock, ValidationError, clean_text, system_clock
from upwardprep.services.priorities import DEFAULT_STALE_DAYS
from upwardprep.store.engine import Store
from upwardprep.store.entities import StoreSetting

STALE_DAYS_SETTING = "priorities.stale_days"  # days after which a priority needs confirming
MAX_STALE_DAYS = 3650
YOUR_NAME_SETTING = "user.name"  # how documents name the user ("Your name")
YOUR_ROLE_SETTING = "user.role"  # the user's job title, for a review packet's cover
MAX_NAME = 200


def _value(session: Session, key: str) -> str | None:
    return session.scalar(select(StoreSetting.value).where(StoreSetting.key == key))


def _put(session: Session, key: str, value: str | None) -> None:
    row = session.get(StoreSetting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(StoreSetting(key=key, value=value))
    else:
        row.value = value


def check_stale_days(days: int) -> int:
    if not 1 <= days <= MAX_STALE_DAYS:
        raise ValidationError(
            f"Stale priorities are those unconfirmed for 1 to {MAX_STALE_DAYS} days."
        )
    return days


def stale_days_in(session: Session, override: int | None = None) -> int:
    """The caller's number of days (checked), else the store's setting, else 21.

    Shared by the agenda draft, the dashboard and the documents, which ask inside their own
    transaction.
    """
    if override is not None:
        return check_stale_days(override)
    value = _value(session, STALE_DAYS_SETTING)
    try:
        return min(max(1, int(value)), MAX_STALE_DAYS) if value else DEFAULT_STALE_DAYS
    except ValueError:
        return DEFAULT_STALE_DAYS


def account_name() -> str:
    """The login account's full name (its GECOS field), or "" when it has none: a bare login
    name ("root", "alex") is not a name to print on a document."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError):
        return ""
    full = entry.pw_gecos.split(",")[0].strip()
    return "" if full.casefold() == entry.pw_name.casefold() else full


def your_name_in(session: Session) -> str:
    """The "Your name" setting, else the account's full name: who prepared a document."""
    return (_value(session, YOUR_NAME_SETTING) or "").strip() or account_name()


class SettingsService:
    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    def stale_days(self) -> int:
        with self.store.transaction(write=False) as session:
            return stale_days_in(session)

    def set_stale_days(self, days: int) -> None:
        value = check_stale_days(int(days))
        with self.store.transaction() as session:
            _put(session, STALE_DAYS_SETTING, str(value))

    def your_name(self) -> str:
        """The name the user gave ("" when unset: documents then use the account's name)."""
        with self.store.transaction(write=False) as session:
            return (_value(session, YOUR_NAME_SETTING) or "").strip()

    def set_your_name(self, name: str) -> None:
        text = " ".join(clean_text(name, what="name", limit=MAX_NAME).split())
        with self.store.transaction() as session:
            _put(session, YOUR_NAME_SETTING, text or None)

    def your_role(self) -> str:
        """The user's job title ("" when unset: the packet's cover then leaves the row out)."""
        with self.store.transaction(write=False) as session:
            return (_value(session, YOUR_ROLE_SETTING) or "").strip()

    def set_your_role(self, role: str) -> None:
        text = " ".join(clean_text(role, what="role", limit=MAX_NAME).split())
        with self.store.transaction() as session:
            _put(session, YOUR_ROLE_SETTING, text or None)

    def author(self) -> str:
        """Who documents say prepared them: "Your name", else the account's full name."""
        with self.store.transaction(write=False) as session:
            return your_name_in(session)
