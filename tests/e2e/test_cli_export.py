"""`upwardprep export brief|packet`: files a user can open, and clear sentences when not."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import Cli


def test_export_brief_and_packet_from_a_demo_store(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "--demo").returncode == 0
    brief = tmp_path / "brief.pdf"
    result = cli("export", "brief", "--person", "Dana", "--out", str(brief), "--author", "Alex")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {brief}, {len(PdfReader(brief).pages)} pages."
    assert "Land these three" in PdfReader(brief).pages[0].extract_text()

    result = cli(
        "export", "packet", "--cycle", "self-review", "--format", "md", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.split("Wrote ", 1)[1].strip().rstrip("."))
    assert written.parent == tmp_path and written.suffix == ".md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Summary" in text and "## Self-assessment" in text


def test_export_errors_are_sentences(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").returncode == 0
    cases = [
        (("export", "brief"), "Say which meeting: --person NAME or --meeting ID."),
        (("export", "brief", "--person", "Nobody"), "No person matches “Nobody”."),
        (("export", "packet", "--cycle", "H2"), "No review cycle matches “H2”."),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    bad = cli("export", "packet", "--cycle", "x", "--format", "docx")
    assert bad.returncode == 1 and "invalid choice" in bad.stderr
    assert not any(tmp_path.glob("*.pdf")) and not any(tmp_path.glob("*.part"))
