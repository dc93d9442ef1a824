"""The corpus model on small documents written for each case."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tui_reader.corpus import Corpus, CorpusError, Document, load_corpus, parse_document
from tui_reader.corpus.links import (
    extract_timestamps,
    label_seconds,
    normalize_url,
    url_seconds,
)
from tui_reader.corpus.loading import split_front_matter
from tui_reader.corpus.formats import threads
from tui_reader.corpus.sections import slugify
from tui_reader.corpus.text import decode, visible

C0_BUT_TAB_NEWLINE = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def load_one(tmp_path: Path, content: str | bytes, name: str = "doc.md") -> Document:
    path = write(tmp_path, name, content)
    corpus = load_corpus([path])
    assert len(corpus.documents) == 1
    return corpus.documents[0]


def typed_ties(corpus: Corpus) -> set[tuple[str, str, str]]:
    """(from file, type, to file) of every relation but the related passages."""
    by = {d.id: d.path.name for d in corpus.documents}
    return {(by[r.source], r.type, by[r.target]) for r in corpus.relations if r.type != "related"}


def anchors(doc: Document) -> list[str]:
    return [s.anchor for s in doc.sections]


# --- front matter ------------------------------------------------------------------


def test_no_front_matter(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "Just a line of prose here.\n\nAnother paragraph.\n", "plain.md")
    assert doc.meta == {}
    assert doc.body_line == 1
    assert doc.body == doc.text
    assert doc.title == "Just a line of prose here."
    assert doc.kind == "note"
    assert doc.date is None and doc.url is None
    assert doc.warnings == []
    # Text without any heading still belongs to one section.
    assert [(s.anchor, s.title, s.line) for s in doc.sections] == [("top", "Introduction", 1)]


def test_heading_gives_the_title_without_front_matter(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "# A Heading\n\ntext\n")
    assert doc.title == "A Heading"
    assert anchors(doc) == ["a-heading"]


def test_readable_file_name_is_a_title_fallback(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "\n\n", "012_my-reading_notes.md")
    assert doc.title == "My reading notes"


def test_malformed_yaml_front_matter_warns_and_still_loads(tmp_path: Path) -> None:
    text = "---\ntitle: [unclosed\ndate: 2024-01-01\n---\n# Body heading\n\nbody text\n"
    doc = load_one(tmp_path, text)
    assert doc.meta == {}
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("front matter ignored: not valid")
    # The broken block is kept out of the body.
    assert doc.body_line == 5
    assert doc.body.startswith("# Body heading")
    assert doc.title == "Body heading"
    assert [(s.anchor, s.line) for s in doc.sections] == [("body-heading", 5)]


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "---\n- a\n- b\n---\nbody\n")
    assert doc.meta == {}
    assert doc.warnings == ["front matter ignored: not a mapping of keys to values"]
    assert doc.body_line == 5


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("42", "42"),
        ("3.5", "3.5"),
        ("[alpha, beta]", "alpha, beta"),
        ("2024-03-05", "2024-03-05"),
        ("true", "True"),
        ("{a: 1}", "{'a': 1}"),
    ],
)
def test_non_string_title(tmp_path: Path, value: str, title: str) -> None:
    doc = load_one(tmp_path, f"---\ntitle: {value}\n---\nbody\n")
    assert isinstance(doc.title, str)
    assert doc.title == title


def test_empty_title_falls_back(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "---\ntitle:\n---\n# Real Title\n")
    assert doc.title == "Real Title"


def test_date_forms(tmp_path: Path) -> None:
    assert load_one(tmp_path, "---\ndate: 2024-03-05\n---\n").date == "2024-03-05"
    assert (
        load_one(tmp_path, "---\npublishedAt: '2024-03-05T10:00:00Z'\n---\n").date
        == "2024-03-05"
    )
    assert load_one(tmp_path, "---\ndate: 2024-03-05 10:11:12\n---\n").date == "2024-03-05"
    assert load_one(tmp_path, "---\ndate: last spring\n---\n").date == "last spring"


@pytest.mark.parametrize("text", ["---\ntitle: Only\n---\n", "---\ntitle: Only\n---"])
def test_front_matter_only(tmp_path: Path, text: str) -> None:
    doc = load_one(tmp_path, text)
    assert doc.title == "Only"
    assert doc.meta == {"title": "Only"}
    assert doc.warnings == []
    assert doc.body.strip() == ""
    assert doc.body_line == 4
    # The closing delimiter is not body text and no section holds it.
    assert doc.sections == []
    assert doc.links == [] and doc.timestamps == [] and doc.comments == []


def test_split_front_matter_lines() -> None:
    assert split_front_matter("no front matter") == ({}, 1, [])
    assert split_front_matter("---\na: 1\n---\nbody") == ({"a": 1}, 4, [])
    assert split_front_matter("---\na: 1\n---\n\n\nbody")[1] in (4, 5, 6)
    assert split_front_matter("---\na: 1\n---")[1] == 4
    # An opening rule without a closing one is not front matter.
    assert split_front_matter("---\nnot closed\n") == ({}, 1, [])


def test_toml_front_matter(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "+++\ntitle = 'From TOML'\ndate = 2024-02-03\n+++\nbody\n")
    assert doc.title == "From TOML"
    assert doc.date == "2024-02-03"
    assert doc.body_line == 5
    assert "+++" not in doc.body
    bad = load_one(tmp_path, "+++\ntitle = = broken\n+++\nbody\n", "bad.md")
    assert bad.warnings and bad.warnings[0].startswith("front matter ignored")
    assert bad.body.strip() == "body"


def test_empty_file(tmp_path: Path) -> None:
    doc = load_one(tmp_path, b"", "empty.md")
    assert doc.text == ""
    assert doc.sections == []
    assert doc.links == []
    assert doc.title == "empty.md"
    assert doc.kind == "note"


def test_whitespace_only_file(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "  \n\n\t\n", "blank.md")
    assert doc.sections == []
    assert doc.title == "blank.md"


# --- decoding ----------------------------------------------------------------------


def test_crlf_line_endings(tmp_path: Path) -> None:
    raw = b"---\r\ntitle: Windows\r\n---\r\n# One\r\n\r\n[l](https://e.com)\r\n# Two\r\n"
    doc = load_one(tmp_path, raw)
    assert "\r" not in doc.text
    assert doc.title == "Windows"
    assert [(s.anchor, s.line) for s in doc.sections] == [("one", 4), ("two", 7)]
    assert [(l.url, l.line) for l in doc.links] == [("https://e.com", 6)]


def test_lone_cr_line_endings(tmp_path: Path) -> None:
    doc = load_one(tmp_path, b"# One\r\rtext\r# Two\r")
    assert "\r" not in doc.text
    assert doc.text == "# One\n\ntext\n# Two\n"
    assert [(s.anchor, s.line) for s in doc.sections] == [("one", 1), ("two", 4)]


def test_utf8_bom(tmp_path: Path) -> None:
    doc = load_one(tmp_path, codecs.BOM_UTF8 + "---\ntitle: Böm\n---\n# H\n".encode())
    assert not doc.text.startswith("\ufeff")
    assert doc.title == "Böm"  # the BOM does not hide the front matter
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_bom(tmp_path: Path, bom: bytes, codec: str) -> None:
    text = "---\r\ntitle: Wide ünïcode\r\n---\r\n# Heading\r\nbody\r\n"
    doc = load_one(tmp_path, bom + text.encode(codec))
    assert doc.text == "---\ntitle: Wide ünïcode\n---\n# Heading\nbody\n"
    assert doc.title == "Wide ünïcode"
    assert anchors(doc) == ["heading"]
    assert doc.warnings == []
    assert "\x00" not in doc.text


def test_invalid_utf8_warns(tmp_path: Path) -> None:
    doc = load_one(tmp_path, b"# Caf\xe9\n\nbad \xff\xfe bytes\n")
    assert doc.title == "Caf\ufffd"
    assert "\ufffd" in doc.text
    assert len(doc.warnings) == 1
    assert "invalid UTF-8" in doc.warnings[0]


def test_binary_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "# Good\n")
    write(tmp_path, "blob.txt", b"\x00\x01\x02binary\x00")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["good"]
    assert corpus.warnings == ["blob.txt: skipped as binary"]


def test_control_characters_become_visible(tmp_path: Path) -> None:
    raw = b"# Title \x1b[2J here\x07\n\nText with \x1b[31mred\x1b[0m and bell \x07 and \x7f.\n"
    doc = load_one(tmp_path, raw)
    assert "\x1b" not in doc.text and "\x1b" not in doc.title
    assert "\x07" not in doc.text and "\x7f" not in doc.text
    assert "\u241b[2J" in doc.text  # ␛
    assert "\u2407" in doc.text  # ␇
    assert "\u2421" in doc.text  # ␡
    assert doc.title == "Title \u241b[2J here\u2407"
    assert "control characters shown as visible placeholders" in doc.warnings
    for char in C0_BUT_TAB_NEWLINE:
        assert char not in doc.text


def test_control_characters_in_front_matter_escapes(tmp_path: Path) -> None:
    # YAML turns "\e" into ESC and "\a" into BEL after the bytes were decoded.
    raw = (
        '---\ntitle: "Evil \\e[2J\\a title"\nsource: "https://x.com/p\\e[2J"\n'
        'tags: "a\\e[31m b"\nnote: ["\\e[1m"]\n---\nbody\n'
    )
    doc = load_one(tmp_path, raw)
    assert "\x1b" not in doc.title and "\x07" not in doc.title
    assert doc.title == "Evil \u241b[2J\u2407 title"
    assert doc.url is not None and "\x1b" not in doc.url
    assert all("\x1b" not in tag for tag in doc.tags)
    assert all("\x1b" not in str(v) for v in doc.meta.values())
    assert doc.meta["note"] == ["\u241b[1m"]


def test_character_references_cannot_smuggle_bidi_or_controls(tmp_path: Path) -> None:
    raw = "# Head &#x202E;rev &#27;[2J\n\n[link &#x202e;](https://x.com)\n\n**Bold &#x2066; lead.** x\n"
    doc = load_one(tmp_path, raw)
    texts = [doc.title, *(s.title for s in doc.sections), *(l.text for l in doc.links)]
    for text in texts:
        assert "\u202e" not in text and "\u2066" not in text and "\x1b" not in text, text
    # Replaced by a placeholder, not silently dropped.
    assert doc.title == "Head \ufffdrev \ufffd[2J"
    assert [l.text for l in doc.links] == ["link \ufffd"]


def test_entities_and_escapes_are_kept_in_titles_and_link_text(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "# Tom &amp; Jerry \\*not bold\\*\n\n[a &amp; b \\[x\\]](https://x.com)\n")
    assert doc.title == "Tom & Jerry *not bold*"
    assert doc.sections[0].anchor == "tom-jerry-not-bold"
    assert [l.text for l in doc.links] == ["a & b [x]"]
    lead = load_one(tmp_path, "**Q&amp;A \\#1.** text\n\nmore\n", "lead.md")
    assert [s.title for s in lead.sections] == ["Q&A #1"]


def test_visible_is_identity_on_clean_text() -> None:
    clean = "Plain text, tabs\tand\nnewlines, ünïcode — “quotes” 😀"
    assert visible(clean) == clean
    assert decode(clean.encode()) == (clean, [])


# --- sections ----------------------------------------------------------------------


def test_headings_inside_fenced_code_are_not_sections(tmp_path: Path) -> None:
    text = (
        "# Real\n\n```python\n# not a heading\n## nor this\n```\n\n"
        "~~~\n# also not\n~~~\n\n    # indented code\n\n## Second\n"
    )
    doc = load_one(tmp_path, text)
    assert [(s.title, s.level, s.line) for s in doc.sections] == [
        ("Real", 1, 1),
        ("Second", 2, 14),
    ]


def test_duplicate_headings_get_numbered_anchors(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "# Notes\n## Notes\n# Other\n## Notes\n### notes!\n")
    assert anchors(doc) == ["notes", "notes-1", "other", "notes-2", "notes-3"]
    # A heading that already looks numbered does not make anchors collide.
    doc = load_one(tmp_path, "# A-1\n# A\n# A\n", "b.md")
    assert anchors(doc) == ["a-1", "a", "a-2"]


def test_section_ranges_nest(tmp_path: Path) -> None:
    doc = load_one(tmp_path, "intro\n# A\n## A.1\ntext\n# B\nlast\n")
    assert [(s.anchor, s.level, s.line, s.end_line) for s in doc.sections] == [
        ("top", 1, 1, 2),
        ("a", 1, 2, 5),
        ("a1", 2, 3, 5),
        ("b", 1, 5, 8),  # the text ends with a newline: 7 lines
    ]
    assert doc.section_at(4).anchor == "a1"
    assert doc.section_at(6).anchor == "b"
    assert doc.section_at(1).anchor == "top"


def test_slugify() -> None:
    assert slugify("Netflix's Core Values & Leadership Principles") == (
        "netflixs-core-values-leadership-principles"
    )
    assert slugify("Senior Staff/Principal Engineer (L7)") == "senior-staffprincipal-engineer-l7"
    assert slugify("!!!") == "section"
    assert slugify("Ünïcode Straße") == "ünïcode-straße"


def test_bold_lead_pseudo_sections(tmp_path: Path) -> None:
    text = (
        "Opening words.\n\n**First point.** Explained here.\n\n"
        "**Second point:** more.\n\nplain paragraph\n"
    )
    doc = load_one(tmp_path, text)
    assert [(s.anchor, s.title, s.line) for s in doc.sections] == [
        ("top", "Introduction", 1),
        ("first-point", "First point", 3),
        ("second-point", "Second point", 5),
    ]


# --- timestamps --------------------------------------------------------------------


def test_timestamp_forms() -> None:
    lines = [
        "([1:02:03](https://youtu.be/X?t=1h2m3s)) Hours and minutes",
        "- [0:05](https://youtube.com/watch?v=X&t=5) Plain seconds",
        "[00:10](https://example.com/video#t=10) Fragment",
        "* [12:34](https://youtube.com/watch?v=X&start=754) — **Bold** title",
        "not a [00:20](https://example.com) chapter",
        "[00:30](https://youtube.com/watch?v=X&t=30s)",
    ]
    stamps, warnings = extract_timestamps(lines, 10)
    assert warnings == []
    assert [(t.label, t.seconds, t.title, t.line) for t in stamps] == [
        ("1:02:03", 3723, "Hours and minutes", 10),
        ("0:05", 5, "Plain seconds", 11),
        ("00:10", 10, "Fragment", 12),
        ("12:34", 754, "Bold title", 13),
        ("00:30", 30, "", 15),
    ]
    assert stamps[0].url == "https://youtu.be/X?t=1h2m3s"


def test_label_and_url_seconds() -> None:
    assert label_seconds("1:02:03") == 3723
    assert label_seconds("57:07") == 3427
    assert url_seconds("https://youtube.com/watch?v=X&t=1h2m3s") == 3723
    assert url_seconds("https://youtube.com/watch?v=X&t=2m") == 120
    assert url_seconds("https://youtube.com/watch?v=X&t=123") == 123
    assert url_seconds("https://youtube.com/watch?v=X&t=985s") == 985
    assert url_seconds("https://example.com/v#t=123") == 123
    assert url_seconds("https://youtube.com/watch?v=X") is None
    assert url_seconds("https://youtube.com/watch?v=X&t=abc") is None


def test_label_url_disagreement_keeps_the_label(tmp_path: Path) -> None:
    text = "Chapters:\n\n([01:00](https://youtube.com/watch?v=X&t=99s)) Mismatch\n"
    doc = load_one(tmp_path, text)
    assert len(doc.timestamps) == 1
    stamp = doc.timestamps[0]
    assert (stamp.label, stamp.seconds, stamp.line) == ("01:00", 60, 3)
    assert len(doc.warnings) == 1
    assert "line 3" in doc.warnings[0] and "label is kept" in doc.warnings[0]
    assert "60" in doc.warnings[0] and "99" in doc.warnings[0]


def test_timestamps_make_a_source_with_chapter_sections(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Episode\n---\n**Guest intro.** Words.\n\n"
        "([00:00](https://youtu.be/X)) Start\n([01:30](https://youtu.be/X?t=90)) Middle\n"
    )
    doc = load_one(tmp_path, text)
    assert doc.kind == "source"
    assert [(s.anchor, s.level, s.line) for s in doc.sections] == [
        ("guest-intro", 2, 4),
        ("episode-timestamps", 2, 6),
        ("0000-start", 3, 6),
        ("0130-middle", 3, 7),
    ]


# --- URL normalisation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://Example.COM/Path", "example.com/Path"),
        ("https://www.example.com/a", "example.com/a"),
        ("http://example.com/a", "example.com/a"),
        ("https://example.com/a#section", "example.com/a"),
        ("https://example.com/a/", "example.com/a"),
        ("https://example.com/", "example.com"),
        ("https://example.com:443/a", "example.com/a"),
        ("https://example.com:8080/a", "example.com:8080/a"),
        ("https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z", "example.com/a"),
        ("https://example.com/a?fbclid=1&gclid=2&ref=3", "example.com/a"),
        ("https://example.com/a?b=2&a=1", "example.com/a?a=1&b=2"),
        (
            "https://newsletter.pragmaticengineer.com/p/netflix?publication_id=458709"
            "&post_id=178618026&play_audio=true&triedRedirect=true",
            "newsletter.pragmaticengineer.com/p/netflix",
        ),
        ("https://www.youtube.com/watch?v=abc&t=10s&feature=share", "youtube.com/watch?v=abc"),
        ("https://youtu.be/abc", "youtube.com/watch?v=abc"),
        ("https://youtu.be/abc?t=5", "youtube.com/watch?v=abc"),
        ("https://m.youtube.com/watch?v=abc", "youtube.com/watch?v=abc"),
    ],
)
def test_normalize_url(url: str, normal: str) -> None:
    assert normalize_url(url) == normal
    assert normalize_url("https://" + normal) == normal


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a",
        "mailto:someone@example.com",
        "#anchor",
        "notes.md",
        "https://",
        "",
        "https://exa mple.com/",
        "https://\x85/",
    ],
)
def test_normalize_url_rejects_non_web(url: str) -> None:
    assert normalize_url(url) is None


def test_normalize_url_identities() -> None:
    assert normalize_url("https://youtu.be/abc") == normalize_url(
        "https://www.youtube.com/watch?v=abc"
    )
    assert normalize_url("https://www.youtube.com/watch?v=abc") != normalize_url(
        "https://www.youtube.com/watch?v=abd"
    )
    assert normalize_url("https://example.com/a?page=2") != normalize_url(
        "https://example.com/a?page=3"
    )
    assert normalize_url("https://example.com/a/") == normalize_url("http://EXAMPLE.com/a")
    # A start position names no other page, on any host (a chapter link is the episode).
    assert normalize_url("https://example.com/v?t=10") == "example.com/v"
    assert normalize_url("https://example.com/v?start=10&id=4") == "example.com/v?id=4"


def test_normalize_url_is_idempotent_on_tricky_paths() -> None:
    for url in (
        "https://x.com/a%3Fb",  # an encoded "?" stays in the path
        "https://x.com/a%23b",
        "https://x.com/%2541",
        "https://x.com/caf%C3%A9",
        "http://[::1]:8080/x",
        "https://www.www.example.com/",
    ):
        normal = normalize_url(url)
        assert normal is not None, url
        assert normalize_url("https://" + normal) == normal, url
    assert normalize_url("https://x.com/café") == normalize_url("https://x.com/caf%C3%A9")


# --- relations ---------------------------------------------------------------------


def test_relative_file_links_create_links_to_relations(tmp_path: Path) -> None:
    write(
        tmp_path,
        "guide.md",
        "# Guide\n\nRead [the notes](sub/notes.md#part-two), [b](other/b.markdown),\n"
        "[missing](nope.md), [web](https://example.com) and [self](#guide).\n",
    )
    write(tmp_path, "sub/notes.md", "# Notes\n\n## Part two\n\nBack to [guide](../guide.md).\n")
    write(tmp_path, "other/b.markdown", "# B\n")
    corpus = load_corpus([tmp_path])
    rels = {(r.source, r.target): r for r in corpus.relations}
    assert set(rels) == {("guide", "notes"), ("guide", "b"), ("notes", "guide")}
    notes = rels[("guide", "notes")]
    assert notes.type == "links-to"
    assert notes.source_section == "guide"
    assert notes.target_section == "part-two"
    assert rels[("guide", "b")].target_section is None
    assert rels[("notes", "guide")].source_section == "part-two"
    assert all(r.type == "links-to" for r in corpus.relations)


def test_url_links_between_documents(tmp_path: Path) -> None:
    write(tmp_path, "page.md", "---\nsource: https://www.example.com/post/\n---\nThe page.\n")
    write(
        tmp_path,
        "summary.md",
        "# Sum\n\n**TLDR:** short.\n\n**Link:** [page](http://example.com/post?utm_source=rss#x)\n",
    )
    write(tmp_path, "mention.md", "# Elsewhere\n\nSee [it](https://example.com/post).\n")
    corpus = load_corpus([tmp_path])
    assert corpus["page"].kind == "source"
    assert corpus["summary"].kind == "summary"
    rels = {(r.source, r.type, r.target) for r in corpus.relations}
    assert rels == {("summary", "summarizes", "page"), ("mention", "links-to", "page")}


def test_comments_dump_is_tied_to_its_page_by_content(tmp_path: Path) -> None:
    comment_a = "A long first comment that says a great deal about the topic at hand today."
    comment_b = "Another long comment that disagrees politely with the first one entirely."
    dump = "\n".join(
        [
            "Deep dive into Widget Scaling Patterns with the team behind it.",
            comment_a,
            comment_b,
            comment_a,
            comment_b,
        ]
    )
    write(tmp_path, "dump.txt", dump)
    write(tmp_path, "page.md", "---\ntitle: Widget Scaling Patterns\nurl: https://w.example/p\n---\nx\n")
    corpus = load_corpus([tmp_path])
    doc = corpus["dump"]
    assert doc.kind == "comments"
    assert [c.text for c in doc.comments] == [comment_a, comment_b]
    assert [c.line for c in doc.comments] == [2, 3]
    assert doc.description.startswith("Deep dive")
    assert doc.title == "Comments on Widget Scaling Patterns"
    assert [(r.source, r.type, r.target) for r in corpus.relations] == [
        ("dump", "comments-on", "page")
    ]


# --- discovery ---------------------------------------------------------------------


def test_folder_discovery(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "# A\n")
    write(tmp_path, "b.markdown", "# B\n")
    write(tmp_path, "c.txt", "c\n")
    write(tmp_path, "UPPER.MD", "# Upper\n")
    write(tmp_path, "deep/er/d.md", "# D\n")
    write(tmp_path, "skip.rst", "skip\n")
    write(tmp_path, "skip.html", "<p>skip</p>\n")
    write(tmp_path, "noext", "skip\n")
    write(tmp_path, ".hidden/h.md", "# Hidden\n")
    write(tmp_path, "deep/.git/x.md", "# Hidden too\n")
    write(tmp_path, ".dotfile.md", "# Hidden file\n")
    corpus = load_corpus([tmp_path])
    assert sorted(d.relpath for d in corpus.documents) == [
        "UPPER.MD",
        "a.md",
        "b.markdown",
        "c.txt",
        "deep/er/d.md",
    ]
    assert {d.id for d in corpus.documents} == {"UPPER", "a", "b", "c", "d"}


def test_a_file_named_directly_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.rst", "# Rst\n")
    corpus = load_corpus([path])
    assert [d.id for d in corpus.documents] == ["notes"]
    assert corpus.documents[0].relpath == "notes.rst"


def test_ids_collide_safely(tmp_path: Path) -> None:
    write(tmp_path, "x/notes.md", "# X\n")
    write(tmp_path, "y/notes.md", "# Y\n")
    write(tmp_path, "y/other.md", "# O1\n")
    write(tmp_path, "y/other.txt", "O2\n")
    corpus = load_corpus([tmp_path])
    ids = [d.id for d in corpus.documents]
    assert len(ids) == len(set(ids)) == 4
    assert {"x/notes", "y/notes"} <= set(ids)
    assert {corpus[i].relpath for i in ids if "other" in i} == {"y/other.md", "y/other.txt"}
    # Two roots with files of the same name.
    corpus = load_corpus([tmp_path / "x" / "notes.md", tmp_path / "y" / "notes.md"])
    ids = [d.id for d in corpus.documents]
    assert len(set(ids)) == 2
    assert corpus[ids[0]].title == "X" and corpus[ids[1]].title == "Y"


def test_several_paths_are_merged(tmp_path: Path) -> None:
    write(tmp_path, "one/a.md", "# A\n")
    write(tmp_path, "two/b.md", "# B\n")
    corpus = load_corpus([tmp_path / "one", tmp_path / "two"])
    assert [d.id for d in corpus.documents] == ["a", "b"]


def test_missing_path_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file or directory"):
        load_corpus([tmp_path / "missing"])


def test_folder_without_documents_is_a_corpus_error(tmp_path: Path) -> None:
    write(tmp_path, "readme.rst", "nothing\n")
    write(tmp_path, ".hidden/a.md", "# hidden\n")
    with pytest.raises(CorpusError, match="no documents"):
        load_corpus([tmp_path])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no documents"):
        load_corpus([empty])


def test_folder_with_only_binary_files_is_a_corpus_error(tmp_path: Path) -> None:
    write(tmp_path, "blob.md", b"\x00\x00\x00")
    with pytest.raises(CorpusError, match="skipped as binary"):
        load_corpus([tmp_path])


def test_parse_document_directly() -> None:
    doc = parse_document("# T\n\n[x](https://a.example)\n", Path("/virtual/t.md"), "t.md", "t")
    assert doc.id == "t" and doc.relpath == "t.md"
    assert [(l.text, l.url, l.line) for l in doc.links] == [("x", "https://a.example", 3)]
    data = doc.to_json()
    assert data["path"] == "t.md"
    assert data["sections"] == [{"anchor": "t", "title": "T", "level": 1, "line": 1}]


def test_text_files_keep_their_lines_unless_wrapped_at_a_width(tmp_path: Path) -> None:
    """A chat or a chapter list keeps its line breaks; prose wrapped at 72 columns (a
    mail, a terminal's copy) is reflowed; a transcript keeps one cue a line."""
    sentence = "The quiet-period threshold is now a per-list setting, and the default stays"
    (tmp_path / "mail.txt").write_text("\n".join([sentence[: 60 + n % 12] for n in range(12)]) + "\n", encoding="utf-8")
    (tmp_path / "chat.txt").write_text("\n".join(f"Ana: line {n}" for n in range(12)) + "\n", encoding="utf-8")
    cues = "\n".join(f"00:00:{n:02d}.128 {sentence[:48]}" for n in range(12))
    (tmp_path / "cues.txt").write_text(cues + "\n", encoding="utf-8")
    breaks = {doc.path.name: doc.line_breaks for doc in load_corpus([tmp_path], cache=False).documents}
    assert breaks == {"mail.txt": False, "chat.txt": True, "cues.txt": True}


def test_a_page_copied_with_its_site_menu_keeps_its_headline_and_date() -> None:
    menu = ["Sign in", "News", "Opinion", "Sport", "Culture", "World", "Science", "Tech"] * 3
    body = [
        "Skip to main content", "The Paper - Back to homepage", *menu,
        "Workers by a borehole in the street. Photograph: A Person/The Paper",
        "Energy",
        "Shared loops: the street that dug up its pavement to quit gas boilers for good",
        "Forty homes now draw heat from boreholes under the road",
        "Tue 4 Mar 2025 06.00 GMT",
        "",
        "For most of last autumn the pavement was a trench, and residents stepped over cable drums.",
    ]
    doc = parse_document("\n".join(body) + "\n", Path("/virtual/page.txt"), "page.txt", "page")
    assert doc.title == "Shared loops: the street that dug up its pavement to quit gas boilers for good"
    assert doc.date == "2025-03-04"


def _kind(text: str, name: str = "doc.md") -> tuple[str, str]:
    doc = parse_document(text, Path("/virtual") / name, name, "doc")
    return doc.kind, doc.kind_reason


def test_kinds_of_round_nine() -> None:
    # a summariser's page copied as text, the summed-up URL at its top
    kagi = "Kagi\nUniversal Summarizer\n\nhttps://video.example.org/w/abc\n\nKey moments\n\n- The presenter opens the deck.\n- The presenter cleans the heads.\n"
    assert _kind(kagi, "kagi.md")[0] == "summary"
    # "type: video" is the type of what is summed up when summary sections point at it
    recall = "---\ntitle: Hub overhaul\nsource: https://odysee.com/@w:3/hub:a\ntype: video\n---\n\n# Hub overhaul\n\n## Summary\n\nThe video shows a hub service.\n\n## Key Takeaways\n\n- Grease.\n"
    assert _kind(recall)[0] == "summary"
    # told from outside the episode
    fireflies = "Ep 31\n\nOverview\n- The hosts discuss footnotes.\n- The hosts debate endnotes.\n- Both hosts pick a favourite.\n"
    assert _kind(fireflies, "ff.md")[0] == "summary"
    # a task list under a page's URL is a note about the page
    bear = "# Clay Talk 118\n\nhttps://claytalk.example.com/ep-118\n\n- [ ] ask about brick prices\n- [ ] draw the arch\n- [x] email the co-op\n"
    assert _kind(bear, "clay.md")[0] == "note"
    # a documentation site's page, saved whole
    docs = "Docs\nVersion: 2.x\n\nOn this page\n- The formula\n\n# Sizing your tank\n\nWork out the roof.\n\n:::tip\nCheck the gutters.\n:::\n\n## Common mistakes\n\n- Measuring the slope.\n"
    assert _kind(docs, "sizing-your-tank.md")[0] == "guide"


def test_relations_of_round_nine(tmp_path: Path) -> None:
    (tmp_path / "fountain-Rk2P9sVQxw3LmT0aYb1J.txt").write_text(
        "Fountain\nHome\nDiscover\n\nHomelab Hour 57: Backups That Actually Restore\n\nMay 8, 2024 • 1 hr 12 min\n\nWe test restores.\n"
    )
    (tmp_path / "my note.md").write_text(
        "---\ntitle: Heard it\nurl: https://fountain.fm/episode/Rk2P9sVQxw3LmT0aYb1J?ref=share\n---\n\nI heard it on the train, my notes.\n\nRelated: [[Runbook]]\n"
    )
    (tmp_path / "hn_39874410.md").write_text(
        "# HN thread\n\nhttps://news.ycombinator.com/item?id=39874410\n\n- **alice** 2024-03-29 10:00 UTC\n  text one here\n"
    )
    (tmp_path / "hn_39874410.summary.md").write_text("# Summary of the thread\n\n## TL;DR\n\nPeople liked it.\n")
    corpus = load_corpus([tmp_path], cache=False)
    ties = typed_ties(corpus)
    assert ("my note.md", "links-to", "fountain-Rk2P9sVQxw3LmT0aYb1J.txt") in ties
    assert ("hn_39874410.md", "links-to", "hn_39874410.summary.md") not in ties


def test_kinds_of_round_ten() -> None:
    gemini = "Aquí tienes un resumen del vídeo:\n\n- El equipo presiona alto.\n- El lateral no salta.\n"
    assert _kind(gemini, "resumen-gemini.md")[0] == "summary"
    mail = "\n".join([
        "Fwd: La Lettre #58", "", "Salut Claire, regarde le premier sujet.", "", "---------- Message transféré ---------",
        "De : Café <lettre@example.fr>", "", "Voir la version en ligne <https://example.fr/v>", "",
        *["Un paragraphe de la lettre sur la sobriété numérique, assez long pour compter."] * 20,
        "", "Se désinscrire <https://example.fr/u>",
    ])
    assert _kind(mail, "Fwd La Lettre 58.txt")[0] == "summary"
    scribe = "Happy Scribe Logo\n\nTranscript\n\n" + "\n".join(
        f"[00:00:{s:02d}]\n\nThomas\nBonjour à toutes et à tous, et bienvenue.\n" for s in range(0, 60, 8)
    )
    assert _kind(scribe, "ep42-transcription.txt")[0] == "source"
    substack = "# [The Counterweight](https://counterweight.substack.com/)\n\n# What 40 calls taught me\n\n" \
        "[Ines Valcourt](https://substack.com/@inesvalcourt)\n\nMar 05, 2024\n\n" \
        "[Share](https://counterweight.substack.com/p/what?action=share)\n\nIn January we raised prices for the first time.\n\n" \
        "## The three plans\n\nWe had three tiers and nobody could tell them apart at all.\n\n" \
        "[Ines Valcourt](https://substack.com/@inesvalcourt)\n\n## What we changed\n\nWe merged two plans into one and it worked.\n"
    doc = parse_document(substack, Path("/virtual/post.md"), "post.md", "post")
    assert (doc.kind, doc.title) == ("source", "What 40 calls taught me")


def test_a_note_keeping_a_paper_url_beside_the_paper(tmp_path: Path) -> None:
    (tmp_path / "arXiv 2403.08817 abstract.txt").write_text(
        "Skip to main content\n[Submitted on 13 Mar 2024]\nShorter Prompts, Longer Memory\n\n" + "We show that small models behave differently. " * 40 + "\n"
    )
    (tmp_path / "Retrieval budgets.md").write_text("---\nurl: https://arxiv.org/abs/2403.08817\n---\n\n# Retrieval budgets\n\nThree passages for a 1B model.\n")
    corpus = load_corpus([tmp_path], cache=False)
    kinds = {d.path.name: d.kind for d in corpus.documents}
    assert kinds == {"arXiv 2403.08817 abstract.txt": "source", "Retrieval budgets.md": "note"}
    by = {d.id: d.path.name for d in corpus.documents}
    assert ("Retrieval budgets.md", "links-to", "arXiv 2403.08817 abstract.txt") in {(by[r.source], r.type, by[r.target]) for r in corpus.relations}


def test_a_converted_page_with_its_title_underlined() -> None:
    text = "Waarom de dijken breder worden\n==============================\n\n" + ("De dijken worden breder, met een flauwer talud en een brede berm. " * 25) + "\n"
    assert _kind(text, "Waarom de dijken breder worden.md")[0] == "source"


def test_replies_nested_in_quotes_are_a_thread_not_highlights() -> None:
    thread = "# SQLite Is Not a Toy\n\n- **Link:** https://example.dev/sqlite\n\n---\n\n" + "\n\n---\n\n".join(
        f"> **{a}** · 2024-11-07 14:41 UTC\n>\n> {t}\n>\n> > **{b}** · 2024-11-07 15:02 UTC\n> >\n> > A reply to that, with a few words of its own."
        for a, b, t in [("bmoraes", "nferreira", "One server is doing a lot of work in that sentence."),
                        ("dnlkwk", "halfmoon", "Stealing this line for our team wiki, it is a good one."),
                        ("oss_ops", "pgfan", "The read and write ratio is the key number here.")]
    ) + "\n"
    assert _kind(thread, "hn-42087311.md")[0] == "comments"
    # a note quoted under a highlight (Raindrop) keeps the export a summary
    raindrop = "# How we halved CI time\n\n## Highlights\n\n" + "\n\n".join(
        f"> [!quote]+ Updated on Sat Sep 13 2025 21:0{n}:11\n>\n> A passage of the article, number {n}, long enough.\n> > my own note on it, check this"
        for n in range(4)
    ) + "\n"
    assert _kind(raindrop, "How we halved CI time.md")[0] == "summary"


def test_a_mail_client_chain_newest_first(tmp_path: Path) -> None:
    def message(name: str, sent: str, subject: str, text: str) -> str:
        return f"From:\t{name} <{name.split()[0].lower()}@example.com>\nSent:\t{sent}\nTo:\tTeam\nSubject:\t{subject}\n\n{text}\n\n"

    safe = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fshow.example.fm%2F87%3Futm_source%3Dmail&data=05%7C02&reserved=0"
    chain = (
        message("Dan Okafor", "Wednesday, March 13, 2024 10:02 AM", "RE: Lunch pick - ep. 87", "I'll listen async and add to the notes.")
        + message("Sam White", "Tuesday, March 12, 2024 6:05 PM", "RE: Lunch pick - ep. 87", "Good pick, some pushback inline.")
        + message("Maja Lind", "Monday, March 11, 2024 3:58 PM", "Lunch pick - ep. 87", f'Let us listen to episode 87, "Alert Fatigue"<{safe}>. It is 58 minutes.')
    )
    (tmp_path / "RE_ Lunch pick - ep. 87.txt").write_text(chain)
    (tmp_path / "Alert Fatigue - The Show.md").write_text(
        "---\ntitle: Alert Fatigue\nurl: https://show.example.fm/87\n---\n\n# Alert Fatigue\n\n- 00:00 Intro\n- 02:48 Pages\n- 11:30 Runbooks\n"
    )
    (tmp_path / "L&L notes.md").write_text(
        "# Lunch & Learn\n\nEpisode: https://show.example.fm/87\nAttendees: Maja, Sam\n\n## Notes while listening\n\n"
        "- 11:30 — runbooks, one per alert.\n- 19:05 — the 400-page runbook.\n"
    )
    corpus = load_corpus([tmp_path], cache=False)
    docs = {d.path.name: d for d in corpus.documents}
    mail = docs["RE_ Lunch pick - ep. 87.txt"]
    assert mail.kind == "comments"
    assert [c.author for c in mail.comments] == ["Dan Okafor", "Sam White", "Maja Lind"]  # no post: every message is a reply
    assert docs["L&L notes.md"].kind == "note"  # times noted while listening to an episode saved beside it
    ties = typed_ties(corpus)
    assert ("RE_ Lunch pick - ep. 87.txt", "comments-on", "Alert Fatigue - The Show.md") in ties  # through Safe Links
    assert ("L&L notes.md", "links-to", "Alert Fatigue - The Show.md") in ties


def test_link_wrappers_lead_to_their_page() -> None:
    assert normalize_url("https://www.google.com/url?q=https://example.org/a&sa=D") == "example.org/a"
    assert normalize_url("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fc&h=AT0") == "example.org/c"
    assert normalize_url("https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fexample.org%2Fb") == "example.org/b"
    assert normalize_url("https://example.org/?q=https://other.org") != "other.org"  # a site's own search
    assert normalize_url("https://example.org/search?q=hello") == "example.org/search?q=hello"


def test_an_old_reddit_page_saved_as_markdown() -> None:
    lines = ["[Long Run Radio ep. 212](https://longrun.example.com/episodes/212?utm_source=reddit) (longrun.example.com)", "",
             "submitted 2 days ago by [tempo](https://old.reddit.com/user/tempo) 5k 16:48", "", "all 3 comments", ""]
    for name, extra, reply, text in [("tempo", "[S] 5k 16:48 | M 2:49", False, "Summary as required: zone 2 is fine."),
                                     ("zealot", "", True, "I think she is attacking a strawman."),
                                     ("k_mara", "HM 1:21", False, "The heat section was the interesting part.")]:
        lines += [f"[–][{name}](https://old.reddit.com/user/{name}){extra} 12 points 2 days ago", "", text, "",
                  "  * [permalink](https://old.reddit.com/r/x/comments/1gh7k2q/t/lu7/)", "  * embed", "  * save",
                  *(["  * parent"] if reply else []), "  * reply", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None and thread.format == "old Reddit page copy"
    assert [(c.author, c.depth) for c in thread.comments] == [("tempo", 0), ("zealot", 1), ("k_mara", 0)]
    assert thread.url == "https://longrun.example.com/episodes/212?utm_source=reddit"


def test_summaries_in_other_languages_and_their_pointers(tmp_path: Path) -> None:
    korean = ("본문 바로가기\n곰돌이 개발 일지\n카테고리\n검색하기\n검색하기 폼\n블로그 내 검색\n\n개발 일지/Rust\n\n[번역·요약] 중국 개발자의 Rust 비동기 런타임 비교\n\n"
              "원문: 林间小路, 「Rust 异步运行时选型」\nhttps://www.cnblogs.com/linjian-xl/p/18051234\n\n한 줄 요약\n\n새 서버 프로젝트라면 그냥 tokio.\n")
    (tmp_path / "[번역·요약] Rust 비동기 런타임 비교 - 곰돌이 개발 일지.txt").write_text(korean)
    (tmp_path / "Rust 异步运行时选型 - 博客园.md").write_text(
        "---\ntitle: Rust 异步运行时选型\nsource: https://www.cnblogs.com/linjian-xl/p/18051234\n---\n\n" + "正文。" * 200 + "\n"
    )
    finnish = ("Subject: Kaupunkikirje #11\n\nJos viesti ei näy oikein, avaa se selaimessa: https://preview.example.io/k/2417783\n\n"
               "1) KAUPUNKIPODI: KUKA KAAVOITTAA LÄHIÖN?\n\nJaksossa 42 kaavoitusarkkitehti kertoo lähiöiden täydennysrakentamisesta.\n\n"
               "Kuuntele: https://www.kaupunkipodi.example/jaksot/42-kuka-kaavoittaa-lahion/?utm_source=kirje\n\n"
               "Peruuta tilaus: https://preview.example.io/unsubscribe/2417783\n")
    (tmp_path / "Kaupunkikirje 11-2024.txt").write_text(finnish)
    (tmp_path / "Jakso 42 Kuka kaavoittaa lähiön - Kaupunkipodi.txt").write_text(
        "Kaupunkipodi\nJaksot\nTietoa meistä\nTue podia\nUutiskirje\n\nJakso 42: Kuka kaavoittaa lähiön?\n7.3.2024 · 52 min\n\n0:00 Alku\n4:10 Kaavoitus\n12:30 Pysäköinti\n"
    )
    corpus = load_corpus([tmp_path], cache=False)
    docs = {d.path.name: d for d in corpus.documents}
    korean_doc = docs["[번역·요약] Rust 비동기 런타임 비교 - 곰돌이 개발 일지.txt"]
    assert (korean_doc.kind, korean_doc.title) == ("summary", "[번역·요약] 중국 개발자의 Rust 비동기 런타임 비교")  # past the skip link and menu
    assert docs["Kaupunkikirje 11-2024.txt"].kind == "summary"  # the email's chrome, in Finnish
    ties = typed_ties(corpus)
    assert ("[번역·요약] Rust 비동기 런타임 비교 - 곰돌이 개발 일지.txt", "summarizes", "Rust 异步运行时选型 - 博客园.md") in ties
    assert ("Kaupunkikirje 11-2024.txt", "summarizes", "Jakso 42 Kuka kaavoittaa lähiön - Kaupunkipodi.txt") in ties  # its slug, without the accents


def test_times_that_fall_on_an_episodes_chapters_tie_a_summary_and_a_note(tmp_path: Path) -> None:
    (tmp_path / "episode.txt").write_text(
        "The Allotment Hour\n\nRooftop Hives and the Swarm Season\n\n0:00 Welcome\n2:45 Rooftop versus ground\n11:20 Wind and heat\n"
        "19:05 Swarm season\n31:40 The council permit\n"
    )
    (tmp_path / "otter_Ep47.txt").write_text(
        "Allotment Hour Ep47\nMar 14, 2024 · 52 min\n\nKeywords\nhives, swarm\n\nOverview\nDee and Owen talk about a year of rooftop bees.\n\n"
        "Action Items\n☐ Owen to post the permit template\n\nOutline\nWelcome (0:00)\n  • A listener question.\n\nWind (11:18)\n  • A lost super.\n\n"
        "Swarm season (19:02)\n  • Queen cells.\n\nPermit (31:37)\n  • Eleven months.\n"
    )
    (tmp_path / "my notes.md").write_text("# Heard on the train\n\n- 2:45 carrying kit up four floors\n- 11:20 a windbreak of hazel\n- 19:05 swarm cells, check weekly\n")
    corpus = load_corpus([tmp_path], cache=False)
    docs = {d.path.name: d for d in corpus.documents}
    assert docs["otter_Ep47.txt"].kind == "summary"  # a transcription tool's notes
    ties = typed_ties(corpus)
    assert ("otter_Ep47.txt", "summarizes", "episode.txt") in ties
    assert ("my notes.md", "links-to", "episode.txt") in ties


def test_an_assistants_answer_and_a_csv_export() -> None:
    copilot = ("Copilot\nEnnek az oldalnak a lényege\n\nKérdés: Miről szólnak a hozzászólások?\n\nVálasz:\nAz oldalon 10 hozzászólás olvasható.\n\n"
               "A Copilot mesterséges intelligenciát használ. Ellenőrizze a pontatlanságokat.\n")
    assert _kind(copilot, "copilot_oldal.txt")[0] == "summary"
    gemini = "Gemini\n\nwhat did people in this thread actually say? pasted below\n\nHere's the gist of the conversation:\n\n* Warm and appreciative.\n"
    assert _kind(gemini, "gemini-gist.md")[0] == "summary"
    pocket = "title,url,time_added,tags,status\n" + "\n".join(
        f'"Article number {n} about boats","https://example.org/{n}",170930{n:04d},boats,unread' for n in range(8)
    ) + "\n"
    doc = parse_document(pocket, Path("/virtual/pocket_export.txt"), "pocket_export.txt", "p")
    assert doc.kind != "comments" and not doc.title.startswith('"')


def test_a_page_saved_without_its_address_takes_the_one_its_summary_points_at(tmp_path: Path) -> None:
    article = "Метеостанция на балконе: ESP32, BME280 и три зимы наблюдений\n\n" + (
        "Три зимы подряд станция на балконе мерила давление, температуру и влажность, и батарея держалась месяцами. " * 12) + "\n"
    (tmp_path / "habr_article.txt").write_text(article)
    (tmp_path / "300_ya_peresskaz.md").write_text(
        "# Метеостанция на балконе: ESP32, BME280 и три зимы наблюдений\n\nhttps://habr.com/ru/articles/799514/\n\n## Пересказ YandexGPT\n\n"
        "- Три зимы станция на балконе мерила давление, температуру и влажность.\n- Батарея держалась месяцами.\n"
    )
    (tmp_path / "zametki_mart.md").write_text("# Балкон — заметки\n\nСтатья про станцию: https://habr.com/ru/articles/799514/\n\nКупить датчик.\n")
    corpus = load_corpus([tmp_path], cache=False)
    ties = typed_ties(corpus)
    assert ("300_ya_peresskaz.md", "summarizes", "habr_article.txt") in ties
    assert ("zametki_mart.md", "links-to", "habr_article.txt") in ties


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://handbook.example.com/operations/tls/rotating-staging-tls-certificates", "Rotating the staging TLS certificates"),
        ("https://logout.example.hu/bejegyzes/fako/kondenzacios_kazan_futesi_gorbe_beallitas.html",
         "Kondenzációs kazán fűtési görbéjének beállítása – két tél tapasztalatai"),
        ("https://www.kaupunkipodi.example/jaksot/42-kuka-kaavoittaa-lahion/", "Jakso 42: Kuka kaavoittaa lähiön?"),
    ],
)
def test_a_url_slug_names_a_page_saved_without_its_address(tmp_path: Path, url: str, title: str) -> None:
    (tmp_path / "page.txt").write_text(f"{title}\n\n" + "A paragraph of the page, long enough to read as its text. " * 10 + "\n")
    (tmp_path / "note.md").write_text(f"# My note\n\nRead this: {url}\n")
    (tmp_path / "other.md").write_text("# Another page entirely\n\nAbout something else, at some length, with words.\n")
    corpus = load_corpus([tmp_path], cache=False)
    ties = typed_ties(corpus)
    assert ("note.md", "links-to", "page.txt") in ties


