"""The reader view: links, search, contents, progressive rendering, big files."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Input, Label

from tui_reader.corpus import load_corpus
from tui_reader.render.document import plain_lines, render_document
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.contents import ContentsScreen

from .conftest import GUIDE, SIZE, SOURCE, SUMMARY


def notes(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_tab_focuses_links_and_enter_follows_an_anchor(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE)
        await pilot.press("2", "tab", "tab")
        link = seed_app.reader.focused_link
        assert link is not None and link.url == "#netflixs-core-values-leadership-principles"
        await pilot.press("shift+tab")
        assert seed_app.reader.focused_link.url == "#overview"
        await pilot.press("enter")
        await pilot.pause()
        assert seed_app.reader.current_section == "overview"
        await pilot.press("backspace")
        await pilot.pause()
        assert seed_app.reader.scroll_y == 0


async def test_links_are_numbered_in_reading_order(seed_app: ReaderApp) -> None:
    rendered = render_document(seed_app.corpus[GUIDE], 100)
    text = "\n".join(plain_lines(rendered))
    assert "Overview¹" in text and "Leadership Principles²" in text
    assert [link.number for link in rendered.links] == list(range(1, len(rendered.links) + 1))
    assert rendered.links[0].spans and rendered.links[0].url == "#overview"


async def test_external_links_open_in_the_browser_and_others_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# A\n\n[web](https://example.com/x) [ftp](ftp://example.com/f) "
        "[ssh](ssh://host/x) [other](b.md#part) [missing](#nope) [js](javascript:alert(1))\n"
    )
    (tmp_path / "b.md").write_text("# B\n\n## Part\n\ntext\n")
    app = ReaderApp(load_corpus([tmp_path]))
    opened: list[str] = []
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", "enter")
        assert opened == ["https://example.com/x"]
        await pilot.press("tab", "enter", "tab", "enter")
        await pilot.pause()
        assert opened == ["https://example.com/x"]
        assert sum("Refused" in note for note in notes(app)) == 2
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.current_doc == "b" and app.reader.current_section == "part"
        await pilot.press("backspace", "2", "tab", "tab", "tab", "tab", "tab", "enter")
        await pilot.pause()
        assert any("No section #nope" in note for note in notes(app))
        # markdown-it does not even make javascript: a link: it stays text.
        assert [link.url for link in app.reader.rendered.links][-1] == "#nope"
        assert "[js](javascript:alert(1))" in "\n".join(plain_lines(app.reader.rendered))


async def test_clicking_a_link_follows_it(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE)
        await pilot.pause()
        link = seed_app.reader.rendered.links[1]
        row, start, _ = link.spans[0]
        await pilot.click(seed_app.reader, offset=(start + 4, row))  # padding 1, gutter 2
        await pilot.pause()
        assert seed_app.reader.current_section == "netflixs-core-values-leadership-principles"


async def test_search_counts_cycles_and_escape_returns(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE)
        await pilot.press("2", "slash", *"netflix")
        await pilot.pause()
        reader = seed_app.reader
        total = len(reader.matches)
        assert total > 20
        count = seed_app.query_one("#search-count", Label)
        assert str(count.render()) == f"1/{total}"
        await pilot.press("enter", "n", "n")
        assert reader.match_index == 2
        await pilot.press("N")
        assert reader.match_index == 1
        assert reader.matches[1].line >= reader.scroll_y
        await pilot.press("slash")
        assert seed_app.query_one("#search-input", Input).value == "netflix"
        await pilot.press("escape")
        assert reader.matches == [] and reader.scroll_y != 0 or reader.matches == []


async def test_escape_in_search_returns_to_where_it_began(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE, "overview")
        await pilot.pause()
        origin = seed_app.reader.scroll_y
        await pilot.press("2", "slash", *"preparation strategy")
        await pilot.pause()
        assert seed_app.reader.scroll_y > origin
        await pilot.press("escape")
        assert seed_app.reader.scroll_y == origin
        assert seed_app.reader.matches == []


async def test_contents_jumps_to_a_section(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(SOURCE)
        await pilot.press("2", "t")
        assert isinstance(seed_app.screen, ContentsScreen)
        for _ in range(3):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert seed_app.reader.current_section == "no-formal-performance-review-process"


async def test_a_large_document_shows_its_first_screen_then_the_rest(tmp_path: Path) -> None:
    paragraph = "Lorem ipsum dolor sit amet, **consectetur** adipiscing elit. " * 8
    sections = [f"## Section {n}\n\n" + "\n\n".join([paragraph] * 6) for n in range(400)]
    (tmp_path / "big.md").write_text("# Big\n\n" + "\n\n".join(sections))
    (tmp_path / "a.md").write_text("# Small\n\ntext\n")
    assert (tmp_path / "big.md").stat().st_size > 1_000_000
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        app.open_document("big")
        # The first screen is there at once; the rest is still to come.
        first = len(reader.rendered.lines)
        assert 30 <= first < 1000
        assert not reader.complete
        await pilot.press("2", "pagedown", "j")  # keys work while the rest renders
        assert reader.scroll_y > 30
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.complete
        assert len(reader.rendered.lines) > 10 * first
        assert "section-399" in reader.rendered.section_lines
        await pilot.press("G")
        assert reader.current_section == "section-399"


async def test_a_ten_megabyte_file_opens_as_plain_text(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text(("word " * 2000 + "\n") * 1000)
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.corpus.documents[0].plain_text
        assert any("plain text" in note for note in notes(app))
        assert app.reader.rendered.lines
        await pilot.press("2", "G")


async def test_render_never_exceeds_the_width(seed_app: ReaderApp) -> None:
    for doc in seed_app.corpus.documents:
        for width in (20, 47, 80):
            rendered = render_document(doc, width)
            assert max(cell_len("".join(s.text for s in line)) for line in rendered.lines) <= width


async def test_summary_and_source_keep_their_place_in_history(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "pagedown", "pagedown")
        place = seed_app.reader.scroll_y
        await pilot.press("s", "2", "pagedown")
        source_place = seed_app.reader.scroll_y
        await pilot.press("backspace")
        await pilot.pause()
        assert (seed_app.current_doc, seed_app.reader.scroll_y) == (SUMMARY, place)
        await pilot.press("alt+right")
        await pilot.pause()
        assert (seed_app.current_doc, seed_app.reader.scroll_y) == (SOURCE, source_place)


async def test_o_and_y_act_on_the_focused_link(seed_app: ReaderApp) -> None:
    opened: list[str] = []
    copied: list[str] = []
    seed_app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    seed_app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(SOURCE)
        await pilot.press("2", "tab", "y", "o")
        assert copied == ["https://youtu.be/sAp9RjO79cU"]
        assert opened == ["https://youtu.be/sAp9RjO79cU"]
        await pilot.press("escape", "y")  # no focused link: the document's own URL
        assert copied[-1] == "https://newsletter.pragmaticengineer.com/p/netflix"


async def test_double_and_triple_clicks_in_the_reader_select_without_a_crash(seed_app: ReaderApp) -> None:
    """Textual's select-all on a double click queries the widget's children: the reader's
    search text must not shadow ``query()``."""
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE)
        await pilot.pause()
        await pilot.click(seed_app.reader, offset=(10, 5), times=2)
        await pilot.click(seed_app.reader, offset=(10, 5), times=3)
        await pilot.pause()
        assert seed_app.is_running
        await pilot.press("slash", *"netflix", "enter")
        await pilot.pause()
        assert seed_app.reader.search_text == "netflix" and seed_app.reader.matches
