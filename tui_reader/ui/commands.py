"""Command palette (`ctrl+p`) entries: open any document, or a section of the
current one, by fuzzy name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from .app import ReaderApp


class DocumentCommands(Provider):
    """Untrusted titles are shown as Content built from plain text: Textual's
    ``Matcher.highlight`` would parse them as markup."""

    def _choices(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("ReaderApp", self.app)
        choices: list[tuple[str, Callable[[], object], str]] = [
            ("Search all documents", app.action_search_all, "ctrl+f: words, \"phrases\", prefix*"),
        ]
        choices += [
            (f"Open: {doc.title}", partial(app.open_document, doc.id), f"{doc.kind} document")
            for doc in app.corpus.documents
        ]
        current = app.corpus.get(app.current_doc or "")
        if current is not None:
            choices += [
                (
                    f"Go to section: {section.title}",
                    partial(app.open_document, current.id, section.anchor),
                    "section of the open document",
                )
                for section in current.sections
            ]
        return choices

    async def discover(self) -> Hits:
        for text, command, help_text in self._choices():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._choices():
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                display = Content(text)
                for offset in offsets:
                    display = display.stylize("bold underline", offset, offset + 1)
                yield Hit(score, display, command, text=text, help=help_text)
