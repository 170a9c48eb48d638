"""Typed reads of ClinicalTrials.gov API v2 JSON fields. A value of the wrong type (a title given as an object, a
flag given as a number) is refused as given, kept raw and flagged by validation, never read as missing. A string
that spells the value meant (a flag given as "Yes", a count as "+12", a lone condition given for the array) is read
as that value and noted, quoting it (`note_read_as`): the parser reports it as a problem of its study, and the study
loads with the value. So is a value written otherwise than API v2 writes it (a date 'Jan 2020'), whose note says
WHERE_API_V2_WRITES.

A part read as an object or an array of objects but given as another type (a designModule given as a string, an
arm given as a string in armGroups) cannot be read: each read notes it (`unread`), and the parser reports it as a
problem of its study. A note names the part and the type it had, never its value: a part may hold a contact's
name or phone. (An array of registry values, such as stdAges, that holds one API v2 does not know is noted with
that value: `named_flags`.) An item of an array of objects given as an empty object (armGroups [{}]) is read as AACT
reads it, an item of no values, and noted as empty (`note_empty_part`)."""
from __future__ import annotations

import json

from flows.parsers import labels
from flows.parsers.model import Refused, note_empty_part, note_read_as, note_unread_part
from schemas.enums import ENROLLMENT_MAX


def section(node: object, *keys: str) -> dict:
    """The object at `keys` under `node`, or {} when any step is missing or not an object (a step of another type
    is noted as unread)."""
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        return node
    if node is not None:
        note_unread(keys[-1], node)
    return {}


def part(node: dict, key: str) -> dict | None:
    """The object at `node[key]`; None when it is absent, or of another type (noted as unread)."""
    value = node.get(key)
    if type(value) is dict:
        return value
    if value is not None:
        note_unread(key, value)
    return None


def objects(node: dict, key: str) -> list[dict]:
    """The objects of the array of objects at `node[key]`; an item of another type, or a value that is no array,
    is noted as unread."""
    value = node.get(key)
    if type(value) is list:
        found = [item for item in value if type(item) is dict]
        if len(found) != len(value):
            for index, item in enumerate(value):
                if type(item) is not dict:
                    note_unread(f"{key}[{index}]", item)
        if {} in found:  # compares sizes first: a usual item is passed over at once
            _note_empty(key, value)
        return found
    if value is not None:
        note_unread(key, value, "an array")
    return []


def _note_empty(key: str, value: list) -> None:
    """Note each item of the array at `key` given as an empty object (armGroups [{}]): read as AACT reads it, an item
    of no values, which the registry never writes."""
    for index, item in enumerate(value):
        if type(item) is dict and not item:
            note_empty_part(f"{key}[{index}] is an empty object, where the registry gives the item's values")


def note_unread(name: str, value: object, expected: str = "an object") -> None:
    """Note the part `name`, read as `expected` but given as `value` (only its type is said)."""
    note_unread_part(f"{name} is {json_type(value)}, not {expected}")


def json_type(value: object) -> str:
    """The JSON type of a parsed value in words: 'a string', 'an array'..."""
    return _KINDS.get(type(value), "a value of another type")


_KINDS = {type(None): "null", str: "a string", int: "a number", float: "a number", bool: "a boolean",
          list: "an array", dict: "an object"}


def items(value: object) -> list:
    """A JSON array as a list; a lone value as a one-item list; nothing as []."""
    if isinstance(value, list):
        return value
    return [] if value is None or isinstance(value, dict) else [value]


def text(value: object) -> str | Refused | None:
    """A non-blank string as given; numbers as their text; an object, a list or a boolean refused as given."""
    if type(value) is str:
        return value if value and not value.isspace() else None
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return Refused(as_json(value), "text")


def plain_text(value: object) -> str | None:
    """`text` for a value read to decide something rather than stored: anything but text or a number is None."""
    read = text(value)
    return read if type(read) is str else None


def value_text(value: object) -> str | None:
    """The text of a value that is parsed further (a date): an object, a list or a boolean as its JSON text, so
    that the parse refuses it, quoting it as given."""
    read = text(value)
    return as_json(value) if type(read) is Refused else read


def as_json(value: object) -> str:
    """A value as the JSON source gives it."""
    return json.dumps(value, ensure_ascii=False)


def texts(value: object, name: str | None = None) -> list[str | Refused]:
    """The non-blank strings (and numbers, as text) of a JSON array; an item of another type is refused as given,
    and so is an object given for the array. A lone string or number given for the array at `name` (conditions
    "Asthma") is read as a list of one, and noted, quoting it."""
    if isinstance(value, dict):
        return [Refused(as_json(value), "a JSON list of text")]
    if name is not None and type(value) in _LONE and (type(value) is not str or value.strip()):
        _note_lone(name, value)
    found = []
    for item in items(value):
        if type(item) is str and item and not item.isspace():  # the usual case, without a call
            found.append(item)
        elif (item := text(item)) is not None:
            found.append(item)
    return found


