"""Comment threads and chat exports: who said what, in reply to whom.

One recogniser a family, each a pure function of a document's body lines that
returns a ``Thread`` or None:

| recogniser | what it reads |
|---|---|
| ``hacker_news_page`` | a Hacker News item page copied as text: ``N points by user ...``, then ``user 3 hours ago \\| parent \\| next [–]`` heads, text, ``reply``; depth from indentation, else from ``root`` / ``parent`` |
| ``old_reddit_page`` | old.reddit.com saved as Markdown or copied as text: ``[–]user[S] flair 41 points 2 days ago`` heads, ``permalink`` / ``parent`` / ``reply`` lines; the post's link is the page |
| ``signed_posts`` | comments signed below their text: ``posted by name at 8:31 AM on March 3, 2023 [27 favorites]`` (MetaFilter); the signature that counts the comments closes the post |
| ``doubled_names`` | Invision Community forum posts: the name twice, rank, post count, ``Posted March 8``, text, ``Quote`` / ``Like 3``; the topic's first post is not a comment |
| ``numbered_cards`` | forum posts numbered ``#1``, ``#2`` under their author's card (name, rank, ``Joined … Posts …``, date), ``Reply`` / ``Reactions:`` after (XenForo, KASKUS); ``#1`` is the opening post |
| ``csv_messages`` | a chat exported as CSV: a header with a sender and a message column (``Date,Time,Sender,Phone number,Message``), a row a message |
| ``smf_posts`` | a Simple Machines Forum topic: the author's card, ``« on: date »`` / ``« Reply #2 on: date »`` in any language, text, ``Quote``; the first post is the topic |
| ``wiki_talk`` | a talk page's wikitext: a comment ends at its signature (``[[User:Ana]] … 14:02, 9 January 2024 (UTC)``), its depth is its leading ``:`` |
| ``labelled_numbers`` | comments each under one label and its number, a reply's under its parent's (Pantip's ``ความคิดเห็นที่ 1-1``); the author over the date below the text |
| ``handle_blocks`` | replies as a handle alone on its line over the text, no date (Tumblr's "Replies" tab) |
| ``stack_exchange_page`` | a Stack Overflow / Stack Exchange question page copied as text: the question, its comments (``text – user Feb 28, 2022 at 16:51``), each answer (up to ``Improve this answer`` / ``answered`` / author) with its comments one level down |
| ``github_discussion`` | a GitHub Discussions page copied from the browser: ``Comment options`` blocks (author, date, role, text), replies under an ``@name`` avatar line; votes and reactions dropped |
| ``chat_export`` | WhatsApp (``[13/11/2025, 09:12:44] Ana: ...``, ``13/11/2025, 09:12 - Ana: ...``), DiscordChatExporter (``====`` banner, ``[11/13/2025 9:30 AM] user`` heads), IRC (``[09:12] <ana> ...``), ``[date] user: text`` |
| ``bullet_thread`` | nested Markdown bullets led by an author: ``- user: text [user @ time]`` (the HN bookmarklet), ``- [1.1] user: ...``, ``- @user [+2]: ...``, ``* **u/name** ...`` |
| ``author_blocks`` | an author line, then the text below it: Reddit exports (``* **[name](https://www.reddit.com/user/name)** ⬆️ 12``, ``u/name · 12 points``, ``> `` nesting), ``**name** · date`` |
| ``clock_blocks`` | a chat copied from a web app, a block a message: name, the answered message quoted, text, reactions, the time last (Telegram Web) |
| ``card_copy`` | comments copied from a Substack, Medium, YouTube or Disqus page: name, date (``Nov 13``, ``3 days ago``), text, then ``Like (4)`` / ``Reply`` / ``Share`` lines |
| ``line_dump`` | one comment a line, with or without ``@handle:``; a dump pasted twice counts once; a URL line on top is the page's URL |

``recognise`` runs those that can apply and keeps the one that explains the body
best. HTML entities (``&#x27;``, ``&gt;``) are decoded in texts and names.
"""

from __future__ import annotations

import bisect
import collections
import csv
import dataclasses
import html
import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import comments as line_dumps
from ..model import Comment
from ..text import visible
from .dates import FOREIGN_MONTHS, parse_date
from . import NAV_RUN, menu_line, nav_word, numbered_posts

MIN_COMMENTS = 2
MIN_COVERAGE = 0.6
"""Share of the non-blank lines after the preamble that the comments must explain."""
MAX_PREAMBLE = 0.5
"""A body whose preamble (before the first comment) is larger than this share of it
is a page with a few comments at the end, not a comment dump (unless the export's
own header says what it is)."""


_TIMED_LINES = re.compile(r"^[ \t]*(?:[-*•]\s*)?[(\[]?(?:\d{1,2}:)?\d{1,2}:\d\d[)\]]?[ \t]+[-–—]?[ \t]*[^\W\d]", re.MULTILINE)


@dataclass
class Thread:
    format: str
    """What export this was read as ("Hacker News page copy", ...): for kind_reason."""
    comments: list[Comment]
    description: tuple[int, str] | None = None
    """(file line, text) of the post or page description that precedes the comments."""
    title: str | None = None
    """The discussed page's title, where the export names it."""
    url: str | None = None
    """The discussed page's (or the thread's) URL, where the export gives it."""
    folded: int = 0
    covered: int = 0
    """Non-blank lines the comments (heads, texts, action lines) explain."""
    total: int = 0
    """Non-blank lines of the body after the preamble."""
    preamble: int = 0
    """Non-blank lines before the first comment."""
    strong: bool = False
    """The export names itself (a Hacker News header, a chat banner, Reddit's
    ``Posted by``): the preamble may be long."""
    own_title: bool = False
    """``title`` is the thread's own (a question and its answers), not a page's."""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def coverage(self) -> float:
        return self.covered / max(1, self.total)

    def acceptable(self) -> bool:
        if len(self.comments) < MIN_COMMENTS or self.coverage < MIN_COVERAGE:
            return False
        if self.strong:
            return True
        if len(self.comments) <= 3 and any(len(_TIMED_LINES.findall(c.text)) >= 3 for c in self.comments):
            return False  # two or three "comments", one holding a list of chapters: a page's cards misread
        first, rest = self.comments[0].text.count("\n") + 1, sum(c.text.count("\n") + 1 for c in self.comments[1:])
        if len(self.comments) <= 6 and first >= 25 and first >= 2 * rest:
            return False  # an article under its byline, with a few comments below it: a page
        described = self.description[1].count("\n") + 1 if self.description else 0
        if len(self.comments) <= 3 and described >= 20 and described >= 3 * (first + rest):
            return False  # a post of its own with two or three comments under it (Ko-fi, a blog): a page
        return self.preamble <= MAX_PREAMBLE * (self.preamble + self.total)


def clean(text: str) -> str:
    """Text of a comment or a name: HTML entities decoded (exports leave ``&#x27;``
    and ``&gt;`` in), control characters visible, outer blank lines dropped."""
    if "&" in text:
        text = html.unescape(text)
    return visible(text).strip()


def _blocks(lines: list[str]) -> list[list[int]]:
    """The indices of the non-blank lines, in runs separated by blank lines."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index, raw in enumerate(lines):
        if raw.strip():
            current.append(index)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _indent(raw: str) -> int:
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _ranks(indents: list[int]) -> dict[int, int]:
    """Each distinct indentation -> its nesting depth (0 for the smallest)."""
    return {value: rank for rank, value in enumerate(sorted(set(indents)))}


def _non_blank(lines: list[str], start: int = 0, end: int | None = None) -> int:
    return sum(1 for raw in lines[start:end] if raw.strip())


def _dedent(lines: list[str]) -> str:
    chosen = [raw.expandtabs(4) for raw in lines]
    widths = [len(raw) - len(raw.lstrip(" ")) for raw in chosen if raw.strip()]
    cut = min(widths, default=0)
    return "\n".join(raw[cut:].rstrip() for raw in chosen).strip("\n")


def _url_line(text: str) -> str | None:
    match = re.fullmatch(r"\s*<?(https?://\S+?)>?\s*", text)
    return match.group(1) if match else None


def _first_url(lines: list[str]) -> str | None:
    for raw in lines:
        match = re.search(r"https?://[^\s)>\]]+", raw)
        if match:
            return html.unescape(match.group().rstrip(".,;"))
    return None


_URL_LINE = re.compile(
    r"^\s*(?:[-*+>]\s+)?(?:\*\*|__)?(?:(?:original post|original|link|url|source|article|post|video|episode|"
    r"discussion|thread)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*)?(?:\[[^\]]*\]\(|<)?(?P<url>https?://[^\s)>\]]+)[)>]?\s*$",
    re.IGNORECASE,
)


def _standalone_url(lines: list[str]) -> str | None:
    """The first URL that stands on a line of its own (``https://…``, ``<https://…>``,
    ``Original post: [url](url)``, ``LINK: url``): the page a thread is about. A URL
    inside a sentence is only mentioned."""
    for raw in lines:
        match = _URL_LINE.match(raw)
        if match:
            return html.unescape(match.group("url").rstrip(".,;"))
    return None


# --- Hacker News, copied from the item page ------------------------------------------

_HN_AGE = (
    r"(?:(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|"
    r"on\s+[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}[T ][\d:]+Z?)"
)
_HN_HEAD = re.compile(
    r"^(?P<indent>[ \t]*)(?:\[[-–+]\]\s*)?(?P<user>[A-Za-z0-9_-]{2,15})\s+(?:edited\s+)?(?P<age>" + _HN_AGE + r")"
    r"(?P<rest>\s*(?:\|.*|\[[-–+]\].*|\(\d+ (?:children|more)\).*)?)$"
)
_HN_STORY = re.compile(
    r"^\s*(?:(?P<points>\d+)\s+points?\s+by|authored by|via)\s+(?P<user>\S+)\s+(?P<age>" + _HN_AGE + r")(?P<rest>.*)$"
)
"""The story line: Hacker News ``412 points by user 9 hours ago``, Lobsters
``authored by user 15 hours ago | tags | 11 comments``."""
_HN_JUNK = re.compile(
    r"^\s*(?:reply|help|\[[-–+]\]|\[flagged\]|\[dead\]|\[deleted\]|add comment|more|\d{1,5}|"
    r"hacker news\s+new \|.*|guidelines \| faq.*|search:?|login|.*\| hide \| past \|.*)\s*$",
    re.IGNORECASE,
)


def hacker_news_page(lines: list[str], first_line: int) -> Thread | None:
    heads = [(i, m) for i, raw in enumerate(lines) if " ago" in raw or " on " in raw if (m := _HN_HEAD.match(raw))]
    heads = [(i, m) for i, m in heads if m.group("rest").strip() or _has_reply_line(lines, i)]
    if len(heads) < MIN_COMMENTS:
        return None
    story = next(((i, m) for i, raw in enumerate(lines[: heads[0][0]]) if (m := _HN_STORY.match(raw))), None)
    indents = [_indent(lines[i]) for i, _ in heads]
    by_indent = _ranks(indents) if len(set(indents)) > 1 else None
    comments: list[Comment] = []
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = [raw for raw in lines[index + 1 : end] if not _HN_JUNK.match(raw)]
        covered += 1 + _non_blank(lines, index + 1, end)
        rest = match.group("rest")
        if by_indent is not None:
            depth = by_indent[_indent(lines[index])]
        else:
            depth = 2 if re.search(r"\broot\b", rest) else 1 if re.search(r"\bparent\b", rest) else 0
        text = clean(_dedent(body))
        if not text:
            continue
        comments.append(
            Comment(first_line + index, text, clean(match.group("user")), depth, first_line + end, _age(match.group("age")))
        )
    lobsters = any(raw.strip() == "Lobsters" for raw in lines[:5])
    thread = Thread("Lobsters page copy" if lobsters else "Hacker News page copy", comments, strong=story is not None)
    thread.total = _non_blank(lines, heads[0][0])
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, heads[0][0])
    if story is not None:
        title_index = next((i for i in range(story[0] - 1, -1, -1) if lines[i].strip()), None)
        if title_index is not None:
            raw_title = lines[title_index].strip()
            domain = re.search(r"\s\(([\w.-]+\.[a-z]{2,})\)\s*$", raw_title) or (
                re.search(r"\s((?:[\w-]+\.)+[a-z]{2,})\s*$", raw_title) if lobsters else None  # "Title tags domain.net"
            )
            thread.title = clean(raw_title[: domain.start()] if domain else raw_title)
            if domain:
                thread.extra["domain"] = domain.group(1)
        text = [raw for raw in lines[story[0] + 1 : heads[0][0]] if raw.strip() and not _HN_JUNK.match(raw)]
        described = clean("\n".join(text)) or thread.title
        if described:
            thread.description = (first_line + (title_index if title_index is not None else story[0]), described)
    thread.url = _standalone_url(lines[: heads[0][0]])
    return thread


# --- old Reddit, copied from the page ----------------------------------------------------

_OLD_REDDIT_HEAD = re.compile(
    r"^\s*\[[–+-]\]\s*(?:\[(?P<linked>[\w-]{2,24})\]\([^)\s]*\)|(?P<user>[\w-]{2,24}?))(?:\[[SMAF+]\])*"
    r"(?:\s*(?P<flair>.{0,60}?))??\s*(?:(?<![\d:.])-?\d[\d,]*\s+points?|\[score hidden\])\s+(?P<age>(?:\d+|an?)\s+\w+\s+ago)\b.*$"
)
"""An old-Reddit comment's head: ``[–]user[S] flair 41 points 2 days ago``, the
name linked or not (a page saved as Markdown, or copied as text)."""
_OLD_REDDIT_ACTION = re.compile(
    r"^\s*(?:[-*+]\s+)?\[?(?:permalink|embed|save|unsave|parent|report|reply|give award|share|edit|delete|"
    r"load more comments(?: \(\d+ repl(?:y|ies)\))?|continue this thread)\]?(?:\([^)]*(?:\)[^)]*)?\))?\s*$",
    re.IGNORECASE,
)
_OLD_REDDIT_SUBMITTED = re.compile(r"^\s*submitted\s+.{1,40}?\s+ago\s+by\s+", re.IGNORECASE)
_LINKED_TITLE = re.compile(r"^\s*\[(?P<title>[^\]\n]{4,300})\]\((?P<url>https?://[^)\s]+)\)\s*(?:\([\w.-]+\))?\s*$")


def old_reddit_page(lines: list[str], first_line: int) -> Thread | None:
    """A thread of old.reddit.com saved as Markdown or copied as text: ``[–]user[S]
    flair N points 2 days ago`` heads, the text, then ``permalink`` / ``embed`` /
    ``save`` / ``parent`` / ``reply`` lines; a reply has ``parent`` (its level
    below is not written). The post's link above the ``submitted … by`` line is the
    page discussed."""
    heads = [(i, m) for i, raw in enumerate(lines) if "ago" in raw if (m := _OLD_REDDIT_HEAD.match(raw))]
    if len(heads) < MIN_COMMENTS:
        return None
    comments: list[Comment] = []
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body: list[str] = []
        actions = 0
        reply = False
        for raw in lines[index + 1 : end]:
            if _OLD_REDDIT_ACTION.match(raw):
                actions += 1
                reply = reply or "parent" in raw.lower()
                continue
            if actions:
                break  # the comment ends at its actions: what follows is the page's
            body.append(raw)
        stop = index + 1 + len(body) + actions
        covered += 1 + _non_blank(lines, index + 1, min(end, stop + 2))
        text = clean(_dedent(body))
        if text:
            name = match.group("linked") or match.group("user")
            comments.append(Comment(first_line + index, text, name, 1 if reply else 0, first_line + index + 1 + len(body), _age(match.group("age"))))
    thread = Thread("old Reddit page copy", comments, strong=True)
    thread.total = _non_blank(lines, heads[0][0])
    thread.covered = covered + sum(1 for raw in lines[heads[0][0] :] if _OLD_REDDIT_ACTION.match(raw) and raw.strip().lower().startswith(("[load", "load", "* [load")))
    thread.preamble = _non_blank(lines, 0, heads[0][0])
    submitted = next((i for i, raw in enumerate(lines[: heads[0][0]]) if _OLD_REDDIT_SUBMITTED.match(raw)), None)
    if submitted is not None:
        title_line = next((k for k in range(submitted - 1, max(-1, submitted - 6), -1) if lines[k].strip()), None)
        linked = _LINKED_TITLE.match(lines[title_line]) if title_line is not None else None
        if linked:
            thread.title = clean(linked.group("title"))
            thread.url = html.unescape(linked.group("url"))
            thread.description = (first_line + title_line, thread.title)  # type: ignore[operator]
        elif title_line is not None:
            thread.title = clean(lines[title_line].strip().strip("#").strip())
    return thread


# --- comments signed below their text (MetaFilter) ----------------------------------------

_SIGNATURE = re.compile(
    r"^\s*(?:posted|submitted|written|sent|commented)\s+by\s+(?P<name>[^\n]{1,60}?)\s+(?:at|on|@)\s+(?P<date>[^\n\[]{4,60}?)"
    r"(?P<rest>\s*(?:\[[^\]\n]{0,40}\])?\s*(?:[-–|·]\s*\d+\s+comments?(?:\s+total)?)?\s*)$",
    re.IGNORECASE,
)
"""A comment's signature under its text: ``posted by tangerine_sky at 8:31 AM on March 3, 2023 [27 favorites]``."""


def signed_posts(lines: list[str], first_line: int) -> Thread | None:
    """Posts and comments signed below their text (MetaFilter's "posted by … at …
    on …"): each comment is the text between one signature and the next; the first
    signature that counts the comments ("- 9 comments") closes the post."""
    signs = [(i, m) for i, raw in enumerate(lines) if " by " in raw.lower() if (m := _SIGNATURE.match(raw)) and parse_date(m.group("date"))]
    if len(signs) < MIN_COMMENTS + 1:
        return None
    post = next((n for n, (_, m) in enumerate(signs[:1]) if re.search(r"\d+\s+comments?", m.group("rest"), re.IGNORECASE)), None)
    comments: list[Comment] = []
    covered = 0
    previous = -1
    description = None
    for n, (index, match) in enumerate(signs):
        start = previous + 1
        if n == 0:
            # the first text starts after the page's menu: its paragraph above the signature
            start = next((k + 1 for k in range(index - 1, -1, -1) if not lines[k].strip()), 0)
        body = [raw for raw in lines[start:index] if not re.match(r"^\s*tags?:", raw, re.IGNORECASE)]
        text = clean(_dedent(body))
        covered += 1 + _non_blank(lines, start, index)
        previous = index
        if n == 0 and post is not None:
            described = _preamble_text(lines[:index])
            description = (first_line + start, described or text)
            continue
        if text:
            comments.append(Comment(first_line + index, text, clean(match.group("name")), 0, first_line + index + 1, parse_date(match.group("date"))))
    thread = Thread("comments signed below their text (posted by … at …)", comments, strong=post is not None)
    begin = next((k + 1 for k in range(signs[0][0] - 1, -1, -1) if not lines[k].strip()), 0)
    thread.total = _non_blank(lines, begin)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, begin)
    if description:
        thread.description = description
    thread.url = _standalone_url(lines[: signs[0][0]])
    return thread


# --- forum posts under a doubled name (Invision Community) --------------------------------

_FORUM_BUTTON = re.compile(
    r"^\s*(?:quote|like|likes?\s+\d+|\d+\s+likes?|report|share|multiquote|reply|παράθεση|μου αρέσει(?:\s+\d+)?|zitieren|citer|citar|"
    r"cytuj|citovat|idézet|цитировать|цитата|цитувати|alıntı|trích dẫn|kutip|اقتباس|ציטוט|引用)\s*$",
    re.IGNORECASE,
)
_QUOTE_INTRO = re.compile(r"^\s*(?:on|στις|am|le|el|il|dnia|dne|в|у|tarihinde|vào|pada|في|ב-?)\s.{4,60}?(?:said|wrote|είπε|schrieb|a dit|escribió|ha scritto|napisał|napsal|написал|написав|dedi|viết|menulis|قال|כתב)\s*:\s*$", re.IGNORECASE)
"""A quoted post's lead inside a reply: "On 8/3/2024 at 2:14 PM, kostas said:", "Στις …, ο/η kostas είπε:"."""


def doubled_names(lines: list[str], first_line: int) -> Thread | None:
    """Forum posts copied from an Invision Community page: the author's name twice
    (the avatar's text and the name), their rank and post count, ``Posted March 8``,
    the text, then ``Quote`` / ``Like 3``. The first post is the topic when the line
    over the posts names its author ("By Nikos_P, March 8")."""
    heads = [
        i for i in range(len(lines) - 3)
        if (name := lines[i].strip()) and len(name) <= 40 and lines[i + 1].strip() == name and _looks_like_name(name)
        and (i == 0 or lines[i - 1].strip() != name)
    ]
    if len(heads) < MIN_COMMENTS + 1:
        return None
    comments: list[Comment] = []
    covered = 0
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else len(lines)
        date_at = next((k for k in range(head + 2, min(end, head + 7)) if _generic_date(lines[k].strip()) and not re.fullmatch(r"[\d.,\s]+[kKmM]?", lines[k].strip())), None)
        if date_at is None:
            continue
        body: list[str] = []
        stop = date_at + 1
        pressed = False
        for k in range(date_at + 1, end):
            text = lines[k].strip()
            if _FORUM_BUTTON.match(text):
                stop, pressed = k + 1, True
                continue
            if pressed and text:
                break  # after the buttons: the page's footer
            if not _QUOTE_INTRO.match(text):
                body.append(lines[k])
            stop = k + 1
        covered += _non_blank(lines, head, stop)
        text = clean(_dedent(body))
        if text:
            comments.append(Comment(first_line + head, text, clean(lines[head].strip()), 0, first_line + stop, parse_date(re.sub(r"^\S+\.?\s+(?=\d)", "", lines[date_at].strip()))))
    if len(comments) < MIN_COMMENTS + 1:
        return None
    thread = Thread("forum posts under a doubled name (Invision Community)", comments, strong=True)
    start = heads[0]
    preamble = lines[:start]
    if any(re.search(r"\b" + re.escape(comments[0].author or "\0") + r"\b", raw) for raw in preamble):
        thread.comments = comments[1:]
        thread.description = (comments[0].line, comments[0].text)
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.title = _heading(preamble)
    thread.url = _standalone_url(preamble) or _standalone_url(comments[0].text.split("\n"))
    return thread


# --- forum posts numbered #1, #2, … under their author's card (XenForo, SMF, KASKUS) ------

_POST_MARK = re.compile(r"^\s*#\s?(\d{1,5})\s*$")
_DATED_MARK = re.compile(r"^\s*(?P<date>\S.{4,40}?)\s+#(\d{1,5})\s*$")
"""A post's date and its number on one line: ``03-15-2024, 03:22 AM #4`` (vBulletin)."""
_FORUM_FOOTER = re.compile(
    r"^\s*(?:reply|quote|report|like|share|bookmark|multi-?quote|\+ quote|reactions?:.*|\d+\s+reactions?|"
    r"balas|kutip|laporkan|jibu|nukuu|ripoti|відповісти|ответить|цитировать|цитат|отговор|цитат|докладвай|"
    r"responder|citar|curtir|antworten|zitieren|répondre|citer)\s*$",
    re.IGNORECASE,
)
_QUOTE_END = re.compile(r"^\s*(?:click to expand\.{3}|bofya kupanua\.{3}|klik untuk memperluas\.{3})\s*$", re.IGNORECASE)
_SAID = re.compile(r"^\s*[^\n]{1,60}\s(?:said|wrote|alisema|menulis|написал|написав|написа|schrieb|a dit|disse|dijo|escribió):\s*$", re.IGNORECASE)


_HEAD_FIELD = re.compile(r"^(?:[^\W\d_][^:：]{0,24}[:：]\s*\S.{0,40}|(?:posted|postat|publicat|gepostet|posté|publicado)\b.{3,40})$", re.IGNORECASE)
"""A field of a forum post's card ("Posts: 3.418", "Reg: Nov 2008", "Posted 16 mai 2024 - 08:12")."""


def _date_part(text: str) -> str:
    """The date of a card's field line ("Posted 16 mai 2024 - 08:12" -> "16 mai 2024 - 08:12")."""
    return re.sub(r"^(?:posted|postat|publicat|gepostet|posté|publicado)\s+(?:on\s+)?", "", text, flags=re.IGNORECASE)


def _card_above_mark(lines: list[str], date_at: int, floor: int) -> int | None:
    """The first line of a card whose name and date sit over its mark (XenForo)."""
    k = date_at - 1
    while k > floor and not lines[k].strip():
        k -= 1
    if k <= floor:
        return None
    top = k
    while top - 1 > floor and lines[top - 1].strip():
        top -= 1
    return None if top == date_at else top


def _card_under_mark(lines: list[str], mark: int, shapes: collections.Counter[str]) -> tuple[int, int, int | None] | None:
    """(name line, last line of the card, date line) of a card written under its mark:
    the name, then short lines that are the card's fields, a rank shared by many posts
    or the date."""
    following = [k for k in range(mark + 1, min(len(lines), mark + 6)) if lines[k].strip()][:3]
    name_at = next(
        (k for k in following if _looks_like_name(lines[k].strip()) and not _generic_date(lines[k].strip()) and not _HEAD_FIELD.match(lines[k].strip())),
        None,
    )
    if name_at is None or any(len(lines[k].strip()) > 48 for k in following if k < name_at):
        return None
    head_end, dated = name_at, None
    name_indent = _indent(lines[name_at])
    for k in range(name_at + 1, min(len(lines), name_at + 14)):
        text = lines[k].strip()
        if not text:
            continue
        below = next((raw for raw in lines[k + 1 : k + 3] if raw.strip()), "")
        field = len(text) <= 48 and (
            re.search(r"\bis (?:offline|online)$", text) is not None  # "kiwi_tech is offline" (vBulletin)
            or (_indent(lines[k]) > name_indent and k > name_at + 1)  # a field's value under its label ("Join Date" / "    Nov 2016")
            or (len(text.split()) <= 2 and not re.search(r"\d", text) and _indent(below) > name_indent and len(below.strip()) <= 30)
            or
            _HEAD_FIELD.match(text) is not None or _generic_date(text) or _is_card_date(text)
            or (shapes[_digit_shape(text)] >= 3 and len(text.split()) <= 3 and not _SENTENCE_END.search(text))
            or (k <= head_end + 2 and len(text.split()) <= 3 and not re.search(r"\d", text) and not _SENTENCE_END.search(text)
                and (_HEAD_FIELD.match(below.strip()) is not None or (len(below.split()) <= 2 and _indent(next((raw for raw in lines[k + 2 : k + 4] if raw.strip()), "")) > name_indent)))
        )  # (a rank right under the name, over the card's fields: "Guru Member", "Moderator")
        if not field or _POST_MARK.match(text) or _DATED_MARK.match(text):
            break
        joined = re.match(r"^(?:reg|joined|registered|member since|inlägg|posts|kayıt|üyelik|mesaj)\b", text, re.I)
        if dated is None and (_generic_date(_date_part(text)) or _is_card_date(text)) and not joined and _indent(lines[k]) <= name_indent:
            dated = k
            head_end = k
            break  # the post's date ends its head ("12 Şubat 2025 22:14", "Posted 16 mai 2024 - 08:12")
        head_end = k
    return name_at, head_end, dated


