"""The documents list: two lines a document, drawn only where it is on screen, so
tens of thousands of documents scroll, filter and open like four."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from tui_reader.corpus.model import Document
from tui_reader.ui.documents import DocumentList, DocumentsPane

from .conftest import GUIDE, SIZE, SUMMARY

MANY = 20_000


def synthetic(count: int, prefix: str = "Document") -> list[Document]:
    return [
        Document(
            id=f"{n:05}", path=Path(f"d{n}.md"), relpath=f"d{n}.md", text="", body_line=1,
            kind=("summary", "source", "comments", "guide")[n % 4], title=f"{prefix} {n}",
            date=f"2024-01-{n % 28 + 1:02}",
        )
        for n in range(count)
    ]


class ListApp(App[None]):
    def __init__(self, documents: list[Document]) -> None:
        super().__init__()
        self.documents = documents
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield DocumentsPane(self.documents, id="documents")

    def on_mount(self) -> None:
        self.query_one(DocumentList).focus()

    def on_documents_pane_opened(self, event: DocumentsPane.Opened) -> None:
        self.opened.append(event.doc_id)


def screen_lines(listing: DocumentList) -> list[str]:
    return [listing.render_line(y).text for y in range(listing.scrollable_content_region.height)]


async def test_twenty_thousand_documents_scroll_to_the_end_and_open() -> None:
    app = ListApp(synthetic(MANY))
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(DocumentList)
        assert listing.count == MANY
        assert listing.virtual_size.height == 2 * MANY
        assert screen_lines(listing)[0].strip() == "Document 0"
        assert "summary" in screen_lines(listing)[1] and "2024-01-01" in screen_lines(listing)[1]
        await pilot.press("G")
        assert listing.highlighted == MANY - 1
        assert "Document 19999" in "\n".join(screen_lines(listing))
        await pilot.press("enter")
        assert app.opened == ["19999"]
        await pilot.press("g", "j", "j", "down", "k")
        assert listing.highlighted == 2
        assert listing.scroll_y == 0


async def test_page_keys_move_a_screenful() -> None:
    app = ListApp(synthetic(1000))
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(DocumentList)
        page = listing.scrollable_content_region.height // 2
        await pilot.press("pagedown")
        assert listing.highlighted == page
        await pilot.press("pagedown", "pageup")
        assert listing.highlighted == page
        await pilot.press("end")
        assert listing.highlighted == 999
        await pilot.press("home")
        assert listing.highlighted == 0 and listing.scroll_y == 0


async def test_filter_over_twenty_thousand_keeps_up_and_escape_keeps_the_document() -> None:
    app = ListApp(synthetic(MANY))
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(DocumentsPane)
        listing = app.query_one(DocumentList)
        pane.open_filter()
        await pilot.press(*"1999")
        await pilot.pause()
        # "1999", "11999", "19990".."19999"
        assert [doc.title for doc in pane.shown][:3] == ["Document 1999", "Document 11999", "Document 19990"]
        assert listing.count == 12
        assert pane.border_subtitle == f"12/{MANY}"
        await pilot.press("enter", "j")
        assert listing.highlighted_doc.title == "Document 11999"
        pane.open_filter()  # what `/` does in the app: back to the filter
        await pilot.press("escape")
        assert listing.count == MANY
        assert listing.highlighted_doc.title == "Document 11999"
        assert "Document 11999" in "\n".join(screen_lines(listing))


async def test_a_click_opens_the_document_under_the_pointer() -> None:
    app = ListApp(synthetic(50))
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(DocumentList)
        await pilot.click(DocumentList, offset=(5, 5))  # third row, its second line
        assert listing.highlighted == 2
        assert app.opened == ["00002"]


async def test_long_titles_end_with_an_ellipsis_and_markup_is_literal() -> None:
    docs = synthetic(3)
    docs[0].title = "[bold]not bold[/bold] " + "word " * 40
    docs[1].title = "two\nlines"
    app = ListApp(docs)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        lines = screen_lines(app.query_one(DocumentList))
        width = app.query_one(DocumentList).scrollable_content_region.width
        assert lines[0].startswith(" [bold]not bold[/bold] word")
        assert lines[0].rstrip().endswith("…") and len(lines[0]) == width
        assert lines[2].strip() == "two lines"


async def test_new_list_keeps_filter_highlight_and_place() -> None:
    """What happens when background parsing replaces sketches with documents."""
    app = ListApp(synthetic(5000))
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(DocumentsPane)
        listing = app.query_one(DocumentList)
        listing.highlighted = 3000
        await pilot.pause()
        top = listing.scroll_y
        pane.set_documents(synthetic(5000, prefix="Parsed"))
        await pilot.pause()
        assert listing.highlighted_doc.title == "Parsed 3000"
        assert listing.scroll_y == top
        pane.open_filter()
        await pilot.press(*"parsed 42")
        pane.set_documents(synthetic(5000, prefix="Parsed"))
        await pilot.pause()
        assert pane.filter_text == "parsed 42"
        assert listing.count == len(pane.shown) > 1
        assert all("42" in doc.title for doc in pane.shown)


async def test_bookmark_counts_show_on_the_second_line(seed_app) -> None:  # type: ignore[no-untyped-def]
    async with seed_app.run_test(size=SIZE) as pilot:
        pane = seed_app.query_one(DocumentsPane)
        pane.set_counts({GUIDE: 2})
        await pilot.pause()
        listing = pane.document_list
        index = listing.index_of(GUIDE)
        assert "★2" in listing.render_row(index).plain
        assert "★" not in listing.render_row(listing.index_of(SUMMARY)).plain
        assert "★2" in "\n".join(screen_lines(listing))


async def test_a_filter_matching_nothing_says_so() -> None:
    app = ListApp(synthetic(100))
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(DocumentsPane)
        pane.open_filter()
        await pilot.press(*"zzz")
        listing = pane.document_list
        assert listing.count == 0 and listing.highlighted is None
        assert screen_lines(listing)[0].strip() == "No document matches the filter."
        await pilot.press("enter", "enter")  # nothing to open, nothing breaks
        assert app.opened == []
        pane.open_filter()
        await pilot.press("escape")
        assert listing.count == 100
