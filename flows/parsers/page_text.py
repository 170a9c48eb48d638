"""The text of a captured study page: decoding, lines, sections by known headings, text blocks."""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from itertools import compress, count

from flows.parsers.model import NCT_ID, Parsed, Problem, StudyRecord  # NCT_ID is re-exported for the page parsers

BULLET = re.compile(r"^\s*[•*\-]\s+")
# A count as a page writes it: digits, or digits in groups of three parted by commas ('9,500'), alone or before a
# word or a bracket ('60 participants', '11 (Estimated)'). '1.250', '1 250', '1,25' and '40-50' are no such count.
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)(?=\s*$|\s+[^\W\d_]|\s*\()")
# Lines longer than the longest heading by more than this indentation are never headings.
_INDENT_SLACK = 16


class Sections:
    """A page split at its known headings: the lines under each heading, in page order."""

    def __init__(self, preamble: list[str], found: list[tuple[str, list[str]]]):
        self.preamble = preamble
        self.order = [heading for heading, _ in found]
        self._lines = dict(found)

    def __contains__(self, heading: str) -> bool:
        return heading in self._lines

    def lines(self, heading: str) -> list[str]:
        """The lines under `heading` up to the next known heading; [] when absent or empty."""
        return self._lines.get(heading, [])

    def last(self) -> str:
        """The last heading the page reaches (where a cut-off page ends)."""
        return self.order[-1] if self.order else "the start of the page"


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
    return _head_entry(head)[1]


def saved_head_text(head: bytes) -> str | None:
    """What a sniffer may look at of a page saved in any encoding: its UTF-8 text (head_text), else its text in the
    encoding its bytes show (saved_text); None for binary, JSON and XML."""
    _, text, saved = _head_entry(head)
    return text if saved is None else saved[0]


def _head_entry(head: bytes) -> tuple[object, str | None, tuple[str, str] | None]:
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


def page_lines(text: str) -> list[str]:
    """The page's lines with line endings normalised and trailing blanks removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(map(str.rstrip, text.split("\n")))


# The characters a page saved with each line indented puts before every line.
_INDENT_MARKS = frozenset(" \t")


def without_shared_margin(lines: list[str]) -> list[str]:
    """The lines without the indentation every non-blank one of them starts with, all in spaces or all in tabs (a
    page saved or pasted with each line indented); a line indented deeper keeps the rest of its indentation. The
    lines themselves when a line starts at the edge (a page's first line mostly, told at sight)."""
    mark = next((line[:1] for line in lines if line.strip()), "")
    if mark not in _INDENT_MARKS:
        return lines
    margin = None
    for line in lines:
        if line.strip():
            if line[:1] != mark:
                return lines
            indent = len(line) - len(line.lstrip(mark))
            margin = indent if margin is None else min(margin, indent)
    return [line[margin:] if line.strip() else line for line in lines] if margin else lines


def has_line(text: str, wanted: str) -> bool:
    """True when some line of `text` is `wanted` between spaces and tabs (and the line's \\r): what
    `(?m)^[ \\t]*<wanted>[ \\t]*\\r?$` matches, found by string search, ~2.5x faster than the pattern
    that tries every line start of the head (every sniffer asks for a few headings of every input)."""
    at, after_at = text.find(wanted), len(wanted)
    while at != -1:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at + after_at)
        rest = text[at + after_at:] if end == -1 else text[at + after_at:end]
        if rest[-1:] == "\r":
            rest = rest[:-1]
        if not text[start:at].strip(" \t") and not rest.strip(" \t"):
            return True
        at = text.find(wanted, at + 1)
    return False


def split_sections(lines: list[str], headings: tuple[str, ...] | frozenset[str]) -> Sections:
    """Split lines at the first occurrence of each known heading (a whole stripped line)."""
    headings, longest = _heading_set(headings if isinstance(headings, (tuple, frozenset)) else frozenset(headings))
    starts: list[tuple[int, str]] = []
    if len(headings) == 1:  # one heading (a sub-section, usually its first line): short lines tried in turn
        (heading,) = headings
        for index in compress(count(), map(longest.__ge__, map(len, lines))):  # no long line is stripped
            if lines[index].strip() == heading:
                starts.append((index, heading))
                break
    else:
        seen: set[str] = set()
        for index in [i for i, line in enumerate(lines) if len(line) <= longest and line.strip() in headings]:
            key = lines[index].strip()
            if key not in seen:  # a heading's later occurrences are lines of the section they are in
                seen.add(key)
                starts.append((index, key))
    return sections_at(lines, starts)


def sections_at(lines: list[str], starts: list[tuple[int, str]]) -> Sections:
    """The lines split at known heading lines: `starts` holds the number and heading of each section's first line
    (a heading's first occurrence), in page order."""
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    found = [(key, lines[index + 1:end]) for (index, key), end in zip(starts, ends)]
    return Sections(lines[:starts[0][0]] if starts else lines[:], found)


def heading_line_limit(headings: frozenset[str]) -> int:
    """The longest a line may be and still be one of these headings (the longest plus indentation)."""
    return _heading_set(headings)[1]


@lru_cache(maxsize=64)
def _heading_set(headings: tuple[str, ...] | frozenset[str]) -> tuple[frozenset[str], int]:
    """The headings as a set, and the longest a heading line may be (the longest heading plus indentation)."""
    return frozenset(headings), max(map(len, headings), default=0) + _INDENT_SLACK


def nonblank(lines: list[str]) -> list[str]:
    """The stripped non-blank lines."""
    return list(filter(None, map(str.strip, lines)))


def text_block(lines: list[str]) -> str | None:
    """Lines as shown, outer blank lines dropped and blank runs collapsed; None if empty."""
    # the usual shapes, a line alone or between two blank lines, read without the loop
    if len(lines) == 1:
        return lines[0].rstrip() or None
    if len(lines) == 3 and not lines[0].rstrip() and not lines[2].rstrip():
        return lines[1].rstrip() or None
    kept: list[str] = []
    for line in map(str.rstrip, lines):  # a line is blank exactly when nothing is left of it
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) or None


