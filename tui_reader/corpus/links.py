"""Links in Markdown, URL normalisation, and episode timestamps."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from linkify_it import LinkifyIt
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .formats import chapters as _chapters
from .formats import media as _media
from .formats.summaries import wikilinks
from .model import Link, Timestamp
from .text import visible

# Bare URLs are links (linkify-it-py, as GFM's autolinks extension reads them): the
# inline rule takes those with a scheme; ``www.`` ones are found in the text after.
_markdown = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
_linkify = LinkifyIt()
# Block structure only: inline parsing is most of markdown-it's time, and the model
# needs it only where links, headings or bold leads can be.
_blocks_only = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


def _needs_inline(content: str, heading: bool, bold_leads: bool) -> bool:
    if heading or "[" in content or "<" in content or "www." in content:
        return True
    if "://" in content:
        # The tail of a linked image split over blank lines ("](https://...)", see
        # render/prepare.py) is no bare URL.
        return not content.startswith("](")
    return bold_leads and content.startswith(("**", "__"))


def _www_links(children: list[Token]) -> list[Token]:
    """``www.example.com`` in text outside links made a link (markdown-it's core
    linkify rule, which calling the inline parser alone skips)."""
    result: list[Token] = []
    depth = 0
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or depth or "www." not in child.content:
            result.append(child)
            continue
        text, position = child.content, 0
        for match in _linkify.match(text) or []:
            if not match.url.startswith(("http://", "https://")) or not match.raw.lower().startswith("www."):
                continue
            if match.index > position:
                result.append(Token("text", "", 0, content=text[position : match.index]))
            result.append(Token("link_open", "a", 1, attrs={"href": match.url}))
            result.append(Token("text", "", 0, content=match.raw))
            result.append(Token("link_close", "a", -1))
            position = match.last_index
        if position < len(text):
            result.append(Token("text", "", 0, content=text[position:]))
    return result


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
                token.children = _www_links(children) if "www." in token.content else children
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
        if "[[" in token.content:
            start = first_line + token.map[0]
            for target, heading, shown, offset in wikilinks(token.content):
                links.append(Link(shown, wiki_url(target, heading), start + token.content.count("\n", 0, offset)))
    links.sort(key=lambda link: link.line)
    return links


WIKI_SCHEME = "wiki:"


def wiki_url(target: str, heading: str | None = None) -> str:
    """The URL a ``[[Target#Heading]]`` link stands for in the model and the reader."""
    return f"{WIKI_SCHEME}{quote(target.strip(), safe='')}" + (f"#{quote(heading.strip(), safe='')}" if heading else "")


def wiki_target(url: str) -> tuple[str, str | None] | None:
    """(target, heading) of a ``wiki:`` URL, else None."""
    if not url.startswith(WIKI_SCHEME):
        return None
    target, _, heading = url[len(WIKI_SCHEME) :].partition("#")
    return unquote(target), unquote(heading) or None


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
_TRACKING_PARAMS |= {
    "lc", "igsh", "mibextid", "ref_source", "spm", "share", "sharing", "amp", "ito", "cid", "src", "via",
    "utm", "fb_action_ids", "fb_action_types", "fb_source", "action_object_map", "_ga", "_gl", "yclid",
    "wt.mc_id", "wt_mc_id", "rss", "from", "ncid", "sr_share", "context", "nav", "smid", "smtyp", "partner",
}
_TRACKING_PARAMS |= {"atlorigin"}  # Atlassian (Confluence, Jira) share links
# App share links: TikTok (is_from_webapp, sender_device, _t, _r), Bilibili (spm_id_from,
# vd_source, share_source), Zhihu and WeChat (utm_psn), Xiaohongshu (xsec_token, xsec_source)
_TRACKING_PARAMS |= {
    "is_from_webapp", "sender_device", "_t", "_r", "spm_id_from", "vd_source", "share_source", "share_medium", "share_plat",
    "share_from", "share_tag", "share_session_id", "bbid", "ts", "unique_k", "utm_psn", "xsec_token", "xsec_source", "at_medium",
    "at_campaign", "at_format", "at_link",
}
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "mc_", "oly_", "vero_")
# Parameters that only position a player inside the page they identify: dropped on
# every host (a chapter link and the episode page are the same page).
_POSITION_PARAMS = set(_media.POSITION_PARAMS)
_MOBILE_PREFIXES = ("m.", "mobile.", "amp.")
_REDDIT_HOSTS = {"reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com", "i.reddit.com", "redd.it"}
_MEDIUM_ID = re.compile(r"-([0-9a-f]{10,16})$")


_REDIRECT_PATH = re.compile(r"^/(?:|url|l\.php|redirect|away(?:\.php)?|link|linkfilter|out|exit|redir|goto|dereferrer)/?$", re.IGNORECASE)
_REDIRECT_PARAMS = ("url", "u", "q", "target", "to", "dest", "destination", "redirect", "redirecturl", "link")


def _redirect_target(host: str, path: str, query: str) -> str | None:
    """The page a link wrapper leads to: Outlook's Safe Links
    (``…safelinks.protection.outlook.com/?url=…``), Google's ``/url?q=``, Facebook's
    ``l.php?u=``, YouTube's ``/redirect?q=``, VK's ``away.php?to=``, Steam's
    ``linkfilter/?url=``: a redirector's path with a parameter that is itself a URL."""
    if not query or not _REDIRECT_PATH.match(path or "/"):
        return None
    if path in ("", "/") and not ("safelinks" in host or host.startswith(("l.", "lm.", "out.", "exit.", "away.", "href.li", "link."))):
        return None  # a site's own search at its root (``/?q=https://…``), not a wrapper
    for name, value in parse_qsl(query):
        if name.lower() in _REDIRECT_PARAMS and value.lower().startswith(("http://", "https://")):
            return value
    return None


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def _canonical_host(host: str) -> str:
    while host.startswith("www."):
        host = host[4:]
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    return re.sub(r"\.m\.(wikipedia|wiktionary|wikimedia)\.org$", r".\1.org", host)


def _site_identity(host: str, path: str, query: list[tuple[str, str]]) -> tuple[str, str, list[tuple[str, str]]]:
    """One spelling for pages that several URL forms name: every YouTube form is
    ``youtube.com/watch?v=ID``; a Reddit thread is ``reddit.com/comments/ID``; a
    Medium story is ``medium.com/p/ID``; ``twitter.com`` is ``x.com``; a Telegram
    post is ``t.me/channel/N`` (its web preview and its comments' links too)."""
    video = _media.youtube_id(f"https://{host}{path}?{urlencode(query)}")
    if video:
        return "youtube.com", "/watch", [("v", video)]
    if host in _REDDIT_HOSTS or host.endswith(".reddit.com"):
        if host == "redd.it" and path.strip("/"):
            return "reddit.com", f"/comments/{path.strip('/').split('/')[0]}", []
        match = re.match(r"^(?:/r/[^/]+)?/comments/([A-Za-z0-9]+)", path)
        if match:
            return "reddit.com", f"/comments/{match.group(1)}", []
        return "reddit.com", path, query
    if host in ("twitter.com", "mobile.twitter.com", "x.com"):
        return "x.com", path, []
    if host == "medium.com" or host.endswith(".medium.com"):
        match = _MEDIUM_ID.search(path.rstrip("/"))
        if match:
            return "medium.com", f"/p/{match.group(1)}", []
    if host in ("t.me", "telegram.me"):
        # A channel's post: the web preview (/s/), a comment's link (?comment=) and the post are one page
        return "t.me", re.sub(r"^/s/", "/", path), []
    if host == "news.ycombinator.com":
        return host, path, [(k, v) for k, v in query if k == "id"]
    return host, path, query


@functools.lru_cache(maxsize=65_536)
def normalize_url(url: str) -> str | None:
    """A comparable form of an ``http(s)`` URL, or ``None`` for anything else.

    Lower-case host without ``www.`` or ``m.``, no scheme distinction, no default
    port, no fragment, no tracking parameters (``utm_*``, ``si``, ``lc``,
    ``fbclid``, ...) and no start position (``t``, ``start``), the remaining
    parameters sorted, no trailing slash or ``index.html``. Every YouTube form
    (``youtu.be/ID``, ``/live/ID``, ``/shorts/ID``, ``/embed/ID``) becomes
    ``youtube.com/watch?v=ID``; Apple Podcasts keeps ``i`` (the episode).
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
    wrapped = _redirect_target(host, parts.path, parts.query)
    if wrapped is not None and wrapped != url:
        return normalize_url(wrapped)
    host = _canonical_host(host)
    path = parts.path or ""
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name) and name not in _POSITION_PARAMS
    ]
    host, path, query = _site_identity(host, path, query)
    query.sort()
    # One spelling for each path: decoded, then re-encoded (so ``%3F`` stays in the
    # path instead of becoming a query, and the result normalises to itself).
    path = quote(unquote(path), safe="/:@!$&'()*+,;=~", errors="replace")
    path = re.sub(r"/{2,}", "/", path)
    path = re.sub(r"/(?:index\.html?|index\.php|amp)$", "", path).rstrip("/")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    return urlunsplit(("https", netloc, path, urlencode(query), "")).removeprefix("https://")


def same_page_reason(first: str, second: str) -> str:
    """Why two URLs name one page, in words for a relation's reason."""
    a, b = _display(first), _display(second)
    return f"links to its URL {a}" if a == b else f"{a} = {b}"


def _display(url: str) -> str:
    text = re.sub(r"^https?://(?:www\.)?", "", url.strip()).rstrip("/")
    return text if len(text) <= 70 else text[:69] + "…"


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
# The recognisers live in formats/chapters.py and formats/media.py; these names are
# the model's (and its tests') way in.

label_seconds = _chapters.label_seconds
url_seconds = _chapters.url_seconds


def extract_timestamps(lines: list[str], first_line: int) -> tuple[list[Timestamp], list[str]]:
    """Episode chapters in ``lines`` (the first is file line ``first_line``), and
    warnings (where a label and its URL disagree, the label is kept)."""
    return _chapters.find_chapters(lines, first_line)


def url_at_second(url: str, seconds: int) -> str:
    """``url`` told to start at ``seconds`` in its host's own terms."""
    return _media.at_second(url, seconds)
