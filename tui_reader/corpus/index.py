"""Full-text index of every section (SQLite FTS5, BM25): corpus search and related
passages.

One row per section: its title and its own text (Markdown and URLs stripped). The
related passages of a section are found with a query made of its most distinctive
words (tf-idf against the index's own vocabulary); a very short section (an episode
chapter title) borrows the words of the passages that best match it first. When the
query's best passage in another document clearly stands out, the words around its
matches are added to the query and the passages ranked again (pseudo-relevance
feedback): a passage that paraphrases the section lends its richer words.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .model import Corpus, Document, Section

SNIPPET_OPEN = "\x02"
SNIPPET_CLOSE = "\x03"
_WORD = re.compile(r"[^\W_]{2,}")
_URL = re.compile(r"https?://\S+|www\.\S+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`>#|~]+")
_STOPWORDS = frozenset(
    """the and for with from that this what how why are was were its into about your you our
    their has have had not but all can will would could should there here they them then than
    also just more most very much many some such only over when where which while who whom
    been being does did doing done one two any each other same own out off too under again
    further once both few nor now get got make made like use used using way ways lot lots
    really thing things think don't it's i'm that's isn't aren't wasn't let say said says
    of to in is it on at as be by we an or if so do no up my me he us go am don doesn didn
    isn wasn aren won ll ve re""".split()
)
MAX_QUERY_TERMS = 14
SHORT_SECTION_WORDS = 25
MAX_PASSAGE_CHARS = 20_000
"""Longer section text is cut for the index: FTS5's snippet() is quadratic in a
passage's length, and the start of a section is what says what it is about."""
BORROWED_WEIGHT = 0.6
# Pseudo-relevance feedback (see SectionIndex.feedback_terms): the first pass's best
# FEEDBACK_CANDIDATES are looked at; up to FEEDBACK_PASSAGES of them feed back if they
# score FEEDBACK_LEAD times the next one and hold FEEDBACK_COVERAGE of the query's
# weight; the FEEDBACK_TERMS best words of the FEEDBACK_WINDOW tokens (FTS5's snippet
# allows 64 at most) around their matches are added, weighing FEEDBACK_WEIGHT times
# the query's own words (1.0: as much, RM3's usual even mix).
FEEDBACK_CANDIDATES = 10
FEEDBACK_PASSAGES = 2
FEEDBACK_LEAD = 2.0
FEEDBACK_COVERAGE = 0.5
FEEDBACK_WINDOW = 64
FEEDBACK_TERMS = 10
FEEDBACK_WEIGHT = 1.0


def plain_text(markdown: str) -> str:
    """Words of a Markdown passage: link targets, URLs and markup removed."""
    text = _LINK.sub(r"\1", markdown)
    text = _URL.sub(" ", text)
    return re.sub(r"\s+", " ", _MARKUP.sub(" ", text)).strip()


def section_texts(doc: Document) -> list[tuple[Section, str]]:
    """Each section with its own text (up to the next section, whatever its level)."""
    starts = sorted({s.line for s in doc.sections})
    result = []
    lines = doc.text.split("\n")  # not doc.lines: indexing must not keep every document's lines
    for section in doc.sections:
        later = [line for line in starts if line > section.line]
        end = later[0] if later else len(lines) + 1
        own = "\n".join(lines[section.line - 1 : end - 1])
        if doc.kind != "comments":
            first, _, rest = own.partition("\n")
            own = rest if first.lstrip().startswith("#") else own
        result.append((section, plain_text(own)))
    return result


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _STOPWORDS and not w.isdigit()]


@dataclass(frozen=True)
class Hit:
    doc_id: str
    anchor: str
    title: str
    doc_title: str
    snippet: str
    """Plain text with matches between SNIPPET_OPEN and SNIPPET_CLOSE."""
    score: float


Progress = Callable[[int, int], None]
"""Called with (done, total) as documents are indexed."""
SYNC_BATCH = 50


class Stopped(Exception):
    """Indexing was asked to stop (the app is closing)."""


def _file_key(doc: Document) -> tuple[bytes, int, int] | None:
    if doc.stamp is None:
        return None
    return (os.fsencode(os.path.abspath(doc.path)), *doc.stamp)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink()
        except OSError:
            pass


