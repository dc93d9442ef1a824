"""Hostile and broken input: the reader keeps working, shows text literally and
loses nothing.

Every test builds its corpus in ``tmp_path`` (no binary files are committed): binary
and undecodable files, every encoding and line ending, broken and strange front
matter, pathological Markdown (10 MB lines, 10,000-deep nesting, a 5,000-row table),
Rich/Textual markup and terminal control sequences in titles, text and file names,
unsafe links, symlink loops, special files, unreadable files and folders, a folder of
20,000 files and a path that does not exist. The corpus goes through ``inspect
--json`` in a subprocess, through the model, through the renderer and through the
app driven by Pilot.
"""

from __future__ import annotations

import codecs
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList

from tui_reader.corpus import load_corpus, parse_document
from tui_reader.corpus.comments import looks_like_dump, parse_dump
from tui_reader.corpus.links import (
    is_external_url,
    normalize_url,
    url_at_second,
    url_fragment,
    url_seconds,
)
from tui_reader.corpus.loading import read_document
from tui_reader.corpus.sections import AnchorAllocator, slugify
from tui_reader.corpus.text import decode, excerpt, has_controls, visible
from tui_reader.render.document import plain_lines, render_document, split_long
from tui_reader.render.prepare import image_label, prepare_markdown, reference_definitions
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.documents import DocumentList

ROOT = Path(__file__).resolve().parent.parent


