"""SVG snapshots of each screen (pytest-textual-snapshot).

Textual is pinned exactly, so these only change when the UI does: update them on
purpose with ``pytest --snapshot-update`` after reading the report.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp

from .conftest import COMMENTS, GUIDE, SEEDS, SIZE, SOURCE


def seed_app() -> ReaderApp:
    return ReaderApp(load_corpus([SEEDS]))


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    """A run_before that presses ``keys`` and then lets rendering settle."""

    async def run(pilot: Pilot) -> None:
        await pilot.press(*keys)
        await settle(pilot)

    return run


async def settle(pilot: Pilot) -> None:
    """Wait for background rendering to finish, so the picture does not depend on
    how busy the machine is."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_view_on_the_summary(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=settle)


def test_source_with_its_timestamps(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_source(pilot: Pilot) -> None:
        pilot.app.open_document(SOURCE, "episode-timestamps")  # type: ignore[attr-defined]
        await pilot.press("3")
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=open_source)


def test_comment_with_its_summary_section(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_comment(pilot: Pilot) -> None:
        pilot.app.open_document(COMMENTS, "comment-4")  # type: ignore[attr-defined]
        await pilot.press("2")
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=open_comment)


def test_guide_narrow_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=(100, 30), run_before=pressing(*["G", "enter"]))


def test_filter(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=pressing(*["slash", "n", "e", "t", "f"]))


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=pressing(*["question_mark"]))


FIXTURES = SEEDS.parent / "tests" / "fixtures"


def test_every_markdown_construct(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(load_corpus([FIXTURES / "constructs.md"]))
    assert snap_compare(app, terminal_size=(120, 60), run_before=pressing(*["2"]))


def test_every_markdown_construct_lower_half(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(load_corpus([FIXTURES / "constructs.md"]))
    assert snap_compare(app, terminal_size=(120, 60), run_before=pressing(*["2", "G"]))


def test_guide_table_of_contents(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def contents(pilot: Pilot) -> None:
        pilot.app.open_document(GUIDE)  # type: ignore[attr-defined]
        await pilot.press("2", "t")
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=contents)


def test_search_in_the_guide(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot: Pilot) -> None:
        pilot.app.open_document(GUIDE)  # type: ignore[attr-defined]
        await pilot.press("2", "slash", *"talent")
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=search)


def test_focused_link_in_the_source(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def focus_link(pilot: Pilot) -> None:
        pilot.app.open_document(SOURCE)  # type: ignore[attr-defined]
        await pilot.press("2", "tab", "tab", "tab")
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=focus_link)


def test_bookmarks_list(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def bookmarks(pilot: Pilot) -> None:
        app = pilot.app
        app.open_document(GUIDE, "red-flags-to-avoid")  # type: ignore[attr-defined]
        await pilot.press("2", "b", "m", "a")
        app.open_document(SOURCE, "hiring-of-new-grads")  # type: ignore[attr-defined]
        await pilot.press("b", "B")
        await pilot.pause()
        for bookmark in app.store.bookmarks():  # type: ignore[attr-defined]
            app.store.connection.execute(  # type: ignore[attr-defined]
                "UPDATE bookmarks SET created = '2026-11-22T10:00:00+00:00' WHERE id = ?", (bookmark.id,)
            )
        app.screen.reload()  # type: ignore[attr-defined]
        app.clear_notifications()
        await settle(pilot)

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=bookmarks)


def test_progress_line_while_a_large_corpus_is_indexed(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def indexing(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.post_message(ReaderApp.Progress("Indexing", 640, 1407))
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=indexing)