def numbered_cards(lines: list[str], first_line: int) -> Thread | None:
    """Forum posts numbered ``#1``, ``#2`` … under their author's card (the name, a rank,
    ``Joined … Posts …``, the date), then the text, then ``Reply`` / ``Reactions: …``
    (XenForo, KASKUS and the like). A quote's ``X said:`` … ``Click to expand...`` is
    left out of the text; ``#1`` is the thread's opening post."""
    marks = [
        (i, int(m.group(1) if m.re is _POST_MARK else m.group(2))) for i, raw in enumerate(lines) if "#" in raw
        if (m := _POST_MARK.match(raw) or _DATED_MARK.match(raw)) and (m.re is _POST_MARK or _generic_date(m.group("date")))
    ]
    if len(marks) < MIN_COMMENTS + 1 or sum(1 for a, b in zip(marks, marks[1:]) if b[1] > a[1]) * 3 < (len(marks) - 1) * 2:
        return None
    starts: list[tuple[int, int, int, int, int]] = []  # (card's first line, mark, date line, name line, first text line)
    shapes = collections.Counter(_digit_shape(raw.strip()) for raw in lines if 0 < len(raw.strip()) <= 48)
    floor = -1
    # Most marks with a card under them (the name, then its fields): every card is read so.
    cards = {index: _card_under_mark(lines, index, shapes) for index, _ in marks}
    below = sum(1 for card in cards.values() if card is not None and card[1] > card[0])
    names_under = below * 5 >= len(marks) * 3
    for index, number in marks:
        date_at = None if names_under else next((k for k in range(index - 1, max(floor, index - 4), -1) if _generic_date(lines[k].strip())), None)
        above = _card_above_mark(lines, date_at, floor) if date_at is not None else None
        if above is not None:
            starts.append((above, index, date_at, above, index + 1))  # type: ignore[arg-type]
            floor = index
            continue
        # "#3" / "Tibi_DX" / "Guru Member" / "Posts: 9.274" / "Posted 16 mai 2024 - 09:20"
        # (IP.Board, Flashback): the name under the mark, then the fields of its card.
        under = cards[index]
        notice = next((k for k in range(index + 1, min(len(lines), index + 3)) if lines[k].strip()), None)
        if under is None and notice is not None and _DATED_MARK.match(lines[index]) and _removal_notice(lines[notice].strip()):
            starts.append((index, index, index, -1, notice))  # "#7" / "This message has been deleted by Marlow": a post, taken down
            floor = notice
            continue
        if under is None:
            continue
        name_at, head_end, dated = under
        top = index - 1 if index - 1 > floor and _generic_date(lines[index - 1].strip()) else index
        date_at = dated if dated is not None else (top if top < index else None)
        if _DATED_MARK.match(lines[index]):
            date_at = index  # (the card's "Join Date" is the member's, not the post's)
        if date_at is None:
            continue
        starts.append((top, index, date_at, name_at, head_end + 1))
        floor = head_end
    if len(starts) < MIN_COMMENTS + 1:
        return None
    comments: list[Comment] = []
    covered = 0
    for number, (top, mark, date_at, name_at, body_from) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body: list[str] = []
        quoting = False
        stop = body_from
        # A quote is left out only where the page closes it ("Click to expand..."): one
        # that runs to the post's end (IP.Board's "X, on …, said:") is kept with the text.
        closes = any(_QUOTE_END.match(lines[k]) for k in range(body_from, end))
        for k in range(body_from, end):
            text = lines[k].strip()
            if _SAID.match(text) and closes:
                quoting = True
                continue
            if quoting:
                quoting = not _QUOTE_END.match(text)
                continue
            if _FORUM_FOOTER.match(text) or (text and _CARD_ACTION.match(text)):
                stop = k + 1
                continue
            if text and stop > body_from and k > stop:
                break  # the page's own lines after the last post's buttons
            body.append(lines[k])
        covered += _non_blank(lines, top, min(end, max(stop, body_from + len(body))))
        text = clean(_dedent(body))
        if text:
            when = parse_date(_date_part(re.sub(r"\s+#\d{1,5}$", "", lines[date_at].strip())))
            comments.append(Comment(first_line + top, text, clean(lines[name_at].strip()) if name_at >= 0 else None, 0, first_line + end, when))
    if len(comments) < MIN_COMMENTS + 1:
        return None
    thread = Thread("forum posts numbered under their author (#1, #2, …)", comments, strong=True)
    if dict(marks).get(starts[0][1]) == 1:
        thread.comments = comments[1:]
        thread.description = (comments[0].line, comments[0].text)
    start = starts[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.title = _heading(lines[:start])
    thread.url = _standalone_url(lines[:start]) or _first_url(comments[0].text.split("\n"))
    return thread


# --- replies as a handle over its text (Tumblr's "Replies" tab) ---------------------------

_BARE_HANDLE = re.compile(r"^@?(?=[\w.\-]*(?:[-_.\d]|^[a-z]))[a-z0-9][\w.\-]{2,31}$")
"""A blog's or an account's name alone on its line: ``sleepy-heron-club``, ``tidepoolgremlin``."""


def handle_blocks(lines: list[str], first_line: int) -> Thread | None:
    """Replies copied as blocks of a handle alone on its line over the text, with no
    date or button (Tumblr's "Replies" tab, some chat and forum copies)."""
    blocks = _blocks(lines)

    def reply(block: list[int]) -> bool:
        return (
            len(block) >= 2 and bool(_BARE_HANDLE.match(lines[block[0]].strip())) and not _CARD_ACTION.match(lines[block[0]].strip())
            and lines[block[1]].strip() != lines[block[0]].strip()  # a name twice is a forum's card (Invision)
            and len(" ".join(lines[k] for k in block[1:]).split()) >= 4
        )

    # the longest run of such blocks, one after the other (a sidebar's lone card is no reply)
    replies: list[list[int]] = []
    run: list[list[int]] = []
    for block in blocks + [[]]:
        if block and reply(block):
            run.append(block)
            continue
        if len(run) > len(replies):
            replies = run
        run = []
    if len(replies) < MIN_COMMENTS + 1:
        return None
    comments = [
        Comment(first_line + b[0], clean(_dedent([lines[k] for k in b[1:]])), lines[b[0]].strip().lstrip("@"), 0, first_line + b[-1] + 1, None)
        for b in replies
    ]
    authors = {c.author for c in comments}
    comments = [dataclasses.replace(c, depth=1) if re.match(r"@([\w.\-]+)", c.text) and c.text[1:].split()[0] in authors else c for c in comments]
    thread = Thread("replies as a handle over its text", comments)
    start = replies[0][0]
    thread.covered = sum(len(b) for b in replies)
    thread.preamble = _non_blank(lines, 0, start)
    thread.strong = any(lines[k].strip().lower() in ("replies", "reblogs", "notes", "comments") for k in range(max(0, start - 8), start))
    # under its "Replies" tab, the page's sidebar after the replies is not the thread's
    thread.total = _non_blank(lines, start, replies[-1][-1] + 1) if thread.strong else _non_blank(lines, start)
    thread.url = _standalone_url(lines[:start])
    description = _preamble_text(lines[:start])
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


# --- comments under a numbered label (Pantip's "ความคิดเห็นที่ 1-1") -------------------------

_NUMBERED_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^\d\n#]{1,28}?)\s*#?(?P<number>\d{1,4}(?:[-.]\d{1,4}){0,3})\s*$")


def labelled_numbers(lines: list[str], first_line: int) -> Thread | None:
    """Comments each under the same label and its number, a reply's number under its
    parent's ("ความคิดเห็นที่ 1", "ความคิดเห็นที่ 1-1", "Comment 3.2"): the text, then
    the author over the date (a member number, a badge), then the buttons."""
    found = [(i, m) for i, raw in enumerate(lines) if (m := _NUMBERED_LABEL.match(raw)) and len(raw.strip()) <= 40]
    labels = collections.Counter(m.group("label").strip() for _, m in found)
    if not labels:
        return None
    label, count = labels.most_common(1)[0]
    if count < MIN_COMMENTS + 1 or _CARD_ACTION.match(label) or len(label.split()) > 4:
        return None
    heads = [(i, m.group("number")) for i, m in found if m.group("label").strip() == label]
    comments: list[Comment] = []
    covered = 0
    for n, (index, number) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        block = [k for k in range(index + 1, end) if lines[k].strip()]
        date_at = next((k for k in block if _generic_date(lines[k].strip()) and re.search(r"\d{4}|\d:\d\d", lines[k])), None)
        author_at = None
        if date_at is not None:
            above = [k for k in block if k < date_at and not _CARD_ACTION.match(lines[k].strip())]
            # the author right over the date, or over a badge there ("สมาชิกหมายเลข 7284519" / "เจ้าของกระทู้")
            numbered = [k for k in above[-2:] if re.search(r"\d{4,}", lines[k]) and len(lines[k].split()) <= 4]
            author_at = numbered[0] if numbered else (above[-1] if above and len(above) > 1 else None)
        stop = author_at if author_at is not None else (date_at if date_at is not None else end)
        body = [lines[k] for k in block if k < stop and not _CARD_ACTION.match(lines[k].strip())]
        if body and re.match(r"^\s*[^\W\d_]{1,12}\s+\d{1,4}(?:-\d{1,4})+\s", body[0]):
            body[0] = re.sub(r"^\s*[^\W\d_]{1,12}\s+\d{1,4}(?:-\d{1,4})+\s+", "", body[0])  # "ตอบ 1-1 …": whom it answers
        text = clean(_dedent(body))
        covered += 1 + len(block)
        if text:
            author = clean(lines[author_at].strip()) if author_at is not None else ""
            date = parse_date(lines[date_at].strip()) if date_at is not None else None
            comments.append(Comment(first_line + index, text, author, len(re.split(r"[-.]", number)) - 1, first_line + end, date))
    replies = any(re.search(r"[-.]", number) for _, number in heads)
    dated = sum(1 for c in comments if c.date or c.author)
    if len(comments) < MIN_COMMENTS + 1 or not replies or dated * 3 < len(comments) * 2:
        return None  # "Part 1", "Episode 2": numbered sections of a page, not comments with their authors
    thread = Thread(f"comments under a numbered label (“{label} 1”)", comments, strong=True)
    start = heads[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.title = _heading(lines[:start])
    thread.url = _standalone_url(lines[:start]) or _first_url(lines[:start])
    description = _preamble_text(lines[:start])
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


# --- talk pages in wikitext (Wikipedia, any MediaWiki) -----------------------------------

_WIKI_STAMP = re.compile(r"(?P<date>\d{1,2}:\d\d, \d{1,2} [^\W\d_]+ \d{4}) \((?:UTC|CET|CEST|EST|PST|GMT|[A-Z]{2,5})\)")
_WIKI_USER = re.compile(r"\[\[(?:User|Benutzer|Utilisateur|Usuario|Utente|Gebruiker|Użytkownik|Участник|Special:Contributions|Spezial:Beiträge)(?:[ _]talk)?[:/](?P<name>[^|\]#/\n]+)")


def wiki_talk(lines: list[str], first_line: int) -> Thread | None:
    """A talk page's wikitext: each comment ends at its signature (``[[User:Ana|Ana]]
    ([[User talk:Ana|talk]]) 14:02, 9 January 2024 (UTC)``, or an "unsigned" note naming
    the user); its depth is its leading ``:`` or ``*``; ``== Heading ==`` starts a new
    thread."""
    ends = [i for i, raw in enumerate(lines) if "(" in raw and _WIKI_STAMP.search(raw) and _WIKI_USER.search(raw)]
    if len(ends) < MIN_COMMENTS + 1:
        return None
    comments: list[Comment] = []
    covered = 0
    previous = -1
    for end in ends:
        block = [k for k in range(previous + 1, end + 1) if lines[k].strip() and not re.match(r"^\s*(?:=+[^=].*=+|\{\{[^{}]*\}\}|\{\{.*|\}\})\s*$", lines[k])]
        previous = end
        if not block:
            continue
        raw_end = lines[end]
        stamp = list(_WIKI_STAMP.finditer(raw_end))[-1]
        users = [m.group("name").strip() for m in _WIKI_USER.finditer(raw_end[: stamp.start()])]
        first = lines[block[0]]
        depth = len(re.match(r"^[:*#]*", first).group())  # type: ignore[union-attr]
        text_lines = [re.sub(r"^[:*#]+\s*", "", lines[k]) for k in block]
        text_lines[-1] = text_lines[-1][: text_lines[-1].find("[[User") if "[[User" in text_lines[-1] else len(text_lines[-1])]
        joined = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", "\n".join(text_lines))
        joined = re.sub(r"<[^<>\n]{1,80}>", "", joined).split("— Preceding")[0]  # the "unsigned" note's markup
        text = clean(joined).rstrip(" –—-")
        covered += len(block)
        if text and users:
            comments.append(Comment(first_line + block[0], text, clean(users[-1]), depth, first_line + end + 1, parse_date(stamp.group("date"))))
    if len(comments) < MIN_COMMENTS + 1:
        return None
    thread = Thread("talk page in wikitext (signed comments)", comments, strong=True)
    start = next(i for i, raw in enumerate(lines) if raw.strip())
    thread.total = _non_blank(lines, start)
    thread.covered = covered + sum(1 for raw in lines if re.match(r"^\s*(?:=+[^=].*=+|\{\{.*|\}\})\s*$", raw))
    thread.preamble = 0
    return thread


# --- Simple Machines Forum posts: « Reply #2 on: date » -----------------------------------

_SMF_HEAD = re.compile(r"^\s*«\s*(?:[^#»\n]{0,24}#(?P<number>\d{1,5})\s+)?[^:»\n]{1,12}:\s*(?P<date>[^»\n]*\d{4}[^»\n]*?)\s*»\s*$")
_SMF_QUOTE = re.compile(r"^\s*(?:quote|цитат|cytat|citace|idézet|zitat|citation|cita|citação|alıntı)(?:\s+(?:from|на|od|von|de|от):.*)?\s*$", re.IGNORECASE)


def smf_posts(lines: list[str], first_line: int) -> Thread | None:
    """Posts of a Simple Machines Forum topic: the author's card (name, rank, post
    count), ``« on: date »`` over the first post and ``« Reply #2 on: date »`` over the
    others, in any language (``« Отговор #2 на: 21 Октомври 2024, 20:17:44 »``), the
    text, then ``Quote``. The first post is the topic."""
    heads = [(i, m) for i, raw in enumerate(lines) if "«" in raw if (m := _SMF_HEAD.match(raw))]
    if len(heads) < MIN_COMMENTS + 1:
        return None
    comments: list[Comment] = []
    covered = 0
    floor = -1
    cards: list[int] = []
    for number, (index, match) in enumerate(heads):
        top = index
        while top - 1 > floor and lines[top - 1].strip():
            top -= 1
        cards.append(top)
        floor = index
    for number, (index, match) in enumerate(heads):
        end = cards[number + 1] if number + 1 < len(heads) else len(lines)
        body = []
        for k in range(index + 1, end):
            text = lines[k].strip()
            if _SMF_QUOTE.fullmatch(text) or _FORUM_FOOTER.match(text):
                continue
            body.append(lines[k])
        covered += _non_blank(lines, cards[number], end)
        text = clean(_dedent(body))
        if text:
            name = lines[cards[number]].strip() if cards[number] < index else ""
            comments.append(Comment(first_line + cards[number], text, clean(name), 0, first_line + end, parse_date(match.group("date"))))
    if len(comments) < MIN_COMMENTS + 1:
        return None
    thread = Thread("Simple Machines Forum topic (« Reply #N on: date »)", comments, strong=True)
    if heads[0][1].group("number") is None:
        thread.comments = comments[1:]
        thread.description = (comments[0].line, comments[0].text)
    start = cards[0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.url = _standalone_url(lines[:start]) or _first_url(comments[0].text.split("\n"))
    return thread


# --- chats exported as CSV (Viber, Slack, Teams, Signal exporters) -------------------------

_CSV_SENDER = ("sender", "from", "author", "user", "username", "name", "sender name", "from name", "display name", "absender", "remitente")
_CSV_TEXT = ("message", "text", "content", "body", "message text", "nachricht", "mensaje", "mensagem", "ujumbe")
_CSV_DATE = ("date", "time", "timestamp", "datetime", "date time", "sent", "created", "created at", "datum", "fecha", "data")


def csv_messages(lines: list[str], first_line: int) -> Thread | None:
    """A chat exported as CSV: a header naming a sender column and a message column
    (``Date,Time,Sender,Phone number,Message``), then one row a message (quoted
    fields may hold commas and line breaks)."""
    header_at = next(
        (i for i, raw in enumerate(lines[:30]) if raw.count(",") + raw.count(";") + raw.count("\t") >= 2
         and any(c.strip().strip('"').lower() in _CSV_TEXT for c in re.split(r"[,;\t]", raw))), None
    )
    if header_at is None:
        return None
    delimiter = max(",;\t", key=lines[header_at].count)
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:])), delimiter=delimiter))
    if len(rows) < MIN_COMMENTS + 2:
        return None
    names = [c.strip().lower() for c in rows[0]]
    sender = next((names.index(c) for c in _CSV_SENDER if c in names), None)
    message = next((names.index(c) for c in _CSV_TEXT if c in names), None)
    dates = [names.index(c) for c in _CSV_DATE if c in names]
    if sender is None or message is None:
        return None
    comments: list[Comment] = []
    line = first_line + header_at + 1
    for row in rows[1:]:
        if len(row) <= max(sender, message):
            continue
        text = clean(row[message].strip())
        if text and not _MEMBER_EVENT.match(text):
            stamp = " ".join(row[k] for k in dates if k < len(row))
            comments.append(Comment(line, text, clean(row[sender].strip()), 0, line + 1 + row[message].count("\n"), parse_date(stamp)))
        line += 1 + sum(cell.count("\n") for cell in row)
    if len(comments) < MIN_COMMENTS:
        return None
    thread = Thread("chat exported as CSV (a row a message)", comments, strong=True)
    thread.total = _non_blank(lines, header_at)
    thread.covered = thread.total
    thread.preamble = _non_blank(lines, 0, header_at)
    thread.title = next((clean(raw.split(":", 1)[1].strip()) for raw in lines[:header_at] if raw.lower().startswith(("chat:", "group:", "channel:"))), None)
    return thread


# --- Stack Exchange question pages ---------------------------------------------------------

_SE_TRAILER = re.compile(r"^\s*Improve this (?P<what>question|answer)\s*$")
_SE_COMMENT = re.compile(
    r"^\s*(?P<text>\S.*?)\s+[–—]\s+(?P<user>[^\s–—][^–—]{0,40}?)(?:\s+♦)?\s+"
    r"(?P<date>(?:[A-Z][a-z]{2} \d{1,2}(?:, \d{4})?(?: at \d{1,2}:\d{2})?|\d+ (?:secs?|mins?|hours?|days?) ago|yesterday))"
    r"(?:\s*\*?\s*edited)?\s*$"
)
"""A comment under a question or an answer: ``text – user Feb 28, 2022 at 16:51``."""
_SE_BY = re.compile(r"^\s*(?:answered|asked)\s+(?P<date>.+?)\s*$")
_SE_STOP = re.compile(r"^\s*(?:your answer|linked|related|hot network questions|not the answer you(?:'|’)re looking for\?.*)\s*$", re.IGNORECASE)
_SE_CHROME = re.compile(
    r"^\s*(?:\d+|share|follow|add a comment|show \d+ more comments?|\d+ answers?|sorted by:|highest score \(default\)|"
    r"improve this (?:question|answer)|edited .+|answered .+|asked .+|community wiki|[\d.,]+k?(?:\d+ (?:gold|silver|bronze) badges?)*)\s*$",
    re.IGNORECASE,
)


def stack_exchange_page(lines: list[str], first_line: int) -> Thread | None:
    """A Stack Overflow (any Stack Exchange site) question page copied or saved as
    text: the question, its comments (``text – user date``), then each answer
    (ended by ``Share`` / ``Improve this answer`` / ``answered date`` / the author)
    with its own comments one level down."""
    trailers = [(i, m.group("what")) for i, raw in enumerate(lines) if "Improve this" in raw if (m := _SE_TRAILER.match(raw))]
    if not trailers or trailers[0][1] != "question":
        return None
    stop = next((i for i, raw in enumerate(lines) if i > trailers[0][0] and _SE_STOP.match(raw)), len(lines))
    question = trailers[0][0]
    answers = [i for i, what in trailers[1:] if what == "answer" and i < stop]
    found: list[tuple[int, int, str, str | None, int]] = []
    """(line index, end index, text, author, depth)."""
    # Where each answer's text starts: after the previous block's "Add a comment".
    for number, trailer in enumerate(answers):
        previous_end = answers[number - 1] if number else question
        add = next((i for i in range(previous_end, trailer) if lines[i].strip().lower().startswith(("add a comment", "sorted by"))), None)
        start = (add + 1) if add is not None else previous_end + 1
        if number == 0:  # "Highest score (default)" under "Sorted by:"
            while start < trailer and (not lines[start].strip() or _SE_CHROME.match(lines[start])):
                start += 1
        body = [raw for raw in lines[start:trailer] if not _SE_CHROME.match(raw)]
        while body and body[-1].strip().lower() in ("", "share"):
            body.pop()
        author = None
        for k in range(trailer + 1, min(trailer + 8, stop)):
            if _SE_BY.match(lines[k]):
                author = next((lines[j].strip() for j in range(k + 1, min(k + 3, stop)) if lines[j].strip()), None)
                break
        text = clean(_dedent(body))
        if text:
            found.append((start, trailer, text, author, 0))
    limits = [question, *answers, stop]
    for number in range(len(limits) - 1):
        depth = 0 if number == 0 else 1
        for index in range(limits[number] + 1, limits[number + 1]):
            if "–" not in lines[index] and "—" not in lines[index]:
                continue
            match = _SE_COMMENT.match(lines[index])
            if match:
                found.append((index, index + 1, clean(match.group("text")), clean(match.group("user")), depth))
    if len(found) < MIN_COMMENTS:
        return None
    found.sort()
    comments = [
        Comment(first_line + index, text, author, depth, first_line + end, None) for index, end, text, author, depth in found
    ]
    thread = Thread("Stack Exchange page copy", comments, strong=True, own_title=True)
    thread.total = _non_blank(lines, question, stop)
    thread.covered = thread.total
    asked = next((i for i, raw in enumerate(lines[:question]) if raw.strip() == "Ask Question"), None)
    if asked is not None:
        title = next((lines[i].strip() for i in range(asked - 1, -1, -1) if lines[i].strip()), None)
        thread.title = clean(title) if title else None
    viewed = next((i for i in range(question) if re.match(r"^\s*Viewed [\d.,]+k? times?\s*$", lines[i])), asked)
    if viewed is not None:
        text = [raw for raw in lines[viewed + 1 : question] if not _SE_CHROME.match(raw)]
        while text and text[-1].strip().lower() in ("", "share"):
            text.pop()
        described = clean(_dedent(text))
        if described:
            thread.description = (first_line + viewed + 1, described)
    thread.preamble = 0
    return thread


# --- GitHub Discussions ---------------------------------------------------------------------

_GH_ROLE = re.compile(r"^(?:author|maintainer|collaborator|member|contributor|owner|sponsor|edited)$", re.IGNORECASE)
_GH_CHROME = re.compile(
    r"^(?:beta was this translation helpful\? give feedback\.|\d+ you must be logged in to vote|all reactions|marked as answer|"
    r"\d+ repl(?:y|ies)|answer selected by \S+|view full answer|(?:[^\w\s]\ufe0f?\s*\d+\s*)+|comment options|discussion options)$",
    re.IGNORECASE,
)


def github_discussion(lines: list[str], first_line: int) -> Thread | None:
    """A GitHub Discussions page copied from the browser: the post under
    ``Discussion options``, then every ``Comment options`` block (author, date, a
    role such as ``Maintainer``, the text), a reply when an ``@name`` avatar line
    stands just above it; votes, reactions and "Beta Was this translation helpful?"
    dropped."""
    marks = [i for i, raw in enumerate(lines) if raw.strip() == "Comment options"]
    if len(marks) < MIN_COMMENTS:
        return None
    stop = next((i for i in range(marks[-1], len(lines)) if lines[i].startswith("Sign up for free to join this conversation")), len(lines))
    comments: list[Comment] = []

    def block(start: int, end: int) -> tuple[str | None, str | None, str, int]:
        """(author, date, text, first text line) of the block after a mark."""
        rest = [k for k in range(start, end) if lines[k].strip()]
        author = lines[rest[0]].strip() if rest else None
        date = parse_date(lines[rest[1]].strip()) if len(rest) > 1 else None
        body_from = rest[2] if len(rest) > 2 else end
        while body_from < end and _GH_ROLE.match(lines[body_from].strip()):
            body_from += 1
        body = [raw for raw in lines[body_from:end] if not _GH_CHROME.match(raw.strip())]
        while body and re.fullmatch(r"@[\w.-]+", body[-1].strip() or "@x"):
            body.pop()  # the next reply's avatar
        return author, date, clean(_dedent(body)), body_from

    for number, mark in enumerate(marks):
        end = marks[number + 1] if number + 1 < len(marks) else stop
        above = next((lines[k].strip() for k in range(mark - 1, max(-1, mark - 3), -1) if lines[k].strip()), "")
        author, date, text, _ = block(mark + 1, end)
        if text:
            depth = 1 if re.fullmatch(r"@[\w.-]+", above) else 0
            comments.append(Comment(first_line + mark, text, clean(author or "") or None, depth, first_line + end, date))
    if len(comments) < MIN_COMMENTS:
        return None
    thread = Thread("GitHub discussion copy", comments, strong=True, own_title=True)
    post = next((i for i in range(marks[0]) if lines[i].strip() == "Discussion options"), None)
    if post is not None:
        answered = next((i for i in range(post, marks[0]) if lines[i].startswith("Answered by ")), marks[0])
        _, _, text, start = block(post + 1, answered)
        if text:
            thread.description = (first_line + start, text)
    thread.title = next(
        (clean(re.sub(r"\s+#\d+\s*$", "", raw.strip())) for raw in lines[: marks[0]] if re.search(r"\S\s+#\d+\s*$", raw)), None
    )
    thread.total = _non_blank(lines, marks[0], stop)
    thread.covered = thread.total
    return thread


def _has_reply_line(lines: list[str], index: int) -> bool:
    for raw in lines[index + 1 : index + 40]:
        if raw.strip().lower() == "reply":
            return True
        if _HN_HEAD.match(raw):
            return False
    return False


def _age(text: str) -> str | None:
    return parse_date(text.removeprefix("on ").strip()) if text.startswith("on ") or text[:4].isdigit() else None


# --- chat exports ----------------------------------------------------------------------

