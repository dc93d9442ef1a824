"""The help screen: every key binding of the app and its panes, by pane."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


_SIDEWAYS = ("left", "right", "ctrl+pageup", "ctrl+pagedown")


def all_bindings(cls: type) -> list[Binding]:
    """The bindings of ``cls`` and the classes it inherits from, most specific
    first, one per key (sideways scrolling left out: the reader wraps)."""
    seen: set[str] = set()
    result: list[Binding] = []
    for klass in cls.__mro__:
        for binding in klass.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or binding.key in seen:
                continue
            if binding.key in _SIDEWAYS or binding.action in ("app.quit", "help_quit"):
                continue
            seen.add(binding.key)
            result.append(binding)
    return result


def key_table(app, sections: list[tuple[str, list[Binding]]]) -> Table:  # type: ignore[no-untyped-def]
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold cyan", no_wrap=True)
    table.add_column("action", ratio=1)
    for title, bindings in sections:
        table.add_row(Text(title, style="bold reverse"), Text(""))
        for binding in bindings:
            keys = " ".join(
                app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(",")
            )
            table.add_row(Text(keys), Text(binding.tooltip or binding.description or binding.action))
        table.add_row(Text(""), Text(""))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys — escape closes"
            yield Static(key_table(self.app, self.sections))
