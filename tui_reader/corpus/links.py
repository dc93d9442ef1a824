"""Links in Markdown, URL normalisation, and episode timestamps."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import Link, Timestamp
from .text import visible

_markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Block structure only: inline parsing is most of markdown-it's time, and the model
# needs it only where links, headings or bold leads can be.
_blocks_only = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


def _needs_inline(content: str, heading: bool, bold_leads: bool) -> bool:
    if heading or "[" in content or "<" in content:
        return True
    return bold_leads and content.startswith(("**", "__"))


def _plain_text_children(children: list[Token]) -> None:
    """What markdown-it's core ``text_join`` rule would do, which calling the inline
    parser directly skips: entities and backslash escapes (``&amp;``, ``\\*``) come
    as ``text_special`` and are text. Character references (``&#x202E;``) can also
    produce control and bidi characters that decoding the file could not see: they
    are made visible."""
    for child in children:
        if child.type == "text_special":
            child.type = "text"
        if child.type in ("text", "code_inline", "image"):
            child.content = visible(child.content)
        if child.children:
            _plain_text_children(child.children)


def parse_markdown(text: str) -> list[Token]:
    """Block tokens of ``text`` (shared by sections and links); an inline token has
    its children only where the model reads them: headings, and text that may hold
    a link or open with a bold run."""
    env: dict[str, object] = {}
    tokens = _blocks_only.parse(text, env)
    # Bold-lead paragraphs become sections only in documents without headings.
    bold_leads = not any(token.type == "heading_open" for token in tokens)
    previous = None
    for token in tokens:
        if token.type == "inline":
            heading = previous is not None and previous.type == "heading_open"
            if _needs_inline(token.content, heading, bold_leads):
                children: list[Token] = []
                _markdown.inline.parse(token.content, _markdown, env, children)
                _plain_text_children(children)
                token.children = children
            else:
                token.children = [Token("text", "", 0, content=token.content)]
        previous = token
    return tokens


def inline_text(token: Token) -> str:
    """The plain text of an inline token: emphasis, code and links flattened."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def extract_links(tokens: list[Token], first_line: int) -> list[Link]:
    """Every ``[text](url)`` and autolink, with the file line it stands on.

    ``first_line`` is the 1-based file line of the first line of the parsed text.
    """
    links: list[Link] = []
    for token in tokens:
        if token.type != "inline" or not token.children or token.map is None:
            continue
        line = first_line + token.map[0]
        open_url: str | None = None
        open_line = line
        text_parts: list[str] = []
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                if open_url is not None:
                    text_parts.append(" ")
            elif child.type == "link_open":
                open_url = str(child.attrs.get("href", ""))
                open_line = line
                text_parts = []
            elif child.type == "link_close" and open_url is not None:
                links.append(Link("".join(text_parts).strip(), open_url, open_line))
                open_url = None
            elif open_url is not None and child.type in ("text", "code_inline"):
                text_parts.append(child.content)
            elif open_url is not None and child.type == "image":
                text_parts.append(child.content or "image")
    return links


# --- URL normalisation -------------------------------------------------------------

_TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "ref",
    "ref_src",
    "ref_url",
    "referrer",
    "source",
    "trk",
    "cmpid",
    "ocid",
    "si",
    "feature",
    "pp",
    "ab_channel",
    # Substack
    "publication_id",
    "post_id",
    "play_audio",
    "triedredirect",
    "isfreemail",
    "r",
    "s",
    "reaction",
    "token",
    "showwelcome",
    "showwelcomeonshare",
}
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# Parameters that only position a player inside the page they identify.
_POSITION_PARAMS = {"t", "start", "time_continue"}
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com"}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str | None:
    """A comparable form of an ``http(s)`` URL, or ``None`` for anything else.

    Lower-case host without ``www.``, no scheme distinction, no default port, no
    fragment, no tracking parameters (identity parameters such as YouTube's ``v``
    are kept, sorted), no trailing slash. ``youtu.be/ID`` becomes
    ``youtube.com/watch?v=ID``.
    """
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            return None
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if not host or any(ch.isspace() for ch in host):  # no web host has blanks
        return None
    while host.startswith("www."):
        host = host[4:]
    path = parts.path or ""
    query = parse_qsl(parts.query, keep_blank_values=True)
    if host == "youtu.be" and path.strip("/"):
        query = [("v", path.strip("/").split("/")[0]), *query]
        host, path = "youtube.com", "/watch"
    is_youtube = host in _YOUTUBE_HOSTS
    if is_youtube:
        host = "youtube.com"
    kept = [
        (name, value)
        for name, value in query
        if not _is_tracking(name) and not (is_youtube and name in _POSITION_PARAMS)
    ]
    kept.sort()
    # One spelling for each path: decoded, then re-encoded (so ``%3F`` stays in the
    # path instead of becoming a query, and the result normalises to itself).
    path = quote(unquote(path), safe="/:@!$&'()*+,;=~", errors="replace")
    path = re.sub(r"/{2,}", "/", path).rstrip("/")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    return urlunsplit(("https", netloc, path, urlencode(kept), "")).removeprefix("https://")


