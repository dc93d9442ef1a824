"""A folder's own settings: ``.tui-reader.toml`` beside its documents.

```toml
[kinds]                      # glob (relative to this folder) = kind
"*-notes.md" = "note"
"episodes/*.md" = "source"

[[ties]]                     # ties the reader would not find on its own
from = "digest.md"
to = "episodes/ep-17.md"
type = "summarizes"          # optional: summarizes, comments-on or links-to
```

Both override every guess. A file that cannot be read or parsed is reported as
one warning and ignored.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import KINDS, RELATION_TYPES
from .relations import Tie
from .text import one_line

CONFIG_NAME = ".tui-reader.toml"
MAX_CONFIG_BYTES = 256 * 1024


@dataclass
class BundleConfig:
    kinds: list[tuple[Path, str, str]] = field(default_factory=list)
    """(folder, glob, kind)."""
    ties: list[Tie] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def kind_for(self, file: Path) -> tuple[str, str] | None:
        """(kind, reason) a pattern sets for ``file``; the deepest folder's wins."""
        found = None
        for folder, pattern, kind in self.kinds:
            try:
                relative = file.relative_to(folder).as_posix()
            except ValueError:
                continue
            if fnmatch.fnmatchcase(relative, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(file.name, pattern)):
                if found is None or len(folder.parts) >= len(found[0].parts):
                    found = (folder, pattern, kind)
        if found is None:
            return None
        return found[2], f"set in {CONFIG_NAME} ({found[1]})"


def read_configs(folders: Iterable[Path]) -> BundleConfig:
    """The settings of every folder given that has a ``.tui-reader.toml``."""
    config = BundleConfig()
    for folder in sorted(set(folders)):
        path = folder / CONFIG_NAME
        try:
            if not path.is_file():
                continue
            if path.stat().st_size > MAX_CONFIG_BYTES:
                raise ValueError("larger than 256 KB")
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            config.warnings.append(f"{one_line(str(path))}: ignored ({one_line(str(error))[:160]})")
            continue
        _read(folder, path, data, config)
    return config


def _read(folder: Path, path: Path, data: dict[str, object], config: BundleConfig) -> None:
    where = one_line(str(path))
    kinds = data.get("kinds", {})
    if not isinstance(kinds, dict):
        config.warnings.append(f"{where}: [kinds] must be a table of glob = kind; ignored")
        kinds = {}
    for pattern, kind in kinds.items():
        if not isinstance(kind, str) or kind.strip().lower() not in KINDS:
            config.warnings.append(f"{where}: kind {one_line(str(kind))!r} for {one_line(pattern)!r} is not one of {', '.join(KINDS)}")
            continue
        config.kinds.append((folder, pattern, kind.strip().lower()))
    ties = data.get("ties", [])
    if not isinstance(ties, list):
        config.warnings.append(f"{where}: [[ties]] must be a list of tables; ignored")
        ties = []
    for number, tie in enumerate(ties, 1):
        if not isinstance(tie, dict) or not isinstance(tie.get("from"), str) or not isinstance(tie.get("to"), str):
            config.warnings.append(f"{where}: tie {number} needs from = \"file\" and to = \"file\"; ignored")
            continue
        kind = tie.get("type")
        if kind is not None and (not isinstance(kind, str) or kind not in RELATION_TYPES or kind == "related"):
            config.warnings.append(f"{where}: tie {number} has type {one_line(str(kind))!r}, not summarizes, comments-on or links-to")
            continue
        config.ties.append(Tie((folder / tie["from"]).resolve(), (folder / tie["to"]).resolve(), kind))