def unbullet(line: str) -> str:
    """The line without its list bullet ('• X' -> 'X')."""
    stripped = line.strip()
    if stripped[:1] not in _BULLETS:  # BULLET cannot match: what it would leave is the line, stripped
        return stripped
    return BULLET.sub("", line).strip()


# What BULLET needs as the first character after leading whitespace.
_BULLETS = frozenset("•*-")


def first_missing(sections: Sections, required: tuple[str, ...]) -> str | None:
    """The first required heading the page does not reach, if any."""
    return next((heading for heading in required if heading not in sections), None)


def failure(layout: str, reason: str, detail: str = "", nct_id: str | None = None) -> Parsed:
    """A Parsed with no record and one problem."""
    return Parsed(layout=layout, problems=[Problem(reason=reason, detail=detail, nct_id=nct_id)])


def read_page(layout: str, raw: bytes) -> list[str] | Parsed:
    """The page's lines, or a Parsed with a problem when the bytes are empty or not UTF-8 text."""
    text = sniffed_text(raw)
    if text is None:
        text = decode_text(raw)
    if text is None:
        return failure(layout, NOT_TEXT, f"{len(raw)} bytes that do not decode as UTF-8 text")
    if not text.strip():
        return failure(layout, "empty page: no text")
    return page_lines(text)


NOT_TEXT = "not a UTF-8 text page"
_GUESSED = frozenset({WINDOWS_1252, PARTLY_WINDOWS_1252})


def read_saved_page(layout: str, raw: bytes, is_page) -> tuple[list[str], str] | Parsed:
    """The lines of a page saved in any encoding, and the encoding they are read in (UTF_8, 'utf-16', 'utf-32',
    WINDOWS_1252, PARTLY_WINDOWS_1252); a Parsed with a problem when the bytes are empty or no page text. Bytes that
    are not UTF-8 and bear no byte order mark are read in Windows-1252 only when that makes a page of the layout
    (`is_page(raw)`, its sniff)."""
    text = sniffed_text(raw)
    if text is None:
        text = decode_text(raw)
    codec = UTF_8
    if text is None:
        saved = _head_entry(raw)[2]  # decoded once: is_page(raw) reads the same entry
        if saved is not None and (saved[1] not in _GUESSED or is_page(raw)):
            text, codec = saved
    if text is None:
        return failure(layout, NOT_TEXT, f"{len(raw)} bytes that decode neither as UTF-8 text nor as a page of this "
                                         "site saved as UTF-16 or Windows-1252 ('ANSI')")
    if not text.strip():
        return failure(layout, "empty page: no text")
    return page_lines(text), codec


