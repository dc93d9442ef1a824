#!/usr/bin/env python
"""Benchmark: tui-reader's ReaderView against Textual's stock MarkdownViewer.

Run from the project root (no network needed)::

    python bench/reader_bench.py            # full run (about 5 minutes on 2 cores)
    python bench/reader_bench.py --quick    # smoke run: 1 KB and 20 KB, 3 runs

Documents
---------
Four Markdown documents are written to a temporary folder: about 1 KB, the seed guide
``seeds/003_367f1510271e3cf2.txt`` itself (about 20 KB), about 100 KB and about 1 MB.
The generated ones reuse and vary the guide's own sentences, list items and headings:
headings of levels 1-4, paragraphs with bold, italic, inline code and links, nested
bullet and ordered lists, block quotes, tables and fenced code (Python, YAML, shell).
They are generated deterministically (fixed random seed).

Harness
-------
Every run is a fresh ``App`` run headless with ``app.run_test(size=(120, 40))``, holding
only the widget under test (so both widgets get the same 120x40 screen). Nothing is
timed until the empty widget is mounted and the app is idle. Timed phases never call
``pilot.pause()`` (it walks every widget and forces a repaint, which would both
distort the stock widget and paint earlier than a real app would); they poll with
``asyncio.sleep(0.005)`` and take their timestamps from the frames themselves:

* **Frames.** The bench App overrides ``App._display`` (where Textual hands each
  compositor update to the terminal; in headless mode it normally drops it). The
  override renders the update to the escape sequences a terminal would receive
  (``render_segments``, so that cost is included, as on a real terminal), then
  timestamps the frame and keeps its text. After the run the frames are replayed on a
  small virtual terminal, so the script knows what was on screen at every moment.

* **First screen** = from the call (``reader.show(doc)`` / ``viewer.document.update
  (text)`` started) until the first frame after which the virtual terminal shows, in
  the widget's content area (scrollbar columns excluded), exactly the text of the
  final top-of-document screen (taken from the compositor once everything is rendered
  and idle). For tui-reader the script also checks that ``reader.rendered`` held at
  least ``min(screen height, document lines)`` lines at that frame. So "first screen"
  means a full screen of the right text was painted, not just that lines exist.

* **Full render, tui-reader** = ``reader.complete`` turned True (recorded at the exact
  moment, by wrapping the reader's ``_append`` callback on the instance) -> column
  ``TR complete``; and the first frame painted with the final virtual height after
  that -> column ``TR full`` (complete *and* painted).

* **Full render, stock MarkdownViewer.** Reading ``textual/widgets/_markdown.py``:
  ``Markdown.update()`` parses the whole text with markdown-it in an executor thread,
  then builds MarkdownBlock widgets and mounts them in batches of 200
  (``mount_all``, the first batch inside ``app.batch_update()``), and its awaitable
  completes when the last batch is mounted. The blocks are only measured and laid
  out (Static content rendered to get their heights) at the next screen refresh. So
  the honest "full render" is: ``update()`` returned (all blocks mounted) **and** a
  frame has been painted with the final layout (the viewer's virtual height equal to
  its final value) -> column ``ST full``. If the final layout was already painted
  before ``update()`` returned, the return time is used.

  The stock widget's time includes its own markdown-it parse (it is part of
  ``update()``); tui-reader's document parse (``parse_document``: front matter,
  markdown-it tokens, sections, links) happens **before** timing starts, as in the
  app, where documents are parsed when the corpus loads. It is reported separately
  (column ``parse``); add it to tui-reader's times for a parse-included comparison.

* **Page-down** (tui-reader, 1 MB document, after the full render, reader focused):
  ``await pilot.press("pagedown")``, 30 presses per run. Latency = from the press
  until the first frame on which the virtual terminal shows the expected rendered
  lines at the new top and bottom rows. Animations are off in the bench App
  (``animation_level = "none"``), otherwise Textual animates page-down scrolls over
  several frames. Presses are spaced by a short idle pause so each measures the
  work of one page-down (Textual caps repaints at 60 fps: a key arriving right after
  a frame would otherwise wait for the next frame slot). ``pilot.press`` itself
  returns only after ~40 ms of sleeps (``wait_for_idle``), so its duration is not a
  latency; it is reported in the JSON only. Garbage collections are timed (``gc.callbacks``)
  during the presses, to tell slow presses caused by GC pauses from the rest; the time
  ``render_segments`` took for the painted frame is reported too.

* **Memory**: one extra run per widget and size (not timed) with ``tracemalloc``
  (started before the App; the peak is reset once the empty widget is idle): peak of
  traced Python allocations from ``show()``/``update()`` until the full render is
  painted and the screen is quiet, including what the idle app holds, and the same
  peak minus the idle app (memory attributable to showing the document). The
  document's text and tui-reader's parsed Document are made before tracing starts.

Medians over ``--runs`` runs (default 5; stock: 5 below 100 KB, 3 at 100 KB, or
``--stock-runs``); the stock widget is skipped above ``--stock-max-kb`` (default 100).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rich.cells import cell_len  # noqa: E402
from textual import __version__ as textual_version  # noqa: E402
from textual._compositor import CompositorUpdate  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import MarkdownViewer  # noqa: E402

from tui_reader.corpus.loading import parse_document  # noqa: E402
from tui_reader.ui.reader import ReaderView  # noqa: E402

SEED_GUIDE = ROOT / "seeds" / "003_367f1510271e3cf2.txt"
SCREEN = (120, 40)
POLL = 0.005
PAGEDOWN_GAP = 0.03
GOAL_FULL_RATIO = 20.0
GOAL_FIRST_SCREEN_GROWTH = 2.0
GOAL_PAGEDOWN_MS = 16.0


# --- documents ---------------------------------------------------------------------


@dataclass
class Material:
    sentences: list[str]
    items: list[str]
    titles: list[str]
    phrases: list[str]


def guide_material(text: str) -> Material:
    """Sentences, list items and headings of the seed guide, to build documents from."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    sentences, items, titles = [], [], []
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith(("|", "```", "---")):
            continue
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            if title and title.lower() != "table of contents":
                titles.append(title)
        elif line.startswith("- ") and "](#" not in line:
            items.append(line[2:].strip())
        elif re.match(r"\d+\. ", line):
            items.append(line.split(" ", 1)[1])
        elif "](#" not in line:
            for sentence in re.split(r"(?<=[.!?])\s+", line):
                if len(sentence) > 20 and not sentence.rstrip().endswith((":", ":**")):
                    sentences.append(sentence if sentence[-1] in ".!?\"" else sentence + ".")
    phrases = sorted({clip(re.sub(r'[*_`"]', "", item).split(":")[0], 40) for item in items if len(item) > 8})
    return Material(sentences, items, titles, phrases)


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text.strip()
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:&+-(") or text[:limit]


CODE_NAMES = ["stream_session", "rank_titles", "encode_ladder", "route_edge", "score_member", "shard_catalog"]
INLINE_CODE = ["`kubectl rollout status`", "`retry_budget=3`", "`EVCache`", "`p99 < 120ms`", "`zuul.filters`", "`--canary 5%`"]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


class DocumentWriter:
    """Builds a realistic Markdown document from the guide's material."""

    def __init__(self, material: Material, rng: random.Random, small: bool) -> None:
        self.m = material
        self.rng = rng
        self.small = small
        self.part = 0

    def phrase(self) -> str:
        return self.rng.choice(self.m.phrases)

    def decorate(self, text: str) -> str:
        """Add emphasis, a link and inline code to a run of text."""
        rng = self.rng
        words = text.split(" ")
        plain = [i for i, word in enumerate(words[:-1]) if i and word.isalpha()]
        if len(plain) >= 3:
            i = rng.choice(plain)
            words[i] = f"*{words[i]}*"
            j = rng.choice([k for k in plain if k != i and k + 1 != i and words[k + 1].isalpha()] or [i])
            if j != i:
                label = " ".join(words[j : j + 2])
                words[j : j + 2] = [f"[{label}](https://example.com/netflix/{slug(label)})"]
        if rng.random() < 0.5:
            words.insert(rng.randrange(1, len(words)), rng.choice(INLINE_CODE))
        return " ".join(words)

    def paragraph(self, lo: int, hi: int) -> str:
        count = self.rng.randint(lo, hi)
        pool = [s for s in self.m.sentences if len(s) < 110] if self.small else self.m.sentences
        return self.decorate(" ".join(self.rng.choice(pool) for _ in range(count)))

    def title(self) -> str:
        return self.rng.choice(self.m.titles)

    def heading_section(self) -> str:
        self.part += 1
        paragraphs = [self.paragraph(1, 1)] if self.small else [self.paragraph(2, 5) for _ in range(self.rng.randint(1, 3))]
        return f"## Part {self.part}: {self.title()}\n\n" + "\n\n".join(paragraphs)

    def nested_list(self) -> str:
        rng = self.rng
        lines = [f"### {self.title()}", ""]
        for _ in range(2 if self.small else rng.randint(3, 6)):
            lines.append(f"- {self.decorate(rng.choice(self.m.items))}" if not self.small else f"- {clip(rng.choice(self.m.items), 60)}")
            for k in range(1 if self.small else rng.randint(0, 3)):
                lines.append(f"  - {clip(rng.choice(self.m.items), 60 if self.small else 200)}")
                if not self.small and rng.random() < 0.4:
                    for n in range(1, rng.randint(2, 3) + 1):
                        lines.append(f"    {n}. {rng.choice(self.m.items)}")
        return "\n".join(lines)

    def ordered_list(self) -> str:
        rng = self.rng
        lines = [f"#### {self.title()}", ""]
        for n in range(1, rng.randint(3, 6) + 1):
            lines.append(f"{n}. **{self.phrase()}**: {rng.choice(self.m.sentences)}")
            if rng.random() < 0.5:
                lines.append(f"   - {rng.choice(self.m.items)}")
        return "\n".join(lines)

    def table(self) -> str:
        rng = self.rng
        rows = 2 if self.small else rng.randint(3, 8)
        lines = ["| Area | Signal | Weight | Notes |", "|------|--------|-------:|-------|"]
        for _ in range(rows):
            notes = clip(rng.choice(self.m.items), 70) if not self.small else clip(self.phrase(), 20)
            area = clip(self.phrase(), 24)
            lines.append(f"| **{area}** | {clip(self.phrase(), 30)} | {rng.randint(5, 40)}% | {notes} |")
        heading = f"#### {self.title()} at a glance\n\n" if not self.small else ""
        return heading + "\n".join(lines)

    def code(self) -> str:
        rng = self.rng
        kind = rng.choice(["python", "yaml", "bash"]) if not self.small else "python"
        name = rng.choice(CODE_NAMES)
        if kind == "python":
            body = [f"def {name}(member_id: str, region: str = \"us-east-1\") -> dict:"]
            if not self.small:
                body.append(f'    """{clip(re.sub(r"[*`]", "", rng.choice(self.m.sentences)), 70)}"""')
            for i in range(1 if self.small else rng.randint(3, 10)):
                body.append(f"    score_{i} = weight({i}) * signal(member_id, {rng.randint(1, 99)})")
            body.append("    return {\"member\": member_id, \"region\": region}")
        elif kind == "yaml":
            body = [f"service: {name.replace('_', '-')}", "replicas: 12", "canary:"]
            for i in range(rng.randint(2, 6)):
                body.append(f"  - stage: {i}\n    traffic: {5 * (i + 1)}%\n    alarm: error-rate>{rng.randint(1, 5)}%")
        else:
            body = [f"# {self.phrase()}", f"spinnaker deploy --app {name} --strategy red-black"]
            for i in range(rng.randint(1, 4)):
                body.append(f"curl -s https://api.example.com/v1/{name}/{i} | jq '.status'")
        return f"```{kind}\n" + "\n".join(body) + "\n```"

    def quote(self) -> str:
        return f"> {self.paragraph(1, 2)}\n>\n> — *{self.phrase()}*"

    def document(self, target: int) -> str:
        parts = [f"# {self.title()}: field notes", self.paragraph(1, 1) if self.small else self.paragraph(3, 5)]
        units: list[Callable[[], str]] = [self.heading_section, self.nested_list, self.table, self.code]
        if not self.small:
            units += [self.quote, self.ordered_list]
        order = list(units)
        while order or len("\n\n".join(parts).encode()) < target:
            unit = order.pop(0) if order else self.rng.choice(units + [self.heading_section, self.nested_list])
            parts.append(unit())
        return "\n\n".join(parts) + "\n"


@dataclass
class DocSpec:
    label: str
    kb: float  # nominal size, for the stock cap
    path: Path
    text: str

    @property
    def size(self) -> int:
        return len(self.text.encode())


def make_documents(folder: Path, quick: bool) -> list[DocSpec]:
    seed_text = SEED_GUIDE.read_text(encoding="utf-8")
    material = guide_material(seed_text)
    specs = []
    wanted = [("1 KB", 1, 1024), ("20 KB (seed)", 20, None), ("100 KB", 100, 100 * 1024), ("1 MB", 1024, 1024 * 1024)]
    if quick:
        wanted = wanted[:2]
    for label, kb, target in wanted:
        if target is None:
            text = seed_text
            path = folder / SEED_GUIDE.name
        else:
            writer = DocumentWriter(material, random.Random(f"bench-{kb}"), small=target < 4096)
            text = writer.document(target)
            path = folder / f"generated_{kb}kb.md"
        path.write_text(text, encoding="utf-8")
        specs.append(DocSpec(label, kb, path, text))
    return specs


# --- virtual terminal --------------------------------------------------------------

_TOKENS = re.compile(
    r"\x1b\[(\d+);(\d+)H"  # cursor move (1-based row;column)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC (hyperlinks)
    r"|\x1b\[[0-9;:?<=>]*[ -/]*[@-~]"  # other CSI (colours)
    r"|\x1b[@-Z\\-_]"
    r"|\n"
    r"|[^\x1b\n]+"
)


class VirtualTerminal:
    """Just enough of a terminal to know which text is where."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.rows = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def put(self, text: str) -> None:
        if not (0 <= self.y < self.height):
            self.x += cell_len(text)
            return
        row = self.rows[self.y]
        for char in text:
            width = cell_len(char)
            if width == 0:
                continue
            if 0 <= self.x < self.width:
                row[self.x] = char
                if width == 2 and self.x + 1 < self.width:
                    row[self.x + 1] = ""
            self.x += width

    def feed(self, data: str) -> None:
        for match in _TOKENS.finditer(data):
            token = match.group()
            if match.group(1) is not None:
                self.y, self.x = int(match.group(1)) - 1, int(match.group(2)) - 1
            elif token == "\n":
                self.y += 1
                self.x = 0
            elif token[0] != "\x1b":
                self.put(token)

    def text(self, y: int, x0: int, x1: int) -> str:
        return "".join(self.rows[y][x0:x1]).rstrip()


def strip_row_text(strip: Any, width: int) -> list[str]:
    terminal = VirtualTerminal(width, 1)
    terminal.put("".join(segment.text for segment in strip if not segment.control))
    return terminal.rows[0]


def line_text(line: list[Any]) -> str:
    """A rendered line's text (compared stripped: the reader may add a gutter)."""
    return "".join(segment.text for segment in line).rstrip()


# --- harness -----------------------------------------------------------------------


@dataclass
class Frame:
    t: float
    data: str
    probe: tuple
    emit: float = 0.0
    """Seconds spent turning the update into terminal output (render_segments)."""


class BenchApp(App):
    """Records every frame Textual would write to the terminal."""

    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"
        self.frames: list[Frame] = []
        self.recording = False
        self.keep_data = True
        self.probe: Callable[[], tuple] = lambda: ()

    def _display(self, screen: Any, renderable: Any) -> None:  # noqa: D401 - Textual hook
        if renderable is None or self._batch_count or not isinstance(renderable, CompositorUpdate):
            return
        started = time.perf_counter()
        data = renderable.render_segments(self.console)  # what a real terminal would receive
        now = time.perf_counter()
        if self.recording:
            self.frames.append(Frame(now, data if self.keep_data else "", self.probe(), now - started))


class ReaderApp(BenchApp):
    def compose(self) -> ComposeResult:
        yield ReaderView(id="reader")


class StockApp(BenchApp):
    def compose(self) -> ComposeResult:
        yield MarkdownViewer(show_table_of_contents=False)


class BenchError(Exception):
    pass


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.pause()
    await asyncio.sleep(0.05)
    gc.collect()


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise BenchError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(POLL)


async def wait_quiet(app: BenchApp, quiet: float, timeout: float) -> None:
    """Wait until no frame has been painted for ``quiet`` seconds."""
    start = time.perf_counter()

    def is_quiet() -> bool:
        last = app.frames[-1].t if app.frames else start
        return time.perf_counter() - max(last, start) >= quiet

    await wait_until(is_quiet, timeout, "the screen to be quiet")


def final_screen(app: BenchApp) -> list[list[str]]:
    width, _ = SCREEN
    return [strip_row_text(strip, width) for strip in app.screen._compositor.render_strips()]


def first_screen_time(frames: list[Frame], expected: list[list[str]], x0: int, x1: int, since: int = 0) -> tuple[int, float] | None:
    """Index and time of the first frame after which the screen's content area shows
    ``expected`` (replaying every recorded frame on a virtual terminal)."""
    width, height = SCREEN
    terminal = VirtualTerminal(width, height)
    wanted = ["".join(row[x0:x1]).rstrip() for row in expected]
    for index, frame in enumerate(frames):
        terminal.feed(frame.data)
        if index < since:
            continue
        if all(terminal.text(y, x0, x1) == wanted[y] for y in range(height)):
            return index, frame.t
    return None


@dataclass
class RunResult:
    first_ms: float | None = None
    show_ms: float | None = None
    """tui-reader: how long ``reader.show()`` itself took (the synchronous first screen)."""
    complete_ms: float | None = None
    full_ms: float | None = None
    mounted_ms: float | None = None
    parse_ms: float | None = None
    lines: int | None = None
    lines_at_first_frame: int | None = None
    frames: int = 0
    pagedown_ms: list[float] = field(default_factory=list)
    pagedown_gc_ms: list[float] = field(default_factory=list)
    """Time spent in garbage collection (any generation) during each page-down."""
    pagedown_gc_max_ms: list[float] = field(default_factory=list)
    """The longest single garbage collection during each page-down."""
    pagedown_emit_ms: list[float] = field(default_factory=list)
    """Of each page-down: encoding the frame for the terminal (render_segments)."""
    press_ms: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    peak_above_idle_mb: float | None = None
    notes: list[str] = field(default_factory=list)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


async def run_reader(spec: DocSpec, memory: bool, pagedown: int, timeout: float) -> RunResult:
    result = RunResult()
    started = time.perf_counter()
    doc = parse_document(spec.text, spec.path, spec.path.name, spec.path.stem)
    result.parse_ms = ms(time.perf_counter() - started)
    gc.collect()
    if memory:
        tracemalloc.start()
    app = ReaderApp()
    try:
        async with app.run_test(size=SCREEN) as pilot:
            reader = app.query_one(ReaderView)
            await settle(pilot)
            completed_at: list[float] = []
            original_append = reader._append

            def append(blocks: Any, generation: int, complete: bool) -> None:
                original_append(blocks, generation, complete)
                if reader.complete and not completed_at:
                    completed_at.append(time.perf_counter())

            reader._append = append  # type: ignore[method-assign]  # the worker looks it up per batch

            def probe() -> tuple:
                rendered = reader.rendered
                return (len(rendered.lines) if rendered else 0, reader.complete, round(reader.scroll_y), reader.virtual_size.height)

            app.probe = probe
            if memory:
                tracemalloc.reset_peak()
                idle = tracemalloc.get_traced_memory()[0]
            app.recording = True
            app.keep_data = not memory
            t0 = time.perf_counter()
            reader.show(doc)
            result.show_ms = ms(time.perf_counter() - t0)
            if reader.complete and not completed_at:  # rendered synchronously (small document)
                completed_at.append(time.perf_counter())
            await wait_until(lambda: reader.complete, timeout, "reader.complete")
            t_complete = completed_at[0] if completed_at else time.perf_counter()
            result.complete_ms = ms(t_complete - t0)
            assert reader.rendered is not None
            total = len(reader.rendered.lines)
            result.lines = total
            if memory:
                await wait_quiet(app, 0.3, timeout)
                peak = tracemalloc.get_traced_memory()[1]
                result.peak_mb = round(peak / 1e6, 2)
                result.peak_above_idle_mb = round((peak - idle) / 1e6, 2)
                return result

            def painted_full() -> Frame | None:
                for frame in app.frames:
                    if frame.probe[1] and frame.probe[3] == total:
                        return frame
                return None

            try:
                await wait_until(lambda: painted_full() is not None, 2.0, "a frame after completion")
                full_frame = painted_full()
                assert full_frame is not None
                result.full_ms = ms(max(full_frame.t, t_complete) - t0)
            except BenchError:
                result.notes.append("no frame painted after reader.complete within 2 s")
            await asyncio.sleep(0.05)
            await pilot.pause()
            app.recording = False
            result.frames = len(app.frames)
            region = reader.scrollable_content_region
            height = region.height
            expected = final_screen(app)
            found = first_screen_time(app.frames, expected, region.x, region.right)
            if found is None:
                result.notes.append("the top screen was never painted as it finally looks")
            else:
                index, t_first = found
                result.first_ms = ms(t_first - t0)
                result.lines_at_first_frame = app.frames[index].probe[0]
                if result.lines_at_first_frame < min(height, total):
                    result.notes.append(
                        f"first screen painted with only {result.lines_at_first_frame} rendered lines"
                    )
            # Sanity: what is on screen is the document's first rendered lines.
            top = "".join(expected[0][region.x : region.right]).strip()
            if top != line_text(reader.rendered.lines[0]).strip():
                result.notes.append("screen top row differs from rendered line 0")

            if pagedown:
                await measure_pagedown(app, pilot, reader, pagedown, result)
    finally:
        if memory:
            tracemalloc.stop()
    return result


async def measure_pagedown(app: BenchApp, pilot: Any, reader: ReaderView, presses: int, result: RunResult) -> None:
    reader.focus()
    await pilot.pause()
    region = reader.scrollable_content_region
    width, height = SCREEN
    assert reader.rendered is not None
    lines = reader.rendered.lines
    # The virtual terminal starts from the screen as it is now.
    app.frames.clear()
    terminal = VirtualTerminal(width, height)
    for y, row in enumerate(final_screen(app)):
        terminal.rows[y] = row
    app.recording = True
    collections: list[tuple[float, float]] = []
    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections.append((gc_started[0], time.perf_counter()))

    gc.callbacks.append(on_gc)
    try:
        await _pagedown_presses(app, pilot, reader, presses, result, terminal, region, lines, collections)
    finally:
        gc.callbacks.remove(on_gc)
        app.recording = False


async def _pagedown_presses(app, pilot, reader, presses, result, terminal, region, lines, collections) -> None:  # type: ignore[no-untyped-def]
    for _ in range(presses):
        await asyncio.sleep(PAGEDOWN_GAP)
        before = round(reader.scroll_y)
        count = len(app.frames)
        t0 = time.perf_counter()
        await pilot.press("pagedown")
        result.press_ms.append(ms(time.perf_counter() - t0))
        await wait_until(lambda: round(reader.scroll_y) != before, 2.0, "page-down to scroll")
        target = round(reader.scroll_y)
        top_text = line_text(lines[target]).strip()
        bottom_index = target + region.height - 1
        bottom_text = line_text(lines[bottom_index]).strip() if bottom_index < len(lines) else ""

        def shown() -> Frame | None:
            nonlocal count
            while count < len(app.frames):
                frame = app.frames[count]
                count += 1
                terminal.feed(frame.data)
                if (
                    terminal.text(region.y, region.x, region.right).strip() == top_text
                    and terminal.text(region.y + region.height - 1, region.x, region.right).strip() == bottom_text
                ):
                    return frame
            return None

        seen: list[Frame] = []

        def check() -> bool:
            frame = shown()
            if frame is not None:
                seen.append(frame)
            return bool(seen)

        await wait_until(check, 2.0, "the next page to be painted")
        painted = seen[0].t
        result.pagedown_ms.append(ms(painted - t0))
        result.pagedown_emit_ms.append(ms(seen[0].emit))
        pauses = [min(end, painted) - max(start, t0) for start, end in collections if end > t0 and start < painted]
        result.pagedown_gc_ms.append(ms(sum(pauses)))
        result.pagedown_gc_max_ms.append(ms(max(pauses, default=0.0)))


async def run_stock(spec: DocSpec, memory: bool, timeout: float) -> RunResult:
    result = RunResult()
    gc.collect()
    if memory:
        tracemalloc.start()
    app = StockApp()
    try:
        async with app.run_test(size=SCREEN) as pilot:
            viewer = app.query_one(MarkdownViewer)
            markdown = viewer.document
            await settle(pilot)

            def probe() -> tuple:
                return (len(markdown.children), viewer.virtual_size.height, round(viewer.scroll_y))

            app.probe = probe
            if memory:
                tracemalloc.reset_peak()
                idle = tracemalloc.get_traced_memory()[0]
            app.recording = True
            app.keep_data = not memory
            t0 = time.perf_counter()
            update = asyncio.ensure_future(markdown.update(spec.text))
            await asyncio.wait_for(update, timeout)
            t_mounted = time.perf_counter()
            result.mounted_ms = ms(t_mounted - t0)
            result.lines = len(markdown.children)  # blocks, for the stock widget
            if memory:
                await wait_quiet(app, 0.5, timeout)
                peak = tracemalloc.get_traced_memory()[1]
                result.peak_mb = round(peak / 1e6, 2)
                result.peak_above_idle_mb = round((peak - idle) / 1e6, 2)
                return result
            # Let the final layout be painted (naturally, by the screen's update timer:
            # it may already have been, before update() returned), then learn the
            # final virtual height.
            await wait_quiet(app, 0.5, timeout)
            final_height = viewer.virtual_size.height
            blocks = len(markdown.children)
            full_frame = next(
                (f for f in app.frames if f.probe[0] == blocks and f.probe[1] == final_height), None
            )
            if full_frame is None:
                result.notes.append("no frame with the final layout")
            else:
                result.full_ms = ms(max(full_frame.t, t_mounted) - t0)
            app.recording = False
            result.frames = len(app.frames)
            region = viewer.scrollable_content_region
            expected = final_screen(app)
            found = first_screen_time(app.frames, expected, region.x, region.right)
            if found is None:
                result.notes.append("the top screen was never painted as it finally looks")
            else:
                result.first_ms = ms(found[1] - t0)
    finally:
        if memory:
            tracemalloc.stop()
    return result


# --- running and reporting ---------------------------------------------------------


def median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 3) if present else None


