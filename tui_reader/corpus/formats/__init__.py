"""Recognisers of the formats other tools export: one module a family.

Each recogniser is a pure function of a document's lines (and, where it needs them,
its front matter and links); none reads files or knows the corpus.

- ``dates``: the date forms people write, as YYYY-MM-DD;
- ``media``: which URLs play an episode, and how each host is told to start at a second;
- ``chapters``: episode chapters in every common layout;
- ``threads``: comment threads and chat exports (Hacker News, Reddit, Substack, ...);
- ``transcripts``: the cue-by-cue words of an episode or a video (WebVTT, Otter, ...);
- ``summaries``: what makes a text a summary, and where it points at its source;
- ``wikilinks``: ``[[wikilinks]]`` and bare URLs in text;
- ``kinds``: the kind of a document, with the reason it was given.
"""

import bisect
import itertools
import re
from collections.abc import Callable, Sequence


def joined(lines: Sequence[str]) -> tuple[str, Callable[[int], int]]:
    """``lines`` as one text, and the index of the line that holds a given offset
    of it: recognisers run one regular expression over a whole document (fast, in C)
    and look only at the lines it finds."""
    text = "\n".join(lines)
    ends = list(itertools.accumulate(len(line) + 1 for line in lines))
    return text, lambda offset: min(bisect.bisect_right(ends, offset), len(lines) - 1)


_POST_NUMBER = re.compile(r"^\s*\(?(\d{1,3})/(?:\d{1,3}\)?)?\s+\S")


def numbered_posts(lines: Sequence[str]) -> int:
    """How many posts of a thread unrolled into one text (``1/ …``, ``2/ …``, or
    ``1/11 …``) follow each other from 1; 0 when fewer than four do."""
    expected = 1
    for raw in lines:
        match = _POST_NUMBER.match(raw) if raw[:1].isdigit() or raw[:1] in " (" else None
        if match and int(match.group(1)) == expected:
            expected += 1
    return expected - 1 if expected > 4 else 0


_SKIP_LINK = re.compile(
    r"(?:skip to|jump to) .{0,60}|skip navigation|saltar (?:navegación|al contenido).{0,40}|ir al contenido.{0,40}|"
    r"(?:aller|passer) (?:au contenu|au player|au menu|à la recherche).{0,40}|(?:direkt )?zum inhalt(?: springen)?.{0,40}|(?:vai|salta) al contenuto.{0,40}|"
    r"(?:ga )?naar (?:de )?inhoud.{0,40}|(?:pular|ir) para o conteúdo.{0,40}|(?:メイン)?コンテンツ(?:へ|に)スキップ|"
    # Korean, Chinese, Polish, Swedish, Finnish, Turkish, Ukrainian, Russian, Czech, Hungarian, Greek
    r"본문 바로가기|메뉴 바로가기|跳到(?:主要)?内容|跳转到(?:主要)?内容|跳至(?:主要)?內容|przejdź do (?:treści|zawartości).{0,40}|"
    r"hoppa till (?:innehåll|huvudinnehåll).{0,40}|siirry (?:sisältöön|pääsisältöön).{0,40}|(?:içeriğe|ana içeriğe) (?:geç|atla).{0,40}|"
    r"перейти до (?:вмісту|змісту|основного).{0,40}|перейти к (?:содержимому|содержанию|основному).{0,40}|"
    r"přejít (?:na|k) (?:obsah|obsahu).{0,40}|ugrás a (?:tartalomhoz|tartalomra).{0,40}|μετάβαση στο περιεχόμενο.{0,40}",
    re.IGNORECASE,
)
"""Accessibility links a page's copy opens with ("Skip to main contentSkip to navigation")."""
_MENU_LINE = re.compile(r"\b(?:back to|go to|return to) (?:the )?home ?page\b|\bmenu\b", re.IGNORECASE)
"""A longer line of a site's menu: its logo as a link ("The Guardian - Back to
homepage"), its buttons ("Show moreHide expanded menu")."""
_NAV_WORDS = re.compile(
    r"^(?:search|menu|home|sign in|log ?in|sign up|subscribe|create (?:an )?account|register|more|news|about|contact|"
    r"navigation menu|main menu|open navigation menu|"
    r"discover|explore|browse(?: \w+)?|library|subscriptions|docs|blog|community|pricing|help|faq|get the app|"
    r"episodes|all episodes|hosts|shows|podcasts|archive|archives|support(?: the show| us)?|donate|shop|store|merch|newsletter|"
    r"guests|team|events|videos|articles|topics|categories|tags|latest|popular|rss|rss feed|"
    r"search\b.{0,50}(?:…|\.\.\.)|"
    r"buscar|crear|inicio|iniciar sesión|acceder|suscribirse|rechercher|accueil|connexion|se connecter|s'abonner|suchen|startseite|"
    r"anmelden|abonnieren|cerca|accedi|iscriviti|zoeken|inloggen|abonneren|pesquisar|entrar|assinar|検索|ログイン|ホーム|"
    # Korean, Chinese, Polish, Swedish, Finnish, Turkish, Ukrainian, Russian, Czech, Hungarian, Greek
    r"카테고리|검색|검색하기|검색하기 폼|블로그 내 검색|홈|태그|방명록|구독하기|로그인|메뉴|首页|搜索|登录|注册|订阅|分类|"
    r"szukaj|zaloguj(?: się)?|strona główna|sök|logga in|prenumerera|haku|kirjaudu(?: sisään)?|etusivu|ara|giriş(?: yap)?|"
    r"ana sayfa|пошук|увійти|головна|поиск|войти|главная|hledat|přihlásit(?: se)?|keresés|bejelentkezés|αναζήτηση|σύνδεση|"
    r"jiunge|ingia|tafuta|nyumbani|jiunge ingia|masuk|daftar|cari|beranda|đăng nhập|đăng ký|tìm kiếm|trang chủ|"
    r"ورود|ثبت ?نام|جستجو|خانه|התחברות|הרשמה|חיפוש|ראשי|เข้าสู่ระบบ|สมัครสมาชิก|ค้นหา|หน้าแรก|लॉग इन|खोजें|होम|"
    r"вход|регистрация|търсене|начало|entrar|cadastre-se|buscar|início)$",
    re.IGNORECASE,
)
"""The words a site's menu is made of ("Home", "Sign in", "Search videos, playlists, channels…")."""
NAV_RUN = 4


