"""The recognisers of ``tui_reader/corpus/formats``, one family at a time: the forms
they read, the look-alikes they must not read, and hypothesis over any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.corpus.formats import chapters, media, summaries, threads
from tui_reader.corpus.formats.dates import date_in_lines, parse_date
from tui_reader.corpus.formats.kinds import Evidence, classify
from tui_reader.corpus.links import normalize_url
from tui_reader.corpus.relations import stem_root

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seconds(text: str) -> list[int]:
    return [stamp.seconds for stamp in chapters.find_chapters(text.split("\n"), 1)[0]]


# --- chapters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0:00 Intro\n1:23 Why\n12:05 Deep part\n1:02:03 Wrap up", [0, 83, 725, 3723]),
        ("OUTLINE:\n(00:00) – Introduction\n(08:26) – Topic\n(1:12:40) – Third", [0, 506, 4360]),
        ("[00:00:00] Cold open\n[00:12:34] Topic\n[00:40:00] End", [0, 754, 2400]),
        ("- 00:00 - Intro\n- 12:34 - Topic\n- 25:00 - End", [0, 754, 1500]),
        ("• 02:41 — One\n• 10:12 — Two\n• 25:00 — Three", [161, 612, 1500]),
        ("00:00:00.000 Intro\n00:01:59.500 Two\n00:10:02.000 Three", [0, 119, 602]),
        ("| Ch | Title | Start |\n|---|---|---|\n| 1 | Open | 00:00 |\n| 2 | Talk | 04:30 |", [0, 270]),
        ("- Intro (0:00)\n- Middle (5:30)\n- End (20:01)", [0, 330, 1201]),
        ("### [Snip one](u)\n\n🎧 10:12 - 11:44 (01:32)\n\ntext\n\n### [Snip two](u)\n\n🎧 26:40 - 28:05 (1min)", [612, 1600]),
        ("- {{youtube-timestamp 01:47}} opens\n- {{youtube-timestamp 1085}} diffs\n- {{youtube-timestamp 31:58}} end", [107, 1085, 1918]),
        ("Timestamps\n([16:25](https://youtu.be/x?t=985)) One", [985]),
    ],
)
def test_chapter_layouts(text: str, expected: list[int]) -> None:
    assert seconds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- 09:30 standup\n- 11:00 design review\n- 14:00 1:1 with Sam",  # clock times
        "We met at 10:30 and talked.\nThe ratio 16:9 is common.\nScore was 3:1.",
        "v2.10: fixes\nv2.11: more",
        "[09:12:44] Alice: hi there\n[09:13:02] Bob: hello\n[09:14:10] Alice: what's up",  # a chat
        "\n".join(f"00:00:{s:02d}.000 and then the speaker says words" for s in range(0, 60, 3)),  # transcript cues
        "10:30 we started with coffee",  # one line is no list
        "```\n0:00 Intro\n1:00 Two\n2:00 Three\n```",  # code
    ],
)
def test_times_that_are_not_chapters(text: str) -> None:
    assert seconds(text) == []


def test_a_label_and_its_url_disagree_the_label_wins() -> None:
    stamps, warnings = chapters.find_chapters(["([01:00](https://youtube.com/watch?v=X&t=99s)) Mismatch"], 3)
    assert stamps[0].seconds == 60 and "line 3" in warnings[0]


@FUZZ
@given(st.lists(st.text(max_size=80), max_size=30), st.integers(1, 10_000))
def test_find_chapters_never_raises(lines: list[str], first_line: int) -> None:
    stamps, _ = chapters.find_chapters(lines, first_line)
    for stamp in stamps:
        assert first_line <= stamp.line < first_line + len(lines) and stamp.seconds >= 0


# --- media ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk&t=5s", "https://www.youtube.com/watch?v=abcdefghijk&t=985s"),
        ("https://youtu.be/abcdefghijk?si=x", "https://youtu.be/abcdefghijk?si=x&t=985"),
        ("https://www.youtube.com/live/abcdefghijk?si=x", "https://www.youtube.com/watch?v=abcdefghijk&si=x&t=985s"),
        ("https://www.youtube.com/embed/abcdefghijk", "https://www.youtube.com/embed/abcdefghijk?start=985"),
        ("https://open.spotify.com/episode/2DkaN?si=1", "https://open.spotify.com/episode/2DkaN?si=1&t=985"),
        ("https://podcasts.apple.com/us/podcast/x/id1?i=100", "https://podcasts.apple.com/us/podcast/x/id1?i=100&t=985"),
        ("https://cdn.example.com/ep17.mp3", "https://cdn.example.com/ep17.mp3#t=985"),
        ("https://www.twitch.tv/videos/1", "https://www.twitch.tv/videos/1?t=0h16m25s"),
        ("https://example.com/episode", "https://example.com/episode#t=985"),
    ],
)
def test_a_chapter_opens_in_the_terms_of_its_host(url: str, opened: str) -> None:
    assert media.at_second(url, 985) == opened


def test_media_url_prefers_a_media_field_then_the_first_player_link() -> None:
    assert media.media_url({"video": "https://youtu.be/abc"}, []) == "https://youtu.be/abc"
    assert media.media_url({"url": "https://blog.example/ep"}, ["https://x.example", "https://open.spotify.com/episode/1"]) == (
        "https://open.spotify.com/episode/1"
    )
    assert media.media_url({}, ["https://example.com/a"]) is None


# --- URL variants -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://www.example.com/a/", "https://example.com/a?utm_source=x&fbclid=1"),
        ("https://youtu.be/abcdefghijk?si=1", "https://m.youtube.com/watch?v=abcdefghijk&t=30s"),
        ("https://www.youtube.com/shorts/abcdefghijk", "https://www.youtube.com/embed/abcdefghijk"),
        ("https://www.youtube.com/live/abcdefghijk", "https://youtube.com/watch?v=abcdefghijk&lc=Ug"),
        ("https://old.reddit.com/r/x/comments/abc12/slug/", "https://www.reddit.com/comments/abc12"),
        ("https://podcasts.apple.com/us/podcast/p/id1?i=100&t=5", "https://podcasts.apple.com/us/podcast/p/id1?i=100"),
        ("https://en.m.wikipedia.org/wiki/X", "https://en.wikipedia.org/wiki/X"),
    ],
)
def test_url_variants_name_one_page(a: str, b: str) -> None:
    assert normalize_url(a) == normalize_url(b)


def test_apple_episodes_stay_apart() -> None:
    assert normalize_url("https://podcasts.apple.com/p/id1?i=100") != normalize_url("https://podcasts.apple.com/p/id1?i=200")


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Nov 13, 2025", "2025-11-13"), ("13/11/2025", "2025-11-13"), ("11/12/2025", "2025-11-12"),
        ("2025-11-13T09:30:00Z", "2025-11-13"), ("20240712", "2024-07-12"), ("published: November 2, 2025", "2025-11-02"),
        (dt.date(2024, 1, 2), "2024-01-02"), ("Nov 13", None), ("2025", None), ("soon", None), ("31/02/2025", None),
    ],
)
def test_dates(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_a_date_line_near_the_top() -> None:
    assert date_in_lines(["# Title", "", "**Published:** Nov 13, 2025"]) == "2025-11-13"
    assert date_in_lines(["# Title", "November 12, 2025 · 6 min read"]) == "2025-11-12"


@FUZZ
@given(st.text(max_size=60))
def test_parse_date_never_raises(text: str) -> None:
    found = parse_date(text)
    assert found is None or dt.date.fromisoformat(found)


# --- threads --------------------------------------------------------------------------------

HN = """Hacker News new | past | comments | ask | show | jobs | submit login
A story (example.com)
120 points by alice 5 hours ago | hide | past | favorite | 3 comments

