from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.corpus import load_corpus
from tui_reader.ui.app import ReaderApp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SUMMARY = "000_8a679a843d40f975"
SOURCE = "001_fcd5aa9764726396"
COMMENTS = "002_a2ea35e4aae3ff3a"
GUIDE = "003_367f1510271e3cf2"
SIZE = (140, 40)


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every XDG directory at a temporary folder: tests never touch the
    user's own state."""
    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(base / name.lower()))


@pytest.fixture
def seed_app() -> ReaderApp:
    return ReaderApp(load_corpus([SEEDS]))


async def wait_for_workers(app: ReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until no worker runs (one may start another), and what they posted is shown."""
    for _ in range(200):
        await pilot.pause(0.05)
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            return
    raise AssertionError("workers still running after 10 s")
