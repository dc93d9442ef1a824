"""The fixture bundles (``tests/fixtures/bundles``, ``tests/fixtures/heldout``): every
kind, chapter, comment count and relation their ``expected.json`` names, as the
model reads them. ``bench/bundles_score.py`` prints the same comparison as a score."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
_spec = importlib.util.spec_from_file_location("bundles_score", ROOT / "bench" / "bundles_score.py")
assert _spec is not None and _spec.loader is not None
score = importlib.util.module_from_spec(_spec)
sys.modules["bundles_score"] = score  # dataclasses look their module up there
_spec.loader.exec_module(score)

SETS = (
    "bundles", "heldout", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
    "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
)
"""``bundles``: written alongside the recognisers; ``heldout`` and ``heldout3`` to ``heldout17``: written
by others without seeing the code, measured first, then studied (README, "How
documents are read")."""
BUNDLES = sorted(p.parent for name in SETS for p in (FIXTURES / name).glob("*/expected.json"))

KNOWN_MISSES = {
    # Held out while the recognisers were written, then studied; what is still read
    # wrong, on purpose listed here so that a new miss (or a fixed one) shows.
    "ha-podnotes-loworbit": [
        "Ep 88 Ground stations on a budget.md: kind source",
    ],
    # A model card with YAML front matter and no URL: its writer calls it the model's page
    # (a source); nothing in it says so, and it is read as an article.
    "h7b-hf-model-discussion": [
        "README.md: kind article",
    ],
    # Round ten, studied in the session it arrived; what is left:
    # a thread summary that names neither the thread's file, URL nor title
    "h10a-reddit-newui": ["relation not found: chatgpt summary of the zfs thread.md summarizes"],
    # the note names X's post only by its author's handle
    "h10a-x-post-arxiv": ["relation not found: Retrieval budgets for small LMs.md links-to x.com - priya_rmn post.txt"],
    # a newsletter whose links all go through a tracker: its episode is found by content,
    # which prefers the transcript saved without a URL
    "h10b-ausha-fr": [
        "relation not found: Fwd La Lettre du Café numérique 58.txt summarizes",
        "spurious relation: Fwd La Lettre du Café numérique 58.txt summarizes ep42-transcription-happyscribe.txt",
    ],
    # two chapters pasted in a code block of a daily note: a code block is code (a guide shows
    # the chapter format in one), see test_times_that_are_not_chapters
    "h10b-heise-podcast-de": ["2024-03-07.md: chapters missing"],
    # Japanese titles are not split into words, so neither title nor content ties the summary
    "h10b-hatena-ja": ["relation not found: 朝5時起き記事のまとめ.txt summarizes"],
    # a plain-text digest entry whose link goes through a tracker, over an article saved without its URL
    "h10b-laposta-nl": ["relation not found: weekoverzicht-112.txt summarizes Waarom de dijken"],
    # Round eleven: a plain-text digest's second entry (its link leaves the folder) over an
    # article saved without its URL
    "h11b-fi-uutiskirje-digest": ["relation not found: Kaupunkikirje 11-2024.txt summarizes Tampere rakentaa"],
    # Round twelve: a chat that links a runbook uses it (a link), where this writer sees a
    # discussion of it (round six's writer saw a link); a meeting note's own share link
    "h12a-gitbook-mattermost-granola": [
        "relation not found: mattermost-platform-ops.txt links-to granola",
        "relation not found: mattermost-platform-ops.txt comments-on rotating-staging-tls.md",
        "spurious relation: mattermost-platform-ops.txt links-to rotating-staging-tls.md",
    ],
    # Arc's answer on the same question read as a summary of the Quora page (its sources are other pages)
    "h12a-quora-arc-pocket": ["spurious relation: arc-browse-for-me.md summarizes quora-sailboat-mail.txt"],
    # the article's page copy is titled by its newspaper's name, and the notebook's words
    # are shared with the Slashdot thread that quotes the article
    "h12a-slashdot-article-ghostreader": ["relation not found: reader-ghostreader-notebook.md summarizes"],
    # Czech comments whose words the episode page (short, mostly chapters) barely shares
    "h12b-cs-stream-kutilova-dilna": ["relation not found: diskuze_seznam.txt comments-on"],
    # a Greek newsletter's links to a transliterated slug and to the forum topic, neither
    # page saved with its address
    "h12b-el-podcast-insomnia-moosend": [
        "relation not found: moosend_deltio_martiou.txt summarizes",
        "relation not found: moosend_deltio_martiou.txt links-to",
    ],
    # a blog post told step by step ("1. lépés:") in plain lines, read as an article
    "h12b-hu-logout-futesgorbe": ["logout_bejegyzes.txt: kind source"],
    # a link to the guide's slug, which neither its title nor its file name spells
    "h12b-id-noice-kaskus-kopisusu": ["relation not found: noice_eps27.txt links-to panduan_hpp.md"],
    # Round thirteen, studied in part in the session it arrived (its comment pages first);
    # what is left, each a layout or a tie not yet read:
    # a Trello card's activity (its checklist makes it a guide), Basecamp's boosts counted as a comment
    "h13a-gdocs-trello-basecamp": [
        "trello-card-handbook.txt: kind guide", "trello-card-handbook.txt: 0 comments", "basecamp-spring-shifts.txt: 5 comments",
        "relation not found: basecamp-spring-shifts.txt links-to", "relation not found: trello-card-handbook.txt comments-on",
        "spurious relation: basecamp-spring-shifts.txt comments-on",
    ],
    # a LibriVox page (its sections table gives lengths, not starts) read as a note
    "h13a-librivox-goodreads-keybase": [
        "librivox-lighthouse-almanac.txt: kind note", "relation not found: goodreads-review-lena.txt links-to",
        "relation not found: keybase-bookclub.txt",
    ],
    # SoundCloud's comments pasted with a part twice; the next show's page links last month's on
    # SoundCloud, which is read as its own media (its player's address), and the comments then
    # match both shows' pages by content
    "h13a-soundcloud-mixcloud": [
        "sc-comments.txt: 13 comments", "relation not found: mixcloud-harbourline-038.txt links-to",
        "relation not found: sc-comments.txt comments-on",
    ],
    # tl;dv's notes under its menu, read for their moments as an episode page
    "h13a-tldv-rocketchat-linear": [
        "tldv-weekly-mobile-sync.txt: kind source", "relation not found: linear-MOB-318.txt links-to",
        "spurious relation: linear-MOB-318.txt comments-on",
    ],
    # a link to "Talk:Bicycle_boulevard", saved as "Talk-Bicycle_boulevard.edit-source.txt"
    "h13a-wikipedia-talk-mbin": ["relation not found: mbin-thread.txt links-to Talk-Bicycle_boulevard"],
    # a forum topic that cites the episode: it comments on the one page its posts link to,
    # where this writer sees a link (round eleven's writer saw comments)
    "h13b-bg-bnr-bgmamma-darveta": [
        "relation not found: bgmamma-tema.txt links-to", "spurious relation: bgmamma-tema.txt comments-on bnr-horizont-darvetata.txt",
    ],
    # one Aparat card under a badge; a Virgool post that sums up the video without saying so
    "h13b-fa-aparat-virgool-docharkhe": [
        "nazarat-aparat.txt: 11 comments", "virgool-post.md: kind note", "relation not found: virgool-post.md summarizes",
    ],
    # Rounds fourteen and fifteen, studied in the session they arrived. Exact comment counts
    # that are still off, each a site's layout not read whole: Bugzilla's "Comment N" heads
    # among its attachment and status blocks, a help desk's internal notes, TikTok's folded
    # replies, posts counted with their topic (Threads, Warpcast, jeuxvideo.com, Twist, Clien,
    # Tweakers, HWUpgrade, LinuxFr), a comment removed by moderators left out (Menéame, Pikabu,
    # Coral, Zhihu), reviews (Letterboxd, IMDb, Trustpilot, App Store), cards whose date comes
    # under the text with badges between (Naver, Bilibili, Xiaohongshu, Il Post, NUjij,
    # Apple Community), Flarum's @-mention replies, Douban's "best replies" box shown again,
    # Flashback's date over each "#N", Pidgin's "/me" line.
    "h14a-bugzilla-googlegroups-zendesk": [
        "bug31874.txt: 4 comments", "48213 Quintero invoices.txt: 12 comments",
        # the bug links the list by an address the saved list page does not carry; a TL;DR that
        # links the bug and the ticket under "Upstream:" and "Customer ticket:" sums up neither by its labels
        "relation not found: bug31874.txt links-to bramble-users", "relation not found: ligatures-upstream-status.md summarizes bug31874.txt",
        "spurious relation: ligatures-upstream-status.md links-to bug31874.txt",
    ],
    # a list thread and a merge request that link each other by addresses neither saved page carries
    # (the thread links the MR: a link, where this writer sees comments on it)
    "h14a-gitlab-hyperkitty-orgroam": [
        "relation not found: 20240319142233-retry_budget_decision.md links-to devel-list", "relation not found: devel-list-retry-budget.txt comments-on",
        "relation not found: mr482-overview.txt links-to", "spurious relation: devel-list-retry-budget.txt links-to mr482-overview.txt",
    ],
    "h14a-instagram-tiktok-threads": ["tiktok scallion noodles.txt: 5 comments", "threads lina.txt: 11 comments"],
    # Gemini's meeting notes (a "Summary" section) read as a summary, where the writer sees notes;
    # a chat that never names them
    "h14a-meetgemini-googlechat-fathom": [
        "Tideline packaging & pricing sync - 2024_09_12 10_00 CEST - Notes by Gemini.md: kind summary",
        "relation not found: tideline-gtm-chat.txt comments-on", "relation not found: tideline-gtm-chat.txt links-to",
        "spurious relation: fathom recap pricing sync.md summarizes tideline-gtm-chat.txt",
    ],
    "h14a-misskey-nostr-warpcast": ["warpcast priyan.txt: 11 comments"],
    # a forum that links the episode: it comments on it, where this writer sees a link
    "h14b-de-audiothek-golem-zeit": ["relation not found: golem-forum-epa.txt links-to", "spurious relation: golem-forum-epa.txt comments-on"],
    "h14b-es-ivoox-meneame": ["meneame desaladoras.txt: 14 comments"],
    "h14b-fr-radiofrance-linuxfr-jvc": [
        "linuxfr - France Culture et la préservation du jeu vidéo.txt: 13 comments",
    ],
    # a memo's "- 07:25 …" notes read as a day's clock times; a thread named by its title only
    "h14b-ja-niconico-5ch-memo": ["ミシン動画メモ.md: chapters missing", "relation not found: ミシン動画メモ.md links-to"],
    "h14b-ko-naver-kakaotalk": ["댓글.md: 9 comments"],
    # a podcast page that links the video by its vk.com address, the video page saved without it
    "h14b-ru-vk-pikabu-yandex": ["пикабу провалился под лёд.md: 14 comments", "relation not found: Яндекс Музыка выпуск 37.txt links-to"],
    "h14b-zh-bilibili-zhihu-wechat": [
        "B站评论区-老冰箱.txt: 6 comments", "知乎 如何评价拆机老韩的冰箱视频.md: 8 comments", "relation not found: 周末修东西小分队.txt links-to",
    ],
    # an LLM's answer on a bare URL with a tracking id; a blog thread that links the article (comments, for us)
    "h15a-coral-hyvor-deepseek": [
        "meridian-post-comments.txt: 14 comments", "relation not found: Smart_Thermostats", "relation not found: loadshape blog thread.txt links-to",
        "spurious relation: loadshape blog thread.txt comments-on",
    ],
    # Blinkist's page points at itself; the episode page it sums up is titled by its show
    "h15a-flarum-castro-blinkist": ["allotment commons - hedges ep.txt: 17 comments", "relation not found: The Long Field"],
    # a boxd.it short link
    "h15a-letterboxd-imdb-justwatch": [
        "letterboxd reviews salt orchard.txt: 6 comments", "IMDb - The Salt Orchard user reviews.txt: 5 comments",
        "relation not found: 2024-03-17 The Salt Orchard.md links-to letterboxd",
    ],
    # a chat that names the Twist thread only by its title
    "h15a-pidgin-twist-vivaengage": [
        "2024-05-14.093012+0200CEST.txt: 16 comments", "twist - credit-based backpressure.txt: 11 comments",
        "relation not found: 2024-05-14.093012+0200CEST.txt links-to",
    ],
    # a meeting report and the transcript of the same recording, and a chat that names the report, share no address
    "h15a-skype-webex-readai": ["relation not found: Read AI - Kano", "relation not found: [2024-03-07]-Tunde Bakare(live).txt links-to"],
    "h15a-trustpilot-appstore-product": [
        "trustpilot tandem.txt: 6 comments", "tandem appstore uk.txt: 8 comments",
        "relation not found: tandem - what people say.md summarizes tandem appstore", "relation not found: trustpilot tandem.txt comments-on",
    ],
    # a how-to written from the threads, undated against one of them; a forum post that links Apple's thread
    "h15a-vbulletin-applecommunity-msanswers": [
        "apple discussions 255498132.txt: 7 comments", "msqa airpods mono.md: 10 comments",
        "relation not found: AirPods Pro 2 keep dropping - LaptopLounge Forums.txt links-to", "spurious relation: AirPods Pro 2 keep dropping",
    ],
    "h15b-it-hwupgrade-raiplaysound-ilpost": [
        "hwupgrade fotovoltaico balcone.txt: 13 comments", "commenti ilpost.md: 8 comments", "relation not found: hwupgrade fotovoltaico balcone.txt links-to",
    ],
    # note.com's article read as cards (its byline, its sections); Qiita's article tail ("まとめ") over its comments
    "h15b-ja-chiebukuro-notecom-qiita": [
        "note_改行コードで丸一日溶かした話.txt: kind comments", "qiita_gitattributes_コメント欄.md: kind summary", "qiita_gitattributes_コメント欄.md: 0 comments",
        "relation not found: qiita_gitattributes_コメント欄.md links-to", "relation not found: 知恵袋_git改行コード.txt comments-on",
        "relation not found: 知恵袋_git改行コード.txt links-to", "spurious relation: qiita_gitattributes_コメント欄.md summarizes",
    ],
    "h15b-ko-dcinside-clien-podbbang": ["역갤 빙고편 글.txt: 12 comments", "clien 모공 빙고편.md: 14 comments", "relation not found: 역갤 빙고편 글.txt comments-on"],
    # Tweakers' comments are on its own article, which links the episode (a link, for this writer)
    "h15b-nl-tweakers-npo-nujij": [
        "tweakers reacties polderstroom.txt: 13 comments", "nujij terugleverkosten.md: 8 comments",
        "relation not found: saldering notities.md links-to", "relation not found: tweakers reacties polderstroom.txt links-to",
        "spurious relation: nujij terugleverkosten.md comments-on", "spurious relation: tweakers reacties polderstroom.txt comments-on",
    ],
    "h15b-zh-douban-v2ex-xiaohongshu": [
        "小红书 县城书店的第三年.txt: 6 comments", "relation not found: v2ex-1041582.txt links-to",
    ],
    # Round sixteen, measured on first contact, then studied in part (its chapters and a few
    # summaries): what is left. Comment counts off by a post or two as above (Akkoma, sourcehut,
    # Gitea, Google Play's reviews shown twice, Freshdesk and Help Scout notes, Lowyat's merged
    # posts, Onet, Público, Softpedia, SME, DOU); and these layouts not read at all:
    "h16a-akkoma-diaspora-microblog": [
        "pondweed thread.txt: 13 comments", "diaspora-vinterhav.txt: kind source", "diaspora-vinterhav.txt: 0 comments",
        "relation not found: diaspora-vinterhav.txt comments-on", "spurious relation: diaspora-vinterhav.txt links-to",
    ],
    # Deezer's page read as three cards; a listener's note with four times read as an episode page
    "h16a-deezer-podverse-siyuan": [
        "deezer - baking tapes.txt: kind comments", "Tape Hiss 41 podverse.md: chapters missing", "Tape Hiss 41 – Baking Tapes.md: kind source",
        "relation not found: Tape Hiss 41 – Baking Tapes.md links-to Tape Hiss 41 podverse", "relation not found: Tape Hiss 41 – Baking Tapes.md links-to deezer",
        "spurious relation: deezer - baking tapes.txt comments-on",
    ],
    # a README saved from a forge (Install, Usage, commands) read as a guide, where this writer sees the page
    "h16a-gist-sourcehut-gitea": [
        "nudge README (Hollowfern Git).md: kind guide", "patch-v2-debounce lists.sr.ht.txt: 10 comments", "issue14.md: 12 comments",
        "relation not found: issue14.md links-to", "relation not found: nudge README (Hollowfern Git).md links-to",
        "spurious relation: patch-v2-debounce lists.sr.ht.txt comments-on",
    ],
    "h16a-googleplay-chromestore-summary": [
        "relation not found: quillpad-reviews-roundup.md summarizes Quillpad Notes",
        "relation not found: quillpad-reviews-roundup.md summarizes Quillpad Web Clipper",
    ],
    # Intercom's transcript (its times read as chapters), a status page's updates read as comments
    "h16a-intercom-freshdesk-helpscout": [
        "Conversation with Syncwell.txt: kind source", "Conversation with Syncwell.txt: chapters missing", "Conversation with Syncwell.txt: 0 comments",
        "freshdesk ticket 4821.txt: 12 comments", "helpscout-18342-parry-physio.md: 12 comments", "Syncwell Status - Recurring events",
        "relation not found: freshdesk ticket 4821.txt links-to", "relation not found: helpscout-18342-parry-physio.md links-to",
        "spurious relation: Syncwell Status", "spurious relation: freshdesk ticket 4821.txt comments-on", "spurious relation: helpscout-18342-parry-physio.md comments-on",
    ],
    "h16a-onenote-loop-teamsrecap": [
        "tiering sync - loop.txt: kind source", "relation not found: Storage tiering weekly sync (13 Mar).md links-to",
        "spurious relation: recap 13.03.txt summarizes tiering sync - loop.txt",
    ],
    # StoryGraph's reviews (their clock-timed lines read as a log)
    "h16a-storygraph-libby-kobo": [
        "storygraph reviews salt lantern.txt: kind note", "storygraph reviews salt lantern.txt: 0 comments",
        "relation not found: storygraph reviews salt lantern.txt comments-on",
    ],
    "h16b-bn-prothomalo-podcast": [
        "prothomalo-montobbo.txt: kind source", "prothomalo-montobbo.txt: 0 comments", "relation not found: khal-notes.md summarizes",
        "relation not found: prothomalo-montobbo.txt comments-on",
    ],
    "h16b-ms-lowyat-astroawani": [
        "lowyat_gaji_rm3k.txt: 17 comments", "relation not found: nota-gaji-graduan.md links-to", "relation not found: nota-gaji-graduan.md summarizes",
    ],
    "h16b-pt-publico-rtpplay": ["relation not found: Porto quer travar"],
    # SME's discussion links the podcast (a link, for this writer; comments, for us)
    "h16b-sk-sme-aktuality": [
        "relation not found: diskusia_sme_medvede.txt links-to", "spurious relation: diskusia_sme_medvede.txt comments-on",
    ],
    # Round seventeen, measured on first contact, then studied: what is left. Hubski's replies marked
    # only by "parent" and Tripadvisor's date under the text are read in part; a personal note
    # that keeps the page's URL read as a page; a Skool lesson as an episode page;
    # Togetter's page of one account's posts as a chat; ties through titles in other words.
    "h17a-avoma-asana": ["relation not found: asana task - migrate intake forms v2.txt links-to"],
    "h17a-fark-hubski-memex": ["hubski roundabout thread.txt: 6 comments"],
    "h17a-podigee-goodpods-kofi": ["goodpods comments ep42.txt: 14 comments"],
    "h17a-skool-merlin": ["3.4 Pricing your first retainer · Freelance Copy Lab (Skool).txt: kind source"],
    "h17a-yelp-tripadvisor-simplenote": [
        "tripadvisor marrow rye reviews.txt: 3 comments", "Mom 70th brunch - options.txt: kind source",
        "relation not found: Mom 70th brunch - options.txt links-to", "spurious relation: MARROW & RYE - Updated May 2024",
    ],
    "h17b-ja-yahoonews-togetter": [
        "「返却ポストに本以外を入れないで」ひなた市の司書さんのお願いが切実 - Togetter [トゥギャッター].txt: kind comments",
        "spurious relation: 「返却ポストに本以外を入れないで」ひなた市の司書さんのお願いが切実 - Togetter [トゥギャッター].txt comments-on",
    ],
    # VG's comments share the NRK episode's topic and title words, not its page
    "h17b-nb-nrk-vg": ["spurious relation: vg kommentarer ferje.txt comments-on"],
    "h17b-tr-donanimhaber-applepodcasts": [
        "relation not found: Çip ve Çay - İkinci el ekran kartı pazarı - Apple Podcasts.txt links-to", "relation not found: ÖZET - Çip ve Çay 112.md summarizes",
    ],
    "h17b-zh-tw-ptt-firstory": [
        "relation not found: EP87 筆記.md summarizes", "relation not found: [心得] 聽了下班後的工程師EP87 輪班那集 - 看板 Tech_Job - 批踢踢實業坊.txt comments-on",
    ],
}


def test_there_are_enough_bundles() -> None:
    assert len([b for b in BUNDLES if b.parent.name == "bundles"]) >= 15


@pytest.mark.parametrize("folder", BUNDLES, ids=lambda p: p.name)
def test_bundle_reads_as_expected(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    result = score.score_bundle(folder)
    misses = [m.removeprefix(f"{folder.name}/").removeprefix(f"{folder.name}: ") for m in result.misses if "not scored" not in m]
    known = KNOWN_MISSES.get(folder.name, [])
    unexpected = [m for m in misses if not any(m.startswith(k) for k in known)]
    assert unexpected == []
    fixed = [k for k in known if not any(m.startswith(k) for m in misses)]
    assert fixed == [], "fixed: take it off KNOWN_MISSES"


def test_the_scorer_can_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong expectation is reported: the comparison above is not vacuous."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = FIXTURES / "bundles" / "pod-stem-ties"
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for file in source.iterdir():
        (bundle / file.name).write_bytes(file.read_bytes())
    expected = json.loads((bundle / "expected.json").read_text())
    expected["documents"]["ep-17.md"]["kind"] = "guide"
    expected["documents"]["ep-17.md"]["timestamps"] = [1, 2]
    expected["relations"].append({"from": "ep-18.md", "to": "ep-17.md", "type": "links-to"})
    (bundle / "expected.json").write_text(json.dumps(expected))
    result = score.score_bundle(bundle)
    assert result.kinds[0] == result.kinds[1] - 1
    assert result.timestamps[0] < result.timestamps[1]
    assert result.relations[0] == result.relations[1] - 1
    assert any("kind source" in m for m in result.misses)
