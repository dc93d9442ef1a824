"""Corpus scale: start-up, index, search and memory on the shared digests, and how
each figure grows on a synthesized 20,000-document corpus.

    python bench/corpus_bench.py              # the shared corpus and 20,000 documents
    python bench/corpus_bench.py --quick      # the shared corpus only

Every figure is measured in this run against a baseline of the same run:
- load (no cache): parsing every file, the baseline;
- load cold: an empty cache (parse and fill the cache);
- load warm: every file unchanged since the cold run;
- usable list: headless app start until the document list holds every document,
  cold and warm cache;
- index build: the FTS5 index of every section;
- search: 50 queries (10 kinds x 5), median and 95th percentile;
- related: related passages of 50 sections, median;
- peak memory: the process's peak RSS after loading, indexing and searching.
Each timing is the median of --runs runs (3 by default).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import statistics
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


def median_time(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fresh_cache() -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tui-reader-bench-cache-")


async def _usable(folder: Path) -> float:
    from tui_reader.ui.app import ReaderApp
    from tui_reader.ui.documents import DocumentList

    started = time.perf_counter()
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.query_one(DocumentList).option_count == len(app.corpus.documents)
        elapsed = time.perf_counter() - started
        app.workers.cancel_all()
    return elapsed


def usable(folder: Path, runs: int, cold: bool) -> float:
    times = []
    for _ in range(runs):
        os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="tui-reader-bench-data-")
        if cold:
            fresh_cache()
        times.append(asyncio.run(_usable(folder)))
    return statistics.median(times)


def measure(folder: Path, runs: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["load (no cache)"] = median_time(lambda: load_corpus([folder], cache=False), runs)

    def cold() -> None:
        fresh_cache()
        load_corpus([folder])

    figures["load cold"] = median_time(cold, runs)
    figures["load warm"] = median_time(lambda: load_corpus([folder]), runs)
    figures["usable cold"] = usable(folder, runs, cold=True)
    figures["usable warm"] = usable(folder, runs, cold=False)
    corpus = load_corpus([folder])
    from tui_reader.corpus.index import SectionIndex

    figures["index build"] = median_time(lambda: SectionIndex.build(corpus), runs)
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
    figures["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    print(f"{'figure':<18}" + "".join(f"{name:>22}" for name in names))
    keys = [k for k in rows[names[0]] if k not in ("documents", "sections")]
    print(f"{'documents':<18}" + "".join(f"{int(rows[n]['documents']):>22}" for n in names))
    print(f"{'sections':<18}" + "".join(f"{int(rows[n]['sections']):>22}" for n in names))
    for key in keys:
        cells = []
        for name in names:
            value = rows[name][key]
            cells.append(f"{value:.1f}" if "MB" in key else f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms")
        print(f"{key:<18}" + "".join(f"{c:>22}" for c in cells))
    base = rows[names[0]]
    print()
    print(f"warm cache against parsing everything: {base['load (no cache)'] / base['load warm']:.1f}x faster")
    if len(names) > 1:
        big = rows[names[1]]
        growth = big["documents"] / base["documents"]
        print(f"growth with {growth:.1f}x the documents:")
        for key in keys:
            print(f"  {key:<18} x{big[key] / base[key]:.1f}")
    print()
    for key, limit in GOALS.items():
        value = base[key]
        print(f"goal {key} under {limit:g} s on the shared corpus: {value:.3f} s -> {'met' if value < limit else 'NOT met'}")


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
