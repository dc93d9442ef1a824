"""Files -> Documents: discovery, front matter, kind, title, date, URL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
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

from .formats import chapters as chapter_lists
from .formats import kinds, media, menu_line, nav_word, past_navigation, summaries, threads, transcripts
from .formats.dates import date_in_lines, parse_date
from .links import extract_links, inline_text, normalize_url, parse_markdown
from .model import Corpus, Document, Section, Timestamp
from .bundle import BundleConfig, read_configs
from .relations import build_relations
from .sections import AnchorAllocator, build_sections, slugify
from .text import clip, decode, excerpt, has_controls, looks_binary, one_line, visible

EXTENSIONS = (".md", ".markdown", ".txt", ".description")
"""Files a folder is searched for: Markdown, plain text, and the ``.description``
files yt-dlp writes beside a video."""
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

_DATE_KEYS = (
    "date", "publishedat", "publisheddate", "published", "published_at", "published_date", "datepublished",
    "date_published", "pubdate", "pub_date", "upload_date", "release_date", "released", "aired", "created",
    "created_at", "createdat", "captured_at", "saved", "date_saved", "updated", "modified", "last_reviewed",
)
_URL_KEYS = (
    "url", "source", "canonical_url", "canonicalurl", "canonical", "source_url", "link", "original_url",
    "webpage_url", "permalink", *summaries.FOREIGN_SOURCE_KEYS,
)
"""Front matter keys whose URL is the page's own (for a source); for a summary or a
comment dump the same keys point at the page it sums up or discusses."""
_OWN_URL_KEYS = ("url", "permalink", "webpage_url")
"""For a summary, the keys that still name the summary itself when another key
(``source_url``, ``canonical``, ...) names its source."""
_TRAILING_KEYS = ("source_url", "author", "created_time", "updated_time", "user_created_time", "title")
_COMMENT_WORDS = {"comments", "comment", "thread", "discussion", "replies", "hn", "reddit", "chat", "responses", "dump"}
_TEXT_EXTENSIONS = (".txt", ".text", ".description")
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


_TRAILING_FIELD = re.compile(r"^[a-z_]{2,30}: ?.*$")


def trailing_metadata(lines: list[str]) -> dict[str, object]:
    """A Joplin "raw" export keeps its metadata at the end (``id: …``,
    ``source_url: …``, ``type_: 1``): those fields, or {} when the text ends with
    no such block."""
    tail = [raw for raw in lines[-60:]]
    while tail and not tail[-1].strip():
        tail.pop()
    block: list[str] = []
    for raw in reversed(tail):
        if not _TRAILING_FIELD.match(raw):
            break
        block.append(raw)
    if len(block) < 6 or not any(raw.startswith(("type_:", "id:")) for raw in block):
        return {}
    fields: dict[str, object] = {}
    for raw in reversed(block):
        key, _, value = raw.partition(":")
        if value.strip():
            fields.setdefault(key, visible(value.strip()))
    return fields


_YARLE_FIELD = re.compile(r"^[ \t]{2,}(?P<key>Created at|Updated at|Source URL|Source|Author|Notebook|Tags?)[ \t]*:[ \t]*(?P<value>\S.*)$")
_YARLE_KEYS = {"created at": "created", "updated at": "updated", "source url": "source", "source": "source", "author": "author"}


def yarle_metadata(lines: list[str]) -> dict[str, object]:
    """An Evernote note exported by Yarle ends with an indented block (``Created at:``,
    ``Updated at:``, ``Source URL:``, ``Notebook:``): those fields, or {}."""
    tail = [raw for raw in lines[-12:] if raw.strip()]
    block = []
    for raw in reversed(tail):
        match = _YARLE_FIELD.match(raw)
        if match is None:
            break
        block.append(match)
    if len(block) < 2 or not any(m.group("key").lower() == "created at" for m in block):
        return {}
    return {_YARLE_KEYS[key]: visible(m.group("value").strip()) for m in reversed(block) if (key := m.group("key").lower()) in _YARLE_KEYS}


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
        lenient = (
            _key_value_lines(raw)
            if isinstance(handler, frontmatter.default_handlers.YAMLHandler) and "mapping values are not allowed" in str(error)
            else None
        )
        if lenient is None:
            return {}, body_line, [f"front matter ignored: not valid ({visible(reason)})"]
        data = lenient  # "title: Keturių dienų darbo savaitė: ką parodė …" (Joplin, unquoted): one key a line
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


_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w -]{0,40}?):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<item>.*?)[ \t]*$")


def _key_value_lines(raw: str) -> dict[str, object] | None:
    """Front matter that is not valid YAML but plainly one ``key: value`` a line (an
    exporter that does not quote a title with a colon in it), with ``  - item``
    lists under a bare key; None when it is anything else."""
    data: dict[str, object] = {}
    last: str | None = None
    for line in raw.splitlines()[:200]:
        if not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        if item and last is not None and (data[last] in ("", None) or isinstance(data[last], list)):
            data[last] = [*(data[last] or []), item.group("item")]  # type: ignore[misc]
            continue
        pair = _KEY_VALUE.match(line)
        if pair is None:
            return None
        value = (pair.group("value") or "").strip()
        if value[:1] in ("[", "{", "!", "&", "*", "|", ">", "%", "@", "`"):
            return None  # YAML's own syntax, broken: no plain line of text
        last = pair.group("key").strip()
        data[last] = value.strip("\"'")
    return data or None


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


def _lowered(meta: dict[str, object]) -> dict[str, object]:
    """Front matter with lower-case keys (``URL:``, ``canonicalURL:``, ``Date:``)."""
    lowered: dict[str, object] = {}
    for key, value in meta.items():
        lowered.setdefault(str(key).lower(), value)
    return lowered


def _date(meta: dict[str, object], body_lines: list[str] | None = None) -> str | None:
    """YYYY-MM-DD from the front matter (``date``, ``publishedAt``, ``upload_date``,
    ...) or, without one, from a metadata line near the top of the body."""
    lowered = _lowered(meta)
    fallback = None
    for key in _DATE_KEYS:
        value = lowered.get(key)
        if value is None:
            continue
        found = parse_date(value)
        if found:
            return found
        if fallback is None and _as_text(value):
            fallback = _as_text(value)[:32]
    if body_lines:
        found = date_in_lines(body_lines) or date_in_lines(past_navigation(body_lines[:120]))
        if found:
            return found
    return fallback


def _meta_urls(meta: dict[str, object]) -> list[tuple[str, str]]:
    """(key, URL) of every front matter field of _URL_KEYS holding a web URL."""
    lowered = _lowered(meta)
    found = []
    for key in _URL_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and normalize_url(value) is not None:
            found.append((key, value.strip()))
    return found


def _url(meta: dict[str, object]) -> str | None:
    urls = _meta_urls(meta)
    return urls[0][1] if urls else None


_TOP_URL = re.compile(
    r"^\s*(?:[-*]\s+)?(?:(?:\*\*|__)?(?:url|source|url source|original|canonical|saved from|originally published (?:at|on))"
    r"(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*)?<?(?:\[[^\]]*\]\()?(?P<url>https?://[^\s)>\]]+)[)>]?\s*$",
    re.IGNORECASE,
)


_READER_COPY = re.compile(r"\[(?:read on \w+|open in (?:the )?(?:app|\w+)|view (?:in (?:your )?browser|online|on the web)|web version)\]", re.IGNORECASE)


def _top_url(body_lines: list[str]) -> str | None:
    """A URL line among the first lines of a page saved without front matter
    (``URL: https://...``, ``Source: <https://...>``, a line with only a URL)."""
    seen = 0
    for raw in body_lines[:30]:
        if not raw.strip():
            continue
        seen += 1
        match = _TOP_URL.match(raw)
        if match and normalize_url(match.group("url")):
            if _READER_COPY.search(raw):
                continue  # "[Read on Omnivore](…)", "[Open in app](…)": the reader's copy, not the page
            if re.match(r"^\s*[-*+]\s+\[(?!https?:)[^\]]{1,30}\]\(", raw):
                continue  # "- [Docs](https://…/docs/)": the site's navigation, not the page
            if summaries.is_profile_url(match.group("url")):
                continue  # "[Ines Valcourt](https://substack.com/@inesvalcourt)": the author's page, not this one
            return match.group("url").rstrip(".,;")
        if seen >= 8:
            break
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


def _unescape(text: str) -> str:
    """HTML entities in a title (``Don&#x27;t``) decoded, then made safe to show."""
    if "&" in text and ";" in text:
        text = visible(html.unescape(text))
    return text


def _title(meta: dict[str, object], sections: list[Section], path: Path, body: str) -> str:
    """Front matter title; else the first heading (a real one: not "TL;DR" or
    "Summary", nor a pseudo-section); else a title-like first line; else a readable
    file name; else the opening words. A top heading that extends the front matter
    title (``Netflix`` / ``Netflix Engineering Leadership Interview Guide``) is
    preferred."""
    given = _as_text(meta.get("title") or meta.get("subject"))
    sections = [
        s for s in sections
        if s.anchor != "top" and not _GENERIC_HEADING.match(s.title) and not (s.level > 1 and _NUMBERED_HEADING.match(s.title))
    ]
    tops = [s for s in sections if s.level == 1]
    if len(tops) > 1 and re.search(r"^#\s+\[" + re.escape(tops[0].title) + r"\]\(https?://[^)\s]+\)\s*$", body[:4000], re.MULTILINE):
        tops = tops[1:]  # "# [The Counterweight](https://…)" over "# What 40 customer calls…": the site's name, then the post's title
    top = next((s.title for s in tops), "")
    heading = next((s.title for s in sections), "")
    if given:
        if top and len(top) > len(given) and top.lower().startswith(given.lower()):
            return _unescape(top)
        return _unescape(given)
    top_lines = [raw.strip() for raw in body.splitlines()[:40]]
    header = next((raw for raw in top_lines if raw), "")
    if re.fullmatch(r"\"?[\w ]{1,30}\"?(?:[,;\t]\"?[\w ]{1,30}\"?){2,}", header) and _file_title(path):
        return _file_title(path) or ""  # a CSV export (Pocket's): its rows are no title
    opening = past_navigation(body.splitlines()[:40])[:12]
    # A date or a URL line may come first (an annotations export, a saved page).
    while len(opening) > 1 and (
        parse_date(opening[0]) or _top_url([opening[0]]) or re.fullmatch(r"[\d\s:/.,-]+", opening[0])
        or _EPISODE_LABEL.match(opening[0]) or _PLATFORMS.fullmatch(opening[0].strip())  # "Season 2 · Episode 47", "Listen on"
        or _menu_row(opening[0])  # "Beranda   Podcast   Audiobook   Radio", "Masuk / Daftar", "Home › Forum › Bisnis"
        or re.fullmatch(r"from [\w .]{2,30}, the free encyclopedia", opening[0].strip(), re.IGNORECASE)  # Wikipedia's tagline
        or (re.match(r"(?:search|suche|buscar|rechercher|cerca|zoeken|szukaj|sök|hae|ara|поиск|пошук|търсене|pesquisar|tafuta|cari|"
                     r"tìm kiếm|ค้นหา|جستجو|חיפוש|खोज)", opening[0].strip(), re.IGNORECASE)
            and len(opening[0].split()) <= 8)  # a search box's placeholder ("Search for artists, bands, tracks")
        or opening[0].strip().lower() in ("try artist pro", "for artists", "upload", "create account", "sign in", "log in")
        or re.match(r"@[\w.\-]{2,40}\s*(?:[·•|]|$)", opening[0].strip())  # the channel's handle line ("@show.podcast · Podcast")
        or re.match(r"\+\s?\S", opening[0].strip())  # a follow button with its count ("+ Follow   41.3K followers")
        or (len(opening[0].split()) <= 2 and _menu_row(opening[1]))  # the site's name over its menu
        or (_EPISODE_TITLE.match(opening[1]) and len(opening[0].split()) <= 4)  # the show's name over "Eps. 27 – Title"
        or (len(opening[0].split()) <= 4 and bool(_EPISODE_LABEL.match(opening[1])))  # the show's name over "Episode 112"
        or re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", opening[0])  # the site's name first (a reader view)
        or re.search(r"\b(?:back to|go to|return to) (?:the )?home ?page\b", opening[0], re.IGNORECASE)  # the site's logo link
        or re.search(r"\b(?:Photograph|Photo|Illustration|Image|Credit)(?: by)?:\s", opening[0])  # a picture's caption
        or (len(opening[0].split()) <= 4 and re.search(r"\blogo\b", opening[0], re.IGNORECASE))  # "Happy Scribe Logo": an image's alt text
        or (len(opening[0].split()) == 1 and 4 <= len(opening[1].split()) <= 20 and not opening[1].endswith("."))  # a kicker ("Energy")
    ):
        opening.pop(0)
    # the file's name may match a line the site's menus hide from ``opening``
    named = _named_by_file(opening, path) or _named_by_file([raw for raw in top_lines if raw and not _TIMED_TITLE.match(raw)], path, 40)
    if named and not top:
        return _unescape(named)  # the browser named the file by the page's title
    shown_twice = _shown_twice(top_lines)
    if shown_twice and (not top or path.suffix.lower() == ".txt"):  # (a text file's "headings" are guesses)
        return _unescape(shown_twice)  # the page's header and its player both show the title
    headline = _over_its_byline(top_lines) if not top and opening and len(opening[0].split()) <= 3 else None
    if headline:
        return _unescape(headline)  # "Punch Newspapers" over the menu, then the headline over its date and byline
    first = opening[0] if opening else ""
    titled = (
        _reads_as_title(first.strip("*_"))
        # a sentence-case headline, known by the byline date under it (a newspaper page)
        or bool(_TITLE_LINE.match(first) and len(first.split()) <= 20 and date_in_lines(opening[1:5], 4))
    ) and path.suffix.lower() != ".description"  # yt-dlp names it by the title
    if top and len(top.split()) == 1 and titled and len(first.split()) >= 3 and not body.lstrip().startswith("#"):
        return _unescape(first)  # "# Electronic" under the title of a page copied as text: a tag, not a heading
    if top or (heading and not titled):
        return _unescape(top or heading)
    readable = _file_title(path)
    if titled and len(first.split()) == 1 and readable and len(readable.split()) >= 2:
        return readable  # "Kagi" over a summariser's output: the site's name; "Kagi key moments" says more
    if titled:
        return _unescape(first)  # a page copied as text (or a Joplin note) starts with its title
    if readable:
        return readable
    return _unescape(excerpt(first.lstrip("#>*-• "), 60)) or one_line(path.name)


_EPISODE_LABEL = re.compile(
    r"^\s*(?:(?:season|series|staffel|saison|temporada|stagione|sezon|säsong|sesong|sæson|kausi|řada|évad|сезон|sezona|sezonas)\s*\d+\s*[·•|,–-]?\s*)?"
    r"(?:episode|ep\.?|folge|jakso|épisode|episodio|aflevering|odcinek|avsnitt|díl|bölüm|випуск|выпуск|epizód|επεισόδιο|tập|الحلقة|第|epizoda|serija|epizodas)"
    r"\s*#?\d{1,4}(?:\s*[集話话회])?(?:\s+(?:of|av|af|von|de|di|van|z|из|з|od|iš)\s+\d{1,4})?\s*$"  # "Sesong 3 · Episode 6 av 8"
    r"|^\s*(?:listen|listen now|listen on|available on|subscribe on|follow on|watch on|hören auf|écouter sur|escuchar en|ascolta su)\s*:?\s*$",
    re.IGNORECASE,
)
"""A label over an episode's title: its number, "Listen on"."""
_EPISODE_TITLE = re.compile(
    r"^\s*(?:eps?\.?|episode|folge|jakso|épisode|episodio|aflevering|odcinek|avsnitt|díl|bölüm|випуск|выпуск|epizód|επεισόδιο|επ\.|tập|الحلقة|#)"
    r"\s*\d{1,4}\s*[–—:|.-]\s*\S",
    re.IGNORECASE,
)
"""An episode's title with its number first: "Eps. 27 – Modal Nekat …", "Episode 42: …"."""


def _menu_row(line: str) -> bool:
    """A site's menu or breadcrumbs copied as one line: four items or more spaced
    apart, two short ones around a slash ("Log in / Sign up"), or parts joined by
    "»" / "›"."""
    text = line.strip()
    parts = [p for p in re.split(r"\s{3,}|\s+\|\s+", text) if p]
    if len(parts) >= 4 and all(len(p.split()) <= 3 for p in parts):
        return True
    if len(parts) >= 2 and all(nav_word(p) for p in parts):
        return True  # "Jiunge   Ingia": two menu words spaced apart
    slashed = [p.strip() for p in text.split("/")]
    if len(slashed) == 2 and all(nav_word(p) for p in slashed):
        return True  # "เข้าสู่ระบบ / สมัครสมาชิก" (log in / sign up), written with marks \w does not know
    if re.fullmatch(r"[^\W\d_][\w.' ]{0,15}\s*/\s*[^\W\d_][\w.' ]{0,15}", text) and len(text.split()) <= 4:
        return True
    crumbs = [p for p in re.split(r"\s+[»›>]\s+", text) if p]
    return len(crumbs) >= 2 and all(len(p.split()) <= 4 for p in crumbs)


_PLATFORMS = re.compile(
    r"(?:(?:apple podcasts|spotify|pocket casts|rss(?: feed)?|overcast|google podcasts|youtube(?: music)?|amazon music|castbox|"
    r"podcast addict|deezer|castro|podbean|iheartradio|tunein|player\.fm|goodpods|podimo|podme|audible)(?:\s*[·•|,]\s*|\s+|$)){2,}",
    re.IGNORECASE,
)
"""A row of podcast apps ("Apple Podcasts  Spotify  Pocket Casts  RSS")."""


def _over_its_byline(top_lines: list[str]) -> str | None:
    """A headline of four words or more right over its date and its byline ("By Ana
    Lima"), further down a copied page than its site's name and menus."""
    lines = [raw for raw in top_lines[:60] if raw]
    for at, raw in enumerate(lines[:-2]):
        below = lines[at + 1 : at + 4]
        if (
            4 <= len(raw.split()) <= 20 and _TITLE_LINE.match(raw) and not menu_line(raw) and not _menu_row(raw)
            and date_in_lines(below[:2], 2) and any(kinds.is_byline(b) for b in below)
        ):
            return raw
    return None


def _shown_twice(top_lines: list[str]) -> str | None:
    """A title-like line of three words or more that the top of a copied page shows
    twice within a few lines (a site's header over its player: iVoox, Spotify)."""
    lines = [raw for raw in top_lines[:60] if raw]
    for at, raw in enumerate(lines):
        if len(raw.split()) >= 3 and raw in lines[at + 1 : at + 4] and _reads_as_title(raw) and not menu_line(raw) and not _menu_row(raw):
            return raw
    return None


_TIMED_TITLE = re.compile(r"^[(\[]?(?:\d{1,2}:)?\d{1,2}:\d\d[)\]]?\s")
"""A chapter's line ("04:30 The compressor"): no page's title."""


def _named_by_file(opening: list[str], path: Path, limit: int = 12) -> str | None:
    """A line near the top whose words the file name holds, three or more and half of
    the name's at least (``Ep 22: Rainwater Harvesting on a Budget`` in ``Ep 22
    Rainwater Harvesting on a Budget by Garden Shed Radio.txt``): the page's title,
    under a site's name."""
    stem_words = re.findall(r"\w+", path.stem.lower())
    if len(stem_words) < 3:
        return None
    known = set(stem_words)
    for line in opening[:limit]:
        words = re.findall(r"\w+", line.lower())
        if len(line) <= 160 and len(words) >= 3 and all(w in known for w in words) and (
            len(words) * 2 >= len(stem_words) or stem_words[: len(words)] == words  # the name starts with it, the site's tagline after
        ):
            return line.strip("#*_ ")
    return None


def _reads_as_title(line: str) -> bool:
    """A first line that is a title, not the first sentence: short, no sentence end,
    a dozen words at most or most of its long words capitalised."""
    if not _TITLE_LINE.match(line) or _top_url([line]):
        return False
    words = line.split()
    if len(words) <= 12:
        return True
    long_words = [w for w in words if len(w.strip(",.:;!?()\"'")) >= 4]
    capitalised = sum(1 for w in long_words if w.strip("\"'(")[:1].isupper())
    return len(words) <= 18 and capitalised * 2 >= len(long_words)


_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*[.)]?\s")
"""A numbered section ("## 1. The problem"): a part of the text, not its title."""
_TITLE_LINE = re.compile(r"^(?=.*[^\W\d_])(?!.*::)(?!#{1,6}\s)[^\s>|*\-\[(`].{2,118}(?<![.,;:])$")
_GENERIC_HEADING = re.compile(
    r"^(?:tl;?dr|summary|key takeaways|takeaways|highlights|snips|notes|introduction|overview|contents|table of contents|"
    r"metadata|episode metadata|one sentence summary|ideas|insights|quotes|references|recommendations|main points|"
    r"key (?:ideas|points|insights)|questions|open questions|timestamps|chapters|show notes|annotations|my thoughts|thoughts|"
    r"action items|attendees|agenda|links|resources|transcript|content|comments|discussion|related|see also)$",
    re.IGNORECASE,
)
"""A first line that reads as a title: short, not a list item or quote, no sentence end."""


