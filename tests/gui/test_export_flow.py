"""Exporting from the app: off the UI thread, with progress, Cancel, then Open / Show in folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from upwardprep.export.brief import meeting_for_person
from upwardprep.gui import export_flow
from upwardprep.gui.export_flow import (
    ExportPicker,
    Target,
    export_brief,
    export_handoff,
    export_packet,
)
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.settings import AppSettings
from upwardprep.services import Services


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def test_brief_builds_in_the_background_then_offers_open_and_folder(
    qtbot: QtBot, demo_services: Services, tmp_path: Path, opened: list[str]
) -> None:
    meeting = meeting_for_person(demo_services, demo_services.people.find("Dana").id)
    target = Target(tmp_path / "brief.pdf", "pdf")
    run = export_brief(None, demo_services, meeting.id, target=target)
    assert run is not None
    progress: list[float] = []
    run.progressed.connect(lambda fraction, text: progress.append(fraction))
    with qtbot.waitSignal(run.finished, timeout=30_000) as finished:
        pass
    result = finished.args[0]
    assert result is not None and result.path == target.path
    assert 1 <= len(PdfReader(target.path).pages) <= 2
    assert progress and progress[-1] == 1.0
    box = run.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.objectName() == "exportDone"
    box.findChild(QPushButton, "exportOpen").click()
    assert opened == [str(target.path)]
    run.message = export_flow.show_result(None, result)
    run.message.findChild(QPushButton, "exportShowFolder").click()
    assert opened[-1] == str(tmp_path)
    assert run.message.findChild(QPushButton, "exportPrint") is not None
    run.message.close()


def test_cancel_leaves_no_file(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> None:
    cycle = demo_services.reviews.list()[0]
    target = Target(tmp_path / "out" / "packet.pdf", "pdf")
    target.path.parent.mkdir()
    run = export_packet(None, demo_services, cycle.id, target=target)
    assert run is not None
    run.dialog.canceled.emit()  # what its Cancel button emits
    with qtbot.waitSignal(run.finished, timeout=30_000) as finished:
        pass
    assert finished.args == [None]
    assert run.error is not None and type(run.error).__name__ == "ExportCancelled"
    assert list(target.path.parent.iterdir()) == []


def test_markdown_target_and_a_refused_folder(
    qtbot: QtBot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    cycle = demo_services.reviews.list()[0]
    run = export_packet(
        None, demo_services, cycle.id, target=Target(tmp_path / "missing" / "p.md", "md")
    )
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=30_000):
        pass
    assert warnings and "does not exist" in warnings[0]
    run = export_packet(None, demo_services, cycle.id, target=Target(tmp_path / "p.md", "md"))
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=30_000) as finished:
        pass
    assert finished.args[0].path.read_text(encoding="utf-8").startswith("# ")
    assert run.message is not None
    assert run.message.findChild(QPushButton, "exportPrint") is None  # printing is for PDFs
    run.message.close()


def test_choose_target_follows_the_filter(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(
        [
            (str(tmp_path / "a"), export_flow.MD_FILTER),
            (str(tmp_path / "b.pdf"), export_flow.PDF_FILTER),
            ("", ""),
        ]
    )
    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", lambda *a: next(answers))
    assert export_flow.choose_target(None, "t", "x.pdf") == Target(tmp_path / "a.md", "md")
    assert export_flow.choose_target(None, "t", "x.pdf") == Target(tmp_path / "b.pdf", "pdf")
    assert export_flow.choose_target(None, "t", "x.pdf") is None
    assert AppSettings().qsettings.value("export/folder") == str(tmp_path)


def test_export_menu_picks_a_meeting_and_builds(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    menu = window.menuBar().findChild(QMenu, "menu_export")
    assert menu is not None
    names = [action.objectName() for action in menu.actions()]
    assert names == [
        "action_export_brief",
        "action_export_packet",
        "action_export_handoff",
        "",  # a separator
        "action_weekly_update",
        "action_export_all",
    ]
    toolbar_export = window.findChild(QAction, "action_export")
    assert toolbar_export.isEnabled() and toolbar_export.menu() is menu
    picked: list[ExportPicker] = []

    def accept(picker: ExportPicker) -> int:
        picked.append(picker)
        assert picker.choice.count() >= 9  # eight held 1:1s and the planned one
        assert picker.choice.currentText().endswith("planned")  # the next one first
        return ExportPicker.DialogCode.Accepted

    monkeypatch.setattr(ExportPicker, "exec", accept)
    target = Target(tmp_path / "menu-brief.pdf", "pdf")
    monkeypatch.setattr(export_flow, "choose_target", lambda *args: target)
    runs: list[export_flow.ExportRun] = []
    original = export_flow.ExportRun.start
    monkeypatch.setattr(
        export_flow.ExportRun, "start", lambda self, work: (runs.append(self), original(self, work))
    )
    window.findChild(QAction, "action_export_brief").trigger()
    assert picked and runs
    with qtbot.waitSignal(runs[0].finished, timeout=30_000):
        pass
    assert target.path.is_file()
    assert runs[0].message is not None
    runs[0].message.close()
    window.session.lock()
    assert not window.findChild(QAction, "action_export_packet").isEnabled()


def test_handoff_packet_builds_in_the_background(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    dana = demo_services.people.find("Dana")
    target = Target(tmp_path / "handoff.md", "md")
    run = export_handoff(None, demo_services, dana.id, target=target)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=60_000):
        pass
    assert run.error is None
    assert "## Open commitments" in target.path.read_text("utf-8")
    run.message.close()
