"""A Document -> styled lines at a given width, block by block.

Rendering goes through Rich (markdown-it-py underneath), one section (or, for a
long section, one run of paragraphs) at a time, so the reader can show the first
screen before the rest is done and knows where every section lands. Links are
numbered in reading order and their positions on screen recorded. No Textual import
here: the reader widget turns these lines into Strips.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len, set_cell_size
from rich.console import Console, RenderableType
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from ..corpus.model import Document
from ..corpus.text import visible
from .prepare import image_label, link_chapters, link_wikilinks, prepare_markdown, reference_definitions

CODE_THEME = "monokai"
BLOCK_CHARS = 12_000
"""A section longer than this is rendered in several blocks (at paragraph breaks)."""
PLAIN_CHUNK_CHARS = 16_000
LINK_SCHEME = "tui-link:"
_RULE_STYLE = Style(color="bright_black")
_COMMENT_HEAD = Style(bold=True, color="cyan")
_AUTHOR = Style(bold=True)
_FOLDED = Style(italic=True, color="bright_black")
_DESCRIPTION = Style(italic=True)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

Line = list[Segment]


@dataclass
class RenderedLink:
    number: int
    url: str
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    """(line, first cell, end cell) of every piece of the link on screen."""

    @property
    def line(self) -> int:
        return self.spans[0][0] if self.spans else 0


@dataclass
class Block:
    anchors: list[str]
    render: Callable[[Console, int, list[str]], list[Line]]
    """Renders the block at a width, appending the URLs of its links to the list."""
    tight: bool = False
    """Follows the block before without a blank line (the next line of a chapter list)."""


@dataclass
class RenderedBlock:
    anchors: list[str]
    lines: list[Line]
    links: list[RenderedLink]
    tight: bool = False


@dataclass
class RenderedDocument:
    width: int
    lines: list[Line] = field(default_factory=list)
    section_lines: dict[str, int] = field(default_factory=dict)
    """Rendered line index at which each section (by anchor) starts."""
    line_sections: list[tuple[int, str]] = field(default_factory=list)
    """(rendered line, anchor) for every section start, in order."""
    links: list[RenderedLink] = field(default_factory=list)
    complete: bool = False

    def add(self, block: RenderedBlock) -> None:
        offset = len(self.lines)
        for anchor in block.anchors:
            self.section_lines[anchor] = offset
            self.line_sections.append((offset, anchor))
        for link in block.links:
            link.spans = [(line + offset, start, end) for line, start, end in link.spans]
            self.links.append(link)
        if self.lines and block.lines and not block.tight:
            self.lines.append([])
        self.lines.extend(block.lines)

    def section_at(self, line: int) -> str | None:
        """The anchor of the section shown at rendered line ``line``."""
        current = None
        for start, anchor in self.line_sections:
            if start > line:
                break
            current = anchor
        return current


# --- Markdown with numbered links, visible HTML and images -------------------------


def _numbered_tokens(tokens: list[Token], urls: list[str]) -> list[Token]:
    """Rewrite inline tokens: every link gets a superscript number and an href that
    names it (``tui-link:N``), images become links labelled with their alt text or
    file name, and inline HTML is kept as text."""
    result: list[Token] = []
    for token in tokens:
        if token.type == "image":
            url = str(token.attrs.get("src", ""))
            alt = "".join(child.content for child in token.children or ()) or token.content
            where = image_label(url)
            label = f"[image: {alt.strip()} — {where}]" if alt.strip() else f"[image: {where}]"
            result.extend(
                [
                    Token("link_open", "a", 1, attrs={"href": url}),
                    Token("text", "", 0, content=label),
                    Token("link_close", "a", -1),
                ]
            )
        elif token.type == "html_inline":
            result.append(Token("text", "", 0, content=token.content))
        else:
            result.append(token)
    numbered: list[Token] = []
    for token in result:
        if token.type == "link_open":
            urls.append(str(token.attrs.get("href", "")))
            token.attrs["href"] = f"{LINK_SCHEME}{len(urls)}"
        elif token.type == "link_close":
            numbered.append(Token("text", "", 0, content=str(len(urls)).translate(_SUPERSCRIPT)))
        numbered.append(token)
    return numbered


_PARSERS: dict[bool, MarkdownIt] = {}


def _parser(breaks: bool) -> MarkdownIt:
    """CommonMark with tables, strikethrough and bare URLs as links (linkify-it-py);
    with ``breaks``, every line break is kept (text written line by line)."""
    parser = _PARSERS.get(breaks)
    if parser is None:
        parser = MarkdownIt("commonmark", {"linkify": True, "breaks": breaks}).enable(["strikethrough", "table", "linkify"])
        _PARSERS[breaks] = parser
    return parser


class ReaderMarkdown(Markdown):
    """Rich's Markdown with the reader's link numbering, HTML blocks shown as code,
    inline HTML and images shown as text, bare URLs linked, and (``breaks``) the
    line breaks of a text written line by line kept."""

    def __init__(self, markup: str, urls: list[str], breaks: bool = False) -> None:
        super().__init__("", code_theme=CODE_THEME, hyperlinks=True)
        self.markup = markup
        self.parsed = _parser(breaks).parse(markup)
        for index, token in enumerate(self.parsed):
            if breaks and token.type == "inline" and token.children:
                for child in token.children:  # Rich draws a soft break as a space
                    if child.type == "softbreak":
                        child.type = "hardbreak"
            if token.type == "html_block":
                self.parsed[index] = Token(
                    "fence", "code", 0, content=token.content, info="html", markup="```",
                    block=True, map=token.map,
                )
            elif token.type == "inline" and token.children:
                token.children = _numbered_tokens(token.children, urls)


# --- rendering ---------------------------------------------------------------------


def make_console(width: int) -> Console:
    return Console(
        width=width,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        highlight=False,
        markup=False,
        emoji=False,
    )


def _fit(line: Line, width: int) -> Line:
    """Crop a line to ``width`` cells, measured as a whole: emoji sequences split
    over segments (``❤`` + VS16) are wider together than apart."""
    line = list(line)
    while line and cell_len("".join(segment.text for segment in line)) > width:
        last = line.pop()
        if len(last.text) > 1:
            line.append(Segment(last.text[:-1], last.style))
    return line


def _clean(lines: list[list[Segment]], width: int) -> tuple[list[Line], dict[int, list[tuple[int, int, int]]]]:
    """Make rendered lines safe for the terminal and find the links on them.

    Styles lose their hyperlinks (OSC 8): links are followed by the app, never by the
    terminal. Text loses control characters. Returns the lines and, per link number,
    its (line, first cell, end cell) spans. A line wider than ``width`` (Rich and the
    terminal can disagree on emoji sequences) is cropped.
    """
    cleaned: list[Line] = []
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for index, line in enumerate(lines):
        out: Line = []
        column = 0
        for seg in line:
            if seg.control:
                continue
            text = visible(seg.text)
            cells = cell_len(text)
            style = seg.style
            if style is not None and style.link:
                if style.link.startswith(LINK_SCHEME):
                    number = int(style.link[len(LINK_SCHEME) :])
                    pieces = spans.setdefault(number, [])
                    if pieces and pieces[-1][0] == index and pieces[-1][2] == column:
                        pieces[-1] = (index, pieces[-1][1], min(column + cells, width))
                    else:
                        pieces.append((index, column, min(column + cells, width)))
                style = style.clear_meta_and_links()
            out.append(Segment(text, style))
            column += cells
        if column > width or not all(segment.text.isascii() for segment in out):
            out = _fit(out, width)
        cleaned.append(out)
    return cleaned, spans


def raw_lines(console: Console, renderable: RenderableType, width: int) -> list[Line]:
    """Rich's lines as rendered: still with hyperlink styles (``_clean`` removes them)."""
    return console.render_lines(renderable, console.options.update(width=width), pad=False)


