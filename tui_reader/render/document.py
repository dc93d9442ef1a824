"""A Document -> styled lines at a given width, with the line each section starts on.

Rendering goes through Rich (markdown-it-py underneath), section by section, so the
reader knows where every section lands without searching the output. No Textual
import here: the reader widget turns these lines into Strips.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from ..corpus.model import Document
from ..corpus.text import visible
from .prepare import prepare_markdown, reference_definitions

CODE_THEME = "monokai"
_RULE_STYLE = Style(color="bright_black")
_COMMENT_HEAD = Style(bold=True, color="cyan")
_DESCRIPTION = Style(italic=True)

Line = list[Segment]


@dataclass
class RenderedDocument:
    width: int
    lines: list[Line] = field(default_factory=list)
    section_lines: dict[str, int] = field(default_factory=dict)
    """Rendered line index at which each section (by anchor) starts."""
    line_sections: list[tuple[int, str]] = field(default_factory=list)
    """(rendered line, anchor) for every section start, in order."""

    def section_at(self, line: int) -> str | None:
        """The anchor of the section shown at rendered line ``line``."""
        current = None
        for start, anchor in self.line_sections:
            if start > line:
                break
            current = anchor
        return current


def _console(width: int) -> Console:
    return Console(
        width=width,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        no_color=False,
        highlight=False,
        markup=False,
        emoji=False,
    )


def _clean(lines: list[Line]) -> list[Line]:
    """Make rendered lines safe for the terminal: no hyperlinks (OSC 8) in styles, as
    links are followed by the app and never by the terminal, and no control
    characters, which HTML character references (``&#x1b;``) can still produce."""
    cleaned: list[Line] = []
    for line in lines:
        cleaned.append(
            [
                Segment(visible(seg.text), seg.style.clear_meta_and_links() if seg.style else None)
                for seg in line
                if not seg.control
            ]
        )
    return cleaned


def _render(console: Console, renderable: object, width: int) -> list[Line]:
    options = console.options.update(width=width)
    return _clean(console.render_lines(renderable, options, pad=False))  # type: ignore[arg-type]


def _markdown(text: str) -> Markdown:
    return Markdown(text, code_theme=CODE_THEME, hyperlinks=True)


def _blocks(doc: Document) -> list[tuple[list[str], str]]:
    """(anchors starting here, markdown) pieces of a document in reading order."""
    lines = doc.lines
    starts: dict[int, list[str]] = {}
    for section in doc.sections:
        starts.setdefault(section.line, []).append(section.anchor)
    boundaries = sorted(starts)
    if not boundaries or boundaries[0] > doc.body_line:
        boundaries.insert(0, doc.body_line)
    references = reference_definitions(lines[doc.body_line - 1 :])
    blocks = []
    for index, start in enumerate(boundaries):
        end = boundaries[index + 1] if index + 1 < len(boundaries) else len(lines) + 1
        text = "\n".join(lines[start - 1 : end - 1])
        if references:
            text += "\n\n" + references
        blocks.append((starts.get(start, []), prepare_markdown(text)))
    return blocks


def render_document(doc: Document, width: int) -> RenderedDocument:
    width = max(width, 10)
    console = _console(width)
    result = RenderedDocument(width)

    def mark(anchors: list[str]) -> None:
        for anchor in anchors:
            result.section_lines[anchor] = len(result.lines)
            result.line_sections.append((len(result.lines), anchor))

    if doc.kind == "comments" and doc.comments:
        _render_comments(doc, console, width, result, mark)
        return result
    for anchors, text in _blocks(doc):
        mark(anchors)
        if text.strip():
            result.lines.extend(_render(console, _markdown(text), width))
            result.lines.append([])
    while result.lines and not result.lines[-1]:
        result.lines.pop()
    return result


def _render_comments(doc, console, width, result, mark) -> None:  # type: ignore[no-untyped-def]
    """A comments dump as numbered comments, each under its own rule."""
    if doc.description:
        mark(["description"])
        text = Text("Post: ", style=_DESCRIPTION + Style(bold=True))
        text.append(doc.description, style=_DESCRIPTION)
        result.lines.extend(_render(console, text, width))
        result.lines.append([])
    total = len(doc.comments)
    for number, comment in enumerate(doc.comments, 1):
        mark([f"comment-{number}"])
        head = f" Comment {number} of {total} "
        rule = "─" * max(0, width - len(head) - 2)
        result.lines.append([Segment("──", _RULE_STYLE), Segment(head, _COMMENT_HEAD), Segment(rule, _RULE_STYLE)])
        result.lines.extend(_render(console, _markdown(comment.text), width))
        result.lines.append([])
    while result.lines and not result.lines[-1]:
        result.lines.pop()


def plain_lines(rendered: RenderedDocument) -> list[str]:
    """The rendered text without styles (for tests and search)."""
    return [re.sub(r"\s+$", "", "".join(seg.text for seg in line)) for line in rendered.lines]