_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_WHATSAPP_IOS = re.compile(
    r"^\u200e?\[(?P<date>" + _DATE + r"),?\s+(?P<time>" + _TIME + r")\]\s+(?P<user>[^:\n]{1,60}?):\s(?P<text>.*)$"
)
_WHATSAPP_ANDROID = re.compile(
    r"^\u200e?(?P<date>" + _DATE + r"),?\s+(?P<time>" + _TIME + r")\s+[-–]\s+(?P<user>[^:\n]{1,60}?):\s(?P<text>.*)$"
)
_STAMPED_LINE = re.compile(
    r"^\u200e?\[?(?P<date>(?=[^\n]{0,24}?(?:\d{1,4}\s?[./\-年년]\s?\d{1,2}|(?<!\d)(?:19|20)\d\d(?!\d)))[^\n]{0,36}?"
    r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?)\]?\s*[,\-–|]?\s+(?P<user>[^:：\n\d][^:：\n]{0,39}?)\s?[:：]\s(?P<text>.*)$"
)
"""Any chat export's message line: a date and a time in whatever form, the sender, a
colon, the text (KakaoTalk's ``2024년 3월 5일 오후 2:13, 민지 : …``)."""
_CLOCK_USER_TEXT = re.compile(
    r"^\[?(?P<date>\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?)\]?\s+(?P<user>@?[\w.\-]{2,30}(?: [\w.\-]{1,20})?)\s?:\s(?P<text>\S.*)$"
)
"""A live stream's chat as the page shows it: ``11:38 PM mossbeard: LETS GOOOOO`` (Kick, Twitch)."""
_IRC = re.compile(r"^\[?(?P<time>" + _TIME + r")\]?\s+<(?P<user>[^>\s]{1,30})>\s(?P<text>.*)$")
_BRACKET_USER_TEXT = re.compile(
    r"^(?:\[(?P<date>[^\]]*\d[:.]\d\d[^\]]*)\]|\((?P<paren>(?:[^)]{0,30}\d[:.]\d\d[:.]\d\d\s?[AaPp]\.?[Mm]\.?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ T,]+\d{1,2}[:.]\d\d[^)]{0,12}))\))\s+(?P<user>[^:\n]{1,40}?):\s(?P<text>.*)$"
)
"""``[13/11/2025 09:12] Ana: …``; Pidgin's ``(09:31:40 AM) marek: …`` (its date on the room's first lines)."""
_DISCORD_HEAD = re.compile(
    # a date before the time: "[00:01:34.500] Intro" is a chapter, not a message
    r"^\[(?P<date>[^\]]*?(?:\d[/.\-]\d|[A-Za-z]{3})[^\]]*\d[:.]\d\d[^\]]*)\]\s+(?P<user>[^\[\]\n:]{1,60}?)(?:\s+\(pinned\))?\s*$"
)
_BANNER_RULE = re.compile(r"^={10,}\s*$")
_BANNER_FIELD = re.compile(r"^(?P<key>Guild|Server|Channel|Topic|After|Before|Group|Chat|Exported)\b:?\s*(?P<value>.*)$")
_CHAT_NOTICE = re.compile(
    r"(?:messages and calls are end-to-end encrypted|created (?:the )?group|joined using this group|"
    r"changed (?:the )?(?:subject|group|this group)|security code changed|^\S+(?: \S+){0,2} left$|was added|added .+$|removed .+$|"
    r"^(?:incoming|outgoing|missed) (?:voice |video |group )?call(?: \([^()]*\))?$)",
    re.IGNORECASE,
)
_DISCORD_SECTION = re.compile(r"^\{(?:Attachments|Embed|Stickers|Reactions)\}$")
_LINE_HEAD = re.compile(r"^(?P<time>\d{1,2}:\d\d(?:\s?[AaPp][Mm])?)\t(?P<user>[^\t\n]{1,60})\t(?P<text>.*)$")
"""LINE's saved chat history: ``18:02<TAB>Kenji Mori<TAB>text`` (a message of several
lines wrapped in double quotes); a line with one tab only is the app's (``Hana joined
the group.``)."""
_LINE_SYSTEM = re.compile(r"^\d{1,2}:\d\d(?:\s?[AaPp][Mm])?\t[^\t\n]*$")
_DAY_HEADER = re.compile(
    r"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?P<a>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})|"
    r"(?P<b>\d{4}[./-]\d{1,2}[./-]\d{1,2})\s*\((?:[^()\n]{1,4})\))\s*$",
    re.IGNORECASE,
)
"""A day's header in a chat saved with times only: ``Sat, 6/14/2025``, ``2025/06/14(土)``."""
_LINE_BANNER = re.compile(r"^\ufeff?\[LINE\]\s+(?:Chat history (?:in|with)|Chat with)\s+(?P<name>.+?)\s*$", re.IGNORECASE)
_ZOOM_HEAD = re.compile(
    r"^(?P<time>\d{1,2}:\d{2}:\d{2})\s+From\s+(?P<user>.+?)(?:\s+to\s+(?P<to>[^:]+?))?\s*:\s*(?P<text>.*)$", re.IGNORECASE
)
"""Zoom's saved meeting chat: ``10:02:15 From Ana to Everyone:`` (the text indented
below it), or the older ``10:02:15 From Ana : text``."""
_REACTION = re.compile(r"^(?:reacted to .{1,80} with\b|\S+ reacted with\b)", re.IGNORECASE)
_WROTE = re.compile(r"^On .{5,90}?,\s*(?P<name>[^,<>\n]{2,60}?)(?:\s*<[^>\n]*>)?\s+(?:wrote|a écrit|schrieb|escribió):\s*$", re.IGNORECASE)
"""A mail reply's attribution: ``On Mon, Apr 08, 2024 at 11:02:51AM +0000, Ibrahim Sayed wrote:``."""
_QUOTED_REPLY = re.compile(
    r"^(?:>\s*)?[*_]{0,2}(?:↩\s*)?(?:replying to|in reply to|reply to|antwort an|réponse à)\s+"
    r"(?:\"(?P<quote>[^\"]{1,200}?)(?:\.{3}|…)?\"|(?P<name>[^:*\n]{1,60}?)[*_]{0,2}\s*:[*_]{0,2}\s*(?P<after>.{0,200}?)(?:\.{3}|…)?)\s*$"
    r"|^(?:replied to|in reply to|replying to)\s*:\s*(?P<bare>.{1,200}?)(?:\.{3}|…)?\s*$",  # Ghost's "Replied to: The corridor point…"
    re.IGNORECASE,
)
"""A reply that says what it answers: Zoom's ``Replying to "Section 4.2: what ha..."``,
a Telegram export's ``> **↩ Reply to Tarek:** Hast du das...``."""


def chat_export(lines: list[str], first_line: int) -> Thread | None:
    """Chat exports: one message a head line (the text on it or below it)."""
    for pattern, name, inline in (
        (_WHATSAPP_IOS, "WhatsApp chat export", True),
        (_WHATSAPP_ANDROID, "WhatsApp chat export", True),
        (_IRC, "IRC log", True),
        (_BRACKET_USER_TEXT, "chat export", True),
        (_DISCORD_HEAD, "Discord chat export (DiscordChatExporter)", False),
        (_ZOOM_HEAD, "Zoom meeting chat", True),
        (_LINE_HEAD, "LINE chat history", True),
        (_STAMPED_LINE, "chat export (date, time, sender: text)", True),
        (_CLOCK_USER_TEXT, "chat copied from a live stream (time, sender: text)", True),
    ):
        heads = [(i, m) for i, raw in enumerate(lines[:4000]) if (m := pattern.match(raw))]
        if len(heads) < MIN_COMMENTS:
            continue
        if len(heads) < 4000:  # the rest of a long export
            heads = [(i, m) for i, raw in enumerate(lines) if (m := pattern.match(raw))]
        if pattern is _CLOCK_USER_TEXT and collections.Counter(m.group("user") for _, m in heads).most_common(1)[0][1] < 2:
            continue  # "12:34 Intro: the start" lines with no name twice: a chapter list, not a chat
        thread = _chat_thread(lines, first_line, heads, name, inline)
        if thread is not None and thread.acceptable():
            return thread
    return None


class _Days:
    """The day headers of a chat saved with times only, and which one a line is under."""

    def __init__(self, days: dict[int, str]) -> None:
        self.days = days
        self.at = sorted(days)

    def __bool__(self) -> bool:
        return bool(self.at)

    def __contains__(self, index: int) -> bool:
        return index in self.days

    def of(self, index: int) -> str | None:
        position = bisect.bisect_right(self.at, index)
        return self.days[self.at[position - 1]] if position else None


def _chat_thread(
    lines: list[str], first_line: int, heads: list[tuple[int, re.Match[str]]], name: str, inline: bool
) -> Thread | None:
    comments: list[Comment] = []
    covered = 0
    days = _Days({i: m.group("a") or m.group("b") for i, raw in enumerate(lines) if len(raw) < 40 and (m := _DAY_HEADER.match(raw))})
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = lines[index + 1 : end]
        if not inline:
            cut = next((k for k, raw in enumerate(body) if _BANNER_RULE.match(raw)), None)
            if cut is not None:
                body = body[:cut]
            body = [raw for raw in body if not _DISCORD_SECTION.match(raw.strip())]
        covered += 1 + _non_blank(body)
        day = days.of(index)
        if days or name.startswith("LINE"):  # the day headers and the app's own lines between messages
            body = [raw for raw in body if not (len(raw) < 40 and _DAY_HEADER.match(raw)) and not _LINE_SYSTEM.match(raw)]
            while body and not body[-1].strip():
                body.pop()
        text = (match.group("text") + "\n" + "\n".join(body)) if inline else "\n".join(body)
        if name.startswith("LINE") and len(text) > 1 and text.startswith('"') and text.rstrip().endswith('"'):
            text = text.strip()[1:-1]  # a message of several lines, quoted whole
        text = clean(_dedent(text.split("\n")))
        user = clean(match.group("user").lstrip("\u200e"))
        if inline and (text.startswith("\u200e") or _CHAT_NOTICE.search(text)) and len(text) < 120:
            continue  # "Messages and calls are end-to-end encrypted", "Ana added Ben"
        if not text or _REACTION.match(text):
            continue  # a reaction is no comment
        when = " ".join(filter(None, [match.groupdict().get("date") or match.groupdict().get("paren") or day, match.groupdict().get("time")]))
        comments.append(Comment(first_line + index, text, user, 0, first_line + end, parse_date(when)))
    if not comments:
        return None
    thread = Thread(name, _quoted_replies(comments))
    thread.url = _standalone_url(comments[0].text.split("\n"))  # the link the chat opens with
    thread.total = _non_blank(lines, heads[0][0])
    footer = sum(1 for raw in lines[heads[-1][0] :] if _BANNER_RULE.match(raw) or raw.startswith("Exported "))
    thread.covered = covered + footer
    banner = _banner(lines[: heads[0][0]])
    line_banner = next((m for raw in lines[:3] if (m := _LINE_BANNER.match(raw.strip()))), None)
    if line_banner:
        banner = {"Group": line_banner.group("name")}
    thread.preamble = _non_blank(lines, 0, heads[0][0])
    thread.strong = bool(banner) or thread.preamble <= 3
    if banner:
        thread.title = banner.get("Channel") or banner.get("Group") or banner.get("Chat")
        topic = banner.get("Topic")
        described = " · ".join(filter(None, [banner.get("Guild") or banner.get("Server"), banner.get("Channel"), topic]))
        if described:
            thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), clean(described))
        thread.url = _first_url([topic or ""]) or thread.url
    return thread


