"""The recognisers of ``tui_reader/corpus/formats``, one family at a time: the forms
they read, the look-alikes they must not read, and hypothesis over any text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.corpus.formats import chapters, media, summaries, threads, transcripts
from tui_reader.corpus.formats.dates import date_in_lines, parse_date
from tui_reader.corpus.loading import yarle_metadata
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
        "8:30 water off\n9:00 cartridge swap\n10:30 water back on\n11:00 silicone",  # a day's plan
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
    # a newspaper's byline: weekday, British clock and zone
    assert date_in_lines(["Headline", "Tue 4 Mar 2025 06.00 GMT", "Share"]) == "2025-03-04"
    assert date_in_lines(["Headline", "Version 4 Mar 2025 06.00 GMT"]) is None


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


def test_plain_text_digests_and_their_entries() -> None:
    substack = [
        "View this post on the web at https://fold.substack.com/p/issue-87",
        "",
        "Hello from a wet Thursday. Two things this week.",
        "Why the night bus map was redrawn [ https://lines.example/night-bus?utm_source=fold ]",
        "City Lines has the best explainer of why the night network changed in September this year.",
        "Paper, punched [ https://substack.com/redirect/4c1e?j=abc ]",
        "A retired conductor has held on to every paper ticket he punched since 1971, sorted by route.",
        "Subscribe here [ https://substack.com/redirect/5d8a ].",
        "",
        "Unsubscribe https://substack.com/redirect/2/xyz",
    ]
    entries = summaries.digest_entries(substack)
    assert [(e.title, e.url) for e in entries] == [
        ("Why the night bus map was redrawn", "https://lines.example/night-bus?utm_source=fold"),
        ("Paper, punched", "https://substack.com/redirect/4c1e?j=abc"),
    ]
    signals = summaries.summary_signals({}, substack, "")
    assert signals.strength == 2 and any("newsletter's email" in r for r in signals.reasons)
    tldr = [
        "HOW WE CUT OUR COLD STARTS BY 80% (5 MINUTE READ) [5]",
        "",
        "Moving heavy imports into the functions that need them took p99 cold starts from 3.1 s to 0.6 s.",
        "",
        "A FIELD GUIDE TO LOCK QUEUES (9 MINUTE READ) [6]",
        "",
        "Why a harmless-looking ALTER TABLE can stall every query behind it, and what to do instead.",
        "",
        "Links:",
        "------",
        "[5] https://blog.example/lazy-imports/?utm_source=tldr",
        "[6] https://pg.example/lock-queues",
    ]
    assert [(e.title, e.url) for e in summaries.digest_entries(tldr)] == [
        ("HOW WE CUT OUR COLD STARTS BY 80%", "https://blog.example/lazy-imports/?utm_source=tldr"),
        ("A FIELD GUIDE TO LOCK QUEUES", "https://pg.example/lock-queues"),
    ]
    # Footer links and buttons have no paragraph of their own: no entries.
    assert summaries.digest_entries(["Sign up [ https://a.example ]", "Share [ https://b.example ]", "", "Thanks!"]) == []


def test_what_is_and_is_not_a_summary() -> None:
    def strength(lines: list[str], title: str = "", meta: dict[str, object] | None = None) -> int:
        return summaries.summary_signals(meta or {}, lines, title).strength

    assert strength(["Here's a short summary:", "", "Main argument: toggles are debt."]) == 2
    assert strength(["# Lazy imports", "", "- one"], title="Lazy imports — key points") == 2
    assert strength(["text"], meta={"type": "literature-note"}) == 2
    # A timetable under its source:: property is copied numbers, not a summary of the page.
    timetable = ["source:: https://ferries.example/spring", "- Weekday", *[f"\t- {h:02d}:15" for h in range(6, 20)]]
    assert strength(timetable) == 0
    assert strength(["Source: https://example.com/post", "", "The author argues that toggles are debt to be paid down soon."]) == 1
    # The page's own text first, its highlights after it: a saved page.
    page = ["# Pigeons", "", *["Gwen keeps forty-two pigeons in a converted stable above the valley and flies them."] * 20,
            "", "## Highlights", "", "> one destination"]
    assert strength(page) == 0
    assert strength(["## Highlights", "", "> one destination", "", "Gwen keeps pigeons."]) == 2


def test_more_kinds_by_name_and_url() -> None:
    def kind(**fields: object) -> str:
        return classify(Evidence(meta=fields.pop("meta", {}), lines=fields.pop("lines", []), stem=fields.pop("stem", "x"), **fields))[0]  # type: ignore[arg-type]

    prose = ["The claim that checkable predictions leak trust is an old one, and I think it holds. " * 8] * 5
    assert kind(stem="202503022230 trust leaks from checkable predictions", meta={"tags": ["x"]}, lines=prose) == "note"
    assert kind(meta={"tags": ["x"]}, lines=prose) == "article"
    headings = ["What you'll need", "Steps"]
    assert kind(headings=headings, own_url="https://home.example/guides/shower-cartridge", title="Shower cartridge") == "guide"
    assert kind(headings=headings, own_url="https://home.example/blog/shower-cartridge", title="Shower cartridge") == "source"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("WEBVTT\n\n" + "\n\n".join(f"00:00:{s:02d}.000 --> 00:00:{s + 2:02d}.500\nwords said here" for s in range(0, 40, 4)), "WebVTT"),
        ("\n\n".join(f"Hana Sato  0:{s:02d}\nSomething said at this point." for s in range(0, 50, 7)), "a speaker and a time"),
        ("\n".join(f"[00:00:{s:02d}] Speaker {s % 2 + 1}: and then we talked" for s in range(0, 50, 6)), "a time, then the words"),
        ("\n".join(f"0:{s:02d}\nso this jar has been on my counter" for s in range(0, 50, 5)), "a time alone"),
    ],
)
def test_transcripts(text: str, form: str) -> None:
    reason = transcripts.transcript(text.split("\n"))
    assert reason is not None and form in reason


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"{m}:00 Chapter {m}" for m in range(0, 40, 5)),  # chapters: minutes apart
        "\n".join(f"[09:{m:02d}] Ana: hi" for m in range(10, 40, 3)),  # a chat at clock times
        "\n".join(f"[0:00:{s:02d}] {name}: hi" for s, name in zip(range(0, 60, 6), "abcdefghij")),  # a replayed chat, many names
    ],
)
def test_what_is_no_transcript(text: str) -> None:
    assert transcripts.transcript(text.split("\n")) is None


@FUZZ
@given(st.lists(st.text(alphabet="0123456789:.-> []()abcAB\t", max_size=40), max_size=60))
def test_transcript_never_raises(lines: list[str]) -> None:
    transcripts.transcript(lines)


def test_a_stack_overflow_page_copy() -> None:
    lines = [
        "Why is X slow?", "Ask Question", "Asked 2 years ago", "Viewed 3k times", "", "12", "",
        "My query takes a minute on a big table.", "", "sql", "Share", "Improve this question", "Follow",
        "asked Feb 28, 2022 at 16:45", "ana", "1,121 gold badge",
        "Which version is this? – bo Feb 28, 2022 at 16:51", "Add a comment", "2 Answers", "Sorted by:",
        "Highest score (default)", "", "41", "", "Add an index on the column you filter by.", "", "Share",
        "Improve this answer", "Follow", "answered Feb 28, 2022 at 17:20", "bo", "22.4k",
        "That did it, thanks. – ana Mar 1, 2022 at 9:12", "Add a comment", "", "3", "",
        "Or partition it by month.", "", "Share", "Improve this answer", "Follow", "answered Apr 19, 2022 at 7:03",
        "cy", "41", "Add a comment", "", "Your Answer",
    ]
    thread = threads.recognise(lines, 1)
    assert thread is not None and thread.format == "Stack Exchange page copy"
    assert [(c.author, c.depth) for c in thread.comments] == [("bo", 0), ("bo", 0), ("ana", 1), ("cy", 0)]
    assert thread.title == "Why is X slow?" and thread.own_title


def test_replies_that_quote_what_they_answer() -> None:
    zoom = [
        "10:02:15 From Priya Nair to Everyone:", "\tLink for anyone who joined late: https://example.com/rfc",
        "10:03:48 From Ben Ortiz to Everyone:", '\tReplying to "Link for anyone who..."', "\t", "\tthanks",
        "10:10:02 From Priya Nair to Everyone:", '\tReacted to "thanks" with 👍',
        "10:17:05 From Ben Ortiz to Everyone:", "\tThe cost table uses the list price.",
    ]
    thread = threads.recognise(zoom, 1)
    assert thread is not None and thread.format == "Zoom meeting chat"
    assert [(c.author, c.depth) for c in thread.comments] == [("Priya Nair", 0), ("Ben Ortiz", 1), ("Ben Ortiz", 0)]
    telegram = []
    for number, (name, text) in enumerate([("Lena", "Seen the video?"), ("Tarek", "> **↩ Reply to Lena:** Seen the video? ...\n\nYes!"),
                                           ("Sabine", "> **↩ Reply to Tarek:** Yes!\n\nMe too."), ("Lena", "Saturday then.")]):
        telegram += [f"### {name}", f"*2024-03-20 19:0{number}:11* | Message #{4101 + number}", "", *text.split("\n"), "", "---", ""]
    thread = threads.recognise(telegram, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("Lena", 0), ("Tarek", 1), ("Sabine", 2), ("Lena", 0)]


def test_an_unrolled_thread_is_one_authors_page() -> None:
    lines = [f"{n}/ Post number {n} of the thread, with a few words of its own to say here." for n in range(1, 9)]
    assert threads.recognise(lines, 1) is None
    assert classify(Evidence(meta={}, lines=lines, stem="thread", title="Thread"))[0] == "source"


def test_a_source_line_that_quotes_a_title() -> None:
    lines = ["# Briefing", "", "**Quelle:** Auszüge aus dem Vortrag „Wärmepumpen im Altbau: Was die Messdaten zeigen“ (YouTube)"]
    assert summaries.quoted_source(lines) == "Wärmepumpen im Altbau: Was die Messdaten zeigen"


def test_a_mailing_list_thread() -> None:
    lines = [
        "* [RFC] A review queue", "@ 2024-04-08  9:14 Ana Lima", "",
        "From: Ana Lima @ 2024-04-08  9:14 UTC (permalink / raw)", "  To: list", "", "Hi all, a proposal.", "",
        "^ permalink raw reply", "", "* Re: [RFC] A review queue",
        "@ 2024-04-08 11:02 ` Ben Ortiz", "",
        "From: Ben Ortiz @ 2024-04-08 11:02 UTC (permalink / raw)", "  To: Ana Lima", "",
        "On Mon, Apr 08, 2024 at 09:14:33AM +0000, Ana Lima wrote:", "> a proposal.", "", "I like it.", "",
        "^ permalink raw reply", "", "* Re: [RFC] A review queue",
        "@ 2024-04-08 13:47   ` Ana Lima", "",
        "From: Ana Lima @ 2024-04-08 13:47 UTC (permalink / raw)", "  To: Ben Ortiz", "",
        "On Mon, Apr 08, 2024 at 11:02:51AM +0000, Ben Ortiz wrote:", "> I like it.", "", "Thanks.", "",
    ]
    thread = threads.recognise(lines, 1)
    assert thread is not None and thread.format == "mailing-list thread"
    assert thread.description is not None and thread.description[1] == "Hi all, a proposal."
    assert [(c.author, c.depth, c.date) for c in thread.comments] == [("Ben Ortiz", 1, "2024-04-08"), ("Ana Lima", 2, "2024-04-08")]
    assert thread.title == "[RFC] A review queue"


def test_comments_as_paragraphs_led_by_their_author() -> None:
    lines = ["## Comments", "", "dk: The number that matters is p99.", "", "    bs: Any local store would do that.", "",
             "        dk: Sure, but nobody reaches for one.", "", "ho: A database is a fine queue."]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("dk", 0), ("bs", 1), ("dk", 2), ("ho", 0)]
    # Labels are no authors.
    assert threads.recognise(["Note: one.", "", "Update: two.", "", "Edit: three.", "", "Summary: four."], 1) is None


def test_messages_headed_by_their_date() -> None:
    lines = ["Apr 14, 2024  9:02:15 AM", "Lucía", "Look at this https://example.com/a", "Reactions:", "Loved by Inés", "",
             "Apr 14, 2024  9:20:11 AM", "Tomás", "Where does that number come from?",
             "    Apr 14, 2024  9:41:52 AM", "    Lucía", "    From the 2023 report.", "",
             "Apr 14, 2024  9:41:52 AM", "Lucía", "From the 2023 report.", "This message responded to an earlier message.", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth, c.text) for c in thread.comments] == [
        ("Lucía", 0, "Look at this https://example.com/a"), ("Tomás", 0, "Where does that number come from?"),
        ("Lucía", 1, "From the 2023 report."),
    ]


def test_slack_and_linkedin_copies() -> None:
    slack = ["Thread", "#inc-1", "", "Priya", "  10:42 AM", "Primary down, declaring SEV2.", "👀", "3", "2 replies", "",
             "Marco", "  10:44 AM", "on it, replica 02 is the candidate", "10:45", "the disk is at 100%", "",
             "Jonas", "  10:52 AM", "I will switch pgbouncer (edited)"]
    thread = threads.recognise(slack, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("Priya", 0), ("Marco", 1), ("Marco", 1), ("Jonas", 1)]
    linked = ["Feed post", "", "Ngozi Ade", " • 2nd", "Head of Reliability | Ops", "3d •  Edited • ", "", "We measured on-call.", "",
              "Like", "Comment", "", "Add a comment…", "", "Most relevant", ""]
    for name, badge, text in [("Marcus Feld", " • 1st", "Smaller rotations work."), ("Ngozi Ade", "Author", "Marcus Feld exactly."),
                              ("Dana White", " • 3rd+", "How about holidays?")]:
        linked += [name, badge, "Engineer at Somewhere | Things", "2d", "", text, "", "Like · 4 | Reply", ""]
    thread = threads.recognise(linked, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["Marcus Feld", "Ngozi Ade", "Dana White"]
    assert thread.description is not None and "We measured on-call." in thread.description[1]


def test_jira_dates_and_comment_heads() -> None:
    assert parse_date("11/Mar/24 5:12 PM") == "2024-03-11"
    lines = ["OPS-1", "Description", "Step 6 fails.", "Activity", "Permalink",
             " Tom Lis added a comment - 11/Mar/24 5:12 PM", "Reproduced on staging.", "Permalink",
             " Pia Ray added a comment - 12/Mar/24 11:41 AM", "Used the first option this morning.", "Permalink",
             " Tom Lis added a comment - 12/Mar/24 2:30 PM - edited", "MR with both changes is up."]
    thread = threads.recognise(lines, 1)
    assert thread is not None and [c.author for c in thread.comments] == ["Tom Lis", "Pia Ray", "Tom Lis"]


def test_yarle_metadata_at_the_end() -> None:
    lines = ["# Title", "", "Text.", "", "    Created at: 2023-11-04T09:12:44+01:00", "    Updated at: 2023-11-04T09:13:30+01:00",
             "    Source URL: https://example.com/a?utm_source=x", "    Notebook: Garden"]
    assert yarle_metadata(lines) == {"created": "2023-11-04T09:12:44+01:00", "updated": "2023-11-04T09:13:30+01:00",
                                     "source": "https://example.com/a?utm_source=x"}
    assert yarle_metadata(["# Title", "", "    Notebook: Garden"]) == {}


def test_summaries_that_say_so_in_plain_words() -> None:
    def strength(lines: list[str]) -> int:
        return summaries.summary_signals({}, lines, "").strength

    assert strength(["https://youtu.be/x", "", "Summary", "Batteries sell flexibility.", "", "Summarized by Eightify"]) == 2
    assert strength(["# Ep 87 notes", "", "Summary of [[spotify-episode-page|ep. 87]] with guest Rosa."]) == 2
    assert strength(["Key insights", "Batteries sell flexibility, not energy, and more words here."]) == 1
    assert strength(["We wrote a summary of the meeting later."]) == 0


def test_a_snip_whose_length_is_in_words() -> None:
    text = "### [Berries](u)\n\n🎧 06:31 - 07:32 (1min)\n\n### [Whips](u)\n\n🎧 31:10 - 32:40 (1min 30s)"
    assert seconds(text) == [391, 1870]


def test_cards_whose_buttons_come_after_the_text() -> None:
    lines = ["Group", "Ana Lima", "Admin", "Seed library is open again.", "14 comments", "Like", "Comment", "", "All comments", ""]
    for name, badge, text in [("Priya C", "Top contributor", "Any tomatoes yet?"), ("Ana Lima", "Author", "Priya C three kinds of cherry."),
                              ("Deb M", "", "Is the workshop the same as last year?")]:
        lines += [name, *([badge] if badge else []), text, "6d", "Like", "Reply", "2"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth, c.text) for c in thread.comments] == [
        ("Priya C", 0, "Any tomatoes yet?"), ("Ana Lima", 1, "Priya C three kinds of cherry."),
        ("Deb M", 0, "Is the workshop the same as last year?"),
    ]


def test_the_first_card_is_the_post_when_the_page_says_so() -> None:
    forum = ["Topic", "3", "replies", ""]
    for name, day, text in [("system", "Feb 18", "This is a companion topic."), ("felix", "Feb 18", "Thank you for this."),
                            ("lena", "Feb 19", "Partly, see the history."), ("ana", "Feb 19", "Why Yjs over Automerge?")]:
        forum += [name, day, "", text, "", "Reply", ""]
    thread = threads.recognise(forum, 1)
    assert thread is not None and [c.author for c in thread.comments] == ["felix", "lena", "ana"]
    assert thread.description is not None and "companion" in thread.description[1]


def test_a_pull_request_conversation() -> None:
    lines = ["docs: rewrite the guide", "#212", "marisol commented 5 days ago", "Member", "", "This rewrites docs/backup.md.",
             "marisol added 3 commits 5 days ago", "okonkwo reviewed 4 days ago", "okonkwo", "4 days ago", "Member", "",
             "Say the password file must be 0600.", "marisol", "4 days ago", "Author", "", "Added in the last commit.",
             "okonkwo approved these changes 3 days ago", "jdelacroix commented 3 days ago", "", "The restore section worked for me.",
             "Sign in to join this conversation."]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.text) for c in thread.comments] == [
        ("okonkwo", "Say the password file must be 0600."), ("marisol", "Added in the last commit."),
        ("jdelacroix", "The restore section worked for me."),
    ]


def test_a_quoted_message_in_a_reply_is_part_of_the_reply() -> None:
    lines = ["Chat", "", "Priya", "14/03/2025 9:05 am", "", "Draft is up for review.", "Tomás", "14/03/2025 9:12 am", "",
             "Should the tag come first?", "Priya", "14/03/2025 9:15 am", "", "Tomás", "14/03/2025 9:12 am",
             "Should the tag come first?", "After, I'll make it explicit."]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("Priya", 0), ("Tomás", 0), ("Priya", 1)]


def test_a_reader_view_article_is_no_line_dump() -> None:
    paragraph = "The survey team meets at seven in a car park that used to be a field, and nobody talks about the sea."
    lines = ["longshoremag.org", "The Coastline Is Not Where You Left It", "Imogen Castell", "12–15 minutes", "",
             *[x for _ in range(8) for x in (paragraph, "")]]
    assert threads.recognise(lines, 1) is None


def test_kindle_notebook_highlights() -> None:
    lines = ["Your Kindle Notes For:", "The Long Field", "Ilse Marwick", "8 Highlight(s) | 2 Note(s)",
             "Yellow highlight | Location: 212", "A field remembers everything.", "", "Blue highlight | Location: 1,047", "Weeds report."]
    assert summaries.summary_signals({}, lines, "").strength == 2


def test_a_line_chat_history() -> None:
    lines = ["[LINE] Chat history in Noodle Crawl", "Saved on: 6/15/2025, 22:41", "", "Sat, 6/14/2025",
             "18:02\tKenji\tFound the list https://example.com/ramen", "18:05\tAiko\tShio-ya second??", "18:20\tHana joined the group.",
             '19:40\tSam\t"Plan:', "1. Hoshi", '2. Shio-ya"', "", "Sun, 6/15/2025", "09:15\tKenji\tTakeda is closed on Wednesdays"]
    thread = threads.recognise(lines, 1)
    assert thread is not None and thread.title == "Noodle Crawl"
    assert [(c.author, c.text, c.date) for c in thread.comments] == [
        ("Kenji", "Found the list https://example.com/ramen", "2025-06-14"), ("Aiko", "Shio-ya second??", "2025-06-14"),
        ("Sam", "Plan:\n1. Hoshi\n2. Shio-ya", "2025-06-14"), ("Kenji", "Takeda is closed on Wednesdays", "2025-06-15"),
    ]


def test_a_chat_copied_from_telegrams_html_export() -> None:
    lines = ["Trail Runners", "", "12 May 2025", "", "Rui invited Marta", "", "RC", "", "20:14", "Rui Costa", "Worth reading first", "",
             "20:15", "Start ten days before the race", "", "IM", "", "20:31", "Inês Martins", "In reply to this message",
             "Ten days of sauna?", "", "13 May 2025", "", "MS", "", "07:30", "Marta Sousa", "Photo",
             "Not included, change data exporting settings to download.", "1280x960, 212.4 KB", "Where do we meet?", "",
             "RC", "", "07:41", "Rui Costa", "In reply to this message", "At the car park, 19:00", "", "Rui Costa pinned this message"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.text, c.date) for c in thread.comments] == [
        ("Rui Costa", "Worth reading first", "2025-05-12"), ("Rui Costa", "Start ten days before the race", "2025-05-12"),
        ("Inês Martins", "Ten days of sauna?", "2025-05-12"), ("Marta Sousa", "Where do we meet?", "2025-05-13"),
        ("Rui Costa", "At the car park, 19:00", "2025-05-13"),
    ]


def test_a_featured_box_repeats_comments_that_count_once() -> None:
    long = "The boreholes will outlive every mortgage on this street, so who owns the loop matters most."
    lines = ["Guardian Pick", long[:60] + "…", "Jump to comment", "Otter", "4 Mar 2025 9.03", "388", "Sort by", "Oldest", ""]
    for name, day, text in [("Gill", "4 Mar 2025 6.48", "Forty-two houses sharing one set of holes."),
                            ("Moss", "4 Mar 2025 7.05", "Six years of meetings, mentioned in passing."), ("Otter", "4 Mar 2025 9.03", long)]:
        lines += [name, day, "12", text, "Reply", "Report"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.date) for c in thread.comments] == [("Gill", "2025-03-04"), ("Moss", "2025-03-04"), ("Otter", "2025-03-04")]


def test_a_page_copied_with_its_menu_is_no_line_dump() -> None:
    paragraph = "Residents stepped over cable drums while a rig sank boreholes down the street, one every few doors."
    lines = ["Skip to main contentSkip to navigation", "Search jobs", "Sign in", "News", "Opinion", "Sport",
             "Shared ground loops on a terraced street", "Tue 4 Mar 2025 06.00 GMT", *[x for _ in range(8) for x in (paragraph, "")]]
    assert threads.recognise(lines, 1) is None


def test_reply_depths_from_stated_reply_counts() -> None:
    # direct replies: A has 2 (B, D), B has 1 (C)
    assert threads.counted_depths([2, 1, 0, 0, 0]) == [0, 1, 2, 1, 0]
    # counted as all descendants where the direct reading does not add up
    assert threads.counted_depths([2, 1, 0]) == [0, 1, 2]
    assert threads.counted_depths([0, 0]) is None
    assert threads.counted_depths([5, 0]) is None  # replies folded away, not copied


@FUZZ
@given(st.lists(st.integers(min_value=0, max_value=4), max_size=12))
def test_counted_depths_make_a_tree(counts: list[int]) -> None:
    depths = threads.counted_depths(counts)
    if depths is not None:
        assert len(depths) == len(counts) and depths[0] == 0
        assert all(b <= a + 1 for a, b in zip(depths, depths[1:]))


def _cards(*cards: tuple[str, str, str, str | None]) -> list[str]:
    lines = ["Comments", ""]
    for name, date, text, count in cards:
        lines += [name, date, "", text, "", "Like", "Reply", ""]
        if count:
            lines += [count, ""]
    return lines


def test_a_page_copy_nests_replies_by_the_counts_it_shows() -> None:
    lines = _cards(
        ("Lena Brugger", "Jul 12", "The couchettes were full again this year.", "2 replies by Railways and Reason and Tomas"),
        ("Railways and Reason", "Jul 12", "He does, and he has numbers on it.", "1 reply"),
        ("Lena Brugger", "Jul 13", "That makes sense to me now.", None),
        ("Tomas", "Jul 13", "Same on the Lisbon route before it was cut.", None),
        ("Ingrid Solheim", "Jul 14", "Really good episode, thank you.", None),
    )
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.depth for c in thread.comments] == [0, 1, 2, 1, 0]


def test_folded_replies_nest_nothing() -> None:
    # "3 replies by Mara" over a card by someone else: the replies were not opened
    lines = _cards(
        ("Joan Ferrar", "Oct 29", "Eleven beds, and every spring a board to replace.", "3 replies by Mara Quill and others"),
        ("Sam Okafor", "Oct 29", "Counterpoint: my knees need the raised beds.", "1 reply"),
        ("Ines", "Oct 30", "How did you deal with the soil afterwards?", None),
        ("Rob Hale", "Oct 31", "We lined ours with old roofing slates.", None),
    )
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.depth for c in thread.comments] == [0, 0, 0, 0]


def test_youtube_replies_stay_one_level_under_their_comment() -> None:
    lines = _cards(
        ("@quietdisk", "1 month ago", "Best talk of the conference for me.", "14 replies"),
        ("@hennerk", "1 month ago", "@quietdisk I'd add: if you can't diff it you can't review it.", None),
        ("@tobias", "3 weeks ago", "@hennerk our review process is basically show me the diff.", None),
        ("@lowtide", "2 weeks ago", "Is there a transcript anywhere for this one?", None),
    )
    thread = threads.recognise(lines + ["Show more replies"], 1)
    assert thread is not None
    assert [c.depth for c in thread.comments] == [0, 1, 1, 0]


def test_names_shown_with_their_handle_head_cards_and_nest_by_mention() -> None:
    # PeerTube: "Name handle@host", the age, the text, Reply / Options
    lines = ["12 Comments", "SORT BY", "", "Add comment...", "Markdown compatible that supports: Lists, Emphasis", ""]
    for name, text in [
        ("Hanne Vold hannev@fedi.example.net", "The egg carton tip is the only reason my decks go back together."),
        ("Marco Brandt marco@tilvids.example", "@hannev@fedi.example.net egg carton gang, I use a magnetic tray."),
        ("Ines Carvalho ines@peertube.example.pt", "Where did you get the pinch roller re-rubbered this time?"),
        ("Lotte Meier lotte@video.example.org", "Any chance of a follow-up on the meters at some point?"),
    ]:
        lines += [name, "1 month ago", text, "Reply", "Options", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None and len(thread.comments) == 4
    assert [c.depth for c in thread.comments] == [0, 1, 0, 0]
    assert thread.description is None  # the comment form's help text describes nothing
    assert threads.name_without_handle("Ada Lin (@adalin)") == "Ada Lin"
    assert threads.name_without_handle("mail me at a@b.com") == "mail me at a@b.com"  # not a handle made of the name


def test_cards_with_the_date_after_their_buttons() -> None:
    # Product Hunt: name, badge, headline, the text, then Upvote / Reply / Share / Report and the age
    lines = ["Discussion", "61 Reviews", ""]
    for name, badge, text in [
        ("Nadia Okafor", "Maker", "Hey Product Hunt! We built this after three years of a shared spreadsheet."),
        ("Marco Feld", "Hunter", "Hunted this because the by-income split is the killer feature."),
        ("Ama Boateng", "Indie developer", "How does the receipt scan handle abbreviations on the lines?"),
    ]:
        lines += [name, badge, "", text, "", "Upvote (12)", "Reply", "Share", "Report", "1d ago", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.text[:12]) for c in thread.comments] == [
        ("Nadia Okafor", "Hey Product "), ("Marco Feld", "Hunted this "), ("Ama Boateng", "How does the"),
    ]


def test_buttons_on_one_line_and_labelled_dates() -> None:
    # Fountain: "⚡ 21,000 sats · 2d", "♥ 12   Reply"; replies indented
    lines = ["Comments (14)", ""]
    for indent, name, date, text in [
        ("", "satoshi_gardener", "⚡ 21,000 sats · 2d", "Tested my restore after listening and found it failing."),
        ("    ", "homelabhour (Host)", "2d", "That's exactly why we made it, glad you caught it."),
        ("", "rackmount_rita", "⚡ 5,000 sats · 2d", "Team restic forever, the repository check is great."),
    ]:
        lines += [indent + name, indent + date, indent + text, indent + "♥ 4   Reply", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("satoshi_gardener", 0), ("homelabhour (Host)", 1), ("rackmount_rita", 0)]
    assert all("Reply" not in c.text for c in thread.comments)


def test_avatar_initials_and_replied_to_lines() -> None:
    # Ghost: "DM" / "Dafydd Morgan" / "·Mountain leader·2 days ago", "Replied to: …"
    lines = ["Member discussion", "15 comments", ""]
    for initials, name, date, text in [
        ("DM", "Dafydd Morgan", "·Mountain leader·2 days ago", "The corridor point is the one I use when teaching groups."),
        ("WH", "Wren Halloway", "·Author·2 days ago", "That's a brilliant exercise, mind if I borrow it?"),
        ("SP", "Saoirse Phelan", "·2 days ago", "Replied to: The corridor point is the one I use when…\nWe do a version of this at our club."),
    ]:
        lines += [initials, name, date, *text.split("\n"), "4", "Reply", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["Dafydd Morgan", "Wren Halloway", "Saoirse Phelan"]
    assert [c.depth for c in thread.comments] == [0, 0, 1]
    assert not any(c.text.endswith(("WH", "SP")) for c in thread.comments)


def test_slack_desktop_copy_with_its_thread_pane() -> None:
    lines = [
        "#pod-club", "Thursday, March 14th", "",
        "Marta Quinn  10:02 AM", "Finally listened to the on-call episode on my run this morning",
        "10:03", "the bit about the pager being a product is exactly our problem", ":100:", "3", "2 replies",
        "Jonas Weber  10:21 AM", "adding to my queue, is it the one against follow-the-sun?",
        "Dev Patel  11:48 AM", "we went to one week on and three off last year and it was better",
        "", "Thread", "#pod-club", "",
        "Marta Quinn  10:03 AM", "the bit about the pager being a product is exactly our problem", ":100:", "3", "2 replies",
        "Dev Patel  10:30 AM", "same here, we have forty alerts that page and six are actionable",
        "Jonas Weber  10:41 AM", "what is her definition of actionable in the episode?",
    ]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [
        ("Marta Quinn", 0), ("Marta Quinn", 0), ("Jonas Weber", 0), ("Dev Patel", 0), ("Dev Patel", 1), ("Jonas Weber", 1),
    ]
    assert not any("Thread" in c.text or ":100:" in c.text for c in thread.comments)


def test_article_labels_are_no_authors() -> None:
    lines = ["The 3-2-1 rule is not enough", "", "Some opening prose about backups and families.", ""]
    for n in range(3):
        lines += [f"{n + 1}. A problem", "", "What went wrong, in a paragraph of its own words here.", "", f"Fix: what I do now, number {n}.", ""]
    lines += ["Tags: backups, family", ""]
    assert threads.name_paragraphs(lines, 1) is None


def test_clock_times_under_a_timeline_are_no_chapters() -> None:
    text = "## Timeline (PT)\n- 00:01 went live\n- 06:30 hit #5\n- 11:45 hit #3\n- 23:59 finished #3\n"
    assert chapters.find_chapters(text.split("\n"), 1)[0] == []
    # the same list under "Chapters" is one
    assert len(chapters.find_chapters(text.replace("Timeline (PT)", "Chapters").split("\n"), 1)[0]) == 4


def test_chapter_ranges_after_their_title_start_at_their_first_time() -> None:
    lines = ["Notes", "👋 Intro and housekeeping (00:00 - 06:45)", "- a point", "", "📚 Why footnotes exist (06:48 - 14:20)", "- another"]
    stamps, _ = chapters.find_chapters(lines, 1)
    assert [s.seconds for s in stamps] == [0, 408]


def test_a_menu_is_told_from_a_title_by_its_words() -> None:
    from tui_reader.corpus.formats import past_navigation

    peertube = ["TinkerHaus Video", "Search videos, playlists, channels…", "Login", "Create an account", "Home", "Discover",
                "About", "Restoring a 1978 reel-to-reel deck: belts and the capstan motor", "2 months ago"]
    assert past_navigation(peertube)[0].startswith("Restoring")
    kagi = ["Kagi", "Universal Summarizer", "https://video.example.org/w/abc", "Summary   Key moments", "Engine: Cecil  Language: English"]
    assert past_navigation(kagi)[0] == "Kagi"  # short lines, but no menu's words


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5 de março de 2024 às 22:03", "2024-03-05"),
        ("5. März 2024", "2024-03-05"),
        ("05.03.2024, 11:30 Uhr", "2024-03-05"),  # dotted: day first
        ("2024年3月5日", "2024-03-05"),
        ("5 mars 2024 à 22h03", "2024-03-05"),
        ("12 maart 2024", "2024-03-12"),
        ("out of 2024", None),  # "out" is October in Portuguese only between a day and a year
        ("5 out 2024", "2024-10-05"),
    ],
)
def test_dates_in_other_languages(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_a_date_alone_under_a_title_in_any_language() -> None:
    assert date_in_lines(["Leituras do Zé", "terça-feira, 5 de março de 2024", "Resenha"]) == "2024-03-05"
    assert date_in_lines(["[Submitted on 13 Mar 2024]"]) == "2024-03-13"


def test_comment_cards_in_spanish() -> None:
    lines = ["1106 comentarios", "Ordenar por", "Añade un comentario...", ""]
    for name, age, text, extra in [
        ("@PizarraTactica", "hace 2 semanas", "Gracias por las preguntas del directo de ayer.", "2 respuestas"),
        ("@carlos", "hace 2 semanas", "@PizarraTactica el 3-5-2 de los equipos que salen jugando, porfa", None),
        ("@lucia", "hace 13 días", "@PizarraTactica apoyo lo del 3-5-2 con ejemplos de femenino", None),
        ("@marta", "hace 2 semanas", "Entreno a un infantil y la parte del bloque bajo me ha servido.", None),
    ]:
        lines += [name, age, text, "34", "Responder", *([extra] if extra else []), ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("@PizarraTactica", 0), ("@carlos", 1), ("@lucia", 1), ("@marta", 0)]
    assert not any("Responder" in c.text for c in thread.comments)


def test_reddit_redesign_levels() -> None:
    lines = ["Posted by", "u/op_name", "7 hours ago", "", "The post title", "", "212 Comments", ""]
    for level, name, text in [(1, "tarn", "What were the temps under a scrub?"), (2, "op_name", "Around 58 °C on the hotter drive."),
                              (3, "tarn", "That is fine for NVMe, thanks."), (1, "betty", "Did you set ashift to 12 on the pool?")]:
        lines += [f"level {level}", name, "· 6 hr. ago", "", text, "", "187", "Reply", "Share", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("tarn", 0), ("op_name", 1), ("tarn", 2), ("betty", 0)]


def test_threads_pasted_under_their_headings_are_counted_together() -> None:
    hn = ["## Hacker News", "", "Why trains are late (example.org)", "142 points by tommasob 9 hours ago | hide | past | favorite | 31 comments", ""]
    for name, text in [("marco", "The shared tracks point is the whole story."), ("klaus", "Switzerland solved it with passing loops."),
                       ("tsukuba", "The failure ratio surprised me for old trains.")]:
        hn += [f"{name} 8 hours ago | next [–]", "", text, "", "reply", ""]
    reddit = ["## r/italy", ""]
    for name, text in [("u/ludo", "Piacenza–Milano la faccio da sei anni ormai."), ("u/sara", "Da Bergamo è uguale, purtroppo."),
                       ("u/treno", "Quarantadue treni nuovi entro il 2026, vedremo.")]:
        reddit += [f"{name} · 5 h fa", text, "↑ 12 ↓ Rispondi Condividi", ""]
    thread = threads.recognise(["# Discussioni", "", *hn, *reddit], 1)
    assert thread is not None and len(thread.comments) == 6


def test_a_message_that_is_one_emoji() -> None:
    lines = []
    for name, text in [("Mira", "this one is very us. thoughts before thursday?"), ("Jonas", "read it on the tram, loved it"),
                       ("Lea", "I liked it but it is a bit easy to say"), ("Lea", "👍")]:
        lines += [f"{name}, [14.04.2024 20:11]", text, ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None and [c.text for c in thread.comments][-1] == "👍"


def test_cards_with_their_date_under_the_text_and_repeats_of_popular_ones() -> None:
    lines = ["人気コメント", ""]
    popular = [("sakana_ryo", "早起きより早寝が本体、は本当にそう。寝る時間を決めない早起きはただの睡眠不足"),
               ("kumo_no_ue", "猫が4:50に顔を踏みに来るのが一番強い目覚まし。うちの犬も似たようなもの")]
    newest = [("tanaka_b", "SNSチェックで30分溶けるのは朝でも夜でも同じだと思います本当に"), *popular]
    for name, text in popular:
        lines += [name, text, "2024/03/05 08:12", "リンク", "★42", ""]
    lines += ["新着コメント", ""]
    for name, text in newest:
        lines += [name, text, "2024/03/06 22:15", "リンク", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["tanaka_b", "sakana_ryo", "kumo_no_ue"]  # the popular ones once


def test_the_sites_other_posts_end_a_thread() -> None:
    lines = ["Post", ""]
    for name, text in [("Ana Lima", "First reply with some words in it."), ("kofi.builds", "Bookmarking this, we have the same crons."),
                       ("Ben Ode", "Third reply, also with words."), ("Cy Reed", "Fourth reply here, the last one.")]:
        lines += [name, "Mar 13", text, "46", "Reply", ""]
    lines += ["Discover more", "Sourced from across X", "Kai Lindqvist", "Mar 13", "Hot take: most evals measure the retriever.", "46", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["Ana Lima", "kofi.builds", "Ben Ode", "Cy Reed"]


def test_cards_in_a_language_no_reader_knows_by_their_place() -> None:
    # Swedish WordPress: name, "13 februari 2024 kl. 21:04", text, "Svara"; replies indented
    lines = ["3 svar på ”Avsnitt 87”", ""]
    for indent, name, date, text in [
        ("", "Per Åkesson", "13 februari 2024 kl. 21:04", "Tack för ett jättebra avsnitt, en liten rättelse bara."),
        ("    ", "Karin Lindqvist", "14 februari 2024 kl. 08:12", "Tack Per, du har helt rätt! Vi lägger in en rättelse."),
        ("", "Maja E", "14 februari 2024 kl. 10:47", "Lyssnade på hela i bilen mellan Jönköping och Stockholm."),
    ]:
        lines += [indent + name, indent + date, "", indent + text, "", indent + "Svara", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("Per Åkesson", 0), ("Karin Lindqvist", 1), ("Maja E", 0)]
    assert not any("Svara" in c.text for c in thread.comments)
    # a page whose show name repeats, over lines with numbers, is no thread
    page = ["Crumb & Crust", "Playlist • 412 songs", "Crumb & Crust", "0:00", "Crumb & Crust", "© 2024 Spotify AB"]
    assert threads.cards_by_place(page, 1) is None


def test_youtube_app_copy_heads_name_and_age_on_one_line() -> None:
    lines = ["Comments 2.3K", "Top", "Newest", "Add a comment...", "Pinned by @Stud", "@Stud • 5d",
             "Quick correction: at 12:40 I said 2.4, the sheet says 1.9.", "1.4K", "Reply", "61 replies",
             "@harlan.builds • 2d", "Contractor here, the Manual J part should be mandatory.", "872", "Reply", "23 replies",
             "Replies", "@harlan.builds • 2d", "Contractor here, the Manual J part should be mandatory.", "872", "Reply",
             "@Stud • 2d", "@harlan.builds appreciate this, our quotes were 5 tons.", "214", "Reply",
             "@june.duluth • 1w (edited)", "Same here in Duluth, a real calc saved us $4k.", "41", "Reply"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth) for c in thread.comments] == [("@Stud", 0), ("@harlan.builds", 0), ("@Stud", 1), ("@june.duluth", 0)]


def test_a_page_with_a_chapter_list_between_its_cards_is_no_thread() -> None:
    lines = ["Fermentation Station", "Episode 58: Koji", "Fermentation Station", "Oct 9, 2024", "47:31", "Listen on Spotify", "",
             "Timestamps", "0:00 Welcome back", "2:35 What koji actually is", "9:50 Growing it at home", "18:20 Temperature", "",
             "More episodes", "Episode 57: Hot Sauce", "Sep 25, 2024", "39:12", "Episode 56: Kombucha Myths", "Sep 11, 2024", "44:58"]
    thread = threads.recognise(lines, 1)
    assert thread is None or len(thread.comments) > 3


def test_join_and_leave_lines_are_no_messages() -> None:
    lines = [f"* 2024-10-14T13:{m:02d}:00Z @{name}: {text}" for m, name, text in [
        (2, "marisol", "October pick! Koji, Mold and the Art of Controlled Rot"),
        (40, "kenji", "@kenji has joined the channel"),
        (41, "kenji", "is this the one where they cure salami with koji?"),
        (44, "marisol", "yes! that's the charcuterie chapter, around 27:45"),
    ]]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.text for c in thread.comments if "joined" in c.text] == []
    assert len(thread.comments) == 3


def test_a_web_chat_a_block_a_message_time_last() -> None:
    # Telegram Web's comments: name, the answered message quoted, text, reactions, time
    lines = ["https://t.me/channel/1842?comment=5520", "", "Коментарі", "", "12 березня", "",
             "Андрій Мельник", "Дякую! Нарешті можна передивитися запис ефіру", "👍 6", "10:11", "",
             "Ірина Т.", "Андрій Мельник", "Дякую! Нарешті можна передивитися…", "Та сама історія, добре що є таймкоди", "10:14", "",
             "Denys K", "Найкорисніший момент — на 23:10, де порівнюють Starlink", "🔥 9", "змінено 10:32", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.depth, c.text) for c in thread.comments] == [
        ("Андрій Мельник", 0, "Дякую! Нарешті можна передивитися запис ефіру"),
        ("Ірина Т.", 1, "Та сама історія, добре що є таймкоди"),
        ("Denys K", 0, "Найкорисніший момент — на 23:10, де порівнюють Starlink"),
    ]
    assert normalize_url("https://t.me/s/channel/1842") == normalize_url(thread.url or "")


def test_floor_numbered_heads_and_an_author_answering_often() -> None:
    # cnblogs: "#1楼 date time name", votes below
    lines = ["评论列表", ""]
    for n, name, text in [(1, "赵小刀", "写得很清楚，收藏了。"), (2, "rustacean_cn", "smol 那组有没有开 multi-thread？"),
                          (3, "林间小路", "@rustacean_cn 开了，文里忘写了。"), (4, "青衫", "有点意外，是不是 wrk 先成瓶颈了？")]:
        lines += [f"  #{n}楼{' [楼主]' if name == '林间小路' else ''} 2024-03-05 15:0{n} {name}", text, "支持(2) 反对(0)", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [(c.author, c.text) for c in thread.comments][:3] == [
        ("赵小刀", "写得很清楚，收藏了。"), ("rustacean_cn", "smol 那组有没有开 multi-thread？"), ("林间小路", "@rustacean_cn 开了，文里忘写了。")]
    # Tistory: name, "2024. 3. 8. 09:12", text, 답글; the blog's author answers under each
    lines = ["댓글 5", ""]
    for indent, name, text in [("", "러스트초보", "정리 감사합니다! 잘 읽었어요."), ("    ", "곰돌이개발자", "읽어주셔서 감사합니다"),
                               ("", "서버개발자K", "원문 댓글에 그 얘기는 없었나요?"), ("    ", "곰돌이개발자", "질문 정도만 있었어요."),
                               ("", "mochi", "원문 댓글에 링크 남겨뒀어요!"), ("    ", "곰돌이개발자", "앗 감사합니다.")]:
        lines += [indent + name, indent + "2024. 3. 8. 09:12", indent + text, indent + "답글", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None and len(thread.comments) == 6


def _blocks(*blocks: list[str]) -> list[str]:
    return [line for block in blocks for line in [*block, ""]]


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        pytest.param(  # Messenger's "Download Your Information" text: name, text, date and time, reactions
            _blocks(["Sam Okoro, Priya Natarajan", "Participants: Sam Okoro, Priya Natarajan and Lena Brandt"],
                   ["Priya Natarajan", "ok adding it to my queue, it's long though", "7 Mar 2024, 08:15:44"],
                   ["Lena Brandt", "the picks at the end are good too", "7 Mar 2024, 08:11:02", "❤️Priya Natarajan"],
                   ["Sam Okoro", "did you two listen to the new one? the tides one", "6 Mar 2024, 22:47:19"],
                   ["Sam Okoro", "Sam Okoro named the group Podcast club.", "6 Mar 2024, 18:46:40"]),
            ["Priya Natarajan", "Lena Brandt", "Sam Okoro"], id="messenger",
        ),
        pytest.param(  # Hsoub I/O (Arabic): name · age · points, text, the reply button with a bidi mark
            _blocks(["التعليقات"], ["أحمد سالم · منذ 3 أيام · \u200f14 نقطة", "جرّبتها لمدة شهر وتنفع للمهام الصغيرة", "\u200fرد"],
                   ["    ريم العتيبي · منذ 3 أيام · \u200f6 نقاط", "    في الحلقة يقولون إن الفكرة البدء فقط", "    \u200fرد"],
                   ["يوسف بن علي · منذ يومين · \u200f11 نقطة", "أكثر جزء أعجبني حديثهم عن بيئة العمل", "\u200fرد"]),
            ["أحمد سالم", "ريم العتيبي", "يوسف بن علي"], id="hsoub",
        ),
        pytest.param(  # LOGOUT.hu: "#N  name  [válasz X #M üzenetére]  2023. 11. 19. 21:15"
            _blocks(["Hozzászólások (3)"], ["#1  hegymaszo  2023. 11. 19. 21:15", "Nagyon jó összefoglaló, köszi szépen!", "Válasz | Link | Privát üzenet"],
                   ["#2  fakopancs76  válasz hegymaszo #1 üzenetére  2023. 11. 19. 21:32", "Ha 60 felett volt, a szivattyú a hibás.", "Válasz | Link | Privát üzenet"],
                   ["#3  Zoli_HVAC  2023. 11. 20. 09:02", "Szerelőként annyit tennék hozzá, hogy nem.", "Válasz | Link | Privát üzenet"]),
            ["hegymaszo", "fakopancs76", "Zoli_HVAC"], id="logout",
        ),
        pytest.param(  # KASKUS: name, rank, date, #N, text, buttons; #1 is the thread's opening post
            _blocks(["[Diskusi] Warung kopi susu"], ["kopiireng.gan", "Kaskus Addict", "27-05-2024 20:48", "#1", "Agan-agan, ane dengerin podcast ini.", "0 👍  Balas  Kutip  Laporkan"],
                   ["bangjago.88", "Kaskus Maniac", "27-05-2024 21:14", "#2", "pertamax gan! relate banget", "3 👍  Balas  Kutip  Laporkan"],
                   ["sisca.rahma", "Aktivis Kaskus", "27-05-2024 21:40", "#3", "Yang ane suka mereka jujur soal mesin.", "5 👍  Balas  Kutip  Laporkan"],
                   ["dodol.garut", "Kaskus Holic", "28-05-2024 07:15", "#4", "Quote:Original Posted By sisca.rahma ►", "Ane beli mesin bekas", "Sama gan.", "1 👍  Balas  Kutip  Laporkan"]),
            ["bangjago.88", "sisca.rahma", "dodol.garut"], id="kaskus",
        ),
        pytest.param(  # VnExpress: name, text, likes and buttons and the age on one line
            _blocks(["Ý kiến (3)"], ["Trần Minh Tuấn", "Tuyến này nên kéo dài thêm vào khu đô thị.", "126   Thích   Trả lời   Chia sẻ   5h trước"],
                   ["    Lê Thu Hà", "    Đồng ý, nhất là buổi tối trời mưa.", "    18   Thích   Trả lời   4h trước"],
                   ["hoanganh_1990", "Giãn cách 10-15 phút là ổn rồi.", "74   Thích   Trả lời   Chia sẻ   5h trước"]),
            ["Trần Minh Tuấn", "Lê Thu Hà", "hoanganh_1990"], id="vnexpress",
        ),
        pytest.param(  # MetaFilter: the text, then "posted by … at … on …"; the post's signature counts the comments
            _blocks(["Nineteen years of steel", "In 1961 the town got a viaduct.", "posted by harlequinade at 8:14 AM on March 3, 2023 - 3 comments"],
                   ["My grandfather was on one of the survey crews.", "posted by tangerine_sky at 8:31 AM on March 3, 2023 [27 favorites]"],
                   ["The shot of the last span coming down is extraordinary.", "posted by Hobgoblin of Little Minds at 8:49 AM on March 3, 2023 [6 favorites]"],
                   ["tangerine_sky, the archive wants to hear from families.", "posted by harlequinade at 9:02 AM on March 3, 2023 [3 favorites]"]),
            ["tangerine_sky", "Hobgoblin of Little Minds", "harlequinade"], id="metafilter",
        ),
        pytest.param(  # Invision Community: the name twice, rank, posts, "Posted March 8", text, Quote / Like
            _blocks(["Επ. 42: Το λιμάνι", "Από Nikos_P, 8 Μαρτίου σε Podcasts"],
                   ["Nikos_P", "Nikos_P", "Μέλος", " 412", " Δημοσ. 8 Μαρτίου", "Βγήκε το καινούργιο επεισόδιο.", " Παράθεση", " Μου αρέσει 3"],
                   ["kostas_ath", "kostas_ath", "Συχνό μέλος", " 2.1k", " Δημοσ. 8 Μαρτίου", "Το άκουσα χθες στο αυτοκίνητο.", " Παράθεση", " Μου αρέσει 1"],
                   ["mariaL", "mariaL", "Μέλος", " 288", " Δημοσ. 8 Μαρτίου", "Στις 8/3/2024 στις 2:14 ΜΜ, ο/η kostas_ath είπε:", "Το άκουσα χθες.",
                    "Υπάρχουν, στο τρίτο κεφάλαιο.", " Παράθεση", " Μου αρέσει 2"],
                   ["Giorgos_K", "Giorgos_K", "Μέλος", " 97", " Δημοσ. 9 Μαρτίου", "Ο παππούς μου ήταν φορτοεκφορτωτής.", " Παράθεση", " Μου αρέσει 6"]),
            ["kostas_ath", "mariaL", "Giorgos_K"], id="invision",
        ),
        pytest.param(  # Slashdot saved with w3m: title (Score:…), "by name ( uid ) on date (#id)", depth by its bullets
            ["Comments Filter:", "", "  • Bet the COBOL still runs (Score:5, Funny)", "",
             "    by PopeRatzo ( 965947 ) on Monday March 18, 2024 @08:18PM (#64325781)", "", "    A batch job will wake up at 2 AM.", "",
             "    Share", "", "      □ Re: (Score:4, Insightful)", "", "        by ravenshrike ( 808508 ) on Monday March 18, 2024 @08:31PM (#64325802)",
             "", "        Joke all you want, it never lost a record.", "", "        Parent Share", "", "          ☆ Re: (Score:2)", "",
             "            by Anonymous Coward on Monday March 18, 2024 @09:02PM (#64325866)", "", "            Survivorship bias.", "",
             "            Parent Share", "", "  • Data migration is the hard part (Score:4, Informative)", "",
             "    by jd ( 1658 ) on Monday March 18, 2024 @08:52PM (#64325840)", "", "    14 test runs sounds about right.", "", "    Share", ""],
            ["PopeRatzo", "ravenshrike", "Anonymous Coward", "jd"], id="slashdot",
        ),
    ],
)
def test_comment_pages_of_round_twelve(lines: list[str], authors: list[str]) -> None:
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == authors
    buttons = re.compile("Balas|Trả lời|Παράθεση|Válasz [|]|posted by|\u200fرد|Parent Share|Score:")
    assert not any(buttons.search(c.text) for c in thread.comments)


def test_an_outline_with_points_under_each_time_and_a_log_that_is_no_chapter_list() -> None:
    outline = ["Outline", "Welcome and mailbag (0:00)", "  • Owen reads a listener question.", "",
               "Wind, heat and feeding (11:18)", "  • Dee lost a super in a January gust.", "  • They disagree about a 1:1 syrup.",
               "  • Roof temperatures reached 41 °C.", "", "Swarm season (19:02)", "  • Cells along the bottom edge mean swarming.", "",
               "The council permit (31:37)", "  • Eleven months to approval."]
    found, _ = chapters.find_chapters(outline, 1)
    assert [t.seconds for t in found] == [0, 678, 1142, 1897]
    log = ["Вот кусок лога:", "", "07:15:02 [I][bme280:215]: Got temperature=-4.3°C", "07:15:03 [W][mqtt:304]: Disconnected, reconnecting",
           "07:15:08 [I][mqtt:262]: Connected", "07:15:31 [D][deep_sleep:060]: Beginning Deep Sleep"]
    assert chapters.find_chapters(log, 1)[0] == []


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        pytest.param(  # XenForo (JamiiForums): the author's card, the date, #N, the text, Reply / Reactions
            _blocks(["Parachichi kukaushwa kwa jua?", "Thread starter Mkulima_Halisi   Start date Aug 13, 2024"],
                    ["Mkulima_Halisi", "JF-Expert Member", "Joined Mar 3, 2016   Posts 2,418"], ["Aug 13, 2024", "#1", "Wakuu habari za jioni.", "Reply"],
                    ["Kamanda wa Kusini", "JF-Expert Member", "Joined Jan 12, 2019   Posts 5,903"], ["Aug 13, 2024", "#2", "Soko ndio swali la msingi.", "Reply", "Reactions: Mkulima_Halisi and 3 others"],
                    ["Mama Zawadi", "JF-Expert Member", "Joined Jul 7, 2020   Posts 1,027"], ["Aug 13, 2024", "#3", "Kamanda wa Kusini said:", "Soko ndio swali", "Click to expand...", "Mimi niko Kiwira.", "Reply"],
                    ["Dr Mkemia", "JF-Expert Member", "Joined Nov 2, 2014   Posts 3,310"], ["Aug 14, 2024", "#4", "Tahadhari ndogo kuhusu mafuta.", "Reply"]),
            ["Kamanda wa Kusini", "Mama Zawadi", "Dr Mkemia"], id="xenforo",
        ),
        pytest.param(  # Viber's CSV export
            ["Viber message history", "Chat: Ushirika", "", "Date,Time,Sender,Phone number,Message",
             '13/08/2024,18:02,Baraka Mwakyusa,+255 75* *** 114,"Habari wana ushirika, tumeandikwa gazetini"',
             '13/08/2024,18:09,Neema Mwakyusa,+255 68* *** 902,"Nimesoma! Maneno yangu yametoka vizuri"',
             '13/08/2024,18:15,Baraka Mwakyusa,+255 75* *** 114,"Hiyo ya vikaushio 12 ni idadi ya wilaya nzima"'],
            ["Baraka Mwakyusa", "Neema Mwakyusa", "Baraka Mwakyusa"], id="csv",
        ),
        pytest.param(  # Simple Machines Forum (BG-Mamma): « на: date » over the topic, « Отговор #N на: date » over replies
            _blocks(["pepi_lozenec", "Активен потребител", "Публикации: 1 206", "« на: 21 Октомври 2024, 19:48:22 »", "Момичета, днес маркираха шест липи.", "Цитат"],
                    ["Mama_na_Viki", "Публикации: 412", "« Отговор #1 на: 21 Октомври 2024, 20:03:10 »", "Първо питайте районната администрация.", "Цитат"],
                    ["Tsveti_M", "Публикации: 2 940", "« Отговор #2 на: 21 Октомври 2024, 20:17:44 »", "Снимайте маркировките още утре.", "Цитат"],
                    ["ani_ani", "Публикации: 88", "« Отговор #3 на: 21 Октомври 2024, 20:40:02 »", "При нас в Младост така изсякоха алея.", "Цитат"]),
            ["Mama_na_Viki", "Tsveti_M", "ani_ani"], id="smf",
        ),
        pytest.param(  # a Wikipedia talk page's wikitext: signatures close the comments, colons nest them
            ["== Traffic diverters section ==",
             "The section is US-centric. [[User:Marrowfield|Marrowfield]] ([[User talk:Marrowfield|talk]]) 14:02, 9 January 2024 (UTC)",
             ":Agreed in principle. [[User:Tessellate9|Tessellate9]] ([[User talk:Tessellate9|talk]]) 16:47, 9 January 2024 (UTC)",
             "::There is already [[Bicycle street]]. –[[User:Hollis K.|Hollis K.]] 09:15, 10 January 2024 (UTC)"],
            ["Marrowfield", "Tessellate9", "Hollis K."], id="wikitext",
        ),
        pytest.param(  # Mbin: account@instance, age, text, "12 reply boost more"
            _blocks(["Sort by: Hot Top Newest"], ["corvid_commuter@lemmy.ca", "2d", "The one study thing was fixed recently.", "12 reply boost more"],
                    ["    ringroad_rita@fedia.io", "    2d", "    Ha, that explains why it reads cautious.", "    4 reply boost more"],
                    ["pedalpusher@lemmy.world", "2d", "Ours are called neighbourhood greenways.", "21 reply boost more"]),
            ["corvid_commuter@lemmy.ca", "ringroad_rita@fedia.io", "pedalpusher@lemmy.world"], id="mbin",
        ),
        pytest.param(  # TabNews: the post's card, "12 comentários", then the comments
            _blocks(["Ouvi o #112 do Bit a Bit Cast", "filipe_souza · 2 dias atrás", "", "Semana passada ouvi o episódio e montei um NAS.", "", "▲ 14 ▼   Responder"],
                    ["12 comentários"], ["marina_dev · 2 dias atrás", "31 mil horas é bastante, olha o SMART.", "▲ 6 ▼   Responder"],
                    ["    filipe_souza · 2 dias atrás", "    Rodei o smartctl agora.", "    ▲ 1 ▼   Responder"],
                    ["rafa_sre · 2 dias atrás", "Nobreak é prioridade antes de qualquer coisa.", "▲ 9 ▼   Responder"]),
            ["marina_dev", "filipe_souza", "rafa_sre"], id="tabnews",
        ),
        pytest.param(  # Pantip: "ความคิดเห็นที่ 1", its replies "1-1", the member number over the date
            _blocks(["ความคิดเห็นที่ 1", "ลองมาครึ่งปีค่ะ ที่รอดแน่ๆ คือ กะเพรา โหระพา", "ถูกใจ 8", "สมาชิกหมายเลข 3390127", "14 มีนาคม 2567 เวลา 21:31 น.", "ถูกใจ   ตอบกลับ   แจ้งลบ"],
                    ["    ความคิดเห็นที่ 1-1", "    ถาดรองนี่ต้องเทน้ำทิ้งบ่อยไหมคะ", "    ถูกใจ 1", "    สมาชิกหมายเลข 7284519", "    เจ้าของกระทู้", "    14 มีนาคม 2567 เวลา 21:40 น."],
                    ["ความคิดเห็นที่ 2", "ฟังตอนนี้เหมือนกันครับ มีประโยชน์สุด", "ถูกใจ 15", "Fern_on_the_12th_floor", "14 มีนาคม 2567 เวลา 22:10 น.", "ถูกใจ   ตอบกลับ   แจ้งลบ"]),
            ["สมาชิกหมายเลข 3390127", "สมาชิกหมายเลข 7284519", "Fern_on_the_12th_floor"], id="pantip",
        ),
        pytest.param(  # Tumblr's Replies tab: a blog's name over its reply, no date; the sidebar after is no reply
            ["1,284 notes", "", "Replies", "Reblogs", "Likes", "", "sleepy-heron-club", "the heron recording on track 2 is so close", "",
             "tidepoolgremlin", "is the cassette worth it or just the download", "", "marshlight-archive",
             "@tidepoolgremlin the tape has a bit more hiss on side b", "", "Show more replies", "", "Radar", "inkfish-editions",
             "new risograph print of the harbour at low water"],
            ["sleepy-heron-club", "tidepoolgremlin", "marshlight-archive"], id="tumblr",
        ),
        pytest.param(  # ynet's talkbacks: a title, "name, town  (date)" or "name  (date)", text, reply and votes
            _blocks(["1.", "סוף סוף משהו טוב בעיר", "יעל, יפו  (07.05.24)", "בבית הספר של הבת שלי הגג עומד ריק כבר עשר שנים.", "הגב   👍 45   👎 3"],
                    ["    סיפור יפה, המציאות פחות", "    אבי, רמת אביב  (07.05.24)", "    הייתי בוועד של גינה קהילתית שש שנים.", "    הגב   👍 19   👎 6"],
                    ["2.", "מי ישקה באוגוסט?", "רוני  (07.05.24)", "שאלה פשוטה. טפטוף זה יופי עד שצינור נסתם.", "הגב   👍 33   👎 1"]),
            ["יעל, יפו", "אבי, רמת אביב", "רוני"], id="ynet",
        ),
    ],
)
def test_comment_pages_of_round_thirteen(lines: list[str], authors: list[str]) -> None:
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == authors
    chrome = re.compile("Click to expand|Reply$|Цитат$|reply boost|Responder|ถูกใจ|\\[\\[User|הגב|Radar")
    assert not any(chrome.search(c.text) for c in thread.comments)


def _invented_cards() -> list[str]:
    # A layout and a language no reader knows (the words are made up): a name, how long
    # ago, the text, a counter with its button; replies indented.
    lines = ["Komenti (5)", "Skribi komenton...", ""]
    for indent, name, age, text, likes in [
        ("", "velo_mara", "3 glorp vuna", "Tre bona epizodo, mi lernis multon pri la ponto kaj la rivero.", 12),
        ("    ", "Atelier Kvin", "3 glorp vuna", "Dankon! La dua parto venos post du semajnoj.", 4),
        ("", "ptoro", "5 glorp vuna", "Kie mi trovas la mapon, kiun vi montris meze de la video?", 9),
        ("    ", "lenja.k", "4 glorp vuna", "Ĝi estas en la priskribo, sub la ligiloj.", 2),
        ("", "Sami R", "9 dagu vuna", "La sono estis iom mallaŭta en la fino, sed la enhavo bonegis.", 0),
    ]:
        lines += [indent + name, indent + age, indent + text, f"{indent}👍 {likes}   Klint", ""]
    return lines


def test_comment_cards_read_by_their_shape_alone() -> None:
    lines = _invented_cards()
    thread = threads.cards_by_shape(lines, 1)
    assert thread is not None and thread.acceptable()
    assert [(c.author, c.depth) for c in thread.comments] == [
        ("velo_mara", 0), ("Atelier Kvin", 1), ("ptoro", 0), ("lenja.k", 1), ("Sami R", 0),
    ]
    assert not any("Klint" in c.text for c in thread.comments)  # the button, not the text
    found = threads.recognise(lines, 1)
    assert found is not None and len(found.comments) == 5


def test_a_topic_and_its_replies_read_by_their_shape() -> None:
    # A forum in a made-up language: the topic's post is first, its date line without the
    # reply number every other card's carries; the post is the description, not a comment.
    lines = ["Forumo » Urbo » Arboj", "", "Temo: Oni tranĉas la arbojn de nia strato", ""]
    for number, (name, text) in enumerate([
        ("pepi_loz", "Hodiaŭ matene venis homoj kun segiloj. Kion ni faru?"),
        ("Mama_Viki", "Unue demandu la distriktan oficejon pri la permeso."),
        ("Tsveti_M", "Fotu la markojn kaj la arbojn ankoraŭ morgaŭ, kun dato."),
        ("ani_ani", "Ĉe ni oni tranĉis tutan aleon kaj poste plantis branĉetojn."),
        ("pepi_loz", "Dankon!!! Morgaŭ je la 8:30 mi iros al la oficejo."),
    ]):
        reply = f"Respondo #{number} " if number else ""
        lines += [name, "Aktiva uzanto", f"Afiŝoj: {100 + number}", f"« {reply}je: 21 Oktobro 2024, 19:4{number}:22 »", text, "Citi", ""]
    thread = threads.cards_by_shape(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["Mama_Viki", "Tsveti_M", "ani_ani", "pepi_loz"]
    assert thread.description is not None and "segiloj" in thread.description[1]


def test_dated_items_without_buttons_or_replies_are_no_comments() -> None:
    # A podcast page's list of episodes: a title, a date, a length; nothing a comment has
    episodes = ["Salt Marsh Tapes", "Listen on all apps", ""]
    for number, title in enumerate(["Heron Dawn", "Low Water", "Reed Choir", "Storm Front", "Night Frogs", "Ebb Tide"]):
        episodes += [title, f"Mar {number + 1}, 2024", f"Field sounds recorded at {title.lower()} on the marsh.", ""]
    assert threads.cards_by_shape(episodes, 1) is None
    # cards whose text holds a chapter list are a page
    page = list(_invented_cards())
    page[5:5] = ["0:00 Intro", "2:35 La ponto", "9:50 La rivero", "18:20 Fino"]
    assert threads.cards_by_shape(page, 1) is None


def test_chat_heads_of_a_date_and_a_name_and_cards_dated_under_their_text() -> None:
    # a chat export's "2024-09-20 21:03:11 阿杰" over each message (WeChat, QQ)
    chat = []
    for second, (name, text) in enumerate([("阿杰", "新的一期出来了"), ("小林", "我家那台也是这样"), ("老周", "温控器那段说得对"), ("阿杰", "那你去写个回答呗"), ("小林", "好")]):
        chat += [f"2024-09-20 21:0{second}:11 {name}", text, ""]
    chat[6:6] = ['2024-09-21 09:12:40 "老周"邀请"大刘"加入了群聊', ""]  # an event (its quotes name others): no sender
    thread = threads.cards_by_shape(chat, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["阿杰", "小林", "老周", "阿杰", "小林"]
    assert thread.comments[1].text.startswith("我家那台也是这样")
    # a short line of text over such a head is no name (its "date" is the next head)
    assert all(c.author in ("阿杰", "小林", "老周") for c in thread.comments)
    # cards whose date comes under the text, then the buttons: name, text, "09-19 · 浙江", 回复, 喜欢 N
    cards = ["18 条评论", "默认", "最新", ""]
    for name, text, place, likes in [("橙子味的猫", "这个回答正好补了视频没讲的部分", "浙江", 211), ("三分钟热度", "视频里冷媒那段我看完还有点懵", "山东", 9),
                                     ("路人甲乙丙", "楼上这是被折叠了还是删了？", "广东", 7), ("Dr.冷链", "比视频更平衡的一篇，收藏了", "上海", 3)]:
        cards += [name, text, f"09-19 · {place}", "回复", f"喜欢 {likes}", ""]
    thread = threads.cards_by_shape(cards, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["橙子味的猫", "三分钟热度", "路人甲乙丙", "Dr.冷链"]
    assert thread.comments[0].text == "这个回答正好补了视频没讲的部分"


def test_any_chat_export_line_of_a_date_a_time_a_sender_and_a_colon() -> None:
    # KakaoTalk's export: a saved-on banner, day headers, "2024년 3월 5일 오후 2:13, 민지 : …"
    lines = ["제주 가즈아 님과 카카오톡 대화", "저장한 날짜 : 2024년 3월 6일 오후 9:05", "", "2024년 3월 5일 화요일"]
    for minute, (name, text) in enumerate([("민지", "얘들아 이거 봐봐"), ("서연", "오 뚜벅이 3박4일??"), ("준호", "버스로만 다닌거야?"), ("민지", "응 근데 동쪽 서쪽 나눠서")]):
        lines.append(f"2024년 3월 5일 오후 2:1{minute}, {name} : {text}")
    lines.append("함덕 1박 성산 1박")  # the message goes on
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["민지", "서연", "준호", "민지"]
    assert thread.comments[-1].text.endswith("함덕 1박 성산 1박")
    # a chapter list is no chat: its times carry no date
    assert threads.recognise(["00:00 Intro: the start", "03:12 Part one: more", "11:40 Part two: more", "22:05 End: bye"], 1) is None


def test_an_e_readers_highlights_and_a_summary_under_a_qualified_heading() -> None:
    koreader = []
    for page, text in [(2, "I read the book twice that summer."), (3, "A mark in a margin is addressed to someone."), (4, "A margin is like a letter.")]:
        koreader += ["\u3000Marginalia", "\u3000", f"\u3000\u3000-- Page: {page}, added on Thu Mar 14 21:47:03 2024", "", text, "-=-=-=-=-=-"]
    signals = summaries.summary_signals({}, koreader, "Marginalia")
    assert signals.strength == 2 and "page mark" in signals.reasons[0]
    guide = ["# Salt, Time and Patience", "", "*Episode Guide*", "", "## 1-Page Summary", "", "In this episode the host talks with a writer.",
             "", "## Salt Is a Dial", "", "She salts more heavily in hot weather."]
    assert summaries.summary_signals({}, guide, "Salt, Time and Patience").reasons == ["summary sections (1Page Summary) at the top"]  # the first section under the title
    # a page number in prose, or one mark, is no highlights export
    prose = ["See page 12 for the table.", "", "Page 3 of the manual says the same.", "", "Thanks."]
    assert summaries.summary_signals({}, prose, "Manual notes").strength == 0


def test_forum_posts_with_their_time_of_posting_and_no_buttons() -> None:
    # jeuxvideo.com's topic copied: a pseudo, "le 6 mars 2024 à 08:47:31", the post; no buttons, no nesting
    lines = ["Sujet : Une émission entière sur la préservation des JV", "1", "2", "»", "Répondre"]
    for minute, (name, text) in enumerate([("Sauveur_Cartouche", "Hier soir une heure entière sur la préservation."), ("Kheyrogaming", "France Culture qui parle de JV :rire:"),
                                           ("Pixel_Roger", "Le passage sur le dépôt légal est ouf."), ("DrMario_Mathieu", "Les émulateurs c'est du piratage :hap:")]):
        lines += [name, f"le 6 mars 2024 à 09:{minute:02d}:31", text]
    thread = threads.cards_by_shape(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments][-3:] == ["Kheyrogaming", "Pixel_Roger", "DrMario_Mathieu"]


def test_a_pidgin_log_and_chapters_in_parentheses_that_are_no_chat() -> None:
    lines = ["Conversation with platform@conference.example at Tue 14 May 2024 09:30:12 AM CEST on marek (jabber)",
             "(05/14/2024 08:52:40 AM) dana: flowstate videos are up!", "(09:31:40 AM) marek: morning. watched it last night",
             "(09:33:11 AM) priya entered the room.", "(09:33:50 AM) priya: which talk, the flowstate one?", "(09:34:02 AM) dana: scroll up priya"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["dana", "marek", "priya", "dana"]
    outline = ["(00:00) Intro: why we did this", "(03:12) Guest: Dana on credits", "(11:40) Demo: the coffee cup", "(23:40) Table: decisions"]
    assert threads.recognise(outline, 1) is None


@pytest.mark.parametrize(
    ("title", "guide"),
    [
        ("Come installare un pannello solare sul balcone", True), ("Cómo hacer pan de masa madre", True),
        ("Comment réparer une chambre à air", True), ("Как сделать стол", True), ("Jak zrobić zakwas", True),
        ("Come funzionano i pannelli solari da balcone", False),  # how they work: it explains
        ("Como a inflação afeta o seu salário", False), ("如何评价拆机老韩的冰箱视频", False),  # a question on Zhihu
        ("如何更换冰箱温控器", True),
    ],
)
def test_how_in_other_languages_is_a_guide_only_before_a_verb(title: str, guide: bool) -> None:
    from tui_reader.corpus.formats.kinds import _GUIDE_TITLE

    assert bool(_GUIDE_TITLE.search(title)) is guide


def test_a_page_saved_from_a_summary_service_is_a_summary() -> None:
    body = ["# The Long Field – Hedges, Ditches and the Invisible Farm | Blinkist", "", "## What's in it for me?", "", "Learn to see the edges."]
    assert summaries.summary_signals({}, body, body[0].lstrip("# ")).strength == 2
    meta = {"source": "https://www.blinkist.com/en/app/shortcasts/the-long-field-en?utm_source=share"}
    assert summaries.summary_signals(meta, body[2:], "The Long Field").strength == 2
    # a title that only mentions such a service is no sign
    assert summaries.summary_signals({}, ["# Why I cancelled Blinkist", "", "It was fine."], "Why I cancelled Blinkist").strength == 0


@pytest.mark.parametrize(
    ("title", "summary"),
    [("Tandem: what reviewers say", True), ("USSD N20 wahala - what the Nairaland people are saying", True),
     ("What the thread thinks about Rust", True), ("What people get wrong about sourdough", False), ("Say what you mean", False)],
)
def test_a_title_that_gives_what_people_say_is_a_summarys(title: str, summary: bool) -> None:
    assert bool(summaries.summary_signals({}, [f"# {title}", "", "Short version: they like it."], title).strength) is summary


def test_an_article_under_its_byline_with_a_few_comments_is_no_comment_dump() -> None:
    article = [f"Paragraph {n} of the article, about line endings in git and why they bite on Windows machines." for n in range(30)]
    lines = ["Shirokuma", "Mar 8", *article, "Like", "Reply", ""]
    for name, text in [("Hayato", "Clear, thanks! Consider .gitattributes too."), ("Yuru", "Lost half a day to this yesterday."), ("Shirokuma", "Added a note on it!")]:
        lines += [name, "Mar 9", text, "Like", "Reply", ""]
    thread = threads.card_copy(lines, 1)
    assert thread is not None and len(thread.comments) == 4  # the byline read as a card ...
    assert not thread.acceptable()  # ... over a long article: a page, not a thread


def test_chapter_titles_over_their_times() -> None:
    # NPO's "Hoofdstukken": each title, then its time on the next line
    npo = ["Hoofdstukken", "Intro: een energierekening vol verrassingen", "00:00", "Wat is salderen eigenlijk?", "02:41",
           "Waarom leveranciers terugleverkosten rekenen", "07:55", "Netcongestie en de middagpiek", "21:03"]
    assert seconds("\n".join(npo)) == [0, 161, 475, 1263]
    # the same chapters again as YouTube's cards under a description that lists them: counted once
    cards = ["0:00 Intro", "0:48 Why I stopped", "2:15 Flattening the back", "", "Chapters", "Intro", "0:00", "", "Why I stopped", "0:48",
             "", "Flattening the back", "2:15"]
    assert seconds("\n".join(cards)) == [0, 48, 135]
    # messages over their clock times (a chat), and a player's position over its length, are no chapters
    chat = ["Ana", "see you at the market", "09:12", "Ben", "bring the bags", "09:15", "Ana", "ok!", "09:20"]
    assert seconds("\n".join(chat)) == []
    assert seconds("\n".join(["Crumb & Crust", "0:00", "1:04:12"])) == []


def test_forum_heads_that_sign_each_post_by_its_author() -> None:
    # Nairaland: "Title by name(m): 3:14pm On Mar 05" over the topic's post, "Re: Title by …" over each reply
    title = "USSD: Subscribers To Pay N20 Per Session"
    lines = ["Nairaland Forum / Business", "", f"{title} by Naijapalava(m): 3:14pm On Mar 05", "Subscribers will pay N20 a session.", "14 Likes 3 Shares",
             "Quote  Report  Like  Share", ""]
    for minute, (name, text) in enumerate([("Oga_Landlord", "So na from our airtime?"), ("Kelvin_Reloaded", "Banks don dey collect N6.98."),
                                           ("Zainab_Abj", "USSD is the only banking app in the villages."), ("Ebuka_Anambra", "You dey exaggerate.")]):
        lines += [f"Re: {title} by {name}(m): 3:{20 + minute}pm On Mar 05", text, "9 Likes", "Quote  Report  Like  Share", ""]
    thread = threads.cards_by_shape(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["Oga_Landlord", "Kelvin_Reloaded", "Zainab_Abj", "Ebuka_Anambra"]
    assert thread.description is not None and "N20 a session" in thread.description[1]  # the topic's post


def test_a_question_and_answers_page_whose_heads_carry_reputation() -> None:
    # Microsoft Q&A: "Lena Sørby" / "20" / "Reputation points" / an ISO date; an answer's head on one line with its count
    lines = ["Question", "AirPods Pro 2 sound goes mono", "", "Lena Sørby", "20", "Reputation points", "2024-03-11T07:48:19.61+00:00", "",
             "Music is fine at first, then mono.", ""]
    for minute, name in enumerate(["Hania Kowalczyk", "Tom Reyes", "Aiko Sato"]):
        lines += [f"{name} 2,460 Reputation points • Microsoft External Staff", f"2024-03-11T08:0{minute}:44.17+00:00", "",
                  f"Answer number {minute} from {name}.", ""]
    thread = threads.cards_by_shape(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments][-3:] == ["Hania Kowalczyk", "Tom Reyes", "Aiko Sato"]


def test_chapters_in_a_table_copied_with_tabs_and_spans_over_their_titles() -> None:
    # Audiobookshelf's chapters copied from the page: tab-separated, "Start" heads its column
    table = ["Chapters", "Id\tTitle\tStart\tDuration", "0\tOpening Credits\t0:00\t0:38", "1\tPrologue: Low Water\t0:38\t14:14",
             "2\tOne: The Lamp Room\t14:52\t57:38", "3\tTwo: Charts\t1:12:30\t52:41"]
    assert seconds("\n".join(table)) == [0, 38, 892, 4350]
    # a "Time" column that is each part's length (LibriVox's sections) is no start
    lengths = ["Section\tChapter\tReader\tTime", "01\tThe Lamp\tAna\t29:03", "02\tThe Tide\tBen\t36:27", "03\tThe Storm\tCai\t31:12"]
    assert seconds("\n".join(lengths)) == []
    # Podverse: "3/19/2024 • 0:00 to 1:42" over the chapter's title
    spans = ["3/19/2024 • 0:00 to 1:42", "Welcome & the voicemail", "Tape Hiss", "3/19/2024 • 1:42 to 6:15", "What sticky-shed is",
             "Tape Hiss", "3/19/2024 • 6:15 to 14:08", "The convection oven incident"]
    assert seconds("\n".join(spans)) == [0, 102, 375]


@pytest.mark.parametrize("heading", ["W kilku zdaniach", "Najważniejsze wątki", "V skratke", "Pe scurt", "সংক্ষেপে", "सारांश"])
def test_summary_headings_written_as_plain_lines_in_more_languages(heading: str) -> None:
    lines = ["Betonoza w odwrocie", "TOK FM, cykl „Miasto od nowa”", "", heading, "Rozmowa o tym, dlaczego rynki są z betonu."]
    assert summaries.summary_signals({}, lines, "Betonoza w odwrocie").strength >= 1


def test_a_reading_apps_highlights_by_their_labels_or_their_times() -> None:
    libby = ["# The Salt Lantern", "by Maren Holloway", "", "## Reading Timeline", "", "### September 13, 2024",
             '- **Highlight** 🟨 "The lamp did not care whether anyone was out there." (2%)', '- **Highlight** 🟨 "Low water was when the island told the truth." (4%)',
             "- **Bookmark 🔖** Chapter One (6%)", '- **Highlight** 💚 "Salt remembers the sea it came from." (9%)']
    assert summaries.summary_signals({}, libby, "The Salt Lantern").strength == 2
    kobo = ["# The Salt Lantern", "", "## Highlights", "", "## Five: Aurel", "", "He had left with one bag.", "", "*Created: 2024-10-05T20:13:42.000Z*",
            "", "The letters were dated but not in order.", "", "*Created: 2024-10-05T20:31:09.000Z*", "", "There is a kind of wind.", "",
            "*Created: 2024-11-02T19:44:18.000Z*"]
    assert summaries.summary_signals({}, kobo, "The Salt Lantern").strength == 2
    # a post that mentions highlights is no export
    post = ["# Three highlights of the trip", "", "Highlight one was the ferry.", "", "We also saw the lighthouse."]
    assert summaries.summary_signals({}, post, "Three highlights of the trip").strength < 2


def _forum_posts(layout: str) -> list[str]:
    """Five forum posts, #1 the topic's, in one of two layouts: the name under the mark
    with the card's fields (IP.Board, DonanımHaber), or the date and the mark on one
    line over the name (vBulletin), post #4 taken down there."""
    people = ["kasa_toplayan", "pixelci", "Eski_Madenci", "tek_tabanca", "donanim_dede"]
    lines = ["Forum > Donanım", "İkinci el ekran kartı", "41 Cevap", ""]
    for number, name in enumerate(people, 1):
        if layout == "under":
            lines += [f"#{number}", name, "Kıdemli Üye", "Kayıt: Mart 2016", f"Mesaj: {number}12", f"1{number} Şubat 2025 22:14",
                      f"Post {number} says something long enough to be read as the text of a post.", "Alıntı", "Beğen", ""]
        elif number == 4:
            lines += [f"    03-15-2024, 0{number}:22 AM #{number}", "    This message has been deleted by Marlow. Reason: spam link", ""]
        else:
            lines += [f"    03-15-2024, 0{number}:22 AM #{number}", f"    {name}", f"    {name} is offline", "    Member", "    Join Date",
                      "        Nov 2016", "    Posts", "        1,207", "", f"    Post {number} says something long enough to be a post.",
                      "    Reply With Quote", ""]
    return lines