def test_main_points_in_thai_are_a_summary() -> None:
    thai = ("# ประเด็นหลักจาก EP.47 ปลูกผักบนระเบียงคอนโด\n\nที่มา: https://www.blockdit.com/episodes/65efc3a9d2a1b40012f7c8e1\n\n"
            "## แดด\n- ผักกินใบต้องได้แดดตรงอย่างน้อย 4 ชม./วัน\n- ทิศตะวันออกดีสุดสำหรับมือใหม่\n")
    doc = parse_document(thai, Path("/virtual/ep47-จดไว้.md"), "ep47-จดไว้.md", "t")
    assert doc.kind == "summary"
    assert doc.pointers == ["https://www.blockdit.com/episodes/65efc3a9d2a1b40012f7c8e1"]


def test_a_title_under_a_menu_of_two_words_and_breadcrumbs() -> None:
    text = ("Mwananchi\nHabari   Kitaifa   Mikoa   Biashara   Michezo\nJiunge   Ingia\n\nHabari > Mikoa\n\n"
            "Wakulima wa parachichi Rungwe waanza kukausha matunda\n\n" + "Wakulima wa parachichi wilayani Rungwe wameanza kukausha matunda. " * 20)
    doc = parse_document(text, Path("/virtual/mwananchi-habari.txt"), "mwananchi-habari.txt", "m")
    assert doc.title == "Wakulima wa parachichi Rungwe waanza kukausha matunda"