def _banner(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for raw in lines:
        match = _BANNER_FIELD.match(raw.strip())
        if match:
            fields.setdefault(match.group("key"), clean(match.group("value")))
    return fields


# --- nested bullets led by an author ---------------------------------------------------

_PARAGRAPH_AUTHOR = re.compile(
    r"^(?P<indent>[ \t]*)(?P<user>@?[A-Za-z0-9][\w.\-]{1,29}(?: [A-Z][\w.\-]{0,29}){0,2}):[ \t]+(?P<text>\S.*)$"
)
_NOT_AUTHORS = {
    "note", "notes", "update", "edit", "summary", "tl;dr", "tldr", "q", "a", "question", "answer", "result", "results",
    "example", "warning", "tip", "important", "source", "link", "url", "date", "author", "title", "status", "todo",
    "step", "error", "output", "input", "reply", "comment", "comments", "description", "http", "https",
    "fix", "fixes", "tags", "tag", "solution", "problem", "why", "how", "what", "bonus", "caveat", "context",
    "background", "takeaway", "lesson", "rule", "goal", "idea", "ps", "p.s", "nb", "disclaimer", "spoiler", "verdict",
    "pros", "cons", "hint", "caution", "danger", "info", "aside", "quote", "category", "categories", "filed under",
}


def name_paragraphs(lines: list[str], first_line: int) -> Thread | None:
    """Comments as paragraphs led by their author, replies indented under them:
    ``dkellerman: The interesting number…`` then ``    bsouth: Latency goes…`` (the
    text form of Hacker News exporters built on its API, mail-style thread dumps)."""
    heads: list[tuple[int, re.Match[str]]] = []
    for index, raw in enumerate(lines):
        if ":" not in raw or (index and lines[index - 1].strip()):
            continue  # a comment opens a paragraph
        match = _PARAGRAPH_AUTHOR.match(raw)
        if match and match.group("user").lower().lstrip("@") not in _NOT_AUTHORS:
            heads.append((index, match))
    users = [m.group("user").lower() for _, m in heads]
    if len(heads) < 3 or len(set(users)) < 2:
        return None
    if len(set(users)) == 2 and max(users.count(u) for u in set(users)) * 5 > len(users) * 3:
        return None  # "Fix: …" three times and "Tags: …": an article's labels, not two people talking
    ranks = _ranks([_indent(lines[i]) for i, _ in heads])
    comments = []
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = [match.group("text"), *lines[index + 1 : end]]  # up to the next author's paragraph
        covered += _non_blank(lines, index, end)
        text = clean(_dedent(body))
        if text:
            comments.append(Comment(first_line + index, text, clean(match.group("user")), ranks[_indent(lines[index])], first_line + end))
    thread = Thread("comments as paragraphs led by their author", comments)
    start = heads[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.strong = any(_HEADING_LINE.match(raw) and re.search(r"comments|discussion|replies|thread", raw, re.IGNORECASE) for raw in lines[max(0, start - 4) : start])
    thread.title = _heading(lines[:start])
    return thread


_BULLET_AUTHOR = re.compile(
    r"^(?P<indent>\s*)[-*+]\s+(?:\[(?P<number>\d+(?:\.\d+)*)\]\s+)?(?:\*\*)?(?P<user>@?[\w.\-]{2,30}|\[deleted\]|u/[\w-]{2,30})"
    r"(?:\*\*)?(?:\s*\[\+\d+\])?(?:\s*\((?:[^()]{0,40})\))?\s*:\s+(?P<text>.*?)"
    r"(?:\s*\[(?:(?P<signed>[\w.\-]+)\s+@\s+)?(?P<time>[^\[\]]{4,40})\])?\s*$"
)
_BULLET = re.compile(r"^(?P<indent>\s*)[-*+]\s+\S")


def bullet_thread(lines: list[str], first_line: int) -> Thread | None:
    heads = [(i, m) for i, raw in enumerate(lines) if (m := _BULLET_AUTHOR.match(raw))]
    if len(heads) < MIN_COMMENTS + 1:
        return None
    bullets = sum(1 for raw in lines if _BULLET.match(raw))
    if len(heads) * 3 < bullets * 2:
        return None  # a list of notes that happens to hold a few "word: text" items
    marked = sum(1 for _, m in heads if m.group("number") or m.group("time") or m.group("user").startswith(("@", "u/")))
    if marked * 2 < len(heads):
        # Plain "- name: text" bullets are as often meeting notes ("- Ana: ship it"):
        # without numbers, signatures or handles they make a thread only when they
        # are nearly all of the text.
        if len(heads) < 5 or _non_blank(lines, heads[0][0]) > len(heads) * 1.25:
            return None
    ranks = _ranks([_indent(lines[i]) for i, _ in heads])
    items = []
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        own = _indent(lines[index])
        body = [match.group("text")]
        taken = index + 1
        for raw in lines[index + 1 : end]:
            if raw.strip() and _indent(raw) <= own:
                break
            body.append(raw)
            taken += 1
        depth = ranks[own]
        if match.group("number"):
            depth = match.group("number").count(".")
        items.append((index, taken, match, depth, clean(_dedent(body))))
    thread = Thread("comment thread as nested bullets", [])
    story = None
    # A first bullet that holds the story (HN bookmarklet: "[1] user: Title — text —
    # url") when every other item nests under it.
    if items and all(depth > items[0][3] for *_, depth, _ in items[1:]):
        story, items = items[0], items[1:]
        shift = 1
    else:
        shift = 0
    for index, taken, match, depth, text in items:
        if not text:
            continue
        when = parse_date(match.group("time") or "")
        thread.comments.append(
            Comment(first_line + index, text, clean(match.group("user")), max(0, depth - shift), first_line + taken, when)
        )
    start = (story or items[0])[0] if (story or items) else 0
    thread.total = _non_blank(lines, start)
    thread.covered = sum(_non_blank(lines, index, taken) for index, taken, *_ in ([story] if story else []) + items)
    thread.preamble = _non_blank(lines, 0, start)
    if story is not None:
        index, _, match, _, text = story
        pieces = [piece.strip() for piece in re.split(r"\s+[—–]\s+", text)]
        thread.title = pieces[0] if pieces else None
        thread.description = (first_line + index, text)
        thread.url = _first_url([text])
        thread.strong = True
    else:
        thread.url = _standalone_url(lines[:start])
        thread.title = _heading(lines[:start])
        description = _preamble_text(lines[:start])
        if description:
            thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


# --- an author line, then the text under it --------------------------------------------

_REDDIT_AUTHOR = r"(?:u/)?[\w-]{2,30}|\[deleted\]|\[removed\]"
_AUTHOR_HEADS = [
    # WordPress and Blogger through a Markdown converter: "1.  ![](avatar) **Name** says:"
    re.compile(
        r"^(?P<indent>\s*)(?P<quote>)(?:\d{1,3}\.|[-*+])\s+(?:!\[[^\]]*\]\([^)]*\)\s*)?\*\*\[?(?P<user>[^*\]\n]{1,60})\]?(?:\([^)]*\))?\*\*"
        r"(?P<rest>\s+(?:says|said|wrote|replied|commented)\s*:?\s*)$"
    ),
    # reddit-markdown: "* 🟩 **[name](https://www.reddit.com/user/name)** ⬆️ 12 _( date )_"
    re.compile(
        r"^(?P<indent>\s*)(?P<quote>(?:>\s*)*)(?:[-*+]\s+)?(?:[^\w\s*\[]{1,3}\s+)?\*\*\[?(?P<user>" + _REDDIT_AUTHOR + r")\]?"
        r"(?:\([^)]*\))?(?:\s*\(OP\))?\*\*(?P<rest>(?:\s*\(OP\))?(?:\s+.{0,80})?)$"
    ),
    # "u/name · 12 points · 3h ago", "u/name (12 points)"
    re.compile(
        r"^(?P<indent>\s*)(?P<quote>(?:>\s*)*)(?:[-*+]\s+)?\**(?P<user>u/[\w-]{2,30})\**(?P<rest>(?:\s*(?:[·•|(,:-]|\bOP\b|\d+\s*(?:points?|pts|votes?)).{0,80})?)$"
    ),
]
_NUMBERED_HEAD = re.compile(
    r"^(?P<indent>\s*)\[(?P<depth>\d{1,2})\]\s+(?P<user>u/[\w-]{2,30}|u/\[deleted\]|\[deleted\]|@?[\w.\-]{2,30})"
    r"(?P<rest>(?:\s*\([^)]{0,40}\))?(?:\s*\[OP\])?)\s*:\s*(?P<text>.*)$"
)
_ACTION_LINK = re.compile(r"^\s*\[(?:reply|like|share|report|permalink|link|edit|quote)\]\([^)]*\)\s*$", re.IGNORECASE)
_DATE_LINK = re.compile(r"^\s*\[([^\]]{6,40}\d[^\]]*)\]\([^)]*\)\s*$")
_PIPE_HEAD = re.compile(
    r"^(?P<pipes>(?:\|[ \t]?)+)[ \t]*(?P<user>u/[\w-]{2,30}|\[deleted\]|\[removed\]|[\w.\-]{2,30})[ \t]*"
    r"\((?P<rest>-?\d[\d,.]*k?\s*(?:up|down)?votes?|-?\d[\d,.]*k?\s*points?)\)[ \t]*:[ \t]*(?P<text>.*)$"
)
"""reddit2text's text output: ``| | name (12 upvotes): text``, one ``|`` a level."""
_POINTS = re.compile(r"(?:⬆️?|↑|▲)\s*\d|\d+\s*(?:points?|pts|votes?|upvotes?)\b|\bOP\b|\bago\b|\d{4}-\d{2}-\d{2}|_\(")
_REDDIT_POST = re.compile(r"posted by u/|^\*\*r/[\w]+\*\*|reddit\.com/r/|^r/[\w]+\b", re.IGNORECASE)
_QUOTE = re.compile(r"^\s*((?:>\s*)*)")


def author_blocks(lines: list[str], first_line: int) -> Thread | None:
    heads = []
    for index, raw in enumerate(lines):
        if "*" not in raw and "u/" not in raw and "]" not in raw and "|" not in raw:
            continue
        numbered = _NUMBERED_HEAD.match(raw) or _PIPE_HEAD.match(raw)
        if numbered:
            heads.append((index, numbered))
            continue
        for pattern in _AUTHOR_HEADS:
            match = pattern.match(raw)
            if match and (pattern is not _AUTHOR_HEADS[1] or _POINTS.search(match.group("rest") or "") or "reddit.com/user/" in raw):
                heads.append((index, match))
                break
    if len(heads) < MIN_COMMENTS:
        return None
    def level(index: int, match: re.Match[str]) -> int:
        fields = match.groupdict()
        if "depth" in fields:
            return int(match.group("depth")) * 1000
        if "pipes" in fields:
            return (match.group("pipes").count("|") - 1) * 1000
        return _indent(lines[index]) + 4 * match.group("quote").count(">")

    levels = [level(i, match) for i, match in heads]
    explicit = all("depth" in m.groupdict() or "pipes" in m.groupdict() for _, m in heads)
    ranks = {v: v // 1000 for v in levels} if explicit else _ranks(levels)
    thread = Thread("Reddit thread export", [])
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = [match.group("text")] if "text" in match.groupdict() else []
        for raw in lines[index + 1 : end]:
            if re.match(r"^\s*(?:---+|\*\*\*+|___+)\s*$", raw):
                continue
            quote = _QUOTE.match(raw)
            body.append(raw[quote.end() :] if quote and quote.group(1) else raw)
        covered += 1 + _non_blank(lines, index + 1, end)
        body = [raw for raw in body if not _ACTION_LINK.match(raw)]
        when = _dated(match.group("rest") or "")
        first = next((k for k, raw in enumerate(body) if raw.strip()), None)
        dated = _DATE_LINK.match(body[first]) if first is not None else None
        if dated:  # "[October 28, 2023 at 8:14 am](…#comment-2281)" above the text
            when = parse_date(dated.group(1)) or when
            del body[first]
        text = clean(_dedent(body)) or "[deleted]"
        user = clean(match.group("user"))
        thread.comments.append(Comment(first_line + index, text, user, ranks[levels[number]], first_line + end, when))
    start = heads[0][0]
    above = next((raw.strip() for raw in reversed(lines[:start]) if raw.strip()), "")
    post = None
    if re.match(r"^r/\w+\s*[·•]", above) and len(thread.comments) > MIN_COMMENTS:
        post = thread.comments.pop(0)  # "r/italy · 6 h fa" / "u/name" / the title: the post, not a comment
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    preamble = lines[:start]
    thread.strong = any(_REDDIT_POST.search(raw) for raw in preamble) or post is not None
    fields = _labelled_fields(preamble)
    if fields.get("title"):
        thread.title = fields["title"]
    thread.title = thread.title or _heading(preamble)
    thread.url = fields.get("link") or fields.get("url") or _standalone_url(preamble)
    description = _preamble_text(preamble)
    if post is not None:
        thread.description = (post.line, post.text)
    elif description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


_FIELD = re.compile(r"^\s*(?P<key>TITLE|LINK|URL|SUBREDDIT|AUTHOR|DATE|SOURCE|POST)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE)


def _labelled_fields(lines: list[str]) -> dict[str, str]:
    """``TITLE: ...``, ``LINK: ...`` header fields of a thread export."""
    fields: dict[str, str] = {}
    for raw in lines:
        for part in raw.split(" | "):
            match = _FIELD.match(part)
            if match:
                fields.setdefault(match.group("key").lower(), clean(match.group("value")))
    return fields


# --- a tree drawn with box characters (RedditToMarkdown) ------------------------------

_TREE_START = re.compile(r"^(?P<mark>#{1,6}\s+|[├└│]\s*─+\s*)(?P<text>.*)$")
_TREE_END = re.compile(r"^(?P<text>.*?)\s*⏤\s*by\s+\*?(?P<user>[^*\n]{1,40}?)\*?\s*(?P<rest>\(↑.*\))?\s*$")


def tree_thread(lines: list[str], first_line: int) -> Thread | None:
    """Comments drawn as a tree: ``##### text ⏤ by *user* (↑ 88/ ↓ 0)`` for a top-level
    comment, ``├─`` / ``├──`` / ``├───`` for replies by depth, ``└────`` closing a
    subtree; a comment's text may run over several lines until its ``⏤ by``."""
    if not any("⏤" in raw for raw in lines[:2000]):
        return None
    thread = Thread("Reddit thread export (tree)", [])
    covered = 0
    open_at: int | None = None
    depth = 0
    pieces: list[str] = []
    first_comment: int | None = None
    for index, raw in enumerate(lines):
        begin = _TREE_START.match(raw)
        if begin is not None and not begin.group("text").strip():
            covered += 1  # "└────": a subtree ends
            continue
        if begin is not None:  # a new comment starts (an unfinished one was none)
            mark = begin.group("mark").strip()
            depth = 0 if mark.startswith("#") else mark.count("─")
            open_at, pieces = index, [begin.group("text")]
        elif open_at is not None:
            pieces.append(raw)
        else:
            continue
        end = _TREE_END.match(pieces[-1])
        if end is None:
            continue
        pieces[-1] = end.group("text")
        thread.comments.append(
            Comment(first_line + open_at, clean(_dedent(pieces)) or "[deleted]", clean(end.group("user")), depth, first_line + index + 1)
        )
        covered += _non_blank(lines, open_at, index + 1)
        first_comment = open_at if first_comment is None else first_comment
        open_at = None
    if first_comment is None:
        return None
    thread.total = _non_blank(lines, first_comment)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, first_comment)
    preamble = lines[:first_comment]
    thread.strong = True
    thread.title = _heading(preamble)
    thread.url = _standalone_url([raw for raw in preamble if "permalink" not in raw.lower()]) or _standalone_url(preamble)
    description = _preamble_text(preamble)
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


def _dated(text: str) -> str | None:
    match = re.search(r"\d{4}-\d{2}-\d{2}(?:[ T][\d:]+)?", text)
    return parse_date(match.group()) if match else None


# --- comment cards copied from a web page (Substack, Medium, YouTube, Disqus) --------

_ACTION_WORDS = (
    r"(?:like|liked|likes|reply|replies|share|report|respond|follow|following|collapse|expand full comment|"
    r"show more|read more|see more|hide replies|heart|gift a subscription|more options|"
    r"view (?:all )?(?:\d+ )?(?:more )?repl(?:y|ies)|\d+ (?:more )?repl(?:y|ies)|show \d+ (?:more )?repl(?:y|ies)|"
    r"like \(\d+\)|\d+ likes?|\d+ claps?|[\d.,]+[km]?\+?|[❤♥👍👎]\ufe0f?\s*\d*|\d+\s*[❤♥👍👎]\ufe0f?|·|•|--|—|"
    r"pinned by @?[\w.\-]+|[\d.,]+[km]? comments|sort by|top comments|newest first|liked by .{1,60}|"
    r"\d+ repl(?:y|ies) by .{1,80}|\d+ more comments\.{0,3}|write a response|what are your thoughts\?|"
    r"responses \(\d+\)|see all responses|log in to reply|cancel reply|leave a reply|load more comments|"
    r"share ›|\d+\s+press the down arrow key.*|\d+\s+\d+\s*|add a comment(?:…|\.\.\.)?|write a comment(?:…|\.\.\.)?|"
    r"join the discussion(?:…|\.\.\.)?|leave a comment|post a comment|comments|author|edited|op|mod|moderator|"
    r"top comment|pinned|expand full comment|restacks?|-{3,}|\*{3,}|_{3,}|also sent to the channel|(?:[^\w\s]\ufe0f?){1,4}|"
    r"\[\d+\]|(?:up)?vote \(\d+\)|(?:up)?votes? \d+|label|bookmark|link|parent|collapse replies|expand all|permalink|flag|save|award|"
    r"\((?:op|author|mod|moderator|admin|staff|creator)\)|member|contributor|owner|collaborator|maintainer|edited .{3,30}|"
    r"#\d{1,5}|last edited by .{1,60}|staff|(?:guardian|editors?'?|critic'?s?|nyt) picks?|featured(?: comment)?|jump to comment|"
    r"oldest|newest|per page|display threads|collapsed|expanded|displaying (?:threads|comments) \d+ to \d+ of \d+|"
    r":[\w+\-]{1,40}:|last reply(?: .{1,30})?|created|views|users|links|also send to .{1,40}|\(edited\)|level \d{1,2}|(?:· )?stickied comment|"
    r"continue this thread(?: →)?|see translation|see original|show translation|translate|"
    r"[^\W\d_]{2,12}(?: [^\W\d_]{2,14}){0,2} \(\d{1,4}\)|"  # a button with its count: "View replies (2)", "Ukryj odpowiedzi (3)"
    r"(?:ocultar|ver|mostrar) \d{1,4} respostas?|\d+% upvoted|parent share|(?:(?:ถูกใจ|ขำกลิ้ง|ทึ่ง|ซึ้ง|หลงรัก|สยอง|โกรธ)\s+\d+\s*)+|แจ้งลบ|[▲△⬆↑]\s*[+-]?\d*\s*[▼▽⬇↓]?|[•□☆○◦▪]?\s*(?:re: )?[^()\n]{0,80}\(score:-?\d(?:, ?[\w ]{2,20})?\)|"
    # the same buttons in other languages (Spanish, Portuguese, French, German, Italian, Dutch, Japanese)
    r"responder|respuestas?|\d+ respuestas?|ver \d+ respuestas?|respostas?|\d+ respostas?|excluir|denunciar|compartir|compartilhar|"
    r"me gusta|curtir|ordenar por|fijado por @?[\w.\-]+|fixado por @?[\w.\-]+|\(editado\)|mostrar más|ver más|leer más|mostrar mais|"
    r"répondre|réponses?|\d+ réponses?|j'aime|j’aime|partager|signaler|trier par|afficher plus|"
    r"antworten|\d+ antworten|gefällt mir|teilen|melden|sortieren nach|mehr anzeigen|"
    r"rispondi|\d+ risposte|risposte|mi piace|condividi|segnala|ordina per|altro|"
    r"beantwoorden|reageren|\d+ reacties|reacties|vind ik leuk|delen|sorteren op|"
    r"返信|\d+件の返信|いいね!?|共有|報告|並べ替え|リンク|★\d+|"
    # Chinese and Korean (cnblogs' 支持(2) 反对(0), 回复, 举报; Tistory's 답글, 신고, 수정/삭제)
    # Indonesian, Vietnamese, Russian, Ukrainian, Czech, Hungarian, Greek, Arabic, Hebrew, Polish, Turkish, Swedish, Finnish, Thai
    r"balas|kutip|laporkan|bagikan|suka|trả lời|thích|chia sẻ|báo cáo|ответить|нравится|поделиться|пожаловаться|цитировать|"
    r"відповісти|подобається|поділитися|поскаржитися|odpovědět|líbí se|sdílet|nahlásit|citovat|válasz|privát üzenet|tetszik|"
    r"megosztás|jelentés|απάντηση|μου αρέσει|κοινοποίηση|αναφορά|παράθεση|رد|إعجاب|مشاركة|إبلاغ|حفظ|הגב|אהבתי|שתף|דווח|"
    r"odpowiedz|lubię to|udostępnij|zgłoś|cytuj|yanıtla|beğen|paylaş|şikayet et|alıntı|svara|gilla|dela|rapportera|citera|"
    r"vastaa|tykkää|jaa|ilmoita|lainaa|ตอบกลับ|ถูกใจ|แชร์|پاسخ|سازنده|گزارش|जवाब दें|जवाब|पसंद|शेयर|jibu|penda|"
    # reply counts and "pinned by" in those languages ("2 yanıt", "@kanal tarafından sabitlendi")
    r"\d+ (?:yanıt|odpowiedzi|odpowiedź|svar|vastausta|vastaus|відповід\w*|ответ\w*|odpověd\w*|válasz|απαντήσεις|απάντηση|phản hồi|"
    r"balasan|ردود|رد|תגובות|条回复)|답글 \d+개|"
    r".{1,40} tarafından sabitlendi|przypięte przez .{1,40}|fäst av .{1,40}|закреплено .{1,40}|закріплено .{1,40}|připnuto .{1,40}|"
    r"đã ghim bởi .{1,40}|disematkan oleh .{1,40}|"
    r"支持\s*\(\d+\)(?:\s*反对\s*\(\d+\))?|反对\s*\(\d+\)|回复|举报|引用|点赞|赞\s*\(?\d*\)?|답글|답글\s*\d+|신고|수정|삭제|공감\s*\d*|좋아요\s*\d*)"
)
_ONE_ACTION = re.compile(rf"^{_ACTION_WORDS}$", re.IGNORECASE)
_ACTION_SEPARATOR = re.compile(r"\s{2,}|\s+[·•|]\s+|\s*\|\s*")


_ONE_WORD_ACTIONS = {
    "reply", "boost", "more", "share", "report", "like", "likes", "upvote", "downvote", "save", "edit", "delete", "quote",
    "favorite", "favourite", "permalink", "parent", "context", "source", "flag", "hide", "link", "embed", "award",
}


class _Actions:
    """A page's buttons and counters, alone on their line or several on one ("♥ 12   Reply",
    "Like · Reply", "Like · 27 | Reply · 3 replies"): each part split off and matched
    alone (one pattern repeated over the line would backtrack without end)."""

    def match(self, text: str) -> bool:
        text = text.strip("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # bidi marks around "رد"
        if _ONE_ACTION.match(text):
            return True
        if len(text) > 80:
            return False
        parts = [part for part in _ACTION_SEPARATOR.split(text.strip()) if part]
        if len(parts) >= 2 and all(_ONE_ACTION.match(part) for part in parts):
            return True
        words = text.split()
        # "12 reply boost more" (Mbin, Lemmy): buttons one space apart
        return 2 <= len(words) <= 8 and any(w.lower() in _ONE_WORD_ACTIONS for w in words) and all(
            w.lower() in _ONE_WORD_ACTIONS or re.fullmatch(r"[+-]?\d[\d.,]*[kKmM]?", w) for w in words
        )


_CARD_ACTION = _Actions()
_FOREIGN_MONTH_WORDS = "|".join(sorted({w for words in FOREIGN_MONTHS.values() for w in words}, key=len, reverse=True))
_FOREIGN_AGO = (
    # how long ago in Arabic, Hebrew, Russian, Ukrainian, Polish, Czech, Hungarian, Greek, Vietnamese, Indonesian,
    # Turkish, Swedish, Finnish, Danish and Norwegian, Romanian, Chinese, Korean, Thai
    r"(?:منذ\s+(?:\d+\s+)?[^\W\d_]{2,10}|לפני\s+(?:\d+\s+)?[^\W\d_]{2,10}|\d+\s?[^\W\d_]{1,10}\s+(?:назад|тому|temu|ezelőtt|"
    r"trước|(?:yang\s+)?lalu|önce|sedan|sitten|siden|atrás|fa|geleden|ago|پیش|पहले|iliyopita|zilizopita)|před\s+\d+\s+[^\W\d_]{2,10}|πριν\s+(?:από\s+)?\d+\s+[^\W\d_]{2,10}|"
    r"för\s+\d+\s+[^\W\d_]{2,10}\s+sedan|for\s+\d+\s+[^\W\d_]{2,10}\s+siden|acum\s+\d+\s+[^\W\d_]{2,10}|"
    r"\d+\s*(?:分钟|小时|天|周|个月|年)前|\d+\s*(?:분|시간|일|주|개월|년)\s*전|\d+\s+(?:นาที|ชั่วโมง|วัน|สัปดาห์|เดือน|ปี)\s*ที่แล้ว)"
)
_FOREIGN_AGE = (
    # "hace 2 semanas", "há 3 dias", "il y a 2 jours", "vor 3 Tagen", "3 giorni fa", "2 dagen geleden", "3日前", "ayer"
    r"hace\s+(?:\d+|un|una)\s+\w+|há\s+(?:\d+|um|uma)\s+\w+|il y a\s+(?:\d+|un|une)\s+\w+|vor\s+(?:\d+|einem|einer)\s+\w+|"
    r"(?:\d+|un|una)\s+(?:second|minut|or|giorn|settiman|mes|ann)\w*\s+fa|(?:\d+|een)\s+\w+\s+geleden|"
    r"\d+\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前|ayer|hier|gestern|ieri|gisteren|ontem|昨日|"
    r"\d{1,2}\.?\s+(?:de\s+)?(?:" + _FOREIGN_MONTH_WORDS + r")\.?(?:\s+(?:de\s+)?\d{4})?|\d{4}年\d{1,2}月\d{1,2}日|\d{4}/\d{1,2}/\d{1,2}|"
)
_CARD_DATE = re.compile(
    # a label may come first: "⚡ 21,000 sats · 2d" (Fountain), "Expertise · 2 days ago" (Ghost)
    r"^[*_]{0,2}(?:[·•]?[^·•|\n]{1,30}?\s?[·•]\s*|[·•]\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d+\s*(?:s|m|h|d|w|mo|y|sec|secs|min|mins|hr|hrs|hours?|days?|weeks?|months?|years?|mo\.|yr|yrs)\.?(?:\s+ago)?|"
    r"(?:a|an|one|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now|yesterday|" + _FOREIGN_AGO + r"|" + _FOREIGN_AGE +
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4}|\s+'\d{2})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}-\d{1,2}-\d{4}|"
    r"\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+|@\s*|às\s+|a las\s+|à\s+|um\s+|alle\s+|om\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?|\s+uhr)?)?"
    r"[*_]{0,2}(?:\s*[(·•]?\s*(?:edited|editado|modifié|bearbeitet|modificato|bewerkt|編集済み|düzenlendi|edytowany|edytowano|redigerad|"
    r"muokattu|змінено|изменено|upraveno|szerkesztve|επεξεργάστηκε|đã chỉnh sửa|diedit|已编辑|수정됨)\)?)?(?:\s*[·•|]\s*.{0,30})?$",
    re.IGNORECASE,
)
_MORE_OF_THE_SITE = re.compile(
    r"^(?:discover more|more from .{1,40}|recommended(?: for you)?|you might (?:also )?like|up next|more posts|trending(?: now)?|"
    r"relevant people|what(?:'|’)s happening|read next|related (?:posts|articles|stories|videos)|more like this|show probable spam|"
    r"recent posts|latest posts|popular posts|more episodes(?: from .{1,40})?|similar podcasts|other episodes|you may also like)$",
    re.IGNORECASE,
)
"""A heading under the thread over the site's other posts (X's "Discover more", "More from …")."""
_VERB_HEAD = re.compile(r"^(?P<user>@?[\w.\-]{2,40}) (?:commented|replied|wrote|answered|posted)(?: on)? (?P<date>.{2,40})$")
"""A comment's head on one line: ``jdelacroix commented 3 days ago`` (Forgejo, Gitea, GitHub)."""
_COMMENT_FORM = re.compile(
    r"^(?:post a comment|leave a (?:comment|reply)|add (?:a )?(?:public )?comment|write (?:a )?(?:public )?(?:comment|response)|join the discussion|"
    r"añade un comentario|escribe un comentario|adicione um comentário|adicionar comentário|postar um comentário|ajouter un commentaire|"
    r"écrire un commentaire|kommentar schreiben|kommentieren|aggiungi un commento|scrivi un commento|voeg een reactie toe|schrijf een reactie|"
    r"コメントを追加|コメントする|"
    r"(?:sign up|log in|sign in)(?: or (?:log|sign) in)? to (?:comment|reply|join this conversation))\b.{0,3}$",
    re.IGNORECASE,
)
_EVENT_LINE = re.compile(
    r"^(?:changed|closed|reopened|merged|marked|renamed|locked|pinned|added|removed|assigned|requested|approved|deleted)\b"
    r".{0,120}$",
)
"""A timeline event under its actor's name ("changed discussion title from …")."""
_ACTOR_EVENT = re.compile(
    r"^@?[\w.\-]{2,40} (?:approved|requested|added|removed|merged|marked|reviewed|deleted|closed|reopened|changed|pushed|"
    r"force-pushed|assigned|unassigned|labeled|referenced|mentioned|locked|pinned)\b.{0,100}\b(?:ago|\d{4}|yesterday|today)$"
)
"""A timeline event on one line with its actor and its date."""
_BADGE_LINE = re.compile(
    r"^\(?(?:op|author|mod|moderator|admin|staff|creator|verified|developer|publisher|maintainer|team|business owner|owner)\)?$|^•?\s*(?:1st|2nd|3rd\+?)$",
    re.IGNORECASE,
)
_CLOCK_ONLY = re.compile(r"^\d{1,2}:\d{2}(?P<half>\s?[AaPp]\.?[Mm]\.?)?$")
"""A message's time alone on its line: Slack's ``10:42 AM`` under the name (a head
needs the AM or PM), ``10:45`` under the last message (the same author again)."""
_HANDLE_DATE = re.compile(r"^(?P<user>@[\w.\-]{2,40})(?:\s*[·•]?\s*(?P<date>.+))?$")
_NAME = re.compile(r"^[^\s.!?,;:][^.!?;]{0,48}$")
_IP_LINE = r"ip(?: address)?:?\s*\d{1,3}(?:\.(?:\d{1,3}|\*|x{1,3}|♡)){1,3}|\(?\d{1,3}\.\d{1,3}\.(?:\*|x{1,3}|♡)\.(?:\*|x{1,3}|♡)\)?"
"""The masked address some sites show under a name ("IP: 78.58.*.*", "59.♡.7.212")."""
_PROFILE_LINE = re.compile(
    r"^(?:\d[\d,.]*[kK]?|[^\W\d_][\w .'’-]{1,30}, [^\W\d_][\w .'’-]{1,30}|\d[\d,.]*\s+[^\W\d_]+(?: [^\W\d_]+)?|"
    r"(?:elite|local guide|top reviewer|vine voice|verified (?:buyer|purchase)|business owner|owner)(?: '?\d{2,4})?|" + _IP_LINE + r")$",
    re.IGNORECASE,
)
"""A line of a reviewer's profile under the name: a count, "Seattle, WA", "27 contributions", "Elite 24"."""


def _without_featured(comments: list[Comment]) -> list[Comment]:
    """The comments without the copies a page shows above the thread ("Guardian
    Picks", "Featured", "Top comment"): a card whose text, cut short or whole, starts
    a later comment's is that comment shown again."""
    def key(text: str) -> str:
        return " ".join(text.split()).rstrip("….").strip()

    later: dict[str, list[tuple[str, str | None]]] = {}
    """The first 40 characters of each later comment -> their whole texts and authors."""
    keep = [True] * len(comments)
    for number in range(len(comments) - 1, -1, -1):
        mine = key(comments[number].text)
        long_enough = len(mine) >= 40 or (len(mine) >= 16 and " " not in mine)  # Japanese or Chinese says more in fewer characters
        others = later.get(mine[:40], ())[-50:] if long_enough else ()  # (a bound: the same words said a thousand times)
        if any(other.startswith(mine) for other, _ in others):
            keep[number] = False
        elif any(mine.startswith(other) and len(other) >= 40 and author == comments[number].author for other, author in others):
            keep[number] = False  # the page's copy ran on into the lines under it ("See all reviews"): the later one is it
        later.setdefault(mine[:40], []).append((mine, comments[number].author))
    return [c for c, kept in zip(comments, keep) if kept]


_REPLY_COUNT = re.compile(
    r"^(?:[-–—▾▴▲▼⌄]\s*)?(?:view|show|hide|ver|mostrar|afficher|voir|anzeigen|mostra|bekijk)?\s*(?P<n>\d{1,4}) "
    r"(?:repl(?:y|ies)|respuestas?|respostas?|réponses?|antworten|risposte|reacties|antwoorden|件の返信)(?: by (?P<by>.{1,80}))?$"
    r"|^.{0,40}\breply\s*[·•|]\s*(?P<bar>\d{1,4}) repl(?:y|ies)$",  # LinkedIn's "Like · 27 | Reply · 3 replies"
    re.IGNORECASE,
)
"""The number of replies a card shows under its text ("3 replies", "2 replies by A
and B", "Hide 2 replies"); "12 more replies" says what is folded away, not this."""


def _shown_replies(comments: list[Comment], number: int, stated: tuple[int, str | None]) -> int:
    """The replies a card states that the copy shows under it: its count where the next
    card is by one of the people the count names ("2 replies by Mara and Sam") or,
    naming none, answers the card's author by name ("@lockwheel Ha, ...", "Marcus Feld
    exactly this"); else 0
    (the replies stayed folded on the page)."""
    count, by = stated
    if not count or number + 1 >= len(comments):
        return 0
    following = comments[number + 1]
    if by:
        # "by Railways and Reason and Tomas Ferreira": a name may hold an "and" itself.
        return count if following.author and following.author.lower() in by.lower() else 0
    author = (comments[number].author or "").lstrip("@").lower()
    opening = following.text.lower().lstrip("@")
    return count if author and opening.startswith(author) and not opening[len(author) : len(author) + 1].isalnum() else 0


_LEVEL = re.compile(r"^level (\d{1,2})$", re.IGNORECASE)


def _initials(text: str, name: str) -> bool:
    """Whether ``text`` is the initials an avatar shows for ``name`` ("DM", "Dafydd Morgan")."""
    letters = [w[0] for w in re.findall(r"[^\W\d_]+", name)]
    return 1 <= len(text) <= 3 and text.isupper() and text.isalpha() and len(letters) >= 1 and text == "".join(letters[: len(text)]).upper()


def counted_depths(counts: list[int]) -> list[int] | None:
    """Reply depths from the number of replies each card states, for a page copy that
    lost its indentation (YouTube, Substack): the cards come in thread order, each
    followed by its replies. A count is read as the card's direct replies; where that
    leaves the counts unfilled or overfilled, as all its descendants. None when
    neither reading fills every count exactly (replies folded away, not copied)."""
    def direct() -> list[int] | None:
        stack: list[list[int]] = []  # [depth, replies still to come]
        depths = []
        for count in counts:
            while stack and stack[-1][1] == 0:
                stack.pop()
            depth = stack[-1][0] + 1 if stack else 0
            if stack:
                stack[-1][1] -= 1
            depths.append(depth)
            if count:
                stack.append([depth, count])
        return depths if all(entry[1] == 0 for entry in stack) else None

    def descendants() -> list[int] | None:
        stack: list[list[int]] = []
        depths = []
        for count in counts:
            while stack and stack[-1][1] == 0:
                stack.pop()
            depths.append(stack[-1][0] + 1 if stack else 0)
            for entry in stack:
                entry[1] -= 1
            if any(entry[1] < 0 for entry in stack):
                return None
            if count:
                stack.append([depths[-1], count])
        return depths if all(entry[1] == 0 for entry in stack) else None

    if not any(counts):
        return None
    return direct() or descendants()


def card_copy(lines: list[str], first_line: int) -> Thread | None:
    dated = [
        i for i, raw in enumerate(lines)
        if raw.strip() and (_is_card_date(raw.strip()) or _CLOCK_ONLY.match(raw.strip()) or _VERB_HEAD.match(raw.strip()))
    ]
    if len(dated) < MIN_COMMENTS:
        return None
    starts: list[tuple[int, int, str]] = []
    for index in dated:
        previous = next((k for k in range(index - 1, max(-1, index - 3), -1) if lines[k].strip()), None)
        if previous is not None and re.fullmatch(r"[•·|–—-]", lines[previous].strip()):
            # "Marta Kowalczyk" / "•" / "Dec 10 '24" (dev.to): the separator on its own line.
            previous = next((k for k in range(previous - 1, max(-1, previous - 3), -1) if lines[k].strip()), None)
        if previous is not None and _ICON_NAME.match(lines[previous].strip()):
            # "Marisol Ventura" / "more_vert" / "March 3, 2024": the menu's icon between the name and the date
            previous = next((k for k in range(previous - 1, max(-1, previous - 3), -1) if lines[k].strip()), None)
        if previous is not None and _BADGE_LINE.match(lines[previous].strip()):
            # "fenwick_ash" / "(OP)" / "April 2, 2024": the badge sits between the name and the date.
            previous = next((k for k in range(previous - 1, max(-1, previous - 3), -1) if lines[k].strip()), None)
        elif previous is not None:
            # LinkedIn: the name, its badge ("• 2nd", "Author"), the person's headline, the date.
            above = [k for k in range(previous - 1, max(-1, previous - 4), -1) if lines[k].strip()][:2]
            if len(above) == 2 and _BADGE_LINE.match(lines[above[0]].strip()) and _looks_like_name(lines[above[1]].strip()):
                previous = above[1]
        if previous is not None:
            # "Dana K." / "Seattle, WA" / "42" / "118" / "Elite 24" / "Apr 28, 2024" (Yelp): the reviewer's
            # profile between the name and the date
            block = []
            k = previous
            while k is not None and len(block) < 6 and _PROFILE_LINE.match(lines[k].strip()):
                block.append(k)
                k = next((j for j in range(k - 1, max(-1, k - 3), -1) if lines[j].strip()), None)
            strong = len(block) == 1 and re.fullmatch(_IP_LINE, lines[block[0]].strip(), re.IGNORECASE) is not None
            if (len(block) >= 2 or strong) and k is not None and _looks_like_name(lines[k].strip()) and not _PROFILE_LINE.match(lines[k].strip()):
                previous = k
        stripped = lines[index].strip()
        verb = _VERB_HEAD.match(stripped)
        if verb:
            if _is_card_date(verb.group("date")):
                starts.append((index, index, verb.group("user")))  # "jdelacroix commented 3 days ago"
            continue
        headed = _NAME_AGE.match(stripped)
        if headed:
            starts.append((index, index, headed.group("name")))  # "name · منذ 3 أيام · 14 نقطة": the author and the age on one line
            continue
        handle = _HANDLE_DATE.match(stripped)
        named = previous is not None and _looks_like_name(lines[previous].strip())
        clock = _CLOCK_ONLY.match(stripped)
        if clock and not (named and clock.group("half")):
            if not named and starts and _CLOCK_ONLY.match(lines[starts[-1][1]].strip()):
                # Slack: a time alone under the last message is the same author's next message.
                starts.append((index, index, starts[-1][2]))
            continue
        if handle and handle.group("date") and _is_card_date(handle.group("date")):
            starts.append((index, index, handle.group("user")))
        elif previous is not None and named and _EVENT_LINE.match(lines[previous].strip()):
            continue  # "tobias / changed discussion status to closed / Feb 12": an event, not a comment
        elif previous is not None and named:
            # "Name / Publication / date" (Substack): the name is the first of the two.
            above = previous - 1 if previous > 0 else None
            if above is not None and _initials(lines[above].strip(), lines[previous].strip()):
                starts.append((above, index, lines[previous].strip()))  # "DM" / "Dafydd Morgan" / date: the avatar's initials first
            elif (
                above is not None and lines[above].strip() and _looks_like_name(lines[above].strip())
                and not _is_card_date(lines[above].strip()) and (above == 0 or _CARD_ACTION.match(lines[above - 1].strip() or "·") or not lines[above - 1].strip())
            ):
                starts.append((above, index, lines[above].strip()))
            else:
                starts.append((previous, index, lines[previous].strip()))
    starts = [s for n, s in enumerate(starts) if n == 0 or s[0] > starts[n - 1][1]]
    # A message quoted in a reply repeats its author and time (Teams' "Begin Reference"):
    # it is part of the reply, which answers it.
    seen: dict[tuple[str, str], int] = {}
    quoting: dict[int, int] = {}
    """start index -> the start index of the message it quotes."""
    kept: list[tuple[int, int, str]] = []
    for start_at in starts:
        key = (start_at[2].lower(), lines[start_at[1]].strip())
        precise = re.search(r"\d:\d\d", key[1]) is not None  # "2 weeks ago" repeats; "14/03/2025 9:12 am" does not
        right_under = bool(kept) and not any(raw.strip() for raw in lines[kept[-1][1] + 1 : start_at[0]])
        if key in seen and precise and right_under and seen[key] != len(kept) - 1:
            quoting[len(kept) - 1] = seen[key]
            continue
        seen.setdefault(key, len(kept))
        kept.append(start_at)
    starts = kept
    # A comment form above the comments ("Add a comment…" under a LinkedIn or YouTube
    # post): the one card above it is the post.
    first_form = next((i for i, raw in enumerate(lines) if _COMMENT_FORM.match(raw.strip())), None)
    post = None
    if first_form is not None and sum(1 for s in starts if s[1] < first_form) == 1 and sum(1 for s in starts if s[0] > first_form) >= MIN_COMMENTS:
        post = starts.pop(0)
    # The comment form under the last comment ends the thread: what follows is the page's footer.
    form = (
        next((i for i in range(starts[MIN_COMMENTS - 1][1], len(lines)) if _COMMENT_FORM.match(lines[i].strip())), None)
        if len(starts) > MIN_COMMENTS
        else None
    )
    after = (
        next((i for i in range(starts[MIN_COMMENTS - 1][1], len(lines)) if _MORE_OF_THE_SITE.match(lines[i].strip())), None)
        if len(starts) > MIN_COMMENTS
        else None
    )
    form = after if form is None or (after is not None and after < form) else form  # "Discover more": the site's other posts
    if form is not None:
        lines = lines[:form]
        starts = [start for start in starts if start[1] < form]
    if len(starts) < MIN_COMMENTS:
        return None
    thread = Thread("comments copied from a web page", [])
    covered = 0
    ranks = _ranks([_indent(lines[name]) for name, _, _ in starts])
    depth_of: dict[int, int] = {}
    reply_counts: list[int] = []
    for number, (name_index, date_index, name) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body = lines[date_index + 1 : end]
        following = starts[number + 1][2] if number + 1 < len(starts) else None
        while body and (
            not body[-1].strip() or _CARD_ACTION.match(body[-1].strip())
            or (following and body[-1].rstrip().endswith(f" by {following}"))  # Teams' preview of the next message
            or (following and _initials(body[-1].strip(), following))  # the next author's avatar ("DM" over "Dafydd Morgan")
        ):
            body.pop()
        # The page's buttons and counters between the lines ("Expand full comment",
        # "Like (31)", "143", "Author") are not what the comment says.
        kept = [raw for raw in body if not (raw.strip() and _CARD_ACTION.match(raw.strip()))]
        kept = _without_events(kept)
        covered += _non_blank(lines, name_index, end)
        text = clean(_dedent(kept))
        if not text:
            # "kilnkid_88" / "1d" / "🔥🔥🔥" / "Reply": a card that says it with emoji alone
            text = next((raw.strip() for raw in body if re.fullmatch(r"(?:[^\w\s]\ufe0f?\u200d?){1,12}", raw.strip()) and re.search(r"[^\x00-\u2000]", raw)), "")
        if not text:
            continue
        date_text = _EMPHASIS.sub("", lines[date_index].strip())
        handle = _HANDLE_DATE.match(date_text)
        when = parse_date(handle.group("date") if handle and handle.group("date") else date_text)
        depth = ranks[_indent(lines[name_index])]
        level = next((m for k in range(name_index - 1, max(-1, name_index - 3), -1) if lines[k].strip() and (m := _LEVEL.match(lines[k].strip())) or False), None)
        if level is not None and not any(_indent(lines[n]) for n, _, _ in starts):
            depth = int(level.group(1)) - 1  # Reddit's redesign copied: "level 2" over the name
        if number in quoting and quoting[number] in depth_of:
            depth = depth_of[quoting[number]] + 1
        depth_of[number] = depth
        thread.comments.append(
            Comment(first_line + name_index, text, clean(_HEADING_NAME.sub("", name)), depth, first_line + end, when)
        )
        stated = next((m for m in map(_REPLY_COUNT.match, (raw.strip() for raw in lines[date_index + 1 : end])) if m), None)
        reply_counts.append((int(stated.group("n") or stated.group("bar")), stated.group("by")) if stated else (0, None))
    if not any(c.depth for c in thread.comments):
        shown = [_shown_replies(thread.comments, n, count) for n, count in enumerate(reply_counts)]
        said_replies = re.search(
            r"\b\d+ comments?\s*[·•,]?\s*(\d+) repl(?:y|ies)\b", " ".join(raw.strip() for raw in lines[: starts[0][0]] if raw.strip())
        )
        if said_replies and sum(n for n, _ in reply_counts) == int(said_replies.group(1)):
            shown = [n for n, _ in reply_counts]  # "6 comments · 4 replies" over the thread (giscus): every reply is shown
        depths = counted_depths(shown)
        if depths is not None:
            # A reply's own count ("1 reply" under a reply) is shown when its parent's is.
            deeper = [n or (stated if depth and not by else 0) for n, depth, (stated, by) in zip(shown, depths, reply_counts)]
            depths = counted_depths(deeper) or depths
            thread.comments = [dataclasses.replace(c, depth=d) for c, d in zip(thread.comments, depths)]
    thread.comments = _mention_replies(_quoted_replies(_without_featured(thread.comments)))
    if (
        any(n and not by for n, by in reply_counts) and all((c.author or "").startswith("@") for c in thread.comments)
        and any(c.depth > 1 for c in thread.comments)
    ):
        # YouTube: "14 replies" under a comment, handles for names. Its replies are one
        # flat list under the comment, however they @mention each other.
        thread.comments = [dataclasses.replace(c, depth=min(c.depth, 1)) for c in thread.comments]
    start = starts[0][0]
    said = _stated_count(lines[: starts[1][0] if len(starts) > 1 else start])  # above the first comment, or in the post
    opened = bool(_VERB_HEAD.match(lines[starts[0][1]].strip())) and any(s[1] != s[0] for s in starts)  # an issue's or a pull request's description
    # "by / marisol / - opened Jan 20" above the first card, by the same person: it is the post.
    head = [raw.strip().lower() for raw in lines[max(0, start - 12) : start] if raw.strip()]
    opened = opened or (
        bool(thread.comments) and any(re.match(r"^[-–·•]?\s*(?:opened|asked|started)\b", h) for h in head)
        and (thread.comments[0].author or "").lower() in head
    )
    opening = thread.comments[0] if thread.comments else None
    if opening is not None and len(thread.comments) > 2:
        # "#1" by the first card, "#2" by the next (a forum's numbered posts): the first is the topic
        def number(comment: Comment) -> str | None:
            at = comment.line - first_line
            return next((raw.strip() for raw in lines[at : at + 6] if re.fullmatch(r"#\d{1,5}", raw.strip())), None)
        opened = opened or (number(opening) == "#1" and number(thread.comments[1]) == "#2")
    slack = next((raw.strip() for raw in lines if raw.strip()), "") == "Thread"  # a chat thread: its first message is one
    if opening is not None and post is None and not slack and (
        (said is not None and len(thread.comments) == said + 1) or (opening.author or "").lower() == "system" or opened
        or (opening.author or "").lower() in ("posted by", "submitted by", "asked by", "started by")  # Reddit's "Posted by / u/name"
    ):
        # The page says "8 replies" over nine cards (a forum topic), or the first card is
        # the forum's own: the first is the post.
        post = (starts[0][0], starts[0][1], opening.author or "")
        thread.comments = thread.comments[1:]
        thread.description = (opening.line, opening.text)
        thread.strong = True  # a post and its replies: the page's own shape
    if slack and not any(c.depth for c in thread.comments):
        # Slack's thread panel: the first message, then its replies.
        thread.comments = [thread.comments[0], *(dataclasses.replace(c, depth=1) for c in thread.comments[1:])]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.title = _heading(lines[:start]) or _thoughts_on(lines[:start])
    thread.url = _standalone_url(lines[:start])
    if post is not None and first_form is not None:
        description = _preamble_text(lines[post[1] + 1 : first_form])
    else:
        # The comment form and its help text ("Add comment...", "Markdown compatible
        # that supports: ...") are the page's, not a description.
        description = _preamble_text(lines[: first_form if first_form is not None and first_form < start else start])
    if description and thread.description is None:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


_STATED = re.compile(
    r"^(\d{1,5})(?:\s+|\n)(?P<what>replies|comments|responses|answers|posts|messages)\b(?:\s*•.*)?$"
    r"|^(?:top |all )?(?P<what2>comments|replies|responses) \((\d{1,5})\)$"
    r"|^showing \d+\s*[-–]\s*\d+ of (?P<shown>\d{1,5}) comments$"
    r"|^(?:[^\W\d_]{4,24}) \((?P<any>\d{1,5})\)(?:\s{2,}.*)?$"  # "Hozzászólások (10)", "Komentarze (12)"
    r"|^(?:comments?|replies|responses|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|kommentarer)[ \n](?P<after>\d{1,5})$",  # "Comments 14" (a tab), "Comment" over "13"
    re.IGNORECASE | re.MULTILINE,
)


def _stated_count(lines: list[str]) -> int | None:
    """The number of replies a page says it holds above its comments ("8 replies",
    "8" over "replies"; a forum's "9 posts" counts the opening post too)."""
    text = "\n".join(raw.strip() for raw in lines[-80:] if raw.strip())
    match = _STATED.search(text)
    if match is None:
        return None
    if match.group("what2"):
        return int(match.group(4))
    if match.group("shown"):
        return int(match.group("shown"))
    if match.group("any"):
        return int(match.group("any"))
    if match.group("after"):
        return int(match.group("after"))
    return int(match.group(1)) - (1 if match.group("what").lower() == "posts" else 0)


# --- a PTT post's pushes ---------------------------------------------------------------------

_PUSH = re.compile(
    r"^(?P<tag>推|→|噓)\s*(?P<user>[\w.\-]{1,24})\s*:\s?(?P<text>.*?)\s*(?:\d{1,3}(?:\.\d{1,3}){3}\s+)?(?P<date>\d{2}/\d{2}(?:\s+\d{2}:\d{2})?)\s*$"
)
"""A push under a PTT post: ``推 waferboy: 做二休二真的會折壽 03/02 23:45`` (推 up, 噓 down, → neither)."""


def ptt_pushes(lines: list[str], first_line: int) -> Thread | None:
    """A PTT (批踢踢) post copied from the web: its text, then one push a line."""
    heads = [(i, m) for i, raw in enumerate(lines) if raw[:1] in "推→噓" and (m := _PUSH.match(raw.strip()))]
    if len(heads) < MIN_COMMENTS:
        return None
    comments = [Comment(first_line + i, clean(m.group("text")), m.group("user"), 0, first_line + i + 1, None) for i, m in heads if m.group("text").strip()]
    thread = Thread("PTT pushes (推 / → / 噓, one a line)", comments, strong=True)
    start = heads[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = sum(1 for raw in lines[start:] if raw.strip() and (raw.strip().startswith(("※", "--")) or _PUSH.match(raw.strip())))
    thread.preamble = _non_blank(lines, 0, start)
    description = _preamble_text(lines[:start])
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    thread.title = _heading(lines[:start])
    thread.url = _standalone_url(lines[:start])
    return thread


# --- posts numbered by their place in the tree ----------------------------------------------

_INDEXED = re.compile(
    r"^\[(?P<number>\d+(?:\.\d+)*)\]\s+(?:\*\*(?P<bold>[^*\n]{0,60})\*\*|(?P<plain>[^(\n:]{1,60}?))?\s*"
    r"(?:\((?P<handle>@[\w.\-]+)\))?\s*:\s*(?P<text>.*)$"
)
"""``[1.3.1] **Ade Okonkwo** (@adeok.bsky.social):``: a thread saved with each post's
place in the tree (bsky2llm and other LLM-minded exporters)."""


def indexed_posts(lines: list[str], first_line: int) -> Thread | None:
    """Posts headed by their place in the tree, ``[1]``, ``[1.1]``, ``[1.1.1]``: the
    depth is the number's length; ``[1]`` alone at the top is the post."""
    heads = [(i, m) for i, raw in enumerate(lines) if raw.startswith("[") and (m := _INDEXED.match(raw.strip()))]
    if len(heads) < MIN_COMMENTS + 1:
        return None
    comments: list[Comment] = []
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        author = (match.group("bold") or match.group("plain") or "").strip() or match.group("handle") or None
        text = clean(_dedent([match.group("text"), *lines[index + 1 : end]]))
        covered += _non_blank(lines, index, end)
        if text:
            comments.append(Comment(first_line + index, text, clean(author) if author else None, match.group("number").count("."), first_line + end))
    if len(comments) < MIN_COMMENTS + 1:
        return None
    root = comments[0]
    thread = Thread("posts numbered by their place in the tree", comments, strong=True)
    if root.depth == 0 and all(c.depth >= 1 for c in comments[1:]):
        thread.comments = [dataclasses.replace(c, depth=c.depth - 1) for c in comments[1:]]
        thread.description = (root.line, root.text)
        thread.url = _standalone_url(root.text.split("\n"))
    thread.total = _non_blank(lines, heads[0][0])
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, heads[0][0])
    return thread


# --- cards in any language: the date and the buttons known by their place ---------------

_ANY_AGE = re.compile(r"\D{0,14}\d{1,3}\s*[^\W\d_]{1,12}\.?(?:\s+[^\W\d_]{1,10}\.?)?")
"""A number and its unit, with a word before or after: "3 gün önce", "5 godz. temu", "před 3 dny", "3天前"."""


def _generic_date(text: str) -> bool:
    """A line that reads as a date in whatever language: short, with a year, a clock
    time, or a number and its unit ("13 februari 2024 kl. 21:04", "2024. 3. 5. 21:40")."""
    text = re.sub(r"\s*\([^()\d]{2,20}\)$", "", text)  # "2 gün önce (düzenlendi)": the date, edited
    if not text or len(text) > 40 or len(text.split()) > 6 or not re.search(r"\d", text) or text.endswith(("?", "!")):
        return False
    if re.fullmatch(r"[+\-−#]?\d[\d.,\s]*[kKmM]?", text):
        return False  # a count or a vote
    if re.match(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—:|·]?\s*[^\W\d_]{2,}", text) and not re.search(r"(?:19|20)\d{2}", text):
        return False  # "3:05 - Why bother": a chapter or a chat line, not a date
    return bool(re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text) or re.search(r"\d{1,2}[:.]\d{2}\b", text) or _ANY_AGE.fullmatch(text))


def cards_by_place(lines: list[str], first_line: int) -> Thread | None:
    """Comment cards in a language whose words the other readers do not know: a short
    line repeated under every card is its button ("Svara", "Yanıtla", "Odpowiedz",
    "回复"), and a short line with a number under a name is its date. Both are read as
    such, and the cards then as any page copy's (``card_copy``)."""
    counts = collections.Counter(text for raw in lines if 0 < len(text := raw.strip()) <= 40)
    buttons = {
        text for text, n in counts.items()
        if n >= max(3, MIN_COMMENTS) and len(text) <= 24 and len(text.split()) <= 3 and not re.search(r"\d", text)
        and not text.startswith(("#", "@", ">", "-", "*", "|"))
    }
    if not buttons:
        return None
    dated = [
        index for index, raw in enumerate(lines)
        if index and (text := raw.strip()) and len(text) <= 40 and not text.startswith("©") and _generic_date(text) and not _is_card_date(text)
        and (above := lines[index - 1].strip())
        and (_looks_like_name(above) or _looks_like_name(re.sub(r"\s*\[[^\]]{1,20}\]\s*$", "", above)))
    ]
    if len(dated) < MIN_COMMENTS:
        return None
    # A line above a date that follows most other dates is the button (a name can repeat too: the author's answers)
    after = collections.Counter(
        text for n, at in enumerate(dated)
        for text in {raw.strip() for raw in lines[at + 1 : (dated[n + 1] if n + 1 < len(dated) else at + 16)] if raw.strip() in buttons}
    )
    likely = {text for text, n in after.items() if n * 4 >= len(dated) * 3} or ({after.most_common(1)[0][0]} if after else set())
    dated = [at for at in dated if lines[at - 1].strip() not in likely]  # ("Smartest" / "Funniest" under every card: both buttons)
    if len(dated) < MIN_COMMENTS:
        return None
    # The button is the repeated line that follows (nearly) every dated card, before the next one.
    windows = [
        {raw.strip() for raw in lines[at + 1 : (dated[n + 1] if n + 1 < len(dated) else at + 16)] if raw.strip() in buttons}
        for n, at in enumerate(dated)
    ]
    found = collections.Counter(text for window in windows for text in window)
    if not found:
        return None
    button, under = found.most_common(1)[0]
    if under < MIN_COMMENTS or under * 5 < len(dated) * 3:
        return None
    cards = {at for at, window in zip(dated, windows) if button in window}
    rewritten = [
        (raw[: len(raw) - len(raw.lstrip())] + ("Reply" if raw.strip() == button else "1 day ago")) if raw.strip() == button or index in cards else raw
        for index, raw in enumerate(lines)
    ]
    thread = card_copy(rewritten, first_line)
    if thread is not None:
        thread.format = "comments copied from a web page (dates and buttons read by their place)"
    return thread


# --- cards read by their shape alone (no word of any language known) ----------------------

_HEAD_PARTS = re.compile(r"\s+[·•|—–]\s+|\s{2,}|\t+")
_SENTENCE_END = re.compile(r"[.!?。！？;,，…:]$")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _name_part(text: str) -> str:
    """The name of a head line: before its badge ("Kamal   Author"), or before the count
    beside it ("Hania Kowalczyk 2,460 Reputation points • Microsoft External Staff")."""
    name = _HEAD_PARTS.split(text)[0].strip()
    counted = re.match(r"^(?P<name>[^\d\n]{2,40}?)\s+\d[\d,.\u00a0]*[kKmM]?\s+[^\W\d_][^\n]{0,60}$", name)
    return counted.group("name").strip() if counted and len(counted.group("name").split()) <= 4 else name


def _digit_shape(text: str) -> str:
    """A line with its numbers made one (``👍 12   Reply`` and ``👍 3   Reply`` alike)."""
    return re.sub(r"\s+", " ", re.sub(r"\d+(?:[.,\u00a0 ]\d{3}(?!\d))*(?:[.,]\d+)*", "0", text))


_STAMP = (
    r"[\[(]?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}),?[ T]\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?[\])]?"
)
_BY_HEAD = re.compile(r"\bby\s+(?P<name>@?[\w.\-]{2,40})(?:\s*\([^)\s]{1,3}\))?\s*[:,]?\s+(?:on\s+|at\s+)?(?P<date>[^\n]{3,40}?)\s*$", re.IGNORECASE)
"""A head that signs a post: "… by name(m): 3:17pm On Mar 05"."""
_STAMPED_NAME = re.compile(rf"^(?:{_STAMP}\s+(?P<after>[^:：]{{1,40}})|(?P<before>[^:：]{{1,40}}?)\s+{_STAMP})$")
"""A chat export's head: the date and time, then the sender, or the other way round."""


class _Shapes:
    """What repeats in a text: lines that recur with only their numbers changed (buttons,
    ranks, vote counters), and the words that recur in short lines with a number (the
    unit and the "ago" of a date in whatever language: "۲ هفته پیش", "2 dias atrás")."""

    def __init__(self, texts: list[str]) -> None:
        self._dates: dict[str, bool] = {}
        shapes = collections.Counter(_digit_shape(t) for t in texts if len(t) <= 60)
        self.chrome = {s for s, n in shapes.items() if n >= 3 and len(s.split()) <= 8}
        # The words of a date are those of the short numbered lines right under a name
        # ("3 weeks ago"), not of the counters under a button ("Reply" / "2 replies").
        numeric = [
            t for above, t in zip(texts, texts[1:])
            if len(t) <= 32 and len(t.split()) <= 5 and re.search(r"\d", t) and not self.is_chrome(above) and self.name_like(above)
        ]
        words = collections.Counter(w for t in numeric for w in set(_WORDS.findall(t.lower())))
        self.age_words = {w for w, n in words.items() if n >= 3}
        # A name that recurs (the author answering) is no button: it stands over a date.
        def over_date(at: int) -> bool:  # a date under it, or under the badges under it
            for below in texts[at + 1 : at + 4]:
                if self.is_date(below):
                    return True
                if not self.is_chrome(below):
                    return False
            return False

        def tops_a_head(at: int) -> bool:  # over a date, and not under a name that is
            above = texts[at - 1] if at else ""
            return over_date(at) and not (self.name_like(above) and not self.is_chrome(above) and over_date(at - 1))

        exact = collections.Counter(texts)
        over_dates = collections.Counter(text for at, text in enumerate(texts) if exact[text] >= 3 and tops_a_head(at))
        self.chrome -= {_digit_shape(text) for text, n in over_dates.items() if n * 2 >= exact[text]}

    @staticmethod
    def name_like(text: str) -> bool:
        name = _name_part(text)
        return (
            0 < len(name) <= 40 and len(name.split()) <= 4 and _SENTENCE_END.search(name) is None
            and re.search(r"[^\W\d_]", name) is not None and not name.startswith(("#", ">", "-", "*", "•", "|", "[", "(", "http"))
            and "://" not in name and not re.search(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{13,}", name)
            and not re.search(r"[\"“”「」]", name)
        )  # (a name in a script without spaces is a few characters, not a sentence; quotes name others: an event)

    def is_chrome(self, text: str) -> bool:
        # (a count alone, "20" under a name, is a badge's number whether it repeats or not)
        return len(text) <= 60 and (_digit_shape(text) in self.chrome or bool(re.fullmatch(r"[+\-]?\d[\d,.\u00a0]{0,8}[kKmM]?", text)))

    def is_date(self, text: str) -> bool:
        """A date, or a line of fields with one ("Joined Mar 3, 2016   Posts 2,418",
        "« Reply #1 on: 21 October 2024, 20:03:10 »"). Each line is asked several times."""
        known = self._dates.get(text)
        if known is None:
            known = self._dates[text] = self._is_date(text)
        return known

    def _is_date(self, text: str) -> bool:
        if self._date(text):
            return True
        if len(text) > 80 or not re.search(r"\d", text):
            return False
        if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text) and re.search(r"\d{1,2}:\d\d", text) and len(text) <= 64:
            return True
        parts = [p.strip() for p in _HEAD_PARTS.split(text) if p.strip()]
        return len(parts) > 1 and any(self._date(p) for p in parts)

    def _date(self, text: str) -> bool:
        if _generic_date(text) or _is_card_date(text):
            return True
        if re.match(r"^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:\s|$)", text) and len(text) <= 24:
            return True  # "09-19 · 浙江": the month and the day (and where from)
        if len(text) > 32 or len(text.split()) > 5 or not re.search(r"\d", text):
            return False
        return any(w in self.age_words for w in _WORDS.findall(text.lower()))

    def is_name(self, text: str) -> bool:
        # "کارگاه دوچرخه رضا   سازنده": the name, then its badge
        return self.name_like(text) and not self.is_date(_name_part(text)) and not self.is_chrome(text)

    def inline_head(self, text: str) -> str | None:
        """The author of a head line that holds the date too (``marina_dev · 2 dias atrás``,
        ``2024-09-20 21:03:11 阿杰`` as chat exports write it)."""
        signed = _BY_HEAD.search(text) if " by " in text and len(text) <= 250 else None
        if signed and (self._date(when := signed.group("date").strip()) or re.search(r"\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?|(?<!\d)(?:19|20)\d\d(?!\d)", when, re.I)):
            return signed.group("name")  # "Re: Title by Oga_Landlord(m): 3:17pm On Mar 05" (Nairaland, old forums)
        stamped = _STAMPED_NAME.match(text)
        if stamped:
            name = (stamped.group("after") or stamped.group("before") or "").strip()
            return name if self.name_like(name) and not self.is_date(name) else None
        parts = [p for p in _HEAD_PARTS.split(text) if p.strip()]
        if len(text) > 80 or len(parts) < 2 or not self.is_name(parts[0]) or self.is_date(parts[0]):
            return None
        return parts[0].strip() if any(self.is_date(p.strip()) for p in parts[1:3]) else None


def _opens_topic(lines: list[str], heads: list[tuple[int, int, str]], shapes: _Shapes) -> bool:
    """Whether the first card is the topic's post, not a comment: the topic's title sits
    right on it, the page names its author as the one who started it, or every other
    card's date line carries a number (its reply's) that the first one's lacks."""
    start, head_end, author = heads[0]
    above = lines[start - 1].strip() if start else ""
    if above and len(above.split()) >= 4 and not shapes.is_chrome(above) and not shapes.is_date(above):
        return True  # "Ouvi o #112 do … Vale a pena em 2024?" / "filipe_souza · 2 dias atrás"
    preamble = [raw.strip() for raw in lines[max(0, start - 12) : start] if raw.strip()]
    if len(author) >= 4 and any(author in raw and raw != author and len(raw) <= 80 for raw in preamble):
        return True  # "Thread starter Mkulima_Halisi   Start date Aug 13, 2024"

    def numbers(head: tuple[int, int, str]) -> int | None:
        dated = next((raw.strip() for raw in lines[head[0] + 1 : head[1] + 1] if shapes.is_date(raw.strip())), None)
        return None if dated is None else len(re.findall(r"\d+", dated))

    firsts = [lines[head[0]].split()[0].lower() for head in heads]
    rest_first = collections.Counter(firsts[1:]).most_common(1)[0]
    if rest_first[1] * 5 >= 4 * (len(heads) - 1) and firsts[0] != rest_first[0] and re.fullmatch(r"(?:re|aw|sv|antw|odp|vs):?", rest_first[0]):
        return True  # every other head starts "Re:" and the first does not: the topic's post
    counts = [numbers(head) for head in heads]
    rest = collections.Counter(counts[1:])
    common, many = rest.most_common(1)[0]
    return counts[0] is not None and common is not None and many * 5 >= 4 * (len(heads) - 1) and counts[0] == common - 1


def _heads_over_text(entries: list[tuple[int, str]], shapes: _Shapes) -> list[tuple[int, int, str]]:
    """(first line, last head line, author) of each card whose head comes first: a
    name with the date on its line, or a name over a few short lines with a date."""
    heads: list[tuple[int, int, str]] = []
    position = 0
    while position < len(entries):
        index, text = entries[position]
        author = shapes.inline_head(text)
        if author is not None:
            heads.append((index, index, author))
            position += 1
            continue
        if shapes.is_name(text) and not shapes.is_chrome(text):
            run = []
            for later, (at, below) in enumerate(entries[position + 1 : position + 6], position + 1):
                if at - (run[-1][0] if run else index) > 2:
                    break
                if not (shapes.is_chrome(below) or shapes.is_date(below)) or shapes.inline_head(below) or _STAMPED_NAME.match(below):
                    break  # (a head line with its own date is the next card's, or a chat's event)
                run.append((at, below, later))
            dated = [k for k, (_, below, _) in enumerate(run) if shapes.is_date(below)]
            if dated and dated[0] <= 2:
                last = run[-1]
                heads.append((index, last[0], _name_part(text)))
                position = last[2] + 1
                continue
        position += 1
    return heads


def _dates_under_text(entries: list[tuple[int, str]], shapes: _Shapes) -> list[tuple[int, str, int]]:
    """(first line, author, date line) of each card whose date comes under its text:
    the name, the text, the date, the buttons (Zhihu's, Bilibili's comments). The
    buttons are the repeated lines that follow most dates (a name that recurs is none)."""
    dates = [
        position for position, (_, text) in enumerate(entries)
        if len(text) <= 40 and shapes.is_date(text) and not shapes.inline_head(text) and not shapes.is_name(text)
    ]
    if len(dates) < 3:
        return []
    follows = collections.Counter()
    for position in dates:
        seen = set()
        for _, text in entries[position + 1 : position + 5]:
            if not shapes.is_chrome(text) or shapes.is_date(text):
                break
            seen.add(_digit_shape(text))
        follows.update(seen)
    footer = {shape for shape, n in follows.items() if n * 2 >= len(dates)}
    cards: list[tuple[int, int, int]] = []  # (first entry, date entry, card length)
    boundary = 0
    for position in dates:
        if position < boundary:
            continue
        first = boundary
        while first < position and _digit_shape(entries[first][1]) in footer:
            first += 1
        cards.append((first, position, position - first))
        boundary = position + 1
        while boundary < len(entries) and _digit_shape(entries[boundary][1]) in footer:
            boundary += 1
    cards = [card for card in cards if card[2] >= 2]  # a date with no text above it ("18 comments" over the list) is none
    if len(cards) < 3:
        return []
    typical = sorted(size for _, _, size in cards[1:])[(len(cards) - 1) // 2]
    found: list[tuple[int, str, int]] = []
    for number, (first, position, size) in enumerate(cards):
        if number == 0 and size > typical + 1:
            first = position - typical  # the first card starts under the page's own lines
        card = entries[first:position]
        if 2 <= len(card) <= 12 and shapes.name_like(card[0][1]) and not shapes.is_date(card[0][1]):
            found.append((card[0][0], _name_part(card[0][1]), entries[position][0]))
    return found


def cards_by_shape(lines: list[str], first_line: int) -> Thread | None:
    """Comment cards in a layout no other reader knows, found by shape: a name line, then
    (on it or in the few short lines under it) a date, then the text; the lines that
    recur with only their numbers changed (buttons, ranks, votes) are the page's chrome.
    Replies by indentation."""
    entries = [(index, raw.strip()) for index, raw in enumerate(lines) if raw.strip()]
    if len(entries) < 3 * 3:
        return None
    shapes = _Shapes([text for _, text in entries])
    heads = _heads_over_text(entries, shapes)
    under = _dates_under_text(entries, shapes)
    dates_at: dict[int, int] = {}
    if len(under) > max(len(heads), 2):
        heads = [(start, start, author) for start, author, _ in under]  # the date comes after the text (Zhihu, Bilibili)
        dates_at = {start: date for start, _, date in under}
    if len(heads) < 3:
        return None
    comments: list[Comment] = []
    covered = 0
    indents = [_indent(lines[start]) for start, _, _ in heads]
    ranks = _ranks(indents)
    empty = 0
    for number, (start, head_end, author) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = [
            raw for at, raw in enumerate(lines[head_end + 1 : end], head_end + 1)
            if not (raw.strip() and shapes.is_chrome(raw.strip())) and at != dates_at.get(start)
        ]
        if _non_blank(body) > 40:
            return None  # a page's sections under dated headings, not comments
        text = clean(_dedent(body))
        if not text:
            empty += 1
        dated = lines[dates_at[start]].strip() if start in dates_at else next(
            (t for t in (raw.strip() for raw in lines[start : head_end + 1]) if shapes.is_date(t)), None
        )
        comments.append(Comment(first_line + start, text, clean(author), ranks[indents[number]], first_line + end, parse_date(dated) if dated else None))
        covered += _non_blank(lines, start, end)
    if any(len(_TIMED_LINES.findall(c.text)) >= 3 for c in comments):
        return None  # a page with its chapter list under its date, not comments
    signs = sum(
        1 for number, (start, head_end, _) in enumerate(heads)
        if any(
            raw.strip() and shapes.is_chrome(raw.strip()) and not shapes.is_date(raw.strip())
            for raw in lines[head_end + 1 : heads[number + 1][0] if number + 1 < len(heads) else len(lines)]
        )
    )
    stamped = sum(1 for start, _, _ in heads if _STAMPED_NAME.match(lines[start].strip()))
    clocked = sum(1 for c in comments if c.date and re.search(r"\d{1,2}:\d\d", "\n".join(lines[c.line - first_line : c.line - first_line + 6])))
    if signs * 2 < len(heads) and len(set(indents)) < 2 and max(stamped, clocked) * 5 < 4 * len(heads):
        return None  # no button or counter under the cards, no replies, no time of day: a list of dated items (episodes, posts)
    while comments and not comments[-1].text:
        comments.pop()  # the page's footer under a heading of its own ("TabNews" / "Sobre")
        empty -= 1
    if empty * 4 > len(heads) or len(comments) < 3:
        return None
    thread = Thread("comments read by their shape (name, date, text; repeated lines as buttons)", comments)
    start = heads[0][0]
    if _opens_topic(lines, heads, shapes):
        opening = comments.pop(0)
        thread.description = (opening.line, opening.text)
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    said = _stated_count(lines[: heads[1][0]])
    stated = [
        int(match.group(1)) for raw in lines[heads[0][0] : heads[1][0]]
        if (match := re.fullmatch(r"\s*(\d{1,5})\s+[^\W\d_]{3,20}\s*", raw))
    ]
    if thread.description is None and len(comments) > 3 and (said == len(comments) - 1 or len(comments) - 1 in stated):
        opening = comments.pop(0)  # "12 comentários" under the first card: it is the post
        thread.description = (opening.line, opening.text)
    thread.title = _heading(lines[:start])
    thread.url = _standalone_url(lines[:start])
    description = _preamble_text(lines[:start])
    if description and thread.description is None:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


# --- cards whose date and buttons come after the text (Facebook) ---------------------------

_PROFILE_BADGE = re.compile(
    r"^(?:admin|author|moderator|top contributor|rising contributor|group expert|new member|follower|top fan|"
    r"verified|conversation starter|valued commenter|group admin|creator|op|\(op\)|· follow|follow)$",
    re.IGNORECASE,
)
_REACTION_WORDS = {"like", "love", "care", "haha", "wow", "sad", "angry", ""}
_REPLY_WORDS = {
    "reply", "responder", "répondre", "antworten", "rispondi", "beantwoorden", "reageren", "返信", "답글",
    "رد", "הגב", "ответить", "відповісти", "odpowiedz", "odpovědět", "válasz", "απάντηση", "trả lời", "balas", "yanıtla",
    "svara", "vastaa", "svar", "răspunde", "回复", "回覆", "پاسخ", "जवाब दें", "जवाब", "jibu", "отговор", "ตอบกลับ",
}
_BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


_NAME_AGE = re.compile(
    r"^(?P<name>@?[\w.\-]{2,40}(?: [\w.\-]{1,30}){0,2}) [·•] [\u200e\u200f]?(?:\d+\s?(?:s|m|h|d|w|mo|y)|\d+ \w{2,8} ago|"
    + _FOREIGN_AGO + r")(?: \(edited\))?(?:\s*[·•]\s*[^·•\n]{1,30}){0,2}$"
)
"""A head line: the author, then how long ago (``@harlan.builds • 2d``, ``@ana • 5d (edited)``)."""


_COMMENTS_COUNT = re.compile(
    r"^\d{1,5}\s+(?:comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti|reacties|opmerkingen|komentarzy|komentarze|"
    r"komentářů|komentáře|hozzászólás|σχόλια|bình luận|komentar|تعليقات|تعليق|תגובות|yorum|коментар\w*|комментар\w*|коментара|"
    r"kommentarer|kommentit|kommenttia|評論|评论|댓글|ความคิดเห็น)$",
    re.IGNORECASE,
)
"""A page's count of its comments on a line of its own ("12 comentários")."""


def _footer_with_date(text: str) -> bool:
    """A card's buttons and its date on one line: ``126   Thích   Trả lời   Chia sẻ   5h trước``."""
    if len(text) > 100 or not _ACTION_SEPARATOR.search(text):
        return False
    parts = [part for part in _ACTION_SEPARATOR.split(text.strip()) if part]
    dates = [part for part in parts if _is_card_date(part) or re.fullmatch(_FOREIGN_AGO, part)]
    return len(parts) >= 3 and len(dates) == 1 and all(_ONE_ACTION.match(part) for part in parts if part not in dates)


def cards_with_buttons_below(lines: list[str], first_line: int) -> Thread | None:
    """Comments copied from a page that writes each one as its author (and badges such
    as ``Admin`` / ``Top contributor``), the text, the date (``6d``), then ``Like`` /
    ``Reply`` and a count (Facebook); a reply that opens with an earlier author's full
    name answers that comment."""
    def footer(raw: str) -> bool:
        text = raw.strip()
        return bool(text) and not _NAME_AGE.match(text) and (
            text.strip(_BIDI_MARKS).lower() in _REPLY_WORDS or text.lower() in _REACTION_WORDS or bool(_CARD_ACTION.match(text))
            or _is_card_date(text) or _footer_with_date(text)
        )

    ends: list[tuple[int, int, int]] = []
    """(first line of the footer, its last line, its date line) of each comment: the
    run of buttons, counts and the date around its Reply ("6d" / "Like" / "Reply"
    on Facebook, "Upvote (52)" / "Reply" / "Share" / "1d ago" on Product Hunt)."""
    for index, raw in enumerate(lines):
        text = raw.strip()
        if ends and index <= ends[-1][1]:
            continue
        anchored = text.strip(_BIDI_MARKS).lower() in _REPLY_WORDS or _footer_with_date(text) or (
            # "▲ 6 ▼   Responder": votes and the reply button on one line
            len(text) <= 60 and any(part.strip().lower() in _REPLY_WORDS for part in _ACTION_SEPARATOR.split(text)) and bool(_CARD_ACTION.match(text))
        ) or (
            # the date, then a button: "2024/03/05 08:12" / "リンク" (Hatena), "6d" / "Like"
            _is_card_date(text) and index + 1 < len(lines) and lines[index + 1].strip()
            and bool(_CARD_ACTION.match(lines[index + 1].strip())) and not _is_card_date(lines[index + 1].strip())
        )
        if not anchored:
            continue
        low = index
        while low - 1 >= 0 and footer(lines[low - 1]) and (not ends or low - 1 > ends[-1][1]):
            if ends and low - 1 <= ends[-1][1] + 2 and not _is_card_date(lines[low - 1].strip()) and _looks_like_name(lines[ends[-1][1] + 1].strip()):
                break  # "j.rivera.eats" / "❤️❤️❤️" / "1w": the text of a card is one emoji, no button
            low -= 1
        last = index
        while last + 1 < len(lines) and footer(lines[last + 1]) and not _looks_like_name(lines[last + 1].strip()):
            last += 1
        date = next((k for k in range(low, last + 1) if _is_card_date(lines[k].strip()) or _footer_with_date(lines[k].strip())), None)
        if date is None:
            # the date on the head line, above the text: "@handle • 5d" (YouTube's app and mobile site)
            floor = ends[-1][1] if ends else -1
            date = next((k for k in range(low - 1, max(floor, low - 30), -1) if _NAME_AGE.match(lines[k].strip())), None)
        if date is None:
            continue
        ends.append((low, last, date))
    if len(ends) < MIN_COMMENTS:
        return None
    comments: list[Comment] = []
    covered = 0
    # The first comment starts at the nearest name (after a blank line, with a line under it) above its footer.
    begin = next(
        (k for k in range(ends[0][0] - 2, max(-1, ends[0][0] - 40), -1)
         if (k == 0 or not lines[k - 1].strip()) and lines[k + 1].strip() and _looks_like_name(lines[k].strip())),
        None,
    )
    if ends[0][2] < ends[0][0]:
        begin = ends[0][2]  # the head line with its date
    if begin is None:
        begin = next((k + 1 for k in range(ends[0][0] - 1, -1, -1) if not lines[k].strip()), 0)
    sizes = sorted(sum(1 for k in range(ends[n - 1][1] + 1, ends[n][0]) if lines[k].strip()) for n in range(1, len(ends)))
    typical = sizes[len(sizes) // 2] if sizes else 0
    for number, (low, last, date) in enumerate(ends):
        start = begin if number == 0 else ends[number - 1][1] + 1
        block = [k for k in range(start, low) if lines[k].strip()]
        if number == 0 and 2 <= typical <= 4 and len(block) > typical + 6 and date >= low and _looks_like_name(lines[block[-typical]].strip()):
            block = block[-typical:]  # the first card under the page's own lines (its menu, the post): as long as the others
        block = [k for k in block if not (_CARD_ACTION.match(lines[k].strip()) and lines[k].strip().lower().startswith("view"))]
        if len(block) >= 3 and block[1] != block[0] + 1 and _looks_like_name(lines[block[1]].strip()) and block[2] == block[1] + 1:
            block = block[1:]  # a section's label over the first card ("新着コメント", "Newest")
        headed = date < low and date in block
        if headed:
            block = block[block.index(date) :]  # "Pinned by @…", "Replies" above the head line: labels
        if len(block) < 2 or not (headed or _looks_like_name(lines[block[0]].strip())):
            continue
        name = _NAME_AGE.match(lines[block[0]].strip()).group("name") if headed else lines[block[0]].strip()  # type: ignore[union-attr]
        # The lines right under the name, before a blank line and the text, are the
        # person's badges and headline ("Maker", "Co-founder @ Tallyroom").
        profile = 0
        while profile + 1 < len(block) and block[profile + 1] == block[profile] + 1:
            profile += 1
        if profile + 1 < len(block) and profile <= 3:
            block = [block[0], *block[profile + 1 :]]
        body = [k for k in block[1:] if not _PROFILE_BADGE.match(lines[k].strip())]
        text = clean(_dedent([lines[k] for k in body]))
        covered += _non_blank(lines, start, last + 1)
        if text:
            comments.append(Comment(first_line + block[0], text, clean(name), 0, first_line + last + 1, parse_date(lines[date].strip())))
    comments = _without_featured(comments)  # "Popular comments" shown again among the newest
    if len(comments) < MIN_COMMENTS:
        return None
    between = lines[comments[0].end_line - first_line : comments[1].line - first_line] if len(comments) > 2 else []
    if any(_COMMENTS_COUNT.match(raw.strip()) for raw in between):
        # "12 comentários" under the first card: that card is the post, the comments follow
        post, comments = comments[0], comments[1:]
    else:
        post = None
    indents = [_indent(lines[c.line - first_line]) for c in comments]
    if len(set(indents)) > 1:
        # replies indented under what they answer (a page copied with its layout)
        by_indent = _ranks(indents)
        comments = [dataclasses.replace(c, depth=by_indent[i]) for c, i in zip(comments, indents)]
    authors: list[str] = []
    for number, comment in enumerate(comments):
        if comment.depth == 0 and any(comment.text.lstrip("@").startswith(a + " ") for a in authors if " " in a) or any(
            comment.text.startswith(a + " ") for a in authors if a.startswith("@")
        ):
            comments[number] = dataclasses.replace(comment, depth=1)
        authors.append(comment.author or "")
    thread = Thread("comments copied from a web page (buttons below each)", comments)
    if post is not None:
        thread.description = (post.line, post.text)
    first = (post or comments[0]).line - first_line
    thread.total = _non_blank(lines, first, ends[-1][1] + 1)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, first)
    thread.strong = True  # every comment ends in the page's own Like / Reply buttons
    thread.url = _standalone_url(lines[:first])
    description = _preamble_text([raw for raw in lines[:first] if not _PROFILE_BADGE.match(raw.strip())])
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


# --- mailing-list threads ------------------------------------------------------------------

_MAIL_FROM = re.compile(
    r"^From:[ \t]+(?P<name>[^<>@\n]+?|\S+@\S+)[ \t]*(?:<[^>\n]*>)?[ \t]*(?:@[ \t]+(?P<date>\d{4}-\d{2}-\d{2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?)[^\n]*)?$"
)
"""A message's sender: ``From: Ana Lima <ana@example.org>`` (an mbox or a Mailman
page, with ``Date:`` below), ``From: Ana Lima @ 2024-04-08  9:14 UTC (permalink / raw)``
(public-inbox)."""
_MAIL_HEADER = re.compile(r"^(?:To|Cc|Date|Sent|Subject|Message-ID|In-Reply-To|References|Reply-To):", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^(?:\[[^\]\n]{1,30}\]\s*)?(?:re|aw|sv|vs|odp|ynt|antw|rif|r)\s*:", re.IGNORECASE)
"""A subject that answers another ("RE: …", "AW: …", "[EXTERNAL] RE: …")."""
_MAIL_TREE_SELF = re.compile(r"^@ \d{4}-\d{2}-\d{2}[ \t]+\d{1,2}:\d{2}( +)` ")
_MAIL_END = re.compile(
    r"^(?:\^ permalink raw reply|\* Re: |\* \[|-{5,} ?next part ?-{5,}|previous message|next message|messages sorted by|"
    r"more information about the .* mailing list)",
    re.IGNORECASE,
)


def mail_thread(lines: list[str], first_line: int) -> Thread | None:
    """A mailing-list thread saved as text (public-inbox / lore, Mailman, an mbox):
    each ``From:`` header block opens a message; the first, when it starts the
    thread, is the post. Depth from public-inbox's thread tree, else from the
    ``On …, Ana wrote:`` line a reply opens with."""
    heads: list[tuple[int, re.Match[str]]] = []
    for index, raw in enumerate(lines):
        if not raw.startswith("From:"):
            continue
        match = _MAIL_FROM.match(raw.rstrip())
        if match and (match.group("date") or any(_MAIL_HEADER.match(lines[k]) for k in range(index + 1, min(index + 5, len(lines))))):
            heads.append((index, match))
    if len(heads) < MIN_COMMENTS + 1:
        return None
    messages: list[Comment] = []
    covered = 0
    for number, (index, match) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        start = index + 1
        date = match.group("date")
        # The header block: "To:", "Date:", … (public-inbox indents them), folded lines.
        while start < end and lines[start].strip() and (_MAIL_HEADER.match(lines[start].lstrip()) or lines[start][:1] in " \t"):
            if lines[start].lstrip().lower().startswith(("date:", "sent:")) and not date:
                date = lines[start].lstrip()[5:].strip()
            start += 1
        stop = next((k for k in range(start, end) if _MAIL_END.match(lines[k].strip())), end)
        tree = next((m for k in range(index - 1, max(-1, index - 12), -1) if (m := _MAIL_TREE_SELF.match(lines[k]))), None)
        depth = 1 + (len(tree.group(1)) - 1) // 2 if tree else 0
        covered += _non_blank(lines, index, end)
        text = clean(_dedent(lines[start:stop]))
        if text:
            messages.append(Comment(first_line + index, text, clean(match.group("name").strip('" ')), depth, first_line + stop, parse_date(date)))
    if len(messages) < MIN_COMMENTS + 1:
        return None
    if not any(m.depth for m in messages):
        messages = _quoted_replies(messages)
    subject = next((raw for raw in lines[: heads[0][0]] if raw.startswith("* ")), None) or next(
        (raw[8:] for raw in lines[heads[0][0] : heads[0][0] + 6] if raw.lower().startswith("subject:")), None
    )
    root = messages[0]
    if subject and _REPLY_SUBJECT.match(subject.strip()):
        # The newest reply on top (a mail client's saved chain): every message is one of
        # the discussion, none is the post it started from.
        thread = Thread("mail thread", messages, strong=True)
        subject = _REPLY_SUBJECT.sub("", subject.strip(), count=1)
    else:
        thread = Thread("mailing-list thread", messages[1:], strong=True)
        thread.description = (root.line, root.text)
    thread.title = clean(subject.lstrip("* ").strip()) if subject else None
    thread.own_title = True
    thread.url = _standalone_url(root.text.split("\n"))
    thread.total = _non_blank(lines, heads[0][0])
    thread.covered = covered
    return thread


_MESSAGE_CHROME = re.compile(
    r"^(?:reactions:|(?:loved|liked|disliked|laughed at|laughed|emphasi[sz]ed|questioned) by .{1,60}|"
    r"this message responded to an earlier message\.|edited \d+ times?|.*\.(?:heic|jpe?g|png|gif|mov|mp4|m4a|caf|pdf))$",
    re.IGNORECASE,
)
"""What a message export writes besides the message: reactions, reply notes, attachment paths."""


_CLOCK_ALONE = re.compile(r"^\d{1,2}:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?$")
_INITIALS = re.compile(r"^[A-Z\u00c0-\u024f]{1,3}$")
_CHAT_SERVICE = re.compile(
    r"^(?:in reply to this message|photo|video|voice message|sticker|file|"
    r"not included, change data exporting settings to download\.|\d{2,5}x\d{2,5}, [\d.]+ [KMG]B|"
    r"[\d.]+ [KMG]B|.{2,60}? (?:pinned (?:this|a) message|invited .{2,60}|joined (?:the )?group(?: by link)?|"
    r"left the group|removed .{2,60}|changed (?:the )?group (?:name|photo).*|created group .*))$",
    re.IGNORECASE,
)
"""What a chat app writes besides the messages: reply notes, left-out media, service lines."""


def clock_messages(lines: list[str], first_line: int) -> Thread | None:
    """A chat copied from its app or its HTML export (Telegram Desktop's, say): per
    message the sender's initials (the userpic), the time alone on a line, the
    sender's name, the text; a message sent soon after by the same sender shows only
    its time and text; the day between messages on its own line."""
    marks = [i for i, raw in enumerate(lines) if len(raw) < 12 and _CLOCK_ALONE.match(raw.strip())]
    if len(marks) < MIN_COMMENTS + 1:
        return None
    text_lines = [i for i, raw in enumerate(lines) if raw.strip()]
    position = {i: k for k, i in enumerate(text_lines)}
    starts: list[tuple[int, int, str | None]] = []  # (head line, first text line, author or None: the last one's)
    for mark in marks:
        k = position[mark]
        before = lines[text_lines[k - 1]].strip() if k else ""
        after = text_lines[k + 1] if k + 1 < len(text_lines) else None
        if after is None:
            continue
        name = lines[after].strip()
        if _INITIALS.match(before) and _looks_like_name(name) and k + 2 < len(text_lines):
            starts.append((text_lines[k - 1], text_lines[k + 2], name))
        elif starts:
            starts.append((mark, after, None))
    named = [s for s in starts if s[2]]
    if len(named) < MIN_COMMENTS or len(named) * 3 < len(marks):
        return None
    days = _Days({i: raw.strip() for i, raw in enumerate(lines) if len(raw) < 40 and _is_card_date(raw.strip()) and not _CLOCK_ALONE.match(raw.strip())})
    comments: list[Comment] = []
    author = None
    for number, (head, first, name) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        author = name or author
        day = days.of(head)
        body = [raw for k, raw in enumerate(lines[first:end], first) if k not in days and not _CHAT_SERVICE.match(raw.strip())]
        text = clean(_dedent(body))
        if text:
            comments.append(Comment(first_line + head, text, clean(author or ""), 0, first_line + end, parse_date(day)))
    thread = Thread("chat copied from the app (initials, time, name, text)", comments)
    start = starts[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = thread.total
    thread.preamble = _non_blank(lines, 0, start)
    thread.strong = thread.preamble <= 6
    title = next((raw.strip() for raw in lines[:start] if raw.strip()), None)
    if title and not _is_card_date(title) and len(title) < 80:
        thread.title = clean(title)
    thread.url = _standalone_url(comments[0].text.split("\n")) if comments else None
    return thread


_BLOCK_CLOCK = re.compile(r"^(?:[^\W\d_]{3,12}\.?\s+)?\d{1,2}:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?$")
"""The time closing a message block, with an "edited" word before it or not (``змінено 11:05``)."""
_REACTIONS_LINE = re.compile(r"^(?:[^\w\s]{1,3}\s*\d[\d.,]*[KkMm]?\s*){1,6}$")
"""A message's reactions: ``👍 6``, ``🔥 9  ❤ 2``."""


_REACTED_BY = re.compile(r"^(?:[^\w\s]\ufe0f?){1,3}\s*[^\W\d_][\w .'’-]{1,40}$")
"""A reaction and who gave it, under a message: ``❤️Priya Natarajan``."""


def _closing_time(text: str) -> bool:
    """The time that closes a message block: ``10:11``, ``змінено 11:05``, or a date
    with its time (``7 Mar 2024, 08:15:44``, Messenger's export)."""
    if _BLOCK_CLOCK.match(text):
        return True
    return len(text) <= 32 and bool(re.search(r"\d{1,2}:\d\d", text)) and _generic_date(text) and parse_date(text) is not None


def clock_blocks(lines: list[str], first_line: int) -> Thread | None:
    """A chat copied from a web app that writes each message as a block: the sender's
    name, the message it answers (that sender's name and the start of their text),
    the text, its reactions (``👍 6``), its time last (Telegram Web's comment
    threads); the day between blocks on a line of its own."""
    blocks = _blocks(lines)
    for block in blocks:
        while len(block) > 3 and _REACTED_BY.match(lines[block[-1]].strip()):
            block.pop()  # "❤️Priya Natarajan" under the time: a reaction, not a line of the message
    messages = [b for b in blocks if len(b) >= 3 and _closing_time(lines[b[-1]].strip()) and len(lines[b[0]]) <= 60 and _looks_like_name(lines[b[0]].strip().rstrip("."))]
    if len(messages) < MIN_COMMENTS + 1:
        return None
    days = _Days({b[0]: lines[b[0]].strip() for b in blocks if len(b) == 1 and len(lines[b[0]]) < 30 and re.search(r"\d", lines[b[0]])})
    comments: list[Comment] = []
    authors: dict[str, str] = {}
    covered = 0
    for block in messages:
        name = clean(lines[block[0]].strip())
        body = [k for k in block[1:-1] if not _REACTIONS_LINE.match(lines[k].strip())]
        depth = 0
        if len(body) >= 3 and lines[body[0]].strip() in authors:
            quoted = lines[body[1]].strip().rstrip("…").rstrip(".")
            said = authors[lines[body[0]].strip()]
            if quoted and (said.startswith(quoted[:40]) or lines[body[1]].strip().endswith("…")):
                body, depth = body[2:], 1  # the answered message quoted: its sender and its first words
        text = clean("\n".join(lines[k].strip() for k in body))
        covered += len(block)
        if text:
            date = parse_date(lines[block[-1]].strip()) or parse_date(days.of(block[0]))
            comments.append(Comment(first_line + block[0], text, name, depth, first_line + block[-1] + 1, date))
            authors.setdefault(name, text)
    thread = Thread("chat copied from a web app (name, text, time last)", comments)
    start = messages[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered + sum(1 for k in days.at if k > start)
    thread.preamble = _non_blank(lines, 0, start)
    thread.url = _standalone_url(lines[:start])
    return thread


def dated_messages(lines: list[str], first_line: int) -> Thread | None:
    """Messages headed by their date and time, the sender's name on the next line
    and the text below (imessage-exporter's text export); a reply shown indented
    under its message, and again later at its own time, counts once."""
    starts: list[tuple[int, str]] = []
    for index, raw in enumerate(lines[:-2]):
        stripped = raw.strip()
        if not stripped or not stripped[0].isalnum() or not _is_card_date(stripped) or ":" not in stripped:
            continue
        name = lines[index + 1].strip()
        if name and lines[index + 2].strip() and _looks_like_name(name) and _indent(lines[index + 1]) == _indent(raw):
            starts.append((index, name))
    if len(starts) < MIN_COMMENTS:
        return None
    ranks = _ranks([_indent(lines[i]) for i, _ in starts])
    comments: list[Comment] = []
    seen: set[tuple[str, str]] = set()
    covered = 0
    for number, (index, name) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body = [raw for raw in lines[index + 2 : end] if not _MESSAGE_CHROME.match(raw.strip())]
        covered += _non_blank(lines, index, end)
        text = clean(_dedent(body))
        key = (name.lower(), " ".join(text.split()))
        if not text or key in seen:
            continue  # a reply already shown under the message it answers
        seen.add(key)
        comments.append(Comment(first_line + index, text, clean(name), ranks[_indent(lines[index])], first_line + end, parse_date(lines[index].strip())))
    thread = Thread("messages export (date, sender, text)", comments)
    start = starts[0][0]
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    thread.strong = thread.preamble <= 3
    thread.url = _standalone_url(comments[0].text.split("\n")) if comments else None
    return thread


def _quoted_replies(comments: list[Comment]) -> list[Comment]:
    """Where an export keeps no nesting but each reply says what it answers (the
    quoted start of the message, or its author's name), the reply goes one level
    under that message."""
    if any(c.depth for c in comments) or not any(
        "eply" in c.text[:40] or "eplied" in c.text[:40] or "éponse" in c.text[:40] or c.text.startswith("On ") for c in comments
    ):
        return comments
    result: list[Comment] = []
    for comment in comments:
        first = comment.text.split("\n", 1)[0].strip()
        match = _QUOTED_REPLY.match(first)
        parent = None
        wrote = _WROTE.match(first)
        if wrote:
            name = wrote.group("name").strip().lower()
            parent = next((c for c in reversed(result) if (c.author or "").lower() == name), None)
        elif match:
            quote = re.sub(r"[*_]", "", match.group("quote") or match.group("after") or match.group("bare") or "").strip()
            name = (match.group("name") or "").strip().lower().lstrip("@")  # "Replying to @ravenblue:" (Kick)
            earlier = [c for c in result if not name or (c.author or "").lower().lstrip("@") == name]
            parent = next((c for c in reversed(earlier) if quote and _said(c.text).startswith(quote[:40])), None)
            if parent is None and name:
                parent = earlier[-1] if earlier else None
        if parent is not None:
            comment = dataclasses.replace(comment, depth=parent.depth + 1)
        result.append(comment)
    return result


def _said(text: str) -> str:
    """A comment's own words, without the line saying what it replies to."""
    first, _, rest = text.partition("\n")
    return rest.strip() if rest and _QUOTED_REPLY.match(first.strip()) else text


def _without_events(body: list[str]) -> list[str]:
    """A comment's lines without the timeline events copied after it ("tobias /
    changed discussion status to closed / Feb 12")."""
    events = {k for k, raw in enumerate(body) if _ACTOR_EVENT.match(raw.strip()) or _DOTTED_EVENT.match(raw.strip())}  # "okonkwo approved these changes 3 days ago"
    events |= {k - 1 for k in events if k and re.fullmatch(r"[A-Z]{1,3}", body[k - 1].strip())}  # the actor's avatar initials over it ("DP")
    body = [raw for k, raw in enumerate(body) if k not in events]
    if not any(_EVENT_LINE.match(raw.strip()) for raw in body):
        return body
    drop: set[int] = set()
    texts = [k for k, raw in enumerate(body) if raw.strip()]
    for position, k in enumerate(texts):
        if not _EVENT_LINE.match(body[k].strip()):
            continue
        after = texts[position + 1] if position + 1 < len(texts) else None
        before = texts[position - 1] if position else None
        if after is not None and _is_card_date(body[after].strip()):
            drop.update({k, after})
            if before is not None and _looks_like_name(body[before].strip()):
                drop.add(before)
    return [raw for k, raw in enumerate(body) if k not in drop]


def _mention_replies(comments: list[Comment]) -> list[Comment]:
    """Where a page copy loses the nesting (YouTube, Substack), a comment that opens
    with ``@name`` of an earlier comment's author replies to it."""
    if not any(c.depth for c in comments):
        last_by: dict[str, Comment] = {}
        result = []
        for comment in comments:
            mention = re.match(r"^@([\w.\-]{2,40})\b", comment.text)
            parent = last_by.get("@" + mention.group(1).lower()) or last_by.get(mention.group(1).lower()) if mention else None
            if parent is not None:
                comment = Comment(comment.line, comment.text, comment.author, parent.depth + 1, comment.end_line, comment.date)
            result.append(comment)
            if comment.author:
                last_by[comment.author.lower()] = comment
                for token in re.findall(r"@?([\w.\-]{2,40})@[\w\-]+(?:\.[\w\-]+)+|@([\w.\-]{2,40})", comment.author):
                    last_by[(token[0] or token[1]).lower()] = comment  # "Hanne Vold hannev@fedi.example.net" is @hannev
        return result
    return comments


def _thoughts_on(lines: list[str]) -> str | None:
    """The page a comment section names in its header: WordPress's ``6 thoughts on
    “Title”``, ``12 responses to "Title"``."""
    for raw in lines:
        match = re.match(r"^\s*\d+\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+[“\"'‘](?P<title>.+?)[”\"'’]\s*$", raw)
        if match:
            return clean(match.group("title"))
    return None


_DOTTED_EVENT = re.compile(
    r"^[^\W\d_][^·•\n]{0,40}? (?:created|added|attached|changed|completed|moved|assigned|unassigned|removed|marked|set|renamed|"
    r"uploaded|liked|joined|left|closed|reopened|merged|edited|deleted|duplicated|pinned|mentioned)\b[^·•\n]{0,100}\s[·•]\s*[^·•\n]{2,30}$"
)
"""A timeline event and its date on one line: "Devon Pak attached intake_fieldmap_v3.csv · Apr 18" (Asana)."""


def _is_card_date(text: str) -> bool:
    if len(text) > 48 or (" · " in text and _DOTTED_EVENT.match(text)):
        return False
    return _CARD_DATE.match(text) is not None  # also "*2024-03-20 19:04:11* | Message #4101"


_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,2}|[*_]{1,2}(?![\w*_])")
_HEADING_NAME = re.compile(r"^#{1,6}\s+")


_NAME_HANDLE = re.compile(
    r"(?<=\S)\s+(?:[·•]\s*)?\(?(?:@(?P<at>[\w.\-]{2,40})(?:@[\w\-]+(?:\.[\w\-]+)+)?|(?P<user>[\w.\-]{2,40})@[\w\-]+(?:\.[\w\-]+)+)\)?$"
)


def name_without_handle(text: str) -> str:
    """A name without the handle shown after it: "Hanne Vold hannev@fedi.example.net"
    (PeerTube, Mastodon), "Ada Lin @adalin", "Ada Lin (@adalin)", "Ada Lin · @adalin";
    only a handle made of the name ("hannev" of "Hanne Vold") is one."""
    handle = _NAME_HANDLE.search(text) if "@" in text else None
    if handle is None:
        return text
    local = (handle.group("at") or handle.group("user")).lower()
    if any(len(w) >= 3 and w[:3].lower() in local for w in re.findall(r"[^\W\d_]+", text[: handle.start()])):
        return text[: handle.start()]
    return text


_ICON_NAME = re.compile(
    r"^(?:more_vert|more_horiz|arrow_(?:forward|back|drop_down|drop_up|upward|downward)|expand_(?:more|less)|(?:info|help)_outline|"
    r"thumb_(?:up|down)(?:_off_alt)?|star_(?:rate|half|border)|chevron_(?:right|left)|bookmark_add|open_in_new|content_copy|play_arrow|"
    r"check_circle|account_circle|keyboard_arrow_(?:down|up|right|left)|phone_android|tablet_android|flag_outlined)$",
    re.IGNORECASE,
)
"""An icon's name, copied as text from a page that draws its icons with a font (Google's)."""
_NO_NAME = re.compile(
    r"\s\(\d{1,5}\)$"  # a button with its count: "Ukryj odpowiedzi (2)"
    r"|" + _ICON_NAME.pattern +
    r"|^(?:(?:last )?updated|released|published|posted|created|modified|launched|joined|member since|due(?: date)?|start date|end date|"
    r"deadline|expires|last (?:seen|active|reply|post)|(?:date )?opened|(?:date )?closed|resolved|reported)(?: on| at)?$",  # a field's label over its date
    re.IGNORECASE,
)


_ANSWER_FROM = re.compile(r"^(?:comment|response|reply|answer) from (?P<name>[^,]{2,40}?)(?:,.{0,60}| of .{1,60}| at .{1,60})?$", re.IGNORECASE)


def _looks_like_name(text: str) -> bool:
    text = _HEADING_NAME.sub("", text)  # "### Lena Hoffmann" (a chat export in Markdown)
    if re.fullmatch(r"@[\w.\-]{2,40}(?:@[\w.\-]{2,60})?", text):  # a handle (YouTube, Threads, Mastodon's @name@server)
        return True
    if re.fullmatch(r"[\w.\-]{2,40}@[\w\-]+(?:\.[\w\-]+)+", text) and not re.search(r"\.(?:html?|md|txt|pdf)$", text):
        return True  # a fediverse account without its "@" (Lemmy's, Mbin's "rita@fedia.io")
    answer = _ANSWER_FROM.match(text)
    if answer:
        text = answer.group("name")  # "Comment from Priya S. of Marrow & Rye" (Yelp), "Response from Priya S, Owner at …" (Tripadvisor)
    text = name_without_handle(text)
    if not text or len(text) > 50 or _CARD_ACTION.match(text) or _is_card_date(text) or _NO_NAME.search(text):
        return False
    text = re.sub(r"^([^\W\d_]{1,4})\.\s+(?=[^\W\d_])", r"\1 ", text)  # a title first: "inż. Wojciech P.", "Dr. Ana Ruiz"
    if re.fullmatch(r"[A-Za-z0-9_][\w.\-]{0,38}[A-Za-z0-9_]", text) and "." in text and not re.search(
        r"\.(?:com|org|net|io|dev|app|co|uk|de|fr|nl|html?|md|txt|py|js|json|pdf)$", text, re.IGNORECASE
    ):
        return True  # a handle with dots as its display name ("kofi.builds")
    text = re.sub(r"\b([A-Z])\.", r"\1", text)  # initials: "J. Okonkwo"
    if text.startswith(("#", ">", "|", "```", "[", "!")) or text.endswith((".", "?", "!", ":")):
        return False
    return len(text.split()) <= 5 and _NAME.match(text) is not None


# --- one comment a line ------------------------------------------------------------------

_HANDLE_LEAD = re.compile(r"^(?P<user>@[\w.\-]{2,40}|[A-Za-z][\w.\-]{1,30})\s*:\s+(?P<text>\S.*)$")


def line_dump(lines: list[str], first_line: int, hinted: bool = False) -> Thread | None:
    """One comment a non-blank line (``@handle: text`` names its author); a dump
    pasted twice keeps one copy; a URL on the first line is the page's URL. Without
    ``hinted`` (a file name that says comments) the lines must read as a dump: one-
    line paragraphs of prose, pasted twice or mostly long."""
    items = line_dumps.paragraphs(lines, first_line)
    url = None
    if items and _url_line(items[0].text):
        # The page's URL on top (again at the top of a second paste): not a comment.
        url = _url_line(items[0].text)
        lines = ["" if raw.strip() == items[0].text else raw for raw in lines]
    if not (line_dumps.looks_like_dump(lines) or (hinted and len(line_dumps.paragraphs(lines, 1)) >= MIN_COMMENTS)):
        return None
    dump = line_dumps.parse_dump(lines, first_line)
    if numbered_posts([p.text for p in dump.comments]):
        return None
    if any(_READING_TIME_LINE.match(raw.strip()) for raw in [raw for raw in lines if raw.strip()][:6]):
        return None  # "12–15 minutes" under the title: an article from a reader view, its paragraphs one line each
    if not hinted and _site_navigation(lines):
        return None  # a page copied whole from the browser, menu first: its paragraphs are one line each
    if dump.description is None and len(dump.comments) >= 4 and _reads_as_description(dump.comments):
        dump.description = dump.comments.pop(0)
    handles = [_HANDLE_LEAD.match(p.text) for p in dump.comments]
    use_handles = sum(1 for m in handles if m) * 2 > len(handles)
    comments = []
    for paragraph, match in zip(dump.comments, handles):
        if use_handles and match:
            comments.append(Comment(paragraph.line, clean(match.group("text")), clean(match.group("user")), 0, paragraph.line + 1))
        else:
            comments.append(Comment(paragraph.line, clean(paragraph.text), None, 0, paragraph.line + 1))
    thread = Thread("one comment a line", comments, url=url, folded=dump.folded)
    if dump.description is not None:
        thread.description = (dump.description.line, clean(dump.description.text))
    thread.total = len(comments) + (1 if dump.description else 0)
    thread.covered = thread.total
    thread.strong = True  # it passed the dump test above
    return thread




def _site_navigation(lines: list[str]) -> bool:
    """Whether a text opens with a site's menu: a run of short lines (three words or
    fewer) of which two or more are the words menus use ("Search", "Sign in")."""
    opening = [raw.strip() for raw in lines[:60] if raw.strip()]
    run = list(itertools.takewhile(lambda line: len(line.split()) <= 3 or nav_word(line) or menu_line(line), opening))
    return len(run) >= NAV_RUN and sum(1 for line in run if nav_word(line)) >= 2


_READING_TIME_LINE = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?\s*min(?:ute)?s?(?:\s+read)?$", re.IGNORECASE)
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|our|us|you|your|you're)\b|[?!]", re.IGNORECASE)


def _reads_as_description(comments: list[line_dumps.Paragraph]) -> bool:
    """Whether the first line of a dump describes the page rather than answering it:
    it speaks in no person (no I, we, you, no question) while most lines after do."""
    first, rest = comments[0].text, comments[1:]
    if _PERSONAL.search(first):
        return False
    personal = sum(1 for p in rest if _PERSONAL.search(p.text))
    return personal * 10 >= len(rest) * 7


# --- any export whose comments start with a head line of one shape ----------------------

_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?"
_ANY_DATE = re.compile(
    r"(?<![\w:])" + _WEEKDAY + r"(?:"
    # year first: "2023. 11. 19. 21:15" (Hungarian, Korean), "2024/03/05 08:12", "2024年3月5日"
    r"\d{4}\.\s\d{1,2}\.\s\d{1,2}\.?(?:\s+" + _CLOCK + r")?|(?<!/)\d{4}/\d{1,2}/\d{1,2}(?!/)(?:\s+" + _CLOCK + r")?"
    r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s*" + _CLOCK + r")?|" + _FOREIGN_AGO + r"|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]" + _CLOCK + r")?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:,?\s+(?:at\s+)?" + _CLOCK + r")?"
    r"|\d{1,2}/" + _MONTH + r"/\d{2,4}(?:\s+" + _CLOCK + r")?"
    r"|" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?:,?\s+(?:at\s+)?" + _CLOCK + r")?"
    r"|\d{1,2}\s+" + _MONTH + r"\.?(?:\s+\d{4})?(?:,?\s+(?:at\s+)?" + _CLOCK + r")?"
    r"|(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
    r"|(?:hace|há|il y a|vor)\s+(?:\d+|un|una|um|uma|une|einem|einer)\s*[^\W\d_]+|\d+\s*[^\W\d_]{1,12}\.?\s+(?:fa|geleden)"
    r"|\d+\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前"
    r"|(?:yesterday|today)(?:\s+at\s+" + _CLOCK + r")?|just now"
    r"|" + _CLOCK + r")(?:\s*(?:UTC|GMT|Z\b))?(?![\w:])",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:mentioned|referenced|closed|reopened|labeled|unlabeled|assigned|unassigned|added|removed|pushed|merged|"
    r"linked|changed|pinned|unpinned|locked|unlocked|renamed|joined|left|deleted|marked|requested|approved|boosted|favou?rited)\b",
    re.IGNORECASE,
)
_COMMENT_EVENT = re.compile(r"\badded an? (?:comment|reply|note)\b", re.IGNORECASE)
_HEADING_HEAD = re.compile(r"^#{1,6}\s+(?:(?:post|comment|reply|answer|message)\s*#?\d+\s*[·•|-]\s*|#\d+\s*[·•|-]\s*)?[@\w][\w.\- ]{0,40}\s*[·•|]\s*\S", re.IGNORECASE)
_CALENDAR = re.compile(
    r"\d{4}|[/.-]\d|[A-Za-z]{3}|\bago\b|yesterday|today|just now|\bfa\b|geleden|\bhace\b|\bhá\b|前|"
    r"منذ|לפני|назад|тому|temu|před|ezelőtt|πριν|trước|lalu|önce|sedan|sitten|siden|acum|전|ที่แล้ว",
    re.IGNORECASE,
)
_PREFIX = re.compile(r"^[ \t]*(?:(?:[|│┃>]|[├└]─*)[ \t]*)*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)?")
_LEAD_VERBS = re.compile(r"\s+(?:commented|replied|wrote|said|says|posted|opened|answered|responded|added)\b.*$|\s*(?:on|at|·|•|-|–|\||@)\s*$", re.IGNORECASE)
_ANSWERS = re.compile(
    r"\s+(?:válasz|reply to|in reply to|replying to|odpowiedź na|ответ на|відповідь на|yanıt|svar till|vastaus|antwort auf|"
    r"réponse à|risposta a|respuesta a|antwoord op|odpověď na)\s+.{1,60}$",
    re.IGNORECASE,
)
_FLOOR = re.compile(r"^\s*(?:#\d{1,5}\s*[楼樓층]?|\d{1,5}\s*[楼樓층]|No\.\s?\d{1,5})\s*(?:\[[^\]\n]{1,10}\]\s*)?$", re.IGNORECASE)
"""A post's number before its date, as Chinese forums and blogs write it (``#1楼``, ``#3楼 [楼主]``)."""
_TAIL_NAME = re.compile(r"^\s*(?:[-–|·•]\s*)?(?P<name>[^:\s][^:]{0,59}?):\s(?P<text>.*)$")
_SHAPE_WORD = re.compile(r"[^\W\d_][\w.'’-]*|\d+")


