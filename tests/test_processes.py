"""The real program as a subprocess in a pseudo-terminal: kill -9 while reading, two
instances at once, a corrupt database, an unwritable data directory, edited files."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tui_reader.corpus import load_corpus
from tui_reader.state import StateStore
from tui_reader.state.anchoring import place_in

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


def environment(data_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTEST"))}
    env.update(
        XDG_DATA_HOME=str(data_home),
        XDG_CACHE_HOME=str(data_home / "cache"),
        XDG_CONFIG_HOME=str(data_home / "config"),
        TERM="xterm-256color",
        PYTHONPATH=str(ROOT),
    )
    return env


class Running:
    """``python -m tui_reader`` in a 140x40 pseudo-terminal, its output drained."""

    def __init__(self, data_home: Path, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui_reader", *args],
            stdin=slave, stdout=slave, stderr=slave,
            env=environment(data_home), close_fds=True, start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        wait_for(lambda: b"Documents" in self.output, what="the app to start")
        time.sleep(0.5)

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def send(self, keys: str) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            time.sleep(0.15)

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def quit(self) -> int:
        self.send("q")
        code = self.process.wait(timeout=20)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        os.close(self.master)


def wait_for(condition: Callable[[], object], timeout: float = 30, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    """Read the database as another process would (no store, no migration)."""
    if not db.exists():
        return []
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute(query).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def db_path(data_home: Path) -> Path:
    return data_home / "tui-reader" / "state.sqlite3"


def test_kill_9_while_reading_loses_no_confirmed_bookmark(tmp_path: Path) -> None:
    app = Running(tmp_path)
    try:
        app.send("2b")
        wait_for(lambda: rows(db_path(tmp_path), "SELECT anchor FROM bookmarks"), what="the bookmark")
        app.send("]")
        wait_for(
            lambda: rows(db_path(tmp_path), "SELECT anchor FROM positions WHERE anchor LIKE 'community%'"),
            what="the reading position",
        )
        app.kill()
    finally:
        app.close()
    assert app.process.returncode == -signal.SIGKILL
    store = StateStore(db_path(tmp_path))
    assert [b.place.anchor for b in store.bookmarks()] == ["netflixs-engineering-culture"]
    assert store.position("000_8a679a843d40f975.txt")[0] == "community-discussion-on-netflixs-transparency"  # type: ignore[index]


def test_two_instances_both_keep_their_bookmarks(tmp_path: Path) -> None:
    first = Running(tmp_path)
    second = Running(tmp_path)
    try:
        first.send("2b")
        second.send("2]b")
        wait_for(lambda: len(rows(db_path(tmp_path), "SELECT anchor FROM bookmarks")) == 2, what="both bookmarks")
        assert first.quit() == 0
        assert second.quit() == 0
    finally:
        first.close()
        second.close()
    anchors = sorted(a for (a,) in rows(db_path(tmp_path), "SELECT anchor FROM bookmarks"))
    assert anchors == ["community-discussion-on-netflixs-transparency", "netflixs-engineering-culture"]


def test_a_corrupt_database_is_moved_aside_by_the_real_program(tmp_path: Path) -> None:
    db = db_path(tmp_path)
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not sqlite at all " * 200)
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "bookmarks"],
        capture_output=True, text=True, env=environment(tmp_path), timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0
    assert "kept as" in result.stderr and "Traceback" not in result.stderr
    aside = list(db.parent.glob("state.sqlite3.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"not sqlite at all")
    app = Running(tmp_path)
    try:
        app.send("2b")
        wait_for(lambda: rows(db, "SELECT anchor FROM bookmarks"), what="a bookmark in the new database")
        assert app.quit() == 0
    finally:
        app.close()


def test_an_unwritable_data_directory_still_runs_and_warns(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "bookmarks"],
        capture_output=True, text=True, env=environment(blocker), timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0
    assert "will not be saved" in result.stderr
    app = Running(blocker)
    try:
        app.send("2b")
        time.sleep(1)
        assert app.process.poll() is None  # still running
        assert app.quit() == 0
    finally:
        app.close()
    assert blocker.read_text() == "a file where the data directory should be"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only directory")
def test_a_read_only_data_directory_still_runs_and_warns(tmp_path: Path) -> None:
    (tmp_path / "tui-reader").mkdir()
    (tmp_path / "tui-reader").chmod(0o500)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tui_reader", "bookmarks"],
            capture_output=True, text=True, env=environment(tmp_path), timeout=60, stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0 and "will not be saved" in result.stderr
    finally:
        (tmp_path / "tui-reader").chmod(0o700)


def test_bookmarks_follow_edits_of_the_document(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SEEDS / "003_367f1510271e3cf2.txt").read_text()
    (docs / "guide.md").write_text(text)
    corpus = load_corpus([docs])
    guide = corpus.documents[0]
    store = StateStore(db_path(tmp_path))
    for anchor in ("red-flags-to-avoid", "technical-red-flags", "day-of-interview"):
        store.add_bookmark(place_in(guide, anchor))  # type: ignore[arg-type]
    store.close()
    # Rename one heading, move one section to the top, delete another section.
    edited = text.replace("### Technical Red Flags", "### Engineering Red Flags")
    start = edited.index("## Red Flags to Avoid")
    end = edited.index("## Netflix Success Factors")
    block = edited[start:end]
    edited = edited[:start] + edited[end:]
    edited = edited.replace("## Overview", block + "\n## Overview", 1)
    day = edited.index("### Day of Interview")
    edited = edited[:day] + edited[edited.index("## Final Tips for Success"):]
    (docs / "guide.md").write_text(edited)
    result = subprocess.run(
        [sys.executable, "-m", "tui_reader", "bookmarks", "--json", "--documents", str(docs)],
        capture_output=True, text=True, env=environment(tmp_path), timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    found = {b["heading"]: (b["anchor"], b["status"]) for b in json.loads(result.stdout)["bookmarks"]}
    assert found["Red Flags to Avoid"] == ("red-flags-to-avoid", "attached")
    assert found["Engineering Red Flags"] == ("engineering-red-flags", "attached")
    assert found["Day of Interview"] == ("day-of-interview", "detached")