def test_a_title_past_a_thai_menu_a_channel_handle_and_a_follow_button() -> None:
    text = ("Blockdit\nหน้าแรก   สำรวจ   พอดแคสต์   ร้านค้า   ซีรีส์\nค้นหาบน Blockdit\nเข้าสู่ระบบ / สมัครสมาชิก\n\n"
            "คุยกันหลังเลิกงาน\n@lungwork.podcast · พอดแคสต์ · ไลฟ์สไตล์\n+ ติดตาม   41.3K ผู้ติดตาม\n\n"
            "EP.47 ปลูกผักบนระเบียงคอนโด ทำได้จริงไหม?\n12 มี.ค. 2567 · 48 นาที\n\n" + "อยู่คอนโด ระเบียงกว้างไม่ถึงสองเมตร จะปลูกผักกินเองได้ไหม " * 20)
    doc = parse_document(text, Path("/virtual/ep47-blockdit.txt"), "ep47-blockdit.txt", "b")
    assert doc.title == "EP.47 ปลูกผักบนระเบียงคอนโด ทำได้จริงไหม?"



def test_a_chapter_list_taken_for_comments_is_given_back_to_the_page() -> None:
    from tui_reader.corpus.formats.threads import Thread
    from tui_reader.corpus.loading import _chapters_read_as_comments
    from tui_reader.corpus.model import Comment

    from tui_reader.corpus.formats.chapters import find_chapters
    from tui_reader.corpus.model import Timestamp

    def stamps_of(lines: list[str]) -> list[Timestamp]:
        return find_chapters(lines, 1)[0]

    chapters = ["0:00 Intro", "3:12 How it works", "11:40 What it costs", "22:05 The brine"]
    prose = [f"A listener's comment number {n}, about the episode and its guest." for n in range(10)]
    # a page copied one line a line: every chapter became a "comment"
    lines = ["Menu", "Search", *chapters, "Share", "Download"]
    each = Thread("one comment a line", [Comment(k + 1, text) for k, text in enumerate(lines)])
    assert _chapters_read_as_comments(each, stamps_of(lines))
    # the page's description, chapters and all, read as the first of three cards
    page = ["Episode 87", "Mar 14, 2024", *prose[:3], *chapters, "Episode 86", "Mar 1, 2024", "Teaser.", "Episode 85", "Feb 9", "Teaser."]
    cards = Thread("cards", [Comment(1, "description", "Episode 87", 0, 10), Comment(10, "Teaser.", "Episode 86", 0, 13), Comment(13, "Teaser.", "Episode 85", 0, 16)])
    assert _chapters_read_as_comments(cards, stamps_of(page))
    # one commenter's list of times among ten comments is a comment: the thread stays
    dump = [*prose[:5], *chapters, *prose[5:]]
    comments = [Comment(k + 1, t, f"user{k}", 0, k + 2) for k, t in enumerate(prose[:5])]
    comments.append(Comment(6, "\n".join(chapters), "timekeeper", 0, 10))
    comments += [Comment(k + 10, t, f"user{k + 5}", 0, k + 11) for k, t in enumerate(prose[5:])]
    assert not _chapters_read_as_comments(Thread("cards", comments), stamps_of(dump))