@pytest.mark.parametrize("layout", ["under", "dated"])
def test_forum_posts_under_their_number(layout: str) -> None:
    thread = threads.recognise(_forum_posts(layout), 1)
    assert thread is not None and thread.description is not None  # "#1" is the topic
    assert len(thread.comments) == 4
    named = [c.author for c in thread.comments]
    assert named == (["pixelci", "Eski_Madenci", "tek_tabanca", "donanim_dede"] if layout == "under" else ["pixelci", "Eski_Madenci", None, "donanim_dede"])
    assert all(c.text.startswith(("Post", "This message")) for c in thread.comments)


def _removed_thread(replies_under: bool) -> list[str]:
    lines = ["Komentarze (6)", ""]
    for name, text, indent in [("Halina B.", "U nas rynek to jedna wielka patelnia w lipcu.", ""),
                               ("Zielony_Bartek", "U nas to samo, tylko zamiast fontanny są dysze.", "    ")]:
        lines += [indent + name, indent + "5 godz. temu", indent + text, indent + "Odpowiedz", indent + "Zgłoś", ""]
    lines += ["    Komentarz został usunięty przez moderatora.", ""]
    indent = "        " if replies_under else ""
    lines += [indent + "Ola M.", indent + "4 godz. temu", indent + "Dobrze, że to wyleciało, bez wyzwisk proszę.", indent + "Odpowiedz", indent + "Zgłoś", ""]
    lines += ["Jurek1958", "3 godz. temu", "Za moich czasów na rynku był targ i błoto.", "Odpowiedz", "Zgłoś", ""]
    return lines


