"""Random keys, typed fast, over bundles of other tools' exports: threads to walk
and fold, chapters to open, the "why" screen, search, marks and bookmarks. Keys
arrive while screens open and close and workers finish; nothing may raise, and the
app must still answer afterwards."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.documents import DocumentList, FilterInput

from .conftest import SIZE

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOLDERS = [
    FIXTURES / "bundles" / "talk-hn-copy",
    FIXTURES / "bundles" / "pod-spotify-url-once",
    FIXTURES / "heldout4" / "hf-substack-digest-omnivore",
    FIXTURES / "heldout4" / "hf-youtube-clip-comments-keymoments",
    # threads read by their shape alone, a chat of date-and-name heads, chapters from a tab-separated table
    FIXTURES / "heldout15" / "h15b-en-ng-nairaland-punch",
    FIXTURES / "heldout14" / "h14b-zh-bilibili-zhihu-wechat",
    FIXTURES / "heldout16" / "h16a-storygraph-libby-kobo",
    # a live stream's chat and a Discord copy with replies moved to them, a PTT post's pushes
    FIXTURES / "heldout17" / "h17a-kick-discordforum-keep",
    FIXTURES / "heldout17" / "h17b-zh-tw-ptt-firstory",
]
KEYS = {
    # reader and thread keys, often
    "j": 6, "k": 4, "down": 3, "up": 2, "pagedown": 2, "pageup": 1, "home": 1, "end": 1, "g": 1, "G": 1,
    "space": 2, "tab": 4, "shift+tab": 2, "enter": 5, "backspace": 2, "l": 5, "h": 4, "p": 4, "z": 4,
    "left_square_bracket": 3, "right_square_bracket": 3, "c": 3, "s": 3, "o": 2, "y": 1, "b": 2,
    "n": 1, "N": 1, "left": 1, "right": 1, "escape": 6,
    # screens and prompts, now and then
    "i": 2, "question_mark": 1, "B": 1, "m": 1, "a": 1, "apostrophe": 1, "slash": 1, "ctrl+f": 1, "e": 1, "x": 1,
}  # fmt: skip
PRESSES = 200
"""Keys per run: the bound of the loop below."""


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
async def test_random_keys_break_nothing(folder: Path) -> None:
    corpus = load_corpus([folder])
    app = ReaderApp(corpus)
    opened: list[str] = []
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    app.copy_to_clipboard = lambda text: None  # type: ignore[method-assign]
    chance = random.Random(f"soak-{folder.name}")
    keys, weights = list(KEYS), list(KEYS.values())
    async with app.run_test(size=SIZE) as pilot:
        # Start in the reader, on the document with the most to walk (a thread, chapters).
        busiest = max(corpus.documents, key=lambda d: (len(d.comments), len(d.timestamps)))
        app.open_document(busiest.id)
        app.reader.focus()
        for number in range(PRESSES):
            await pilot.press(*chance.choices(keys, weights))
            if number % 40 == 39:
                await pilot.pause()  # let the workers land now and then, not always
        for _ in range(4):  # close whatever is open
            await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        # Still answering: the documents list takes the focus and moves.
        app.query_one(FilterInput).value = ""  # typed letters may have filtered every document out
        documents = app.query_one(DocumentList)
        documents.focus()
        await pilot.pause()
        documents.highlighted = 0
        await pilot.press("down")
        await pilot.pause()
        assert documents.highlighted == min(1, documents.count - 1)
    assert all(url.startswith(("http://", "https://")) for url in opened)
