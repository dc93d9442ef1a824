"""The corpus model stays pure: no Textual anywhere in ``tui_reader.corpus``."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tui_reader" / "corpus"

_PROBE = """
import json, pkgutil, sys, importlib
import tui_reader.corpus as corpus
prefix = "tui_reader.corpus."
names = sorted(m.name.removeprefix(prefix) for m in pkgutil.walk_packages(corpus.__path__, prefix))
for name in names:
    importlib.import_module(f"tui_reader.corpus.{name}")
from tui_reader.corpus import load_corpus
load_corpus([])
print(json.dumps({
    "submodules": names,
    "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
}))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_importing_the_corpus_does_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = sorted(
        ".".join(p.relative_to(CORPUS).with_suffix("").parts).removesuffix(".__init__")
        for p in CORPUS.rglob("*.py")
        if p.name != "__init__.py" or p.parent != CORPUS
    )
    assert report["submodules"] == expected
    assert {"model", "loading", "sections", "links", "comments", "relations", "text", "formats.chapters"} <= set(
        report["submodules"]
    )
    assert report["textual"] == []


def test_the_probe_would_notice_textual() -> None:
    """The check above can fail: importing Textual does show in sys.modules."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys, textual; print('textual' in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == "True", result.stderr


def _imported_modules(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_corpus_source_never_imports_textual_or_the_ui() -> None:
    files = sorted(CORPUS.rglob("*.py"))
    assert len(files) >= 16
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert "import textual" not in source, path.name
        assert "from textual" not in source, path.name
        for module in _imported_modules(source):
            root = module.split(".")[0]
            assert root != "textual", (path.name, module)
            assert not module.startswith(("tui_reader.ui", "tui_reader.render")), (
                path.name,
                module,
            )
        # Relative imports stay inside the corpus package.
        depth = len(path.relative_to(CORPUS).parts)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert node.level <= depth, (path.name, node.module)
