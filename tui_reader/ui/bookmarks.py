"""The bookmarks list (`B`), the note editor, and the one-key prompt of marks."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..state.store import Bookmark


@dataclass(frozen=True)
class Entry:
    """A bookmark or mark as listed: where it is attached now, or detached."""

    bookmark: Bookmark
    doc_id: str | None
    anchor: str | None
    title: str
    section: str
    state: str = ""
    """"" when attached; "detached" when its section is gone from the document;
    "not open" when its document is not among the documents open now."""

    @property
    def detached(self) -> bool:
        return self.anchor is None


def entry_prompt(entry: Entry) -> Text:
    bookmark = entry.bookmark
    text = Text(overflow="fold")
    if bookmark.mark:
        text.append(f"'{bookmark.mark} ", style="bold magenta")
    else:
        text.append("★ ", style="bold yellow")
    text.append(entry.title, style="bold")
    text.append(" › ")
    text.append(entry.section)
    text.append(f"  {bookmark.created[:10]}", style="dim")
    if entry.state:
        text.append(f"  {entry.state}", style="bold red" if entry.state == "detached" else "dim italic")
    if bookmark.note:
        text.append("\n    ✎ ")
        text.append(bookmark.note, style="italic")
    if bookmark.place.excerpt:
        text.append("\n    " + bookmark.place.excerpt, style="dim")
    return text


def matches(entry: Entry, words: list[str]) -> bool:
    place = entry.bookmark.place
    haystack = " ".join(
        [entry.title, entry.section, entry.bookmark.note, place.excerpt, place.doc_path, entry.bookmark.mark or ""]
    ).lower()
    return all(word in haystack for word in words)


class BookmarkList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="bookmarks.down"),
        Binding("k", "cursor_up", "Up", show=False, id="bookmarks.up"),
        Binding("d", "screen.delete", "Delete", tooltip="Delete the bookmark or mark", id="bookmarks.delete"),
        Binding("u", "screen.undo", "Undo", tooltip="Undo the last delete", id="bookmarks.undo"),
        Binding("e", "screen.edit", "Edit note", tooltip="Edit the note", id="bookmarks.edit"),
        Binding("slash", "screen.filter", "Filter", tooltip="Back to the filter", id="bookmarks.filter"),
    ]


class BookmarksScreen(ModalScreen[Entry | None]):
    """Every bookmark and mark; type to filter, enter jumps. The app gives the
    entries and the delete, undo and note callbacks (the store lives there)."""

    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Close the bookmarks list", id="bookmarks.close"),
        Binding("down", "to_list", "To list", show=False, id="bookmarks.to-list"),
    ]

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > Vertical {
        width: 100; max-width: 95%; height: 85%;
        border: thick $primary; background: $surface;
    }
    BookmarksScreen Input, BookmarksScreen Input:focus { border: none; height: 1; padding: 0 1; background: $boost; }
    BookmarksScreen BookmarkList, BookmarksScreen BookmarkList:focus { border: none; height: 1fr; }
    BookmarksScreen Label { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, app_api: BookmarkActions) -> None:
        super().__init__()
        self.api = app_api
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.deleted: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Bookmarks and marks"
            yield Input(placeholder="filter bookmarks…", id="bookmark-filter")
            yield BookmarkList(id="bookmark-list")
            yield Label("enter jump · d delete · u undo · e note · / filter · escape close", id="bookmark-help")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(Input).focus()

    def reload(self, keep: int | None = None) -> None:
        self.entries = self.api.entries()
        self.apply_filter(self.query_one(Input).value, keep)

    def apply_filter(self, text: str, keep: int | None = None) -> None:
        words = text.lower().split()
        self.shown = [entry for entry in self.entries if matches(entry, words)]
        listing = self.query_one(BookmarkList)
        listing.set_options(
            [Option(entry_prompt(entry), id=str(entry.bookmark.id)) for entry in self.shown]
            or [Option(Text("No bookmarks yet: b bookmarks a section, m{a-z} sets a mark.", style="dim"), disabled=True)]
        )
        if self.shown:
            listing.highlighted = min(keep or 0, len(self.shown) - 1)

    @property
    def current(self) -> Entry | None:
        index = self.query_one(BookmarkList).highlighted
        if index is None or not self.shown or index >= len(self.shown):
            return None
        return self.shown[index]

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "bookmark-filter":
            self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.current is not None:
            self.dismiss(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.dismiss(self.current)

    def action_to_list(self) -> None:
        self.set_focus(self.query_one(BookmarkList))

    def action_filter(self) -> None:
        self.set_focus(self.query_one(Input))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        entry = self.current
        if entry is None:
            return
        index = self.query_one(BookmarkList).highlighted
        removed = self.api.delete(entry.bookmark.id)
        if removed is not None:
            self.deleted.append(removed)
            self.notify("Deleted: u undoes it while this list is open.", markup=False)
        self.reload(index)

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.", markup=False)
            return
        self.api.restore(self.deleted.pop())
        self.reload()

    def action_edit(self) -> None:
        entry = self.current
        if entry is None:
            return
        index = self.query_one(BookmarkList).highlighted

        def save(note: str | None) -> None:
            if note is not None:
                self.api.set_note(entry.bookmark.id, note)
                self.reload(index)

        self.app.push_screen(NoteScreen(entry.bookmark.note), save)


class BookmarkActions:
    """What the bookmarks screen may ask of the app (kept narrow for tests)."""

    def entries(self) -> list[Entry]:  # pragma: no cover - interface
        raise NotImplementedError

    def delete(self, bookmark_id: int) -> Bookmark | None:  # pragma: no cover
        raise NotImplementedError

    def restore(self, bookmark: Bookmark) -> None:  # pragma: no cover
        raise NotImplementedError

    def set_note(self, bookmark_id: int, note: str) -> None:  # pragma: no cover
        raise NotImplementedError


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="note.cancel")]
    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Input { width: 80; max-width: 95%; border: thick $primary; }
    """

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        field = Input(self.note, placeholder="note (enter saves, escape cancels)", id="note")
        field.border_title = "Note"
        yield field

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


class ChordScreen(ModalScreen[str | None]):
    """Waits for the letter after `m` or `'` (or a second `'`)."""

    DEFAULT_CSS = """
    ChordScreen { align: center bottom; background: transparent; }
    ChordScreen > Label { background: $primary; color: $text; padding: 0 1; margin-bottom: 2; }
    """

    def __init__(self, prompt: str, accept_quote: bool = False) -> None:
        super().__init__()
        self.prompt = prompt
        self.accept_quote = accept_quote

    def compose(self) -> ComposeResult:
        yield Label(self.prompt)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        char = event.character or ""
        if len(char) == 1 and "a" <= char <= "z":
            self.dismiss(char)
        elif self.accept_quote and char == "'":
            self.dismiss("'")
        else:
            self.dismiss(None)
