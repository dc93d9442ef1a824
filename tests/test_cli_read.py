"""`tui-reader [PATH...]` errors: one clear line and exit status 2, before any UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui_reader.corpus.loading import bundled_seeds

from .conftest import SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_missing_path_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"tui-reader: error: no such file or directory: {tmp_path / 'nope'}"
    ]
    assert "Traceback" not in result.stderr


def test_folder_without_documents_is_status_2(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run(str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("tui-reader: error: no documents")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_option_is_status_2() -> None:
    result = run("--frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_bundled_seeds_are_the_shared_seeds_unchanged() -> None:
    bundled = sorted(p.name for p in bundled_seeds().iterdir())
    assert bundled == sorted(p.name for p in SEEDS.iterdir())
    assert len(bundled) == 4
    for name in bundled:
        assert (bundled_seeds() / name).read_bytes() == (SEEDS / name).read_bytes()
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if shared.is_dir():
        for name in bundled:
            assert (shared / name).read_bytes() == (SEEDS / name).read_bytes()
