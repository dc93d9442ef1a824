"""The typed link graph between documents and their sections.

- ``summarizes``: a summary's ``**Link:**`` line points at the document it sums up;
- ``comments-on``: a comments dump belongs to the page it was left on (by URL, or
  by content when the dump carries no URL);
- ``links-to``: any other link from one document of the corpus to another.
"""

from __future__ import annotations

import re
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


class LinkResolver:
    """Which document (and section) of the corpus a link points at, if any: by
    normalised URL, by the ``/comments`` URL of a page with a comments dump, or by a
    relative file path."""

    def __init__(self, documents: list[Document]) -> None:
        self.by_id = {doc.id: doc for doc in documents}
        self.by_url: dict[str, str] = {}
        for doc in documents:
            key = normalize_url(doc.url) if doc.url else None
            if key and key not in self.by_url:
                self.by_url[key] = doc.id
        self.by_path = {doc.path.resolve(): doc.id for doc in documents}

    def page_of(self, url: str) -> Document | None:
        key = normalize_url(url)
        return self.by_id.get(self.by_url.get(key, "")) if key else None

    def add_alias(self, url: str, doc_id: str) -> None:
        key = normalize_url(url)
        if key:
            self.by_url.setdefault(key, doc_id)

    def resolve(self, doc: Document, url: str) -> tuple[str, str | None] | None:
        """(document id, section anchor or None) for ``url`` found in ``doc``."""
        key = normalize_url(url)
        target_id = self.by_url.get(key) if key else self._by_relative_path(doc, url)
        if target_id is None:
            return None
        fragment = url_fragment(url)
        target = self.by_id[target_id]
        return target_id, fragment if fragment and target.section(fragment) else None

    def _by_relative_path(self, doc: Document, url: str) -> str | None:
        """A relative link to another file of the corpus (``guide.md``, ``../a.md#x``)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme or parts.netloc or not parts.path:
            return None
        try:
            target = (doc.path.parent / unquote(parts.path)).resolve()
        except (OSError, ValueError):
            return None
        return self.by_path.get(target)


def build_relations(documents: list[Document]) -> tuple[list[Relation], LinkResolver]:
    resolver = LinkResolver(documents)
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
            target = resolver.page_of("https://" + key.removesuffix("/comments"))
            if target is dump:
                target = None
        if target is None:
            target = _comments_target(dump, [p for p in pages if p is not dump])
        if target is None:
            continue
        add(Relation(dump.id, target.id, "comments-on"))
        if target.url:
            resolver.add_alias(target.url.split("#")[0].split("?")[0].rstrip("/") + "/comments", dump.id)
        if not dump.meta.get("title"):
            dump.title = f"Comments on {target.title}"

    for doc in documents:
        for link in doc.links:
            found = resolver.resolve(doc, link.url)
            if found is None or found[0] == doc.id:
                continue
            section = doc.section_at(link.line)
            kind = "summarizes" if doc.kind == "summary" and _is_link_line(doc, link.line) else "links-to"
            add(Relation(doc.id, found[0], kind, section.anchor if section else None, found[1]))
    return relations, resolver
