"""Any script in a packet: every character drawn with a glyph, Arabic and Hebrew in order.

A packet is built through the services from notes titled and written in Arabic, Hebrew, Korean,
Chinese, Greek, Cyrillic and with emoji, then read back: pypdf's text visitor names the font of
every run it draws, and each character of the run must be in that font's cmap (ReportLab's own
parse of the shipped file), so no character prints as an empty box.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.pdf_text import runs
from upwardprep.export.documents import build_packet
from upwardprep.export.pdf.bidi import join_arabic, visual
from upwardprep.export.pdf.fonts import FONT_FILES, covered_codepoints
from upwardprep.services import Services
from upwardprep.store.engine import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ARABIC_TITLE = "تقرير التقدم في مشروع الترحيل"
SAMPLES = {
    "arabic": (ARABIC_TITLE, "أكملنا ترحيل الخدمات إلى المنصة الجديدة قبل الموعد (٢٠٢٦)."),
    "hebrew": ("דוח התקדמות בפרויקט ההעברה", "השלמנו את ההעברה לפני המועד (2026)."),
    "korean": ("고객 이탈률 12% 감소", "팀이 마이그레이션을 일정보다 빨리 완료했습니다."),
    "chinese": ("客户流失率下降了百分之十二", "我们完成了迁移，并且减少了故障。"),
    "greek": ("Αναφορά προόδου για το έργο", "Η ομάδα ολοκλήρωσε τη μετάβαση — καλημέρα."),
    "cyrillic": ("Отчёт о снижении оттока", "Мы сократили отток на **12 %** за квартал."),
    "emoji": ("Shipped the release 🚀🎉", "Customers loved it 👍 ✅ ❤️ 📈"),
}
_FORMAT_CHARACTERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f]")


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    tmp_path = tmp_path_factory.mktemp("scripts")
    store = Store.create(tmp_path / "scripts.upwardprep", "any passphrase")
    frozen = Services(store, clock=lambda: NOW)
    start, end = date(2026, 6, 1), date(2026, 11, 30)
    priority = frozen.priorities.create("Ελληνικά και عربي: priorities in any script")
    for index, (title, body) in enumerate(SAMPLES.values()):
        frozen.outcomes.create(
            title,
            body=body,
            impact=body.replace("**", ""),
            occurred_on=date(2026, 7, 1 + index),
            priority_ids=(priority.id,),
        )
    cycle = frozen.reviews.create("Ревизия 2026 — مراجعة", start, end)
    pdf = build_packet(frozen, cycle.id, tmp_path / "packet.pdf", author="Dana Ørsted").path
    md = build_packet(frozen, cycle.id, tmp_path / "packet.md", fmt="md").path
    yield pdf, md
    store.close()


def test_every_character_is_drawn_with_a_font_that_has_it(packet: tuple[Path, Path]) -> None:
    drawn: set[str] = set()
    for run in runs(PdfReader(packet[0])):
        assert run.font in FONT_FILES, f"{run.font} is not a shipped font"
        cmap = covered_codepoints(run.font)
        missing = {ch for ch in run.text if not ch.isspace() and ord(ch) not in cmap}
        assert not missing, (run.font, sorted(missing))
        drawn |= set(run.text)
    for script, (title, body) in SAMPLES.items():
        wanted = {ch for text in (title, body.replace("**", "")) for ch in join_arabic(text)} - set(
            _FORMAT_CHARACTERS.findall(title + body)
        )
        assert {ch for ch in wanted if not ch.isspace()} <= drawn, script


def test_right_to_left_titles_read_back_in_logical_order(packet: tuple[Path, Path]) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(packet[0]).pages)
    logical = unicodedata.normalize("NFKC", text)
    assert ARABIC_TITLE in logical
    assert SAMPLES["hebrew"][0] in logical
    assert ARABIC_TITLE[::-1] not in logical  # not drawn in logical order (read back reversed)


def test_a_right_to_left_title_takes_its_date_line_to_the_right(
    packet: tuple[Path, Path],
) -> None:
    """The grey line under a title (its date and kind) follows the title's direction."""
    reader = PdfReader(packet[0])
    lines = {r.text.strip(): r for r in runs(reader) if r.text.strip().endswith("Jul 2026 · Win")}
    # Notes are dated 1, 2, … July in the order of SAMPLES: Arabic and Hebrew first.
    rtl = [lines[f"{day} Jul 2026 · Win"] for day in (1, 2)]
    ltr = [lines[f"{day} Jul 2026 · Win"] for day in range(3, len(SAMPLES) + 1)]
    margin = min(run.x for run in ltr)
    assert all(run.x == pytest.approx(margin, abs=1) for run in ltr)
    width = float(reader.pages[rtl[0].page].mediabox.width)
    assert all(run.right == pytest.approx(width - margin, abs=2) for run in rtl)


def test_the_markdown_export_keeps_every_script(packet: tuple[Path, Path]) -> None:
    text = packet[1].read_text("utf-8")
    for title, _ in SAMPLES.values():
        assert title in text


def test_lines_are_reordered_per_line_with_brackets_mirrored() -> None:
    drawn, order = visual("abc שלום (עולם) def", 0)
    assert drawn == "abc (םלוע) םולש def"  # read right to left: שלום (עולם)
    assert order[:5] == [0, 1, 2, 3, 14] and sorted(order) == list(range(19))
    assert visual("plain text", 0) == ("plain text", list(range(10)))
