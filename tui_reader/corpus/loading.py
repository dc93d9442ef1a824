"""Files -> Documents: discovery, front matter, kind, title, date, URL."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import operator
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

import frontmatter
import frontmatter.default_handlers
import yaml
from markdown_it.token import Token

from . import comments as comment_dumps
from .links import (
    extract_links,
    extract_timestamps,
    inline_text,
    normalize_url,
    parse_markdown,
)
from .model import KINDS, Corpus, Document, Section
from .relations import build_relations
from .sections import build_sections, slugify
from .text import clip, decode, excerpt, has_controls, looks_binary, one_line, visible

EXTENSIONS = (".md", ".markdown", ".txt")
MAX_FILE_BYTES = 64 * 1024 * 1024
PLAIN_TEXT_CHARS = 2_000_000
"""Documents longer than this are shown as plain text: Markdown layout of a multi-MB
file would take seconds, for text that is rarely Markdown at that size."""
MAX_NESTING = 20
"""markdown-it's ``maxNesting`` (commonmark preset, also Rich's parser): lists and
quotes nested deeper make it drop the rest of the document, so such a document is
shown as plain text instead."""
_META_MAX_NODES = 10_000
_META_MAX_DEPTH = 50
"""Front matter larger or deeper than this (YAML aliases can make a few lines into
billions of values, or a loop) is ignored."""

_DATE_KEYS = ("date", "publishedAt", "publishedDate", "published", "pubDate", "created")
_URL_KEYS = ("url", "source", "canonical_url", "canonical", "source_url", "link", "original_url")
_KIND_KEYS = ("kind", "type", "doctype")
_KIND_SYNONYMS = {
    "summaries": "summary",
    "digest": "summary",
    "comment": "comments",
    "discussion": "comments",
    "sources": "source",
    "guides": "guide",
    "tutorial": "guide",
    "howto": "guide",
    "how-to": "guide",
    "post": "article",
    "notes": "note",
}
_GUIDE_WORDS = {"guide", "guides", "interview-prep", "tutorial", "how-to", "howto", "handbook"}


class _TOMLHandler(frontmatter.default_handlers.BaseHandler):
    """``+++`` TOML front matter, read with the standard library (python-frontmatter
    only offers TOML when the third-party ``toml`` package is installed)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> dict[str, object]:
        return tomllib.loads(fm)


_FRONT_MATTER_HANDLERS = [
    *(h for h in frontmatter.handlers if h.START_DELIMITER != "+++"),
    _TOMLHandler(),
]


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, in C when libyaml is there (several times faster)."""


class CorpusError(Exception):
    """A problem with the paths asked for: shown as one line, exit status 2."""


def bundled_seeds() -> Path:
    """The default corpus shipped with the package."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise CorpusError("the bundled seed documents are missing from this installation")


# --- discovery ---------------------------------------------------------------------


def discover(paths: Sequence[Path]) -> tuple[list[tuple[Path, Path]], list[str]]:
    """The document files below ``paths``, each with the root it was found under.

    Files named directly are taken whatever their extension; folders are walked
    recursively for ``*.md``, ``*.markdown`` and ``*.txt``, skipping hidden entries
    and never following a symlinked folder (so link loops end).
    """
    found: list[tuple[Path, Path]] = []
    warnings: list[str] = []
    for path in paths:
        try:
            if not path.exists():
                raise CorpusError(f"no such file or directory: {one_line(str(path))}")
            is_file, is_dir = path.is_file(), path.is_dir()
        except OSError as error:  # a parent folder that cannot be searched
            raise CorpusError(f"cannot read {one_line(str(path))}: {error.strerror or error}") from None
        if is_file:
            found.append((path, path.parent))
            continue
        if not is_dir:
            raise CorpusError(f"not a file or directory: {one_line(str(path))}")

        def on_error(error: OSError, root: Path = path) -> None:
            where = _relpath(Path(os.fsdecode(error.filename or "?")), root)
            warnings.append(f"cannot read {where}: {error.strerror or error}")

        for folder, dirnames, filenames in os.walk(path, onerror=on_error):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                    continue
                found.append((Path(folder) / name, path))
    return found, warnings