def nav_word(line: str) -> bool:
    """A line of a site's menu, in a few languages: "Skip to content", "Home", "Sign in"."""
    return bool(_SKIP_LINK.fullmatch(line) or _NAV_WORDS.match(line))
"""Short lines (three words or fewer) at a page's top that make its navigation."""


def menu_line(line: str) -> bool:
    """A line of six words or fewer that belongs to a site's menu (its logo link, its
    "Show more" buttons)."""
    return len(line.split()) <= 6 and bool(_MENU_LINE.search(line))


def _past_cookie_banner(kept: list[str]) -> list[str]:
    """The lines after a cookie banner near the top (its notice and its buttons,
    "Accepter", "Tout accepter", "Paramétrer"), when only menu-short lines come before
    it; every language's banner says "cookie"."""
    for at, line in enumerate(kept[:30]):
        if "cookie" not in line.lower():
            continue
        if any(len(before.split()) > 4 for before in kept[:at]):
            return kept  # the page's own text comes first: the banner is not its top
        end = at + 1
        while end < len(kept) and end <= at + 3 and "cookie" in kept[end].lower():
            end += 1  # the notice's paragraph under its heading
        while end < len(kept) and end <= at + 8 and len(kept[end].split()) <= 3 and not kept[end].endswith((".", "?", "!")):
            end += 1  # its buttons
        return kept[end:] or kept
    return kept


def past_navigation(opening: Sequence[str]) -> list[str]:
    """The non-blank lines of a page's opening without the site's navigation that a
    page copied whole starts with: "Skip to content", then a run of short lines
    ("Search", "Home", "Sign In")."""
    kept = [line.strip() for line in opening if line.strip()]
    while kept and _SKIP_LINK.fullmatch(kept[0]):
        kept.pop(0)
    kept = _past_cookie_banner(kept)
    nav = next(
        (n for n, line in enumerate(kept) if len(line.split()) > 3 and not menu_line(line) and not _NAV_WORDS.match(line)), len(kept)
    )
    # A menu holds its words ("Home", "Sign in"): short lines alone may be a title and its labels.
    if nav >= NAV_RUN and (nav >= 8 or sum(1 for line in kept[:nav] if _NAV_WORDS.match(line) or menu_line(line)) >= 2):
        return kept[nav:] or kept
    return kept