def _shape(text: str) -> str:
    """A line's skeleton: words become ``w`` (runs of them one ``w``), handles ``@h``,
    the rest stays."""
    shaped = re.sub(r"@[\w.\-]+(?:@[\w.\-]+)?", "@h", text)
    shaped = re.sub(r"\b([A-Z])\.(?=\s)", r"\1", shaped)  # initials: "Nils B."
    shaped = _SHAPE_WORD.sub("w", shaped).replace("@w", "@h")
    shaped = re.sub(r"w(?:\s+w)+", "w", shaped)
    return re.sub(r"\s+", " ", shaped).strip()


@dataclass
class _Head:
    index: int
    prefix: str
    author: str | None
    date: str
    inline: str
    shape: str
    top: int = -1
    """The head's first line where the name sits over the date line (else -1)."""


def _head(lines: list[str], index: int) -> _Head | None:
    raw = lines[index]
    stripped = raw.strip()
    if len(raw) > 600 or not stripped or stripped.startswith("```") or (stripped.startswith("|") and stripped.endswith("|")):
        return None  # code, table rows
    if re.match(r"#{1,6}(?:\s|$)", stripped) and not _HEADING_HEAD.match(stripped):
        return None  # a heading is a head only when it names a post and its author
    match = _ANY_DATE.search(raw)
    if match is None or _CARD_ACTION.match(stripped):
        return None  # no date, or a button's words ("Last reply 2 hours ago")
    if not _CALENDAR.search(match.group()) and not (
        # "Marta Quinn  10:02 AM": a name, then the time, ends the line (Slack's desktop copy)
        not raw[match.end() :].strip() and _looks_like_name(raw[: match.start()].strip())
        and (re.search(r"[ap]\.?m\.?$", match.group(), re.IGNORECASE) or raw[: match.start()].endswith("  "))
    ):
        return None  # a clock time alone heads meeting notes and logs, not comments
    prefix = _PREFIX.match(raw).group()  # type: ignore[union-attr]
    lead = raw[len(prefix) : match.start()]
    top = -1
    if re.fullmatch(r"\s*[—–-]\s*", lead) and index:
        # "ferrouswolf" / "OP" / " — 05/13/2024 12:31 PM" (Discord's copy, a badge after the name): the name above
        above = [k for k in range(index - 1, max(-1, index - 3), -1) if lines[k].strip()]
        if above and _BADGE_LINE.match(lines[above[0]].strip()) and len(above) > 1:
            above = above[1:]
        if above and _looks_like_name(lines[above[0]].strip()):
            prefix = _PREFIX.match(lines[above[0]]).group()  # type: ignore[union-attr]
            lead = lines[above[0]].strip() + " " + lead.strip() + " "
            top = above[0]
    if len(lead) > 70 or len(lead.split()) > 7 or (lead.strip() and _CARD_ACTION.match(lead.strip())):
        return None  # too long for a name, or the buttons in front of the age ("126   Like   Reply   5h ago")
    if lead.rstrip().endswith(("?", "!", ",")) or (lead.rstrip().endswith(".") and not re.search(r"\b[A-Z]\.$", lead.rstrip())):
        return None  # the end of a sentence, not a name ("Mateo R." is one)
    if _EVENT.search(lead) and not _COMMENT_EVENT.search(lead):
        return None  # "mentioned this on Nov 7", "added the bug label": events, not comments (Jira's "added a comment" is one)
    if re.fullmatch(r"\s*[\w ]{1,30}:\s*", lead):
        return None  # a field ("Created at: 2025-11-14"), not a name
    tail = re.sub(r"^\s*(?:[-–·•]\s*)?\(?edited\)?(?=\s|$)", "", raw[match.end() :])  # "… 2:30 PM - edited"
    inline = ""
    author = None
    named = _TAIL_NAME.match(tail)
    if named and len(named.group("name").split()) <= 6 and not lead.strip():
        author, inline, tail_shape = named.group("name"), named.group("text"), " w:"
    elif len(tail.strip()) <= 40 and not re.search(r"[.!?]\s*$", tail.strip()) or not tail.strip():
        tail_shape = _shape(tail)
    else:
        inline, tail_shape = re.sub(r"^(?:edited|\(edited\)|·)\s+", "", tail.strip()), " …"
    lead = re.sub(r"^#{1,6}\s+(?:(?:post|comment|reply|answer|message)\s*#?\d+|#\d+)?\s*[·•|-]?\s*", "", lead, flags=re.IGNORECASE)
    numbered = re.match(r"^\s*#\d{1,5}\s+(?=\S)", lead)
    if numbered:
        # "#2  fakopancs76  válasz hegymaszo #1 üzenetére": the post's number, its author, whom it answers
        lead = re.sub(_ANSWERS, "", lead[numbered.end() :])
    name = _LEAD_VERBS.sub("", re.sub(r"\[[A-Z0-9]{6,}\]|\(\s*@?[\w.\-]+\s*\)", "", lead)).strip(" *_[]()@:-–—·•|")
    name = re.sub(r"^by\s+(?=\S)", "", name)  # Slashdot's "by PopeRatzo ( 965947 ) on Monday …"
    initial = re.match(r"^([A-Z])\s+(\w)", name)
    if initial and initial.group(1).lower() == initial.group(2).lower():
        name = name[2:]  # Disqus' avatar initial: "P Priya Sandhu", "J jules"
    floor = _FLOOR.match(lead)
    if floor and not inline and 0 < len(tail.strip()) <= 30 and not re.search(r"[.!?。！？,，]", tail):
        author = tail.strip()  # "#3楼 [楼主] 2024-03-05 16:12 林间小路": the post's number, the date, its author
        tail_shape = " name"
    elif author is None and name:
        author = name
    if author is not None and re.match(r"^(?:reviewed|posted|written|published|commented|answered|asked|replied|submitted)\b.{0,40}\b(?:on|at|in)$", lead.strip(), re.IGNORECASE):
        # "Marcus T." / "5.0 out of 5 stars …" / "Reviewed in the United States on March 9, 2024" (Amazon): the name is above the label
        above = [k for k in range(index - 1, max(-1, index - 4), -1) if lines[k].strip() and not re.search(r"\bout of \d\b|★|☆|\bstars?\b", lines[k], re.I)]
        author = clean(lines[above[0]].strip()) if above and _looks_like_name(lines[above[0]].strip()) else author
    if author is None:
        return None
    shaped_lead = re.sub(r"\(\s*\d+\s*\)", "", lead)  # a user's number beside the name, there or not
    shaped_lead = re.sub(r"\s*,\s*(?=[^\W\d_])", " ", shaped_lead)  # "יעל, יפו" and "רוני": a name with its town or without
    shape = ("#N" if floor and tail_shape == " name" else _shape(shaped_lead)) + "|T|" + tail_shape  # the prefix (nesting) may differ
    return _Head(index, prefix, clean(author), match.group(), inline, shape, top)


