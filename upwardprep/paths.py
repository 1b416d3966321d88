"""Where the store lives by default: a module without heavy imports, so that the desktop app can
name the store in its unlock dialog before the store's own code (SQLAlchemy, SQLCipher) has
loaded."""

from __future__ import annotations

import os
from pathlib import Path


def default_store_path() -> Path:
    """`notes.upwardprep` in the user data folder (UPWARDPREP_STORE overrides it)."""
    from platformdirs import user_data_path

    override = os.environ.get("UPWARDPREP_STORE")
    if override:
        return Path(override).expanduser()
    return user_data_path("UpwardPrep", appauthor=False) / "notes.upwardprep"
