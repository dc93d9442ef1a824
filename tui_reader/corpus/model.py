"""The data the corpus model produces: plain dataclasses, no behaviour beyond lookups."""

from __future__ import annotations


import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .bundle import BundleConfig
    from .index import SectionIndex
    from .relations import LinkResolver

KINDS = ("summary", "source", "comments", "guide", "article", "note")

RELATION_TYPES = ("summarizes", "comments-on", "links-to", "related")


_CUE_START = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}|^\s*\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: most lines that run on into the next one are
    60 to 80 characters long (a mail at 72, a terminal at 80)."""
    running = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip() and not b.lstrip().startswith((">", "-", "*", "|"))]
    prose = [width for width in running if width >= 50]  # headers and short lines say nothing of the width
    if len(prose) < 8:
        return False
    texts = [raw for raw in lines if raw.strip()]
    if sum(1 for raw in texts if _CUE_START.match(raw)) * 10 >= len(texts) * 3:
        return False  # a transcript or a log: each line a cue of its own
    wrapped = sum(1 for width in prose if width <= 80)
    longer = sum(1 for width in [len(raw) for raw in lines] if width > 100)
    return wrapped * 10 >= len(prose) * 9 and longer * 20 <= len(prose)


@dataclass(frozen=True)
class Section:
    """A part of a document a reader can jump to and bookmark.

    ``line`` and ``end_line`` are 1-based line numbers in the file; the section
    covers ``line`` up to but excluding ``end_line``.
    """

    anchor: str
    title: str
    level: int
    line: int
    end_line: int


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    line: int


@dataclass(frozen=True)
class Timestamp:
    """An episode chapter: ``([16:25](...&t=985s)) Title``."""

    label: str
    seconds: int
    title: str
    url: str
    line: int


@dataclass(frozen=True)
class Comment:
    """One comment of a thread (or one message of a chat export)."""

    line: int
    text: str
    author: str | None = None
    depth: int = 0
    """Reply depth: 0 for a top-level comment, 1 for a reply to it, ..."""
    end_line: int = 0
    """The file line after the comment (0: its one line)."""
    date: str | None = None


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    type: str
    source_section: str | None = None
    target_section: str | None = None
    score: float | None = None
    """For ``related``: how strongly (weighted BM25 of the source section's words)."""
    reason: str = field(default="", compare=False)
    """Why the two are tied, in words ("same file-name stem ep-17",
    "youtu.be/ID = youtube.com/watch?v=ID", "content: BM25 margin 3.2x")."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "from": self.source,
            "to": self.target,
            "type": self.type,
            "from_section": self.source_section,
            "to_section": self.target_section,
            "reason": self.reason,
        }
        if self.score is not None:
            data["score"] = self.score
        return data


@dataclass
class Document:
    """One file of the corpus, parsed."""

    id: str
    path: Path
    relpath: str
    text: str
    body_line: int
    """1-based file line at which the body (after front matter) starts."""
    kind: str = "note"
    title: str = ""
    date: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    timestamps: list[Timestamp] = field(default_factory=list)
    description: str | None = None
    """For a comments dump: the post description that precedes the comments."""
    description_line: int | None = None
    comments: list[Comment] = field(default_factory=list)
    kind_reason: str = ""
    """Why the document has its kind, in words (``inspect --json`` and the ``i`` key)."""
    format: str | None = None
    """The export format recognised ("Hacker News page copy", ...), if any."""
    source_url: str | None = None
    """For a summary or a comment dump: the page it sums up or discusses, when it
    names it (its ``**Link:**`` line, ``source_url:``, the thread's URL); not the
    document's own address, which is ``url``."""
    source_title: str | None = None
    """The words the document gives its source (the link text, the thread's title)."""
    pointers: list[str] = field(default_factory=list)
    """Every pointer to what the document sums up or discusses, best first: URLs, or
    ``wiki:Target`` (see ``formats/summaries.py``)."""
    media_url: str | None = None
    """The URL that plays the page's episode, where its chapters have no link each."""
    warnings: list[str] = field(default_factory=list)
    plain_text: bool = False
    """Too large to lay out as Markdown: read and shown as plain text."""
    stamp: tuple[int, int] | None = None
    """The file's size and modification time (ns) when it was read: what the cache
    and the index compare to know whether it changed."""
    complete: bool = True
    """False for a sketch: title, kind and date from a quick read of a large corpus
    on first run; ``Corpus.complete_pending`` parses it in the background."""

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines (computed once: the text does not change)."""
        return self.text.split("\n")

    @cached_property
    def line_breaks(self) -> bool:
        """Whether the text was written line by line (a ``.txt`` file: an outline, a
        chapter list, a chat export), so the reader keeps its line breaks; not when its
        lines are prose wrapped at a fixed width (mail, a terminal's copy), which reflows."""
        if self.path.suffix.lower() not in (".txt", ".text", ".description"):
            return False
        return not _hard_wrapped(self.lines[self.body_line - 1 : self.body_line + 400])

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.body_line - 1 :])

    def section(self, anchor: str | None) -> Section | None:
        if anchor is None:
            return None
        for section in self.sections:
            if section.anchor == anchor:
                return section
        return None

    def section_at(self, line: int) -> Section | None:
        """The innermost section containing file line ``line``."""
        found = None
        for section in self.sections:
            if section.line <= line < section.end_line:
                found = section
            elif section.line > line:
                break
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.relpath,
            "kind": self.kind,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "tags": list(self.tags),
            "sections": [
                {"anchor": s.anchor, "title": s.title, "level": s.level, "line": s.line}
                for s in self.sections
            ],
            "links": [{"text": k.text, "url": k.url, "line": k.line} for k in self.links],
            "timestamps": [
                {
                    "label": t.label,
                    "seconds": t.seconds,
                    "title": t.title,
                    "url": t.url,
                    "line": t.line,
                }
                for t in self.timestamps
            ],
            "comments": [
                {"line": c.line, "text": c.text, "author": c.author, "depth": c.depth, "date": c.date}
                for c in self.comments
            ],
            "kind_reason": self.kind_reason,
            "format": self.format,
            "source_url": self.source_url,
            "media_url": self.media_url,
            "warnings": list(self.warnings),
        }