def test_pages_in_scripts_without_spaces_are_tied_by_their_words(tmp_path: Path) -> None:
    # The page copied from a video site (its title hidden under the site's menus, the file
    # named by the browser after it) and a thread about it that names the video's title.
    menu = ["首页", "番剧", "直播", "游戏中心", "会员购", "漫画", "赛事", "下载客户端", "大会员", "消息", "动态", "收藏", "历史", "创作中心", "投稿"]
    title = "【硬核拆解】一台用了22年的老冰箱，为什么就是不坏？"
    page = [*menu, title, "38.6万", "2024-09-15 19:00:00", "简介", "00:00 开场", "01:48 外观和铭牌", "04:30 压缩机", "09:15 温控器"]
    (tmp_path / f"{title}_哔哩哔哩_bilibili.txt").write_text("\n".join(page) + "\n", encoding="utf-8")
    chat = [f"2024-09-20 21:0{n}:11 {name}\n{text}\n" for n, (name, text) in enumerate([
        ("阿杰", f"[链接]:title:{title}"), ("小林", "我家那台老冰箱也是二十年了"), ("老周", "温控器那段说得基本对"), ("阿杰", "那你去写个回答呗"), ("小林", "周末一起拆"),
    ])]
    (tmp_path / "周末修东西小分队.txt").write_text("\n".join(chat), encoding="utf-8")
    corpus = load_corpus([tmp_path], cache=False)
    by = {d.path.name: d for d in corpus.documents}
    assert by[f"{title}_哔哩哔哩_bilibili.txt"].title == title
    assert by["周末修东西小分队.txt"].kind == "comments"
    assert ("周末修东西小分队.txt", "comments-on", f"{title}_哔哩哔哩_bilibili.txt") in typed_ties(corpus)


