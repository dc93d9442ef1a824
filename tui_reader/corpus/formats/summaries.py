"""Summaries made by other tools, and where each points at what it sums up.

A text is a summary when it says so: a ``type: summary`` field or a ``summary`` /
``tldr`` / ``highlights`` tag; a ``Summary``, ``TL;DR``, ``Key takeaways``,
``Highlights`` or ``Snips`` heading or bold lead; a highlights export (quotes with
``View Highlight`` / ``Location`` links); a title such as "Summary of ..." or
"Highlights from ...".

Its pointer to the source, best first:

1. a labelled line: ``**Link:** [title](url)``, ``Source: url``, ``- URL: url``,
   ``Original: ...``, ``source:: [[Note]]`` (Dataview), ``Read the original``;
2. front matter ``source_url``, ``source``, ``canonical``, ``original_url``, ``link``,
   ``url`` (for a summary these name the summarised page, not the summary);
3. a footnote ``[^1]: https://...``;
4. a line that is only a URL (or only a ``[[wikilink]]``);
5. the first link of the text.

Pointers are URLs, or ``wiki:Target`` for a wikilink.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import joined
from .dates import parse_date

_FOREIGN_SUMMARY = (
    r"resumen|resumo|résumé|zusammenfassung|samenvatting|riassunto|sintesi|en resumen|em resumo|en bref|kurz gesagt|"
    r"in sintesi|in het kort|puntos clave|pontos[- ]chave|points clés|points essentiels|kernpunkte|das wichtigste|wichtigste punkte|"
    r"punti chiave|belangrijkste punten|kernpunten|まとめ|要約|要点|"
    r"podsumowanie|w skrócie|w kilku zdaniach|najważniejsze wątki|v skratke|zhrnutie|pe scurt|pe scurt despre|সংক্ষেপে|সারাংশ|মূল কথা|"
    r"secara ringkas|सारांश|संक्षेप में|sammanfattning|i korthet|sammendrag|opsummering|yhteenveto|tiivistelmä|lyhyesti|pääkohdat|"
    r"özet|özetle|kısaca|підсумок|підсумки|коротко|итоги|вкратце|краткое содержание|пересказ|shrnutí|ve zkratce|"
    r"összefoglaló|összefoglalás|röviden|περίληψη|σύνοψη|εν συντομία|tóm tắt|ringkasan|rangkuman|intisari|rezumat|"
    r"ملخص|الخلاصة|باختصار|סיכום|בקצרה|总结|摘要|概要|一句话总结|核心观点|요약|한 줄 요약|핵심 정리|세 줄 요약|"
    + "|".join(("co si odnést", "hlavní body", "klíčové body", "أبرز ما جاء", "أبرز النقاط", "أهم النقاط", "главное", "ключевые мысли",
                    "выводы", "головне", "висновки", "najważniejsze", "wnioski", "kluczowe wnioski", "főbb pontok", "tanulságok",
                    "a legfontosabb", "βασικά σημεία", "τα κυριότερα", "điểm chính", "những điểm chính", "ý chính", "poin penting",
                    "poin utama", "intinya", "önemli noktalar", "ana fikirler", "viktigaste", "lärdomar", "tärkeimmät", "עיקרי הדברים",
                    "נקודות מרכזיות", "重点", "重點", "要點", "核心要点", "主要內容", "주요 내용", "핵심", "lo más importante", "conclusiones clave",
                    "oppsummering", "hovedpunkter", "santrauka", "svarbiausia", "sažetak", "ukratko", "buod", "sa madaling salita",
                    "en resum", "resum", "sammenfatning", "i korte træk"))
)
"""The same headings in Spanish, Portuguese, French, German, Italian, Dutch, Japanese,
Polish, Swedish, Norwegian, Danish, Finnish, Turkish, Ukrainian, Russian, Czech,
Hungarian, Greek, Vietnamese, Indonesian, Romanian, Arabic, Hebrew, Chinese, Korean."""
_SUMMARY_WORDS = (
    r"(?:summary|summaries|summarised|summarized|tl;?dr|tldr|key (?:takeaways|points|ideas|insights)|takeaways|highlights|snips|main points|"
    r"executive summary|in a nutshell|the gist|one sentence summary|key quotes|annotations|gist|" + _FOREIGN_SUMMARY + r")"
)
_SUMMARY_HEADING = re.compile(
    r"^\s{0,3}#{1,6}\s+(?:[^\w\s]\s*)?(?:the\s+)?" + _SUMMARY_WORDS + r"\b"
    r"|^\s{0,3}#{1,6}\s+(?:[\w-]{1,12}\s+){1,2}(?:summary|tl;?dr|recap|key takeaways|takeaways)\s*$"  # "## 1-Page Summary", "## Executive summary"
    r"|^\s{0,3}#{1,6}\s+[^\s#]{0,6}(?:まとめ|要約|总结|總結|摘要|요약|핵심 정리)\s*$",  # "## 3行まとめ" (a three-line summary)
    re.IGNORECASE,
)
_SUMMARY_LEAD = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*|__)(?:[^\w\s]\s*)?" + _SUMMARY_WORDS + r"\b[^*_]{0,20}(?:\*\*|__)", re.IGNORECASE)
_SUMMARY_TITLE = re.compile(
    # "Tandem: what reviewers say", "what the Nairaland people are saying": a thread's or the reviews' gist
    r"\bwhat (?:the )?(?:[\w-]+ ){0,2}(?:people|reviewers|reviews|users|commenters|comments|readers|listeners|viewers|folks|everyone|"
    r"the internet|redditors|hn|twitter|the thread) (?:are |is )?(?:say|says|saying|think|thinks|thought|said)\b|"
    r"^(?:summary|tl;?dr|highlights|notes|key takeaways|takeaways|recap|digest|briefing(?: doc(?:ument)?)?|synopsis|"
    r"resumen|resumo|résumé|zusammenfassung|samenvatting|riassunto|sintesi)\s*(?:of|from|for|on|de|do|da|du|des|von|der|van|di|del|:|-|–|—)\s*\S"
    r"|(?:[-–—:(|]\s*|\b)(?:summary|summarised|summarized|tl;?dr|highlights|recap|key (?:takeaways|points|ideas|insights)|"
    r"main points|takeaways|briefing|in brief|resumen|resumo|résumé|zusammenfassung|samenvatting|riassunto)\)?\s*$"
    r"|(?:まとめ|要約|요약|总结|摘要|概要)"
    r"|^(?:أبرز ما جاء في|أبرز النقاط من|أهم النقاط من|главное из|головне з|najważniejsze z|hlavní body z|a legfontosabb|"
    r"những điểm chính|poin penting dari|intisari dari|ประเด็นหลัก|สรุป|สาระสำคัญ|खुलासा|मुख्य बातें|نکات اصلی|خلاصه)"
    r"|[-–—:(|]\s*(?:co si odnést|hlavní body|главное|головне|najważniejsze|wnioski|tanulságok|főbb pontok|βασικά σημεία|"
    r"điểm chính|poin penting|önemli noktalar|lärdomar|tärkeimmät|עיקרי הדברים|重点|핵심 정리)\)?\s*$"
    r"|^(?:podsumowanie|sammanfattning|yhteenveto|tiivistelmä|özet|підсумок|пересказ|краткое содержание|shrnutí|összefoglaló|"
    r"περίληψη|σύνοψη|tóm tắt|ringkasan|rangkuman|rezumat|ملخص|סיכום)\b"
    r"|\b(?:podsumowanie|sammanfattning|yhteenveto|tiivistelmä|özet|özeti|підсумок|пересказ|shrnutí|összefoglaló|περίληψη|"
    r"tóm tắt|ringkasan|rangkuman|rezumat|ملخص|סיכום)\)?\s*$",
    re.IGNORECASE,
)
_HIGHLIGHT_LINK = re.compile(r"\((?:\[)?(?:view highlight|location \d+|page \d+|loc\.? \d+)\]?\(", re.IGNORECASE)
"""A highlight's link back to where it stands: Readwise ``([View Highlight](…))``,
``([Location 1234](…))``."""
_PAGE_LINK = re.compile(r"\[\((?:p\.|page|loc\.?|location)\s?\d+\)\]\(", re.IGNORECASE)
"""Zotero's link from an annotation to its page: ``[(p. 4)](zotero://open-pdf/…)``."""
_SUMMARY_TAGS = {"summary", "summaries", "tldr", "tl;dr", "highlights", "digest", "recap", "notes/summary", "literature-note"}
_SUMMARY_TYPES = {"summary", "summaries", "digest", "highlights", "tldr", "recap", "literature-note", "literature note", "lit-note",
                  "newsletter"}

