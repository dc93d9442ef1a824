"""Episode chapters, in every layout show notes and descriptions use.

A chapter is a line that starts (or, in some lists, ends) with a time label:

- linked: ``([16:25](https://youtu.be/ID?t=985)) Title``, ``- [12:34](url) - Title``;
- YouTube descriptions: ``0:00 Intro`` ... ``1:02:03 Topic``;
- outlines: ``(00:00) – Introduction``, ``[00:12:34] Topic``, ``**00:12** Topic``;
- bullets: ``- 12:34 - Topic``, ``• 02:41 — Topic``, ``1. 03:10 Topic``;
- mp4chaps / Podlove simple chapters: ``00:01:59.000 Title``;
- headings: ``### [04:13] Title`` (snips exports), ``## 00:12:34 Topic``;
- at the end: ``Topic (12:34)``, ``Topic - 12:34``;
- Markdown tables with a start column, in any column order.

Labels are ``H:MM:SS`` or ``M:SS`` (minutes up to 999), with optional fractional
seconds. Single lines are not chapters: a chapter list is a run of such lines whose
times go forward, that starts near the beginning of the episode or says it is a list
of chapters (a heading or lead such as "Timestamps", "Chapters", "Outline" above it,
linked labels, labels with hours). That keeps out clock times (``- 09:30 standup``),
times inside sentences, ratios (``16:9``), scores and versions. Chat lines and
transcripts (``[00:12] Ana: ...`` every few seconds) are not chapters either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Timestamp
from . import joined
from .media import is_media_url

_LABEL = r"(?:\d{1,2}:\d{2}|\d{1,3}):\d{2}(?:[.,]\d{1,3})?"
_URL = r"(?P<url><[^>\n]*>|[^)\s]+)"
_BULLET = r"(?:[-*+•·▪◦‣►▶→–—☐☑☒✅✓✔⬜□■]\s*|\d{1,3}[.)]\s+|\d{1,3}[ \t]{2,})?"
_HEADING = r"(?P<heading>#{1,6}\s+)?"
_EMPHASIS = r"(?:\*\*|__|\*|_|`)?"
_NOT_CLOCK = r"(?!\s*(?:[ap]\.?m\.?\b|hrs?\b|h\b|uhr\b|[-–]\s*\d)|[/:.]\d)"
_SEPARATOR = r"\s*(?:[-–—:|·•>→~]+\s*)?"

_LEADING = re.compile(
    r"^\s{0,8}" + _HEADING + _BULLET + _EMPHASIS
    + r"(?:\(?\[(?:\*\*|__)?(?P<linked>" + _LABEL + r")(?:\s*[-–—]\s*" + _LABEL + r")?(?:\*\*|__)?\]\(" + _URL + r"\)\)?"
    + r"|\((?P<paren>" + _LABEL + r")\)"
    + r"|\[(?P<bracket>" + _LABEL + r")\](?!\()"
    + r"|(?P<bare>" + _LABEL + r")" + _NOT_CLOCK + r"(?=\s|[-–—:|·*_`]|$)"
    + r")" + _EMPHASIS + _SEPARATOR + r"(?P<title>.*?)\s*$"
)
_SNIP_LENGTH = re.compile(r"\(?\s*\d+\s*(?:h|hr|hrs|min|mins|m|s|sec|secs)\b\s*\)?", re.IGNORECASE)
_RANGE = re.compile(
    r"^\s{0,8}(?:[^\w\s\[(]{1,3}\s*)?" + _BULLET + r"\[?(?P<start>" + _LABEL + r")\]?\s*[-–—]\s*\[?(?P<end>" + _LABEL + r")\]?"
    r"(?:\s*\((?P<length>" + _LABEL + r"|\d+\s*(?:min|m|sec|s|h|hr)[a-z]*)\))?\s*(?:[-–—:|·]\s*)?(?P<title>.*?)\s*$"
)
"""A time range: a snip or highlight (``🎧 10:12 - 11:44 (01:32)``) under a heading
that names it."""
_TRAILING = re.compile(
    r"^\s{0,8}" + _HEADING + _BULLET + r"(?P<title>[^\s].*?)\s*(?:(?P<sep>[-–—|·•])\s*|\(|\[)(?P<label>" + _LABEL + r")" + _NOT_CLOCK
    + r"[)\]]?\s*$"
)
_TRAILING_RANGE = re.compile(
    r"^\s{0,8}" + _BULLET + r"(?P<title>[^\s].*?)\s*[(\[](?P<label>" + _LABEL + r")\s*[-–—]\s*(?P<end>" + _LABEL + r")[)\]]\s*$"
)
_STRONG_CONTEXT = re.compile(
    r"\b(?:time ?stamps?|time ?codes?|chapters?|chapitres|kapitel|capítulos|outline|show ?notes|in this (?:episode|video)|"
    r"episode (?:guide|breakdown|highlights|contents|outline)|snips|(?:key )?moments|jump to|skip to)\b",
    re.IGNORECASE,
)
_WEAK_CONTEXT = re.compile(
    r"\b(?:topics?|segments?|contents|highlights|sections|running order|what we (?:discuss|cover)(?:ed)?|we discuss)\b",
    re.IGNORECASE,
)
_CLOCK_CONTEXT = re.compile(
    r"\b(?:(?i:timeline|schedule|agenda|itinerary|log|programme|program|timetable|rota|(?:local )?time ?zone)|"
    r"UTC|GMT|BST|CES?T|[PMCE][SD]?T|AEST|IST|JST)\b"
)
_CHAT_TITLE = re.compile(r"^(?:<[^>]{1,30}>|@?[\w.\-]{1,24}(?: [\w.\-]{1,24}){0,2}:)\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TIME_MARK = re.compile(r"\d:\d\d|\{\{\s*(?:youtube-|video-)?timestamp", re.IGNORECASE)
_FENCE_LINE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE)
_TABLE_ROW = re.compile(r"^\s*[|│┃].*[|│┃]\s*$")
_TABLE_RULE = re.compile(r"^\s*(?:\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?|[├┝╞|+][─━═\-┼┿╪+|:]{3,}[┤┥╡|+])\s*$")
"""Markdown tables, and the box-drawn ones terminal tools print (``│ Start │``)."""
_BOX_TOP = re.compile(r"^\s*[┌┏╔][─━═┬┳╦]+[┐┓╗]\s*$")
_TIME_HEADER = re.compile(
    r"^(?:start(?: time)?|time(?:stamp|code)?s?|begins?|at|from|offset|position|starts? at|tc|in|when)$", re.IGNORECASE
)
_STRONG_TIME_HEADER = re.compile(r"^(?:start(?: time)?|timestamps?|timecodes?|begins?|starts? at|tc)$", re.IGNORECASE)
_TITLE_HEADER = re.compile(r"title|topic|name|segment|subject|description|chapter|section|what|content", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)\)")
_EMPHASIS_RUN = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_LINK_IN = re.compile(r"\[[^\]]*\]\((<[^>]*>|[^)\s]+)\)|(https?://[^\s)>\]]+)")

MAX_GAP_LINES = 2
"""Non-blank lines that may stand between two chapters of one list (a chapter's
one-line description, a sub-bullet)."""
LONG_TITLE = 250
"""A run whose typical line is longer than this is a transcript, not chapters."""
TRANSCRIPT_LINES = 10
TRANSCRIPT_GAP = 20
"""Ten or more time-labelled lines typically under twenty seconds apart are a
transcript's cues."""
CLOCK_START = 5 * 60
"""A list of ``HH:MM`` labels under 24 that starts this late reads as clock times."""


