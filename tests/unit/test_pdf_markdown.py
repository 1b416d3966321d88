"""The Markdown walker: every construct, odd input, the CommonMark corpus and wide Unicode."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from tests.conftest import COMMONMARK_EXAMPLES
from upwardprep.export import model as m
from upwardprep.export.markdown import to_html
from upwardprep.export.markdown_out import render_markdown
from upwardprep.export.pdf.flowables import Nested, escape, markdown_flowables
from upwardprep.export.pdf.render import render_pdf
from upwardprep.export.pdf.theme import FALLBACK, MONO, SANS, Theme, covered_codepoints

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
    main, fallback = covered_codepoints(SANS), covered_codepoints(FALLBACK)
    for script, sample in UNICODE.items():
        missing = [ch for ch in sample if not ch.isspace() and ord(ch) not in main | fallback]
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
    assert escape("Aiko 田中") == f'Aiko <font face="{FALLBACK}">田中</font>'
    assert escape("Привет") == "Привет"
    # Code is set in DejaVu Sans Mono, which lacks Hebrew and CJK: they come from the others.
    assert escape("x = 'שלום 田'", MONO) == (
        f'x = \'<font face="{SANS}">שלום</font> <font face="{FALLBACK}">田</font>\''
    )


def test_code_blocks_keep_spaces_and_cjk() -> None:
    """Found by Hypothesis: a code block's spaces became non-breaking inside the font tag."""
    reader = build(markdown_flowables("\t田中\n\n```\n  a  b\n```", THEME))
    text = text_of(reader)
    assert "田中" in text and "a\u00a0\u00a0b" in text.replace(" ", "\u00a0")
