"""How much of each bundle's ``expected.json`` the model finds.

    python bench/bundles_score.py [FOLDER...] [-v] [--json]

Every sub-folder of FOLDER (by default ``tests/fixtures/bundles``) that holds an
``expected.json`` (schema in that folder's README) is loaded with tui-reader's model
as a user would open it, and compared:

- kinds: documents whose kind is the expected one;
- timestamps: expected chapter starts found (per document, in whole seconds);
- comments: comment documents whose comment count is the expected one;
- relations: expected (from, to, type) ties found;
- spurious: ties found that are not expected, plus chapters found that are not.

It prints ``kinds a/b, timestamps c/d, comments e/f, relations g/h, spurious i``;
``-v`` adds every miss, bundle by bundle. Nothing is cached (a temporary cache
folder), so the numbers are those of a first run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "bundles"
TYPED = ("summarizes", "comments-on", "links-to")


@dataclass
class Score:
    kinds: list[int] = field(default_factory=lambda: [0, 0])
    timestamps: list[int] = field(default_factory=lambda: [0, 0])
    comments: list[int] = field(default_factory=lambda: [0, 0])
    relations: list[int] = field(default_factory=lambda: [0, 0])
    spurious_relations: int = 0
    spurious_timestamps: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("kinds", "timestamps", "comments", "relations"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.spurious_relations += other.spurious_relations
        self.spurious_timestamps += other.spurious_timestamps
        self.misses.extend(other.misses)

    @property
    def spurious(self) -> int:
        return self.spurious_relations + self.spurious_timestamps

    def line(self) -> str:
        return (
            f"kinds {self.kinds[0]}/{self.kinds[1]}, timestamps {self.timestamps[0]}/{self.timestamps[1]}, "
            f"comments {self.comments[0]}/{self.comments[1]}, relations {self.relations[0]}/{self.relations[1]}, "
            f"spurious {self.spurious}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "kinds": self.kinds, "timestamps": self.timestamps, "comments": self.comments,
            "relations": self.relations, "spurious_relations": self.spurious_relations,
            "spurious_timestamps": self.spurious_timestamps, "misses": self.misses,
        }


def score_bundle(folder: Path) -> Score:
    from tui_reader.corpus import load_corpus

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    score = Score()
    name = folder.name
    try:
        corpus = load_corpus([folder], cache=False)
    except Exception as error:  # a crash is a miss of everything, and said
        score.misses.append(f"{name}: crashed: {type(error).__name__}: {error}")
        wanted = expected.get("documents", {})
        score.kinds[1] += len(wanted)
        return score
    by_path = {doc.relpath: doc for doc in corpus.documents}
    for path, want in expected.get("documents", {}).items():
        doc = by_path.get(path)
        score.kinds[1] += 1
        if doc is None:
            score.misses.append(f"{name}/{path}: not loaded")
            score.timestamps[1] += len(want.get("timestamps", []))
            score.comments[1] += 1 if "comments" in want else 0
            continue
        if doc.kind == want["kind"]:
            score.kinds[0] += 1
        else:
            score.misses.append(f"{name}/{path}: kind {doc.kind} ({getattr(doc, 'kind_reason', '')}), expected {want['kind']}")
        if "timestamps" in want:
            found = Counter(t.seconds for t in doc.timestamps)
            wanted = Counter(int(s) for s in want["timestamps"])
            hit = sum((found & wanted).values())
            score.timestamps[0] += hit
            score.timestamps[1] += sum(wanted.values())
            extra = sum((found - wanted).values())
            score.spurious_timestamps += extra
            if hit < sum(wanted.values()) or extra:
                missing = sorted((wanted - found).elements())
                surplus = sorted((found - wanted).elements())
                score.misses.append(f"{name}/{path}: chapters missing {missing[:8]}, extra {surplus[:8]}")
        if "comments" in want:
            score.comments[1] += 1
            count = len(doc.comments) if doc.kind == "comments" else 0
            if count == want["comments"]:
                score.comments[0] += 1
            else:
                score.misses.append(f"{name}/{path}: {count} comments ({getattr(doc, 'format', None)}), expected {want['comments']}")
            if "max_depth" in want and doc.comments:
                depth = max(getattr(c, 'depth', 0) for c in doc.comments)
                if depth != want["max_depth"]:
                    score.misses.append(f"{name}/{path}: reply depth {depth}, expected {want['max_depth']} (not scored)")
    path_of = {doc.id: doc.relpath for doc in corpus.documents}
    found_ties = {}
    for relation in corpus.relations:
        if relation.type in TYPED:
            found_ties.setdefault((path_of[relation.source], path_of[relation.target], relation.type), getattr(relation, "reason", ""))
    wanted_ties = {(r["from"], r["to"], r["type"]) for r in expected.get("relations", [])}
    score.relations[1] += len(wanted_ties)
    score.relations[0] += len(wanted_ties & found_ties.keys())
    for tie in sorted(wanted_ties - found_ties.keys()):
        score.misses.append(f"{name}: relation not found: {tie[0]} {tie[2]} {tie[1]}")
    for tie in sorted(found_ties.keys() - wanted_ties):
        score.spurious_relations += 1
        score.misses.append(f"{name}: spurious relation: {tie[0]} {tie[2]} {tie[1]} ({found_ties[tie]})")
    return score


def bundles(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        if (folder / "expected.json").is_file():
            found.append(folder)
        else:
            found.extend(sorted(p.parent for p in folder.glob("*/expected.json")))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the model on bundles with an expected.json.")
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        os.environ.setdefault("XDG_DATA_HOME", cache)
        sys.path.insert(0, str(ROOT))
        total = Score()
        per_bundle = {}
        for folder in bundles(args.folders):
            score = score_bundle(folder)
            per_bundle[folder.name] = score
            total.add(score)
    if args.json:
        json.dump({"total": total.to_json(), "bundles": {k: v.to_json() for k, v in per_bundle.items()}}, sys.stdout, indent=2)
        print()
        return 0
    if args.verbose:
        for name, score in per_bundle.items():
            print(f"{name}: {score.line()}")
            for miss in score.misses:
                print(f"  {miss}")
        print()
    print(total.line())
    print(f"  ({len(per_bundle)} bundles; spurious: {total.spurious_relations} relations, {total.spurious_timestamps} chapters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
