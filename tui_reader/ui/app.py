"""The three-pane reader: documents, reader, linked items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
import re
from urllib.parse import unquote

from textual import work
from textual.app import App, ComposeResult
from textual.worker import get_current_worker
from textual.binding import Binding
from textual.message import Message
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Footer, Input

from ..corpus.index import Stopped
from ..corpus.linked import LinkedItem, chapter_base, chapter_url, explain, first_in_group, linked_items, related_passages
from ..corpus.links import is_external_url, wiki_target
from ..render.prepare import CHAPTER_SCHEME
from ..corpus.sections import slugify
from ..corpus.model import Completion, Corpus, Document
from ..state.anchoring import attach, place_in
from ..state.store import Bookmark, Place, StateStore
from .about import AboutScreen
from .bookmarks import BookmarkActions, BookmarkList, BookmarksScreen, ChordScreen, Entry
from ..corpus.index import Hit
from .commands import DocumentCommands
from .corpus_search import CorpusSearchScreen
from .documents import DocumentList, DocumentsPane, FilterInput
from .header import DocumentHeader
from .help import HelpScreen, all_bindings
from .linked import LinkedPane
from .progress import ProgressLine
from .contents import ContentsScreen
from .reader import ReaderPane, ReaderView, SearchBar

PANES = ("documents", "reader", "linked")
SMALL_CORPUS = 200
"""Up to this many documents the full-text index is built on the first request;
above, in a worker with a progress bar, once the app has started."""
INDEX_DELAY = 0.5
RELOAD_SECONDS = 2.0
"""How often the documents' files are checked for changes on disk."""
LARGE_RELOAD_SECONDS = 10.0
LARGE_CORPUS = 5_000
"""Above this many documents the files are checked every LARGE_RELOAD_SECONDS."""


@dataclass(frozen=True)
class Location:
    doc_id: str
    scroll_y: int


