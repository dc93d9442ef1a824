"""The documents list against Textual's OptionList, in the same run.

    python bench/list_bench.py            # 1,407 digests and 20,000 documents, 5 runs
    python bench/list_bench.py --quick    # 1,407 digests only, 3 runs

Baseline: an ``OptionList`` with one ``Option`` a document, whose prompt is the same two
lines (title; kind, date), which is what the documents pane used before. Measured: the
``DocumentList`` of ``tui_reader.ui.documents``. Each in a fresh headless app (120x40;
the list 40 columns wide, as in the app), the same documents, the same machine:

- first paint: from mounting the widget with every document until the first frame
  after it is handed to the terminal (``App._display``; headless, where it would be);
- filter: replacing the rows with those whose title holds a digit (what one keystroke
  in the filter does) until the next frame;
- page-down: one ``pagedown`` key to the next frame, with the list focused (median of
  20 presses a run).

Medians over the runs; the ratio is DocumentList time / OptionList time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_reader.corpus import load_corpus  # noqa: E402
from tui_reader.corpus.model import Document  # noqa: E402
from tui_reader.ui.documents import DocumentList, document_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "newsletter-summaries"
PRESSES = 20


def baseline_options(documents: list[Document]) -> list[Option]:
    options = []
    for doc in documents:
        title, meta = document_lines(doc)
        prompt = title.copy()
        prompt.no_wrap, prompt.overflow = True, "ellipsis"
        prompt.append("\n")
        prompt.append_text(meta)
        options.append(Option(prompt, id=doc.id))
    return options


def synthesize(documents: list[Document], count: int) -> list[Document]:
    """``count`` documents with the digests' titles, kinds and dates, numbered."""
    made = []
    for n in range(count):
        doc = documents[n % len(documents)]
        made.append(Document(
            id=f"s{n}", path=doc.path, relpath=f"{n}/{doc.relpath}", text="", body_line=1,
            kind=doc.kind, title=f"{doc.title} ({n})", date=doc.date,
        ))
    return made


class Bench(App[None]):
    """Records when each frame is handed to the terminal (headless: where it would be)."""

    CSS = "#box { width: 40; height: 1fr; } #rest { width: 1fr; }"

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[float] = []

    def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count:
            self.frames.append(time.perf_counter())

    async def frame_after(self, started: float) -> float:
        """Seconds from ``started`` to the first frame after it."""
        while True:
            later = [moment for moment in self.frames if moment > started]
            if later:
                return later[0] - started
            await asyncio.sleep(0.0005)

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(id="box")
            yield Static("reader", id="rest")


def make(kind: str, documents: list[Document]):  # type: ignore[no-untyped-def]
    if kind == "OptionList":
        return OptionList(*baseline_options(documents))
    return DocumentList(documents)


def refill(widget, documents: list[Document]) -> None:  # type: ignore[no-untyped-def]
    if isinstance(widget, OptionList):
        widget.set_options(baseline_options(documents))
        widget.highlighted = 0 if documents else None
    else:
        widget.set_rows(documents)


async def one_run(kind: str, documents: list[Document]) -> dict[str, float]:
    app = Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        box = app.query_one("#box")
        gc.collect()
        started = time.perf_counter()
        widget = make(kind, documents)
        await box.mount(widget)
        first = await app.frame_after(started)
        await pilot.pause()

        narrowed = [doc for doc in documents if any(ch.isdigit() for ch in doc.title)]
        started = time.perf_counter()
        refill(widget, narrowed)
        filtered = await app.frame_after(started)
        await pilot.pause()
        refill(widget, documents)
        await pilot.pause()

        widget.focus()
        await pilot.pause()
        presses = []
        for _ in range(PRESSES):
            await asyncio.sleep(0.05)  # past Textual's frame cap
            started = time.perf_counter()
            await pilot.press("pagedown")
            presses.append(await app.frame_after(started))
        return {"first": first, "filter": filtered, "page": statistics.median(presses)}


async def measure(label: str, documents: list[Document], runs: int) -> None:
    results: dict[str, dict[str, list[float]]] = {}
    for _ in range(runs):
        for kind in ("OptionList", "DocumentList"):  # alternate, so drift hits both
            figures = await one_run(kind, documents)
            for name, value in figures.items():
                results.setdefault(kind, {}).setdefault(name, []).append(value)
    print(f"\n{label}: {len(documents):,} documents, median of {runs} runs")
    print(f"{'':<12}{'OptionList':>14}{'DocumentList':>16}{'ratio':>10}")
    for name, title in (("first", "first paint"), ("filter", "filter"), ("page", "page-down")):
        base = statistics.median(results["OptionList"][name]) * 1000
        ours = statistics.median(results["DocumentList"][name]) * 1000
        print(f"{title:<12}{base:>11.1f} ms{ours:>13.1f} ms{ours / base:>9.3f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="the 1,407 digests only")
    parser.add_argument("--synthetic", type=int, default=20_000)
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    if not CORPUS.is_dir():
        sys.exit(f"list_bench: the shared corpus is missing ({CORPUS.name}); it must sit in ../shared")
    documents = load_corpus([CORPUS], cache=False, defer=True).documents
    asyncio.run(measure("digests", documents, runs))
    if not args.quick:
        asyncio.run(measure("synthesized", synthesize(documents, args.synthetic), runs))


if __name__ == "__main__":
    main()