class SectionIndex:
    """An FTS5 index of a corpus's sections, in memory or in a file.

    The file remembers each document's path, size and modification time: opening it
    again indexes only the documents that changed (``sync``). It is a cache: when it
    cannot be opened or is damaged it is rebuilt, in memory if need be.
    """

    def __init__(self, connection: sqlite3.Connection | None = None, fingerprint: str = "") -> None:
        self.connection = connection or sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.isolation_level = None  # transactions are explicit (BEGIN IMMEDIATE)
        self.connection.execute("CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT)")
        row = self.connection.execute("SELECT value FROM info WHERE key = 'parser'").fetchone()
        if row is not None and row[0] != fingerprint:  # made by another version: start again
            self.connection.executescript(
                "DROP TABLE IF EXISTS passage_terms; DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS files;"
            )
        self.connection.executescript(
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS passages USING fts5(
                title, body, doc_id UNINDEXED, anchor UNINDEXED, doc_title UNINDEXED,
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5vocab(passages, 'row');
            CREATE TABLE IF NOT EXISTS files (
                doc_id TEXT PRIMARY KEY, path BLOB, size INTEGER, mtime_ns INTEGER
            );
            """
        )
        self.connection.execute("INSERT OR REPLACE INTO info VALUES ('parser', ?)", (fingerprint,))
        self._size: int | None = None

    @classmethod
    def build(cls, corpus: Corpus, progress: Progress | None = None) -> SectionIndex:
        """A fresh index in memory."""
        index = cls()
        index.sync(corpus.documents, progress)
        return index

    @classmethod
    def open(cls, path: Path) -> SectionIndex:
        """The index kept in ``path`` (created if need be). Raises sqlite3.Error or
        OSError when it cannot be used."""
        from .cache import parser_fingerprint

        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=10, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")  # a cache: speed over durability
            return cls(connection, parser_fingerprint())
        except sqlite3.Error:
            connection.close()
            raise

    @classmethod
    def for_corpus(
        cls, corpus: Corpus, progress: Progress | None = None, stop: Callable[[], bool] | None = None
    ) -> SectionIndex:
        """The corpus's index, up to date: from its file when it has one (a damaged
        file is replaced; one that cannot be written leaves the index in memory)."""
        if corpus.index_file is not None:
            for attempt in range(2):
                try:
                    index = cls.open(corpus.index_file)
                    index.sync(corpus.documents, progress, stop)
                    return index
                except (sqlite3.Error, OSError):
                    if attempt == 0:
                        _remove_database(corpus.index_file)
        index = cls()
        index.sync(corpus.documents, progress, stop)
        return index

    def sync(
        self, documents: list[Document], progress: Progress | None = None, stop: Callable[[], bool] | None = None
    ) -> int:
        """Index the documents that are new or changed since they were indexed, drop
        those that are gone; returns how many were indexed. Parsed documents only
        (sketches are skipped). Commits every few documents, so an interrupted build
        resumes where it stopped; raises Stopped when ``stop()`` says so."""
        stored = {row[0]: tuple(row[1:]) for row in self.connection.execute("SELECT * FROM files")}
        wanted = {doc.id for doc in documents}
        gone = [doc_id for doc_id in stored if doc_id not in wanted]
        todo = [doc for doc in documents if doc.complete and (doc.stamp is None or stored.get(doc.id) != _file_key(doc))]
        if gone:
            with self._transaction():
                self._delete(gone)
        for start in range(0, len(todo), SYNC_BATCH):
            if stop is not None and stop():
                raise Stopped
            batch = todo[start : start + SYNC_BATCH]
            with self._transaction():
                self._delete([doc.id for doc in batch if doc.id in stored])
                self._insert(batch)
            if progress is not None:
                progress(start + len(batch), len(todo))
        self._size = None
        return len(todo)

    def update(self, documents: list[Document]) -> None:
        """Index these documents again (their files changed)."""
        with self._transaction():
            self._delete([doc.id for doc in documents])
            self._insert(documents)
        self._size = None

    def add_documents(self, documents: list[Document]) -> None:
        self.update(documents)

    def remove_document(self, doc_id: str) -> None:
        with self._transaction():
            self._delete([doc_id])
        self._size = None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN IMMEDIATE")  # one writer at a time (two instances)
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _delete(self, doc_ids: list[str]) -> None:
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            self.connection.execute(f"DELETE FROM passages WHERE doc_id IN ({marks})", chunk)
            self.connection.execute(f"DELETE FROM files WHERE doc_id IN ({marks})", chunk)

    def _insert(self, documents: list[Document]) -> None:
        rows = [
            (section.title, text[:MAX_PASSAGE_CHARS], doc.id, section.anchor, doc.title)
            for doc in documents
            for section, text in section_texts(doc)
        ]
        self.connection.executemany(
            "INSERT INTO passages (title, body, doc_id, anchor, doc_title) VALUES (?, ?, ?, ?, ?)", rows
        )
        self.connection.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
            [(doc.id, *_file_key(doc)) for doc in documents if doc.stamp is not None],
        )

    @property
    def size(self) -> int:
        """How many sections are indexed."""
        if self._size is None:
            self._size = self.connection.execute("SELECT count(*) FROM passages").fetchone()[0]
        return self._size

    # --- search ------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Words, "phrases" and prefix* as FTS5 reads them; anything FTS5 would
        reject is searched as plain words instead."""
        match = fts_query(query)
        if not match:
            return []
        try:
            return self._match(match, limit)
        except sqlite3.OperationalError:
            fallback = " ".join(f'"{w}"' for w in _WORD.findall(query.lower()))
            return self._match(fallback, limit) if fallback else []

    def _match(self, match: str, limit: int, exclude_doc: str | None = None) -> list[Hit]:
        rows = self.connection.execute(
            f"""SELECT doc_id, anchor, title, doc_title,
                   snippet(passages, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 14) AS snip,
                   bm25(passages, 2.0, 1.0) AS rank
                FROM passages WHERE passages MATCH ? AND doc_id != ?
                ORDER BY rank LIMIT ?""",
            (match, exclude_doc or "", limit),
        ).fetchall()
        return [Hit(r[0], r[1], r[2], r[3], r[4] or r[2], -r[5]) for r in rows]

    # --- related passages ------------------------------------------------------------

    def _document_frequencies(self, terms: list[str]) -> dict[str, int]:
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        rows = self.connection.execute(f"SELECT term, doc FROM passage_terms WHERE term IN ({marks})", terms)
        return dict(rows.fetchall())

    def _stem_map(self, tokens: list[str]) -> dict[str, str]:
        """word -> the term the porter tokenizer stores for it."""
        return {w: porter(w) for w in set(tokens)}

    def query_terms(self, text: str, title: str = "", limit: int = MAX_QUERY_TERMS) -> list[tuple[str, float]]:
        """The ``limit`` most distinctive words of a passage, by tf-idf, as index terms."""
        tokens = words(text) + words(title) * 2
        if not tokens:
            return []
        stems = self._stem_map(tokens)
        counts = Counter(stems[t] for t in tokens)
        total = max(1, self.size)
        frequencies = self._document_frequencies(list(counts))
        scored = []
        for term, count in counts.items():
            df = frequencies.get(term, 0)
            if df == 0:
                continue
            idf = math.log(1 + total / df)
            scored.append((term, (1 + math.log(count)) * idf))
        scored.sort(key=lambda item: -item[1])
        return scored[:limit]

    def weighted(
        self, terms: list[tuple[str, float]], limit: int, exclude_doc: str | None = None,
        boost: dict[str, float] | None = None, within_doc: str | None = None, snippets: bool = True,
    ) -> list[Hit]:
        """Sections ranked by the weighted sum of their BM25 score for each term (FTS5
        ranks an OR query as if every term weighed the same); from every document but
        ``exclude_doc``, or only from ``within_doc``."""
        scores = self._scores(terms, exclude_doc, within_doc)
        return self._hits(scores, terms, limit, boost, snippets)

    def _scores(
        self, terms: list[tuple[str, float]], exclude_doc: str | None = None, within_doc: str | None = None,
        cache: dict[str, list[tuple[int, float]]] | None = None,
    ) -> dict[int, float]:
        """rowid -> the weighted sum of its BM25 scores. ``cache`` keeps each term's
        scores (for the same ``exclude_doc`` and ``within_doc``), so that a second
        pass with more terms only asks for the new ones."""
        scores: dict[int, float] = {}
        where = "doc_id = ?" if within_doc is not None else "doc_id != ?"
        for term, weight in terms:
            rows = cache.get(term) if cache is not None else None
            if rows is None:
                rows = [
                    (rowid, -rank)
                    for rowid, rank in self.connection.execute(
                        "SELECT rowid, bm25(passages, 2.0, 1.0) FROM passages"
                        f" WHERE passages MATCH ? AND {where} ORDER BY rank LIMIT 300",
                        (f'"{term}"', within_doc if within_doc is not None else exclude_doc or ""),
                    )
                ]
                if cache is not None:
                    cache[term] = rows
            for rowid, score in rows:
                scores[rowid] = scores.get(rowid, 0.0) + weight * score
        return scores

    def _hits(
        self, scores: dict[int, float], terms: list[tuple[str, float]], limit: int,
        boost: dict[str, float] | None = None, snippets: bool = True,
    ) -> list[Hit]:
        """The best ``limit`` of ``scores``, times their document's ``boost``."""
        if not scores:
            return []
        best = sorted(scores, key=lambda rowid: -scores[rowid])[: max(limit * 4, 20)]
        snippet = f"snippet(passages, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 14)" if snippets else "''"
        rows = self.connection.execute(
            f"""SELECT rowid, doc_id, anchor, title, doc_title, {snippet}
                FROM passages WHERE passages MATCH ? AND rowid IN ({",".join(map(str, best))})""",
            (_or(terms),),
        ).fetchall()
        boost = boost or {}
        hits = [
            Hit(r[1], r[2], r[3], r[4], r[5] or r[3], round(scores[r[0]] * boost.get(r[1], 1.0), 3))
            for r in rows
        ]
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]

    def feedback_terms(
        self, terms: list[tuple[str, float]], scores: dict[int, float],
        matches: dict[str, list[tuple[int, float]]], boost: dict[str, float] | None = None,
    ) -> dict[str, float]:
        """Pseudo-relevance feedback, after RM3: the words of the passages that a
        first pass (``scores`` for ``terms``; ``matches``: each term's rowids and
        BM25) clearly ranks best, as weights that sum to 1; empty when none stands
        out.

        - Which passages: the best one, if it scores at least FEEDBACK_LEAD times
          the next; else the best two, if the second leads the third so; and so on
          up to FEEDBACK_PASSAGES. Each must also hold FEEDBACK_COVERAGE of the
          query's weight (as far as the first pass saw, each term's best 300): one
          that leads on a single word (a chapter "Open source" matching "open
          debate") is a lexical accident, and feeding it back would drag
          the query toward it (query drift).
        - Which words: those of the FEEDBACK_WINDOW tokens around the passage's
          matches (FTS5's snippet). A long passage talks about many things; the
          words next to the match say what the match is about.
        - How much: tf-idf, as in ``query_terms``, with the frequency counted over
          the whole passage (the words it keeps coming back to), times the
          passage's share of the chosen passages' scores. Words only one passage
          has cannot bring another up, words most passages have cannot tell them
          apart: both are left out. The FEEDBACK_TERMS heaviest are kept.
        """
        if not scores:
            return {}
        top = sorted(scores, key=lambda rowid: -scores[rowid])[:FEEDBACK_CANDIDATES]
        boost = boost or {}
        rows = self.connection.execute(f"SELECT rowid, doc_id FROM passages WHERE rowid IN ({','.join(map(str, top))})")
        ranked = sorted(((scores[rowid] * boost.get(doc_id, 1.0), rowid) for rowid, doc_id in rows), reverse=True)
        chosen = next(
            (
                ranked[:count] for count in range(1, min(FEEDBACK_PASSAGES, len(ranked)) + 1)
                if count == len(ranked) or ranked[count - 1][0] >= FEEDBACK_LEAD * ranked[count][0]
            ),
            [],
        )
        query_weight = sum(weight for _, weight in terms)
        chosen = [
            (score, rowid) for score, rowid in chosen
            if sum(weight for term, weight in terms if any(r == rowid for r, _ in matches.get(term, ())))
            >= FEEDBACK_COVERAGE * query_weight
        ]
        mass = sum(score for score, _ in chosen)
        if mass <= 0:
            return {}
        share = {rowid: score / mass for score, rowid in chosen}
        texts = self.connection.execute(
            f"""SELECT rowid, body, snippet(passages, 1, '', '', '', {FEEDBACK_WINDOW})
                FROM passages WHERE passages MATCH ? AND rowid IN ({",".join(map(str, share))})""",
            (_or(terms),),
        ).fetchall()
        total = max(1, self.size)
        passages = []
        for rowid, body, window in texts:
            tokens = words(body)
            stems = self._stem_map(tokens)
            counts = Counter(stems[token] for token in tokens)
            near = {stems.get(word) or porter(word) for word in words(window)} & counts.keys()
            passages.append((share[rowid], {term: counts[term] for term in near}))
        frequencies = self._document_frequencies(list({term for _, near in passages for term in near}))
        weights: Counter[str] = Counter()
        for part, near in passages:
            for term, count in near.items():
                df = frequencies.get(term, 0)
                if 1 < df <= total / 2:
                    weights[term] += part * (1 + math.log(count)) * math.log(1 + total / df)
        kept = weights.most_common(FEEDBACK_TERMS)
        norm = sum(weight for _, weight in kept)
        return {term: weight / norm for term, weight in kept} if norm > 0 else {}

    def own_text(self, doc_id: str, anchor: str) -> str:
        row = self.connection.execute(
            "SELECT title, body FROM passages WHERE doc_id = ? AND anchor = ?", (doc_id, anchor)
        ).fetchone()
        return f"{row[0]} {row[1]}" if row else ""

    def related(
        self, doc: Document, section: Section, limit: int = 5, boost: dict[str, float] | None = None,
        snippets: bool = True,
    ) -> list[Hit]:
        """The sections of other documents most related to ``section`` of ``doc``.

        ``boost`` multiplies the score of documents (by id): the app boosts the
        documents tied to this one by a typed relation (its summary, source, comments).

        Two passes: the section's words (``query_terms``, borrowed ones for a short
        section) rank the passages of the other documents; if the best of them stand
        out, their words (``feedback_terms``) join the query and the passages are
        ranked again. A chapter "The Keeper Test" first finds the summary's passage
        on it, whose words (performance reviews, continuous feedback) then find the
        passages on performance and feedback that never say "Keeper".
        """
        own = dict((s.anchor, text) for s, text in section_texts(doc)).get(section.anchor, "")
        title = "" if section.title.startswith("Comment ") else re.sub(r"^\d{1,2}(:\d{2}){1,2}\s*", "", section.title)
        terms = self.query_terms(own, title)
        if len(words(own) + words(title)) < SHORT_SECTION_WORDS and terms:
            # A chapter title alone says little: borrow the words of the passages of
            # its own document that match it best (the page around the chapter list).
            weights = dict(terms)
            context = [
                hit for hit in self.weighted(terms, 4, within_doc=doc.id) if hit.anchor != section.anchor
            ]
            borrowed = [hit for hit in context[:2] if hit.score >= 0.5 * context[0].score]
            for hit in borrowed:
                for term, weight in self.query_terms(self.own_text(hit.doc_id, hit.anchor))[:10]:
                    weights[term] = weights.get(term, 0.0) + weight * BORROWED_WEIGHT
            terms = sorted(weights.items(), key=lambda item: -item[1])[: MAX_QUERY_TERMS * 2]
        if not terms:
            return []
        # The second pass asks FTS5 only for the words the first did not have.
        matches: dict[str, list[tuple[int, float]]] = {}
        scores = self._scores(terms, exclude_doc=doc.id, cache=matches)
        feedback = self.feedback_terms(terms, scores, matches, boost)
        if feedback:
            weights = dict(terms)
            mass = sum(weights.values()) * FEEDBACK_WEIGHT
            for term, share in feedback.items():
                weights[term] = weights.get(term, 0.0) + share * mass
            terms = sorted(weights.items(), key=lambda item: -item[1])
            scores = self._scores(terms, exclude_doc=doc.id, cache=matches)
        return self._hits(scores, terms, limit, boost, snippets)