def test_bug_tracker_help_desk_and_merge_request_numbers_name_their_files(tmp_path: Path) -> None:
    (tmp_path / "bug31874.txt").write_text("Bramble Bugzilla – Bug 31874\nPDF export drops ligatures\n\nDescription\nText of the bug.\n", encoding="utf-8")
    (tmp_path / "48213 Quintero invoices.txt").write_text("Ticket #48213\nInvoices lose their ligatures\n\nSee https://bugs.brambledocs.org/show_bug.cgi?id=31874#c5 upstream.\n", encoding="utf-8")
    (tmp_path / "mr482-overview.txt").write_text("Merge request !482\nPer-host retry budget\n\nThe change itself.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text(
        "# What we decided\n\nUpstream: https://bugs.brambledocs.org/31874\n\nTicket: https://inkwell.zendesk.com/agent/tickets/48213\n\n"
        "Review: https://gitlab.com/kestrel/mirror/-/merge_requests/482#note_1801266530\n\nIn 2024 we met.\n", encoding="utf-8")
    ties = typed_ties(load_corpus([tmp_path], cache=False))
    assert ("48213 Quintero invoices.txt", "links-to", "bug31874.txt") in ties
    assert {("notes.md", "links-to", name) for name in ("bug31874.txt", "48213 Quintero invoices.txt", "mr482-overview.txt")} <= ties


