"""Bytes -> text: BOMs, UTF-8, cp1252 fallback, binary and empty detection."""
from __future__ import annotations

import codecs

from .model import SkipFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_fallback(err: UnicodeError):
    """Error handler: bytes cp1252 leaves undefined (0x81, 0x8D, ...) decode as latin-1."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("talkwatch-latin1", _cp1252_fallback)


def detect_bom(data: bytes) -> tuple[str | None, int]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-32-le" and len(data) % 4:
                # FF FE 00 00 is also a UTF-16 LE BOM followed by a NUL character
                continue
            return enc, len(bom)
    return None, 0


def decode(data: bytes) -> str:
    """Decode a file's bytes to text with ``\\n`` newlines.

    Order: UTF-8 / UTF-16 / UTF-32 byte order mark, strict UTF-8, then cp1252 (bytes
    cp1252 leaves undefined are read as latin-1). Raises SkipFile for binary content
    (NUL bytes without a UTF-16/32 BOM) and for empty or whitespace-only files.
    """
    enc, skip = detect_bom(data)
    if enc is not None:
        text = data[skip:].decode(enc, errors="replace")
    else:
        if b"\x00" in data:
            raise SkipFile("binary file (NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="talkwatch-latin1")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("empty file")
    return text