@dataclass(frozen=True)
class _Candidate:
    line: int
    """Index in the lines given."""
    label: str
    seconds: int
    title: str
    url: str | None
    form: str
    """linked, paren, bracket, bare, trailing or table."""
    heading: int = 0
    """The heading level the label stands in (0: not a heading)."""


def label_seconds(label: str) -> int:
    """``1:02:03`` -> 3723, ``57:07`` -> 3427, ``00:01:59.500`` -> 119."""
    seconds = 0
    for part in re.split(r"[.,]", label, maxsplit=1)[0].split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def _valid_label(label: str) -> bool:
    parts = re.split(r"[.,]", label, maxsplit=1)[0].split(":")
    if int(parts[-1]) >= 60:
        return False
    return not (len(parts) == 3 and int(parts[1]) >= 60)


def plain_title(title: str) -> str:
    """Chapter titles are Markdown: emphasis markers and link syntax dropped."""
    title = _MARKDOWN_LINK.sub(r"\1", title)
    title = _EMPHASIS_RUN.sub(r"\2", title)
    return title.strip(" -–—:|·*_").strip()


def _first_url(text: str) -> str | None:
    match = _LINK_IN.search(text)
    if match is None:
        return None
    return (match.group(1) or match.group(2) or "").strip("<>") or None


