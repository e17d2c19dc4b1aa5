"""Bytes to text, for pages whose encoding nobody promised.

Order of evidence: a byte-order mark; valid UTF-8 (multi-byte UTF-8 is almost
never valid by accident, while charset declarations are often wrong); the
charset the page declares (``<meta charset>``, HTTP-equiv, XML declaration);
then a statistical detector (charset-normalizer). Undecodable bytes are
replaced, never fatal. Binary junk is recognised and reported instead of being
"decoded" into nonsense.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096
_DETECT_BYTES = 262_144
# Bytes that never appear in text: C0 controls other than tab, newlines, form feed, escape.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_MAX_CONTROL_SHARE = 0.1
_WEB_DEFAULT = "cp1252"
_CHAOS_TIE = 0.01


class UndecodableError(ValueError):
    """The bytes are not text in any encoding (binary junk)."""


def _strip_bom(raw: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :], encoding
    return raw, None


def declared_charset(raw: bytes) -> str | None:
    """The encoding an HTML or XML page declares near its top, if Python knows it."""
    match = _DECLARED.search(raw[:_SNIFF_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(raw: bytes) -> float:
    sample = raw[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample)


def decode_bytes(raw: bytes, declared: str | None = None) -> str:
    """Decode a page's bytes; raises ``UndecodableError`` for binary data.

    ``declared`` is a charset known from outside the bytes (an HTTP header);
    otherwise the bytes' own declaration is used.
    """
    if not raw:
        return ""
    body, bom_encoding = _strip_bom(raw)
    if bom_encoding:
        return body.decode(bom_encoding, errors="replace")
    share = _looks_binary(raw)
    if share > _MAX_CONTROL_SHARE:
        raise UndecodableError(f"binary data, not a web page ({share:.0%} control bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, declared_charset(raw)):
        if encoding and encoding not in ("utf-8", "utf_8"):
            try:
                return raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return raw.decode(_detect(raw), errors="replace")


def _detect(raw: bytes) -> str:
    """The detector's encoding; windows-1252, the web's default, wins ties."""
    matches = list(from_bytes(raw[:_DETECT_BYTES]))
    if not matches:
        raise UndecodableError("binary data, not a web page (no text encoding fits)")
    least_chaos = min(match.chaos for match in matches)
    plausible = [match.encoding for match in matches if match.chaos <= least_chaos + _CHAOS_TIE]
    return _WEB_DEFAULT if _WEB_DEFAULT in plausible else plausible[0]
