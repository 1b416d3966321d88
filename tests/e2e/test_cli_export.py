"""`upwardprep export brief|packet`: files a user can open, and clear sentences when not."""

from __future__ import annotations

import email
import re
from email import policy
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


def test_export_update_as_email_and_markdown(cli: Cli, tmp_path: Path) -> None:
    """`export update --person NAME [--since DATE] [--format md|txt|eml] [--out FILE]`."""
    assert cli("init", "--demo").returncode == 0
    marker = "PRIVATE-MARKER-CLI"
    added = cli(
        "add", "outcome", "--title", marker, "--person", "Dana", "--private", "--ask", marker
    )
    assert added.returncode == 0, added.stderr
    out = tmp_path / "update.eml"
    result = cli("export", "update", "--person", "Dana", "--format", "eml", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out}."
    assert out.stat().st_mode & 0o777 == 0o600
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert re.fullmatch(r"Update for Dana Whitfield: .*\d{4}", message["Subject"])
    plain = message.get_body(preferencelist=("plain",))
    assert plain is not None and "Waiting on you" in plain.get_content()
    assert marker not in out.read_text("utf-8", errors="replace")

    shown = cli("export", "update", "--person", "Dana", "--since", "2026-01-01")
    assert shown.returncode == 0, shown.stderr
    headings = re.findall(r"^## (.+)$", shown.stdout, flags=re.MULTILINE)
    assert shown.stdout.startswith("# Update for Dana Whitfield: 1 Jan")
    assert any("Reduce churn" in heading for heading in headings)  # a section per priority
    assert marker not in shown.stdout
    text = cli("export", "update", "--person", "Dana", "--format", "txt")
    assert text.returncode == 0 and text.stdout.splitlines()[1].startswith("====")
    bad = cli("export", "update", "--person", "Dana", "--since", "soon")
    assert bad.returncode == 1 and "not a valid --since date" in bad.stderr
