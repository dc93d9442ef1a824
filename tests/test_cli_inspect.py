"""``tui-reader inspect``: the corpus model on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DOCUMENT_KEYS = {
    "id", "path", "kind", "title", "date", "url",
    "sections", "links", "timestamps", "comments", "warnings",
}
OPTIONAL_DOCUMENT_KEYS = {"tags", "kind_reason", "format", "source_url", "media_url"}
SECTION_KEYS = {"anchor", "title", "level", "line"}
LINK_KEYS = {"text", "url", "line"}
TIMESTAMP_KEYS = {"label", "seconds", "title", "url", "line"}
COMMENT_KEYS = {"line", "text", "author", "depth", "date"}
RELATION_KEYS = {"from", "to", "type", "from_section", "to_section", "reason"}
KINDS = {"summary", "source", "comments", "guide", "article", "note"}
RELATION_TYPES = {"summarizes", "comments-on", "links-to", "related"}


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "tui_reader", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def seeds_json() -> dict:
    result = run("inspect", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def _is_str_or_none(value: object) -> bool:
    return value is None or isinstance(value, str)


def test_json_top_level(seeds_json: dict) -> None:
    assert {"documents", "relations"} <= set(seeds_json)
    assert set(seeds_json) <= {"documents", "relations", "warnings"}
    assert isinstance(seeds_json["documents"], list)
    assert isinstance(seeds_json["relations"], list)
    assert len(seeds_json["documents"]) == 4


def test_json_documents_schema(seeds_json: dict) -> None:
    for doc in seeds_json["documents"]:
        assert DOCUMENT_KEYS <= set(doc) <= DOCUMENT_KEYS | OPTIONAL_DOCUMENT_KEYS, set(doc)
        assert isinstance(doc["id"], str) and doc["id"]
        assert isinstance(doc["path"], str) and doc["path"].endswith(".txt")
        assert doc["kind"] in KINDS
        assert isinstance(doc["title"], str) and doc["title"]
        assert _is_str_or_none(doc["date"]) and _is_str_or_none(doc["url"])
        assert all(isinstance(w, str) for w in doc["warnings"])
        if "tags" in doc:
            assert all(isinstance(t, str) for t in doc["tags"])
        for section in doc["sections"]:
            assert set(section) == SECTION_KEYS
            assert isinstance(section["anchor"], str) and isinstance(section["title"], str)
            assert 1 <= section["level"] <= 6 and section["line"] >= 1
        for link in doc["links"]:
            assert set(link) == LINK_KEYS
            assert isinstance(link["text"], str) and isinstance(link["url"], str)
            assert isinstance(link["line"], int) and link["line"] >= 1
        for stamp in doc["timestamps"]:
            assert set(stamp) == TIMESTAMP_KEYS
            assert isinstance(stamp["seconds"], int) and isinstance(stamp["line"], int)
            assert isinstance(stamp["label"], str) and isinstance(stamp["title"], str)
        for comment in doc["comments"]:
            assert set(comment) == COMMENT_KEYS
            assert isinstance(comment["line"], int) and isinstance(comment["text"], str)
            assert isinstance(comment["depth"], int) and comment["depth"] >= 0
        assert isinstance(doc["kind_reason"], str) and doc["kind_reason"], doc["id"]


def test_json_relations_schema(seeds_json: dict) -> None:
    ids = {doc["id"] for doc in seeds_json["documents"]}
    anchors = {
        doc["id"]: {s["anchor"] for s in doc["sections"]} for doc in seeds_json["documents"]
    }
    assert seeds_json["relations"]
    for rel in seeds_json["relations"]:
        if rel["type"] == "related":
            assert set(rel) == RELATION_KEYS | {"score"} and rel["score"] > 0
            assert rel["from_section"] in anchors[rel["from"]] and rel["to_section"] in anchors[rel["to"]]
        else:
            assert set(rel) == RELATION_KEYS
        assert rel["from"] in ids and rel["to"] in ids
        assert rel["type"] in RELATION_TYPES
        assert rel["type"] == "related" or rel["reason"], rel
        assert rel["from_section"] is None or rel["from_section"] in anchors[rel["from"]]
        assert rel["to_section"] is None or rel["to_section"] in anchors[rel["to"]]


def test_json_content_matches_the_seeds(seeds_json: dict) -> None:
    docs = {doc["id"]: doc for doc in seeds_json["documents"]}
    source = docs["001_fcd5aa9764726396"]
    assert source["title"] == "Netflix\u2019s Engineering Culture"  # not \u-escaped
    assert source["kind"] == "source"
    assert len(source["timestamps"]) == 20
    stamp = next(t for t in source["timestamps"] if t["label"] == "16:25")
    assert stamp == {
        "label": "16:25",
        "seconds": 985,
        "title": "Learnings from Paul vs. Tyson for NFL Live",
        "url": "https://www.youtube.com/watch?v=sAp9RjO79cU&t=985s",
        "line": 90,
    }
    assert len(docs["002_a2ea35e4aae3ff3a"]["comments"]) == 12
    summarizes = {
        "from": "000_8a679a843d40f975",
        "to": "001_fcd5aa9764726396",
        "type": "summarizes",
        "from_section": "netflixs-engineering-culture",
        "to_section": None,
    }
    found = [r for r in seeds_json["relations"] if {k: r[k] for k in summarizes} == summarizes]
    assert len(found) == 1
    assert found[0]["reason"].startswith("**Link:** line: ")
    # Why each seed has its kind, in words.
    assert docs["002_a2ea35e4aae3ff3a"]["kind_reason"] == "one comment a line, 12 comments"
    assert docs["001_fcd5aa9764726396"]["kind_reason"].startswith("the page's own URL in its front matter")


def test_json_is_the_same_for_the_seeds_folder(seeds_json: dict) -> None:
    result = run("inspect", "seeds", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == seeds_json


def test_plain_inspect_is_a_readable_listing() -> None:
    result = run("inspect")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("4 documents\n")
    for title in (
        "Netflix's Engineering Culture: Autonomy, Responsibility, and Scale",
        "Netflix\u2019s Engineering Culture",
        "Comments on Netflix\u2019s Engineering Culture",
        "Netflix Engineering Leadership Interview Guide",
    ):
        assert f"  {title}\n" in out
    assert "001_fcd5aa9764726396  [source]  2025-11-13" in out
    assert "  https://newsletter.pragmaticengineer.com/p/netflix\n" in out
    assert "20 timestamps" in out and "12 comments" in out
    assert "3 relations" in out
    assert "002_a2ea35e4aae3ff3a  comments-on  001_fcd5aa9764726396" in out
    assert "\x1b" not in out  # no colour codes when piped
    assert not out.lstrip().startswith("{")


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_missing_path_exits_2_with_one_line(tmp_path: Path, json_flag: list[str]) -> None:
    result = run("inspect", tmp_path / "does-not-exist", *json_flag)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tui-reader: error: ")
    assert "does-not-exist" in lines[0]
    assert "Traceback" not in result.stderr


def test_empty_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "ignored.rst").write_text("not a document\n", encoding="utf-8")
    result = run("inspect", tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tui-reader: error: no documents")


def test_unknown_option_exits_2_with_one_line() -> None:
    result = run("inspect", "--bogus")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tui-reader: error: ")


def test_rich_markup_in_names_and_titles_is_printed_literally(tmp_path: Path) -> None:
    (tmp_path / "[bold]x[_].md").write_text("# [bold]x[/] heading [red]\n\ntext\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text(
        "---\ntitle: '[link=https://evil.example]click[/link] [/]'\n---\nbody\n",
        encoding="utf-8",
    )
    result = run("inspect", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[bold]x[_]  [note]" in out
    assert "  [bold]x[/] heading [red]\n" in out
    assert "  [link=https://evil.example]click[/link] [/]\n" in out
    assert "\x1b" not in out

    data = json.loads(run("inspect", tmp_path, "--json").stdout)
    titles = {doc["path"]: doc["title"] for doc in data["documents"]}
    assert titles["[bold]x[_].md"] == "[bold]x[/] heading [red]"
    assert titles["plain.md"] == "[link=https://evil.example]click[/link] [/]"


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_bytes(
        b'---\ntitle: "bad \\e[2J title"\n---\n# head \x1b]0;pwned\x07\n\x1b[31mred\n'
    )
    for args in (["inspect", tmp_path], ["inspect", tmp_path, "--json"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\u001b" not in result.stdout and "\\u0007" not in result.stdout
    assert "bad \u241b[2J title" in run("inspect", tmp_path).stdout
