"""Turning file bytes into safe text: decoding, line endings, control characters."""

from __future__ import annotations

import codecs
import re

# C0 controls but tab and newline, DEL, C1 controls; bidirectional overrides and
# isolates (they reorder what is shown around them); lone surrogates (file names
# that are not UTF-8 decode to them, and no terminal or UTF-8 stream takes them).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\n": "\u2424", "\t": "\u2409"})  # ␤ ␉
BINARY_SNIFF = 8192


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟ (␛ for ESC)
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible placeholder, so
    that no escape sequence, bell or bidi override can act on the terminal."""
    return _UNSAFE.sub(_placeholder, text)


def one_line(text: str) -> str:
    """``visible(text)`` without line breaks or tabs either: for file names, which
    are shown on one line (in messages, ids and paths)."""
    return visible(text).translate(_LINE_BREAKS)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text with ``\\n`` line endings and no control characters.

    Returns the text and the warnings about what had to be changed.
    """
    warnings: list[str] = []
    encoding, name = "utf-8", "UTF-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, name = "utf-16", "UTF-16"  # the codec reads the BOM
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        warnings.append(f"invalid {name}: undecodable bytes shown as \ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_controls(text):
        text = visible(text)
        warnings.append("control characters shown as visible placeholders")
    return text, warnings


MAX_TITLE = 300
"""Titles (of documents and sections) longer than this are cut: a megabyte heading
would make every list and header that shows it crawl."""


def clip(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def excerpt(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"