_MACRO = re.compile(r"\{\{\s*(?:youtube-|video-)?timestamp\s+(\d{1,2}(?::\d{2}){1,2}|\d{1,6})\s*\}\}", re.IGNORECASE)


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def _unmacro(raw: str) -> str:
    """Logseq's ``{{youtube-timestamp 01:47}}`` (or ``{{youtube-timestamp 1085}}``,
    in seconds) as the plain label."""
    return _MACRO.sub(lambda m: m.group(1) if ":" in m.group(1) else _clock(int(m.group(1))), raw)


def _candidate(index: int, raw: str, lines: list[str]) -> _Candidate | None:
    if "{{" in raw:
        raw = _unmacro(raw)
    if ":" not in raw or len(raw) > 600:
        return None
    match = _RANGE.match(raw)
    if match and _valid_label(match.group("start")) and _valid_label(match.group("end")):
        label = match.group("start")
        title = plain_title(match.group("title"))
        level = 0
        if not re.search(r"[^\W\d_]", _SNIP_LENGTH.sub("", title)):  # only times ("(1min 30s)"): the heading above names the snip
            heading = _heading_above(lines, index)
            if heading is None:
                return None
            level, title = heading
        if label_seconds(match.group("end")) < label_seconds(label):
            return None
        return _Candidate(index, label, label_seconds(label), title, _first_url(raw), "range", level)
    spanned = _SPAN_ALONE.match(raw)
    if spanned and _valid_label(spanned.group(1)) and index + 1 < len(lines) and lines[index + 1].strip():
        # "3/19/2024 • 0:00 to 1:42" over "Welcome & the voicemail from 1989" (Podverse): the span, then its title
        below = lines[index + 1].strip()
        if re.search(r"[^\W\d_]", below) and len(below) <= 120 and not _ALONE.match(below) and not _SPAN_ALONE.match(below):
            return _Candidate(index, spanned.group(1), label_seconds(spanned.group(1)), plain_title(below), _first_url(below), "under")
    alone = _ALONE.match(raw)
    if alone and _valid_label(alone.group(1)) and index and lines[index - 1].strip():
        # "Wat is salderen eigenlijk?" over "02:41" (NPO's chapters): the title on the line above its time
        above = lines[index - 1].strip()
        if re.search(r"[^\W\d_]", above) and len(above) <= 120 and not _ALONE.match(above):
            return _Candidate(index, alone.group(1), label_seconds(alone.group(1)), plain_title(above), _first_url(above), "under")
    match = _LEADING.match(raw)
    if match:
        for form in ("linked", "paren", "bracket", "bare"):
            label = match.group(form)
            if label:
                break
        if not _valid_label(label):
            return None
        title = match.group("title")
        url = match.group("url").strip("<>") if form == "linked" else None
        if url is None:
            url = _first_url(title)
        heading = len((match.group("heading") or "").strip())
        return _Candidate(index, label, label_seconds(label), plain_title(title), url, form, heading)
    ranged = _TRAILING_RANGE.match(raw)
    if ranged and _valid_label(ranged.group("label")) and _valid_label(ranged.group("end")):
        # "👋 Intro and housekeeping (00:00 - 06:45)" (Fireflies' notes): the part starts at its first time
        label = ranged.group("label")
        title = re.sub(r"^[^\w\s\[(]{1,3}\s*", "", ranged.group("title"))
        return _Candidate(index, label, label_seconds(label), plain_title(title), _first_url(title), "trailing")
    match = _TRAILING.match(raw)
    if match and _valid_label(match.group("label")):
        label = match.group("label")
        title = match.group("title")
        heading = len((match.group("heading") or "").strip())  # "### Data migration status · 01:48" (Avoma's topics)
        if match.group("sep") in ("·", "•") and not heading:
            return None  # "[Another talk](…) — Tobias Lindqvist · 38:20": a list of other pages and their lengths
        return _Candidate(index, label, label_seconds(label), plain_title(title), _first_url(title), "trailing", heading)
    return None


