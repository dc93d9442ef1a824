"""Bookmarks, marks and reading positions (SQLite); no Textual import."""

from .store import Bookmark, Place, StateStore, default_path

__all__ = ["Bookmark", "Place", "StateStore", "default_path"]
