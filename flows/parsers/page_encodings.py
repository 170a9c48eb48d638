"""What a page's bytes are read as: UTF-8; UTF-16 or UTF-32 after their byte order mark; Windows-1252, alone or
within UTF-8, on a guess. The head every sniffer looks at is decoded once, and a page no longer than a head is not
decoded again."""
from __future__ import annotations

import codecs
import re


def decode_text(raw: bytes) -> str | None:
    """UTF-8 text without BOM; a character cut at the very end is dropped; None if not text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data" or error.start < len(raw) - 3:
            return None
        text = raw[: error.start].decode("utf-8")
    if b"\x00" in raw:  # a byte search: in UTF-8 only U+0000 holds a zero byte (a cut character holds none)
        return None
    return as_plain_text(text.removeprefix("\ufeff"))


# Spaces a browser shows as spaces but a copied page keeps as their own characters: no-break, narrow no-break
# and figure spaces ("Overall Status\u00a0Recruiting").
_NO_BREAK_SPACES = ("\u00a0", "\u202f", "\u2007")


def as_plain_text(text: str) -> str:
    """The page as a browser shows it: lines end in \\n (Windows' \\r\\n and old Macs' lone \\r alike), and
    no-break spaces are spaces."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for space in _NO_BREAK_SPACES:  # str.replace, not str.translate: translate looks up every character of a
        if space in text:           # page that is not ASCII (0.6 ms a page), replace copies it once in C
            text = text.replace(space, " ")
    return text


# A JSON array opens with '[' and a value; a page title in square brackets ('[Study of ...]') does not.
_JSON_ARRAY = re.compile(r"\[\s*(?:[\[{\"\]\-\d]|true\b|false\b|null\b|$)")


# The bytes of a head whose text would open with '{' or '<' (after a BOM and whitespace): JSON or XML.
_OBJECT_OR_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\n\r\x0b\x0c]*[{<]")


def head_text(head: bytes) -> str | None:
    """What a sniffer may look at: page text in UTF-8, or None for binary, JSON, XML and text in other encodings."""
    return head_entry(head)[1]


def saved_head_text(head: bytes) -> str | None:
    """What a sniffer may look at of a page saved in any encoding: its UTF-8 text (head_text), else its text in the
    encoding its bytes show (saved_text); None for binary, JSON and XML."""
    _, text, saved = head_entry(head)
    return text if saved is None else saved[0]


def head_entry(head: bytes) -> tuple[object, str | None, tuple[str, str] | None]:
    """The head, its UTF-8 text, and its text and encoding when it is not UTF-8 (saved_text)."""
    # every layout's sniff() gets the same head object in turn: it is decoded once
    last = _last_head[0]
    if last[0] is not head:
        last = (head, *_head_text(head))
        if type(head) is bytes:  # immutable: the same object always reads the same
            _last_head[0] = last
    return last


_last_head: list[tuple[object, str | None, tuple[str, str] | None]] = [(None, None, None)]


def sniffed_text(raw: bytes) -> str | None:
    """The text of `raw` when it was the head the sniffers last read (a page no longer than a head is
    sniffed whole): decoded then, it is not decoded again. None when it was not (or was no page text)."""
    last = _last_head[0]
    return last[1] if last[0] is raw else None


def _head_text(head: bytes) -> tuple[str | None, tuple[str, str] | None]:
    """The head's UTF-8 text, or None and its text in another encoding; (None, None) for binary, JSON and XML."""
    if _OBJECT_OR_MARKUP.match(head):  # the registry's JSON and XML, told without decoding the head
        return None, None
    text = decode_text(head)
    saved = saved_text(head) if text is None else None
    if saved is not None:
        return None, (None if _object_or_markup(saved[0]) else saved)
    return (None if text is None or _object_or_markup(text) else text), None


def _object_or_markup(text: str) -> bool:
    """Whether text opens as JSON (an object or an array) or XML does."""
    start = text.lstrip()
    return start[:1] in ("{", "<") or _JSON_ARRAY.match(start) is not None


# Pages saved in UTF-32 or UTF-16 (Notepad's 'Unicode') begin with their byte order mark; UTF-32's are tried first,
# as the little-endian UTF-32 mark begins with UTF-16's.
_MARKED = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
           (codecs.BOM_UTF16_BE, "utf-16"))
