"""Command line: ``tui-reader [PATH...]`` and ``tui-reader inspect [PATH...] [--json]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .corpus import Corpus, CorpusError, load_corpus

EXIT_USAGE = 2

DESCRIPTION = """\
Read a bundle of related documents (summaries, sources, comments, guides) in three
panes. With no PATH, opens the bundled seed documents. PATHs are files or folders
(searched recursively for *.md, *.markdown and *.txt)."""

EPILOG = """\
commands:
  tui-reader [PATH...]                  open the reader
  tui-reader inspect [PATH...] [--json] print the corpus model (documents, sections,
                                        links, timestamps, comments, relations)
  tui-reader search QUERY [PATH...] [--json]
                                        search every section: words, "phrases", prefix*
  tui-reader bookmarks [--json]         list bookmarks and marks
  tui-reader bookmarks export --format markdown|json [-o FILE]
  tui-reader bookmarks import FILE      merge bookmarks exported before (no duplicates)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit status 2
        self.exit(EXIT_USAGE, f"tui-reader: error: {message}\n")


def _read_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tui-reader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--version", action="version", version=f"tui-reader {__version__}")
    return parser


def _inspect_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tui-reader inspect",
        description="Print the corpus model: a table, or JSON with --json.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print JSON (schema in README)")
    parser.add_argument(
        "--no-related", dest="related", action="store_false",
        help="leave out the section-level related relations (found by full-text search)",
    )
    return parser


def _load(paths: Sequence[Path], defer: bool = False) -> Corpus:
    try:
        return load_corpus(paths, defer=defer)
    except CorpusError as error:
        sys.stderr.write(f"tui-reader: error: {error}\n")
        raise SystemExit(EXIT_USAGE) from None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def print_table(corpus: Corpus, out: TextIO) -> None:
    """The readable form of ``inspect``: one block a document, then the relations."""
    write = out.write
    write(f"{_plural(len(corpus.documents), 'document')}\n\n")
    for doc in corpus.documents:
        write(f"{doc.id}  [{doc.kind}]  {doc.date or 'no date'}\n")
        write(f"  {doc.title}\n")
        if doc.kind_reason:
            write(f"  {doc.kind}: {doc.kind_reason}\n")
        if doc.url:
            write(f"  {doc.url}\n")
        if doc.source_url:
            write(f"  points at {doc.source_url}\n")
        counts = [
            _plural(len(doc.sections), "section"),
            _plural(len(doc.links), "link"),
            _plural(len(doc.timestamps), "timestamp"),
            _plural(len(doc.comments), "comment"),
        ]
        write(f"  {', '.join(counts)}\n")
        for warning in doc.warnings:
            write(f"  warning: {warning}\n")
        write("\n")
    write(f"{_plural(len(corpus.relations), 'relation')}\n")
    for rel in corpus.relations:
        source = rel.source + (f"#{rel.source_section}" if rel.source_section else "")
        target = rel.target + (f"#{rel.target_section}" if rel.target_section else "")
        write(f"  {source}  {rel.type}  {target}\n")
        if rel.reason:
            write(f"    because {rel.reason}\n")
    for warning in corpus.warnings:
        write(f"warning: {warning}\n")


def inspect(argv: Sequence[str]) -> int:
    args = _inspect_parser().parse_args(argv)
    corpus = _load(args.paths)
    if args.json:
        json.dump(corpus.to_json(related=args.related), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(corpus, sys.stdout)
    return 0


def _search_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tui-reader search",
        description='Search every section of the documents: words (all must match), "phrases", prefix*.',
    )
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=20, help="how many sections at most (default 20)")
    return parser


