"""Corpus scale: start-up, index, search and memory on the shared digests, and how
each figure grows on a synthesized 20,000-document corpus.

    python bench/corpus_bench.py              # the shared corpus and 20,000 documents
    python bench/corpus_bench.py --quick      # the shared corpus only

Every figure is measured in this run against a baseline of the same run:
- load (no cache): parsing every file, the baseline;
- load cold / warm: what the app does at start (``load_corpus(defer=True)``) with an
  empty cache (files only sketched: front matter and first heading) and with every
  file unchanged since the previous run;
- usable list cold / warm: in a fresh process, from its start (imports included)
  until the first frame with every document in the list is handed to the terminal
  (``App._display``);
- all parsed + indexed (cold): from before loading until the background workers have
  parsed every document and built the index (the list is usable all along);
- index build: the FTS5 index of every section into an empty index file; index
  warm: opening that file again and checking that nothing changed;
- search: 50 queries (10 kinds x 5), median and 95th percentile;
- related: related passages of 50 sections, median;
- peak RSS: a separate process runs an app session (start, background parsing and
  indexing, 40 searches, 30 documents opened) with a cold and a warm cache; the
  baseline is the same warm session with the index held in memory (as before the
  index was kept on disk).
Each timing is the median of --runs runs (3 by default).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_reader.corpus import load_corpus  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora" / "newsletter-summaries"
QUERIES = [
    "agent", '"code review"', "typescript", "react*", "kubernetes security",
    "AI agents production", "llm", "rust", "performance", "database migration",
]
GOALS = {"usable warm": 1.0, "usable cold": 2.0, "index build": 15.0, "search p95": 0.050}
MEMORY_GOAL_MB = 200


def median_time(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fresh_cache() -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tui-reader-bench-cache-")


USABLE = """
import time
started = time.perf_counter()
import asyncio, os, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[2])
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.documents import DocumentsPane


class TimedApp(ReaderApp):
    # Notes when the first frame showing every document is handed to the terminal
    # (headless: where it would be). pilot.pause() would not do: it waits for the
    # process to be idle, and the background workers keep it busy.
    usable_at = None

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if self.usable_at is None and renderable is not None and not self._batch_count:
            try:
                listed = len(self.query_one(DocumentsPane).shown)
            except Exception:  # not composed yet
                return
            if listed == len(self.corpus.documents):
                self.usable_at = time.perf_counter()


async def main():
    app = TimedApp(load_corpus([Path(sys.argv[1])], defer=True))
    async with app.run_test(size=(140, 40)) as pilot:
        while app.usable_at is None:
            await asyncio.sleep(0.001)
        usable, indexed = app.usable_at - started, 0.0
        if sys.argv[3] == "indexed":
            while app.corpus.pending or not app.corpus.index_ready:
                await pilot.pause(0.02)
            indexed = time.perf_counter() - started
        app.workers.cancel_all()
    print(usable, indexed)

asyncio.run(main())
"""


def usable(folder: Path, runs: int, cold: bool, until_indexed: bool = False) -> float:
    """Seconds from the start of a fresh process (imports included) to the first
    frame with every document listed, or to every document parsed and indexed."""
    times = []
    for _ in range(runs):
        if cold:
            fresh_cache()
        result = subprocess.run(
            [sys.executable, "-c", USABLE, str(folder), str(ROOT), "indexed" if until_indexed else "list"],
            capture_output=True, text=True, check=True, env=os.environ.copy(),
        )
        first, indexed = (float(value) for value in result.stdout.split()[-2:])
        times.append(indexed if until_indexed else first)
    return statistics.median(times)


SESSION = """
import asyncio, os, resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[2])
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp

async def main():
    corpus = load_corpus([Path(sys.argv[1])], defer=True)
    if sys.argv[3] == "memory":
        corpus.index_file = None
    app = ReaderApp(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        while app.corpus.pending or not app.corpus.index_ready:
            await pilot.pause(0.05)
        for query in ["agent", "llm", "rust", "react*"] * 10:
            app.corpus.index.search(query)
        for doc in app.corpus.documents[:30]:
            app.open_document(doc.id)
            await pilot.pause()
        app.workers.cancel_all()
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would
    # report its (larger) parent's peak.
    status = Path("/proc/self/status").read_text()
    hwm = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
    print(int(hwm[0]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

asyncio.run(main())
"""


def session_rss(folder: Path, cold: bool, index: str = "file") -> float:
    """Peak RSS (MB) of an app session in a fresh process."""
    if cold:
        fresh_cache()
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(folder), str(ROOT), index],
        capture_output=True, text=True, check=True, env=os.environ.copy(),
    )
    return float(result.stdout.split()[-1])


def measure(folder: Path, runs: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["load (no cache)"] = median_time(lambda: load_corpus([folder], cache=False), runs)

    def cold() -> None:
        fresh_cache()
        load_corpus([folder], defer=True)

    figures["load cold"] = median_time(cold, runs)
    fresh_cache()
    load_corpus([folder])  # fills the cache
    figures["load warm"] = median_time(lambda: load_corpus([folder], defer=True), runs)
    figures["usable cold"] = usable(folder, runs, cold=True)
    load_corpus([folder])  # every document parsed into this cache: the next starts are warm
    figures["usable warm"] = usable(folder, runs, cold=False)
    figures["parsed+indexed cold"] = usable(folder, runs, cold=True, until_indexed=True)
    corpus = load_corpus([folder])
    from tui_reader.corpus.index import SectionIndex

    def build() -> None:
        assert corpus.index_file is not None
        for suffix in ("", "-wal", "-shm"):
            Path(f"{corpus.index_file}{suffix}").unlink(missing_ok=True)
        SectionIndex.for_corpus(corpus).connection.close()

    figures["index build"] = median_time(build, runs)
    figures["index warm"] = median_time(lambda: SectionIndex.for_corpus(corpus).connection.close(), runs)
    index = corpus.index
    latencies = []
    for query in QUERIES * 5:
        started = time.perf_counter()
        index.search(query)
        latencies.append(time.perf_counter() - started)
    latencies.sort()
    figures["search median"] = statistics.median(latencies)
    figures["search p95"] = latencies[int(len(latencies) * 0.95) - 1]
    rng = random.Random(7)
    sections = [(doc, section) for doc in corpus.documents for section in doc.sections]
    related = []
    for doc, section in rng.sample(sections, min(50, len(sections))):
        started = time.perf_counter()
        index.related(doc, section)
        related.append(time.perf_counter() - started)
    figures["related median"] = statistics.median(related)
    figures["documents"] = len(corpus.documents)
    figures["sections"] = index.size
    figures["peak RSS MB cold"] = session_rss(folder, cold=True)
    figures["peak RSS MB warm"] = session_rss(folder, cold=False)
    figures["peak RSS MB warm, index in memory"] = session_rss(folder, cold=False, index="memory")
    return figures


def synthesize(target: Path, count: int) -> None:
    """``count`` documents made from the shared digests: each a copy with its title
    and words shuffled a little, so the index is not just 14 times the same rows."""
    sources = sorted(SHARED.glob("*.md"))
    rng = random.Random(11)
    target.mkdir(parents=True)
    for number in range(count):
        text = sources[number % len(sources)].read_text(encoding="utf-8")
        words = text.split(" ")
        for _ in range(20):
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        (target / f"doc-{number:05}.md").write_text(" ".join(words), encoding="utf-8")


def report(rows: dict[str, dict[str, float]]) -> None:
    names = list(rows)
    print(f"{'figure':<34}" + "".join(f"{name:>22}" for name in names))
    keys = [k for k in rows[names[0]] if k not in ("documents", "sections")]
    print(f"{'documents':<34}" + "".join(f"{int(rows[n]['documents']):>22}" for n in names))
    print(f"{'sections':<34}" + "".join(f"{int(rows[n]['sections']):>22}" for n in names))
    for key in keys:
        cells = []
        for name in names:
            value = rows[name][key]
            cells.append(f"{value:.1f}" if "MB" in key else f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms")
        print(f"{key:<34}" + "".join(f"{c:>22}" for c in cells))
    base = rows[names[0]]
    print()
    print(f"warm load against parsing everything: {base['load (no cache)'] / base['load warm']:.1f}x faster")
    print(f"cold load (sketches) against parsing everything: {base['load (no cache)'] / base['load cold']:.1f}x faster")
    print(f"warm index against building it: {base['index build'] / base['index warm']:.0f}x faster")
    print(
        "peak RSS, index on disk against in memory (warm session): "
        f"{base['peak RSS MB warm'] / base['peak RSS MB warm, index in memory']:.2f}x"
    )
    if len(names) > 1:
        big = rows[names[1]]
        growth = big["documents"] / base["documents"]
        print(f"growth with {growth:.1f}x the documents:")
        for key in keys:
            print(f"  {key:<34} x{big[key] / base[key]:.1f}")
    print()
    for key, limit in GOALS.items():
        value = base[key]
        print(f"goal {key} under {limit:g} s on the shared corpus: {value:.3f} s -> {'met' if value < limit else 'NOT met'}")
    peak = max(base["peak RSS MB cold"], base["peak RSS MB warm"])
    print(f"goal peak RSS under {MEMORY_GOAL_MB} MB: {peak:.0f} MB -> {'met' if peak < MEMORY_GOAL_MB else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="the shared corpus only")
    parser.add_argument("--synthetic", type=int, default=20_000)
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"the shared corpus is missing: {SHARED}")
    rows = {"shared corpus": measure(SHARED, args.runs)}
    if not args.quick:
        folder = Path(tempfile.mkdtemp(prefix="tui-reader-bench-"))
        try:
            synthesize(folder / "docs", args.synthetic)
            rows[f"{args.synthetic:,} synthesized"] = measure(folder / "docs", 1)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    report(rows)


if __name__ == "__main__":
    main()