_ALONE = re.compile(r"^\s*[(\[]?((?:\d{1,2}:)?\d{1,2}:\d\d)[)\]]?\s*$")
"""A line that is only a time."""
_SPAN_ALONE = re.compile(
    r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*[•·|–-]\s*)?((?:\d{1,2}:)?\d{1,2}:\d\d)\s*(?:-|–|—|to|bis|à|a|al|tot|till|до)\s*(?:\d{1,2}:)?\d{1,2}:\d\d\s*$",
    re.IGNORECASE,
)
"""A line that is only a part's span (with the day before it): its title is the next line."""


def _heading_above(lines: list[str], index: int) -> tuple[int, str] | None:
    """(level, title) of a Markdown heading at most three non-blank lines above."""
    seen = 0
    for back in range(index - 1, -1, -1):
        text = lines[back].strip()
        if not text:
            continue
        match = re.match(r"^(#{1,6})\s+(.+?)\s*#*$", text)
        if match:
            return len(match.group(1)), plain_title(match.group(2))
        seen += 1
        if seen >= 3:
            return None
    return None


def _cells(row: str) -> list[str]:
    row = row.replace("│", "|").replace("┃", "|")
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


_CELL_LABEL = re.compile(r"^\W*?(?:\[)?(" + _LABEL + r")(?:\])?")


def _table_candidates(lines: list[str], start: int) -> tuple[list[_Candidate], int, int]:
    """The chapters of the table whose header row is ``lines[start]``, the index after
    the table, and how surely its header names a start column (2: "Start",
    "Timestamp"; 1: "Time", "At"; 0: no header)."""
    header = _cells(lines[start])
    end = start + 2
    while end < len(lines) and (_TABLE_ROW.match(lines[end]) or _TABLE_RULE.match(lines[end])):
        end += 1
    rows = [(index, _cells(lines[index])) for index in range(start + 2, end) if _TABLE_ROW.match(lines[index])]
    if not rows:
        return [], end, 0
    candidates, sureness = _column_candidates(header, rows, lines)
    return candidates, end, sureness


def _tsv_candidates(lines: list[str], start: int) -> tuple[list[_Candidate], int, int]:
    """A table copied from a web page: its header row and rows cut by tabs
    (``Id<TAB>Title<TAB>Start<TAB>Duration``, Audiobookshelf's chapters)."""
    header = [cell.strip() for cell in lines[start].split("\t")]
    end = start + 1
    while end < len(lines) and lines[end].count("\t") == len(header) - 1:
        end += 1
    rows = [(index, [cell.strip() for cell in lines[index].split("\t")]) for index in range(start + 1, end)]
    if len(rows) < 2:
        return [], end, 0
    candidates, sureness = _column_candidates(header, rows, lines)
    values = [c.seconds for c in candidates]
    from_start = bool(values) and values[0] == 0 and all(b > a for a, b in zip(values, values[1:]))
    # "Start" heads its column, or the times run from 0:00 on ("Time" may be each part's length: LibriVox)
    return (candidates, end, sureness) if sureness == 2 or (sureness and from_start) else ([], end, 0)