class ReaderApp(App[int]):
    """tui-reader's application: build it from a loaded Corpus."""

    TITLE = "tui-reader"
    COMMANDS = App.COMMANDS | {DocumentCommands}
    CSS_PATH = Path(__file__).with_name("app.tcss")

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding(
            "ctrl+f", "search_all", "Search all", tooltip="Search every document: words, \"phrases\", prefix*",
            id="search.all",
        ),
        Binding("question_mark,f1", "help", "Help", tooltip="Show this list of keys", id="help"),
        Binding(
            "slash", "search", "Search",
            tooltip="Search the document (in the reader) or filter the documents (elsewhere)",
            priority=True, id="search",
        ),
        Binding("1", "focus_pane('documents')", "Documents pane", show=False, id="focus.documents"),
        Binding("2", "focus_pane('reader')", "Reader pane", show=False, id="focus.reader"),
        Binding("3", "focus_pane('linked')", "Linked pane", show=False, id="focus.linked"),
        Binding("ctrl+right", "cycle_pane(1)", "Next pane", show=False, id="focus.next"),
        Binding("ctrl+left", "cycle_pane(-1)", "Previous pane", show=False, id="focus.previous"),
        Binding(
            "backspace,alt+left", "back", "Back", tooltip="Back to where you jumped from", id="history.back"
        ),
        Binding("alt+right", "forward", "Forward", show=False, tooltip="Forward again", id="history.forward"),
        Binding("s", "jump('Source')", "Source", tooltip="Jump to the source of this document", id="jump.source"),
        Binding("c", "jump('Comments')", "Comments", tooltip="Jump to the comments", id="jump.comments"),
        Binding("u", "jump('Summary')", "Summary", tooltip="Jump to the summary of this document", id="jump.summary"),
        Binding(
            "b", "toggle_bookmark", "Bookmark",
            tooltip="Bookmark the section at the top of the reader (again: remove it)", id="bookmarks.toggle",
        ),
        Binding(
            "B", "bookmarks", "Bookmarks",
            tooltip="All bookmarks and marks: filter, jump, delete, undo, note", id="bookmarks.list",
        ),
        Binding(
            "m", "set_mark", "Set mark", show=False,
            tooltip="m then a letter: mark this exact position", id="marks.set",
        ),
        Binding(
            "apostrophe", "jump_mark", "Jump to mark", show=False,
            tooltip="' then a letter: jump to that mark; '' jumps back", id="marks.jump",
        ),
        Binding(
            "i", "about", "Why", show=False,
            tooltip="What the reader found in this document, and why: its kind, ties, chapters", id="about",
        ),
        Binding(
            "o", "open_url", "Open URL", show=False,
            tooltip="Open the highlighted item's URL (or the document's) in the browser", id="url.open",
        ),
        Binding(
            "y", "copy_url", "Copy URL", show=False,
            tooltip="Copy the highlighted item's URL (or the document's)", id="url.copy",
        ),
    ]

    def __init__(self, corpus: Corpus, store: StateStore | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.store = store if store is not None else StateStore()
        self.by_path = {doc.relpath: doc for doc in corpus.documents}
        self.current_doc: str | None = None
        self.history: list[Location] = []
        self.future: list[Location] = []
        self.jump_origin: Location | None = None
        """Where the last jump started: `''` goes back there."""
        self._saved_position: tuple[str, str | None, float] | None = None

    # --- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            documents = DocumentsPane(self.corpus.documents, id="documents")
            documents.border_title = "1 Documents"
            yield documents
            reader_pane = ReaderPane(id="reader-pane")
            reader_pane.border_title = "2 Reader"
            yield reader_pane
            linked = LinkedPane(id="linked")
            linked.border_title = "3 Linked items"
            yield linked
        yield ProgressLine(id="progress")
        yield Footer()

    def on_mount(self) -> None:
        for message in self.store.status.messages:
            self.notify(message, title="Bookmarks", severity="warning", timeout=15, markup=False)
        for message in self.corpus.warnings[:5]:
            self.notify(message, title="Skipped", severity="warning", markup=False)
        self._refresh_counts()
        last = self.by_path.get(self.store.get_setting("last_document") or "")
        first = last or (self.corpus.documents[0] if self.corpus.documents else None)
        if first is not None:
            self.open_document(first.id, remember=False)
        self.query_one(DocumentList).focus()
        self.set_interval(2.0, self.save_position)
        many = len(self.corpus.documents) > LARGE_CORPUS
        self.set_interval(LARGE_RELOAD_SECONDS if many else RELOAD_SECONDS, self.reload_if_changed)
        if self.corpus.pending:
            self._complete_corpus()
        elif len(self.corpus.documents) > SMALL_CORPUS:
            self.set_timer(INDEX_DELAY, self._build_index)

    # --- background work -------------------------------------------------------------
    # Workers run in threads, check for cancellation and post messages (thread-safe):
    # progress, the parsed corpus, the index, files changed on disk.

    class Progress(Message):
        def __init__(self, what: str, done: int, total: int) -> None:
            super().__init__()
            self.what, self.done, self.total = what, done, total

    class CorpusRead(Message):
        def __init__(self, completion: Completion) -> None:
            super().__init__()
            self.completion = completion

    class IndexReady(Message):
        pass

    class FilesChanged(Message):
        def __init__(self, documents: list[Document]) -> None:
            super().__init__()
            self.documents = documents

    def _reporter(self, what: str) -> Callable[[int, int], None]:
        """A progress callback for a worker: posts at most one message a percent."""
        last = [-1]

        def report(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != last[0]:
                last[0] = percent
                self.post_message(self.Progress(what, done, total))

        return report

    def on_reader_app_progress(self, message: Progress) -> None:
        self.query_one(ProgressLine).show(message.what, message.done, message.total)

    @work(thread=True, exclusive=True, group="parse")
    def _complete_corpus(self) -> None:
        """Parse the documents the list shows from a quick first read (first run on a
        large corpus), then find the relations; the index follows."""
        worker = get_current_worker()
        completion = self.corpus.complete_pending(self._reporter("Reading documents"), stop=lambda: worker.is_cancelled)
        if completion is not None and not worker.is_cancelled:
            self.post_message(self.CorpusRead(completion))

    def on_reader_app_corpus_read(self, message: CorpusRead) -> None:
        self.corpus.install(message.completion)
        self.by_path = {doc.relpath: doc for doc in self.corpus.documents}
        self.query_one(DocumentsPane).set_documents(self.corpus.documents)
        self._refresh_counts()
        self._refresh_bookmarks()
        if self.current_doc is not None:
            self._show_linked(self.current_doc, self.reader.current_section, force=True)
        self.query_one(ProgressLine).hide()
        self._build_index()

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self) -> None:
        """The full-text index (only documents changed since the last run are indexed
        again); related passages for the section being read follow."""
        worker = get_current_worker()
        try:
            self.corpus.build_index(self._reporter("Indexing"), stop=lambda: worker.is_cancelled)
        except Stopped:
            return
        self.post_message(self.IndexReady())

    def on_reader_app_index_ready(self) -> None:
        self.query_one(ProgressLine).hide()
        if self.current_doc is not None:
            self._find_related(self.current_doc, self.reader.current_section)

    def reload_if_changed(self) -> None:
        """Documents whose files changed on disk are read again (in a worker)."""
        if not self.corpus.pending and not any(w.group == "reload" and w.is_running for w in self.workers):
            self._find_changed()

    @work(thread=True, exclusive=True, group="reload")
    def _find_changed(self) -> None:
        fresh = self.corpus.changed_on_disk()
        if fresh and not get_current_worker().is_cancelled:
            self.post_message(self.FilesChanged(fresh))

    def on_reader_app_files_changed(self, message: FilesChanged) -> None:
        """Put re-read documents in place; the open one keeps its place (section and
        position within it) and its bookmarks are attached again."""
        fresh = message.documents
        shown = next((doc for doc in fresh if doc.id == self.current_doc), None)
        anchor, fraction = self.reader.position() if shown is not None else (None, 0.0)
        self.corpus.replace_documents(fresh)
        pane = self.query_one(DocumentsPane)
        for doc in fresh:
            self.by_path[doc.relpath] = doc
        pane.replace(*fresh)
        if shown is not None:
            if anchor is not None and shown.section(anchor) is None:
                anchor, fraction = None, 0.0
            self.reader.show(shown, anchor, None if anchor else round(self.reader.scroll_y), fraction)
        self._refresh_bookmarks()
        self._refresh_counts()
        names = fresh[0].relpath if len(fresh) == 1 else f"{len(fresh)} documents"
        self.notify(f"{names} changed on disk: reloaded.", markup=False)

    async def action_quit(self) -> None:
        self.save_position()
        await super().action_quit()

    # --- state -----------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember where the reader is in the current document (kept across runs)."""
        doc = self.corpus.get(self.current_doc or "")
        reader = self.query(ReaderView).first() if self.query(ReaderView) else None
        if doc is None or reader is None or reader.document is not doc or reader.rendered is None:
            return
        anchor, fraction = reader.position()
        position = (doc.relpath, anchor, round(fraction, 4))
        if position != self._saved_position:
            self._saved_position = position
            self.store.save_position(*position)

    def _place(self) -> Place | None:
        doc = self.corpus.get(self.current_doc or "")
        if doc is None:
            return None
        anchor, fraction = self.reader.position()
        return place_in(doc, anchor, fraction)

    def _attached_anchor(self, bookmark: Bookmark) -> tuple[Document | None, str | None]:
        doc = self.by_path.get(bookmark.place.doc_path)
        if doc is not None and not doc.complete:  # still being read: read it now
            doc = self.corpus.ensure(doc.id)
        return attach(self.store, {bookmark.place.doc_path: doc} if doc else {}, bookmark)

    def _refresh_bookmarks(self) -> None:
        doc = self.corpus.get(self.current_doc or "")
        if doc is None:
            return
        anchors = set()
        for bookmark in self.store.bookmarks(include_marks=False):
            if bookmark.place.doc_path == doc.relpath:
                anchor = self._attached_anchor(bookmark)[1]
                if anchor:
                    anchors.add(anchor)
        self.reader.set_bookmarked(anchors)

    def _refresh_counts(self) -> None:
        counts: dict[str, int] = {}
        for bookmark in self.store.bookmarks(include_marks=False):
            doc = self.by_path.get(bookmark.place.doc_path)
            if doc is not None:
                counts[doc.id] = counts.get(doc.id, 0) + 1
        self.query_one(DocumentsPane).set_counts(counts)

    def action_toggle_bookmark(self) -> None:
        place = self._place()
        if place is None:
            self.notify("No section here to bookmark.", markup=False)
            return
        place = Place(place.doc_path, place.anchor, place.heading, place.excerpt, 0.0, place.doc_title)
        added = self.store.toggle_bookmark(place)
        self._refresh_bookmarks()
        self._refresh_counts()
        saved = "" if self.store.status.persistent else " (not saved: see the warning)"
        verb = "Bookmarked" if added else "Removed the bookmark on"
        self.notify(f"{verb} “{place.heading}”{saved}", markup=False)

    def bookmark_entries(self) -> list[Entry]:
        entries = []
        for bookmark in self.store.bookmarks():
            doc, anchor = self._attached_anchor(bookmark)
            place = bookmark.place
            if doc is None:
                entries.append(Entry(bookmark, None, None, place.doc_title or place.doc_path, place.heading, "not open"))
                continue
            section = doc.section(anchor) if anchor else None
            entries.append(
                Entry(bookmark, doc.id, anchor, doc.title, section.title if section else place.heading,
                      "" if anchor else "detached")
            )
        return entries

    def action_bookmarks(self) -> None:
        app = self

        class Actions(BookmarkActions):
            def entries(self) -> list[Entry]:
                return app.bookmark_entries()

            def delete(self, bookmark_id: int) -> Bookmark | None:
                removed = app.store.delete(bookmark_id)
                app._after_bookmark_change()
                return removed

            def restore(self, bookmark: Bookmark) -> None:
                app.store.restore(bookmark)
                app._after_bookmark_change()

            def set_note(self, bookmark_id: int, note: str) -> None:
                app.store.set_note(bookmark_id, note)

        def jump(entry: Entry | None) -> None:
            if entry is None:
                return
            if entry.doc_id is None:
                self.notify(f"{entry.bookmark.place.doc_path} is not among the open documents.", markup=False)
            elif entry.anchor is None:
                self.notify("This bookmark is detached: its section is gone from the document.", markup=False)
                self.open_document(entry.doc_id)
            else:
                self._jump_to(entry.doc_id, entry.anchor, entry.bookmark.place.fraction)

        self.push_screen(BookmarksScreen(Actions()), jump)

    def _after_bookmark_change(self) -> None:
        self._refresh_bookmarks()
        self._refresh_counts()

    def _jump_to(self, doc_id: str, anchor: str | None, fraction: float = 0.0) -> None:
        """A jump that `''` can undo."""
        self.jump_origin = self.here()
        self.open_document(doc_id, anchor, fraction=fraction)

    def action_set_mark(self) -> None:
        def set_mark(letter: str | None) -> None:
            place = self._place()
            if letter is None or letter == "'" or place is None:
                return
            self.store.set_mark(letter, place)
            self.notify(f"Mark '{letter} set at “{place.heading}”.", markup=False)

        self.push_screen(ChordScreen("mark: press a letter a-z"), set_mark)

    def action_jump_mark(self) -> None:
        def jump(letter: str | None) -> None:
            if letter is None:
                return
            if letter == "'":
                origin = self.jump_origin
                if origin is None:
                    self.notify("No jump to go back from yet.", markup=False)
                    return
                self.jump_origin = self.here()
                self._restore(origin)
                return
            mark = self.store.mark(letter)
            if mark is None:
                self.notify(f"No mark '{letter}: set one with m{letter}.", markup=False)
                return
            doc, anchor = self._attached_anchor(mark)
            if doc is None:
                self.notify(f"Mark '{letter} is in {mark.place.doc_path}, which is not open.", markup=False)
                return
            if anchor is None:
                self.notify(f"Mark '{letter} is detached: its section is gone.", markup=False)
                return
            self._jump_to(doc.id, anchor, mark.place.fraction)

        self.push_screen(ChordScreen("jump to mark: press a letter ('' jumps back)", accept_quote=True), jump)

    # --- navigation ------------------------------------------------------------------

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    def here(self) -> Location | None:
        if self.current_doc is None:
            return None
        return Location(self.current_doc, round(self.reader.scroll_y))

    def open_document(
        self,
        doc_id: str,
        anchor: str | None = None,
        *,
        scroll_y: int | None = None,
        remember: bool = True,
        fraction: float = 0.0,
    ) -> None:
        """Show ``doc_id`` at section ``anchor`` (or line ``scroll_y``); ``remember``
        puts the place being left on the back history."""
        doc = self.corpus.ensure(doc_id)
        if doc is None:
            self.notify(f"No document {doc_id!r} in this corpus.", severity="error", markup=False)
            return
        here = self.here()
        if remember and here is not None:
            self.history.append(here)
            self.future.clear()
        if doc_id == self.current_doc and self.reader.document is doc:
            self.reader.go_to(anchor, scroll_y or 0, fraction)
            return
        self.save_position()
        if anchor is None and scroll_y is None:
            saved = self.store.position(doc.relpath)
            if saved is not None and (saved[0] is None or doc.section(saved[0])):
                anchor, fraction = saved
        self.current_doc = doc_id
        self.store.set_setting("last_document", doc.relpath)
        if doc.warnings:
            self.notify(
                "\n".join(doc.warnings[:3]), title=doc.relpath, severity="warning", markup=False
            )
        self.query_one(DocumentsPane).select(doc_id)
        self.reader.show(doc, anchor, scroll_y, fraction)
        self._refresh_bookmarks()

    def _restore(self, location: Location) -> None:
        self.open_document(location.doc_id, scroll_y=location.scroll_y, remember=False)

    def action_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to.", markup=False)
            return
        here = self.here()
        if here is not None:
            self.future.append(here)
        self._restore(self.history.pop())

    def action_forward(self) -> None:
        if not self.future:
            self.notify("Nothing to go forward to.", markup=False)
            return
        here = self.here()
        if here is not None:
            self.history.append(here)
        self._restore(self.future.pop())

    def on_documents_pane_opened(self, event: DocumentsPane.Opened) -> None:
        if event.doc_id != self.current_doc:
            self.open_document(event.doc_id)
        self.reader.focus()

    def on_reader_view_section_changed(self, event: ReaderView.SectionChanged) -> None:
        if event.doc_id is None:
            return
        self.save_position()
        doc = self.corpus[event.doc_id]
        section = doc.section(event.anchor)
        self.query_one(DocumentHeader).show(doc, section.title if section else None)
        self._show_linked(event.doc_id, event.anchor)

    def _show_linked(self, doc_id: str, anchor: str | None, force: bool = False) -> None:
        """The linked items of a section; its related passages follow from a worker
        (on a large corpus, once the index built at start-up is ready)."""
        groups = linked_items(self.corpus, doc_id, anchor)
        self.query_one(LinkedPane).show_groups(groups, (doc_id, anchor), force=force)
        small = len(self.corpus.documents) <= SMALL_CORPUS and not self.corpus.pending
        if self.corpus.index_ready or small:
            self._find_related(doc_id, anchor)

    @work(thread=True, exclusive=True, group="related")
    def _find_related(self, doc_id: str, anchor: str | None) -> None:
        """Related passages come from the full-text index: found off the UI thread
        (the first call builds the index), then added to the linked pane."""
        related = related_passages(self.corpus, doc_id, anchor)
        if related and not get_current_worker().is_cancelled:
            self.call_from_thread(self._show_related, doc_id, anchor, related)

    def _show_related(self, doc_id: str, anchor: str | None, related: list[LinkedItem]) -> None:
        if (self.current_doc, self.reader.current_section) != (doc_id, anchor):
            return
        groups = linked_items(self.corpus, doc_id, anchor, related)
        self.query_one(LinkedPane).show_groups(groups, (doc_id, anchor), force=True)

    def on_linked_pane_activated(self, event: LinkedPane.Activated) -> None:
        self.follow(event.item)

    def on_reader_view_link_activated(self, event: ReaderView.LinkActivated) -> None:
        self.follow_url(event.doc_id, event.url)

    def follow_url(self, doc_id: str, url: str) -> None:
        """A link in a document: its own sections, another document of the corpus,
        an external http(s) page; anything else is refused."""
        url = url.strip()
        if url.startswith("#"):
            anchor = unquote(url[1:])
            doc = self.corpus[doc_id]
            if doc.section(anchor) is None:
                anchor = slugify(anchor)
            if doc.section(anchor) is None:
                self.notify(f"No section {url} in this document.", severity="warning", markup=False)
                return
            self._jump_to(doc_id, anchor)
            return
        if url.startswith(CHAPTER_SCHEME):
            self.open_chapter(doc_id, url[len(CHAPTER_SCHEME) :])
            return
        target = self.corpus.resolve_link(doc_id, url)
        if target is not None:
            self._jump_to(*target)
            return
        wiki = wiki_target(url)
        if wiki is not None:
            name = wiki[0] + (f"#{wiki[1]}" if wiki[1] else "")
            self.notify(f"No document [[{name}]] among the open documents.", severity="warning", markup=False)
            return
        self.open_external(url)

    def open_chapter(self, doc_id: str, number: str) -> None:
        """A chapter label followed in the reader: the episode at the label's second
        (whatever time the label's own link said)."""
        doc = self.corpus.get(doc_id)
        if doc is None or not number.isdigit() or int(number) >= len(doc.timestamps):
            return
        stamp = doc.timestamps[int(number)]
        url = chapter_url(stamp, chapter_base(self.corpus, doc))
        if url is None:
            self.notify("No video or episode URL in this document to open the chapter in.", markup=False)
            return
        self.open_external(url, what=f"video at {stamp.label}")

    def on_reader_view_contents_requested(self, event: ReaderView.ContentsRequested) -> None:
        doc = self.corpus.get(self.current_doc or "")
        if doc is None or not doc.sections:
            self.notify("This document has no sections.", markup=False)
            return

        def jump(anchor: str | None) -> None:
            if anchor is not None and doc is not None:
                self._jump_to(doc.id, anchor)
                self.reader.focus()

        self.push_screen(ContentsScreen(doc.title, doc.sections, self.reader.current_section), jump)

    def follow(self, item: LinkedItem) -> None:
        if item.is_timestamp:
            if item.url is None:
                self.notify("No video or episode URL in this document: showing the chapter.", markup=False)
                if item.doc_id is not None:
                    self._jump_to(item.doc_id, item.anchor)
                return
            self.open_external(item.url, what=f"video at {item.label.split(' ', 1)[0]}")
        elif item.doc_id is not None:
            self._jump_to(item.doc_id, item.anchor)
        elif item.url:
            self.open_external(item.url, what="source")

    def action_jump(self, group: str) -> None:
        if self.current_doc is None:
            return
        groups = linked_items(self.corpus, self.current_doc, self.reader.current_section)
        item = first_in_group(groups, group)
        if item is None:
            verb = "are" if group == "Comments" else "is"
            self.notify(f"No {group.lower()} {verb} linked to this document.", markup=False)
            return
        self.follow(item)

    # --- focus -----------------------------------------------------------------------

    def _pane_widget(self, name: str) -> Widget:
        if name == "documents":
            return self.query_one(DocumentList)
        if name == "reader":
            return self.reader
        return self.query_one(LinkedPane)

    def action_focus_pane(self, name: str) -> None:
        self._pane_widget(name).focus()

    def _focused_pane(self) -> str | None:
        focused = self.focused
        for name in PANES:
            pane = self.query_one(f"#{name}")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return name
        if focused is self.reader:
            return "reader"
        return None

    def action_cycle_pane(self, step: int) -> None:
        current = self._focused_pane() or "reader"
        name = PANES[(PANES.index(current) + step) % len(PANES)]
        self.action_focus_pane(name)

    def action_search_all(self) -> None:
        def open_hit(result: tuple[Hit, str] | None) -> None:
            if result is None:
                return
            hit, query = result
            self._jump_to(hit.doc_id, hit.anchor)
            self.reader.focus()
            words = [w.strip('"*') for w in re.findall(r'"[^"]+"|\S+', query)]
            if words:  # the matches highlighted in the reader (n / N go through them)
                self.reader.search(max(words, key=len), from_line=round(self.reader.scroll_y))

        self.push_screen(CorpusSearchScreen(self.corpus), open_hit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` is a priority binding, so that the field it opens has focus before
        # the next key is routed (keys typed fast after `/` must not act as
        # commands); in a text field it is just a character.
        if action == "search" and isinstance(self.focused, Input):
            return False
        return True

    def action_search(self) -> None:
        if self._focused_pane() == "reader":
            self.reader.action_search()
        else:
            self.query_one(DocumentsPane).open_filter()

    def action_about(self) -> None:
        if self.current_doc is None or isinstance(self.screen, AboutScreen):
            return
        self.push_screen(AboutScreen(explain(self.corpus, self.current_doc)))

    def action_help(self) -> None:
        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", all_bindings(type(self))),
                    ("Documents", all_bindings(DocumentList)),
                    ("Document filter", all_bindings(FilterInput)[:3]),
                    ("Reader", all_bindings(ReaderView)),
                    ("Search in the document", all_bindings(SearchBar)),
                    ("Linked items", all_bindings(LinkedPane)),
                    ("Search all documents", all_bindings(CorpusSearchScreen)),
                    ("Bookmarks list", all_bindings(BookmarksScreen) + all_bindings(BookmarkList)[2:]),
                ]
            )
        )

    # --- URLs ------------------------------------------------------------------------

    def _target_url(self) -> str | None:
        """The focused link or linked item's URL, else the current document's."""
        doc = self.corpus.get(self.current_doc or "")
        if self._focused_pane() == "reader" and self.reader.focused_link is not None:
            url = self.reader.focused_link.url
            if url.startswith(CHAPTER_SCHEME) and doc is not None:
                number = url[len(CHAPTER_SCHEME) :]
                if number.isdigit() and int(number) < len(doc.timestamps):
                    return chapter_url(doc.timestamps[int(number)], chapter_base(self.corpus, doc))
            if wiki_target(url) is not None and doc is not None:
                target = self.corpus.resolve_link(doc.id, url)
                linked = self.corpus.get(target[0]) if target else None
                return linked.url if linked else None
            return url
        if self._focused_pane() == "linked":
            item = self.query_one(LinkedPane).highlighted_item
            if item is not None and item.url:
                return item.url
        # The document's own address; a summary's or a dump's source when it has none.
        return (doc.url or doc.source_url) if doc else None

    def open_external(self, url: str | None, what: str = "link") -> None:
        if not url:
            self.notify("This item has no URL.", markup=False)
            return
        if not is_external_url(url):
            self.notify(f"Refused to open {url!r}: only http(s) links open outside.", severity="error", markup=False)
            return
        self.open_url(url)
        self.notify(f"Opening {what}: {url}", markup=False)

    def action_open_url(self) -> None:
        self.open_external(self._target_url())

    def action_copy_url(self) -> None:
        url = self._target_url()
        if not url:
            self.notify("Nothing to copy: no URL here.", markup=False)
            return
        self.copy_to_clipboard(url)
        self.notify(f"Copied {url}", markup=False)
