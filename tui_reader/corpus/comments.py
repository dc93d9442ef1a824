"""Comment dumps: one comment per paragraph, with repeated blocks folded.

A dump copied from a web page is a post description followed by comment
paragraphs, often pasted twice. Each non-blank line is one paragraph here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Comment

_MAX_CANDIDATES = 8
_LONG_LINE = 120


@dataclass
class Paragraph:
    line: int
    text: str


@dataclass
class CommentDump:
    description: Paragraph | None
    comments: list[Paragraph]
    folded: int
    """How many paragraphs were dropped as repeats."""


def paragraphs(lines: list[str], first_line: int) -> list[Paragraph]:
    """Every non-blank line is one paragraph (dumps put one comment per line)."""
    return [
        Paragraph(first_line + offset, raw.strip())
        for offset, raw in enumerate(lines)
        if raw.strip()
    ]


def find_repeat(texts: list[str], start: int = 0) -> tuple[int, int] | None:
    """The first and longest block ``texts[i:i+k]`` immediately repeated as
    ``texts[i+k:i+2k]``, as ``(i, k)``; blocks of one paragraph count only when the
    paragraph is long enough not to be a coincidence ("+1", "Thanks!")."""
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        positions.setdefault(text, []).append(index)
    best: tuple[int, int] | None = None
    for i in range(start, len(texts)):
        candidates = [j for j in positions[texts[i]] if j > i][:_MAX_CANDIDATES]
        for j in reversed(candidates):  # the longest block first
            k = j - i
            if j + k <= len(texts) and texts[i:j] == texts[j : j + k]:
                if k == 1 and len(texts[i]) < 40:
                    continue
                if best is None or k > best[1]:
                    best = (i, k)
                break
        if best is not None:
            return best
    return None


def fold_repeats(items: list[Paragraph]) -> tuple[list[Paragraph], int]:
    """Drop every immediately repeated block, keeping its first copy."""
    folded = 0
    start = 0
    while True:
        repeat = find_repeat([p.text for p in items], start)
        if repeat is None:
            return items, folded
        i, k = repeat
        del items[i + k : i + 2 * k]
        folded += k
        start = i


def parse_dump(lines: list[str], first_line: int) -> CommentDump:
    items = paragraphs(lines, first_line)
    texts = [p.text for p in items]
    repeat = find_repeat(texts)
    items, folded = fold_repeats(items)
    description = None
    if repeat is not None and repeat[0] >= 1 and items:
        # What precedes the repeated comments is the post they were left on.
        description = items.pop(0)
    return CommentDump(description, items, folded)


def looks_like_dump(lines: list[str]) -> bool:
    """A body of one-line paragraphs of prose, either pasted twice or mostly long."""
    items = paragraphs(lines, 1)
    if len(items) < 4:
        return False
    if any(p.text.startswith(("#", "```", "|", "- ", "* ", "> ", "[", "![", "](", "<")) for p in items):
        return False
    if find_repeat([p.text for p in items]) is not None:
        return True
    long_lines = sum(1 for p in items if len(p.text) >= _LONG_LINE)
    return long_lines * 2 >= len(items)


def to_comments(dump: CommentDump) -> list[Comment]:
    return [Comment(p.line, p.text) for p in dump.comments]
