"""The linked-items pane: summary, source, timestamps, comments, related."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..corpus.index import SNIPPET_CLOSE, SNIPPET_OPEN
from ..corpus.linked import LinkedGroup, LinkedItem


def snippet_text(snippet: str, style: str = "dim") -> Text:
    """A snippet with its matches (between SNIPPET_OPEN and SNIPPET_CLOSE) highlighted."""
    text = Text(style=style)
    for number, part in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", snippet)):
        text.append(part, style="bold yellow" if number % 2 else "")
    return text


def item_prompt(item: LinkedItem) -> Text:
    prompt = Text(overflow="fold")
    prompt.append("▸ " if item.here else "  ", style="bold green")
    prompt.append(item.label, style="bold" if item.here else "")
    if item.detail:
        prompt.append("\n    ")
        prompt.append_text(snippet_text(item.detail))
    return prompt


class LinkedPane(OptionList):
    """Group headers are disabled options; Enter on an item posts ``Activated``."""

    BINDINGS = [
        Binding(
            "enter", "select", "Follow",
            tooltip="Jump to the item (a timestamp opens the video at that second)", id="linked.follow",
        ),
        Binding("j", "cursor_down", "Down", show=False, id="linked.down"),
        Binding("k", "cursor_up", "Up", show=False, id="linked.up"),
    ]

    class Activated(Message):
        def __init__(self, item: LinkedItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: dict[str, LinkedItem] = {}
        self._key: tuple[str, str | None] | None = None

    def show_groups(self, groups: list[LinkedGroup], key: tuple[str, str | None], force: bool = False) -> None:
        """Replace the items (keeping the highlight when only the section moved, or
        when ``force`` refreshes the same place with more items)."""
        if key == self._key and not force:
            return
        same_document = self._key is not None and self._key[0] == key[0]
        previous = self.highlighted_item
        self._key = key
        self.items = {}
        options: list[Option] = []
        for group in groups:
            count = f" ({len(group.items)})" if len(group.items) > 1 else ""
            if group.name == "Episode timestamps":
                count += " · enter opens the video"
            options.append(Option(Text(group.name + count, style="bold reverse"), disabled=True))
            for item in group.items:
                option_id = f"item-{len(self.items)}"
                self.items[option_id] = item
                options.append(Option(item_prompt(item), id=option_id))
        if not options:
            options.append(Option(Text("Nothing links here.", style="dim italic"), disabled=True))
        self.set_options(options)
        target = 0
        if same_document and previous is not None:
            for index, option in enumerate(options):
                if option.id and self.items[option.id] == previous:
                    target = index
        first_enabled = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first_enabled is not None:
            self.highlighted = max(target, first_enabled)

    @property
    def highlighted_item(self) -> LinkedItem | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self.items.get(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option.id or "")
        if item is not None:
            self.post_message(self.Activated(item))