# The encoding of a page whose bytes are not UTF-8 and bear no mark: Windows' 'ANSI' (Notepad's, an older browser's
# 'Save as text'), which reads Latin-1's letters alike; and of a UTF-8 page some of whose bytes are not UTF-8 (text
# typed or pasted into it by an editor set to Windows-1252). The only encodings a page is read in on a guess.
WINDOWS_1252, PARTLY_WINDOWS_1252 = "cp1252", "utf-8, partly cp1252"
UTF_8 = "utf-8"
# Control bytes no page holds (a tab, line ends and a print's form feed aside): bytes holding one are no such text.
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A UTF-8 character of two to four bytes: Windows-1252 text holds such bytes one after another only by chance (an
# upper-case accented letter before a curly quote) or where it shows UTF-8 mis-decoded (a registry's own
# 'HÃ©matologie'), among many bytes beyond ASCII that are no such character; a page holding at least as many of them
# as such other bytes is UTF-8 in part.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BEYOND_ASCII = re.compile(rb"[\x80-\xff]")
# How far before the end a head may cut a character of UTF-16 or UTF-32 (a surrogate pair, a code unit).
_CUT_UNITS = 4


def saved_text(raw: bytes) -> tuple[str, str] | None:
    """The text of bytes that are not UTF-8 text (decode_text gives None), and the encoding it is read in: UTF-16 or
    UTF-32 after its byte order mark (which proves it); else, for bytes holding no control character, Windows-1252
    (a guess: WINDOWS_1252), or, where most of the bytes beyond ASCII make UTF-8 characters, UTF-8 with the bytes
    that make none read as Windows-1252 (PARTLY_WINDOWS_1252). None for bytes that are neither (binary data, a NUL
    in the text, a byte Windows-1252 leaves undefined)."""
    codec = next((name for mark, name in _MARKED if raw.startswith(mark)), None)
    if codec is not None:
        text = _marked_text(raw, codec)
        return None if text is None else (as_plain_text(text), codec)
    if _CONTROL_BYTE.search(raw) is not None:
        return None
    codec = PARTLY_WINDOWS_1252 if _mostly_utf8(raw) else WINDOWS_1252
    try:
        text = raw.decode(WINDOWS_1252) if codec == WINDOWS_1252 else raw.decode(UTF_8, errors=_STRAY_BYTES)
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined: another encoding, or no text
        return None
    return as_plain_text(text), codec


def _mostly_utf8(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 as a whole hold at least as many UTF-8 characters of two to four bytes as
    other bytes beyond ASCII (a UTF-8 page into which words in Windows-1252 were typed or pasted)."""
    characters = _UTF8_CHARACTER.findall(raw)
    return bool(characters) and len(characters) >= len(_BEYOND_ASCII.findall(raw)) - sum(map(len, characters))


def _as_windows_1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """The bytes of a UTF-8 page that are not UTF-8, read as Windows-1252 (UnicodeDecodeError for one it leaves
    undefined); the start of a UTF-8 character cut at the very end (a head's) is dropped."""
    if error.reason == "unexpected end of data" and error.end - error.start > 1:
        return "", error.end
    return error.object[error.start:error.end].decode(WINDOWS_1252), error.end


_STRAY_BYTES = "trialqc-windows-1252-bytes"
codecs.register_error(_STRAY_BYTES, _as_windows_1252)


def _marked_text(raw: bytes, codec: str) -> str | None:
    """UTF-16 or UTF-32 text after its mark; a character cut at the very end (a head's) is dropped; None if not text."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as error:
        if error.start < len(raw) - _CUT_UNITS or error.end < len(raw):
            return None
        try:
            text = raw[:error.start].decode(codec)
        except UnicodeDecodeError:
            return None
    return None if "\x00" in text else text
