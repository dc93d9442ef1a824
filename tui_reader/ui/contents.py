"""The table of contents (`t` in the reader): every section, enter jumps."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..corpus.model import Section


class ContentsScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,t,q", "dismiss(None)", "Close", tooltip="Close the table of contents", id="contents.close"),
        Binding("j", "cursor_down", "Down", show=False, id="contents.down"),
        Binding("k", "cursor_up", "Up", show=False, id="contents.up"),
    ]

    DEFAULT_CSS = """
    ContentsScreen { align: center middle; }
    ContentsScreen > OptionList {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface;
    }
    """

    def __init__(self, title: str, sections: list[Section], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.sections = sections
        self.current = current

    def compose(self) -> ComposeResult:
        top = min((s.level for s in self.sections), default=1)
        options = []
        for section in self.sections:
            prompt = Text("  " * (section.level - top))
            prompt.append(section.title, style="bold" if section.level == top else "")
            options.append(Option(prompt, id=section.anchor))
        contents = OptionList(*options, id="contents")
        contents.border_title = Text(f"Contents: {self.title_text}"[:70])  # literal, never markup
        yield contents

    def on_mount(self) -> None:
        contents = self.query_one(OptionList)
        for index, section in enumerate(self.sections):
            if section.anchor == self.current:
                contents.highlighted = index
        contents.focus()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
