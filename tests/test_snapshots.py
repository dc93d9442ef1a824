"""SVG snapshots of each screen (pytest-textual-snapshot).

Textual is pinned exactly, so these only change when the UI does: update them on
purpose with ``pytest --snapshot-update`` after reading the report.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp

from .conftest import COMMENTS, SEEDS, SIZE, SOURCE


def seed_app() -> ReaderApp:
    return ReaderApp(load_corpus([SEEDS]))


def test_main_view_on_the_summary(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE)


def test_source_with_its_timestamps(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_source(pilot: Pilot) -> None:
        pilot.app.open_document(SOURCE, "episode-timestamps")  # type: ignore[attr-defined]
        await pilot.press("3")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=open_source)


def test_comment_with_its_summary_section(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_comment(pilot: Pilot) -> None:
        pilot.app.open_document(COMMENTS, "comment-4")  # type: ignore[attr-defined]
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=open_comment)


def test_guide_narrow_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=(100, 30), press=["G", "enter"])


def test_filter(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE, press=["slash", "n", "e", "t", "f"])


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=SIZE, press=["question_mark"])
