"""Where the shipped resources (icons, fonts, agenda templates) are, however we were installed.

In a checkout or an editable install they are the top-level `resources/` folder; a wheel or a
frozen bundle carries them inside the package as `upwardprep/_resources/`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "upwardprep" / "_resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("UpwardPrep's resources (icons, fonts, templates) are missing.")


def resource(*parts: str) -> Path:
    """A shipped file, e.g. resource("icons", "lock.svg")."""
    return resources_dir().joinpath(*parts)
