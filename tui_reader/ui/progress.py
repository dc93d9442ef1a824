"""A one-line progress bar under the panes: background parsing and indexing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class ProgressLine(Horizontal):
    """Hidden until there is work to show: ``show(what, done, total)``, ``hide()``."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; display: none; background: $boost; padding: 0 1; }
    ProgressLine Label { width: auto; margin-right: 1; }
    ProgressLine ProgressBar { width: 1fr; }
    ProgressLine ProgressBar Bar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="progress-label", markup=False)
        yield ProgressBar(show_eta=False, id="progress-bar")

    def show(self, what: str, done: int, total: int) -> None:
        self.display = True
        self.query_one(Label).update(f"{what} {done:,}/{total:,}")
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def hide(self) -> None:
        self.display = False