def _document_ids(found: list[tuple[Path, Path]]) -> list[str]:
    """The file name without extension, or the relative path where names collide."""
    stems = [one_line(file.stem) for file, _ in found]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem] = counts.get(stem, 0) + 1
    ids: list[str] = []
    used: set[str] = set()
    for (file, root), stem in zip(found, stems):
        doc_id = stem
        if counts[stem] > 1:
            doc_id = _relpath(file, root).rsplit(".", 1)[0]
        base, n = doc_id, 1
        while doc_id in used:
            n += 1
            doc_id = f"{base}~{n}"
        used.add(doc_id)
        ids.append(doc_id)
    return ids


def _relpath(file: Path, root: Path) -> str:
    """``file`` relative to ``root``, safe to show (no control characters)."""
    try:
        return one_line(file.relative_to(root).as_posix())
    except ValueError:
        return one_line(file.name)


# --- one document ------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, object], int, list[str]]:
    """The front matter of ``text`` (YAML ``---``, TOML ``+++``), the 1-based line
    where the body starts, and warnings. Malformed front matter is ignored, with a
    warning, and its block is still kept out of the body."""
    handler = frontmatter.detect_format(text, _FRONT_MATTER_HANDLERS)
    if handler is None or not text.startswith(handler.START_DELIMITER):
        return {}, 1, []
    try:
        raw, content = handler.split(text)
    except ValueError:
        return {}, 1, []
    body_line = text.count("\n", 0, len(text) - len(content)) + 1
    if content.startswith("\n") or (not content and not text.endswith("\n")):
        # The body starts on the line after the closing delimiter, also when
        # there is none (front matter only, no final newline).
        body_line += 1
    try:
        if isinstance(handler, frontmatter.default_handlers.YAMLHandler):
            data = handler.load(raw, Loader=_YAML_LOADER)
        else:
            data = handler.load(raw)
    except RecursionError:
        return {}, body_line, ["front matter ignored: nested too deeply"]
    except (yaml.YAMLError, ValueError, TypeError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {}, body_line, [f"front matter ignored: not valid ({visible(reason)})"]
    if data is None:
        return {}, body_line, []
    if not isinstance(data, dict):
        return {}, body_line, ["front matter ignored: not a mapping of keys to values"]
    # YAML escapes ("\\e", "\\a", "\\u202e") can smuggle control characters past
    # decode(): make them visible like the rest of the text. Aliases can make a tiny
    # block expand to billions of values, or loop: the copy has a budget.
    budget = [_META_MAX_NODES]
    try:
        meta = {visible(str(key)): _visible_value(value, budget, 1) for key, value in data.items()}
    except (_TooLarge, RecursionError, ValueError):
        return {}, body_line, ["front matter ignored: too large or nested too deeply"]
    return meta, body_line, []


class _TooLarge(Exception):
    pass


def _visible_value(value: object, budget: list[int], depth: int) -> object:
    """A copy of a front matter value with visible strings (sets become lists)."""
    budget[0] -= 1
    if budget[0] < 0 or depth > _META_MAX_DEPTH:
        raise _TooLarge
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {
            visible(k) if isinstance(k, str) else k: _visible_value(v, budget, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_visible_value(v, budget, depth + 1) for v in value]
    return value


def _as_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return "" if value is None else re.sub(r"\s+", " ", str(value)).strip()


def _date(meta: dict[str, object]) -> str | None:
    for key in _DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()[:10]
        if value is not None:
            text = _as_text(value)
            match = re.match(r"\d{4}-\d{2}-\d{2}", text)
            if match:
                return match.group()
            if text:
                return text[:32]
    return None


def _url(meta: dict[str, object]) -> str | None:
    for key in _URL_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and normalize_url(value) is not None:
            return value.strip()
    return None


def _tags(meta: dict[str, object]) -> list[str]:
    tags: list[str] = []
    for key in ("tags", "hashtags", "keywords", "categories"):
        value = meta.get(key)
        if isinstance(value, str):
            tags.extend(t.lstrip("#") for t in re.split(r"[,\s]+", value) if t.strip("#"))
        elif isinstance(value, (list, tuple)):
            tags.extend(_as_text(v).lstrip("#") for v in value if _as_text(v).strip("#"))
    seen: dict[str, None] = {}
    for tag in tags:
        seen.setdefault(tag, None)
    return list(seen)


def _explicit_kind(meta: dict[str, object]) -> str | None:
    for key in _KIND_KEYS:
        value = meta.get(key)
        if isinstance(value, str):
            kind = value.strip().lower()
            kind = _KIND_SYNONYMS.get(kind, kind)
            if kind in KINDS:
                return kind
    return None


def classify(
    meta: dict[str, object],
    body_lines: list[str],
    has_headings: bool,
    has_timestamps: bool,
    path: Path,
    title: str,
) -> str:
    """summary, source, comments, guide, article or note."""
    explicit = _explicit_kind(meta)
    if explicit:
        return explicit
    if not has_headings and (
        (not meta and comment_dumps.looks_like_dump(body_lines))
        or "comment" in path.stem.lower()
    ):
        return "comments"
    bold_leads = {
        line.split(":**", 1)[0].strip("* ").lower()
        for line in body_lines
        if line.startswith("**") and ":**" in line[:24]
    }
    if "link" in bold_leads and bold_leads & {"tldr", "summary", "key takeaways"}:
        return "summary"
    if _url(meta) or has_timestamps:
        return "source"
    words = {w.lower() for w in _tags(meta)} | {
        _as_text(meta.get("category")).lower(),
    }
    if words & _GUIDE_WORDS or re.search(r"\bguide\b", title, re.IGNORECASE):
        return "guide"
    return "article" if meta else "note"


def _title(meta: dict[str, object], sections: list[Section], path: Path, body: str) -> str:
    """Front matter title; else the first heading; else a readable file name; else
    the opening words. A top heading that extends the front matter title (``Netflix``
    / ``Netflix Engineering Leadership Interview Guide``) is preferred."""
    given = _as_text(meta.get("title"))
    top = next((s.title for s in sections if s.level == 1 and s.anchor != "top"), "")
    heading = next((s.title for s in sections if s.anchor != "top"), "")
    if given:
        if top and len(top) > len(given) and top.lower().startswith(given.lower()):
            return top
        return given
    if top or heading:
        return top or heading
    stem = re.sub(r"^[\d_-]+", "", path.stem)
    words = re.split(r"[-_\s]+", stem)
    if len(words) >= 2 and any(words) and all(w.isalpha() for w in words if w):
        return " ".join(words).strip().capitalize()
    first = next((line for line in body.splitlines() if line.strip()), "")
    return excerpt(first.lstrip("#>*-• "), 60) or one_line(path.name)


def _comment_sections(dump: comment_dumps.CommentDump, last_line: int) -> list[Section]:
    starts: list[tuple[str, str, int]] = []
    if dump.description is not None:
        starts.append(("description", "Post description", dump.description.line))
    for number, comment in enumerate(dump.comments, 1):
        starts.append(
            (f"comment-{number}", f"Comment {number}: {excerpt(comment.text, 48)}", comment.line)
        )
    sections = []
    for index, (anchor, title, line) in enumerate(starts):
        end = starts[index + 1][2] if index + 1 < len(starts) else last_line + 1
        sections.append(Section(anchor, title, 2, line, end))
    return sections


def parse_document(text: str, path: Path, relpath: str, doc_id: str) -> Document:
    """Build a Document from its (already decoded) text."""
    if "\r" in text:  # the Markdown parser counts CR as a line end: so must we
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_controls(text):  # text that did not come through decode()
        text = visible(text)
    meta, body_line, warnings = split_front_matter(text)
    lines = text.split("\n")
    body_lines = lines[body_line - 1 :]
    last_line = len(lines)
    plain = len(text) > PLAIN_TEXT_CHARS
    tokens = [] if plain else parse_markdown("\n".join(body_lines))
    too_deep = _too_deep(tokens)
    if too_deep:
        plain, tokens = True, []
    timestamps, stamp_warnings = extract_timestamps(body_lines, body_line)
    warnings.extend(stamp_warnings)
    heading_titles = [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens[:-1])
        if t.type == "heading_open" and t.tag == "h1"
    ]
    has_headings = any(t.type == "heading_open" for t in tokens)
    titles = " ".join([_as_text(meta.get("title")), *heading_titles[:1]])
    kind = classify(meta, body_lines, has_headings, bool(timestamps), path, titles)
    doc = Document(
        id=doc_id,
        path=path,
        relpath=relpath,
        text=text,
        body_line=body_line,
        kind=kind,
        meta=meta,
        date=_date(meta),
        url=_url(meta),
        tags=_tags(meta),
        links=extract_links(tokens, body_line),
        timestamps=timestamps,
        warnings=warnings,
        plain_text=plain,
    )
    if too_deep:
        doc.warnings.append(
            f"lists or quotes nested more than {MAX_NESTING // 2} deep: shown as plain text"
        )
    elif plain:
        doc.warnings.append(
            f"larger than {PLAIN_TEXT_CHARS // 1_000_000} MB of text: shown as plain text"
        )
    if kind == "comments" and not has_headings:
        dump = comment_dumps.parse_dump(body_lines, body_line)
        doc.comments = comment_dumps.to_comments(dump)
        if dump.description is not None:
            doc.description = dump.description.text
            doc.description_line = dump.description.line
        doc.sections = _comment_sections(dump, last_line)
    else:
        doc.sections = build_sections(tokens, body_line, last_line, timestamps, body_lines)
    doc.title = clip(_title(meta, doc.sections, path, doc.body))
    return doc


def _too_deep(tokens: list[Token]) -> bool:
    """Whether markdown-it hit its nesting limit (and so dropped the rest): a list
    item or quote opened at the last level it allows."""
    if not tokens or max(map(_level, tokens)) < MAX_NESTING - 1:
        return False
    return any(t.nesting == 1 and t.level >= MAX_NESTING - 1 for t in tokens)


_level = operator.attrgetter("level")


def _read_text(path: Path, relpath: str) -> tuple[str, list[str], tuple[int, int]] | str:
    """The decoded text of ``path``, decoding warnings and the file's stamp, or a
    one-line reason why it cannot be read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return f"{relpath}: skipped, not a regular file"
        if info.st_size > MAX_FILE_BYTES:
            return f"{relpath}: skipped, larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        data = path.read_bytes()
    except OSError as error:
        return f"{relpath}: cannot read ({error.strerror or error})"
    if looks_binary(data):
        return f"{relpath}: skipped as binary"
    text, warnings = decode(data)
    return text, warnings, (info.st_size, info.st_mtime_ns)


def read_document(path: Path, root: Path | None, doc_id: str, relpath: str | None = None) -> Document | str:
    """The document at ``path``, or a one-line reason why it cannot be read."""
    relpath = relpath if relpath is not None else _relpath(path, root or path.parent)
    result = _read_text(path, relpath)
    if isinstance(result, str):
        return result
    text, warnings, stamp = result
    try:
        doc = parse_document(text, path, relpath, doc_id)
    except Exception as error:  # a parser bug must not stop the other documents
        return f"{relpath}: could not be read ({type(error).__name__}: {one_line(str(error))[:200]})"
    doc.warnings[:0] = warnings
    doc.stamp = stamp
    return doc


def reread_document(doc: Document) -> Document:
    """``doc`` read and parsed again from its file. A file that cannot be read any
    more gives an empty document that says why."""
    result = read_document(doc.path, None, doc.id, relpath=doc.relpath)
    if isinstance(result, str):
        return Document(
            id=doc.id, path=doc.path, relpath=doc.relpath, text="", body_line=1,
            kind=doc.kind, title=doc.title, date=doc.date, url=doc.url, warnings=[result],
        )
    return result


_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def sketch_document(path: Path, root: Path, doc_id: str) -> Document | str:
    """What the documents list needs, from a quick read without the Markdown parser:
    front matter, title (front matter or first heading), kind and date. The result is
    marked incomplete; ``reread_document`` parses it fully."""
    relpath = _relpath(path, root)
    result = _read_text(path, relpath)
    if isinstance(result, str):
        return result
    text, warnings, stamp = result
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        meta, body_line, meta_warnings = split_front_matter(text)
    except Exception:  # the full parse reports it
        meta, body_line, meta_warnings = {}, 1, []
    body_lines = text.split("\n")[body_line - 1 :]
    body = "\n".join(body_lines)
    headings = [
        Section("", visible(m.group(2)), len(m.group(1)), 0, 0)
        for m in itertools.islice(_HEADING.finditer(body), 20)
    ]
    timestamps, _ = extract_timestamps(body_lines[:400], body_line)
    titles = " ".join([_as_text(meta.get("title")), *(h.title for h in headings if h.level == 1)][:2])
    kind = classify(meta, body_lines, bool(headings), bool(timestamps), path, titles)
    return Document(
        id=doc_id, path=path, relpath=relpath, text="", body_line=body_line, kind=kind,
        title=clip(_title(meta, headings, path, body[:2000])), date=_date(meta), url=_url(meta),
        tags=_tags(meta), meta=meta, warnings=warnings + meta_warnings, stamp=stamp, complete=False,
    )


SKETCH_MIN_FILES = 200
"""With ``defer``, files are only sketched when more than this many need parsing."""


def load_corpus(paths: Iterable[Path] | None = None, cache: bool = True, defer: bool = False) -> Corpus:
    """Load every document below ``paths`` (the bundled seeds when empty) and the
    relations between them. Raises CorpusError when there is nothing to read.

    Parsed documents are cached (``corpus/cache.py``): only files whose size or
    modification time changed are parsed again. With ``defer`` and more than
    SKETCH_MIN_FILES files to parse, those are only sketched (see ``sketch_document``):
    ``corpus.complete_pending()`` parses them and finds the relations."""
    from .cache import DocumentCache, from_record

    roots = list(paths or ()) or [bundled_seeds()]
    found, warnings = discover(roots)
    store = DocumentCache() if cache else None
    documents: list[Document | None] = []
    todo: list[tuple[int, Path, Path, str]] = []
    for (file, root), doc_id in zip(found, _document_ids(found)):
        hit = store.get(file) if store is not None else None
        if hit is not None:
            try:
                documents.append(from_record(hit[0], file, _relpath(file, root), doc_id, hit[1]))
                continue
            except (ValueError, KeyError, TypeError):
                pass  # a damaged record: parse the file
        todo.append((len(documents), file, root, doc_id))
        documents.append(None)
    sketch = defer and len(todo) > SKETCH_MIN_FILES
    for position, file, root, doc_id in todo:
        result = (sketch_document if sketch else read_document)(file, root, doc_id)
        if isinstance(result, str):
            warnings.append(result)
            continue
        documents[position] = result
        if store is not None and result.complete:
            store.put(result)
    if store is not None:
        store.close()
    loaded = [doc for doc in documents if doc is not None]
    if not loaded:
        names = ", ".join(str(p) for p in roots)
        detail = f" ({'; '.join(warnings[:3])})" if warnings else ""
        raise CorpusError(
            f"no documents (*.md, *.markdown, *.txt) found in {names}{detail}"
        )
    relations, resolver = build_relations(loaded) if not sketch else ([], None)
    index_file = _index_file(roots) if cache else None
    return Corpus(loaded, relations, warnings, resolver, index_file)


def _index_file(roots: list[Path]) -> Path:
    """The index of a set of folders: one file per set, under the user cache directory."""
    from platformdirs import user_cache_path

    digest = hashlib.sha256(b"\0".join(sorted(os.fsencode(os.path.abspath(r)) for r in roots)))
    return user_cache_path("tui-reader", appauthor=False) / f"index-{digest.hexdigest()[:16]}.sqlite3"


__all__ = [
    "CorpusError", "load_corpus", "parse_document", "read_document", "reread_document", "sketch_document", "slugify",
]
