"""Which URLs play an episode or a video, and how each host is told where to start.

A chapter opens "at that second" only if the URL says so in the host's own terms:

| host | start at 985 s |
|---|---|
| YouTube ``watch?v=`` (``/live/``, ``/shorts/``, ``m.``, ``music.``) | ``watch?v=ID&t=985s`` |
| ``youtu.be/ID`` | ``youtu.be/ID?t=985`` |
| YouTube ``/embed/ID`` | ``/embed/ID?start=985`` |
| Spotify, Apple Podcasts, Pocket Casts | ``?t=985`` |
| Vimeo, a direct media file (``.mp3``, ``.m4a``, ``.mp4``, ...) | ``#t=985`` (W3C media fragment) |
| Twitch | ``?t=0h16m25s`` |
| SoundCloud | ``#t=16:25`` |
| anything else | its own ``t`` / ``start`` parameter replaced if it has one, else ``#t=985`` |
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MEDIA_EXTENSIONS = (
    ".mp3", ".m4a", ".m4b", ".mp4", ".m4v", ".mov", ".ogg", ".oga", ".opus", ".wav", ".webm",
    ".aac", ".flac", ".mkv",
)
POSITION_PARAMS = ("t", "start", "time_continue")
_YOUTUBE = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{1,20}$")

MEDIA_KEYS = (
    "video", "video_url", "videoUrl", "youtube", "youtube_url", "audio", "audio_url", "audioUrl",
    "enclosure", "enclosure_url", "media", "media_url", "mp3", "episode_url", "podcast_url",
    "spotify", "spotify_url", "apple_podcasts", "apple_podcasts_url", "player",
)
"""Front matter keys that name the episode's media itself."""
PAGE_KEYS = (
    "url", "source", "canonical_url", "canonicalURL", "canonical", "link", "permalink",
    "original_url", "source_url",
)


def _host(url: str) -> tuple[str, str, str]:
    """(host without ``www.``, path, query) of ``url``; empty strings if not http(s)."""
    try:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in ("http", "https"):
            return "", "", ""
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", "", ""
    return host.removeprefix("www."), parts.path, parts.query


def youtube_id(url: str) -> str | None:
    """The video id of any YouTube URL form: ``watch?v=``, ``youtu.be/``, ``/live/``,
    ``/shorts/``, ``/embed/``, ``/v/``, on ``m.``, ``music.`` or ``youtube-nocookie``."""
    host, path, query = _host(url)
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
    elif host in _YOUTUBE:
        if path.rstrip("/") in ("/watch", ""):
            candidate = dict(parse_qsl(query)).get("v", "")
        else:
            pieces = path.strip("/").split("/")
            candidate = pieces[1] if len(pieces) >= 2 and pieces[0] in ("live", "shorts", "embed", "v", "e", "watch") else ""
    else:
        return None
    return candidate if _YOUTUBE_ID.match(candidate) else None


_MEDIA_HINT = re.compile(
    r"youtu|spotify|podcasts\.apple|pca\.st|pocketcasts|vimeo|twitch|soundcloud|overcast|\.(?:"
    + "|".join(ext.lstrip(".") for ext in MEDIA_EXTENSIONS) + r")\b",
    re.IGNORECASE,
)


def media_kind(url: str) -> str | None:
    """``youtube``, ``spotify``, ``apple``, ``file``, ... for a URL that plays an
    episode or a video; None for any other page."""
    if not _MEDIA_HINT.search(url):
        return None
    host, path, _ = _host(url)
    if not host:
        return None
    if youtube_id(url):
        return "youtube"
    if host == "open.spotify.com" and re.match(r"^/(?:intl-[a-z-]+/)?(episode|show)/", path):
        return "spotify"
    if host == "podcasts.apple.com":
        return "apple"
    if host in ("pca.st", "pocketcasts.com", "play.pocketcasts.com"):
        return "pocketcasts"
    if host in ("vimeo.com", "player.vimeo.com"):
        return "vimeo"
    if host.endswith("twitch.tv"):
        return "twitch"
    if host.endswith("soundcloud.com"):
        return "soundcloud"
    if host == "overcast.fm":
        return "overcast"
    if path.lower().endswith(MEDIA_EXTENSIONS):
        return "file"
    return None


def is_media_url(url: str) -> bool:
    return media_kind(url) is not None


def media_url(meta: Mapping[str, object], links: Iterable[str]) -> str | None:
    """The URL that plays a page's episode: a media key of the front matter, else a
    page key that is itself media, else the page's first media link."""
    for key in MEDIA_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and _host(value)[0]:
            return value.strip()
    for key in PAGE_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and is_media_url(value):
            return value.strip()
    for url in links:
        if is_media_url(url):
            return url.strip()
    return None


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def at_second(url: str, seconds: int) -> str:
    """``url`` told to start at ``seconds``, the way its host understands it (see the
    table above). Any start the URL already had is replaced."""
    seconds = max(0, int(seconds))
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    kind = media_kind(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in POSITION_PARAMS]
    fragment = "" if re.match(r"^t=", parts.fragment) else parts.fragment
    scheme, netloc, path = parts.scheme, parts.netloc, parts.path
    if kind == "youtube":
        video = youtube_id(url) or ""
        host = _host(url)[0]
        if host == "youtu.be":
            query.append(("t", str(seconds)))
        elif path.startswith("/embed/"):
            query.append(("start", str(seconds)))
        else:  # watch, live, shorts: the watch page takes t everywhere
            netloc = "www.youtube.com" if host != "music.youtube.com" else netloc
            path = "/watch"
            query = [("v", video), *[(k, v) for k, v in query if k != "v"], ("t", f"{seconds}s")]
        return urlunsplit((scheme, netloc, path, urlencode(query), fragment))
    if kind in ("spotify", "apple", "pocketcasts"):
        query.append(("t", str(seconds)))
        return urlunsplit((scheme, netloc, path, urlencode(query), fragment))
    if kind == "twitch":
        hours, rest = divmod(seconds, 3600)
        query.append(("t", f"{hours}h{rest // 60}m{rest % 60}s"))
        return urlunsplit((scheme, netloc, path, urlencode(query), fragment))
    if kind == "soundcloud":
        return urlunsplit((scheme, netloc, path, urlencode(query), f"t={_clock(seconds)}"))
    if kind == "overcast":
        base = re.sub(r"/\d+(?::\d\d){0,2}$", "", path)
        return urlunsplit((scheme, netloc, f"{base}/{_clock(seconds)}", urlencode(query), fragment))
    had = [k for k, _ in parse_qsl(parts.query) if k in POSITION_PARAMS]
    if had and kind is None:  # a page that takes a start parameter of its own: keep its form
        query.append((had[0], str(seconds)))
        return urlunsplit((scheme, netloc, path, urlencode(query), fragment))
    return urlunsplit((scheme, netloc, path, urlencode(query), f"t={seconds}"))
