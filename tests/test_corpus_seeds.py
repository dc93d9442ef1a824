"""Expectations on the bundled seed documents (``seeds/``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.corpus import Corpus, Document, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SUMMARY = "000_8a679a843d40f975"
SOURCE = "001_fcd5aa9764726396"
COMMENTS = "002_a2ea35e4aae3ff3a"
GUIDE = "003_367f1510271e3cf2"

PAUL_TYSON_LINE = (
    "([16:25](https://www.youtube.com/watch?v=sAp9RjO79cU&t=985s)) "
    "Learnings from Paul vs. Tyson for NFL Live"
)


def raw_lines(doc_id: str) -> list[str]:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([])


@pytest.fixture(scope="module", params=["bundled", "seeds-folder"])
def any_corpus(request: pytest.FixtureRequest) -> Corpus:
    """The seeds loaded both ways the brief allows: bundled default, and by path."""
    if request.param == "bundled":
        return load_corpus([])
    return load_corpus([Path("seeds")] if Path("seeds").is_dir() else [SEEDS])


# --- documents ---------------------------------------------------------------------


def test_the_four_seeds_are_loaded_in_order(any_corpus: Corpus) -> None:
    assert [d.id for d in any_corpus.documents] == [SUMMARY, SOURCE, COMMENTS, GUIDE]
    assert any_corpus.warnings == []
    for doc in any_corpus.documents:
        assert doc.warnings == [], (doc.id, doc.warnings)


def test_loading_by_path_equals_bundled(corpus: Corpus) -> None:
    by_path = load_corpus([SEEDS])
    assert by_path.to_json() == corpus.to_json()


def test_summary_metadata(any_corpus: Corpus) -> None:
    doc = any_corpus[SUMMARY]
    assert doc.kind == "summary"
    assert doc.title == "Netflix's Engineering Culture: Autonomy, Responsibility, and Scale"
    assert doc.date == "2024-11-12"
    assert doc.relpath == f"{SUMMARY}.txt"
    assert raw_lines(SUMMARY)[6] == "---"  # line 7 closes the front matter
    assert doc.body_line in (8, 9)  # line 8 is blank
    assert doc.body.strip().startswith("## Netflix's Engineering Culture")
    assert "publishedAt" not in doc.body
    assert "netflix" in doc.tags and "#netflix" not in doc.tags


def test_source_metadata(any_corpus: Corpus) -> None:
    doc = any_corpus[SOURCE]
    assert doc.kind == "source"
    assert doc.title == "Netflix\u2019s Engineering Culture"
    assert "\u2019" in doc.title and "'" not in doc.title
    assert doc.url == "https://newsletter.pragmaticengineer.com/p/netflix"
    assert doc.date == "2025-11-13"


def test_comments_dump_has_a_meaningful_title(any_corpus: Corpus) -> None:
    doc = any_corpus[COMMENTS]
    assert doc.kind == "comments"
    assert doc.title.startswith("Comments on Netflix")
    assert doc.title == "Comments on Netflix\u2019s Engineering Culture"
    raw = (SEEDS / f"{COMMENTS}.txt").read_text(encoding="utf-8")
    assert not raw.startswith(doc.title)
    assert doc.title not in raw[:200]
    assert len(doc.title) < 80


def test_guide_metadata(any_corpus: Corpus) -> None:
    doc = any_corpus[GUIDE]
    assert doc.kind == "guide"
    # The heading extends the front matter title "Netflix".
    assert doc.title == "Netflix Engineering Leadership Interview Guide"
    assert doc.date == "2025-08-07"
    assert doc.tags == ["interview-prep"]


# --- sections ----------------------------------------------------------------------


def anchors(doc: Document) -> list[str]:
    return [s.anchor for s in doc.sections]


def test_anchors_are_stable_across_loads(corpus: Corpus) -> None:
    again = load_corpus([SEEDS])
    for doc in corpus.documents:
        assert anchors(doc) == anchors(again[doc.id])
        assert doc.sections == again[doc.id].sections


@pytest.mark.parametrize("doc_id", [SUMMARY, SOURCE, COMMENTS, GUIDE])
def test_anchors_unique_and_sections_well_formed(corpus: Corpus, doc_id: str) -> None:
    doc = corpus[doc_id]
    assert doc.sections
    assert len(set(anchors(doc))) == len(doc.sections)
    n_lines = len(doc.lines)
    previous = 0
    for section in doc.sections:
        assert 1 <= section.level <= 6
        assert doc.body_line <= section.line < section.end_line <= n_lines + 1
        assert section.line >= previous  # in file order
        previous = section.line
        assert doc.section(section.anchor) is section


def test_summary_sections(corpus: Corpus) -> None:
    doc = corpus[SUMMARY]
    assert anchors(doc) == [
        "netflixs-engineering-culture",
        "community-discussion-on-netflixs-transparency",
    ]
    first, second = doc.sections
    assert (first.title, first.level, first.line) == ("Netflix's Engineering Culture", 2, 9)
    assert raw_lines(SUMMARY)[first.line - 1] == "## Netflix's Engineering Culture"
    assert raw_lines(SUMMARY)[second.line - 1] == "## Community Discussion on Netflix's Transparency"
    assert first.end_line == second.line


def test_guide_toc_links_all_resolve_to_sections(corpus: Corpus) -> None:
    doc = corpus[GUIDE]
    section_anchors = set(anchors(doc))
    fragment_links = [link for link in doc.links if link.url.startswith("#")]
    raw_count = sum(line.count("](#") for line in raw_lines(GUIDE))
    assert len(fragment_links) == raw_count == 47
    unresolved = [l.url for l in fragment_links if l.url[1:] not in section_anchors]
    assert unresolved == []
    # And the link text matches the heading it points at.
    for link in fragment_links:
        assert doc.section(link.url[1:]).title == link.text


def test_guide_headings(corpus: Corpus) -> None:
    doc = corpus[GUIDE]
    assert doc.sections[0].title == "Netflix Engineering Leadership Interview Guide"
    assert doc.sections[0].level == 1
    assert doc.sections[0].end_line == len(doc.lines) + 1  # h1 holds everything
    toc = doc.section("table-of-contents")
    assert toc is not None and toc.level == 2
    assert raw_lines(GUIDE)[toc.line - 1] == "## Table of Contents"
    assert doc.section("senior-staffprincipal-engineer-l7").title == (
        "Senior Staff/Principal Engineer (L7)"
    )
    # Only real headings become sections in a document that has headings.
    heading_lines = [
        n for n, line in enumerate(raw_lines(GUIDE), 1) if line.startswith("#")
    ]
    assert [s.line for s in doc.sections] == heading_lines


def test_source_pseudo_sections_from_bold_leads(corpus: Corpus) -> None:
    doc = corpus[SOURCE]
    titles = {s.title: s for s in doc.sections}
    for title in (
        "Hiring of new grads",
        "No formal performance review process",
        "Unexpectedly heavy open source investment",
        "Where to find Elizabeth Stone",
    ):
        assert title in titles, title
        section = titles[title]
        assert section.level == 2
        assert raw_lines(SOURCE)[section.line - 1].startswith(f"**{title}")
    hiring = titles["Hiring of new grads"]
    assert hiring.anchor == "hiring-of-new-grads"
    assert hiring.line == 34
    assert titles["No formal performance review process"].anchor == (
        "no-formal-performance-review-process"
    )


def test_source_episode_timestamps_section(corpus: Corpus) -> None:
    doc = corpus[SOURCE]
    episode = doc.section("episode-timestamps")
    assert episode is not None
    assert episode.title == "Episode timestamps"
    assert episode.level == 2
    chapters = [
        s for s in doc.sections if s.level == 3 and episode.line <= s.line < episode.end_line
    ]
    assert len(chapters) == 20
    assert chapters[0].title == "00:00 Intro"
    assert chapters[0].line == episode.line == doc.timestamps[0].line
    assert [c.line for c in chapters] == [t.line for t in doc.timestamps]
    assert chapters[-1].title.startswith("57:07 Elizabeth")
    # The chapter lines are not bold-lead sections too.
    assert sum(1 for s in doc.sections if s.line == episode.line) == 2
    # section_at finds the innermost section.
    assert doc.section_at(90).title == "16:25 Learnings from Paul vs. Tyson for NFL Live"


def test_comments_sections(corpus: Corpus) -> None:
    doc = corpus[COMMENTS]
    assert len(doc.sections) == 13
    assert doc.sections[0].anchor == "description"
    assert doc.sections[0].line == doc.description_line == 1
    assert anchors(doc)[1:] == [f"comment-{n}" for n in range(1, 13)]
    for section, comment in zip(doc.sections[1:], doc.comments):
        assert section.line == comment.line
        assert section.title.startswith(f"Comment {doc.comments.index(comment) + 1}: ")


# --- links -------------------------------------------------------------------------


def test_links_carry_file_lines(corpus: Corpus) -> None:
    summary = corpus[SUMMARY]
    assert [(l.text, l.line) for l in summary.links] == [
        ("Netflix's Engineering Culture", 35),
        ("Netflix's Engineering Culture Discussion", 58),
        ("newsletter-ai", 62),
    ]
    lines = raw_lines(SUMMARY)
    for link in summary.links:
        assert f"[{link.text}]({link.url})" in lines[link.line - 1]
    assert lines[34].startswith("**Link:** [Netflix's Engineering Culture](")

    source = corpus[SOURCE]
    youtube = source.links[0]
    assert (youtube.text, youtube.url, youtube.line) == (
        "YouTube",
        "https://youtu.be/sAp9RjO79cU",
        10,
    )
    assert "[YouTube](https://youtu.be/sAp9RjO79cU)" in raw_lines(SOURCE)[9]
    linkedin = next(l for l in source.links if "linkedin" in l.url)
    assert linkedin.line == 116
    assert linkedin.url in raw_lines(SOURCE)[115]


def test_every_link_is_on_its_line(corpus: Corpus) -> None:
    for doc in corpus.documents:
        lines = raw_lines(doc.id)
        for link in doc.links:
            assert 1 <= link.line <= len(lines)
            line = lines[link.line - 1]
            # Link URLs may be re-escaped by the Markdown parser; the text is there.
            assert link.text.split(" ")[0] in line, (doc.id, link)


# --- timestamps --------------------------------------------------------------------


def test_source_timestamps(corpus: Corpus) -> None:
    stamps = corpus[SOURCE].timestamps
    assert len(stamps) == 20
    first, last = stamps[0], stamps[-1]
    assert (first.label, first.seconds, first.title) == ("00:00", 0, "Intro")
    assert (last.label, last.seconds) == ("57:07", 3427)
    assert last.title == "Elizabeth\u2019s parting advice for new engineers to succeed at Netflix"
    assert [t.seconds for t in stamps] == sorted(t.seconds for t in stamps)
    for stamp in stamps:
        minutes, seconds = stamp.label.split(":")
        assert stamp.seconds == int(minutes) * 60 + int(seconds)
    for doc_id in (SUMMARY, COMMENTS, GUIDE):
        assert corpus[doc_id].timestamps == []


def test_paul_vs_tyson_timestamp(corpus: Corpus) -> None:
    lines = raw_lines(SOURCE)
    line = lines.index(PAUL_TYSON_LINE) + 1
    stamp = next(t for t in corpus[SOURCE].timestamps if t.label == "16:25")
    assert stamp.seconds == 985
    assert stamp.title == "Learnings from Paul vs. Tyson for NFL Live"
    assert stamp.url == "https://www.youtube.com/watch?v=sAp9RjO79cU&t=985s"
    assert stamp.line == line == 90


# --- comments ----------------------------------------------------------------------


def test_comments_dump(corpus: Corpus) -> None:
    doc = corpus[COMMENTS]
    comments = doc.comments
    assert len(comments) == 12
    assert comments[0].text.startswith("I found this topic really interesting")
    assert comments[-1].text.startswith("Regarding AI")
    texts = [c.text for c in comments]
    assert len(set(texts)) == 12
    assert [c.line for c in comments] == sorted(c.line for c in comments)
    lines = raw_lines(COMMENTS)
    for comment in comments:
        assert lines[comment.line - 1].strip() == comment.text
    # The file holds the comments twice; the first copy is kept.
    assert [c.line for c in comments] == list(range(2, 14))
    assert doc.description is not None
    assert doc.description.startswith("Peek inside Netflix")
    assert doc.description not in texts
    for doc_id in (SUMMARY, SOURCE, GUIDE):
        assert corpus[doc_id].comments == []


# --- relations ---------------------------------------------------------------------


def test_relations(any_corpus: Corpus) -> None:
    rels = {(r.source, r.type, r.target): r for r in any_corpus.relations}
    summarizes = rels[(SUMMARY, "summarizes", SOURCE)]
    assert summarizes.source_section == "netflixs-engineering-culture"
    assert (COMMENTS, "comments-on", SOURCE) in rels
    second_section = any_corpus[SUMMARY].sections[1].anchor
    assert second_section == "community-discussion-on-netflixs-transparency"
    to_comments = [
        r for r in any_corpus.relations if r.source == SUMMARY and r.target == COMMENTS
    ]
    assert [r.source_section for r in to_comments] == [second_section]
    # Nothing points from a document to itself, and nothing is repeated.
    assert all(r.source != r.target for r in any_corpus.relations)
    assert len(set(any_corpus.relations)) == len(any_corpus.relations)
    # The guide is not tied to the others.
    assert all(GUIDE not in (r.source, r.target) for r in any_corpus.relations)


def test_relation_lookups(corpus: Corpus) -> None:
    assert {r.target for r in corpus.relations_from(SUMMARY)} == {SOURCE, COMMENTS}
    assert {r.source for r in corpus.relations_to(SOURCE)} == {SUMMARY, COMMENTS}
    assert corpus.get("nope") is None
