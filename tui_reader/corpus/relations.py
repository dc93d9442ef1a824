"""The typed link graph between documents and their sections, each tie with its reason.

- ``summarizes``: a summary points at the document it sums up;
- ``comments-on``: a comment dump belongs to the page it was left on;
- ``links-to``: any other link from one document of the corpus to another (a URL
  the other carries, a relative path, a ``[[wikilink]]``).

A summary or a dump is tied, strongest evidence first:

1. a tie set in the folder's ``.tui-reader.toml``;
2. its pointers (``**Link:**`` line, ``source_url:``, the thread's URL, a footnote, a
   ``[[wikilink]]``), matched against the documents' own URLs, titles and files;
3. a shared file-name stem: ``ep-17.md``, ``ep-17-comments.txt``, ``ep-17-summary.md``
   (a ``ep-17-comments-summary.md`` sums up the comments);
4. a shared title: "Comments on X", "Summary of X", the export's own title for X, a
   link text that is X's title, a description that covers X's title words;
5. content, for a dump or a summary that names nothing: the page of its folder its
   text is most about, by BM25 over the full-text index, only when it scores at
   least CONTENT_MARGIN times the next page.

One relation per ordered pair of documents and type; a ``links-to`` is left out
where the pair has a stronger tie.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from .links import normalize_url, same_page_reason, url_fragment, wiki_target
from .model import Document, Link, Relation
from .sections import slugify
from .formats import kinds, summaries

_OWN_KEYS = {"url", "permalink", "webpage_url", "canonical_url", "canonicalurl"}
"""Front matter keys whose URL is the document's own address, not a tie."""
_STOPWORDS = {
    "the", "and", "for", "with", "from", "that", "this", "what", "how", "why", "are",
    "was", "its", "into", "about", "your", "you", "our", "their", "has", "have", "not",
}
_MIN_TITLE_COVER = 0.6
CONTENT_MARGIN = 2.0
CONTENT_TERMS = 30
CONTENT_SHARED = 0.2
CONTENT_ALONE = 0.3
CONTENT_ALONE_DUMP = 0.1
"""With a single page in the folder there is no margin to measure: a summary must
share more of its vocabulary with it (a comment dump beside a single page is most
likely about it: the seeds' own case)."""
CONTENT_MAX_PAGES = 60
"""Content ties are looked for in folders of at most this many documents (a bundle);
a folder of thousands of files is a library, not a bundle."""
_ROLE_WORDS = {
    "comments": "comments", "comment": "comments", "thread": "comments", "discussion": "comments",
    "replies": "comments", "hn": "comments", "reddit": "comments", "chat": "comments", "responses": "comments",
    "summary": "summary", "summaries": "summary", "tldr": "summary", "highlights": "summary", "takeaways": "summary",
    "recap": "summary", "digest": "summary", "snips": "summary", "notes": "summary", "keypoints": "summary",
    "transcript": "page", "shownotes": "page", "description": "page", "chapters": "page", "article": "page",
    "post": "page", "page": "page", "episode": "page", "source": "page", "original": "page", "show": "page",
}
_SUMMED_WORDS = (
    r"summary|tl;?dr|highlights|notes|key takeaways|takeaways|recap|digest|notizen|notas|筆記|笔记|"
    + kinds.SUMMARY_WORDS + "|" + kinds.SUMMARY_WORDS_UNSPACED
)
"""A summary's or a note's word in its title, in the languages the kinds know ("ÖZET - …", "… – oppsummering")."""
_TALK_WORDS = (
    r"comments|discussion|kommentarer|kommentare|komentarai|komentari|komentarze|yorumlar|reacties|commentaires|comentarios|comentários|"
    r"commenti|debat|debatt|diskusia|diskussion|コメント|댓글|留言|评论|評論"
)
_TITLE_PATTERNS = [
    re.compile(r"^(?:comments?|discussion|replies|thread|responses)\s+(?:on|about|for|of|to)\s+(?P<title>.+)$", re.I),
    re.compile(r"^(?:" + _SUMMED_WORDS + r")\s*(?:of|from|for|on|:|-|–|—)\s*(?P<title>.+)$", re.I),
    re.compile(r"^re:\s*(?P<title>.+)$", re.I),
    re.compile(r"^(?P<title>.+?)\s*(?:[-–—:|(]\s*)(?:" + _SUMMED_WORDS + "|" + _TALK_WORDS + r"|summarised|summarized)\)?$", re.I),
]


_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
"""A run of a script written without spaces between words (Chinese, Japanese, Thai,
Lao, Burmese, Khmer)."""


def _grams(text: str) -> set[str]:
    """The character pairs of ``text``'s runs of unspaced scripts: their "words", as
    far as comparing two texts needs (``老冰箱`` and ``冰箱`` share ``冰箱``)."""
    return {run[k : k + 2] for run in _UNSPACED.findall(text) for k in range(len(run) - 1)}


def _words(text: str) -> set[str]:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    spaced = {w for w in re.findall(r"[^\W_]{3,}", _UNSPACED.sub(" ", text)) if w not in _STOPWORDS}
    return spaced | _grams(text)


_CONTRACTIONS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would"}
_CONTRACTION = re.compile(r"(n['’]t|['’]re|['’]ve|['’]ll|['’]m|['’]d)\b")


@functools.lru_cache(maxsize=65_536)
def title_key(title: str) -> str:
    """A title's comparable form: lower case, quotes and punctuation dropped."""
    text = unicodedata.normalize("NFKC", title).lower()
    text = re.sub(r"\s*\([\w.-]+\.[a-z]{2,}\)\s*$", "", text)  # "Title (example.com)"
    text = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(1).replace("’", "'")], text)  # "isn't" is "is not"
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"`´]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _titles_named(title: str) -> list[str]:
    """The titles of other documents a title names: "Comments on X" -> X, "X —
    summary" -> X; and the title itself."""
    named = [title]
    for pattern in _TITLE_PATTERNS:
        match = pattern.match(title.strip())
        if match:
            named.append(match.group("title").strip())
    head, colon, tail = title.partition(": ")
    if colon and len(tail.split()) >= 3 and len(head.split()) <= 6:
        named.append(tail.strip())  # "The Margin Notes 31: Footnotes Are a Love Language": the episode's own title
    return named


def stem_root(stem: str) -> tuple[str, set[str]]:
    """A file name's shared part and its role words: ``ep-17-comments`` -> ("ep-17",
    {"comments"}); ``Title [dQw4w9WgXcQ]`` -> ("dQw4w9WgXcQ", set())."""
    video = re.search(r"\[([A-Za-z0-9_-]{11})\]", stem)
    if video:
        return video.group(1).lower(), set()
    stem = re.sub(r"\s*\([^()]{2,40}\)\s*$", "", stem)  # "Title (Apple Podcasts)"
    tokens = [t for t in re.split(r"[-_.\s]+", stem.lower()) if t]
    roles: set[str] = set()
    while tokens and tokens[-1] in _ROLE_WORDS:
        roles.add(_ROLE_WORDS[tokens.pop()])
    while tokens and tokens[0] in _ROLE_WORDS:
        roles.add(_ROLE_WORDS[tokens.pop(0)])
    return "-".join(tokens), roles


_DISCUSSION_HOSTS = re.compile(
    r"^(?:news\.ycombinator\.com/item|reddit\.com/comments/|lobste\.rs/s/|tildes\.net/|discord\.com/channels/|"
    r"x\.com/[^/]+/status/|bsky\.app/profile/[^/]+/post/|[\w.-]+/(?:t|d|thread|threads|topic|discussion|comments)/"
    r"|[\w.-]+/post/\d+(?:/|$)|[\w.-]+/m/[^/]+/t/\d+|[\w.-]+/@[\w.-]+/\d{6,}(?:/|$)"  # Lemmy, kbin, Mastodon
    r"|[\w.-]+/(?:[\w-]+/){1,3}(?:questions|thread|threads|topic|topics|discussion|discussions)/\d{3,}"  # Microsoft Q&A, Apple Community
    r"|[\w.-]+/(?:[\w-]+/)?showthread\.php)"
)