def url_fragment(url: str) -> str:
    try:
        return unquote(urlsplit(url).fragment)
    except ValueError:
        return ""


def is_external_url(url: str) -> bool:
    """True for the only links the app opens outside itself: http(s) and mailto."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return False
    if scheme == "mailto":
        return len(url.strip()) > len("mailto:")
    return scheme in ("http", "https") and normalize_url(url) is not None


# --- Episode timestamps ------------------------------------------------------------

_LABEL = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
_TIMESTAMP_LINE = re.compile(
    r"^\s*(?:[-*+•]\s+)?"  # an optional list bullet
    r"(?P<open>\(?)\[(?P<label>" + _LABEL + r")\]\((?P<url><[^>]*>|[^)\s]+)\)\)?"
    r"\s*(?:[-–—:|]\s*)?(?P<title>.*?)\s*$"
)
_DURATION = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")


def label_seconds(label: str) -> int:
    seconds = 0
    for part in label.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def url_seconds(url: str) -> int | None:
    """The start time a video URL asks for: ``t=985s``, ``t=1h2m3s``, ``t=123``,
    ``#t=123``, ``start=123``; ``None`` when it names none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    params = parse_qsl(parts.query) + parse_qsl(parts.fragment)
    for name, value in params:
        if name in _POSITION_PARAMS and value:
            match = _DURATION.match(value.strip())
            if match and any(match.group(g) for g in "hms"):
                return (
                    int(match.group("h") or 0) * 3600
                    + int(match.group("m") or 0) * 60
                    + int(match.group("s") or 0)
                )
    return None


def _plain_title(title: str) -> str:
    """Chapter titles are Markdown: drop emphasis markers and link syntax."""
    title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title)
    return re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", title).strip()


def extract_timestamps(
    lines: list[str], first_line: int
) -> tuple[list[Timestamp], list[str]]:
    """Chapter lines such as ``([16:25](https://youtube.com/watch?v=X&t=985s)) Title``.

    Returns the timestamps and warnings (where the label and the URL disagree, the
    label is kept). ``first_line`` is the file line of ``lines[0]``.
    """
    timestamps: list[Timestamp] = []
    warnings: list[str] = []
    for offset, raw in enumerate(lines):
        if "](" not in raw:
            continue
        match = _TIMESTAMP_LINE.match(raw)
        if not match:
            continue
        label = match.group("label")
        url = match.group("url").strip("<>")
        seconds = label_seconds(label)
        line = first_line + offset
        from_url = url_seconds(url)
        if from_url is not None and from_url != seconds:
            warnings.append(
                f"line {line}: timestamp {label} ({seconds} s) disagrees with its "
                f"URL ({from_url} s); the label is kept"
            )
        timestamps.append(
            Timestamp(label, seconds, _plain_title(match.group("title")), url, line)
        )
    return timestamps, warnings


def url_at_second(url: str, seconds: int) -> str:
    """``url`` set to start at ``seconds`` (replacing any ``t``/``start``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in _POSITION_PARAMS]
    fragment = "" if parts.fragment.startswith("t=") else parts.fragment
    if seconds:
        query.append(("t", f"{seconds}s"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), fragment))
