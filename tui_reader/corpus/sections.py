"""Sections with stable anchors: headings, or pseudo-sections where there are none."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markdown_it.token import Token

from .links import inline_text
from .model import Section, Timestamp
from .text import clip

INTRODUCTION = "Introduction"
_BOLD_LEAD_MAX = 120


def slugify(text: str) -> str:
    """GitHub-style anchor: lower case, punctuation dropped, runs of spaces and
    hyphens collapsed to one hyphen (so ``A & B`` gives ``a-b``)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return re.sub(r"[\s-]+", "-", text).strip("-_") or "section"


class AnchorAllocator:
    """Gives each anchor once: a repeated slug gets ``-1``, ``-2``... like GitHub."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._used: set[str] = set()

    def __call__(self, text: str) -> str:
        base = slugify(text)
        anchor = base
        while anchor in self._used:
            self._seen[base] = self._seen.get(base, 0) + 1
            anchor = f"{base}-{self._seen[base]}"
        self._used.add(anchor)
        return anchor


@dataclass
class _Start:
    title: str
    level: int
    line: int
    anchor_text: str


def _close(starts: list[_Start], last_line: int) -> list[Section]:
    """Turn section starts into sections: each ends where the next one of the same
    or a higher level begins (so a section contains its sub-sections)."""
    allocate = AnchorAllocator()
    starts = sorted(starts, key=lambda s: (s.line, s.level))
    sections = []
    for index, start in enumerate(starts):
        end = last_line + 1
        for later in starts[index + 1 :]:
            if later.level <= start.level and later.line > start.line:
                end = later.line
                break
        sections.append(
            Section(allocate(start.anchor_text), start.title, start.level, start.line, end)
        )
    return sections


def heading_sections(tokens: list[Token], first_line: int) -> list[_Start]:
    starts = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            title = inline_text(tokens[index + 1]) if index + 1 < len(tokens) else ""
            starts.append(
                _Start(clip(title) or "(untitled)", int(token.tag[1:]), first_line + token.map[0], title)
            )
    return starts


def _bold_lead(tokens: list[Token], index: int) -> str | None:
    """The bold run that opens a paragraph (``**Hiring of new grads.** Netflix...``)."""
    inline = tokens[index + 1] if index + 1 < len(tokens) else None
    if inline is None or inline.type != "inline" or not inline.children:
        return None
    children = inline.children
    if children[0].type == "text" and not children[0].content.strip():
        children = children[1:]
    if not children or children[0].type != "strong_open":
        return None
    parts = []
    for child in children[1:]:
        if child.type == "strong_close":
            break
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    else:
        return None
    lead = re.sub(r"\s+", " ", "".join(parts)).strip().rstrip(".:;,—– ").strip()
    if not lead or len(lead) > _BOLD_LEAD_MAX:
        return None
    return lead


def pseudo_sections(
    tokens: list[Token], first_line: int, timestamps: list[Timestamp]
) -> list[_Start]:
    """Sections of a document without headings: bold-lead paragraphs, and the
    episode timestamp list (one sub-section per chapter)."""
    starts: list[_Start] = []
    chapter_lines = {t.line for t in timestamps}
    for index, token in enumerate(tokens):
        if token.type != "paragraph_open" or token.map is None or token.level != 0:
            continue
        line = first_line + token.map[0]
        if line in chapter_lines:
            continue
        lead = _bold_lead(tokens, index)
        if lead:
            starts.append(_Start(lead, 2, line, lead))
    if timestamps:
        starts.append(_Start("Episode timestamps", 2, timestamps[0].line, "episode-timestamps"))
        for stamp in timestamps:
            title = f"{stamp.label} {stamp.title}".strip()
            starts.append(_Start(clip(title), 3, stamp.line, title))
    return starts


def build_sections(
    tokens: list[Token],
    first_line: int,
    last_line: int,
    timestamps: list[Timestamp],
    body_lines: list[str],
) -> list[Section]:
    """All sections of a Markdown body that starts at file line ``first_line``.

    Content before the first section (or a body with no section at all) becomes an
    "Introduction" section, so every line of text belongs to some section.
    """
    starts = heading_sections(tokens, first_line)
    if not starts:
        starts = pseudo_sections(tokens, first_line, timestamps)
    first_start = min((s.line for s in starts), default=last_line + 1)
    preamble = body_lines[: first_start - first_line]
    if any(line.strip() for line in preamble):
        level = min((s.level for s in starts), default=1)
        starts.append(_Start(INTRODUCTION, level, first_line, "top"))
    return _close(starts, last_line)
