"""Transcripts: the words of an episode or a video, cue by cue.

A transcript is source material (what was said), not a comment thread, and its cue
times are not chapters. The cue forms read:

| form | example | written by |
|---|---|---|
| WebVTT / SRT | ``00:00:02.640 --> 00:00:04.640`` | caption files, youtube-transcript-api, yt-dlp |
| speaker, then time | ``Hana Sato  0:09`` on its own line, the words below | Otter.ai, Descript |
| time, then words | ``[00:01:02] Speaker 1: words``, ``(0:09) words``, ``0:09 words`` | Rev, Whisper front ends, podcast sites |
| time alone | ``0:09`` on its line, the words below | YouTube's "Show transcript" copied |

The times must start near the beginning (a transcript starts at zero, a chat log at
a clock time) and go forward.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

MIN_CUES = 6
START_WITHIN = 5 * 60
"""The first cue of a transcript is within its first minutes."""

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_VTT = re.compile(r"^\s*(?P<time>" + _TIME + r")\s*-->\s*" + _TIME)
_SPEAKER_TIME = re.compile(r"^(?P<speaker>[^\d\s:<>\[\]()][^:<>\[\]\n]{0,40}?)\s{2,}(?P<time>" + _TIME + r")\s*$")
_TIME_WORDS = re.compile(
    r"^\s*[\[(]?(?P<time>" + _TIME + r")[\])]?\s+(?:[-–—]\s+)?(?P<words>(?!<)\S.{3,})$"
)
_TIME_ALONE = re.compile(r"^\s*[\[(]?(?P<time>" + _TIME + r")[\])]?\s*$")
_NAME_LEAD = re.compile(r"^([\w.\- ]{1,30}?):\s")
MAX_SPEAKERS = 4
"""More names than this, each leading its line: a chat, not a transcript's speakers."""
_QUICK = re.compile(r"-->|^[ \t]*[\[(]?\d{1,2}:\d\d|\s\s\d{1,2}:\d\d[ \t]*$", re.MULTILINE)


def seconds(label: str) -> int:
    parts = re.split(r"[.,]", label)[0].split(":")
    total = 0
    for part in parts:
        total = total * 60 + int(part)
    return total


def transcript(lines: Sequence[str]) -> str | None:
    """Why ``lines`` are a transcript ("a transcript: 40 cues (WebVTT)"), or None."""
    text = "\n".join(lines[:3000])
    if sum(1 for _ in itertools.islice(_QUICK.finditer(text), MIN_CUES)) < MIN_CUES:
        return None
    best: tuple[int, str] | None = None
    for name, pattern, needs_words_below in (
        ("WebVTT or SRT", _VTT, False),
        ("a speaker and a time, the words below", _SPEAKER_TIME, True),
        ("a time, then the words", _TIME_WORDS, False),
        ("a time alone, the words below", _TIME_ALONE, True),
    ):
        cues: list[int] = []
        speakers: list[str] = []
        for index, raw in enumerate(lines[:3000]):
            match = pattern.match(raw)
            if match is None:
                continue
            if needs_words_below and not _words_below(lines, index):
                continue
            cues.append(seconds(match.group("time")))
            if "words" in match.groupdict() and (lead := _NAME_LEAD.match(match.group("words"))):
                speakers.append(lead.group(1).lower())
        if len(cues) < MIN_CUES or cues[0] > START_WITHIN:
            continue
        if len(speakers) * 2 > len(cues) and len(set(speakers)) > MAX_SPEAKERS:
            continue  # many names: a chat replayed with its video's times (Twitch), not a transcript
        forward = sum(1 for a, b in zip(cues, cues[1:]) if b >= a)
        if forward < 0.9 * (len(cues) - 1):
            continue
        if pattern is not _VTT and not _close(cues):
            continue  # a chapter list: minutes apart, not seconds
        if best is None or len(cues) > best[0]:
            best = (len(cues), name)
    if best is None:
        return None
    return f"a transcript: {best[0]} cues ({best[1]})"


def _words_below(lines: Sequence[str], index: int) -> bool:
    following = [raw for raw in lines[index + 1 : index + 5] if raw.strip()][:2]
    below = following[0] if following else ""
    if len(below.split()) < 2 and len(following) == 2 and re.fullmatch(r"\s*[^\W\d_][\w.'’\- ]{0,30}\s*", below):
        below = following[1]  # "[00:00:17]" / "Lucie" / the words (Happy Scribe): the speaker's name first
    return len(below.split()) >= 2 and not _TIME_ALONE.match(below) and not _SPEAKER_TIME.match(below)


def _close(cues: list[int]) -> bool:
    """Cues typically under a minute apart (a transcript's; a chapter list's are minutes)."""
    gaps = sorted(b - a for a, b in zip(cues, cues[1:]))
    return gaps[len(gaps) // 2] < 60
