"""The Markdown walker: every construct, odd input, the CommonMark corpus and wide Unicode."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from tests.conftest import COMMONMARK_EXAMPLES
from tests.unit.pdf_text import runs
from upwardprep.export import model as m
from upwardprep.export.markdown_document import render_markdown
from upwardprep.export.markdown_html import to_html
from upwardprep.export.pdf.flowables import Nested
from upwardprep.export.pdf.fonts import (
    CJK,
    FAMILIES,
    HEBREW,
    MONO,
    covered_codepoints,
    escape,
)
from upwardprep.export.pdf.markdown_walker import markdown_flowables
from upwardprep.export.pdf.render import render_pdf
from upwardprep.export.pdf.theme import Theme

THEME = Theme()


def build(flowables: list[Flowable]) -> PdfReader:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=THEME.page_size)
    doc.build(flowables)
    return PdfReader(io.BytesIO(buffer.getvalue()))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def document(body: str, title: str = "Sample") -> m.Document:
    from datetime import date

    return m.Document(
        kind="brief",
        title=title,
        headline=title,
        person="Zoë Ångström",
        author="Tester",
        subject="test",
        generated=date(2026, 11, 23),
        sections=(m.Section("body", "Body", (m.Markdown(body),)),),
    )


def pdf_of(doc: m.Document) -> PdfReader:
    buffer = io.BytesIO()
    render_pdf(doc, buffer)
    return PdfReader(io.BytesIO(buffer.getvalue()))


def leaves(flowables: list[Flowable]) -> list[Flowable]:
    return [f.child if isinstance(f, Nested) else f for f in flowables]


SAMPLE = """\
# Heading one
## Heading two