def _column_candidates(header: list[str], rows: list[tuple[int, list[str]]], lines: list[str]) -> tuple[list[_Candidate], int]:
    """The chapters of a table's rows: its start column (by its header, else the one
    of times), its title column."""
    width = len(header)

    def labels_in(column: int) -> int:
        return sum(1 for _, cells in rows if column < len(cells) and _CELL_LABEL.match(cells[column]))

    named = [c for c, name in enumerate(header) if _TIME_HEADER.match(plain_title(name))]
    time_column = next((c for c in named if labels_in(c) * 2 >= len(rows)), None)
    if time_column is None:
        counts = [labels_in(c) for c in range(width)]
        best = max(range(width), key=lambda c: counts[c], default=None)
        if best is None or counts[best] * 5 < len(rows) * 4:
            return [], 0
        time_column = best
    titled = [
        c for c, name in enumerate(header)
        if c != time_column and _TITLE_HEADER.search(name)
        and any(re.search(r"[^\W\d_]", cells[c]) for _, cells in rows if c < len(cells))
    ]
    text_columns = [
        c for c in range(width)
        if c != time_column and any(re.search(r"[^\W\d_]{2}", cells[c]) for _, cells in rows if c < len(cells))
    ]
    title_column = (titled or text_columns or [None])[0]
    candidates = []
    for index, cells in rows:
        if time_column >= len(cells):
            continue
        match = _CELL_LABEL.match(cells[time_column])
        if not match or not _valid_label(match.group(1)):
            continue
        label = match.group(1)
        title = cells[title_column] if title_column is not None and title_column < len(cells) else ""
        url = _first_url(cells[time_column]) or _first_url(lines[index])
        candidates.append(_Candidate(index, label, label_seconds(label), plain_title(title), url, "table"))
    sureness = 0
    if time_column in named:
        sureness = 2 if _STRONG_TIME_HEADER.match(plain_title(header[time_column])) else 1
    return candidates, sureness


def _context_above(lines: list[str], index: int) -> int:
    """How surely a line just above ``index`` (a heading, a lead, a label) says that
    a list of chapters follows: 2 ("Timestamps", "Chapters", "Outline"), 1
    ("Topics", "Highlights"), 0; -1 when it says clock times follow ("Timeline
    (PT)", "Schedule", "Agenda")."""
    seen = 0
    for back in range(index - 1, -1, -1):
        text = lines[back].strip()
        if not text:
            continue
        seen += 1
        if len(text) <= 80:
            if _STRONG_CONTEXT.search(text):
                return 2
            if _WEAK_CONTEXT.search(text):
                return 1
            if _CLOCK_CONTEXT.search(text):
                return -1
        if seen >= 2:
            return 0
    return 0


_LOG_LEVEL = re.compile(r"^\s*(?:\[(?:[IWDEVTF]|info|warn(?:ing)?|debug|error|trace|fatal)\]|(?:INFO|WARN(?:ING)?|DEBUG|ERROR|TRACE|FATAL)\b)")
"""A log line's level after its time: ``[I]``, ``[W][mqtt:304]``, ``INFO``, ``ERROR``."""