def _login_target(url: str) -> str | None:
    """The page a sign-in link returns to (HN's ``login?goto=item%3Fid%3D40112233``):
    a thread copied whole names itself only there."""
    try:
        parts = urlsplit(url)
        target = next((v for k, v in parse_qsl(parts.query) if k.lower() in ("goto", "next", "return", "returnto", "redirect")), None)
    except ValueError:
        return None
    if not target or target.startswith(("http:", "https:", "//")):
        return None
    return f"{parts.scheme}://{parts.netloc}/{target.lstrip('/')}"


def is_discussion_url(url: str) -> bool:
    """A URL of a discussion itself (a Hacker News item, a Reddit thread, a forum
    topic): what a comment dump's own address is."""
    key = normalize_url(url) or ""
    return bool(_DISCUSSION_HOSTS.match(key))


def _url_name(url: str) -> str:
    """The last segment of a URL's path, if it looks like a file name (``a.txt``)."""
    try:
        name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return ""
    return name if len(name) >= 6 and re.search(r"[A-Za-z].*\.[A-Za-z]{2,11}$", name) else ""


def _url_last(url: str) -> str:
    try:
        return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return ""


@functools.lru_cache(maxsize=65_536)
def _url_slugs(url: str) -> tuple[str, ...]:
    """The slugs in a URL's path, last first (``/questions/123/adding-a-column/456``)."""
    try:
        segments = unquote(urlsplit(url).path).strip("/").split("/")
    except ValueError:
        return ()
    return tuple(slug for segment in reversed(segments) if (slug := _slug_key(segment)))


_SLUG_STOPWORDS = {"the", "a", "an", "of", "and", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are", "how", "your", "our"}


def _same_stem(short: str, word: str) -> bool:
    """Whether a slug's word and a title's word are one word, the slug's maybe without
    its ending (``gorbe`` / ``gorbejenek``, ``beallitas`` / ``beallitasa``)."""
    if short == word:
        return True
    n = min(len(short), len(word))
    return n >= 4 and short[: max(4, n - 1)] == word[: max(4, n - 1)]


def _ascii(text: str) -> str:
    """``text`` without its accents (``lähiön`` -> ``lahion``), as a URL's slug writes it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65_536)
def _slug_key(name: str) -> str:
    """A file name or a URL's last segment as a slug of three words or more
    (``our_ci_runs_on_four_mini_pcs``, ``our-ci-runs-on-four-mini-pcs.html``): an
    exporter that names its files by the page's slug ties the two."""
    name = re.sub(r"\.(?:html?|php|aspx?|md|txt)$", "", name.lower())
    if " " in name or not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}", name):
        return ""
    return name.replace("_", "-")


_TRACKER = re.compile(r"bug|ticket|issue|support|helpdesk|tracker|redmine|trac\b|mantis|zendesk|freshdesk", re.IGNORECASE)
_TRACKER_NUMBER = re.compile(r"[?&](?:id|bug_?id|ticket_?id|issue_?id)=(?P<param>\d{3,7})(?:[&#]|$)|/(?P<segment>\d{3,7})/?(?:[?#]|$)")


@functools.lru_cache(maxsize=65_536)
def url_ids(url: str) -> tuple[str, ...]:
    """The ids a URL carries that a file may be named by: a YouTube video id, a
    Hacker News item, a Reddit thread, a number of seven digits or more."""
    key = normalize_url(url) or ""
    ids = []
    if key.startswith("youtube.com/watch?v="):
        ids.append(key.removeprefix("youtube.com/watch?v=").lower())
    ids.extend(re.findall(r"(?<![\w])(\d{7,})(?![\w])", key))
    ids.extend(re.findall(r"(?<![\w.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\w.])", key))  # an arXiv id: arxiv.org/abs/2502.11873v2
    match = re.match(r"^reddit\.com/comments/([a-z0-9]{5,})", key)
    if match:
        ids.append(match.group(1).lower())
    path = key.split("?", 1)[0]
    ids.extend(m.lower() for m in re.findall(r"/([A-Z][A-Z0-9]{1,9}-\d{1,6})(?=[/?#]|$)", url))  # an issue key: Jira's /browse/OPS-4127
    try:
        segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    except ValueError:
        segment = ""
    if re.fullmatch(r"[a-z]{2}\d{6,}", segment.lower()):
        ids.append(segment.lower())  # Niconico's "sm43518806" (nico.ms/sm43518806) names "sm43518806.txt"
    if _opaque_id(segment):
        ids.append(segment.lower())  # fountain.fm/episode/Rk2P9sVQxw3LmT0aYb1J names "fountain-Rk2P9sVQxw3LmT0aYb1J.txt"
    tracked = _TRACKER_NUMBER.search(url)
    if tracked and _TRACKER.search(url.split("?", 1)[0]):
        # a bug tracker's or a help desk's number (".../show_bug.cgi?id=31874", ".../tickets/48213")
        number = tracked.group("param") or tracked.group("segment")
        ids.extend([number, *(f"{word}{sep}{number}" for word in ("bug", "ticket", "issue", "case") for sep in ("", "-"))])
    match = re.search(r"/(issues?|pulls?|pr|merge_requests?|discussions?|topics?|posts?|t|p|episodes?|ep|items?)/(\d{2,})(?:/|$)", path)
    if match:  # ".../issues/2291" names "keepsake-issue-2291.txt"
        word = match.group(1).rstrip("s")
        ids.extend([f"{word}-{match.group(2)}", f"{word}s-{match.group(2)}", f"{word}{match.group(2)}"])
        if word == "merge_request":  # GitLab's ".../-/merge_requests/482" names "mr482-overview.txt"
            ids.extend([f"mr-{match.group(2)}", f"mr{match.group(2)}"])
    return tuple(dict.fromkeys(ids))


def _opaque_id(token: str) -> bool:
    """A generated id (``Rk2P9sVQxw3LmT0aYb1J``): letters of both cases and digits, no words."""
    return (
        bool(re.fullmatch(r"[A-Za-z0-9]{10,40}", token)) and sum(c.isdigit() for c in token) >= 2
        and any(c.isupper() for c in token) and any(c.islower() for c in token)
    )


def file_ids(stem: str) -> set[str]:
    """The id-like pieces of a file name: a bracketed video id, numbers of five
    digits or more, Reddit-like base-36 ids next to a role word."""
    found = {m.lower() for m in re.findall(r"\[([A-Za-z0-9_-]{11})\]", stem)}
    found.update(re.findall(r"(?<!\d)(\d{7,})(?!\d)", stem))
    found.update(re.findall(r"(?<![\d.])(\d{4}\.\d{4,5})(?![\d])", stem))  # "arXiv 2502.11873 abs"
    found.update(token.lower() for token in re.split(r"[\s_.\-\[\]()]+", stem) if _opaque_id(token))
    words = re.sub(r"[\s_.]+", "-", stem.lower())
    found.update(m.group(0) for m in re.finditer(r"(?<![a-z])[a-z]{1,10}-?\d{2,}(?!\d)", words))
    leading = re.match(r"^#?(\d{4,7})(?=[\s_]+[^\W\d])", stem)
    if leading and not re.fullmatch(r"(?:19|20)\d\d", leading.group(1)):
        found.add(leading.group(1))  # "48213 Quintero invoices": a ticket's number, then its subject
    return found


_PLATFORM_SITES = {
    "youtube", "reddit", "twitter", "facebook", "instagram", "tiktok", "linkedin", "medium", "substack", "github", "google",
    "spotify", "apple", "amazon", "wikipedia", "telegram", "whatsapp", "discord", "slack", "notion", "bilibili", "zhihu",
}


def _short_url(url: str) -> str:
    text = re.sub(r"^https?://(?:www\.)?", "", url)
    return text if len(text) <= 50 else text[:49] + "…"