def truncated(layout: str, missing: str, sections: Sections, nct_id: str | None) -> Parsed:
    """The answer for a page cut short: `missing` names what a whole page has ("'X' section")."""
    reason = f"truncated page: no {missing} (ends after '{sections.last()}')"
    return failure(layout, reason, "the page text stops before its closing sections", nct_id)


# What a page shows for a value (a count, a date, a name, a text) it does not give: missing, not a value to refuse;
# a summary or a list that says it has none ('None provided.', 'Not specified').
NONE_SAID = frozenset({"none provided", "none specified", "not specified", "none listed"})
NO_VALUE = frozenset({"n/a", "na", "none", "not provided", "not available", "unknown", "-", "\u2013",
                      "\u2014"}) | NONE_SAID


def no_value(text: str | None) -> bool:
    """Whether a page's value is its word for no value ('Not Provided', 'N/A', '-', 'None provided.'), in any case and
    spacing, with or without a full stop: a sentence of more words ('None specified in the protocol.') is a text."""
    words = (text or "").split(None, _NO_VALUE_WORDS)  # a text of more words (a description) is told at sight
    return len(words) <= _NO_VALUE_WORDS and " ".join(words).casefold().removesuffix(".") in NO_VALUE


# The most words a page's word for no value has.
_NO_VALUE_WORDS = max(len(word.split()) for word in NO_VALUE)


def int_value(text: str | None) -> int | str | None:
    """'9,500' or '60 participants' -> the leading whole number; None when the page gives none ('N/A', blank).
    Anything else ('TBD', '-5 participants', 'about 40', '1.250', '1 250', '40-50': which number is meant cannot
    be told) is kept as given, for validation to refuse and quote: it is not read as a count that is missing."""
    match = _LEADING_NUMBER.match(text or "")
    if match:
        return int(match.group(1).replace(",", ""))
    value = (text or "").strip()
    return None if not value or no_value(value) else value


def labelled_values(lines: list[str], key_start: str | None = None) -> dict[str, list[str]]:
    """'Key:' lines (and lines starting with `key_start`, when given) and the non-blank lines under each,
    keyed by the label without its colon."""
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in nonblank(lines):
        if line[-1:] == ":" or (key_start is not None and line.startswith(key_start)):
            current = values.setdefault(line.rstrip(":").strip(), [])
        elif current is not None:
            current.append(line)
    return values


def first(values: list[str] | None) -> str | None:
    """The first value, or None."""
    return values[0] if values else None


def first_line(lines: list[str]) -> str | None:
    """The first non-blank line, stripped."""
    return next(filter(None, map(str.strip, lines)), None)  # the lines after it are not stripped


def add_rows(record: StudyRecord, table: str, rows: list[dict]) -> None:
    """record.add of every row, in order, as one extend (a table appears only when it gets a row)."""
    if rows:
        record.tables.setdefault(table, []).extend(rows)


def distinct_rows(rows: list[dict]) -> list[dict]:
    """Rows without exact repeats, first occurrence kept."""
    return list({tuple(row.items()): row for row in rows}.values())


def tagged_lines(lines: list[str], known_labels) -> list[tuple[str | None, str]]:
    """Non-blank lines as (label, value): a known label line, in any case ('Primary completion date') and with or
    without a colon after it, tags the line after it with the label as known; a known label with its value on its
    line after a colon ('Recruitment Status: RECRUITING', as a copy may join them) is that pair; others get None."""
    folded = _folded(known_labels) if isinstance(known_labels, frozenset) else _folded_labels(known_labels)
    tagged: list[tuple[str | None, str]] = []
    pending: str | None = None
    for line in nonblank(lines):
        if line in known_labels:
            pending = line
        elif (label := folded.get(line.casefold())) is not None:
            pending = label
        elif ":" in line and (label := folded.get(line.partition(":")[0].rstrip().casefold())) is not None:
            value = line.partition(":")[2].strip()
            if value:
                tagged.append((label, value))
            pending = None if value else label
        else:
            tagged.append((pending, line))
            pending = None
    return tagged


def _folded_labels(known_labels) -> dict[str, str]:
    """Each label by its case-folded spelling."""
    return {label.casefold(): label for label in known_labels}


# A layout's label sets are module constants: each is folded once, not on every page.
_folded = lru_cache(maxsize=64)(_folded_labels)
