"""Recognisers of the formats other tools export: one module a family.

Each recogniser is a pure function of a document's lines (and, where it needs them,
its front matter and links); none reads files or knows the corpus.

- ``dates``: the date forms people write, as YYYY-MM-DD;
- ``media``: which URLs play an episode, and how each host is told to start at a second;
- ``chapters``: episode chapters in every common layout;
- ``threads``: comment threads and chat exports (Hacker News, Reddit, Substack, ...);
- ``summaries``: what makes a text a summary, and where it points at its source;
- ``wikilinks``: ``[[wikilinks]]`` and bare URLs in text;
- ``kinds``: the kind of a document, with the reason it was given.
"""

import bisect
import itertools
from collections.abc import Callable, Sequence


def joined(lines: Sequence[str]) -> tuple[str, Callable[[int], int]]:
    """``lines`` as one text, and the index of the line that holds a given offset
    of it: recognisers run one regular expression over a whole document (fast, in C)
    and look only at the lines it finds."""
    text = "\n".join(lines)
    ends = list(itertools.accumulate(len(line) + 1 for line in lines))
    return text, lambda offset: min(bisect.bisect_right(ends, offset), len(lines) - 1)
