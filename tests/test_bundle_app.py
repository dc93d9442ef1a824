"""The app on bundles other tools export: chapters open at the label's second, a
source outside the folder is still offered, threads are navigable, reasons shown."""

from __future__ import annotations

from pathlib import Path

from tui_reader.corpus import load_corpus
from tui_reader.render.document import plain_lines
from tui_reader.ui.about import AboutScreen
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.header import DocumentHeader
from tui_reader.ui.linked import LinkedPane

from .conftest import SIZE

BUNDLES = Path(__file__).resolve().parent / "fixtures" / "bundles"


def app_on(folder: Path | list[Path]) -> tuple[ReaderApp, list[str]]:
    corpus = load_corpus(folder if isinstance(folder, list) else [folder])
    app = ReaderApp(corpus)
    opened: list[str] = []
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    return app, opened


def doc_id(app: ReaderApp, relpath: str) -> str:
    return next(doc.id for doc in app.corpus.documents if doc.relpath == relpath)


async def test_a_chapter_link_in_the_reader_opens_the_label_not_the_url(tmp_path: Path) -> None:
    page = tmp_path / "episode.md"
    page.write_text(
        "---\ntitle: Episode\n---\nChapters:\n\n"
        "- [00:00](https://www.youtube.com/watch?v=abcdefghijk) Intro\n"
        "- [01:30](https://www.youtube.com/watch?v=abcdefghijk&t=99s) Middle\n",
        encoding="utf-8",
    )
    app, opened = app_on(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.reader.focus()
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
    # The label says 1:30 (90 s); its own URL said 99 s: the label wins.
    assert opened == ["https://www.youtube.com/watch?v=abcdefghijk&t=90s"]


async def test_chapters_without_links_open_the_page_media_at_the_second() -> None:
    folder = BUNDLES / "pod-spotify-url-once"
    app, opened = app_on(folder)
    page = next(d for d in app.corpus.documents if d.timestamps)
    async with app.run_test(size=SIZE) as pilot:
        app.open_document(page.id)
        await pilot.pause()
        pane = app.query_one(LinkedPane)
        chapter = next(item for item in pane.items.values() if item.is_timestamp and item.seconds)
        app.follow(chapter)
        await pilot.pause()
    assert len(opened) == 1
    assert opened[0].startswith("https://open.spotify.com/episode/")
    assert f"t={chapter.seconds}" in opened[0]


async def test_a_summary_whose_source_is_elsewhere_still_offers_it(tmp_path: Path) -> None:
    (tmp_path / "digest.md").write_text(
        "# Weekly digest\n\n## Caching at the edge\n\n**TLDR:** Caches fail open.\n\n"
        "**Link:** [Edge caching without tears](https://cachecraft.dev/blog/edge?utm_source=x)\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing to do with it.\n", encoding="utf-8")
    app, opened = app_on(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("digest")
        await pilot.pause()
        assert "cachecraft.dev" in str(app.query_one(DocumentHeader).render())
        source = [item for item in app.query_one(LinkedPane).items.values() if item.group == "Source"]
        assert [item.label for item in source] == ["Edge caching without tears"]
        await pilot.press("s")
        await pilot.pause()
    assert opened == ["https://cachecraft.dev/blog/edge?utm_source=x"]


async def test_i_says_why_the_document_has_its_kind_and_ties() -> None:
    app, _ = app_on(BUNDLES / "pod-stem-ties")
    async with app.run_test(size=SIZE) as pilot:
        app.open_document(doc_id(app, "ep-17-comments.txt"))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        text = "\n".join(f"{label}: {value}" for label, value in app.screen.lines)
        assert "Kind: comments: comments copied from a web page" in text
        assert "same file-name stem ep-17" in text
        await pilot.press("escape", "escape")  # two keys at once: closed once, no crash
        await pilot.pause()
        assert not isinstance(app.screen, AboutScreen)


async def test_replies_are_a_thread_to_walk_and_fold() -> None:
    app, _ = app_on(BUNDLES / "talk-hn-copy")
    dump = doc_id(app, "hn-45871234.txt")
    async with app.run_test(size=(140, 60)) as pilot:
        app.open_document(dump)
        await pilot.pause()
        doc = app.corpus[dump]
        app.reader.focus()
        first = doc.sections[1]  # the first comment, after the post
        app.reader.go_to(first.anchor)
        await pilot.pause()
        assert app.reader.current_section == first.anchor
        await pilot.press("l")  # past its replies, to the next top-level comment
        await pilot.pause()
        after = next(s for s in doc.sections if s.line >= first.end_line and s.level <= first.level)
        assert app.reader.current_section == after.anchor
        await pilot.press("h")
        await pilot.pause()
        assert app.reader.current_section == first.anchor
        await pilot.press("right_square_bracket")  # into the first reply
        await pilot.pause()
        reply = app.reader.current_section
        assert doc.section(reply).level > first.level
        await pilot.press("p")  # back to the comment it answers
        await pilot.pause()
        assert app.reader.current_section == first.anchor
        replies = sum(1 for s in doc.sections if first.line < s.line < first.end_line)
        await pilot.press("z")
        await pilot.pause()
        text = "\n".join(plain_lines(app.reader.rendered))
        assert f"{replies} replies hidden" in text
        assert app.reader.current_section == first.anchor
        assert reply not in app.reader.rendered.section_lines
        await pilot.press("z")
        await pilot.pause()
        assert reply in app.reader.rendered.section_lines


async def test_comment_heads_show_author_and_replies_are_indented() -> None:
    app, _ = app_on(BUNDLES / "talk-hn-copy")
    async with app.run_test(size=SIZE) as pilot:
        app.open_document(doc_id(app, "hn-45871234.txt"))
        await pilot.pause()
        text = plain_lines(app.reader.rendered)
        assert any(line.startswith("── Comment 1 of 13 quillmoth") for line in text)
        assert any(line.startswith("│ ── Comment 2 of 13 fenwick_s") for line in text)
        assert any(line.startswith("│ │ ── Comment 3 of 13 odmarchetti") for line in text)


async def test_a_wikilink_in_the_reader_goes_to_the_note() -> None:
    app, opened = app_on(BUNDLES / "read-obsidian-literature-note")
    literature = next(d for d in app.corpus.documents if "[[" in d.text and d.kind == "summary")
    async with app.run_test(size=SIZE) as pilot:
        app.open_document(literature.id)
        await pilot.pause()
        links = [link for link in app.reader.rendered.links if link.url.startswith("wiki:")]
        assert links
        app.reader.focus()
        app.reader.focused_link = links[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_doc != literature.id
    assert opened == []


async def test_text_written_line_by_line_keeps_its_breaks(tmp_path: Path) -> None:
    (tmp_path / "outline.txt").write_text(
        "Plan for the talk\nopening story\nthree numbers\nthe ask\n", encoding="utf-8"
    )
    (tmp_path / "essay.md").write_text("One paragraph\nwrapped by hand\nin Markdown.\n", encoding="utf-8")
    app, _ = app_on(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("outline")
        await pilot.pause()
        assert plain_lines(app.reader.rendered)[1:4] == ["opening story", "three numbers", "the ask"]
        app.open_document("essay")
        await pilot.pause()
        assert "One paragraph wrapped by hand in Markdown." in plain_lines(app.reader.rendered)


async def test_bare_urls_in_text_are_links_in_the_reader(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("# Links\n\nSee https://example.com/a and www.example.org/b today.\n", encoding="utf-8")
    app, opened = app_on(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [link.url for link in app.reader.rendered.links] == ["https://example.com/a", "http://www.example.org/b"]