def _lettered_stem(path: Path) -> str:
    """A file name of eight letters or more, in any script, as the words of a title
    for telling kinds ("図書館の返却ポストに「本以外」入れないで … - Yahoo!ニュース")."""
    stem = one_line(path.stem)
    return stem if len(re.findall(r"[^\W\d_]", stem)) >= 8 and not re.fullmatch(r"[\w.-]*\d[\w.-]*", stem) else ""


def _file_title(path: Path) -> str | None:
    """A file name that reads as a title (``how-we-ship``, ``ep-17-comments``,
    ``Title [videoid]`` as yt-dlp names descriptions), or None."""
    stem = one_line(path.stem)
    stem = re.sub(r"\s*\[[A-Za-z0-9_-]{6,20}\]$", "", stem)  # yt-dlp's "[video id]"
    stem = re.sub(r"^[\d_-]+(?=[A-Za-z])", "", stem)
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    if len(words) >= 2 and any(w.isalpha() for w in words) and all(w.isalnum() for w in words):
        text = " ".join(words)
        return text[0].upper() + text[1:]
    return None


def _comments_title(meta: dict[str, object], thread: threads.Thread, path: Path) -> str:
    """A dump's title until the relations name its page ("Comments on ..."): the
    front matter's, the discussed page's as the export gives it, the description's
    opening words, or the file name; never "Comment 1" or "Post description"."""
    given = _as_text(meta.get("title"))
    if given:
        return _unescape(given)
    if thread.title:
        return thread.title if thread.own_title else f"Comments on {thread.title}"
    readable = _file_title(path)
    if readable and re.search(r"comment|thread|discussion|repl|chat|hn|reddit", readable, re.IGNORECASE):
        return readable
    if thread.description is not None:
        return excerpt(thread.description[1], 60)
    return readable or f"{len(thread.comments)} comments ({one_line(path.name)})"


