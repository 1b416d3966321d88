"""Where each store's backups go on this computer, shared by the app and the CLI.

A backup folder (a synced folder, a removable drive) is a fact about the machine, not about the
store: it cannot live inside the encrypted store, because `restore --latest` needs it when the
store no longer opens. So it is kept in a small JSON file in the user's configuration folder,
one entry per store (by its resolved path), and read by every `Vault` that is not told a folder
(`--dir`). It holds paths only, never note content, a passphrase or a key.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from upwardprep.files import make_private_folder, write_private

log = logging.getLogger(__name__)

FILE_NAME = "backup-folders.json"


def places_file() -> Path:
    """`backup-folders.json` in the user configuration folder (XDG_CONFIG_HOME on Linux)."""
    from platformdirs import user_config_path

    return user_config_path("UpwardPrep", appauthor=False) / FILE_NAME


def _key(store: Path) -> str:
    return str(Path(store).expanduser().resolve())


def _read() -> dict[str, str]:
    path = places_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        # Unreadable: backups go beside the store until the user chooses again. Never fatal,
        # since this is read on the way to a backup or a restore.
        log.warning("The backup folder settings in %s cannot be read (%s).", path, error)
        return {}
    folders = data.get("folders") if isinstance(data, dict) else None
    if not isinstance(folders, dict):
        return {}
    return {k: v for k, v in folders.items() if isinstance(k, str) and isinstance(v, str) and v}


def chosen_folder(store: Path) -> Path | None:
    """The folder the user chose for `store`'s backups, or None (backups/ beside the store)."""
    folder = _read().get(_key(store))
    return Path(folder).expanduser() if folder else None


def choose_folder(store: Path, folder: Path | str | None) -> None:
    """Remember `folder` for `store`'s backups; None or "" goes back to backups/ beside it.

    The file is replaced whole (never half-written) and is private to the user."""
    folders = _read()
    key = _key(store)
    text = str(Path(folder).expanduser()) if folder else ""
    if folders.get(key, "") == text:
        return
    if text:
        folders[key] = text
    else:
        folders.pop(key, None)
    target = places_file()
    make_private_folder(target.parent)
    data = json.dumps({"folders": folders}, indent=2, sort_keys=True).encode("utf-8")
    write_private(target, lambda handle: handle.write(data + os.linesep.encode()))