@dataclass
class Completion:
    """What ``Corpus.complete_pending`` produced in a worker, for ``Corpus.install``."""

    documents: dict[str, Document]
    relations: list[Relation]
    resolver: LinkResolver


@dataclass
class Corpus:
    documents: list[Document]
    relations: list[Relation]
    warnings: list[str] = field(default_factory=list)
    """Problems that belong to no single document (unreadable folders, ...)."""
    resolver: LinkResolver | None = None
    index_file: Path | None = None
    """Where the full-text index is kept between runs (None: in memory only)."""
    bundle: BundleConfig | None = None
    """The folders' ``.tui-reader.toml`` settings (kinds and ties set by hand)."""

    def resolve_link(self, doc_id: str, url: str) -> tuple[str, str | None] | None:
        """The document (and section) of the corpus that ``url`` in ``doc_id`` points
        at: a URL one of them carries, or a relative path to one of their files."""
        doc = self.get(doc_id)
        if doc is None or self.resolver is None:
            return None
        return self.resolver.resolve(doc, url)

    def __post_init__(self) -> None:
        self._by_id = {doc.id: doc for doc in self.documents}
        self._index: SectionIndex | None = None
        self._index_lock = threading.Lock()
        self._generation = 0
        """Counts changes of the documents (see ``build_index``)."""
        self._indexed = -1
        """The generation the index was last brought up to date at."""

    @property
    def ties(self) -> list:  # type: ignore[type-arg]
        return self.bundle.ties if self.bundle is not None else []

    def get(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)

    def __getitem__(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    def relations_from(self, doc_id: str) -> list[Relation]:
        return [r for r in self.relations if r.source == doc_id]

    def relations_to(self, doc_id: str) -> list[Relation]:
        return [r for r in self.relations if r.target == doc_id]

    @property
    def pending(self) -> list[Document]:
        """Sketched documents still to be parsed (see ``complete_pending``)."""
        return [doc for doc in self.documents if not doc.complete]

    def ensure(self, doc_id: str) -> Document | None:
        """``doc_id`` fully parsed: a sketch is parsed now (the app opens it before
        the background parsing reaches it)."""
        doc = self._by_id.get(doc_id)
        if doc is None or doc.complete:
            return doc
        from .loading import apply_settings, reread_document

        fresh = apply_settings(reread_document(doc), self.bundle)
        self._put(fresh)
        return fresh

    def complete_pending(
        self, progress: Callable[[int, int], None] | None = None, stop: Callable[[], bool] | None = None
    ) -> Completion | None:
        """Parse every sketch (from a worker thread: the documents in use are not
        touched) and the relations of the whole corpus; ``install`` puts the result
        in place. None when ``stop()`` said to give up."""
        from .cache import DocumentCache
        from .loading import apply_settings, reread_document
        from .relations import build_relations

        sketches = self.pending
        parsed: dict[str, Document] = {}
        cache = DocumentCache() if self.index_file is not None else None
        try:
            for number, sketch in enumerate(sketches, 1):
                if stop is not None and stop():
                    return None
                doc = reread_document(sketch)
                if cache is not None and doc.stamp is not None:
                    cache.put(doc)
                parsed[doc.id] = apply_settings(doc, self.bundle)
                if progress is not None:
                    progress(number, len(sketches))
        finally:
            if cache is not None:
                cache.close()
        documents = [parsed.get(doc.id, doc) if not doc.complete else doc for doc in list(self.documents)]
        relations, resolver = build_relations(documents, self.ties)
        return Completion(parsed, relations, resolver)

    def install(self, completion: Completion) -> None:
        """Put parsed sketches and the corpus's relations in place (on the thread
        that uses the corpus). Documents parsed meanwhile by ``ensure`` are kept."""
        for doc_id, doc in completion.documents.items():
            current = self._by_id.get(doc_id)
            if current is not None and not current.complete:
                self._put(doc)
        self.relations, self.resolver = completion.relations, completion.resolver
        self._generation += 1  # an index made meanwhile lacks them: build_index syncs it

    def _put(self, new: Document) -> None:
        for position, doc in enumerate(self.documents):
            if doc.id == new.id:
                self.documents[position] = new
        self._by_id[new.id] = new

    def changed_on_disk(self) -> list[Document]:
        """The parsed documents whose files changed since they were read, read again
        (safe from a worker thread: nothing in use is touched; ``replace_documents``
        puts them in place). Files that are gone or cannot be read are left alone."""
        from .cache import DocumentCache
        from .loading import apply_settings, read_document

        fresh = []
        for doc in list(self.documents):
            if not doc.complete or doc.stamp is None:
                continue
            stamp = DocumentCache.stamp(doc.path)
            if stamp is None or stamp == doc.stamp:
                continue
            result = read_document(doc.path, None, doc.id, relpath=doc.relpath)
            if not isinstance(result, str):
                fresh.append(result)
        if fresh and self.index_file is not None:
            cache = DocumentCache()
            for doc in fresh:
                cache.put(doc)
            cache.close()
        return [apply_settings(doc, self.bundle) for doc in fresh]

    def replace_documents(self, new: list[Document]) -> None:
        """Put re-read documents in place of those with their ids: relations and the
        index follow (an index being built picks them up when it is done)."""
        from .relations import build_relations

        for doc in new:
            self._put(doc)
        self.relations, self.resolver = build_relations(self.documents, self.ties)
        up_to_date = self._indexed == self._generation
        self._generation += 1
        if self._index_lock.acquire(blocking=False):  # else being built: it syncs after
            try:
                if self._index is not None:
                    self._index.update(new)
                    if up_to_date:
                        self._indexed = self._generation
            finally:
                self._index_lock.release()

    def replace_document(self, new: Document) -> None:
        self.replace_documents([new])

    def build_index(
        self, progress: Callable[[int, int], None] | None = None, stop: Callable[[], bool] | None = None
    ) -> SectionIndex:
        """The full-text index of every section: kept in ``index_file`` between runs,
        where only documents that changed since are indexed again. ``stop()`` can end
        the work early (``index.Stopped`` is raised; what was done is kept)."""
        with self._index_lock:  # the app builds it in a worker, and may ask meanwhile
            if self._index is None:
                from .index import SectionIndex

                generation = self._generation
                index = SectionIndex.for_corpus(self, progress, stop)
                while generation != self._generation:  # documents re-read meanwhile
                    generation = self._generation
                    index.sync(self.documents)
                self._index, self._indexed = index, generation
            elif self._indexed != self._generation:  # sketches parsed since it was made
                generation = self._generation
                self._index.sync(self.documents, progress, stop)
                self._indexed = generation
        return self._index

    @property
    def index(self) -> SectionIndex:
        """The full-text index, built (or brought up to date) on first use."""
        return self._index if self.index_ready and self._index is not None else self.build_index()

    @property
    def index_ready(self) -> bool:
        """Whether the index covers every document (none is still a sketch)."""
        return self._index is not None and self._indexed == self._generation and not self.pending

    def neighbours(self, doc_id: str) -> set[str]:
        """Documents tied to ``doc_id`` by a typed relation, either way."""
        return {r.target for r in self.relations_from(doc_id)} | {r.source for r in self.relations_to(doc_id)}

    def related_relations(self, per_section: int = 3, min_score: float = 1.0) -> list[Relation]:
        """Section-level ``related`` relations: each section's best passages in other
        documents, with their score."""
        relations = []
        for doc in self.documents:
            boost = {other: 1.3 for other in self.neighbours(doc.id)}
            for section in doc.sections:
                for hit in self.index.related(doc, section, per_section, boost, snippets=False):
                    if hit.score >= min_score:
                        relations.append(Relation(doc.id, hit.doc_id, "related", section.anchor, hit.anchor, hit.score))
        return relations

    def to_json(self, related: bool = True) -> dict[str, object]:
        relations = list(self.relations) + (self.related_relations() if related else [])
        return {
            "documents": [doc.to_json() for doc in self.documents],
            "relations": [r.to_json() for r in relations],
            "warnings": list(self.warnings),
        }
