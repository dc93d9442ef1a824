"""Bookmarks, marks and reading positions: the store, re-attachment, and every key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from tui_reader.corpus import load_corpus
from tui_reader.state import Place, StateStore, default_path
from tui_reader.state.anchoring import attach_all, locate, place_in
from tui_reader.state.exchange import export_json, export_markdown, parse_export
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.bookmarks import BookmarksScreen, NoteScreen
from tui_reader.ui.documents import DocumentsPane

from .conftest import COMMENTS, GUIDE, SEEDS, SIZE, SOURCE, SUMMARY

GUIDE_PATH = "003_367f1510271e3cf2.txt"


# --- the store ------------------------------------------------------------------------


def test_the_store_lives_under_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "tui-reader" / "state.sqlite3"
    store = StateStore()
    store.add_bookmark(Place("a.md", "x", "X"))
    assert (tmp_path / "tui-reader" / "state.sqlite3").exists()
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == 1


def test_toggle_mark_position_and_note(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.db")
    assert store.toggle_bookmark(Place("a.md", "x", "X")) is True
    assert store.toggle_bookmark(Place("a.md", "x", "X")) is False
    assert store.bookmarks() == []
    kept = store.add_bookmark(Place("a.md", "y", "Y"))
    store.set_note(kept.id, "read again")
    store.set_mark("a", Place("a.md", "x"))
    store.set_mark("a", Place("b.md", "z"))  # a mark moves, it is not duplicated
    assert [(b.place.doc_path, b.mark) for b in store.bookmarks()] == [("a.md", None), ("b.md", "a")]
    assert store.bookmarks(include_marks=False)[0].note == "read again"
    store.save_position("a.md", "y", 0.25)
    assert store.position("a.md") == ("y", 0.25)
    reopened = StateStore(tmp_path / "s.db")
    assert reopened.position("a.md") == ("y", 0.25)
    assert len(reopened.bookmarks()) == 2


def test_a_corrupt_database_is_moved_aside_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = StateStore(path)
    assert store.status.persistent
    aside = list(tmp_path.glob("state.sqlite3.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert any(str(aside[0]) in message for message in store.status.messages)
    store.add_bookmark(Place("a.md", "x"))
    assert len(StateStore(path).bookmarks()) == 1


def test_an_unwritable_place_gives_a_warning_and_a_working_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    store = StateStore(blocker / "sub" / "state.sqlite3")
    assert not store.status.persistent
    assert "will not be saved" in store.status.messages[0]
    store.add_bookmark(Place("a.md", "x"))
    assert len(store.bookmarks()) == 1


def test_export_and_import_round_trip_without_duplicates(tmp_path: Path) -> None:
    source = StateStore(tmp_path / "a.db")
    first = source.add_bookmark(Place("g.md", "intro", "Intro [x]", "An *excerpt*", 0.0, "Guide"))
    source.set_note(first.id, "note with [brackets]")
    source.set_mark("q", Place("g.md", "end", "End"))
    exported = export_json(source.bookmarks())
    target = StateStore(tmp_path / "b.db")
    assert target.import_bookmarks(parse_export(exported)) == 2
    assert target.import_bookmarks(parse_export(exported)) == 0
    assert [(b.place.anchor, b.note, b.mark) for b in target.bookmarks()] == [
        ("intro", "note with [brackets]", None),
        ("end", "", "q"),
    ]
    markdown = export_markdown(source.bookmarks())
    assert "## [Guide](g.md)" in markdown
    assert "- [Intro \\[x\\]](g.md#intro), added" in markdown
    assert "Note: note with \\[brackets\\]" in markdown
    with pytest.raises(ValueError):
        parse_export('{"format": "something else"}')
    with pytest.raises(ValueError):
        parse_export("not json")


# --- re-attachment after edits --------------------------------------------------------

GUIDE_TEXT = """# Guide

## Alpha part

Alpha text talks about the first topic at some length.

## Beta part

Beta text covers the second topic in detail, with examples.

## Gamma part