bob 4 hours ago | next [–]

First &#x27;comment&#x27;.

reply

  carol 3 hours ago | parent | next [–]

  A reply.

  reply

dave 2 hours ago | prev | next [–]

Another one.

reply
"""


def test_a_hacker_news_page_copy() -> None:
    thread = threads.recognise(HN.split("\n"), 1)
    assert thread is not None and thread.format == "Hacker News page copy"
    assert [(c.author, c.depth, c.text) for c in thread.comments] == [
        ("bob", 0, "First 'comment'."), ("carol", 1, "A reply."), ("dave", 0, "Another one."),
    ]
    assert thread.title == "A story"


def test_a_chat_export() -> None:
    lines = [
        "[13/11/2025, 09:12:44] Ana: Messages and calls are end-to-end encrypted.",
        "[13/11/2025, 09:13:00] Ana: This week's pick",
        "https://example.com/ep",
        "[13/11/2025, 09:15:02] Ben: on it",
        "[13/11/2025, 10:01:40] Cy: great episode",
    ]
    thread = threads.recognise(lines, 1)
    assert thread is not None and [c.author for c in thread.comments] == ["Ana", "Ben", "Cy"]
    assert thread.url == "https://example.com/ep"


def test_comments_copied_from_a_page_with_mention_replies() -> None:
    lines = "@ana\n2 days ago\nLoved it, thanks\n12\nReply\n@ben\n1 day ago\n@ana same here really\n3\nReply\n@cy\n5 hours ago\nWhat mic is that?\nReply".split("\n")
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("@ana", 0), ("@ben", 1), ("@cy", 0)]


def test_meeting_notes_are_no_thread() -> None:
    lines = ["Attendees: Ana, Ben", "09:30 start", "  - Ana: yes for migrations", "  - Ben: no", "- Cy: update the doc"]
    assert threads.recognise(lines, 1) is None


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=60), st.sampled_from(HN.split("\n"))), max_size=40))
def test_recognise_never_raises(lines: list[str]) -> None:
    thread = threads.recognise(lines, 1)
    if thread is not None:
        assert all(c.depth >= 0 and c.text for c in thread.comments)


# --- summaries, kinds, stems --------------------------------------------------------------


def test_summary_signals_and_pointers() -> None:
    lines = ["## TL;DR", "", "Short.", "", "**Link:** [The post](https://example.com/p?utm_source=x)", "[^1]: https://foot.example/n"]
    signals = summaries.summary_signals({}, lines, "Notes")
    assert signals.is_summary and signals.strength == 2
    targets = [p.target for p in summaries.pointers({}, lines, 1)]
    assert targets[:2] == ["https://example.com/p?utm_source=x", "https://foot.example/n"]
    assert [p.target for p in summaries.pointers({"source": "[[The Article]]"}, [], 1)] == ["wiki:The Article"]


def test_kinds_with_reasons() -> None:
    def kind(**fields: object) -> tuple[str, str]:
        return classify(Evidence(meta=fields.pop("meta", {}), lines=fields.pop("lines", []), stem=fields.pop("stem", "x"), **fields))  # type: ignore[arg-type]

    assert kind(meta={"type": "summary"})[0] == "summary"
    assert kind(thread="Hacker News page copy, 3 comments") == ("comments", "Hacker News page copy, 3 comments")
    assert kind(headings=["Prerequisites", "Step 1: Install", "Step 2: Run"], title="Ship it")[0] == "guide"
    assert kind(own_url="https://example.com/a")[0] == "source"
    assert kind(stem="2025-11-13", lines=["- 09:30 standup"])[0] == "note"
    assert kind(meta={"title": "x"}, lines=["word " * 200])[0] == "article"


def test_file_name_stems() -> None:
    assert stem_root("ep-17-comments") == ("ep-17", {"comments"})
    assert stem_root("ep-17-comments-summary") == ("ep-17", {"comments", "summary"})
    assert stem_root("summary_ep-17") == ("ep-17", {"summary"})
    assert stem_root("Title [dQw4w9WgXcQ]")[0] == "dqw4w9wgxcq"
