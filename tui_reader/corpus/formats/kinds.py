"""The kind of a document, and why: summary, source, comments, guide, article, note.

``classify`` is a pure function of what the other recognisers found (``Evidence``).
The first rule that holds decides, and its words are the document's ``kind_reason``:

1. a ``.tui-reader.toml`` pattern of the folder, then a ``kind:`` / ``type:`` field;
2. a comment thread or chat export (``threads.recognise``);
3. a summary: a type or tag that says so, a title ("Summary of ..."), a highlights
   export, or summary sections (TL;DR, Key takeaways) near the top or backed by a
   pointer to what it sums up (``**Link:**``, ``source_url:``, a footnote);
4. a guide by its structure: steps, prerequisites, installation, code blocks of
   commands, a table of contents over many headings, or a title that says guide,
   tutorial, how-to, handbook, walkthrough;
5. a source: the page's own URL in the front matter, episode chapters, an episode's
   media links, or a saved article (a URL, byline or date line at the top, or long
   prose under a title);
6. an article: other front-mattered files; a note: the rest (short texts, lists,
   daily notes, meeting notes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import numbered_posts, past_navigation
from .dates import date_in_lines

KINDS = ("summary", "source", "comments", "guide", "article", "note")
KIND_SYNONYMS = {
    "summaries": "summary", "digest": "summary", "tldr": "summary", "highlights": "summary", "recap": "summary",
    "comment": "comments", "discussion": "comments", "thread": "comments", "chat": "comments",
    "sources": "source", "page": "source", "episode": "source", "video": "source", "podcast": "source",
    "guides": "guide", "tutorial": "guide", "howto": "guide", "how-to": "guide", "handbook": "guide",
    "post": "article", "articles": "article", "blog": "article", "essay": "article",
    "notes": "note", "memo": "note", "journal": "note", "daily": "note",
}
KIND_KEYS = ("kind", "type", "doctype")

_GUIDE_TITLE = re.compile(
    r"\b(?:guide|tutorial|how[- ]to|handbook|walkthrough|cheat ?sheet|playbook|primer|manual|step[- ]by[- ]step|"
    r"getting started|quick ?start|runbook|interview prep(?:aration)?|field guide|crash course)\b"
    # the same in other languages: "Cara menghitung …", "Návod", "Útmutató", "Как …", "Poradnik", "Anleitung", "Guía", …
    r"|^(?:cara|panduan|tutorial|návod|jak na|útmutató|hogyan|οδηγός|πώς να|hướng dẫn|cách|как|инструкция|руководство|як|інструкція|"
    r"посібник|poradnik|rehber|nasıl|kılavuz|guía|anleitung|wie man|so geht|tutoriel|mode d'emploi|handleiding|hoe je|"
    r"guida|guia|ohje|opas|miten|så här|guide till|vejledning|sådan|veiledning|slik|ghid|cum să|دليل|كيف|מדריך|איך)\b"
    # "how" followed by an infinitive is "how to" ("Come installare", "Cómo hacer", "Как сделать"); "Come funzionano i
    # pannelli" (how they work) explains, it does not instruct
    r"|^(?:come|como|cómo|comment)\s+(?:(?:si|se|le|la|il|un|una|a)\s+)?[^\W\d_]+(?:are|ere|ire|ar|er|ir|re|rsi|arse|erse|irse)\b"
    r"|^(?:как|jak|як)\s+(?:(?:się|se)\s+)?[^\W\d_]+(?:ть|ти|чь|ться|ć|t|ti)\b"
    r"|(?:教程|指南|攻略|如何(?!评价|看待|理解)|手册|가이드|방법|튜토리얼|사용법|คู่มือ|วิธี)",
    re.IGNORECASE,
)
_GUIDE_HEADING = re.compile(
    r"^(?:step\s*\d+|\d+\.\s|part\s+\d+|prerequisites?|requirements|before you (?:begin|start)|installation|install|"
    r"installing|setup|set ?up|getting started|quick ?start|usage|configuration|configure|troubleshooting|"
    r"common (?:problems|issues|pitfalls|mistakes)|next steps|what you(?:'|’)ll (?:need|learn|build)|how to|"
    r"faq|tips|checklist|preparation|practice|exercises?|example|examples|verify|verification|testing|steps|"
    r"procedure|rollback|rolling back|symptoms?|cause|causes|solution|workaround|recovery|recovering|"
    r"how (?:it|they|\w+) works?|see also|known issues|avoiding|removing|fixing|setting up|creating|upgrading)\b",
    re.IGNORECASE,
)
_STEP_WORD = re.compile(
    r"^(?:(?:step|schritt|étape|paso|passo|stap|krok|lépés|βήμα|bước|langkah|adım|шаг|крок|krok|vaihe|steg|trin|pas|خطوة|שלב|단계)\s*\d{1,2}\b"
    r"|\d{1,2}\.\s*(?:step|schritt|étape|lépés|krok|adım|шаг|крок|vaihe|steg|trin|pas)\b|第\s*\d{1,2}\s*步|步骤\s*\d{1,2}|\d{1,2}\s*단계)",
    re.IGNORECASE,
)
"""A heading that names a step: "Step 2", "Langkah 1:", "1. lépés:", "Krok 3", "第2步"."""
_IMPERATIVE = re.compile(
    r"^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*)?(?:run|check|open|click|install|set|create|add|remove|delete|copy|use|"
    r"make sure|ensure|verify|restart|stop|start|enable|disable|configure|edit|select|choose|go to|type|enter|press|"
    r"navigate|wait|download|clone|replace|update|upgrade|confirm|save|export|import|mount|log in|sign in|paste|"
    r"pull|push|turn|unscrew|screw|tighten|loosen|insert|attach|detach|connect|disconnect|plug|unplug|fit|refit|"
    r"clean|wipe|rinse|soak|drain|fill|apply|place|put|take|cut|measure|mark|lift|slide|hold|mix|heat|cook|bake|"
    r"stir|pour|preheat|note|write down|repeat|return|move|switch|unlock|lock|tap|swipe|drag|follow|try|send|reboot|flash)\b",
    re.IGNORECASE,
)
_DOCS_SITE = (
    ("its “On this page” contents", re.compile(r"^\s*(?:on this page|table of contents|in this article)\s*$", re.IGNORECASE)),
    ("admonitions", re.compile(r"^\s*(?::::\s*|!!!\s*|\?\?\?\+?\s*|>\s*\[!)(?:tip|note|info|warning|caution|danger|important|example)\b", re.IGNORECASE)),
    ("“Edit this page” link", re.compile(r"^\s*\[?edit (?:this page|on github)\b", re.IGNORECASE)),
    ("version picker", re.compile(r"^\s*version:?\s*v?\d+(?:\.\d+|\.x)+\s*$", re.IGNORECASE)),
)
"""What a documentation site's page copied whole keeps: its contents box, its
admonitions (``:::tip``, ``!!! note``), its edit link, its version picker."""
_GUIDE_PATH = re.compile(r"/(?:guides?|tutorials?|how-?to|docs|handbook|learn|recipes?)/", re.IGNORECASE)
_COMMAND = re.compile(r"^\s*(?:\$ |# |>>> |pip |pipx |npm |npx |yarn |pnpm |brew |apt(?:-get)? |sudo |git |cd |mkdir |curl |wget |docker |kubectl |make |cargo |go |python3? |uv |poetry |export |cp |mv |ls |chmod )")
_BYLINE = re.compile(
    r"^\s*(?:\*\*|_)?(?:by|written by|author|authors|posted by|words by)\b(?:\*\*|_)?\s*:?\s*\S", re.IGNORECASE
)
_URL_LEAD = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?:url|source|original|originally published (?:at|on|in)|saved from|link|canonical|"
    r"read (?:it )?online|permalink)(?:\*\*|__)?\s*(?::|at|on|in)?\s*(?:\*\*|__)?\s*<?(?:\[[^\]]*\]\()?https?://",
    re.IGNORECASE,
)
_STANDALONE_DATE = re.compile(
    r"^\s*[*_]*(?:(?i:posted|published|updated)(?: on)?\s+)?(?:[^\W\d_][\w .'’-]{0,40}[·•|,]\s*|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+\d{1,2}[.:]\d\d(?:\s*[A-Z]{2,4})?)?[*_]*\s*(?:[·•|].{0,40})?$",
)
_READING_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?)\s+read\b|^\s*\d+(?:\s*[-–]\s*\d+)?\s*min(?:ute)?s?(?: read)?\s*$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^\s*[*_]*[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|di|le|la)){1,3}[*_]*\s*$")
"""An author's name alone under a title (a byline without "By")."""
_POSTED_BY = re.compile(r"^\s*(?:posted|published|written)\s+(?:on\s+)?.{3,30}?\s+by\s+\S", re.IGNORECASE)
"""A byline after the date: "Posted on 11 March 2025 by Maren Hoff"."""
_NAME_DATE = re.compile(
    r"^\s*[*_]*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}[*_]*\s*[·•|,–—]\s*.{0,20}\b(?:19|20)\d\d\b.{0,20}$"
)
"""A byline with its date: "Noor Haddad · April 2, 2025"."""
_CLIPPER = re.compile(r"^\s*>\s*##\s*excerpt|read original|clipped (?:from|on)|\bomnivore\b|web clip", re.IGNORECASE)
_DATE_NAME = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}_\d{2}_\d{2})(?:[ _-]+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|[ _-]+daily|[ _-]+journal|[ _-]+notes?)?$",
    re.IGNORECASE,
)
"""A daily note's file name: the date alone (``2025-11-13``), or with its weekday."""
_NOTES_NAME = re.compile(r"^(?:notes?|my notes|meeting notes|notizen|apuntes)\s*(?:[-–—:_]|on\b|from\b|about\b)|[-_ ](?:my[-_ ])?notes$", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[[^\[\]\n]+\]\](?!\()")
_ZETTEL_NAME = re.compile(r"^(?:\d{12,14}|\d{8}t?\d{4,6})(?:\b|_)")
"""A Zettelkasten note's file name: a timestamp id first (``202503022230 Trust leaks``)."""
SUMMARY_WORDS = (
    r"resumen|resumo|résumé|zusammenfassung|samenvatting|riassunto|sintesi|podsumowanie|sammanfattning|yhteenveto|özet|підсумок|"
    r"пересказ|shrnutí|zhrnutie|összefoglaló|περίληψη|ringkasan|rangkuman|rezumat|ملخص|סיכום|oppsummering|opsummering|sammendrag|"
    r"santrauka|sažetak|resum|buod|sammenfatning"
)
"""The word for a summary in other languages, as a file name or a title says it (an alternation)."""
SUMMARY_WORDS_UNSPACED = r"まとめ|要約|요약|总结|摘要|總結|重點"
"""The same in scripts written without spaces: found anywhere in a name."""
_SUMMARY_STEM = re.compile(
    r"(?:^|[-_ .])(?:tl;?dr|summary|summari[sz]e[sd]?|recap|key[-_ ]points|takeaways|briefing|resume|" + SUMMARY_WORDS + r")(?:$|[-_ .])|"
    + SUMMARY_WORDS_UNSPACED + r"|tóm[-_ ]tắt",
    re.IGNORECASE,
)
"""A file named as a summary: ``tldr.txt``, ``ep-17-summary``, ``summarize-this-article-…``."""
_MEETING = re.compile(r"^\s*(?:#{1,6}\s*|\*\*)?(?:attendees|participants|agenda|action items|next steps|decisions)\b", re.IGNORECASE)
_TASK = re.compile(r"^\s*(?:[-*+]\s+\[[ xX]\]|[☐☑☒✅⬜])\s")
_GUIDE_WORDS = {"guide", "guides", "interview-prep", "tutorial", "tutorials", "how-to", "howto", "handbook", "docs", "documentation"}


@dataclass
class Evidence:
    """What the recognisers found in one document."""

    meta: Mapping[str, object]
    lines: Sequence[str]
    """The body's lines (front matter left out)."""
    stem: str
    """The file name without its extension, lower case."""
    title: str = ""
    headings: list[str] = field(default_factory=list)
    own_url: str | None = None
    """A URL in the front matter that could be the page's own (or, without one, a URL
    line at the top of the body)."""
    url_in_body: bool = False
    """``own_url`` is a URL line of the body, not a front matter field."""
    chapters: int = 0
    media_links: int = 0
    code_blocks: int = 0
    thread: str | None = None
    """The comment thread format recognised, with its count ("Hacker News page copy, 12 comments")."""
    summary: list[str] = field(default_factory=list)
    """summaries.summary_signals' reasons."""
    summary_strength: int = 0
    """2: the text says outright it is a summary (type, tag, title, highlights export);
    1: summary sections; 0: nothing."""
    pointer: str | None = None
    """How a summary points at its source, if it does ("**Link:** line")."""
    transcript: str | None = None
    """transcripts.transcript's reason, when the text is a transcript."""
    override: tuple[str, str] | None = None
    """(kind, reason) from the folder's ``.tui-reader.toml``."""


def explicit_kind(meta: Mapping[str, object]) -> tuple[str, str] | None:
    for key in KIND_KEYS:
        value = meta.get(key)
        if isinstance(value, str):
            word = value.strip().lower()
            kind = KIND_SYNONYMS.get(word, word)
            if kind in KINDS:
                return kind, f"front matter {key}: {value.strip()}"
    return None


def classify(evidence: Evidence) -> tuple[str, str]:
    """(kind, reason) of a document."""
    if evidence.override is not None:
        return evidence.override
    explicit = explicit_kind(evidence.meta)
    if explicit is not None and explicit[0] == "source" and not evidence.meta.get("kind") and evidence.summary and evidence.pointer:
        # "type: video" over summary sections and a pointer to the video (Recall,
        # Glasp, Readwise): the type of what is summed up, not of this text.
        return "summary", f"{'; '.join(evidence.summary)}, pointing at its source ({evidence.pointer}); its {explicit[1][len('front matter '):]} is the summed-up page's"
    if explicit is not None:
        return explicit
    if evidence.summary and evidence.summary_strength >= 2 and not _page_with_links(evidence):
        return "summary", "; ".join(evidence.summary)
    if evidence.transcript:
        return "source", evidence.transcript
    if evidence.thread:
        return "comments", evidence.thread
    if _DATE_NAME.match(evidence.stem):
        return "note", "a daily note (its file is named by a date)"
    summary = _summary(evidence)
    if summary:
        return "summary", summary
    if _SUMMARY_STEM.search(evidence.stem):
        return "summary", f"its file is named “{evidence.stem[:40]}”"
    links = _link_list(evidence.lines)
    if links:
        return "note", links
    guide = _guide(evidence)
    if guide:
        return "guide", guide
    if _NOTES_NAME.match(evidence.stem):
        return "note", f"notes (its file is named “{evidence.stem[:40]}”)"
    if _ZETTEL_NAME.match(evidence.stem):
        return "note", "a Zettelkasten note (its file name starts with a timestamp id)"
    source = _source(evidence)
    if source:
        return "source", source
    note = _note(evidence)
    if note:
        return "note", note
    if evidence.meta:
        return "article", "front matter, but no URL, chapters or summary sections"
    return "note", "no front matter, URL, chapters or structure of another kind"


def _page_with_links(evidence: Evidence) -> bool:
    """A page whose sections each carry a link ("More from Lineworks"), read as a
    digest's entries: a web clipper's marks ("> ## Excerpt") say it is the page."""
    if not all(reason.startswith("a digest") for reason in evidence.summary):
        return False
    return "a web clipper's marks" in _page_signs(evidence)


def _summary(evidence: Evidence) -> str | None:
    if not evidence.summary or _page_with_links(evidence):
        return None
    said = "; ".join(evidence.summary)
    if evidence.summary_strength >= 2:
        return said
    if any(sign in ("a byline", "a reading time") for sign in _page_signs(evidence)):
        return None  # a weak sign (a "Source:" line, a plain "Takeaways" line) under a byline: the page itself
    if evidence.pointer:
        return f"{said}, pointing at its source ({evidence.pointer})"
    if evidence.own_url or evidence.chapters:
        return None  # a page with a summary section of its own
    if _guide_score(evidence)[0] >= 3:
        return None
    return said


def _guide_score(evidence: Evidence) -> tuple[int, list[str]]:
    reasons: list[str] = []
    score = 0
    structural = [h for h in evidence.headings if _GUIDE_HEADING.match(h.strip())]
    steps = [h for h in structural if re.match(r"^(?:step\s*\d+|\d+\.\s|part\s+\d+)", h.strip(), re.IGNORECASE)]
    worded = [h for h in evidence.headings if _STEP_WORD.search(h.strip())]
    if len(worded) >= 2:
        score += 3
        reasons.append(f"{len(worded)} steps (“{worded[0].strip()[:24]}”)")
    elif len(steps) >= 2:
        score += 2
        reasons.append(f"{len(steps)} numbered steps")
    others = [h for h in structural if h not in steps]
    if others:
        score += min(2, len(others))
        reasons.append("sections " + ", ".join(dict.fromkeys(h.strip()[:24] for h in others[:3])))
    commands = sum(1 for raw in evidence.lines if _COMMAND.match(raw))
    if evidence.code_blocks >= 2 and commands >= 2:
        score += 1
        reasons.append(f"{evidence.code_blocks} code blocks of commands")
    orders = sum(1 for raw in evidence.lines if _IMPERATIVE.match(raw))
    if orders >= 4:
        score += 1
        reasons.append(f"{orders} instructions (“Run …”, “Check …”)")
    docs = [name for name, pattern in _DOCS_SITE if any(pattern.match(raw) for raw in evidence.lines)]
    if docs:
        # A page of a documentation site (Docusaurus, MkDocs, Read the Docs) saved whole
        score += min(3, len(docs) + (1 if "its “On this page” contents" in docs else 0))
        reasons.append("a docs site's " + ", ".join(docs))
    toc = any(re.match(r"^(?:table of contents|contents|toc)$", h.strip(), re.IGNORECASE) for h in evidence.headings)
    if toc and len(evidence.headings) >= 12:
        score += 1
        reasons.append(f"a table of contents over {len(evidence.headings)} headings")
    if evidence.own_url and _GUIDE_PATH.search(evidence.own_url):
        score += 2
        reasons.append(f"its URL is under {_GUIDE_PATH.search(evidence.own_url).group()}")  # type: ignore[union-attr]
    words = {str(t).lower() for t in _tags(evidence.meta)}
    if words & _GUIDE_WORDS:
        score += 3
        reasons.append("tagged " + ", ".join(sorted(words & _GUIDE_WORDS)))
    if _GUIDE_TITLE.search(evidence.title) or _GUIDE_TITLE.search(evidence.stem.replace("-", " ").replace("_", " ")):
        score += 3
        reasons.append(f"titled “{evidence.title[:60] or evidence.stem}”")
    return score, reasons


def _tags(meta: Mapping[str, object]) -> list[str]:
    found: list[str] = []
    for key in ("tags", "tag", "hashtags", "categories", "category"):
        value = meta.get(key)
        values = value if isinstance(value, (list, tuple)) else [value] if isinstance(value, str) else []
        for item in values:
            if isinstance(item, str):
                found.extend(w.strip("#") for w in re.split(r"[,\s]+", item) if w.strip("#"))
    return found


def _guide(evidence: Evidence) -> str | None:
    score, reasons = _guide_score(evidence)
    if score == 3 and len(reasons) == 1 and reasons[0].startswith("titled"):
        signs = _page_signs(evidence)
        if "a byline" in signs and len(signs) >= 2:
            return None  # "…guide" in the name of a blog post with its byline and reading time: an article
    if score == 3 and evidence.own_url and not evidence.url_in_body and all(
        r.endswith("numbered steps") or r.startswith("sections ") for r in reasons
    ):
        return None  # a page saved with its URL whose headings only number a few points ("How it works": 1. 2. 3.): a product's page
    if score >= 3:
        return "instructions: " + "; ".join(reasons)
    return None


def _page_signs(evidence: Evidence) -> list[str]:
    """What at the top of a text says it is a page saved from the web."""
    opening = past_navigation(evidence.lines[:80])
    top = opening[:12]
    signs = []
    if any(_URL_LEAD.match(raw) for raw in top) or any(re.fullmatch(r"\s*<?https?://\S+>?\s*", raw) for raw in top[:5]):
        signs.append("a URL line at the top")
    if any((_BYLINE.match(raw) or _POSTED_BY.match(raw) or _NAME_DATE.match(raw)) and len(raw.strip()) <= 90 for raw in opening[:20]) or any(
        _NAME_LINE.match(raw) for raw in top[1:3]
    ):  # a byline is a short line: "By week two of living with it, I …" is prose
        signs.append("a byline")
    if any(_READING_TIME.search(raw) for raw in top):
        signs.append("a reading time")
    firsts = [raw for raw in evidence.lines[:6] if raw.strip()][:2]
    if len(firsts) == 2 and re.fullmatch(r"\s*={5,}\s*", firsts[1]) and abs(len(firsts[1].strip()) - len(firsts[0].strip())) <= 2:
        signs.append("a title underlined to its length, as an HTML converter writes it")  # wallabag, html2text, pandoc
    if any(_CLIPPER.search(raw) for raw in evidence.lines[:60]):
        signs.append("a web clipper's marks")
    if evidence.media_links and any(re.search(r"\b(?:episode|listen|watch|podcast|video|subscribe)\b", raw, re.I) for raw in top):
        signs.append("an episode's player links")
    unlabelled = [raw for raw in top[:8] if not re.match(r"^\s*[*_]*[^\W\d_][\w ]{1,20}[*_]*\s*:", raw)]  # not "Created: …" (a note's property)
    if any(_STANDALONE_DATE.match(raw) for raw in top[:8]) or date_in_lines(unlabelled, 8):
        signs.append("a date line under the title")
    return signs


def _source(evidence: Evidence) -> str | None:
    words = sum(words_in(raw) for raw in evidence.lines)
    wikilinked = any(_WIKILINK.search(raw) for raw in evidence.lines if "[[" in raw)
    if evidence.own_url and words < 400 and wikilinked and (evidence.chapters < 2 or _personal(evidence.lines)):
        return None  # a note about a page (its URL in the properties, [[links]] to other notes, in the first person)
    if evidence.own_url and (evidence.url_in_body or words < 400) and sum(1 for raw in evidence.lines if _TASK.match(raw)) >= 2:
        return None  # a note that keeps the page's URL (a task list under a link, or a short one under its properties)
    if evidence.own_url:
        where = "a URL line at its top" if evidence.url_in_body else "its front matter"
        return f"the page's own URL in {where} ({_short(evidence.own_url)})"
    if evidence.chapters >= 2 and not any(_MEETING.match(raw) for raw in evidence.lines[:80]):
        return f"an episode page: {evidence.chapters} chapters"  # (a meeting's notes keep the recording's times: notes)
    posts = numbered_posts(evidence.lines)
    if posts:
        return f"one author's thread, unrolled ({posts} numbered posts: 1/, 2/, …)"
    signs = _page_signs(evidence)
    if signs and (len(signs) >= 2 or _prose_words(evidence.lines) >= 150):
        return "a saved page: " + ", ".join(signs)
    words = _prose_words(evidence.lines)
    if words >= 400 and evidence.title and _bullet_share(evidence.lines) < 0.3 and not _DATE_NAME.match(evidence.stem):
        return f"a saved article: {words} words of prose under a title"
    return None


_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:<?https?://\S+>?|\[[^\]]*\]\(\S+\)|\[\[[^\]]+\]\])\s*(?:[-–—:]\s*.{0,80})?$")
_CLOCK_LINE = re.compile(r"^\s*(?:[-*+•]\s+)?\**\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?\**\b(?!:)", re.IGNORECASE)


def _link_list(lines: Sequence[str]) -> str | None:
    """A list of links (a reading list, candidate links): most lines are one link."""
    texts = [raw for raw in lines if raw.strip() and not raw.lstrip().startswith("#")]
    links = sum(1 for raw in texts if _LINK_ONLY.match(raw))
    if links >= 3 and links * 5 >= len(texts) * 3:
        return f"a list of {links} links"
    return None


def _note(evidence: Evidence) -> str | None:
    if _DATE_NAME.match(evidence.stem):
        return "a daily note (its file is named by a date)"
    if _NOTES_NAME.match(evidence.stem):
        return f"notes (its file is named “{evidence.stem[:40]}”)"
    if any(_MEETING.match(raw) for raw in evidence.lines[:80]):
        return "meeting notes (attendees, agenda or action items)"
    if sum(1 for raw in evidence.lines if _TASK.match(raw)) >= 2:
        return "a task list"
    if evidence.own_url and _personal(evidence.lines) and any(_WIKILINK.search(raw) for raw in evidence.lines if "[[" in raw):
        return "a note about a page (its URL, [[links]] to other notes, in the first person)"
    clock = sum(1 for raw in evidence.lines if _CLOCK_LINE.match(raw))
    if clock >= 2 and clock * 10 >= sum(1 for raw in evidence.lines if raw.strip()):
        return f"a log: {clock} lines start with a clock time"  # (two video lengths on a long page make none)
    words = sum(words_in(raw) for raw in evidence.lines)
    if words < 300 and _bullet_share(evidence.lines) >= 0.4:
        return "short notes, mostly a list"
    if words < 120:
        return f"a short note ({words} words)"
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me)\b")