def _comment_sections(thread: threads.Thread, body_line: int, last_line: int) -> list[Section]:
    """A description (or the export's header) and then one section a comment, nested
    by reply depth (a comment's section holds its replies)."""
    allocate = AnchorAllocator()
    starts: list[tuple[str, str, int, int]] = []
    first = thread.comments[0].line if thread.comments else last_line + 1
    if thread.description is not None:
        starts.append(("description", "Post description", 2, min(thread.description[0], first)))
    elif first > body_line:
        starts.append(("top", "Introduction", 2, body_line))
    for number, comment in enumerate(thread.comments, 1):
        words = excerpt(comment.text, 48)
        title = f"{comment.author}: {words}" if comment.author else f"Comment {number}: {words}"
        starts.append((f"comment-{number}", clip(title), 2 + min(comment.depth, 4), comment.line))
    sections = []
    for index, (anchor, title, level, line) in enumerate(starts):
        end = last_line + 1
        for later in starts[index + 1 :]:
            if later[2] <= level and later[3] > line:
                end = later[3]
                break
        sections.append(Section(allocate(anchor), title, level, line, end))
    return sections


def _chapters_read_as_comments(thread: threads.Thread, stamps: list[Timestamp]) -> bool:
    """Whether a thread found in a page is its chapter list misread: four chapters or
    more, all in one comment's text or each a comment of its own (a video's or an
    episode's page, whose description and cards look like comments)."""
    if len(stamps) < 4:
        return False
    spans = [(c.line, max(c.end_line, c.line + 1)) for c in thread.comments]
    holders = {next((k for k, (start, end) in enumerate(spans) if start <= t.line < end), None) for t in stamps}
    if None in holders and len(holders) == 1:
        return not thread.strong  # the chapters stand outside every comment: in the page's own description
    held = holders - {None}
    if len(held) == 1 and not thread.strong:
        # One card holds them all: the page's description misread as a card, unless it is
        # one commenter's list among many comments (YouTube's "timestamps" comment).
        start, end = spans[held.pop()]
        return len(spans) <= 6 or (end - start) * 5 >= 2 * sum(e - s for s, e in spans)
    if len(held) >= 2 and len(held) * 2 > len(spans):
        return True  # most "comments" hold a chapter: a page's chapter list cut into cards
    return len(held) >= 4 and len(held) >= len(stamps) // 2  # every chapter a "comment" of its own


