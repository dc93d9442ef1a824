"""Property tests: the parsers take any input without raising."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui_reader.corpus import comments, parse_document
from tui_reader.corpus.links import extract_timestamps, normalize_url
from tui_reader.corpus.loading import split_front_matter
from tui_reader.corpus.text import decode

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made mostly of the characters the parsers care about, so that generated
# documents actually contain front matter, headings, fences, links and chapters.
_PIECES = [
    "---\n", "+++\n", "# ", "## ", "###### ", "####### ", "```\n", "~~~\n", "    ",
    "**", "*", "_", "`", "[", "]", "(", ")", "<", ">", "#", "\n", "\n\n", "\r\n", "\r",
    "title: ", "date: 2024-01-02", "- ", "> ", "| a | b |\n|---|---|\n",
    "https://www.youtube.com/watch?v=X&t=985s", "https://youtu.be/X", "../a.md#x",
    "([16:25](", "[1:02:03](", "&#x202E;", "&#27;", "\x1b[2J", "\x07", "\x00", "\ufeff",
    "é", "“", "😀", ":", "-", "=", "'", '"', "{", "}", " ", "\t", "a", "Word",
]
markdownish = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=60
).map("".join)
any_text = st.one_of(st.text(max_size=400), markdownish)

_C0_BUT_NEWLINE_TAB = re.compile(r"[\x00-\x08\x0b-\x1f]")


@FUZZ
@given(any_text)
@example("")
@example("---\n")
@example("---\n---")
@example("# \n#\n# #")
@example("**a**\n**a**\n([00:00](x)) y\n([00:00](x)) y")
@example("+++\n= broken\n+++\nbody")
@example("\r\r#")
def test_parse_document_never_raises(text: str) -> None:
    doc = parse_document(text, Path("/fuzz/doc.md"), "doc.md", "doc")
    assert isinstance(doc.title, str)
    seen: set[str] = set()
    for section in doc.sections:
        assert 1 <= section.level <= 6
        assert section.line <= section.end_line
        assert section.anchor not in seen
        seen.add(section.anchor)
    doc.to_json()


@FUZZ
@given(any_text)
@example("\r[]()")
@example("\r\r#")
def test_parsed_lines_are_file_lines(text: str) -> None:
    """On decoded text (what the loader passes: no CR), every line number the model
    reports is a line of the text."""
    text, _ = decode(text.encode("utf-8", "surrogatepass"))
    doc = parse_document(text, Path("/fuzz/doc.md"), "doc.md", "doc")
    n_lines = len(doc.lines)
    for section in doc.sections:
        assert doc.body_line <= section.line <= n_lines
        assert section.line < section.end_line <= n_lines + 1
    for link in doc.links:
        assert doc.body_line <= link.line <= n_lines
    for stamp in doc.timestamps:
        assert doc.body_line <= stamp.line <= n_lines
        assert stamp.label in doc.lines[stamp.line - 1]
    for comment in doc.comments:
        assert doc.lines[comment.line - 1].strip() == comment.text


_URL_PIECES = [
    "http://", "https://", "HTTPS://", "www.", "WWW.", "youtu.be/", "youtube.com/watch",
    "m.youtube.com", "example.com", ":443", ":80", ":99999", ":x", "[::1]", "[", "]", "@",
    "/", "//", "?", "&", "=", "#", "%", "%2F", "%3F", "%23", "%25", "%C3%A9", "%ZZ", ".",
    "v=ID", "t=10s", "utm_source=x", "publication_id=1", "+", " ", "é", "\\", "\x00",
]
urlish = st.lists(
    st.one_of(st.sampled_from(_URL_PIECES), st.text(max_size=4)), max_size=20
).map("".join)


@FUZZ
@given(st.one_of(st.text(max_size=80), urlish))
@example("http://[::1]/x")
@example("https://x.com/a%3Fb")
@example("https://x.com/%2541")
@example("https://www.www.x.com")
@example("HTTP://\x85#")
def test_normalize_url_is_total_and_idempotent(url: str) -> None:
    normal = normalize_url(url)
    if normal is not None:
        assert isinstance(normal, str)
        assert normalize_url("https://" + normal) == normal
        assert normalize_url("http://" + normal) == normal


@FUZZ
@given(st.lists(any_text, max_size=20), st.integers(min_value=1, max_value=10_000))
def test_extract_timestamps_never_raises(lines: list[str], first_line: int) -> None:
    stamps, warnings = extract_timestamps(lines, first_line)
    for stamp in stamps:
        assert first_line <= stamp.line < first_line + len(lines)
        assert stamp.seconds >= 0
    assert all(isinstance(w, str) for w in warnings)


@FUZZ
@given(
    st.lists(
        st.one_of(st.sampled_from(["same", "same", "x" * 50, "", "  "]), st.text(max_size=60)),
        max_size=30,
    ),
    st.integers(min_value=1, max_value=1000),
)
def test_comment_dump_parsing_never_raises(lines: list[str], first_line: int) -> None:
    dump = comments.parse_dump(lines, first_line)
    items = ([dump.description] if dump.description else []) + dump.comments
    non_blank = [line.strip() for line in lines if line.strip()]
    assert len(items) + dump.folded == len(non_blank)
    assert [p.line for p in items] == sorted(p.line for p in items)
    for paragraph in items:
        assert paragraph.text == lines[paragraph.line - first_line].strip()
    comments.looks_like_dump(lines)


@FUZZ
@given(any_text)
def test_split_front_matter_never_raises(text: str) -> None:
    meta, body_line, warnings = split_front_matter(text)
    assert isinstance(meta, dict)
    assert 1 <= body_line <= text.count("\n") + 2
    assert all(isinstance(w, str) for w in warnings)
    if warnings:
        assert meta == {}


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        st.builds(lambda b: b"\xef\xbb\xbf" + b, st.binary(max_size=100)),
        st.builds(lambda b: b"\xff\xfe" + b, st.binary(max_size=100)),
        st.builds(lambda b: b"\xfe\xff" + b, st.binary(max_size=100)),
        any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
)
def test_decode_never_raises_and_leaves_no_controls(data: bytes) -> None:
    text, warnings = decode(data)
    assert isinstance(text, str)
    assert "\r" not in text
    assert not _C0_BUT_NEWLINE_TAB.search(text)
    assert "\x7f" not in text
    assert all(isinstance(w, str) for w in warnings)