def test_a_page_title_shown_twice_under_a_cookie_banner(tmp_path: Path) -> None:
    banner = "Nosotros y nuestros socios utilizamos cookies y tecnologías similares para almacenar y acceder a información en tu dispositivo."
    title = "Desaladoras: ¿la solución a la sequía o un parche caro?"
    page = ["Bienvenido a Ondas", banner, "Configurar", "Rechazar", "Aceptar y cerrar", "Ondas", "Explorar", "Podcasts Originales",
            "Audiolibros", "Mi biblioteca", "Premium", "Buscar podcasts, audiolibros, episodios...", "Inicio", "Ciencia", "Agua Pasada",
            title, title, "Agua Pasada", "14/03/2024 · 01:12:45", "Reproducir", f"Descripción de {title}",
            "Con los embalses por debajo del 16 % las desaladoras han pasado a titular de telediario.", "Capítulos",
            "00:00:00 Presentación", "00:03:12 La ósmosis inversa", "00:11:40 El coste energético", "00:22:05 La salmuera"]
    doc = load_one(tmp_path, "\n".join(page) + "\n", "ondas agua pasada 87.txt")
    assert (doc.kind, doc.title) == ("source", title)  # an episode page (its lines no comments), titled


def test_a_title_under_skip_links_and_a_cookie_banner(tmp_path: Path) -> None:
    page = ["Aller au contenu principal", "Aller au player", "Aller à la recherche", "France Ondes", "Direct", "Podcasts",
            "Vos choix concernant les cookies",
            "Avec votre accord, la radio et ses partenaires utilisent des cookies pour mesurer l’audience et personnaliser les contenus.",
            "Accepter", "Refuser", "Paramétrer", "Jeux vidéo : qui sauvera les parties perdues ?", "Provenant du podcast Mondes numériques",
            "Publié le mardi 5 mars 2024", "Que reste-t-il d’un jeu quand ses serveurs ferment ? L’émission part de là et interroge trois archivistes."]
    doc = load_one(tmp_path, "\n".join(page) + "\n", "mondes.txt")
    assert doc.title == "Jeux vidéo : qui sauvera les parties perdues ?"