def _comment_hint(path: Path) -> bool:
    words = {w for w in re.split(r"[-_.\s]+", path.stem.lower()) if w}
    return bool(words & _COMMENT_WORDS)


def _heading_lines(tokens: list[Token], body_line: int) -> list[int]:
    return [body_line + t.map[0] for t in tokens if t.type == "heading_open" and t.map is not None]


def _headings(tokens: list[Token]) -> list[str]:
    return [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens[:-1])
        if t.type == "heading_open"
    ]


_EDIT_HEADING = re.compile(r"^(?P<title>\S.{0,80}?)\s*\[edit(?: source)?\]\s*$")


def _plain_headings(lines: list[str]) -> list[str]:
    """The headings of a wiki page copied as text: ``Before you start[edit]`` (MediaWiki)."""
    return [m.group("title") for raw in lines if "[edit" in raw and (m := _EDIT_HEADING.match(raw.strip()))]


def _fill_chapter_urls(stamps: list[Timestamp], base: str | None) -> list[Timestamp]:
    """Chapters without a link of their own play the page's media (or page) URL."""
    if not base or all(stamp.url for stamp in stamps):
        return stamps
    return [stamp if stamp.url else dataclasses.replace(stamp, url=base) for stamp in stamps]


def parse_document(text: str, path: Path, relpath: str, doc_id: str, kind_override: tuple[str, str] | None = None) -> Document:
    """Build a Document from its (already decoded) text. ``kind_override``: (kind,
    reason) that the folder's ``.tui-reader.toml`` sets for the file."""
    if "\r" in text:  # the Markdown parser counts CR as a line end: so must we
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_controls(text):  # text that did not come through decode()
        text = visible(text)
    meta, body_line, warnings = split_front_matter(text)
    lines = text.split("\n")
    body_lines = lines[body_line - 1 :]
    if not meta and "type_:" in text[-4000:]:
        meta = {k: v for k, v in trailing_metadata(body_lines).items() if k in _TRAILING_KEYS}
    if not meta and "Created at:" in text[-1500:]:
        meta = yarle_metadata(body_lines)
    last_line = len(lines)
    plain = len(text) > PLAIN_TEXT_CHARS
    tokens = [] if plain else parse_markdown("\n".join(body_lines))
    too_deep = _too_deep(tokens)
    if too_deep:
        plain, tokens = True, []
    explicit = kind_override or kinds.explicit_kind(meta)
    headings = _headings(tokens)
    given_title = _as_text(meta.get("title") or meta.get("subject"))
    title_words = given_title or next((h for h in headings), "") or (_file_title(path) or _lettered_stem(path))
    lowered = _lowered(meta)
    signals = summaries.summary_signals(lowered, body_lines, title_words)
    hinted = _comment_hint(path)
    thread = None
    spoken = transcripts.transcript(body_lines) if explicit is None and signals.strength < 2 else None
    if not plain and not spoken and (explicit is None or explicit[0] == "comments") and (signals.strength < 2 or hinted):
        thread = threads.recognise(body_lines, body_line, hinted or explicit is not None, dumps=not meta)
    links = extract_links(tokens, body_line)
    chapters_found = None
    if thread is not None and not hinted and explicit is None and any(":" in raw for raw in body_lines):
        chapters_found = chapter_lists.find_chapters(body_lines, body_line)
        if _chapters_read_as_comments(thread, chapters_found[0]):
            thread = None  # an episode page: its chapter list was taken for comments
    if thread is None:
        timestamps, stamp_warnings = chapters_found or chapter_lists.find_chapters(body_lines, body_line)
        warnings.extend(stamp_warnings)
    else:
        timestamps = []
    found_pointers = summaries.pointers(lowered, body_lines, body_line) if signals.is_summary or thread else []
    meta_urls = _meta_urls(meta)
    own_url = meta_urls[0][1] if meta_urls else None
    evidence = kinds.Evidence(
        meta=lowered,
        lines=body_lines,
        stem=path.stem.lower(),
        title=title_words,
        headings=headings + _plain_headings(body_lines) if plain or path.suffix.lower() == ".txt" else headings,
        own_url=own_url or _top_url(body_lines),
        url_in_body=own_url is None,
        chapters=len(timestamps),
        media_links=sum(1 for link in links if media.is_media_url(link.url)),
        code_blocks=sum(1 for t in tokens if t.type in ("fence", "code_block")),
        thread=f"{thread.format}, {len(thread.comments)} comments" if thread else None,
        summary=signals.reasons,
        summary_strength=signals.strength,
        pointer=next((p.how for p in found_pointers), None),
        override=kind_override,
        transcript=spoken,
    )
    kind, kind_reason = kinds.classify(evidence)
    if kind == "summary" and not found_pointers and not signals.is_summary:
        found_pointers = summaries.pointers(lowered, body_lines, body_line)  # a summary by its file name or title alone
    url, source_url, source_title, pointer_targets = _identity(kind, meta_urls, body_lines, thread, found_pointers)
    media_url = None
    if kind == "source":
        media_url = media.media_url(lowered, [link.url for link in links] if timestamps else [])
    doc = Document(
        id=doc_id,
        path=path,
        relpath=relpath,
        text=text,
        body_line=body_line,
        kind=kind,
        meta=meta,
        date=_date(meta, body_lines),
        url=url,
        tags=_tags(meta),
        links=links,
        timestamps=_fill_chapter_urls(timestamps, media_url or url),
        warnings=warnings,
        plain_text=plain,
        kind_reason=kind_reason,
        format=thread.format if thread and kind == "comments" else None,
        source_url=source_url,
        source_title=source_title,
        pointers=pointer_targets,
        media_url=media_url,
    )
    if too_deep:
        doc.warnings.append(
            f"lists or quotes nested more than {MAX_NESTING // 2} deep: shown as plain text"
        )
    elif plain:
        doc.warnings.append(
            f"larger than {PLAIN_TEXT_CHARS // 1_000_000} MB of text: shown as plain text"
        )
    if kind == "comments" and thread is not None:
        doc.comments = thread.comments
        if thread.description is not None:
            doc.description_line, doc.description = thread.description
        doc.sections = _comment_sections(thread, body_line, last_line)
        doc.title = clip(_comments_title(meta, thread, path))
    else:
        doc.sections = build_sections(tokens, body_line, last_line, timestamps, body_lines)
        heading_lines = {first_line for first_line in _heading_lines(tokens, body_line)}
        doc.title = clip(_title(meta, [s for s in doc.sections if s.line in heading_lines], path, doc.body))
    doc.title = re.sub(r"\s+", " ", doc.title).strip() or one_line(path.name).strip() or "(untitled)"
    return doc


