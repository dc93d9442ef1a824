"""Large corpora: documents sketched first and parsed in the background, the index
kept on disk and brought up to date, files changed on disk picked up while reading."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tui_reader.corpus import load_corpus, loading
from tui_reader.corpus.index import SectionIndex
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.progress import ProgressLine

from .conftest import SEEDS, SIZE, SOURCE, SUMMARY, wait_for_workers

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "newsletter-summaries"


def touch(path: Path, text: str) -> None:
    """Write ``text`` with a modification time surely different from before."""
    stamp = path.stat().st_mtime_ns + 10_000_000 if path.exists() else None
    path.write_text(text)
    if stamp is not None:
        os.utime(path, ns=(stamp, stamp))


def listing(corpus) -> list[tuple[str, str, str, str | None]]:  # type: ignore[no-untyped-def]
    """What the documents list shows. A comments dump without URL is titled after
    the page it is found to belong to, once relations are known: left out here."""
    return [(doc.id, "" if doc.kind == "comments" else doc.title, doc.kind, doc.date) for doc in corpus.documents]


@pytest.fixture
def sketch_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "SKETCH_MIN_FILES", 0)


# --- sketches ----------------------------------------------------------------------


def test_sketches_list_what_the_full_parse_finds(sketch_always: None) -> None:
    sketched = load_corpus([SEEDS], defer=True)
    assert len(sketched.pending) == 4
    assert all(doc.text == "" and doc.sections == [] for doc in sketched.pending)
    assert listing(sketched) == listing(load_corpus([SEEDS], cache=False))


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not beside the project")
def test_sketches_of_the_real_digests_match_their_parse(sketch_always: None) -> None:
    files = sorted(SHARED.glob("*.md"))[:150]
    sketched = load_corpus(files, defer=True, cache=False)
    assert listing(sketched) == listing(load_corpus(files, cache=False))


def test_completing_the_sketches_gives_the_parsed_corpus(sketch_always: None) -> None:
    corpus = load_corpus([SEEDS], defer=True)
    assert corpus.relations == []  # found once everything is parsed
    reported: list[tuple[int, int]] = []
    completion = corpus.complete_pending(lambda done, total: reported.append((done, total)))
    assert completion is not None
    corpus.install(completion)
    assert corpus.pending == [] and reported[-1] == (4, 4)
    assert corpus.to_json(related=False) == load_corpus([SEEDS], cache=False).to_json(related=False)
    # ... and the next start finds them all in the cache: nothing is sketched
    assert load_corpus([SEEDS], defer=True).pending == []


def test_a_sketch_opened_early_is_parsed_at_once_and_kept(sketch_always: None) -> None:
    corpus = load_corpus([SEEDS], defer=True)
    doc = corpus.ensure(SOURCE)
    assert doc is not None and doc.complete and len(doc.timestamps) == 20
    completion = corpus.complete_pending()
    assert completion is not None
    corpus.install(completion)
    assert corpus[SOURCE] is doc  # the reader's document object stays the same


def test_completing_stops_when_asked(sketch_always: None) -> None:
    corpus = load_corpus([SEEDS], defer=True)
    assert corpus.complete_pending(stop=lambda: True) is None
    assert len(corpus.pending) == 4


def test_small_corpora_are_parsed_at_once() -> None:
    assert load_corpus([SEEDS], defer=True).pending == []


# --- the index on disk -----------------------------------------------------------


def test_the_index_is_kept_and_only_changed_files_are_indexed_again(tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.md").write_text(f"# {name.upper()}\n\nwords about {name}lion\n")
    first = load_corpus([tmp_path])
    assert first.index_file is not None and first.index_file.parent == Path(os.environ["XDG_CACHE_HOME"]) / "tui-reader"
    first.build_index()
    assert first.index_file.exists()

    touch(tmp_path / "b.md", "# B\n\nnow about zebras\n")
    (tmp_path / "c.md").unlink()
    second = load_corpus([tmp_path])
    index = SectionIndex.open(second.index_file)
    assert index.sync(second.documents) == 1  # only b.md
    assert [hit.doc_id for hit in index.search("zebras")] == ["b"]
    assert index.search("blion") == [] and index.search("clion") == []  # c.md is gone
    assert [hit.doc_id for hit in index.search("alion")] == ["a"]
    assert index.sync(second.documents) == 0


def test_reported_progress_reaches_the_total(tmp_path: Path) -> None:
    for number in range(120):
        (tmp_path / f"{number:03}.md").write_text(f"# Doc {number}\n\ntext {number}\n")
    reported: list[tuple[int, int]] = []
    load_corpus([tmp_path]).build_index(lambda done, total: reported.append((done, total)))
    assert reported[0][0] < reported[-1][0] and reported[-1] == (120, 120)


def test_a_damaged_index_file_is_rebuilt() -> None:
    corpus = load_corpus([SEEDS])
    assert corpus.index_file is not None
    corpus.index_file.parent.mkdir(parents=True, exist_ok=True)
    corpus.index_file.write_bytes(b"not a database at all" * 100)
    assert corpus.build_index().search("keeper")
    assert sqlite3.connect(corpus.index_file).execute("SELECT count(*) FROM files").fetchone()[0] == 4


def test_an_unwritable_index_location_leaves_the_index_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    corpus = load_corpus([SEEDS])
    assert corpus.build_index().search("keeper")


def test_an_index_from_another_parser_version_is_rebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui_reader.corpus import cache

    corpus = load_corpus([SEEDS])
    corpus.build_index()
    assert corpus.index_file is not None
    monkeypatch.setattr(cache, "parser_fingerprint", lambda: "another version")
    index = SectionIndex.open(corpus.index_file)
    assert index.size == 0 and index.sync(corpus.documents) == 4


# --- changes on disk -------------------------------------------------------------


def test_changed_files_are_read_again(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\none\n")
    (tmp_path / "b.md").write_text("# B\n\ntwo\n")
    corpus = load_corpus([tmp_path])
    assert corpus.changed_on_disk() == []
    touch(tmp_path / "b.md", "# B again\n\ntwo\n")
    (tmp_path / "a.md").unlink()  # gone: left as it was
    fresh = corpus.changed_on_disk()
    assert [doc.title for doc in fresh] == ["B again"]
    corpus.replace_documents(fresh)
    assert corpus["b"].title == "B again" and corpus["a"].title == "A"


# --- the app ---------------------------------------------------------------------


async def test_the_list_is_usable_while_documents_are_read(sketch_always: None) -> None:
    app = ReaderApp(load_corpus([SEEDS], defer=True))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_workers(app, pilot)
        assert app.corpus.pending == []
        assert app.corpus.index_ready
        assert app.query_one(ProgressLine).display is False
        # the relations found in the background reach the linked pane
        app.open_document(SUMMARY, "netflixs-engineering-culture")
        await wait_for_workers(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.current_doc == SOURCE


async def test_progress_is_shown_while_indexing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    for number in range(210):  # more than SMALL_CORPUS: indexed in the background
        (tmp_path / f"{number:03}.md").write_text(f"# Doc {number}\n\nsome text about item {number}\n")
    release = threading.Event()
    build = SectionIndex.for_corpus

    def slow_build(corpus, progress=None, stop=None):  # type: ignore[no-untyped-def]
        progress(70, 210)
        release.wait(10)
        return build(corpus, progress, stop)

    monkeypatch.setattr(SectionIndex, "for_corpus", slow_build)
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        progress = app.query_one(ProgressLine)
        for _ in range(100):
            await pilot.pause(0.05)
            if progress.display:
                break
        assert "Indexing 70/210" in str(progress.query_one("#progress-label").render())
        assert not app.corpus.index_ready
        release.set()
        await wait_for_workers(app, pilot)
        assert app.corpus.index_ready and progress.display is False


async def test_a_document_changed_while_another_is_open_is_reloaded_and_reindexed(tmp_path: Path) -> None:
    (tmp_path / "open.md").write_text("# Open\n\nthe one being read\n")
    (tmp_path / "other.md").write_text("# Other\n\nsomething else\n")
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        app.open_document("open")
        app.corpus.build_index()
        touch(tmp_path / "other.md", "# Other, edited\n\nnow it mentions okapis\n")
        app.reload_if_changed()
        await wait_for_workers(app, pilot)
        assert app.corpus["other"].title == "Other, edited"
        assert [hit.doc_id for hit in app.corpus.index.search("okapis")] == ["other"]
        assert app.current_doc == "open"
        assert any("other.md changed on disk" in str(n.message) for n in app._notifications)


async def test_search_opened_while_documents_are_read_answers_once_they_are(
    sketch_always: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from tui_reader.corpus.model import Corpus
    from tui_reader.ui.corpus_search import CorpusSearchScreen

    release = threading.Event()
    complete = Corpus.complete_pending

    def slow_complete(self, progress=None, stop=None):  # type: ignore[no-untyped-def]
        release.wait(10)
        return complete(self, progress, stop)

    monkeypatch.setattr(Corpus, "complete_pending", slow_complete)
    app = ReaderApp(load_corpus([SEEDS], defer=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await pilot.press(*"keeper")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, CorpusSearchScreen)
        assert screen.hits == []
        assert "indexing" in str(screen.query_one("#corpus-count").render())
        release.set()
        for _ in range(100):
            await pilot.pause(0.1)
            if screen.hits:
                break
        assert screen.hits and screen.hits[0].doc_id in {SUMMARY, SOURCE, "003_367f1510271e3cf2"}


def test_indexing_stops_when_asked_and_resumes_later(tmp_path: Path) -> None:
    from tui_reader.corpus.index import Stopped

    for number in range(120):
        (tmp_path / f"{number:03}.md").write_text(f"# Doc {number}\n\ntext about gnu{number}\n")
    corpus = load_corpus([tmp_path])
    calls = iter([False, True])  # one batch, then stop
    with pytest.raises(Stopped):
        corpus.build_index(stop=lambda: next(calls))
    assert not corpus.index_ready
    reported: list[tuple[int, int]] = []
    corpus.build_index(lambda done, total: reported.append((done, total)))
    assert corpus.index_ready and reported[-1][1] == 70  # the first 50 were kept
    assert corpus.index.search("gnu119")