_BRACKET_CLOCK = re.compile(r"^\s*\[\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\]\s*$")
_BARE_CLOCK = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s*$")
_NAME_CLOCK_HEAD = re.compile(r"^[^\n]{2,50}?(?: \d{1,2}:\d{2}\s?[AaPp]\.?[Mm]\.?|  \d{1,2}:\d{2})[ \t]*$", re.MULTILINE)
"""Slack's head line as the desktop app copies it: ``Marta Quinn  10:02 AM``."""


def head_lines(lines: list[str], first_line: int) -> Thread | None:
    """Comments whose every head line has the same shape: a name (or ``name [id] @``,
    ``name commented on``, ``@handle``) and a date or time, the text on the head line
    or below it (Slack, Element, Mastodon, GitHub, Disqus, forum and chat exports)."""
    heads = [h for i in range(len(lines)) if (h := _head(lines, i)) is not None]
    if len(heads) < 3:
        return None
    groups: dict[str, list[_Head]] = {}
    for head in heads:
        groups.setdefault(head.shape, []).append(head)
    chosen = max(groups.values(), key=len)
    if len(chosen) < 3:
        return None
    dated = any(_CALENDAR.search(h.date) for h in chosen)
    if not dated or any(_BRACKET_CLOCK.match(raw) for raw in lines):
        # Heads by the clock (Slack): a time alone on its line is the same author's next message;
        # with dated heads, one in brackets is (Discord's "[1:11 AM]").
        at = {h.index for h in chosen}
        extra = []
        for number, head in enumerate(chosen):
            end = chosen[number + 1].index if number + 1 < len(chosen) else len(lines)
            extra += [
                _Head(k, head.prefix, head.author, lines[k].strip().strip("[]"), "", head.shape)
                for k in range(head.index + 1, end) if k not in at and (_BRACKET_CLOCK if dated else _BARE_CLOCK).match(lines[k])
            ]
        chosen = sorted(chosen + extra, key=lambda h: h.index)
    levels = [len(h.prefix.expandtabs(4)) + 4 * sum(h.prefix.count(c) for c in "|│┃>") for h in chosen]
    ranks = _ranks(levels)
    thread = Thread("comment thread (heads of one shape)", [])
    pane: int | None = None
    """The line of Slack's "Thread" pane, copied after the channel: its first message repeats one above."""
    covered = 0
    for number, head in enumerate(chosen):
        following = chosen[number + 1] if number + 1 < len(chosen) else None
        end = (following.top if following.top > head.index else following.index) if following else len(lines)
        body = [head.inline] if head.inline else []
        for k in range(head.index + 1, end):
            raw = lines[k]
            if raw.strip() == "Thread" and pane is None:
                pane = k
                break
            if raw.startswith(head.prefix):
                text = raw[len(head.prefix) :]
            elif head.prefix.strip() and raw.startswith(head.prefix.rstrip()):
                text = raw[len(head.prefix.rstrip()) :]
            else:
                text = raw.lstrip(" |│┃>") if head.prefix.strip() else raw  # a body less indented than its head
            text = text[1:] if text.startswith(" ") and head.prefix.strip() else text
            if _CARD_ACTION.match(text.strip()) or re.fullmatch(r"\s*(?:[|│┃>]\s*)*", raw):
                continue
            body.append(text)
        while body and not body[-1].strip():
            body.pop()
        covered += _non_blank(lines, head.index, end)
        text = clean(_dedent(body))
        said = [raw.strip() for raw in lines[head.index + 1 : end] if raw.strip()]
        if not text and not head.inline and len(said) == 1 and not re.search(r"[^\W_]", said[0]) and len(said[0]) <= 8:
            text = said[0]  # a message that is one emoji ("👍") is a message, not a button
        if not text:
            continue
        thread.comments.append(
            Comment(first_line + head.index, text, head.author, ranks[levels[number]], first_line + end, parse_date(head.date))
        )
    if pane is not None:
        after = next((n for n, c in enumerate(thread.comments) if c.line > first_line + pane), None)
        if after is not None:
            first = thread.comments[after]
            original = next((c for c in thread.comments[:after] if c.author == first.author and c.text[:60] == first.text[:60]), None)
            if original is not None:
                thread.comments = [
                    *thread.comments[:after], *(dataclasses.replace(c, depth=original.depth + 1) for c in thread.comments[after + 1 :])
                ]
                thread.folded += 1
    thread.comments = _reply_ids(_mention_replies(_named_parents(thread.comments)))
    if sum(1 for c in thread.comments if len(c.text.split()) + len(_CJK_CHAR.findall(c.text)) // 2 >= 3) * 5 < len(thread.comments) * 3:
        return None  # heads over one-word lines: a log or a list, not a conversation
    start = chosen[0].index
    root = thread.comments[0] if thread.comments else None
    opened = re.search(r"\b(?:opened|asked|posted|started|submitted)\b|(?:\bpost\s*|#)1\b", lines[chosen[0].index], re.IGNORECASE)
    said = _stated_count(lines[: chosen[1].index] if len(chosen) > 1 else lines[:start])  # above the first comment, or in the post
    opened = opened or (said is not None and len(thread.comments) == said + 1)  # "9 posts" over nine: the first is the topic
    if said is not None and len(thread.comments) == said:
        opened = None  # "Comments (10)" over ten, "#1" the first of them
    if root is not None and len(thread.comments) > 2 and (
        opened or all(c.depth > root.depth for c in thread.comments[1:])
    ):
        # The post itself (an issue's description, a thread's first toot that every
        # other one answers) is not a comment.
        thread.comments = thread.comments[1:]
        thread.description = (root.line, root.text)
        thread.total = _non_blank(lines, start)
        thread.covered = covered
        thread.preamble = _non_blank(lines, 0, start)
        thread.title = _heading(lines[:start]) or clean(lines[next(i for i, raw in enumerate(lines) if raw.strip())])[:120]
        thread.url = _standalone_url(lines[:start]) or _standalone_url(root.text.split("\n"))
        return thread
    thread.total = _non_blank(lines, start)
    thread.covered = covered
    thread.preamble = _non_blank(lines, 0, start)
    # An issue tracker's own words ("Ana added a comment - 11/Mar/24"): the page above is the issue.
    thread.strong = sum(1 for h in chosen if _COMMENT_EVENT.search(lines[h.index])) * 2 > len(chosen)
    thread.title = _heading(lines[:start])
    thread.url = _standalone_url(lines[:start]) or (_standalone_url(thread.comments[0].text.split("\n")) if thread.comments else None)
    description = _preamble_text(lines[:start])
    if description:
        thread.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return thread


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
"""A character of Japanese, Chinese or Korean, written without spaces (two make a word)."""
_BADGES = re.compile(r"\s+(?:mod|moderator|author|op|contributor|member|owner|admin|staff|verified|collaborator|maintainer)$", re.IGNORECASE)


def _named_parents(comments: list[Comment]) -> list[Comment]:
    """Disqus and forum copies write a reply's head as "Author [Badge] Parent": the
    name of an earlier comment's author at the end is the comment replied to."""
    result: list[Comment] = []
    last_by: dict[str, Comment] = {}
    for comment in comments:
        author = comment.author or ""
        parent = None
        for name in sorted(last_by, key=len, reverse=True):
            if author.lower().endswith(" " + name) and len(author) > len(name) + 1:
                parent = last_by[name]
                author = author[: -len(name) - 1].rstrip()
                break
        while _BADGES.search(author):
            author = _BADGES.sub("", author)
        text = re.sub(r"\s*(?:…\s*)?(?:see|read|show) more\s*$", "", comment.text, flags=re.IGNORECASE)
        depth = parent.depth + 1 if parent is not None else comment.depth
        comment = dataclasses.replace(comment, author=author or comment.author, depth=depth, text=text or comment.text)
        result.append(comment)
        if comment.author:
            last_by[comment.author.lower()] = comment
    return result


def _reply_ids(comments: list[Comment]) -> list[Comment]:
    """``In reply to 1155…`` under a comment whose ``ID 1155…`` another carries (toot,
    other fediverse exports): depth from the parent's."""
    ids: dict[str, int] = {}
    for number, comment in enumerate(comments):
        for match in re.finditer(r"\bID[:\s]+(\d{6,})", comment.text):
            ids[match.group(1)] = number
    if not ids:
        return comments
    result = list(comments)
    for number, comment in enumerate(result):
        match = re.search(r"in reply to\s+(\d{6,})", comment.text, re.IGNORECASE)
        parent = ids.get(match.group(1)) if match else None
        if parent is not None and parent < number:
            result[number] = dataclasses.replace(comment, depth=result[parent].depth + 1)
    return result


# --- shared ------------------------------------------------------------------------------

_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


def _heading(lines: list[str]) -> str | None:
    for raw in lines:
        match = _HEADING_LINE.match(raw)
        if match:
            return clean(re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", match.group("title")))
    return None


_DAY_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:today|yesterday|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:\s+\d{4})?)$",
    re.IGNORECASE,
)


