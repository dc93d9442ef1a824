"""What the current document and section connect to, grouped for the linked pane."""

from __future__ import annotations

from dataclasses import dataclass, field

from urllib.parse import urlsplit

from .links import is_external_url, url_at_second
from .model import Corpus, Document, Timestamp
from .text import excerpt

GROUPS = ("Summary", "Source", "Episode timestamps", "Comments", "Related", "Related passages")
_GROUP_OF_KIND = {"summary": "Summary", "source": "Source", "comments": "Comments"}
_VERBS = {
    ("summarizes", True): "summarises this",
    ("summarizes", False): "summarised here",
    ("comments-on", True): "comments on this",
    ("comments-on", False): "commented on here",
    ("links-to", True): "links here",
    ("links-to", False): "linked from here",
    ("related", True): "related",
    ("related", False): "related",
}


@dataclass(frozen=True)
class LinkedItem:
    group: str
    label: str
    detail: str = ""
    doc_id: str | None = None
    anchor: str | None = None
    url: str | None = None
    seconds: int | None = None
    here: bool = False
    """True when the item is tied to the current section, not only the document."""

    @property
    def is_timestamp(self) -> bool:
        return self.seconds is not None


@dataclass
class LinkedGroup:
    name: str
    items: list[LinkedItem] = field(default_factory=list)


def _doc_item(group: str, doc: Document, anchor: str | None, detail: str, here: bool) -> LinkedItem:
    section = doc.section(anchor)
    label = doc.title
    if section is not None:
        label = f"{doc.title} › {section.title}"
    if doc.kind == "comments" and doc.comments and section is None:
        detail = f"{len(doc.comments)} comments · {detail}"
    return LinkedItem(group, label, detail, doc.id, anchor, doc.url, None, here)


def related_passages(corpus: Corpus, doc_id: str, section: str | None, limit: int = 6) -> list[LinkedItem]:
    """The sections of other documents that talk about ``section`` (full-text index),
    with a snippet whose matches sit between SNIPPET_OPEN and SNIPPET_CLOSE."""
    doc = corpus.get(doc_id)
    target = doc.section(section) if doc else None
    if doc is None or target is None:
        return []
    boost = {other: 1.3 for other in corpus.neighbours(doc_id)}
    items = []
    for hit in corpus.index.related(doc, target, limit, boost):
        other = corpus.get(hit.doc_id)
        url = other.url if other else None
        items.append(
            LinkedItem("Related passages", f"{hit.doc_title} › {hit.title}", hit.snippet, hit.doc_id, hit.anchor, url)
        )
    return items


def linked_items(
    corpus: Corpus, doc_id: str, section: str | None = None, related: list[LinkedItem] | None = None
) -> list[LinkedGroup]:
    """The groups Summary, Source, Episode timestamps, Comments, Related and Related
    passages (``related``, found by the caller; empty groups left out). Items tied to
    ``section`` come first in their group."""
    doc = corpus.get(doc_id)
    if doc is None:
        return []
    groups = {name: LinkedGroup(name) for name in GROUPS}
    seen: set[tuple[str, str | None]] = set()
    for relation in corpus.relations:
        outgoing = relation.source == doc_id
        if not outgoing and relation.target != doc_id:
            continue
        other_id = relation.target if outgoing else relation.source
        other = corpus.get(other_id)
        if other is None:
            continue
        anchor = relation.target_section if outgoing else relation.source_section
        mine = relation.source_section if outgoing else relation.target_section
        if (other_id, anchor) in seen:
            continue
        seen.add((other_id, anchor))
        group = _GROUP_OF_KIND.get(other.kind, "Related")
        detail = _VERBS[(relation.type, not outgoing)]
        here = section is not None and mine == section
        groups[group].items.append(_doc_item(group, other, anchor, detail, here))
    base = chapter_base(corpus, doc)
    for stamp in doc.timestamps:
        chapter = f"{stamp.label} {stamp.title}".strip()
        anchor = next((s.anchor for s in doc.sections if s.line == stamp.line and s.level == 3), None)
        groups["Episode timestamps"].items.append(
            LinkedItem(
                "Episode timestamps",
                excerpt(chapter, 80),
                "" if (stamp.url or base) else "no video or episode URL in this document",
                doc.id,
                anchor,
                chapter_url(stamp, base),
                stamp.seconds,
                here=section is not None and anchor == section,
            )
        )
    if not groups["Source"].items and doc.source_url and is_external_url(doc.source_url):
        # A summary (or dump) whose source is not in the folder still offers it.
        host = _host(doc.source_url)
        label = doc.source_title or host
        groups["Source"].items.append(
            LinkedItem("Source", label, f"{host} · not in this folder: opens in the browser", None, None, doc.source_url)
        )
    groups["Related passages"].items.extend(related or [])
    result = []
    for name in GROUPS:
        group = groups[name]
        if group.items:
            if name not in ("Episode timestamps", "Related passages"):
                group.items.sort(key=lambda item: not item.here)
            result.append(group)
    return result


