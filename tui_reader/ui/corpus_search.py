"""Search every document (`ctrl+f`): words, "phrases", prefix*; enter opens the
section with the matches highlighted."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ..corpus.index import Hit
from ..corpus.model import Corpus
from .linked import snippet_text


def hit_prompt(hit: Hit) -> Text:
    text = Text(overflow="fold")
    text.append(hit.doc_title, style="bold")
    text.append(" › ")
    text.append(hit.title)
    text.append("\n    ")
    text.append_text(snippet_text(hit.snippet))
    return text


class CorpusSearchScreen(ModalScreen[tuple[Hit, str] | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", tooltip="Close the search", id="corpus-search.close"),
        Binding("down", "to_results", "Results", show=False, tooltip="Go to the results", id="corpus-search.results"),
    ]

    DEFAULT_CSS = """
    CorpusSearchScreen { align: center middle; }
    CorpusSearchScreen > Vertical {
        width: 100; max-width: 95%; height: 85%; border: thick $primary; background: $surface;
    }
    CorpusSearchScreen Input, CorpusSearchScreen Input:focus { border: none; height: 1; padding: 0 1; background: $boost; }
    CorpusSearchScreen OptionList, CorpusSearchScreen OptionList:focus { border: none; height: 1fr; }
    CorpusSearchScreen Label { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, corpus: Corpus, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.initial = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search all documents"
            yield Input(self.initial, placeholder='words, "a phrase", prefix*', id="corpus-query")
            yield OptionList(id="corpus-results")
            yield Label("", id="corpus-count")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if not self.corpus.index_ready:
            self.query_one(Label).update("indexing the documents…")
            self._waiting = self.set_interval(0.5, self._check_ready)
        if self.initial:
            self.run_search(self.initial)

    def _check_ready(self) -> None:
        """Documents still being read when the screen opened: search once they are."""
        if self.corpus.index_ready:
            self._waiting.stop()
            self.run_search(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="corpus-search")
    def run_search(self, query: str) -> None:
        if self.corpus.pending:  # sketches: searched once read (see _check_ready)
            return
        hits = self.corpus.index.search(query, 200) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[Hit]) -> None:
        if query != self.query_one(Input).value:
            return
        self.hits = hits
        results = self.query_one(OptionList)
        results.set_options([Option(hit_prompt(hit)) for hit in hits])
        if hits:
            results.highlighted = 0
        count = f"{len(hits)} sections" if len(hits) < 200 else "200+ sections (the best first)"
        self.query_one(Label).update("" if not query.strip() else count if hits else "no match")

    def action_to_results(self) -> None:
        self.set_focus(self.query_one(OptionList))

    def _open(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self.hits):
            self.dismiss((self.hits[index], self.query_one(Input).value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open()
