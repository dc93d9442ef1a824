"""The one-line document header above the reader: kind, date, source, tags, section."""

from __future__ import annotations

from urllib.parse import urlsplit

from rich.text import Text
from textual.widgets import Static

from ..corpus.model import Document
from .documents import KIND_STYLES


def header_text(doc: Document, section_title: str | None) -> Text:
    text = Text(overflow="ellipsis", no_wrap=True)
    text.append(doc.title, style="bold")
    text.append("\n")
    text.append(f" {doc.kind} ", style=KIND_STYLES.get(doc.kind, "reverse"))
    text.append(f"  {doc.date or 'no date'}", style="dim")
    if doc.url:
        host = urlsplit(doc.url).hostname or doc.url
        text.append("  ↗ ", style="dim")
        text.append(host.removeprefix("www."), style="underline")
    elif doc.source_url:  # what it sums up or discusses, when that is not here
        host = urlsplit(doc.source_url).hostname or doc.source_url
        text.append("  source ↗ ", style="dim")
        text.append(host.removeprefix("www."), style="underline")
    if doc.tags:
        shown = [t for t in doc.tags if t not in ("generated", "en")][:6]
        if shown:
            text.append("  " + " ".join(f"#{tag}" for tag in shown), style="dim italic")
    text.append("\n")
    text.append("§ ", style="bold cyan")
    text.append(section_title or "(top)", style="cyan")
    return text


class DocumentHeader(Static):
    DEFAULT_CSS = """
    DocumentHeader {
        height: 3; padding: 0 1; background: $boost;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def show(self, doc: Document, section_title: str | None) -> None:
        self.update(header_text(doc, section_title))