def _preamble_text(lines: list[str]) -> str | None:
    """The prose of a preamble: headings, URL lines, rules and counters left out."""
    kept = []
    for raw in lines:
        text = raw.strip()
        if not text or _HEADING_LINE.match(raw) or _url_line(text) or re.fullmatch(r"[-*_=]{3,}", text):
            continue
        if re.match(r"^(?:💬|original post:|posted by|\*\*r/)", text, re.IGNORECASE) or _CARD_ACTION.match(text):
            continue
        if text.startswith("|"):
            continue  # an export's table of chat details
        if re.fullmatch(r"#[\w-]{1,80}", text) or (len(text) <= 40 and _DAY_LINE.match(text)):
            continue  # a chat's channel name ("#pod-club") and day header ("Thursday, March 14th")
        text = text.lstrip("> ").strip()
        # Prose runs on; a list keeps one item a line.
        kept.append(("\n" if kept and re.match(r"^(?:[-*+•]|\d{1,2}[.)])\s", text) else " " if kept else "") + text)
    return clean("".join(kept)) or None


Recogniser = Callable[[list[str], int], "Thread | None"]
RECOGNISERS: tuple[Recogniser, ...] = (
    hacker_news_page, old_reddit_page, ptt_pushes, signed_posts, doubled_names, numbered_cards, csv_messages, smf_posts, wiki_talk, labelled_numbers, stack_exchange_page, github_discussion, mail_thread, chat_export, tree_thread, bullet_thread, author_blocks,
    name_paragraphs, indexed_posts, dated_messages, clock_messages, clock_blocks, card_copy, cards_by_place, cards_with_buttons_below, handle_blocks, head_lines, cards_by_shape,
)
_AUTHOR_MARKS = (
    "u/", "reddit.com/user/", "⬆", "↑", "▲", " points", " pts", "votes)", "votes):", "** says", "** wrote",
    "** replied", "** commented", "** said", "] u/", "[deleted]",
)
"""What Reddit and blog-comment exports write next to an author (a substring test each)."""
_CHAT_MARK = re.compile(
    r"^(?:\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+\d{1,2}[:.]\d\d|\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]+<|\[[^\]\n]{0,40}\d[:.]\d\d|"
    r"\d{1,2}:\d\d:\d\d[ \t]+From[ \t]|\d{1,2}:\d\d\t[^\t\n]+\t|\([^)\n]{0,30}\d[:.]\d\d[:.]\d\d\s?[AaPp]\.?[Mm]\.?\)[ \t]+[^:\n]{1,40}:[ \t])",
    re.MULTILINE,
)
_HN_HEAD_ANYWHERE = re.compile(_HN_HEAD.pattern, re.MULTILINE)
_STAMPED_ANYWHERE = re.compile(_STAMPED_LINE.pattern, re.MULTILINE)
_CLOCK_USER_ANYWHERE = re.compile(_CLOCK_USER_TEXT.pattern, re.MULTILINE)
_SHAPE_DATE_ANYWHERE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d[:.]\d\d|^[^\n\d]{0,14}\d{1,3}\s*[^\W\d_][^\n\d]{0,24}$", re.MULTILINE)
"""What a head's date holds: a year, a clock time, or a short line of a number and its unit ("۲ هفته پیش")."""
_HANDLE_BLOCK_ANYWHERE = re.compile(r"\n\n@?[a-z0-9][\w.\-]{2,31}\n\S")
_NUMBERED_LABEL_ANYWHERE = re.compile(r"^[ \t]*[^\W\d_][^\d\n#]{1,28}?[ \t]*#?\d{1,4}(?:[-.]\d{1,4}){0,3}[ \t]*$", re.MULTILINE)
_CSV_HEADER_ANYWHERE = re.compile(r"^[^\n]*(?:sender|from|author|user(?:name)?)\"?[,;\t][^\n]*(?:message|text|content|body)\b", re.IGNORECASE | re.MULTILINE)
_POST_MARK_ANYWHERE = re.compile(r"^[ \t]*#[ \t]?\d{1,5}[ \t]*$", re.MULTILINE)
_DATED_MARK_ANYWHERE = re.compile(r"^[^\n#]{0,40}\d[^\n#]{0,30}[ \t]#\d{1,5}[ \t]*$", re.MULTILINE)
_DOUBLED_ANYWHERE = re.compile(r"^([^\n]{2,40})\n\1\n", re.MULTILINE)
_SIGNED_ANYWHERE = re.compile(r"^[ \t]*(?:posted|submitted|written|sent|commented) by [^\n]{1,60}? (?:at|on|@) ", re.MULTILINE | re.IGNORECASE)
_DATE_MARKS = (
    # Each starts with a literal, so that the scan skips ahead in C.
    re.compile(r" ago\b"),
    re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d"),
    re.compile(r"-\d\d-\d\d(?:\b|T)"),
    re.compile(r"/\d{1,2}/\d"),
    re.compile(r"\.\d{1,2}\.\d\d"),
    re.compile(r"esterday"),
    re.compile(r"just now"),
    re.compile(r"\n[ \t]*\d{1,3}(?:s|m|h|d|w|mo|y)\n"),  # "3h" alone on its line (Mastodon, Bluesky, X)
    re.compile(r"· \d{1,3}(?:s|m|h|d|w|mo|y)\n"),  # "⚡ 21,000 sats · 2d" (Fountain)
    re.compile(r"hace \d|há \d|il y a \d|vor \d|\d (?:giorni|ore|settimane|mesi) fa|\d dagen geleden"),  # relative dates in other languages
    re.compile(r"(?:日|時間|分)前|\d年\d{1,2}月"),
    re.compile(r"\. \d{1,2}\. \d"),  # "2023. 11. 19." (Hungarian, Korean)
    re.compile(r"-\d\d-(?:19|20)\d\d\b"),  # "27-05-2024 20:48" (day first, KASKUS)
    re.compile(r"منذ|לפני|назад|тому|temu|před \d|ezelőtt|πριν|trước|lalu|önce|sedan|sitten|siden|(?:分钟|小时|天)前|\d(?:분|시간|일) 전|پیش|पहले"),
    re.compile(r"\d (?:de )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|"
               r"março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
               r"octobre|novembre|décembre)\b", re.IGNORECASE),
    re.compile(r"\d\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"),
    re.compile(r"/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/\d\d"),  # Jira's "11/Mar/24"
    re.compile(r" (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) @ \d"),  # Steam's "4 Mar @ 6:31pm"
)


