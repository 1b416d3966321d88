"""Every command of the main window as data: its name, text, shortcut, icon, tip and menu;
and the keys that work inside a list or a field (KEY_HINTS), for Help > Keyboard Shortcuts.

The window turns each row into a QAction (objectName `action_<name>`) that calls the window's
method named by `slot` (with `arg` when given), files it in its menu in table order (a change
of `group` within a menu draws a separator) and puts the names in TOOLBAR on the toolbar.
Help > Keyboard Shortcuts and the tests read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from upwardprep import APP_NAME


class Key(Enum):
    """Platform shortcuts, resolved by Qt (QKeySequence.StandardKey of the same name)."""

    New = "New"
    Preferences = "Preferences"
    Quit = "Quit"
    Undo = "Undo"
    Delete = "Delete"
    Find = "Find"
    HelpContents = "HelpContents"


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    slot: str  # the MainWindow method it calls
    menu: str | None = None
    group: int = 0  # a separator goes between groups of one menu
    shortcut: str | Key | None = None
    fallback: str | None = None  # when the platform has no standard key for `shortcut`
    icon: str | None = None
    tip: str = ""
    arg: str | None = None
    application_wide: bool = False  # fires from any window of the app (quick capture)
    in_focused_list: bool = False  # only while a list that takes it has the focus (Delete)
    when_locked: bool = False  # stays enabled while the store is locked


# (key, label, icon) of the sections, in navigation order.
SECTIONS = (
    ("dashboard", "Dashboard", "dashboard"),
    ("people", "People", "people"),
    ("priorities", "Priorities", "priorities"),
    ("alignment", "Alignment", "tree"),
    ("outcomes", "Outcomes", "outcomes"),
    ("meetings", "Meetings", "meetings"),
    ("reviews", "Reviews", "reviews"),
    ("trash", "Trash", "trash"),
)

# The section the window opens on at each start (unlocking after a lock returns to the section
# the user was in); start-up builds it while the passphrase is typed.
HOME_SECTION = "dashboard"

MENUS = ("&File", "&Edit", "&View", "E&xport", "&Go", "&Help")
FILE, EDIT, VIEW, EXPORT, GO, HELP = MENUS

# Ctrl+1.. stay as they were before Alignment joined; it has a shortcut of its own.
_NUMBERED = [key for key, _label, _icon in SECTIONS if key != "alignment"]


def _go(key: str, label: str, icon: str) -> Command:
    shortcut = "Ctrl+Shift+A" if key == "alignment" else f"Ctrl+{_NUMBERED.index(key) + 1}"
    return Command(f"go_{key}", label, "show_section", GO, shortcut=shortcut, icon=icon, arg=key)


COMMANDS: tuple[Command, ...] = (
    Command(
        "new_outcome",
        "&New Outcome Note",
        "new_outcome",
        FILE,
        shortcut=Key.New,
        icon="new-outcome",
        tip="Log what your work produced or enabled",
    ),
    Command(
        "quick_capture",
        "&Quick Capture…",
        "quick_capture",
        FILE,
        shortcut="Ctrl+Shift+N",
        application_wide=True,
        when_locked=True,
        tip="Log an outcome or a risk in five seconds, from anywhere",
    ),
    Command("new_person", "New &Person", "new_in", FILE, shortcut="Ctrl+Shift+M", arg="people"),
    Command(
        "new_priority", "New P&riority", "new_in", FILE, shortcut="Ctrl+Shift+P", arg="priorities"
    ),
    Command(
        "new_meeting",
        "New &Meeting",
        "new_in",
        FILE,
        shortcut="Ctrl+Alt+M",
        arg="meetings",
        tip="Plan a meeting with the person shown in Meetings",
    ),
    Command(
        "draft_agenda",
        "&Draft Agenda…",
        "draft_agenda",
        FILE,
        group=1,
        shortcut="Ctrl+Shift+D",
        icon="agenda",
        tip="Draft the next 1:1 agenda from open actions, risks, outcomes and a template",
    ),
    Command(
        "templates",
        "Agenda &Templates…",
        "manage_templates",
        FILE,
        group=1,
        tip="Create, edit and duplicate agenda templates",
    ),
    Command(
        "import_calendar",
        "&Import Calendar…",
        "import_calendar",
        FILE,
        group=1,
        tip="Import meeting dates from a calendar export (.ics)",
    ),
    Command(
        "import_outcomes",
        "Import &Outcomes from CSV…",
        "request_data",
        FILE,
        group=1,
        arg="import_outcomes",
        tip="Bring a brag document in: one outcome note per row of a CSV file, with a preview",
    ),
    Command(
        "import_all",
        "Import &All Data…",
        "request_data",
        FILE,
        group=1,
        arg="import_all",
        tip="Merge a full export (JSON) into this store: newer versions win, nothing is lost",
    ),
    Command(
        "backup",
        "&Back Up Now",
        "request_backup",
        FILE,
        group=2,
        shortcut="Ctrl+Shift+B",
        icon="backup",
        tip="Write an encrypted, verified backup",
    ),
    Command(
        "restore_backup",
        "&Restore from Backup…",
        "request_restore",
        FILE,
        group=2,
        when_locked=True,
        tip="Put a backup in place of the store (the store is kept beside it)",
    ),
    Command(
        "change_passphrase",
        "Change &Passphrase…",
        "request_passphrase_change",
        FILE,
        group=2,
        tip="Re-encrypt the store under a new passphrase",
    ),
    Command(
        "emergency_kit",
        "&Emergency Kit…",
        "request_data",
        FILE,
        group=2,
        arg="kit",
        tip="Print the recovery key that opens the store if you forget the passphrase",
    ),
    Command(
        "settings",
        "&Settings…",
        "open_settings",
        FILE,
        group=3,
        shortcut=Key.Preferences,
        fallback="Ctrl+,",
        icon="settings",
    ),
    Command(
        "lock",
        "&Lock",
        "lock",
        FILE,
        group=4,
        shortcut="Ctrl+L",
        icon="lock",
        tip="Lock now: nothing of your notes stays on screen",
    ),
    Command("quit", "&Quit", "close", FILE, group=4, shortcut=Key.Quit, when_locked=True),
    Command("undo", "&Undo Delete", "undo_delete", EDIT, shortcut=Key.Undo, icon="undo"),
    Command(
        "delete",
        "Move to &Trash",
        "delete_current",
        EDIT,
        group=1,
        shortcut=Key.Delete,
        icon="trash",
        in_focused_list=True,
    ),
    Command("find", "&Filter Notes", "focus_filter", EDIT, group=2, shortcut=Key.Find),
    Command(
        "search",
        "&Search Everything…",
        "open_palette",
        EDIT,
        group=2,
        shortcut="Ctrl+K",
        icon="search",
    ),
    Command(
        "confirm_priority",
        "&Confirm Priority",
        "confirm_priority",
        EDIT,
        group=3,
        shortcut="Ctrl+Shift+C",
        icon="confirm",
        tip="Record that the priority shown was confirmed with its owner today",
    ),
    Command(
        "add_outcome",
        "Add &Outcome to Meeting…",
        "add_outcome_to_meeting",
        EDIT,
        group=3,
        shortcut="Ctrl+Shift+O",
        tip="Log an outcome linked to the meeting shown",
    ),
    Command(
        "finish_meeting",
        "F&inish Meeting…",
        "finish_meeting",
        EDIT,
        group=3,
        shortcut="Ctrl+Shift+F",
        tip="Close the meeting shown and carry its open items to the next one",
    ),
    Command("toggle_tree", "Alignment &Tree", "toggle_tree", VIEW, shortcut="Ctrl+T", icon="tree"),
    Command(
        "export_brief",
        "Meeting &Brief…",
        "export_brief",
        EXPORT,
        shortcut="Ctrl+Shift+E",
        icon="export",
        tip="A one- or two-page brief to take into a meeting (PDF or Markdown)",
    ),
    Command(
        "export_packet",
        "Review &Packet…",
        "export_packet",
        EXPORT,
        shortcut="Ctrl+Alt+E",
        tip="The whole review period as a report, with contents and charts",
    ),
    Command(
        "export_handoff",
        "&Handoff Packet…",
        "export_handoff",
        EXPORT,
        tip="One working relationship for a new manager or a successor (no private notes)",
    ),
    Command(
        "weekly_update",
        "Weekly &Update…",
        "weekly_update",
        EXPORT,
        group=1,
        shortcut="Ctrl+Shift+U",
        tip="The update to your manager since the last 1:1: preview, copy, or save as e-mail",
    ),
    Command(
        "export_all",
        "&All Data…",
        "request_data",
        EXPORT,
        group=1,
        arg="export_all",
        tip="Every record, to leave or to keep: one JSON file, or a Markdown folder",
    ),
    # The toolbar's Export button: exports a brief, its arrow offers the Export menu.
    Command(
        "export",
        "&Export…",
        "export_brief",
        icon="export",
        tip="Export a meeting brief or a review packet",
    ),
    *(_go(key, label, icon) for key, label, icon in SECTIONS),
    Command(
        "shortcuts",
        "&Keyboard Shortcuts",
        "show_shortcuts",
        HELP,
        shortcut=Key.HelpContents,
        when_locked=True,
    ),
    Command("about", f"&About {APP_NAME}", "show_about", HELP, when_locked=True),
)

# The toolbar, left to right; None is the stretch that pushes the rest to the right.
TOOLBAR: tuple[str | None, ...] = ("new_outcome", "draft_agenda", "export", None, "search", "lock")
# The tables where Delete moves the current record to the Trash.
DELETE_TABLES = frozenset(
    {
        "peopleTable",
        "prioritiesTable",
        "outcomesTable",
        "prioritiesTree",
        "meetingsTable",
        "agendaTable",
        "actionsTable",
    }
)
# What the search palette offers when opened empty, below the recent records.
PALETTE_MAIN: tuple[str, ...] = (
    "quick_capture",
    "new_outcome",
    "draft_agenda",
    "new_meeting",
    "export_brief",
    "shortcuts",
)


@dataclass(frozen=True)
class KeyHint:
    """Keys that work in one place rather than as a menu command."""

    keys: str
    text: str
    where: str


KEY_HINTS: tuple[KeyHint, ...] = (
    KeyHint("Tab", "Leave a list for the form of its current record", "Lists"),
    KeyHint("Shift+F10 or the Menu key", "The current row's menu", "Lists"),
    KeyHint("Space", "Tick or untick the agenda item", "Meetings"),
    KeyHint("Ctrl+Tab, Ctrl+Shift+Tab", "Next or previous tab of the meeting", "Meetings"),
    KeyHint("Ctrl+PgDown, Ctrl+PgUp", "Next or previous tab of the meeting", "Meetings"),
    KeyHint("Alt+1 … Alt+5", "Agenda, Notes, Decisions, Actions, Outcomes tab", "Meetings"),
    KeyHint("Enter or Tab", "Take the highlighted match", "Fields that pick by typing"),
    KeyHint("Esc", "Put back what the field held", "Fields that pick by typing"),
    KeyHint("Alt+Down", "List every choice", "Fields that pick by typing"),
    KeyHint("fri, next tue, +3d, 1 dec", "Type a date in words", "Date fields"),
    KeyHint("Up, Down", "A day later or earlier (today when empty)", "Date fields"),
    KeyHint("PgUp, PgDown", "A month later or earlier", "Date fields"),
    KeyHint("Alt+Down", "Open the calendar", "Date fields"),
    KeyHint(">", "List the commands instead of searching", "Search palette"),
)