_LABELLED = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<label>link|source|url|original|original article|original post|article|"
    r"read the original|read more|read the full (?:article|post|story)|via|from|episode|video|watch|listen|"
    r"source url|full article|thread|discussion|comments|quelle|fuente|fonte|bron|källa|kilde|źródło|originale|"
    r"lees verder|lees meer|weiterlesen|mehr lesen|lire la suite|en savoir plus|leer más|seguir leyendo|leia mais|continua a leggere|"
    r"leggi (?:tutto|di più)|続きを読む|czytaj dalej|läs mer|læs mere|lue koko juttu|lue lisää|lue koko artikkeli|kuuntele|katso|"
    r"läs hela|lyssna|posłuchaj|devamını oku|dinle|izle|читати далі|слухати|читать далее|слушать|číst dál|celý článek|poslechnout|"
    r"tovább|bővebben|διαβάστε (?:περισσότερα|εδώ)|ακούστε(?: ολόκληρο το επεισόδιο)?|đọc thêm|nghe|baca selengkapnya|dengarkan|اقرأ المزيد|קרא עוד|"
    r"阅读全文|阅读原文|더 보기|전체 기사|"
    r"原文|原文链接|来源|出处|元動画|元記事|元ネタ|出典|原视频|原視頻|원본 영상|원본|원문|출처|원문 링크|lähde|alkuperäinen|kaynak|джерело|оригінал|источник|оригинал|zdroj|forrás|ที่มา|แหล่งที่มา|منبع|स्रोत|"
    r"πηγή|nguồn|bài gốc|sumber|المصدر|مصدر|מקור|sursa|sursă)"
    r"(?:\s*\([^()\n]{1,30}\))?(?:\*\*|__)?\s*(?::{1,2}|：|-|—|→|»)\s*(?:\*\*|__)?\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_BARE_URL = re.compile(r"(?P<url>https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"])")