# A value given for an array that `texts` reads as a list of one.
_LONE = (str, int, float)


def _note_lone(name: str, value: str | int | float) -> None:
    """Note a lone string or number given for the array at `name`, read as a list of one."""
    if type(value) is str:
        note_read_as(name, f"{name} is the string {quoted(value)}, not a JSON array: read as a list of one")
    else:
        note_read_as(name, f"{name} is the number {value}, {WHERE_API_V2_WRITES} a JSON array of text: read as a "
                           "list of one")


def named_flags(name: str, value: object, flags: dict[str, str]) -> dict[str, bool | None]:
    """column -> whether the array of API v2 values at `name` (stdAges, whoMasked) names the column's value, as AACT
    stores such an array; None for each when the record gives none. A value the array may not hold, an item of
    another type (null too), or a value given for the array that is no array, is noted as unread, quoting it (the
    array's values are the registry's words, never personal data): a column whose value the array names is still
    True, the others None, since what the array left out can no longer be told."""
    if value is None:
        return dict.fromkeys(flags)
    if type(value) is not list:
        note_unread(name, value, "an array")
        return dict.fromkeys(flags)
    known = set(flags.values())
    # A null or blank item names no value: the array is odd, not an array that names none of the columns.
    odd = [item for item in value if type(item) is not str or item not in known]
    if not odd:
        return {column: wanted in value for column, wanted in flags.items()}
    shown = odd[0] if type(odd[0]) is str else as_json(odd[0])
    note_unread_part(f"{name} holds {quoted(shown)}, not one of {', '.join(flags.values())}")
    return {column: True if wanted in value else None for column, wanted in flags.items()}


def integer(value: object, name: str) -> object:
    """A count (of participants: at most ENROLLMENT_MAX): an integer as it is; a string of digits, after a '+' or
    not, as int, noted as read from a string; a number of no fraction written with one (120.0) as int, noted; other
    text or numbers as given, for validation to refuse and keep (enrollment 'abc', '-5', or a string past the most a
    count may be, quoted as given); a number past that most refused as the JSON gives it; nothing as None."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value <= ENROLLMENT_MAX:
        return value
    if isinstance(value, float) and value.is_integer() and value <= ENROLLMENT_MAX:  # 120.0, as a converter writes it
        note_read_as(name, f"{name} is the number {as_json(value)}, {WHERE_API_V2_WRITES} a whole number without a "
                           f"fraction: read as {int(value)}")
        return int(value)
    if isinstance(value, (int, float)) and value > ENROLLMENT_MAX:  # 1e30 quoted as given, not as 31 digits
        return Refused(as_json(value), _MOST_COUNT)
    if isinstance(value, str):
        digits = value.strip()
        digits = digits[1:] if digits[:1] == "+" else digits
        if digits.isascii() and digits.isdigit():  # not '²', which int() refuses
            significant = digits.lstrip("0") or "0"
            # few enough digits for int(), which refuses 4,300 and more
            if len(significant) <= _COUNT_DIGITS and (count := int(significant)) <= ENROLLMENT_MAX:
                note_read_as(name, f"{name} is the string {quoted(value)}, not a number: read as {count}")
                return count
    return value_text(value)


_COUNT_DIGITS = len(str(ENROLLMENT_MAX))
# What a JSON count past the most a count may be should be: 1e30 is a whole number, only too large to be a count.
_MOST_COUNT = f"a whole number at most {ENROLLMENT_MAX}"


def flag(node: dict, key: str) -> bool | Refused | None:
    """The flag at `node[key]`, read by `boolean` (the usual value, a boolean or none, without a call)."""
    value = node.get(key)
    return value if value is None or value is True or value is False else boolean(value, key)


def boolean(value: object, name: str) -> bool | Refused | None:
    """A JSON boolean as bool; 'Yes'/'No' (or 'true'/'false') text as bool, noted as read from a string; any other
    value is refused as given (kept raw and flagged by validation), never read as missing."""
    if isinstance(value, bool):
        return value
    if value is None:
        return None
    if isinstance(value, str):
        read = labels.yes_no(value, BOOLEAN)
        if type(read) is bool:
            note_read_as(name, f"{name} is the string {quoted(value)}, not a JSON boolean: "
                               f"read as {str(read).lower()}")
        return read
    return Refused(as_json(value), BOOLEAN)


BOOLEAN = "a JSON boolean, true or false"


# The words of a note on a value read as it spells that is written otherwise than API v2 writes it, rather than given
# in another type (a date 'Jan 2020', a phases list ["PHASE1/PHASE2"]): checks.invalid_values words its finding so.
WHERE_API_V2_WRITES = "where API v2 writes"


def quoted(value: str) -> str:
    """A short value as the source gives it, in quotes (a long one cut)."""
    return f"'{value}'" if len(value) <= 60 else f"'{value[:60]}...'"