def test_a_taken_down_comment_counts_where_replies_hang_under_it() -> None:
    held = threads.recognise(_removed_thread(True), 1)
    assert held is not None
    assert [c.author for c in held.comments] == ["Halina B.", "Zielony_Bartek", None, "Ola M.", "Jurek1958"]
    assert held.comments[2].text.startswith("Komentarz został usunięty") and held.comments[3].depth > held.comments[2].depth
    alone = threads.recognise(_removed_thread(False), 1)
    assert alone is not None
    assert [c.author for c in alone.comments] == ["Halina B.", "Zielony_Bartek", "Ola M.", "Jurek1958"]
    assert not any("usunięty" in c.text for c in alone.comments)  # nor left in the card above


def test_review_cards_with_a_profile_and_teasers_shown_again() -> None:
    lines = ["Recommended Reviews", "Top positive review", "Marcus T.", "Apr 28, 2024",
             "I run before work from October to March, so most of my miles are in the dark and this lamp…", "Read more", ""]
    for name, where, date, text in [("Marcus T.", "Seattle, WA", "Apr 28, 2024", "I run before work from October to March, so most of my miles are in the dark and this lamp stays put."),
                                    ("Leah T.", "Beaverton, OR", "Apr 21, 2024", "Came here for my sister's birthday with a group of seven people."),
                                    ("Jonah W.", "Vancouver, WA", "Apr 14, 2024", "Overrated. Six dollars for a pastry and we had to bus our table.")]:
        lines += [name, where, "42", "118", "Elite 24", date, text, "Helpful 4", "Thanks 0", ""]
    lines += ["Comment from Priya S. of Marrow & Rye", "Business Owner", "4/23/2024", "Leah, thank you for writing this up so carefully!", ""]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments][:3] == ["Marcus T.", "Leah T.", "Jonah W."]
    assert len(thread.comments) == 4


