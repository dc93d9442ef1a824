"""Parsed documents cached on disk, keyed by path, size and modification time.

Under platformdirs' user cache directory (``$XDG_CACHE_HOME/tui-reader``). Only files
that changed since the last run are parsed again. The cache is an optimisation only:
if it cannot be opened, read or written, everything is parsed as if it were empty.
A change of the parser's source code empties it (the key includes a hash of it).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from platformdirs import user_cache_path

from .model import Comment, Document, Link, Section, Timestamp

CACHE_NAME = "documents.sqlite3"
FLUSH_EVERY = 100
"""Records are written in batches of this many (not all held until the end)."""


def parser_fingerprint() -> str:
    """A hash of the corpus package's source: cached records from another version of
    the parser are never used."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for module in sorted(here.rglob("*.py")):
        digest.update(module.relative_to(here).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def to_record(doc: Document) -> str:
    return json.dumps(
        {
            "text": doc.text,
            "body_line": doc.body_line,
            "kind": doc.kind,
            "title": doc.title,
            "date": doc.date,
            "url": doc.url,
            "tags": doc.tags,
            "meta": doc.meta,
            "sections": [[s.anchor, s.title, s.level, s.line, s.end_line] for s in doc.sections],
            "links": [[k.text, k.url, k.line] for k in doc.links],
            "timestamps": [[t.label, t.seconds, t.title, t.url, t.line] for t in doc.timestamps],
            "description": doc.description,
            "description_line": doc.description_line,
            "comments": [[c.line, c.text, c.author, c.depth, c.end_line, c.date] for c in doc.comments],
            "warnings": doc.warnings,
            "plain_text": doc.plain_text,
            "kind_reason": doc.kind_reason,
            "format": doc.format,
            "source_url": doc.source_url,
            "source_title": doc.source_title,
            "pointers": doc.pointers,
            "media_url": doc.media_url,
        },
        ensure_ascii=False,
        default=str,  # front matter dates and the like: kept as text
    )


def from_record(record: str, path: Path, relpath: str, doc_id: str, stamp: tuple[int, int] | None = None) -> Document:
    data = json.loads(record)
    return Document(
        id=doc_id,
        path=path,
        relpath=relpath,
        text=data["text"],
        body_line=data["body_line"],
        kind=data["kind"],
        title=data["title"],
        date=data["date"],
        url=data["url"],
        tags=data["tags"],
        meta=data["meta"],
        sections=[Section(*s) for s in data["sections"]],
        links=[Link(*k) for k in data["links"]],
        timestamps=[Timestamp(*t) for t in data["timestamps"]],
        description=data["description"],
        description_line=data["description_line"],
        comments=[Comment(*c) for c in data["comments"]],
        warnings=data["warnings"],
        plain_text=data["plain_text"],
        stamp=stamp,
        kind_reason=data["kind_reason"],
        format=data["format"],
        source_url=data["source_url"],
        source_title=data["source_title"],
        pointers=list(data["pointers"]),
        media_url=data["media_url"],
    )


class DocumentCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_cache_path("tui-reader", appauthor=False) / CACHE_NAME
        self.fingerprint = parser_fingerprint()
        self.connection: sqlite3.Connection | None = None
        self._pending: list[tuple[bytes, int, int, str, str]] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5)
            connection.execute(
                "CREATE TABLE IF NOT EXISTS documents (path BLOB PRIMARY KEY, size INTEGER, "
                "mtime_ns INTEGER, parser TEXT, record TEXT)"
            )
            connection.commit()
            self.connection = connection
        except (OSError, sqlite3.Error):
            self.connection = None  # no cache: everything is parsed

    @staticmethod
    def stamp(file: Path) -> tuple[int, int] | None:
        """The file's size and modification time (ns), None when it cannot be read."""
        try:
            info = file.stat()
        except OSError:
            return None
        return info.st_size, info.st_mtime_ns

    def get(self, file: Path) -> tuple[str, tuple[int, int]] | None:
        """The cached record of ``file`` and the stamp it was cached under, when the
        file has not changed since."""
        stamp = self.stamp(file)
        if self.connection is None or stamp is None:
            return None
        try:
            row = self.connection.execute(
                "SELECT record FROM documents WHERE path = ? AND size = ? AND mtime_ns = ? AND parser = ?",
                (_path_key(file), *stamp, self.fingerprint),
            ).fetchone()
        except (sqlite3.Error, ValueError):
            return None
        return (row[0], stamp) if row else None

    def put(self, doc: Document) -> None:
        """Cache ``doc`` under the stamp its file had when it was read."""
        if self.connection is not None and doc.stamp is not None:
            try:
                self._pending.append((_path_key(doc.path), *doc.stamp, self.fingerprint, to_record(doc)))
            except ValueError:  # not encodable: this one is simply not cached
                pass
            if len(self._pending) >= FLUSH_EVERY:
                self.flush()

    def flush(self) -> None:
        if self.connection is None or not self._pending:
            return
        try:
            with self.connection:
                self.connection.executemany(
                    "INSERT OR REPLACE INTO documents (path, size, mtime_ns, parser, record) VALUES (?, ?, ?, ?, ?)",
                    self._pending,
                )
        except (sqlite3.Error, ValueError):
            pass  # the next run parses them again
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self.connection is not None:
            self.connection.close()


def _path_key(file: Path) -> bytes:
    """The file's absolute path as bytes (a name need not be valid UTF-8)."""
    return os.fsencode(os.path.abspath(file))
