"""API v2 strings that hold a \\uD800-\\uDFFF escape without its pair ("\\ud800" alone, as a broken converter writes
it). Such an escape names no character (RFC 8259 section 8.2): the string cannot be held as text, nor stored. One
odd character never loses the study, nor the file's other studies: each such string is read as a value given
otherwise.

- A value the registry writes from its vocabulary or in its formats (a status, a date, a type, a phase) is read
  with the escape written out ('\\ud800COMPLETED'): validation refuses it, and invalid_values.refused_value quotes
  it so, as it quotes every refused value.
- Any other string (a title, a description, a site's name) is text of which one character is unknown: it is read
  with U+FFFD, Unicode's mark of a character that cannot be told, in the escape's place, and noted (UNPAIRED_ESCAPE),
  quoting the value around the escape, written out; a value of a contact, an official or the responsible party
  is named, never quoted.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from flows.parsers.ctgov_json_v2_fields import quoted

# A JSON escape of a surrogate code point, paired or not: a document without one holds no lone surrogate.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# A surrogate code point in a string the standard JSON reader gave (a paired escape is read as its character).
_LONE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# Keys whose value the registry writes from its vocabulary or in its formats, which validation refuses when it is
# written otherwise (besides every key ending in 'Date').
CODED_KEYS = frozenset({
    "nctId", "overallStatus", "lastKnownStatus", "studyType", "phases", "allocation", "interventionModel",
    "primaryPurpose", "masking", "whoMasked", "observationalModel", "timePerspective", "samplingMethod", "sex",
    "stdAges", "healthyVolunteers", "ipdSharing", "infoTypes", "class", "role", "status", "type", "date",
    "versionHolder", "count", "oversightHasDmc", "isFdaRegulatedDrug", "isFdaRegulatedDevice", "isUnapprovedDevice",
    "isPpsd", "isUsExport", "hasExpandedAccess", "lat", "lon",
})
# Parts whose coded values are not judged by validation (the contacts' roles, the secondary ids' types): their
# strings are read as text, with U+FFFD.
_UNJUDGED_PARTS = frozenset({"centralContacts", "contacts", "secondaryIdInfos"})
# Parts that name people: their values are never quoted.
PERSONAL_PARTS = frozenset({"centralContacts", "contacts", "responsibleParty", "overallOfficials"})
# Characters quoted on each side of the escape.
_AROUND = 30
# The longest value quoted whole.
_WHOLE = 80
_PROTOCOL = "protocolSection."


def written_out(value: str) -> str:
    """`value` with each lone surrogate written out as JSON writes its escape ('\\ud800')."""
    return _LONE.sub(lambda found: f"\\u{ord(found.group()):04x}", value)


class _Reading:
    """The notes of one study's strings, one per part (its array items counted together)."""

    def __init__(self) -> None:
        self.notes: dict[str, list] = {}  # part without item numbers -> [note, strings]

    def note(self, path: str, note: str) -> None:
        """Note a string at `path` (the first of its part is quoted)."""
        self.notes.setdefault(re.sub(r"\[\d+\]", "[]", path), [note, 0])[1] += 1

    def said(self) -> list[str]:
        """Each part's note, with how many more strings of it hold such an escape."""
        return [note if strings == 1 else f"{note} (and {strings - 1} more such strings of {part})"
                for part, (note, strings) in self.notes.items()]


def paired(study: object) -> tuple[object, list[str]]:
    """The study with each string (and key) that holds a lone surrogate read as a value given otherwise, and the
    notes of those read with U+FFFD. Its arrays and objects are changed in place, walked without recursion: a
    study nested as deep as JSON readers go is read as any other."""
    reading = _Reading()
    holder = [study]
    # (the array or object holding the value, its index or key there, the value, its path, unjudged, personal), in
    # the order met, first on top: each string is read, and noted, in the record's order.
    stack: list[tuple] = [(holder, 0, study, "", False, False)]
    while stack:
        parent, at, node, path, unjudged, personal = stack.pop()
        if type(node) is _KeyNote:
            reading.note(path, node.note)
        elif type(node) is str:
            if _LONE.search(node):
                parent[at] = _string(node, path, unjudged, personal, reading)
        elif type(node) is list:
            stack.extend(reversed([(node, index, item, f"{path}[{index}]", unjudged, personal)
                                   for index, item in enumerate(node) if type(item) in _HOLDING]))
        elif type(node) is dict:
            stack.extend(reversed(_members(node, path, unjudged, personal, reading)))
    return holder[0], reading.said()


class _KeyNote(NamedTuple):
    """The note of an object's key that holds a lone surrogate, taken in the record's order with its values."""

    note: str


# The types of a JSON value that may hold a lone surrogate.
_HOLDING = (str, list, dict)


def _members(node: dict, path: str, unjudged: bool, personal: bool, reading: _Reading) -> list[tuple]:
    """The stack entries of an object's values, in its order; a key that holds a lone surrogate is written out (the
    object rebuilt in place, its order kept), and its note is an entry before its value's."""
    written_keys = set()
    if any(_LONE.search(key) for key in node):
        items = list(node.items())
        node.clear()
        for key, value in items:
            if _LONE.search(key):
                key = written_out(key)
                written_keys.add(key)
            node[key] = value
    members = []
    for key, value in node.items():
        if key in written_keys:
            note = f"the key {quoted(key)} of {path or 'the study'} holds an escape without its pair: a key the " \
                   "registry does not give, not read"
            members.append((None, None, _KeyNote(note), f"{path}.{key}", unjudged, personal))
        if type(value) in _HOLDING:
            part = f"{path}.{key}".removeprefix(".").removeprefix(_PROTOCOL)
            members.append((node, key, value, part, unjudged or key in _UNJUDGED_PARTS,
                            personal or key in PERSONAL_PARTS))
    return members


def _string(value: str, path: str, unjudged: bool, personal: bool, reading: _Reading) -> str:
    """A string that holds a lone surrogate: a coded value with the escape written out, for validation to refuse and
    quote; text with U+FFFD in the escape's place, noted."""
    key = re.sub(r"\[\d+\]$", "", path).rpartition(".")[2]
    if not unjudged and (key in CODED_KEYS or key.endswith("Date")):
        return written_out(value)
    if personal:
        shown = "a value of a person (not quoted)"
    else:
        shown = _quote_around(written_out(value), _LONE.search(value).start())
    reading.note(path, f"{path} is {shown}, where a \\uD800-\\uDFFF escape has no pair")
    return _LONE.sub(REPLACEMENT, value)


def _quote_around(value: str, at: int) -> str:
    """`value` in quotes; a long one cut to the stretch around its character at `at`, with '...' where it goes on."""
    if len(value) <= _WHOLE:
        return f"'{value}'"
    start, end = max(0, at - _AROUND), at + len("\\ud800") + _AROUND
    return f"'{'...' if start else ''}{value[start:end]}{'...' if end < len(value) else ''}'"
