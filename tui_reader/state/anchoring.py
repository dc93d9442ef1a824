"""Places that survive edits: made from a document position, found again after the
document changed (by anchor, then heading text, then excerpt)."""

from __future__ import annotations

import re

from ..corpus.model import Corpus, Document, Section
from ..corpus.text import excerpt as shorten
from .store import Bookmark, Place, StateStore

EXCERPT_CHARS = 120
_MARKUP = re.compile(r"[*_`>#|\[\]]|\]\([^)]*\)|^\s*(?:[-+]|\d+[.)])\s+")


def _plain(line: str) -> str:
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return re.sub(r"\s+", " ", _MARKUP.sub("", line)).strip()


def section_excerpt(doc: Document, section: Section) -> str:
    """The first words of a section's own text (its heading line left out)."""
    lines = doc.lines[section.line - 1 : section.end_line - 1]
    if doc.kind == "comments":
        text = " ".join(lines)
    else:
        text = " ".join(_plain(line) for line in lines[1:] if line.strip()) or _plain(lines[0] if lines else "")
    return shorten(text, EXCERPT_CHARS)


def place_in(doc: Document, anchor: str | None, fraction: float = 0.0) -> Place | None:
    section = doc.section(anchor) if anchor else (doc.sections[0] if doc.sections else None)
    if section is None:
        return None
    return Place(doc.relpath, section.anchor, section.title, section_excerpt(doc, section), fraction, doc.title)


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def locate(doc: Document, place: Place) -> str | None:
    """The anchor of the section ``place`` belongs to in ``doc`` as it is now, or
    None when it cannot be found (the place is then detached, never dropped)."""
    section = doc.section(place.anchor)
    if section is not None:
        return section.anchor
    heading = _normalised(place.heading)
    if heading:
        for section in doc.sections:
            if _normalised(section.title) == heading:
                return section.anchor
    probe = _normalised(place.excerpt.rstrip("…"))[:60]
    if len(probe) >= 12:
        for section in doc.sections:
            if probe in _normalised(section_excerpt(doc, section)):
                return section.anchor
        for number, line in enumerate(doc.lines, 1):
            if probe[:30] in _normalised(_plain(line)):
                found = doc.section_at(number)
                if found is not None:
                    return found.anchor
    return None


def attach(store: StateStore, documents: dict[str, Document], bookmark: Bookmark) -> tuple[Document | None, str | None]:
    """Where ``bookmark`` belongs in ``documents`` (by path within the corpus) now;
    the store follows a section that moved or was renamed. (None, None) when its
    document is not there; (document, None) when it is detached."""
    doc = documents.get(bookmark.place.doc_path)
    if doc is None:
        return None, None
    anchor = locate(doc, bookmark.place)
    if anchor is not None and anchor != bookmark.place.anchor:
        section = doc.section(anchor)
        store.reattach(bookmark.id, anchor, section.title if section else "")
    return doc, anchor


def attach_all(store: StateStore, corpus: Corpus) -> dict[int, str]:
    """attached / detached / not open, for every bookmark and mark."""
    documents = {doc.relpath: doc for doc in corpus.documents}
    status = {}
    for bookmark in store.bookmarks():
        doc, anchor = attach(store, documents, bookmark)
        status[bookmark.id] = "not open" if doc is None else ("attached" if anchor else "detached")
    return status
