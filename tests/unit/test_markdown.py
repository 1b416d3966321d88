"""Markdown bodies: one parse, a clean tree, raw HTML shown as text, nothing fetched, no crash."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET
from html import escape as html_escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import COMMONMARK_EXAMPLES
from upwardprep.export import markdown as md
from upwardprep.export.markdown import ALLOWED_TAGS, parse, safe_href
from upwardprep.export.markdown_html import (
    DARK,
    LIGHT,
    PreviewColors,
    document_html,
    serialise,
    stylesheet,
    to_html,
)

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "li": {"class"},
    "th": {"align"},
    "td": {"align"},
    "code": {"class"},
    "span": {"class"},
}


def assert_clean(tree: ET.Element) -> None:
    """The contract the PDF walker relies on (see the module docstring)."""
    assert tree.tag == "div"
    for element in tree.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES.get(element.tag, set()), element.attrib
        for value in (element.text, element.tail, *element.attrib.values()):
            assert value is None or ("\x02" not in value and "\x03" not in value), value
        if element.tag == "a":
            assert safe_href(element.get("href", "")) == element.get("href")


def well_formed(fragment: str) -> ET.Element:
    return ET.fromstring(f"<root>{fragment}</root>")


def tags(text: str) -> list[str]:
    return [element.tag for element in parse(text).iter()][1:]


def text_of(tree: ET.Element) -> str:
    return "".join(tree.itertext())


# --- what each construct becomes ---------------------------------------------------------------


def test_headings() -> None:
    assert tags("# One\n\n## Two\n\n###### Six") == ["h1", "h2", "h6"]
    assert tags("Setext\n======\n\nTwo\n---") == ["h1", "h2"]
    assert parse("# Q3 *review*").find("h1/em").text == "review"


def test_emphasis() -> None:
    tree = parse("*em* _em_ **strong** __strong__ ***both***")
    assert [e.tag for e in tree.find("p")] == ["em", "em", "strong", "strong", "strong"]
    assert tree.find("p/strong/em").text == "both"


def test_lists_and_start_numbers() -> None:
    tree = parse("- a\n- b\n\n3. three\n4. four")
    assert [e.tag for e in tree] == ["ul", "ol"]
    assert [li.text for li in tree.find("ul")] == ["a", "b"]
    assert tree.find("ol").get("start") == "3"


@pytest.mark.parametrize(
    "text",
    [
        "- a\n  - b\n    - c\n- d",  # two spaces, as CommonMark and most editors nest
        "- a\n    - b\n        - c\n- d",  # four spaces (what Tab inserts in our editor)
        "* a\n\t* b\n\t\t* c\n* d",  # tabs
    ],
)
def test_nested_lists(text: str) -> None:
    tree = parse(text)
    outer = tree.find("ul")
    assert [li.text for li in outer] == ["a", "d"]
    inner = outer.find("li/ul")
    assert inner.find("li").text == "b"
    assert inner.find("li/ul/li").text == "c"


def test_ordered_list_nests_at_its_text_column() -> None:
    tree = parse("1. one\n2. two\n   - detail\n3. three")
    items = tree.find("ol").findall("li")
    assert [li.text for li in items] == ["one", "two", "three"]
    assert items[1].find("ul/li").text == "detail"
    # A numbered list under bullets at the same level is a list of its own, as in CommonMark.
    tree = parse("1. one\n2. two\n   - detail\n   1. sub\n3. three")
    items = tree.find("ol").findall("li")
    assert [(li.text or li.findtext("p")) for li in items] == ["one", "two", "three"]
    assert [e.tag for e in items[1]][-2:] == ["ul", "ol"]


def test_a_list_right_under_a_line_of_text() -> None:
    assert tags("Agenda:\n- hiring\n- budget") == ["p", "ul", "li", "li"]
    # Only "1." starts a numbered list inside a paragraph (CommonMark): years stay prose.
    assert tags("It was\n2024. A good year") == ["p"]


def test_bullets_then_numbers_make_two_lists() -> None:
    assert [e.tag for e in parse("- a\n- b\n1. one\n2. two")] == ["ul", "ol"]


def test_paragraphs_and_code_inside_list_items() -> None:
    tree = parse("- a\n\n  more about a\n\n        code in a\n- b")
    first, second = tree.find("ul").findall("li")
    assert [e.tag for e in first] == ["p", "p", "pre"]
    assert first.find("pre/code").text == "  code in a"
    assert second.find("p").text == "b"


def test_links() -> None:
    tree = parse('[dash](https://example.com/d "Dashboard") and <https://example.com/x?a=1&b=2>')
    first, second = tree.findall("p/a")
    assert (first.get("href"), first.get("title"), first.text) == (
        "https://example.com/d",
        "Dashboard",
        "dash",
    )
    assert second.get("href") == second.text == "https://example.com/x?a=1&b=2"


def test_reference_links_and_mail() -> None:
    tree = parse("[docs][1] or <dana@example.com>\n\n[1]: http://example.com/docs")
    docs, mail = tree.findall("p/a")
    assert docs.get("href") == "http://example.com/docs"
    assert mail.get("href") == "mailto:dana@example.com"
    assert mail.text == "dana@example.com"  # the package obfuscates it as entities: decoded


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "vbscript:x",
        "/relative/path",
        "#anchor",
    ],
)
def test_links_other_than_http_and_mail_become_plain_text(target: str) -> None:
    tree = parse(f"[click]({target})")
    assert tree.find(".//a") is None
    assert tree.find("p/span").text == "click"
    assert "href" not in to_html(f"[click]({target})")


def test_safe_href() -> None:
    assert safe_href("https://example.com/a b") == "https://example.com/a%20b"
    assert safe_href("HTTP://EXAMPLE.COM") == "HTTP://EXAMPLE.COM"
    assert safe_href("mailto:dana@example.com") == "mailto:dana@example.com"
    for bad in ("java\tscript:alert(1)", " javascript:x", "java\nscript:x", "ftp://x", ""):
        assert safe_href(bad) is None


def test_code_spans_and_blocks_keep_their_text_literally() -> None:
    tree = parse("Use `<b> &amp; x` here.\n\n    if a < b && c:\n        pass\n")
    assert tree.find("p/code").text == "<b> &amp; x"
    assert tree.find("pre/code").text == "if a < b && c:\n    pass"
    html = to_html("`<b>`")
    assert "<code>&lt;b&gt;</code>" in html


def test_fenced_code_with_language() -> None:
    tree = parse('```python\nprint("<hi>")  # &amp;\n```')
    code = tree.find("pre/code")
    assert code.get("class") == "language-python"
    assert code.text == 'print("<hi>")  # &amp;'


def test_fenced_code_right_after_text_is_a_block_of_its_own() -> None:
    tree = parse("before\n```\ncode\n```\nafter")
    assert [e.tag for e in tree] == ["p", "pre", "p"]
    assert [tree[0].text, tree[1].find("code").text, tree[2].text] == ["before", "code", "after"]


def test_tables() -> None:
    tree = parse("| Priority | Progress |\n|:---|---:|\n| Churn | 62 % |\n| Hiring | 1/2 |")
    table = tree.find("table")
    assert [th.text for th in table.findall("thead/tr/th")] == ["Priority", "Progress"]
    assert [th.get("align") for th in table.findall("thead/tr/th")] == ["left", "right"]
    assert [[td.text for td in tr] for tr in table.findall("tbody/tr")] == [
        ["Churn", "62 %"],
        ["Hiring", "1/2"],
    ]


def test_quotes_rules_and_breaks() -> None:
    tree = parse("> said\n> > nested\n\n---\n\nline  \nbreak")
    assert tree.find("blockquote/p").text == "said"
    assert tree.find("blockquote/blockquote/p").text == "nested"
    assert tree.find("hr") is not None
    assert tree.find("p/br").tail == "break"


def test_entities_are_decoded_once() -> None:
    tree = parse("AT&T &copy; &#169; &amp;amp; &nosuch;")
    assert tree.find("p").text == "AT&T © © &amp; &nosuch;"
    assert "AT&amp;T © © &amp;amp; &amp;nosuch;" in to_html("AT&T &copy; &#169; &amp;amp; &nosuch;")


# --- raw HTML is text, images are never fetched ------------------------------------------------

RAW_HTML = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body { display: none }</style>",
    "<!-- a hidden comment -->",
    '<a href="javascript:alert(1)">x</a>',
    "<div>\n<script>alert(1)</script>\n</div>",
    "text <span onmouseover=alert(1)>inline</span> text",
]


@pytest.mark.parametrize("raw", RAW_HTML)
def test_raw_html_is_shown_as_text(raw: str) -> None:
    tree = parse(raw)
    assert_clean(tree)
    assert [e for e in tree.iter() if e.tag in ("script", "iframe", "style", "img")] == []
    assert tree.find(".//a") is None
    assert " ".join(text_of(tree).split()) == " ".join(raw.split())  # every character visible
    html = to_html(raw)
    assert "<script" not in html and "<iframe" not in html and "<!--" not in html
    assert html_escape(raw.split()[0], quote=False) in html


def test_script_is_escaped_in_the_html() -> None:
    html = to_html('<script>alert("x")</script>')
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in html
    assert well_formed(html).find(".//script") is None


@pytest.mark.parametrize(
    "text",
    [
        "![chart](http://example.com/a.png)",
        '![chart](http://example.com/a.png "title")',
        "![chart][img]\n\n[img]: http://example.com/a.png",
        "[![chart](http://example.com/a.png)](https://example.com/)",
    ],
)
def test_images_become_text_and_are_never_fetched(text: str) -> None:
    tree = parse(text)
    assert tree.find(".//img") is None
    marker = tree.find(".//span[@class='image']")
    assert marker.text == "[image: chart]"
    assert "a.png" not in to_html(text)


def test_image_without_alt() -> None:
    assert parse("![](http://example.com/a.png)").find(".//span").text == "[image]"


# --- odd input never breaks anything ------------------------------------------------------------


def test_long_words_and_urls_stay_intact() -> None:
    word = "x" * 20_000
    url = "https://example.com/" + "a" * 5_000
    html = to_html(f"{word}\n\n[link]({url}) {url}")
    assert word in html
    assert f'href="{url}"' in html


def test_characters_xml_cannot_hold_are_dropped_or_replaced() -> None:
    html = to_html("a\x00b\x0bc\x1fd \ud800 \ufffe e\x02wzxhzdk:0\x03f")
    root = well_formed(html)
    assert text_of(root).strip() == "abcd \ufffd \ufffd ewzxhzdk:0f"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000,
        "![" * 5_000,
        "[](" * 5_000 + ")",
        "[" * 3_000 + "]" * 3_000,
        "- " * 600 + "x",
        "> " * 1_000 + "x",
        "".join(f"{'  ' * depth}- level {depth}\n" for depth in range(400)),
        "*" * 10_000 + "a" + "*" * 10_000,
    ],
    ids=["brackets", "images", "parens", "nested-brackets", "list-markers", "quotes", "deep", "*"],
)
def test_pathological_input_renders_quickly(text: str) -> None:
    start = time.perf_counter()
    html = to_html(text)
    assert time.perf_counter() - start < 5  # unbounded, the package takes minutes on some
    well_formed(html)


def test_a_parser_failure_falls_back_to_plain_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> ET.Element:
        raise RecursionError

    monkeypatch.setattr(md, "_parse", broken)
    tree = parse("first line\nsecond <b>line</b>\n\nnext paragraph")
    assert [e.tag for e in tree] == ["p", "p"]
    assert text_of(tree[0]) == "first linesecond <b>line</b>"
    assert tree[0].find("br") is not None


def test_blank_text() -> None:
    for blank in ("", "   ", "\n\n\t\n"):
        assert len(parse(blank)) == 0
        assert to_html(blank) == ""


def test_parse_is_safe_from_several_threads() -> None:
    texts = [f"# Note {n}\n\n- item **{n}**\n\n```\ncode {n}\n```\n\n&copy; {n}" for n in range(8)]
    expected = [to_html(text) for text in texts]
    results: dict[int, list[str]] = {n: [] for n in range(len(texts))}

    def work(n: int) -> None:
        for _ in range(40):
            results[n].append(to_html(texts[n]))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, outputs in results.items():
        assert set(outputs) == {expected[n]}


# --- corpora and properties ---------------------------------------------------------------------


def test_every_commonmark_example_parses_and_renders() -> None:
    examples = json.loads(COMMONMARK_EXAMPLES.read_text(encoding="utf-8"))
    assert len(examples) == 655
    for number, example in enumerate(examples, start=1):
        tree = md._parse(example)  # the strict parse: a fallback would hide a failure
        assert_clean(tree)
        well_formed(serialise(tree))
        well_formed(serialise(tree, qt=True))
        assert "<script" not in serialise(tree), number


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
        "<script>",
        "&amp;",
        "&copy;",
        "http://x.y",
        "javascript:",
        "word",
    ]
)
MARKDOWNISH = st.lists(MARKDOWN_PIECES | st.text(max_size=3), max_size=60).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_renders_well_formed(text: str) -> None:
    tree = md._parse(text)
    assert_clean(tree)
    well_formed(serialise(tree))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWNISH)
def test_any_markdown_punctuation_renders_well_formed(text: str) -> None:
    tree = md._parse(text)
    assert_clean(tree)
    well_formed(serialise(tree))
    well_formed(serialise(tree, qt=True))


# --- speed and the preview document -------------------------------------------------------------


VOCABULARY = (
    "the team shipped the onboarding flow and reduced churn for enterprise customers "
    "while hiring two engineers under budget before the quarterly review"
)


def five_thousand_word_note() -> str:
    words = VOCABULARY.split()
    sections = []
    count = 0
    n = 0
    while count < 5_000:
        body = " ".join(words[(n + i) % len(words)] for i in range(90))
        sections.append(
            f"## Section {n}\n\n{body} with **impact {n}**, a [link](https://example.com/{n}) "
            f"and `code {n}`.\n\n- first point about {body[:60]}\n  - nested detail {n}\n"
            f"- second point\n\n> quoted feedback {n}\n\n| metric | value |\n|---|---:|\n"
            f"| churn | {n} % |\n"
        )
        count += len(sections[-1].split())
        n += 1
    return "\n".join(sections)


def test_a_five_thousand_word_note_renders_fast() -> None:
    note = five_thousand_word_note()
    assert len(note.split()) >= 5_000
    to_html(note)  # warm up
    best = min(_timed(lambda: to_html(note)) for _ in range(3))
    assert best < 0.100, f"{best * 1000:.0f} ms of CPU"


def _timed(action: object) -> float:
    """The CPU time this thread spent: the test runs beside other tests (and other jobs on a
    shared machine), whose load stretches wall time but not the work the render itself does."""
    start = time.thread_time()
    action()  # type: ignore[operator]
    return time.thread_time() - start


def test_document_html_has_the_stylesheet_and_the_note() -> None:
    html = document_html("# Hi\n\n<b>x</b>", stylesheet(DARK))
    assert html.startswith("<html><head>") and html.endswith("</body></html>")
    assert DARK.background in html and DARK.code_background in html
    assert "<h1>Hi</h1>" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert LIGHT.background in document_html("x")
    well_formed(html.replace('<meta charset="utf-8" />', ""))


def test_document_html_draws_quotes_and_code_as_qt_can() -> None:
    html = document_html("> quote\n\n```\ncode\n```")
    assert '<td class="quote"><p>quote</p>' in html
    assert '<td class="code"><pre><code>code</code></pre>' in html
    assert "<blockquote>" in to_html("> quote")


def test_colours_and_stylesheets_are_checked() -> None:
    with pytest.raises(ValueError):
        PreviewColors(text="red; } body { background: url(http://x)")
    with pytest.raises(ValueError):
        document_html("x", "p { color: red } </style><script>")
    assert "border-left: 3px solid" in stylesheet(LIGHT)


def test_strikethrough_tasks_footnotes_and_bare_urls() -> None:
    html = to_html(
        "~~old~~ new, see https://example.com/a_(b) and www.example.org.\n\n"
        "- [ ] book the room\n- [x] send the agenda\n\n"
        "A claim[^1].\n\n[^1]: The source.\n\n"
        "`https://not.a.link ~~kept~~`"
    )
    assert "<s>old</s>" in html
    assert '<a href="https://example.com/a_(b)">https://example.com/a_(b)</a> and' in html
    assert '<a href="https://www.example.org">www.example.org</a>.' in html
    assert '<li class="task">☐ book the room</li>' in html
    assert '<li class="task done">☑ send the agenda</li>' in html
    assert "A claim<sup><span>1</span></sup>." in html
    assert "<li><p>The source.</p>" in html and "fnref" not in html and "↩" not in html
    assert "<code>https://not.a.link ~~kept~~</code>" in html
    assert_clean(parse("[https://inside.example](https://outside.example) https://x.example"))


def test_short_texts_keep_their_inline_marks_whole_in_every_output() -> None:
    """export.inline: an ask or a note on one line, as PDF/plain/HTML/Markdown, and clipped."""
    from upwardprep.export import inline

    ask = "**Approve** the [quote](https://example.com/q) or `ticket 42` <b>now</b>"
    assert inline.plain(ask) == "Approve the quote (https://example.com/q) or ticket 42 <b>now</b>"
    assert inline.html(ask).startswith('<strong>Approve</strong> the <a href="https://exa')
    assert "&lt;b&gt;now&lt;/b&gt;" in inline.html(ask)
    assert inline.markdown(ask).endswith("`ticket 42` &lt;b>now&lt;/b>")
    # A block mark at the start stays text; plain words beside Markdown stay plain.
    for line in ("1. Ship it", "# 2 left", "- a - b", "> quoted", "---"):
        assert inline.plain(line) == line
    title = "Cut *all* the [costs] ~~now~~ a_b_c"
    assert inline.plain(inline.literal(title)) == title
    # Clipped between words, the marks kept whole: no half link, no lone "**".
    clipped = inline.clipped(ask, 24)
    assert clipped == "**Approve** the [quote](https://example.com/q) or…"
    assert inline.plain(inline.clipped("**a very long bold run of words**", 12)) == "a very long…"
    assert inline.flattened("Intro\nline.\n\n- **one**\n- [ ] two\n## Three") == (
        "Intro line. · **one** · two · Three"
    )
