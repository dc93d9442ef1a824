"""Clean-ups of real-world Markdown before it is rendered."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

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
