"""The documents pane: every document with kind, title and date; filter as you type."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from ..corpus.model import Document

KIND_STYLES = {
    "summary": "bold black on green",
    "source": "bold white on blue",
    "comments": "bold white on magenta",
    "guide": "bold black on yellow",
    "article": "bold black on cyan",
    "note": "bold black on white",
}


def document_lines(doc: Document, bookmarks: int = 0) -> tuple[Text, Text]:
    """The title; then the kind badge, date and bookmark count. Built from Text
    pieces, so markup in a title is shown as typed."""
    title = Text(" ".join(doc.title.splitlines()), style="bold")
    meta = Text()
    meta.append(f" {doc.kind} ", style=KIND_STYLES.get(doc.kind, "reverse"))
    meta.append(f"  {doc.date or 'no date'}", style="dim")
    if bookmarks:
        meta.append(f"  ★{bookmarks}", style="bold yellow")
    return title, meta


def position(documents: list[Document], doc_id: str | None) -> int | None:
    """Where ``doc_id`` is in ``documents`` (None if absent)."""
    return next((i for i, doc in enumerate(documents) if doc.id == doc_id), None)


def haystack(doc: Document) -> str:
    """What the filter looks in: title, kind, date, file name and tags."""
    return f"{doc.title} {doc.kind} {doc.date or ''} {doc.relpath} {' '.join(doc.tags)}".lower()


class DocumentList(ScrollView, can_focus=True):
    """The documents, two lines each (title; kind, date and bookmarks), drawn with
    the Line API: only the rows on screen are rendered, so 20,000 documents cost
    what 20 do. Titles longer than the pane end with …."""

    ROW_HEIGHT = 2

    BINDINGS = [
        Binding("enter", "select", "Open", tooltip="Open the highlighted document", id="documents.open"),
        Binding("j", "cursor_down", "Down", show=False, id="documents.down"),
        Binding("k", "cursor_up", "Up", show=False, id="documents.up"),
        Binding("down", "cursor_down", "Down", show=False, id="documents.arrow-down"),
        Binding("up", "cursor_up", "Up", show=False, id="documents.arrow-up"),
        Binding("g", "first", "First", show=False, id="documents.first"),
        Binding("G", "last", "Last", show=False, id="documents.last"),
        Binding("home", "first", "First", show=False, id="documents.home"),
        Binding("end", "last", "Last", show=False, id="documents.end"),
        Binding("pagedown", "page_down", "Page down", show=False, id="documents.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="documents.page-up"),
    ]

    COMPONENT_CLASSES = {"document-list--cursor"}

    DEFAULT_CSS = """
    DocumentList {
        background: $surface;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    DocumentList > .document-list--cursor {
        background: $block-cursor-blurred-background;
    }
    DocumentList:focus > .document-list--cursor {
        background: $block-cursor-background;
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True, init=False)

    class Selected(Message):
        """A document was chosen (enter or click)."""

        def __init__(self, doc_id: str) -> None:
            super().__init__()
            self.doc_id = doc_id

    def __init__(self, documents: list[Document] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Document] = []
        self.counts: dict[str, int] = {}
        self._strips: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(512)
        self.empty_text = "No documents."
        """Shown (dim) when there are no rows."""
        self.set_rows(documents or [])

    # --- content ---------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_doc(self) -> Document | None:
        index = self.highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def index_of(self, doc_id: str | None) -> int | None:
        return position(self.rows, doc_id)

    def set_rows(self, documents: list[Document], highlighted: int | None = 0) -> None:
        """Show ``documents``; the highlight goes to ``highlighted`` (kept in range)."""
        self.rows = list(documents)
        self._strips.clear()
        self.virtual_size = Size(0, self.ROW_HEIGHT * len(self.rows))
        if not self.rows:
            self.highlighted = None
        else:
            self.highlighted = min(max(highlighted or 0, 0), len(self.rows) - 1)
        self.refresh()

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self._strips.clear()
        self.refresh()

    def render_row(self, index: int) -> Text:
        """The two lines of row ``index`` as text (what the list shows, uncut)."""
        return Text("\n").join(self._row_lines(index))

    def _row_lines(self, index: int) -> tuple[Text, Text]:
        doc = self.rows[index]
        return document_lines(doc, self.counts.get(doc.id, 0))

    # --- highlight -------------------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh()  # cached strips are keyed by whether they carry the cursor
        if new is not None:
            self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        if self.highlighted is None:
            return
        region = Region(0, self.highlighted * self.ROW_HEIGHT, 1, self.ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def _move(self, delta: int) -> None:
        if not self.rows:
            return
        start = self.highlighted if self.highlighted is not None else 0
        self.highlighted = min(max(start + delta, 0), len(self.rows) - 1)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.ROW_HEIGHT)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_first(self) -> None:
        self._move(-len(self.rows))

    def action_last(self) -> None:
        self._move(len(self.rows))

    def action_page_down(self) -> None:
        self._move(self._page)

    def action_page_up(self) -> None:
        self._move(-self._page)

    def action_select(self) -> None:
        doc = self.highlighted_doc
        if doc is not None:
            self.post_message(self.Selected(doc.id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (round(self.scroll_y) + offset.y) // self.ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.highlighted = index
            self.action_select()

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # --- Line API --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_y = round(self.scroll_y)
        index, part = divmod(scroll_y + y, self.ROW_HEIGHT)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.rows and y == 0 and width > 0:
            line = Text(f" {self.empty_text}", style="dim italic", no_wrap=True, end="")
            line.truncate(width, overflow="ellipsis")
            return Strip(list(line.render(self.app.console))).apply_style(base).extend_cell_length(width, base)
        if index >= len(self.rows) or width <= 0:
            return Strip.blank(width, base)
        cursor = index == self.highlighted
        key = (index, part, width, cursor)
        strip = self._strips.get(key)
        if strip is None:
            style = base + self.get_component_rich_style("document-list--cursor") if cursor else base
            line = self._row_lines(index)[part]
            line.truncate(width - 1, overflow="ellipsis")
            line.pad_left(1)
            line.end = ""
            segments = list(line.render(self.app.console))
            strip = Strip(segments).apply_style(style).extend_cell_length(width, style).crop(0, width)
            self._strips[key] = strip
        return strip


class FilterInput(Input):
    BINDINGS = [
        Binding("escape", "clear", "Clear filter", tooltip="Clear the filter", id="documents.clear-filter"),
        Binding(
            "enter", "submit", "Keep filter", show=False,
            tooltip="Keep the filter and go to the list (opens a single match)",
            id="documents.filter-submit",
        ),
        Binding("down", "to_list", "To list", show=False, tooltip="Go to the list", id="documents.filter-to-list"),
    ]

    def action_clear(self) -> None:
        self.post_message(DocumentsPane.FilterCleared())

    def action_to_list(self) -> None:
        self.screen.query_one(DocumentList).focus()


class DocumentsPane(Vertical):
    """Filter input (hidden until ``/``) above the list of documents."""

    DEFAULT_CSS = """
    DocumentsPane FilterInput, DocumentsPane FilterInput:focus {
        display: none; border: none; height: 1; padding: 0 1; background: $boost;
    }
    DocumentsPane DocumentList { height: 1fr; border: none; }
    """

    class Opened(Message):
        def __init__(self, doc_id: str) -> None:
            super().__init__()
            self.doc_id = doc_id

    class FilterCleared(Message):
        pass

    def __init__(self, documents: list[Document], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents = list(documents)
        self.shown: list[Document] = list(documents)
        self.counts: dict[str, int] = {}
        self._haystacks: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter documents…", id="filter")
        yield DocumentList(self.shown, id="document-list")

    @property
    def document_list(self) -> DocumentList:
        return self.query_one(DocumentList)

    def _show(self, shown: list[Document], keep: str | None) -> None:
        """Show ``shown``, highlighting ``keep`` if it is there (else the first)."""
        self.shown = shown
        listing = self.document_list
        index = next((i for i, doc in enumerate(shown) if doc.id == keep), 0) if keep else 0
        words = self.filter_text.split()
        listing.empty_text = "No document matches the filter." if words else "No documents."
        listing.set_rows(shown, index)
        self.border_subtitle = f"{len(shown)}/{len(self.documents)}" if words else str(len(self.documents))

    def _current(self) -> str | None:
        doc = self.document_list.highlighted_doc
        return doc.id if doc is not None else None

    def replace(self, *fresh: Document) -> None:
        """Show re-read documents (a title or date may have changed)."""
        new = {doc.id: doc for doc in fresh}
        for doc_id in new:
            self._haystacks.pop(doc_id, None)
        self.documents = [new.get(doc.id, doc) for doc in self.documents]
        self._show([new.get(doc.id, doc) for doc in self.shown], self._current())

    def set_documents(self, documents: list[Document]) -> None:
        """Show a new list (parsed in the background), keeping the filter, the
        highlighted document and the scroll position."""
        listing = self.document_list
        keep, scroll_y = self._current(), listing.scroll_y
        self.documents = list(documents)
        self._haystacks.clear()
        self._show(self._filtered(self.filter_text), keep)
        listing.scroll_to(y=scroll_y, animate=False, immediate=True)
        listing.scroll_to_highlight()

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many bookmarks each document has (keeping the highlight)."""
        if counts == self.counts:
            return
        self.counts = dict(counts)
        self.document_list.set_counts(counts)

    @property
    def filter_text(self) -> str:
        return self.query_one(FilterInput).value

    def open_filter(self) -> None:
        field = self.query_one(FilterInput)
        # Shown and focused at once, so keys typed right after `/` are not lost.
        field.display = True
        self.screen.set_focus(field)

    def _filtered(self, text: str) -> list[Document]:
        words = text.lower().split()
        if not words:
            return list(self.documents)
        stacks = self._haystacks
        shown = []
        for doc in self.documents:
            stack = stacks.get(doc.id)
            if stack is None:
                stack = stacks[doc.id] = haystack(doc)
            if all(word in stack for word in words):
                shown.append(doc)
        return shown

    def apply_filter(self, text: str) -> None:
        """Show the documents matching every word; the highlighted one stays
        highlighted while it matches."""
        self._show(self._filtered(text), self._current())

    def select(self, doc_id: str) -> None:
        """Highlight ``doc_id`` in the list (when it is shown)."""
        listing = self.document_list
        index = listing.index_of(doc_id)
        if index is not None:
            listing.highlighted = index

    def on_mount(self) -> None:
        self.border_subtitle = str(len(self.documents))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.document_list.focus()
        if len(self.shown) == 1:
            self.post_message(self.Opened(self.shown[0].id))

    def on_documents_pane_filter_cleared(self, event: FilterCleared) -> None:
        event.stop()
        field = self.query_one(FilterInput)
        field.value = ""
        field.display = False
        self.apply_filter("")
        self.screen.set_focus(self.document_list)

    def on_document_list_selected(self, event: DocumentList.Selected) -> None:
        event.stop()
        self.post_message(self.Opened(event.doc_id))
