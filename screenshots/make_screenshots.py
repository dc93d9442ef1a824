"""Drive the real app on the bundled seeds (and three fixture bundles of other tools'
exports) and save one SVG per screen.

    python screenshots/make_screenshots.py

Writes screenshots/*.svg (shown in the README). Uses a temporary state directory,
so it never touches yours. Two scenes need the 1,407 digests of
``../shared/corpora/newsletter-summaries/`` beside the project; without them they are
skipped (and their old SVGs kept).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

HERE = Path(__file__).resolve().parent
SIZE = (140, 40)
DIGESTS = HERE.parent.parent / "shared" / "corpora" / "newsletter-summaries"
Scene = Callable[[Pilot], Awaitable[None]]


async def main_view(pilot: Pilot) -> None:
    await pilot.press("2")


async def source_timestamps(pilot: Pilot) -> None:
    await pilot.press("s")  # from the summary, one key to its source
    pilot.app.open_document("001_fcd5aa9764726396", "episode-timestamps", remember=False)  # type: ignore[attr-defined]
    await pilot.press("3")
    for _ in range(10):
        await pilot.press("j")


async def comment_and_summary(pilot: Pilot) -> None:
    pilot.app.open_document("002_a2ea35e4aae3ff3a", "comment-4")  # type: ignore[attr-defined]
    await pilot.press("3")


async def filter_documents(pilot: Pilot) -> None:
    await pilot.press("slash", *"comm")


async def bookmarks(pilot: Pilot) -> None:
    app = pilot.app
    app.open_document("003_367f1510271e3cf2", "red-flags-to-avoid")  # type: ignore[attr-defined]
    await pilot.press("2", "b", "m", "a")
    app.open_document("001_fcd5aa9764726396", "hiring-of-new-grads")  # type: ignore[attr-defined]
    await pilot.press("b", "B")
    app.clear_notifications()


async def search_guide(pilot: Pilot) -> None:
    pilot.app.open_document("003_367f1510271e3cf2")  # type: ignore[attr-defined]
    await pilot.press("2", "slash", *"talent", "enter", "n")


async def help_screen(pilot: Pilot) -> None:
    await pilot.press("question_mark")


async def first_run_on_the_digests(pilot: Pilot) -> None:
    """The list is usable while the documents are read behind the progress line."""
    from textual.widgets import ProgressBar

    from tui_reader.ui.documents import DocumentList
    from tui_reader.ui.progress import ProgressLine

    app = pilot.app
    line = app.query_one(ProgressLine)
    for _ in range(400):
        await pilot.pause(0.01)
        if line.display and line.query_one(ProgressBar).progress >= 400:
            break
    app.workers.cancel_all()  # stop here: keys would wait for the busy workers
    app.query_one(DocumentList).highlighted = 12


async def search_the_digests(pilot: Pilot) -> None:
    app = pilot.app
    for _ in range(1200):  # until every document is read and indexed
        await pilot.pause(0.05)
        if not app.corpus.pending and app.corpus.index_ready:  # type: ignore[attr-defined]
            break
    await pilot.press("ctrl+f", *'"code review" agent*')
    await pilot.pause(0.5)
    await pilot.press("down", "down")


BUNDLES = HERE.parent / "tests" / "fixtures" / "bundles"


def _open(pilot: Pilot, relpath: str, anchor: str | None = None) -> None:
    app = pilot.app
    doc = next(d for d in app.corpus.documents if d.relpath == relpath)  # type: ignore[attr-defined]
    app.open_document(doc.id, anchor, remember=False)  # type: ignore[attr-defined]


async def hn_thread_bundle(pilot: Pilot) -> None:
    """A Hacker News page copy beside the episode it discusses and an LLM summary of it."""
    _open(pilot, "hn-45871234.txt", "comment-2")
    await pilot.press("2", "3")


async def youtube_bundle(pilot: Pilot) -> None:
    """A yt-dlp description: its chapters in the linked pane, its comments and summary."""
    _open(pilot, "How Canal Locks Lift a Barge： The Full Flight at Kettleby ｜ Slow Engineering [Qm4xT7vLp2c].description", "episode-timestamps")
    await pilot.press("3", "j", "j", "j", "j")


async def why_screen(pilot: Pilot) -> None:
    _open(pilot, "ep-17-comments.txt")
    await pilot.press("2", "i")


BUNDLE_SCENES: dict[str, tuple[str, Scene]] = {
    "bundle-hn-thread": ("talk-hn-copy", hn_thread_bundle),
    "bundle-youtube": ("pod-youtube-description", youtube_bundle),
    "bundle-why": ("pod-stem-ties", why_screen),
}

SCENES: dict[str, Scene] = {
    "main": main_view,
    "source-timestamps": source_timestamps,
    "comment-summary": comment_and_summary,
    "filter": filter_documents,
    "search": search_guide,
    "bookmarks": bookmarks,
    "help": help_screen,
}
DIGEST_SCENES: dict[str, Scene] = {
    "digests-first-run": first_run_on_the_digests,
    "digests-search": search_the_digests,
}


async def shoot(name: str, scene: Scene, folder: Path | None = None) -> Path:
    from tui_reader.corpus import load_corpus
    from tui_reader.ui.app import ReaderApp

    app = ReaderApp(load_corpus([folder] if folder else [], defer=True))
    async with app.run_test(size=SIZE) as pilot:  # a fresh state directory per scene
        await pilot.pause()
        await scene(pilot)
        await pilot.pause()
        path = HERE / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
        return path


def main() -> None:
    with tempfile.TemporaryDirectory() as state:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            os.environ[variable] = state
        for name, scene in SCENES.items():
            print(asyncio.run(shoot(name, scene)).relative_to(HERE.parent))
        for name, (bundle, scene) in BUNDLE_SCENES.items():
            print(asyncio.run(shoot(name, scene, BUNDLES / bundle)).relative_to(HERE.parent))
        if not DIGESTS.is_dir():
            print("skipped the digest scenes: ../shared/corpora/newsletter-summaries is missing")
            return
        for name, scene in DIGEST_SCENES.items():
            with tempfile.TemporaryDirectory() as cache:  # a first run: nothing cached
                os.environ["XDG_CACHE_HOME"] = cache
                print(asyncio.run(shoot(name, scene, DIGESTS)).relative_to(HERE.parent))


if __name__ == "__main__":
    main()
