"""Drive the real app with Pilot through the three panes, as a user would."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tui_reader.corpus import load_corpus
from tui_reader.render.document import plain_lines
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.documents import DocumentList, DocumentsPane
from tui_reader.ui.header import DocumentHeader
from tui_reader.ui.help import HelpScreen
from tui_reader.ui.linked import LinkedPane

from .conftest import COMMENTS, GUIDE, SIZE, SOURCE, SUMMARY


def linked_labels(app: ReaderApp) -> list[str]:
    pane = app.query_one(LinkedPane)
    return [item.label for item in pane.items.values()]


def group_names(app: ReaderApp) -> list[str]:
    pane = app.query_one(LinkedPane)
    names = []
    for index in range(pane.option_count):
        option = pane.get_option_at_index(index)
        if option.disabled:
            names.append(str(option.prompt).split(" (")[0].split(" ·")[0])
    return [name for name in names if name != "Related passages"]  # found in a worker


def header(app: ReaderApp) -> str:
    return str(app.query_one(DocumentHeader).render())


async def test_opens_on_the_summary_with_its_links(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert seed_app.current_doc == SUMMARY
        assert seed_app.query_one(DocumentList).count == 4
        assert "summary" in header(seed_app) and "2024-11-12" in header(seed_app)
        assert group_names(seed_app) == ["Source", "Comments"]
        assert seed_app.focused is seed_app.query_one(DocumentList)


async def test_filter_narrows_as_you_type_and_escape_clears(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(seed_app.focused, Input)
        await pilot.press("g", "u", "i", "d", "e")
        pane = seed_app.query_one(DocumentsPane)
        assert [doc.id for doc in pane.shown] == [GUIDE]
        assert seed_app.query_one(DocumentList).count == 1
        await pilot.press("escape")
        assert seed_app.query_one(DocumentList).count == 4
        assert seed_app.focused is seed_app.query_one(DocumentList)


async def test_single_keys_type_into_the_filter_instead_of_acting(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q", "1", "s", "b", "j")
        await pilot.pause()
        assert seed_app.is_running
        assert seed_app.query_one(Input).value == "q1sbj"
        await pilot.press("slash")  # in a text field, `/` is a character
        assert seed_app.query_one(Input).value == "q1sbj/"
        assert seed_app.current_doc == SUMMARY  # `s` did not jump to the source


async def test_enter_in_the_filter_opens_the_only_match(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"comments", "enter")
        await pilot.pause()
        assert seed_app.current_doc == COMMENTS


async def test_enter_on_the_document_list_opens_and_focuses_the_reader(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert seed_app.current_doc == SOURCE
        assert seed_app.focused is seed_app.reader
        assert "Netflix’s Engineering Culture" in header(seed_app)


async def test_section_keys_move_through_sections_and_update_the_header(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert seed_app.reader.current_section == "netflixs-engineering-culture"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert seed_app.reader.current_section == "community-discussion-on-netflixs-transparency"
        assert "Community Discussion" in header(seed_app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert seed_app.reader.current_section == "netflixs-engineering-culture"
        await pilot.press("G")
        assert seed_app.reader.scroll_y == seed_app.reader.max_scroll_y > 0
        await pilot.press("g")
        assert seed_app.reader.scroll_y == 0


async def test_source_lists_its_twenty_timestamps_and_enter_opens_the_video(
    seed_app: ReaderApp,
) -> None:
    opened: list[str] = []
    seed_app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # one key from the summary to its source
        await pilot.pause()
        assert seed_app.current_doc == SOURCE
        pane = seed_app.query_one(LinkedPane)
        stamps = [item for item in pane.items.values() if item.is_timestamp]
        assert len(stamps) == 20
        assert stamps[8].label == "16:25 Learnings from Paul vs. Tyson for NFL Live"
        await pilot.press("3")
        while pane.highlighted_item != stamps[8]:
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert opened == ["https://www.youtube.com/watch?v=sAp9RjO79cU&t=985s"]
        assert any("16:25" in str(n.message) for n in seed_app._notifications)


async def test_jump_and_back_and_forward_restore_the_place(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "right_square_bracket")
        await pilot.pause()
        position = seed_app.reader.scroll_y
        assert position > 0
        await pilot.press("c")  # the comments, one key away from the summary
        await pilot.pause()
        assert seed_app.current_doc == COMMENTS
        await pilot.press("backspace")
        await pilot.pause()
        assert seed_app.current_doc == SUMMARY
        assert seed_app.reader.scroll_y == position
        await pilot.press("alt+right")
        await pilot.pause()
        assert seed_app.current_doc == COMMENTS
        await pilot.press("alt+left")
        await pilot.pause()
        assert seed_app.current_doc == SUMMARY


async def test_a_comment_links_to_the_source_and_the_summary_section(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(COMMENTS, "comment-5")
        await pilot.pause()
        assert seed_app.reader.current_section == "comment-5"
        assert "Comment 5" in header(seed_app)
        assert group_names(seed_app) == ["Summary", "Source"]
        await pilot.press("3", "enter")  # the first item: the summary section
        await pilot.pause()
        assert seed_app.current_doc == SUMMARY
        assert seed_app.reader.current_section == "community-discussion-on-netflixs-transparency"
        await pilot.press("backspace")
        await pilot.pause()
        assert seed_app.current_doc == COMMENTS
        await pilot.press("s")
        await pilot.pause()
        assert seed_app.current_doc == SOURCE


async def test_comments_are_shown_numbered(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(COMMENTS)
        await pilot.pause()
        text = plain_lines(seed_app.reader.rendered)
        heads = [line for line in text if line.startswith("── Comment ")]
        assert len(heads) == 12
        assert heads[0].startswith("── Comment 1 of 12")
        assert text[0].startswith("Post: Peek inside")


async def test_front_matter_is_hidden_from_the_reader(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = "\n".join(plain_lines(seed_app.reader.rendered))
        assert "publishedAt" not in text and "hashtags:" not in text
        assert "TLDR: Netflix CTO" in text  # the space after the bold run survives


async def test_copy_url_of_the_highlighted_linked_item(seed_app: ReaderApp) -> None:
    copied: list[str] = []
    seed_app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "y")
        assert copied == ["https://newsletter.pragmaticengineer.com/p/netflix"]


async def test_only_http_urls_are_opened(seed_app: ReaderApp) -> None:
    opened: list[str] = []
    seed_app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with seed_app.run_test(size=SIZE) as pilot:
        for url in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"):
            seed_app.open_external(url)
        seed_app.open_external("https://example.com/a")
        await pilot.pause()
        assert opened == ["https://example.com/a"]
        refused = [n for n in seed_app._notifications if "Refused" in str(n.message)]
        assert len(refused) == 3


async def test_pane_focus_keys(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert seed_app.focused is seed_app.reader
        await pilot.press("3")
        assert seed_app.focused is seed_app.query_one(LinkedPane)
        await pilot.press("1")
        assert seed_app.focused is seed_app.query_one(DocumentList)
        await pilot.press("ctrl+right")
        assert seed_app.focused is seed_app.reader
        await pilot.press("ctrl+left", "ctrl+left")
        assert seed_app.focused is seed_app.query_one(LinkedPane)


async def test_help_lists_every_binding_and_closes(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(seed_app.screen, HelpScreen)
        for description in ("Quit", "Search", "Back", "Next section", "Contents", "Source", "Copy URL"):
            assert any(description == b.description for _, bindings in seed_app.screen.sections for b in bindings)
        await pilot.press("escape")
        assert not isinstance(seed_app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(seed_app.screen, HelpScreen)


def test_every_binding_has_an_id() -> None:
    from tui_reader.ui.documents import FilterInput
    from tui_reader.ui.reader import ReaderView

    for widget in (ReaderApp, DocumentList, FilterInput, ReaderView, LinkedPane, HelpScreen):
        for binding in widget.BINDINGS:
            assert getattr(binding, "id", None), f"{widget.__name__}: {binding}"


async def test_resize_rewraps_and_keeps_the_section(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE, "red-flags-to-avoid")
        await pilot.pause()
        wide = len(seed_app.reader.rendered.lines)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(seed_app.reader.rendered.lines) > wide
        assert seed_app.reader.current_section == "red-flags-to-avoid"


async def test_markup_in_titles_and_text_is_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        "---\ntitle: '[@click=app.quit]x[/] [bold]loud[/bold] [/'\n---\n\n"
        "# [link=file:///etc]h[/link]\n\nBody \x1b[2J with [red]markup[/red].\n"
    )
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(DocumentList)
        await pilot.pause()
        assert app.is_running
        doc = app.corpus.documents[0]
        assert doc.title == "[@click=app.quit]x[/] [bold]loud[/bold] [/"
        assert doc.title in header(app)
        shown = "\n".join(plain_lines(app.reader.rendered))
        assert "[red]markup[/red]" in shown
        assert "\x1b" not in shown and "␛[2J" in shown


async def test_command_palette_opens_a_document_and_shows_titles_literally(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: 'Plain one'\n---\n\n# A\n\ntext\n")
    (tmp_path / "b.md").write_text("---\ntitle: '[@click=app.quit]Trap[/] [b]x'\n---\n\n# B\n\ntext\n")
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"trap")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.current_doc == "b"


async def test_character_references_cannot_smuggle_escapes_to_the_screen(tmp_path: Path) -> None:
    (tmp_path / "refs.md").write_text("# Refs\n\nclear &#x1b;[2J here &#7; bell &#x202E;abc\n")
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = "\n".join(plain_lines(app.reader.rendered))
        assert "[2J here" in shown  # the reference is shown as a placeholder, not acted on
        assert not any(ord(ch) < 32 or 0x202A <= ord(ch) <= 0x202E for ch in shown if ch != "\n")


async def test_keys_typed_right_after_slash_are_not_lost(seed_app: ReaderApp) -> None:
    """A fast typist's keys arrive together: none may act as a command."""
    from textual import events

    def burst(keys: list[tuple[str, str]]) -> None:
        for key, char in keys:  # queued at once, as the terminal delivers them
            event = events.Key(key, char)
            event.set_sender(seed_app)
            seed_app._driver.send_message(event)  # type: ignore[union-attr]

    opened: list[str] = []
    seed_app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        burst([("slash", "/"), *((c, c) for c in "coso")])
        await pilot.pause()
        search = seed_app.query_one("#search-input", Input)
        assert search.value == "coso"
        assert seed_app.current_doc == SUMMARY  # `c` and `s` did not jump
        await pilot.press("escape", "1")
        burst([("slash", "/"), *((c, c) for c in "guide")])
        await pilot.pause()
        assert seed_app.query_one("#filter", Input).value == "guide"
