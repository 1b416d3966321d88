"""Check a built bundle the way a user would meet it, then report its size (`make dist` runs it).

    python packaging/check_bundle.py dist/upwardprep

1. `upwardprep --version` names the version of the checkout it was built from;
2. `upwardprep self-test` passes, started from a folder outside the checkout with a scratch HOME
   and no PYTHONPATH, so nothing can come from the checkout or the build machine's Python;
3. the app starts (`--demo`) offscreen and, on Linux, on an X server (Xvfb: the xcb plugin that
   desktops use) and is still running after a few seconds, with no Qt plugin or Python error on
   its output;
4. no Qt module the app does not use was bundled;
5. the bundle's size and file count are printed.
Works on Linux, Windows and macOS; exit code 0 when every check held.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI_SECONDS = 8
# Qt libraries and bindings that must not be in the bundle (see UNUSED_QT in upwardprep.spec).
UNWANTED = re.compile(r"Qt6?(Network|Qml|Quick|WebEngine|Multimedia|Designer|Sql|Test)\b")
GUI_ERRORS = re.compile(
    r"Traceback|could not (load|find) the Qt platform plugin|Cannot load library|"
    r"Error|unexpected error",
    re.IGNORECASE,
)


def expected_version() -> str:
    text = (ROOT / "upwardprep" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in upwardprep/__init__.py")
    return match.group(1)


def program(bundle: Path) -> Path:
    for name in ("upwardprep", "upwardprep.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"{bundle} holds no upwardprep program: build it with `make dist`")


def size_of(bundle: Path) -> tuple[int, int]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """An Xvfb server on a free display number (it picks one and tells us); its DISPLAY."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "upwardprep").resolve()
    exe = program(bundle)
    failures = []
    with tempfile.TemporaryDirectory(prefix="upwardprep-bundle-check-") as scratch:
        home = Path(scratch)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CACHE_HOME=str(home / "cache"),
            QT_QPA_PLATFORM="offscreen",
        )

        def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(exe), *args],
                cwd=home,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )

        version = run("--version").stdout.strip()
        wanted = f"UpwardPrep {expected_version()}"
        print(f"version: {version}")
        if version != wanted:
            failures.append(f"--version said {version!r}, expected {wanted!r}")

        selftest = run("self-test")
        print(selftest.stdout, end="")
        if selftest.returncode != 0:
            failures.append(f"self-test exited {selftest.returncode}: {selftest.stderr.strip()}")

        def start_gui(platform: str, extra_env: dict[str, str] | None = None) -> None:
            """The app must still be running after GUI_SECONDS, with nothing wrong on its output."""
            gui_env = {**env, "QT_QPA_PLATFORM": platform, **(extra_env or {})}
            with subprocess.Popen(
                [str(exe), "--demo"],
                cwd=home,
                env=gui_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ) as app:
                try:
                    output, _ = app.communicate(timeout=GUI_SECONDS)
                    failures.append(
                        f"GUI ({platform}): the app exited within {GUI_SECONDS} s "
                        f"(code {app.returncode}): {output.strip()[-500:]}"
                    )
                    return
                except subprocess.TimeoutExpired:  # still up: what we want
                    app.terminate()
                    output, _ = app.communicate(timeout=30)
            problems = [line for line in output.splitlines() if GUI_ERRORS.search(line)]
            if problems:
                failures.append(f"GUI ({platform}): errors: " + " | ".join(problems[:5]))
            else:
                print(f"GUI ({platform}): started and still running after {GUI_SECONDS} s")

        start_gui("offscreen")
        if sys.platform.startswith("linux"):
            # The plugin Linux desktops use, on an X server without a screen.
            if shutil.which("Xvfb"):
                with xvfb() as display:
                    start_gui("xcb", {"DISPLAY": display, "WAYLAND_DISPLAY": ""})
            else:
                print("GUI (xcb): not tried, Xvfb is missing (`make dist` installs it)")

    unwanted = sorted({p.name for p in bundle.rglob("*") if UNWANTED.search(p.name)})
    if unwanted:
        failures.append(f"unused Qt modules bundled: {', '.join(unwanted)}")

    total, count = size_of(bundle)
    print(f"bundle: {bundle} — {total / 1e6:.0f} MB in {count} files")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    if not failures:
        print("bundle check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
