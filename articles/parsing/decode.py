"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030; refuse what is not text."""

from __future__ import annotations

import codecs

BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\x1f\x8b": "a gzip archive",
    b"PK\x03\x04": "a zip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


class DecodeError(ValueError):
    """The bytes are not a page of text; the message says why."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Never replaces a character: undecodable bytes raise."""
    if not data.strip():
        raise DecodeError("empty file (no text)" if not data else "only whitespace, no text")
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not page text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", 3), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", 0), "utf-16"
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise DecodeError(f"binary file (NUL byte at offset {offset}), not page text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise DecodeError(f"not UTF-8 or GB18030: invalid byte at offset {utf8_error.start}") from None
        if _looks_like_text(text):
            return text, "gb18030"
        raise DecodeError(f"not UTF-8: invalid byte at offset {utf8_error.start}") from None


def _strict(data: bytes, encoding: str, offset: int) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} at byte offset {exc.start + offset}") from None
    if encoding == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _looks_like_text(text: str) -> bool:
    """GB18030 decodes almost any bytes; accept only when most characters are CJK or printable."""
    if not text:
        return False
    good = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return good / len(text) > 0.98 and cjk / len(text) > 0.2