def _markdown_block(text: str, breaks: bool = False) -> Callable[[Console, int, list[str]], list[Line]]:
    def render(console: Console, width: int, urls: list[str]) -> list[Line]:
        return raw_lines(console, ReaderMarkdown(text, urls, breaks), width)

    return render


def _text_block(text: Text) -> Callable[[Console, int, list[str]], list[Line]]:
    def render(console: Console, width: int, urls: list[str]) -> list[Line]:
        return raw_lines(console, text, width)

    return render


_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_OR_INDENT = re.compile(r"^(\s|[-*+]\s|\d+[.)]\s|>|\|)")


def split_long(text: str, limit: int = BLOCK_CHARS) -> list[str]:
    """Cut Markdown into pieces of about ``limit`` characters at blank lines that
    start a new top-level paragraph (never inside a fence, list or quote)."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    lines = text.split("\n")
    start = 0
    size = 0
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        size += len(line) + 1
        if (
            size >= limit
            and not in_fence
            and index + 1 < len(lines)
            and not line.strip()
            and lines[index + 1].strip()
            and not _LIST_OR_INDENT.match(lines[index + 1])
        ):
            pieces.append("\n".join(lines[start : index + 1]))
            start, size = index + 1, 0
    pieces.append("\n".join(lines[start:]))
    return [piece for piece in pieces if piece.strip()] or [text]


def _plain_blocks(doc: Document) -> list[Block]:
    """A very large document: plain text in chunks (long lines cut as well)."""
    body = doc.body
    blocks = []
    for start in range(0, len(body), PLAIN_CHUNK_CHARS):
        chunk = body[start : start + PLAIN_CHUNK_CHARS]
        blocks.append(Block(["top"] if start == 0 else [], _text_block(Text(chunk))))
    return blocks


INDENT = 2
"""Cells a reply is indented by, a level of depth (up to MAX_INDENT_LEVELS)."""
MAX_INDENT_LEVELS = 6


def _indented(lines: list[Line], depth: int) -> list[Line]:
    """A reply's lines with a thread rule on their left, one ``│`` a level."""
    if depth <= 0:
        return lines
    levels = min(depth, MAX_INDENT_LEVELS)
    gutter = Segment(("│ " * levels), _RULE_STYLE)
    return [[gutter, *line] for line in lines]