def test_chapters_after_topic_headings_and_in_checklists() -> None:
    avoma = "\n".join(["# Weekly sync", "", "### Agenda & recap · 00:00", "- recap", "", "### Data migration · 01:48", "- status", "- more",
                       "", "### Intake forms · 09:30", "- schema", "", "### Open questions · 36:20", "- who signs off"])
    assert seconds(avoma) == [0, 108, 570, 2180]
    keep = "\n".join(["VOD clips - day 3", "", "☑ 0:12:40 chat names the moth", "☐ 2:48:10 the backtrack", "☐ 8:52:40 final boss start"])
    assert seconds(keep) == [760, 10090, 31960]
    others = "\n".join(["More talks", "- [Exactly-once is a lie](https://x.example/a) — Tobias · 38:20", "- [Replaying events](https://x.example/b) — Amara · 41:07"])
    assert seconds(others) == []  # other pages and their lengths


def test_a_live_streams_chat_with_its_replies() -> None:
    lines = ["Chat", "Pinned by ferrouswolf", "11:38 PM ferrouswolf: ok chat this is it, the final boss",
             "11:38 PM mossbeard: LETS GOOOOO", "kaz_77 subscribed for 3 months!", "11:39 PM ravenblue: not backseating but dodge LEFT",
             "Replying to @ravenblue: not backseating but dodge LEFT", "11:39 PM mossbeard: @ravenblue bro backseated in the same sentence",
             "11:40 PM ferrouswolf: nobody talk to me", "Send a message"]
    thread = threads.recognise(lines, 1)
    assert thread is not None
    assert [c.author for c in thread.comments] == ["ferrouswolf", "mossbeard", "ravenblue", "mossbeard", "ferrouswolf"]
    assert [c.depth for c in thread.comments] == [0, 0, 0, 1, 0]
    chapters_like = ["00:00 Intro: why we ride", "04:10 Gear: what to bring", "12:30 Route: the long way round", "20:05 Outro: next week"]
    assert threads.recognise(chapters_like, 1) is None  # no name twice: a chapter list