def test_a_video_page_copied_with_its_comments_a_note_and_a_post_linking_it(tmp_path: Path) -> None:
    # The video's page copied with its comments (its address in the "Copy link" box, with
    # the app's share parameters), a cook's note keeping the app's share link in its
    # properties, and the creator's post on another site linking the video.
    video = ["For You", "Following", "lina.cooks · 2023-11-8", "scallion oil noodles, 10 minutes", "♬ original sound - lina.cooks",
             "12.3K", "418", "https://www.tiktok.com/@lina.cooks/video/7299410385512066346?is_from_webapp=1&sender_device=pc", "Copy link",
             "Comments (5)", ""]
    for name, text in [("mo.eats", "made this tonight, so good"), ("kat_k", "how long on low heat?"), ("lina.cooks", "about 6 minutes!"),
                       ("dave.r", "the sugar at the end is key"), ("ana_p", "saving this")]:
        video += [name, text, "11-9", "Reply", ""]
    (tmp_path / "tiktok scallion noodles.txt").write_text("\n".join(video), encoding="utf-8")
    (tmp_path / "scallion oil noodles.md").write_text(
        "---\ncreated: 2023-11-19\nsource: https://www.tiktok.com/@lina.cooks/video/7299410385512066346?_t=8hQ2xY7mLpZ&_r=1\n---\n\n"
        "# scallion oil noodles\n\nmade them sunday night, a bit too salty.\n\n## shopping\n- [ ] dark soy\n- [ ] scallions x2\n- [x] noodles\n",
        encoding="utf-8")
    post = ["lina.cooks", "11/12/23", "the full video is up: https://www.tiktok.com/@lina.cooks/video/7299410385512066346", "214", "31", ""]
    for name, date, text in [("mo.eats", "11/12/23", "made it twice already"), ("kat_k", "11/13/23", "low heat changed everything"),
                             ("dave.r", "11/13/23", "sugar at the end!"), ("ana_p", "11/14/23", "need the chili oil one next")]:
        post += [name, date, text, "3", ""]
    (tmp_path / "threads lina.txt").write_text("\n".join(post), encoding="utf-8")
    corpus = load_corpus([tmp_path], cache=False)
    by = {d.path.name: d for d in corpus.documents}
    assert by["scallion oil noodles.md"].kind == "note"
    assert by["tiktok scallion noodles.txt"].url is not None
    ties = typed_ties(corpus)
    assert ("scallion oil noodles.md", "links-to", "tiktok scallion noodles.txt") in ties
    assert ("threads lina.txt", "comments-on", "tiktok scallion noodles.txt") in ties


def test_a_japanese_memo_of_a_video_points_at_its_page_by_a_short_link(tmp_path: Path) -> None:
    (tmp_path / "sm43518806.txt").write_text(
        "ニコニコ動画\n【ゆっくり解説】昭和のミシンはなぜ50年動くのか\n投稿者：糸巻きラボ\n■目次\n00:00 はじめに\n03:10 フレーム\n07:25 釜まわり\n12:40 ベルト\n", encoding="utf-8")
    (tmp_path / "ミシン動画メモ.md").write_text(
        "---\ntitle: 昭和ミシン動画メモ\n---\n\n# 視聴メモ\n\n元動画：https://nico.ms/sm43518806 （25:48）\n\n## 3行まとめ\n\n"
        "- 昭和の家庭用ミシンは構造が単純だから壊れにくい\n- 動かなくなる原因の大半は油切れ\n- ベルトは消耗品\n", encoding="utf-8")
    corpus = load_corpus([tmp_path], cache=False)
    assert {d.path.name: d.kind for d in corpus.documents}["ミシン動画メモ.md"] == "summary"
    assert ("ミシン動画メモ.md", "summarizes", "sm43518806.txt") in typed_ties(corpus)