def _or(terms: list[tuple[str, float]]) -> str:
    return " OR ".join(f'"{term}"' for term, _ in terms)


def fts_query(query: str) -> str:
    """A user's query as FTS5 syntax: "phrases" and prefix* kept, every other word
    quoted (so punctuation and FTS5 keywords cannot break it), words ANDed."""
    parts = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            inner = " ".join(_WORD.findall(phrase.lower()) or re.findall(r"\w+", phrase.lower()))
            if inner:
                parts.append(f'"{inner}"')
        elif word:
            prefix = word.endswith("*")
            tokens = re.findall(r"\w+", word.lower())
            for position, token in enumerate(tokens):
                star = "*" if prefix and position == len(tokens) - 1 else ""
                parts.append(f'"{token}"{star}')
    return " AND ".join(parts)


_porter_cache: dict[str, str] = {}
_stemmer: sqlite3.Connection | None = None
_stemmer_lock = threading.Lock()  # related passages are found in worker threads


def porter(word: str) -> str:
    """The stem FTS5's porter tokenizer stores for ``word``."""
    cached = _porter_cache.get(word)
    if cached is not None:
        return cached
    with _stemmer_lock:
        return _stem(word)


def _stem(word: str) -> str:
    global _stemmer
    if _stemmer is None:
        _stemmer = sqlite3.connect(":memory:", check_same_thread=False)
        _stemmer.executescript(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2');"
            "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');"
        )
    with _stemmer:
        _stemmer.execute("DELETE FROM t")
        _stemmer.execute("INSERT INTO t (x) VALUES (?)", (word,))
        row = _stemmer.execute("SELECT term FROM v").fetchone()
    stem = row[0] if row else word
    _porter_cache[word] = stem
    return stem
