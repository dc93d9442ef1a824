"""Bookmark export (a Markdown reading list, or JSON) and import."""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import quote

from .store import Bookmark, Place

FORMAT = "tui-reader-bookmarks"
VERSION = 1


def export_json(items: Iterable[Bookmark], status: dict[int, str] | None = None) -> str:
    """JSON with every field of each bookmark; ``status`` (attached, detached, not
    open) is added when the bookmarks were checked against documents."""
    records = []
    for item in items:
        record = item.to_json()
        if status and item.id in status:
            record["status"] = status[item.id]
        records.append(record)
    data = {"format": FORMAT, "version": VERSION, "bookmarks": records}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(text: str) -> str:
    """Markdown-safe inline text (brackets and emphasis characters escaped)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text.replace("\n", " "))


def export_markdown(items: Iterable[Bookmark]) -> str:
    """A reading list: documents as headings, each bookmark a link back to its
    section (``path#anchor``), with the date, the note and the excerpt."""
    by_document: dict[str, list[Bookmark]] = {}
    for item in items:
        by_document.setdefault(item.place.doc_path, []).append(item)
    lines = ["# Reading list", ""]
    if not by_document:
        lines.append("No bookmarks yet.")
    for path, group in by_document.items():
        title = group[0].place.doc_title or path
        lines += [f"## [{_escape(title)}]({quote(path)})", ""]
        for item in group:
            mark = f" (mark '{item.mark})" if item.mark else ""
            link = f"{quote(path)}#{quote(item.place.anchor)}"
            lines.append(f"- [{_escape(item.place.heading or item.place.anchor)}]({link}){mark}, added {item.created[:10]}")
            if item.note:
                lines.append(f"  - Note: {_escape(item.note)}")
            if item.place.excerpt:
                lines.append(f"  - > {_escape(item.place.excerpt)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def parse_export(text: str) -> list[Bookmark]:
    """Bookmarks from a JSON export; ValueError with a reason otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("bookmarks"), list):
        raise ValueError(f'expected {{"format": "{FORMAT}", "bookmarks": [...]}}')
    result = []
    for index, raw in enumerate(data["bookmarks"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("document"), str) or not isinstance(raw.get("anchor"), str):
            raise ValueError(f"bookmark {index + 1} has no document and anchor")
        mark = raw.get("mark")
        if mark is not None and not (isinstance(mark, str) and len(mark) == 1 and "a" <= mark <= "z"):
            raise ValueError(f"bookmark {index + 1} has an invalid mark {mark!r}")
        place = Place(
            raw["document"],
            raw["anchor"],
            str(raw.get("heading") or ""),
            str(raw.get("excerpt") or ""),
            float(raw.get("fraction") or 0.0),
            str(raw.get("title") or ""),
        )
        result.append(Bookmark(0, place, str(raw.get("note") or ""), str(raw.get("created") or ""), mark))
    return result