Gamma text closes the guide with a summary of everything.
"""


def _bookmarked(tmp_path: Path, anchor: str) -> tuple[StateStore, Place]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "guide.md").write_text(GUIDE_TEXT)
    doc = load_corpus([tmp_path / "docs"]).documents[0]
    store = StateStore(tmp_path / "s.db")
    place = place_in(doc, anchor)
    assert place is not None
    store.add_bookmark(place)
    return store, place


def test_a_moved_section_keeps_its_bookmark(tmp_path: Path) -> None:
    store, _ = _bookmarked(tmp_path, "beta-part")
    moved = GUIDE_TEXT.replace(
        "## Beta part\n\nBeta text covers the second topic in detail, with examples.\n\n", ""
    ) + "\n## Beta part\n\nBeta text covers the second topic in detail, with examples.\n"
    (tmp_path / "docs" / "guide.md").write_text(moved)
    corpus = load_corpus([tmp_path / "docs"])
    assert attach_all(store, corpus) == {1: "attached"}
    doc = corpus.documents[0]
    assert doc.section("beta-part").line > doc.section("gamma-part").line


def test_a_renamed_heading_is_found_again_by_its_excerpt(tmp_path: Path) -> None:
    store, place = _bookmarked(tmp_path, "beta-part")
    (tmp_path / "docs" / "guide.md").write_text(GUIDE_TEXT.replace("## Beta part", "## Second part, renamed"))
    corpus = load_corpus([tmp_path / "docs"])
    assert locate(corpus.documents[0], place) == "second-part-renamed"
    assert attach_all(store, corpus) == {1: "attached"}
    bookmark = store.bookmarks()[0]
    assert (bookmark.place.anchor, bookmark.place.heading) == ("second-part-renamed", "Second part, renamed")


def test_a_deleted_section_leaves_a_detached_bookmark(tmp_path: Path) -> None:
    store, _ = _bookmarked(tmp_path, "gamma-part")
    text = GUIDE_TEXT[: GUIDE_TEXT.index("## Gamma part")]
    (tmp_path / "docs" / "guide.md").write_text(text)
    corpus = load_corpus([tmp_path / "docs"])
    assert attach_all(store, corpus) == {1: "detached"}
    assert store.bookmarks()[0].place.excerpt.startswith("Gamma text closes")


# --- keys -----------------------------------------------------------------------------


async def test_b_toggles_a_bookmark_shown_in_reader_and_list(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE, "overview")
        await pilot.press("2", "b")
        await pilot.pause()
        assert [b.place.anchor for b in seed_app.store.bookmarks()] == ["overview"]
        assert seed_app.reader.bookmarked == {"overview"}
        line = seed_app.reader.rendered.section_lines["overview"] - round(seed_app.reader.scroll_y)
        assert seed_app.reader.render_line(line).text.startswith("★")
        assert seed_app.query_one(DocumentsPane).counts == {GUIDE: 1}
        await pilot.press("b")
        assert seed_app.store.bookmarks() == []
        assert seed_app.query_one(DocumentsPane).counts == {}


async def test_bookmarks_list_filter_jump_delete_undo_and_note(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE, "overview")
        await pilot.press("2", "b")
        seed_app.open_document(SOURCE, "hiring-of-new-grads")
        await pilot.press("b")
        seed_app.open_document(SUMMARY)
        await pilot.press("B")
        await pilot.pause()
        screen = seed_app.screen
        assert isinstance(screen, BookmarksScreen)
        assert len(screen.shown) == 2
        await pilot.press(*"grads")
        assert [e.section for e in screen.shown] == ["Hiring of new grads"]
        await pilot.press("enter")
        await pilot.pause()
        assert (seed_app.current_doc, seed_app.reader.current_section) == (SOURCE, "hiring-of-new-grads")
        await pilot.press("B", "down", "d")
        assert len(seed_app.store.bookmarks()) == 1
        await pilot.press("u")
        assert len(seed_app.store.bookmarks()) == 2
        await pilot.press("e")
        assert isinstance(seed_app.screen, NoteScreen)
        await pilot.press(*"check this", "enter")
        await pilot.pause()
        assert seed_app.store.bookmarks()[0].note == "check this"
        await pilot.press("escape")
        assert not isinstance(seed_app.screen, BookmarksScreen)


async def test_marks_jump_across_documents_and_quote_quote_returns(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        seed_app.open_document(GUIDE, "red-flags-to-avoid")
        await pilot.press("2", "pagedown", "m", "a")
        mark = seed_app.store.mark("a")
        assert mark is not None and mark.place.doc_path == GUIDE_PATH
        position = seed_app.reader.scroll_y
        seed_app.open_document(COMMENTS, "comment-3")
        await pilot.pause()
        await pilot.press("apostrophe", "a")
        await pilot.pause()
        assert seed_app.current_doc == GUIDE
        assert abs(seed_app.reader.scroll_y - position) <= 1
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert (seed_app.current_doc, seed_app.reader.current_section) == (COMMENTS, "comment-3")
        await pilot.press("apostrophe", "z")  # no such mark: a message, no jump
        await pilot.pause()
        assert seed_app.current_doc == COMMENTS


async def test_reopening_a_document_and_the_app_returns_to_the_place() -> None:
    app = ReaderApp(load_corpus([SEEDS]))
    async with app.run_test(size=SIZE) as pilot:
        app.open_document(GUIDE, "preparation-strategy")
        await pilot.pause()
        app.open_document(SOURCE)
        await pilot.pause()
        app.open_document(GUIDE)
        await pilot.pause()
        assert app.reader.current_section == "preparation-strategy"
        await pilot.press("q")
    again = ReaderApp(load_corpus([SEEDS]))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.current_doc == GUIDE
        assert again.reader.current_section == "preparation-strategy"


async def test_a_corrupt_database_is_reported_in_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "tui-reader").mkdir()
    (tmp_path / "tui-reader" / "state.sqlite3").write_bytes(b"garbage" * 1000)
    app = ReaderApp(load_corpus([SEEDS]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("kept as" in m and "corrupt-" in m for m in messages)
        await pilot.press("2", "b")
        assert len(app.store.bookmarks()) == 1


async def test_mark_keys_do_not_fire_while_typing(seed_app: ReaderApp) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "m", "a", "b", "apostrophe")
        assert seed_app.query_one("#filter", Input).value == "mab'"
        assert seed_app.store.bookmarks() == []


def test_bookmarks_cli_json_lists_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tui_reader.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    corpus = load_corpus([SEEDS])
    store = StateStore()
    store.add_bookmark(place_in(corpus[GUIDE], "overview"))  # type: ignore[arg-type]
    store.add_bookmark(Place("elsewhere.md", "x", "X"))
    assert main(["bookmarks", "--json", "--documents", str(SEEDS)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(b["document"], b["status"]) for b in data["bookmarks"]] == [
        (GUIDE_PATH, "attached"),
        ("elsewhere.md", "not open"),
    ]
