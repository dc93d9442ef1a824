"""The typed link graph between documents and their sections.

- ``summarizes``: a summary's ``**Link:**`` line points at the document it sums up;
- ``comments-on``: a comments dump belongs to the page it was left on (by URL, or
  by content when the dump carries no URL);
- ``links-to``: any other link from one document of the corpus to another.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .links import normalize_url, url_fragment
from .model import Document, Relation

_STOPWORDS = {
    "the", "and", "for", "with", "from", "that", "this", "what", "how", "why", "are",
    "was", "its", "into", "about", "your", "you", "our", "their", "has", "have", "not",
}
_MIN_TITLE_COVER = 0.6


def _words(text: str) -> set[str]:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    return {w for w in re.findall(r"[^\W_]{3,}", text) if w not in _STOPWORDS}


def _comments_target(dump: Document, candidates: list[Document]) -> Document | None:
    """The page a comments dump without URL was most likely left on: the candidate
    whose title words the dump's description (or first comments) covers best."""
    sample = dump.description or " ".join(c.text for c in dump.comments[:3])
    dump_words = _words(sample)
    best: tuple[float, int, Document] | None = None
    for doc in candidates:
        title_words = _words(doc.title)
        if not title_words:
            continue
        matched = len(title_words & dump_words)
        cover = matched / len(title_words)
        if cover >= _MIN_TITLE_COVER and (matched >= 2 or len(title_words) == 1):
            if best is None or (cover, matched) > best[:2]:
                best = (cover, matched, doc)
    return best[2] if best else None


def _is_link_line(doc: Document, line: int) -> bool:
    text = doc.lines[line - 1].lstrip() if 0 < line <= len(doc.lines) else ""
    return text.lower().startswith(("**link:**", "**source:**", "link:", "source:"))


def _resolve_path(doc: Document, url: str, by_path: dict[Path, str]) -> str | None:
    """A relative link to another file of the corpus (``guide.md``, ``../a.md#x``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = (doc.path.parent / unquote(parts.path)).resolve()
    return by_path.get(target)


def build_relations(documents: list[Document]) -> list[Relation]:
    by_id = {doc.id: doc for doc in documents}
    by_url: dict[str, str] = {}
    for doc in documents:
        key = normalize_url(doc.url) if doc.url else None
        if key and key not in by_url:
            by_url[key] = doc.id
    by_path = {doc.path.resolve(): doc.id for doc in documents}

    relations: list[Relation] = []
    seen: set[Relation] = set()

    def add(relation: Relation) -> None:
        if relation.source != relation.target and relation not in seen:
            seen.add(relation)
            relations.append(relation)

    # Comments dumps: tied to their page by URL or by content; the page's
    # ``/comments`` URL then leads to the dump.
    pages = [d for d in documents if d.kind == "source"] or [d for d in documents if d.url]
    for dump in (d for d in documents if d.kind == "comments"):
        target = None
        if dump.url:
            key = normalize_url(dump.url) or ""
            target = by_id.get(by_url.get(key.removesuffix("/comments"), ""))
            if target is dump:
                target = None
        if target is None:
            target = _comments_target(dump, [p for p in pages if p is not dump])
        if target is None:
            continue
        add(Relation(dump.id, target.id, "comments-on"))
        if target.url:
            by_url.setdefault(f"{normalize_url(target.url)}/comments", dump.id)
        if not dump.meta.get("title"):
            dump.title = f"Comments on {target.title}"

    for doc in documents:
        for link in doc.links:
            key = normalize_url(link.url)
            target_id = by_url.get(key) if key else _resolve_path(doc, link.url, by_path)
            if target_id is None or target_id == doc.id:
                continue
            target = by_id[target_id]
            fragment = url_fragment(link.url)
            to_section = fragment if target.section(fragment) else None
            section = doc.section_at(link.line)
            kind = "summarizes" if doc.kind == "summary" and _is_link_line(doc, link.line) else "links-to"
            add(Relation(doc.id, target_id, kind, section.anchor if section else None, to_section))
    return relations
