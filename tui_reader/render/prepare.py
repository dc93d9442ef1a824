"""Clean-ups of real-world Markdown before it is rendered."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..corpus.formats.summaries import wikilinks
from ..corpus.links import wiki_url
from ..corpus.model import Timestamp

CHAPTER_SCHEME = "chapter:"
"""The reader's link to a chapter of the document shown (``chapter:3``): the app
opens the episode at that chapter's second, the label's (never the URL's)."""

# A Substack export splits a linked image over blank lines: "[", "![](img)", "](link)".
_SPLIT_LINKED_IMAGE = re.compile(
    r"^\[[ \t]*\n(?:[ \t]*\n)*[ \t]*!\[(?P<alt>[^\]\n]*)\]\((?P<img>[^)\s]+)\)[ \t]*\n"
    r"(?:[ \t]*\n)*[ \t]*\]\((?P<link>[^)\s]+)\)[ \t]*$",
    re.MULTILINE,
)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_UUID_PREFIX = re.compile(r"^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}_?", re.IGNORECASE)


def image_label(url: str, alt: str = "") -> str:
    """A short readable name for an image: its alt text, or its file name and host.

    CDN URLs often wrap the real one (``.../fetch/w_1456/https%3A%2F%2Fhost%2Fa.png``),
    so the innermost URL is used."""
    if alt.strip():
        return alt.strip()
    inner = unquote(url)
    position = inner.rfind("http://") if inner.rfind("http://") > inner.rfind("https://") else inner.rfind("https://")
    inner = inner[position:] if position > 0 else inner
    try:
        parts = urlsplit(inner)
    except ValueError:
        return "image"
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    name = _UUID_PREFIX.sub("", name) or name
    host = parts.hostname or ""
    return f"{name} ({host})" if host and name else name or host or "image"


def _compact_image(match: re.Match[str]) -> str:
    label = image_label(match.group("img"), match.group("alt")).replace("]", ")")
    return f"[Image: {label}]({match.group('link')})"


def prepare_markdown(text: str) -> str:
    """Markdown as it should be rendered: split linked images joined into one line."""
    if "](" in text and "![" in text:
        text = _SPLIT_LINKED_IMAGE.sub(_compact_image, text)
    return text


def reference_definitions(lines: list[str]) -> str:
    """Every ``[label]: url`` line, so a section rendered alone keeps its links."""
    return "\n".join(line for line in lines if line.startswith(("[", " ")) and _REFERENCE.match(line))


_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def link_wikilinks(text: str) -> str:
    """``[[Target#Heading|alias]]`` as a link the reader can follow (``wiki:`` URL);
    left alone in code."""
    if "[[" not in text:
        return text
    out = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or "[[" not in line:
            out.append(line)
            continue
        pieces = []
        position = 0
        for target, heading, shown, offset in wikilinks(line):
            end = line.index("]]", offset) + 2
            if line.count("`", 0, offset) % 2:  # inside a code span
                continue
            pieces.append(line[position:offset])
            label = shown.replace("[", "(").replace("]", ")")
            pieces.append(f"[{label}](<{wiki_url(target, heading)}>)")
            position = end
        pieces.append(line[position:])
        out.append("".join(pieces))
    return "\n".join(out)


def link_chapters(lines: list[str], timestamps: list[Timestamp], first_line: int = 1) -> list[str]:
    """The document's lines with each chapter's label a link to that chapter
    (``chapter:N``), replacing whatever URL the label had; consecutive chapter
    lines of one paragraph keep their line breaks. ``first_line`` is the file line
    of ``lines[0]``."""
    if not timestamps:
        return lines
    lines = list(lines)
    chapter_lines = {stamp.line for stamp in timestamps}
    for number, stamp in enumerate(timestamps):
        index = stamp.line - first_line
        if not 0 <= index < len(lines):
            continue
        line = lines[index]
        label = re.escape(stamp.label)
        target = f"{CHAPTER_SCHEME}{number}"
        linked = re.compile(r"\[" + label + r"\]\((?:<[^>]*>|[^)\s]+)\)")
        bracketed = re.compile(r"\[" + label + r"\](?!\()")
        if linked.search(line):
            line = linked.sub(lambda m: f"[{stamp.label}]({target})", line, count=1)
        elif bracketed.search(line):
            line = bracketed.sub(lambda m: f"[{stamp.label}]({target})", line, count=1)
        else:
            bare = re.compile(r"(?<![\w:\[])" + label + r"(?![\w:\]]|\]\()")
            line = bare.sub(lambda m: f"[{stamp.label}]({target})", line, count=1)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following.strip() and stamp.line + 1 in chapter_lines and not re.match(r"\s*(?:[-*+•|]|\d+[.)])\s", following):
            line = line.rstrip() + "  "  # a hard line break: one chapter a line
        lines[index] = line
    return lines