def _comment_blocks(doc: Document, collapsed: frozenset[str] = frozenset()) -> list[Block]:
    """A comments dump as a thread: the post, then each comment under a rule with
    its number, author and date, replies indented by depth (``│``). A comment in
    ``collapsed`` (by anchor) shows a line saying how many replies it hides."""
    blocks = []
    if doc.description:
        text = Text("Post: ", style=_DESCRIPTION + Style(bold=True))
        text.append(doc.description, style=_DESCRIPTION)
        blocks.append(Block(["description"], _text_block(text)))
    total = len(doc.comments)
    breaks = doc.line_breaks
    anchors = {s.line: s for s in doc.sections if s.anchor.startswith("comment-")}
    hidden_until: int | None = None
    for number, comment in enumerate(doc.comments, 1):
        section = anchors.get(comment.line)
        if hidden_until is not None and comment.line < hidden_until:
            continue
        hidden_until = None
        replies = 0
        if section is not None and section.anchor in collapsed:
            hidden_until = section.end_line
            replies = sum(1 for c in doc.comments if section.line < c.line < section.end_line)

        def render(  # type: ignore[no-untyped-def]
            console: Console, width: int, urls: list[str], number=number, comment=comment, replies=replies
        ) -> list[Line]:
            depth = min(comment.depth, MAX_INDENT_LEVELS)
            inner = max(10, width - INDENT * depth)
            label, who, when = _comment_head(number, total, comment.author or "", comment.date or "", inner - 3)
            heading = Text("──", style=_RULE_STYLE, no_wrap=True, overflow="crop")
            heading.append(label, style=_COMMENT_HEAD)
            if who:
                heading.append(who, style=_AUTHOR)
                heading.append(" ")
            if when:
                heading.append(f"{when} ", style=_RULE_STYLE)
            heading.append("─" * inner, style=_RULE_STYLE)
            heading.truncate(inner)
            body = raw_lines(console, ReaderMarkdown(comment.text, urls, breaks), inner)
            lines = [*raw_lines(console, heading, inner), *body]
            if replies:
                note = Text(f"▸ {replies} {'reply' if replies == 1 else 'replies'} hidden (z shows them)", style=_FOLDED)
                lines.extend(raw_lines(console, note, inner))
            return _indented(lines, depth)

        blocks.append(Block([section.anchor if section else f"comment-{number}"], render))
    return blocks


def _comment_head(number: int, total: int, author: str, date: str, room: int) -> tuple[str, str, str]:
    """(label, author, date) of a comment's head line that fit in ``room`` cells:
    "Comment 2 of 9" or "2/9", the date dropped before the author is cut (with …)."""
    label = f" Comment {number} of {total} "
    if cell_len(label) + cell_len(author) + cell_len(date) + 2 > room:
        label = f" {number}/{total} "
    if cell_len(label) + cell_len(author) + cell_len(date) + 2 > room:
        date = ""
    space = room - cell_len(label) - 1
    if cell_len(author) > space:
        author = set_cell_size(author, max(1, space - 1)).rstrip() + "…" if space > 1 else ""
    return label, author, date