_WIKILINK = re.compile(r"\[\[(?P<target>[^\[\]|#\n]+)(?:#(?P<heading>[^\[\]|\n]+))?(?:\|(?P<alias>[^\[\]\n]+))?\]\]")
_LABELLED_LINK = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:link|source|original|read more|read it|read the (?:full )?(?:article|post)|"
    r"lees verder|weiterlesen|lire la suite|leer más|leia mais|continua a leggere|続きを読む|czytaj dalej|läs mer|læs mere)(?:\*\*|__)?\s*[:：—\-→»]",
    re.IGNORECASE,
)
_INTERESTING = re.compile(
    r"^[ \t]*(?:```|~~~|#|(?:[-*+][ \t]+)?(?:\*\*|__|\*|_)|\[|-[ \t]+your |(?:[-*+][ \t]+)?(?:link|source|original|read|via)\b"
    r"|\d{1,2}[.)]|(?:quote|highlight|excerpt|passage|you|user|prompt|human|me|question|q|(?:yellow|blue|pink|orange|purple) highlight)\b)"
    r"|^.*\((?:\[)?(?:view highlight|location \d|page \d|loc\.? \d)"
    r"|^[ \t\u3000\-–—•*|]*(?:page|p\.|location|loc\.|seite|s\.|página|pág\.|pagina|pag\.|strona|str\.|sida|sivu|sayfa|halaman|"
    r"страница|стр\.|сторінка|頁|ページ|페이지)\s*:?\s*\d",
    re.IGNORECASE | re.MULTILINE,
)
_LLM_TURN = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*|\*\*)?(?:you|user|prompt|human|me|question|"
    r"आप|tú|vous|du|sie|voi|jij|ty|вы|ти|ви|sen|siz|bạn|kamu|anda|أنت|אתה|你|您|나|คุณ|você|eu|ja|minä|jag)[ \t]*:?(?:\*\*)?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ASKED_TO_SUM = re.compile(
    r"\b(?:summari[sz]e|summary|tl;?dr|recap|key (?:points|takeaways|moments)|what (?:did|does) .{0,60} (?:say|react)|highlights|main points|brief(?:ing)?|gist)\b"
    r"|(?:मुख्य बिंदु|मुख्य बातें|सारांश|सार बताओ|สรุป|ประเด็นสำคัญ|خلاصه|نکات اصلی|תסכם|סכם|resum[ae]|zusammenfass|riassum|samenvat|podsumuj|özetle|перескажи|кратко|shrň|összefoglal|tóm tắt|ringkas|rangkum|要点|总结|요약|まとめ)",
    re.IGNORECASE,
)
_FULL_TEXT = re.compile(
    r"^#{1,6}[ \t]+(?:content|article|full text|full article|original article|the article|transcript|page text)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
FULL_TEXT_WORDS = 300
"""Words under a "Content" heading that make a highlights export the saved page itself."""
PAGE_BEFORE_WORDS = 200
"""Words of prose above the first summary heading that make the document the page
itself (its text, then "## Highlights" or its own "## Summary")."""
_PROMPT = re.compile(
    r"^[ \t]*(?:>[ \t]*|(?:\*\*|__)?(?:you|user|me|prompt|question|q)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*)"
    r"[^\n]{0,80}\b(?:summari[sz]e|summarise|sum up|tl;?dr|recap)\b"
    r"|^[ \t]*#{1,3}[ \t]+(?:please[ \t]+|can you[ \t]+)?(?:summari[sz]e|sum up|recap|give me (?:a|the) (?:summary|tl;?dr))\b",
    re.IGNORECASE | re.MULTILINE,
)
"""A request for a summary: a chat's prompt (``> summarise this``, ``**You:** tl;dr``),
or an answer engine's page titled by the question (Perplexity: ``# summarize this article …``)."""
_ANSWER = re.compile(
    r"\A\s*(?:sure[.!,]?\s*)?(?:here(?:'|’)s|here is|below is|this is)\s+(?:a|an|the|your|my)\s+(?:\w+\s+){0,2}"
    r"(?:summary|tl;?dr|recap|overview|rundown|breakdown|digest)\b"
    # "Aquí tienes un resumen", "Voici un résumé", "Hier ist eine Zusammenfassung", "Ecco un riassunto", "Aqui está um resumo"
    r"|\A\s*(?:claro[.!,]?\s*|bien sûr[.!,]?\s*|gerne[.!,]?\s*|certo[.!,]?\s*)?(?:aquí tienes|aquí está|voici|hier ist|ecco|aqui está|aqui vai|hier is)\s+"
    r"(?:un|una|um|uma|une|eine|ein|een|il|la|el|o|le)?\s*(?:\w+\s+){0,2}(?:resumen|résumé|zusammenfassung|riassunto|resumo|samenvatting)\b",
    re.IGNORECASE,
)
"""An assistant's answer pasted as it came: "Here's a short summary:"."""
_SAYS_SUMMARY = re.compile(
    r"^[ \t]*[*_]{0,2}(?:(?:a|my|this is a|this is my)[ \t]+)?(?:(?:short|quick|brief|rough)[ \t]+)?"
    r"(?:summary|recap|tl;?dr|digest)[ \t]+(?:of|for)[ \t]+\S",
    re.IGNORECASE | re.MULTILINE,
)
"""An opening that says so: "Summary of [[ep. 87]] with guest …", "My quick recap of …"."""
_EMAIL_MARKS = re.compile(
    r"\b(?:view (?:this |the )?(?:post|email|issue|newsletter)? ?(?:on the web|in (?:your |a )?browser|online)|"
    r"unsubscribe|forwarded this|(?:you(?:'|’)re|you are) receiving this|manage (?:your )?(?:subscription|preferences)|"
    r"update your (?:email )?preferences|subscribe (?:for free|here|now)|advertise with us|sign up\s*(?:\[\d+\])?\s*\||"
    # the same chrome in French, German, Spanish, Italian, Portuguese, Dutch
    r"voir (?:la version|dans le navigateur|en ligne)|version en ligne|se d[ée]sabonner|d[ée]sinscri(?:re|ption)|message transf[ée]r[ée]|"
    r"im browser (?:ansehen|anzeigen|öffnen)|online ansehen|abmelden|abbestellen|weitergeleitete nachricht|"
    r"ver (?:en el|no) navegador|darse de baja|cancelar (?:la )?suscripci[óo]n|mensaje reenviado|mensagem encaminhada|cancelar inscri[çc][ãa]o|"
    r"visualizza (?:nel browser|online)|annulla (?:l'iscrizione|iscrizione)|disiscriviti|messaggio inoltrato|"
    r"bekijk (?:deze (?:e-?mail|nieuwsbrief) )?(?:in (?:je|de|uw) browser|online|de webversie)|afmelden|uitschrijven|doorgestuurd (?:bericht|gekregen)|"
    # Finnish, Swedish, Danish, Norwegian, Polish, Czech, Hungarian, Turkish, Ukrainian, Russian, Greek, Vietnamese, Indonesian
    r"avaa (?:se |viesti )?selaimessa|peru(?:uta)? tilaus|päivitä tietosi|sait tämän viestin|visa i (?:din )?webbläsare?n?|avsluta prenumerationen|"
    r"avregistrera|se i (?:din )?browser|afmeld(?: nyhedsbrev)?|meld deg av|otwórz w przeglądarce|wypisz się|zrezygnuj z subskrypcji|"
    r"zobrazit v prohlížeči|odhlásit(?: se)?|megnyitás böngészőben|leiratkozás|tarayıcıda (?:görüntüle|aç)|abonelikten çık|"
    r"відкрити в браузері|відписатися|открыть в браузере|отписаться|προβολή στον browser|διαγραφή από τη λίστα|"
    r"xem trên trình duyệt|hủy đăng ký|lihat di browser|berhenti berlangganan|"
    r"προβολή σε (?:πρόγραμμα περιήγησης|browser)|λαμβάνετε αυτό το (?:email|μήνυμα)|ενημέρωση προτιμήσεων|απεγγραφή|"
    r"you(?:'|’)re getting this|powered by (?:moosend|mailchimp|mailerlite|sendinblue|brevo|convertkit|kit|buttondown|substack|beehiiv))",
    re.IGNORECASE,
)
"""A newsletter's email chrome: its web-version line, its subscribe and unsubscribe footer."""
_EMAIL_WORDS = (
    "unsubscri", "view this", "view the", "view online", "view in", "on the web", "forwarded", "receiving this",
    "preferences", "advertise", "subscribe for free", "subscribe here", "subscribe now", "sign up",
    "voir ", "version en ligne", "abonner", "inscri", "transf", "browser", "ansehen", "abmelden", "abbestellen", "weitergeleitet",
    "navegador", "baja", "suscrip", "reenviado", "encaminhada", "visualizza", "iscrizione", "inoltrato", "bekijk", "afmelden",
    "uitschrijven", "doorgestuurd", "selaimessa", "tilaus", "tietosi", "sait tämän", "webbläsare", "prenumeration", "avregistrera",
    "afmeld", "meld deg", "przeglądarce", "wypisz", "subskrypcji", "prohlížeči", "odhlásit", "böngészőben", "leiratkozás",
    "tarayıcıda", "abonelikten", "браузері", "відписатися", "браузере", "отписаться", "browser", "διαγραφή", "trình duyệt",
    "hủy đăng ký", "berlangganan", "προβολή", "λαμβάνετε", "προτιμήσεων", "απεγγραφή", "powered by",
)
"""What two marks of _EMAIL_MARKS need at least (a cheap test before the pattern)."""
_ENTRY_HEAD = re.compile(
    r"^[ \t]*(?P<title>[^\s\[\]|][^\[\]|]{2,160}?)[ \t]*(?:\[[ \t]*(?P<url>https?://[^\s\]]+)[ \t]*\]|\[(?P<ref>\d{1,3})\]|"
    r"<(?P<angle>https?://[^\s>]+)>)[ \t]*$"
)
"""A plain-text digest's entry head: "Title [ url ]" (Substack's text email), "TITLE
(5 MINUTE READ) [5]" (a footnote), "Title <url>"."""
_REFERENCE = re.compile(r"^[ \t]*\[(?P<ref>\d{1,3})\][ \t]*(?P<url>https?://\S+)[ \t]*$")
_HEAD_NOTE = re.compile(r"\s*\((?:\d+ minute read|sponsor|github repo|website|podcast|video)\)\s*$", re.IGNORECASE)
_NUMBERED_ENTRY = re.compile(r"^[ \t]*(?:\*\*|__)?\d{1,2}[.)][ \t]*\[[^\]\n]+\]\(https?://", re.MULTILINE)
_ANNOTATION = re.compile(
    r"^[ \t]*(?:quote|highlight|highlighted text|excerpt|passage)[ \t]*:(?![ \t]*original(?:ly)? posted by)[ \t]*\S", re.IGNORECASE | re.MULTILINE
)
"""An annotation's lead ("Quote: …"); a forum's "Quote:Originally Posted by …" (vBulletin, KASKUS) quotes a post."""
_FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*(?P<value>.+)$")
_URL_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?<?(?P<url>https?://\S+?)>?\s*$")
_WIKI_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?(?P<link>\[\[[^\]]+\]\])\s*$")

FOREIGN_SOURCE_KEYS = ("quelle", "fuente", "fonte", "bron", "källa", "kilde", "źródło", "zrodlo", "lähde", "kaynak", "kaynak_url",
                       "джерело", "источник", "zdroj", "forrás", "πηγή", "nguồn", "sumber", "المصدر", "מקור", "sursa", "来源", "出处",
                       "原文", "출처", "원문", "出典")
"""The front matter's ``source:`` in other languages (Czech ``zdroj:``, German ``quelle:``, ...)."""
POINTER_KEYS = ("source_url", "sourceUrl", "source", "canonical", "canonical_url", "canonicalURL", "original_url",
                "original", "link", "url", "article", "article_url", "summarized_url", "summary_of", "about", *FOREIGN_SOURCE_KEYS)


_CHAT_HOSTS = re.compile(
    r"^https?://(?:www\.)?(?:chatgpt\.com|chat\.openai\.com|claude\.ai|gemini\.google\.com|bard\.google\.com|"
    r"(?:www\.)?perplexity\.ai|copilot\.microsoft\.com|poe\.com|notebooklm\.google\.com|chat\.mistral\.ai|chat\.deepseek\.com)/",
    re.IGNORECASE,
)
_SELF_LINK = re.compile(r"\b(?:view (?:it )?(?:in (?:your )?browser|online|on the web)|web version|read online|open in (?:the )?app|read on omnivore)\b", re.IGNORECASE)
_TITLE_KEYS = ("source", "source_url", "summary_of", "about", "article", "original")


@dataclass
class Pointer:
    target: str
    """A URL, or ``wiki:Target`` (``wiki:Target#Heading``)."""
    text: str = ""
    """The link's own words (``[Netflix's Engineering Culture](...)``), if any."""
    line: int | None = None
    """The file line it stands on (None: front matter)."""
    how: str = ""
    """Where it was found, for the relation's reason ("**Link:** line", "footnote")."""


@dataclass
class SummarySignals:
    reasons: list[str] = field(default_factory=list)
    """Why the text is a summary; empty when it does not say it is one."""
    strength: int = 0
    """2: the text says outright that it is a summary (a type or tag, its title, a
    generator's field, a highlights export, a digest of linked entries, summary
    sections at its top); 1: it has summary sections further down; 0: nothing."""

    @property
    def is_summary(self) -> bool:
        return bool(self.reasons)

    def add(self, reason: str, strength: int) -> None:
        self.reasons.append(reason)
        self.strength = max(self.strength, strength)


_STRONG_TAGS = {"summary", "summaries", "tldr", "tl;dr", "digest", "recap", "notes/summary", "literature-note", "summarized"}
_GENERATOR_KEYS = ("summarized_with", "summarised_with", "summarizer", "summariser", "summary_model", "summarized_by", "summarised_by")
_KINDLE = re.compile(
    r"^-\s+Your (?:Highlight|Note|Bookmark) (?:on|at) |^(?:yellow|blue|pink|orange|purple) highlight \| (?:location|page):", re.IGNORECASE
)
"""Kindle's clippings (``- Your Highlight on page 12``) and its web notebook (``Yellow highlight | Location: 212``)."""
_HIGHLIGHT_ITEM = re.compile(r"^[ \t]*(?:[-*+•][ \t]+)?(?:\*\*|__)?(?:highlight|highlighted)(?:\*\*|__)?(?:[ \t]*[:|·-]|[ \t]+\S)", re.IGNORECASE | re.MULTILINE)
_HIGHLIGHT_STAMP = re.compile(r"^[ \t]*[*_]{0,2}(?:created|added|highlighted)(?: on)?:?[*_]{0,2}[ \t]*:?[ \t]*\d{4}-\d\d-\d\d", re.IGNORECASE | re.MULTILINE)
_PAGE_MARK = re.compile(
    r"^[\s\u3000\-–—•*|]*(?:(?:highlight|note|bookmark|surlignage|markierung|subrayado)\w*\s+(?:on\s+|at\s+|sur\s+(?:la\s+)?|auf\s+)?)?"
    r"(?:page|p\.|location|loc\.|seite|s\.|página|pág\.|pagina|pag\.|strona|str\.|sida|sivu|sayfa|halaman|страница|стр\.|сторінка|頁|ページ|페이지)"
    r"\s*:?\s*\d{1,5}\b(?:[\s,;|·•(\-–—]+.{0,80})?$",
    re.IGNORECASE,
)
"""An e-reader's mark over each highlight: KOReader's ``-- Page: 2, added on Thu Mar 14
21:47:03 2024``, ``Page 12 | Highlight``, ``Seite 40 · Markierung``."""
_DIGEST_TITLE = re.compile(r"\b(?:digest|round-?up|recap|this week in|weekly|newsletter|issue)\b.*#?\d+|#\d+\b|\bdigest\b", re.IGNORECASE)
_DIGEST_WORDS = re.compile(
    r"\b(?:digest|newsletter|round-?up|this week in|weekly|fortnightly|monthly|weekly links|reading list|link roundup|recap|issue\s*#?\d+)\b",
    re.IGNORECASE,
)
_SUMMARISED_BY = re.compile(
    r"^[ \t]*[*_]*(?:summari[sz]ed|summary(?: generated| made)?|tl;?dr|digest(?: generated)?)[ \t]+(?:by|with|using|from)[ \t]+[*_\[]*\w.{0,40}$",
    re.IGNORECASE | re.MULTILINE,
)
"""A summariser's signature: "Summarized by Eightify", "Summary generated by NoteGPT"."""
_AI_DISCLAIMER = re.compile(
    r"\b(?:copilot|gemini|chatgpt|claude|perplexity|the ai|ai)\b.{0,40}?(?:uses ai|can make mistakes|may (?:display|produce|give) inaccurate|"
    r"mesterséges intelligenciát használ|verwendet ki|utilise l'ia|usa (?:la )?ia|używa ai|использует ии|використовує ші|"
    r"check (?:for )?(?:mistakes|accuracy|important info)|double-check)"
    r"|\bai-generated (?:content|answer|summary)\b|\bgenerated by ai\b",
    re.IGNORECASE,
)
"""The line an AI assistant prints under its answer ("Copilot uses AI. Check for mistakes.")."""
_QUESTION_LABEL = re.compile(r"^\s*(?:question|q|kérdés|frage|pregunta|pergunta|domanda|vraag|pytanie|вопрос|питання|soru|fråga|kysymys|ερώτηση|câu hỏi|pertanyaan|سؤال|שאלה|问题|질문)\s*[:：]", re.IGNORECASE | re.MULTILINE)
_ANSWER_ANYWHERE = re.compile(
    r"^[ \t]*(?:sure[.!,]?\s*)?(?:here(?:'|’)s|here is|below is)\s+(?:a|an|the|your|my)\s+(?:\w+\s+){0,2}(?:summary|tl;?dr|recap|overview|rundown|breakdown|digest|gist)\b",
    re.IGNORECASE | re.MULTILINE,
)
"""An assistant's answer that says what it is, under the pasted question ("Here's the gist of …")."""
_NOTES_TOOL_HEADING = re.compile(
    r"^[ \t]*(?:#{1,4}[ \t]*)?(?:\*\*)?(keywords|overview|outline|action items|shorthand bullet|speakers|notes|chapters & topics|"
    r"key questions|topics|next steps)(?:\*\*)?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_PLAIN_HEADING = re.compile(
    r"^[ \t]*(?:summary|tl;?dr|key (?:insights|takeaways|points|ideas|moments)|takeaways|timestamped summary|highlights|"
    + _FOREIGN_SUMMARY + r")[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
"""A summary section's heading written as a plain line (a summary copied as text)."""
_SPEAKS_OF = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:the|both|all|two) (?:hosts?|co-hosts?|speakers?|guests?|presenters?|narrator|"
    r"authors?|video|episode|podcast|interviewee|interviewer|creator|panel(?:ists)?|participants|lecturer|vlogger)\b",
    re.IGNORECASE,
)
"""A line that tells what the episode's people do, from outside ("The hosts discuss …")."""
_SUMMARISER_NAME = re.compile(
    r"^(?:[\w.]+ ){0,3}(?:ai )?(?:summari[sz]er|summarize\.tech|summary generator|tl;?dr generator)(?: [\w.]+){0,2}$"
    r"|^browsed by arc\b.{0,30}$|^ghostreader\s*[·•:|-]\s*(?:summari[sz]e|summary)\b.*$"  # Arc's "Browse for me", Readwise's Ghostreader
    r"|^(?:conversation with (?:gemini|chatgpt|claude|copilot)|gemini|copilot)$"
    r"|^ai (?:notes|summary|meeting notes)\b.{0,60}$",  # tl;dv's and Fathom's "AI Notes · Template: Weekly Sync"
    re.IGNORECASE,
)
"""A summariser's name on its own line at the top of a copied result ("Universal
Summarizer", "YouTube Summarizer by Glasp")."""
_NEWSLETTER_WORDS = re.compile(r"\b(?:newsletter|digest|round-?up|this week in)\b", re.IGNORECASE)
_POINTER_LINE = re.compile(
    r"^\s*(?:\*\*|__|\*|_)?\[(?P<text>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)(?:\*\*|__|\*|_)?\s*(?:[→»›]\s*)?$"
)
"""A line that is only a link (``**[The post](url)**``, ``[Read it →](url)``): in a
digest, the entry's pointer to its source."""


_PROFILE_URL = re.compile(
    r"^https?://[^/\s]+/(?:@[\w.\-]+|(?:user|users|u|author|authors|profile|people|members?)/[^/?#\s]+)/?(?:[?#]\S*)?$", re.IGNORECASE
)
_ACTION_TEXT = re.compile(r"^(?:share|subscribe|sign in|sign up|log in|like|comment|reply|follow|restack|upgrade|donate)$", re.IGNORECASE)


def is_profile_url(url: str) -> bool:
    """A person's page (``substack.com/@name``, ``…/user/name``): a byline's link, never what a text is about."""
    return bool(_PROFILE_URL.match(url.strip("<>")))


def is_pointer_line(raw: str) -> bool:
    """A summary's line that points at its source: ``**Link:** [t](url)``, ``Source:
    url``, or a line that is only a link (or only a ``[[wikilink]]``)."""
    return bool(_LABELLED.match(raw) or _POINTER_LINE.match(raw) or _URL_ONLY.match(raw) or _WIKI_ONLY.match(raw))


def _tag_words(meta: Mapping[str, object]) -> set[str]:
    words: set[str] = set()
    for key in ("tags", "tag", "hashtags", "categories", "category", "keywords"):
        value = meta.get(key)
        values = value if isinstance(value, (list, tuple)) else [value] if isinstance(value, str) else []
        for item in values:
            if isinstance(item, str):
                words.update(w.strip("#").lower() for w in re.split(r"[,\s]+", item) if w.strip("#"))
    return words


_SUMMARY_SERVICES = r"blinkist|shortform|getabstract|headway|instaread|bookey|sumizeit|snipd|eightify|summarize\.tech"
_SUMMARY_SERVICE = re.compile(rf"(?:\s[|–—-]\s*|\()(?P<name>{_SUMMARY_SERVICES})\)?\s*$", re.IGNORECASE)
"""A page title that names the summary service it was saved from ("Title | Blinkist")."""
_SUMMARY_SERVICE_HOST = re.compile(rf"^https?://(?:[\w-]+\.)*(?P<name>{_SUMMARY_SERVICES})\.(?:com|io|app|ai|co)/", re.IGNORECASE)


def summary_signals(meta: Mapping[str, object], lines: Sequence[str], title: str) -> SummarySignals:
    """What in a document says that it is a summary (its kind's reason), and how
    surely (``meta`` keys in lower case)."""
    signals = SummarySignals()
    for key in ("type", "kind", "doctype", "category"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip().lower() in _SUMMARY_TYPES:
            signals.add(f"front matter {key}: {value.strip()}", 2)
    service = _SUMMARY_SERVICE.search(title or "") or next(
        (m for key in ("source", "url", "source_url", "link") if isinstance(meta.get(key), str) and (m := _SUMMARY_SERVICE_HOST.search(str(meta[key])))), None
    )
    if service:
        signals.add(f"a summary service's page ({service.group('name')})", 2)
    tags = _tag_words(meta)
    if tags & _STRONG_TAGS:
        signals.add(f"tagged {', '.join(sorted(tags & _STRONG_TAGS))}", 2)
    elif tags & _SUMMARY_TAGS:
        signals.add(f"tagged {', '.join(sorted(tags & _SUMMARY_TAGS))}", 1)
    generator = next((key for key in _GENERATOR_KEYS if meta.get(key)), None)
    if generator:
        signals.add(f"made by a summariser ({generator}: {str(meta.get(generator))[:30]})", 2)
    headings: list[tuple[int, str]] = []
    first_structure: int | None = None
    highlights = kindle = marks = 0
    sections_with_pointer: dict[int, tuple[int, int]] = {}
    """section number -> (first line, line of its pointer)."""
    section_starts: list[int] = []
    in_fence = False
    full_text: int | None = None
    chat: int | None = None
    pointed: str | None = None
    quotes = numbered = 0
    text, line_of = joined(lines)
    # Only the lines that can say something are looked at (headings, bold leads,
    # link lines, highlight marks, fences).
    seen = -1
    for match in _INTERESTING.finditer(text):
        index = line_of(match.start())
        if index == seen:
            continue
        seen = index
        raw = lines[index]
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        is_heading = raw.lstrip().startswith("#")
        if is_heading:
            section_starts.append(index)
        lead = _SUMMARY_LEAD.match(raw)
        if first_structure is None and (is_heading or lead):
            first_structure = index
        if lead or _SUMMARY_HEADING.match(raw):
            words = lead.group() if lead else raw
            headings.append((index, re.sub(r"[#*_\-]", "", words).split(":")[0].strip()))
        elif _HIGHLIGHT_LINK.search(raw):
            highlights += 1
        elif _KINDLE.match(raw):
            kindle += 1
        elif len(raw) <= 120 and _PAGE_MARK.match(raw):
            marks += 1
        only_link = _POINTER_LINE.match(raw)
        if only_link and (
            parse_date(only_link.group("text")) or len(re.findall(r"[^\W\d_]{2,}", only_link.group("text"))) < 2
            or is_profile_url(only_link.group("url")) or _ACTION_TEXT.match(only_link.group("text").strip())
        ):
            only_link = None  # "[October 28, 2023 at 8:14 am](…#comment-2281)", "[Reply](…)": no source
        if section_starts and not is_heading and (only_link or _LABELLED_LINK.match(raw)):
            sections_with_pointer.setdefault(len(section_starts), (section_starts[-1], index))
        elif is_heading and "](http" in raw:  # an entry whose heading is its link
            sections_with_pointer.setdefault(len(section_starts), (index, index))
        if is_heading and full_text is None and _FULL_TEXT.match(raw):
            full_text = index
        if _ANNOTATION.match(raw):
            quotes += 1
        elif _NUMBERED_ENTRY.match(raw):
            numbered += 1
        if chat is None and _LLM_TURN.match(raw):
            chat = index
        if pointed is None and "http" in raw and _LABELLED_LINK.match(raw):
            pointed = raw
    entries = set()
    if len(sections_with_pointer) >= 2:  # a digest's entries also say something of their own
        for number, (start, _) in sections_with_pointer.items():
            end = section_starts[number] if number < len(section_starts) else len(lines)
            if any(len(raw.split()) >= 12 and not raw.lstrip().startswith(("#", "[", "**[")) for raw in lines[start + 1 : end]):
                entries.add(number)
    if full_text is not None and sum(len(raw.split()) for raw in lines[full_text + 1 :]) >= FULL_TEXT_WORDS:
        headings = []  # highlights over the page's own full text: a saved page, annotated
    elif headings and _prose_words(lines[: headings[0][0]]) >= PAGE_BEFORE_WORDS:
        headings = []  # the page's text first, its highlights or its own summary after it
    if headings:
        shown = ", ".join(dict.fromkeys(h[:30] for _, h in headings[:3]))
        # At the top: the first thing, or inside the first section (a digest's
        # "## Title" then "**TLDR:**").
        second = section_starts[1] if len(section_starts) > 1 else len(lines)
        titled = bool(section_starts) and re.match(r"^\s{0,3}#\s", lines[section_starts[0]]) is not None
        at_top = headings[0][0] == first_structure or headings[0][0] < second or (titled and headings[0][0] == second)  # (the first section under the title)
        snips = any(re.match(r"^(?:snips|key quotes)\b", h, re.IGNORECASE) for _, h in headings)
        signals.add(f"summary sections ({shown})" + (" at the top" if at_top else ""), 2 if at_top or snips else 1)
    if "[(" in text:  # Zotero's "[(p. 4)](zotero://…)" (not among the lines looked at above)
        highlights += len(_PAGE_LINK.findall(text))
    if highlights >= 2:
        signals.add(f"a highlights export ({highlights} highlights with location links)", 2)
    elif signals.strength < 2 and (headings or (quotes < 3 and "\n>" in text)):
        quoted = _quoted_passages(lines, [index for index, _ in headings])
        if quoted:
            signals.add(quoted, 2)
    if kindle >= 2:
        signals.add(f"a Kindle highlights file ({kindle} clippings)", 2)
    elif marks >= 3:
        signals.add(f"an e-reader's highlights ({marks} passages under a page mark)", 2)
    if signals.strength < 2 and ("ighlight" in text or "IGHLIGHT" in text):
        labelled = sum(1 for _ in itertools.islice(_HIGHLIGHT_ITEM.finditer(text), 3))
        stamped = sum(1 for _ in itertools.islice(_HIGHLIGHT_STAMP.finditer(text), 3))
        if labelled >= 3:
            signals.add("a reading app's highlights (“Highlight” items)", 2)  # Libby's journey: "- **Highlight** 🟨 "…" (2%)"
        elif stamped >= 3 and re.search(r"^#{1,3}\s+highlights\s*$", text, re.IGNORECASE | re.MULTILINE):
            signals.add("highlights, each with the time it was made, under “Highlights”", 2)  # Kobo's export: "*Created: 2024-10-05…*"
    if chat is not None and _ASKED_TO_SUM.search("\n".join(lines[chat : chat + 40])):
        signals.add("an assistant asked for a summary (an exported chat with an LLM)", 2)
    elif _PROMPT.search(text[:1500]):
        signals.add("it opens with a request for a summary (an assistant's answer)", 2)
    if numbered >= 2 and not entries:
        entries = set(range(numbered))
    if quotes >= 3:
        signals.add(f"an annotations export ({quotes} quoted passages)", 2)
    notes_tool = {m.group(1).lower() for raw in lines[:200] if len(raw) < 40 and (m := _NOTES_TOOL_HEADING.match(raw))}
    if len(notes_tool) >= 3 and ("overview" in notes_tool or "outline" in notes_tool):
        # Otter's, Fireflies', tl;dv's export: "Keywords", "Overview", "Action Items", "Outline" (with times)
        signals.add("a recording's notes made by a transcription tool (" + ", ".join(sorted(notes_tool)) + ")", 2)
    if pointed is not None and not headings and _wordy(lines):
        label = re.sub(r"[*_]", "", pointed).split(":")[0].strip().lstrip("-*+ ")[:20]
        signals.add(f"it points at the page it is about ({label}: line)", 1)
    if len(entries) >= 2:
        signals.add(f"a digest: {len(entries)} entries, each with a link to its source", 2)
    if title and not entries and _DIGEST_WORDS.search(title):
        linked = {n for n, start in enumerate(section_starts, 1) if "](http" in "\n".join(lines[start : (section_starts[n] if n < len(section_starts) else len(lines))])}
        entries = linked if len(linked) >= 2 else entries
    if title and (_SUMMARY_TITLE.search(title.strip()) or (_DIGEST_TITLE.search(title) and entries)):
        signals.add(f"titled “{title.strip()[:60]}”", 2)
    if not signals.reasons:
        described = next((f"{key}: {value.strip()[:40]}" for key in ("excerpt", "description", "subtitle")
                          if isinstance(value := meta.get(key), str) and _NEWSLETTER_WORDS.search(value)), None)
        if title and _NEWSLETTER_WORDS.search(title):
            described = f"titled “{title.strip()[:40]}”"
        if described:
            signals.add(f"it calls itself a newsletter or digest ({described})", 1)
    if signals.strength < 2:
        _plain_signals(signals, text, lines, bool(headings), bool(section_starts))
    return signals


def _plain_signals(signals: SummarySignals, text: str, lines: Sequence[str], headed: bool, sectioned: bool) -> None:
    """The signs of a summary that take a look at the whole text (only asked for when
    nothing surer has been found): a summariser's signature, summary sections written
    as plain lines, an opening that says so, a newsletter's email chrome, a plain-text
    digest's entries."""
    ends = text[:1500] + "\n" + text[-600:] if len(text) > 2100 else text
    by = _SUMMARISED_BY.search(ends)
    opening = [raw.strip() for raw in lines if raw.strip()][:8]
    tool = next((raw for raw in opening if _SUMMARISER_NAME.match(raw)), None)
    if by:
        signals.add(f"it says it was made by a summariser (“{by.group().strip()[:40]}”)", 2)
    elif tool:
        signals.add(f"a summariser's page copied (“{tool[:40]}”)", 2)
    elif not headed and (plain := _PLAIN_HEADING.search("\n".join([raw for raw in lines if raw.strip()][:8]))):
        signals.add(f"summary sections ({plain.group().strip()[:30]}, in plain text)", 1)
    outside = [raw for raw in lines[:80] if _SPEAKS_OF.match(raw)]
    if len(outside) >= 3:
        # "- The hosts discuss …", "- Both hosts pick …": told from outside the episode (a meeting-notes tool, an LLM)
        signals.add(f"it tells of the episode from outside (“{outside[0].strip(' -*•')[:30]}…”, {len(outside)} lines)", 2)
    disclaimer = _AI_DISCLAIMER.search(ends)
    if disclaimer and (tool or _QUESTION_LABEL.search(text[:3000]) or _LLM_TURN.search(text[:3000])):
        # an assistant's answer about a page, pasted with its own disclaimer ("Copilot uses AI. Check for mistakes.")
        signals.add(f"an AI assistant's answer about a page (“{disclaimer.group().strip()[:40]}”)", 2)
    if _ANSWER.match(text[:300]) or _ANSWER_ANYWHERE.search(text[:3000]):
        signals.add("it opens by saying it is a summary (“Here's a summary”)", 2)
    elif (says := _SAYS_SUMMARY.search("\n".join(raw for raw in lines[:12] if not raw.lstrip().startswith("#")))) is not None:
        signals.add(f"it opens by saying it is a summary (“{says.group().strip()[:30]}”)", 2)
    # An email's chrome stands at its top and its foot.
    # (a forwarded email's own headers may come first: its top is its first thirty lines)
    top_and_foot = "\n".join(raw for raw in (lines if len(lines) <= 60 else [*lines[:30], *lines[-30:]]) if len(raw) < 400)
    folded = top_and_foot.lower()
    chrome = (
        {m.group().lower().split()[0] for m in _EMAIL_MARKS.finditer(top_and_foot)}
        if sum(1 for word in _EMAIL_WORDS if word in folded) >= 2
        else set()
    )
    if len(chrome) >= 2:
        signals.add("a newsletter's email (" + ", ".join(sorted(chrome)) + " lines)", 2)
    if not sectioned:
        entries = digest_entries(lines)
        if len(entries) >= 2:
            signals.add(f"a digest: {len(entries)} entries, each with a link to its source", 2)


@dataclass
class Entry:
    """One entry of a plain-text digest: its head line, its title, where it links."""

    line: int
    """The head's index in the lines given."""
    title: str
    url: str | None
    text: str
    """The head and the paragraph under it."""


def digest_entries(lines: Sequence[str]) -> list[Entry]:
    """The entries of a plain-text digest (no headings): a short head line that
    ends with its link (``Title [ url ]``, ``TITLE (5 MINUTE READ) [5]`` with a
    ``[5] url`` reference list below, ``Title <url>``), then a paragraph of prose."""
    references: dict[str, str] = {}
    heads: list[tuple[int, str, str | None, str | None]] = []
    for index, raw in enumerate(lines):
        if "[" not in raw and "<" not in raw:
            continue
        reference = _REFERENCE.match(raw)
        if reference:
            references.setdefault(reference.group("ref"), reference.group("url"))
            continue
        head = _ENTRY_HEAD.match(raw)
        if head is None or len(head.group("title").split()) > 20:
            continue
        title = _HEAD_NOTE.sub("", head.group("title")).strip(" :-–—")
        heads.append((index, title, head.group("url") or head.group("angle"), head.group("ref")))
    entries: list[Entry] = []
    for number, (index, title, url, ref) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body: list[str] = []
        for raw in lines[index + 1 : end]:
            if not raw.strip():
                if body:
                    break
                continue
            body.append(raw.strip())
        if not body or len(body[0].split()) < 8 or not re.search(r"[^\W\d_]{3}", title):
            continue  # a link in a footer, a button: no paragraph of its own under it
        entries.append(Entry(index, title, url or (references.get(ref) if ref else None), " ".join([title, *body])))
    return entries


def _prose_words(lines: Sequence[str]) -> int:
    return sum(len(raw.split()) for raw in lines if raw.strip() and not raw.lstrip().startswith(("#", "[", ">", "|", "```")))


_QUOTE_START = re.compile(r"^[ \t]*>")
_NESTED_QUOTE = re.compile(r"^[ \t]*>[ \t]*>[ \t>]*(?:\*\*|__)?@?[\w.-]{2,30}(?:\*\*|__)?[ \t]+[·•|—–-][ \t]")
"""A reply's head quoted within a quote (``> > **nferreira** · 2024-11-07``): a note
quoted under a highlight (Raindrop's ``> > my note``) has none."""


def _quoted_passages(lines: Sequence[str], summary_headings: list[int]) -> str | None:
    """A highlights export without location links: quoted passages under a
    ``## Highlights`` heading, or making most of the text (Instapaper's ``> passage
    ^h1893310457`` blocks, Raindrop's ``> [!quote]`` callouts)."""
    starts = [i for i, raw in enumerate(lines) if _QUOTE_START.match(raw) and (i == 0 or not _QUOTE_START.match(lines[i - 1]))]
    if len(starts) < 2:
        return None
    if sum(1 for i in starts if any(_NESTED_QUOTE.match(raw) for raw in lines[i : i + 40])) >= 2:
        return None  # heads within quotes: replies nested as a thread export writes them, not passages
    for heading in summary_headings:
        after = next((i for i in range(heading + 1, len(lines)) if lines[i].lstrip().startswith("#") and not lines[i].lstrip().startswith("#####")), len(lines))
        under = sum(1 for i in starts if heading < i < after)
        if under >= 2:
            return f"a highlights section ({under} quoted passages)"
    texts = [raw for raw in lines if raw.strip() and not raw.lstrip().startswith("#") and not re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", raw)]
    quoted = sum(1 for raw in texts if _QUOTE_START.match(raw))
    # a reader's note on a passage ("**Note:** baseline numbers…", Memex, Hypothesis) belongs to it
    noted = sum(1 for raw in texts if re.match(r"^\s*(?:\*\*|__)?(?:note|my note|comment|annotation)s?(?:\*\*|__)?\s*:", raw, re.IGNORECASE))
    if len(starts) >= 3 and (quoted + noted) * 5 >= len(texts) * 3:
        return f"a highlights export ({len(starts)} quoted passages)"
    return None


def _wordy(lines: Sequence[str]) -> bool:
    """Whether most of the text says something in words (a summary under its
    ``Source:`` line), not a list of numbers or times copied off a page."""
    texts = [raw for raw in lines if raw.strip() and not is_pointer_line(raw)]
    worded = sum(1 for raw in texts if len(re.findall(r"[^\W\d_]{2,}", raw)) >= 4)
    return worded * 5 >= len(texts) * 2


_QUOTED_TITLE = re.compile(r"[„“\"«‹‚‘]\s*(?P<title>[^„“”\"«»‹›‚‘’\n]{8,160}?)\s*[“”\"»›‘’]")


def quoted_source(lines: Sequence[str]) -> str | None:
    """The title a summary's source line quotes when it gives no link: ``**Quelle:**
    the talk „Wärmepumpen im Altbau: …“ (YouTube)``, ``Source: the episode "Title"``."""
    for raw in lines[:60]:
        match = _LABELLED.match(raw)
        if match and "http" not in raw and "[[" not in raw:
            quoted = _QUOTED_TITLE.search(match.group("value"))
            if quoted:
                return quoted.group("title").strip()
    return None


def _link_value(value: str) -> tuple[str, str] | None:
    """(target, text) of the first link in a labelled line's value."""
    wiki = _WIKILINK.search(value)
    link = _LINK.search(value)
    bare = _BARE_URL.search(value)
    found = [(m.start(), kind, m) for kind, m in (("wiki", wiki), ("link", link), ("bare", bare)) if m]
    if not found:
        return None
    _, kind, match = min(found, key=lambda item: item[0])
    if kind == "wiki":
        target = match.group("target").strip()
        heading = match.group("heading")
        return f"wiki:{target}" + (f"#{heading.strip()}" if heading else ""), (match.group("alias") or target).strip()
    if kind == "link":
        url = match.group("url").strip("<>")
        return (url, match.group("text").strip()) if url and not url.startswith("#") else None
    return match.group("url"), ""


def pointers(meta: Mapping[str, object], lines: Sequence[str], first_line: int) -> list[Pointer]:
    """Where a summary points at what it sums up, best first (see the module's
    docstring); duplicates left out."""
    found: list[Pointer] = []
    in_fence = False
    for offset, raw in enumerate(lines):
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or len(raw) > 2000:
            continue
        match = _LABELLED.match(raw)
        if match:
            value = _link_value(match.group("value"))
            below = next((k for k in range(offset + 1, min(len(lines), offset + 3)) if lines[k].strip()), None)
            if not value and below is not None and _URL_ONLY.match(lines[below]):
                # "원문: 林间小路, 「Title」" with its link on the line below
                value = _link_value(lines[below])
                if value:
                    value = (value[0], match.group("value").strip())
            if value:
                found.append(Pointer(value[0], value[1], first_line + offset, f"{match.group('label')}: line"))
    for key in POINTER_KEYS:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        parsed = _link_value(value)
        if parsed is None:  # a plain title ("source: The Article") names a document
            if key not in _TITLE_KEYS or "://" in value:
                continue
            parsed = (f"wiki:{value.strip()}", "")
        found.append(Pointer(parsed[0], parsed[1], None, f"front matter {key}"))
    for offset, raw in enumerate(lines):
        match = _FOOTNOTE.match(raw)
        if match:
            value = _link_value(match.group("value"))
            if value and value[0].startswith(("http://", "https://")):
                found.append(Pointer(value[0], value[1], first_line + offset, "footnote"))
    for offset, raw in enumerate(lines):
        only = _URL_ONLY.match(raw) or _WIKI_ONLY.match(raw) or _POINTER_LINE.match(raw)
        if only:
            value = _link_value(raw)
            if value:
                found.append(Pointer(value[0], value[1], first_line + offset, "a line with only a link"))
    seen: set[str] = set()
    unique = []
    for pointer in found:
        if _CHAT_HOSTS.match(pointer.target) or _SELF_LINK.search(pointer.text):
            continue  # an exported chat's own address, a "view in browser": not what it sums up
        if pointer.target not in seen:
            seen.add(pointer.target)
            unique.append(pointer)
    return unique


def wikilinks(text: str) -> list[tuple[str, str | None, str, int]]:
    """Every ``[[Target]]``, ``[[Target#Heading]]``, ``[[Target|alias]]`` of ``text``
    as (target, heading or None, shown text, offset in ``text``)."""
    return [
        (
            m.group("target").strip(),
            (m.group("heading") or "").strip() or None,
            (m.group("alias") or m.group("target")).strip(),
            m.start(),
        )
        for m in _WIKILINK.finditer(text)
        if m.group("target").strip()
    ]
