"""Bookmarks, marks and reading positions in SQLite, under the user data directory.

Every change is committed at once (autocommit, WAL journal), so a killed process
loses nothing it had confirmed, and two instances can write side by side. A corrupt
database is moved aside, never deleted; a data directory that cannot be written to
gives a store in memory and a warning that nothing will be saved.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "tui-reader"
DB_NAME = "state.sqlite3"
SCHEMA_VERSION = 1

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        doc_path TEXT NOT NULL,
        doc_title TEXT NOT NULL DEFAULT '',
        anchor TEXT NOT NULL,
        heading TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        fraction REAL NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        mark TEXT UNIQUE
    );
    CREATE UNIQUE INDEX bookmarks_section ON bookmarks (doc_path, anchor) WHERE mark IS NULL;
    CREATE TABLE positions (
        doc_path TEXT PRIMARY KEY,
        anchor TEXT,
        fraction REAL NOT NULL DEFAULT 0,
        updated TEXT NOT NULL
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
}


def default_path() -> Path:
    """``$XDG_DATA_HOME/tui-reader/state.sqlite3`` (platformdirs' user data dir)."""
    return user_data_path(APP_NAME, appauthor=False) / DB_NAME


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Place:
    """A position in a document that survives edits: the document's path within the
    corpus, the section anchor, its heading text and an excerpt to find it again, and
    how far into the section (0..1) the position is."""

    doc_path: str
    anchor: str
    heading: str = ""
    excerpt: str = ""
    fraction: float = 0.0
    doc_title: str = ""


@dataclass(frozen=True)
class Bookmark:
    id: int
    place: Place
    note: str
    created: str
    mark: str | None = None
    """A letter for a named mark (``m{a-z}``), None for a section bookmark."""

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.place.doc_path,
            "title": self.place.doc_title,
            "anchor": self.place.anchor,
            "heading": self.place.heading,
            "excerpt": self.place.excerpt,
            "fraction": self.place.fraction,
            "note": self.note,
            "created": self.created,
            "mark": self.mark,
        }


@dataclass
class StoreStatus:
    path: Path | None
    persistent: bool = True
    messages: list[str] = field(default_factory=list)