def test_a_link_whose_slug_spells_a_file_named_by_the_pages_title(tmp_path: Path) -> None:
    (tmp_path / "linuxfr - France Culture et la préservation du jeu vidéo.txt").write_text(
        "Aller au contenu\nPosté par tagazok le 05/03/24 à 21:40.\n\nHier soir une émission entière sur les jeux perdus.\n", encoding="utf-8")
    (tmp_path / "forum.md").write_text(
        "# Le sujet du forum\n\nLe journal en parle : https://linuxfr.org/users/tagazok/journaux/france-culture-et-la-preservation-du-jeu-video\n",
        encoding="utf-8")
    ties = typed_ties(load_corpus([tmp_path], cache=False))
    assert ("forum.md", "links-to", "linuxfr - France Culture et la préservation du jeu vidéo.txt") in ties


def test_a_products_page_saved_with_its_url_is_no_guide_for_its_numbered_points(tmp_path: Path) -> None:
    page = ("---\nsource: https://tandem.example/\n---\n\n# Tandem — the budgeting app for couples\n\nShare money without the spreadsheet.\n\n"
            "## How it works\n\n### 1. Link your accounts\n\nConnect a bank.\n\n### 2. Pick what you share\n\nRent, food, holidays.\n\n"
            "### 3. See who owes what\n\nOne number each month.\n\n## Pricing\n\nFree for two.\n")
    assert load_one(tmp_path, page, "tandem.md").kind == "source"
    tutorial = page.replace("### 1.", "### Step 1:").replace("### 2.", "### Step 2:").replace("### 3.", "### Step 3:")
    assert load_one(tmp_path, tutorial, "tandem-steps.md").kind == "guide"


def test_a_link_to_a_site_leads_to_the_page_saved_under_that_sites_name(tmp_path: Path) -> None:
    reviews = ["Skip to main content", "Trustpilot", "Tandem Budget", "Reviews 1,186", ""]
    for name, text in [("Sam K", "Great app, we stopped keeping score."), ("Priya", "Bank sync broke twice."), ("Jo M", "Fair Split is brilliant."),
                       ("Alex", "Price went up, still worth it.")]:
        reviews += [name, "Mar 1, 2025", text, "Useful", "Share", ""]
    (tmp_path / "trustpilot tandem.txt").write_text("\n".join(reviews), encoding="utf-8")
    (tmp_path / "youtube tandem.txt").write_text("Tandem review video\n\nA video about Tandem.\n", encoding="utf-8")
    (tmp_path / "what reviewers say.md").write_text(
        "# Tandem: what reviewers say\n\nRead the reviews[^tp] first.\n\nAlso https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        "[^tp]: https://uk.trustpilot.com/review/tandembudget.com\n", encoding="utf-8")
    ties = typed_ties(load_corpus([tmp_path], cache=False))
    assert ("what reviewers say.md", "summarizes", "trustpilot tandem.txt") in ties
    assert not any(target == "youtube tandem.txt" for _, _, target in ties)  # YouTube's name says too little


def test_a_thread_is_not_about_a_page_written_weeks_after_it(tmp_path: Path) -> None:
    from tui_reader.corpus.relations import _written_after

    def doc(name: str, kind: str, date: str) -> Document:
        return Document(id=name, path=tmp_path / name, relpath=name, text="", body_line=1, title=name, kind=kind, date=date)

    thread, later, next_day = doc("t.txt", "comments", "2024-03-09"), doc("g.md", "guide", "2024-03-24"), doc("p.md", "source", "2024-03-10")
    assert _written_after(thread, later)
    assert not _written_after(thread, next_day)  # a page's own date a day on: dates of other meanings


def test_a_headline_over_its_date_and_byline_below_the_sites_menu(tmp_path: Path) -> None:
    page = ["Skip to content", "Punch Newspapers", "Search", "Wednesday, March 6, 2024", "", "News", "Politics", "Metro", "Business",
            "Sports", "", "Business & Economy", "USSD: Subscribers to pay N20 per session from April as NCC okays new tariff",
            "5th March 2024", "By  Ifedayo Ogunleye-Bassey", "Kindly share this story:", "",
            "Mobile phone subscribers will from April 1, 2024 pay N20 for every USSD session beyond three free sessions a day."]
    doc = load_one(tmp_path, "\n".join(page) + "\n", "punchng ussd.txt")
    assert doc.title == "USSD: Subscribers to pay N20 per session from April as NCC okays new tariff"
    from tui_reader.corpus.formats.dates import date_in_lines

    assert date_in_lines(["5th March 2024"], 1) == "2024-03-05"


def test_a_ptt_post_and_its_pushes(tmp_path: Path) -> None:
    pushes = [("推", "waferboy", "做二休二真的會折壽，我撐了三年就轉日班了"), ("→", "ramen5566", "不是業配但標題就直接打節目名稱XD"),
              ("噓", "kkbox123", "又在推坑進廠"), ("推", "nightowl0", "夜班下班先吃東西這個我也聽學長講過，有用")]
    text = "\n".join(["作者chiptired (打卡機)看板Tech_Job", "標題[心得] 聽了一集講輪班的節目", "", "最近通勤都在聽Podcast，這週聽到一集講輪班的。", "",
                      "--", "※ 發信站: 批踢踢實業坊(ptt.cc)", *(f"{tag} {user}: {said} 03/02 23:4{n}" for n, (tag, user, said) in enumerate(pushes))])
    doc = load_one(tmp_path, text, "ptt.txt")
    assert doc.kind == "comments"
    assert [c.author for c in doc.comments] == ["waferboy", "ramen5566", "kkbox123", "nightowl0"]


def test_two_video_lengths_do_not_make_a_page_a_log(tmp_path: Path) -> None:
    page = ["LUMORA Rechargeable Headlamp, 1200 Lumen", "Visit the LUMORA Store", "4.4 out of 5 stars", "",
            *(f"About this item line {n}: a bright, light headlamp for running and camping in the dark." for n in range(30)),
            "Videos for this product", "1:04", "Unboxing and first run", "0:47", "Red light mode at night"]
    doc = load_one(tmp_path, "\n".join(page), "product.txt")
    assert not doc.kind_reason.startswith("a log")
    log = load_one(tmp_path, "\n".join(["09:30 standup", "10:15 review with Ana", "lunch", "14:00 write the report"]), "today.txt")
    assert log.kind == "note"


def test_key_points_under_a_title_in_chinese_and_norwegian(tmp_path: Path) -> None:
    zh = "\n".join(["# 下班後的工程師 EP87 聽後筆記", "", "> 通勤時聽完，重點記一下", "", "## 重點",
                    "- [03:15] 四班二輪＝做二休二，四天一個循環", "- [12:55] 夜班下班要先降落再睡", "- [25:30] 無塵室認人靠鞋子", "", "## 我的想法", "- 要先跟另一半談好"])
    assert load_one(tmp_path, zh, "EP87 筆記.md").kind == "summary"
    nb = "Ferja som forsvant\n\nEpisoden handler om en ferje som ble lagt ned og bygda som mistet forbindelsen sin til fastlandet.\n"
    assert load_one(tmp_path, nb, "Oppsummering – Ferja som forsvant.md").kind == "summary"



def test_titles_that_name_another_in_other_languages() -> None:
    from tui_reader.corpus.loading import _EPISODE_LABEL
    from tui_reader.corpus.relations import _titles_named

    assert "Ferja som forsvant" in _titles_named("Ferja som forsvant – oppsummering")
    assert "Çip ve Çay 112" in _titles_named("ÖZET - Çip ve Çay 112")
    assert "Kommunens backup" in _titles_named("Kommunens backup – kommentarer")
    assert _titles_named("Backup og gendannelse") == ["Backup og gendannelse"]
    assert _EPISODE_LABEL.match("Sesong 3 · Episode 6 av 8") and not _EPISODE_LABEL.match("Ferja som forsvant")


def test_front_matter_with_an_unquoted_colon_is_read_line_by_line(tmp_path: Path) -> None:
    text = "---\ntitle: Keturių dienų darbo savaitė: ką parodė pusmetis\nsource: https://www.delfi.lt/verslas/darbas/keturiu-dienu-1204567\ntags:\n  - darbas\n  - verslas\n---\n\n# Keturių dienų darbo savaitė\n\nTekstas.\n"
    doc = load_one(tmp_path, text, "delfi.md")
    assert doc.title == "Keturių dienų darbo savaitė: ką parodė pusmetis"
    assert doc.meta["tags"] == ["darbas", "verslas"]
    assert doc.url == "https://www.delfi.lt/verslas/darbas/keturiu-dienu-1204567"
    nested = load_one(tmp_path, "---\ntitle: [unclosed\n  weird: {x\n---\nBody\n", "bad.md")
    assert nested.meta == {} and any("front matter ignored" in w for w in nested.warnings)