def test_a_discord_copy_with_badges_grouped_messages_and_references() -> None:
    lines = ["stream-feedback", "Day 3 feedback", "ferrouswolf", "OP", " — 05/13/2024 1:04 AM", "we did it, nine hours and no hits at all", "5 Messages",
             "mossbeard — 05/13/2024 1:10 AM", "mic was gone from 3:12:00 to 3:40:00 in the VOD, game audio only", "[1:11 AM]",
             "still the best stream of the year", "@mossbeard mic was gone from 3:12:00 to 3:40:00 in the VOD, game audio only",
             "stelle_mod — 05/13/2024 1:15 AM", "that was the OBS scene switch after the break", "juniperjump — 05/13/2024 10:40 AM",
             "cut the backtrack, keep gerald", "ferrouswolf", "OP", " — 05/13/2024 12:31 PM", "kick doesn't do chapters on VODs sadly"]
    thread = threads.recognise(lines, 1)
    assert thread is not None and thread.description is not None  # the post, "5 Messages" under it
    assert [c.author for c in thread.comments] == ["mossbeard", "mossbeard", "stelle_mod", "juniperjump", "ferrouswolf"]
    assert thread.comments[1].text == "still the best stream of the year"  # the reference went to the reply
    assert thread.comments[2].depth == 1


def test_highlights_with_a_readers_notes_between_rules() -> None:
    lines = ["# Last traffic light comes down | Hollins Ridge Courier", "https://www.hollinsridgecourier.com/news/2024/05/13/last-light/", "",
             "**Tags:** roundabouts", "", "---", ""]
    for passage, note in [("The intersection recorded 31 crashes between 2019 and 2023.", "baseline numbers"),
                          ("The state's program covered roughly 80 percent of the project.", "funding angle"),
                          ("We were worried about response times, the fire chief said.", "anecdotal"), ("The design includes a truck apron.", None)]:
        lines += [f"> {passage}", ""] + ([f"**Note:** {note}", ""] if note else []) + ["---", ""]
    assert summaries.summary_signals({}, lines, "Last traffic light").strength == 2
