"""`i`: what the reader inferred about the document shown, and why."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def about_table(lines: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("what", style="bold cyan", no_wrap=True)
    table.add_column("text", ratio=1)
    for label, text in lines:
        table.add_row(Text(label), Text(text))  # literal text: titles are never markup
    return table


class AboutScreen(ModalScreen[None]):
    """Kind and its reason, the export format, addresses, ties with their reasons."""

    BINDINGS = [
        Binding("escape,q,i", "close", "Close", tooltip="Close this view", id="about.close"),
    ]

    DEFAULT_CSS = """
    AboutScreen { align: center middle; }
    AboutScreen > VerticalScroll {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "What the reader found, and why — escape closes"
            yield Static(about_table(self.lines))

    def action_close(self) -> None:
        if self.is_current:  # two keys at once must not dismiss it twice
            self.dismiss()