class StateStore:
    """The one place the app's state is read and written."""

    def __init__(self, path: Path | None = None) -> None:
        self.status = StoreStatus(path or default_path())
        self.connection = self._open(self.status.path)  # type: ignore[arg-type]

    # --- opening -----------------------------------------------------------------------

    def _connect(self, path: Path | str) -> sqlite3.Connection:
        connection = sqlite3.connect(str(path), timeout=10, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA busy_timeout = 10000")
        return connection

    def _open(self, path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
                raise PermissionError(f"{path.parent} is not writable")
        except OSError as error:
            return self._in_memory(f"cannot write to {path.parent} ({error.strerror or error})")
        try:
            connection = self._connect(path)
            self._check(connection)
            self._migrate(connection)
            connection.execute("PRAGMA journal_mode = WAL")
            return connection
        except sqlite3.DatabaseError as error:
            if "locked" in str(error) or "readonly" in str(error):
                return self._in_memory(f"the state database {path} cannot be written ({error})")
            return self._move_aside(path, error)

    def _check(self, connection: sqlite3.Connection) -> None:
        row = connection.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else 'no answer'}")

    def _move_aside(self, path: Path, error: Exception) -> sqlite3.Connection:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.rename(aside.with_name(aside.name + suffix))
        except OSError as move_error:
            return self._in_memory(f"the state database {path} is unreadable ({error}) and could not be moved aside ({move_error})")
        self.status.messages.append(
            f"The state database was unreadable ({error}); it was kept as {aside} and a new one started."
        )
        connection = self._connect(path)
        self._migrate(connection)
        connection.execute("PRAGMA journal_mode = WAL")
        return connection

    def _in_memory(self, reason: str) -> sqlite3.Connection:
        self.status.persistent = False
        self.status.messages.append(f"Bookmarks and positions will not be saved: {reason}.")
        connection = self._connect(":memory:")
        self._migrate(connection)
        return connection

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the schema to SCHEMA_VERSION, one migration per version, each in a
        write transaction (a second instance starting at once waits, then finds the
        work done)."""
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(
                    f"schema version {version} is newer than this tui-reader's ({SCHEMA_VERSION})"
                )
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {target}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.connection.close()

    # --- bookmarks and marks ---------------------------------------------------------

    @staticmethod
    def _bookmark(row: sqlite3.Row) -> Bookmark:
        place = Place(row["doc_path"], row["anchor"], row["heading"], row["excerpt"], row["fraction"], row["doc_title"])
        return Bookmark(row["id"], place, row["note"], row["created"], row["mark"])

    def bookmarks(self, include_marks: bool = True) -> list[Bookmark]:
        where = "" if include_marks else "WHERE mark IS NULL"
        rows = self.connection.execute(f"SELECT * FROM bookmarks {where} ORDER BY created, id")
        return [self._bookmark(row) for row in rows]

    def bookmark_for(self, doc_path: str, anchor: str) -> Bookmark | None:
        row = self.connection.execute(
            "SELECT * FROM bookmarks WHERE doc_path = ? AND anchor = ? AND mark IS NULL", (doc_path, anchor)
        ).fetchone()
        return self._bookmark(row) if row else None

    def add_bookmark(self, place: Place, note: str = "", created: str | None = None) -> Bookmark:
        self.connection.execute(
            "INSERT OR IGNORE INTO bookmarks (doc_path, doc_title, anchor, heading, excerpt, note, fraction, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (place.doc_path, place.doc_title, place.anchor, place.heading, place.excerpt, note, place.fraction, created or now()),
        )
        found = self.bookmark_for(place.doc_path, place.anchor)
        assert found is not None
        return found

    def toggle_bookmark(self, place: Place) -> bool:
        """Bookmark the section, or remove its bookmark: True when it is now set."""
        existing = self.bookmark_for(place.doc_path, place.anchor)
        if existing is not None:
            self.delete(existing.id)
            return False
        self.add_bookmark(place)
        return True

    def delete(self, bookmark_id: int) -> Bookmark | None:
        row = self.connection.execute("SELECT * FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            return None
        self.connection.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return self._bookmark(row)

    def restore(self, bookmark: Bookmark) -> None:
        """Put back a deleted bookmark or mark (undo)."""
        place = bookmark.place
        self.connection.execute(
            "INSERT OR REPLACE INTO bookmarks (id, doc_path, doc_title, anchor, heading, excerpt, note, fraction, created, mark)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (bookmark.id, place.doc_path, place.doc_title, place.anchor, place.heading, place.excerpt, bookmark.note,
             place.fraction, bookmark.created, bookmark.mark),
        )

    def set_note(self, bookmark_id: int, note: str) -> None:
        self.connection.execute("UPDATE bookmarks SET note = ? WHERE id = ?", (note, bookmark_id))

    def reattach(self, bookmark_id: int, anchor: str, heading: str) -> None:
        self.connection.execute(
            "UPDATE OR IGNORE bookmarks SET anchor = ?, heading = ? WHERE id = ?", (anchor, heading, bookmark_id)
        )

    def set_mark(self, letter: str, place: Place) -> None:
        self.connection.execute(
            "INSERT INTO bookmarks (doc_path, doc_title, anchor, heading, excerpt, fraction, created, mark)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(mark) DO UPDATE SET doc_path = excluded.doc_path,"
            " doc_title = excluded.doc_title, anchor = excluded.anchor, heading = excluded.heading,"
            " excerpt = excluded.excerpt, fraction = excluded.fraction, created = excluded.created",
            (place.doc_path, place.doc_title, place.anchor, place.heading, place.excerpt, place.fraction, now(), letter),
        )

    def mark(self, letter: str) -> Bookmark | None:
        row = self.connection.execute("SELECT * FROM bookmarks WHERE mark = ?", (letter,)).fetchone()
        return self._bookmark(row) if row else None

    def import_bookmarks(self, items: Iterable[Bookmark]) -> int:
        """Merge bookmarks (and marks) without duplicates; returns how many were new."""
        added = 0
        for item in items:
            if item.mark is not None:
                if self.mark(item.mark) is None:
                    self.set_mark(item.mark, item.place)
                    added += 1
            elif self.bookmark_for(item.place.doc_path, item.place.anchor) is None:
                self.add_bookmark(item.place, item.note, item.created)
                added += 1
        return added

    # --- reading positions -----------------------------------------------------------

    def save_position(self, doc_path: str, anchor: str | None, fraction: float) -> None:
        self.connection.execute(
            "INSERT INTO positions (doc_path, anchor, fraction, updated) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(doc_path) DO UPDATE SET anchor = excluded.anchor, fraction = excluded.fraction,"
            " updated = excluded.updated",
            (doc_path, anchor, fraction, now()),
        )

    def position(self, doc_path: str) -> tuple[str | None, float] | None:
        row = self.connection.execute("SELECT anchor, fraction FROM positions WHERE doc_path = ?", (doc_path,)).fetchone()
        return (row["anchor"], row["fraction"]) if row else None

    def get_setting(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.connection.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
