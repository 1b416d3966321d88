"""Preferences and UI state in QSettings: never note content, never a passphrase or key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

PAPER_SIZES = ("A4", "Letter")
APPEARANCES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class AppSettings:
    """Typed access to the few values the app keeps between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings()

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self.qsettings.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    # preferences -------------------------------------------------------------------------

    @property
    def auto_lock_minutes(self) -> int:
        """0 turns auto-lock off."""
        return max(0, self._get("lock/auto_minutes", 10, int))

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._set("lock/auto_minutes", int(minutes))

    @property
    def stale_after_days(self) -> int:
        return max(1, self._get("priorities/stale_days", 21, int))

    @stale_after_days.setter
    def stale_after_days(self, days: int) -> None:
        self._set("priorities/stale_days", int(days))

    @property
    def nudge_minutes(self) -> int:
        """How long before a planned 1:1 the desktop notification comes (0 = never)."""
        return max(0, self._get("nudge/minutes", 15, int))

    @nudge_minutes.setter
    def nudge_minutes(self, minutes: int) -> None:
        self._set("nudge/minutes", max(0, int(minutes)))

    @property
    def paper_size(self) -> str:
        value = self._get("export/paper", "A4", str)
        return value if value in PAPER_SIZES else "A4"

    @paper_size.setter
    def paper_size(self, value: str) -> None:
        self._set("export/paper", value if value in PAPER_SIZES else "A4")

    @property
    def appearance(self) -> str:
        """ "system" (follow the desktop's light or dark scheme), "light" or "dark"."""
        value = self._get("look/appearance", "system", str)
        return value if value in APPEARANCES else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._set("look/appearance", value if value in APPEARANCES else "system")

    @property
    def desktop_dark(self) -> bool | None:
        """Whether the desktop's colour scheme was dark when the app last asked (None: never
        asked). The start-up shows the unlock dialog in it and asks once the dialog is painted
        (see gui.app.follow_the_desktop)."""
        value = self.qsettings.value("look/desktop_dark", None)
        if value is None:
            return None
        return str(value).lower() in ("true", "1")

    @desktop_dark.setter
    def desktop_dark(self, dark: bool) -> None:
        self._set("look/desktop_dark", bool(dark))

    @property
    def default_template(self) -> str:
        """Name of the agenda template new agendas start from ("" = none)."""
        return self._get("agenda/default_template", "", str)

    @default_template.setter
    def default_template(self, name: str) -> None:
        self._set("agenda/default_template", name)

    @property
    def store_path(self) -> str:
        """The store opened last ("" = the default in the user data folder)."""
        return self._get("store/path", "", str)

    @store_path.setter
    def store_path(self, path: str) -> None:
        self._set("store/path", path)

    def take_legacy_backup_folder(self) -> str:
        """The backup folder as earlier versions kept it here ("" = none), removed as it is
        read: it now lives beside the CLI's (services.backup_places), per store."""
        value = self._get("backup/folder", "", str)
        if self.qsettings.contains("backup/folder"):
            self.qsettings.remove("backup/folder")
            self.qsettings.sync()
        return value

    @property
    def welcome_done(self) -> bool:
        return str(self.qsettings.value("ui/welcome_done", "false")).lower() == "true"

    @welcome_done.setter
    def welcome_done(self, done: bool) -> None:
        self._set("ui/welcome_done", "true" if done else "false")

    # window state --------------------------------------------------------------------------

    def state(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def save_state(self, key: str, value: QByteArray) -> None:
        self._set(f"state/{key}", value)
