"""Hypothesis: random Markdown never breaks the renderer nor overflows the view."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui_reader.corpus import parse_document
from tui_reader.render.document import render_document

words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=0,
    max_size=30,
)
inline = st.one_of(
    words,
    words.map(lambda w: f"*{w}*"),
    words.map(lambda w: f"**{w}**"),
    words.map(lambda w: f"~~{w}~~"),
    words.map(lambda w: f"`{w}`"),
    st.tuples(words, words).map(lambda t: f"[{t[0]}]({t[1].replace(' ', '')})"),
    st.tuples(words, words).map(lambda t: f"![{t[0]}](https://x.example/{t[1].replace(' ', '')}.png)"),
    st.just("<span>html</span>"),
    st.just("https://example.com/" + "a" * 150),
    st.just("\u4e2d\u6587\u5b57\u7b26 wide \u2764\ufe0f"),
)
line = st.lists(inline, min_size=1, max_size=6).map(" ".join)
block = st.one_of(
    line,
    st.tuples(st.integers(1, 6), line).map(lambda t: "#" * t[0] + " " + t[1]),
    st.lists(line, min_size=1, max_size=4).map(lambda ls: "\n".join(f"- {item}" for item in ls)),
    st.lists(line, min_size=1, max_size=4).map(lambda ls: "\n".join(f"{i}. {item}" for i, item in enumerate(ls, 1))),
    st.integers(1, 12).map(lambda depth: "\n".join("  " * d + "- nested" for d in range(depth))),
    st.integers(1, 12).map(lambda depth: ">" * depth + " quoted"),
    line.map(lambda text: f"```python\n{text}\n```"),
    st.lists(words, min_size=1, max_size=5).map(
        lambda cells: "| " + " | ".join(c.replace("|", "") for c in cells) + " |\n|"
        + "---|" * len(cells) + "\n| " + " | ".join("x" * 40 for _ in cells) + " |"
    ),
    st.just("<div>block html</div>"),
    st.just("---"),
    st.just("[\n\n![](https://cdn.example/fetch/https%3A%2F%2Fa.example%2Fimg.png)\n\n](https://a.example/l)"),
)
documents = st.lists(block, min_size=0, max_size=12).map("\n\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.integers(min_value=10, max_value=120))
def test_random_markdown_renders_within_the_width(text: str, width: int) -> None:
    doc = parse_document(text, Path("fuzz.md"), "fuzz.md", "fuzz")
    rendered = render_document(doc, width)
    for rendered_line in rendered.lines:
        assert cell_len("".join(segment.text for segment in rendered_line)) <= width
        for segment in rendered_line:
            assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in segment.text)
    anchors = {section.anchor for section in doc.sections}
    assert set(rendered.section_lines) <= anchors | {"top"}
    for link in rendered.links:
        for row, start, end in link.spans:
            assert 0 <= row < len(rendered.lines) and 0 <= start < end <= width