def _accepted(run: list[_Candidate], context: int) -> bool:
    values = [c.seconds for c in run]
    if len(run) < 2:
        return False
    if all(c.form == "under" for c in run):
        # Titles over their times: a list from the episode's start, forward, each title once (a chat's
        # messages over their clock times start late; a transcript's speakers come back)
        titles = [c.title for c in run]
        return len(run) >= 3 and values[0] == 0 and all(b > a for a, b in zip(values, values[1:])) and len(set(titles)) == len(titles)
    forward = sum(1 for a, b in zip(values, values[1:]) if b > a)
    if forward < 0.7 * (len(values) - 1) or values[0] > min(values):
        return False
    gaps = sorted(b - a for a, b in zip(values, values[1:]))
    if len(run) >= TRANSCRIPT_LINES and gaps[len(gaps) // 2] < TRANSCRIPT_GAP:
        return False  # a transcript's cues, a few seconds apart, are not chapters
    titles = [c.title for c in run]
    if sum(1 for t in titles if _LOG_LEVEL.match(t)) * 2 > len(titles):
        return False  # "07:15:02 [I][bme280:215]: Got …": a program's log
    if len(run) >= 3 and gaps[len(gaps) // 2] < 10 and values[0] >= CLOCK_START:
        return False  # times of day seconds apart: a log, not an episode's chapters
    lengths = sorted(len(t) for t in titles)
    if lengths[len(lengths) // 2] > LONG_TITLE:
        return False  # transcript paragraphs
    speakers = [m.group() for t in titles if (m := _CHAT_TITLE.match(t))]
    if len(speakers) * 2 > len(titles) and len(set(speakers)) < len(speakers):
        return False  # "[00:12] Ana: ..." chat or transcript lines: names come back
    linked = sum(1 for c in run if c.url and c.form == "linked")
    hours = any(c.label.count(":") == 2 for c in run)
    if linked * 2 >= len(run) or context >= 2:
        return True
    clock_labels = all(c.label.count(":") == 1 and int(c.label.split(":")[0]) <= 23 for c in run)
    if context < 0 and clock_labels:
        return False  # "## Timeline (PT)" over "- 00:01 went live": the hours of a day
    if not any(re.search(r"[^\W\d_]", t) for t in titles):
        return False  # bare times (a list of scores or clock readings)
    clock_labels = all(c.label.count(":") == 1 and int(c.label.split(":")[0]) <= 23 for c in run)
    padded = all(len(c.label.split(":")[0]) == 2 for c in run)
    quarters = all(int(c.label.split(":")[1]) % 15 == 0 for c in run)
    # "10:30" is a clock time when every label is; "8:30 … 11:00" when every one is on the quarter hour.
    clockish = clock_labels and (padded or quarters) and values[0] >= CLOCK_START
    if clockish:
        return False
    if context or hours or values[0] <= 60 or len(run) >= 3:
        return True
    # Two chapters: a label no clock shows (past 23) says they are times in an episode.
    return any(int(c.label.split(":")[0]) > 23 for c in run)


OUTLINE_POINTS = 12
_SUB_POINT = re.compile(r"^(?:[ \t]+\S|[ \t]*[•◦▪‣][ \t])")
"""A point under an outline's heading: indented, or led by a bullet sign (not ``-``,
which a chapter list's own lines use)."""


def _runs(candidates: list[_Candidate], lines: list[str]) -> list[list[_Candidate]]:
    """Candidates grouped into lists: headings of one level together, other lines when
    at most MAX_GAP_LINES non-blank lines stand between them (and they keep one form
    family: leading labels or trailing labels)."""
    runs: list[list[_Candidate]] = []
    by_heading: dict[int, list[_Candidate]] = {}
    current: list[_Candidate] = []
    for candidate in candidates:
        if candidate.heading:
            by_heading.setdefault(candidate.heading, []).append(candidate)
            continue
        if current:
            previous = current[-1]
            between = [raw for raw in lines[previous.line + 1 : candidate.line] if raw.strip()]
            gap = len(between)
            if gap <= OUTLINE_POINTS and all(_SUB_POINT.match(raw) for raw in between) and not any(
                _SUB_POINT.match(lines[c.line]) for c in (previous, candidate)
            ):
                gap = 0  # an outline: each time-labelled heading with its points indented under it
            same_family = (previous.form == "trailing") == (candidate.form == "trailing") and (previous.form == "under") == (candidate.form == "under")
            going_back = candidate.seconds < previous.seconds and len(current) >= 2
            if gap > MAX_GAP_LINES or not same_family or going_back or (previous.form == "table") != (candidate.form == "table"):
                runs.append(current)
                current = []
        current.append(candidate)
    if current:
        runs.append(current)
    runs.extend(by_heading.values())
    return runs


def find_chapters(lines: list[str], first_line: int) -> tuple[list[Timestamp], list[str]]:
    """The episode chapters of a document body (``lines``, the first of which is file
    line ``first_line``), and warnings. A chapter's ``url`` is the link on its line,
    or empty when the line has none (the page's media URL then stands in: see
    ``media.media_url``)."""
    candidates: list[_Candidate] = []
    table_context: dict[int, int] = {}
    in_fence = False
    skip_until = 0
    # Only lines with a time (and fences, which hide them) are looked at.
    text, line_of = joined(lines)
    wanted = {line_of(m.start()) for m in _TIME_MARK.finditer(text)}
    wanted.update(line_of(m.start()) for m in _FENCE_LINE.finditer(text))
    for line in sorted(wanted):
        if line < skip_until:
            continue
        raw = lines[line]
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if "\t" in raw and line > 0 and lines[line - 1].count("\t") == raw.count("\t") and line - 1 >= skip_until:
            header_at = line - 1
            while header_at > 0 and lines[header_at - 1].count("\t") == raw.count("\t"):
                header_at -= 1
            rows, end, sureness = _tsv_candidates(lines, header_at)
            if rows:
                table_context.update((c.line, sureness) for c in rows)
                candidates.extend(rows)
                skip_until = end
                continue
        if _TABLE_ROW.match(raw):
            top = line
            while top > 0 and (_TABLE_ROW.match(lines[top - 1]) or _TABLE_RULE.match(lines[top - 1]) or _BOX_TOP.match(lines[top - 1])):
                top -= 1
            start = next((k for k in range(top, line) if _TABLE_ROW.match(lines[k]) and _TABLE_RULE.match(lines[k + 1])), None)
            if start is not None:
                rows, end, sureness = _table_candidates(lines, start)
                table_context.update((c.line, sureness) for c in rows)
                candidates.extend(rows)
                skip_until = end
                continue
        found = _candidate(line, raw, lines)
        if found is not None:
            candidates.append(found)
    stamps: list[Timestamp] = []
    warnings: list[str] = []
    # A label linked to a time in a video (``[16:25](...&t=985s)``) is a chapter on
    # its own; the other forms count in lists only.
    sure = [c for c in candidates if c.form == "linked" and c.url and (url_seconds(c.url) is not None or _media_link(c.url))]
    rest = [c for c in candidates if c not in sure]
    accepted = [sure] if sure else []
    for run in _runs(rest, lines):
        first = run[0]
        above = _context_above(lines, first.line)
        context = max(above, table_context[first.line]) if first.line in table_context else above
        if _accepted(run, context):
            accepted.append(run)
    seen: set[tuple[int, str]] = set()
    for run in accepted:
        if any(c.form == "under" for c in run) and all((c.seconds, c.title.lower()) in seen for c in run):
            continue  # the same chapters shown again (YouTube's chapter cards under its description)
        seen.update((c.seconds, c.title.lower()) for c in run)
        for candidate in run:
            line = first_line + candidate.line
            url = candidate.url or ""
            from_url = url_seconds(url) if url else None
            if from_url is not None and from_url != candidate.seconds:
                warnings.append(
                    f"line {line}: timestamp {candidate.label} ({candidate.seconds} s) disagrees with its "
                    f"URL ({from_url} s); the label is kept"
                )
            stamps.append(Timestamp(candidate.label, candidate.seconds, candidate.title, url, line))
    stamps.sort(key=lambda stamp: stamp.line)
    return stamps, warnings


_DURATION = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")


def _media_link(url: str) -> bool:
    return is_media_url(url)


def url_seconds(url: str) -> int | None:
    """The start a URL asks for: ``t=985s``, ``t=1h2m3s``, ``t=123``, ``#t=123``,
    ``start=123``, ``#t=16:25``; None when it names none."""
    from urllib.parse import parse_qsl, urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for name, value in parse_qsl(parts.query) + parse_qsl(parts.fragment):
        if name not in ("t", "start", "time_continue") or not value:
            continue
        value = value.strip()
        if re.fullmatch(_LABEL, value) and _valid_label(value):
            return label_seconds(value)
        match = _DURATION.match(value.split(",")[0])
        if match and any(match.group(g) for g in "hms"):
            return int(match.group("h") or 0) * 3600 + int(match.group("m") or 0) * 60 + int(match.group("s") or 0)
    return None