def _identity(
    kind: str,
    meta_urls: list[tuple[str, str]],
    body_lines: list[str],
    thread: threads.Thread | None,
    found: list[summaries.Pointer],
) -> tuple[str | None, str | None, str | None, list[str]]:
    """(own URL, source URL, source title, pointers) of a document.

    A source's front matter URL (or a URL line at its top) is its own address. A
    summary's front matter URLs point at what it sums up (``source_url:``,
    ``canonical:``, ...), except ``url:`` / ``permalink:`` when another key names
    the source. A comment dump's URLs (the export's header, ``url:``) name the page
    discussed, or the thread itself: the relations decide."""
    if kind == "summary":
        pointer_keys = [key for key, _ in meta_urls if key not in _OWN_URL_KEYS]
        own = next((value for key, value in meta_urls if key in _OWN_URL_KEYS), None) if pointer_keys else None
        targets = [p.target for p in found if p.target != own]
        web = next((p for p in found if p.target.startswith(("http://", "https://")) and p.target != own), None)
        title = ((web.text or None) if web else None) or summaries.quoted_source(body_lines)
        return own, web.target if web else None, title, targets
    if kind == "comments":
        # The thread's own header (a URL line, a LINK: field) and the front matter
        # name the page; a link inside a comment only mentions one.
        candidates = [url for url in ([thread.url] if thread and thread.url else []) + [v for _, v in meta_urls]]
        targets = list(dict.fromkeys(candidates))
        # A page copied with its comments gives its own address in its share box.
        own = meta_urls[0][1] if meta_urls else _share_url(body_lines[:80])
        web = next((t for t in targets if t.startswith(("http://", "https://"))), None)
        return own, web, thread.title if thread else None, targets
    own = meta_urls[0][1] if meta_urls else (_top_url(body_lines) or _share_url(body_lines)) if kind == "source" else None
    return own, None, None, []


