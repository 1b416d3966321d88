"""Packaging: the built wheel works outside the checkout; the desktop files pass the validators.

The wheel test builds the sdist and, from it, the wheel (as `python -m build` does), installs the
wheel into a fresh venv and runs `upwardprep self-test` there, from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from io import StringIO
from pathlib import Path

import pytest

from tests.conftest import REPO
from upwardprep import __version__, selftest

LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.upwardprep.upwardprep"
WINDOWS = sys.platform == "win32"


def _clean_env(tmp: Path) -> dict[str, str]:
    """No PYTHONPATH (it would reach the checkout); a scratch HOME and TMPDIR."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    (tmp / "home").mkdir(exist_ok=True)
    (tmp / "tmp").mkdir(exist_ok=True)
    env.update(
        HOME=str(tmp / "home"),
        TMPDIR=str(tmp / "tmp"),
        XDG_CONFIG_HOME=str(tmp / "home" / "config"),
        XDG_DATA_HOME=str(tmp / "home" / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("UPWARDPREP_STORE", None)
    env.pop("UPWARDPREP_BACKUP_DIR", None)
    return env


def _shipped_resources() -> set[str]:
    return {
        p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel built from it (build isolation: the declared backend only)."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (sdist,) = out.glob("upwardprep-*.tar.gz")
    (wheel,) = out.glob("upwardprep-*.whl")
    return {"sdist": sdist, "wheel": wheel}


def test_sdist_carries_what_a_rebuild_needs(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert f"upwardprep-{__version__}" in built["sdist"].name
    assert {f"resources/{name}" for name in _shipped_resources()} <= names
    assert {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md"} <= names
    assert "packaging/upwardprep.spec" in names
    assert f"packaging/linux/{APP_ID}.metainfo.xml" in names
    # the Designer forms and their generator: `make forms` works from an unpacked sdist
    assert {f"ui/{form.name}" for form in (REPO / "ui").glob("*.ui")} <= names
    assert "tools/forms.py" in names


def test_wheel_carries_resources_and_migrations(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as archive:
        names = set(archive.namelist())
    shipped = _shipped_resources()
    assert "icons/upwardprep.svg" in shipped
    templates = {name for name in shipped if name.startswith("templates/")}
    assert len(templates) >= 6 and all(name.endswith(".md") for name in templates)
    assert {f"upwardprep/_resources/{name}" for name in shipped} <= names
    migrations = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "upwardprep" / "store" / "migrations").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert migrations <= names
    forms = REPO / "upwardprep" / "gui" / "forms"
    if forms.is_dir():
        assert {p.relative_to(REPO).as_posix() for p in forms.glob("*.py")} <= names, (
            "generated forms missing"
        )
    assert not any(name.startswith(("tests/", "resources/", "packaging/")) for name in names)
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_installed_wheel_passes_self_test_outside_the_checkout(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """A fresh venv with only the wheel installed; the dependencies come from this test runner.

    Installing PySide6 and the rest from the network would take minutes, so the fresh venv sees
    the runner's site-packages through a .pth file. That is safe for what is tested: .pth path
    lines are appended *after* the venv's own site-packages, so the wheel's `upwardprep` (a
    regular package there) is found first; and .pth files inside an appended folder are not
    processed, so the runner's editable install of the checkout (itself a .pth hook) stays
    inert. The test still proves where everything came from, rather than trusting that.
    """
    home = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=not WINDOWS).create(home)
    python = home / ("Scripts/python.exe" if WINDOWS else "bin/python")
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    paths = sysconfig.get_paths()
    runner_sites = dict.fromkeys([*site.getsitepackages(), paths["purelib"], paths["platlib"]])
    (purelib / "_runner_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in runner_sites if Path(path).is_dir()), encoding="utf-8"
    )
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--no-compile", "--disable-pip-version-check", "--quiet",
         str(built["wheel"])],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = _clean_env(tmp_path)
    program = home / ("Scripts/upwardprep.exe" if WINDOWS else "bin/upwardprep")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=outside, env=env, capture_output=True, text=True, timeout=120
        )

    where = run(
        str(python),
        "-c",
        "import json, upwardprep, upwardprep.assets as a\n"
        "from upwardprep.services.templates import parse_template, shipped_templates\n"
        "from importlib.metadata import version\n"
        "print(json.dumps({'module': upwardprep.__file__, 'resources': str(a.resources_dir()),"
        " 'icon': a.resource('icons', 'upwardprep.svg').is_file(),"
        " 'templates': {t.name: len(parse_template(t.body)) for t in shipped_templates()},"
        " 'version': version('upwardprep')}))",
    )
    assert where.returncode == 0, where.stderr
    found = json.loads(where.stdout)
    installed = (purelib / "upwardprep").resolve()
    assert Path(found["module"]).resolve() == installed / "__init__.py"
    assert Path(found["resources"]).resolve() == installed / "_resources"
    assert found["icon"] is True
    assert len(found["templates"]) >= 6 and min(found["templates"].values()) >= 3
    assert "Weekly 1:1 with my manager" in found["templates"]
    assert found["version"] == __version__

    version = run(str(program), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"UpwardPrep {__version__}"

    result = run(str(program), "self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"UpwardPrep {__version__} self-test"
    assert lines[-1].startswith("self-test passed:")
    assert str(installed / "_resources") in result.stdout  # the resources it checked
    assert not any("FAILED" in line for line in lines)
    assert list((tmp_path / "tmp").iterdir()) == []  # it removed everything it made

    # The app's identity and icon from the installed copy (Qt offscreen, no window shown).
    identity = run(
        str(python),
        "-c",
        "from upwardprep.gui.app import make_app\n"
        "app = make_app()\n"
        "print(app.desktopFileName(), app.windowIcon().isNull())",
    )
    assert identity.returncode == 0, identity.stderr
    assert identity.stdout.split() == ["upwardprep", "False"]


# -- self-test -------------------------------------------------------------------------------


def test_self_test_reports_each_step_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    out = StringIO()
    assert selftest.run(out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"UpwardPrep {__version__} self-test"
    steps = lines[1:-1]
    assert len(steps) >= 9
    assert all(line.startswith("  ") for line in steps)
    assert sum(" ok" in line for line in steps) >= 9
    assert any("meeting brief PDF" in line and "fonts embedded" in line for line in steps)
    assert lines[-1].startswith("self-test passed:")
    assert list(tmp_path.iterdir()) == []


def test_self_test_fails_with_a_reason_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)

    def broken_search(*args: object, **kwargs: object) -> list[object]:
        return []

    monkeypatch.setattr("upwardprep.services.search.SearchService.outcomes", broken_search)
    out = StringIO()
    assert selftest.run(out) == 1
    text = out.getvalue()
    assert "full-text search" in text and "FAILED: no match for 'renewal'" in text
    assert "integrity checks" in text.split("FAILED")[1]  # later steps still ran
    assert text.splitlines()[-1].startswith("self-test FAILED: ")
    assert list(tmp_path.iterdir()) == []


def test_self_test_command_exit_code(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("self-test", store=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


# -- Linux desktop integration ---------------------------------------------------------------


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is missing: `make test` installs it (Debian package {package})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_desktop_file_is_valid() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(
        [tool, str(LINUX / "upwardprep.desktop")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a warning or a hint


def test_metainfo_is_valid() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--pedantic", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_rendered_from_the_current_svg() -> None:
    result = subprocess.run(
        [sys.executable, str(LINUX / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(WINDOWS, reason="a POSIX shell script")
def test_install_desktop_for_the_current_user(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "upwardprep").write_text("#!/bin/sh\necho UpwardPrep\n")
    (bundle / "upwardprep").chmod(0o755)
    env = {**_clean_env(tmp_path), "PREFIX": str(tmp_path / "prefix")}
    env.pop("XDG_DATA_HOME")
    script = str(LINUX / "install-desktop.sh")
    result = subprocess.run(
        [script, "--bundle", str(bundle)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    prefix = tmp_path / "prefix"
    program = prefix / "bin" / "upwardprep"
    assert program.resolve() == prefix / "lib" / "upwardprep" / "upwardprep"
    desktop = (prefix / "share" / "applications" / "upwardprep.desktop").read_text()
    assert f'Exec="{program}"' in desktop.splitlines()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/upwardprep.png").is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps/upwardprep.svg").is_file()

    result = subprocess.run(
        [script, "--uninstall"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    left = [p for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    assert [p.name for p in left if p.name != "mimeinfo.cache"] == []
