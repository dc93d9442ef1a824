"""The corpus model: files -> documents, sections, links, timestamps, comments and
relations. Pure Python: nothing here imports Textual (a test enforces it)."""

from .loading import CorpusError, load_corpus, parse_document
from .model import Comment, Corpus, Document, Link, Relation, Section, Timestamp

__all__ = [
    "Comment",
    "Corpus",
    "CorpusError",
    "Document",
    "Link",
    "Relation",
    "Section",
    "Timestamp",
    "load_corpus",
    "parse_document",
]