_SHARE_LABEL = re.compile(
    r"^\s*(?:share|copy(?: the)? link|permalink|link to|teilen|partager|compartir|condividi|delen|udostępnij|dela|jaa|paylaş|"
    r"поділитися|поделиться|sdílet|megosztás|κοινοποίηση|chia sẻ|bagikan)"
    r"(?:\s+(?:this|the|dieses?|cet(?:te)?|este|esta|questo|deze|ten|tę|den|det|bu|tento|toto))?"
    r"(?:\s+(?:episode|post|article|video|page|story|show|folge|épisode|episodio|aflevering|odcinek|avsnitt|jakso|bölüm|díl))?"
    r"\s*[:：]?\s*(?P<url><?https?://\S+?>?)?\s*$",
    re.IGNORECASE,
)


def _share_url(lines: list[str]) -> str | None:
    """The page's own address in its share box ("Share this episode:
    https://show.fireside.fm/112", or the link on the line below the label)."""
    for index, raw in enumerate(lines):
        if len(raw) > 300 or not raw.strip() or not raw.lstrip()[:1].isalpha():
            continue
        match = _SHARE_LABEL.match(raw)
        if not match:
            continue
        url = match.group("url")
        if url is None and index + 1 < len(lines):
            below = re.fullmatch(r"\s*<?(https?://\S+?)>?\s*", lines[index + 1])
            url = below.group(1) if below else None
        if url is None and index and re.match(r"^\s*copy", raw, re.IGNORECASE):
            above = re.fullmatch(r"\s*<?(https?://\S+?)>?\s*", lines[index - 1])
            url = above.group(1) if above else None  # TikTok's link field, then its "Copy link" button
        if url:
            return url.strip("<>")
    return None


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
    lowered = _lowered(meta)
    head = body_lines[:400]
    explicit = kinds.explicit_kind(meta)
    title_words = _as_text(meta.get("title") or meta.get("subject")) or (headings[0].title if headings else "") or (_file_title(path) or _lettered_stem(path))
    signals = summaries.summary_signals(lowered, head, title_words)
    hinted = _comment_hint(path)
    thread = None
    spoken = transcripts.transcript(head) if explicit is None and signals.strength < 2 else None
    if explicit is None and not spoken and (signals.strength < 2 or hinted):
        thread = threads.recognise(head, body_line, hinted, dumps=not meta)
    # A summary (or a thread) is that whatever chapters it has: the kind needs none.
    timestamps = [] if thread or signals.strength >= 2 or explicit else chapter_lists.find_chapters(head, body_line)[0]
    meta_urls = _meta_urls(meta)
    evidence = kinds.Evidence(
        meta=lowered, lines=head, stem=path.stem.lower(), title=title_words, headings=[h.title for h in headings],
        own_url=(meta_urls[0][1] if meta_urls else None) or _top_url(head), url_in_body=not meta_urls, chapters=len(timestamps),
        thread=f"{thread.format}, {len(thread.comments)} comments" if thread else None,
        summary=signals.reasons, summary_strength=signals.strength,
        pointer="a link line" if signals.strength == 1 and any(summaries.pointers(lowered, head, body_line)) else None,
        transcript=spoken,
    )
    kind, reason = kinds.classify(evidence)
    url = meta_urls[0][1] if meta_urls and kind not in ("summary", "comments") else None
    title = _comments_title(meta, thread, path) if thread is not None and kind == "comments" else _title(meta, headings, path, body[:2000])
    return Document(
        id=doc_id, path=path, relpath=relpath, text="", body_line=body_line, kind=kind, kind_reason=reason,
        title=clip(re.sub(r"\s+", " ", title).strip()), date=_date(meta, head), url=url,
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
    bundle = read_configs(_folders(found, roots))
    warnings.extend(bundle.warnings)
    loaded = [apply_settings(doc, bundle) for doc in documents if doc is not None]
    if not loaded:
        names = ", ".join(str(p) for p in roots)
        detail = f" ({'; '.join(warnings[:3])})" if warnings else ""
        raise CorpusError(
            f"no documents (*.md, *.markdown, *.txt, *.description) found in {names}{detail}"
        )
    relations, resolver = build_relations(loaded, bundle.ties) if not sketch else ([], None)
    index_file = _index_file(roots) if cache else None
    return Corpus(loaded, relations, warnings, resolver, index_file, bundle)


def _folders(found: list[tuple[Path, Path]], roots: list[Path]) -> set[Path]:
    """Every folder from a document's own up to the root it was found under: where a
    ``.tui-reader.toml`` may stand."""
    folders: set[Path] = set()
    for file, root in found:
        folder = file.parent
        while True:
            folders.add(folder)
            if folder == root or folder == folder.parent or root not in folder.parents:
                break
            folder = folder.parent
    return folders


def apply_settings(doc: Document, bundle: BundleConfig | None) -> Document:
    """``doc`` with the kind its folder's ``.tui-reader.toml`` sets, if any (parsed
    again when the kind changes what is read: a dump's comments, a page's chapters)."""
    override = bundle.kind_for(doc.path) if bundle is not None else None
    if override is None or (doc.kind, doc.kind_reason) == override:
        return doc
    if not doc.complete or not doc.text:
        doc.kind, doc.kind_reason = override
        return doc
    fresh = parse_document(doc.text, doc.path, doc.relpath, doc.id, override)
    fresh.warnings[:0] = [w for w in doc.warnings if w not in fresh.warnings]
    fresh.stamp = doc.stamp
    return fresh


def _index_file(roots: list[Path]) -> Path:
    """The index of a set of folders: one file per set, under the user cache directory."""
    from platformdirs import user_cache_path

    digest = hashlib.sha256(b"\0".join(sorted(os.fsencode(os.path.abspath(r)) for r in roots)))
    return user_cache_path("tui-reader", appauthor=False) / f"index-{digest.hexdigest()[:16]}.sqlite3"


__all__ = [
    "CorpusError", "load_corpus", "parse_document", "read_document", "reread_document", "sketch_document", "slugify",
]