def _date_marks(text: str, need: int) -> bool:
    """Whether ``text`` holds ``need`` date-like marks: a few simple scans, each fast
    (one pattern with every form in it would look at every position many times)."""
    found = 0
    for pattern in _DATE_MARKS:
        found += sum(1 for _ in itertools.islice(pattern.finditer(text, 0, 400_000), need - found))
        if found >= need:
            return True
    return False



_PARAGRAPH_HEAD = re.compile(r"\n\n[ \t]*@?[A-Za-z0-9][\w.\-]{1,29}(?: [A-Z][\w.\-]{0,29}){0,2}:[ \t]+\S")
_BULLET_AUTHOR_ANYWHERE = re.compile(_BULLET_AUTHOR.pattern, re.MULTILINE)
_CLOCK_ONLY_LINE = re.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]?[AaPp]\.?[Mm]\.?[ \t]*$", re.MULTILINE)
_CLOCK_LINE = re.compile(r"^[A-Z\u00c0-\u024f]{1,3}\n\n?\d{1,2}:\d\d\n", re.MULTILINE)
_TIME_LAST_LINE = re.compile(r"^[^\n]{0,24}\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$", re.MULTILINE)
_CARD_DATE_LINE = re.compile(r"^[ \t]*(?:" + _CARD_DATE.pattern[1:-1] + r")[ \t]*$", re.IGNORECASE | re.MULTILINE)
_GATES: dict[Recogniser, Callable[[str], bool]] = {
    # Cheap looks at the whole text: a recogniser runs only where its marks are.
    hacker_news_page: lambda text: ("ago" in text or " on " in text) and len(_HN_HEAD_ANYWHERE.findall(text)) >= MIN_COMMENTS,
    ptt_pushes: lambda text: text.count("\n推 ") + text.count("\n→ ") + text.count("\n噓 ") >= MIN_COMMENTS,
    old_reddit_page: lambda text: ("[–]" in text or "[-]" in text) and " ago" in text and (" point" in text or "[score hidden]" in text),
    signed_posts: lambda text: _more_than(_SIGNED_ANYWHERE, text, MIN_COMMENTS),
    labelled_numbers: lambda text: _more_than(_NUMBERED_LABEL_ANYWHERE, text, MIN_COMMENTS),
    wiki_talk: lambda text: text.count("(UTC)") + text.count("[[User") > 2 * MIN_COMMENTS,
    smf_posts: lambda text: text.count("«") > MIN_COMMENTS and text.count("»") > MIN_COMMENTS,
    csv_messages: lambda text: bool(_CSV_HEADER_ANYWHERE.search(text, 0, 20_000)),
    numbered_cards: lambda text: _more_than(_POST_MARK_ANYWHERE, text, MIN_COMMENTS) or _more_than(_DATED_MARK_ANYWHERE, text, MIN_COMMENTS),
    doubled_names: lambda text: _more_than(_DOUBLED_ANYWHERE, text, MIN_COMMENTS),
    stack_exchange_page: lambda text: "Improve this question" in text,
    github_discussion: lambda text: "\nComment options" in text,
    mail_thread: lambda text: text.count("\nFrom: ") + text.count("\nFrom:\t") + text.startswith("From:") >= MIN_COMMENTS,
    chat_export: lambda text: _CHAT_MARK.search(text) is not None or _more_than(_STAMPED_ANYWHERE, text, MIN_COMMENTS)
    or _more_than(_CLOCK_USER_ANYWHERE, text, MIN_COMMENTS),
    tree_thread: lambda text: "⏤" in text,
    bullet_thread: lambda text: len(_BULLET_AUTHOR_ANYWHERE.findall(text)) > MIN_COMMENTS,
    author_blocks: lambda text: any(mark in text for mark in _AUTHOR_MARKS),
    dated_messages: lambda text: _date_marks(text, MIN_COMMENTS)
    and sum(1 for _ in itertools.islice(_CARD_DATE_LINE.finditer(text, 0, 400_000), 2)) >= MIN_COMMENTS,
    indexed_posts: lambda text: text.startswith("[1") or "\n[1." in text,
    clock_blocks: lambda text: sum(1 for _ in itertools.islice(_TIME_LAST_LINE.finditer(text, 0, 400_000), MIN_COMMENTS + 1)) > MIN_COMMENTS,
    clock_messages: lambda text: sum(1 for _ in itertools.islice(_CLOCK_LINE.finditer(text, 0, 400_000), MIN_COMMENTS + 1)) > MIN_COMMENTS,
    cards_with_buttons_below: lambda text: text.count("\nReply\n") >= MIN_COMMENTS or any(
        text.count(f"{word}\n") >= MIN_COMMENTS or text.count(f"   {word}   ") >= MIN_COMMENTS
        for word in ("Responder", "Répondre", "Antworten", "Rispondi", "Beantwoorden", "返信", "リンク", *_REPLY_WORDS, "Trả lời", "Reply")
    ),
    handle_blocks: lambda text: _more_than(_HANDLE_BLOCK_ANYWHERE, text, MIN_COMMENTS),
    name_paragraphs: lambda text: sum(1 for _ in itertools.islice(_PARAGRAPH_HEAD.finditer(text), 3)) >= 3,
    cards_by_place: lambda text: text.count("\n") >= 3 * MIN_COMMENTS,
    cards_by_shape: lambda text: text.count("\n") >= 9 and _more_than(_SHAPE_DATE_ANYWHERE, text, 2),
    card_copy: lambda text: (
        _date_marks(text, MIN_COMMENTS)
        and sum(1 for _ in itertools.islice(_CARD_DATE_LINE.finditer(text, 0, 400_000), 2)) >= MIN_COMMENTS
    )
    or sum(1 for _ in itertools.islice(_CLOCK_ONLY_LINE.finditer(text, 0, 400_000), 2)) >= MIN_COMMENTS,
    head_lines: lambda text: _date_marks(text, 3) or sum(1 for _ in itertools.islice(_NAME_CLOCK_HEAD.finditer(text, 0, 400_000), 3)) >= 3,
}


def _more_than(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Whether ``pattern`` occurs more than ``count`` times in ``text`` (the scan stops there)."""
    return sum(1 for _ in itertools.islice(pattern.finditer(text, 0, 400_000), count + 1)) > count


def _by_part(lines: list[str], first_line: int, best: Thread | None) -> Thread | None:
    """Threads pasted one under another, each under its heading ("## Hacker News",
    "## r/italy"): each part read on its own, when two parts or more are threads that
    together hold more comments than one reading of the whole."""
    cuts = [k for k, raw in enumerate(lines) if re.match(r"^#{1,2}\s+\S", raw)]
    if len(cuts) < 2 or len(cuts) > 12:
        return None
    parts = []
    for number, start in enumerate(cuts):
        end = cuts[number + 1] if number + 1 < len(cuts) else len(lines)
        found = recognise(lines[start:end], first_line + start, dumps=False, parts=False)
        if found is not None:
            parts.append((start, end, found))
    if len(parts) < 2 or sum(len(p.comments) for _, _, p in parts) <= (len(best.comments) if best else 0):
        return None
    merged = Thread(" + ".join(dict.fromkeys(p.format for _, _, p in parts)), [c for _, _, p in parts for c in p.comments])
    merged.total = _non_blank(lines, parts[0][0])
    merged.covered = sum(p.covered for _, _, p in parts) + sum(1 for _, _, p in parts if p.title or p.url)  # each part's heading
    merged.preamble = _non_blank(lines, 0, parts[0][0])
    merged.strong = all(p.strong for _, _, p in parts)
    merged.url = parts[0][2].url
    merged.title = _heading(lines[: parts[0][0]])
    description = _preamble_text(lines[: parts[0][0]])
    if description:
        merged.description = (first_line + next(i for i, raw in enumerate(lines) if raw.strip()), description)
    return merged


def recognise(lines: list[str], first_line: int, hinted: bool = False, dumps: bool = True, parts: bool = True) -> Thread | None:
    """The thread that explains ``lines`` best, or None when they are no thread.

    ``hinted``: the file's name says it holds comments (``ep-17-comments.txt``), so a
    plain one-comment-a-line body is taken even when its lines are short. ``dumps``:
    whether a one-comment-a-line reading is allowed at all (not for a file with front
    matter that does not say it holds comments: such a file is a page)."""
    best: Thread | None = None
    text = "\n".join(lines)
    for recogniser in RECOGNISERS:
        if recogniser in (head_lines, cards_by_shape) and best is not None:
            break  # the catch-alls only where no export was recognised
        if recogniser is cards_by_shape and not (dumps or hinted):
            break  # a file whose front matter does not say it holds comments is a page
        if recogniser is cards_by_place and best is not None:
            continue  # cards read by their place only where no reader knew the words
        if not _GATES[recogniser](text):
            continue
        try:
            found = recogniser(lines, first_line)
        except Exception:  # noqa: BLE001 - a recogniser's bug must not cost the document: it is read without it
            found = None
        if found is None or not found.acceptable():
            continue
        if best is not None and best.strong and not found.strong and len(found.comments) < len(best.comments):
            continue  # fewer comments without the export's own marks: the marked reading stands
        if best is None or found.coverage > best.coverage + 0.05 or (
            found.coverage >= best.coverage - 0.05 and found.strong and not best.strong and len(found.comments) > len(best.comments)
        ) or (
            # as much explained by many comments as by two or three long ones: the many are the thread
            found.coverage >= best.coverage - 0.05 and len(best.comments) <= 3 and len(found.comments) >= 3 * len(best.comments)
        ) or (
            # five or six "comments" of a dozen lines each against twice as many cards that explain as much
            found.coverage >= best.coverage - 0.05 and len(best.comments) <= 6 and len(found.comments) >= 2 * len(best.comments)
            and sum(c.text.count("\n") + 1 for c in best.comments) >= 8 * len(best.comments)
        ):
            best = found  # explains more of the text, or as much and the export's own marks say so
    kept = len(best.comments) - _fold_repeats(list(best.comments)) if best is not None and len(best.comments) <= 40 else 99
    if best is not None and not best.strong and kept <= 4 and (dumps or hinted) and len(lines) < 20_000:
        # two or three long "comments" (once a page copied twice is folded): a reader that knew a few
        # of the page's words read its cards in part
        try:
            shaped = cards_by_shape(lines, first_line)
        except Exception:  # noqa: BLE001 - a recogniser's bug must not cost the document
            shaped = None
        if shaped is not None and shaped.acceptable() and len(shaped.comments) >= 3 * max(1, kept) and shaped.coverage >= best.coverage - 0.1:
            best = shaped
    if parts and "\n#" in text and _date_marks(text, 2 * MIN_COMMENTS):
        split = _by_part(lines, first_line, best)
        if split is not None and split.acceptable() and (best is None or split.coverage >= best.coverage - 0.1):
            best = split
    first = next((raw.strip() for raw in lines if raw.strip()), "")
    table = bool(re.fullmatch(r"\"?[\w ]{1,30}\"?(?:[,;\t]\"?[\w ]{1,30}\"?){2,}", first))  # a CSV file's header: rows, not comments
    if best is None and (dumps or hinted) and not table and not any(_is_structured(raw) for raw in lines[:200]):
        best = line_dump(lines, first_line, hinted)
    if best is not None and best.format != "one comment a line":
        best.comments = _split_removed(_without_teasers(_references_moved(best.comments)), lines, first_line)
        best.folded += _fold_repeats(best.comments)
    if best is not None and any(_MEMBER_EVENT.match(c.text) for c in best.comments):
        best.comments = [c for c in best.comments if not _MEMBER_EVENT.match(c.text)]  # "@kenji has joined the channel"
    return best


_REMOVED_VERB = (
    r"(?:deleted|removed|hidden|withdrawn|moderated|removido|removida|apagad[oa]|exclu[íi]d[oa]|eliminad[oa]|borrad[oa]|suprimid[oa]|"
    r"retirad[oa]|supprimée?|retirée?|modérée?|gelöscht|entfernt|rimoss[oa]|eliminat[oa]|cancellat[oa]|verwijderd|usuni[ęe]t[ya]|usunięto|"
    r"odstránen[ýá]|zmazan[ýá]|vymazan[ýá]|odstraněn[ýá]?|smazán[ýa]?|видален\w*|видалено|удал[её]н\w*|borttage[nt]|raderad|raderat|slettet|"
    r"poistettu|törölve|törölt\w*|șters|ștearsă|obrisan\w*|uklonjen\w*|izbrisan\w*|pašalint\w*|ištrint\w*|silindi|kaldırıldı|"
    r"διαγράφηκε|αφαιρέθηκε|削除され|删除|刪除|삭제|حذف|محذوف|נמחק|הוסר|bị xóa|đã xóa|dihapus|ถูกลบ|মুছে|tinanggal|binura)"
)
_REMOVED_NOUN = (
    r"(?:comment|post|message|reply|answer|contribution|coment[áa]rio|mensagem|mensaje|respuesta|commentaire|réponse|kommentar|beitrag|"
    r"commento|messaggio|reactie|bericht|komentarz|wpis|koment[áa]r|príspevok|příspěvek|коментар|допис|комментари|сообщени|inlägg|kommentti|"
    r"viesti|hozzászólás|comentariu|mesaj|komentaras|yorum|σχόλιο|コメント|投稿|评论|評論|留言|回复|댓글|게시물|تعليق|תגובה|bình luận|"
    r"ความคิดเห็น|মন্তব্য|moderat|administrat|admin)"
)
_REMOVED = re.compile(
    rf"^(?:\[(?:deleted|removed|mesaj șters|mesaj sters)[^\]]{{0,40}}\]|\((?:deleted|removed)\))$|^(?=.{{0,200}}$)(?=.*{_REMOVED_VERB})(?=.*{_REMOVED_NOUN})",
    re.IGNORECASE,
)
"""What a page shows where a comment was taken down: "[deleted]", "Este comentário foi
removido …", "Komentarz został usunięty przez moderatora", "Príspevok bol odstránený …"."""


_REFERENCE = re.compile(r"^@(?P<name>[\w.\-]{2,40}) (?P<quote>\S.{19,})$")


def _references_moved(comments: list[Comment]) -> list[Comment]:
    """A reply's reference to what it answers, copied over the reply and so read into
    the message above it: moved to the reply, which goes one level under the message
    it names. Discord's quote of the parent ("@kaz_77 could you put timestamps in the
    VOD?…") is dropped; a stream chat's "Replying to @ravenblue: …" stays on the reply."""
    result = list(comments)
    by_author: dict[str, list[int]] = {}
    for number in range(len(result) - 1):
        by_author.setdefault((result[number].author or "").lower().lstrip("@"), []).append(number)
        *rest, last = result[number].text.split("\n")
        if not rest or "@" not in last and "eply" not in last:
            continue
        stripped = last.strip()
        said = _QUOTED_REPLY.match(stripped)
        bare = None if said else _REFERENCE.match(stripped)
        if said is not None:
            name, quote = (said.group("name") or "").strip().lower().lstrip("@"), said.group("after") or said.group("quote") or said.group("bare") or ""
        elif bare is not None:
            name, quote = bare.group("name").lower(), bare.group("quote")
        else:
            continue
        quote = " ".join(re.sub(r"[*_]", "", quote).rstrip(".…").split())[:40]
        mine = by_author.get(name, [])[-20:]  # (a reply answers one of its author's last few)
        parent = next(
            (result[k] for k in reversed(mine) if quote and result[k].text.startswith(quote[:8]) and " ".join(result[k].text.split()).startswith(quote)),
            result[mine[-1]] if said is not None and name and mine else None,  # "Replying to @name:" names it whatever it quotes
        )
        if parent is None:
            continue
        result[number] = dataclasses.replace(result[number], text="\n".join(rest).rstrip())
        if said is not None:
            result[number + 1] = dataclasses.replace(result[number + 1], text=stripped + "\n" + result[number + 1].text)
        if not any(c.depth for c in comments):
            result[number + 1] = dataclasses.replace(result[number + 1], depth=parent.depth + 1)
    return result


def _without_teasers(comments: list[Comment]) -> list[Comment]:
    """The comments without the teasers a page shows above its list ("Top positive
    review", "Featured"): a card whose opening words a later card by the same
    author holds in full, at the start of one of its lines."""
    def squeeze(text: str) -> str:
        return " ".join(text.split())

    # (author, the first 40 characters of a line) -> the comments with such a line
    lines_of: dict[tuple[str, str], list[int]] = {}
    for number, c in enumerate(comments):
        if c.author:
            for line in c.text.split("\n"):
                lines_of.setdefault((c.author, squeeze(line)[:40]), []).append(number)
    keep = []
    for number, c in enumerate(comments):
        start = squeeze(c.text)[:60]
        same = lines_of.get((c.author or "", squeeze(c.text.split("\n", 1)[0])[:40]), []) if c.author and len(start) >= 40 else []
        after = bisect.bisect_right(same, number)
        shown_again = any(
            len(comments[later].text) > len(c.text) * 0.8 and start in squeeze(comments[later].text)
            for later in same[after : after + 50]  # (a bound: a bot that says the same a thousand times)
        )  # (a reply's "@name …" quote of it starts no line with it)
        if not shown_again:
            keep.append(c)
    return keep


_REMOVED_STEMS = (
    "delet", "remov", "hidden", "withdrawn", "moderat", "apagad", "exclu", "elimin", "borrad", "suprim", "retirad", "retiré", "gelösch",
    "entfern", "rimoss", "cancellat", "verwijder", "usunię", "odstrán", "zmazan", "vymazan", "odstraně", "smazán", "видал", "удал",
    "borttag", "raderad", "slettet", "poistet", "törölt", "törölve", "șters", "sters", "obrisan", "uklonjen", "izbrisan", "pašalint",
    "ištrint", "silindi", "kaldırıl", "διαγρά", "αφαιρέθ", "削除", "删除", "刪除", "삭제", "حذف", "محذوف", "נמחק", "הוסר", "xóa",
    "dihapus", "ถูกลบ", "মুছে", "tinanggal", "binura",
)
"""Cheap looks for :data:`_REMOVED`'s verbs (its full pattern is slow on every line of a long thread)."""


def _removal_notice_in(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _REMOVED_STEMS)


def _removal_notice(text: str) -> bool:
    return len(text) <= 200 and _removal_notice_in(text) and _REMOVED.search(text) is not None


def _counted_buttons(lines: list[str]) -> collections.Counter[str]:
    """How many short lines with a number each first word starts ("Ocultar 3 respostas", "Ocultar 1 resposta")."""
    return collections.Counter(text.split()[0] for raw in lines if len(text := raw.strip()) <= 40 and " " in text and re.search(r"\d", text))


def _holds_replies(lines: list[str], at: int, following: int | None, buttons: collections.Counter[str]) -> bool:
    """Whether replies hang under the line ``at``: the next comment is indented deeper,
    or a button with the number of its replies follows it ("Ukryj odpowiedzi (1)",
    "Ocultar 1 resposta": a first word that other lines with a number start with too)."""
    if following is not None and 0 <= following < len(lines) and _indent(lines[following]) > _indent(lines[at]):
        return True
    under = next((raw.strip() for raw in lines[at + 1 : at + 4] if raw.strip()), "")
    if not under or len(under) > 40 or not re.search(r"\d", under) or not re.match(r"[^\W\d_]", under) or re.search(
        r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}:\d\d", under
    ):
        return False  # (the next post's date and number, "03-15-2024, 01:30 PM #8", is no button)
    return buttons[under.split()[0]] >= 2


def _split_removed(comments: list[Comment], lines: list[str], first_line: int) -> list[Comment]:
    """The comments with each taken-down one as a comment of its own: its placeholder
    line, read into the card above (it has no name or buttons of its own, or its
    name and date sit over it), keeps its place in the thread, replies nest under it."""
    if not any(_removal_notice_in(c.text) for c in comments):
        return comments
    buttons: collections.Counter[str] | None = None
    depth_at: dict[int, int] = {}
    for c in comments:
        if 0 <= c.line - first_line < len(lines):
            depth_at.setdefault(_indent(lines[c.line - first_line]), c.depth)
    found: list[Comment] = []
    for number, c in enumerate(comments):
        start = c.line - first_line
        end = (c.end_line - first_line) if c.end_line > c.line else (comments[number + 1].line - first_line if number + 1 < len(comments) else len(lines))
        cut = None
        for k in range(max(0, start + 1), min(len(lines), end)):
            text = lines[k].strip()
            if text and _removal_notice(text) and text in c.text and not c.text.startswith(text):
                cut = k
                break
        if cut is None:
            found.append(c)
            continue
        if buttons is None:
            buttons = _counted_buttons(lines)
        if not _holds_replies(lines, cut, comments[number + 1].line - first_line if number + 1 < len(comments) else None, buttons):
            # a taken-down comment nothing answers: no comment of the thread, and no words of the one above
            text = lines[cut].strip()
            at = c.text.find(text)
            found.append(dataclasses.replace(c, text=(c.text[:at] + c.text[at + len(text) :]).strip()) if at > 0 else c)
            continue
        head = cut
        # "Użytkownik" / "6 godz. temu" over the notice: the taken-down card's own head
        above = [k for k in range(cut - 1, max(start, cut - 3), -1) if lines[k].strip()]
        if len(above) == 2 and above == [cut - 1, cut - 2] and not lines[cut - 3].strip() and _generic_date(lines[cut - 1].strip()) and _looks_like_name(lines[cut - 2].strip()):
            head = cut - 2
        at = c.text.find(lines[head].strip())
        before = c.text[:at].rstrip() if at > 0 else c.text
        if not before or at <= 0:
            found.append(c)
            continue
        author = clean(lines[head].strip()) if head < cut else None
        found.append(dataclasses.replace(c, text=before, end_line=first_line + head))
        depth = depth_at.get(_indent(lines[head]), c.depth)
        when = parse_date(lines[head + 1].strip()) if head < cut else None
        found.append(Comment(first_line + head, c.text[c.text.find(lines[cut].strip()) :].strip(), author, depth, c.end_line, when))
    return found


_MEMBER_EVENT = re.compile(
    r"^(?:@?[\w.-]{1,40} )?(?:has )?(?:joined|left) (?:the |this )?(?:channel|group|room|server|conversation|chat|call)\b.{0,40}$"
    r"|^(?:@?[\w.-]{1,40} )?(?:set|changed|renamed) the (?:channel|group|room) (?:topic|purpose|name|description)\b.*$"
    r"|^(?:@?[\w.-]{1,40} )?was added to (?:the |this )?(?:channel|group|room)\b.{0,60}$"
    r"|^[\w .'’-]{1,60} (?:named|renamed) the (?:group|chat|conversation)\b.{0,80}$",
    re.IGNORECASE,
)
"""What a chat export writes when someone joins, leaves or renames: no message."""


def _fold_repeats(comments: list[Comment]) -> int:
    """A page copied twice into one file: every block of comments that repeats the
    block just before it is dropped (the first copy kept). Returns how many went."""
    folded = 0
    start = 0
    for _ in range(len(comments)):
        # The start of each comment: a copy's edges pick up a header or a footer.
        keys = [f"{c.author}\t{c.text[:60]}" for c in comments]
        repeat = line_dumps.find_repeat(keys, start)
        if repeat is None:
            break
        index, size = repeat
        del comments[index + size : index + 2 * size]
        folded += size
        start = index
    return folded


def _is_structured(raw: str) -> bool:
    """A line that only Markdown with structure has (so the body is no line dump)."""
    return raw.startswith(("#", "```", "|", "- ", "* ", "> ", "![", "<"))