def chapter_base(corpus: Corpus, doc: Document) -> str | None:
    """The URL a document's chapters play when a chapter has no link of its own:
    the page's media (or own) URL; for a summary or notes, its source's."""
    if doc.media_url:
        return doc.media_url
    if doc.kind == "source" and doc.url:
        return doc.url
    for relation in corpus.relations_from(doc.id):
        target = corpus.get(relation.target)
        if relation.type in ("summarizes", "comments-on", "links-to") and target is not None and target.kind == "source":
            base = target.media_url or target.url
            if base:
                return base
    return doc.source_url


def chapter_url(stamp: Timestamp, base: str | None) -> str | None:
    """Where chapter ``stamp`` opens: its own link or ``base``, at the label's second
    in the terms of the URL's host (``t=985s``, ``?t=985``, ``#t=985``)."""
    url = stamp.url or base
    return url_at_second(url, stamp.seconds) if url else None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or url).removeprefix("www.")
    except ValueError:
        return url


def first_in_group(groups: list[LinkedGroup], name: str) -> LinkedItem | None:
    for group in groups:
        if group.name == name and group.items:
            return group.items[0]
    return None


def explain(corpus: Corpus, doc_id: str) -> list[tuple[str, str]]:
    """What the model inferred about a document and why, as (label, text) lines:
    its kind and the reason, the export it was read as, its addresses, and every
    tie to another document with the tie's reason (the ``i`` key)."""
    doc = corpus.get(doc_id)
    if doc is None:
        return []
    lines = [("Document", doc.title), ("File", doc.relpath), ("Kind", f"{doc.kind}: {doc.kind_reason or 'no reason recorded'}")]
    if doc.format:
        lines.append(("Read as", doc.format))
    if doc.comments:
        depth = max(c.depth for c in doc.comments)
        authors = len({c.author for c in doc.comments if c.author})
        lines.append(("Comments", f"{len(doc.comments)}, {authors} authors, replies {depth} deep" if depth else f"{len(doc.comments)}, {authors} authors"))
    if doc.timestamps:
        base = chapter_base(corpus, doc)
        lines.append(("Chapters", f"{len(doc.timestamps)}, played at {base}" if base else f"{len(doc.timestamps)}, no video or episode URL"))
    if doc.url:
        lines.append(("URL", doc.url))
    if doc.source_url:
        lines.append(("Points at", doc.source_url))
    if doc.date:
        lines.append(("Date", doc.date))
    for relation in corpus.relations:
        if relation.type == "related" or doc_id not in (relation.source, relation.target):
            continue
        outgoing = relation.source == doc_id
        other = corpus.get(relation.target if outgoing else relation.source)
        if other is None:
            continue
        verb = _VERBS[(relation.type, not outgoing)]
        lines.append((verb[0].upper() + verb[1:], f"{other.title} — {relation.reason or 'no reason recorded'}"))
    for warning in doc.warnings:
        lines.append(("Warning", warning))
    return lines