def _comments_target(dump: Document, candidates: list[Document]) -> Document | None:
    """The page a comments dump without URL was most likely left on: the candidate
    whose title words the dump's description (or first comments) covers best."""
    sample = (dump.description or " ".join(c.text for c in dump.comments[:3])) + " " + (dump.title or "")
    if dump.comments and dump.lines:
        # the page's own lines over the first comment ("#42 Glaze math without tears" under the site's menu)
        sample += " " + " ".join(dump.lines[: max(0, min(dump.comments[0].line - 1, 80))])
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


@dataclass(frozen=True)
class Tie:
    """A tie set by hand in a folder's ``.tui-reader.toml``."""

    source: Path
    target: Path
    type: str | None = None


class LinkResolver:
    """Which document (and section) of the corpus a link points at, if any: by
    normalised URL, by the ``/comments`` URL of a page with a comments dump, by a
    relative file path, or, for ``[[wikilinks]]``, by title or file name."""

    def __init__(self, documents: list[Document]) -> None:
        self.by_id = {doc.id: doc for doc in documents}
        self.by_url: dict[str, str] = {}
        self.url_of: dict[str, str] = {}
        # Pages first: a dump that carries its page's URL does not take it over; a
        # note's URL is the page it is about, not its own.
        for doc in sorted((d for d in documents if d.kind != "note"), key=lambda d: d.kind == "comments"):
            key = normalize_url(doc.url) if doc.url else None
            if key and key not in self.by_url:
                self.by_url[key] = doc.id
                self.url_of[key] = doc.url or ""
        for doc in documents:  # a page's other addresses in its front matter (confluence_tinyui_url:, …)
            if doc.kind in ("summary", "comments", "note"):
                continue
            for key, value in doc.meta.items():
                if isinstance(value, str) and value.startswith(("http://", "https://")) and _ALIAS_KEY.search(str(key)):
                    alias = normalize_url(value)
                    if alias and alias not in self.by_url:
                        self.by_url[alias] = doc.id
                        self.url_of[alias] = value
        for doc in documents:  # an episode page is also the video or episode it plays
            key = normalize_url(doc.media_url) if doc.media_url and doc.kind not in ("summary", "comments") else None
            if key and key not in self.by_url:
                self.by_url[key] = doc.id
                self.url_of[key] = doc.media_url or ""
        self._documents = documents
        self.highlights_of: dict[str, str] = {}
        """A page's normalised URL -> the highlights export of it (the page's stand-in when it is not saved)."""
        for doc in documents:
            key = normalize_url(doc.source_url) if doc.source_url and doc.kind == "summary" else None
            if key and _HIGHLIGHTS.search(doc.kind_reason or ""):
                self.highlights_of.setdefault(key, doc.id)
        self._resolved: dict[tuple[str, str], tuple[str, str | None] | None] = {}
        """resolve()'s answers, per (document, URL): the same link is looked up by several steps."""
        self.by_file_name: dict[str, list[str]] = {}
        self.by_file_id: dict[str, list[str]] = {}
        for doc in documents:
            self.by_file_name.setdefault(doc.path.name, []).append(doc.id)
            for token in file_ids(doc.path.stem):
                self.by_file_id.setdefault(token, []).append(doc.id)
        self.by_stem: dict[str, list[str]] = {}
        self.by_stem_word: dict[str, list[str]] = {}
        """A word of a file's name -> the files (a site's name: "trustpilot tandem.txt", "IMDb - … reviews.txt")."""
        for doc in documents:
            self.by_stem.setdefault(doc.path.stem.lower(), []).append(doc.id)
            for word in set(re.findall(r"[a-z0-9]{4,}", _ascii(doc.path.stem.lower()))):
                self.by_stem_word.setdefault(word, []).append(doc.id)
        self.by_slug: dict[str, list[str]] = {}
        """File names as slugs (first), then titles as slugs."""
        self.by_title_slug: dict[str, list[str]] = {}
        self.by_title_tail: dict[str, list[str]] = {}
        self.by_title_start: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        """A title's slug by its first three words (for slugs that shorten its words)."""
        for doc in documents:
            slug = _slug_key(doc.path.stem)
            if slug:
                self.by_slug.setdefault(slug, []).append(doc.id)
            slug = _slug_key(slugify(doc.title)) if doc.title else ""
            if slug:
                self.by_title_slug.setdefault(slug, []).append(doc.id)
            folded = _slug_key(slugify(_ascii(doc.title))) if doc.title and doc.kind not in ("summary", "comments") else ""
            words = folded.split("-") if folded else []
            if len(words) >= 4:
                self.by_title_start.setdefault("-".join(words[:3]), []).append((doc.id, tuple(words)))
            short = [w for w in words if w not in _SLUG_STOPWORDS]
            if len(short) >= 3 and len(short) < len(words):
                # "Rotating the staging TLS certificates" under ".../rotating-staging-tls-certificates": a slug without its small words
                self.by_title_tail.setdefault("-".join(short), []).append(doc.id)
            for drop in range(0 if folded != slug else 1, 3):
                # "Jakso 42: Kuka kaavoittaa lähiön?" under ".../42-kuka-kaavoittaa-lahion/": its title
                # with the accents a URL leaves out, and from its number on ("Episode 42", "Jakso 42")
                if len(words) - drop >= 3 and (drop == 0 or words[drop].isdigit() or words[drop - 1].isdigit()):
                    self.by_title_tail.setdefault("-".join(words[drop:]), []).append(doc.id)
        for doc in documents:
            # A file named by the page's title ("linuxfr - France Culture et la préservation du jeu vidéo.txt"):
            # its words, and those after the site's name, are the slug of the page's URL
            for part in dict.fromkeys([doc.path.stem, *doc.path.stem.split(" - ")[1:]]):
                named = _slug_key(slugify(_ascii(part))) if " " in part else ""
                if len(named.split("-")) >= 4:
                    self.by_title_tail.setdefault(named, []).append(doc.id)
        self.by_title_head: dict[str, list[str]] = {}
        """A title's part before its colon ("Title: subtitle" -> "title")."""
        for doc in documents:
            if ":" in doc.title:
                head = title_key(doc.title.split(":", 1)[0])
                if len(head.split()) >= 3:
                    self.by_title_head.setdefault(head, []).append(doc.id)
        self.by_title: dict[str, list[str]] = {}
        self.by_title_part: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        for doc in documents:
            names = {title_key(doc.title)}
            given = doc.meta.get("title")
            if isinstance(given, str) and given.strip():
                names.add(title_key(given))  # "The Living Layer" under a longer heading
            for key in ("aliases", "alias"):
                value = doc.meta.get(key)
                values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
                names.update(title_key(str(v)) for v in values if str(v).strip())
            for name in names:
                if name:
                    self.by_title.setdefault(name, []).append(doc.id)
            # The parts of a title or a file name ("Tail Latency - Why your p99 is
            # lying to you", "Title | Site"): a title elsewhere may name one of them.
            for whole in {doc.title, doc.path.stem}:
                for part in re.split(r"\s+[-–—|｜:]\s+|\s*[|｜]\s*", whole):
                    key = title_key(part)
                    if len(key.split()) >= 3 and key not in names:
                        self.by_title_part.setdefault(key, []).append(doc.id)
            for name in {doc.path.stem.lower(), doc.relpath.lower().rsplit(".", 1)[0], doc.path.name.lower()}:
                self.by_name.setdefault(name, []).append(doc.id)

    @functools.cached_property
    def by_path(self) -> dict[Path, str]:
        """Resolved file path -> document id (made the first time a relative link is followed)."""
        return {doc.path.resolve(): doc.id for doc in self._documents}

    def page_of(self, url: str) -> Document | None:
        key = normalize_url(url)
        return self.by_id.get(self.by_url.get(key, "")) if key else None

    def add_alias(self, url: str, doc_id: str) -> None:
        key = normalize_url(url)
        if key:
            self.by_url.setdefault(key, doc_id)
            self._resolved.clear()

    def add_url(self, url: str, doc_id: str) -> None:
        """Make ``url`` lead to ``doc_id`` (a dump's thread URL, once it is known
        not to be the page's)."""
        key = normalize_url(url)
        if key and key not in self.by_url:
            self.by_url[key] = doc_id
            self.url_of[key] = url
            self._resolved.clear()

    def resolve(self, doc: Document, url: str) -> tuple[str, str | None] | None:
        """(document id, section anchor or None) for ``url`` found in ``doc``."""
        memo = (doc.id, url)
        if memo in self._resolved:
            return self._resolved[memo]
        found = self._resolve(doc, url)
        self._resolved[memo] = found
        return found

    def _resolve(self, doc: Document, url: str) -> tuple[str, str | None] | None:
        wiki = wiki_target(url)
        if wiki is not None:
            return self.resolve_wiki(doc, *wiki)
        key = normalize_url(url)
        target_id = (self.by_url.get(key) or self._by_file(doc, url)) if key else self._by_relative_path(doc, url)
        if target_id is None:
            return None
        fragment = url_fragment(url)
        target = self.by_id[target_id]
        return target_id, fragment if fragment and target.section(fragment) else None

    def reason(self, url: str, target_id: str) -> str:
        """Why ``url`` leads to ``target_id``, in words."""
        wiki = wiki_target(url)
        if wiki is not None:
            return f"[[{wiki[0]}{'#' + wiki[1] if wiki[1] else ''}]] names it"
        key = normalize_url(url)
        if key and key in self.url_of and self.by_url.get(key) == target_id:
            return same_page_reason(url, self.url_of[key])
        if key and self.by_url.get(key) == target_id:
            return f"{same_page_reason(url, url)} (its comments page)"
        if key:
            target = self.by_id[target_id]
            name = _url_name(url)
            if name == target.path.name:
                return f"its URL ends in the file name {name}"
            slugs = _url_slugs(url)
            if _slug_key(target.path.stem) in slugs:
                return f"{_short_url(url)} names its file {target.path.name}"
            if target.title and any(slug.startswith(_slug_key(slugify(target.title)) or "\0") for slug in slugs):
                return f"{_short_url(url)} spells its title “{target.title[:50]}”"
            if target.title and any(target_id in self.by_title_tail.get(slug, ()) for slug in slugs):
                return f"{_short_url(url)} spells its title “{target.title[:50]}” (its slug without accents, small words or its number's label)"
            if target.title and any(target_id in {d for d, _ in self.by_title_start.get("-".join(slug.split("-")[:3]), [])} for slug in slugs):
                return f"{_short_url(url)} spells its title “{target.title[:50]}” (shortened words)"
            if target.path.stem.lower() == re.sub(r"\.(?:html?|php|aspx?|md|txt)$", "", _url_last(url).lower()):
                return f"{_short_url(url)} ends in its file's name {target.path.stem}"
            shared = next((i for i in url_ids(url) if i in file_ids(target.path.stem)), None)
            if shared is None:
                return f"{_short_url(url)} names its file {target.path.name}"
            return f"the id {shared} of {_short_url(url)} is in its file name {target.path.name}"
        return f"relative path {unquote(url)}"

    def _by_file(self, doc: Document, url: str) -> str | None:
        """A web URL that names a file of the corpus: its last path segment is the
        file's name (``.../kv042-deep-cellars.chapters.txt``), or an id in it (a
        video id, a Hacker News item number) is in exactly one file's name
        (``Title [dQw4w9WgXcQ].description``, ``hn-45871234.txt``)."""
        name = _url_name(url) if _FILE_EXTENSION.search(url) else ""
        if name:
            found = [d for d in self.by_file_name.get(name, []) if d != doc.id]
            if len(found) == 1:
                return found[0]
        slugs = _url_slugs(url)
        # "…/Ep-22-Rainwater-Harvesting-on-a-Budget-e2h4k9p": the title's slug with the host's id after it
        trimmed = tuple(m.group(1) for slug in slugs if (m := re.fullmatch(r"(.+(?:-[a-z0-9]+){3,})-(?=[a-z0-9]*\d)[a-z0-9]{5,10}", slug)))
        for index in (self.by_slug, self.by_title_slug, self.by_title_tail):
            for slug in slugs + trimmed:
                # A summary named after the page's slug is another reading of the page, not it.
                found = [d for d in index.get(slug, []) if d != doc.id and self.by_id[d].kind != "summary"]
                if len(found) == 1:
                    return found[0]
        for slug in slugs:
            # ".../kondenzacios_kazan_futesi_gorbe_beallitas.html" for "Kondenzációs kazán fűtési görbéjének
            # beállítása – …": each word of the slug starts a word of the title, in order
            words = slug.split("-")
            if len(words) < 4:
                continue
            found = [
                d for d, title in self.by_title_start.get("-".join(words[:3]), [])
                if d != doc.id and len(title) >= len(words) and all(_same_stem(u, t) for u, t in zip(words, title))
            ]
            if len(found) == 1:
                return found[0]
        last = re.sub(r"\.(?:html?|php|aspx?|md|txt)$", "", _url_last(url).lower())
        if len(last) >= 12 and re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", last):
            # A two-word slug long enough to be the page's own (".../guides/octolinear-layout/")
            found = [d for d in self.by_stem.get(last, []) if d != doc.id and self.by_id[d].kind != "summary"]
            if len(found) == 1:
                return found[0]
        by_site = self._by_site_name(doc, url)
        if by_site is not None:
            return by_site
        if not self.by_file_id:
            return None
        own = file_ids(doc.path.stem)
        for token in url_ids(url):
            if token in own:
                continue  # "hn_39874410.md" linking item?id=39874410: its own page, not "hn_39874410.summary.md"
            found = [d for d in self.by_file_id.get(token, []) if d != doc.id]
            if doc.kind == "summary":  # two summaries of one page do not sum each other up
                found = [d for d in found if self.by_id[d].kind != "summary"]
            if len(found) > 1:  # "Title [id].description" and "Title [id].summary.md": the page
                found = [d for d in found if self.by_id[d].kind not in ("summary", "comments", "note")] or found
            if len(found) == 1:
                return found[0]
        return None

    def _by_site_name(self, doc: Document, url: str) -> str | None:
        """The one page saved without its address whose file is named by the URL's site
        and a word of its path ("trustpilot tandem.txt" for
        ``uk.trustpilot.com/review/tandembudget.com``, "IMDb - The Salt Orchard user
        reviews.txt" for ``m.imdb.com/title/tt…/reviews``)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        labels = [label for label in (parts.hostname or "").lower().split(".") if label not in ("www", "m", "mobile")]
        site = labels[-2] if len(labels) >= 2 else ""
        if len(site) < 4 or site in _PLATFORM_SITES:
            return None  # a host of countless pages (YouTube, Reddit): its name in a file's says too little
        if doc.url and site in (urlsplit(doc.url).hostname or "").lower().split("."):
            return None  # a page's links into its own site (its tags, its menus)
        words = set(re.findall(r"[a-z0-9]{4,}", _ascii(unquote(parts.path).lower()))) - {site}
        found = []
        for other in self.by_stem_word.get(site, []):
            target = self.by_id[other]
            if other == doc.id or target.url or target.kind not in ("source", "comments"):
                continue
            named = set(re.findall(r"[a-z0-9]{4,}", _ascii(f"{target.path.stem} {target.title}".lower())))
            if any(w in named or any(len(n) >= 5 and w.startswith(n) for n in named) for w in words):
                found.append(other)
        return found[0] if len(found) == 1 else None

    def resolve_wiki(self, doc: Document, target: str, heading: str | None) -> tuple[str, str | None] | None:
        """A ``[[Target#Heading]]``: Target is a title (or alias), a file name, or a
        path without extension; Heading a section title or anchor."""
        name = target.strip().lower()
        candidates = (
            self.by_name.get(name)
            or self.by_name.get(name.removesuffix(".md"))
            or self.by_title.get(title_key(target))
            or []
        )
        candidates = [c for c in candidates if c != doc.id] or candidates
        if not candidates:
            return None
        found = self.by_id[candidates[0]]
        anchor = None
        if heading:
            wanted = slugify(heading)
            anchor = next(
                (s.anchor for s in found.sections if s.anchor == wanted or title_key(s.title) == title_key(heading)),
                None,
            )
        return found.id, anchor

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


class _Graph:
    """The relations being built: one per (from, to, type, sections); a pair's
    strongest type wins over ``links-to``."""

    def __init__(self) -> None:
        self.relations: list[Relation] = []
        self._seen: set[Relation] = set()
        self.typed: set[tuple[str, str]] = set()

    def add(self, relation: Relation) -> None:
        if relation.source == relation.target or relation in self._seen:
            return
        if relation.type == "links-to" and (relation.source, relation.target) in self.typed:
            return
        self._seen.add(relation)
        self.relations.append(relation)
        if relation.type != "links-to":
            self.typed.add((relation.source, relation.target))

    def finish(self) -> list[Relation]:
        return [r for r in self.relations if r.type != "links-to" or (r.source, r.target) not in self.typed]


def _typed(doc: Document, target: Document) -> str:
    return "comments-on" if doc.kind == "comments" else "summarizes"


def build_relations(documents: list[Document], ties: Iterable[Tie] = ()) -> tuple[list[Relation], LinkResolver]:
    resolver = LinkResolver(documents)
    graph = _Graph()
    ties = list(ties)
    by_path = {doc.path.resolve(): doc for doc in documents} if ties else {}
    tied: set[str] = set()

    for tie in ties:
        source, target = by_path.get(tie.source), by_path.get(tie.target)
        if source is None or target is None or source is target:
            continue
        kind = tie.type or ("links-to" if source.kind not in ("summary", "comments") else _typed(source, target))
        graph.add(Relation(source.id, target.id, kind, reason="tied in .tui-reader.toml"))
        if kind != "links-to":
            tied.add(source.id)

    for doc in documents:
        if doc.kind == "source" and doc.url and doc.kind_reason.startswith("the page's own URL in its front matter") and not doc.timestamps:
            # A note that keeps the page's URL (Obsidian's "url:" of a paper note) beside the page
            # itself, saved under a name carrying the page's id: the note is about that page.
            other = resolver._by_file(doc, doc.url)
            if other is not None and other != doc.id and resolver.by_id[other].kind == "source":
                doc.kind = "note"
                doc.kind_reason = f"a note on {resolver.by_id[other].path.name} (its URL {_short_url(doc.url)} names that file)"
    episodes: dict[Path, list[Document]] = {}
    """folder -> its episode pages (sources with chapters): what times are matched against."""
    for doc in documents:
        if doc.kind == "source" and len(doc.timestamps) >= 2:
            episodes.setdefault(doc.path.parent, []).append(doc)
    for doc in documents:
        episode = _episode_noted(doc, resolver, episodes.get(doc.path.parent, []))
        if episode is not None:
            doc.kind = "note"
            doc.kind_reason = f"notes on the episode {episode.path.name} (it links there before its {len(doc.timestamps)} times)"
    dumps = [d for d in documents if d.kind == "comments"]
    summaries = [d for d in documents if d.kind == "summary"]
    pages = [d for d in documents if d.kind not in ("comments", "summary")]
    stems = _Stems(documents)
    indexes = _FolderIndexes(documents)
    every = {d.id for d in documents}
    not_dumps = {d.id for d in pages} | {d.id for d in summaries}

    thread_on: dict[str, Document] = {}
    """page id -> the comment dump on it."""
    # Comment dumps first: the page's ``/comments`` URL then leads to its dump.
    for dump in dumps:
        if dump.id in tied:
            continue
        found = _by_pointers(dump, resolver, allowed=not_dumps)
        if found is None:
            for url in dump.pointers:
                url = _login_target(url) or url
                if is_discussion_url(url) and resolver.page_of(url) is None:
                    resolver.add_url(url, dump.id)  # the thread's own URL
                    break
        if found is None and not (dump.format or "").startswith(_SELF_CONTAINED):
            found = _by_stem(dump, stems) or _by_title(dump, pages, resolver) or _by_named_file(dump, resolver)
            found = found or _by_linked_page(dump, resolver)
            # a blog post that is itself a summary has its comments too: by its title only
            found = found or _by_title(dump, summaries, resolver)
            found = found or _by_content(dump, pages, indexes, linked=_linked_ids(dump, resolver))
        if found is None:
            continue
        target, section, reason = found
        graph.add(Relation(dump.id, target.id, "comments-on", None, section, reason=reason))
        thread_on.setdefault(target.id, dump)
        tied.add(dump.id)
        if target.url:
            resolver.add_alias(target.url.split("#")[0].split("?")[0].rstrip("/") + "/comments", dump.id)
        if not dump.meta.get("title") and not (dump.format or "").startswith(_SELF_TITLED):
            dump.title = f"Comments on {target.title}"

    for summary in summaries:
        if summary.id in tied:
            continue
        found_any = False
        # Every pointer line that leads into the corpus sums that document up (a
        # digest of two sections points at two documents).
        for line, target_id, anchor, reason in _pointer_lines(summary, resolver):
            section = summary.section_at(line) if line else None
            graph.add(Relation(summary.id, target_id, "summarizes", section.anchor if section else None, anchor, reason=reason))
            found_any = True
        if found_any:
            continue
        # A digest: two sections or more, each with its own pointer line into the folder.
        entries_found = _section_pointers(summary, resolver)
        for line, target_id, anchor, reason in entries_found:
            section = summary.section_at(line)
            graph.add(Relation(summary.id, target_id, "summarizes", section.anchor if section else None, anchor, reason=reason))
        if entries_found:
            continue
        for line, target_id, reason in _plain_entries(summary, resolver, pages, indexes):
            section = summary.section_at(line)
            graph.add(Relation(summary.id, target_id, "summarizes", section.anchor if section else None, None, reason=reason))
            found_any = True
        if found_any:
            continue
        found = None
        if _about_discussion(summary):  # "HN discussion: …", "thread summary": the thread first
            found = _by_pointers(summary, resolver, allowed={d.id for d in dumps})
        found = found or _by_pointers(summary, resolver, allowed=every)
        if found is not None and found[0].id in thread_on and _about_discussion(summary):
            # A thread's summary that points at the article: it sums up the thread on it.
            page = found[0]
            found = thread_on[page.id], None, f"the thread on {page.title[:50]} (it points at the article and speaks of a discussion)"
        names_outside = any(p.startswith(("http://", "https://")) for p in summary.pointers)
        if found is None:
            found = _by_stem(summary, stems) or _by_title(summary, pages + dumps, resolver) or _by_times(summary, episodes.get(summary.path.parent, []))
        if found is None:
            entries = _entry_links(summary, resolver)
            for line, target_id, anchor, reason in entries:
                section = summary.section_at(line)
                graph.add(Relation(summary.id, target_id, "summarizes", section.anchor if section else None, anchor, reason=reason))
            if entries:
                continue
        if found is None:
            # A pointer that leads nowhere in the folder may still name a page saved
            # here without its URL (a copied page): only those are looked at then.
            candidates = [c for c in pages + dumps if not c.url] if names_outside else pages + dumps
            found = _by_content(summary, candidates, indexes) if candidates else None
        if found is not None:
            target, section, reason = found
            graph.add(Relation(summary.id, target.id, "summarizes", None, section, reason=reason))

    # A page saved without its address takes the one its summary or its thread points at,
    # once they are tied to it by other means: a note linking that address links the page.
    for relation in list(graph.relations):
        if relation.type not in ("summarizes", "comments-on"):
            continue
        source, target = resolver.by_id[relation.source], resolver.by_id[relation.target]
        pointer = source.source_url
        if target.url or not pointer or resolver.resolve(source, pointer) is not None or is_discussion_url(pointer):
            continue
        resolver.add_alias(pointer, target.id)
    for doc in documents:
        if doc.kind in ("note", "article") and doc.timestamps:
            # notes taken while listening: their times are the episode's chapters
            timed = _by_times(doc, episodes.get(doc.path.parent, []))
            if timed is not None:
                graph.add(Relation(doc.id, timed[0].id, "links-to", reason=timed[2]))
        if doc.kind in ("note", "article") and doc.url:
            # A note that keeps a page's URL as its own (Capacities, Bear): the page saved here is what it is about.
            other = resolver._by_file(doc, doc.url)
            if other is None:
                found = resolver.resolve(doc, doc.url)  # the page's own URL (a video page copied with its comments)
                other = found[0] if found is not None else None
            if other is not None and other != doc.id:
                graph.add(Relation(doc.id, other, "links-to", reason=f"its URL: {resolver.reason(doc.url, other)}"))
        for key, value in doc.meta.items():
            # A front matter field that holds another document's URL (programme:,
            # related:, next:) ties the two, as a link would.
            if not isinstance(value, str) or not value.startswith(("http://", "https://")) or key.lower() in _OWN_KEYS:
                continue
            resolved = resolver.resolve(doc, value)
            if resolved is not None and resolved[0] != doc.id:
                graph.add(Relation(doc.id, resolved[0], "links-to", None, resolved[1],
                                   reason=f"front matter {key}: {resolver.reason(value, resolved[0])}"))
        for name, line in _file_names_named(doc, resolver):
            target = resolver.by_id[name]
            section = doc.section_at(line)
            graph.add(Relation(doc.id, target.id, "links-to", section.anchor if section else None, None,
                               reason=f"names its file {target.path.name}"))
        for link in doc.links:
            resolved = resolver.resolve(doc, link.url)
            reason = None
            if resolved is None:
                resolved, reason = _by_link_text(doc, link, resolver)
            if resolved is None or resolved[0] == doc.id:
                continue
            section = doc.section_at(link.line)
            kind = "summarizes" if doc.kind == "summary" and _is_link_line(doc, link.line) else "links-to"
            reason = reason or resolver.reason(link.url, resolved[0])
            graph.add(Relation(doc.id, resolved[0], kind, section.anchor if section else None, resolved[1], reason=reason))
    return graph.finish(), resolver


_FILE_NAME = re.compile(r"(?<![\w/.-])((?:[\w.-]+/){0,6}[\w][\w.\- ]{0,120}?\.(?:md|markdown|txt|description))\b")
"""A file name spelled out in text, with its folders or without (``runbooks/postgres/reseed-replica.md``)."""


_FILE_EXTENSION = re.compile(r"\.(?:md|markdown|txt|description)\b")


def _file_names_named(doc: Document, resolver: LinkResolver) -> list[tuple[str, int]]:
    """(document id, line) of the other files of the folder whose name the text of
    ``doc`` spells out ("update release-checklist.md step 5"), outside links."""
    if not doc.text or not _FILE_EXTENSION.search(doc.text):
        return []
    linked_lines = {link.line for link in doc.links}
    found = []
    lines = doc.lines
    seen: set[int] = set()
    line, position = 1, 0
    for hit in _FILE_EXTENSION.finditer(doc.text):
        line += doc.text.count("\n", position, hit.start())
        position = hit.start()
        if line in seen or line < doc.body_line:
            continue
        seen.add(line)
        raw = lines[line - 1]
        if "](" in raw and line in linked_lines:
            continue
        for match in _FILE_NAME.finditer(raw):
            named = match.group(1)
            for candidate in {named, named.split(" ")[-1], named.rsplit("/", 1)[-1]}:
                ids = [i for i in resolver.by_file_name.get(candidate, []) if i != doc.id]
                ids = [i for i in ids if resolver.by_id[i].path.parent == doc.path.parent]
                if len(ids) == 1:
                    found.append((ids[0], line))
    return found


def _pointer_lines(doc: Document, resolver: LinkResolver) -> list[tuple[int, str, str | None, str]]:
    """(line, target, anchor, reason) of a summary's labelled pointer lines that lead
    to another document."""
    found = []
    for link in doc.links:
        if not _is_link_line(doc, link.line):
            continue
        resolved = resolver.resolve(doc, link.url)
        if resolved is not None and resolved[0] != doc.id:
            found.append((link.line, resolved[0], resolved[1], f"**Link:** line: {resolver.reason(link.url, resolved[0])}"))
    return found


def _section_pointers(doc: Document, resolver: LinkResolver) -> list[tuple[int, str, str | None, str]]:
    """(line, target, anchor, reason) of a digest's entries: the pointer lines (a
    line that is only a link, ``Read the full story →``, ``Source: …``) of two
    sections or more, each leading to another document of the folder."""
    found: dict[str, tuple[int, str, str | None, str]] = {}
    sections: set[str] = set()
    for link in doc.links:
        raw = doc.lines[link.line - 1] if 0 < link.line <= len(doc.lines) else ""
        if not summaries.is_pointer_line(raw):
            continue
        resolved = resolver.resolve(doc, link.url)
        if resolved is None and (key := normalize_url(link.url)) in resolver.highlights_of:
            resolved = (resolver.highlights_of[key], None)  # the page's highlights stand in for it
        elif resolved is not None and _not_summed_up(resolver.by_id[resolved[0]]):
            continue
        section = doc.section_at(link.line)
        if resolved is None or resolved[0] == doc.id or section is None or resolved[0] in found:
            continue
        found[resolved[0]] = (link.line, resolved[0], resolved[1], f"its entry “{section.title[:50]}” points at it: {resolver.reason(link.url, resolved[0])}")
        sections.add(section.anchor)
    return list(found.values()) if len(found) >= 2 and len(sections) >= 2 else []


def _not_summed_up(target: Document) -> bool:
    """A note, or a summary other than a page's highlights: what a digest links, not what it sums up."""
    return target.kind == "note" or (target.kind == "summary" and not _HIGHLIGHTS.search(target.kind_reason or ""))


def _entry_links(doc: Document, resolver: LinkResolver) -> list[tuple[int, str, str | None, str]]:
    """A summary with no pointer line sums up what its links lead to: the one
    document of the corpus it links (an LLM's answer quoting the thread's URL), or,
    in a digest, each document whose entry (the section the link is in) names it."""
    linked = []
    for link in doc.links:
        resolved = resolver.resolve(doc, link.url)
        if resolved is not None and resolved[0] != doc.id:
            linked.append((link, resolved))
    targets = {resolved[0] for _, resolved in linked}
    # A person's or a topic's note ([[Mira Castellanos]]) is linked, not summed up.
    linked = [(link, resolved) for link, resolved in linked if resolver.by_id[resolved[0]].kind not in ("note", "summary")]
    if len(targets) == 1 and linked:
        link, (target_id, anchor) = linked[0]
        return [(link.line, target_id, anchor, f"its only link into the folder: {resolver.reason(link.url, target_id)}")]
    found = []
    for link, (target_id, anchor) in linked:
        section = doc.section_at(link.line)
        target = resolver.by_id[target_id]
        wanted = _words(target.title)
        if section is not None and wanted and len(_words(section.title) & wanted) >= max(2, 0.6 * len(wanted)):
            found.append((link.line, target_id, anchor, f"its entry “{section.title[:50]}” is about it"))
    return found


_ALIAS_KEY = re.compile(r"^(?!(?:image|cover|thumbnail|avatar|feed|rss|author|icon|logo|banner|hn|reddit|comments?|discussion|thread)[_-]).*(?:^|[_-])(?:url|uri|permalink|link)$", re.IGNORECASE)
"""Front matter keys that hold another address of the page itself (``confluence_webui_url``), not an image's or a feed's."""
_HIGHLIGHTS = re.compile(r"highlights|annotations|quoted passages|clippings", re.IGNORECASE)
_SELF_TITLED = ("Stack Exchange", "GitHub discussion", "mailing-list thread")
"""Threads whose title is their own (a question), kept when they are tied to a page."""
_SELF_CONTAINED = ("Stack Exchange",)
"""Threads that are their own subject (a question and its answers): tied to a page
only when they point at it."""
_DISCUSSION_WORDS = re.compile(r"\b(?:thread|discussion|comments?|commenters|replies|hn|hacker news|reddit)\b", re.IGNORECASE)


def _about_discussion(doc: Document) -> bool:
    """Whether a summary says it sums up a discussion (its title or file name)."""
    return bool(_DISCUSSION_WORDS.search(doc.title) or _DISCUSSION_WORDS.search(doc.path.stem.replace("-", " ").replace("_", " ")))


_HEADING_LINK = re.compile(r"^\s{0,3}#{1,6}\s+(?:[^\w\s\[]\s*)?\[(?P<title>[^\]]{3,200})\]\((?P<url><[^>]*>|[^)\s]+)")


def _section_entries(doc: Document) -> list[summaries.Entry]:
    """A Markdown digest's entries: the sections whose heading is a link
    (``### [Title](url)``), each with its text."""
    entries = []
    for section in doc.sections:
        if section.line < 1 or section.line > len(doc.lines):
            continue
        match = _HEADING_LINK.match(doc.lines[section.line - 1])
        if match is None:
            continue
        body = " ".join(raw.strip() for raw in doc.lines[section.line : max(section.line, section.end_line - 1)] if raw.strip())
        title = match.group("title").strip()
        entries.append(summaries.Entry(section.line - 1, title, match.group("url").strip("<>"), f"{title} {body}"))
    return entries


def _plain_entries(
    doc: Document, resolver: LinkResolver, pages: list[Document], indexes: _FolderIndexes
) -> list[tuple[int, str, str]]:
    """(line, target, reason) of the documents a plain-text digest's entries sum up:
    the entry's link when it leads into the corpus, else the page with the entry's
    title, else (for the entries left) the page the entry's paragraph is about."""
    entries = _section_entries(doc) if len(doc.sections) > 1 else summaries.digest_entries(doc.lines)
    if len(entries) < 2:
        return []
    allowed = {p.id for p in pages if p.path.parent == doc.path.parent}
    found: dict[int, tuple[int, str, str]] = {}
    for number, entry in enumerate(entries):
        line = entry.line + 1
        resolved = resolver.resolve(doc, entry.url) if entry.url else None
        if resolved is not None and resolved[0] in allowed:
            found[number] = (line, resolved[0], f"its entry “{entry.title[:50]}” links to it: {resolver.reason(entry.url or '', resolved[0])}")
            continue
        key = title_key(entry.title)
        matches = [m for m in resolver.by_title.get(key, []) if m in allowed] if len(key) >= 8 else []
        if len(matches) == 1:
            found[number] = (line, matches[0], f"its entry “{entry.title[:50]}” has its title")
    taken = {target for _, target, _ in found.values()}
    for number, entry in enumerate(entries):
        left = [p for p in pages if p.id in allowed and p.id not in taken]
        if number in found or not left:
            continue
        hit = _by_content(doc, left, indexes, text=entry.text)
        if hit is not None:
            target, _, reason = hit
            found[number] = (entry.line + 1, target.id, f"its entry “{entry.title[:50]}”: {reason}")
            taken.add(target.id)
    return [found[number] for number in sorted(found)]


def _by_link_text(doc: Document, link: Link, resolver: LinkResolver) -> tuple[tuple[str, str | None] | None, str | None]:
    """A link that leads nowhere in the folder by its address, read by its words: a
    ``[[Alias|note.name]]`` written the other way round (Dendron), or a link whose text
    is the exact title of a page saved here without a URL."""
    text = link.text.strip()
    if not text:
        return None, None
    if wiki_target(link.url) is not None:
        found = resolver.resolve_wiki(doc, text, None)
        return (found, f"[[…|{text[:40]}]] names it") if found else (None, None)
    key = title_key(text)
    if len(key.split()) < 3 or text.startswith(("http://", "https://")):
        return None, None
    named = {*resolver.by_title.get(key, []), *resolver.by_title_head.get(key, [])}
    matches = [m for m in named if m != doc.id and not resolver.by_id[m].url and resolver.by_id[m].kind not in ("summary", "note")]
    if len(matches) != 1:
        return None, None
    return (matches[0], None), f"its link text is the title “{text[:50]}”"


def _linked_ids(doc: Document, resolver: LinkResolver) -> frozenset[str]:
    """The documents ``doc`` links to, by URL or path or file name it spells out."""
    ids = {found[0] for link in doc.links if (found := resolver.resolve(doc, link.url)) is not None}
    ids.update(target for target, _ in _file_names_named(doc, resolver))
    return frozenset(ids)


def _by_named_file(doc: Document, resolver: LinkResolver) -> tuple[Document, None, str] | None:
    """The one page of the folder whose file name a thread spells out ("rewrite
    docs/backup.md"): what a review or an issue thread discusses."""
    named = {target for target, _ in _file_names_named(doc, resolver) if resolver.by_id[target].kind not in ("comments", "summary")}
    if len(named) != 1:
        return None
    target = resolver.by_id[named.pop()]
    return target, None, f"names its file {target.path.name}"


def _episode_noted(doc: Document, resolver: LinkResolver, beside: list[Document]) -> Document | None:
    """The episode page of the folder that ``doc``, read as an episode page for its
    chapters alone, takes its times from: a note that links to that page above its
    first time ("Episode: …/87", "Kaynak video: [[…]]") and has fewer of them."""
    if doc.kind != "source" or not doc.kind_reason.startswith("an episode page:") or not doc.timestamps:
        return None
    first = min(t.line for t in doc.timestamps)
    for link in doc.links:
        if link.line >= first:
            continue
        found = resolver.resolve(doc, link.url)
        if found is None or found[0] == doc.id:
            continue
        other = resolver.by_id[found[0]]
        if other.kind == "source" and len(other.timestamps) > len(doc.timestamps):
            return other
    if doc.url or doc.media_url:
        return None
    # no link: times that fall on the chapters of an episode saved beside it, which has more
    timed = _by_times(doc, [d for d in beside if d is not doc and len(d.timestamps) > len(doc.timestamps)])
    return timed[0] if timed is not None else None


TIME_SLACK = 5
"""Seconds two chapter times may differ by and still name one moment (a transcription
tool's outline rounds its times)."""


def _by_times(doc: Document, candidates: list[Document]) -> tuple[Document, None, str] | None:
    """The one episode page whose chapters ``doc``'s times fall on: a summary's or a
    note's ``[11:20]`` points, an outline's ``(19:02)`` headings, two at least and
    most of them (the start, 0:00, counts for nothing)."""
    own = sorted({t.seconds for t in doc.timestamps if t.seconds > 0})
    if len(own) < 2:
        return None
    matches = []
    for page in candidates:
        if page is doc or page.kind != "source" or len(page.timestamps) < 2:
            continue
        starts = sorted(t.seconds for t in page.timestamps)
        hits = sum(1 for second in own if any(abs(second - start) <= TIME_SLACK for start in starts))
        if hits >= 2 and hits * 5 >= len(own) * 3:
            matches.append((hits, page))
    if not matches:
        return None
    matches.sort(key=lambda m: -m[0])
    if len(matches) > 1 and matches[1][0] == matches[0][0]:
        return None
    hits, page = matches[0]
    return page, None, f"{hits} of its {len(own)} times are chapters of the episode"


def _by_linked_page(doc: Document, resolver: LinkResolver) -> tuple[Document, None, str] | None:
    """The one saved page of the folder a thread's messages link to (a mail chain
    passing the episode's link round): what the thread is about."""
    linked = {}
    for link in doc.links:
        found = resolver.resolve(doc, link.url)
        target = resolver.by_id[found[0]] if found is not None else None
        if target is None or target.id == doc.id:
            continue
        if target.kind == "source" or (target.kind == "comments" and target.url and not is_discussion_url(target.url) and not doc.url):
            # a saved page, not a runbook or a note the thread cites; or a video's page copied with its comments
            linked.setdefault(target.id, link.url)
    if len(linked) != 1:
        return None
    target_id, url = linked.popitem()
    return resolver.by_id[target_id], None, f"the one page its messages link to: {resolver.reason(url, target_id)}"


def _by_pointers(
    doc: Document, resolver: LinkResolver, allowed: set[str]
) -> tuple[Document, str | None, str] | None:
    for pointer in doc.pointers:
        resolved = resolver.resolve(doc, pointer)
        if resolved is None or resolved[0] == doc.id or resolved[0] not in allowed:
            continue
        return resolver.by_id[resolved[0]], resolved[1], f"points at it: {resolver.reason(pointer, resolved[0])}"
    return None


class _Stems:
    """Documents grouped by folder and file-name stem root (built once)."""

    def __init__(self, documents: list[Document]) -> None:
        self.roots: dict[str, tuple[str, set[str]]] = {}
        self.groups: dict[tuple[str, str], list[Document]] = {}
        for doc in documents:
            root, roles = stem_root(doc.path.stem)
            self.roots[doc.id] = (root, roles)
            if root:
                self.groups.setdefault((str(doc.path.parent), root), []).append(doc)

    def roles(self, doc: Document) -> set[str]:
        return self.roots[doc.id][1]


def _by_stem(doc: Document, stems: _Stems) -> tuple[Document, None, str] | None:
    """The document that shares ``doc``'s file-name stem (in its folder), by role:
    a summary of comments (``ep-17-comments-summary``) sums up the dump."""
    root, roles = stems.roots[doc.id]
    if not root:
        return None
    group = [other for other in stems.groups.get((str(doc.path.parent), root), []) if other is not doc]
    if not group:
        return None
    if doc.kind == "summary" and "comments" in roles:
        wanted = [d for d in group if d.kind == "comments"]
    else:
        wanted = [d for d in group if d.kind not in ("comments", "summary")]
    if len(wanted) > 1:
        wanted = [d for d in wanted if not stems.roles(d)] or wanted
    if len(wanted) != 1:
        return None
    return wanted[0], None, f"same file-name stem {root}"


def _by_title(doc: Document, candidates: list[Document], resolver: LinkResolver) -> tuple[Document, None, str] | None:
    """The candidate whose title ``doc`` names: its own title ("Comments on X",
    "Summary of X"), the export's title for the page, its source's link text, or
    (for a dump) a description that covers the title's words."""
    allowed = {c.id for c in candidates if c is not doc}
    names = _titles_named(doc.title)
    if doc.source_title:
        names += _titles_named(doc.source_title)
    full_title = doc.meta.get("full_title") or doc.meta.get("Full Title")
    if isinstance(full_title, str):
        names.append(full_title)
    for index in (resolver.by_title, resolver.by_title_part):
        for name in names:
            key = title_key(name)
            if len(key) < 8:
                continue
            matches = [m for m in index.get(key, []) if m in allowed]
            if len(matches) == 1:
                return resolver.by_id[matches[0]], None, f"same title “{name[:60]}”"
    if doc.kind == "comments":  # weaker evidence: pages only (a note is about a page, not one)
        target = _comments_target(doc, [c for c in candidates if c is not doc and c.kind not in ("note", "summary") and not _written_after(doc, c)])
        if target is not None:
            return target, None, f"its description covers the title “{target.title[:60]}”"
    return None


class _FolderIndexes:
    """One small full-text index a folder (its pages and the texts that may be about
    them), made the first time a tie by content is looked for there."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self._indexes: dict[tuple[Path, frozenset[str]], object] = {}
        self.sizes: dict[Path, int] = {}
        for doc in documents:
            self.sizes[doc.path.parent] = self.sizes.get(doc.path.parent, 0) + 1

    def get(self, folder: Path, pages: list[Document]) -> object:
        from .index import SectionIndex

        key = (folder, frozenset(p.id for p in pages))
        if key not in self._indexes:
            index = SectionIndex()
            index.update(pages)
            self._indexes[key] = index
        return self._indexes[key]

    def close(self) -> None:
        for index in self._indexes.values():
            index.connection.close()  # type: ignore[attr-defined]


def _written_after(dump: Document, page: Document) -> bool:
    """Whether ``page`` was written after the whole thread ``dump`` (both dated): the
    thread cannot be about it (a how-to written from the threads it cites)."""
    dates = sorted(c.date[:10] for c in dump.comments if c.date) or ([dump.date[:10]] if dump.date else [])
    if not dates or not page.date:
        return False
    try:
        return (dt.date.fromisoformat(page.date[:10]) - dt.date.fromisoformat(dates[-1])).days > 7  # (a week: dates of other meanings)
    except ValueError:
        return False


def _by_content(
    doc: Document, candidates: list[Document], indexes: _FolderIndexes, text: str | None = None, linked: frozenset[str] = frozenset()
) -> tuple[Document, None, str] | None:
    """The page of ``doc``'s folder its text is most about: BM25 of its most
    distinctive words over the sections of the folder's pages, when the best page
    scores CONTENT_MARGIN times the next and shares CONTENT_SHARED of the text's
    vocabulary (CONTENT_ALONE when it is the only page)."""
    folder = doc.path.parent
    # Pages a text can be about; notes (and, for a summary, guides) are tied only by what they say.
    excluded = ("note",) if doc.kind == "comments" else ("note", "guide")
    pages = [c for c in candidates if c is not doc and c.path.parent == folder and c.complete and c.kind not in excluded]
    if doc.kind == "comments" and linked:
        # A thread that links a guide uses it (a link says so); it comments on one it only talks about.
        pages = [p for p in pages if not (p.kind == "guide" and p.id in linked)]
    # comments are on the page, and a summary sums up the episode, not its transcript
    pages = [p for p in pages if not (p.kind_reason or "").startswith("a transcript")] or pages
    if doc.kind == "comments":
        # comments are not on a summary of the page either, which says the same in fewer words
        pages = [p for p in pages if p.kind != "summary"] or pages
        pages = [p for p in pages if not _written_after(doc, p)]
    if not pages or indexes.sizes.get(folder, 0) > CONTENT_MAX_PAGES or not doc.complete:
        return None
    # A dump's own words are its comments (its "description" may be a page's chrome).
    if text is None:
        text = " ".join(c.text for c in doc.comments) if doc.comments else doc.body
    index = indexes.get(folder, pages)
    terms = index.query_terms(text, limit=CONTENT_TERMS)  # type: ignore[attr-defined]
    if not terms:
        return None
    allowed = {p.id for p in pages}
    best: dict[str, float] = {}
    for term, term_weight in terms:
        per_page: dict[str, float] = {}
        for hit in index.weighted([(term, term_weight)], 200, snippets=False):  # type: ignore[attr-defined]
            if hit.doc_id in allowed:
                per_page[hit.doc_id] = max(per_page.get(hit.doc_id, 0.0), hit.score)
        for doc_id, score in per_page.items():
            best[doc_id] = best.get(doc_id, 0.0) + score
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1])
    top_id, top_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = top_score / second if second else float("inf")
    target = next(p for p in pages if p.id == top_id)
    own = _vocabulary(text)
    shared = len(own & _vocabulary(target.body)) / max(1, len(own))
    alone = CONTENT_ALONE_DUMP if doc.kind == "comments" else CONTENT_ALONE
    if margin < CONTENT_MARGIN or shared < (CONTENT_SHARED if len(pages) > 1 else alone):
        return None
    shown = "only page matching" if second == 0 else f"BM25 margin {margin:.1f}x"
    return target, None, f"content: {shown}, {shared:.0%} of its words shared"


def _vocabulary(text: str) -> set[str]:
    from .index import words

    return {w for w in words(_UNSPACED.sub(" ", text)) if len(w) >= 4} | _grams(text)


