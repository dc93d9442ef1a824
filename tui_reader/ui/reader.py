"""The reader pane: a Line-API view of one rendered document.

The document is rendered block by block (``render/document.py``): the blocks up to
the first screen on the UI thread, the rest in a worker, so the first screen shows at
once at any size and keys respond while the rest renders. ``render_line`` only
slices what is on screen and overlays search matches and the focused link.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from ..corpus.model import Document
from ..render.document import DocumentRenderer, RenderedBlock, RenderedDocument, RenderedLink
from .header import DocumentHeader

MATCH_STYLE = Style(bgcolor="yellow", color="black")
CURRENT_MATCH_STYLE = Style(bgcolor="bright_magenta", color="black", bold=True)
FOCUSED_LINK_STYLE = Style(reverse=True, bold=True)
WORKER_BATCH_SECONDS = 0.05
GUTTER = 2
"""Cells left of the text: a ★ marks the first line of a bookmarked section."""
BOOKMARK_STYLE = Style(color="yellow", bold=True)


@dataclass(frozen=True)
class Match:
    line: int
    start: int
    end: int


def find_matches(lines: list[list[Segment]], query: str, first_line: int = 0) -> list[Match]:
    """Case-insensitive matches of ``query`` in rendered lines, as cell ranges."""
    needle = query.lower()
    if not needle:
        return []
    matches = []
    for offset, line in enumerate(lines):
        lowered = "".join(segment.text for segment in line).lower()
        position = lowered.find(needle)
        while position != -1:
            start = cell_len(lowered[:position])
            end = start + cell_len(lowered[position : position + len(needle)])
            matches.append(Match(first_line + offset, start, end))
            position = lowered.find(needle, position + len(needle))
    return matches


def overlay(strip: Strip, ranges: list[tuple[int, int, Style]]) -> Strip:
    """``strip`` with ``style`` laid over each (start, end) cell range."""
    cuts = sorted({edge for start, end, _ in ranges for edge in (start, end)} | {strip.cell_length})
    pieces = strip.divide(cuts)
    segments: list[Segment] = []
    position = 0
    for piece in pieces:
        length = piece.cell_length
        style = next((s for start, end, s in ranges if start <= position < end), None)
        segments.extend(Segment.apply_style(piece, post_style=style) if style else piece)
        position += length
    return Strip(segments, strip.cell_length)


class ReaderView(ScrollView, can_focus=True):
    """Shows one document; knows which section is at the top."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding("right_square_bracket", "next_section", "Next section", id="reader.next-section"),
        Binding(
            "left_square_bracket", "previous_section", "Prev section",
            tooltip="Start of this section, or the previous one", id="reader.previous-section",
        ),
        Binding("t", "contents", "Contents", tooltip="Table of contents: jump to a section", id="reader.contents"),
        Binding(
            "l", "next_sibling", "Next sibling", show=False,
            tooltip="Next comment of this level (past the replies), or next section of this level", id="reader.next-sibling",
        ),
        Binding(
            "h", "previous_sibling", "Previous sibling", show=False,
            tooltip="Previous comment (or section) of this level", id="reader.previous-sibling",
        ),
        Binding("p", "parent", "Parent", show=False, tooltip="The comment this one replies to (or the enclosing section)", id="reader.parent"),
        Binding(
            "z", "toggle_fold", "Fold", show=False,
            tooltip="Hide or show the replies of this comment (the sub-sections of this section)", id="reader.fold",
        ),
        Binding("n", "next_match", "Next match", show=False, id="reader.next-match"),
        Binding("N", "previous_match", "Previous match", show=False, id="reader.previous-match"),
        Binding("tab", "next_link", "Next link", show=False, id="reader.next-link"),
        Binding("shift+tab", "previous_link", "Previous link", show=False, id="reader.previous-link"),
        Binding("enter", "follow_link", "Follow link", show=False, id="reader.follow-link"),
        Binding("escape", "clear", "Clear", show=False, tooltip="Clear search highlights and link focus", id="reader.clear"),
    ]

    DEFAULT_CSS = """
    ReaderView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        padding: 0 1;
    }
    """

    class SectionChanged(Message):
        """The section at the top of the reader changed (or a document opened)."""

        def __init__(self, doc_id: str | None, anchor: str | None) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.anchor = anchor

    class LinkActivated(Message):
        """Enter (or a click) on a link: the app decides where it goes."""

        def __init__(self, doc_id: str, url: str) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.url = url

    class ContentsRequested(Message):
        pass

    class Progress(Message):
        """More of the document was rendered (``complete`` when all of it is)."""

        def __init__(self, lines: int, complete: bool) -> None:
            super().__init__()
            self.lines = lines
            self.complete = complete

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.rendered: RenderedDocument | None = None
        self._generation = 0
        self._strips: LRUCache[int, Strip] = LRUCache(2048)
        self._section: str | None = None
        self._pending: tuple[str | None, int, float] = (None, 0, 0.0)
        self._pinned: tuple[str, int] | None = None
        """(anchor, scroll_y) after a jump: that section counts as current even when
        the end of the document stops it from reaching the top."""
        self.search_text = ""
        self.matches: list[Match] = []
        self.match_index: int | None = None
        self._matches_by_line: dict[int, list[Match]] = {}
        self.focused_link: RenderedLink | None = None
        self.bookmarked: set[str] = set()
        """Anchors of the bookmarked sections of the document shown."""
        self.collapsed: set[str] = set()
        """Anchors of the sections (comments) whose sub-sections (replies) are hidden."""

    # --- content ---------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    @property
    def complete(self) -> bool:
        return self.rendered is not None and self.rendered.complete

    def show(
        self, document: Document, anchor: str | None = None, scroll_y: int | None = None, fraction: float = 0.0
    ) -> None:
        """Display ``document`` at section ``anchor`` (``fraction`` into it) or at
        line ``scroll_y``."""
        if document is not self.document:
            self.collapsed = set()
        self.document = document
        self.rendered = None
        self._section = None
        self.bookmarked = set()
        self.focused_link = None
        self._set_matches([])
        self.search_text = ""
        self._pending = (anchor, scroll_y or 0, fraction)
        if self.size.width:
            self._start_render(anchor, scroll_y or 0, fraction)

    def _start_render(self, anchor: str | None, scroll_y: int, fraction: float = 0.0) -> None:
        """Render up to the target (and a screen past it) now; the rest in a worker."""
        assert self.document is not None
        self._generation += 1
        self.workers.cancel_group(self, "render")
        renderer = DocumentRenderer(self.document, self.text_width, frozenset(self.collapsed))
        rendered = RenderedDocument(renderer.width)
        height = max(self.scrollable_content_region.height, 10)
        while not renderer.done:
            rendered.add(renderer.render_next())
            target = rendered.section_lines.get(anchor) if anchor else scroll_y
            if target is None:
                continue
            if anchor and fraction:
                # A place within a section needs the section's whole length.
                later = [line for line, _ in rendered.line_sections if line > target]
                if not later:
                    continue
                target += round(fraction * (later[0] - target))
            if len(rendered.lines) >= target + height:
                break
        rendered.complete = renderer.done
        self.rendered = rendered
        self._strips.clear()
        self.virtual_size = Size(rendered.width + GUTTER, len(rendered.lines))
        self.refresh()
        self.go_to(anchor, scroll_y, fraction)
        self.post_message(self.Progress(len(rendered.lines), rendered.complete))
        if not renderer.done:
            # After the first screen is painted: the worker would compete with the
            # paint for the interpreter lock.
            generation = self._generation
            self.call_after_refresh(lambda: self._render_rest(renderer, generation))

    @work(thread=True, exclusive=True, group="render")
    def _render_rest(self, renderer: DocumentRenderer, generation: int) -> None:
        worker = get_current_worker()
        batch: list[RenderedBlock] = []
        started = time.perf_counter()
        while not renderer.done and not worker.is_cancelled:
            batch.append(renderer.render_next())
            if time.perf_counter() - started >= WORKER_BATCH_SECONDS:
                self.app.call_from_thread(self._append, batch, generation, False)
                batch, started = [], time.perf_counter()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._append, batch, generation, renderer.done)

    def _append(self, blocks: list[RenderedBlock], generation: int, complete: bool) -> None:
        if generation != self._generation or self.rendered is None:
            return
        first = len(self.rendered.lines)
        for block in blocks:
            self.rendered.add(block)
        self.rendered.complete = complete
        if complete:
            # The rendered lines are millions of long-lived objects without cycles:
            # keep the cyclic collector from scanning them at every full collection
            # (refcounting still frees them when the document is closed).
            gc.freeze()
        self.virtual_size = Size(self.rendered.width + GUTTER, len(self.rendered.lines))
        if self.search_text:
            self._set_matches(self.matches + find_matches(self.rendered.lines[first:], self.search_text, first))
        self.post_message(self.Progress(len(self.rendered.lines), complete))

    def go_to(self, anchor: str | None, scroll_y: int = 0, fraction: float = 0.0) -> None:
        """Scroll to the start of section ``anchor`` (plus ``fraction`` of its length)
        or, without an anchor, to line ``scroll_y``."""
        if self.rendered is None:
            self._pending = (anchor, scroll_y, fraction)
            return
        line = scroll_y
        self._pinned = None
        starts = self.rendered.section_lines
        if anchor is not None and anchor in starts:
            line = starts[anchor] + round(fraction * self._section_length(anchor))
        max_y = max(0, len(self.rendered.lines) - self.scrollable_content_region.height)
        target = min(line, max_y)
        if anchor is not None and anchor in starts and not fraction:
            self._pinned = (anchor, target)
        self.scroll_to(y=target, animate=False, immediate=True, force=True)
        self._check_section()

    def position(self) -> tuple[str | None, float]:
        """Where the reader is: the section at the top and how far into it (0..1)."""
        anchor = self.current_section
        if self.rendered is None or anchor is None or anchor not in self.rendered.section_lines:
            return anchor, 0.0
        length = max(1, self._section_length(anchor))
        top = round(self.scroll_y)
        return anchor, min(1.0, max(0.0, (top - self.rendered.section_lines[anchor]) / length))

    def set_bookmarked(self, anchors: set[str]) -> None:
        self.bookmarked = set(anchors)
        self.refresh()

    def _section_length(self, anchor: str) -> int:
        assert self.rendered is not None
        start = self.rendered.section_lines[anchor]
        later = [line for line, _ in self.rendered.line_sections if line > start]
        return (later[0] if later else len(self.rendered.lines)) - start

    def on_resize(self) -> None:
        if self.document is None:
            return
        if self.rendered is None:
            self._start_render(*self._pending)
        elif self.rendered.width != self.text_width:
            # Keep the passage at the top: the same section, the same share of it.
            anchor, fraction = self.position()
            query = self.search_text
            self._start_render(anchor, round(self.scroll_y), fraction)
            if query:
                self.search(query)

    # --- Line API --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style  # computed from CSS on each access: once per line
        lines = self.rendered.lines if self.rendered else []
        if index >= len(lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = Strip(lines[index] or [Segment("")]).apply_style(base)
            self._strips[index] = strip
        starts = self.rendered.section_lines if self.rendered else {}
        marked = any(starts.get(anchor) == index for anchor in self.bookmarked)
        gutter = Segment("★ " if marked else " " * GUTTER, base + BOOKMARK_STYLE)
        strip = Strip([gutter, *strip], strip.cell_length + GUTTER)
        ranges = self._overlays(index)
        if ranges:
            strip = overlay(strip.extend_cell_length(width, base), ranges)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _overlays(self, line: int) -> list[tuple[int, int, Style]]:
        ranges: list[tuple[int, int, Style]] = []
        link = self.focused_link
        if link is not None:
            ranges.extend(
                (GUTTER + start, GUTTER + end, FOCUSED_LINK_STYLE) for row, start, end in link.spans if row == line
            )
        current = self.matches[self.match_index] if self.match_index is not None else None
        for match in self._matches_by_line.get(line, ()):
            style = CURRENT_MATCH_STYLE if match == current else MATCH_STYLE
            ranges.append((GUTTER + match.start, GUTTER + match.end, style))
        return ranges

    # --- sections --------------------------------------------------------------------

    @property
    def current_section(self) -> str | None:
        if self.rendered is None:
            return self._section
        top = round(self.scroll_y)
        if self._pinned and self._pinned[1] == top:
            return self._pinned[0]
        return self.rendered.section_at(top)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check_section()

    def _check_section(self) -> None:
        section = self.current_section
        if section != self._section or self.document is None:
            self._section = section
            self.post_message(self.SectionChanged(self.document.id if self.document else None, section))

    def _section_starts(self) -> list[int]:
        if self.rendered is None:
            return []
        return sorted({line for line, _ in self.rendered.line_sections})

    def _current_start(self) -> int:
        top = round(self.scroll_y)
        if self.rendered is None:
            return top
        return self.rendered.section_lines.get(self.current_section or "", top)

    def action_next_section(self) -> None:
        current = self._current_start()
        later = [line for line in self._section_starts() if line > current]
        if later and self.rendered:
            self.go_to(self.rendered.section_at(later[0]))
        else:
            self.scroll_end(animate=False)

    def action_previous_section(self) -> None:
        """To the start of this section, or of the one before when already there."""
        current = self._current_start()
        if round(self.scroll_y) > current and self.rendered and self.current_section:
            self.go_to(self.current_section)
            return
        earlier = [line for line in self._section_starts() if line < current]
        if earlier and self.rendered:
            self.go_to(self.rendered.section_at(earlier[-1]))
        else:
            self.scroll_home(animate=False)

    def action_contents(self) -> None:
        self.post_message(self.ContentsRequested())

    # --- the section tree: siblings, parent, folds (comment threads above all) -------

    def _tree_position(self) -> tuple[list, int] | None:  # type: ignore[type-arg]
        """The document's sections and the index of the one at the top."""
        if self.document is None or self.rendered is None:
            return None
        sections = self.document.sections
        anchor = self.current_section
        index = next((i for i, s in enumerate(sections) if s.anchor == anchor), None)
        return (sections, index) if index is not None else None

    def _go_section(self, anchor: str | None, missing: str) -> None:
        if anchor is None or self.rendered is None or anchor not in self.rendered.section_lines:
            self.app.notify(missing, markup=False)
            return
        self.go_to(anchor)

    def action_next_sibling(self) -> None:
        found = self._tree_position()
        if found is None:
            return
        sections, index = found
        here = sections[index]
        later = next((s for s in sections[index + 1 :] if s.line >= here.end_line and s.level <= here.level), None)
        self._go_section(later.anchor if later else None, "No later comment or section at this level.")

    def action_previous_sibling(self) -> None:
        found = self._tree_position()
        if found is None:
            return
        sections, index = found
        here = sections[index]
        for earlier in reversed(sections[:index]):
            if earlier.level < here.level:
                break
            if earlier.level == here.level:
                self.go_to(earlier.anchor)
                return
        self.app.notify("No earlier comment or section at this level.", markup=False)

    def action_parent(self) -> None:
        found = self._tree_position()
        if found is None:
            return
        sections, index = found
        here = sections[index]
        parent = next((s for s in reversed(sections[:index]) if s.level < here.level and s.end_line >= here.end_line), None)
        self._go_section(parent.anchor if parent else None, "This is a top-level comment or section.")

    def action_toggle_fold(self) -> None:
        found = self._tree_position()
        if found is None or self.document is None:
            return
        sections, index = found
        here = sections[index]
        inside = [s for s in sections[index + 1 :] if s.line < here.end_line]
        if not inside and here.anchor not in self.collapsed:
            self.app.notify("Nothing to fold here: no replies or sub-sections.", markup=False)
            return
        if here.anchor in self.collapsed:
            self.collapsed.discard(here.anchor)
        else:
            self.collapsed.add(here.anchor)
        query = self.search_text
        self._start_render(here.anchor, 0)
        if query:
            self.search(query, from_line=round(self.scroll_y))

    # --- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        pane = self.parent
        if isinstance(pane, ReaderPane):
            pane.query_one(SearchBar).open()

    def _set_matches(self, matches: list[Match]) -> None:
        self.matches = matches
        self._matches_by_line = {}
        for match in matches:
            self._matches_by_line.setdefault(match.line, []).append(match)
        if self.match_index is not None and self.match_index >= len(matches):
            self.match_index = None
        self.refresh()

    def search(self, query: str, from_line: int | None = None) -> None:
        """Highlight every match of ``query`` and show the first one at or after
        ``from_line`` (the top of the view by default)."""
        self.search_text = query
        lines = self.rendered.lines if self.rendered else []
        self._set_matches(find_matches(lines, query))
        top = round(self.scroll_y) if from_line is None else from_line
        self.match_index = next((i for i, m in enumerate(self.matches) if m.line >= top), 0 if self.matches else None)
        self._show_match()

    def _show_match(self) -> None:
        if self.match_index is None:
            return
        match = self.matches[self.match_index]
        self.scroll_to_region(Region(GUTTER + match.start, match.line, max(1, match.end - match.start), 1), animate=False, immediate=True, force=True, center=True)
        self.refresh()

    def action_next_match(self) -> None:
        if not self.matches:
            return
        self.match_index = 0 if self.match_index is None else (self.match_index + 1) % len(self.matches)
        self._show_match()

    def action_previous_match(self) -> None:
        if not self.matches:
            return
        self.match_index = len(self.matches) - 1 if self.match_index is None else (self.match_index - 1) % len(self.matches)
        self._show_match()

    def clear_search(self) -> None:
        self.search_text = ""
        self.match_index = None
        self._set_matches([])

    def action_clear(self) -> None:
        self.clear_search()
        self.focused_link = None
        self.refresh()

    # --- links -----------------------------------------------------------------------

    def _visible_rows(self) -> tuple[int, int]:
        top = round(self.scroll_y)
        return top, top + self.scrollable_content_region.height

    def _move_link(self, step: int) -> None:
        links = [link for link in (self.rendered.links if self.rendered else []) if link.spans]
        if not links:
            self.app.notify("No links in this document.", markup=False)
            return
        top, bottom = self._visible_rows()
        if self.focused_link in links:
            index = (links.index(self.focused_link) + step) % len(links)
        elif step > 0:
            index = next((i for i, link in enumerate(links) if link.line >= top), 0)
        else:
            index = max((i for i, link in enumerate(links) if link.line < bottom), default=len(links) - 1)
        self.focused_link = links[index]
        row, start, end = self.focused_link.spans[0]
        self.scroll_to_region(Region(GUTTER + start, row, max(1, end - start), 1), animate=False, immediate=True, force=True)
        self.refresh()

    def action_next_link(self) -> None:
        self._move_link(1)

    def action_previous_link(self) -> None:
        self._move_link(-1)

    def action_follow_link(self) -> None:
        if self.focused_link is None or self.document is None:
            self.app.notify("No link selected: tab moves between links.", markup=False)
            return
        self.post_message(self.LinkActivated(self.document.id, self.focused_link.url))

    def link_at(self, row: int, column: int) -> RenderedLink | None:
        for link in self.rendered.links if self.rendered else []:
            for line, start, end in link.spans:
                if line == row and start <= column < end:
                    return link
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.document is None:
            return
        link = self.link_at(round(self.scroll_y) + offset.y, offset.x - GUTTER)
        if link is not None:
            self.focused_link = link
            self.refresh()
            self.post_message(self.LinkActivated(self.document.id, link.url))


class SearchBar(Horizontal):
    """``/`` in the reader: type to highlight matches; enter keeps the place, escape
    returns to where the search began."""

    DEFAULT_CSS = """
    SearchBar { height: 1; display: none; background: $boost; }
    SearchBar Input, SearchBar Input:focus { border: none; height: 1; width: 1fr; padding: 0 1; background: $boost; }
    SearchBar Label { width: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel search", tooltip="Back to where the search began", id="search.cancel"),
        Binding("enter", "accept", "Keep", tooltip="Stay at this match (n / N go on)", id="search.accept"),
        Binding("down", "next", "Next match", show=False, id="search.next"),
        Binding("up", "previous", "Previous match", show=False, id="search.previous"),
    ]

    def __init__(self, reader: ReaderView) -> None:
        super().__init__()
        self.reader = reader
        self.origin = 0

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search this document…", id="search-input")
        yield Label("", id="search-count")

    def open(self) -> None:
        self.origin = round(self.reader.scroll_y)
        self.display = True
        field = self.query_one(Input)
        field.value = self.reader.search_text
        self.screen.set_focus(field)
        self.update_count()

    def update_count(self) -> None:
        reader = self.reader
        if not reader.search_text:
            text = ""
        elif not reader.matches:
            text = "no match" + ("" if reader.complete else " yet")
        else:
            current = (reader.match_index or 0) + 1
            text = f"{current}/{len(reader.matches)}" + ("" if reader.complete else "+")
        self.query_one(Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value:
            self.reader.search(event.value, from_line=self.origin)
            if not self.reader.matches:  # like incremental search in vim and less
                self.reader.scroll_to(y=self.origin, animate=False, immediate=True, force=True)
        else:
            self.reader.clear_search()
            self.reader.scroll_to(y=self.origin, animate=False, immediate=True, force=True)
        self.update_count()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        self.display = False
        self.screen.set_focus(self.reader)

    def action_cancel(self) -> None:
        self.reader.clear_search()
        self.reader.scroll_to(y=self.origin, animate=False, immediate=True, force=True)
        self.display = False
        self.update_count()
        self.screen.set_focus(self.reader)

    def action_next(self) -> None:
        self.reader.action_next_match()
        self.update_count()

    def action_previous(self) -> None:
        self.reader.action_previous_match()
        self.update_count()


class ReaderPane(Vertical):
    """Header, reader and search bar."""

    def compose(self) -> ComposeResult:
        reader = ReaderView(id="reader")
        yield DocumentHeader(id="header")
        yield reader
        yield SearchBar(reader)

    def on_reader_view_progress(self, event: ReaderView.Progress) -> None:
        event.stop()
        bar = self.query_one(SearchBar)
        if bar.display or self.query_one(ReaderView).search_text:
            bar.update_count()
        self.border_subtitle = "" if event.complete else f"rendering… {event.lines} lines"