def _folded_note(count: int, what: str) -> Block:
    text = Text(f"▸ {count} {what}{'' if count == 1 else 's'} hidden (z shows them)", style=_FOLDED)
    return Block([], _text_block(text))


def document_blocks(doc: Document, collapsed: frozenset[str] = frozenset()) -> Iterator[Block]:
    """The blocks of a document in reading order, each with the sections it opens
    (made one at a time, so the first screen does not wait for the whole list).
    The sub-sections of a section in ``collapsed`` (by anchor) are left out, with a
    line that says so; chapter labels become links to their chapter."""
    if doc.plain_text:
        yield from _plain_blocks(doc)
        return
    if doc.kind == "comments" and doc.comments:
        yield from _comment_blocks(doc, collapsed)
        return
    lines = link_chapters(doc.lines, doc.timestamps)
    breaks = doc.line_breaks
    chapter_lines = {stamp.line for stamp in doc.timestamps}
    starts: dict[int, list[str]] = {}
    for section in doc.sections:
        starts.setdefault(section.line, []).append(section.anchor)
    folds = sorted((s for s in doc.sections if s.anchor in collapsed), key=lambda s: s.line)
    boundaries = sorted(starts)
    if not boundaries or boundaries[0] > doc.body_line:
        boundaries.insert(0, doc.body_line)
    references = reference_definitions(lines[doc.body_line - 1 :])
    hidden_until = 0
    for index, start in enumerate(boundaries):
        if start < hidden_until:
            continue
        end = boundaries[index + 1] if index + 1 < len(boundaries) else len(lines) + 1
        fold = next((s for s in folds if s.line == start and s.end_line > end), None)
        text = link_wikilinks(prepare_markdown("\n".join(lines[start - 1 : end - 1])))
        if not text.strip():
            if starts.get(start):
                yield Block(starts[start], lambda console, width, urls: [])
        else:
            # A chapter right under the one before (no blank line between) stays
            # on the next line.
            tight = start in chapter_lines and start - 1 in chapter_lines
            for number, piece in enumerate(split_long(text)):
                if references:
                    piece += "\n\n" + references
                yield Block(starts.get(start, []) if number == 0 else [], _markdown_block(piece, breaks), tight and number == 0)
        if fold is not None:
            hidden_until = fold.end_line
            inside = sum(1 for s in doc.sections if fold.line < s.line < fold.end_line)
            yield _folded_note(inside, "section")


class DocumentRenderer:
    """Renders a document's blocks one at a time, numbering links across blocks.

    ``render_next`` must be called from one thread at a time; the widget calls it on
    the UI thread for the first screen and then from a worker for the rest.
    """

    def __init__(self, doc: Document, width: int, collapsed: frozenset[str] = frozenset()) -> None:
        self.document = doc
        self.width = max(width, 10)
        self._blocks = document_blocks(doc, collapsed)
        self._next: Block | None = next(self._blocks, None)
        self._urls: list[str] = []
        self._console = make_console(self.width)

    @property
    def done(self) -> bool:
        return self._next is None

    def render_next(self) -> RenderedBlock:
        block = self._next
        assert block is not None, "render_next() after the last block"
        self._next = next(self._blocks, None)
        first_number = len(self._urls) + 1
        raw = block.render(self._console, self.width, self._urls)
        # Rich renders the links styled with ``tui-link:N``; find where they landed.
        lines, spans = _clean(raw, self.width)
        while lines and not lines[-1]:
            lines.pop()
        links = [
            RenderedLink(number, self._urls[number - 1], spans.get(number, []))
            for number in range(first_number, len(self._urls) + 1)
        ]
        return RenderedBlock(block.anchors, lines, links, block.tight)


def render_document(doc: Document, width: int, collapsed: frozenset[str] = frozenset()) -> RenderedDocument:
    """The whole document at once (tests, benchmarks and small documents)."""
    renderer = DocumentRenderer(doc, width, collapsed)
    result = RenderedDocument(renderer.width)
    while not renderer.done:
        result.add(renderer.render_next())
    result.complete = True
    return result


def plain_lines(rendered: RenderedDocument) -> list[str]:
    """The rendered text without styles (for tests and search)."""
    return [re.sub(r"\s+$", "", "".join(seg.text for seg in line)) for line in rendered.lines]
