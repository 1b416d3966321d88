"""One version source: `upwardprep.__version__`, read by everything that names a version."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET

from tests.conftest import REPO
from upwardprep import __version__
from upwardprep.cli import build_parser

METAINFO = REPO / "packaging" / "linux" / "io.github.upwardprep.upwardprep.metainfo.xml"


def test_version_is_semantic() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+|\.dev\d+)?", __version__)


def test_cli_reports_the_package_version(capsys) -> None:  # type: ignore[no-untyped-def]
    parser = build_parser()
    try:
        parser.parse_args(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.strip() == f"UpwardPrep {__version__}"


def test_wheel_metadata_reads_the_package_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "upwardprep/__init__.py"


def test_changelog_and_metainfo_name_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.MULTILINE)
    assert releases, "CHANGELOG.md has no released version"
    assert "## [Unreleased]" in changelog
    newest_version, newest_date = releases[0]
    assert newest_version == __version__
    metainfo = ET.parse(METAINFO).getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None
    assert (newest.get("version"), newest.get("date")) == (__version__, newest_date)


def test_bundle_spec_reads_the_package_version() -> None:
    spec = (REPO / "packaging" / "upwardprep.spec").read_text(encoding="utf-8")
    assert "from upwardprep import APP_NAME, __version__" in spec
    assert not re.search(r"\b\d+\.\d+\.\d+\b", spec)  # no version written out by hand
