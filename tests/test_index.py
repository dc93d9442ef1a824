"""The full-text index: related passages on the seeds, corpus search, the CLI and the app."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tui_reader.corpus import load_corpus
from tui_reader.corpus.index import SNIPPET_OPEN, fts_query
from tui_reader.corpus.linked import related_passages
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.corpus_search import CorpusSearchScreen
from tui_reader.ui.linked import LinkedPane

from .conftest import COMMENTS, GUIDE, SEEDS, SIZE, SOURCE, SUMMARY, wait_for_workers

ROOT = Path(__file__).resolve().parent.parent


def related(doc: str, anchor: str) -> list[tuple[str, str]]:
    corpus = load_corpus([SEEDS])
    return [(item.doc_id, item.anchor) for item in related_passages(corpus, doc, anchor)]  # type: ignore[misc]


def test_a_comment_on_conservative_ai_leads_to_the_ai_chapters_and_the_summary() -> None:
    found = related(COMMENTS, "comment-4")
    assert found[:2] == [
        (SOURCE, "4754-ais-highest-impact-use-cases"),
        (SOURCE, "4427-how-ai-tools-are-used-at-netflix"),
    ]
    assert (SUMMARY, "community-discussion-on-netflixs-transparency") in found  # its AI passage


def test_the_keeper_test_chapter_leads_to_the_summary_passage() -> None:
    found = related(SOURCE, "3601-the-keeper-test")
    assert found[0] == (SUMMARY, "netflixs-engineering-culture")


# Sections of the guide on what the Keeper Test is about (keeping only the people you
# would fight to keep, managing out the others, candid feedback instead of reviews);
# the guide never says "Keeper".
GUIDE_ON_PERFORMANCE = {
    "2-high-performance-culture-a-players-only",
    "high-performance-talent-management",
    "3-high-performance-team-building",
    "high-performance-culture",
    "3-candor-feedback-radical-transparency",
    "candor-direct-communication",
}


def test_the_keeper_test_chapter_also_leads_to_the_guide_on_performance_and_feedback() -> None:
    # The summary's passage paraphrases the chapter ("no formal performance reviews,
    # continuous feedback"): fed back, its words find the guide's sections.
    found = related(SOURCE, "3601-the-keeper-test")
    assert found[0] == (SUMMARY, "netflixs-engineering-culture")
    assert any(doc == GUIDE and anchor in GUIDE_ON_PERFORMANCE for doc, anchor in found[:5])


def test_a_passage_leading_on_one_word_is_not_fed_back() -> None:
    # "Open source at Netflix" matches the guide's candor section best, through
    # "openly" alone: feeding it back would fill the list with sections on candor.
    found = related(SOURCE, "5325-open-source-at-netflix")
    assert not {"candor-direct-communication", "demonstrate-direct-communication"} & {a for _, a in found}


def test_the_community_discussion_leads_to_the_comments_on_technical_depth() -> None:
    found = related(SUMMARY, "community-discussion-on-netflixs-transparency")
    assert (COMMENTS, "comment-10") in found
    assert all(doc != SUMMARY for doc, _ in found)


def test_search_words_phrases_and_prefixes() -> None:
    index = load_corpus([SEEDS]).index
    phrase = index.search('"keeper test"')
    assert {hit.doc_id for hit in phrase} == {SOURCE, SUMMARY}
    assert all(SNIPPET_OPEN in hit.snippet for hit in phrase)
    assert index.search("keeper test guide") == []  # every word must match
    prefix = index.search("underperform*")
    assert prefix and {hit.doc_id for hit in prefix} == {GUIDE}
    assert index.search('AND OR ( "unbalanced') is not None  # never raises


def test_fts_query_quotes_words_and_keeps_phrases_and_prefixes() -> None:
    assert fts_query('keeper "test of time" perf*') == '"keeper" AND "test of time" AND "perf"*'
    assert fts_query("c++ AND") == '"c" AND "and"'


def test_search_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "search", "keeper", str(SEEDS), "--json"],
        capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": ""},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["results"][0]["section"] in {"3601-the-keeper-test", "no-formal-performance-review-process"}
    assert all("[keeper]" in r["snippet"].lower() for r in data["results"])


async def test_the_linked_pane_lists_related_passages(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(COMMENTS, "comment-4")
        await pilot.pause()
        await seed_app.workers.wait_for_complete()
        await pilot.pause()
        items = [item for item in seed_app.query_one(LinkedPane).items.values() if item.group == "Related passages"]
        assert items[0].anchor == "4754-ais-highest-impact-use-cases"


async def test_ctrl_f_searches_every_document_and_opens_the_section(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(seed_app.screen, CorpusSearchScreen)
        await pilot.press(*"srecon")
        await seed_app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert {hit.doc_id for hit in seed_app.screen.hits} == {SUMMARY, COMMENTS}
        await pilot.press("enter")
        await pilot.pause()
        assert seed_app.current_doc in {SUMMARY, COMMENTS}
        assert seed_app.reader.search_text == "srecon" and seed_app.reader.matches
        await pilot.press("backspace")
        await pilot.pause()
        assert seed_app.current_doc == SUMMARY


async def test_a_file_changed_on_disk_is_reloaded_keeping_place_and_bookmarks(tmp_path: Path) -> None:
    import os

    body = "\n\n".join(f"## Part {n}\n\n" + "Some words about part %d. " % n * 40 for n in range(1, 9))
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n" + body + "\n")
    app = ReaderApp(load_corpus([tmp_path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_document("notes", "part-5")
        await pilot.press("2", "b", "j", "j")
        assert app.reader.current_section == "part-5"
        path.write_text("# Notes, edited\n\nA new opening paragraph.\n\n" + body.replace("Part 2", "Second part") + "\nzebra\n")
        stamp = path.stat().st_mtime_ns + 10_000_000
        os.utime(path, ns=(stamp, stamp))
        app.reload_if_changed()
        await wait_for_workers(app, pilot)
        assert app.corpus["notes"].title == "Notes, edited"
        assert app.reader.current_section == "part-5"
        assert app.reader.bookmarked == {"part-5"}
        assert "zebra" in "\n".join(line for line in (
            "".join(seg.text for seg in rendered) for rendered in app.reader.rendered.lines))
        assert app.corpus.index.search("zebra")[0].doc_id == "notes"
        assert any("reloaded" in str(n.message) for n in app._notifications)
