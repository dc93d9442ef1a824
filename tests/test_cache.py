"""The on-disk cache of parsed documents: used when a file is unchanged, never wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui_reader.corpus import load_corpus
from tui_reader.corpus import loading
from tui_reader.corpus.cache import CACHE_NAME

from .conftest import SEEDS


def corpus_json(paths: list[Path], cache: bool = True) -> dict:
    return load_corpus(paths, cache=cache).to_json(related=False)


def test_a_warm_load_equals_a_fresh_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    cold = corpus_json([SEEDS])
    calls: list[str] = []
    original = loading.read_document
    monkeypatch.setattr(loading, "read_document", lambda *a: calls.append(a[2]) or original(*a))
    warm = corpus_json([SEEDS])
    assert calls == []  # every document came from the cache
    assert warm == cold == corpus_json([SEEDS], cache=False)


def test_only_changed_files_are_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text("# A\n\nfirst\n")
    (tmp_path / "b.md").write_text("# B\n\nsecond\n")
    load_corpus([tmp_path])
    (tmp_path / "b.md").write_text("# B changed\n\nsecond, longer now\n")
    stamp = (tmp_path / "b.md").stat().st_mtime_ns + 10_000_000
    os.utime(tmp_path / "b.md", ns=(stamp, stamp))
    calls: list[str] = []
    original = loading.read_document
    monkeypatch.setattr(loading, "read_document", lambda *a: calls.append(a[2]) or original(*a))
    corpus = load_corpus([tmp_path])
    assert calls == ["b"]
    assert corpus["b"].title == "B changed"


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "tui-reader" / CACHE_NAME
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"not a database" * 100)
    assert corpus_json([SEEDS]) == corpus_json([SEEDS], cache=False)


def test_the_cache_lives_under_xdg_cache_home() -> None:
    load_corpus([SEEDS])
    assert (Path(os.environ["XDG_CACHE_HOME"]) / "tui-reader" / CACHE_NAME).exists()
