"""Turning file bytes into safe text: decoding, line endings, control characters."""

from __future__ import annotations

import codecs
import re

# C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Bidirectional overrides and isolates reorder what is shown around them.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
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
    text = _CONTROL.sub(_placeholder, text)
    return _BIDI.sub("\ufffd", text)


def has_controls(text: str) -> bool:
    return bool(_CONTROL.search(text) or _BIDI.search(text))


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
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            warnings.append("invalid UTF-8: undecodable bytes shown as \ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_controls(text):
        text = visible(text)
        warnings.append("control characters shown as visible placeholders")
    return text, warnings


def excerpt(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"