Some *emphasis*, **strong**, `code span` and a [link](https://example.com/a).

1. first
2. second
   - nested *item*
   - another
3. third

> A quote with **bold**
> > and a nested quote

```python
def hello():
    return "<b>not bold</b>"
```

| Left | Right |
| :--- | ---: |
| a | 1 |
| b | 22 |

---

<script>alert(1)</script> stays text; ![a chart](https://example.com/chart.png) is never fetched.
"""


def test_every_construct_becomes_the_right_flowable() -> None:
    flowables = markdown_flowables(SAMPLE, THEME)
    kinds = [type(f).__name__ for f in leaves(flowables)]
    assert "Table" in kinds and "HRFlowable" in kinds
    nested = [f for f in flowables if isinstance(f, Nested)]
    assert any(len(f.bars) == 2 for f in nested)  # the nested quote has two bars
    assert max(f.left for f in nested) > min(f.left for f in nested)  # the nested list
    paragraphs = [f for f in leaves(flowables) if isinstance(f, Paragraph)]
    bullets = [p.bulletText for p in paragraphs if getattr(p, "bulletText", None)]
    assert bullets[:4] == ["1.", "2.", "◦", "◦"]  # a list inside a list: the second bullet
    reader = build(markdown_flowables(SAMPLE, THEME))
    text = text_of(reader)
    for expected in ("Heading one", "emphasis", "code span", "nested item", "and a nested quote"):
        assert expected in text
    assert "<script>alert(1)</script> stays text" in text
    assert '"<b>not bold</b>"' in text
    assert "[image: a chart]" in text
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert uris == ["https://example.com/a"]


def test_long_words_and_urls_wrap_inside_the_frame() -> None:
    long = "x" * 2000
    url = "https://example.com/" + "segment/" * 120
    table = f"| {long} | b |\n|---|---|\n| {url} | c |"
    body = f"{long}\n\n[{url}]({url})\n\n`{long}`\n\n    {long}\n\n{table}"
    width = THEME.frame_width
    for flowable in markdown_flowables(body, THEME):
        used, _ = flowable.wrap(width, THEME.frame_height)
        assert used <= width + 0.5, type(flowable).__name__
        if isinstance(flowable, Table):
            assert sum(flowable._colWidths) <= width + 0.5
    assert len(build(markdown_flowables(body, THEME)).pages) >= 1


def test_a_very_long_paragraph_is_laid_out_in_sentence_pieces_and_keeps_every_word() -> None:
    sentence = "The **renewal** campaign won back accounts, one call at a time. "
    body = "- " + sentence * 400  # ~4,400 words in one list item's paragraph
    flowables = markdown_flowables(body, THEME)
    pieces = [f.child if isinstance(f, Nested) else f for f in flowables]
    assert len(pieces) > 5 and all(isinstance(p, Paragraph) for p in pieces)
    plain = sentence.replace("**", "")
    assert " ".join(p.getPlainText() for p in pieces).split() == (plain * 400).split()
    assert all(p.getPlainText().startswith("The renewal") for p in pieces)  # at sentence starts
    assert pieces[0].bulletText and not any(p.bulletText for p in pieces[1:])
    short = markdown_flowables(sentence * 3, THEME)
    assert len(short) == 1 and short[0].getPlainText() == (plain * 3).strip()


def test_deep_nesting_stops_moving_right() -> None:
    deep = "".join("  " * level + "- level\n" for level in range(30))
    deep += "\n" + "> " * 30 + "deep quote"
    flowables = markdown_flowables(deep, THEME)
    assert max(f.left for f in flowables if isinstance(f, Nested)) <= THEME.max_nesting_indent
    build(flowables)


def test_commonmark_examples_render_in_the_preview_and_in_one_pdf() -> None:
    examples = json.loads(COMMONMARK_EXAMPLES.read_text(encoding="utf-8"))
    assert len(examples) == 655
    story: list[Flowable] = []
    for example in examples:
        to_html(example)
        to_html(example, qt=True)
        story += markdown_flowables(example, THEME)
    reader = build(story)
    assert len(reader.pages) > 10


MARKDOWN_PIECES = st.sampled_from(
    [
        *"*_`[]()#>|-!\\<&=:~+.1\n \t",
        "**",
        "```",
        "](",
        "![",
        "- ",
        "1. ",
        "> ",
        "    ",
        "\n\n",
        "| a | b |\n|---|---|\n",
        "<b>",
        "&amp;",
        "https://x.y/",
        "田中",
        "שלום",
        "word",
    ]
)
MARKDOWNISH = st.lists(MARKDOWN_PIECES | st.text(max_size=4), max_size=50).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWNISH | st.text(max_size=200), min_size=1, max_size=4))
def test_any_text_never_crashes_the_walker_or_the_build(bodies: list[str]) -> None:
    story = [f for body in bodies for f in markdown_flowables(body, THEME)]
    build(story)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWNISH, st.text(max_size=80))
def test_any_text_never_crashes_a_whole_document(body: str, title: str) -> None:
    doc = document(body, title or "t")
    pdf_of(doc)
    render_markdown(doc)


UNICODE = {
    "accents": "Zoë Ångström, Rafael Núñez, François, Łódź, ça, señor, Øresund",
    "cyrillic": "Привет, команда! Ежедневная встреча",
    "greek": "Καλημέρα, ομάδα — αβγδε ΩΣΠ",
    "cjk": "田中さん 会議 中文 漢字",
    "emoji": "☺ ✓ ★ ☀ ⚠ 😀",
    "rtl": "שלום עולם مرحبا بالعالم",
    "symbols": "€ £ ¥ → ← ≤ ≥ ± ½ … – — “quotes” ‘single’",
}


def test_unicode_sample_has_glyphs_and_survives_the_round_trip() -> None:
    shipped = frozenset().union(*(covered_codepoints(family) for family in FAMILIES))
    for script, sample in UNICODE.items():
        missing = [ch for ch in sample if not ch.isspace() and ord(ch) not in shipped]
        assert missing == [], (script, missing)
    body = "\n\n".join(f"**{name}**: {sample}" for name, sample in UNICODE.items())
    reader = pdf_of(document(body))
    text = text_of(reader)
    for script in ("accents", "cyrillic", "greek", "cjk", "symbols"):
        for word in UNICODE[script].split()[:2]:
            assert word.strip(",") in text, (script, word)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DroidSansFallback" in name for name in fonts)  # the CJK run
    assert all("Helvetica" not in name for name in fonts)


def test_cjk_runs_switch_font_and_everything_else_stays() -> None:
    assert escape("a < b & c") == "a &lt; b &amp; c"
    assert escape("Aiko 田中") == f'Aiko <font face="{CJK}">田中</font>'
    assert escape("Привет") == "Привет"
    # Code is set in Noto Sans Mono, which lacks Hebrew and CJK: they come from the fallbacks
    # (a right-to-left run keeps its spaces, so it is reordered in one piece).
    assert escape("x = 'שלום 田'", MONO) == (
        f'x = \'<font face="{HEBREW}">שלום </font><font face="{CJK}">田</font>\''
    )


def test_code_blocks_keep_spaces_and_cjk() -> None:
    """Found by Hypothesis: a code block's spaces became non-breaking inside the font tag."""
    reader = build(markdown_flowables("\t田中\n\n```\n  a  b\n```", THEME))
    text = text_of(reader)
    assert "田中" in text and "a\u00a0\u00a0b" in text.replace(" ", "\u00a0")


LONG_URL = "https://example.com/" + "a-very-long-path-segment/" * 12 + "index.html?query=1&more=2"


def test_a_long_url_in_a_table_cell_stays_inside_the_page() -> None:
    body = (
        f"| Link | Note |\n|---|---|\n| {LONG_URL} | bare |\n| [label]({LONG_URL}) | linked |\n"
        f"| `{LONG_URL}` | code |\n\n```\nfetch('{LONG_URL}')\n```"
    )
    doc = document(body)
    table = m.Table(header=("Evidence", "Kind"), rows=((LONG_URL, "win"),), widths=(0.6, 0.4))
    doc = replace(doc, sections=(*doc.sections, m.Section("t", "Table", (table,))))
    reader = pdf_of(doc)
    left, right = THEME.margin, THEME.page_size[0] - THEME.margin
    drawn = [run for run in runs(reader) if "segment" in run.text or "index.html" in run.text]
    assert len(drawn) >= 8  # every copy of the address, each wrapped over lines
    for run in drawn:
        assert left - 0.5 <= run.x and run.right <= right + 0.5, (run.text, run.x, run.right)
    text = text_of(reader)
    assert "↪" in text  # the code line goes on below, marked


def test_headings_one_to_six_each_look_different() -> None:
    body = "\n\n".join(f"{'#' * level} Level {level}" for level in range(1, 7))
    paragraphs = [f for f in leaves(markdown_flowables(body, THEME)) if isinstance(f, Paragraph)]
    looks = {
        (p.style.fontName, p.style.fontSize, p.style.textColor.hexval(), p.style.textTransform)
        for p in paragraphs
    }
    assert len(paragraphs) == 6 and len(looks) == 6


def test_strikethrough_tasks_footnotes_and_bare_urls_in_the_pdf() -> None:
    body = (
        "~~cancelled~~ plan, details at https://example.com/plan.\n\n"
        "- [ ] book the room\n- [x] send the agenda\n\nA claim[^1].\n\n[^1]: The source."
    )
    flowables = leaves(markdown_flowables(body, THEME))
    paragraphs = [f for f in flowables if isinstance(f, Paragraph)]
    assert "<strike>cancelled</strike>" in paragraphs[0].text
    assert [p.bulletText for p in paragraphs[1:3]] == ["☐", "☑"]  # the box, not a bullet
    reader = build(markdown_flowables(body, THEME))
    text = text_of(reader)
    assert "~~" not in text and "[ ]" not in text and "[^1]" not in text
    assert "book the room" in text and "The source." in text
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert uris == ["https://example.com/plan"]


def test_raw_html_is_escaped_in_the_markdown_export() -> None:
    body = "Text <script>alert(1)</script>, `<b>code</b>`, <https://example.com>.\n\n```\n<i>x</i>\n```"
    exported = render_markdown(document(body))
    assert "&lt;script>alert(1)&lt;/script>" in exported and "<script>" not in exported
    assert "`<b>code</b>`" in exported and "<https://example.com>" in exported
    assert "```\n<i>x</i>\n```" in exported