def search(argv: Sequence[str]) -> int:
    from .corpus.index import SNIPPET_CLOSE, SNIPPET_OPEN

    args = _search_parser().parse_args(argv)
    corpus = _load(args.paths)
    hits = corpus.index.search(args.query, max(1, args.limit))
    if args.json:
        results = [
            {
                "document": hit.doc_id,
                "path": corpus[hit.doc_id].relpath,
                "title": hit.doc_title,
                "section": hit.anchor,
                "section_title": hit.title,
                "snippet": hit.snippet.replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]"),
                "score": round(hit.score, 3),
            }
            for hit in hits
        ]
        json.dump({"query": args.query, "results": results}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print(f"no section matches {args.query!r}")
    for hit in hits:
        print(f"{hit.doc_id}#{hit.anchor}  {hit.doc_title} › {hit.title}")
        print("    " + hit.snippet.replace(SNIPPET_OPEN, "»").replace(SNIPPET_CLOSE, "«"))
    return 0


def _bookmarks_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tui-reader bookmarks", description="List, export and import bookmarks and marks.")
    parser.add_argument("--json", action="store_true", help="list as JSON")
    parser.add_argument(
        "--documents", action="append", type=Path, default=[], metavar="PATH",
        help="check each bookmark against these documents (re-attaching moved or renamed sections)",
    )
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export", help="export to Markdown (a reading list) or JSON")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    load = commands.add_parser("import", help="merge a JSON export, skipping duplicates")
    load.add_argument("file", type=Path)
    for sub in (export, load):
        sub.error = parser.error  # type: ignore[method-assign]
    return parser


def bookmarks(argv: Sequence[str]) -> int:
    from .state import StateStore
    from .state.exchange import export_json, export_markdown, parse_export

    args = _bookmarks_parser().parse_args(argv)
    store = StateStore()
    for message in store.status.messages:
        sys.stderr.write(f"tui-reader: warning: {message}\n")
    status: dict[int, str] = {}
    if args.documents:
        from .state.anchoring import attach_all

        status = attach_all(store, _load(args.documents))
    items = store.bookmarks()
    if args.command == "import":
        try:
            incoming = parse_export(args.file.read_text(encoding="utf-8"))
        except OSError as error:
            sys.stderr.write(f"tui-reader: error: cannot read {args.file}: {error.strerror or error}\n")
            return EXIT_USAGE
        except ValueError as error:
            sys.stderr.write(f"tui-reader: error: {args.file} is not a bookmarks export: {error}\n")
            return EXIT_USAGE
        added = store.import_bookmarks(incoming)
        print(f"imported {added} of {len(incoming)} (the others were already there)")
        return 0
    if args.command == "export":
        text = export_json(items) if args.format == "json" else export_markdown(items)
        if args.output is None:
            sys.stdout.write(text)
            return 0
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            sys.stderr.write(f"tui-reader: error: cannot write {args.output}: {error.strerror or error}\n")
            return EXIT_USAGE
        print(f"exported {len(items)} to {args.output}")
        return 0
    if args.json:
        sys.stdout.write(export_json(items, status))
        return 0
    if not items:
        print("no bookmarks yet (b bookmarks a section in the reader, m{a-z} sets a mark)")
    for item in items:
        label = f"'{item.mark}" if item.mark else "★"
        place = item.place
        state = f" [{status[item.id]}]" if item.id in status else ""
        print(f"{label} {place.doc_title or place.doc_path} › {place.heading}  ({place.doc_path}#{place.anchor}, {item.created[:10]}){state}")
        if item.note:
            print(f"    note: {item.note}")
    return 0


def read(argv: Sequence[str]) -> int:
    args = _read_parser().parse_args(argv)
    corpus = _load(args.paths, defer=True)  # a large corpus is read in the background
    from .ui.app import ReaderApp

    app = ReaderApp(corpus)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "inspect":
            return inspect(argv[1:])
        if argv and argv[0] == "search":
            return search(argv[1:])
        if argv and argv[0] == "bookmarks":
            return bookmarks(argv[1:])
        return read(argv)
    except BrokenPipeError:  # `tui-reader inspect | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
