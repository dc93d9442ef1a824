"""The documents pane: every document with kind, title and date; filter as you type."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..corpus.model import Document

KIND_STYLES = {
    "summary": "bold black on green",
    "source": "bold white on blue",
    "comments": "bold white on magenta",
    "guide": "bold black on yellow",
    "article": "bold black on cyan",
    "note": "bold black on white",
}


WRAP_LIMIT = 500
"""Longer lists show each title on one line (cut with …): wrapping thousands of
titles makes the list take a second to lay out."""


def document_prompt(doc: Document, bookmarks: int = 0, wrap: bool = True) -> Text:
    """Title on the first line; kind badge, date and bookmark count on the second.
    Built from Text pieces, so markup in a title is shown as typed."""
    prompt = Text(no_wrap=not wrap, overflow="fold" if wrap else "ellipsis")
    prompt.append(doc.title, style="bold")
    prompt.append("\n")
    prompt.append(f" {doc.kind} ", style=KIND_STYLES.get(doc.kind, "reverse"))
    prompt.append(f"  {doc.date or 'no date'}", style="dim")
    if bookmarks:
        prompt.append(f"  ★{bookmarks}", style="bold yellow")
    return prompt


def matches(doc: Document, words: list[str]) -> bool:
    haystack = f"{doc.title} {doc.kind} {doc.date or ''} {doc.relpath} {' '.join(doc.tags)}".lower()
    return all(word in haystack for word in words)


class DocumentList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Open", tooltip="Open the highlighted document", id="documents.open"),
        Binding("j", "cursor_down", "Down", show=False, id="documents.down"),
        Binding("k", "cursor_up", "Up", show=False, id="documents.up"),
        Binding("g", "first", "First", show=False, id="documents.first"),
        Binding("G", "last", "Last", show=False, id="documents.last"),
    ]


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
        self.documents = documents
        self.shown: list[Document] = list(documents)
        self.counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter documents…", id="filter")
        yield DocumentList(*self._options(self.documents), id="document-list")

    def _options(self, documents: list[Document]) -> list[Option]:
        wrap = len(self.documents) <= WRAP_LIMIT
        return [Option(document_prompt(doc, self.counts.get(doc.id, 0), wrap), id=doc.id) for doc in documents]

    def replace(self, new: Document) -> None:
        """Show a re-read document (its title or date may have changed)."""
        self.documents = [new if doc.id == new.id else doc for doc in self.documents]
        self.shown = [new if doc.id == new.id else doc for doc in self.shown]
        option_list = self.query_one(DocumentList)
        highlighted = option_list.highlighted
        option_list.set_options(self._options(self.shown))
        if highlighted is not None and self.shown:
            option_list.highlighted = min(highlighted, len(self.shown) - 1)

    def set_documents(self, documents: list[Document]) -> None:
        """Show a new list (parsed in the background), keeping filter and highlight."""
        option_list = self.query_one(DocumentList)
        highlighted = option_list.highlighted
        current = self.shown[highlighted].id if highlighted is not None and highlighted < len(self.shown) else None
        self.documents = list(documents)
        self.apply_filter(self.filter_text)
        if current is not None:
            self.select(current)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many bookmarks each document has (keeping the highlight)."""
        if counts == self.counts:
            return
        self.counts = dict(counts)
        option_list = self.query_one(DocumentList)
        highlighted = option_list.highlighted
        option_list.set_options(self._options(self.shown))
        if highlighted is not None and self.shown:
            option_list.highlighted = min(highlighted, len(self.shown) - 1)

    @property
    def filter_text(self) -> str:
        return self.query_one(FilterInput).value

    def open_filter(self) -> None:
        field = self.query_one(FilterInput)
        # Shown and focused at once, so keys typed right after `/` are not lost.
        field.display = True
        self.screen.set_focus(field)

    def apply_filter(self, text: str) -> None:
        words = text.lower().split()
        self.shown = [doc for doc in self.documents if matches(doc, words)]
        option_list = self.query_one(DocumentList)
        option_list.set_options(self._options(self.shown))
        if self.shown:
            option_list.highlighted = 0
        count = f"{len(self.shown)}/{len(self.documents)}" if words else str(len(self.documents))
        self.border_subtitle = count

    def select(self, doc_id: str) -> None:
        """Highlight ``doc_id`` in the list (when it is shown)."""
        option_list = self.query_one(DocumentList)
        for index, doc in enumerate(self.shown):
            if doc.id == doc_id:
                option_list.highlighted = index
                return

    def on_mount(self) -> None:
        self.border_subtitle = str(len(self.documents))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option_list = self.query_one(DocumentList)
        option_list.focus()
        if len(self.shown) == 1:
            self.post_message(self.Opened(self.shown[0].id))

    def on_documents_pane_filter_cleared(self, event: FilterCleared) -> None:
        event.stop()
        field = self.query_one(FilterInput)
        field.value = ""
        field.display = False
        self.apply_filter("")
        self.screen.set_focus(self.query_one(DocumentList))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Opened(event.option.id))