def _personal(lines: Sequence[str]) -> bool:
    """Whether a text speaks in the first person in two lines or more (a note: "Heard it
    on the train", "What I'm changing")."""
    return sum(1 for raw in lines if _FIRST_PERSON.search(raw)) >= 2


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def words_in(text: str) -> int:
    """Words of a text; in Japanese, Chinese or Korean, written without spaces, two
    characters count as one word."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _prose_words(lines: Sequence[str]) -> int:
    total = 0
    for raw in lines:
        text = raw.strip()
        if not text or text.startswith(("#", "|", "```", "- ", "* ", "+ ", ">")) or re.match(r"^\d+[.)]\s", text):
            continue
        total += words_in(text)
    return total


def _bullet_share(lines: Sequence[str]) -> float:
    texts = [raw.strip() for raw in lines if raw.strip()]
    bullets = sum(1 for t in texts if t.startswith(("- ", "* ", "+ ", "• ")) or re.match(r"^\d+[.)]\s", t))
    return bullets / max(1, len(texts))


def _short(url: str) -> str:
    url = re.sub(r"^https?://(?:www\.)?", "", url)
    return url if len(url) <= 60 else url[:59] + "…"


def is_byline(line: str) -> bool:
    """A short byline ("By Ana Lima", "Posted by …")."""
    return len(line.strip()) <= 90 and bool(_BYLINE.match(line) or _POSTED_BY.match(line))
