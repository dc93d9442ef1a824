"""The reader pane: a Line-API view of one rendered document.

The document is rendered to styled lines once per width (``render/document.py``);
``render_line`` only slices what is on screen, so scrolling costs the same at any
document size.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..corpus.model import Document
from ..render.document import RenderedDocument, render_document


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
            "left_square_bracket", "previous_section", "Prev section", id="reader.previous-section"
        ),
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.rendered: RenderedDocument | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._section: str | None = None
        self._pending: tuple[str | None, int] = (None, 0)
        self._pinned: tuple[str, int] | None = None
        """(anchor, scroll_y) after a jump: that section counts as current even when
        the end of the document stops it from reaching the top."""

    # --- content ---------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def show(self, document: Document, anchor: str | None = None, scroll_y: int | None = None) -> None:
        """Display ``document`` at section ``anchor`` or at line ``scroll_y``."""
        self.document = document
        self.rendered = None
        self._section = None
        if self.size.width:
            self._render()
        self.go_to(anchor, scroll_y or 0)

    def _render(self) -> None:
        assert self.document is not None
        self.rendered = render_document(self.document, self.text_width)
        self._strips.clear()
        self.virtual_size = Size(self.text_width, len(self.rendered.lines))
        self.refresh()

    def go_to(self, anchor: str | None, scroll_y: int = 0) -> None:
        if self.rendered is None:
            self._pending = (anchor, scroll_y)
            return
        line = scroll_y
        self._pinned = None
        if anchor is not None and anchor in self.rendered.section_lines:
            line = self.rendered.section_lines[anchor]
        max_y = max(0, len(self.rendered.lines) - self.scrollable_content_region.height)
        target = min(line, max_y)
        if anchor is not None and anchor in self.rendered.section_lines:
            self._pinned = (anchor, target)
        self.scroll_to(y=target, animate=False, immediate=True, force=True)
        self._check_section()

    def on_resize(self) -> None:
        if self.document is None:
            return
        if self.rendered is None:
            self._render()
            self.go_to(*self._pending)
        elif self.rendered.width != self.text_width:
            anchor = self.current_section
            self._render()
            self.go_to(anchor)

    # --- Line API --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        lines = self.rendered.lines if self.rendered else []
        if index >= len(lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = Strip(lines[index] or [Segment("")]).apply_style(self.rich_style)
            self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

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