def summarise(runs: list[RunResult]) -> dict[str, Any]:
    return {
        "first_ms": median([r.first_ms for r in runs]),
        "show_ms": median([r.show_ms for r in runs]),
        "complete_ms": median([r.complete_ms for r in runs]),
        "full_ms": median([r.full_ms for r in runs]),
        "mounted_ms": median([r.mounted_ms for r in runs]),
        "parse_ms": median([r.parse_ms for r in runs]),
        "runs": len(runs),
    }


async def measure(specs: list[DocSpec], args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    results: dict[str, Any] = {"documents": [], "errors": []}
    for spec in specs:
        entry: dict[str, Any] = {"label": spec.label, "bytes": spec.size, "nominal_kb": spec.kb}
        is_big = spec.kb >= 1024
        reader_runs: list[RunResult] = []
        for run in range(args.runs):
            try:
                result = await run_reader(spec, memory=False, pagedown=args.presses if is_big else 0, timeout=args.timeout)
            except Exception as error:  # noqa: BLE001 - report and go on
                results["errors"].append(f"tui-reader {spec.label} run {run + 1}: {error!r}")
                traceback.print_exc()
                continue
            reader_runs.append(result)
            note = f" [{'; '.join(result.notes)}]" if result.notes else ""
            log(
                f"  tui-reader {spec.label:>12} run {run + 1}: parse {result.parse_ms:.1f} ms, "
                f"show() {fmt(result.show_ms)} ms, first {fmt(result.first_ms)} ms, complete {fmt(result.complete_ms)} ms, "
                f"full {fmt(result.full_ms)} ms, {result.lines} lines"
                + (f", page-down median {median(result.pagedown_ms)} ms" if result.pagedown_ms else "")
                + note
            )
        entry["reader"] = {"summary": summarise(reader_runs), "runs": [r.__dict__ for r in reader_runs]}
        if is_big and reader_runs:
            presses = [p for r in reader_runs for p in r.pagedown_ms]
            in_gc = [g for r in reader_runs for g in r.pagedown_gc_ms]
            longest_gc = [g for r in reader_runs for g in r.pagedown_gc_max_ms]
            entry["reader"]["pagedown"] = {
                "median_without_gc_ms": median([p - g for p, g in zip(presses, in_gc)]),
                "median_gc_ms": median(in_gc),
                "median_emit_ms": median([e for r in reader_runs for e in r.pagedown_emit_ms]),
                "presses_over_goal": sum(1 for p in presses if p >= GOAL_PAGEDOWN_MS),
                "presses_with_gc_pause_over_10ms": sum(1 for g in longest_gc if g >= 10),
                "max_gc_ms": max(longest_gc) if longest_gc else None,
                "median_ms": median(presses),
                "p90_ms": round(sorted(presses)[int(0.9 * (len(presses) - 1))], 3) if presses else None,
                "max_ms": max(presses) if presses else None,
                "presses": len(presses),
                "press_call_median_ms": median([p for r in reader_runs for p in r.press_ms]),
            }
        if not args.skip_memory:
            try:
                mem = await run_reader(spec, memory=True, pagedown=0, timeout=args.timeout)
                entry["reader"]["memory"] = {"peak_mb": mem.peak_mb, "peak_above_idle_mb": mem.peak_above_idle_mb}
                log(f"  tui-reader {spec.label:>12} memory: peak {mem.peak_mb} MB ({mem.peak_above_idle_mb} MB above idle app)")
            except Exception as error:  # noqa: BLE001
                results["errors"].append(f"tui-reader {spec.label} memory run: {error!r}")
                traceback.print_exc()

        if spec.kb > args.stock_max_kb:
            entry["stock"] = None
            log(f"  stock      {spec.label:>12}: not measured (> cap of {args.stock_max_kb} KB)")
        else:
            stock_runs_n = args.stock_runs if args.stock_runs else (3 if spec.kb >= 100 else args.runs)
            stock_runs: list[RunResult] = []
            for run in range(stock_runs_n):
                try:
                    result = await run_stock(spec, memory=False, timeout=args.timeout)
                except Exception as error:  # noqa: BLE001
                    results["errors"].append(f"stock {spec.label} run {run + 1}: {error!r}")
                    traceback.print_exc()
                    continue
                stock_runs.append(result)
                note = f" [{'; '.join(result.notes)}]" if result.notes else ""
                log(
                    f"  stock      {spec.label:>12} run {run + 1}: first {fmt(result.first_ms)} ms, "
                    f"update() returned {fmt(result.mounted_ms)} ms, full {fmt(result.full_ms)} ms, "
                    f"{result.lines} blocks{note}"
                )
            entry["stock"] = {"summary": summarise(stock_runs), "runs": [r.__dict__ for r in stock_runs]}
            if not args.skip_memory:
                try:
                    mem = await run_stock(spec, memory=True, timeout=args.timeout)
                    entry["stock"]["memory"] = {"peak_mb": mem.peak_mb, "peak_above_idle_mb": mem.peak_above_idle_mb}
                    log(f"  stock      {spec.label:>12} memory: peak {mem.peak_mb} MB ({mem.peak_above_idle_mb} MB above idle app)")
                except Exception as error:  # noqa: BLE001
                    results["errors"].append(f"stock {spec.label} memory run: {error!r}")
                    traceback.print_exc()
        results["documents"].append(entry)
    return results


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def report(results: dict[str, Any], args: argparse.Namespace) -> list[str]:
    out = []
    head = (
        f"{'document':<13}{'bytes':>9} {'parse':>8} {'TR first':>9} {'TR compl':>9} {'TR full':>9}"
        f" {'ST first':>9} {'ST full':>10} {'first x':>8} {'full x':>8}"
    )
    out.append("Times in ms, medians. TR = tui-reader ReaderView, ST = stock Textual MarkdownViewer.")
    out.append("parse = tui-reader parse_document(), done BEFORE timing starts (not included in TR columns).")
    out.append("TR compl = until reader.complete; full = all content rendered and painted with the final layout.")
    out.append("first x / full x = stock time / tui-reader time (higher = tui-reader faster).")
    out.append("")
    out.append(head)
    out.append("-" * len(head))
    for entry in results["documents"]:
        tr = entry["reader"]["summary"]
        st = entry["stock"]["summary"] if entry["stock"] else None
        runs = f"{tr['runs']}"
        if st:
            line = (
                f"{entry['label']:<13}{entry['bytes']:>9} {fmt(tr['parse_ms']):>8} {fmt(tr['first_ms']):>9}"
                f" {fmt(tr['complete_ms']):>9} {fmt(tr['full_ms']):>9} {fmt(st['first_ms']):>9} {fmt(st['full_ms']):>10}"
                f" {fmt(ratio(st['first_ms'], tr['first_ms'])):>8} {fmt(ratio(st['full_ms'], tr['full_ms'])):>8}"
            )
            runs += f"/{st['runs']}"
        else:
            line = (
                f"{entry['label']:<13}{entry['bytes']:>9} {fmt(tr['parse_ms']):>8} {fmt(tr['first_ms']):>9}"
                f" {fmt(tr['complete_ms']):>9} {fmt(tr['full_ms']):>9}  stock: not measured (> cap {args.stock_max_kb} KB)"
            )
        out.append(line + f"   runs {runs}")
    out.append("")
    out.append("Peak memory (tracemalloc, one extra untimed run each): peak MB during the run / MB above the idle app")
    if args.skip_memory:
        out.append("  skipped (--skip-memory)")
    for entry in results["documents"] if not args.skip_memory else []:
        tr_mem = entry["reader"].get("memory")
        st_mem = entry["stock"].get("memory") if entry["stock"] else None
        tr_text = f"{tr_mem['peak_mb']:.1f} / {tr_mem['peak_above_idle_mb']:.1f}" if tr_mem else "n/a"
        st_text = f"{st_mem['peak_mb']:.1f} / {st_mem['peak_above_idle_mb']:.1f}" if st_mem else ("not measured" if entry["stock"] is None else "n/a")
        out.append(f"  {entry['label']:<13} tui-reader {tr_text:>16}    stock {st_text:>16}")
    big = next((e for e in results["documents"] if e["nominal_kb"] >= 1024), None)
    pd = big["reader"].get("pagedown") if big else None
    if pd:
        out.append("")
        out.append(
            f"Page-down on 1 MB (tui-reader, {pd['presses']} presses): key -> next page painted median "
            f"{fmt(pd['median_ms'], 2)} ms, p90 {fmt(pd['p90_ms'], 2)} ms, max {fmt(pd['max_ms'], 2)} ms;"
        )
        out.append(
            f"  {pd['presses_over_goal']} of {pd['presses']} presses took >= {GOAL_PAGEDOWN_MS:.0f} ms. Median time inside "
            f"garbage collection per press {fmt(pd['median_gc_ms'], 2)} ms (median without it "
            f"{fmt(pd['median_without_gc_ms'], 2)} ms);"
        )
        out.append(
            f"  {pd['presses_with_gc_pause_over_10ms']} presses contained a single GC pause >= 10 ms (longest "
            f"{fmt(pd['max_gc_ms'], 1)} ms). Encoding the frame for the terminal: median {fmt(pd['median_emit_ms'], 2)} ms per press."
        )
    out.append("")
    out.append("Goals:")
    docs = {e["nominal_kb"]: e for e in results["documents"]}
    goals: dict[str, Any] = {}
    seed = docs.get(20)
    if seed and seed["stock"]:
        r = ratio(seed["stock"]["summary"]["full_ms"], seed["reader"]["summary"]["full_ms"])
        met = r is not None and r >= GOAL_FULL_RATIO
        goals["seed_full_render_20x"] = {"ratio": r, "met": met}
        out.append(f"  (1) seed guide full render >= {GOAL_FULL_RATIO:.0f}x faster than stock: {fmt(r, 1)}x -> {'MET' if met else 'NOT MET'}")
    else:
        out.append("  (1) seed guide full render >= 20x faster than stock: not measured")
    small, big_doc = docs.get(1), docs.get(1024)
    if small and big_doc:
        a, b = small["reader"]["summary"]["first_ms"], big_doc["reader"]["summary"]["first_ms"]
        r = ratio(b, a)
        met = r is not None and r <= GOAL_FIRST_SCREEN_GROWTH
        goals["first_screen_1mb_within_2x_of_1kb"] = {"ratio": r, "met": met}
        out.append(f"  (2) first screen 1 MB within {GOAL_FIRST_SCREEN_GROWTH:.0f}x of 1 KB: {fmt(b)} ms vs {fmt(a)} ms = {fmt(r, 2)}x -> {'MET' if met else 'NOT MET'}")
        lines_small = median([run["lines_at_first_frame"] for run in small["reader"]["runs"]])
        lines_big = median([run["lines_at_first_frame"] for run in big_doc["reader"]["runs"]])
        out.append(
            f"      (of which reader.show() itself: {fmt(big_doc['reader']['summary']['show_ms'])} ms vs "
            f"{fmt(small['reader']['summary']['show_ms'])} ms; lines rendered at the first paint: "
            f"{fmt(lines_big, 0)} vs {fmt(lines_small, 0)})"
        )
    else:
        out.append("  (2) first screen 1 MB within 2x of 1 KB: not measured (needs the 1 KB and 1 MB documents)")
    if pd:
        met = pd["median_ms"] is not None and pd["median_ms"] < GOAL_PAGEDOWN_MS
        goals["pagedown_1mb_under_16ms"] = {"median_ms": pd["median_ms"], "met": met}
        out.append(f"  (3) page-down on 1 MB under {GOAL_PAGEDOWN_MS:.0f} ms median: {fmt(pd['median_ms'], 2)} ms -> {'MET' if met else 'NOT MET'}")
    else:
        out.append("  (3) page-down on 1 MB under 16 ms median: not measured")
    results["goals"] = goals
    if results["errors"]:
        out.append("")
        out.append("Errors:")
        out.extend(f"  {e}" for e in results["errors"])
    notes = sorted(
        {
            f"{w} {e['label']}: {n}"
            for e in results["documents"]
            for w in ("reader", "stock")
            if e.get(w)
            for r in e[w]["runs"]
            for n in r["notes"]
        }
    )
    if notes:
        out.append("")
        out.append("Notes from the runs:")
        out.extend(f"  {n}" for n in notes)
    return out


def source_state() -> str:
    """The commit measured, and whether tui_reader/ had uncommitted changes (read-only git)."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "tui_reader"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head or 'unknown'}{' + uncommitted changes in tui_reader/' if dirty else ''}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 KB and 20 KB only, 3 runs")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size for tui-reader (and stock below 100 KB)")
    parser.add_argument("--stock-runs", type=int, default=None, help="timed runs for the stock widget (default 3 at 100 KB, --runs below)")
    parser.add_argument("--stock-max-kb", type=float, default=100, help="skip the stock widget above this size (default 100)")
    parser.add_argument("--presses", type=int, default=30, help="page-down presses per 1 MB run (default 30)")
    parser.add_argument("--skip-memory", action="store_true", help="no tracemalloc runs")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before one render is given up")
    parser.add_argument("--json", metavar="FILE", help="write all numbers to FILE")
    args = parser.parse_args()
    if args.quick:
        args.runs = 3
        args.stock_runs = args.stock_runs or 3

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        specs = make_documents(Path(folder), args.quick)
        log(f"documents in {folder}: " + ", ".join(f"{s.label} = {s.size} bytes" for s in specs))
        results = asyncio.run(measure(specs, args, log))
    elapsed = time.perf_counter() - started
    results["environment"] = {
        "python": platform.python_version(),
        "textual": textual_version,
        "cpus": os.cpu_count(),
        "screen": list(SCREEN),
        "runs": args.runs,
        "stock_runs": args.stock_runs,
        "stock_max_kb": args.stock_max_kb,
        "quick": args.quick,
        "elapsed_s": round(elapsed, 1),
        "source": source_state(),
    }
    lines = report(results, args)
    lines.append("")
    lines.append(
        f"Python {platform.python_version()}, Textual {textual_version}, {os.cpu_count()} CPUs, "
        f"screen {SCREEN[0]}x{SCREEN[1]}, total {elapsed:.0f} s; tui-reader source {results['environment']['source']}"
    )
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"numbers written to {args.json}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