def _chmod_stops_reading() -> bool:
    """False as root (as in CI), where mode 000 does not stop reading."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
        return False


CHMOD_STOPS_READING = _chmod_stops_reading()

# What must never reach the terminal: C0 controls but newline and tab, DEL, C1
# controls, bidi overrides and isolates, lone surrogates.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
UNSAFE_LINE = re.compile(UNSAFE.pattern[:-1] + r"\n\t]")  # also no line breaks

MARKUP = "[bold]Bold?[/bold] [/ [@click=app.quit]x[/] [link=file:///etc]etc[/link] [red"
CONTROLS = (
    "ESC\x1b CSI\x1b[2J\x1b[31m OSC0\x1b]0;pwned\x07 OSC8\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ "
    "OSC52\x1b]52;c;aGk=\x07 BEL\x07 BS\x08 NEL\x85 CSI8\x9b2J DEL\x7f RLO\u202e LRI\u2066 end"
)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- the hostile corpus ------------------------------------------------------------

# File name -> what the file holds; all of these are readable documents.
LINKS = (
    "# Links of every kind\n\n"
    "[web](https://example.com/page) [plain http](http://example.org/) "
    "[mail](mailto:someone@example.com) [javascript](javascript:alert(1)) "
    "[file](file:///etc/passwd) [data](data:text/html;base64,PGI+eDwvYj4=) "
    "[v6](http://[::1) [empty](<>) [space](http://exa mple.com) "
    "[angle space](<http://exa mple.com>) [ftp](ftp://example.com/x) "
    "[ssh](ssh://host) [tel](tel:+123) [relative](missing.md) [up](../../../etc/passwd) "
    "[anchor](#nowhere) [bare mailto](mailto:) ![image](data:image/png;base64,iVBORw0KGgo=)\n\n"
    "<javascript:alert(2)> <file:///etc/shadow> <https://example.net/auto>\n"
)


def hostile_documents() -> dict[str, bytes]:
    """Readable (if strange) files, by file name."""
    docs: dict[str, str | bytes] = {
        "links.md": LINKS,
        "invalid-utf8.md": b"# Invalid \xff\xfe UTF-8\n\nbroken \xc3\x28 sequence \xed\xa0\x80 surrogate\n",
        "bom-utf8.md": codecs.BOM_UTF8 + "# BOM UTF-8 title é\n\ntext\n".encode(),
        "utf16-le.md": codecs.BOM_UTF16_LE + "# UTF-16 LE title é\n\ntext 😀\n".encode("utf-16-le"),
        "utf16-be.md": codecs.BOM_UTF16_BE + "# UTF-16 BE title é\n\ntext 😀\n".encode("utf-16-be"),
        "utf16-odd.md": codecs.BOM_UTF16_LE + "# odd\n".encode("utf-16-le") + b"\x41",
        "utf16-lone-surrogate.md": codecs.BOM_UTF16_BE + "# lone\n".encode("utf-16-be") + b"\xd8\x00",
        "bom-invalid-utf8.md": codecs.BOM_UTF8 + b"# BOM then \xff\xfe bad bytes\n",
        "crlf.md": "---\r\ntitle: CRLF title\r\n---\r\n# CRLF\r\n\r\nline\r\n",
        "lone-cr.md": "---\rtitle: CR title\r---\r# CR\r\rline one\rline two\r",
        "mixed-endings.md": "# Mixed\r\n\rone\ntwo\r\n\r\nthree\r",
        "yaml-malformed.md": "---\ntitle: [unclosed\n: : :\n  - bad indent\n---\n# Body of malformed\n",
        "yaml-tab.md": "---\ntitle:\tTabbed\n\tkey: x\n---\nbody\n",
        "yaml-python-tag.md": "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nbody\n",
        "yaml-unhashable-key.md": "---\n[a, b]: c\ntitle: x\n---\nbody\n",
        "yaml-not-mapping.md": "---\n- a\n- b\n---\nbody\n",
        "yaml-alias-bomb.md": (
            "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n"
                for i in range(8)
            )
            + "title: *i\ntags: *i\ncategory: *i\n---\n# Alias bomb\n"
        ),
        "yaml-recursive.md": "---\ntitle: &a [x, *a]\ntags: &b {k: *b}\n---\n# Recursive front matter\n",
        "yaml-deep.md": "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n# Deep YAML\n",
        "toml-deep.md": "+++\ntitle = " + "[" * 5000 + "]" * 5000 + "\n+++\n# Deep TOML\n",
        "toml-malformed.md": "+++\ntitle = = broken\n+++\n# TOML malformed\n",
        "json-deep.md": '{\n"title": ' + "[" * 5000 + "]" * 5000 + "\n}\n# Deep JSON\n",
        "yaml-huge-int.md": "---\ntitle: " + "9" * 5000 + "\n---\n# Huge int\n",
        "yaml-bad-date.md": "---\ndate: 2024-02-30\ntitle: Bad date\n---\nbody\n",
        "yaml-escapes.md": '---\ntitle: "esc \\e]0;pwned\\a bidi \\u202e nel \\x85 end"\n---\nbody\n',
        "title-number.md": "---\ntitle: 42\n---\nbody\n",
        "title-float.md": "---\ntitle: .nan\ndate: 1.5\n---\nbody\n",
        "title-list.md": "---\ntitle: [a, 1, null, [b]]\n---\nbody\n",
        "title-date.md": "---\ntitle: 2024-01-02\n---\nbody\n",
        "title-datetime.md": "---\ntitle: 2024-01-02 10:20:30+02:00\ndate: 2024-01-02 10:20:30\n---\nbody\n",
        "title-null.md": "---\ntitle: null\n---\nbody text\n",
        "title-empty.md": "---\ntitle:\n---\n",
        "title-bool.md": "---\ntitle: yes\nkind: 5\ntype: [summary]\n---\nbody\n",
        "title-mapping.md": "---\ntitle: {a: {b: c}}\nurl: [https://example.com]\ntags: {x: y}\n---\nbody\n",
        "title-binary.md": "---\ntitle: !!binary aGk=\ntags: !!set {a, b}\n---\nbody\n",
        "keys-not-strings.md": "---\n1: one\nnull: nothing\n2024-01-01: day\ntrue: yes\n---\nbody\n",
        "front-matter-only.md": "---\ntitle: Only front matter\n---\n",
        "front-matter-only-no-newline.md": "---\ntitle: No final newline\n---",
        "front-matter-unclosed.md": "---\ntitle: never closed\n\n# Heading after\n",
        "front-matter-empty.md": "---\n---\n",
        "empty.md": b"",
        "empty.txt": b"",
        "blank.md": "\n\n   \n\t\n",
        "bom-only.md": codecs.BOM_UTF8,
        "markup-title.md": f"---\ntitle: '{MARKUP}'\n---\n# {MARKUP}\n\nbody {MARKUP}\n",
        "markup-heading.md": f"# {MARKUP}\n\n## [b]sub[/b]\n\n**[@click=app.quit]bold lead[/]** text\n",
        "controls-title.md": f"---\ntitle: '{CONTROLS}'\n---\n# {CONTROLS}\n\n{CONTROLS}\n\n`{CONTROLS}`\n",
        "controls-heading.md": f"# {CONTROLS}\n\n> {CONTROLS}\n\n- {CONTROLS}\n\n```\n{CONTROLS}\n```\n",
        "entities.md": "# Entities &#x1b;[2J &#27; &#x202E; &#x85; &#0; &#x7f;\n\ntext &#x1b;]0;pwned&#x07; &#x2066;\n",
        "comments-hostile.md": "\n".join(
            f"Comment {n}: {MARKUP} {CONTROLS} and some more words to make it a long one"
            for n in range(6)
        ) + "\n",
        "deep-list.md": "# Deep list\n\n" + "- " * 10_000 + "deepest item\n\nafter the list\n",
        "deep-ordered.md": "1. " * 10_000 + "deepest\n\nafter\n",
        "deep-quote.md": "# Deep quote\n\n" + "> " * 10_000 + "deepest quote\n\nafter the quote\n",
        "deep-quote-tight.md": ">" * 10_000 + " tight\n\nafter\n",
        "deep-mixed.md": "> - 1. " * 3_000 + "mixed\n\nafter\n",
        "deep-indented.md": "".join("  " * d + f"- level {d}\n" for d in range(300)) + "\nafter indented\n",
        "deep-quote-lines.md": "".join(">" * d + f" level {d}\n" for d in range(1, 200)) + "\nafter\n",
        "deep-inline.md": "*" * 5000 + "x" + "*" * 5000 + "\n\n" + "[" * 5000 + "y" + "](u)" * 5000 + "\n",
        "table-5000.md": "# Big table\n\n| n | name | value |\n|---:|:---|---|\n"
        + "".join(f"| {i} | row {i} | [x](https://example.com/{i}) |\n" for i in range(5000))
        + "\nafter the table\n",
        "huge-line.md": ("word " * 2_000_000).encode(),  # one 10 MB line
        "huge-title.md": "# " + "long title " * 100_000 + "\n\nbody after a 1 MB heading\n",
        "huge-front-matter-title.md": "---\ntitle: " + "x" * 1_000_000 + "\n---\nbody\n",
    }
    return {name: data.encode() if isinstance(data, str) else data for name, data in docs.items()}


# File names that are hostile themselves (their content is ordinary).
HOSTILE_NAMES = [
    "[bold]name[@click=app.quit]x.md",
    "[link=file:]etc].md",
    "\x1b[2Jclear\x07.md",
    "\x1b]0;pwned\x07title.md",
    "\x1b]8;;x\x1b\\hyperlink.md",
    "\x1b]52;c;aGk=\x07clip.md",
    "back\x08space.md",
    "\u202eevil\u2066.md",
    "new\nline.md",
    "c1\x9bcsi.md",
    "tab\there.md",
]
BAD_BYTES_NAME = b"bad-\xff-name.md"


def make_hostile_corpus(root: Path, huge_line: bool = True) -> dict[str, list[str]]:
    """Write the hostile corpus below ``root``; returns the file names expected as
    documents and those expected among the top-level warnings."""
    root.mkdir(parents=True, exist_ok=True)
    readable = []
    for name, data in hostile_documents().items():
        if name == "huge-line.md" and not huge_line:
            continue
        _write(root / name, data)
        readable.append(name)
    for name in HOSTILE_NAMES:
        _write(root / "names" / name, f"# Ordinary content of a hostile name\n\n{MARKUP}\n")
        readable.append(f"names/{name}")
    os.makedirs(root / "names", exist_ok=True)
    with open(os.path.join(os.fsencode(root / "names"), BAD_BYTES_NAME), "wb") as handle:
        handle.write(b"# Undecodable file name\n")
    readable.append("names/" + os.fsdecode(BAD_BYTES_NAME))
    _write(root / "names" / "\x1b[2J\n\u202e.md", b"")  # empty: titled after its name
    readable.append("names/\x1b[2J\n\u202e.md")
    # Folders named like markup and controls, with a document inside; "[/" cannot
    # be in a file name, but a folder and its file make it in the relative path.
    _write(root / "[bold]dir\x1b[2J" / "inner.md", "# Inside a hostile folder\n")
    _write(root / "closing[" / "]tag.md", "# Its path holds a closing tag\n")
    readable += ["[bold]dir\x1b[2J/inner.md", "closing[/]tag.md"]

    unreadable = []
    _write(root / "binary.md", b"\x00\x01\x02\x03binary\x00" + bytes(range(256)) * 4)
    _write(root / "binary.txt", b"PK\x03\x04" + b"\x00" * 100 + b"zip-like")
    _write(root / "utf16-no-bom.md", "# no BOM\n".encode("utf-16-le"))
    unreadable += ["binary.md", "binary.txt", "utf16-no-bom.md"]

    # Symlinks: a folder pointing at its parent, a file loop, dangling, devices.
    loops = root / "loops"
    loops.mkdir()
    (loops / "parent").symlink_to("..", target_is_directory=True)
    (loops / "self").symlink_to(".", target_is_directory=True)
    (loops / "a.md").symlink_to("b.md")
    (loops / "b.md").symlink_to("a.md")
    (loops / "dangling.md").symlink_to("does-not-exist.md")
    (loops / "zero.md").symlink_to("/dev/zero")
    (loops / "dir.md").symlink_to("..", target_is_directory=True)
    _write(loops / "real.md", "# Real file among loops\n")
    readable.append("loops/real.md")
    unreadable += ["loops/a.md", "loops/b.md", "loops/dangling.md", "loops/zero.md"]
    os.mkfifo(loops / "fifo.md")
    unreadable.append("loops/fifo.md")
    (root / "folder.md").mkdir()  # a folder with a document extension
    _write(root / "folder.md" / "inside.md", "# Inside a folder named .md\n")
    readable.append("folder.md/inside.md")

    # Unreadable file and folder (as root, chmod does not stop reading).
    _write(root / "locked.md", "# Locked file\n")
    _write(root / "locked-dir" / "inner-locked.md", "# Inside a locked folder\n")
    os.chmod(root / "locked.md", 0)
    os.chmod(root / "locked-dir", 0)
    if not CHMOD_STOPS_READING:
        readable += ["locked.md", "locked-dir/inner-locked.md"]
    else:
        unreadable += ["locked.md", "locked-dir"]
    return {"readable": readable, "unreadable": unreadable}


def unlock(root: Path) -> None:
    """Let pytest delete the corpus afterwards."""
    for path in (root / "locked.md", root / "locked-dir"):
        if path.exists():
            os.chmod(path, 0o755)


# What each document must still show: the text after a pathological construct is
# where a parser that gives up would lose it.
MUST_SHOW = {
    "deep-list.md": ["deepest item", "after the list"],
    "deep-ordered.md": ["deepest", "after"],
    "deep-quote.md": ["deepest quote", "after the quote"],
    "deep-quote-tight.md": ["tight", "after"],
    "deep-mixed.md": ["mixed", "after"],
    "deep-indented.md": ["level 0", "level 299", "after indented"],
    "deep-quote-lines.md": ["level 1", "level 199", "after"],
    "deep-inline.md": ["x", "y"],
    "table-5000.md": ["row 0", "row 4999", "after the table"],
    "huge-line.md": ["word word"],
    "huge-title.md": ["long title long title", "body after a 1 MB heading"],
    "invalid-utf8.md": ["Invalid", "sequence", "surrogate"],
    "bom-utf8.md": ["BOM UTF-8 title é", "text"],
    "utf16-le.md": ["UTF-16 LE title é", "text 😀"],
    "utf16-be.md": ["UTF-16 BE title é", "text 😀"],
    "crlf.md": ["CRLF", "line"],
    "lone-cr.md": ["CR", "line one", "line two"],
    "mixed-endings.md": ["one", "two", "three"],
    "yaml-malformed.md": ["Body of malformed"],
    "front-matter-unclosed.md": ["never closed", "Heading after"],
    "markup-title.md": [MARKUP],
    "markup-heading.md": [MARKUP, "[b]sub[/b]", "[@click=app.quit]bold lead[/]"],
    "controls-heading.md": ["␛[2J␛[31m", "␛]0;pwned␇", "␛]52;c;aGk=␇", "BEL␇", "BS␈", "DEL␡", "end"],
    "controls-title.md": ["␛]0;pwned␇", "end"],
    "comments-hostile.md": ["Comment 0", "Comment 5", "[@click=app.quit]x[/]"],
    "links.md": ["web", "javascript", "angle space", "<file:///etc/shadow>"],
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    expected = make_hostile_corpus(root)
    yield root, expected
    unlock(root)


@pytest.fixture(scope="module")
def hostile_corpus(hostile):
    root, _ = hostile
    return load_corpus([root])


def run_cli(*args: str | Path, tmp: Path, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The real program: bytes out, so that nothing is hidden by decoding."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("FORCE_COLOR", None)
    env.pop("PYTHONIOENCODING", None)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp / "xdg" / name.lower())
    return subprocess.run(
        [sys.executable, "-m", "tui_reader", *[os.fsencode(a) for a in args]],
        cwd=tmp, env=env, capture_output=True, timeout=timeout, check=False,
    )


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _shown(name: str) -> str:
    """How a file name (or relative path) is shown: on one line, every control,
    line break or tab as a visible placeholder."""
    return visible(name).replace("\n", "␤").replace("\t", "␉")


def _same_name(shown: str, name: str) -> bool:
    return shown == _shown(name)


# --- the command line --------------------------------------------------------------


def _assert_safe_json(result: subprocess.CompletedProcess[bytes]) -> dict:
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("utf-8")  # strict: no surrogates or broken bytes
    assert not UNSAFE.search(out.replace("\n", "").replace("\t", ""))
    data = json.loads(out)
    for string in _strings(data):  # escaped controls (\\u001b) would be as bad
        assert not UNSAFE.search(string.replace("\n", " ").replace("\t", " ")), string
    return data


def test_inspect_json_lists_every_readable_document_and_warns(hostile, tmp_path: Path) -> None:
    root, expected = hostile
    # Without the full-text "related" relations: see the test after this one.
    result = run_cli("inspect", "--json", "--no-related", root, tmp=tmp_path)
    data = _assert_safe_json(result)

    documents = {doc["path"]: doc for doc in data["documents"]}
    for doc in data["documents"]:
        assert not UNSAFE_LINE.search(doc["path"] + doc["id"]), doc["path"]
        assert isinstance(doc["title"], str) and doc["title"]
    missing = [n for n in expected["readable"] if not any(_same_name(p, n) for p in documents)]
    assert not missing, missing
    assert len(documents) == len(expected["readable"])
    for name in expected["unreadable"]:  # named as documents are: by relative path
        assert any(w.startswith((f"{name}: ", f"cannot read {name}: ")) for w in data["warnings"]), (
            name, data["warnings"])
    assert all("\n" not in w for w in data["warnings"])

    def warnings_of(name: str) -> str:
        return " | ".join(documents[name]["warnings"])

    assert "invalid UTF-8" in warnings_of("invalid-utf8.md")
    assert "invalid UTF-8" in warnings_of("bom-invalid-utf8.md")
    assert "invalid UTF-16" in warnings_of("utf16-odd.md")
    assert "invalid UTF-16" in warnings_of("utf16-lone-surrogate.md")
    assert "not a regular file" in " ".join(data["warnings"])
    assert "control characters" in warnings_of("controls-heading.md")
    assert "control characters" in warnings_of("comments-hostile.md")
    for name in ("yaml-malformed.md", "yaml-tab.md", "yaml-python-tag.md", "yaml-unhashable-key.md",
                 "yaml-not-mapping.md", "yaml-alias-bomb.md", "yaml-recursive.md", "yaml-deep.md",
                 "toml-deep.md", "toml-malformed.md", "json-deep.md", "yaml-huge-int.md",
                 "yaml-bad-date.md"):
        assert "front matter ignored" in warnings_of(name), name
    for name in ("huge-line.md", "deep-list.md", "deep-ordered.md", "deep-quote.md",
                 "deep-quote-tight.md", "deep-mixed.md", "deep-indented.md", "deep-quote-lines.md"):
        assert "shown as plain text" in warnings_of(name), name
    for name in ("bom-utf8.md", "utf16-le.md", "utf16-be.md", "crlf.md", "lone-cr.md", "empty.md",
                 "front-matter-only.md", "title-number.md", "links.md", "table-5000.md"):
        assert documents[name]["warnings"] == [], (name, documents[name]["warnings"])

    titles = {name: doc["title"] for name, doc in documents.items()}
    assert titles["markup-title.md"] == MARKUP
    assert titles["markup-heading.md"] == MARKUP
    assert titles["title-number.md"] == "42"
    assert titles["title-date.md"] == "2024-01-02"
    assert titles["title-list.md"] == "a, 1, , b"
    assert titles["bom-utf8.md"] == "BOM UTF-8 title é"
    assert titles["utf16-be.md"] == "UTF-16 BE title é"
    assert titles["lone-cr.md"] == "CR title"
    assert "␛]0;pwned␇" in titles["controls-title.md"]
    assert "␛]0;pwned␇" in titles["yaml-escapes.md"]
    links = {link["url"] for link in documents["links.md"]["links"]}
    assert {"https://example.com/page", "mailto:someone@example.com"} <= links


def test_inspect_json_with_related_relations(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    expected = make_hostile_corpus(root, huge_line=False)
    try:
        data = _assert_safe_json(run_cli("inspect", "--json", root, tmp=tmp_path))
    finally:
        unlock(root)
    assert len(data["documents"]) == len(expected["readable"])
    assert any(relation["type"] == "related" for relation in data["relations"])


def test_inspect_json_related_relations_of_a_very_long_line(tmp_path: Path) -> None:
    _write(tmp_path / "corpus" / "long-line.md", "word " * 400_001)  # just over 2 MB: plain text
    _write(tmp_path / "corpus" / "other.md", "# Other\n\nA word or two about words.\n")
    _assert_safe_json(run_cli("inspect", "--json", tmp_path / "corpus", tmp=tmp_path, timeout=30))


def test_inspect_table_is_safe_for_the_terminal(hostile, tmp_path: Path) -> None:
    root, _ = hostile
    result = run_cli("inspect", "--no-related", root, tmp=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("utf-8")
    assert not UNSAFE.search(out.replace("\n", "").replace("\t", ""))
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize(
    "name",
    ["does-not-exist", "missing\x1b]0;pwned\x07\x1b[2J", "two\nlines", "\u202eevil", "bad-\udcff"],
)
def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    for args in (["inspect", "--json"], [], ["inspect"]):
        result = run_cli(*args, tmp_path / name, tmp=tmp_path)
        assert result.returncode == 2
        assert result.stdout == b""
        err = result.stderr.decode("utf-8")
        assert err.count("\n") == 1 and err.endswith("\n"), err
        assert err.startswith("tui-reader: error: no such file or directory:")
        assert not UNSAFE.search(err[:-1].replace("\t", "")), err


def test_special_files_named_directly_are_refused(hostile, tmp_path: Path) -> None:
    root, _ = hostile
    for path in (root / "loops" / "fifo.md", Path("/dev/null"), root / "loops" / "a.md"):
        result = run_cli("inspect", path, tmp=tmp_path, timeout=30)
        assert result.returncode == 2, (path, result)
        err = result.stderr.decode("utf-8")
        assert err.count("\n") == 1, err
    only_binary = tmp_path / "only-binary"
    _write(only_binary / "blob.md", b"\x00\x01binary")
    result = run_cli("inspect", only_binary, tmp=tmp_path)
    assert result.returncode == 2
    assert b"blob.md: skipped as binary" in result.stderr


@pytest.mark.skipif(not CHMOD_STOPS_READING, reason="chmod does not stop root from reading")
def test_unreadable_files_and_folders_are_warnings(hostile, hostile_corpus) -> None:
    warnings = " | ".join(hostile_corpus.warnings)
    assert "locked.md: cannot read (Permission denied)" in warnings
    assert "locked-dir: Permission denied" in warnings
    assert not any(doc.relpath.startswith("locked") for doc in hostile_corpus.documents)


# --- the model and the renderer ----------------------------------------------------


def test_model_is_safe_and_complete(hostile, hostile_corpus) -> None:
    _, expected = hostile
    corpus = hostile_corpus
    assert len(corpus.documents) == len(expected["readable"])
    assert len({doc.id for doc in corpus.documents}) == len(corpus.documents)
    for doc in corpus.documents:
        assert not UNSAFE_LINE.search(doc.id + doc.relpath + doc.title), doc.relpath
        assert doc.title.strip() and len(doc.title) <= 300, doc.relpath
        for text in [doc.text, *doc.warnings, *(s.title for s in doc.sections),
                     *(link.text + link.url for link in doc.links),
                     *(c.text for c in doc.comments), *map(str, doc.meta.values())]:
            assert not UNSAFE.search(text.replace("\n", "").replace("\t", "")), (doc.relpath, text[:80])
        json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")
    for warning in corpus.warnings:
        assert not UNSAFE_LINE.search(warning), warning
    by_path = {doc.relpath: doc for doc in corpus.documents}
    assert by_path["links.md"].kind == "note"
    assert by_path["comments-hostile.md"].kind == "comments"
    assert len(by_path["comments-hostile.md"].comments) == 6
    assert by_path["huge-line.md"].plain_text
    assert by_path["huge-title.md"].title.startswith("long title long title")
    assert by_path["huge-front-matter-title.md"].title.startswith("xxxxxxxx")
    assert by_path["names/␛[2J␤�.md"].title == "␛[2J␤�.md"
    assert by_path["deep-list.md"].plain_text
    assert not by_path["table-5000.md"].plain_text
    assert len(by_path["table-5000.md"].links) == 5000


def _rendered_text(rendered) -> str:
    return re.sub(r"\s+", " ", " ".join(plain_lines(rendered)))


@pytest.mark.parametrize("width", [120, 30])
def test_every_document_renders_safely_and_loses_nothing(hostile_corpus, width: int) -> None:
    for doc in hostile_corpus.documents:
        if width < 120 and (doc.relpath in ("huge-line.md", "table-5000.md")):
            continue  # slow, and the same code as at 120
        rendered = render_document(doc, width)
        for line in rendered.lines:
            text = "".join(segment.text for segment in line)
            assert not UNSAFE_LINE.search(text), (doc.relpath, text)
            for segment in line:
                assert not segment.control
                assert segment.style is None or not segment.style.link, (doc.relpath, segment)
        if width == 120:
            shown = _rendered_text(rendered)
            for needle in MUST_SHOW.get(doc.relpath, []):
                assert re.sub(r"\s+", " ", needle) in shown, (doc.relpath, needle)


# --- the app -----------------------------------------------------------------------

KEYS = ["2", "G", "tab", "enter", "t", "escape", "slash", "x", "escape"]
# Keys cost about 0.1 s each under Pilot: every document is opened, and the keys are
# pressed in these (one of each kind of trouble).
KEY_DOCUMENTS = {
    "links.md", "markup-heading.md", "controls-title.md", "comments-hostile.md",
    "huge-line.md", "empty.md", "front-matter-only.md", "names/[bold]name[@click=app.quit]x.md",
}


def _record(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, str]], list[str]]:
    """Every notification (message, title) and every URL handed to the browser."""
    notes: list[tuple[str, str]] = []
    opened: list[str] = []
    notify = app.notify

    def recording_notify(message: str, **kwargs: object) -> None:
        notes.append((message, str(kwargs.get("title", ""))))
        notify(message, **kwargs)

    monkeypatch.setattr(app, "notify", recording_notify)
    monkeypatch.setattr(app, "open_url", lambda url, **kwargs: opened.append(url))
    return notes, opened


def _assert_alive(app: ReaderApp) -> None:
    assert app.is_running
    assert app._exception is None, app._exception
    assert app.return_code is None


def _assert_safe_lines(app: ReaderApp) -> None:
    rendered = app.reader.rendered
    assert rendered is not None
    for line in rendered.lines:
        text = "".join(segment.text for segment in line)
        assert not UNSAFE_LINE.search(text), text


async def test_the_app_opens_every_document(hostile_corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    app = ReaderApp(hostile_corpus)
    notes, opened = _record(app, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=False) as pilot:
        await pilot.pause()
        options = app.query_one(DocumentList)
        assert options.count == len(hostile_corpus.documents)
        for index, doc in enumerate(hostile_corpus.documents):
            assert options.render_row(index).plain.split("\n")[0] == " ".join(doc.title.splitlines())
        for doc in hostile_corpus.documents:
            app.open_document(doc.id)
            await pilot.pause()
            _assert_alive(app)
            assert app.current_doc == doc.id
            _assert_safe_lines(app)
            if doc.relpath not in KEY_DOCUMENTS:
                continue
            for key in KEYS:
                await pilot.press(key)
            await pilot.pause()
            _assert_alive(app)
        _assert_alive(app)
    for url in opened:
        assert is_external_url(url), url
    # Every problem was said, naming the file it is about.
    skipped = [message for message, title in notes if title == "Skipped"]
    assert any("binary.md: skipped as binary" in m for m in skipped), skipped
    titles = {title for _, title in notes}
    assert "invalid-utf8.md" in titles and "deep-list.md" in titles
    for message, title in notes:
        assert not UNSAFE.search((message + title).replace("\n", "")), (message, title)


_C0_OR_SPACE = "".join(map(chr, range(0x21)))


def _scheme(url: str) -> str:
    """The scheme as browsers (and urllib) read it: C0 controls and spaces around the
    URL are ignored, tabs and newlines within it too."""
    url = re.sub(r"[\t\n\r]", "", url.strip(_C0_OR_SPACE))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


# Only these are ever handed to the browser.
def _opens_outside(url: str) -> bool:
    scheme = _scheme(url)
    return scheme in ("http", "https") or (scheme == "mailto" and len(url.strip()) > 7)


HOSTILE_URLS = [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\nscript:alert(1)", "vbscript:msgbox(1)",
    "file:///etc/passwd", "FILE:///etc/passwd", "data:text/html,<script>alert(1)</script>",
    "http://[::1", "http://exa mple.com", "<>", "", "   ", "//evil.example/x", "ftp://example.com",
    "ssh://host", "tel:+1", "mailto:", "about:blank", "chrome://settings", "x-callback://a",
    "\x1b]8;;http://x\x1b\\", "https://", "http:///path-only",
    "https://example.com/ok", "HTTP://EXAMPLE.com", "mailto:a@example.com",
]


async def test_only_http_https_and_mailto_links_open_outside(
    hostile_corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ReaderApp(hostile_corpus)
    notes, opened = _record(app, monkeypatch)
    doc = next(d for d in hostile_corpus.documents if d.relpath == "links.md")
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_document(doc.id)
        await pilot.pause()
        await pilot.press("2")
        links = app.reader.rendered.links
        assert len(links) >= 10
        for _ in links:  # every link of the document, with the keys
            await pilot.press("tab", "enter")
            assert app.current_doc == doc.id
        await pilot.pause()
        followed = [link.url for link in links]
        for url in HOSTILE_URLS:  # and whatever a link could hold
            app.follow_url(doc.id, url)
        await pilot.pause()
        _assert_alive(app)
    assert opened, "no link was opened at all"
    for url in opened:
        assert _opens_outside(url), url
    expected = [u.strip() for u in followed + HOSTILE_URLS if _opens_outside(u) and is_external_url(u)]
    assert sorted(opened) == sorted(expected)
    assert "https://example.com/page" in opened and "mailto:someone@example.com" in opened
    refused = [m for m, _ in notes if m.startswith("Refused to open")]
    for url in ("javascript:alert(1)", "file:///etc/passwd", "http://[::1", "//evil.example/x", "about:blank"):
        assert any(repr(url) in m for m in refused), (url, refused)
    for message, _ in notes:
        assert not UNSAFE.search(message.replace("\n", "")), message


async def test_markup_in_titles_and_names_is_never_run(
    hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``[@click=app.quit]`` in a title, heading, comment or file name is text: clicking
    it, or anything around it, does not quit."""
    root, _ = hostile
    corpus = load_corpus([
        root / "markup-title.md", root / "markup-heading.md", root / "comments-hostile.md",
        root / "names" / "[bold]name[@click=app.quit]x.md",
    ])
    app = ReaderApp(corpus)
    _record(app, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # toasts too
        await pilot.pause()
        options = app.query_one(DocumentList)
        for doc in corpus.documents:
            index = options.index_of(doc.id)
            assert options.render_row(index).plain.split("\n")[0] == doc.title
        for y in (0, 3, 6, 9):  # the four titles, in the documents list
            await pilot.click(DocumentList, offset=(12, y))
        for doc in corpus.documents:
            app.open_document(doc.id)
            await pilot.pause()
            await pilot.click("DocumentHeader", offset=(20, 0))
            await pilot.click("ReaderView", offset=(20, 1))
            _assert_alive(app)
        await pilot.pause()
        _assert_alive(app)


async def test_the_contents_screen_shows_a_markup_title_literally(tmp_path: Path) -> None:
    from tui_reader.ui.contents import ContentsScreen

    _write(tmp_path / "markup.md", f"---\ntitle: '{MARKUP}'\n---\n# One\n\ntext\n\n# Two\n")
    app = ReaderApp(load_corpus([tmp_path / "markup.md"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        contents = app.screen.query_one(OptionList)
        assert contents._border_title is not None
        assert contents._border_title.plain == f"Contents: {MARKUP}"[:70]
        await pilot.press("escape")
        _assert_alive(app)


# --- a folder of 20,000 files ------------------------------------------------------


def _many_files(root: Path, count: int) -> None:
    root.mkdir()
    for folder in range(count // 1000):
        (root / f"f{folder:02}").mkdir()
    for n in range(count):
        kind = n % 4
        if kind == 0:
            text = f"# Note {n}\n\nSome text about topic {n % 97}.\n"
        elif kind == 1:
            text = f"---\ntitle: Doc {n}\ndate: 2024-01-{n % 28 + 1:02}\nurl: https://example.com/{n}\n---\nBody {n}\n"
        elif kind == 2:
            text = f"plain text file {n}\n[link](f{(n + 1) % (count // 1000):02}/n{n + 1}.md)\n"
        else:
            text = ""
        with open(root / f"f{n // 1000:02}" / f"n{n}.md", "w", encoding="utf-8") as handle:
            handle.write(text)


async def test_a_folder_of_20000_files(tmp_path: Path) -> None:
    root = tmp_path / "many"
    _many_files(root, 20_000)
    started = time.perf_counter()
    corpus = load_corpus([root])
    load_seconds = time.perf_counter() - started
    assert len(corpus.documents) == 20_000
    assert corpus.warnings == []
    assert load_seconds < 120  # loose: about 5 s here
    data = json.loads(json.dumps(corpus.to_json(related=False), ensure_ascii=False).encode("utf-8"))
    assert len(data["documents"]) == 20_000
    assert sum(len(doc["links"]) for doc in data["documents"]) == 5_000
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.query_one(DocumentList).count == 20_000
        for doc in (corpus.documents[0], corpus.documents[9_999], corpus.documents[-1]):
            app.open_document(doc.id)
            await pilot.pause()
        await pilot.press("1", "G", "enter", "slash", "9", "9", "9", "9", "escape")
        await pilot.pause()
        _assert_alive(app)


# --- fuzzing what tests/test_fuzz_parsers.py does not ------------------------------

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_HOSTILE_PIECES = [
    "\x1b", "\x1b[2J", "\x1b]0;t\x07", "\x1b]8;;http://x\x1b\\", "\x07", "\x08", "\x85", "\x9b",
    "\x7f", "\u202e", "\u2066", "\ufeff", "\r\n", "\r", "\n", "\n\n", "\t", "[bold]", "[/", "[/]",
    "[@click=app.quit]", "---\n", "+++\n", "title: ", "# ", "- ", "> ", "1. ", "- " * 12, "> " * 25,
    "**", "`", "[x](", ")", "](javascript:a)", "&#x1b;", "&#x202e;", "é", "😀", "word ",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(_HOSTILE_PIECES), st.text(max_size=6)), max_size=50
).map("".join)
file_bytes = st.one_of(
    st.binary(max_size=400),
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8", "replace")),
    hostile_text.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "replace")),
    hostile_text.map(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be", "replace")),
)
file_names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda n: n not in (".", "..") and len(os.fsencode(n)) < 200)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(data=file_bytes, name=file_names)
@example(data=b"\x00binary", name="x.md")
@example(data=b"\xff\xfe", name="\x1b]0;t\x07\n.md")
@example(data=b"---\ntitle: &a [*a]\n---\n", name="a.md")
@example(data=("- " * 5000 + "x").encode(), name="deep.md")
@example(data=b"", name=" ")  # an empty file named by a blank: still a title to show
def test_read_document_takes_any_bytes_and_any_name(fuzz_dir: Path, data: bytes, name: str) -> None:
    path = fuzz_dir / name
    path.write_bytes(data)
    try:
        result = read_document(path, fuzz_dir, "doc")
    finally:
        path.unlink()
    if isinstance(result, str):
        assert not UNSAFE_LINE.search(result), result
        assert "skipped as binary" in result
        return
    doc = result
    assert not UNSAFE_LINE.search(doc.relpath + doc.title)
    assert doc.title.strip() and len(doc.title) <= 300
    assert not UNSAFE.search(doc.text.replace("\n", "").replace("\t", ""))
    assert "\r" not in doc.text
    for warning in doc.warnings:
        assert not UNSAFE_LINE.search(warning), warning
    try:
        plain = data.decode("utf-8")
    except UnicodeDecodeError:
        plain = None
    if plain is not None and not data.startswith(codecs.BOM_UTF8) and not has_controls(plain) and "\r" not in plain:
        assert doc.text == plain  # nothing lost, nothing changed
    json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(hostile_text)
def test_comment_dumps_of_any_text(text: str) -> None:
    """A file named like comments is read as a dump: every comment is a line of it
    (HTML entities decoded, control characters made visible: ``&#x1b;`` is ``␛``),
    and the dump renders safely."""
    text, _ = decode(text.encode("utf-8", "surrogatepass"))
    doc = parse_document(text, Path("/fuzz/comments.md"), "comments.md", "comments")
    lines = doc.lines
    for comment in doc.comments:
        if doc.format == "one comment a line":
            assert visible(html.unescape(lines[comment.line - 1])).strip() == comment.text
        assert not has_controls(comment.text)
    parse_dump(lines, 1)
    looks_like_dump(lines)
    for line in render_document(doc, 50).lines:
        assert not UNSAFE_LINE.search("".join(segment.text for segment in line))


_URL_PIECES = [
    "http://", "https://", "HTTPS://", "mailto:", "javascript:", "file:", "data:", "vbscript:",
    "//", "[::1]", "[::1", "[", "]", "@", ":", ":80", "?t=1h2m3s", "&t=", "#t=12", "%", "%0a", "%1b",
    " ", "\t", "\n", "\x1b", "\u202e", "example.com", "youtu.be/ID", "é", "/", ".",
]
urlish = st.lists(st.one_of(st.sampled_from(_URL_PIECES), st.text(max_size=4)), max_size=12).map("".join)


@FUZZ
@given(url=st.one_of(urlish, st.text(max_size=60)), seconds=st.integers(0, 10**6))
@example(url="java\nscript:alert(1)", seconds=0)
@example(url="http://[::1", seconds=5)
def test_url_functions_are_total_and_only_web_and_mail_are_external(url: str, seconds: int) -> None:
    external = is_external_url(url)
    if external:
        assert _scheme(url) in ("http", "https", "mailto"), url
    normal = normalize_url(url)
    assert normal is None or isinstance(normal, str)
    assert isinstance(url_fragment(url), str)
    found = url_seconds(url)
    assert found is None or found >= 0
    assert isinstance(url_at_second(url, seconds), str)
    assert isinstance(image_label(url), str)


@FUZZ
@given(st.lists(st.text(max_size=30), max_size=30))
def test_anchors_are_unique_and_slugs_are_plain(texts: list[str]) -> None:
    allocate = AnchorAllocator()
    anchors = [allocate(text) for text in texts]
    assert len(set(anchors)) == len(anchors)
    for text in texts:
        slug = slugify(text)
        assert slug and not any(ch.isspace() for ch in slug)
        assert not UNSAFE_LINE.search(slug)


@FUZZ
@given(st.text())
@example("\udcff\x1b\n\t\u202e")
def test_visible_keeps_every_safe_character_and_no_unsafe_one(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not has_controls(shown)
    assert not UNSAFE.search(shown)
    for before, after in zip(text, shown):
        if not UNSAFE.match(before):
            assert before == after
    assert not UNSAFE_LINE.search(visible(text).replace("\n", "␤").replace("\t", "␉"))
    assert len(excerpt(text, 20)) <= 20


@FUZZ
@given(hostile_text)
def test_render_helpers_take_any_text(text: str) -> None:
    pieces = split_long(text, 40)
    assert re.sub(r"\s", "", "".join(pieces)) == re.sub(r"\s", "", text)
    assert isinstance(prepare_markdown(text), str)
    assert isinstance(reference_definitions(text.split("\n")), str)


# Markdown made of words and block structure only (no link targets, code fence info
# strings or reference definitions, which are rightly not shown as text).
_STRUCTURE = ["\n", "\n\n", "  ", "    ", "- ", "* ", "+ ", "> ", "1. ", "2) ", "# ", "### ",
              "*", "**", "_", "- " * 15, "> " * 30, "  " * 12 + "- ", "\t", "---\n", "***\n", "=== "]
structured = st.lists(
    st.one_of(st.sampled_from(_STRUCTURE), st.from_regex(r"[a-z]{3,10}", fullmatch=True)), max_size=60
).map("".join)


@FUZZ
@given(structured)
@example("- " * 10 + "deep\n\nafter")
@example("> " * 20 + "deep\n\nafter")
@example("".join("  " * d + "- w\n" for d in range(12)) + "\nafter")
def test_rendering_loses_no_word(text: str) -> None:
    text = "start\n\n" + text
    doc = parse_document(text, Path("/fuzz/doc.md"), "doc.md", "doc")
    shown = "".join(plain_lines(render_document(doc, 200)))
    shown = re.sub(r"\s+", "", shown)
    for word in re.findall(r"[a-z]+", text):
        assert word in shown, (word, text)
